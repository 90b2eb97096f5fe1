#!/usr/bin/env python3
"""Build labels.json for the Gullrock corpus from anchor strings (stdlib only).

Each anchor must occur exactly once in its call file; the script finds its 1-based line, the
speaker of that line and the lines of the speaker turn around it (consecutive cues, stamped
lines or JSON sentences of one speaker). It refuses anchors that are missing or ambiguous,
anchors on an internal speaker's line, and negatives on a labelled line or turn.
Run: python3 build_labels.py  (writes labels.json next to it)
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KB = os.path.join(HERE, "kb")
INTERNAL = {"Niamh Brennan", "Callum Reid", "Sasha Morin", "Kwabena Asante", "Tendai Moyo", "Ifeoma Okeke"}

P, M, D, S, C, Y = ("objections/pricing", "objections/data-migration", "objections/peak-demand",
                    "objections/staff-adoption", "objections/contract-length", "objections/payment-provider")
OFF, ACC, DP = "new:offline-operation", "new:walk-up-access", "new:data-protection"
OPT = "optional"

# (anchor, objection[, "optional"])  and negatives: (anchor, note)
CALLS = {
 "calls/2026-08-06-liffey-house-museum.vtt": dict(m=[
   ("If a chunk of that goes to you on every ticket", P),
   ("Passing it on to a pensioner buying a six euro ticket", P),
   ("my bigger worry is the team", S),
   ("back writing receipts by hand", S),
   ("Forty minutes. We'll see.", S),
   ("people who don't have a smartphone and wouldn't book anything online", ACC),
   ("quietly shuts out the people who don't do the internet", ACC),
   ("our funding agreement with the Department is very clear on access", ACC, OPT),
   ("the council's audit people ask about that too", ACC, OPT),
  ], n=[
   ("the Wi-Fi in the office is acting the maggot today", "small talk about the office Wi-Fi, not the offline theme"),
   ("queue out onto the footpath", "the prospect's pain today"),
   ("That would be the dream, to be honest with you.", "buying signal"),
   ("I'd say nobody has ever added that up here", "agrees to a fee comparison"),
   ("Would we be live for Christmas?", "timeline question, buying signal"),
   ("Tuesday at eleven is grand", "logistics"),
  ]),
 "calls/2026-08-13-clyde-maritime-museum.srt": dict(m=[
   ("the booking site fell over in about ten minutes", D, OPT),
   ("I'll believe it when I see it", D, OPT),
   ("How do I know your platform doesn't do the same thing to us in April?", D),
   ("everybody says that on the sales call", D),
   ("If renewal dates or gift records go missing in a move", M),
   ("a batch of renewals went out to people who'd already renewed", M),
   ("I genuinely can't sign us up to anything beyond March", C),
   ("But it's not a small ask.", C, OPT),
  ], n=[
   ("Aye, not bad. Wet. It's Glasgow.", "small talk"),
   ("It opens in April and it's going to be massive", "context: the exhibition"),
   ("We won't be that big, but we'll be big for us.", "the prospect restating their own scale"),
   ("Okay. That would help.", "acceptance of the rehearsal"),
   ("Okay. That's sensible.", "acceptance"),
   ("Thursday's fine. Morning, if you can.", "logistics"),
  ]),
 "calls/2026-08-20-eko-heritage-centre.json": dict(m=[
   ("Power here is not stable.", OFF),
   ("If your scanners and tills stop working every time light goes", OFF),
   ("The last vendor told us it is cloud, so no problem.", OFF),
   ("If we must move our card payments to your own processor", Y),
   ("I would like to see that in writing.", Y, OPT),
   ("With the exchange rate the way it is", P),
   ("I cannot carry a dollar cost that keeps climbing.", P),
  ], n=[
   ("Kwabena, you are in Accra?", "small talk"),
   ("People wait in the sun for one hour.", "the prospect's pain today"),
   ("reconciling the cash at the end of the day is my own headache", "the prospect's pain today"),
   ("Maybe three thousand on a Saturday in December.", "the prospect's own volumes"),
   ("Does the system handle school groups?", "information question"),
   ("That alone would free my assistant.", "buying signal"),
   ("Let us do Wednesday the second.", "logistics"),
  ]),
 "calls/2026-08-27-table-bay-science-centre.txt": dict(m=[
   ("What happens with load-shedding?", OFF, OPT),
   ("When Eskom takes us to stage four", OFF),
   ("right now the old tills work offline, badly, but they work", OFF),
   ("We've got about forty explainers, mostly students", S, OPT),
   ("If yours is any harder, I'll have a mutiny.", S),
   ("I'd want our students to try it though.", S, OPT),
   ("We collect a lot of data from school bookings.", DP, OPT),
   ("Under POPIA we need to know who's processing that", DP),
  ], n=[
   ("a school bus in the parking lot that wouldn't move", "small talk"),
   ("queues right down to the Waterfront", "the prospect's pain today"),
   ("it doesn't talk to the tills", "the prospect's pain today"),
   ("Kestrel Bay, ja, I know their ops manager", "interest in the reference"),
   ("I'd want it before the December holidays", "timeline question, buying signal"),
   ("Lekker. Let's talk next week then.", "logistics"),
  ]),
 "calls/2026-09-03-harbourfront-textile-museum.json": dict(m=[
   ("I don't see how it moves across cleanly", M),
   ("Who decides which duplicate wins?", M, OPT),
   ("Under CASL that consent is to us", DP),
   ("Our lawyer flagged it when we looked at another vendor", DP),
   ("I'm not comfortable committing the museum to three years", C),
   ("my call right now is no", C),
  ], n=[
   ("Raymond's joining from his car", "small talk"),
   ("Renewals are a mail merge", "the prospect's pain today"),
   ("Okay, that's better than I expected.", "positive reaction"),
   ("Does the member card work in Apple Wallet?", "information question"),
   ("I can send an export next week.", "logistics"),
  ]),
 "calls/2026-09-10-kelvinside-art-trust.vtt": dict(m=[
   ("the money side of it is going to be tricky for us", P),
   ("there's nothing in this year's budget for a ticketing system", P),
   ("maybe maybe i'd need to see numbers", P, OPT),
   ("worried about the folk who who can't book online", ACC),
   ("something you can only see if you can do a website", ACC),
   ("the board will ask that before they ask anything else", ACC, OPT),
   ("collapsed on the first morning", D, OPT),
   ("your site isn't going to fall over the way theirs did", D),
  ], n=[
   ("counted people with a clicker at the door", "context: how they count today"),
   ("maybe eleven hundred twelve hundred", "the prospect's own volumes"),
   ("does it do gift eight on the donations", "information question (Gift Aid, misheard)"),
   ("that's that's one less spreadsheet", "buying signal"),
   ("aye we can see it", "logistics"),
  ]),
 "calls/2026-09-17-ormond-quay-gallery.json": dict(m=[
   # one mention: the two sentences of this objection are one JSON entry, one line
   ("not going to be pushed onto some other payment processor", Y),
   ("Three years is a long time for a gallery our size.", C),
   ("A break clause could work, depending on the wording.", C, OPT),
  ], n=[
   ("I'm a bit fragile this morning", "small talk"),
   ("we like it. The team loved the live count", "buying signal"),
   ("Our invigilators have been asking for something like that for years.", "buying signal"),
   ("Can you confirm that in the contract?", "request after the payments answer, not the term objection"),
   ("I think we're there. I'd like to be live for the spring programme.", "buying signal"),
   ("We announce in the second week of January", "logistics"),
   ("He'll want to meet you. He meets everyone.", "logistics"),
  ]),
 "calls/2026-09-24-lekki-arts-foundation.srt": dict(m=[
   ("the membership is now on on a spreadsheet and an old axis data base", M, OPT),
   ("their their renewal dates are all over the place", M, OPT),
   ("so my fear is that when we move we will lose people", M),
   ("okay i will need to see that", M, OPT),
   ("for me my own question is the the light", OFF, OPT),
   ("when power goes off here and it goes off often", OFF),
   ("how do we let people in when network is down", OFF),
   ("that one will decide it for me", OFF, OPT),
   ("my own is the cost", P, OPT),
   ("the per ticket fee on a two thousand naira ticket is is too much", P),
   ("we don't make profit on tickets at all", P, OPT),
  ], n=[
   ("yes we can hear you ifeoma good afternoon", "small talk"),
   ("that one is good because the talks are free", "positive reaction"),
   ("can the patrons renew by themselves online", "information question"),
   ("good good that is what we want", "buying signal"),
   ("friday is fine thank you ifeoma", "logistics"),
  ]),
 "calls/2026-10-01-don-valley-discovery-museum.vtt": dict(m=[
   ("I am honestly terrified about that morning", D),
   ("The plug-in was what died, I think", D, OPT),
   ("I need to believe that your platform will hold up", D),
   ("I'd want our own monitoring on that.", D, OPT),
   ("we have about sixty front-line staff", S, OPT),
   ("they are not going to be thrilled about learning a new one", S),
   ("What happens to our free Sundays?", ACC, OPT),
   ("A lot of the families who come are newcomers", ACC, OPT),
   ("If free Sundays become book-online-only", ACC),
   ("Good, because it'll come up at the board.", ACC, OPT),
  ], n=[
   ("It's already snowing in my inbox", "small talk"),
   ("Eleven hundred and forty. I counted.", "the prospect's own figure"),
   ("A rehearsal against production, or a test environment?", "information question"),
   ("Timing matters though. We'd need it in by December.", "timeline, buying signal"),
   ("Okay, that I like.", "buying signal"),
   ("Thursday afternoon works for me.", "logistics"),
  ]),
 "calls/2026-10-08-stellenbosch-wine-museum.json": dict(m=[
   ("can i raise the the pop here thing", DP, OPT),
   ("our lawyers say under popia", DP),
   ("before i can even put this to exco", DP),
   ("and the payments we use peach payments for the online shop", Y, OPT),
   ("we don't want to change that we have a a good rate with them", Y),
   ("and the contract you sent is three years", C, OPT),
   ("the trust only approves one year at a time", C),
   ("the first contract is twelve months max", C, OPT),
  ], n=[
   ("yes hi tendai we can hear you", "small talk"),
   ("which is a nightmare at month end", "the prospect's pain today"),
   ("oh okay that's good that's good to hear", "positive reaction"),
   ("can we limit each tour to sixteen people", "information question"),
   ("perfect the week of the twentieth works", "logistics"),
  ]),
 "calls/2026-10-15-merrion-natural-history-collection.txt": dict(m=[], n=[
   ("We've been talking about nothing else", "positive reaction"),
   ("we've the money", "buying signal: budget approved"),
   ("two hundred people on the steps", "the prospect's pain today"),
   ("do the gate scanners have an offline mode?", "information question; says the connection is solid"),
   ("can staff log in with their work accounts?", "information question"),
   ("Do you have an import from BoxNet", "information question about migration, no concern"),
   ("is it per ticket or a flat fee? Procurement will ask.", "information question about price"),
   ("so the fee would only be on the paid exhibitions", "clarification, no concern"),
   ("The board meets on the third of November", "logistics, buying signal"),
   ("If the board says yes, when could we start?", "buying signal"),
   ("I'll send you a calendar invite", "logistics"),
  ]),
 "calls/2026-10-22-glasgow-transport-collection.srt": dict(m=[
   ("we changed the the till software in february", S, OPT),
   ("really wary of anything new", S),
   ("aye well they said that in february too", S),
   ("the council's standing orders mean anything over", C),
   ("the booking page crashed within within minutes", D, OPT),
   ("i need to know it'll stay up that night", D),
  ], n=[
   ("it's me and stuart from the council procurement team", "small talk"),
   ("then we'd look at a framework for the longer term", "accepts a one-year term"),
   ("we'd be about twenty thousand", "the prospect's own volumes"),
   ("does the system produce a vat report", "information question"),
   ("champion", "positive reaction"),
   ("can you send me the trainer plan", "logistics"),
  ]),
 "calls/2026-10-29-ikoyi-contemporary.json": dict(m=[
   ("First, the payments.", Y, OPT),
   ("I do not want our money sitting in a foreign company", Y),
   ("but the internet still goes off", OFF),
   ("we cannot have guests standing at the door", OFF),
   ("Eko Heritage told me they asked the same thing.", OFF, OPT),
   ("Under the Data Protection Act we are responsible for it.", DP),
   ("Our lawyer wants a data processing agreement", DP),
  ], n=[
   ("Exhausting but wonderful.", "small talk"),
   ("I am still matching payments to names.", "the prospect's pain today"),
   ("Then you already have my attention.", "buying signal"),
   ("Can it print badges for the preview night?", "information question"),
   ("Monday is good.", "logistics"),
  ]),
 "calls/2026-11-05-karoo-fossil-museum.vtt": dict(m=[
   ("the power here is is load shedding", OFF),
   ("need the internet the whole time we are stuck", OFF),
   ("that's that's the first question", OFF, OPT),
   ("don't book anything online they phone me", ACC, OPT),
   ("if it becomes online booking only those kids won't come", ACC),
   ("and then the money side we are a small museum", P, OPT),
   ("the licence you quoted is more than we spend", P),
   ("unless it comes down a lot", P),
  ], n=[
   ("the signal out here is is not great", "small talk about call quality, not the offline theme"),
   ("can the teacher download the the worksheet", "information question"),
   ("oh nice", "positive reaction"),
   ("two weeks is fine baie dankie", "logistics"),
  ]),
 "calls/2026-11-12-yorkville-photography-centre.txt": dict(m=[
   ("about forty percent more than what we pay", P),
   ("say it costs more but it's nicer", P),
   ("an old FileMaker app a volunteer built in 2009", M, OPT),
   ("If the migration lands on me", M),
   ("A couple of hours. I've heard that before.", M),
   ("fields nobody understands", M),
  ], n=[
   ("festival season is every season here", "small talk"),
   ("Big picture, we want this.", "buying signal"),
   ("we take their word for it", "the prospect's pain today"),
   ("We're at maybe sixty percent.", "the prospect's own figure"),
   ("What's the earliest we could go live", "buying signal"),
   ("February works.", "logistics"),
   ("I'll try to get it to you this week", "logistics"),
  ]),
}

COVERAGE = {P: True, M: True, D: True, S: True, C: False, Y: True, OFF: False, ACC: False, DP: False}
COVER_NOTE = {
 Y: "no answer entry names it, but messaging/payment-choice (approved) answers it squarely by meaning",
 C: "its only answer, answers/contract-length, is status: draft",
}
GAP_NOTES = {
 C: "known objection; its only answer is a draft",
 OFF: "venues need gate scanning and desk sales to keep working through power cuts and lost connectivity; close in words to peak-demand (the system going down) but the cause is the venue's own power and network, not Gullrock's capacity",
 ACC: "timed online booking would shut out visitors without smartphones, cards or internet (older visitors, newcomers, rural schools); close in words to staff-adoption (people who won't use it) but about visitors, not staff",
 DP: "data-protection law (POPIA, CASL consent, Nigeria's Data Protection Act): operator or processing agreements, consent records; close in words to data-migration (moving member data) but a legal concern, not a technical one",
}


def units(path, text):
    """Return [(line_no, speaker)] for every text unit (cue, line, sentence) of a call file."""
    lines = text.split("\n")
    out = []
    if path.endswith(".vtt"):
        for i, row in enumerate(lines, 1):
            m = re.match(r"<v ([^>]+)>", row)
            if m:
                out.append((i, m.group(1)))
    elif path.endswith(".srt"):
        for i, row in enumerate(lines, 1):
            if row and not row.isdigit() and "-->" not in row:
                out.append((i, row.split(": ", 1)[0]))
    elif path.endswith(".txt"):
        for i, row in enumerate(lines, 1):
            m = re.match(r"^(?:\[\d\d:\d\d:\d\d\] )?([^:\[]+): ", row)
            if m:
                out.append((i, m.group(1)))
    else:
        names = {}
        for row in lines:
            m = re.search(r'"speakerId": "(\d+)", "name": "([^"]+)"', row)
            if m:
                names[m.group(1)] = m.group(2)
        cur = None
        for i, row in enumerate(lines, 1):
            m = re.search(r'"speakerId": "(\d+)", "topic"', row)
            if m:
                cur = names[m.group(1)]
                continue
            m = re.search(r'"speaker": "([^"]+)"', row)
            if m:
                out.append((i, m.group(1)))
                continue
            if '"text": ' in row and cur:
                out.append((i, cur))
    return out


def locate(rel, text, spk, anchor, errors):
    """The 1-based line of ``anchor`` in a call file, or None (with an error) when it is not one speaker line."""
    n = text.count(anchor)
    if n != 1:
        errors.append(f"{rel}: anchor {anchor!r} occurs {n} times")
        return None
    ln = text[:text.index(anchor)].count("\n") + 1
    if ln not in spk:
        errors.append(f"{rel}: anchor {anchor!r} is not on a speaker line")
        return None
    return ln


def main():
    calls_out, negs, mentions_by = {}, [], {}
    errors = []
    for rel, spec in CALLS.items():
        with open(os.path.join(KB, rel), encoding="utf-8") as f:
            text = f.read()
        us = units(rel, text)
        spk = dict(us)
        groups = {}
        g = -1
        prev = None
        for ln, s in us:
            if s != prev:
                g += 1
                prev = s
            groups[ln] = g
        members = {}
        for ln, gi in groups.items():
            members.setdefault(gi, []).append(ln)

        labelled, lab_turns, out = set(), set(), []
        for item in spec["m"]:
            anchor, obj = item[0], item[1]
            ln = locate(rel, text, spk, anchor, errors)
            if ln is None:
                continue
            who = spk[ln]
            if who in INTERNAL or who.endswith("@gullrock.example"):
                errors.append(f"{rel}: anchor {anchor!r} is an internal speaker's line ({who})")
                continue
            if any(r["line"] == ln and r["objection"] == obj for r in out):
                errors.append(f"{rel}: a second anchor for {obj} on line {ln}: one line is one mention")
                continue
            rec = {"snippet": anchor, "objection": obj, "line": ln, "speaker": who}
            tl = sorted(members[groups[ln]])
            if len(tl) > 1:
                rec["turn_lines"] = tl
            if len(item) > 2 and item[2] == OPT:
                rec["optional"] = True
            out.append(rec)
            labelled.add(ln)
            lab_turns.update(tl)
            mention = {"path": rel, "line": ln, **({"optional": True} if rec.get("optional") else {})}
            mentions_by.setdefault(obj, []).append(mention)
        out.sort(key=lambda r: r["line"])
        calls_out[rel] = out
        for anchor, note in spec["n"]:
            ln = locate(rel, text, spk, anchor, errors)
            if ln is None:
                continue
            if ln in labelled or ln in lab_turns:
                errors.append(f"{rel}: negative {anchor!r} on labelled line/turn {ln}")
                continue
            who = spk[ln]
            if who in INTERNAL or who.endswith("@gullrock.example"):
                errors.append(f"{rel}: negative {anchor!r} is an internal line")
                continue
            negs.append({"path": rel, "line": ln, "rules": ["objection-gap"], "speaker": who,
                         "snippet": anchor, "note": note})
    if errors:
        print("\n".join(errors))
        sys.exit(1)

    gaps = []
    for obj, covered in COVERAGE.items():
        if covered:
            continue
        ms = sorted(mentions_by[obj], key=lambda m: (m["path"], m["line"]))
        req = [m for m in ms if not m.get("optional")]
        first = req[0]
        g = {"rule": "objection-gap", "objection": obj, "path": first["path"], "line": first["line"],
             "mentions": [{"path": m["path"], "line": m["line"]} for m in ms],
             "related": sorted({m["path"] for m in ms})}
        if obj.startswith("objections/"):
            g["alt_paths"] = [obj + ".md"]
        g["note"] = GAP_NOTES[obj] + "; a tool may report the gap once per theme or once per mention"
        gaps.append(g)
    entry_negs = [{"path": o + ".md", "line": 2, "any_line": True, "rules": ["objection-gap"],
                   "note": "covered: " + COVER_NOTE.get(o, "answered explicitly by an approved answer entry")}
                  for o, c in COVERAGE.items() if c]
    labels = {
        "today": "2026-12-01",
        "kb": "kb",
        "audit": {"rules": ["objection-gap"], "expected": gaps, "negatives": entry_negs + negs},
        "objections": {"calls": calls_out,
                       "coverage": COVERAGE,
                       "coverage_notes": dict(COVER_NOTE.items()),
                       "negatives": negs},
    }
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(labels, f, indent=1, ensure_ascii=False)
        f.write("\n")
    n_m = sum(len(v) for v in calls_out.values())
    n_o = sum(1 for v in calls_out.values() for r in v if r.get("optional"))
    print(f"calls {len(calls_out)}; mentions {n_m} ({n_m - n_o} expected, {n_o} optional); "
          f"negatives {len(negs)} call lines + {len(entry_negs)} entries; gaps {len(gaps)}")
    for obj in COVERAGE:
        ms = mentions_by.get(obj, [])
        print(f"  {obj}: {sum(1 for m in ms if not m.get('optional'))} expected, "
              f"{sum(1 for m in ms if m.get('optional'))} optional, calls {len({m['path'] for m in ms})}")


main()
