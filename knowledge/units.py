"""Units of figures: one canonical unit per kind, so that a claim and a metric can be compared.

=============  =================  ==========================================================
kind           canonical unit     notes
=============  =================  ==========================================================
percent        ``percent``        0-100; a ``fraction`` (0.5) becomes 50 percent
duration       ``days``           weeks x 7, months x 30.44, quarters x 91.31, years x 365.25,
                                  hours / 24, minutes / 1440, seconds / 86400
currency       ISO code           ``USD``, ``EUR``, ``GBP`` ...; the value in whole units
multiplier     ``x``              the factor: "3x", "three times faster", "twice as"
count          a noun             lower case, plural ("customers"); a rate keeps its period in
                                  the singular ("builds/day", "invoices/month")
number         ``""``             unitless
=============  =================  ==========================================================

A rate on a duration, a currency or a percentage ("25 hours a week", "$480K a year") keeps the
canonical unit of its kind: the period is a property of the claim (``Claim.extra["per"]``), not of
the unit, because metrics are registered that way ("annual savings: 480000 USD").
"""

from __future__ import annotations

import functools
import re

from .model import Value

PERCENT = "percent"
DURATION = "duration"
CURRENCY = "currency"
MULTIPLIER = "multiplier"
COUNT = "count"
NUMBER = "number"
KINDS: tuple[str, ...] = (PERCENT, DURATION, CURRENCY, MULTIPLIER, COUNT, NUMBER)

_PERCENT_UNITS = {"%", "percent", "per cent", "percents", "pct", "pct.", "percentage", "percentages"}
_FRACTION_UNITS = {"fraction", "share", "ratio"}
_MULTIPLIER_UNITS = {"x", "×", "times", "fold", "-fold", "twice", "double", "doubled", "factor"}

# Days per unit.
_DAYS: dict[str, float] = {}
for _names, _days in (
    (("millisecond", "milliseconds", "ms"), 1 / 86_400_000),
    (("second", "seconds", "sec", "secs", "s"), 1 / 86400),
    (("minute", "minutes", "min", "mins"), 1 / 1440),
    (("hour", "hours", "hr", "hrs", "h"), 1 / 24),
    (("day", "days", "d", "business day", "business days", "working day", "working days",
      "calendar day", "calendar days"), 1.0),
    (("week", "weeks", "wk", "wks", "w", "business week", "business weeks", "working week",
      "working weeks"), 7.0),
    (("fortnight", "fortnights"), 14.0),
    (("month", "months", "mo", "mos", "m", "calendar month", "calendar months"), 30.44),
    (("quarter", "quarters", "q"), 91.31),
    (("year", "years", "yr", "yrs", "y", "calendar year", "calendar years"), 365.25),
):
    for _n in _names:
        _DAYS[_n] = _days

