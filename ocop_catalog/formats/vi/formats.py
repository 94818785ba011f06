# Vietnamese dates as people write them on certificates ("15/10/2024"); Django's own module
# supplies the rest. Grouping is needed for 120.000 ₫ (Django's Vietnamese module has none).
DATE_FORMAT = "d/m/Y"
SHORT_DATE_FORMAT = "d/m/Y"
NUMBER_GROUPING = 3
# Django's Vietnamese DATETIME_FORMAT spells "Ngày 29 tháng 11 năm 2026" with a capital letter,
# which reads wrong inside a sentence ("tính đến 05:06 Ngày 29 …"); the time then the date as above.
DATETIME_FORMAT = "H:i d/m/Y"
SHORT_DATETIME_FORMAT = "H:i d/m/Y"
