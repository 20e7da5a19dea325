DATE_FORMAT = "j F Y"                      # 1 dicembre 2026
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FULL_DATETIME_FORMAT = "l j F Y, H:i"      # martedì 1 dicembre 2026, 16:30
WEEKDAY_DATE_FORMAT = "D j/m"
WEEKDAY_DATETIME_FORMAT = "D j/m, H:i"
