"""Number tokens: digits, numbers in words ("seventy two", "twenty-five hundred"), fractions and idioms,
and the value of a run of number words."""

from __future__ import annotations

import re

_W_UNITS = "zero|one|two|three|four|five|six|seven|eight|nine"
_W_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_W_TENS = "twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety"
_PERIOD_WORDS = "hour|day|week|month|year"
# blanks with at most one line break: a hard-wrapped idiom ("in a\nfortnight"); across a break only a
# lower-case "a" opens one ("Plan A\nfortnight-one tasks" is a label and a word)
_WRAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"

# Number words as a trie on the first letter: much faster for ``re`` than a flat alternation.
_W = (
    r"(?:t(?:hirteen|hirty|hree|housand|rillion|welve|wenty|wo|en)|f(?:ourteen|ourty|ifteen|ifty|orty|our|ive)"
    r"|s(?:eventeen|eventy|even|ixteen|ixty|ix)|e(?:ighteen|ighty|ight|leven)|n(?:ineteen|inety|ine|ought)"
    r"|one|zero|hundred|million|billion)"
)
# A decimal comma ("R 2,4 million", "2,5 %", "€1,5m"): a comma followed by one or two digits is
# never a thousands separator; read as a decimal only where a scale or a percent sign follows (the
# scale also as "mill.", "Mio.", "mln" or "Mrd."), so
# that a list of digits ("steps 1,2 and 3") stays what it is
_DECIMAL_COMMA = r"\d{0,2},\d{1,2}(?=(?:[ \t]?(?:%|[mM]\b|bn\b|mn\b|k\b)|[ \t]+(?i:million|billion|thousand|per[ \t]?cent)\b|(?:[ \t]+|[ \t]*\n[ \t]*)(?:mill\.|Mio\b|mio\.|mln\b|[Mm]rd\b)))"
_NUM_TOKEN = re.compile(
    r"(?P<num>\d(?:(?<![\w.,/]\d)|(?<=(?<![\w$])R\d))(?<![A-Za-z]-\d)(?:" + _DECIMAL_COMMA + r"|\d{0,2}(?:,\d{3})+|\d*)(?:\.\d+)?)"
    r"(?P<suf>[A-Za-z]+)?(?!\w)"
)
_DECIMAL_COMMA_VALUE = re.compile(r"\d{1,3},\d{1,2}")


def digits_value(raw: str) -> float:
    """The value of a number written in digits: "1,250" is 1250, "2,4" (a decimal comma, only
    ever matched before a scale or a percent sign) is 2.4."""
    if _DECIMAL_COMMA_VALUE.fullmatch(raw):
        return float(raw.replace(",", "."))
    return float(raw.replace(",", ""))
_ALPHA = re.compile(r"[A-Za-z]+")
_VOCAB = frozenset(
    "a an nought one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    " fifteen sixteen seventeen eighteen nineteen twenty thirty forty fourty fifty sixty seventy"
    " eighty ninety hundred thousand million billion zero half halves third thirds quarter"
    " quarters fourth fourths fifth fifths tenth tenths twice double doubled triple tripled"
    " quadruple quadrupled twofold threefold fourfold fivefold sixfold sevenfold eightfold"
    " ninefold tenfold twentyfold fiftyfold hundredfold".split()
)
_FIGURE_WORDS = (_VOCAB - {"a", "an"}) | {"couple", "dozen", "fortnight", "few"}
# where a number word may start, searched in " " + text.lower(): the match starts one character
# before the word (a leading character class lets ``re`` skip ahead)
_WORD_START = re.compile(
    r"[^a-z0-9](?:t(?:hirteen|hirty|hirds?|hree|housand|rillion|welve|wenty|wice|ripled?|wo|en(?:ths?)?)"
    r"|f(?:ourteen|ourty|ourths?|our|ifteen|ifty|ifths?|ive|orty)|s(?:eventeen|eventy|even|ixteen|ixty|ix)"
    r"|e(?:ighteen|ighty|ight|leven)|n(?:ineteen|inety|ine|ought)|one|zero|h(?:undred|alf|alves)|million"
    r"|billion|q(?:uarters?|uadrupled?)|d(?:ozen|oubled?)|couple|an?)(?:fold)?\b"
)
_RANK = re.compile(r"#(?<![\w&]#)(?P<rank_n>\d{1,3})\b")
_WORD_TOKEN = re.compile(
    rf"""\b(?:
      (?P<anh>(?:(?i:an?|one)[ \t]+|(?:an?|one){_WRAP})(?P<anh_u>(?i:{_PERIOD_WORDS})){_WRAP}and{_WRAP}a{_WRAP}half\b(?!-))
    | (?P<halfa>[Hh]alf[ \t]+(?:an?[ \t]+)(?P<halfa_u>{_PERIOD_WORDS}|dozen|hundred|thousand|million|billion)\b)
    | (?P<halfpct>(?i:half[ \t]+(?:of[ \t]+)?(?:an?|one))(?=[ \t]+(?i:per[ \t]?cent|percent|percentage[ \t]+points?)\b))
    | (?P<couple>[Aa][ \t]+couple(?:[ \t]+of)?(?=[ \t]+[A-Za-z]))
    | (?P<fortnight>(?:[Aa][ \t]+|a{_WRAP})fortnight\b)
    | (?P<few>[Aa][ \t]+few[ \t]+(?P<few_u>(?i:minutes|hours|days|weeks|months|years))\b)
    | (?P<aperiod>[Aa](?:[ \t]+single[ \t]+(?P<aperiod_s>(?i:day|week|month|quarter|year))
        |[ \t]+(?P<aperiod_u>(?i:day|week|month|year)))\b)
    | (?P<dozen>[Aa][ \t]+dozen\b)
    | (?P<twice>(?i:twice|doubled?|tripled?|quadrupled?)\b)
    | (?P<fold>(?i:two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred)fold\b)
    | (?P<frac>(?:(?P<fn>(?i:an?|one|two|three|four|five|six|seven|eight|nine))[ \t-]+)?
        (?P<fd>(?i:half|halves|thirds?|quarters?|fourths?|fifths?|tenths?))\b)
    | (?P<words>(?i:(?:an?[ \t]+(?=(?:hundred|thousand|million|billion)\b))?{_W}
        (?:(?:[ \t]+and[ \t]+|[ \t-]+){_W})*
        (?:[ \t]+point(?:[ \t]+(?:{_W_UNITS}|nought))+)?)\b)
    )""",
    re.X,
)

