#!/usr/bin/env python3
"""Build labels.json for the Moorquay corpus from anchor strings (stdlib only).

Every anchor must occur exactly once in its call file; the line is computed from it (1-based).
A label is either an objection mention (an entry id under kb/, or new:<slug>) or a negative
(NEG:<kind>): an external turn that is not an objection (pain today, a question asking for
information, a buying signal, logistics, small talk, the prospect's own context).
Run: python3 build_labels.py  (writes labels.json next to this script)
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KB = os.path.join(HERE, "kb")
TODAY = "2026-12-01"

P, DM, SA, ST = "objections/pricing", "objections/data-migration", "objections/staff-adoption", "objections/season-timing"
AI, CT = "objections/accounting-integration", "objections/contract-terms"
BA, DX, OC = "new:boater-adoption", "new:data-exit", "new:offline-connectivity"

# (label, speaker, anchor, options). options: turn=[anchors of the other lines of the same turn],
# opt=True (arguable: neither needed nor a false positive), note="..."
CALLS = {
 "2026-09-03-penmorvah-marina.vtt": [
  (SA, "Jory Pascoe", "I can't see them stopping to fill in a screen every time a boat comes in", {}),
  (SA, "Jory Pascoe", "<v Jory Pascoe>We'll see.", {"opt": True, "note": "short sceptical follow-up"}),
  (BA, "Tamsin Trevenna", "they ring up, they don't do apps", {"note": "berth holders (customers), not staff: close to staff-adoption in words"}),
  (BA, "Tamsin Trevenna", "paying for online booking that half my customers won't touch", {"note": "sounds like price, but continues the boater-adoption concern"}),
  (P, "Tamsin Trevenna", "your price is every month of the year", {}),
  (P, "Tamsin Trevenna", "And that's before the VAT, mind.", {"note": "short follow-up that continues the price objection"}),
  ("NEG:small-talk", "Jory Pascoe", "Blowing a hooley out there.", {}),
  ("NEG:pain", "Tamsin Trevenna", "We double-booked the hammerhead twice in one week", {}),
  ("NEG:pain", "Jory Pascoe", "On the whiteboard in the office.", {}),
  ("NEG:context", "Tamsin Trevenna", "Two hundred and forty, of which about sixty are visitor berths", {"note": "prospect's own volumes"}),
  ("NEG:question", "Jory Pascoe", "Does it know about the tide?", {}),
  ("NEG:question", "Tamsin Trevenna", "Can visitors see which berths are free before they ring?", {}),
  ("NEG:pain", "Tamsin Trevenna", "Eight or nine annual holders still owing in November", {}),
  ("NEG:buying-signal", "Tamsin Trevenna", "Nineteen days would make a difference in October", {}),
  ("NEG:logistics", "Tamsin Trevenna", "Thursday after two. Jory's on the hoist in the morning.", {}),
  ("NEG:buying-signal", "Tamsin Trevenna", "I'd want it in before Easter", {"note": "wants it before the season: a buying signal, not season-timing"}),
  ("NEG:small-talk", "Jory Pascoe", "Cheers, Kit. Mind how you go.", {}),
 ],
 "2026-09-08-matanzas-bay-marina.json": [
  (AI, "Darlene Whitaker", "Our controller lives in QuickBooks.", {"turn": ["Let me tell you what's going to kill this", "Desktop, not Online.", "If this means she's keying every slip invoice twice"]}),
  (AI, "Darlene Whitaker", "Please do, because that's a deal breaker for her.", {"note": "follow-up that continues the QuickBooks objection"}),
  (OC, "Bobby Castellanos", "When Irma came through we had no internet for nine days.", {"turn": ["Power was out, the cell towers were down.", "If my dock guys can't check a boat in without a connection"]}),
  (OC, "Bobby Castellanos", "the signal out on C dock is garbage", {"turn": ["it's one bar"]}),
  (CT, "Darlene Whitaker", "I saw three years with auto-renew in the sample you sent.", {"turn": ["\"And the contract.\"", "We got burned on that with the fuel dock POS vendor", "I'm not doing that again."]}),
  (CT, "Darlene Whitaker", "One year, and it ends unless I say otherwise.", {}),
  ("NEG:small-talk", "Darlene Whitaker", "Hey y'all.", {}),
  ("NEG:small-talk", "Bobby Castellanos", "Happens every weekend.", {}),
  ("NEG:pain", "Darlene Whitaker", "in a Google sheet and nobody trusts it", {}),
  ("NEG:context", "Bobby Castellanos", "A hundred and eighty wet slips, plus dry stack for about ninety.", {}),
  ("NEG:buying-signal", "Darlene Whitaker", "Oh, I like that.", {}),
  ("NEG:question", "Bobby Castellanos", "Do you handle liveaboard surcharges?", {}),
  ("NEG:logistics", "Bobby Castellanos", "Can I ask something on the dock side?", {}),
  ("NEG:pain", "Bobby Castellanos", "We lose transients every Saturday because I don't know who left.", {}),
  ("NEG:buying-signal", "Darlene Whitaker", "I like that the transient boaters can pay before they even tie up.", {}),
  ("NEG:logistics", "Darlene Whitaker", "Send the proposal to me and cc Bobby.", {}),
 ],
 "2026-09-10-kvamsoy-bathamn.srt": [
  (ST, "Eirik Haugland", "we can't do this now so if we do this it has to be", {"turn": ["after the season because in june and july"], "note": "one sentence split across two cues"}),
  (ST, "Eirik Haugland", "yes and the board must also decide", {"opt": True, "note": "decision process rather than an objection"}),
  (DX, "Solveig Vik", "if we stop using you after some years do we get the the member list out again", {"turn": ["because the last time with the the web shop"], "note": "getting data out at exit, not importing it: close to data-migration in words"}),
  (P, "Eirik Haugland", "for a club of our size this is eh it's quite much money", {}),
  ("NEG:small-talk", "Eirik Haugland", "it is raining in bergen of course", {}),
  ("NEG:context", "Eirik Haugland", "we are a small båtlag about two hundred members", {}),
  ("NEG:pain", "Eirik Haugland", "there is a box eh an honesty box", {}),
  ("NEG:pain", "Solveig Vik", "Solveig Vik: many they don't pay", {}),
  ("NEG:question", "Solveig Vik", "does it work with whips directly to the club account", {"note": "ASR: whips = Vipps"}),
  ("NEG:buying-signal", "Eirik Haugland", "eleven hours that is a lot of do nod hours", {"note": "ASR: do nod = dugnad"}),
  ("NEG:context", "Solveig Vik", "the accounting we have in triple decks", {"note": "states the accounts package (Tripletex); raises no concern"}),
  ("NEG:logistics", "Eirik Haugland", "yes maybe in two weeks i send you a a date", {}),
 ],
 "2026-09-15-marina-sveti-juraj.txt": [
  (BA, "Ivana Marić", "they will not download one more app", {"note": "guests (charter skippers), not staff"}),
  (BA, "Ivana Marić", "they call on the phone or they call on channel seventeen", {}),
  (AI, "Ivana Marić", "If it does not go to Pantheon automatically, it is a problem.", {}),
  (CT, "Ivana Marić", "Our concession with the county is renewing in 2028.", {}),
  (CT, "Ivana Marić", "So maximum two seasons, not three years.", {}),
  ("NEG:small-talk", "Ivana Marić", "In August I don't sleep.", {}),
  ("NEG:pain", "Dario Jurić", "Saturday is war.", {}),
  ("NEG:pain", "Ivana Marić", "And reception is full of skippers with papers", {}),
  ("NEG:pain", "Dario Jurić", "Every week it is different Excel.", {}),
  ("NEG:question", "Dario Jurić", "Can we set different price for catamaran, by beam?", {}),
  ("NEG:buying-signal", "Dario Jurić", "Good. This is important.", {}),
  ("NEG:buying-signal", "Ivana Marić", "The online prepayment for transit guests, this is something we want for sure.", {}),
  ("NEG:small-talk", "Dario Jurić", "You are from Zagreb?", {}),
  ("NEG:small-talk", "Dario Jurić", "My wife is from Preko.", {}),
  ("NEG:logistics", "Ivana Marić", "After the fifteenth of October, when the charter bases close.", {"note": "a demo date, not season-timing"}),
 ],
 "2026-09-17-chester-basin-boatyard.vtt": [
  (DM, "Shelley Boudreau", "all our stuff is in um in the book", {"turn": ["and i'm not typing all that in again"]}),
  (DM, "Shelley Boudreau", "Shelley Boudreau: even the the book", {"opt": True, "note": "short clarifying follow-up"}),
  (SA, "Gord MacIsaac", "they're not they're not computer guys", {}),
  (OC, "Gord MacIsaac", "there's no there's no cell service at all", {"turn": ["so if the thing needs internet to work", "it's not gonna work down there"], "note": "one sentence split across three cues; about coverage in the yard, not the yard crew"}),
  ("NEG:small-talk", "Gord MacIsaac", "fog came in this morning", {}),
  ("NEG:pain", "Gord MacIsaac", "everybody wants out the same two weeks", {"note": "ASR: travel left = travel lift, hall outs = haul-outs"}),
  ("NEG:pain", "Shelley Boudreau", "last fall we had two boats booked for the travel lift the same morning", {}),
  ("NEG:question", "Shelley Boudreau", "can it do winter storage by the square foot", {}),
  ("NEG:buying-signal", "Shelley Boudreau", "oh okay that's good", {}),
  ("NEG:small-talk", "Gord MacIsaac", "how's the the traffic in halifax", {}),
  ("NEG:logistics", "Shelley Boudreau", "tuesday's good for me after ten", {}),
 ],
 "2026-09-22-polcarrow-quay.json": [
  (DX, "Nigel Carthew", "what happens to our data? Can we take the whole lot with us", {}),
  (DX, "Nigel Carthew", "eight hundred pounds just to give us an export of our own records", {}),
  (P, "Nigel Carthew", "there's nothing in it for this", {}),
  (P, "Nigel Carthew", "if it's got proper numbers in it and not marketing", {"opt": True, "note": "a condition on the business case"}),
  (ST, "Kerensa Rowe", "we couldn't touch anything until after the regatta", {}),
  ("NEG:pain", "Kerensa Rowe", "It's three spreadsheets.", {}),
  ("NEG:small-talk", "Kerensa Rowe", "His son's still paying it, bless him.", {}),
  ("NEG:context", "Kerensa Rowe", "A hundred and ten swinging moorings", {}),
  ("NEG:pain", "Nigel Carthew", "Which loses signal halfway round the harbour", {"note": "pain with their current card machine, not raised about Moorquay"}),
  ("NEG:question", "Kerensa Rowe", "Can it do the inspection reminders?", {}),
  ("NEG:buying-signal", "Kerensa Rowe", "That alone would be worth having.", {}),
  ("NEG:buying-signal", "Kerensa Rowe", "That could work.", {}),
  ("NEG:logistics", "Kerensa Rowe", "Not Wednesdays, that's the commissioners.", {}),
 ],
 "2026-09-24-solund-gjestehamn.json": [
  (OC, "Torbjørn Nesse", "The outer breakwater has almost no mobile coverage.", {}),
  (OC, "Torbjørn Nesse", "when the storm takes the power", {}),
  (AI, "Ragnhild Sæbø", "The municipality uses Visma", {}),
  (AI, "Ragnhild Sæbø", "It is a requirement, not a wish.", {}),
  (DM, "Torbjørn Nesse", "If somebody loses their place there will be a letter in the newspaper.", {"opt": True, "note": "fear about the waiting list in the move, said after the rep's answer"}),
  ("NEG:small-talk", "Torbjørn Nesse", "That is the most important word.", {}),
  ("NEG:pain", "Torbjørn Nesse", "We estimate we lose maybe one third of the guest fees.", {}),
  ("NEG:pain", "Ragnhild Sæbø", "The revision was not happy.", {}),
  ("NEG:question", "Torbjørn Nesse", "Can the system be in Norwegian for the guests?", {}),
  ("NEG:pain", "Torbjørn Nesse", "the waiting list is in a binder", {}),
  ("NEG:buying-signal", "Ragnhild Sæbø", "I think the politicians will like it", {}),
  ("NEG:logistics", "Ragnhild Sæbø", "before the budget meeting on the twelfth of November", {}),
 ],
 "2026-09-29-pelican-point-marina.srt": [
  (P, "Travis McCall", "You're coming in at what, four times that?", {}),
  (P, "Travis McCall", "Maybe. I'd need to see it on my numbers.", {"opt": True}),
  (CT, "Travis McCall", "I'm not signing anything annual. Month to month or nothing.", {"note": "mentions the slow season, but the concern is the term"}),
  (DM, "Carla Nguyen", "HarborSoft won't give us anything but a PDF report.", {}),
  (DM, "Carla Nguyen", "And the liveaboard notes, those are all free text.", {}),
  ("NEG:small-talk", "Travis McCall", "Caught a couple snook off the seawall Saturday.", {}),
  ("NEG:context", "Travis McCall", "Eleven years. It's ugly, but it works, mostly.", {}),
  ("NEG:pain", "Carla Nguyen", "It works if you don't need anything out of it.", {}),
  ("NEG:pain", "Carla Nguyen", "I print a report, highlight it, and call people.", {}),
  ("NEG:pain", "Carla Nguyen", "Two days, at least.", {}),
  ("NEG:buying-signal", "Carla Nguyen", "Side by side I like.", {}),
  ("NEG:question", "Carla Nguyen", "Can boaters sign the slip agreement on their phone?", {}),
  ("NEG:buying-signal", "Carla Nguyen", "Okay, that's a big one for me.", {}),
  ("NEG:logistics", "Travis McCall", "Send it over. No promises.", {}),
 ],
 "2026-10-01-marina-kornat-bay.srt": [
  (ST, "Tomislav Babić", "so not now we can't start anything now", {"turn": ["maybe in november when the charted bases close"], "note": "ASR: charted = charter"}),
  (BA, "Tomislav Babić", "he wants a stamp he doesn't want an app", {"note": "guests (charter skippers), not staff"}),
  (SA, "Tomislav Babić", "my marineros are students in summer they change every", {"turn": ["year and i cannot train them all"], "note": "one sentence split across two cues"}),
  (SA, "Tomislav Babić", "twenty minutes okay we will see", {"opt": True}),
  ("NEG:small-talk", "Tomislav Babić", "season was good very good", {}),
  ("NEG:pain", "Ante Perica", "reception is full of papers every saturday", {}),
  ("NEG:context", "Ante Perica", "some send some don't", {}),
  ("NEG:question", "Ante Perica", "can it send to evisitor", {}),
  ("NEG:pain", "Ante Perica", "okay because this we do by hand now", {}),
  ("NEG:buying-signal", "Tomislav Babić", "online payment works for transit boats this is interesting", {}),
  ("NEG:logistics", "Tomislav Babić", "yes november is good hvala", {"note": "the next call, not season-timing"}),
 ],
 "2026-10-06-lahave-river-marina.txt": [
  (CT, "Rory MacNeil", "Paying for twelve months when we're iced in for five", {"note": "billing term for a seasonal harbour; close to pricing in words"}),
  (CT, "Rory MacNeil", "If we could pay for the months we're open", {}),
  (P, "Bernadette Comeau", "our whole operating budget is about what the fuel dock brings in", {}),
  (DX, "Bernadette Comeau", "we can get them back out?", {}),
  (DX, "Bernadette Comeau", "I'd want that in writing before it goes to the board.", {"opt": True}),
  ("NEG:small-talk", "Rory MacNeil", "it's basically a tin shed", {}),
  ("NEG:small-talk", "Rory MacNeil", "Dumping day's not till the end of November", {}),
  ("NEG:context", "Rory MacNeil", "Seventy-four in the water", {}),
  ("NEG:pain", "Bernadette Comeau", "If my laptop goes, the harbour goes.", {}),
  ("NEG:pain", "Bernadette Comeau", "Well, I chase maybe a dozen people every fall.", {}),
  ("NEG:question", "Rory MacNeil", "Do you do the small craft harbours reports for DFO?", {}),
  ("NEG:logistics", "Rory MacNeil", "Second Tuesday of the month", {}),
 ],
 "2026-10-08-carrick-reach-boatyard.vtt": [
  (DM, "Derek Nancarrow", "i'm not losing that", {"turn": ["in the yard diary it's all paper going back to ninety eight"], "note": "ASR: anti fowl = antifoul"}),
  (AI, "Lowenna Jose", "i do the the books in sage fifty", {"turn": ["if i've got to put every yard invoice in twice"]}),
  (AI, "Lowenna Jose", "<v Lowenna Jose>beta hmm", {"opt": True}),
  (OC, "Derek Nancarrow", "there's no signal down by the hoist at all", {"turn": ["and the wifi from the office doesn't reach", "<v Derek Nancarrow>not gonna load is it"], "note": "one sentence split across cues"}),
  ("NEG:pain", "Derek Nancarrow", "mad we got forty boats coming out", {}),
  ("NEG:question", "Lowenna Jose", "can it do the the pressure wash and the chocking", {}),
  ("NEG:pain", "Lowenna Jose", "that's good because now i write it by hand", {}),
  ("NEG:buying-signal", "Derek Nancarrow", "if it sorts the lift out calendar i'm interested", {}),
  ("NEG:logistics", "Derek Nancarrow", "come down wednesday bring a coat", {}),
 ],
 "2026-10-13-sunniva-batforening.json": [
  (SA, "Ragnar Eide", "The harbour wardens are volunteers, many of them over seventy.", {"turn": ["Before that, I must say this.", "All the work here is dugnad.", "They are good people, but they will not learn a new system on a phone.", "They have a notebook."]}),
  (SA, "Ragnar Eide", "I will believe it when I see Arne do it.", {"opt": True}),
  (P, "Kari Lunde", "If we must raise the membership fee by two hundred kroner", {"turn": ["For me it is the money.", "For us it is a question of kontingent.", "I know these people."]}),
  (DX, "Kari Lunde", "Where does the member register end up if we stop?", {"turn": ["And one more thing.", "We had a web shop for the club clothes", "I do not want the member register in a system we cannot get out of."]}),
  ("NEG:small-talk", "Ragnar Eide", "It is the only time we have, we all have day jobs.", {}),
  ("NEG:pain", "Ragnar Eide", "Every spring we have a meeting just to move people around.", {}),
  ("NEG:pain", "Kari Lunde", "one by one, and then I check the bank statement by hand", {}),
  ("NEG:buying-signal", "Ragnar Eide", "I know Håkon at Fjordvik", {}),
  ("NEG:buying-signal", "Kari Lunde", "The guest harbour is not so big, but maybe.", {}),
  ("NEG:question", "Ragnar Eide", "Can the members log in with BankID?", {}),
  ("NEG:logistics", "Ragnar Eide", "Next board meeting is the fourth of November.", {}),
 ],
 "2026-10-15-gulf-breeze-yacht-basin.json": [
  (ST, "marcy@gulfbreezeyb.example", "we can't do it now season starts in november", {"turn": ["if anything it'd be like may june when it's dead"]}),
  (BA, "hector.ruiz@gulfbreezeyb.example", "they're in their seventies a lot of them they're not gonna book a slip on an app", {"note": "boaters (snowbirds), not staff"}),
  (BA, "marcy@gulfbreezeyb.example", "they want to talk to a person", {}),
  (BA, "hector.ruiz@gulfbreezeyb.example", "then what are we paying for", {"note": "sounds like price, but continues the boater-adoption concern"}),
  (AI, "marcy@gulfbreezeyb.example", "our accountant uses quick books desk top", {"turn": ["she's not gonna switch to online"]}),
  ("NEG:small-talk", "marcy@gulfbreezeyb.example", "lost a couple of dock boxes", {}),
  ("NEG:pain", "marcy@gulfbreezeyb.example", "the phone is the whole job from november to april", {}),
  ("NEG:buying-signal", "hector.ruiz@gulfbreezeyb.example", "okay the transients yeah maybe", {}),
  ("NEG:logistics", "marcy@gulfbreezeyb.example", "okay let me know", {}),
  ("NEG:question", "hector.ruiz@gulfbreezeyb.example", "does it do the hurricane haul out list", {}),
  ("NEG:buying-signal", "hector.ruiz@gulfbreezeyb.example", "oh that's nice we do that on a clipboard", {}),
  ("NEG:logistics", "marcy@gulfbreezeyb.example", "april works thanks jess", {}),
 ],
 "2026-10-20-marina-lavanda.vtt": [
  (DM, "Marija Vuković", "We have fifteen years in an Access database", {}),
  (DM, "Nikola Šimić", "There are tables with names like table1, table2.", {"opt": True}),
  (DM, "Marija Vuković", "Okay. I would need to see that.", {"opt": True}),
  (CT, "Marija Vuković", "Our group policy is no automatic renewal for software.", {}),
  (P, "Marija Vuković", "But your setup fee is a problem for this year", {}),
  ("NEG:context", "Marija Vuković", "We have six hundred berths, half for charter", {}),
  ("NEG:question", "Nikola Šimić", "Do you have an API?", {}),
  ("NEG:question", "Nikola Šimić", "And single sign-on with Microsoft?", {}),
  ("NEG:buying-signal", "Marija Vuković", "Marija Vuković: That would help.", {}),
  ("NEG:buying-signal", "Marija Vuković", "that is what I want most", {}),
  ("NEG:logistics", "Marija Vuković", "Send me a proposal with the contract changes and we go to group.", {}),
 ],
 "2026-10-27-caribou-cove-harbour-authority.txt": [
  (SA, "Wayne Sutherland", "My wharfingers are mostly fishermen's wives and retired guys.", {}),
  (SA, "Wayne Sutherland", "I'll hold you to that.", {"opt": True}),
  (ST, "Wayne Sutherland", "it'd have to be done by the first of May", {}),
  (ST, "Wayne Sutherland", "Not a day later.", {}),
  ("NEG:small-talk", "Wayne Sutherland", "Floats come out next week", {}),
  ("NEG:buying-signal", "Wayne Sutherland", "the online booking is what sold the board", {}),
  ("NEG:pain", "Heather Fougère", "I take those bookings by email and it's a mess", {}),
  ("NEG:question", "Heather Fougère", "What does it cost for a harbour our size?", {"note": "asks for a price: a question, not a price objection"}),
  ("NEG:question", "Heather Fougère", "Can boaters pay the transient fee ahead of time", {}),
  ("NEG:pain", "Heather Fougère", "half of them leave at five in the morning", {}),
  ("NEG:logistics", "Wayne Sutherland", "Sounds good. Thanks, Callum.", {}),
 ],
}

COVERAGE = {P: True, DM: True, SA: True, ST: True, AI: False, CT: False, BA: False, DX: False, OC: False}
GAP_NOTES = {
 AI: "known objection (objections/accounting-integration.md); its only answer, answers/accounting-integration, is status: draft",
 CT: "known objection (objections/contract-terms.md) with no answer entry at all",
 BA: "berth holders and visiting boaters (customers) won't book or check in online; close in words to staff-adoption, which is about the marina's own staff; no entry addresses it",
 DX: "getting the marina's data back out if they leave (exit, ownership, vendor failure); close in words to data-migration (importing records) and to contract-terms; no entry addresses it",
 OC: "no mobile signal or internet on the pontoons and in the yard, or after storms; close in words to staff-adoption and season; no entry addresses it",
}

def line_of(path, anchor):
    text = open(path, encoding="utf-8").read()
    n = text.count(anchor)
    if n != 1:
        sys.exit(f"anchor {'missing' if n == 0 else f'ambiguous ({n})'} in {path}: {anchor!r}")
    return text[:text.index(anchor)].count("\n") + 1

def main():
    calls, negs, mentions, seen = {}, [], {}, {}
    for name, items in CALLS.items():
        rel = "calls/" + name
        path = os.path.join(KB, rel)
        lines = open(path, encoding="utf-8").read().split("\n")
        for label, speaker, anchor, o in items:
            ln = line_of(path, anchor)
            if not name.endswith(".json") or "@" in speaker:
                window = lines[ln - 1]
                if speaker not in window:
                    sys.exit(f"speaker {speaker} not found at {rel}:{ln}")
            key = (rel, ln)
            if key in seen and (seen[key].startswith("NEG") or label.startswith("NEG")):
                sys.exit(f"negative on a labelled line: {rel}:{ln}")
            seen[key] = label
            if label.startswith("NEG:"):
                n = {"path": rel, "line": ln, "speaker": speaker, "rules": ["objection-gap"], "kind": label[4:],
                     "note": o.get("note", label[4:].replace("-", " ") + ": not an objection")}
                negs.append(n)
                continue
            e = {"snippet": anchor.split(">", 1)[-1].split(": ", 1)[-1].strip('"'), "objection": label, "line": ln, "speaker": speaker}
            if o.get("turn"):
                e["turn_lines"] = sorted({ln} | {line_of(path, a) for a in o["turn"]})
            if o.get("opt"):
                e["optional"] = True
            if o.get("note"):
                e["note"] = o["note"]
            calls.setdefault(rel, []).append(e)
            mentions.setdefault(label, []).append({"path": rel, "line": ln})
    for rel in calls:
        calls[rel].sort(key=lambda e: e["line"])
    for tid in COVERAGE:
        if tid.startswith("objections/"):
            assert os.path.exists(os.path.join(KB, tid + ".md")), tid
    expected = []
    for tid, covered in COVERAGE.items():
        if covered:
            continue
        ms = sorted(mentions[tid], key=lambda m: (m["path"], m["line"]))
        assert len({m["path"] for m in ms}) >= 2, tid
        g = {"rule": "objection-gap", "objection": tid, "path": ms[0]["path"], "line": ms[0]["line"], "mentions": ms}
        if tid.startswith("objections/"):
            g["alt_paths"] = [tid + ".md"]
        g["note"] = GAP_NOTES[tid] + "; a tool may report the gap once per theme or once per mention"
        expected.append(g)
    labels = {
        "today": TODAY, "kb": "kb", "drafts": [],
        "audit": {"rules": ["objection-gap"], "expected": expected, "negatives": sorted(negs, key=lambda n: (n["path"], n["line"]))},
        "objections": {"calls": dict(sorted(calls.items())), "coverage": COVERAGE},
    }
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(labels, f, indent=1, ensure_ascii=False)
        f.write("\n")
    ne = sum(1 for c in calls.values() for e in c if not e.get("optional"))
    no = sum(1 for c in calls.values() for e in c if e.get("optional"))
    print(f"calls {len(CALLS)}, mentions {ne} expected + {no} optional, negatives {len(negs)}, gaps {len(expected)}")
    for tid in COVERAGE:
        ms = mentions.get(tid, [])
        print(f"  {tid}: {len(ms)} mentions in {len({m['path'] for m in ms})} calls, covered={COVERAGE[tid]}")

if __name__ == "__main__":
    main()
