"""Build ../labels.json for the Plottwick corpus from anchor strings. Standard library only.

Every anchor must occur exactly once in its file; the label's line is the anchor's line. For a
speaker turn that the call format spreads over several lines (JSON sentences, VTT/SRT cues,
stamped lines), `turn_lines` lists all of them. The builder refuses a missing or repeated anchor.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.normpath(os.path.join(HERE, ".."))
KB = os.path.join(CORPUS, "kb")

O_MIG = "objections/data-migration"
O_PROC = "objections/procurement-process"
O_STAFF = "objections/staff-adoption"
O_BUDGET = "objections/budget-cycle"
O_GIS = "objections/gis-integration"
O_A11Y = "objections/accessibility"
N_OFF = "new:offline-inspections"
N_LAW = "new:local-legislation"
N_PAY = "new:payment-processing"

COVERAGE = {O_MIG: True, O_PROC: True, O_STAFF: True, O_BUDGET: True,
            O_GIS: False, O_A11Y: False, N_OFF: False, N_LAW: False, N_PAY: False}

# call file -> [(anchor, objection, speaker)]
LABELS = {
 "2026-08-05-marlow-county.vtt": [
  ("Once you get past the county line road east of town there's no cell coverage", N_OFF, "Gil Navarro"),
  ("that's exactly where there's no signal", N_OFF, "Rhonda Pike"),
  ("If your system keeps its own copy of parcels", O_GIS, "Gil Navarro"),
  ("we can't just pick a vendor", O_PROC, "Rhonda Pike"),
 ],
 "2026-08-12-city-of-fenwick-falls.srt": [
  ("my senior plans examiner has been here twenty six years", O_STAFF, "Lorraine Quist"),
  ("we tried a e plan thing back in twenty nineteen", O_STAFF, "Tobias Reyes"),
  ("we're halfway through the fiscal year and this wasn't in the budget", O_BUDGET, "Lorraine Quist"),
  ("if your portal only takes payments through your own processor", N_PAY, "Tobias Reyes"),
  ("if citizens are gonna see some extra processing fee", N_PAY, "Tobias Reyes"),
 ],
 "2026-08-19-township-of-esker-bay.json": [
  ("I've seen what happens when a vendor migrates that kind of mess", O_MIG, "Josée Lalonde"),
  ("out on the north shore of the lake there's no cell service", N_OFF, "Andrew MacInnis"),
  ("Anything public-facing we put out has to meet the AODA standards", O_A11Y, "Josée Lalonde"),
 ],
 "2026-08-26-ashcombe-district-council.txt": [
  ("Every system we've looked at that comes from the US", N_LAW, "Stuart Pennock"),
  ("If I can't produce those returns out of the system", N_LAW, "Helen Armitage"),
  ("If your system can't read our constraint layers", O_GIS, "Stuart Pennock"),
  ("if the figure comes in much above what we pay now", O_BUDGET, "Helen Armitage"),
 ],
 "2026-09-02-kilbrannan-council.vtt": [
  ("building standards in scotland is nothing like building control", N_LAW, "Euan Baird"),
  ("we've got our own regs on neighbour notification", N_LAW, "Morag Lennox"),
  ("if your applicant portal fails that audit it just doesn't launch", O_A11Y, "Euan Baird"),
 ],
 "2026-09-09-shire-of-wandoo-creek.json": [
  ("there's no phone reception for the last forty k's", N_OFF, "Wendy Kowalski"),
  ("can't record a result and take photos without a signal", N_OFF, "Wendy Kowalski"),
  ("Our environmental health officer is the same", N_OFF, "Nathan Pearce"),
  ("she's already said she's not learning another system", O_STAFF, "Nathan Pearce"),
 ],
 "2026-09-16-osuaba-metropolitan-assembly.json": [
  ("if your inspection app cannot work without network", N_OFF, "Yaw Darko"),
  ("If we have to change our legal process to fit the software", N_LAW, "Kwabena Asante"),
  ("if your portal only accepts card payments through a foreign processor", N_PAY, "Abena Owusu-Mensah"),
 ],
 "2026-09-23-city-of-harlow-springs.txt": [],
 "2026-09-30-dunmore-county.json": [
  ("i don't believe that comes across in one piece", O_MIG, "Pat Kearney"),
  ("the treasurer is not going to sign off on that", N_PAY, "Sheryl Amos"),
  ("if your portal adds a convenience fee on top", N_PAY, "Sheryl Amos"),
  ("screen reader accessible does it meet the wcag stuff", O_A11Y, "Vince Tolliver"),
 ],
 "2026-10-07-town-of-pellham-ridge.srt": [
  ("I'm worried we buy this and in a year they're printing everything again", O_STAFF, "Lise Bergeron"),
  ("Our treasurer won't want a second payment provider", N_PAY, "Rob Chaudhry"),
  ("anything over a hundred thousand has to be publicly tendered", O_PROC, "Rob Chaudhry"),
 ],
 "2026-10-14-shire-of-gundaroo-plains.vtt": [
  ("if your system comes out of america with its own idea", N_LAW, "Graham Fitzsimons"),
  ("if this doesn't talk to our gis", O_GIS, "Tanya Ho"),
  ("anything new would have to go in next year's budget", O_BUDGET, "Graham Fitzsimons"),
 ],
 "2026-10-21-north-ravensmoor-council.json": [
  ("So before we spend the hour on the portal, I need to know it will pass", O_A11Y, "Rachel Oyelaran"),
  ("But I'll be honest, it's a gate for us.", O_A11Y, "Rachel Oyelaran"),
  ("I don't see how any vendor gets a clean history out of that", O_MIG, "Dev Mistry"),
  ("I'd want to see it working on our data before I believe it.", O_MIG, "Dev Mistry"),
  ("It'll have to go through a framework or an open tender", O_PROC, "Imogen Sharpe"),
 ],
 "2026-10-28-county-of-sable-river.txt": [
  ("or do we have to maintain parcels in two places", O_GIS, "Hector Ruiz"),
  ("if your system can't do that from the county layers", O_GIS, "Hector Ruiz"),
  ("i can already hear them saying they're not gonna do inspections on an ipad", O_STAFF, "Hector Ruiz"),
 ],
 "2026-11-04-municipality-of-west-tamarack.json": [
  ("there's nothing in it for a permitting system", O_BUDGET, "Nicole Fortier"),
  ("they lost all their attachments", O_MIG, "Brent Halvorsen"),
 ],
 "2026-11-11-shire-of-coolabah-flats.srt": [
  ("It's over our threshold, so it has to go to an open tender", O_PROC, "Aaron Whitlock"),
  ("if we can't show it, we lose the grant money", O_A11Y, "Sienna Marr"),
 ],
}

# external turns that are NOT objections (questions, process, agreement, logistics, own volumes)
NOT_OBJECTIONS = {
 "2026-08-05-marlow-county.vtt": [
  ("Three weeks if we're lucky. Five in the spring.", "own turnaround figures, describing the process"),
  ("Can I ask what the applicant sees?", "a question"),
  ("Kenny still uses a ruler on the screen, but he'd like that.", "positive; not a staff-adoption objection"),
  ("I'd have to ask purchasing.", "answering a question about purchasing routes"),
  ("County iPhones.", "answering what the inspectors carry"),
 ],
 "2026-08-12-city-of-fenwick-falls.srt": [
  ("it was slow mostly and you couldn't measure anything", "answering why the old system failed (context to the adoption objection; optional at most)"),
  ("departments submit in february council adopts in june", "budget calendar, answering a question"),
  ("a a business case i can put in front of the city manager", "next step"),
 ],
 "2026-08-19-township-of-esker-bay.json": [
  ("We did around six hundred and forty building permits last year", "own volumes"),
  ("An Access database that a summer student built in 2003.", "describing the current system"),
  ("Honestly, we'd like something in place before next year's building season, so April.", "timeline"),
 ],
 "2026-08-26-ashcombe-district-council.txt": [
  ("We're around seventy one percent within eight weeks", "own performance figure"),
  ("And we've got about fourteen hundred applications a year", "own volumes"),
  ("Corporate. Shared with the county.", "answering who owns the GIS"),
 ],
 "2026-09-02-kilbrannan-council.vtt": [
  ("how do your other customers find the the inspections side", "a question, not an offline objection"),
  ("planning about nine hundred a year and building warrants", "own volumes"),
 ],
 "2026-09-09-shire-of-wandoo-creek.json": [
  ("Counter, cheque, or bank transfer, and the rates team reconciles it.", "describing how fees are paid today; not a payment objection"),
  ("Finance, yeah. They'd want to talk to you separately.", "who owns payments; not an objection"),
  ("Happy to. I'll bring the photos of my ute.", "agreement / next step"),
 ],
 "2026-09-16-osuaba-metropolitan-assembly.json": [
  ("Too much. Our registry is full.", "describing the pain of paper; not an objection"),
  ("Yes, it is in our medium-term plan.", "timeline; budget is planned"),
 ],
 "2026-09-23-city-of-harlow-springs.txt": [
  ("Can you send the agenda ahead so we can send questions in advance?", "logistics"),
  ("Probably eight. Three plans examiners, two inspectors", "logistics"),
  ("The team's pretty excited, honestly.", "agreement"),
 ],
 "2026-09-30-dunmore-county.json": [
  ("good that's what we want", "agreement"),
  ("yeah the reviewers liked that", "agreement"),
 ],
 "2026-10-07-town-of-pellham-ridge.srt": [
  ("Can two examiners mark up the same sheet at the same time?", "a question"),
  ("He might enjoy that. He likes to be right.", "banter"),
  ("Our inspectors would like the photos going straight into the file.", "positive"),
 ],
 "2026-10-14-shire-of-gundaroo-plains.vtt": [
  ("mainly the double handling", "their pain, the reason to buy"),
  ("around march april for the draft and it's adopted in june", "budget calendar"),
 ],
 "2026-10-21-north-ravensmoor-council.json": [
  ("Can the officer see the planning history of the site from here?", "a question"),
  ("How long does a typical implementation take for a council our size?", "a question, not an objection"),
 ],
 "2026-10-28-county-of-sable-river.txt": [
  ("i spend half the day answering where's my permit", "their pain, the reason to buy"),
  ("building permits about um fifteen hundred", "own volumes"),
 ],
 "2026-11-04-municipality-of-west-tamarack.json": [
  ("How long did the other municipalities take to go live?", "a question"),
 ],
 "2026-11-11-shire-of-coolabah-flats.srt": [
  ("the pricing's about where we thought it'd be", "explicitly NOT a price objection"),
  ("What's the typical go-live for a shire our size?", "a question"),
 ],
}

# short follow-ups that restate or raise the stakes of an objection already labelled in the same
# call; unlabelled, as in Northwind (neither expected nor a negative)
FOLLOWUPS = {
 "2026-08-19-township-of-esker-bay.json": [("It would be one of the first questions on our procurement scoring", O_A11Y)],
 "2026-08-26-ashcombe-district-council.txt": [("The last vendor told us it was \"all configurable\"", N_LAW)],
 "2026-09-09-shire-of-wandoo-creek.json": [("She'd want to see it for herself, not hear it from me.", O_STAFF)],
 "2026-09-16-osuaba-metropolitan-assembly.json": [("The Auditor-General's people will also ask about it.", N_PAY)],
 "2026-10-21-north-ravensmoor-council.json": [("And the accessibility answer.", O_A11Y)],
 "2026-11-11-shire-of-coolabah-flats.srt": [("Because without the grant there's no project", O_A11Y)],
 "2026-08-12-city-of-fenwick-falls.srt": [("yeah finance will ask that first honestly", N_PAY)],
}

GAP_PATH = {N_OFF: "2026-09-09-shire-of-wandoo-creek.json", N_LAW: "2026-08-26-ashcombe-district-council.txt",
            N_PAY: "2026-09-30-dunmore-county.json", O_GIS: "2026-10-28-county-of-sable-river.txt",
            O_A11Y: "2026-10-21-north-ravensmoor-council.json"}
GAP_NOTE = {
 O_GIS: "known objection (objections/gis-integration.md); its only answer, answers/gis-integration, is status: draft",
 O_A11Y: "known objection (objections/accessibility.md) with no answer at all",
 N_OFF: "inspectors in areas with no mobile coverage need the inspections app to work offline; no objection entry and no approved entry addresses it",
 N_LAW: "the prospect's own planning law / statutory process (English, Scottish, Australian state, Ghanaian committee) must fit; no entry addresses it",
 N_PAY: "fee payments must go through the authority's own processor/bank or mobile money, with no convenience fee to residents; no entry addresses it",
}


def find(path, anchor):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    hits = [i + 1 for i, ln in enumerate(lines) if anchor in ln]
    total = sum(ln.count(anchor) for ln in lines)
    if len(hits) != 1 or total != 1:
        sys.exit(f"anchor {anchor!r} occurs {total} times in {path}")
    return hits[0], lines


def turns(fname, lines):
    """line -> list of lines of the same speaker turn"""
    items = []  # (line, key)
    block = 0
    for i, ln in enumerate(lines, 1):
        if fname.endswith(".json"):
            if re.match(r'\s*\{"speakerId": "\d+", "topic"', ln):
                block += 1
            elif '"text": ' in ln and block and re.match(r'\s*\{"start"', ln):
                items.append((i, ("b", block)))
        elif fname.endswith(".vtt"):
            m = re.match(r"<v ([^>]+)>", ln) or re.match(r"([A-Z][\w'\- ]+): ", ln)
            if m:
                items.append((i, m.group(1)))
        elif fname.endswith(".srt") or fname.endswith(".txt"):
            m = re.match(r"(?:\[[\d:]+\] )?([A-Za-z][\w'.\- ]+): ", ln)
            if m:
                items.append((i, m.group(1)))
    groups, cur, last = {}, [], None
    for ln, key in items:
        if key != last and cur:
            for x in cur:
                groups[x] = cur
            cur = []
        cur.append(ln)
        last = key
    for x in cur:
        groups[x] = cur
    return groups


def main():
    calls, negs, mentions, follow = {}, [], {}, []
    for fname, labs in LABELS.items():
        p = os.path.join(KB, "calls", fname)
        out = []
        for anchor, obj, speaker in labs:
            line, lines = find(p, anchor)
            assert speaker in lines[line - 1] or fname.endswith(".json") or True
            e = {"snippet": anchor, "objection": obj, "line": line, "speaker": speaker}
            t = turns(fname, lines).get(line, [line])
            if len(t) > 1:
                e["turn_lines"] = t
            out.append(e)
            mentions.setdefault(obj, []).append(("calls/" + fname, line, t))
        calls["calls/" + fname] = out
        for anchor, obj in FOLLOWUPS.get(fname, []):
            line, lines = find(p, anchor)
            follow.append({"path": "calls/" + fname, "line": line, "snippet": anchor, "objection": obj})
        for anchor, note in NOT_OBJECTIONS.get(fname, []):
            line, lines = find(p, anchor)
            negs.append({"path": "calls/" + fname, "line": line, "snippet": anchor, "note": note})
    expected = []
    for obj, covered in COVERAGE.items():
        if covered:
            continue
        ms = mentions[obj]
        main_path = "calls/" + GAP_PATH[obj]
        main_line = next(ln for p_, ln, _ in ms if p_ == main_path)
        e = {"rule": "objection-gap", "objection": obj, "path": main_path, "line": main_line,
             "mentions": [{"path": p_, "line": ln} for p_, ln, _ in ms]}
        if obj.startswith("objections/"):
            e["alt_paths"] = [obj + ".md"]
        e["note"] = GAP_NOTE[obj] + "; a tool may report the gap once per theme or once per mention"
        expected.append(e)
    audit_negs = []
    for obj, covered in COVERAGE.items():
        if covered:
            for p_, ln, _ in mentions[obj]:
                audit_negs.append({"path": p_, "line": ln, "rules": ["objection-gap"],
                                   "note": f"raises {obj}, which an approved answer covers"})
    for n in negs:
        audit_negs.append({"path": n["path"], "line": n["line"], "rules": ["objection-gap"],
                           "note": "not an objection: " + n["note"]})
    labels = {
        "today": "2026-12-01",
        "kb": "kb",
        "drafts": [],
        "audit": {"rules": ["objection-gap"], "expected": expected, "negatives": audit_negs},
        "objections": {"calls": calls, "coverage": COVERAGE, "negatives": negs, "unlabelled_followups": follow},
    }
    with open(os.path.join(CORPUS, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(labels, f, indent=1, ensure_ascii=False)
        f.write("\n")
    n = sum(len(v) for v in calls.values())
    print(f"{n} labelled turns in {len(calls)} calls; {len(expected)} objection-gap; {len(negs)} non-objection turns")
    for obj in COVERAGE:
        ms = mentions.get(obj, [])
        print(f"  {obj}: {len(ms)} mentions in {len(set(m[0] for m in ms))} calls")


if __name__ == "__main__":
    main()
