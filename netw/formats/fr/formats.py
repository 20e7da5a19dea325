DATE_FORMAT = "j F Y"                      # 1 décembre 2026
SHORT_DATE_FORMAT = "d/m/Y"                # 01/12/2026
DATETIME_FORMAT = r"j F Y \à H:i"          # 1 décembre 2026 à 16:30
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FULL_DATETIME_FORMAT = r"l j F Y \à H:i"   # mardi 1 décembre 2026 à 16:30
WEEKDAY_DATE_FORMAT = "D j/m"              # mar. 1/12
WEEKDAY_DATETIME_FORMAT = "D j/m H:i"
