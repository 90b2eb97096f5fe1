#!/usr/bin/env python3
"""Build labels.json for the Rookhaven corpus from anchor strings (stdlib only).

Every anchor must occur exactly once in its call file; the script computes 1-based line numbers,
the lines of a speaker turn split across JSON sentences, cues or stamped lines (turn_lines), and
refuses anchors that are missing or ambiguous and negatives on a labelled line.
Run: python3 build_labels.py  (writes labels.json next to this script)
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KB = os.path.join(HERE, "kb")

P = "objections/pricing"
MIG = "objections/tee-sheet-migration"
OFF = "objections/off-season-rollout"
ADO = "objections/member-adoption"
INT = "objections/integrations"
CON = "objections/contract-length"
FEE = "new:golfer-booking-fee"
DATA = "new:customer-data-ownership"
ALLOC = "new:tee-time-allocation"

# call -> list of (anchor, objection, speaker)
MENTIONS = {
    "calls/2026-09-03-craigtoun-braes.vtt": [
        ("The committee will never approve that monthly figure you sent Ewan", P, "Morag Lindsay"),
        ("we've the greenkeepers wanting a new fairway mower this year", P, "Morag Lindsay"),
        ("Half our members are over seventy. They'll just ring the shop", ADO, "Morag Lindsay"),
        ("I'll believe it when I see the old boys with a PIN number", ADO, "Morag Lindsay"),
        ("The Saturday ballot. Members put their names in on the Wednesday", ALLOC, "Ewan Dalgleish"),
        ("they care that the draw is fair and that visitors don't jump the queue", ALLOC, "Ewan Dalgleish"),
        ("The ballot's sacred here", ALLOC, "Morag Lindsay"),
    ],
    "calls/2026-09-08-desert-quail.json": [
        ("If your thing doesn't talk to TillPro, I'm not interested", INT, "Dana Ruiz"),
        ("charge the golfer a three dollar convenience fee on every online booking", FEE, "Brent Kowalski"),
        ("I can't have a fee on every booking that the golfer sees", FEE, "Brent Kowalski"),
        ("at the number you quoted it's more than we pay today for the whole system", P, "Brent Kowalski"),
    ],
    "calls/2026-09-10-dromcarra-links.txt": [
        ("Twenty-two years of bookings and handicaps in it", MIG, "Declan O'Sullivan"),
        ("If that's all sitting in your system, whose is it?", DATA, "Siobhán Moriarty"),
        ("They take your golfers and sell them the course next door", DATA, "Siobhán Moriarty"),
        ("That's a committee question, and I'd want it in writing", DATA, "Declan O'Sullivan"),
        ("I saw three years in the proposal", CON, "Declan O'Sullivan"),
        ("We'd never get an EGM called for a computer system", CON, "Siobhán Moriarty"),
    ],
    "calls/2026-09-15-minoh-hills.srt": [
        ("Our members are very traditional", ADO, "Takeshi Yamamoto"),
        ("Some members do not have email address even", ADO, "Yuki Nakamura"),
        ("Then why we change? If members do not use", ADO, "Takeshi Yamamoto"),
        ("the locker system and restaurant system, these are Japanese system", INT, "Takeshi Yamamoto"),
        ("Staff cannot study new system in this time", OFF, "Takeshi Yamamoto"),
        ("But not in October, please", OFF, "Takeshi Yamamoto"),
    ],
    "calls/2026-09-22-highveld-golf-estate.json": [
        ("Honestly, the old sheet. Twelve years of member history", MIG, "Pieter van der Merwe"),
        ("We had a system change on the access control at the gate", MIG, "Thandi Mokoena"),
        ("If green fees and the halfway house don't go into Sage", INT, "Thandi Mokoena"),
        ("GolfRSA has to come through", INT, "Pieter van der Merwe"),
    ],
    "calls/2026-10-01-pitscottie.json": [
        ("The members' tee times have to be protected", ALLOC, "Alasdair Boyd"),
        ("It's the fairness they care about", ALLOC, "Alasdair Boyd"),
        ("the draw has to be seen to be random", ALLOC, "Alasdair Boyd"),
        ("If visitors can book Saturdays before the members get a look in", ALLOC, "Janice Kerr"),
    ],
    "calls/2026-10-06-mesa-verde-municipal.vtt": [
        ("We can't sign a thirty-six month term", CON, "Marcus Webb"),
        ("If the order form says three years, I can't put it in front of anybody", CON, "Marcus Webb"),
        ("And honestly the price is a problem too", P, "Linda Tsosie"),
        ("you're well over it. The executive nine barely breaks even", P, "Linda Tsosie"),
    ],
    "calls/2026-10-13-waterkloof-ridge.txt": [
        ("Nobody has time to sit and learn a new system until winter", OFF, "Sipho Dlamini"),
        ("the ladies' league starts in January, so not January either", OFF, "Annelie Botha"),
        ("What the board is not fine with is the golfers paying extra", FEE, "Sipho Dlamini"),
        ("If a member pays a booking fee to book his own club", FEE, "Annelie Botha"),
        ("Nothing on top for the golfer. Not one rand", FEE, "Sipho Dlamini"),
    ],
    "calls/2026-10-20-rokko-lakeside.json": [
        ("If your system does not send data to these", INT, "Haruki Sato"),
        ("I do not want to do again.", INT, "Mei Ito"),
        ("Our owner does not like long contract with new company.", CON, "Haruki Sato"),
        ("But three years with no exit, he will say no.", CON, "Haruki Sato"),
    ],
    "calls/2026-11-03-caherdaniel.srt": [
        ("Every booking for next season is in that thing already", MIG, "Brendan Sugrue"),
        ("If the club's member and visitor records sit on your servers", DATA, "Brendan Sugrue"),
        ("we can't afford to be in the papers over a data breach", DATA, "Nora Fitzgerald"),
        ("I want it to say plainly that the data is the club's", DATA, "Brendan Sugrue"),
    ],
    "calls/2026-09-29-benoni-lakes.srt": [
        ("we we keep putting it off because", P, "Lerato Khumalo"),
        ("look i'll be honest with you the the number in the proposal is", P, "Johan Pretorius"),
        ("i can't take that price to the board in february", P, "Johan Pretorius"),
        ("so popi act right", DATA, "Lerato Khumalo"),
        ("and are you allowed to give it to anybody else", DATA, "Johan Pretorius"),
        ("we had a sponsor who got hold of our member list", DATA, "Lerato Khumalo"),
        ("if the members think we're selling their details again", DATA, "Lerato Khumalo"),
    ],
    "calls/2026-10-08-st-monans.vtt": [
        ("aye and if that disappears when we move", MIG, "Hamish Paterson"),
        ("my worry's the members to be honest callum", ADO, "Irene Wallace"),
        ("she's right they'll phone", ADO, "Hamish Paterson"),
        ("aye but then what are we paying for", ADO, "Irene Wallace"),
        ("and the draw's done on the thursday and the members are very very particular", ALLOC, "Irene Wallace"),
        ("it's the fairness see they don't mind how they book", ALLOC, "Hamish Paterson"),
        ("exactly and it has to be random and seen to be random", ALLOC, "Irene Wallace"),
    ],
    "calls/2026-10-15-sonoran-palms.json": [
        ("so if your if your system can't", INT, "Rick Delgado"),
        ("we left our last provider because they put a booking fee on the golfer", FEE, "Rick Delgado"),
        ("we got so many one star reviews over that fee", FEE, "Kayla Brooks"),
        ("what the club pays you that's a conversation what the golfer pays is not", FEE, "Rick Delgado"),
    ],
    "calls/2026-10-27-killorglin.txt": [
        ("it's the the three years that's the problem", CON, "Pádraig Foley"),
        ("and there's an election in march", CON, "Mairéad Clifford"),
        ("if it was a year and we could walk away after the first season", CON, "Pádraig Foley"),
        ("well not in the summer anyway god no", OFF, "Pádraig Foley"),
    ],
    "calls/2026-11-10-sakai-seaside.json": [
        ("no um our members um maybe they they don't like the online booking", ADO, "Ryo Matsumoto"),
        ("so the manager says why we pay again for the same thing", ADO, "Ryo Matsumoto"),
        ("if nobody use online the cost is the the same as before no merit", ADO, "Ryo Matsumoto"),
        ("um autumn is the best season now very busy", OFF, "Ryo Matsumoto"),
    ],
}

# lines where objection-gap (and no objection mention) belongs: pain today, questions asking for
# information, buying signals, logistics, small talk; several are close in words to a known theme
NEGATIVES = {
    "calls/2026-09-03-craigtoun-braes.vtt": [
        ("Dreich morning up here", "small talk"),
        ("Saturdays are murder", "pain today (phone bookings), not an objection"),
        ("Does it do the society bookings?", "question asking for information"),
        ("Now that I like", "buying signal"),
        ("Can we do the demo bit next week?", "logistics"),
    ],
    "calls/2026-09-08-desert-quail.json": [
        ("A hundred and eight yesterday.", "small talk"),
        ("Dana's shop POS doesn't know anything about the tee sheet", "pain today with the current system, not an objection to Rookhaven"),
        ("So I check somebody in on the sheet, then I ring them up again", "pain today"),
        ("Can it do dynamic pricing?", "question asking for information; 'pricing' is not a price objection"),
        ("Let's do the demo with the owner on the call", "logistics"),
    ],
    "calls/2026-09-10-dromcarra-links.txt": [
        ("I'm afraid of my life I'll double-book a group of forty", "pain today"),
        ("The members are grand, there's only four hundred of them", "context, no objection"),
        ("Will you come down to see us? You'd get a game in.", "logistics and small talk"),
    ],
    "calls/2026-09-15-minoh-hills.srt": [
        ("Most of booking is by telephone and by fax still", "pain today"),
        ("Every day I receive many fax", "pain today"),
        ("Also caddie assignment is by hand", "pain today"),
        ("I will send the name by email", "logistics"),
        ("Yes, Tuesday afternoon is good for us", "logistics"),
    ],
    "calls/2026-09-22-highveld-golf-estate.json": [
        ("the rains are late but the golfers aren't", "small talk"),
        ("WhatsApp is the big one", "pain today"),
        ("when load shedding hits and the Wi-Fi goes", "pain today"),
        ("In parallel. Okay. That helps.", "objection answered, acceptance"),
        ("Can you send me something on how the Sage side works?", "question asking for information, close in words to integrations"),
        ("Let's get Pieter's team on a demo next week then", "logistics, buying signal"),
    ],
    "calls/2026-10-01-pitscottie.json": [
        ("Janice from the match committee might join late", "logistics"),
        ("I'm serious, it was a whole thing.", "small talk"),
        ("My father's eighty-one and he'll phone the shop till the day he dies", "close in words to member-adoption, but she says it is not the problem"),
        ("What does the members' app look like? Can I see it?", "question asking for information"),
        ("Oh that's tidy", "buying signal"),
    ],
    "calls/2026-10-06-mesa-verde-municipal.vtt": [
        ("Right now the resident rate is checked by a clerk", "pain today"),
        ("Does your system support resident verification?", "question asking for information"),
        ("That alone would fix half my complaints", "buying signal"),
        ("Send the revised quote and a one-year order form", "logistics, close in words to contract-length"),
    ],
    "calls/2026-10-13-waterkloof-ridge.txt": [
        ("Hot. Very hot.", "small talk"),
        ("Can it handle the four-ball better-ball draws", "question asking for information"),
        ("Send me the proposal and put June as the start date", "buying signal, logistics"),
    ],
    "calls/2026-10-20-rokko-lakeside.json": [
        ("Weekdays we have many empty time, especially afternoon.", "pain today"),
        ("The portal takes commission, and we cannot control the price.", "pain today with the portal, close in words to booking fees and pricing"),
        ("Price is OK for him, I think.", "explicitly not a price objection"),
        ("Also can visitors pay with credit card on booking?", "question asking for information"),
        ("Please send us a proposal with one year contract", "logistics, close in words to contract-length"),
    ],
    "calls/2026-11-03-caherdaniel.srt": [
        ("Nobody answers the phone there any more", "pain today"),
        ("Can the visitors pay a deposit online?", "question asking for information"),
        ("Oh thank God. That's half my week.", "buying signal"),
        ("we'll put it to the committee in December", "logistics"),
    ],
    "calls/2026-09-29-benoni-lakes.srt": [
        ("i'm the treasurer", "small talk"),
        ("membership has been dropping since covid", "pain today"),
        ("nobody can book us online so they go to the estate courses", "pain today"),
        ("ja let's do that", "logistics"),
    ],
    "calls/2026-10-08-st-monans.vtt": [
        ("aye i can see it irene can you see it", "logistics"),
        ("can you send us something on how the ballot would work", "request for information, close in words to the allocation theme"),
    ],
    "calls/2026-10-15-sonoran-palms.json": [
        ("i do the end of day by hand every night", "pain today"),
        ("it's uh it's called grill master pro", "logistics"),
        ("oh that's clean", "buying signal"),
        ("does it do the uh the cart assignment too", "question asking for information"),
        ("lets get the owner on the next one", "logistics"),
    ],
    "calls/2026-10-27-killorglin.txt": [
        ("a couple of hours grand", "acceptance"),
        ("does it do the the open week entries", "question asking for information"),
        ("oh lovely", "buying signal"),
    ],
    "calls/2026-11-10-sakai-seaside.json": [
        ("every morning phone is ringing from six thirty", "pain today"),
        ("yes please send i will show the manager", "logistics"),
        ("can the system do the the caddie fee", "question asking for information; 'fee' is not the booking-fee theme"),
        ("the price for two courses", "request for a quote, not a price objection"),
    ],
}

COVERAGE = {P: True, MIG: True, OFF: True, ADO: True, INT: True, CON: False,
            FEE: False, DATA: False, ALLOC: False}

GAP_NOTES = {
    CON: "known objection (objections/contract-length.md); its only answer, answers/contract-length, is status: draft",
    FEE: "prospects refuse a per-booking fee charged to the golfer at checkout; close in words to objections/pricing, but the club's own subscription is not the concern; no entry addresses it",
    DATA: "prospects ask who owns member and visitor data and whether the vendor may market to it or pass it on; close in words to migration and integrations (data, records), different concern; no entry addresses it",
    ALLOC: "prospects need the sheet to protect member times and run a fair ballot before visitors can book; close in words to objections/member-adoption (members, phoning, booking), different concern; no entry addresses it",
}


def speaker_of(fmt, line):
    if fmt == "json":
        return None
    m = re.match(r"^(?:\[\d\d:\d\d:\d\d\] )?(?:<v ([^>]+)>|([^:<]+): )", line)
    return (m.group(1) or m.group(2)) if m else None


def json_speaker(lines, i):
    m = re.search(r'"speaker": "([^"]+)"', lines[i])
    if m:
        return m.group(1)
    a = i
    while '"speakerId"' not in lines[a] or '"sentences"' not in lines[a]:
        a -= 1
    sid = re.search(r'"speakerId": "(\d+)"', lines[a]).group(1)
    for row in lines:
        m = re.search(r'"speakerId": "' + sid + r'", "name": "([^"]+)"', row)
        if m:
            return m.group(1)
    return None


def find(path, anchor):
    lines = open(os.path.join(KB, path), encoding="utf-8").read().split("\n")
    hits = [i for i, row in enumerate(lines) if anchor in row]
    text = "\n".join(lines)
    if text.count(anchor) != 1 or len(hits) != 1:
        sys.exit(f"anchor {anchor!r} occurs {text.count(anchor)} times in {path}")
    return lines, hits[0]


def turn_lines(path, lines, i):
    """1-based lines of the speaker turn holding line i (0-based), when it spans several lines."""
    if path.endswith(".json"):
        if '"sentences"' not in "".join(lines):
            return [i + 1]
        a = i
        while '"sentences": [' not in lines[a]:
            a -= 1
        b = i
        while not lines[b].strip().startswith("]}"):
            b += 1
        return list(range(a + 2, b + 1))
    if path.endswith(".txt"):
        sp = speaker_of("txt", lines[i])
        idx = [j for j, row in enumerate(lines) if row.strip()]
        k = idx.index(i)
        a = k
        while a > 0 and speaker_of("txt", lines[idx[a - 1]]) == sp:
            a -= 1
        b = k
        while b + 1 < len(idx) and speaker_of("txt", lines[idx[b + 1]]) == sp:
            b += 1
        return [idx[j] + 1 for j in range(a, b + 1)]
    # vtt / srt: cue text lines follow a line with "-->"
    cues = [j for j, _ in enumerate(lines) if j > 0 and "-->" in lines[j - 1]]
    k = cues.index(i)
    sp = speaker_of("cue", lines[i])
    a = k
    while a > 0 and speaker_of("cue", lines[cues[a - 1]]) == sp:
        a -= 1
    b = k
    while b + 1 < len(cues) and speaker_of("cue", lines[cues[b + 1]]) == sp:
        b += 1
    return [cues[j] + 1 for j in range(a, b + 1)]


def main():
    calls = {}
    labelled = set()
    by_obj = {}
    for path, ms in MENTIONS.items():
        out = []
        for anchor, obj, spk in ms:
            lines, i = find(path, anchor)
            if not path.endswith(".json") and speaker_of("x", lines[i]) != spk:
                sys.exit(f"{path}:{i+1} speaker is not {spk}")
            if path.endswith(".json") and json_speaker(lines, i) != spk:
                sys.exit(f"{path}:{i+1} speaker is not {spk}")
            m = {"snippet": anchor, "objection": obj, "line": i + 1, "speaker": spk}
            tl = turn_lines(path, lines, i)
            if len(tl) > 1:
                m["turn_lines"] = tl
            out.append(m)
            labelled.add((path, i + 1))
            by_obj.setdefault(obj, []).append({"path": path, "line": i + 1})
        calls[path] = sorted(out, key=lambda m: m["line"])
    negatives = []
    for path, ns in NEGATIVES.items():
        for anchor, note in ns:
            lines, i = find(path, anchor)
            if (path, i + 1) in labelled:
                sys.exit(f"negative on a labelled line: {path}:{i+1}")
            negatives.append({"path": path, "line": i + 1, "rules": ["objection-gap"], "note": note})
    expected = []
    for obj, covered in COVERAGE.items():
        if covered:
            continue
        mentions = sorted(by_obj[obj], key=lambda m: (m["path"], m["line"]))
        if len({m["path"] for m in mentions}) < 2:
            sys.exit(f"{obj} raised in fewer than two calls")
        f = {"rule": "objection-gap", "objection": obj, "path": mentions[0]["path"],
             "line": mentions[0]["line"], "mentions": mentions,
             "note": GAP_NOTES[obj] + "; a tool may report the gap once per theme or once per mention"}
        if obj.startswith("objections/"):
            f["alt_paths"] = [obj + ".md"]
        expected.append(f)
    for obj in by_obj:
        if obj not in COVERAGE:
            sys.exit(f"no coverage for {obj}")
    labels = {
        "kb": "kb",
        "today": "2026-12-01",
        "drafts": [],
        "audit": {"rules": ["objection-gap"], "expected": expected, "negatives": negatives},
        "objections": {"calls": calls, "coverage": COVERAGE},
    }
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as fh:
        json.dump(labels, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    n = sum(len(v) for v in calls.values())
    print(f"{n} mentions in {len(calls)} calls, {len(expected)} gaps, {len(negatives)} negatives")
    for obj in COVERAGE:
        print(f"  {obj}: {len(by_obj.get(obj, []))} mentions in {len({m['path'] for m in by_obj.get(obj, [])})} calls")


if __name__ == "__main__":
    main()
