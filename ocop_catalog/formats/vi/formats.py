# Vietnamese dates as people write them on certificates ("15/10/2024"); Django's own module
# supplies the rest. Grouping is needed for 120.000 ₫ (Django's Vietnamese module has none).
DATE_FORMAT = "d/m/Y"
SHORT_DATE_FORMAT = "d/m/Y"
NUMBER_GROUPING = 3
