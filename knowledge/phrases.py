"""Words the readings of figures share: periods, who speaks of whose side, a figure said again or
worked out.

One place for each pattern, so that claim extraction, the figures' reading, their index and the rules
that judge them read the same words the same way."""

from __future__ import annotations

import re

# Days in each period a rate can be stated per (canonical rates are per day)
DAYS_PER = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "week": 7.0, "month": 30.44,
            "quarter": 91.31, "year": 365.25}

# The reader's own figure said back to them: "you mentioned", "you told us", "you're at"
READERS_WORDS = re.compile(
    r"\byou(?:['’]ve| have)? (?:said|mentioned|told (?:me|us)|shared|noted|described|estimated)\b"
    r"|\byou(?:['’]re| are) (?:at|running at|seeing|dealing with)\b|\b(?:today|currently|right now),? you\b",
    re.I)

# The company's side, not the reader's: "we", "our median customer", "customers like you"
OUR_SIDE = re.compile(r"\b(?:we|we['’]re|we['’]ve|our|us|customers?|clients?|users?)\b", re.I)

# Words that introduce a figure as another way of saying what came before: "that's", "which is"
THAT_IS = r"(?:that['’]s|that\s+is|this\s+is|which\s+is)"
# Words that introduce what figures stated before come to: "comes to", "works out at"
COMES_TO = r"(?:comes\s+to|works\s+out\s+(?:to|at))"
# A hedge on a figure: "about", "nearly", "just over"
HEDGE = r"(?:nearly|almost|about|around|roughly|some|close\s+to|just\s+(?:over|under))"
# "That's nearly two in five of the empty slots", "i.e. 38%": the figure just stated, said again in
# other words
SAID_AGAIN = re.compile(rf"(?i)\b(?:{THAT_IS}|i\.e\.,?)\s+(?:{HEDGE}\s+)?$")

# A change, a gain or a loss, or what one is measured in, in the figure's clause: the figure is what
# changed, or what was gained
CHANGED = re.compile(
    r"(?i)\b(?:sav(?:e|es|ed|ing|ings)|cut(?:s|ting)?|reduc(?:e|es|ed|ing|tions?)|lower(?:s|ed|ing)?"
    r"|recover(?:s|ed|ing|y)?|los(?:e|es|t|ing|s|ses)|spen(?:d|ds|t|ding)|wast(?:e|es|ed|ing)|worth|back"
    r"|earn(?:s|ed|t|ing|ings)?|gain(?:s|ed|ing)?|avoid(?:s|ed|ing)?|increas(?:e|es|ed|ing)|improv(?:e|es|ed|ing|ements?)"
    r"|boost(?:s|ed|ing)?|rais(?:e|es|ed|ing)|lift(?:s|ed|ing)?|extra|more|additional|less|fewer|cheaper|higher"
    r"|bigger|larger|instead|down|up|grew|grow(?:s|n|ing|th)?|doubl(?:e|es|ed|ing)|tripl(?:e|es|ed|ing)"
    r"|halv(?:e|es|ed|ing)|drops?|dropped|fell|falls?|rose|rises?|shrank|become|becomes|became"
    r"|knock(?:s|ed)?|shav(?:e|es|ed)|revenue|margins?|profits?|payback|pays?\s+back|returns?|ROI)\b")
# Where a clause ends: punctuation, a dash, or a coordinate clause ("... for contents claims and
# raise it after 3 months")
CLAUSE_END = re.compile(r"[,;:()—–.!?]|\s-\s|\s(?:and|but|or|so)\s", re.I)
