# Day-first English dates ("15 October 2024"), never the ambiguous 10/15/2024.
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
