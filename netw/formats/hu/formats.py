DATE_FORMAT = "Y. F j."                    # 2026. december 1.
SHORT_DATE_FORMAT = "Y. m. d."             # 2026. 12. 01.
DATETIME_FORMAT = "Y. F j. H:i"
SHORT_DATETIME_FORMAT = "Y. m. d. H:i"
FULL_DATETIME_FORMAT = "Y. F j., l H:i"    # 2026. december 1., kedd 16:30
WEEKDAY_DATE_FORMAT = "m. d., D"           # 12. 01., K
WEEKDAY_DATETIME_FORMAT = "m. d., D H:i"