# Currency: symbol or word -> (ISO code, factor to whole units).
_CURRENCY: dict[str, tuple[str, float]] = {
    "$": ("USD", 1.0), "us$": ("USD", 1.0), "usd": ("USD", 1.0), "dollar": ("USD", 1.0),
    "dollars": ("USD", 1.0), "us dollars": ("USD", 1.0), "bucks": ("USD", 1.0),
    "cent": ("USD", 0.01), "cents": ("USD", 0.01),
    "€": ("EUR", 1.0), "eur": ("EUR", 1.0), "euro": ("EUR", 1.0), "euros": ("EUR", 1.0),
    "£": ("GBP", 1.0), "gbp": ("GBP", 1.0), "pound": ("GBP", 1.0), "pounds": ("GBP", 1.0),
    "pounds sterling": ("GBP", 1.0), "pence": ("GBP", 0.01), "quid": ("GBP", 1.0),
    "c$": ("CAD", 1.0), "ca$": ("CAD", 1.0), "cad": ("CAD", 1.0),
    "a$": ("AUD", 1.0), "au$": ("AUD", 1.0), "aud": ("AUD", 1.0),
    "chf": ("CHF", 1.0), "¥": ("JPY", 1.0), "jpy": ("JPY", 1.0), "yen": ("JPY", 1.0),
    "₹": ("INR", 1.0), "inr": ("INR", 1.0), "rupees": ("INR", 1.0), "rupee": ("INR", 1.0), "rs": ("INR", 1.0),
    "zar": ("ZAR", 1.0), "rand": ("ZAR", 1.0),
    # other currencies by their unambiguous symbols and ISO codes ("₦1.8 billion", "NGN 1.4bn"); "nz$",
    # "s$" and "hk$" are read in a metric's unit ("unit: NZ$"), while prose reads "NZ$38" as "$38"
    "₦": ("NGN", 1.0), "ngn": ("NGN", 1.0), "naira": ("NGN", 1.0), "₱": ("PHP", 1.0), "php": ("PHP", 1.0),
    "nz$": ("NZD", 1.0), "nzd": ("NZD", 1.0), "s$": ("SGD", 1.0), "sgd": ("SGD", 1.0),
    "hk$": ("HKD", 1.0), "hkd": ("HKD", 1.0), "r$": ("BRL", 1.0), "brl": ("BRL", 1.0),
    "₩": ("KRW", 1.0), "krw": ("KRW", 1.0), "₪": ("ILS", 1.0), "ils": ("ILS", 1.0),
    "₺": ("TRY", 1.0), "₫": ("VND", 1.0), "vnd": ("VND", 1.0), "₴": ("UAH", 1.0), "uah": ("UAH", 1.0),
    "฿": ("THB", 1.0), "thb": ("THB", 1.0), "kes": ("KES", 1.0), "ghs": ("GHS", 1.0), "mxn": ("MXN", 1.0),
    "sek": ("SEK", 1.0), "nok": ("NOK", 1.0), "dkk": ("DKK", 1.0), "pln": ("PLN", 1.0), "aed": ("AED", 1.0),
    "sar": ("SAR", 1.0), "cny": ("CNY", 1.0), "rmb": ("CNY", 1.0), "idr": ("IDR", 1.0), "myr": ("MYR", 1.0),
}
_SYMBOL = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "CAD": "C$", "AUD": "A$", "ZAR": "R",
           "NGN": "₦", "NZD": "NZ$", "SGD": "S$", "HKD": "HK$", "BRL": "R$", "KRW": "₩", "ILS": "₪", "THB": "฿",
           "PHP": "₱"}
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "mn": 1e6, "million": 1e6,
          "b": 1e9, "bn": 1e9, "billion": 1e9, "t": 1e12, "trillion": 1e12,
          "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7}

_PERIODS = {
    "s": "second", "sec": "second", "second": "second", "min": "minute", "minute": "minute",
    "h": "hour", "hr": "hour", "hour": "hour", "d": "day", "day": "day", "wk": "week",
    "w": "week", "week": "week", "mo": "month", "month": "month", "quarter": "quarter",
    "q": "quarter", "yr": "year", "y": "year", "year": "year", "annum": "year",
}
# The period a rate said as an adverb or adjective names ("$3 million annually", "an annual fee",
# "fortnightly"): one table for every reader of such words.
ADVERB_PERIODS = {"hourly": "hour", "daily": "day", "weekly": "week", "fortnightly": "fortnight",
                  "monthly": "month", "quarterly": "quarter", "annual": "year", "annually": "year",
                  "yearly": "year"}

# Nouns that do not take an "s" in the plural, or whose plural is irregular.
_MASS = {
    "code", "data", "software", "staff", "feedback", "equipment", "information", "time",
    "money", "revenue", "traffic", "downtime", "uptime", "headcount", "spend", "people",
    "personnel", "work", "research", "news", "series", "species", "media", "sheep", "fish",
    "rank",
}
_IRREGULAR = {"person": "people", "child": "children", "man": "men", "woman": "women",
              "analysis": "analyses", "index": "indices", "criterion": "criteria"}

_RATE_SPLIT = re.compile(r"\s*(?:/|\bper\b|\ba\b|\ban\b|\beach\b|\bevery\b)\s*", re.I)
_SPACES = re.compile(r"\s+")


