"""Department names, as brackets, table cells and sentences write them: "办公室及规划发展司"
is two names, "初审及流程管理部" one. Pure: text in, names out."""

from __future__ import annotations

import re

from ...phrases.chinese import compact

# A name ends like a department; 及 / 和 / 与 after such an ending separates two names
_DEPT_END = "司部室办会局处厅台门位所院组科队站社馆委心行府"
_JOINER = re.compile(rf"(?<=[{_DEPT_END}])(?:及|和|与|以及|等)")  # 等: "基层处等" (flagged)
_BARE_NAME_MIN = 3  # "（单位）" is a word in a sentence, "（三期办）" a department


def split_outside(separators: str, text: str) -> list[str]:
    """``text`` split at any of ``separators`` outside brackets: "各县(市、区)政府、各乡镇政府"
    is two parts, the first with its bracket whole."""
    parts: list[str] = []
    depth = start = 0
    for at, char in enumerate(text):
        if char in "(（":
            depth += 1
        elif char in ")）":
            depth -= 1
        elif char in separators and depth <= 0 and not _levels_run(text, start, at):
            parts.append(text[start:at])
            start = at + 1
    return [*parts, text[start:]]


_LEVELS = "省州市县区旗乡镇"


def _levels_run(text: str, start: int, at: int) -> bool:
    """ "各州、市人民政府" (云南 2022), "各县、区政府": one name over two levels, the 、
    between a lone 各X and the next level not a separator."""
    return (
        text[at] == "、"
        and text[start:at].strip() in {f"各{c}" for c in _LEVELS}
        and text[at + 1 : at + 2] in tuple(_LEVELS)
    )


# "县民政局等部门", "市财政局等3个单位": the word after 等 says what kind, it is no name
# ("等有关部门" is: the other departments concerned, kept as owners)
_ETC_KIND = re.compile(
    rf"(?<=[{_DEPT_END}])等(?:[0-9一二三四五六七八九十]+个)?(?:部门|单位|处室|科室)(?=$|[、，,；;])"
)


def _names(text: str) -> list[str]:
    text = compact(text).strip("、，,；;。")
    text = re.sub(r"^(?:由|请)", "", text)
    text = _ETC_KIND.sub("等", text)
    names: list[str] = []
    for part in split_outside("、/，,；;", text):
        names.extend(p for p in _JOINER.split(part) if p)
    return names


def spaced_names(text: str) -> str:
    """A cell naming departments with only spaces between ("监督科 执法大队", as a Word cell
    of two lines gives them): the names joined with "、"; other text unchanged."""
    parts = text.split()
    if len(parts) > 1 and all(map(_is_department, parts)):
        return "、".join(parts)
    return text


# "初步实现统一软件与各部门应用系统衔接" (广西): a clause doing something, not an office's name
_DOING = re.compile(r"实现|加强|建立|健全|完善|开展|做好|提高|形成|推动|提升|衔接")


def _is_department(name: str) -> bool:
    if name.endswith(_NOT_OFFICES):  # "政府网站要及时更新": a website, not an office
        return False
    if _DOING.search(name):
        return False
    return (len(name) >= 2 and name[-1] in _DEPT_END) or name.startswith("各")


_NOT_OFFICES = ("网站", "门户网站", "子站", "专栏")
# Everyone, not an office a person can be asked about: "各级各部门要建立健全…" (广西)
BLANKET = frozenset({"各级各部门", "各地各部门", "各地区各部门", "各级各有关部门", "各级政府各部门"})


def _unique(names: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))
