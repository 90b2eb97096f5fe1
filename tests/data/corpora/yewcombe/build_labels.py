#!/usr/bin/env python3
"""Build labels.json for the yewcombe corpus from anchor strings (stdlib only).

Each anchor must occur exactly once in its call file; the script turns it into a 1-based line.
A labelled mention may list `more` anchors: the other lines of the same speaker turn (cues or
sentences the turn is split across); they become `turn_lines`. Negatives are external turns that
carry no objection (pain today, questions, buying signals, logistics, small talk); the script
refuses a negative on a labelled line.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KB = os.path.join(HERE, "kb")

PR, MIG, INT, STAFF, PRIV, CON = ("objections/pricing", "objections/data-migration",
                                  "objections/integrations", "objections/staff-adoption",
                                  "objections/family-data-privacy", "objections/contract-length")
OFF, PORTAL, PRE = "new:offline-connectivity", "new:family-portal-reluctance", "new:preneed-compliance"

# call -> list of (objection, speaker, anchor, [more anchors])
M = {
 "2026-09-03-mcgarrigle-funerals.txt": [
  (PR, "Declan McGarrigle", "that's a fair whack of money for a firm our size", []),
  (PR, "Declan McGarrigle", "the old system cost us nothing since 2014", []),
  (OFF, "Declan McGarrigle", "the place in Glenties has no broadband worth talking about", []),
  (OFF, "Declan McGarrigle", "waiting on a wheel to stop spinning", []),
  (OFF, "Declan McGarrigle", "it's just the way it is out here", []),
 ],
 "2026-09-08-asante-memorial.json": [
  (PR, "Ama Asante", "In dollars, with the way the cedi is moving", ['"Hmm."', "Every year the dollar price goes up"]),
  (OFF, "Yaw Asante", "Light off is a serious matter here.", ["Then another thing.", "When there is dumsor for six hours"]),
  (OFF, "Yaw Asante", "If your system needs internet every minute", []),
 ],
 "2026-09-11-thibodeaux-funeral-home.vtt": [
  (PRE, "Remy Thibodeaux", "Now here's where I get nervous.", ["If your system is gonna hold those pre-need contracts"]),
  (PRE, "Remy Thibodeaux", "Attaching it is one thing.", []),
  (CON, "Josette Thibodeaux", "The other thing, and Remy'll say I'm being ugly", ["I'm not signing anything three years out"]),
  (CON, "Josette Thibodeaux", "Bless your heart, I know you'll try.", []),
 ],
 "2026-09-15-ridsdale-funeral-directors.srt": [
  (STAFF, "Keith Ridsdale", "It's not the office I'm worried about.", ["Our bearers are all part-timers"]),
  (PORTAL, "Helen Ridsdale", "This family portal thing.", ["A widow of seventy-eight in Settle", "palming her off onto a website"]),
  (PORTAL, "Helen Ridsdale", "weren't sending them emails they didn't ask for", []),
 ],
 "2026-09-18-lachance-and-son.json": [
  (INT, "Marc-André Gagnon", "Directly, or an export I must import every night?", []),
  (INT, "Marc-André Gagnon", "If I still need to enter the cremation fees", []),
  (INT, "Marc-André Gagnon", "I will need to see it with our chart of accounts", []),
  (PRIV, "Sylvie Lachance", "Since Law 25 here in Québec", []),
  (PRIV, "Sylvie Lachance", "Where is this data? Who at Yewcombe can open a file?", []),
 ],
 "2026-09-22-oconnell-undertakers.vtt": [
  (MIG, "Pádraig O'Connell", "and i'm not i'm not moving to anything where that history is gone", ["the same hymns the same everything"]),
  (MIG, "Fiona O'Connell", "and who's checking all that", ["i'm not going through that again"]),
  (CON, "Fiona O'Connell", "and the the contract you sent over it says thirty six months", ["that's that's a long time for us to be tied in"]),
  (CON, "Fiona O'Connell", "because we'd want to be able to walk away", []),
 ],
 "2026-09-25-boateng-funeral-services.srt": [
  (PRIV, "Nana Akwasi Boateng", "but my worry is this one the the information for the families", ["because we have bodies from curly boo", "if that one goes outside somebody will post it"]),
  (PRIV, "Nana Akwasi Boateng", "but is it in ghana or in america", ["and i want the paper you know the the certificate"]),
  (OFF, "Efua Boateng", "and the other thing kofi is the light the the dumb so", ["when the light is off and the the vodafone network", "because bodies are coming in at night", "who brought it what time which family"]),
  (OFF, "Efua Boateng", "please ask them because here in tema and kasoa", []),
 ],
 "2026-09-29-pettigrew-and-daughters.txt": [
  (PR, "LaDonna Pettigrew", "that number made me sit down", []),
  (PR, "Darnell Pettigrew", "our margins aren't theirs", []),
  (PORTAL, "Darnell Pettigrew", "For some families, sure.", ["If we start sending folks to a website"]),
  (PRE, "LaDonna Pettigrew", "We sell a lot of pre-need.", ["If I'm putting my pre-need contracts into your system"]),
 ],
 "2026-10-02-makepeace-funeral-service.json": [
  (STAFF, "Barry Makepeace", "half my lads don't have a smartphone", ["and the ones that do won't look at it they ring janice"]),
  (STAFF, "Barry Makepeace", "we had a system in two thousand and twelve", ["i'm not spending money on that again"]),
  (STAFF, "Janice Holt", "and i can't be off for a week being trained either not with", ["not with the way it is at the minute"]),
  (PR, "Barry Makepeace", "and what's it cost us then all in", ["was more than we pay the the lass who does the flowers", "for a firm our size doing what two hundred a year"]),
  (PR, "Barry Makepeace", "aye they all say that", []),
 ],
 "2026-10-06-fraser-macleod-funeral-home.json": [
  (OFF, "Heather Fraser-MacLeod", "The Eastern Shore place, the internet is satellite", []),
  (OFF, "Callum MacLeod", "we lost power and internet here in town for three days", []),
  (OFF, "Heather Fraser-MacLeod", "Please do. It's not a small thing for us.", []),
  (PRIV, "Callum MacLeod", "The other one is the privacy side.", []),
  (MIG, "Heather Fraser-MacLeod", "Now the records. We've about forty years", []),
 ],
 "2026-10-09-dunwoody-memorial-chapel.vtt": [
  (INT, "Shelby Dunwoody", "and i'm not paying for another system if i'm still doing it twice", ["yeah so i do the books um we're on quick books online", "and the cash advance items the the flowers"]),
  (INT, "Shelby Dunwoody", "okay i'll believe it when i see it in our books", []),
  (PRE, "Wade Dunwoody", "the bigger thing for me is is the pre kneed side", ["we got about um about four hundred pre kneed contracts", "they come audit us and they want every contract", "i got a compliance problem not a software problem"]),
  (PRE, "Wade Dunwoody", "i'd need that before i move the pre kneeds over", []),
 ],
 "2026-10-14-keane-funeral-home.srt": [
  (PORTAL, "Nuala Keane", "Here's my thing, Orla. The family portal.", ["And a family in the worst week of their lives"]),
  (PORTAL, "Nuala Keane", "I'd want it off by default", []),
  (CON, "Nuala Keane", "And the second thing is the contract.", ["If we're not getting on with it after a year"]),
  (CON, "Nuala Keane", "Because that's the one that'd stop me.", []),
 ],
 "2026-10-20-hebblethwaite-and-sons.srt": [
  (MIG, "Lorraine Hebblethwaite", "right well that's my that's my big worry like", ["we've got everything on the the old caseware thing", "it doesn't export properly", "and if that's all got to be typed in again"]),
  (MIG, "Lorraine Hebblethwaite", "and the the pre-paid plans the ones folk have paid in advance", ["if one of them goes missing that's somebody's mam's funeral"]),
  (INT, "Lorraine Hebblethwaite", "xero aye and if i'm copying every invoice across", ["then what's the point i'm doing that now"]),
  (CON, "Ian Hebblethwaite", "aye well that's the bit i'm not keen on", ["three year's a long time if it doesn't work out"]),
 ],
 "2026-10-26-stewart-family-funeral-chapel.json": [
  (PR, "Rhonda Stewart", "Where we're stuck is the money.", []),
  (PR, "Rhonda Stewart", "It's not that it isn't worth something.", []),
  (STAFF, "Brent Kowalchuk", "My question is staff.", []),
  (STAFF, "Brent Kowalchuk", "And we can't shut down for training.", []),
 ],
 "2026-11-04-owusu-ansah-funeral-home.txt": [
  (INT, "Abena Owusu-Ansah", "If your system cannot send the payments to QuickBooks", []),
  (MIG, "Kwame Owusu-Ansah", "If we start the new system, the old records must come inside.", []),
 ],
}

# call -> list of (anchor, note): external turns that raise no objection
N = {
 "2026-09-03-mcgarrigle-funerals.txt": [
  ("I'm just after getting back from a removal in Dungloe", "small talk"),
  ("Wild. Sure when is it not.", "small talk"),
  ("We'd do about a hundred and ten funerals a year", "pain today and own volumes, not an objection"),
  ("Would it do the notice for RIP.ie in their format?", "question asking for information"),
  ("Friday morning, before ten.", "logistics"),
 ],
 "2026-09-08-asante-memorial.json": [
  ("Saturdays are full, every Saturday", "small talk, business is good"),
  ("Right now it is one big register book and my phone.", "pain today"),
  ("A family pays a little at a time", "pain today"),
  ("How much is it per month, in cedis?", "a price question, not yet an objection"),
  ("Also can the family abroad see the programme", "question; the portal is wanted here"),
  ("Our clients in the diaspora will like it.", "buying signal"),
  ("Not Saturday, please.", "logistics"),
 ],
 "2026-09-11-thibodeaux-funeral-home.vtt": [
  ("Lord, did we. The parking lot was a lake Tuesday.", "small talk"),
  ("I'd love for the director in Raceland to see the case", "pain today"),
  ("Can the families see the service times online too", "question about the portal, interested: not portal reluctance"),
  ("Appreciate that. Honest is good.", "acknowledgement"),
  ("How long does it take to get up and running, if we went ahead?", "question asking for information, buying signal"),
  ("That'd put us right at the holidays.", "logistics, start date"),
 ],
 "2026-09-15-ridsdale-funeral-directors.srt": [
  ("the dog's decided now's the time to bark", "small talk"),
  ("Quiet, touch wood.", "small talk"),
  ("Everything goes through my desk and I'm doing it all twice.", "pain today (re-typing), not the integrations objection"),
  ("Two hundred and thirty, give or take.", "own volumes"),
  ("He'd like that, to be fair.", "logistics"),
 ],
 "2026-09-18-lachance-and-son.json": [
  ("we had a family come in without appointment", "small talk, apology"),
  ("An old system from a supplier in Ontario", "current system, pain today"),
  ("And for the books we use Sage 50", "information about their accounting package, not yet a concern"),
  ("Montreal, okay, that is good.", "concern resolved; asks for paperwork"),
  ("Also the interface, is it in French?", "question asking for information"),
  ("What is the price for two locations?", "a price question, not a price objection"),
  ("Next week, Thursday, we can do the demo", "logistics, buying signal"),
 ],
 "2026-09-22-oconnell-undertakers.vtt": [
  ("busy busy enough you know the time of year", "small talk"),
  ("a hundred and sixty maybe a hundred and seventy last year", "own volumes"),
  ("lovely thanks orla talk to you next week", "logistics"),
 ],
 "2026-09-25-boateng-funeral-services.srt": [
  ("we thank god we thank god", "small talk"),
  ("yes the portal my children in in london they liked it", "buying signal for the portal"),
  ("how much will the training cost for the staff is it included", "question asking for information"),
  ("thursday is fine but come early", "logistics"),
 ],
 "2026-09-29-pettigrew-and-daughters.txt": [
  ("Oh, it was beautiful. Deacon Haynes.", "small talk"),
  ("Can it print the programs?", "question asking for information"),
  ("That'd save me Thursday nights.", "buying signal"),
  ("Come on the Tuesday.", "logistics"),
 ],
 "2026-10-02-makepeace-funeral-service.json": [
  ("yeah that's that's the main thing for me", "what they want to see"),
  ("does it do the the cremation forms for burnley crem", "question asking for information"),
  ("ooh that'd be nice", "buying signal"),
  ("right well send us something in writing", "logistics"),
 ],
 "2026-10-06-fraser-macleod-funeral-home.json": [
  ("Callum's been up since five", "small talk"),
  ("A Windows program on one machine in the office.", "current system, pain today"),
  ("How many books, do you think, Callum?", "question between the prospects"),
  ("Thirty-one. I counted them last spring.", "own volumes"),
  ("we'll talk after the Ceilidh weekend", "logistics"),
 ],
 "2026-10-09-dunwoody-memorial-chapel.vtt": [
  ("oh man don't don't ask we lost by three", "small talk"),
  ("how long's it take to get it set up", "question asking for information"),
  ("alright well send me the the proposal", "logistics"),
 ],
 "2026-10-14-keane-funeral-home.srt": [
  ("we'd three in two days", "small talk"),
  ("It did. Big one in Oughterard", "small talk"),
  ("The crematorium booking alone.", "buying signal, pain today"),
  ("I'd use it for the emigrants, though.", "buying signal for the portal"),
  ("What notice do we need to give you", "logistics (start date), not the contract objection"),
 ],
 "2026-10-20-hebblethwaite-and-sons.srt": [
  ("aye canny canny we've had a week of it mind", "small talk"),
  ("how long would it take to get going", "question asking for information"),
  ("reet well send us the proposal over", "logistics"),
 ],
 "2026-10-26-stewart-family-funeral-chapel.json": [
  ("Minus twenty-two this morning.", "small talk"),
  ("We liked it. Honestly, we liked it a lot.", "buying signal"),
  ("I liked the day sheet on the phone.", "buying signal, pain today"),
  ("It might. Send it and I'll look.", "logistics"),
  ("How does pre-need show up?", "question about pre-need, not the pre-need compliance concern"),
  ("Okay, that's all we need there. The insurer does the rest.", "says pre-need is not a concern"),
  ("Could we go live before Christmas", "buying signal, timing"),
 ],
 "2026-11-04-owusu-ansah-funeral-home.txt": [
  ("Ah, that road.", "small talk"),
  ("I do the accounts in QuickBooks, and families pay us by mobile money", "pain today"),
  ("Record by hand, or it reads from MTN?", "question asking for information"),
  ("And the families abroad can see everything on the phone?", "question about the portal, interested"),
  ("Then our diaspora families will be happy.", "buying signal"),
  ("Bring the quote next week.", "logistics, buying signal"),
 ],
}

COVERAGE = {PR: True, MIG: True, INT: True, STAFF: True, PRIV: True, CON: False,
            OFF: False, PORTAL: False, PRE: False}
GAP_NOTES = {
 CON: "known objection (objections/contract-length.md); its only answer, answers/contract-terms, is status: draft",
 OFF: "rural homes and branches with no broadband, storms and power cuts: need to keep working offline; not a privacy or hosting-location concern; no entry addresses it",
 PORTAL: "bereaved, often elderly families should not be pushed to a portal or sent automated messages; the concern is the families and the firm's reputation, not the firm's staff (staff-adoption); no entry addresses it",
 PRE: "pre-need (funeral plan) contracts and trust money are regulated and audited by the state; Yewcombe does not do trust reporting; not the prospect's contract with Yewcombe (contract-length); no entry addresses it",
}
CENTRAL = {OFF: ("2026-10-06-fraser-macleod-funeral-home.json", "The Eastern Shore place, the internet is satellite"),
           PORTAL: ("2026-10-14-keane-funeral-home.srt", "Here's my thing, Orla. The family portal."),
           PRE: ("2026-10-09-dunwoody-memorial-chapel.vtt", "the bigger thing for me is is the pre kneed side")}


def line_of(call, anchor):
    text = open(os.path.join(KB, "calls", call), encoding="utf-8").read()
    n = text.count(anchor)
    if n != 1:
        sys.exit(f"anchor occurs {n} times in {call}: {anchor!r}")
    return text[: text.index(anchor)].count("\n") + 1


def main():
    calls, labelled, negs = {}, {}, []
    objs = set(COVERAGE)
    for call, items in M.items():
        out = []
        for obj, speaker, anchor, more in items:
            if obj not in objs:
                sys.exit(f"unknown objection {obj}")
            ln = line_of(call, anchor)
            row = open(os.path.join(KB, "calls", call), encoding="utf-8").read().split("\n")[ln - 1]
            if not call.endswith(".json") or '"speaker"' in row:
                if speaker not in row:
                    sys.exit(f"speaker {speaker} not on line {ln} of {call}")
            rec = {"snippet": anchor, "line": ln, "objection": obj, "speaker": speaker}
            if more:
                rec["turn_lines"] = sorted({ln} | {line_of(call, a) for a in more})
            out.append(rec)
            labelled.setdefault(call, set()).update(rec.get("turn_lines", [ln]))
        calls["calls/" + call] = sorted(out, key=lambda r: r["line"])
    for call, items in N.items():
        for anchor, note in items:
            ln = line_of(call, anchor)
            if ln in labelled.get(call, set()):
                sys.exit(f"negative on a labelled line: {call}:{ln}")
            negs.append({"path": "calls/" + call, "line": ln, "rules": ["objection-gap"], "note": note})
    expected = []
    for obj, covered in COVERAGE.items():
        if covered:
            continue
        mentions = []
        for c, rows in calls.items():
            for r in rows:
                if r["objection"] == obj:
                    m = {"path": c, "line": r["line"]}
                    if "turn_lines" in r:
                        m["turn_lines"] = r["turn_lines"]
                    mentions.append(m)
        if obj.startswith("new:"):
            c, a = CENTRAL[obj]
            e = {"rule": "objection-gap", "objection": obj, "path": "calls/" + c, "line": line_of(c, a)}
        else:
            e = {"rule": "objection-gap", "objection": obj, "path": obj + ".md", "any_line": True,
                 "alt_paths": sorted({m["path"] for m in mentions})}
        e["mentions"] = mentions
        e["note"] = GAP_NOTES[obj] + "; a tool may report the gap once per theme or once per mention"
        expected.append(e)
    labels = {
        "today": "2026-12-01",
        "kb": "kb",
        "drafts": [],
        "audit": {"rules": ["objection-gap"], "expected": expected, "negatives": negs},
        "objections": {"calls": calls, "coverage": COVERAGE},
    }
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(labels, f, indent=1, ensure_ascii=False)
        f.write("\n")
    per = {}
    for rows in calls.values():
        for r in rows:
            per[r["objection"]] = per.get(r["objection"], 0) + 1
    callsper = {o: sum(1 for rows in calls.values() if any(r["objection"] == o for r in rows)) for o in per}
    print("calls:", len(calls), "mentions:", sum(per.values()), "negatives:", len(negs))
    for o in sorted(per):
        print(f"  {o}: {per[o]} mentions in {callsper[o]} calls")


if __name__ == "__main__":
    main()
