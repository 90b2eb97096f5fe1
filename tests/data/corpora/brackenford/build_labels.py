#!/usr/bin/env python3
"""Build labels.json for the Brackenford corpus from anchor strings (stdlib only).

Every anchor must occur exactly once in its call file; the script turns anchors into 1-based line
numbers, refuses missing or ambiguous anchors, and refuses a negative on a labelled line (a
mention's line or any of its turn_lines). Run from anywhere: python3 build_labels.py
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KB = os.path.join(HERE, "kb")
TODAY = "2026-12-01"

PR, SW, IA, AI, DS, SQ = ("objections/pricing", "objections/switching-effort",
                          "objections/instructor-adoption", "objections/accounting-integration",
                          "objections/data-security", "objections/status-quo")
LP, OF, EX = "new:learner-payment-methods", "new:offline-instructor-app", "new:data-export-on-exit"

# Each mention: (anchor, objection, speaker, options). options: opt=True (arguable, tolerated),
# turn=[anchors] (other lines of the same turn, for cues or stamped lines split mid-turn).
# JSON "parties" exports get their turn_lines from the sentence block automatically.
# Each negative: (anchor, speaker, note): an external line that raises no objection.
CALLS = {
 "calls/2026-08-06-yarra-bend.vtt": {
  "mentions": [
   ("that's real money. That's a car service every month", PR, "Sharon Pike", {}),
   ("The diary cost me twelve dollars at Officeworks", PR, "Sharon Pike", {"opt": True}),
   ("honestly, the book works", SQ, "Sharon Pike", {}),
   ("I can't tell a contractor to use an app", IA, "Sharon Pike", {}),
  ],
  "negatives": [
   ("Dean's a Pies supporter", "Sharon Pike", "small talk (football)"),
   ("I text them the night before. Every night.", "Dean Kowalski", "pain today: how instructors get their lists"),
   ("Fridays are the worst", "Sharon Pike", "pain today: no-shows; the problem the product solves, not an objection to it"),
   ("Can the learners see their log book hours", "Dean Kowalski", "question asking for information"),
   ("Oh, that's actually not bad", "Dean Kowalski", "buying signal"),
   ("Can we do another half hour", "Sharon Pike", "logistics: next meeting"),
  ],
 },
 "calls/2026-08-13-eko-drive.json": {
  "mentions": [
   ("Most of our learners pay by bank transfer", LP, "Folake Adeyemi", {}),
   ("do not even have a card that works online", LP, "Chinedu Okoro", {}),
   ("It is whether the student can pay the way he pays today", LP, "Folake Adeyemi", {}),
   ("the network is not always there", OF, "Folake Adeyemi", {}),
   ("when there is no light, the office router is off", OF, "Chinedu Okoro", {"opt": True}),
   ("he will be stranded", OF, "Folake Adeyemi", {}),
   ("Every day, for somebody.", OF, "Chinedu Okoro", {"opt": True}),
  ],
  "negatives": [
   ("Third Mainland Bridge.", "Chinedu Okoro", "small talk (traffic)"),
   ("Double bookings, honestly.", "Chinedu Okoro", "pain today: double bookings"),
   ("That one I like.", "Folake Adeyemi", "buying signal"),
   ("a little over two thousand across both branches", "Folake Adeyemi", "prospect's own volume"),
   ("Let us do it on a Saturday morning", "Folake Adeyemi", "logistics: demo for instructors"),
  ],
 },
 "calls/2026-08-20-liffey-driving-school.srt": {
  "mentions": [
   ("We're flat out. To move all our learners across", SW, "Siobhán Kearney", {}),
   ("We don't really have a system, we've a spreadsheet", SW, "Siobhán Kearney", {"opt": True}),
   ("that's me doing the job twice", AI, "Ciarán Doyle", {}),
   ("getting our learner list back was a disaster", EX, "Siobhán Kearney", {}),
   ("I typed it back in by hand", EX, "Ciarán Doyle", {"opt": True}),
   ("if we leave in two years, everything comes back to us", EX, "Siobhán Kearney", {}),
   ("I just won't be caught like that again", EX, "Siobhán Kearney", {"opt": True}),
  ],
  "negatives": [
   ("I'm in the car outside a test centre in Finglas", "Siobhán Kearney", "small talk"),
   ("Since the test waiting times went mental", "Siobhán Kearney", "pain today: phones"),
   ("a mother ring me on Christmas Eve", "Ciarán Doyle", "pain today: calls at night"),
   ("How do the twelve EDT lessons work", "Ciarán Doyle", "question asking for information"),
   ("Four hundred or so on the books", "Ciarán Doyle", "prospect's own volume"),
   ("Thursday afternoons are quiet enough", "Ciarán Doyle", "logistics"),
   ("she's after passing", "Siobhán Kearney", "small talk"),
  ],
 },
 "calls/2026-08-27-clydeside-school-of-motoring.txt": {
  "mentions": [
   ("He's no going to start using an app at his age", IA, "Stevie McLean", {}),
   ("We tried one of those shared calendars", IA, "Morag Fraser", {}),
   ("There's nae signal out there", OF, "Stevie McLean", {}),
   ("Same for the Kilsyth route", OF, "Morag Fraser", {"opt": True}),
   ("it'll no work where we actually drive", OF, "Stevie McLean", {}),
  ],
  "negatives": [
   ("It's been raining since 2019.", "Stevie McLean", "small talk (weather)"),
   ("Phone and Facebook messages into the office", "Morag Fraser", "how bookings work today"),
   ("It's a lot of phoning.", "Morag Fraser", "pain today"),
   ("I turn folk away every week", "Morag Fraser", "pain today: waiting list"),
   ("That would be good. That would be really good.", "Morag Fraser", "buying signal"),
   ("She'll be pleased.", "Morag Fraser", "buying signal; accounts answered"),
   ("Team meeting's the first Monday of the month", "Morag Fraser", "logistics"),
  ],
 },
 "calls/2026-09-03-deccan-drive-academy.json": {
  "mentions": [
   ("somebody has to do the entry in Tally", AI, "Snehal Kulkarni", {}),
   ("Otherwise our CA will not accept", AI, "Snehal Kulkarni", {"opt": True}),
   ("That will not work for us.", LP, "Rohit Deshpande", {}),
   ("Nobody is paying the full amount online in advance", LP, "Rohit Deshpande", {}),
   ("Half our collection is still cash", LP, "Snehal Kulkarni", {"opt": True}),
   ("it is coming quite costly", PR, "Rohit Deshpande", {}),
   ("he sees monthly cost and he asks why", PR, "Rohit Deshpande", {"opt": True}),
  ],
  "negatives": [
   ("That is a separate headache only", "Snehal Kulkarni", "pain today: RTO appointments"),
   ("many times the branch has given the same slot to two people", "Rohit Deshpande", "pain today"),
   ("three hundred fifty on a weekday", "Rohit Deshpande", "prospect's own volume"),
   ("SMS can come in Marathi also?", "Snehal Kulkarni", "question asking for information"),
   ("Send me by Monday", "Rohit Deshpande", "logistics; buying signal"),
  ],
 },
 "calls/2026-09-09-southbank-l-plates.vtt": {
  "mentions": [
   ("typing all that in again", SW, "Mick Tran",
    {"turn": ["so the thing i keep coming back to", "the ours they've done for their log books and", "the bit that scares me"]}),
   ("a mess for a month i just can't do that right now", SW, "Mick Tran",
    {"turn": ["right but it's also the timing"]}),
   ("she's really worried about the the personal stuff", DS, "Mick Tran",
    {"turn": ["the other the other thing and this is more my wife", "his school got got hacked", "where's it kept who can see it"]}),
   ("that's like that's a deal breaker for her", DS, "Mick Tran", {}),
   ("i'm not paying more to to go through the pain of moving", PR, "Mick Tran", {}),
  ],
  "negatives": [
   ("i'm just pulled over in port melbourne", "Mick Tran", "small talk"),
   ("can the learners see their own hours", "Mick Tran", "question asking for information"),
   ("i think it's about four hundred a month", "Mick Tran", "prospect's own spend on the current tool"),
   ("i gotta go i've got a learner in ten", "Mick Tran", "logistics"),
  ],
 },
 "calls/2026-09-15-phoenix-park-motoring.json": {
  "mentions": [
   ("The diary and the WhatsApp groups work grand for us", SQ, "declan@phoenixparkmotoring.example", {}),
   ("So my first one is the data.", DS, "orla@phoenixparkmotoring.example", {}),
   ("under GDPR it's us that's on the hook", DS, "orla@phoenixparkmotoring.example", {}),
   ("Whose data is it?", EX, "declan@phoenixparkmotoring.example", {}),
   ("that decides it for me more than the price does", EX, "declan@phoenixparkmotoring.example", {"opt": True}),
  ],
  "negatives": [
   ("Orla has a list, I'll warn you now", "declan@phoenixparkmotoring.example", "small talk"),
   ("I don't go on holidays.", "declan@phoenixparkmotoring.example", "small talk"),
   ("Can learners pick a pickup point", "orla@phoenixparkmotoring.example", "question asking for information"),
   ("can the instructor sign off the lessons in the app", "orla@phoenixparkmotoring.example", "question asking for information"),
   ("Send us the security thing and the export thing", "declan@phoenixparkmotoring.example", "logistics; next steps name the open objections without raising them again"),
  ],
 },
 "calls/2026-09-22-lekki-road-masters.srt": {
  "mentions": [
   ("the network is is off and on", OF, "Tunde Bakare",
    {"turn": ["my my problem is this", "sometimes to epe for the test route", "the instructor is stuck"]}),
   ("you people build it for london or dublin", OF, "Tunde Bakare", {}),
   ("they do transfer or they pay at the office with pause", LP, "Tunde Bakare",
    {"turn": ["nobody wants to put their card details", "if the only way is card"]}),
   ("yes that one is very important", LP, "Tunde Bakare", {"opt": True}),
   ("too expensive for a small school like mine", PR, "Tunde Bakare",
    {"turn": ["the price you sent it's in dollars", "the way the niger is going"]}),
   ("if the cost keeps jumping i cannot plan", PR, "Tunde Bakare", {"opt": True}),
  ],
  "negatives": [
   ("we thank god we thank god", "Tunde Bakare", "small talk (greetings)"),
   ("how do the students pay on your system", "Tunde Bakare", "question asking for information (the objection comes in the next turn)"),
   ("next week thursday is fine", "Tunde Bakare", "logistics"),
  ],
 },
 "calls/2026-09-29-kothrud-motor-training.txt": {
  "mentions": [
   ("what problem I am solving by changing", SQ, "Anil Joshi", {}),
   ("they are not computer people", IA, "Anil Joshi", {}),
   ("After one month nobody was using it", IA, "Anil Joshi", {}),
   ("my second concern is the documents", DS, "Pallavi Joshi", {}),
   ("Without that I cannot say yes", DS, "Pallavi Joshi", {"opt": True}),
  ],
  "negatives": [
   ("My father started with one Fiat", "Anil Joshi", "small talk; prospect's own history"),
   ("Everybody calls me at home", "Pallavi Joshi", "pain today"),
   ("how many lessons are remaining in his package", "Pallavi Joshi", "question asking for information"),
   ("that question only I am answering twenty times a day", "Pallavi Joshi", "pain today"),
   ("That we can do. Send it on WhatsApp.", "Anil Joshi", "logistics"),
  ],
 },
 "calls/2026-10-06-govan-drive.vtt": {
  "mentions": [
   ("type every lesson payment from your thing into zero", AI, "Jamie Campbell",
    {"turn": ["two things though right first one the money", "i do all my accounts in zero", "stick wi the bank transfers"]}),
   ("no signal no nothing", OF, "Jamie Campbell",
    {"turn": ["this is the big one for me", "up the eaglesham moor road", "there's nothing", "app goes blank when there's nae signal"]}),
   ("the trial one just spun when i was up there", OF, "Jamie Campbell",
    {"turn": ["sat in a lay-by refreshing it"]}),
  ],
  "negatives": [
   ("i'm in the motor between lessons", "Jamie Campbell", "small talk; logistics"),
   ("the weans can book in two minutes", "Jamie Campbell", "buying signal"),
   ("does it split out what the other three boys owe me", "Jamie Campbell", "question asking for information"),
   ("that's that's better than i thought", "Jamie Campbell", "buying signal"),
   ("what is it for four of us per month again", "Jamie Campbell", "question asking for the price, not an objection to it"),
   ("she's waving at me", "Jamie Campbell", "logistics"),
  ],
 },
 "calls/2026-10-13-sahyadri-driving-school.json": {
  "mentions": [
   ("Who will shift all this?", SW, "Vikram Rane", {}),
   ("That vendor is not giving export easily", SW, "Vikram Rane", {"opt": True}),
   ("our own data is locked inside his software", EX, "Meera Patwardhan", {}),
   ("For me this is more important than the price", EX, "Meera Patwardhan", {"opt": True}),
   ("the shifting should happen after Diwali", SW, "Vikram Rane", {}),
  ],
  "negatives": [
   ("Evenings are better for us", "Meera Patwardhan", "small talk; logistics"),
   ("Overall we liked it.", "Meera Patwardhan", "buying signal"),
   ("Our instructors will manage.", "Vikram Rane", "buying signal; the opposite of the instructor-adoption objection"),
   ("Can we give different prices for the two-wheeler", "Meera Patwardhan", "question asking for information"),
   ("I think we are ready to go ahead", "Meera Patwardhan", "buying signal"),
  ],
 },
 "calls/2026-10-20-yarra-bend-followup.txt": {
  "mentions": [
   ("I'm not using that thing, I've got a diary", IA, "Sharon Pike", {}),
   ("Can I bring up the privacy thing?", DS, "Dean Kowalski", {}),
   ("that one's a must-have for me", DS, "Dean Kowalski", {"opt": True}),
  ],
  "negatives": [
   ("it was worse than I thought. Six a week on average", "Sharon Pike", "pain today; prospect's own figure"),
   ("Seven last week.", "Dean Kowalski", "prospect's own figure"),
   ("I'm not going to argue about the price", "Sharon Pike", "pricing objection withdrawn"),
   ("He'll behave if there's someone from outside there", "Sharon Pike", "buying signal"),
   ("she does everything in Xero. Does it go straight in?", "Sharon Pike", "question asking for information, answered at once"),
   ("that's one thing off the list", "Sharon Pike", "buying signal"),
   ("What would the start date look like", "Sharon Pike", "buying signal"),
   ("Send me the paperwork", "Sharon Pike", "logistics; buying signal"),
  ],
 },
 "calls/2026-10-27-eko-drive-followup.srt": {
  "mentions": [
   ("that he should now put card online", LP, "Folake Adeyemi",
    {"turn": ["my own concern has not changed", "the students and how they pay", "go to the school down the road"]}),
   ("if the student cannot pay the way he is used to", LP, "Folake Adeyemi",
    {"turn": ["that one is the main one", "we we cannot use it"]}),
   ("it was just loading loading", OF, "Chinedu Okoro",
    {"turn": ["the network matter also sir", "no network for like twenty minutes", "keep the day's list even when the network goes"]}),
  ],
  "negatives": [
   ("the first link was not working", "Chinedu Okoro", "small talk; logistics"),
   ("especially the part where they can see their own schedule", "Chinedu Okoro", "buying signal"),
   ("mr second was asking when can he start", "Chinedu Okoro", "buying signal"),
   ("how long does it take to set up for the two branches", "Folake Adeyemi", "question asking for information"),
   ("okay that's not bad at all", "Folake Adeyemi", "buying signal"),
   ("can the students get the reminder on whatsapp", "Chinedu Okoro", "question asking for information"),
  ],
 },
 "calls/2026-11-03-clontarf-school-of-motoring.json": {
  "mentions": [
   ("sure look the diary does us", SQ, "Ger Flanagan", {}),
   ("he means he doesn't want to change", SQ, "Aisling Flanagan", {"opt": True}),
   ("i do mean that yeah", SQ, "Ger Flanagan", {"opt": True}),
   ("it's a lot of money every month for a small school", PR, "Ger Flanagan", {}),
   ("where do all the learners details actually go", DS, "Aisling Flanagan", {}),
   ("i wouldn't be comfortable without that", DS, "Aisling Flanagan", {}),
  ],
  "negatives": [
   ("eight hundred euro", "Ger Flanagan", "small talk: a car repair, not a claim"),
   ("don't get him started", "Aisling Flanagan", "small talk"),
   ("nobody answers till after ten so the slot's gone", "Aisling Flanagan", "pain today"),
   ("that would be handy in fairness", "Aisling Flanagan", "buying signal"),
   ("send us the price for four and the security thing", "Ger Flanagan", "logistics"),
  ],
 },
 "calls/2026-11-10-clydeside-followup.json": {
  "mentions": [
   ("that's the bit that worries me. Out past Drymen", OF, "Stevie McLean", {}),
   ("we can't have Linda phoning round to cover for the app", OF, "Morag Fraser", {"opt": True}),
   ("I'd still need to know it works out there", OF, "Stevie McLean", {}),
   ("it's too dear for what they'd use", PR, "Morag Fraser", {}),
  ],
  "negatives": [
   ("Better than I expected, to be honest", "Morag Fraser", "buying signal"),
   ("Tam's come round, believe it or not", "Stevie McLean", "instructor-adoption objection withdrawn"),
   ("the instructors aren't the problem any more", "Morag Fraser", "instructor-adoption objection withdrawn"),
   ("That might work. I'd need it in writing", "Morag Fraser", "buying signal"),
   ("she's happy. That's one box ticked", "Morag Fraser", "accounts concern answered; buying signal"),
   ("How long's the contract, by the way?", "Stevie McLean", "question asking for information"),
   ("first Monday in December", "Morag Fraser", "logistics"),
  ],
 },
}

COVERAGE = {PR: True, SW: True, IA: True, AI: True, SQ: True, DS: False, LP: False, OF: False, EX: False}

# objection-gap: one per uncovered objection or theme; path = the call with its most central
# mention (the objection entry also counts for the known one).
GAPS = [
 (DS, "calls/2026-09-15-phoenix-park-motoring.json", "So my first one is the data.",
  ["objections/data-security.md"],
  "known objection (objections/data-security.md); its only answer, answers/security, is status: draft"),
 (LP, "calls/2026-08-13-eko-drive.json", "Most of our learners pay by bank transfer", [],
  "learners pay by cash, bank transfer, POS or UPI at the counter and will not pay by card online; "
  "no objection entry or approved entry addresses how learners pay; close in words to pricing (fees, cost, money) but not about Brackenford's price"),
 (OF, "calls/2026-08-27-clydeside-school-of-motoring.txt", "There's nae signal out there", [],
  "instructors drive where there is no mobile signal and the instructor app must work offline; "
  "close in words to instructor-adoption (instructors, app, won't use it) but about connectivity, not willingness"),
 (EX, "calls/2026-08-20-liffey-driving-school.srt", "if we leave in two years, everything comes back to us", [],
  "schools want their learner data back in a usable format, free, if they leave; close in words to switching-effort "
  "(moving records, export, migration) and data-security (our data) but about exit and ownership"),
]


def lines_of(path):
    with open(os.path.join(KB, path), encoding="utf-8") as f:
        return f.read().split("\n")


def find(path, lines, anchor):
    hits = [i + 1 for i, text in enumerate(lines) if anchor in text]
    total = sum(text.count(anchor) for text in lines)
    if not hits:
        sys.exit(f"anchor missing in {path}: {anchor!r}")
    if total > 1:
        sys.exit(f"anchor ambiguous in {path} ({total} times): {anchor!r}")
    return hits[0]


def speaker_ok(lines, ln, spk):
    """The speaker named on the line, or for a parties-style JSON export, the block's party."""
    if spk in lines[ln - 1]:
        return True
    if '"sentences"' not in "\n".join(lines):
        return False
    start = ln
    while '"sentences": [' not in lines[start - 1]:
        start -= 1
    sid = lines[start - 1].split('"speakerId": "')[1].split('"')[0]
    return any(sid in text and json.dumps(spk, ensure_ascii=False) in text and '"name"' in text for text in lines)


