#!/usr/bin/env python3
"""Build labels.json for the panelford corpus from anchor strings (stdlib only).

Each anchor must occur exactly once in its call file; the line is computed from it.
Objection labels name the entry id or new:<slug>; '-' marks a negative (a line where
objection-gap must not fire: pain, questions, buying signals, logistics, small talk).
Run: python3 build_labels.py   (writes labels.json next to this file)
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KB = os.path.join(HERE, "kb")

CALLS = {
    "calls/2026-09-03-digbeth-crash-repairs.vtt": [
        ('-', "Forty's fine, I've got a customer picking up at half eleven so", 'Gary Whitehouse'),
        ('-', "Then honestly we're just waiting, sometimes three, four days for the engineer", 'Jaspreet Kaur'),
        ('objections/insurer-integration', "My worry is I already type everything into the insurer's portal.", 'Jaspreet Kaur'),
        ('objections/insurer-integration', "Because that's where it all falls apart, we email them and they", 'Jaspreet Kaur'),
        ('new:insurer-visibility', "If your system's hooked up to the insurers, what can they actually", 'Gary Whitehouse'),
        ('new:insurer-visibility', "But it matters, they already squeeze us on labour rates, I'm not", 'Gary Whitehouse'),
        ('-', "Oh that's nice.", 'Jaspreet Kaur'),
        ('-', 'That would save me a lot of phoning round, to be honest.', 'Jaspreet Kaur'),
        ('objections/pricing', "But what's this going to cost me?", 'Gary Whitehouse'),
        ('-', "No idea, if I'm honest.", 'Gary Whitehouse'),
        ('-', "Dev's place?", 'Gary Whitehouse'),
        ('-', "Thursday's good.", 'Gary Whitehouse'),
    ],
    "calls/2026-09-08-ponsonby-panelworks.srt": [
        ('-', "Yeah, it's a whiteboard, and if someone rubs it out we've got", 'Mere Ngata'),
        ('-', 'Same whiteboard.', 'Mere Ngata'),
        ('objections/technician-adoption', 'My painters are not going to be stopping to poke at a', 'Brent Coulter'),
        ('-', 'They yell across the yard, mostly.', 'Brent Coulter'),
        ('objections/technician-adoption', 'And honestly we tried a job app two years ago, it lasted', 'Mere Ngata'),
        ('new:offline-working', "Out in the back shed there's basically none, and the fibre drops", 'Brent Coulter'),
        ('-', 'Can you also send through how the courtesy car bit works?', 'Mere Ngata'),
        ('-', 'Sweet as.', 'Mere Ngata'),
    ],
    "calls/2026-09-10-peachtree-collision.json": [
        ('-', "Yeah, we're on three direct repair programs.", 'Dwayne Harris'),
        ('-', "Right, we have to, that's in the DRP agreement.", 'Dwayne Harris'),
        ('objections/insurer-integration', 'If I write the estimate in there and then my front office', 'Dwayne Harris'),
        ('new:parts-price-accuracy', 'Because if your catalog is a month behind and I order off', 'Tonya Ellison'),
        ('new:parts-price-accuracy', 'Okay, but we got burned on that with our last system.', 'Tonya Ellison'),
        ('-', "What's onboarding look like, timeline wise?", 'Dwayne Harris'),
        ('objections/contract-terms', 'Because the last vendor had us in a thirty-six month agreement that', 'Tonya Ellison'),
        ('objections/contract-terms', "I'm not doing three years again.", 'Tonya Ellison'),
        ('-', 'Honestly the approvals board is the thing I want.', 'Dwayne Harris'),
    ],
    "calls/2026-09-15-naas-road-bodyworks.txt": [
        ('-', 'I am, yeah.', 'Niamh Keane'),
        ('-', 'An old system a fella in Naas wrote for us in 2011.', 'Niamh Keane'),
        ('objections/data-migration', "I'm not losing that, and I don't have time to be moving", 'Niamh Keane'),
        ('objections/data-migration', 'The last time we changed anything, the accounts package, we were a', 'Declan Murphy'),
        ('-', 'And how much would it be for the two sites?', 'Declan Murphy'),
        ('objections/contract-terms', 'And no three-year contract, yeah?', 'Declan Murphy'),
        ('-', 'Can you show me the courtesy car bit before you go?', 'Niamh Keane'),
    ],
    "calls/2026-09-17-bellville-auto-body.json": [
        ('-', 'Ja, the assessors take forever.', 'Lerato Mokoena'),
        ('-', 'Parts is its own story.', 'Johan van der Merwe'),
        ('new:offline-working', 'But my bigger worry is load shedding.', 'Johan van der Merwe'),
        ('new:offline-working', "So if we can't open the job cards when the lights are", 'Johan van der Merwe'),
        ('objections/data-security', "Because we have to be POPIA compliant, and I can't have that", 'Lerato Mokoena'),
        ('-', 'Please send it.', 'Lerato Mokoena'),
        ('-', 'Ja, bring it on Thursday.', 'Johan van der Merwe'),
    ],
    "calls/2026-09-22-tyseley-accident-centre.vtt": [
        ('-', "it's manic to be honest we've got cars out the door um", 'Wayne Pritchard'),
        ('-', "yeah we're paying the paint bill every month and i got no", 'Wayne Pritchard'),
        ('objections/pricing', "see the thing is mate it's another monthly bill innit", 'Wayne Pritchard'),
        ('objections/pricing', "i'd have to see it pay for itself first cos the margins", 'Wayne Pritchard'),
        ('new:parts-price-accuracy', 'and the parts prices is that live or is it like a', 'Wayne Pritchard'),
        ('new:parts-price-accuracy', "right cos if it's wrong on the estimate and the insurer's approved", 'Wayne Pritchard'),
        ('-', "alright send us the prices and that and i'll have a look", 'Wayne Pritchard'),
    ],
    "calls/2026-09-29-east-tamaki-smash.srt": [
        ('-', 'nine on the floor and me and kylie in the office', 'Aroha Tipene'),
        ('objections/technician-adoption', 'yeah and look honestly the boys are old school', 'Aroha Tipene'),
        ('-', 'ha yeah i know sarah from there', 'Aroha Tipene'),
        ('new:insurer-visibility', 'the other thing um the insurers if they can log in and', 'Aroha Tipene'),
        ('new:insurer-visibility', "yeah cos they already beat us down on the rates i don't", 'Aroha Tipene'),
        ('-', 'cool and can you send the pricing for one site', 'Aroha Tipene'),
    ],
    "calls/2026-10-01-marietta-autobody.vtt": [
        ('-', "That's right.", 'Carl Jennings'),
        ('-', 'Enterprise, mostly.', 'Carl Jennings'),
        ('objections/pricing', 'Your number is about double what we were expecting.', 'Carl Jennings'),
        ('new:insurer-visibility', 'When you connect to the carrier, does the carrier see our internal', 'Shanice Coleman'),
        ('new:insurer-visibility', "Please. That's kind of a deal breaker for us.", 'Shanice Coleman'),
        ('objections/contract-terms', "And the contract, if it's annual with auto renew, I'm going to", 'Carl Jennings'),
        ('-', 'Okay. Send it all over', 'Carl Jennings'),
    ],
    "calls/2026-10-06-tallaght-crash.json": [
        ('-', 'grand hi shanade', 'Eamon Byrne'),
        ('objections/data-migration', "so my question is really the the move we've got everything in", 'Eamon Byrne'),
        ('objections/data-migration', "and we can't be down either like we've cars booked in every", 'Eamon Byrne'),
        ('objections/technician-adoption', "and the lads in the workshop they're they're not computer people you", 'Eamon Byrne'),
        ('-', "yeah look if you can show me that working i'd be interested", 'Eamon Byrne'),
        ('-', "wednesday's good after ten", 'Eamon Byrne'),
    ],
    "calls/2026-10-08-montague-gardens-panel.txt": [
        ('-', 'Ja, about sixty percent insurance, the rest is dealerships and a bit', 'Pieter Botha'),
        ('objections/insurer-integration', 'The insurers each have their own portal, and my estimator already types', 'Pieter Botha'),
        ('new:parts-price-accuracy', 'Because the dealer prices change every other week with the rand, and', 'Faiza Abrahams'),
        ('new:parts-price-accuracy', 'Last year we lost money on a whole month of Toyota jobs', 'Faiza Abrahams'),
        ('new:offline-working', "The workshop can't just stop because the internet is down.", 'Pieter Botha'),
        ('-', 'We do like the paint costing.', 'Faiza Abrahams'),
        ('-', "Send us a quote and let's do a demo with the estimator.", 'Faiza Abrahams'),
    ],
    "calls/2026-10-13-small-heath-bodyshop.srt": [
        ('-', 'For my sins.', 'Sharon Doyle'),
        ('objections/data-security', "Where's that stored, who at your end can see it, and what", 'Sharon Doyle'),
        ('objections/data-security', "I'll need that in writing, and the DPA.", 'Sharon Doyle'),
        ('objections/pricing', "And on price, Hollie, three sites at that rate, I'm struggling to", 'Imran Qureshi'),
        ('-', 'Honestly?', 'Imran Qureshi'),
        ('objections/contract-terms', "And I'll want a twelve-month term, not three years.", 'Imran Qureshi'),
        ('-', 'Can you do the demo at Solihull?', 'Sharon Doyle'),
        ('-', 'Tuesday the 27th works.', 'Sharon Doyle'),
    ],
    "calls/2026-10-20-decatur-paint-body.json": [
        ('-', 'Hi.', 'Keisha Barnes'),
        ('-', "It's a shop management system we've had since 2014.", 'Keisha Barnes'),
        ('objections/data-migration', "If that doesn't come over cleanly I'm the one answering the phone", 'Keisha Barnes'),
        ('objections/insurer-integration', "If Keisha has to enter supplements in the carrier's system and in", 'Luis Delgado'),
        ('-', 'How long does approval usually take on your side?', 'Luis Delgado'),
        ('-', "That's way better than us.", 'Luis Delgado'),
        ('-', 'Can we get a reference?', 'Keisha Barnes'),
    ],
    "calls/2026-10-22-onehunga-collision.vtt": [
        ('objections/pricing', "yeah i did um look it's a bit steep for us eh", 'Grant Fifita'),
        ('new:offline-working', "and the other thing is the internet out here it's rubbish we're", 'Grant Fifita'),
        ('new:offline-working', 'yeah cos even the eft pause goes down like twice a week', 'Grant Fifita'),
        ('-', "but the courtesy car thing i liked that we've got three cars", 'Grant Fifita'),
        ('-', 'choice talk next week', 'Grant Fifita'),
    ],
    "calls/2026-10-27-swords-motor-body.json": [
        ('objections/contract-terms', 'The thirty-six month minimum is the problem.', 'Ciara Walsh'),
        ('objections/contract-terms', "And there's a line in there about auto-renewal for another three years.", 'Ciara Walsh'),
        ('objections/data-security', 'The other thing our accountant flagged, where is the data hosted?', 'Ciara Walsh'),
        ('-', 'Grand.', 'Ciara Walsh'),
        ('-', "So if you can sort the contract, we're good to go.", 'Ciara Walsh'),
    ],
    "calls/2026-11-04-parow-panelbeaters.srt": [
        ('objections/pricing', 'ja the quote is too much for us man', 'Andre Jacobs'),
        ('-', "on paint i don't know we just pay the paint shop", 'Andre Jacobs'),
        ('new:offline-working', 'and with the load shedding if the system is on the internet', 'Andre Jacobs'),
        ('new:parts-price-accuracy', 'and the parts price where does it come from cos with the', 'Andre Jacobs'),
        ('-', "okay send me something in writing and we'll see", 'Andre Jacobs'),
    ],
}

NEW_THEMES = {
    "new:insurer-visibility": "prospects fear that connecting to insurers lets the insurer see their parts costs, labour hours, internal notes and margins, and use them against the shop; close in words to objections/insurer-integration (and data-security) but the concern is commercial exposure to the insurer, not re-keying or breaches; no approved entry says what the insurer sees",
    "new:offline-working": "prospects need the workshop to keep working through internet outages and load shedding; close in words to objections/technician-adoption (the guys on the floor, tablets) but the concern is connectivity; no approved entry addresses offline use",
    "new:parts-price-accuracy": "prospects fear stale parts prices on estimates leave the shop carrying the difference once the insurer has approved; close in words to objections/pricing (price, cost, lose money) but it is about parts price data, not Panelford's price; no approved entry addresses how parts prices refresh",
}
GAP_NOTES = {
    "objections/contract-terms": "known objection (objections/contract-terms.md); its only answer, answers/contract-terms, is status: draft; a tool may report the gap once per theme or once per mention",
}
COVERAGE = {
    "objections/pricing": True,
    "objections/insurer-integration": True,
    "objections/data-migration": True,
    "objections/technician-adoption": True,
    "objections/data-security": True,
    "objections/contract-terms": False,
    "new:insurer-visibility": False,
    "new:offline-working": False,
    "new:parts-price-accuracy": False,
}
# the mention a gap for a new theme is reported at by default (its most central one)
CENTRAL = {
    "new:insurer-visibility": ("calls/2026-10-01-marietta-autobody.vtt", "When you connect to the carrier"),
    "new:offline-working": ("calls/2026-09-17-bellville-auto-body.json", "But my bigger worry is load shedding."),
    "new:parts-price-accuracy": ("calls/2026-10-08-montague-gardens-panel.txt", "Because the dealer prices change"),
}


def find_line(path, anchor):
    with open(os.path.join(KB, path), encoding="utf-8") as f:
        lines = f.read().split("\n")
    text = "\n".join(lines)
    n = text.count(anchor)
    if n != 1:
        sys.exit(f"anchor {'missing' if n == 0 else 'ambiguous'} ({n}) in {path}: {anchor!r}")
    hits = [i + 1 for i, row in enumerate(lines) if anchor in row]
    if len(hits) != 1:
        sys.exit(f"anchor spans lines in {path}: {anchor!r}")
    return hits[0]


def main():
    calls = {}
    negatives = []
    labelled = set()
    for path, items in CALLS.items():
        out = []
        for obj, anchor, speaker in items:
            if obj == "-":
                continue
            if obj not in COVERAGE:
                sys.exit(f"unknown objection {obj}")
            line = find_line(path, anchor)
            labelled.add((path, line))
            out.append({"snippet": anchor, "objection": obj, "line": line, "speaker": speaker})
        calls[path] = out
    for path, items in CALLS.items():
        for obj, anchor, speaker in items:
            if obj != "-":
                continue
            line = find_line(path, anchor)
            if (path, line) in labelled:
                sys.exit(f"negative on a labelled line: {path}:{line} {anchor!r}")
            negatives.append({"path": path, "line": line, "rules": ["objection-gap"],
                              "note": f"not an objection ({speaker}): {anchor}"})
    expected = []
    for obj, covered in COVERAGE.items():
        if covered:
            continue
        mentions = [{"path": p, "line": m["line"]} for p, ms in calls.items() for m in ms if m["objection"] == obj]
        if obj.startswith("new:"):
            cp, ca = CENTRAL[obj]
            path, line = cp, find_line(cp, ca)
            assert {"path": path, "line": line} in mentions, obj
            note = NEW_THEMES[obj] + "; a tool may report the gap once per theme or once per mention"
            e = {"rule": "objection-gap", "objection": obj, "path": path, "line": line, "mentions": mentions, "note": note}
        else:
            m0 = mentions[0]
            e = {"rule": "objection-gap", "objection": obj, "path": m0["path"], "line": m0["line"],
                 "mentions": mentions, "alt_paths": [obj + ".md"], "note": GAP_NOTES[obj]}
        if len({m["path"] for m in mentions}) < 2:
            sys.exit(f"{obj} raised in fewer than 2 calls")
        expected.append(e)
    labels = {
        "today": "2026-12-01",
        "kb": "kb",
        "audit": {"rules": ["objection-gap"], "expected": expected, "negatives": negatives},
        "objections": {"calls": calls, "coverage": COVERAGE},
    }
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(labels, f, indent=1, ensure_ascii=False)
        f.write("\n")
    n_lab = sum(len(v) for v in calls.values())
    print(f"calls {len(calls)}, labelled turns {n_lab}, gaps {len(expected)}, negatives {len(negatives)}")
    by = {}
    for v in calls.values():
        for m in v:
            by[m["objection"]] = by.get(m["objection"], 0) + 1
    for k in COVERAGE:
        print(f"  {k}: {by.get(k, 0)} mentions in {sum(1 for v in calls.values() if any(m['objection'] == k for m in v))} calls")


if __name__ == "__main__":
    main()
