DATE_FORMAT = r"j \d\e F \d\e Y"           # 1 de dezembro de 2026
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = r"j \d\e F \d\e Y, H:i"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FULL_DATETIME_FORMAT = r"l, j \d\e F \d\e Y, H:i"
WEEKDAY_DATE_FORMAT = "D, j/m"
WEEKDAY_DATETIME_FORMAT = "D, j/m, H:i"
FIRST_DAY_OF_WEEK = 1