def json_block(lines, line):
    """Lines of the sentences in the same speaker block of a parties-style JSON export."""
    if '"sentences"' not in "\n".join(lines):
        return None
    start = line
    while '"sentences": [' not in lines[start - 1]:
        start -= 1
    end = line
    while not lines[end - 1].rstrip().endswith("]}") and not lines[end - 1].strip().startswith("]"):
        end += 1
    out = [n for n in range(start + 1, end + 1) if '"text"' in lines[n - 1]]
    return out if len(out) > 1 else None


def main():
    calls_out, negs_out, audit_negs = {}, [], []
    mention_lines = {}
    for path, spec in CALLS.items():
        lines = lines_of(path)
        items, labelled = [], set()
        for anchor, obj, spk, opts in spec["mentions"]:
            ln = find(path, lines, anchor)
            if not speaker_ok(lines, ln, spk):
                sys.exit(f"speaker {spk!r} not on line {ln} of {path}")
            item = {"snippet": anchor, "objection": obj, "line": ln, "speaker": spk}
            turn = json_block(lines, ln)
            if opts.get("turn"):
                turn = sorted({ln} | {find(path, lines, a) for a in opts["turn"]})
            if turn:
                item["turn_lines"] = turn
            if opts.get("opt"):
                item["optional"] = True
            items.append(item)
            labelled.add(ln)
            labelled.update(turn or [])
            mention_lines.setdefault(obj, []).append((path, ln, bool(opts.get("opt"))))
        calls_out[path] = sorted(items, key=lambda x: x["line"])
        for anchor, spk, note in spec["negatives"]:
            ln = find(path, lines, anchor)
            if ln in labelled:
                sys.exit(f"negative on a labelled line {path}:{ln}: {anchor!r}")
            if not speaker_ok(lines, ln, spk):
                sys.exit(f"speaker {spk!r} not on line {ln} of {path}")
            negs_out.append({"path": path, "line": ln, "speaker": spk, "snippet": anchor, "note": note})
            audit_negs.append({"path": path, "line": ln, "rules": ["objection-gap"], "speaker": spk, "note": note})
    present = sorted(os.listdir(os.path.join(KB, "calls")))
    for name in present:
        if "calls/" + name not in calls_out:
            sys.exit(f"call without labels: {name}")
    expected = []
    for obj, path, anchor, alt, note in GAPS:
        ln = find(path, lines_of(path), anchor)
        ments = [{"path": p, "line": n} for p, n, opt in mention_lines[obj]]
        if {"path": path, "line": ln} not in ments:
            sys.exit(f"gap anchor is not a mention: {path}:{ln}")
        if len({m["path"] for m in ments}) < 2:
            sys.exit(f"{obj} raised in fewer than two calls")
        g = {"rule": "objection-gap", "objection": obj, "path": path, "line": ln, "mentions": ments}
        if alt:
            g["alt_paths"] = alt
        g["note"] = note + "; a tool may report the gap once per theme or once per mention"
        expected.append(g)
    for obj in COVERAGE:
        if obj not in mention_lines:
            sys.exit(f"objection never raised: {obj}")
    labels = {
        "kb": "kb",
        "today": TODAY,
        "audit": {"rules": ["objection-gap"], "expected": expected, "negatives": audit_negs},
        "objections": {"calls": calls_out, "coverage": COVERAGE, "negatives": negs_out},
    }
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(labels, f, indent=1, ensure_ascii=False)
        f.write("\n")
    n_m = sum(len(v) for v in calls_out.values())
    n_opt = sum(1 for v in calls_out.values() for i in v if i.get("optional"))
    print(f"calls {len(calls_out)}, mentions {n_m} ({n_m - n_opt} expected, {n_opt} optional), "
          f"negatives {len(negs_out)}, gaps {len(expected)}")
    for obj in COVERAGE:
        ms = mention_lines[obj]
        print(f"  {obj}: {len(ms)} mentions ({sum(1 for m in ms if m[2])} optional) in {len({m[0] for m in ms})} calls")


if __name__ == "__main__":
    main()
