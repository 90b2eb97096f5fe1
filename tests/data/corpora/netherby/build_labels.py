#!/usr/bin/env python3
"""Build labels.json for the Netherby corpus from anchor strings (standard library only).

Each label names a call file under kb/calls/ and an anchor string that must occur exactly once in
it; the label's line is the line where the anchor occurs. turn_lines (the lines of the speaker's
whole turn, when it is split over cues, JSON sentences, stamped lines or paragraph lines) are
worked out from the file. The script refuses a missing or non-unique anchor.

Run from anywhere: python3 build_labels.py
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KB = os.path.join(HERE, "kb")
TODAY = "2026-12-01"

# (call file, anchor, objection id or new:<theme>, speaker[, "optional"])
LABELS = [
    # borderline: describes the association's platform before any concern is voiced
    ("2026-10-20-fairview-community-sports.json", "A registration platform the soccer association makes us use", "new:governing-body-sync", "Karen Liu", "optional"),
    ("2026-08-04-kelburn-lawn-tennis.vtt", "The thing is, a good chunk of", "objections/member-adoption", "Doug Pennington"),
    ("2026-08-04-kelburn-lawn-tennis.vtt", "Mm. I'm just worried that if we", "objections/member-adoption", "Helen Marsh"),
    ("2026-08-04-kelburn-lawn-tennis.vtt", "Right. I'll be honest, Tama, our whole", "objections/club-budget", "Helen Marsh"),
    ("2026-08-11-dunmore-golf.srt", "The other thing is, every member's details", "new:governing-body-sync", "Declan Furey"),
    ("2026-08-11-dunmore-golf.srt", "Because at the moment when someone joins", "new:governing-body-sync", "Declan Furey"),
    ("2026-08-11-dunmore-golf.srt", "And the spreadsheet, honestly, I'm not sure", "objections/data-migration", "Siobhan Keane"),
    ("2026-08-11-dunmore-golf.srt", "And the booking plugin has five years", "objections/data-migration", "Siobhan Keane"),
    ("2026-08-11-dunmore-golf.srt", "I'll tell you now, the committee will", "objections/club-budget", "Siobhan Keane"),
    ("2026-08-19-harbourside-swim.json", "Our safeguarding officer will ask me straight", "new:junior-safeguarding", "Kerry Walsh"),
    ("2026-08-19-harbourside-swim.json", "If a coach can message a thirteen-year-old directly", "new:junior-safeguarding", "Kerry Walsh"),
    ("2026-08-19-harbourside-swim.json", "From my side, the parents are fine", "objections/member-adoption", "Sam Nguyen"),
    ("2026-08-19-harbourside-swim.json", "We have no staff.", "objections/volunteer-time", "Kerry Walsh"),
    ("2026-08-26-strathmore-golf.txt", "Here's my worry. The starter's hut on", "new:offline-connectivity", "Alasdair Fraser"),
    ("2026-08-26-strathmore-golf.txt", "And the broadband in the clubhouse goes", "new:offline-connectivity", "Jean Moncrieff"),
    ("2026-08-26-strathmore-golf.txt", "Then there's moving everything off the old", "objections/data-migration", "Jean Moncrieff"),
    ("2026-09-02-maple-ridge-racquet.vtt", "okay so that's the bit i wanted", "objections/card-fees", "Linda Oakes"),
    ("2026-09-02-maple-ridge-racquet.vtt", "right but if we move the annual", "objections/card-fees", "Linda Oakes"),
    ("2026-09-02-maple-ridge-racquet.vtt", "so what is the monthly i mean", "objections/club-budget", "Linda Oakes"),
    ("2026-09-02-maple-ridge-racquet.vtt", "yeah the board's going to look at", "objections/club-budget", "Linda Oakes"),
    ("2026-09-09-rondebosch-sports.json", "Honestly, getting the Access database across worries", "objections/data-migration", "Annelie Botha"),
    ("2026-09-09-rondebosch-sports.json", "And the sections' lists won't match. The", "objections/data-migration", "Annelie Botha"),
    ("2026-09-09-rondebosch-sports.json", "My question is about the federations. Hockey", "new:governing-body-sync", "Thabo Mokoena"),
    ("2026-09-09-rondebosch-sports.json", "Every March I spend two weekends on", "new:governing-body-sync", "Annelie Botha"),
    ("2026-09-09-rondebosch-sports.json", "And on the paperwork. Our constitution says", "objections/contract-length", "Thabo Mokoena"),
    ("2026-09-15-cedar-falls-aquatics.srt", "so the the big thing for our", "new:junior-safeguarding", "Jess Kowalski"),
    ("2026-09-15-cedar-falls-aquatics.srt", "and photos too we have parents who've", "new:junior-safeguarding", "Jess Kowalski"),
    ("2026-09-15-cedar-falls-aquatics.srt", "and the other thing is payments", "objections/card-fees", "Jess Kowalski"),
    ("2026-09-22-taupo-links.json", "Look, it's lovely, but I'll be straight", "objections/member-adoption", "Bruce Hallett"),
    ("2026-09-22-taupo-links.json", "But then I'm typing them in on", "new:offline-connectivity", "Marama Tipene"),
    ("2026-09-22-taupo-links.json", "And honestly, who sets it all up?", "objections/volunteer-time", "Marama Tipene"),
    ("2026-09-22-taupo-links.json", "The last time we changed anything, the", "objections/volunteer-time", "Bruce Hallett"),
    ("2026-09-29-wendouree-tennis.txt", "so the the thing with pennant is", "new:governing-body-sync", "Rob Carmody"),
    ("2026-09-29-wendouree-tennis.txt", "because at the moment when somebody joins", "new:governing-body-sync", "Rob Carmody"),
    ("2026-09-29-wendouree-tennis.txt", "so we pay um nothing for the", "objections/club-budget", "Priscilla Vance"),
    ("2026-09-29-wendouree-tennis.txt", "and the other thing is the committee", "objections/contract-length", "Priscilla Vance"),
    ("2026-10-06-blackrock-swimming.vtt", "Before we go further, I have to", "new:junior-safeguarding", "Niamh Gallagher"),
    ("2026-10-06-blackrock-swimming.vtt", "My question is on payments. At the", "objections/card-fees", "Conor Doyle"),
    ("2026-10-06-blackrock-swimming.vtt", "And to be honest, the thing that", "objections/volunteer-time", "Niamh Gallagher"),
    ("2026-10-13-highveld-country-club.json", "we have load shedding you know and", "new:offline-connectivity", "Pieter van Wyk"),
    ("2026-10-13-highveld-country-club.json", "and the halfway house and the pro", "new:offline-connectivity", "Nomsa Dlamini"),
    ("2026-10-13-highveld-country-club.json", "and um the members our average age", "objections/member-adoption", "Pieter van Wyk"),
    ("2026-10-20-fairview-community-sports.json", "The problem is, soccer registration has to", "new:governing-body-sync", "Karen Liu"),
    ("2026-10-20-fairview-community-sports.json", "And I'll be honest, the board is", "objections/club-budget", "Dave Morrison"),
    ("2026-10-20-fairview-community-sports.json", "Also, the board turns over every spring.", "objections/contract-length", "Dave Morrison"),
    ("2026-10-20-fairview-community-sports.json", "If it was something we could end", "objections/contract-length", "Dave Morrison"),
    ("2026-10-20-fairview-community-sports.json", "And who's going to run it? I'm", "objections/volunteer-time", "Karen Liu"),
    ("2026-10-27-esk-valley-asc.srt", "and i'll be honest i've no idea", "objections/data-migration", "Ewan Pate"),
    ("2026-10-27-esk-valley-asc.srt", "the other thing for us is the", "new:junior-safeguarding", "Morven Reid"),
    ("2026-10-27-esk-valley-asc.srt", "and the committee changes at the agm", "objections/contract-length", "Morven Reid"),
    ("2026-11-03-riverbend-golf.json", "there's no cell service past the eleventh hole", "new:offline-connectivity", "Walt Gibbons"),
    ("2026-11-03-riverbend-golf.json", "the fees on a year of grill tabs", "objections/card-fees", "Sharon Pike"),
    ("2026-11-03-riverbend-golf.json", "Our dues went up eight percent this year", "objections/club-budget", "Walt Gibbons"),
]

# Prospect (and rep) turns a tool might take for objections, which a reviewer would not:
# (call file, anchor, speaker, why it is not an objection)
NEGATIVES = [
    ("2026-08-26-strathmore-golf.txt", "The company's been bought and the price has gone up twice", "Jean Moncrieff", "complaint about the incumbent's price: the reason they are looking, not an objection to Netherby"),
    ("2026-09-22-taupo-links.json", "Only I can use it, which is the problem", "Marama Tipene", "pain with the current system, not an objection"),
    ("2026-08-04-kelburn-lawn-tennis.vtt", "It's forty messages before six o'clock", "Doug Pennington", "pain with the current process, not an objection"),
    ("2026-08-04-kelburn-lawn-tennis.vtt", "Bookings are on a whiteboard in the", "Helen Marsh", "prospect describing their club, not an objection"),
    ("2026-08-04-kelburn-lawn-tennis.vtt", "Oh, that's nice. Can we say juniors", "Helen Marsh", "positive reaction and a question, not an objection"),
    ("2026-08-04-kelburn-lawn-tennis.vtt", "Oh, I've no idea. A few hundred", "Helen Marsh", "prospect estimating their own figure"),
    ("2026-08-11-dunmore-golf.srt", "Can members book their own four-ball or", "Declan Furey", "question about a feature"),
    ("2026-08-11-dunmore-golf.srt", "Do that. I'll circulate it before the", "Siobhan Keane", "agreement and next step"),
    ("2026-08-19-harbourside-swim.json", "About six hundred and forty at the", "Kerry Walsh", "prospect describing their own numbers"),
    ("2026-08-19-harbourside-swim.json", "That's much nicer than what we have.", "Sam Nguyen", "positive comment, not an objection"),
    ("2026-08-19-harbourside-swim.json", "Yes, that's the question every club asks,", "Ananya Iyer", "rep acknowledging the concern, internal speaker"),
    ("2026-08-19-harbourside-swim.json", "How long does setup usually take?", "Sam Nguyen", "question about timing, not an objection"),
    ("2026-08-26-strathmore-golf.txt", "Well, that would be a relief.", "Jean Moncrieff", "agreement"),
    ("2026-08-26-strathmore-golf.txt", "How does the visitor booking work? Do", "Alasdair Fraser", "question, not an objection"),
    ("2026-09-02-maple-ridge-racquet.vtt", "okay that's that's better", "Linda Oakes", "agreement"),
    ("2026-09-02-maple-ridge-racquet.vtt", "does it do the pickleball drop in", "Gord Tremblay", "question about a feature"),
    ("2026-09-02-maple-ridge-racquet.vtt", "and i know this is a lot", "Brooke Delaney", "rep's own hedge, internal speaker"),
    ("2026-09-09-rondebosch-sports.json", "Tennis, squash, hockey and a small bowls", "Thabo Mokoena", "prospect describing their club"),
    ("2026-09-09-rondebosch-sports.json", "Good. Our next executive meeting is the", "Thabo Mokoena", "next step"),
    ("2026-09-15-cedar-falls-aquatics.srt", "can i take attendance on deck from", "Mike Reyes", "question about a feature"),
    ("2026-09-22-taupo-links.json", "About four hundred and twenty playing members", "Bruce Hallett", "prospect describing their own numbers"),
    ("2026-09-22-taupo-links.json", "Good. Committee meets on the third Thursday,", "Bruce Hallett", "next step"),
    ("2026-09-29-wendouree-tennis.txt", "twelve courts eight of them are en", "Rob Carmody", "prospect describing their club"),
    ("2026-09-29-wendouree-tennis.txt", "we we had um about eleven thousand", "Priscilla Vance", "prospect's own figure"),
    ("2026-10-06-blackrock-swimming.vtt", "Around three hundred and fifty swimmers, from", "Niamh Gallagher", "prospect describing their own numbers"),
    ("2026-10-06-blackrock-swimming.vtt", "Okay. That's reasonable, send me the rates.", "Conor Doyle", "agreement"),
    ("2026-10-06-blackrock-swimming.vtt", "Possibly. Let's talk after the committee meets.", "Niamh Gallagher", "next step"),
    ("2026-10-13-highveld-country-club.json", "thats right eighteen holes golf is the", "Pieter van Wyk", "prospect describing their club"),
    ("2026-10-13-highveld-country-club.json", "can the levies go on the member", "Nomsa Dlamini", "question about a feature"),
    ("2026-10-20-fairview-community-sports.json", "Soccer, tennis, and a summer swim team.", "Dave Morrison", "prospect describing their club"),
    ("2026-10-20-fairview-community-sports.json", "That's really fair, Karen, and I don't", "Brooke Delaney", "rep's own empathy, internal speaker"),
    ("2026-10-20-fairview-community-sports.json", "Send it to both of us and", "Dave Morrison", "next step"),
    ("2026-10-27-esk-valley-asc.srt", "about two hundred and ten plus the", "Morven Reid", "prospect describing their own numbers"),
    ("2026-10-27-esk-valley-asc.srt", "whats the next step then", "Ewan Pate", "question, not an objection"),
    ("2026-11-03-riverbend-golf.json", "Eighteen holes, six tennis courts and the", "Walt Gibbons", "prospect describing their club"),
    ("2026-11-03-riverbend-golf.json", "That's a lot nicer than what we have.", "Sharon Pike", "positive comment"),
    ("2026-11-03-riverbend-golf.json", "Do that and we'll put it on", "Walt Gibbons", "next step"),
    ("2026-11-10-oxshott-ltc-followup.txt", "First, can we have different booking windows", "Philippa Hurst", "question, not an objection"),
    ("2026-11-10-oxshott-ltc-followup.txt", "And the coaching side. Our head coach", "James Okonkwo", "question, not an objection"),
    ("2026-11-10-oxshott-ltc-followup.txt", "Good, the first is what we do", "James Okonkwo", "agreement"),
    ("2026-11-10-oxshott-ltc-followup.txt", "We also have a box league that", "Philippa Hurst", "describing their process"),
    ("2026-11-10-oxshott-ltc-followup.txt", "I'll put you in touch. And then", "Philippa Hurst", "next step"),
    ("2026-11-10-oxshott-ltc-followup.txt", "Yes please. And could we start in", "James Okonkwo", "agreement and next step"),
]

OBJECTIONS = {
    # id: (answered by an approved entry?, note)
    "objections/club-budget": (True, "answers/club-budget (approved)"),
    "objections/data-migration": (True, "answers/data-migration (approved)"),
    "objections/member-adoption": (True, "answers/member-adoption (approved); case-studies/kelvinside-ltc supports it"),
    "objections/card-fees": (True, "answers/card-fees (approved)"),
    "objections/contract-length": (False, "its only answer, answers/contract-length, is status: draft"),
    "objections/volunteer-time": (False, "no entry answers it"),
    "new:junior-safeguarding": (False, "no KB entry covers who can see junior members' data, coaches contacting children, or photo consent"),
    "new:offline-connectivity": (False, "no KB entry covers what happens without signal, wifi or power at the ground"),
    "new:governing-body-sync": (False, "no KB entry covers double entry with the national, state or provincial association's registration system"),
}

# the mention a reviewer would call the most central, used as the path of a new theme's gap
CENTRAL = {
    "new:junior-safeguarding": "Our safeguarding officer will ask me straight",
    "new:offline-connectivity": "But then I'm typing them in on",
    "new:governing-body-sync": "My question is about the federations",
}


def speaker_units(path, text):
    """List of (line, speaker) for every line that carries spoken text, in file order."""
    lines = text.split("\n")
    units = []
    ext = os.path.splitext(path)[1]
    if ext in (".vtt", ".srt"):
        for i, ln in enumerate(lines, 1):
            m = re.match(r"<v ([^>]+)>", ln) or re.match(r"([A-Z][\w'. -]+?): ", ln)
            if m and "-->" not in ln:
                units.append((i, m.group(1)))
    elif ext == ".json":
        data = json.loads(text)
        if isinstance(data, dict) and "parties" in data:
            names = {p["speakerId"]: p["name"] for p in data["parties"]}
            current = None
            block = 0
            for i, ln in enumerate(lines, 1):
                m = re.search(r'"speakerId": "(\d+)", "topic"', ln)
                if m:
                    block += 1
                    current = (block, names[m.group(1)])
                elif '"text":' in ln and current:
                    units.append((i, current))
        else:
            for i, ln in enumerate(lines, 1):
                m = re.search(r'"speaker": "([^"]+)"', ln)
                if m:
                    units.append((i, (i, m.group(1))))  # one turn per line
    else:  # .txt
        para = 0
        prev_blank = True
        for i, ln in enumerate(lines, 1):
            if not ln.strip():
                prev_blank = True
                continue
            m = re.match(r"(?:\[[\d:]+\] )?([A-Z][\w'. -]+?): ", ln)
            if m and not re.match(r"\[", ln) and prev_blank:
                para += 1
                units.append((i, (para, m.group(1))))
            elif m and re.match(r"\[", ln):
                units.append((i, m.group(1)))
            else:
                units.append((i, units[-1][1]))
            prev_blank = False
    return units


def turn_lines(path, text, line):
    units = speaker_units(path, text)
    idx = [k for k, (ln, _) in enumerate(units) if ln == line]
    if not idx:
        return None
    k = idx[0]
    who = units[k][1]
    lo = hi = k
    while lo > 0 and units[lo - 1][1] == who:
        lo -= 1
    while hi < len(units) - 1 and units[hi + 1][1] == who:
        hi += 1
    out = [units[j][0] for j in range(lo, hi + 1)]
    return out if len(out) > 1 else None


def locate(call, anchor):
    path = os.path.join(KB, "calls", call)
    text = open(path, encoding="utf-8").read()
    n = text.count(anchor)
    if n != 1:
        sys.exit(f"anchor found {n} times in calls/{call}: {anchor!r}")
    line = text[: text.index(anchor)].count("\n") + 1
    return text, line


def main():
    calls = {}
    by_obj = {}
    for call, anchor, obj, speaker, *flag in LABELS:
        if obj not in OBJECTIONS:
            sys.exit(f"unknown objection {obj}")
        text, line = locate(call, anchor)
        item = {"snippet": anchor, "objection": obj, "line": line, "speaker": speaker}
        tl = turn_lines(call, text, line)
        if tl:
            item["turn_lines"] = tl
        if flag:
            item["optional"] = True
            item["note"] = "defensible either way: a tool may or may not report it"
            calls.setdefault("calls/" + call, []).append(item)
            continue
        calls.setdefault("calls/" + call, []).append(item)
        by_obj.setdefault(obj, []).append(("calls/" + call, line, anchor))
    for items in calls.values():
        items.sort(key=lambda x: x["line"])
    for name in sorted(os.listdir(os.path.join(KB, "calls"))):
        calls.setdefault("calls/" + name, [])
    calls = dict(sorted(calls.items()))

    negatives = []
    for call, anchor, speaker, note in NEGATIVES:
        text, line = locate(call, anchor)
        neg = {"path": "calls/" + call, "line": line, "rules": ["objection-gap"], "speaker": speaker,
               "note": note}
        negatives.append(neg)

    expected = []
    for obj, (covered, note) in OBJECTIONS.items():
        if covered:
            continue
        mentions = by_obj[obj]
        ncalls = len({m[0] for m in mentions})
        item = {"rule": "objection-gap", "objection": obj}
        if obj.startswith("new:"):
            central = [m for m in mentions if CENTRAL[obj] in m[2]]
            if not central:
                sys.exit(f"central mention for {obj} is not a labelled mention")
            item["path"], item["line"] = central[0][0], central[0][1]
            item["alt_paths"] = sorted({m[0] for m in mentions} - {central[0][0]})
        else:
            item["path"] = obj + ".md"
            item["line"] = 1
            item["any_line"] = True
            item["alt_paths"] = sorted({m[0] for m in mentions})
        item["mentions"] = [{"path": p, "line": ln} for p, ln, _ in mentions]
        item["severity"] = "warning"
        item["note"] = (f"{note}; raised {len(mentions)} times in {ncalls} calls; a tool may report the gap "
                        "once per theme (at the entry or any mention) or once per mention")
        expected.append(item)

    labels = {
        "today": TODAY,
        "kb": "kb",
        "drafts": [],
        "audit": {"rules": ["objection-gap"], "expected": expected, "negatives": negatives},
        "objections": {
            "calls": calls,
            "coverage": {k: v[0] for k, v in OBJECTIONS.items()},
            "negatives": negatives,
        },
    }
    out = os.path.join(HERE, "labels.json")
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(labels, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    n = sum(len(v) for v in calls.values())
    print(f"wrote {out}: {n} labelled turns in {len(calls)} calls, {len(expected)} objection-gap, "
          f"{len(negatives)} negatives")


if __name__ == "__main__":
    main()
