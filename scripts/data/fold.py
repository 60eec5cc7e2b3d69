"""Name folding shared by the data build and the C++ fold table (src/geocode/fold_table.inc).

A key is made character by character: NFKD, drop combining marks, casefold, a few letters that
NFKD leaves alone (ø, ł, đ, ...) spelled in ASCII, apostrophes removed, every other
non-letter/non-digit turned into a space; then runs of spaces collapse and the ends are trimmed.
Because every step works on one code point at a time, the C++ side reproduces it exactly with a
per-code-point table.
"""
import unicodedata

# Letters without a canonical decomposition, spelled the way English-language sources do.
EXTRA_LETTERS = {
    "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe",
    "ı": "i", "ħ": "h", "ŧ": "t", "ŀ": "l", "ɨ": "i", "ƒ": "f", "ß": "ss",
}
# Removed outright so that "Xi'an" and "Xian", "Hawaiʻi" and "Hawaii" fold alike.
APOSTROPHES = set("'`´‘’ʹʻʼʽˈ′")


def _is_hangul_syllable(cp):
    return 0xAC00 <= cp <= 0xD7A3


def _one_pass(ch):
    cp = ord(ch)
    if ch in APOSTROPHES:
        return ""
    # Hangul syllables would decompose into jamo; keep them whole (they match as written).
    if _is_hangul_syllable(cp):
        return ch
    # Outside the Basic Multilingual Plane (rare CJK, emoji): kept as written, table stays small.
    if cp > 0xFFFF:
        return ch
    out = []
    for d in unicodedata.normalize("NFKD", ch):
        if unicodedata.combining(d) or unicodedata.category(d) == "Mn":
            continue
        for c in d.casefold():
            c = EXTRA_LETTERS.get(c, c)
            for e in c:
                if e in APOSTROPHES:
                    continue
                cat = unicodedata.category(e)
                if cat[0] in "LN" or _is_hangul_syllable(ord(e)):
                    out.append(e)
                else:
                    out.append(" ")
    return "".join(out)


def fold_char(ch):
    """The folded spelling of one code point (may be empty, a space, or several letters)."""
    prev = ch
    cur = _one_pass(ch)
    # Iterate until stable so that the table is idempotent (fold(fold(x)) == fold(x)).
    while cur != prev:
        prev = cur
        cur = "".join(_one_pass(c) for c in cur)
    return cur


_cache = {}


def fold(text):
    """The matching key of a name: folded, spaces collapsed, trimmed."""
    parts = []
    for ch in text:
        f = _cache.get(ch)
        if f is None:
            f = fold_char(ch)
            _cache[ch] = f
        parts.append(f)
    return " ".join(w for w in "".join(parts).split(" ") if w)
