#!/usr/bin/env python3
"""Build labels.json for the Hazelmere corpus from anchor strings (stdlib only).

Every anchor must occur exactly once in its call file; the script computes the 1-based line,
the speaker and, where one speaker turn spans several lines (cues, JSON sentences), its
turn_lines. It refuses missing or ambiguous anchors and a negative on a labelled line.
Run: python3 build_labels.py   (writes labels.json next to this file)
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KB = os.path.join(HERE, "kb")
TODAY = "2026-12-01"

P, M, D, A, OFF, C = ("objections/pricing", "objections/data-migration", "objections/driver-app-adoption",
                    "objections/accounting-integration", "objections/offline-coverage",
                    "objections/contract-terms")
HOURS, PAY, EXIT = "new:driver-hours-compliance", "new:customer-payment-methods", "new:data-export-lock-in"

COVERAGE = {P: True, M: True, D: True, A: True, OFF: False, C: False, HOURS: False, PAY: False, EXIT: False}

# (anchor, objection, optional?) per call. Optional: arguable, neither needed nor a false positive.
LABELS = {
    "calls/2026-10-05-avonside-travel.vtt": [
        ("the price of a decent second-hand midi every year", P, False),
        ("it's still a lot of money for software when the margin on a school contract", P, False),
        ("I'm not convinced they'll touch it", D, False),
        ("it's my operator licence on the line, not yours", HOURS, False),
        ("the system won't let Lisa book something that's illegal", HOURS, False),
        ("We got a letter from DVSA two years ago", HOURS, False),
        ("Without that it doesn't matter how quick the quotes are", HOURS, False),
    ],
    "calls/2026-10-07-dandenong-coachlines.srt": [
        ("retyping fifteen years of bookings", M, False),
        ("half the value is knowing what we quoted Scotch College", M, True),
        ("she's made it very clear she's not changing", A, False),
        ("June to August we're dead", C, False),
        ("I'd rather not be locked in for a year", C, False),
        ("Can we get our stuff back out?", EXIT, False),
        ("I don't want to be hostage again", EXIT, False),
    ],
    "calls/2026-10-08-tampines-coach.json": [
        ("Some of them the phone is still the old type.", D, True),
        ("Honestly I am not so sure.", D, False),
        ("Our customers mostly pay by PayNow or bank transfer", PAY, False),
        ("Nobody here want to pay a bus deposit by credit card", PAY, False),
        ("Then we are back to square one.", PAY, False),
        ("my boss sure ask me why we pay so much for one software", P, False),
        ("But he say the margin for the school contract very thin, cannot.", P, False),
        ("the driver phone no roaming, no data", OFF, False),
        ("Half of our weekend trip is to Malaysia.", OFF, False),
    ],
    "calls/2026-10-12-lone-star-charter.txt": [
        ("the term. Twelve months.", C, False),
        ("I need to know your planner understands hours of service", HOURS, False),
        ("What I care about is not getting a fine and a bad CSA score", HOURS, False),
        ("We had a roadside inspection last spring", HOURS, False),
        ("that's real money for an outfit my size", P, False),
        ("I'm not saying no. I'm saying show me.", P, True),
    ],
    "calls/2026-10-14-savannah-shuttles.json": [
        ("Ninety percent of our clients pay by M-Pesa", PAY, False),
        ("That one you must sort out.", PAY, False),
        ("Once you pass Narok, there is no network", OFF, False),
        ("Even the vehicle inspection, if the driver does it in the park", OFF, False),
    ],
    "calls/2026-10-16-clifton-executive.vtt": [
        ("the last time we changed booking systems was", M, False),
        ("we're executive travel so the history is everything", M, False),
        ("our accountant does the vat return off it", A, False),
        ("what happens when we want to leave", EXIT, False),
        ("made it really hard to get your data out", EXIT, False),
        ("that decides it for me more than the price does", EXIT, False),
    ],
    "calls/2026-10-19-bellarine-bus.srt": [
        ("the biggest thing for us is the great ocean road run", OFF, False),
        ("staring at a a spinning wheel", OFF, False),
        ("that's the route that pays the bills", OFF, False),
        ("and the twelve apostles tours too same problem", OFF, False),
        ("is the contract so summer we're flat out", C, False),
        ("i was going to say the same thing to be fair", C, False),
    ],
    "calls/2026-10-21-jurong-bus-tours.json": [
        ("Nobody knows how to take out the data", M, False),
        ("the data belongs to who?", EXIT, False),
        ("Our director will ask this for sure.", EXIT, False),
        ("He already asked me actually.", EXIT, True),
        ("Can your system show the PayNow QR", PAY, False),
        ("Card here, many of them don't want to use.", PAY, False),
    ],
    "calls/2026-10-22-brazos-valley.vtt": [
        ("about eighty percent of our work is school districts", PAY, False),
        ("so your booking page where the customer puts the card in", PAY, False),
        ("i'm still chasing checks in the mail", PAY, False),
        ("it's a big chunk of why we'd buy it", PAY, False),
        ("second thing is the the ours of service", HOURS, True),
        ("my drivers are on e l d's", HOURS, False),
        ("put out of service in oklahoma", HOURS, False),
        ("most of 'em are retired fellas", D, False),
        ("and then price we got twenty two buses", P, False),
    ],
    "calls/2026-10-26-rift-express.srt": [
        ("the first thing i want to say is the price", P, False),
        ("it is like paying another driver salary", P, False),
        ("still it is a lot of money for us", P, False),
        ("our records are in books", M, True),
        ("physical books exercise books", M, False),
        ("it is almost eight years of records", M, False),
        ("the ntsa rules the drivers hours", HOURS, False),
        ("we have been fined before at the weighbridge", HOURS, False),
        ("yes please that is very important for us", HOURS, True),
    ],
    "calls/2026-11-02-mendip-minibus.txt": [
        ("Mind you, it's not cheap, is it?", P, True),
        ("I don't want a year's contract", C, False),
        ("If it was monthly I'd sign next week", C, True),
        ("My drivers won't sit through a video call.", D, True),
    ],
    "calls/2026-11-04-geelong-coaches.json": [
        ("I'm telling Jess not to bother", A, False),
        ("They've got flip phones", D, False),
        ("Because if it's all or nothing, it's nothing.", D, False),
        ("The other thing is just cost.", P, False),
    ],
    "calls/2026-11-09-changi-shuttle.vtt": [
        ("All our customer and booking is in Excel", M, False),
        ("Even the old one? 2014, 2015", M, True),
        ("Can we export all the booking, the customer, everything", EXIT, False),
        ("Our boss is very particular about this", EXIT, False),
        ("One year commitment for us is quite heavy", C, False),
        ("If one year, we need to think more.", C, False),
    ],
    "calls/2026-11-11-hill-country-tours.json": [
        ("but um our big thing is out past fredericksburg and", OFF, False),
        ("and we do the wine trail tours and the", OFF, False),
        ("we had that with the last gps thing it just froze", OFF, False),
        ("and uh the books we're on quickbooks desktop", A, False),
        ("huh so somebody's still importing a file every day", A, False),
        ("i mean that's kinda what we do now", A, False),
        ("and the contract um", C, False),
        ("so a year at eleven buses is hard for us to swallow", C, False),
    ],
    "calls/2026-11-16-mombasa-road-coaches.txt": [
        ("Our customers pay through M-Pesa paybill", PAY, False),
        ("Then that is a gap for us.", PAY, False),
        ("Even the tour companies pay by M-Pesa now.", PAY, False),
        ("Every invoice must go through eTIMS now.", A, False),
        ("I don't see them doing the inspection on the phone every morning", D, False),
        ("it is worse than paper", D, False),
        ("We will see. I am not convinced yet.", D, False),
        ("after Garsen there is no network", OFF, False),
    ],
}

# External turns that raise no objection: an objection-gap (or a mined mention) here is a false positive.
NEGATIVES = {
    "calls/2026-10-05-avonside-travel.vtt": [
        ("Half term next week so the phone's not stopped", "small talk"),
        ("every quote is Lisa with a spreadsheet and Google Maps open", "today's process and fleet size"),
        ("by the time I ring back they've booked with someone in Weston", "pain today, not an objection to the product"),
        ("Six minutes would be lovely. Does it do rail replacement?", "buying signal and a question for information"),
        ("Well that's what I do now, I print everything.", "today's process (job sheets), not a driver-app objection"),
        ("Thursday's fine. Not before ten", "logistics"),
    ],
    "calls/2026-10-07-dandenong-coachlines.srt": [
        ("had a bus break down on the Monash", "small talk"),
        ("Good. That was going to be a problem.", "MYOB concern resolved by the answer"),
        ("Quotes out the same day, and not ringing every driver the night before", "buying signal"),
        ("Works for me.", "logistics"),
    ],
    "calls/2026-10-08-tampines-coach.json": [
        ("can the customer choose pick up point on the map?", "question for information"),
        ("Currently the driver will call me, then I call the customer", "pain today"),
        ("Oh that one is good.", "buying signal"),
        ("Can try with the younger ones first.", "buying signal after the driver-app answer"),
        ("Quite a lot of time, I can tell you that.", "prospect's own workload"),
        ("Wednesday can.", "logistics"),
    ],
    "calls/2026-10-12-lone-star-charter.txt": [
        ("Hot as blazes still", "small talk"),
        ("Don't get him started on the AC repair bills.", "small talk about costs, not the price"),
        ("Right now I type every charter invoice twice", "pain today and a question; the accounting answer lands"),
        ("Oh, thank the Lord.", "buying signal"),
        ("A band trip to Houston with three stops and an overnight?", "prospect's own quoting time"),
        ("Thursday works. Morning, before the afternoon school runs.", "logistics"),
    ],
    "calls/2026-10-14-savannah-shuttles.json": [
        ("the traffic on Mombasa Road is terrible today", "small talk"),
        ("For the drivers themselves, I think they will manage.", "says the drivers are NOT a problem"),
        ("Yes, the drivers are not the problem.", "says the drivers are NOT a problem"),
        ("We have a whiteboard in the office.", "pain today"),
        ("And how much is it per vehicle?", "question for information, not a price objection"),
        ("Sawa, eleven is fine.", "logistics"),
    ],
    "calls/2026-10-16-clifton-executive.vtt": [
        ("that's fine for us that's in the right ballpark", "price accepted"),
        ("we're only eighteen vehicles so it's it's not a big number", "price accepted"),
        ("once a day is fine yeah", "accepts the Sage 50 answer"),
        ("could we do the import walkthrough on the twenty eighth", "logistics"),
    ],
    "calls/2026-10-19-bellarine-bus.srt": [
        ("the planner side is is really good", "buying signal"),
        ("do they need their own login or is it one login per bus", "question for information"),
        ("the drivers honestly i reckon they'll be they'll be alright", "says the drivers are NOT a problem"),
        ("thursday arvo works", "logistics"),
    ],
    "calls/2026-10-21-jurong-bus-tours.json": [
        ("Thank you for coming down to Jurong", "small talk"),
        ("Generally the team is positive.", "buying signal"),
        ("Okay, if your team can do, then it is better.", "migration concern resolved"),
        ("Peak season, school holiday, around four hundred trips.", "prospect restating volumes"),
        ("the return trip empty is a big waste for us", "pain today"),
        ("Okay, that one is good for the director.", "buying signal"),
    ],
    "calls/2026-10-22-brazos-valley.vtt": [
        ("we liked it the the dispatch board is a whole lot better", "buying signal"),
        ("which is a whiteboard and me", "today's process"),
        ("can we do next tuesday i'm off friday", "logistics"),
    ],
    "calls/2026-10-26-rift-express.srt": [
        ("for a trip to kisumu or eldoret maybe thirty minutes", "prospect's own quoting time"),
        ("the network is okay mostly on the highway", "says coverage is NOT a problem"),
        ("thursday afternoon", "logistics"),
    ],
    "calls/2026-11-02-mendip-minibus.txt": [
        ("I've got twenty minutes before I go and pick up", "logistics"),
        ("Honestly, Tom, I was quite surprised.", "buying signal"),
        ("How do I set up a regular job?", "question for information"),
        ("And can the families see when the bus is coming?", "question for information"),
    ],
    "calls/2026-11-04-geelong-coaches.json": [
        ("Alright. If it does that, I'm happy.", "accounting concern resolved"),
        ("Me and Kylie, probably two full days a week", "prospect's own workload"),
        ("Right. Send me that.", "buying signal"),
        ("Wednesday after two.", "logistics"),
    ],
    "calls/2026-11-09-changi-shuttle.vtt": [
        ("Okay, that one is a relief.", "migration concern resolved"),
        ("the driver can see the flight number?", "question for information"),
        ("Can automatically update the time if the flight delay or not?", "question for information"),
        ("Still better than now.", "buying signal"),
        ("Next week Wednesday can.", "logistics"),
    ],
    "calls/2026-11-11-hill-country-tours.json": [
        ("overall we liked it", "buying signal"),
        ("yeah the quotes are great", "buying signal"),
        ("price wise though it's fine", "price accepted"),
        ("yeah the price itself is okay", "price accepted"),
    ],
    "calls/2026-11-16-mombasa-road-coaches.txt": [
        ("Karibu Ollie. Welcome.", "small talk"),
        ("Okay, then that one should be fine.", "accounting concern resolved"),
        ("If these are answered, we will decide in January.", "buying signal and timing"),
        ("Asante. Safe travels, Ollie.", "small talk"),
    ],
}

NOTES = {
    OFF: "known objection (objections/offline-coverage.md) with no answer entry at all; no approved entry says what the app does without signal",
    C: "known objection (objections/contract-terms.md); its only answer, answers/contract-terms, is status: draft",
    HOURS: "prospects need the planner to respect drivers' hours law (tachograph, FMCSA hours of service, NTSA); "
           "close in words to driver-app-adoption (drivers, app) but about legal compliance, not whether drivers use the app",
    PAY: "the prospect's customers pay by PayNow, M-Pesa, purchase order or cheque, not card; close in words to "
         "pricing and accounting-integration (payment, invoices) but about collecting deposits, not the price or the ledger",
    EXIT: "prospects want to know they can take all their data out if they leave; close in words to data-migration "
          "(data, export, old system) but about lock-in at exit, not the import",
}


def parse(path):
    """Map each text line of a call to (speaker, turn id). Knows only the formats used here."""
    lines = open(os.path.join(KB, path), encoding="utf-8").read().split("\n")
    info = {}
    if path.endswith((".vtt", ".srt")):
        turn, last = 0, None
        for i, row in enumerate(lines):
            if i > 0 and "-->" in lines[i - 1] and row.strip():
                m = re.match(r"<v ([^>]+)>", row) or re.match(r"([^:]+): ", row)
                sp = m.group(1)
                if sp != last:
                    turn += 1
                last = sp
                info[i + 1] = (sp, turn)
    elif path.endswith(".txt"):
        for i, row in enumerate(lines):
            m = re.match(r"(?:\[[\d:]+\] )?([^:\[]+): ", row)
            if m:
                info[i + 1] = (m.group(1), i + 1)
    else:
        data = json.loads("\n".join(lines))
        if isinstance(data, dict) and "parties" in data:
            names = {p["speakerId"]: p["name"] for p in data["parties"]}
            sp, turn = None, 0
            for i, row in enumerate(lines):
                m = re.search(r'"speakerId": "(\d+)", "topic"', row)
                if m:
                    sp, turn = names[m.group(1)], turn + 1
                elif '"text":' in row and sp:
                    info[i + 1] = (sp, turn)
        else:
            for i, row in enumerate(lines):
                m = re.search(r'"speaker": "([^"]+)"', row)
                if m:
                    info[i + 1] = (m.group(1), i + 1)
    return lines, info


def locate(path, anchor, lines, info):
    hits = [i + 1 for i, row in enumerate(lines) if anchor in row]
    if len(hits) != 1:
        sys.exit(f"{path}: anchor {anchor!r} found {len(hits)} times")
    if hits[0] not in info:
        sys.exit(f"{path}: anchor {anchor!r} is not on a speaker line")
    return hits[0]


def main():
    internal = set(re.search(r"internal_speakers = \[(.*)\]", open(os.path.join(KB, "canon.toml")).read())
                   .group(1).replace('"', "").split(", "))
    calls, negatives, mentions = {}, [], {}
    for path in sorted(os.listdir(os.path.join(KB, "calls"))):
        path = "calls/" + path
        if path not in LABELS:
            sys.exit(f"{path}: no labels")
        lines, info = parse(path)
        out, labelled = [], set()
        for anchor, objection, optional in LABELS[path]:
            line = locate(path, anchor, lines, info)
            sp, turn = info[line]
            if sp in internal or sp.endswith("@hazelmere.example"):
                sys.exit(f"{path}:{line}: labelled turn is internal ({sp})")
            turn_lines = sorted(n for n, (s, t) in info.items() if t == turn)
            item = {"snippet": anchor, "objection": objection, "line": line, "speaker": sp}
            if len(turn_lines) > 1:
                item["turn_lines"] = turn_lines
            if optional:
                item["optional"] = True
            out.append(item)
            labelled.update(turn_lines)
            mentions.setdefault(objection, []).append({"path": path, "line": line})
        calls[path] = sorted(out, key=lambda x: x["line"])
        for anchor, note in NEGATIVES.get(path, []):
            line = locate(path, anchor, lines, info)
            sp = info[line][0]
            if line in labelled:
                sys.exit(f"{path}:{line}: negative on a labelled line ({anchor!r})")
            if sp in internal or sp.endswith("@hazelmere.example"):
                sys.exit(f"{path}:{line}: negative is an internal turn")
            negatives.append({"path": path, "line": line, "rules": ["objection-gap"], "speaker": sp,
                              "snippet": anchor, "note": note})
    for p in LABELS:
        if not os.path.exists(os.path.join(KB, p)):
            sys.exit(f"{p}: labelled call does not exist")
    expected = []
    for objection, covered in COVERAGE.items():
        if covered:
            continue
        ms = sorted(mentions[objection], key=lambda m: (m["path"], m["line"]))
        if len({m["path"] for m in ms}) < 2:
            sys.exit(f"{objection}: raised in fewer than two calls")
        item = {"rule": "objection-gap", "objection": objection, "path": ms[0]["path"], "line": ms[0]["line"],
                "mentions": ms}
        if not objection.startswith("new:"):
            item["alt_paths"] = [objection + ".md"]
            if not os.path.exists(os.path.join(KB, objection + ".md")):
                sys.exit(f"{objection}: no such entry")
        item["note"] = NOTES[objection] + "; a tool may report the gap once per theme or once per mention"
        expected.append(item)
    labels = {
        "kb": "kb",
        "today": TODAY,
        "audit": {"rules": ["objection-gap"], "expected": expected, "negatives": negatives},
        "objections": {"calls": calls, "coverage": COVERAGE},
    }
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(labels, f, indent=1, ensure_ascii=False)
        f.write("\n")
    n = sum(len(v) for v in calls.values())
    opt = sum(1 for v in calls.values() for x in v if x.get("optional"))
    print(f"{len(calls)} calls, {n} labelled turns ({opt} optional), {len(negatives)} negatives, "
          f"{len(expected)} objection-gap findings")


if __name__ == "__main__":
    main()