def plural(noun: str) -> str:
    """The plural of a lower-case English noun, good enough for units ("build" -> "builds")."""
    if not noun:
        return noun
    words = noun.split(" ")
    last = words[-1]
    if last in _MASS or last in _IRREGULAR.values():
        return noun
    if last in _IRREGULAR:
        last = _IRREGULAR[last]
    elif last.endswith("s") and not last.endswith(("ss", "us", "is")):
        pass
    elif last.endswith(("ss", "x", "z", "ch", "sh", "us", "is")):
        last += "es"
    elif len(last) > 1 and last.endswith("y") and last[-2] not in "aeiou":
        last = last[:-1] + "ies"
    else:
        last += "s"
    words[-1] = last
    return " ".join(words)


def _key(unit: str) -> str:
    return _SPACES.sub(" ", unit.strip().lower())


def period(word: str) -> str | None:
    """The singular period a rate is given per ("days" -> "day"), or None if ``word`` is not one."""
    w = _key(word)
    if w.endswith("s") and w[:-1] in _PERIODS:
        w = w[:-1]
    return _PERIODS.get(w)


@functools.lru_cache(maxsize=1)
def _abbreviations() -> dict[str, str]:
    from .text import lexicon

    return dict(entry.split("=", 1) for entry in lexicon("count_abbreviations") if "=" in entry)


def _spelled_out(noun: str) -> str:
    """"30 pts" counts points: an abbreviated last word, written out."""
    words = noun.split(" ")
    full = _abbreviations().get(words[-1].rstrip("."))
    return " ".join([*words[:-1], full]) if full else noun


def _count_unit(unit: str) -> str:
    """``"Builds per day"`` -> ``"builds/day"``; ``"customer"`` -> ``"customers"``; ``"pts"`` -> ``"points"``."""
    u = _key(unit)
    parts = [p for p in _RATE_SPLIT.split(u) if p]
    if not parts:
        return ""
    if u.startswith("/"):  # "/day": a rate whose noun is not said
        per = period(parts[0]) or parts[0]
        return f"/{per}"
    noun = plural(_spelled_out(parts[0]))
    if len(parts) == 1:
        return noun
    per = period(parts[1]) or parts[1]
    return f"{noun}/{per}"


def kind_of(unit: str) -> str:
    """The kind of a unit as written in a metric or in prose: ``"weeks"`` -> ``"duration"``."""
    u = _key(unit or "")
    if not u:
        return NUMBER
    if u in _PERCENT_UNITS or u in _FRACTION_UNITS:
        return PERCENT
    if u in _MULTIPLIER_UNITS:
        return MULTIPLIER
    if u in _DAYS:
        return DURATION
    if u in _CURRENCY or _currency_with_scale(u) is not None:
        return CURRENCY
    head = _RATE_SPLIT.split(u, maxsplit=1)[0]
    if head and head != u:
        if head in _DAYS:
            return DURATION
        if head in _CURRENCY:
            return CURRENCY
        if head in _PERCENT_UNITS:
            return PERCENT
    if u in ("number", "none", "-", "unitless"):
        return NUMBER
    return COUNT


def _currency_with_scale(u: str) -> tuple[str, float] | None:
    """``"$m"``, ``"usd million"``, ``"k€"``: a currency written with a scale."""
    m = re.fullmatch(r"([^\d\s]+?)\s*(k|m|mm|mn|bn|b|thousand|million|billion|lakhs?|crores?)", u)
    if m and m.group(1) in _CURRENCY:
        code, factor = _CURRENCY[m.group(1)]
        return code, factor * _SCALE[m.group(2)]
    m = re.fullmatch(r"(k|m|mm|mn|bn|b|thousand|million|billion|lakhs?|crores?)\s*([^\d\s]+)", u)
    if m and m.group(2) in _CURRENCY:
        code, factor = _CURRENCY[m.group(2)]
        return code, factor * _SCALE[m.group(1)]
    return None


def _scale(value: Value, factor: float) -> Value:
    if isinstance(value, tuple):
        return (_tidy(value[0] * factor), _tidy(value[1] * factor))
    return _tidy(value * factor)


def _tidy(x: float) -> float:
    """Round away binary noise (0.1 * 3) without losing real precision."""
    r = round(x, 9)
    return float(r)


