# English, written the European way: day before month, 24-hour clock, no month/day numerals.
DATE_FORMAT = "j F Y"                      # 1 December 2026
SHORT_DATE_FORMAT = "j M Y"                # 1 Dec 2026
DATETIME_FORMAT = "j F Y, H:i"             # 1 December 2026, 16:30
SHORT_DATETIME_FORMAT = "j M Y, H:i"       # 1 Dec 2026, 16:30
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
FIRST_DAY_OF_WEEK = 1                      # Monday
FULL_DATETIME_FORMAT = "l j F Y, H:i"      # Tuesday 1 December 2026, 16:30
WEEKDAY_DATE_FORMAT = "D j M"              # Tue 1 Dec
WEEKDAY_DATETIME_FORMAT = "D j M, H:i"     # Tue 1 Dec, 16:30
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
