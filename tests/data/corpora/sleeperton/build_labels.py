#!/usr/bin/env python3
"""Build labels.json for the Sleeperton corpus from anchor strings (stdlib only).

Each anchor must occur exactly once in its file; the line is computed (1-based). A label's
turn_lines come from `also` anchors (a sentence split across cues) or, for JSON files in the
parties/transcript shape, from every sentence of the turn. A negative may not sit on a labelled
line or inside a labelled turn. Run: python3 build_labels.py  (writes labels.json next to it).
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KB = os.path.join(HERE, "kb")

U = "new:union-consultation"
FT = "new:framework-term"
DO = "new:client-data-ownership"
INT = "objections/integration"
PR = "objections/pricing"
FA = "objections/field-adoption"
IM = "objections/implementation"
SC = "objections/standards-compliance"
OFF = "objections/offline-working"

c1 = "calls/2026-08-05-clydeside-track.vtt"
c2 = "calls/2026-08-12-konkan-railtech.json"
c3 = "calls/2026-08-19-torrens-permanent-way.srt"
c4 = "calls/2026-08-26-lakeshore-trackworks.txt"
c5 = "calls/2026-09-02-athi-rail.json"
c6 = "calls/2026-09-09-kelvin-civils.vtt"
c7 = "calls/2026-09-16-western-ghats-infra.srt"
c8 = "calls/2026-09-23-spencer-gulf-rail.json"
c9 = "calls/2026-09-30-don-valley-rail.vtt"
c10 = "calls/2026-10-07-mombasa-track.srt"
c11 = "calls/2026-10-14-thane-permanent-way.json"
c12 = "calls/2026-10-21-ayrshire-rail.txt"
c13 = "calls/2026-10-28-barossa-track.vtt"
c14 = "calls/2026-11-04-humber-junction.json"
c15 = "calls/2026-11-11-nakuru-line.txt"
CALLS = [c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15]

# (call, anchor, objection, speaker, options)   options: optional=True, also=[anchors], note
M = [
    # 1 Glasgow
    (c1, "My boys on the track fill in paper sheets and they're not going to change now", FA, "Alasdair Munro", {}),
    (c1, "the RMT rep is going to call it a tracker", U, "Alasdair Munro", {"note": "location and sign-on data as monitoring, said right after the adoption worry; 'it's not the same thing'"}),
    (c1, "Took us four months of consultation. I'm not doing that again for a planning tool.", U, "Alasdair Munro", {}),
    (c1, "That's the bit that worries me too, to be honest.", U, "Morag Kerr", {"optional": True, "note": "short follow-up agreeing with the union worry"}),
    # 2 Mumbai
    (c2, "See, our workforce is mostly contract labour", PR, "Sandeep Deshmukh", {}),
    (c2, "the number you sent Priya is more than we spend on the whole planning cell", PR, "Sandeep Deshmukh", {}),
    (c2, '"text": "Still."', PR, "Sandeep Deshmukh", {"optional": True, "note": "one-word follow-up keeping the price objection open"}),
    (c2, "these belong to the railway, not to us", DO, "Priya Nair", {"note": "the railway owns the inspection data; consent needed before any outside server"}),
    (c2, "Without that letter nothing goes on the cloud, whatever the features.", DO, "Priya Nair", {}),
    (c2, "Nobody from my side can sit for training until the monsoon works are finished", IM, "Sandeep Deshmukh", {}),
    # 3 Adelaide
    (c3, "nothing we've bought has ever talked to it properly", INT, "Kylie Brennan", {}),
    (c3, "They won't build another interface, I can tell you that now.", INT, "Kylie Brennan", {}),
    (c3, "Someone being me.", INT, "Mick Papadopoulos", {"optional": True, "note": "short follow-up: he runs the Friday CSV export"}),
    (c3, "I can't sign up to anything that keeps us paying past the end of the panel", FT, "Kylie Brennan", {"note": "term tied to the ARTC panel contract, not the price"}),
    (c3, "It would have to end when the panel ends, or have a way out if we're not re-appointed", FT, "Kylie Brennan", {}),
    # 4 Toronto
    (c4, "Most of what we inspect on the subway contract is in tunnel", OFF, "Dev Sharma", {}),
    (c4, "It just spun. Guy came up at four in the morning with nothing saved.", OFF, "Dev Sharma", {"optional": True, "note": "follow-up story continuing the offline worry"}),
    (c4, "That's why Dev's still on paper, honestly.", OFF, "Jennifer Tremblay", {"optional": True, "note": "short follow-up"}),
    (c4, "If the auditor won't accept records out of your system", SC, "Jennifer Tremblay", {}),
    # 5 Nairobi
    (c5, "there is no network for many kilometres", OFF, "Otieno Odhiambo", {}),
    (c5, "If the app is the same, we have gained nothing.", OFF, "Otieno Odhiambo", {}),
    (c5, "I cannot sign a software contract for three years", FT, "Wanjiku Mwangi", {"note": "opens with 'And cost', but the concern is the term against a two-year Kenya Railways contract"}),
    (c5, "I do not want to be paying for planning seats with nothing to plan", FT, "Wanjiku Mwangi", {}),
    # 6 Glasgow raw ASR
    (c6, "every single thing we've bought that said it connects to ellipse", INT, "Gordon McLeish", {"also": ["our asset stuff is all in eclipse"]}),
    (c6, "right the bit i'm worried about is the the lads and the union", U, "Gordon McLeish", {"also": ["monitoring and we'd need to consult on it"], "note": "one sentence split across two cues"}),
    (c6, "if a manager can pull up a report of when a man clocked on", U, "Gordon McLeish", {}),
    (c6, "if your system spits out something they don't recognise", SC, "Gordon McLeish", {}),
    (c6, "and the network rail audit as well gordon", SC, "Shona Gallacher", {"optional": True, "note": "prompt that leads into the audit objection"}),
    # 7 Mumbai raw ASR
    (c7, "right now we are in the middle of monsoon works", IM, "Venkatesh Iyer", {"also": ["before that one thing i'll tell you frankly", "november end at least last time we did an erp rollout"], "note": "sentence split across cues"}),
    (c7, "i think twenty two tunnels on our section", OFF, "Anjali Patil", {"also": ["and also the tunnels no we have"]}),
    (c7, "all that is railway data", DO, "Venkatesh Iyer", {"also": ["the contract clearly says it is property of the railway", "who will take that permission us or you"], "note": "split across three cues"}),
    (c7, "okay send the details we'll see after monsoon", IM, "Venkatesh Iyer", {"optional": True, "note": "closing deferral, logistics or timing objection"}),
    # 8 Adelaide emails
    (c8, "For a business our size it's a big number", PR, "kate.oconnor@spencergulfrail.example", {}),
    (c8, "it comes out of this year's overheads and I haven't got a line for it", PR, "kate.oconnor@spencergulfrail.example", {}),
    (c8, "Anything that records where workers are or when they started", U, "tran.nguyen@spencergulfrail.example", {"note": "says adoption is not the problem; consultation under the enterprise agreement is"}),
    (c8, "The delegates will see it as time-and-attendance surveillance.", U, "tran.nguyen@spencergulfrail.example", {}),
    (c8, "That's a real one for us, not a brush-off.", U, "kate.oconnor@spencergulfrail.example", {"optional": True, "note": "short follow-up"}),
    # 9 Toronto
    (c9, "every integration we've done with SAP PM has broken on that field", INT, "Elena Kowalski", {}),
    (c9, "isn't ours. It's Metrolinx's data.", DO, "Marcus Chen", {"note": "'the integration is Elena's world. My concern's different'"}),
    (c9, "I can't load a single inspection until their data governance people sign off", DO, "Marcus Chen", {}),
    (c9, "One did. It took eight months and they gave up.", DO, "Marcus Chen", {"optional": True, "note": "follow-up"}),
    (c9, "Sure, but that's ten percent of the work.", DO, "Marcus Chen", {"optional": True, "note": "follow-up"}),
    (c9, "If the consent piece gets sorted", DO, "Marcus Chen", {"optional": True, "note": "conditional buying signal that restates the consent condition"}),
    # 10 Nairobi raw ASR
    (c10, "okay but you see my patrolmen most of them are old men", FA, "Joseph Kiprono", {"also": ["do not even have a smart phone they will not use this"]}),
    (c10, "the young ones yes but the the old ones are the ones who know the track", FA, "Joseph Kiprono", {"optional": True, "note": "follow-up"}),
    (c10, "amara another thing the contract with the with kenya railways", FT, "Halima Abdi", {"also": ["so we cannot commit for three years if we lose the bid who will pay"]}),
    (c10, "yes match the contract or we can exit if we lose", FT, "Halima Abdi", {"optional": True, "note": "short follow-up"}),
    # 11 Mumbai raw ASR meeting export
    (c11, "see rohan the main thing for us is the the rdso", SC, "Rajesh Joshi", {"also": ["is it accepted by r d s o or not"]}),
    (c11, "last year some other contractor lost points in the audit", SC, "Rajesh Joshi", {"optional": True, "note": "follow-up"}),
    (c11, "what about the cost you sent for fifteen users", PR, "Rajesh Joshi", {}),
    # 12 Glasgow paragraphs
    (c12, "I can't take either of them off the programme", IM, "Euan Fraser", {}),
    (c12, "There isn't one. That's the point.", IM, "Euan Fraser", {"optional": True, "note": "short follow-up"}),
    (c12, "I'm not doing that to the blockade.", IM, "Euan Fraser", {}),
    (c12, "Data. Nobody had cleaned the asset list in a decade.", IM, "Euan Fraser", {"optional": True, "note": "answer to the rep's question, explains the past rollout"}),
    (c12, "Whether Network Rail will take the records at audit?", SC, "Catriona Reid", {"note": "re-raises the audit objection from an earlier call"}),
    (c12, "that one's a showstopper for our quality manager", SC, "Catriona Reid", {}),
    # 13 Adelaide raw ASR
    (c13, "there's no coverage for i dunno", OFF, "Dave Kowalczyk", {"also": ["eighty k's if it needs reception to save"]}),
    (c13, "that's the murray bridge line too isn't it dave", OFF, "Sharon Whitfield", {"optional": True, "note": "follow-up"}),
    (c13, "paper and a phone call when they get back in range", OFF, "Dave Kowalczyk", {"optional": True, "note": "current practice, continues the offline worry"}),
    (c13, "some of our older blokes just won't use a tablet", FA, "Sharon Whitfield", {"also": ["<v Sharon Whitfield>in a month</v>"]}),
    (c13, "some generic safety thing too many screens", FA, "Sharon Whitfield", {"optional": True, "note": "answer about the failed app"}),
    # 14 Toronto parties JSON
    (c14, "any system that tracks employee location or hours has to be negotiated", U, "Patrick O'Neill", {"note": "'The tool's fine. My problem is the local.'"}),
    (c14, "the steward's already asking whether management can pull a report", U, "Patrick O'Neill", {"note": "'They'll use it fine, half of them asked for it.'"}),
    (c14, "a few work orders that came back without the crew on them", INT, "Patrick O'Neill", {"optional": True, "note": "a trial defect report, fixed; arguably an integration worry"}),
]

# (call, anchor, speaker, note)
N = [
    (c1, "Morag's just getting a coffee", "Alasdair Munro", "small talk"),
    (c1, "try to work out who's on which shift", "Alasdair Munro", "today's process"),
    (c1, "somebody's track safety ticket ran out last month", "Morag Kerr", "pain today (competence), not an objection"),
    (c1, "we stood a whole gang down at Cowlairs", "Morag Kerr", "pain today"),
    (c1, "Does it know about the sentinel cards", "Alasdair Munro", "question"),
    (c1, "Then it sits in the van till Monday.", "Alasdair Munro", "today's process"),
    (c1, "And I type it up. On a Monday. With a headache.", "Morag Kerr", "pain today"),
    (c1, "That's a lot nicer than what we've got.", "Morag Kerr", "buying signal"),
    (c1, "How long would it take to build one of these", "Alasdair Munro", "question"),
    (c1, "Send us something we can show the director", "Alasdair Munro", "next step"),
    (c1, "Thursday's fine for me.", "Morag Kerr", "logistics"),
    (c2, "Every week some washout somewhere, we are running.", "Sandeep Deshmukh", "small talk"),
    (c2, "It takes two or three days, sometimes one week.", "Priya Nair", "pain today"),
    (c2, "whether my men and machines are ready", "Sandeep Deshmukh", "pain and goal"),
    (c2, "Okay, that is good.", "Sandeep Deshmukh", "buying signal"),
    (c2, "But tell me, your pricing is per user?", "Sandeep Deshmukh", "question before the objection"),
    (c2, "Sir, it included the grinding module also.", "Priya Nair", "clarification"),
    (c2, "Send the breakdown to Priya and we will see in October.", "Sandeep Deshmukh", "logistics"),
    (c3, "Mick's on from the depot at Dry Creek.", "Kylie Brennan", "small talk"),
    (c3, "And the possessions keep moving, that's the fun part.", "Mick Papadopoulos", "pain today"),
    (c3, "Does it know about the Loram machine's availability", "Mick Papadopoulos", "question"),
    (c3, "That'd save me a lot of phone calls.", "Mick Papadopoulos", "buying signal"),
    (c3, "Okay, that's better than I expected.", "Kylie Brennan", "buying signal"),
    (c3, "Send me the Maximo details and I'll loop in IT.", "Kylie Brennan", "logistics"),
    (c4, "Our planning is still whiteboards and a shared drive", "Jennifer Tremblay", "pain today"),
    (c4, "Inspectors walk the track in the overnight maintenance window", "Dev Sharma", "today's process"),
    (c4, "I can send you the clause list.", "Jennifer Tremblay", "logistics"),
    (c4, "How long does a typical rollout take, roughly?", "Jennifer Tremblay", "question"),
    (c4, "we're quieter January to March", "Jennifer Tremblay", "timing offered, not an objection"),
    (c4, "Can inspectors attach photos to a defect?", "Dev Sharma", "question"),
    (c4, "Let's book the demo.", "Jennifer Tremblay", "buying signal"),
    (c5, "The network here is not very good, so if I cut, I will come back.", "Otieno Odhiambo", "small talk about his own call line"),
    (c5, "Sometimes two weeks, if the book is in the bush", "Otieno Odhiambo", "pain today"),
    (c5, "We saw your Rift Valley story", "Wanjiku Mwangi", "buying signal"),
    (c5, "Our casuals change every season", "Wanjiku Mwangi", "question and pain"),
    (c5, "Can it work in Swahili?", "Otieno Odhiambo", "question"),
    (c5, "Let us do the demo next Tuesday", "Wanjiku Mwangi", "logistics"),
    (c6, "aye aye we can hear you fine fiona", "Gordon McLeish", "small talk"),
    (c6, "somebody's p t s is running out", "Shona Gallacher", "question"),
    (c6, "oh that'd be brilliant honestly", "Shona Gallacher", "buying signal"),
    (c6, "she does have a wall chart", "Gordon McLeish", "small talk"),
    (c6, "any morning next week except the wednesday", "Shona Gallacher", "logistics"),
    (c7, "yes yes rohan i can hear you please go ahead", "Venkatesh Iyer", "small talk"),
    (c7, "in the register only paper register", "Anjali Patil", "today's process"),
    (c7, "what is the uh the pricing for say ten planners", "Anjali Patil", "question about price, not an objection"),
    (c7, "can it do the rail grinding plan also", "Anjali Patil", "question and buying signal"),
    (c8, "there's a safety stand-down at eleven", "kate.oconnor@spencergulfrail.example", "logistics"),
    (c8, "call it sixty grand", "tran.nguyen@spencergulfrail.example", "prospect's own cost of a lost possession"),
    (c8, "Mostly plant or people not turning up.", "tran.nguyen@spencergulfrail.example", "pain today"),
    (c8, "That might work. July.", "kate.oconnor@spencergulfrail.example", "buying signal"),
    (c8, "Can the app show the worksite protection plan on the phone", "tran.nguyen@spencergulfrail.example", "question"),
    (c8, "Send me the revised numbers for July", "kate.oconnor@spencergulfrail.example", "logistics"),
    (c9, "Good to see you again.", "Marcus Chen", "small talk"),
    (c9, "Does it handle our custom track segment IDs?", "Elena Kowalski", "question"),
    (c9, "The CP sidings work is different, that data is ours.", "Elena Kowalski", "mitigation, not an objection"),
    (c9, "Can we get a sandbox to try the SAP mapping in?", "Elena Kowalski", "buying signal"),
    (c9, "Let's regroup in two weeks.", "Marcus Chen", "logistics"),
    (c10, "yes i can hear you amara good afternoon", "Joseph Kiprono", "small talk"),
    (c10, "the young ones will use it", "Halima Abdi", "counter to the adoption worry"),
    (c10, "hmm maybe that one can work", "Joseph Kiprono", "buying signal"),
    (c10, "and the price is it per month or per year", "Joseph Kiprono", "question about billing, not an objection"),
    (c10, "when can we start the training for the supervisors", "Halima Abdi", "buying signal"),
    (c10, "january is good after the the christmas traffic", "Halima Abdi", "logistics"),
    (c11, "yes yes audible", "Rajesh Joshi", "small talk"),
    (c11, "the keyman diary the p w i inspection register", "Farah Qureshi", "answer to a question"),
    (c11, "the camping machine the tamping machine schedule", "Farah Qureshi", "question (misheard word)"),
    (c11, "nice that is very useful for me", "Farah Qureshi", "buying signal"),
    (c11, "can we get a trial for one section first", "Farah Qureshi", "buying signal: pilot request"),
    (c11, "fine we will discuss internally and revert", "Rajesh Joshi", "logistics"),
    (c12, "We've got half an hour, there's a planning meeting after.", "Euan Fraser", "logistics"),
    (c12, "The planners loved it.", "Catriona Reid", "buying signal"),
    (c12, "January's a wee bit quieter, to be fair.", "Catriona Reid", "timing offered"),
    (c12, "Send us a plan with January in it", "Euan Fraser", "logistics"),
    (c12, "copy in Graham from finance", "Catriona Reid", "logistics"),
    (c13, "yeah yep morning ben", "Sharon Whitfield", "small talk"),
    (c13, "what about the grinding plan can i see that as well", "Dave Kowalczyk", "question"),
    (c13, "can you do thursday next week for the grinding one", "Sharon Whitfield", "logistics"),
    (c14, "switch heaters and snow crews", "Patrick O'Neill", "small talk"),
    (c14, "The planners are sold.", "Simran Gill", "buying signal"),
    (c14, "We had two track protection people with expired quals", "Simran Gill", "pain today"),
    (c14, "What would the timeline look like if we signed in December?", "Simran Gill", "buying signal"),
    (c14, "That's perfect.", "Simran Gill", "buying signal"),
    (c14, "Send me the data question in writing", "Patrick O'Neill", "next step"),
    (c15, "The previous contractor left us boxes of paper.", "Grace Njeri", "pain today"),
    (c15, "Some of the books are from 2023.", "Kevin Mutua", "pain today"),
    (c15, "Can your team help with that, typing the old books?", "Grace Njeri", "question"),
    (c15, "can we import from the Kenya Railways defect list?", "Kevin Mutua", "question, not an integration objection"),
    (c15, "Can I see where it is booked?", "Kevin Mutua", "question"),
    (c15, "That alone will help me a lot.", "Kevin Mutua", "buying signal"),
    (c15, "How many of your customers are in Kenya?", "Grace Njeri", "question"),
    (c15, "The pricing is fine, we have the budget from the new contract.", "Grace Njeri", "says price is not a problem; wants to start soon"),
    (c15, "Send the contract to me and copy our procurement.", "Grace Njeri", "buying signal"),
]

COVERAGE = {INT: True, PR: True, FA: True, IM: True, SC: False, OFF: False, U: False, FT: False, DO: False}
GAP_NOTES = {
    SC: "known objection; its only answer, answers/standards-compliance, is status: draft",
    OFF: "known objection with no answer entry at all; no approved entry describes offline working",
    U: "workers' location and sign-on data raise union or enterprise-agreement consultation; close in words to field-adoption but a different concern; nothing in the KB addresses it",
    FT: "the term must not outlast the prospect's own framework or panel contract; close in words to pricing but a different concern; nothing in the KB addresses it",
    DO: "inspection and track data belong to the infrastructure manager and need its consent before a third-party system; close in words to integration and standards but a different concern; nothing in the KB addresses it",
}

def die(msg):
    sys.exit("build_labels: " + msg)

_cache = {}
def lines_of(call):
    if call not in _cache:
        with open(os.path.join(KB, call), encoding="utf-8") as f:
            _cache[call] = f.read().split("\n")
    return _cache[call]

def find(call, anchor):
    hits = [i + 1 for i, row in enumerate(lines_of(call)) if anchor in row]
    total = sum(row.count(anchor) for row in lines_of(call))
    if total == 0:
        die(f"anchor missing in {call}: {anchor!r}")
    if total > 1:
        die(f"anchor ambiguous in {call} ({total}x): {anchor!r}")
    return hits[0]

def json_turn(call, line):
    """lines of every sentence of the parties/transcript turn holding `line`"""
    L = lines_of(call)
    if '"sentences"' not in "\n".join(L):
        return None
    s = line
    while '"speakerId"' not in L[s - 1] or '"sentences"' not in L[s - 1]:
        s -= 1
    out = []
    i = s + 1
    while not L[i - 1].strip().startswith("]}"):
        if '"text"' in L[i - 1]:
            out.append(i)
        i += 1
    return out if len(out) > 1 else None

def main():
    calls = {c: [] for c in CALLS}
    taken = {}
    for call, anchor, obj, speaker, opt in M:
        line = find(call, anchor)
        e = {"snippet": anchor.replace('"text": ', "").strip('"'), "line": line, "objection": obj, "speaker": speaker}
        tl = None
        if opt.get("also"):
            tl = sorted({line, *[find(call, a) for a in opt["also"]]})
        else:
            tl = json_turn(call, line)
        if tl:
            e["turn_lines"] = tl
        if opt.get("optional"):
            e["optional"] = True
        if opt.get("note"):
            e["note"] = opt["note"]
        for ln in (tl or [line]):
            if (call, ln) in taken and taken[(call, ln)] != obj:
                die(f"{call}:{ln} labelled with two objections")
            taken[(call, ln)] = obj
        calls[call].append(e)
    for c in calls:
        calls[c].sort(key=lambda e: e["line"])
    negs = []
    for call, anchor, speaker, note in N:
        line = find(call, anchor)
        if (call, line) in taken:
            die(f"negative on a labelled line {call}:{line}: {anchor!r}")
        negs.append({"path": call, "line": line, "speaker": speaker, "rules": ["objection-gap"], "note": note})
    gaps = []
    for obj, covered in COVERAGE.items():
        if covered:
            continue
        ms = [{"path": c, "line": e["line"]} for c in CALLS for e in calls[c] if e["objection"] == obj]
        req = [(c, e) for c in CALLS for e in calls[c] if e["objection"] == obj and not e.get("optional")]
        ncalls = len({c for c, _ in req})
        if ncalls < 2:
            die(f"{obj} is raised in fewer than two calls")
        g = {"rule": "objection-gap", "objection": obj}
        if obj.startswith("objections/"):
            g.update({"path": obj + ".md", "any_line": True,
                      "alt_paths": sorted({c for c, _ in req})})
        else:
            c0, e0 = req[0]
            g.update({"path": c0, "line": e0["line"]})
        g["mentions"] = ms
        g["note"] = GAP_NOTES[obj] + "; a tool may report the gap once per theme or once per mention"
        gaps.append(g)
    for obj in COVERAGE:
        if not any(e["objection"] == obj for c in CALLS for e in calls[c]):
            die(f"{obj} never raised")
    labels = {
        "kb": "kb",
        "today": "2026-12-01",
        "audit": {"rules": ["objection-gap"], "expected": gaps, "negatives": []},
        "objections": {"calls": calls, "coverage": COVERAGE, "negatives": negs},
    }
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(labels, f, indent=1, ensure_ascii=False)
        f.write("\n")
    req = sum(1 for c in CALLS for e in calls[c] if not e.get("optional"))
    opt = sum(1 for c in CALLS for e in calls[c] if e.get("optional"))
    print(f"mentions: {req} expected, {opt} optional; objection negatives: {len(negs)}; gaps: {len(gaps)}")
    from collections import Counter
    for obj, n in sorted(Counter(e["objection"] for c in CALLS for e in calls[c] if not e.get("optional")).items()):
        print(f"  {obj}: {n} expected, {sum(1 for c in CALLS for e in calls[c] if e['objection']==obj and e.get('optional'))} optional, in {len({c for c in CALLS for e in calls[c] if e['objection']==obj and not e.get('optional')})} calls")

if __name__ == "__main__":
    main()
