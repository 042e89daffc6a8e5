"""The deadline language: reading a phrase (reader), resolving it against a calendar
(resolve), many at once (batch), and text as people write it (text: dates, Chinese numerals).
"""
