#!/usr/bin/env python3
"""Build labels.json for the Pennock corpus from anchor strings (stdlib only).

Each anchor must occur exactly once in its call file; the script turns it into a 1-based line
number, refuses anchors that are missing or ambiguous, and refuses a negative on a labelled line.
Run from anywhere: python3 build_labels.py
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KB = os.path.join(HERE, "kb")
CI = "objections/candidate-experience"
CO = "objections/connectivity"
IN = "objections/exam-integrity"
RE = "objections/regulator-acceptance"
PR = "objections/pricing"
MI = "objections/migration"
BIAS = "new:ai-flag-bias"
PRIV = "new:recording-privacy"
SUP = "new:exam-day-support-hours"

# call -> list of (anchor, objection, speaker, extra)  extra: {"optional": True, "cont": [anchors]}
C1 = "calls/2026-09-03-lagoon-institute-of-bankers.vtt"
C2 = "calls/2026-09-08-forth-institute-of-surveyors.srt"
C3 = "calls/2026-09-10-konkan-institute-of-company-secretaries.json"
C4 = "calls/2026-09-15-rideau-geoscientists.txt"
C5 = "calls/2026-09-17-te-whanganui-pharmacy-board.txt"
C6 = "calls/2026-09-22-capital-region-dental-hygienists.json"
C7 = "calls/2026-09-24-deccan-institute-of-cost-accountants.json"
C8 = "calls/2026-09-29-lothian-institute-of-legal-executives.json"
C9 = "calls/2026-10-06-poneke-institute-of-valuers.vtt"
C10 = "calls/2026-10-08-west-african-college-of-quantity-surveyors.srt"
C11 = "calls/2026-10-13-pharmacists-council-lagos-asr.vtt"
C12 = "calls/2026-10-15-mumbai-society-of-actuaries-asr.srt"
C13 = "calls/2026-10-20-ottawa-college-of-nurses-asr.json"
C14 = "calls/2026-10-27-engineering-registration-board-nz-asr.vtt"
C15 = "calls/2026-11-10-royal-college-of-midwives-scotland-asr.srt"
OPT = {"optional": True}

LABELS = {
    C1: [
        ("If NEPA takes light in the middle of the paper", CO, "Tunde Bakare", {}),
        ("And after the twenty minutes?", CO, "Tunde Bakare", OPT),
        ("Streaming video for three hours on that", CO, "Tunde Bakare", {}),
        ("show a stranger their bedroom on webcam", CI, "Adaeze Okonkwo", {}),
        ("the face detection kept flagging our candidates", BIAS, "Tunde Bakare", {}),
        ("Was it ever tested on faces like ours?", BIAS, "Tunde Bakare", {}),
    ],
    C2: [
        ("The thing that frightens me is the item bank", MI, "Morag Cairncross", {}),
        ("Employers phone us to verify results from 2012", MI, "Morag Cairncross", {}),
        ("Eighteen pounds a head", PR, "Alasdair Munro", {}),
        ("our fees for next year have already been set by council", PR, "Alasdair Munro", {}),
        ("What would it look like at two thousand sittings", PR, "Alasdair Munro", OPT),
    ],
    C3: [
        ("See, our biggest headache is leakage.", IN, "Sunita Deshpande", {}),
        ("And impersonation?", IN, "Vikram Iyer", {}),
        ("All these videos of candidates in their homes", PRIV, "Sunita Deshpande", {}),
        ("Who at your end is the contact for data processing?", PRIV, "Sunita Deshpande", OPT),
    ],
    C4: [
        ("our Act says the professional practice exam is written under supervision", RE, "Marc-André Bélanger", {}),
        ("if a candidate fails and appeals to the tribunal", RE, "Marc-André Bélanger", {}),
    ],
    C5: [
        ("The broadband's patchy as", CO, "Gareth Pyke", {}),
        ("Sitting in their lounge being watched", CI, "Aroha Ngata", {}),
        ("My other question is who they ring.", SUP, "Gareth Pyke", {}),
        ("that's a complaint to the Board. Every single time.", SUP, "Gareth Pyke", {}),
    ],
    C6: [
        ("the migration is what's kept us on our current platform", MI, "Dev Persaud", {}),
        ("had someone in the room reading him the questions", IN, "Sarah Kowalczyk", {}),
    ],
    C7: [
        ("Adding even three hundred rupees per paper", PR, "meera.shah@dica.example", {}),
        ("per sitting this is more than what the centres are charging us", PR, "anil.kulkarni@dica.example", {}),
    ],
    C8: [
        ("has to go to our Regulatory Board, and they've been burnt before", RE, "Fraser Blyth", {}),
        ("They'll ask whether another regulated body has defended a remote result at appeal.", RE, "Fraser Blyth", OPT),
        ("face matching is special category data", PRIV, "Eilidh MacLeod", {}),
        ("if you use the recordings to train your AI", PRIV, "Eilidh MacLeod", {}),
    ],
    C9: [
        ("they felt like criminals in their own homes", CI, "Lucy Tan", {}),
        ("The room scan especially.", CI, "Hemi Walker", OPT),
    ],
    C10: [
        ("Your price is in pounds.", PR, "Chukwuemeka Eze", {}),
        ("I cannot go back to them in the middle of the year", PR, "Chukwuemeka Eze", {}),
        ("complained bitterly about the automatic flags", BIAS, "Funmilayo Adeyemi", {}),
        ("But the flags are still there on her record", BIAS, "Funmilayo Adeyemi", {}),
    ],
    C11: [
        ("my my question is if the light goes off in", CO, "Emeka Nwosu",
         {"cont": ["the middle of the exam and the candidate cannot reconnect"]}),
        ("an hour though an hour is normal here", CO, "Emeka Nwosu", {}),
        ("is your support team even awake", SUP, "Ngozi Obi", {}),
        ("if nobody picks the call that is a petition to the council", SUP, "Ngozi Obi", {}),
    ],
    C12: [
        ("with the camera watching them they will get more panicky", CI, "Kavita Rao", {}),
        ("still someone watching the whole three hours", CI, "Kavita Rao", OPT),
        ("how long you are keeping the videos and who all can see them", PRIV, "Arjun Malhotra", {}),
        ("the face data the biometric is that also deleted", PRIV, "Arjun Malhotra", {}),
    ],
    C13: [
        ("what stops someone from just having their notes taped to the wall", IN, "Kevin Mensah", {}),
        ("and earpieces like a tiny earpiece", IN, "Kevin Mensah", {}),
        ("face detection being less accurate for black and brown candidates", BIAS, "Danielle Fortin", {}),
        ("i'd want to see the actual numbers by skin tone", BIAS, "Danielle Fortin", {}),
    ],
    C14: [
        ("the board has to gazette any change to the exam rules", RE, "Karen Whitlock",
         {"cont": ["we can't just switch over and the minister's office"]}),
        ("it's a it's a big step for them", RE, "Karen Whitlock", OPT),
        ("who's on the phone are they in india or scotland", SUP, "Sione Taufa", {}),
        ("cos our candidates are engineers on site", SUP, "Sione Taufa", {}),
    ],
    C15: [
        ("the i'm bank and the stats", MI, "Kirsty Doig", {}),
        ("the results archive as well employers phone up", MI, "Iain Baird", {}),
        ("last time we changed system it took us the best part of a year", MI, "Kirsty Doig", {}),
    ],
}

# external lines that are not objections: objection-gap must not point at them
NEGATIVES = {
    C1: [("the council meeting ran over", "small talk"),
         ("the logistics are killing us", "the prospect's pain today, the reason to buy"),
         ("Does the candidate need to install anything", "question asking for information"),
         ("we would want to move the March diet across", "buying signal"),
         ("Please send the invite to my PA", "logistics")],
    C2: [("Dreich. Typical September.", "small talk"),
         ("a bespoke thing a contractor built in 2009", "pain with the current system, not with Pennock"),
         ("Can the markers mark on screen from home", "question asking for information"),
         ("on-screen marking alone would sell it", "buying signal"),
         ("Not Thursday, that's our exam board", "logistics")],
    C3: [("half the time nobody knows who the invigilator actually is", "pain with today's test centres; close in words to exam integrity but about the status quo"),
         ("How many questions can one paper draw from", "question asking for information"),
         ("we would look at the June 2027 session", "buying signal")],
    C4: [("we fly candidates from Timmins and Thunder Bay", "pain today"),
         ("Do you support French?", "question asking for information"),
         ("That would be a big deal for our francophone members", "buying signal"),
         ("we'll see about a meeting in November", "logistics")],
    C5: [("Bit of a southerly blowing through", "small talk"),
         ("the interns in the regions lose two days to get there", "pain today"),
         ("Can we see what the candidate sees on the day?", "question asking for information"),
         ("We've got money set aside for this", "buying signal")],
    C6: [("Do you export the response data", "question asking for information"),
         ("our biggest problem is honestly just booking rooms", "pain today"),
         ("send over the security documentation, our board will want it", "logistics, next step")],
    C7: [("do you bill in rupees or in pounds", "question asking for information"),
         ("Printing and courier alone is a big figure", "the prospect's own costs today"),
         ("can the students choose their own slot", "question asking for information"),
         ("That would be very popular, especially with the working students", "buying signal")],
    C8: [("we're only round the corner", "small talk"),
         ("How long does a typical sitting take to mark", "question asking for information"),
         ("The students would riot with joy", "buying signal, pain today")],
    C9: [("Sorry, I'm in the car", "small talk"),
         ("half the time the room's double-booked", "pain today"),
         ("How do the results get back to us?", "question asking for information"),
         ("If you can get us a proposal by Friday", "buying signal")],
    C10: [("The traffic this morning was something else.", "small talk"),
          ("How many of your customers are in West Africa?", "question asking for information"),
          ("We like to hear from people who have done it.", "buying signal")],
    C11: [("the candidates from the north they have to travel two days", "pain today"),
          ("can the the council see the the live dashboard", "question asking for information"),
          ("okay that one is good", "buying signal")],
    C12: [("the hall booking itself is a nightmare", "pain today"),
          ("does it work on mac also or windows only", "question asking for information"),
          ("we'll take it to the exam committee", "next step")],
    C13: [("how long does it take to onboard the proctors", "question asking for information"),
          ("six hundred candidates a year for the jurisprudence exam", "the prospect's own volume")],
    C14: [("it's sweet as honestly the candidates like it it's just the cost", "status quo, not an objection to Pennock"),
          ("can we do a a trial with like ten candidates first", "buying signal"),
          ("choice okay send us the dates", "logistics")],
    C15: [("can the the midwives sit it on an ipad", "question asking for information"),
          ("we're looking at maybe four hundred a year", "the prospect's own volume"),
          ("aye sound", "logistics")],
}

COVERAGE = {CI: True, CO: True, IN: True, RE: True, PR: True, MI: False, BIAS: False, PRIV: False, SUP: False}

GAP_NOTES = {
    MI: "known objection (objections/migration.md); its only answer, answers/migration, is status: draft",
    BIAS: "prospects fear the AI flags treat darker-skinned candidates or poorly lit rooms unfairly; close in words to exam-integrity (flags, face detection) but the concern is fairness to candidates, which no entry answers",
    PRIV: "prospects' data-protection leads ask about consent, retention and training use of candidate video and face data; close in words to candidate-experience (webcam) and exam-integrity (face matching), but no entry answers it",
    SUP: "prospects ask who helps a stuck candidate at exam time in their time zone; close in words to connectivity (what happens when something goes wrong mid-exam) but the concern is support cover, which no entry answers",
}


def die(msg):
    sys.exit("build_labels: " + msg)


def load(path):
    with open(os.path.join(KB, path), encoding="utf-8") as f:
        return f.read().split("\n")


def find(lines, path, anchor):
    hits = [i + 1 for i, line in enumerate(lines) if anchor in line]
    total = sum(line.count(anchor) for line in lines)
    if total == 0:
        die(f"anchor missing in {path}: {anchor!r}")
    if total > 1:
        die(f"anchor ambiguous in {path} ({total}x): {anchor!r}")
    return hits[0]


def json_turn_lines(lines, n):
    """Lines of the sentences of the JSON turn holding line n (conversation-intelligence shape)."""
    if '"sentences"' in lines[n - 1] or '"text"' not in lines[n - 1]:
        return None
    a = n
    while a > 1 and '"sentences"' not in lines[a - 2] and '"text"' in lines[a - 2]:
        a -= 1
    b = n
    while b < len(lines) and '"text"' in lines[b] and '"sentences"' not in lines[b]:
        b += 1
    if '"sentences"' not in lines[a - 2]:
        return None
    return list(range(a, b + 1)) if b > a else None


def main():
    calls_dir = os.path.join(KB, "calls")
    files = sorted("calls/" + f for f in os.listdir(calls_dir))
    if sorted(LABELS) != files or sorted(NEGATIVES) != files:
        die("LABELS/NEGATIVES must list every call exactly: " + str(set(files) ^ set(LABELS)))
    calls, mentions, negatives, labelled = {}, {}, [], set()
    for path in files:
        lines = load(path)
        out = []
        for anchor, obj, speaker, extra in LABELS[path]:
            n = find(lines, path, anchor)
            if speaker not in lines[n - 1] and not path.endswith(".json"):
                die(f"{path}:{n}: speaker {speaker} not on the line")
            row = {"snippet": anchor, "line": n, "objection": obj, "speaker": speaker}
            tl = json_turn_lines(lines, n) if path.endswith(".json") else None
            if extra.get("cont"):
                tl = sorted({n} | {find(lines, path, c) for c in extra["cont"]})
            if tl:
                row["turn_lines"] = tl
            if extra.get("optional"):
                row["optional"] = True
                row["note"] = "short follow-up continuing an objection already raised in this call; arguable"
            out.append(row)
            labelled.update((path, x) for x in (tl or [n]))
            if not extra.get("optional"):
                mentions.setdefault(obj, []).append({"path": path, "line": n})
        calls[path] = out
    for path in files:
        lines = load(path)
        for anchor, note in NEGATIVES[path]:
            n = find(lines, path, anchor)
            if (path, n) in labelled:
                die(f"negative on a labelled line: {path}:{n}")
            negatives.append({"path": path, "line": n, "rules": ["objection-gap"], "note": note})
    for obj in COVERAGE:
        if obj not in mentions:
            die("no mentions for " + obj)
    for obj, ms in mentions.items():
        if obj.startswith("new:") and len({m["path"] for m in ms}) < 2:
            die(obj + " is raised in fewer than two calls")
    expected = []
    for obj in [MI, BIAS, PRIV, SUP]:
        ms = mentions[obj]
        e = {"rule": "objection-gap", "objection": obj, "path": ms[0]["path"], "line": ms[0]["line"],
             "mentions": ms}
        if not obj.startswith("new:"):
            e["alt_paths"] = [obj + ".md"]
        e["note"] = GAP_NOTES[obj] + "; a tool may report the gap once per theme or once per mention"
        expected.append(e)
    labels = {
        "kb": "kb",
        "today": "2026-12-01",
        "audit": {"rules": ["objection-gap"], "expected": expected, "negatives": negatives},
        "objections": {"calls": calls, "coverage": COVERAGE},
    }
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(labels, f, indent=1, ensure_ascii=False)
        f.write("\n")
    nreq = sum(1 for c in calls.values() for r in c if not r.get("optional"))
    nopt = sum(1 for c in calls.values() for r in c if r.get("optional"))
    print(f"calls {len(calls)}, labelled turns {nreq} + {nopt} optional, negatives {len(negatives)}, gaps {len(expected)}")
    for obj in COVERAGE:
        print(f"  {obj}: {len(mentions[obj])} mentions in {len({m['path'] for m in mentions[obj]})} calls")


if __name__ == "__main__":
    main()
