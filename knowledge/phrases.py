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