_SMALL: dict[str, int] = {}
for _i, _w in enumerate(_W_UNITS.split("|")):
    _SMALL[_w] = _i
for _i, _w in enumerate(_W_TEENS.split("|"), start=10):
    _SMALL[_w] = _i
for _i, _w in enumerate(_W_TENS.replace("|fourty", "").split("|"), start=2):
    _SMALL[_w] = _i * 10
_SMALL["fourty"] = 40
_SMALL["nought"] = 0  # British for zero: "nought point five per cent"
_BIG = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_FRAC_DEN = {"half": 2, "halve": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "tenth": 10}
_FOLD = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
         "ten": 10, "twenty": 20, "fifty": 50, "hundred": 100}

_WORD = re.compile(r"[A-Za-z]+")


def _word_number(words: list[str]) -> float | None:
    """The value of a run of number words, or None when the run is not one number."""
    total = 0.0
    current = 0.0
    last = ""
    for w in words:
        if w in ("a", "an"):
            if last:
                return None
            current, last = 1.0, "a"
            continue
        v = _SMALL.get(w)
        if v is not None:
            if v < 10:
                if last in ("u", "t"):
                    return None
                last = "u"
            elif v < 20:
                if last in ("u", "t", "tens"):
                    return None
                last = "t"
            else:
                if last in ("u", "t", "tens"):
                    return None
                last = "tens"
            current += v
        elif w == "hundred":
            if last in ("h",):
                return None
            current = (current or 1.0) * 100
            last = "h"
        elif w in _BIG:
            if last == "s" and current == 0:
                return None
            total += (current or 1.0) * _BIG[w]
            current = 0.0
            last = "s"
        else:
            return None
    return total + current


def _split_words(seq: str, base: int) -> list[tuple[int, int, float, bool]]:
    """Split a run of number words into numbers: (start, end, value, ambiguous).

    "four and six" is two numbers; "twelve fifty" (a price said aloud) or "nineteen ninety" are
    two numbers run together with nothing between them, which is ambiguous: both are flagged.
    """
    low = seq.lower()
    decimals = ""
    point = low.find(" point ")
    if point >= 0:
        decimals = "".join(str(_SMALL.get(w, 0)) for w in _WORD.findall(low[point + 7:]))
        low = low[:point]
    toks = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(low)]
    out: list[tuple[int, int, float, bool]] = []
    carry = False
    i = 0
    while i < len(toks):
        if toks[i][0] == "and":
            i += 1
            carry = False
            continue
        words: list[str] = []
        best = -1
        k = i
        while k < len(toks):
            w = toks[k][0]
            if w == "and":
                if not words or words[-1] not in ("hundred", *_BIG):
                    break
                k += 1
                continue
            value = _word_number([*words, w])
            if value is None:
                break
            words.append(w)
            best = k
            k += 1
        if best < 0:  # "a" on its own
            i += 1
            carry = False
            continue
        value = _word_number(words)
        assert value is not None
        run_on = best + 1 < len(toks) and toks[best + 1][0] != "and"
        out.append((toks[i][1], toks[best][2], value, carry or run_on))
        carry = run_on
        i = best + 1
    if decimals and out and not out[-1][3]:
        s, _, v, a = out[-1]
        out[-1] = (s, len(seq), float(f"{int(v)}.{decimals}"), a)
    return [(base + s, base + e, v, a) for s, e, v, a in out]

