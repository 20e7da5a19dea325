DATE_FORMAT = "j. E Y"                     # 1. decembra 2026 (month in the genitive)
SHORT_DATE_FORMAT = "j. n. Y"              # 1. 12. 2026
DATETIME_FORMAT = "j. E Y, H:i"
SHORT_DATETIME_FORMAT = "j. n. Y, H:i"
FULL_DATETIME_FORMAT = "l j. E Y, H:i"
WEEKDAY_DATE_FORMAT = "D j. n."
WEEKDAY_DATETIME_FORMAT = "D j. n., H:i"
