"""The user's files: read within a limit and decoded (documents), written whole or not at all
(atomic), YAML read and written safely (yamlsafe).
"""
