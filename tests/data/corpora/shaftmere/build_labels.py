#!/usr/bin/env python3
"""Build labels.json for the shaftmere corpus from anchor strings (stdlib only).

Each anchor must occur exactly once in its call file; line numbers are computed (1-based).
A negative may not sit on a labelled line (a mention or one of its turn_lines).
Run from this folder: python3 build_labels.py
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KB = os.path.join(HERE, "kb")
C = "calls/"

BR = C + "2026-09-01-boulder-ridge.vtt"
UD = C + "2026-09-03-umhlaba-deep.json"
NB = C + "2026-09-08-nickel-basin.srt"
KC = C + "2026-09-10-kafue-copper.txt"
HG = C + "2026-09-15-humboldt-gold.vtt"
GM = C + "2026-09-18-golden-mile-contracting.json"
SC = C + "2026-09-22-sekhukhune-chrome.srt"
OD = C + "2026-09-24-onaping-drilling.json"
LS = C + "2026-09-29-luangwa-smelter.vtt"
RV = C + "2026-10-01-ruby-valley.txt"
KM = C + "2026-10-06-kurrawang-minerals.srt"
EC = C + "2026-10-08-emalahleni-colliery.json"
LM = C + "2026-10-13-levack-mining-services.vtt"
CB = C + "2026-10-20-copperbelt-shared-services.json"
SG = C + "2026-10-27-spring-creek-gold.txt"

PR = "objections/pricing"
CN = "objections/connectivity"
CM = "objections/cmms-integration"
AD = "objections/crew-adoption"
IM = "objections/implementation-time"
CT = "objections/contract-terms"
UN = "new:union-consultation"
RG = "new:regulator-acceptance"
HZ = "new:hazardous-area-devices"

# (call, anchor, objection, speaker, extra turn anchors, optional, note)
MENTIONS = [
    (BR, "that's my problem with the per-seat thing you sent through", PR, "Shane Pearce", [], False, None),
    (BR, "past the portal there's nothing", CN, "Kylie Brennan", [], False, None),
    (BR, "And if two people edit the same thing?", CN, "Kylie Brennan", [], True, "short follow-up on the offline answer"),
    (UD, "If your thing is another place where people must capture the same job", CM, "Pieter van Wyk",
     ["The planners work in SAP PM, the work orders print out"], False, None),
    (UD, "Even with our custom notification types?", CM, "Pieter van Wyk", [], True, "short follow-up on the SAP answer"),
    (UD, "Anything that records who is where and for how long must go to the NUM branch first", UN, "Sipho Nkosi",
     ["There is one more thing I must raise now, not later.", "The workers will see this as management watching them."], False,
     "union consultation and worker surveillance, not whether crews will use it"),
    (NB, "so there's no there's no signal down there eh", CN, "Denis Lafleur",
     ["the whole thing falls over if it needs to talk to the cloud"], False, "raw ASR; one turn over two cues"),
    (NB, "okay and what if it's like a three day thing", CN, "Denis Lafleur", [], True, "short follow-up"),
    (NB, "the the bigger one for me honestly is local sixty five hundred", UN, "Sarah Kowalchuk",
     ["see it before it goes live there's a letter of understanding"], False, "raw ASR; sentence split across cues"),
    (NB, "it's months not weeks and if they think it's a tracking tool it's dead", UN, "Sarah Kowalchuk", [], False,
     "'months not weeks' sounds like implementation time; the concern is the union's review"),
    (KC, "finance is saying the cost is too high for this financial year", PR, "Mwansa Chileshe", [], False, None),
    (KC, "We are not sure that he will accept a permit on a tablet as the legal record", RG, "Chanda Mulenga", [], False, None),
    (KC, "whether other mines in Zambia are using electronic permits", RG, "Chanda Mulenga", [], True, "follow-up asking for precedent"),
    (KC, "a three year commitment is difficult", CT, "Mwansa Chileshe", [], False, None),
    (HG, "is he gonna take a tablet record or is he gonna write us up", RG, "Jolene Marsh", [], False, "raw ASR; MSHA"),
    (HG, "we got cited at the mill in twenty four for a record thing", RG, "Travis Hale", [], True, "anecdote backing the previous turn"),
    (HG, "i've got operators been here thirty years", AD, "Travis Hale", ["leave the tablet in the truck"], False, "raw ASR; one sentence over two cues"),
    (HG, "we tried a an app for pre shift checks in like twenty two and it died in a month", AD, "Travis Hale", [], False, None),
    (GM, "nobody in my office has a spare hour to set up a new system before Easter", IM, "Lachlan Hughes", [], False, None),
    (GM, "Two hours a week I haven't got, mate.", IM, "Lachlan Hughes", [], True, "short follow-up"),
    (GM, "I'm not locking us into three years of software", CT, "Lachlan Hughes", [], False, None),
    (SC, "If he says an electronic signature is not valid under the regulations", RG, "Lerato Mahlangu", [], False, "DMRE inspector"),
    (SC, "If this is going to pull my planners into workshops during the reline", IM, "Johan Botha", [], False, None),
    (OD, "If your tool can't write back to that Maximo without my planner re-entering the job", CM, "Kevin Tremblay", [], False, None),
    (OD, "We've got about forty custom attributes", CM, "Kevin Tremblay", [], True, "follow-up on the custom-fields answer"),
    (OD, "nothing electronic goes in there unless it's certified for hazardous locations", HZ, "Angela Roy", [], False,
     "device certification, not network coverage"),
    (OD, "if the app only runs on a consumer iPad, we'd be back on paper", HZ, "Angela Roy", [], False, None),
    (LS, "when there is load shedding the zesco power goes", CN, "Joseph Phiri", ["depend on the network"], False, "raw ASR; one sentence over two cues"),
    (LS, "even the even the the approvals", CN, "Joseph Phiri", [], True, "short follow-up"),
    (LS, "i saw the the quotation it is it is quite high for us", PR, "Joseph Phiri", [], False, None),
    (RV, "Nothing goes in there that isn't permissible, period.", HZ, "Marisol Reyes", [], False, "MSHA gassy classification"),
    (RV, "does your system actually push into JDE", CM, "Cody Jensen", [], False, None),
    (KM, "my fitters are old school mate", AD, "Mick Doyle", [], False, "raw ASR"),
    (KM, "last time we we rolled out the the pre start app", AD, "Mick Doyle", ["so it was useless"], False, "raw ASR; turn over two cues"),
    (KM, "my planners are are flat out till june", IM, "Mick Doyle", [], False, None),
    (EC, "An ordinary tablet is contraband", HZ, "h.pretorius@emalahlenicoal.example", [], False, "flameproof / intrinsically safe"),
    (EC, "if it's only on a normal phone it stays on surface", HZ, "h.pretorius@emalahlenicoal.example", [], False, None),
    (EC, "head office has frozen everything that is not production", PR, "n.zulu@emalahlenicoal.example", [], False, None),
    (LM, "The Steelworkers are going to ask whether this thing time-stamps where every worker is", UN, "Nicole Bergeron", [], False,
     "she says outright it is not about the crews liking it"),
    (LM, "It'll have to go through the joint committee and the local", UN, "Nicole Bergeron", [], False, None),
    (CB, "the issue is the the the term three years", CT, "Bwalya Mwape", ["there must be an exit"], False, "raw ASR"),
    (CB, "the mine safety department the inspectors they are used to the the paper permit book", RG, "Grace Tembo",
     ["if they are not recognising the the electronic sign off"], False, "raw ASR"),
    (SG, "Three years, auto-renew, and no way out if the mine changes hands", CT, "Wade Ostrander", [], False, None),
    (SG, "Twelve months, maybe. With an out if we're sold.", CT, "Wade Ostrander", [], True, "short follow-up naming the terms they'd take"),
    (SG, "I don't want to be the guy that sold corporate on a three-year deal", CT, "Wade Ostrander", [], False, None),
]

# external turns that raise no objection: (call, anchor, speaker, note)
NEGATIVES = [
    (BR, "Kylie's just come off nights", "Shane Pearce", "small talk"),
    (BR, "Half the time nights finish the charge-up", "Shane Pearce", "today's pain"),
    (BR, "I spent forty minutes last Tuesday looking for one isolation sheet", "Kylie Brennan", "today's pain"),
    (BR, "About two-eighty on a normal swing", "Shane Pearce", "their own headcount"),
    (BR, "if the site licence is what you reckon", "Shane Pearce", "buying signal"),
    (BR, "Yeah, Thursday arvo works", "Shane Pearce", "logistics"),
    (UD, "We had a section 54 on the ventilation side in October", "Sipho Nkosi", "a past stoppage, not doubt that an inspector accepts electronic records"),
    (UD, "I will arrange it with the shaft steward", "Sipho Nkosi", "logistics"),
    (UD, "Can you send us the integration document for SAP just now", "Pieter van Wyk", "asks for information"),
    (NB, "nobody looks at the tray till something happens", "Sarah Kowalchuk", "today's pain"),
    (NB, "how much does the uh the ground control module cost on its own", "Denis Lafleur", "a price question, not a price objection"),
    (NB, "sounds good thanks marc", "Denis Lafleur", "small talk"),
    (KC, "we are failing to trace who signed the isolation", "Chanda Mulenga", "today's pain; the engineers liked the demo"),
    (KC, "Kindly also send us the list of references in the region", "Mwansa Chileshe", "asks for information"),
    (HG, "our workplace exams are on paper the foremen fill them out", "Jolene Marsh", "today's process"),
    (HG, "what what would the timeline look like for just the exams", "Jolene Marsh", "asks for information"),
    (HG, "okay can you send that over in an email", "Jolene Marsh", "logistics"),
    (GM, "we've got a crew mobilising to Leonora tomorrow", "Lachlan Hughes", "small talk / logistics"),
    (GM, "I've got a spreadsheet to track who's current where", "Lachlan Hughes", "today's pain"),
    (GM, "What do you charge per person for the portal, roughly?", "Lachlan Hughes", "a price question"),
    (GM, "Send it through and I'll have a look after the shutdown", "Lachlan Hughes", "logistics"),
    (SC, "Four shafts, that was impressive", "Johan Botha", "small talk"),
    (SC, "The queue in the morning is thirty, forty minutes", "Johan Botha", "today's pain"),
    (SC, "Send me a proposal with an April start", "Johan Botha", "buying signal"),
    (OD, "every one of them wants work orders done their way", "Kevin Tremblay", "today's situation"),
    (OD, "What does a contractor induction look like in your system?", "Kevin Tremblay", "asks for information"),
    (OD, "Okay. That part I like.", "Kevin Tremblay", "buying signal"),
    (LS, "the logbook is not always complete", "Joseph Phiri", "today's pain"),
    (LS, "send the the references of other smelters", "Joseph Phiri", "asks for references"),
    (RV, "We've got a backlog of like nine hundred open orders", "Cody Jensen", "today's pain; their own volume"),
    (RV, "Not off the top of my head. I could get it.", "Cody Jensen", "answer to a question"),
    (RV, "A permissible cap lamp, a gas monitor, and a paper book", "Marisol Reyes", "answers what they carry today"),
    (KM, "the prefill from last shift is is handy", "Mick Doyle", "buying signal"),
    (KM, "can you send us a a quote for the three crews", "Mick Doyle", "buying signal"),
    (EC, "nobody could tell me when that idler was last inspected", "n.zulu@emalahlenicoal.example", "today's pain"),
    (EC, "How many sites are using this in South Africa?", "n.zulu@emalahlenicoal.example", "asks for references"),
    (LM, "We had a rockburst on 3800 on Monday", "Nicole Bergeron", "small talk about an incident"),
    (LM, "the Ministry of Labour wanted the last six months of them", "Nicole Bergeron", "today's pain; a regulator asking for records is not doubt that electronic records count"),
    (LM, "Can you send me a sample export of an inspection record?", "Nicole Bergeron", "asks for information"),
    (CB, "how long is the the training for the supervisors", "Grace Tembo", "asks for information"),
    (SG, "I'm in the truck, so if I drop out that's why", "Wade Ostrander", "small talk"),
    (SG, "our isolation process is still a clipboard on a nail", "Wade Ostrander", "today's pain, buying signal"),
    (SG, "do you guys do tailings inspections?", "Wade Ostrander", "asks for information"),
    (SG, "Send me a demo link for that", "Wade Ostrander", "buying signal"),
]

COVERAGE = {PR: True, CN: True, CM: True, AD: True, IM: True, CT: False, UN: False, RG: False, HZ: False}

GAP_NOTES = {
    CT: "known objection; its only answer, answers/contract-terms, is status: draft",
    UN: "union or joint health and safety committee must review anything that records workers; no entry addresses it; "
        "crew-adoption could wrongly absorb it",
    RG: "doubt that the mines inspectorate (Mines Safety Department, MSHA, DMRE) accepts electronic permits and sign-offs "
        "as the legal record; no entry addresses it",
    HZ: "devices must be certified for hazardous or gassy areas (flameproof, intrinsically safe, MSHA permissible); "
        "connectivity could wrongly absorb it",
}

_cache = {}


def lines_of(path):
    if path not in _cache:
        with open(os.path.join(KB, path), encoding="utf-8") as f:
            _cache[path] = f.read().split("\n")
    return _cache[path]


def find(path, anchor):
    text = "\n".join(lines_of(path))
    n = text.count(anchor)
    if n != 1:
        sys.exit(f"anchor {'missing' if n == 0 else 'ambiguous'} ({n}) in {path}: {anchor!r}")
    idx = text.index(anchor)
    return text.count("\n", 0, idx) + 1


def main():
    calls = {}
    labelled = set()
    for call, anchor, obj, speaker, extra, optional, note in MENTIONS:
        line = find(call, anchor)
        item = {"snippet": anchor, "objection": obj, "line": line, "speaker": speaker}
        if extra:
            tl = sorted({line} | {find(call, a) for a in extra})
            item["turn_lines"] = tl
            labelled.update((call, x) for x in tl)
        if optional:
            item["optional"] = True
        if note:
            item["note"] = note
        labelled.add((call, line))
        calls.setdefault(call, []).append(item)
    for v in calls.values():
        v.sort(key=lambda m: m["line"])
    calls = dict(sorted(calls.items()))

    negatives = []
    for call, anchor, speaker, note in NEGATIVES:
        line = find(call, anchor)
        if (call, line) in labelled:
            sys.exit(f"negative on a labelled line: {call}:{line}")
        negatives.append({"path": call, "line": line, "rules": ["objection-gap"], "speaker": speaker, "note": note})

    expected = []
    for obj, covered in COVERAGE.items():
        if covered:
            continue
        ms = [(c, m) for c, v in calls.items() for m in v if m["objection"] == obj]
        if len({c for c, m in ms if not m.get("optional")}) < 2:
            sys.exit(f"{obj} is raised in fewer than 2 calls")
        first = ms[0]
        gap = {"rule": "objection-gap", "objection": obj, "path": first[0], "line": first[1]["line"],
               "mentions": [{"path": c, "line": m["line"]} for c, m in ms]}
        if obj.startswith("objections/"):
            gap["alt_paths"] = [obj + ".md"]
        gap["note"] = GAP_NOTES[obj] + "; a tool may report the gap once per theme or once per mention"
        expected.append(gap)

    labels = {
        "kb": "kb",
        "today": "2026-12-01",
        "drafts": [],
        "audit": {"rules": ["objection-gap"], "expected": expected, "negatives": negatives},
        "objections": {"calls": calls, "coverage": COVERAGE},
    }
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(labels, f, indent=2, ensure_ascii=False)
        f.write("\n")
    req = sum(1 for v in calls.values() for m in v if not m.get("optional"))
    opt = sum(1 for v in calls.values() for m in v if m.get("optional"))
    print(f"mentions: {req} required, {opt} optional, in {len(calls)} calls; "
          f"objection-gap expected: {len(expected)}; negatives: {len(negatives)}")


if __name__ == "__main__":
    main()