def normalize(value: Value, unit: str) -> tuple[Value, str, str]:
    """(value, unit as written in a metric or in prose) -> (value in canonical unit, unit, kind).

    >>> normalize(6, "weeks")
    (42.0, 'days', 'duration')
    >>> normalize((25, 35), "%")
    ((25.0, 35.0), 'percent', 'percent')
    >>> normalize(1.2, "$M")
    (1200000.0, 'USD', 'currency')
    """
    if isinstance(value, list):  # a metric's [low, high] read from YAML
        value = (float(value[0]), float(value[1]))
    u = _key(unit or "")
    kind = kind_of(u)
    if kind == NUMBER:
        return _scale(value, 1.0), "", NUMBER
    if kind == PERCENT:
        if u in _FRACTION_UNITS:
            return _scale(value, 100.0), "percent", PERCENT
        return _scale(value, 1.0), "percent", PERCENT
    if kind == MULTIPLIER:
        return _scale(value, 1.0), "x", MULTIPLIER
    if kind == DURATION:
        head = u if u in _DAYS else _RATE_SPLIT.split(u, maxsplit=1)[0]
        return _scale(value, _DAYS[head]), "days", DURATION
    if kind == CURRENCY:
        if u in _CURRENCY:
            code, factor = _CURRENCY[u]
        else:
            scaled = _currency_with_scale(u)
            if scaled is None:
                code, factor = _CURRENCY[_RATE_SPLIT.split(u, maxsplit=1)[0]]
            else:
                code, factor = scaled
        return _scale(value, factor), code, CURRENCY
    return _scale(value, 1.0), _count_unit(u), COUNT


def _fmt(x: float, decimals: int = 2) -> str:
    if x == int(x) and abs(x) < 1e15:
        return f"{int(x):,}"
    return f"{x:,.{decimals}f}".rstrip("0").rstrip(".")


def _money(x: float, code: str) -> str:
    sym = _SYMBOL.get(code)
    ax = abs(x)
    if ax >= 1e9:
        body = _fmt(x / 1e9, 2) + "B"
    elif ax >= 1e6:
        body = _fmt(x / 1e6, 2) + "M"
    elif ax >= 1e5:
        body = _fmt(x / 1e3, 1) + "K"
    elif x != int(x):
        body = f"{x:,.2f}"
    else:
        body = _fmt(x)
    return f"{sym}{body}" if sym else f"{body} {code}"


def describe(value: Value, unit: str) -> str:
    """Human text for a figure: ``describe(6, "weeks")`` -> ``"6 weeks"``, ``(3.4, "USD")`` ->
    ``"$3.40"``, ``(78, "percent")`` -> ``"78%"``, ``((25, 35), "%")`` -> ``"25-35%"``."""
    if isinstance(value, list):
        value = (float(value[0]), float(value[1]))
    u = _key(unit or "")
    kind = kind_of(u)
    if kind == CURRENCY:
        code = normalize(1.0, u)[1]
        factor = float(normalize(1.0, u)[0])  # type: ignore[arg-type]
        if isinstance(value, tuple):
            return f"{_money(value[0] * factor, code)}-{_money(value[1] * factor, code)}"
        return _money(value * factor, code)
    if isinstance(value, tuple):
        num = f"{_fmt(value[0])}-{_fmt(value[1])}"
        single = False
    else:
        num = _fmt(value)
        single = value == 1
    if kind == PERCENT:
        if u in _FRACTION_UNITS:
            return describe(_scale(value, 100.0), "percent")
        return f"{num}%"
    if kind == MULTIPLIER:
        return f"{num}x"
    if kind == NUMBER:
        return num
    if kind == DURATION:
        word = u
        if word in _DAYS and len(word) <= 3:  # "d", "wk": write the word out
            word = {1.0: "days", 7.0: "weeks", 30.44: "months", 91.31: "quarters",
                    365.25: "years", 1 / 24: "hours", 1 / 1440: "minutes",
                    1 / 86400: "seconds"}[_DAYS[word]]
        if single and word.endswith("s"):
            word = word[:-1]
        return f"{num} {word}"
    # count
    if u.startswith("/"):
        return f"{num}{u}"
    noun = u
    if single and "/" not in noun:
        noun = next((k for k, v in _IRREGULAR.items() if v == noun), None) or (
            noun[:-1] if noun.endswith("s") and noun not in _MASS else noun
        )
    return f"{num} {noun}"
