"""The user's files: read within a limit and decoded (documents), written whole or not at all
(atomic), YAML read safely and quoted (yamlsafe), YAML as a tree with lines and the one
checking style (yamltree), the user's config and cache folders (folders).
"""
