"""The calendar: which days are working days.

workdays (the index and WorkCalendar), builtin (years from chinese-calendar), provisional
(years nobody has published, from the statutory holidays), notice_import (State Council
notice text in, a year out), files (calendar files read and written), locations (where
calendar files are found), months (a month's days and weeks, for month grids).
"""
