"""Things that look like numbers but are not figures: dates, times, quarters, phone and version numbers;
bare years, kept as the time scope of nearby figures."""

from __future__ import annotations

import re

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
_MONTH_NUM = {m.lower()[:3]: i for i, m in enumerate(_MONTHS.split("|")[:12], start=1)}
_PROTECT = re.compile(
    rf"""
    (?P<date>
        \b\d{{4}}-\d{{1,2}}-\d{{1,2}}(?:[T\s]\d{{1,2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?\b
      | \b\d{{4}}/\d{{1,2}}/\d{{1,2}}\b
      | \b\d{{1,2}}[/.]\d{{1,2}}[/.](?:\d{{4}}|\d{{2}})\b
      | \b\d{{4}}-(?:0[1-9]|1[0-2])\b(?![-\d%])
      | \b(?:{_MONTHS})\.?[ \t]+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\s*(?:%|percent|x\b|,\d))(?:,?[ \t]+\d{{4}}\b)?
      | \b\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?:{_MONTHS})\b\.?(?:,?[ \t]+\d{{4}}\b)?
      | \b(?:{_MONTHS})\.?,?[ \t]+(?:of[ \t]+)?\d{{4}}\b
      | \b(?:[Qq][1-4]|H[12]|FY|CY)[ \t]?'?\d{{2,4}}\b
      | \b(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)[ \t]+(?:of[ \t]+)?\d{{4}}\b
    )
  | (?P<time>
        \b\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:[.,]\d+)?(?:[ \t]*[apAP]\.?[mM]\b\.?)?
      | \b\d{{1,2}}[ \t]*[apAP]\.[mM]\.
      | \b\d{{1,2}}[ \t]*[apAP][mM]\b
    )
  | (?P<phone>
        (?<![\w.])(?:\+\d{{1,3}}[\s.-]?)?(?:\(\d{{2,4}}\)[\s.-]?|\d{{3}}[\s.-])\d{{3}}[\s.-]\d{{4}}(?!\w)
      | (?<![\w.])\+\d{{1,3}}(?:[\s.-]?\d{{2,4}}){{2,5}}(?!\w)
    )
  | (?P<version>
        (?<![\w.])[vV]\.?[ \t]?\d+(?:\.\d+)+
      | \b\d+\.\d+\.\d+(?:\.\d+)*\b
      | \b(?:[Vv]ersion|[Rr]elease|[Vv]er\.|[Rr]ev\.?|[Rr]evision|[Bb]uild)[ \t]+\d+(?:\.\d+)*\b
      | \b[A-Z]{{2,}}-\d+\b
      | \b[A-Z]{{2,}}[ \t]\d{{1,4}}[-–]\d{{1,4}}\b(?![-–\d%]|[ \t]*(?:per[ \t]?cent|percent))
    )
    """,
    re.X,
)
_PROTECT_LEAD = re.compile(
    rf"(?:\b(?:{_MONTHS})[a-z]*\.?,?[ \t]+(?:of[ \t]+)?|\b(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)[ \t]+(?:of[ \t]+)?"
    r"|\d{1,2}(?:st|nd|rd|th)?,?[ \t]+(?:of[ \t]+)?|\b(?:[Qq][1-4]|H[12]|FY|CY)[ \t]?'?|[Vv]\.?[ \t]?"
    r"|\+\d{0,3}[ \t.-]?|\(|\)[ \t.-]?|\d{3}[ \t.-]|[A-Z]{2,}-|\b[A-Z]{2,}[ \t]"
    r"|\b(?:[Vv]ersion|[Rr]elease|[Bb]uild|[Rr]ev\.?|[Rr]evision|[Vv]er\.)[ \t]+)$"
)
_YEAR = re.compile(r"(?<!\d)(1[89]\d{2}|20\d{2}|2100)(?!\d)")
