"""Vietnamese-aware text folding for search and slugs."""

import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z]+")
_D_WITH_STROKE = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})


def fold(text: str) -> str:
    """Lowercase ``text`` and strip Vietnamese diacritics, mapping đ/Đ (and the look-alike ð/Ð) to d."""
    # Ð/ð (the eth, U+00D0/U+00F0) stand in for Đ/đ in text converted from old Vietnamese
    # encodings; neither decomposes, so both are mapped by hand.
    text = text.translate(_D_WITH_STROKE)
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalize_search_text(*parts: str) -> str:
    """Fold ``parts`` into one space-separated string of ASCII words, for substring search."""
    folded = fold(" ".join(part for part in parts if part))
    return " ".join(_NON_WORD.split(folded)).strip()


def search_terms(query: str, *, max_terms: int = 12) -> list[str]:
    """Split a user's query into folded words, dropping duplicates and keeping at most ``max_terms``."""
    terms: list[str] = []
    for word in normalize_search_text(query).split():
        if word not in terms:
            terms.append(word)
    return terms[:max_terms]


def vietnamese_slugify(text: str) -> str:
    """A readable ASCII slug: "Kẹo cu đơ Hà Tĩnh" -> "keo-cu-do-ha-tinh"."""
    return "-".join(normalize_search_text(text).split())
