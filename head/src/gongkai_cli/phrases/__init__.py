"""The deadline language: reading a phrase (reader), resolving it against a calendar
(resolve), many at once (batch), the words of deadlines (vocabulary), Chinese text and
numerals (chinese), and dates and times as written (dates).
"""
