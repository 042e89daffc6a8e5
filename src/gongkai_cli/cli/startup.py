"""The cyclic garbage collector, paused while gongkai starts.

Start-up (importing the modules, building the commands, reading the options) creates
thousands of long-lived objects and next to no garbage, and the collector would scan
them some 25 times for nothing: about 3 ms of a 60 ms start. It is paused before the
imports (cli/__init__.py); when a command starts running, what start-up built is moved
out of the collector's sight (``gc.freeze``) and collection resumes, so that a long
``--batch`` run collects as usual. The plans a command reads, which live as long as it,
are made the same way (long_lived).
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable

T = TypeVar("T")
_paused = False
_started = False  # this process's start-up paused the collector (a command, not the tests)


def pause_collector() -> None:
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume_collector() -> None:
    """Resume collecting, if start-up paused it (only the first time: a program that
    calls ``main`` again, as the tests do, is left alone)."""
    global _paused, _started
    if _paused:
        _paused = False
        _started = True
        gc.freeze()
        gc.enable()


def long_lived(make: Callable[[], T]) -> T:
    """``make()``, whose objects live as long as the command (the plans read: 100,000
    objects for 5,000 items): made with the collector paused and then moved out of its
    sight, as start-up's are, so that no later collection scans them again (5% of a
    ``due`` without the plan cache). Only in the command that gongkai's start-up began
    (until command_over): a program that calls ``main`` again (the tests) keeps
    collecting as usual."""
    if not _started or not gc.isenabled():
        return make()
    gc.disable()
    try:
        return make()
    finally:
        gc.freeze()
        gc.enable()


def command_over() -> None:
    """The command start-up began has ended: long_lived leaves any later one alone."""
    global _started
    _started = False
