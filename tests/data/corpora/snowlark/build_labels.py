#!/usr/bin/env python3
"""Build labels.json for the snowlark corpus from anchor strings (stdlib only).

Each anchor must occur exactly once in its file; the script turns it into a 1-based line number,
refuses anchors that are missing or ambiguous, and refuses a negative on a labelled line.
Run from anywhere: python3 build_labels.py
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KB = os.path.join(HERE, "kb")

PRICING = "objections/pricing"
INTEG = "objections/pos-integration"
GOLIVE = "objections/go-live-timing"
OFFLINE = "objections/offline-reliability"
STAFF = "objections/staff-training"
PCI = "objections/payment-security"
PRIV = "new:guest-data-privacy"
DYN = "new:dynamic-pricing-backlash"
LANG = "new:interface-language"

# (call file, anchor of the mention's first line, objection, speaker, [anchors of other lines of the same turn])
MENTIONS = [
    ("2026-09-09-val-dorin.vtt", "For me the question is the gates", INTEG, "Matthias Zurbriggen", []),
    ("2026-09-09-val-dorin.vtt", "two cards in the pocket of every guest", INTEG, "Matthias Zurbriggen", []),
    ("2026-09-09-val-dorin.vtt", "The screens must be in French, really French", LANG, "Céline Roduit", []),
    ("2026-09-09-val-dorin.vtt", "Also the receipts and the emails to guests", LANG, "Céline Roduit", []),
    ("2026-09-09-val-dorin.vtt", "The photo on the season pass. Under the new data protection law", PRIV, "Céline Roduit", []),
    ("2026-09-09-val-dorin.vtt", "more than double what we pay today for ticketing", PRICING, "Céline Roduit", []),

    ("2026-09-15-granite-peak.json", "We tried variable pricing two seasons ago", DYN, "Brent Kowalski",
     ["that's kind of a sore spot", "anything that looks like surge pricing"]),
    ("2026-09-15-granite-peak.json", "If guests feel gouged at the window", DYN, "Alyssa Romero", []),
    ("2026-09-15-granite-peak.json", "there is zero chance we switch ticketing before then", GOLIVE, "Brent Kowalski",
     ["I'm not doing a cutover in March either"]),

    ("2026-09-18-hakuba-kogen.srt", "so if system is difficult it is very big problem", STAFF, "Yui Mori",
     ["every year new people every year we teach from zero"]),
    ("2026-09-18-hakuba-kogen.srt", "the internet is very weak when it is snowing", OFFLINE, "Kenji Takeda",
     ["if your system is cloud then what happens to", "the ticket sale at the top we cannot stop selling"]),
    ("2026-09-18-hakuba-kogen.srt", "head office said uh we must keep sky data gate", INTEG, "Kenji Takeda",
     ["please also our gate is uh sky data"]),

    ("2026-09-22-mt-tarawai.txt", "Here's my thing though.", OFFLINE, "Hemi Tautahi", []),
    ("2026-09-22-mt-tarawai.txt", "Can keep going for how long, though?", OFFLINE, "Hemi Tautahi", []),
    ("2026-09-22-mt-tarawai.txt", "The other thing is money, to be honest.", PRICING, "Jo Pickering", []),
    ("2026-09-22-mt-tarawai.txt", "And our volunteers.", STAFF, "Hemi Tautahi", []),

    ("2026-09-25-mont-sainte-colombe.json", "must be in French. It's the law here", LANG, "g.lafleur@montstecolombe.example", []),
    ("2026-09-25-mont-sainte-colombe.json", "The ticket part maybe. But the instructor app", LANG, "g.lafleur@montstecolombe.example", []),
    ("2026-09-25-mont-sainte-colombe.json", "And the report cards for the kids", LANG, "p.bouchard@montstecolombe.example", []),
    ("2026-09-25-mont-sainte-colombe.json", "Also, with the kids, we collect a lot", PRIV, "g.lafleur@montstecolombe.example", []),
    ("2026-09-25-mont-sainte-colombe.json", "No, no, I don't talk about the credit card", PRIV, "g.lafleur@montstecolombe.example", []),
    ("2026-09-25-mont-sainte-colombe.json", "we are already open for registration for this winter", GOLIVE, "p.bouchard@montstecolombe.example", []),

    ("2026-09-29-silver-pine.vtt", "the first one is pc i like who holds the scope", PCI, "Rachel Nguyen",
     ["we had a skimmer on a rental shop terminal"]),
    ("2026-09-29-silver-pine.vtt", "i'll need your a o c the attestation", PCI, "Rachel Nguyen", []),
    ("2026-09-29-silver-pine.vtt", "on the on the dynamic pricing thing", DYN, "Dale Hutchins",
     ["that's our whole brand gone"]),
    ("2026-09-29-silver-pine.vtt", "even a cap people see the price moving", DYN, "Dale Hutchins", []),
    ("2026-09-29-silver-pine.vtt", "the per transaction fee on top of the annual", PRICING, "Rachel Nguyen",
     ["i ran it against last season"]),

    ("2026-10-02-engelhorn.srt", "First, the card payments.", PCI, "Reto Perren", []),
    ("2026-10-02-engelhorn.srt", "I would need that in a document from your security team", PCI, "Reto Perren", []),
    ("2026-10-02-engelhorn.srt", "Second, not payment, the guest data.", PRIV, "Reto Perren", []),
    ("2026-10-02-engelhorn.srt", "For us it is also about trust.", PRIV, "Sabine Imboden", []),
    ("2026-10-02-engelhorn.srt", "Not this winter. We open on the fifth of December", GOLIVE, "Sabine Imboden", []),
    ("2026-10-02-engelhorn.srt", "And I am alone in IT.", GOLIVE, "Reto Perren", []),

    ("2026-10-06-yotei-shiroi.json", "and the hotel front desk charges rentals to the room", INTEG, "Emma Clarke", []),
    ("2026-10-06-yotei-shiroi.json", "yes the hotel connection is uh very important", INTEG, "Hiroshi Sakamoto", []),
    ("2026-10-06-yotei-shiroi.json", "and the other thing is staff like i hire eighty people", STAFF, "Emma Clarke",
     ["i get them for like two days of training before christmas"]),
    ("2026-10-06-yotei-shiroi.json", "one question about the the price the lift ticket price in niseko", DYN, "Hiroshi Sakamoto",
     ["if we use the dynamic price and in new year"]),

    ("2026-10-09-coronet-valley.json", "Not your pricing, ours.", DYN, "Sarah McAllister", []),
    ("2026-10-09-coronet-valley.json", "Kiwis are really allergic to feeling ripped off", DYN, "Sarah McAllister", []),
    ("2026-10-09-coronet-valley.json", "Even that, people screenshot the price and compare.", DYN, "Sarah McAllister", []),
    ("2026-10-09-coronet-valley.json", "In the cab, but there's no signal on the back bowl.", OFFLINE, "Tama Ngata", []),
    ("2026-10-09-coronet-valley.json", "Our line to town went down twice last season", OFFLINE, "Tama Ngata", []),

    ("2026-10-14-lac-aux-sables.vtt", "the big thing for us is the the language", LANG, "Stéphanie Tremblay",
     ["in the video the the rental screen and the the waiver was english"]),
    ("2026-10-14-lac-aux-sables.vtt", "it has to be french first then english", LANG, "Jean-François Côté", []),
    ("2026-10-14-lac-aux-sables.vtt", "and my other worry honestly is my staff", STAFF, "Jean-François Côté",
     ["and with the gloves the touch screen"]),
    ("2026-10-14-lac-aux-sables.vtt", "for the the data of the clients the foot size", PRIV, "Stéphanie Tremblay",
     ["our lawyer says we need the consent"]),

    ("2026-10-19-elk-basin.txt", "We put in Axess gates on all six chairs", INTEG, "Carla Jimenez", []),
    ("2026-10-19-elk-basin.txt", "Every vendor says they integrate.", INTEG, "Carla Jimenez", []),
    ("2026-10-19-elk-basin.txt", "The gate test I'd want in writing as a condition.", INTEG, "Carla Jimenez", []),
    ("2026-10-19-elk-basin.txt", "The other thing for me is timing.", GOLIVE, "Mike Dunleavy", []),
    ("2026-10-19-elk-basin.txt", "One more from me. The card terminals.", PCI, "Carla Jimenez", []),
    ("2026-10-19-elk-basin.txt", "I'm not signing anything that puts card data on our network again.", PCI, "Carla Jimenez", []),

    ("2026-10-23-sasayama.vtt", "One concern is the connection.", OFFLINE, "Daisuke Ishikawa",
     ["With the cloud system, in this case, the ticket counter stops?"]),
    ("2026-10-23-sasayama.vtt", "And the cost. Compared to our Japanese system", PRICING, "Daisuke Ishikawa", []),

    ("2026-10-28-whakapiri.srt", "my my worry is the the timing right", GOLIVE, "Lachlan Burke",
     ["there's no way we're swapping the ticketing system", "shut so nobody's around to test it properly"]),
    ("2026-10-28-whakapiri.srt", "and the seasonals thing it's it's not just the timing", STAFF, "Ana Rewiti",
     ["if it takes more than like a morning to teach them"]),
    ("2026-10-28-whakapiri.srt", "the other thing is the the link up the mountain", OFFLINE, "Lachlan Burke",
     ["if the the scanners at the chairs can't check a pass"]),

    ("2026-11-03-rotschalp.json", "The annual fee is okay, more or less.", PRICING, "Thomas Wyss", []),
    ("2026-11-03-rotschalp.json", "I included them. It is still more.", PRICING, "Thomas Wyss", []),
    ("2026-11-03-rotschalp.json", "For me the important thing is the accounting.", INTEG, "Andrea Bühler", []),
    ("2026-11-03-rotschalp.json", "Also with the cost centres per installation?", INTEG, "Andrea Bühler", []),
    ("2026-11-03-rotschalp.json", "Good. And the guest photos.", PRIV, "Andrea Bühler", []),
    ("2026-11-03-rotschalp.json", "And it must not be the US.", PRIV, "Thomas Wyss", []),

    ("2026-11-10-aspen-hollow.json", "tell me to make the window price higher", DYN, "Jenna Whitaker",
     ["here's where I struggle with that", "they think we're playing games with them"]),
    ("2026-11-10-aspen-hollow.json", "it's the day-ticket families, and they write to the owner", DYN, "Marcus Bell", []),
    ("2026-11-10-aspen-hollow.json", "My side of it is the kiosks.", PCI, "Marcus Bell",
     ["Our insurance carrier asked about PCI"]),
    ("2026-11-10-aspen-hollow.json", "I'd need the attestation though, not just a slide.", PCI, "Marcus Bell", []),
    ("2026-11-10-aspen-hollow.json", "And training, quickly", STAFF, "Jenna Whitaker",
     ["that's my whole Christmas gone"]),
]

# External turns that raise no objection: pain today, questions for information, buying signals,
# logistics, small talk. objection-gap (and any mention) must not fire here.
NON_OBJECTIONS = [
    ("2026-09-09-val-dorin.vtt", "I have only thirty minutes", "logistics"),
    ("2026-09-09-val-dorin.vtt", "In February the queue goes out the door", "pain today"),
    ("2026-09-09-val-dorin.vtt", "Rentals are run by an independent shop", "information"),
    ("2026-09-09-val-dorin.vtt", "That I would like to see. Which lift", "buying signal"),
    ("2026-09-09-val-dorin.vtt", "The grooming log is not Excel", "small talk / correction"),
    ("2026-09-09-val-dorin.vtt", "Send me the comparison. The board meets", "logistics"),
    ("2026-09-15-granite-peak.json", "Brown, mostly.", "small talk"),
    ("2026-09-15-granite-peak.json", "Our current vendor got bought", "pain today (why they are looking)"),
    ("2026-09-15-granite-peak.json", "Call it two hundred and ten thousand", "prospect's own volume"),
    ("2026-09-15-granite-peak.json", "Spring pass sales start April first.", "logistics / buying signal"),
    ("2026-09-15-granite-peak.json", "Can you send something I can forward to the owner group?", "buying signal"),
    ("2026-09-15-granite-peak.json", "And ballpark pricing, I need to see it before they ask.", "request for information, not a price objection"),
    ("2026-09-18-hakuba-kogen.srt", "in january february maybe seventy percent foreign guest", "pain / context"),
    ("2026-09-18-hakuba-kogen.srt", "now the rental reservation is uh by email", "pain today"),
    ("2026-09-18-hakuba-kogen.srt", "can you show demo to head office in tokyo", "buying signal / logistics"),
    ("2026-09-18-hakuba-kogen.srt", "and the demo the rental part also please", "request"),
    ("2026-09-22-mt-tarawai.txt", "held together with number eight wire", "pain today"),
    ("2026-09-22-mt-tarawai.txt", "Lessons are a clipboard.", "pain today"),
    ("2026-09-22-mt-tarawai.txt", "The booking site alone is a few hundred a month.", "prospect's own costs, answering the rep"),
    ("2026-09-22-mt-tarawai.txt", "Sweet as. Send it through.", "small talk"),
    ("2026-09-22-mt-tarawai.txt", "Fourteenth of October, yeah.", "logistics"),
    ("2026-09-25-mont-sainte-colombe.json", "My English is okay, I'll try.", "small talk"),
    ("2026-09-25-mont-sainte-colombe.json", "We have the ski school with more than four thousand kids", "pain today"),
    ("2026-09-25-mont-sainte-colombe.json", "Every Friday night I am doing the groups until midnight.", "pain today"),
    ("2026-09-25-mont-sainte-colombe.json", "Registration opens in August, so we would need it by June.", "buying signal / logistics"),
    ("2026-09-25-mont-sainte-colombe.json", "Send it to me and I will present it to the board in November.", "buying signal"),
    ("2026-09-29-silver-pine.vtt", "hey owen yeah it's dale", "small talk"),
    ("2026-09-29-silver-pine.vtt", "sure i'll i'll email it after this", "logistics"),
    ("2026-09-29-silver-pine.vtt", "how does the the snowmaking log work", "question for information"),
    ("2026-09-29-silver-pine.vtt", "sick okay that's that's actually cool", "buying signal"),
    ("2026-10-02-engelhorn.srt", "Quite a few questions, I am afraid.", "small talk"),
    ("2026-10-02-engelhorn.srt", "The summer is interesting.", "buying signal / question"),
    ("2026-10-02-engelhorn.srt", "Send us the documents and we talk again in January.", "logistics"),
    ("2026-10-06-yotei-shiroi.json", "so she will ask the many questions", "small talk"),
    ("2026-10-06-yotei-shiroi.json", "so um rentals first we've got two shops in the village", "context / pain today"),
    ("2026-10-06-yotei-shiroi.json", "okay please uh send the example of other resort in japan", "request for information"),
    ("2026-10-06-yotei-shiroi.json", "legend thanks jun", "small talk"),
    ("2026-10-09-coronet-valley.json", "Long! We closed on the fourth", "small talk"),
    ("2026-10-09-coronet-valley.json", "Cats are in the shed now", "small talk"),
    ("2026-10-09-coronet-valley.json", "the boys write the runs on a whiteboard", "pain today"),
    ("2026-10-09-coronet-valley.json", "Good. What do you need from us for a proposal?", "buying signal"),
    ("2026-10-09-coronet-valley.json", "Five lifts, three windows, one rental shop.", "prospect's own volume"),
    ("2026-10-14-lac-aux-sables.vtt", "yes we hear you good so it's me and uh jean-françois", "small talk"),
    ("2026-10-14-lac-aux-sables.vtt", "and the price you send it's okay for us it's in the budget", "buying signal (price accepted)"),
    ("2026-10-14-lac-aux-sables.vtt", "yes next week tuesday or wednesday in the morning", "logistics"),
    ("2026-10-19-elk-basin.txt", "We've got the lift inspector here Thursday", "small talk"),
    ("2026-10-19-elk-basin.txt", "I'm Carla, I do finance and IT", "small talk"),
    ("2026-10-19-elk-basin.txt", "You showed us the ticketing and the ski school, and we liked it.", "buying signal"),
    ("2026-10-19-elk-basin.txt", "Renewals open March fifteenth, run to Labor Day.", "information"),
    ("2026-10-19-elk-basin.txt", "What's the next step on your side?", "buying signal"),
    ("2026-10-19-elk-basin.txt", "Tuesday the tenth works.", "logistics"),
    ("2026-10-23-sasayama.vtt", "In October we are not so busy yet.", "small talk"),
    ("2026-10-23-sasayama.vtt", "Yes, I watched it two times.", "buying signal"),
    ("2026-10-23-sasayama.vtt", "Please make the comparison table, in Japanese if possible.", "request (language of a document, not of the product)"),
    ("2026-10-23-sasayama.vtt", "Next meeting, the second week of November?", "logistics"),
    ("2026-10-28-whakapiri.srt", "Lachlan Burke: gidday", "small talk"),
    ("2026-10-28-whakapiri.srt", "can you send us the reference for coronet", "buying signal"),
    ("2026-10-28-whakapiri.srt", "choice thanks kiri", "small talk"),
    ("2026-11-03-rotschalp.json", "Thomas is our CFO, he joined because of the offer.", "small talk"),
    ("2026-11-03-rotschalp.json", "How many resorts in Switzerland use you now?", "question for information"),
    ("2026-11-03-rotschalp.json", "Please send the answers before the twentieth", "logistics"),
    ("2026-11-10-aspen-hollow.json", "Eight inches overnight", "small talk"),
    ("2026-11-10-aspen-hollow.json", "that line was forty-five minutes at one point", "pain today"),
    ("2026-11-10-aspen-hollow.json", "And my phone didn't stop ringing.", "pain today"),
    ("2026-11-10-aspen-hollow.json", "A fixed discount I could live with.", "acceptance"),
    ("2026-11-10-aspen-hollow.json", "Can we get a sandbox for the ticket office team to play with?", "buying signal"),
]

COVERAGE = {
    PRICING: True,   # answers/pricing
    INTEG: True,     # answers/integrations
    GOLIVE: True,    # answers/go-live
    STAFF: True,     # answers/seasonal-staff
    OFFLINE: False,  # only answers/offline-mode, status: draft
    PCI: False,      # no answer entry at all
    PRIV: False,
    DYN: False,
    LANG: False,
}

GAP_NOTES = {
    OFFLINE: "known objection (objections/offline-reliability.md); its only answer, answers/offline-mode, is status: draft",
    PCI: "known objection (objections/payment-security.md) with no answer entry; the enablement article says Security is still writing it",
    PRIV: "guest personal data (pass photos, children's details, marketing consent) under Swiss FADP and Quebec Law 25: where it is hosted, retention, consent. Close in words to objections/payment-security (data, security, written answer) but not about card data; no entry covers it",
    DYN: "guests and locals resenting variable lift-ticket prices (reputation with the resort's own customers). Close in words to objections/pricing but not about what Snowlark costs; no entry covers it",
    LANG: "French (and guest-language) screens, waivers and e-mails, required by Quebec's Charter / Bill 96 and by Swiss romand staff. Close in words to objections/staff-training (staff, screens, app) but a legal and language requirement, not a training worry; no entry covers it",
}
CENTRAL = {  # call holding the most central mention of each uncovered theme
    PRIV: "2026-10-02-engelhorn.srt",
    DYN: "2026-10-09-coronet-valley.json",
    LANG: "2026-09-25-mont-sainte-colombe.json",
}


def line_of(rel, anchor):
    path = os.path.join(KB, rel)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    n = text.count(anchor)
    if n != 1:
        sys.exit(f"anchor {'missing' if n == 0 else f'ambiguous ({n})'} in {rel}: {anchor!r}")
    return text[: text.index(anchor)].count("\n") + 1


def main():
    calls = {}
    labelled = set()
    by_obj = {}
    for call, anchor, obj, speaker, more in MENTIONS:
        rel = "calls/" + call
        line = line_of(rel, anchor)
        item = {"snippet": anchor, "objection": obj, "line": line, "speaker": speaker}
        if more:
            lines = sorted({line} | {line_of(rel, a) for a in more})
            item["turn_lines"] = lines
            labelled.update((rel, ln) for ln in lines)
        labelled.add((rel, line))
        calls.setdefault(rel, []).append(item)
        by_obj.setdefault(obj, []).append({"path": rel, "line": line})
    for rel in calls:
        calls[rel].sort(key=lambda m: m["line"])

    negatives = []
    for call, anchor, why in NON_OBJECTIONS:
        rel = "calls/" + call
        line = line_of(rel, anchor)
        if (rel, line) in labelled:
            sys.exit(f"negative on a labelled line: {rel}:{line} {anchor!r}")
        negatives.append({"path": rel, "line": line, "rules": ["objection-gap"],
                          "note": f"non-objection ({why}): {anchor}"})
    for obj in (PRICING, INTEG, GOLIVE, STAFF):
        rel = obj + ".md"
        negatives.append({"path": rel, "line": line_of(rel, "title:"), "rules": ["objection-gap"],
                          "note": "covered by an approved answer; no gap"})

    expected = []
    for obj, covered in COVERAGE.items():
        if covered:
            continue
        ments = sorted(by_obj[obj], key=lambda m: (m["path"], m["line"]))
        if obj.startswith("objections/"):
            first = ments[0]
            expected.append({"rule": "objection-gap", "objection": obj, "path": first["path"],
                             "line": first["line"], "mentions": ments, "alt_paths": [obj + ".md"],
                             "note": GAP_NOTES[obj] + "; a tool may report the gap once per theme or once per mention"})
        else:
            central = "calls/" + CENTRAL[obj]
            first = min((m for m in ments if m["path"] == central), key=lambda m: m["line"])
            expected.append({"rule": "objection-gap", "objection": obj, "path": first["path"],
                             "line": first["line"], "mentions": ments,
                             "note": GAP_NOTES[obj] + "; a tool may report the gap once per theme or once per mention"})
        ncalls = len({m["path"] for m in ments})
        if obj.startswith("new:") and ncalls < 2:
            sys.exit(f"{obj} raised in fewer than 2 calls")

    labels = {
        "today": "2026-12-01",
        "kb": "kb",
        "drafts": [],
        "audit": {"rules": ["objection-gap"], "expected": expected, "negatives": negatives},
        "objections": {"calls": dict(sorted(calls.items())), "coverage": COVERAGE},
    }
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(labels, f, indent=1, ensure_ascii=False)
        f.write("\n")
    counts = {}
    for obj, ms in by_obj.items():
        counts[obj] = (len(ms), len({m["path"] for m in ms}))
    for obj in COVERAGE:
        print(f"{obj}: {counts[obj][0]} mentions in {counts[obj][1]} calls")
    print(f"mentions: {len(MENTIONS)}, non-objection turns: {len(NON_OBJECTIONS)}, calls: {len(os.listdir(os.path.join(KB, 'calls')))}")


if __name__ == "__main__":
    main()
