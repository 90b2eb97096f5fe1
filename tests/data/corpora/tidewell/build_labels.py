#!/usr/bin/env python3
"""Build labels.json for the Tidewell corpus from anchor strings (stdlib only).

Each anchor must occur exactly once in its file; line numbers are computed here (1-based).
A negative may not sit on a labelled line (a mention's line or any of its turn_lines).
Run from anywhere: python3 build_labels.py
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KB = os.path.join(HERE, "kb")

PRICING = "objections/pricing"
WIRE = "objections/wire-service-integration"
MIGRATION = "objections/data-migration"
PEAK = "objections/peak-season-timing"
STAFF = "objections/staff-adoption"
CONTRACT = "objections/contract-length"
OFFLINE = "new:offline-connectivity"
DRIVER = "new:driver-location-privacy"
PAYMENTS = "new:payment-processor-lockin"

# call -> list of (anchor, objection, speaker, extra)
# extra: {"turn": [anchors of the other lines of the same turn], "optional": True, "note": "..."}
CALLS = {
    "calls/2026-09-03-petal-and-stem.vtt": [
        ("Ninety-odd quid a month is a lot of money", PRICING, "Sharon Whitworth", {}),
        ("the margins on a hand-tied aren't what they were", PRICING, "Sharon Whitworth",
         {"note": "follow-up that continues the price objection"}),
        ("she writes every docket in biro", STAFF, "Dean Ogden", {}),
        ("The broadband in this arcade is shocking", OFFLINE, "Sharon Whitworth",
         {"note": "no connection in the shop; not about wire orders"}),
        ("Because I can't be turning people away", OFFLINE, "Sharon Whitworth",
         {"note": "follow-up that continues the connectivity worry"}),
    ],
    "calls/2026-09-08-kowhai-flowers.txt": [
        ("two funeral orders never showed up on our side", WIRE, "Aroha Ngata", {}),
        ("no reception for about twenty k", OFFLINE, "Brent McKenzie",
         {"note": "driver app with no mobile signal; words close to 'orders lost', different concern"}),
        ("Paper doesn't need signal, eh", OFFLINE, "Brent McKenzie", {}),
    ],
    "calls/2026-09-11-adjoa-blooms.json": [
        ("So we would have to move our card payments to you.", PAYMENTS, "Kofi Boateng",
         {"turn": ["Our POS terminal is from the bank", "If we must leave the bank's terminal"],
          "note": "keeping the bank's card terminal and the bank relationship; money words, not price"}),
        ("what is small money today can be big money by March", PRICING, "Adjoa Mensah",
         {"turn": ["Then also the price.", "paying in dollars every month is too much"]}),
    ],
    "calls/2026-09-15-granville-florals.srt": [
        ("Twelve years of clients.", MIGRATION, "Priya Dhillon", {}),
        ("I'm not re-entering those by hand", MIGRATION, "Marc-André Tremblay", {}),
        ("I'm not touching the till between now and February fifteenth", PEAK, "Priya Dhillon", {}),
        ("Last time we changed the card machine in December", PEAK, "Marc-André Tremblay",
         {"note": "follow-up supporting the timing objection"}),
    ],
    "calls/2026-09-18-bunga-raya.json": [
        ("they will say no, confirm", DRIVER, "Siti Rahman",
         {"note": "freelance riders refuse location tracking on their own phones; not 'staff won't learn it'"}),
        ("He said you are not my boss what", DRIVER, "Tan Wei Ling", {}),
        ("good riders are hard to find", DRIVER, "Siti Rahman",
         {"note": "short follow-up continuing the tracking objection"}),
        ("my workroom aunties", STAFF, "Siti Rahman", {}),
    ],
    "calls/2026-09-22-ancoats-flower-co.vtt": [
        ("it says twenty four months minimum on the front page", CONTRACT, "Gary Pilling",
         {"turn": ["we we got proper done over with a card terminal lease",
                   "so i'm not i'm not signing up for two year again"],
          "note": "one turn split across three cues"}),
        ("is there not a monthly one", CONTRACT, "Leanne Rigby",
         {"optional": True, "note": "a question that carries the contract objection; arguable"}),
        ("if it's two year it's a no from us", CONTRACT, "Gary Pilling", {}),
        ("the price is is it's dear", PRICING, "Leanne Rigby",
         {"turn": ["paying you on top of the relay fees"],
          "note": "one sentence split across two cues; 'pedal net' is the recogniser's Petalnet"}),
    ],
    "calls/2026-09-25-ponsonby-petals.srt": [
        ("if everything's in your cloud thing and the internet's gone", OFFLINE, "Hine Parata",
         {"turn": ["before that though can i just ask the thing i forgot", "no power no internet for like two days"],
          "note": "raw export: the turn runs over three cues"}),
        ("the fibre on our street gets dug up", OFFLINE, "Hine Parata", {}),
        ("i'm not keen on hine's um no offence", DRIVER, "Josh Wong",
         {"turn": ["on the shop's system knowing where i am all afternoon"],
          "note": "sentence split across two cues"}),
        ("i don't want to know where he is either", DRIVER, "Hine Parata",
         {"optional": True, "note": "agreement with the driver's objection"}),
    ],
    "calls/2026-09-29-osu-floral.txt": [
        ("They will remove us from the network.", WIRE, "Efua Owusu", {}),
        ("reading English on a screen, typing, it is not easy for them", STAFF, "Efua Owusu", {}),
    ],
    "calls/2026-10-02-commercial-drive-flowers.json": [
        ("so we'd have to rip out Square?", PAYMENTS, "Dario Petrucci", {}),
        ("that's kind of a deal-breaker if it's either-or", PAYMENTS, "Jenn Wu", {}),
        ("I can't sign something that outlives my lease", CONTRACT, "Jenn Wu", {}),
        ("Could we do a year? Or month to month", CONTRACT, "Dario Petrucci",
         {"optional": True, "note": "a counter-proposal rather than an objection; arguable"}),
    ],
    "calls/2026-10-06-petaling-blooms.vtt": [
        ("but timing wise ah now is october", PEAK, "Ravi Subramaniam",
         {"turn": ["from now until february is our whole year", "i die lah really"]}),
        ("after chap goh mei better lah", PEAK, "Mei Ling Ooi",
         {"note": "short follow-up pushing the start later"}),
        ("then the customer data ah farid", MIGRATION, "Mei Ling Ooi",
         {"turn": ["i scared we lose all that when we move", "the kedai pro cannot export one"]}),
    ],
    "calls/2026-10-09-didsbury-stems.json": [
        ("right the thing i wanted to ask right so we're in the old bank building", OFFLINE, "Tom Ashworth",
         {"turn": ["it's terrible the walls are like a metre thick", "goes mid sale on a saturday"]}),
        ("you can't just carry on writing can you", OFFLINE, "Bev Kearns",
         {"optional": True, "note": "rhetorical follow-up"}),
        ("it's more than i thought", PRICING, "Tom Ashworth",
         {"turn": ["a hundred and odd a month every month"]}),
    ],
    "calls/2026-10-14-mount-eden-flowers.txt": [
        ("Committing to two more years of a fixed cost", CONTRACT, "Raj Naidu",
         {"turn": ["First thing that jumped out is the twenty-four months."]}),
        ("Otherwise it's a hard no from me, sorry.", CONTRACT, "Raj Naidu", {}),
        ("Moving the card payments to you could mess with that", PAYMENTS, "Raj Naidu", {}),
        ("I just don't want to have to change who takes the money", PAYMENTS, "Sophie Tane-Walker", {}),
    ],
    "calls/2026-10-19-kitsilano-bloom.srt": [
        ("orders would just not come through like randomly", WIRE, "Kayla Henderson",
         {"turn": ["we tried a a pos system two years ago that said it connected",
                   "if the relay side isn't bulletproof"]}),
        ("they're pretty switched on about privacy", DRIVER, "Luc Gagnon",
         {"turn": ["our drivers are mostly ubc students", "they'll quit honestly"]}),
        ("finding drivers in kits is is hard enough already", DRIVER, "Luc Gagnon", {}),
    ],
    "calls/2026-10-23-labone-flowers.json": [
        ("Eight years of clients are in those diaries", MIGRATION, "Akosua Frimpong", {}),
    ],
    "calls/2026-10-28-bangsar-florist.vtt": [
        ("I am not comfortable to lock in so long", CONTRACT, "Jason Lim", {}),
        ("still must pay until the end", CONTRACT, "Nurul Aisyah", {}),
        ("If we start now and the system got problem in February", PEAK, "Jason Lim", {}),
    ],
}

# external lines that must not be taken for objections: pain today, questions, buying signals,
# logistics, small talk
NEGATIVES = [
    ("calls/2026-09-03-petal-and-stem.vtt", "Sunday night I'm sat at the kitchen table", "pain today, not an objection"),
    ("calls/2026-09-03-petal-and-stem.vtt", "Does it print the card messages as well", "question"),
    ("calls/2026-09-03-petal-and-stem.vtt", "That's the part I'm most excited about", "buying signal"),
    ("calls/2026-09-03-petal-and-stem.vtt", "Not before ten, I'm at the market", "logistics; 'not before' is not a timing objection"),
    ("calls/2026-09-08-kowhai-flowers.txt", "Then I write it up on the board and Brent takes a photo", "how it works today"),
    ("calls/2026-09-08-kowhai-flowers.txt", "Do you do the text to the customer in the morning", "question"),
    ("calls/2026-09-08-kowhai-flowers.txt", "Mornings are best, before ten", "logistics"),
    ("calls/2026-09-11-adjoa-blooms.json", "at the end of the month I am chasing who paid", "pain today"),
    ("calls/2026-09-11-adjoa-blooms.json", "Can it take mobile money?", "question about payments, not an objection"),
    ("calls/2026-09-11-adjoa-blooms.json", "I am interested, I will not lie", "buying signal"),
    ("calls/2026-09-15-granville-florals.srt", "If that PC dies, honestly, I don't know what happens", "risk of today's system, not an objection to Tidewell"),
    ("calls/2026-09-15-granville-florals.srt", "How long does the move usually take?", "question"),
    ("calls/2026-09-15-granville-florals.srt", "Can you send me pricing for two terminals", "buying signal / request"),
    ("calls/2026-09-18-bunga-raya.json", "I also don't know where the rider is", "pain today (close in words to the tracking theme)"),
    ("calls/2026-09-18-bunga-raya.json", "Can the card message be in Chinese and Malay?", "question"),
    ("calls/2026-09-18-bunga-raya.json", "Can you send the quotation in ringgit?", "request"),
    ("calls/2026-09-22-ancoats-flower-co.vtt", "the map with all the drops on it", "buying signal"),
    ("calls/2026-09-22-ancoats-flower-co.vtt", "five minutes each maybe more", "prospect restating their own effort"),
    ("calls/2026-09-22-ancoats-flower-co.vtt", "six hours yeah that that would be nice", "buying signal"),
    ("calls/2026-09-25-ponsonby-petals.srt", "can it do the um the photo thing", "question"),
    ("calls/2026-09-25-ponsonby-petals.srt", "oh choice that'd save me so many phone calls", "buying signal"),
    ("calls/2026-09-29-osu-floral.txt", "FloraLink penalised us because we accepted an order late", "pain today, the prospect's own fault; not a worry about Tidewell"),
    ("calls/2026-09-29-osu-floral.txt", "Can I get the technical document for the FloraLink connection?", "request"),
    ("calls/2026-09-29-osu-floral.txt", "How much is it for two counters?", "price question, not a price objection"),
    ("calls/2026-09-29-osu-floral.txt", "I think we can do business", "buying signal"),
    ("calls/2026-10-02-commercial-drive-flowers.json", "The fees are whatever, the deposits hit the next day", "satisfied with today's processor; context"),
    ("calls/2026-10-02-commercial-drive-flowers.json", "right now it's printouts taped to the wall", "pain today"),
    ("calls/2026-10-02-commercial-drive-flowers.json", "Does the delivery board know about the bridges?", "question"),
    ("calls/2026-10-06-petaling-blooms.vtt", "the floral ink orders coming in straight", "buying signal ('floral ink' is FloraLink misheard)"),
    ("calls/2026-10-06-petaling-blooms.vtt", "the price for three counter", "request"),
    ("calls/2026-10-09-didsbury-stems.json", "does it put the petal net order number on the docket", "question"),
    ("calls/2026-10-09-didsbury-stems.json", "more in the run up to mothering sunday", "prospect restating their own volumes"),
    ("calls/2026-10-14-mount-eden-flowers.txt", "Three weddings and a sixtieth", "small talk"),
    ("calls/2026-10-14-mount-eden-flowers.txt", "I'd start tomorrow if those two things were sorted", "buying signal"),
    ("calls/2026-10-14-mount-eden-flowers.txt", "Can you send the terms as a Word doc", "request"),
    ("calls/2026-10-19-kitsilano-bloom.srt", "okay parallel is good i like that", "acceptance of the answer"),
    ("calls/2026-10-19-kitsilano-bloom.srt", "does the driver app do the the customer text", "question"),
    ("calls/2026-10-23-labone-flowers.json", "sometimes the girls work from the old version on the whiteboard", "pain today"),
    ("calls/2026-10-23-labone-flowers.json", "That alone will save me a lot of quarrels", "buying signal"),
    ("calls/2026-10-23-labone-flowers.json", "can I pay every three months instead of every month?", "billing question, not a contract objection"),
    ("calls/2026-10-28-bangsar-florist.vtt", "Last Valentine's we had almost four hundred orders", "pain today (peak words, no timing objection)"),
    ("calls/2026-10-28-bangsar-florist.vtt", "What is the price per month if we add one more driver later?", "price question"),
    ("calls/2026-10-28-bangsar-florist.vtt", "Can the training be on a Monday?", "logistics"),
]

COVERAGE = {
    PRICING: True, WIRE: True, MIGRATION: True, PEAK: True, STAFF: True,
    CONTRACT: False, OFFLINE: False, DRIVER: False, PAYMENTS: False,
}
GAP_NOTES = {
    CONTRACT: "known objection (objections/contract-length.md); its only answer, answers/contract-length, is status: draft",
    OFFLINE: "shop broadband or the driver's mobile signal drops; no entry says what the till or driver app does offline. Close in words to wire orders going missing, a different concern",
    DRIVER: "freelance and contract drivers refuse location tracking on their own phones (privacy law named in two calls); close in words to staff adoption, a different concern",
    PAYMENTS: "prospects want to keep their bank's or Square/Windcave card terminal; close in words to pricing, a different concern (lock-in to Tidewell Pay)",
}
CENTRAL = {
    OFFLINE: ("calls/2026-09-25-ponsonby-petals.srt", "if everything's in your cloud thing and the internet's gone"),
    DRIVER: ("calls/2026-10-19-kitsilano-bloom.srt", "they're pretty switched on about privacy"),
    PAYMENTS: ("calls/2026-10-02-commercial-drive-flowers.json", "so we'd have to rip out Square?"),
}


def find_line(rel, anchor):
    with open(os.path.join(KB, rel), encoding="utf-8") as fh:
        text = fh.read()
    n = text.count(anchor)
    if n != 1:
        sys.exit(f"anchor occurs {n} times in {rel}: {anchor!r}")
    return text[: text.index(anchor)].count("\n") + 1


def main():
    calls = {}
    labelled = {}
    known_calls = sorted(os.listdir(os.path.join(KB, "calls")))
    for name in known_calls:
        if f"calls/{name}" not in CALLS:
            sys.exit(f"call not labelled: {name}")
    for rel, items in CALLS.items():
        out = []
        for anchor, obj, speaker, extra in items:
            line = find_line(rel, anchor)
            entry = {"snippet": anchor, "objection": obj, "line": line, "speaker": speaker}
            lines = {line}
            if extra.get("turn"):
                tl = sorted({line} | {find_line(rel, a) for a in extra["turn"]})
                entry["turn_lines"] = tl
                lines |= set(tl)
            if extra.get("optional"):
                entry["optional"] = True
            if extra.get("note"):
                entry["note"] = extra["note"]
            for ln in lines:
                if (rel, ln) in labelled:
                    sys.exit(f"line labelled twice: {rel}:{ln}")
                labelled[(rel, ln)] = obj
            out.append(entry)
        out.sort(key=lambda e: e["line"])
        calls[rel] = out

    negatives = []
    for rel, anchor, note in NEGATIVES:
        line = find_line(rel, anchor)
        if (rel, line) in labelled:
            sys.exit(f"negative on a labelled line: {rel}:{line} {anchor!r}")
        negatives.append({"path": rel, "line": line, "rules": ["objection-gap"], "note": note})

    gaps = []
    for obj, covered in COVERAGE.items():
        if covered:
            continue
        mentions = [{"path": rel, "line": e["line"]} for rel, es in calls.items() for e in es
                    if e["objection"] == obj and not e.get("optional")]
        callset = {m["path"] for m in mentions}
        if not obj.startswith("new:") or len(callset) < 2:
            if obj.startswith("new:"):
                sys.exit(f"new theme raised in fewer than 2 calls: {obj}")
        gap = {"rule": "objection-gap", "objection": obj}
        if obj.startswith("new:"):
            rel, anchor = CENTRAL[obj]
            gap["path"], gap["line"] = rel, find_line(rel, anchor)
        else:
            gap["path"] = obj + ".md"
            gap["any_line"] = True
            gap["alt_paths"] = sorted(callset)
        gap["mentions"] = mentions
        gap["related"] = sorted(callset)
        gap["note"] = GAP_NOTES[obj] + "; a tool may report the gap once per theme or once per mention"
        gaps.append(gap)

    # a gap for an objection that an approved entry answers is a false positive
    for obj, covered in COVERAGE.items():
        if covered and not obj.startswith("new:"):
            negatives.append({"path": obj + ".md", "line": find_line(obj + ".md", "title:"),
                              "rules": ["objection-gap"],
                              "note": "answered by an approved entry (answers:)"})

    labels = {
        "kb": "kb",
        "today": "2026-12-01",
        "audit": {"rules": ["objection-gap"], "expected": gaps, "negatives": negatives},
        "objections": {"calls": calls, "coverage": COVERAGE},
    }
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as fh:
        json.dump(labels, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    n_lab = sum(len(v) for v in calls.values())
    n_opt = sum(1 for v in calls.values() for e in v if e.get("optional"))
    print(f"calls {len(calls)}, labelled turns {n_lab} ({n_opt} optional), "
          f"gaps {len(gaps)}, negatives {len(negatives)}")
    for obj in COVERAGE:
        ms = [(r, e["line"]) for r, es in calls.items() for e in es if e["objection"] == obj]
        print(f"  {obj}: {len(ms)} mentions in {len({r for r, _ in ms})} calls")


if __name__ == "__main__":
    main()
