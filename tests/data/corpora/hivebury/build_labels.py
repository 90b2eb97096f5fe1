#!/usr/bin/env python3
"""Build labels.json for the hivebury corpus from anchor strings (stdlib only).

Each anchor must occur exactly once in its call file; its 1-based line is computed here.
A negative may not sit on a labelled line. Run from this folder: python3 build_labels.py
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KB = os.path.join(HERE, "kb")

P, MIG, DOOR, MEM, BILL, TERMS = (
    "objections/pricing", "objections/migration", "objections/door-hardware",
    "objections/member-experience", "objections/billing-integration", "objections/contract-terms")
OFF, PAY, PRIV = "new:offline-door-access", "new:local-payment-methods", "new:member-data-privacy"

# call -> list of (anchor, objection or None for a negative, speaker, extra)
CALLS = {
    "calls/2026-09-01-ancoats-desk-co.vtt": [
        ("About 310 members across the two", None, "Jess Whitworth", {"note": "prospect's own volumes and tools today"}),
        ("It's grim.", None, "Liam Brennan", {"note": "pain today (cutting fobs by hand), not an objection"}),
        ("I'm not ripping them out for anybody", DOOR, "Liam Brennan", {}),
        ("what happens to the doors when the internet goes down", OFF, "Liam Brennan", {"note": "door outage resilience, not hardware compatibility"}),
        ("forty people stood outside in the rain", OFF, "Liam Brennan", {"note": "follow-up in its own cue continuing the outage concern"}),
        ("book meeting rooms by the half hour", None, "Jess Whitworth", {"note": "question asking for information"}),
        ("eat most of what we make on a flex desk", P, "Jess Whitworth", {}),
        ("Thursday afternoon's good for me", None, "Jess Whitworth", {"note": "logistics"}),
    ],
    "calls/2026-09-03-westlands-commons.srt": [
        ("stuck in traffic on Waiyaki Way", None, "Wanjiru Kamau", {"note": "small talk"}),
        ("a lot of WhatsApp messages", None, "Wanjiru Kamau", {"note": "pain today: chasing invoices"}),
        ("More than half of our members pay by M-Pesa", PAY, "Wanjiru Kamau", {"note": "local payment method, not the accounting sync"}),
        ("I was telling her about M-Pesa", PAY, "Wanjiru Kamau", {"optional": True, "note": "short recap to a late joiner"}),
        ("A payment page that only takes Visa will not work", PAY, "Otieno Ochieng", {}),
        ("she will refuse", BILL, "Otieno Ochieng", {}),
        ("She is the one you have to convince", None, "Otieno Ochieng", {"note": "who decides; not a new concern"}),
        ("how meeting room credits work", None, "Wanjiru Kamau", {"note": "question"}),
    ],
    "calls/2026-09-08-ponsonby-workrooms.json": [
        ("about 140 members and twelve private offices", None, "Mereana Walker", {"note": "prospect's own volumes"}),
        ("Honestly the thought of moving everything out of it", MIG, "Hamish Cole", {"turn_lines_anchor": ["Every member, every contract, the deposits"]}),
        ("The export is the problem though.", MIG, "Hamish Cole", {"turn_lines_anchor": ["Last time I tried to get a full export"]}),
        ("My worry is more the members", MEM, "Mereana Walker", {"turn_lines_anchor": ["now I tell them to download another one", "The front desk will be answering"]}),
        ("Do you do day passes for casuals?", None, "Mereana Walker", {"note": "question"}),
        ("send us the proposal and a rough timeline", None, "Hamish Cole", {"note": "buying signal / next step"}),
    ],
    "calls/2026-09-10-mile-end-collectif.txt": [
        ("We book rooms on Google Calendar", None, "Isabelle Roy", {"note": "tools today"}),
        ("we scan their ID at the front desk", None, "Isabelle Roy", {"note": "pain today (sign-up by hand)"}),
        ("With Law 25 now", PRIV, "Marc-André Tremblay", {"note": "privacy of member personal data, not member adoption"}),
        ("We had a lawyer member ask for everything", PRIV, "Isabelle Roy", {}),
        ("We need a name for the person in charge of the data", PRIV, "Marc-André Tremblay", {"optional": True, "note": "short follow-up asking for a contact"}),
        ("Our lease is up in 2028", TERMS, "Marc-André Tremblay", {}),
        ("annually upfront is tough for us in January", TERMS, "Isabelle Roy", {}),
        ("Does the room booking show in members' own calendars?", None, "Isabelle Roy", {"note": "question"}),
        ("Oh, nice. They'd love that.", None, "Isabelle Roy", {"note": "buying signal"}),
    ],
    "calls/2026-09-15-bangsar-loft.json": [
        ("We have one site in Bangsar South", None, "Tan Mei Ling", {"note": "volumes and pain today (bank statement checking)"}),
        ("Maybe three, four days for me", None, "Tan Mei Ling", {"note": "pain today"}),
        ("most companies pay through FPX or DuitNow", PAY, "Arif Rahman", {}),
        ("Online banking must have.", PAY, "Tan Mei Ling", {}),
        ("quite heavy", P, "Arif Rahman", {}),
        ("the boss will still look at the monthly number first", P, "Arif Rahman", {"optional": True, "note": "short follow-up to the price objection"}),
        ("Can the system issue e-invoices?", None, "Tan Mei Ling", {"note": "question asking for information (no KB answer; not an objection)"}),
        ("Can send us the deck after?", None, "Tan Mei Ling", {"note": "logistics"}),
    ],
    "calls/2026-09-17-salford-yard.vtt": [
        ("about four hundred and fifty members all in", None, "Dan Pickering", {"note": "volumes; 'dog's dinner' is pain today"}),
        ("the old the old hid readers and we we spent", DOOR, "Dan Pickering", {"turn_lines_anchor": ["a fortune on them so if if you need us to change the readers"], "note": "one sentence split across two cues"}),
        ("what if your cloud thing goes down", OFF, "Dan Pickering", {}),
        ("climbing through the bike store", OFF, "Dan Pickering", {"optional": True, "note": "short follow-up (anecdote) to the outage concern"}),
        ("can you do can you do the meeting rooms for non members", None, "Dan Pickering", {"note": "question"}),
        ("we lose loads of room money", None, "Dan Pickering", {"note": "buying signal / pain today"}),
    ],
    "calls/2026-09-22-karen-creative.srt": [
        ("there is construction next door", None, "Njeri Mutua", {"note": "small talk"}),
        ("the price per member it is high for us", P, "Njeri Mutua", {"turn_lines_anchor": ["for the hot desk ones especially"]}),
        ("the contract you put three years", TERMS, "Njeri Mutua", {}),
        ("the em pesa part you said you will check", PAY, "Njeri Mutua", {"note": "ASR writes M-Pesa as 'em pesa'"}),
        ("without that it doesn't it doesn't make sense for us", PAY, "Njeri Mutua", {}),
        ("the booking for the podcast studio is exactly what we need", None, "Njeri Mutua", {"note": "buying signal"}),
        ("maybe thursday", None, "Njeri Mutua", {"note": "logistics"}),
    ],
    "calls/2026-09-24-britomart-studios.vtt": [
        ("the new phone booths went in yesterday", None, "Priya Nair", {"note": "small talk"}),
        ("But the contract. Three years", TERMS, "Priya Nair", {}),
        ("Twelve months, with an option to roll", TERMS, "Ben Tūhoe", {}),
        ("not very techy", MEM, "Priya Nair", {"note": "starts with 'The other thing that came up'"}),
        ("Kiri will want to be in on that", None, "Priya Nair", {"note": "acceptance / logistics"}),
        ("do you handle the GST properly", None, "Ben Tūhoe", {"note": "question asking for information"}),
        ("we could start in February", None, "Ben Tūhoe", {"note": "buying signal"}),
    ],
    "calls/2026-09-29-plateau-works.json": [
        ("so we're three locations now", None, "Julien Bouchard", {"note": "volumes"}),
        ("we built a lot in there", MIG, "Julien Bouchard", {"turn_lines_anchor": ["i'm not i'm not excited to rebuild all of that by hand"]}),
        ("more about the the personal information", PRIV, "Nadia Haddad", {"turn_lines_anchor": ["since loi vingt-cinq", "so before we move five hundred members to a new system"]}),
        ("how long you keep the the door logs", PRIV, "Nadia Haddad", {"turn_lines_anchor": ["we want to be able to set it ourselves"], "note": "retention of access logs: privacy, not access hardware"}),
        ("book rooms in plateau like cross location", None, "Julien Bouchard", {"note": "question"}),
        ("send us the the documents and we'll book the next one", None, "Julien Bouchard", {"note": "logistics"}),
    ],
    "calls/2026-10-01-mont-kiara-spaces.srt": [
        ("she handles the accounts for all four outlets", None, "Lim Wei Jie", {"note": "introductions"}),
        ("That I cannot accept.", BILL, "Siti Nurhaliza Ahmad", {"note": "mention starts at the cue's first line"}),
        ("And credit notes when members downgrade", BILL, "Siti Nurhaliza Ahmad", {"optional": True, "note": "clarifying follow-up"}),
        ("Under PDPA we need consent", PRIV, "Lim Wei Jie", {}),
        ("one bank almost didn't sign with us", PRIV, "Lim Wei Jie", {}),
        ("Our members are very used to the app", None, "Lim Wei Jie", {"note": "look-alike of member-experience: the opposite, no concern"}),
        ("that one I'm not worried", None, "Lim Wei Jie", {"note": "explicitly not a concern"}),
    ],
    "calls/2026-10-06-deansgate-exchange.json": [
        ("got burnt on the last access system", None, "Rob Ainsworth", {"note": "introduces a colleague; the concern follows"}),
        ("do the doors carry on working off what the controller already knows", OFF, "Gareth Lloyd", {}),
        ("Our ISP took three days to fix a cut cable", OFF, "Gareth Lloyd", {}),
        ("a lot of odd legacy deals", MIG, "Fiona Marsh", {}),
        ("if one founding member gets charged full whack", MIG, "Fiona Marsh", {}),
        ("more than we pay Nexwork, by a fair bit", P, "Rob Ainsworth", {}),
        ("Send me the template and Fiona will fill in the hours", None, "Rob Ainsworth", {"note": "next step"}),
        ("We do the invoice run over two days every month", None, "Fiona Marsh", {"note": "pain today / own volumes"}),
        ("Board meets on the nineteenth", None, "Rob Ainsworth", {"note": "logistics"}),
    ],
    "calls/2026-10-08-upper-hill.txt": [
        ("upper hill we have two hundred and sixty members", None, "Kevin Otieno", {"note": "volumes"}),
        ("download high very app and create password", MEM, "Grace Wambui", {"note": "ASR writes Hivebury as 'high very'"}),
        ("i'm the one at reception so", MEM, "Grace Wambui", {"optional": True, "note": "short follow-up"}),
        ("they are chinese controllers i don't think you integrate with those", DOOR, "Kevin Otieno", {}),
        ("i'm not going to pay to change forty doors", DOOR, "Kevin Otieno", {}),
        ("i'll send a photo of the the box", None, "Kevin Otieno", {"note": "logistics"}),
        ("when the water is off on the third floor", None, "Grace Wambui", {"note": "question"}),
        ("we do it by whatsapp groups now and it's chaos", None, "Grace Wambui", {"note": "pain today / buying signal"}),
    ],
    "calls/2026-10-13-grey-lynn-collective.json": [
        ("he's just parking", None, "Sarah Fletcher", {"note": "small talk"}),
        ("I'm putting my fees up", BILL, "Sarah Fletcher", {}),
        ("desk income and the room hire in separate accounts", BILL, "Sarah Fletcher", {"optional": True, "note": "a requirement stated as a follow-up"}),
        ("parking on Williamson Ave is a nightmare", None, "Anaru Hetaraka", {"note": "small talk"}),
        ("auto-renews for another full term", TERMS, "Anaru Hetaraka", {}),
        ("no price increase at renewal without notice", TERMS, "Anaru Hetaraka", {"note": "contract clause, not the price itself"}),
        ("Can we add our own questions to the member signup form?", None, "Sarah Fletcher", {"note": "question"}),
        ("I think we're ready to go", None, "Sarah Fletcher", {"note": "buying signal"}),
    ],
    "calls/2026-10-20-griffintown-hub.vtt": [
        ("i was on another call it ran late", None, "Alexandre Côté", {"note": "small talk"}),
        ("yeah so um honestly it's it's steep", P, "Alexandre Côté", {"turn_lines_anchor": ["a a day pass almost like i can't i can't justify"], "note": "sentence split across two cues"}),
        ("we switched to our current one like two years ago", MIG, "Alexandre Côté", {"turn_lines_anchor": ["the other thing is the the switch"]}),
        ("i'd want to to talk to someone who did it", MIG, "Alexandre Côté", {"optional": True, "note": "asks for a reference; continues the switching concern"}),
        ("does it do the the taxes like gst qst", None, "Alexandre Côté", {"note": "question"}),
    ],
    "calls/2026-10-27-damansara-commons.json": [
        ("good evening to you", None, "Kavitha Subramaniam", {"note": "small talk"}),
        ("whatever you propose must work with what the landlord has", DOOR, "Hafiz Zulkifli", {"turn_lines_anchor": ["controllers from a local integrator, cards are MIFARE"]}),
        ("if the connection to your cloud is lost", OFF, "Hafiz Zulkifli", {}),
        ("we cannot commit beyond that", TERMS, "Kavitha Subramaniam", {"turn_lines_anchor": ["we saw the agreement is three years"]}),
        ("can members pay with DuitNow QR", PAY, "Kavitha Subramaniam", {"optional": True, "note": "phrased as a question; the objection is made explicit in the next turn"}),
        ("card only would lose us the walk-ins", PAY, "Kavitha Subramaniam", {}),
        ("which desks are used most", None, "Hafiz Zulkifli", {"note": "question"}),
    ],
}

COVERAGE = {P: True, MIG: True, DOOR: True, MEM: True, BILL: True, TERMS: False,
            OFF: False, PAY: False, PRIV: False}
GAP_NOTES = {
    TERMS: "known objection (objections/contract-terms.md); its only answer, answers/contract-terms, is status: draft",
    OFF: "doors during an internet or cloud outage; objections/door-hardware and answers/door-access are about compatibility of existing hardware, not resilience",
    PAY: "members pay by mobile money or online banking (M-Pesa, FPX, DuitNow); objections/billing-integration is about the accounting sync, answers/pricing about the subscription price",
    PRIV: "member personal data, hosting location, consent and log retention (Law 25, PDPA); objections/member-experience is about members adopting an app",
}
CENTRAL = {OFF: "calls/2026-10-06-deansgate-exchange.json", PAY: "calls/2026-09-03-westlands-commons.srt",
           PRIV: "calls/2026-09-10-mile-end-collectif.txt"}


def find_line(path, anchor):
    text = open(os.path.join(KB, path), encoding="utf-8").read()
    n = text.count(anchor)
    if n != 1:
        sys.exit(f"anchor {anchor!r} occurs {n} times in {path}")
    return text[: text.index(anchor)].count("\n") + 1


def main():
    calls, negatives, mentions = {}, [], {}
    for path, items in CALLS.items():
        labelled, neg = [], []
        for anchor, obj, speaker, extra in items:
            line = find_line(path, anchor)
            if obj is None:
                neg.append({"path": path, "line": line, "rules": ["objection-gap"], "speaker": speaker,
                            "snippet": anchor, "note": extra.get("note", "")})
                continue
            row = {"snippet": anchor, "objection": obj, "line": line, "speaker": speaker}
            tl = [find_line(path, a) for a in extra.get("turn_lines_anchor", [])]
            if tl:
                row["turn_lines"] = sorted(set(tl + [line]))
            if extra.get("optional"):
                row["optional"] = True
            if extra.get("note"):
                row["note"] = extra["note"]
            labelled.append(row)
            mentions.setdefault(obj, []).append({"path": path, "line": line, **({"optional": True} if extra.get("optional") else {})})
        lab_lines = {r["line"] for r in labelled} | {t for r in labelled for t in r.get("turn_lines", [])}
        for n in neg:
            if n["line"] in lab_lines:
                sys.exit(f"negative on labelled line {path}:{n['line']}")
        calls[path] = sorted(labelled, key=lambda r: r["line"])
        negatives.extend(sorted(neg, key=lambda r: r["line"]))

    expected = []
    for obj, covered in COVERAGE.items():
        if covered:
            continue
        ms = mentions[obj]
        ncalls = len({m["path"] for m in ms})
        assert ncalls >= 2, obj
        if obj.startswith("objections/"):
            f = {"rule": "objection-gap", "objection": obj, "path": obj + ".md", "any_line": True,
                 "alt_paths": sorted({m["path"] for m in ms})}
        else:
            first = next(m for m in ms if m["path"] == CENTRAL[obj] and not m.get("optional"))
            f = {"rule": "objection-gap", "objection": obj, "path": first["path"], "line": first["line"]}
        f["mentions"] = ms
        f["note"] = GAP_NOTES[obj] + "; a tool may report the gap once per theme or once per mention"
        expected.append(f)

    labels = {
        "kb": "kb",
        "today": "2026-12-01",
        "drafts": [],
        "audit": {"rules": ["objection-gap"], "expected": expected, "negatives": negatives},
        "objections": {"calls": calls, "coverage": COVERAGE, "negatives": negatives},
    }
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as fh:
        json.dump(labels, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    lab = sum(len(v) for v in calls.values())
    opt = sum(1 for v in calls.values() for r in v if r.get("optional"))
    print(f"calls={len(calls)} labelled={lab} (optional {opt}) negatives={len(negatives)} gaps={len(expected)}")
    for obj in COVERAGE:
        ms = mentions.get(obj, [])
        print(f"  {obj}: {len(ms)} mentions in {len({m['path'] for m in ms})} calls")


if __name__ == "__main__":
    main()
