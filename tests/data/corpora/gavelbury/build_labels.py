#!/usr/bin/env python3
"""Build labels.json for the Gavelbury corpus from anchor strings (stdlib only).

Each anchor must occur exactly once in its call file; the script computes 1-based line numbers,
derives the speaker from the line, refuses missing or ambiguous anchors, refuses a label on an
internal speaker, and refuses a negative on a labelled line.
Run: python3 build_labels.py  (writes labels.json next to this script)
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KB = os.path.join(HERE, "kb")
INTERNAL = {"Imogen Hartley", "Callum Reid", "Niamh Gallagher", "Thabo Mokoena", "Josh Whitlam", "Priyanka Desai"}

P, T, M = "objections/pricing", "objections/contract-terms", "objections/catalogue-migration"
R, B, S = "objections/live-bidding-reliability", "objections/bidder-adoption", "objections/payment-security"
FEE, AML, POACH = "new:bidder-surcharge", "new:aml-buyer-checks", "new:bidder-poaching"

# call -> list of (anchor, objection, optional, end_anchor_of_turn_or_None, note)
CALLS = {
 "calls/2026-08-05-hartwell-and-croft.vtt": [
  ("What happens if your end goes wobbly", R, False, None, "incumbent froze at the Christmas sale; fears the same on Gavelbury"),
  ("And the online bidders are never a couple of seconds behind", R, False, None, "lag behind the room"),
  ("It's a lot, Imogen", P, False, None, "subscription against a general sale's commission"),
  ("Against the commission. That's how my father", P, True, None, "answer to the rep's question; continues the price objection"),
  ("I'm not sure the partners will wear another software cost", P, False, None, "no budget this side of the new year"),
 ],
 "calls/2026-08-12-quinlan-fine-art.srt": [
  ("That archive is the business", M, True, None, "sets up the migration worry"),
  ("I am not spending the winter re-keying", M, False, None, "re-keying ninety thousand lots; lost notes fields last time"),
  ("So when you say migration, I hear that.", M, True, None, "short follow-up"),
  ("And the provenance notes? The ones in Word documents?", M, True, None, "follow-up question within the migration objection"),
  ("we got badly caught last spring", S, True, None, "chargeback story on a collected lot"),
  ("I'm nervous, I won't lie", S, False, None, "online payments from strangers"),
 ],
 "calls/2026-08-19-bowerbird-auctions.json": [
  ("yeah look i get the theory josh but our buyers um", B, False, "bidding on a box of crystal", "regulars are seventy plus and will not bid on an app"),
  ("the dealers wouldn't either they like being in the room", B, False, "they like seeing who's bidding", "dealers prefer the room"),
  ("i reckon you'd be selling us something for buyers we haven't got", B, False, None, "restated in her own words"),
  ("can i ask about the fees though", FEE, True, "for anyone bidding online", "incumbent's online surcharge on bidders (story)"),
  ("and our buyers went off", FEE, False, "they just won't bid", "another charge on bidders on top of the premium; close to pricing in words, about the buyers' cost"),
  ("we had blokes ringing up abusing sharon", FEE, True, "that's what killed it for us", "story about the incumbent's fee"),
  ("yeah because if it's another surcharge on our buyers", FEE, False, "doesn't matter what it costs us", "explicitly not about the house's own cost"),
 ],
 "calls/2026-08-27-kestrel-road-salerooms.txt": [
  ("But the number is a problem", P, False, None, "more than double the current system"),
  ("Free versus this", P, False, None, "current system is paid for"),
  ("I still have to walk into a partners' meeting with a new cost", P, False, None, ""),
  ("I'm not doing three years with a company we've never worked with", T, False, None, "locked in for five years by the last platform"),
  ("One year, or I want a way out if the fall sales go badly", T, False, None, ""),
  ("That's the one that decides it", T, True, None, "short follow-up"),
 ],
 "calls/2026-09-03-morrow-and-vance.vtt": [
  ("Sipho Ndlovu: we use a um a european platform", R, True, "six minutes in the middle of the stern lots", "incumbent feed dropped (story)"),
  ("so my my problem with any of these is", R, False, "it will go down", "if the line goes down on a big night"),
  ("Sipho Ndlovu: and if it's our side", R, True, "our internet", "short follow-up"),
  ("okay but i'd want to see that not hear about it", R, True, None, "follow-up"),
  ("can i ask something different", POACH, True, "they send our bidders emails about other houses sales", "incumbent markets other houses to their bidders (story)"),
  ("we built that client list over thirty years", POACH, True, "because they registered to bid with us", "story; close to bidder-adoption in words"),
  ("so before anything else i need to know", POACH, False, "do you market other houses to them", "do bidders become the platform's bidders"),
  ("that's a big one for us ja", POACH, True, "that's the family silver", "follow-up"),
  ("Annelie Botha: please", POACH, False, "we'd rather stay with the phones", "deal-breaker if bidders are shared"),
 ],
 "calls/2026-09-10-ashdown-collective.json": [
  ("What stops someone registering with a stolen card", S, False, None, "stolen card on a high-value lot"),
  ("And if they pay by card and then dispute it after collection?", S, True, None, "follow-up on chargebacks"),
  ("We had a very expensive dispute on a Cartier piece", S, True, None, "insurers want it in writing"),
  ("We're an art market participant under the money laundering regulations", AML, False, None, "customer due diligence over EUR 10,000; close to payment security in words"),
  ("It's a nightmare with online buyers. Half of them we've never met.", AML, True, None, "short follow-up; could read as payment fraud"),
  ("So my question is whether your platform does any of that", AML, False, None, "cannot complete a sale without verifying the buyer"),
  ("If you can't help with it, that doesn't kill the deal", AML, False, None, "manual work; supervision visit in March"),
 ],
 "calls/2026-09-17-tidewater-estates.txt": [],
 "calls/2026-09-24-jacaranda-house.srt": [
  ("and our buyers just", B, False, "they're not bidding on a screen", "dealers and older collectors want to see the piece"),
  ("and the ones who bid online didn't pay", S, True, "that was the other thing", "non-paying online bidders; arguably payment risk"),
  ("so when you say online bidding i i hear", B, False, "we pay for something our buyers won't use", ""),
  ("maybe | i'm not convinced".split(" | ")[1], B, True, None, "follow-up"),
  ("so when someone registers through your platform to bid on our sale", POACH, False, "recommending their sales", "who owns the bidder"),
  ("we basically paid them to give our buyers", POACH, True, "to our competition", "story about the incumbent"),
  ("that's the part that made me angry honestly", POACH, True, "not the the tech", "follow-up"),
  ("so is gavel berry a marketplace or is it ours", POACH, False, None, "misheard company name"),
  ("because if it's the same thing", POACH, False, "it's a no", ""),
 ],
 "calls/2026-10-01-fenwick-lyle.json": [
  ("The problem is the number", P, False, None, "more than website and catalogue printing together"),
  ("Paul looks at it against one sale's commission", P, False, None, ""),
  ("our buyers pay their internet fee on top of our premium", FEE, True, None, "incumbent's bidder fee (story); close to pricing in words"),
  ("So before I move, I need to know what your platform charges our bidders", FEE, False, None, "would rather not offer online than sting buyers with a fee"),
  ("It matters more to me than our own fee, honestly.", FEE, True, None, "follow-up; explicitly not the house's own cost"),
  ("The three years. We've never signed anything for three years", T, False, None, ""),
  ("And the lease was a mistake.", T, True, None, "aside"),
  ("Could we do a season, the autumn sales, and then decide?", T, False, None, "asks for a pilot season"),
  ("But a season first would make it much easier for Paul.", T, True, None, "follow-up"),
 ],
 "calls/2026-10-08-st-brigids-salerooms.json": [
  ("because the broadband in half these houses is a joke", R, True, None, "context for on-site sales; arguable"),
  ("So my worry, and it's the only one I have really", R, False, None, "connection failing mid-sale in a marquee"),
  ("And I'm told your lot had an outage in the summer.", R, False, None, "directed at Gavelbury"),
  ("Satellite. In a marquee.", R, True, None, "sceptical follow-up"),
  ("I'd want to see it working in a field, not on a slide.", R, True, None, "follow-up"),
 ],
 "calls/2026-10-15-ridgeway-numismatics.vtt": [
  ("comes across mangled", M, False, None, "pedigree fields lost or unsearchable; no season to fix by hand"),
  ("Two trial imports. And if the second one is still wrong?", M, True, None, "follow-up"),
  ("well over the ten thousand euro line for the money laundering rules", AML, False, None, "buyers over the threshold must be checked"),
  ("I need to know whether your platform helps with any of that", AML, False, None, "customer due diligence by email"),
  ("We're registered with HMRC as an art market participant", AML, False, None, ""),
 ],
 "calls/2026-10-22-wattle-and-stone.json": [
  ("the thing is josh our blokes", B, False, "it's for people who aren't our buyers", "local farmers will not register on a website"),
  ("yeah maybe but i'm not paying for a system so three people in melbourne", B, False, None, "close to pricing in words; the concern is take-up"),
  ("yeah we'll see", B, True, None, "follow-up"),
  ("the other thing is the money", S, False, "that's us done", "dodgy card, collected tractor, reversed payment"),
  ("it happened to a mate of mine in dubbo", S, True, "gone", "story"),
 ],
 "calls/2026-10-29-cairnfield-auctions.srt": [
  ("The price is the issue", P, False, None, "more than a senior cataloguer's pay"),
  ("The cataloguer. That's the real money in this business.", P, True, None, "answer to the rep's question"),
  ("Still. It's too much for us in this shape.", P, False, None, ""),
  ("charges them an extra five percent on top of our premium", FEE, True, None, "incumbent's bidder fee (story)"),
  ("So if your online bidding adds anything for the bidder", FEE, False, None, "separate from what the house pays"),
  ("It's honestly as important as the subscription.", FEE, True, None, "follow-up"),
  ("More, maybe. Our buyers are our business.", FEE, True, None, "follow-up"),
 ],
 "calls/2026-11-05-oldcastle-rooms.txt": [
  ("and it's grand mostly but the the the lag", R, True, "sorry the lag is what kills me", "incumbent lag (story)"),
  ("so if we move to yours i need to know the the online bidders", R, False, None, "online bidders behind the room"),
  ("i'd want that yeah and a proper one not a a demo", R, True, None, "follow-up"),
  ("so our our bidders on the big site", POACH, True, None, "incumbent emails their bidders about other houses (story)"),
  ("so my question is who owns the bidders if they sign up through you", POACH, False, "are they ours or do you use them", ""),
  ("please because that's the main reason we'd leave the big site", POACH, False, "if yours is the same it's it's pointless", ""),
 ],
 "calls/2026-11-12-van-der-berg-gallery.vtt": [
  ("I'm not committing the gallery to three years", T, False, None, "one year, then extend"),
  ("Our last software contract was five years", T, True, None, "story"),
  ("It's the one thing I'd need to see changed before we sign.", T, True, None, "follow-up"),
  ("It's FICA. We're an accountable institution", AML, False, None, "FICA verification of buyers; close to payment security"),
  ("The FIC inspection last year was not fun.", AML, True, None, "follow-up"),
  ("So this is a real requirement for us, not a nice-to-have.", AML, True, None, "follow-up"),
 ],
}

# lines that are not objections: pain today, questions, buying signals, logistics, small talk
NEGATIVES = {
 "calls/2026-08-05-hartwell-and-croft.vtt": [
  ("It's the three days afterwards that kill us", "pain today: back office after the sale"),
  ("It works, mostly.", "describes the incumbent; not an objection to Gavelbury"),
  ("Automatically as in that evening?", "question asking for information"),
  ("Oh, I'd like that very much.", "buying signal"),
  ("Tuesday afternoons are best for me.", "logistics"),
 ],
 "calls/2026-08-12-quinlan-fine-art.srt": [
  ("Somewhere north of ninety thousand.", "prospect's own volume"),
  ("What about the website? Does the catalogue go onto our own site or yours?", "question"),
  ("Our web fella charges us every time he touches it.", "cost of their web developer; not a pricing objection"),
  ("Well, that would please our accountant.", "buying signal"),
  ("we've a valuation day", "logistics"),
 ],
 "calls/2026-08-19-bowerbird-auctions.json": [
  ("and the room's getting thinner every year honestly", "pain today; not bidder adoption"),
  ("that's room and commission bits and phones", "describes today's sale (misheard 'bids')"),
  ("well that i would like", "buying signal"),
  ("not thursday thursday's viewing", "logistics"),
 ],
 "calls/2026-08-27-kestrel-road-salerooms.txt": [
  ("First, the migration fee. Is that fixed", "question about the proposal"),
  ("that's included in the subscription, not per lot?", "question"),
  ("Two days, three after a big one.", "pain today"),
  ("Do you integrate with QuickBooks Online?", "question"),
  ("Great, she'll be relieved.", "buying signal"),
  ("on the road doing valuations in Kingston", "logistics"),
 ],
 "calls/2026-09-03-morrow-and-vance.vtt": [
  ("the load shedding schedule says we've got power till twelve", "small talk"),
  ("one night can be forty percent of our year", "prospect's own figure"),
  ("it takes me the whole next week after the big sale", "pain today"),
  ("before the end of the month please", "logistics"),
 ],
 "calls/2026-09-10-ashdown-collective.json": [
  ("We were impressed, genuinely.", "buying signal"),
  ("how quickly could we be running a sale?", "question / buying signal"),
  ("\"Friday morning.\"", "logistics"),
 ],
 "calls/2026-09-17-tidewater-estates.txt": [
  ("it rained the whole time", "small talk"),
  ("three different programs and a whiteboard", "pain today"),
  ("every consignor phones the Monday after a sale", "pain today"),
  ("What internet setup do you recommend in the room", "question; close in words to live-bidding reliability"),
  ("How long would it take to get our catalogue archive across?", "question; close in words to catalogue migration"),
  ("Is February realistic?", "buying signal"),
  ("Then let's book the scoping now.", "buying signal"),
 ],
 "calls/2026-09-24-jacaranda-house.srt": [
  ("i'm on the n1", "small talk"),
  ("what does it cost roughly for a house like ours", "question asking for a ballpark; not a pricing objection"),
  ("okay send it", "logistics"),
  ("i'm going into a a tunnel", "small talk"),
 ],
 "calls/2026-10-01-fenwick-lyle.json": [
  ("It's gone, thank God.", "small talk"),
  ("about four days of my life, invoices and chasing", "pain today"),
  ("Thursday week is the viewing. Friday morning?", "logistics"),
 ],
 "calls/2026-10-08-st-brigids-salerooms.json": [
  ("Sideways. Standard.", "small talk"),
  ("Can the catalogue go to the printer from your system?", "question"),
  ("Grand. That would save me a week.", "buying signal"),
  ("If that looks right, we'll talk properly about the spring sale.", "buying signal"),
 ],
 "calls/2026-10-15-ridgeway-numismatics.vtt": [
  ("I'd want to pick the sample lots myself", "engagement with the migration plan"),
  ("Can it show both sides of a coin", "question"),
 ],
 "calls/2026-10-22-wattle-and-stone.json": [
  ("phone bids", "describes today"),
  ("which might be good mind you", "buying signal"),
  ("ok that's", "buying signal after the payment answer"),
  ("what's the um the training like for the clerks", "question"),
  ("anything but november", "logistics"),
 ],
 "calls/2026-10-29-cairnfield-auctions.srt": [
  ("We were just arguing about hockey.", "small talk"),
  ("The time after each sale is me", "pain today"),
  ("They would. They ring every Monday.", "agreement"),
  ("Wednesday's good.", "logistics"),
 ],
 "calls/2026-11-05-oldcastle-rooms.txt": [
  ("it's me and a a spreadsheet and a lot of tea", "pain today"),
  ("that i'd take tomorrow", "buying signal"),
  ("after the december sale please", "logistics"),
 ],
 "calls/2026-11-12-van-der-berg-gallery.vtt": [
  ("so be nice", "small talk"),
  ("We have about eight thousand past works in a Google Sheet", "question; close in words to catalogue migration"),
  ("I was dreading that less than the rest", "reassured; not an objection"),
  ("The 26th is fine.", "logistics"),
 ],
}

GAP_PATH = {  # the most central mention of each uncovered objection or theme
 T: ("calls/2026-08-27-kestrel-road-salerooms.txt", "I'm not doing three years with a company we've never worked with"),
 FEE: ("calls/2026-10-29-cairnfield-auctions.srt", "So if your online bidding adds anything for the bidder"),
 AML: ("calls/2026-09-10-ashdown-collective.json", "We're an art market participant under the money laundering regulations"),
 POACH: ("calls/2026-11-05-oldcastle-rooms.txt", "so my question is who owns the bidders if they sign up through you"),
}
GAP_NOTE = {
 T: "known objection (objections/contract-terms.md); its only answer, answers/contract-terms, is status: draft",
 FEE: "prospects fear an online surcharge on their bidders on top of the buyer's premium; no objection entry or approved entry covers what bidders pay; objections/pricing is about the house's own subscription",
 AML: "prospects need anti-money-laundering checks (customer due diligence, FICA) on high-value buyers; objections/payment-security is about card fraud and chargebacks; the enablement article says there is no approved answer",
 POACH: "prospects fear the platform will market other houses' sales to bidders who registered with them; objections/bidder-adoption is about bidders not using online bidding at all",
}
COVERAGE = {P: True, M: True, R: True, B: True, S: True, T: False, FEE: False, AML: False, POACH: False}


def lines_of(rel):
    with open(os.path.join(KB, rel), encoding="utf-8") as f:
        return f.read().split("\n")


def find(rel, anchor):
    text = open(os.path.join(KB, rel), encoding="utf-8").read()
    n = text.count(anchor)
    if n != 1:
        sys.exit(f"anchor {anchor!r} occurs {n} times in {rel}")
    return text[: text.index(anchor)].count("\n") + 1


def speaker_of(rel, lines, ln):
    s = lines[ln - 1]
    for pat in (r"<v ([^>]+)>", r"^\[\d\d:\d\d:\d\d\] ([^:]+):", r'"speaker": "([^"]+)"', r"^([^:\[{\"]+):"):
        m = re.search(pat, s)
        if m:
            return m.group(1)
    if rel.endswith(".json"):  # parties/transcript: walk back to the turn's speakerId
        for back in range(ln - 1, 0, -1):
            m = re.search(r'"speakerId": "(\d+)", "topic"', lines[back - 1])
            if m:
                for line in lines:
                    p = re.search(rf'"speakerId": "{m.group(1)}", "name": "([^"]+)"', line)
                    if p:
                        return p.group(1)
    sys.exit(f"no speaker for {rel}:{ln}")


def is_text_line(rel, s):
    return '"text"' in s if rel.endswith(".json") else bool(re.search(r"^(<v |\[\d|[^:]+: )", s))


def main():
    labels = {"kb": "kb", "today": "2026-12-01", "objections": {"calls": {}, "coverage": COVERAGE},
              "audit": {"rules": ["objection-gap"], "expected": [], "negatives": []}}
    labelled = set()
    mentions = {}
    for rel, items in CALLS.items():
        lines = lines_of(rel)
        out = []
        for anchor, obj, opt, end, note in items:
            ln = find(rel, anchor)
            sp = speaker_of(rel, lines, ln)
            if sp in INTERNAL or "gavelbury.example" in sp:
                sys.exit(f"label on internal speaker {sp} at {rel}:{ln}")
            e = {"snippet": anchor, "line": ln, "objection": obj, "speaker": sp}
            if end:
                el = find(rel, end)
                tl = [i for i in range(ln, el + 1) if is_text_line(rel, lines[i - 1])]
                if el < ln or any(speaker_of(rel, lines, i) != sp for i in tl):
                    sys.exit(f"turn {anchor!r}..{end!r} in {rel} spans speakers")
                if len(tl) > 1:
                    e["turn_lines"] = tl
            if opt:
                e["optional"] = True
            if note:
                e["note"] = note
            out.append(e)
            labelled.update((rel, t) for t in e.get("turn_lines", [ln]))
            mentions.setdefault(obj, []).append({"path": rel, "line": ln})
        labels["objections"]["calls"][rel] = out
    for obj, covered in COVERAGE.items():
        if covered:
            continue
        rel, anchor = GAP_PATH[obj]
        g = {"rule": "objection-gap", "objection": obj, "path": rel, "line": find(rel, anchor),
             "mentions": mentions[obj], "note": GAP_NOTE[obj] + "; a tool may report the gap once per theme or once per mention"}
        if not obj.startswith("new:"):
            g["alt_paths"] = [obj + ".md"]
        if not any(m["path"] == rel and m["line"] == g["line"] for m in mentions[obj]):
            sys.exit(f"gap path not among mentions: {obj}")
        labels["audit"]["expected"].append(g)
    for rel, items in NEGATIVES.items():
        lines = lines_of(rel)
        for anchor, note in items:
            ln = find(rel, anchor)
            if (rel, ln) in labelled:
                sys.exit(f"negative on a labelled line: {rel}:{ln}")
            sp = speaker_of(rel, lines, ln)
            labels["audit"]["negatives"].append({"path": rel, "line": ln, "rules": ["objection-gap"], "speaker": sp, "note": note})
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(labels, f, indent=1, ensure_ascii=False)
        f.write("\n")
    req = sum(1 for v in labels["objections"]["calls"].values() for e in v if not e.get("optional"))
    opt = sum(1 for v in labels["objections"]["calls"].values() for e in v if e.get("optional"))
    print(f"mentions: {req} expected, {opt} optional; gaps: {len(labels['audit']['expected'])}; "
          f"negatives: {len(labels['audit']['negatives'])}")


if __name__ == "__main__":
    main()
