DATE_FORMAT = "j. F Y."                    # 1. децембар 2026.
SHORT_DATE_FORMAT = "d.m.Y."
DATETIME_FORMAT = "j. F Y. H:i"
SHORT_DATETIME_FORMAT = "d.m.Y. H:i"
FULL_DATETIME_FORMAT = "l, j. F Y. H:i"
WEEKDAY_DATE_FORMAT = "D, j. n."
WEEKDAY_DATETIME_FORMAT = "D, j. n. H:i"
