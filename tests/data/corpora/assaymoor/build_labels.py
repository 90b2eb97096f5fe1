#!/usr/bin/env python3
"""Build labels.json for the Assaymoor corpus from anchor strings (stdlib only).

Each anchor must occur exactly once in its file; the line is computed from it (1-based). The script
refuses anchors that are missing or ambiguous, and refuses a negative on a labelled line.
Run from this folder: python3 build_labels.py
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KB = os.path.join(HERE, "kb")

LABELLED = [
    # 2026-09-01-clydeside-analytical.vtt
    ("calls/2026-09-01-clydeside-analytical.vtt", "For a lab our size, that's a lot of money every year", "objections/pricing", "Morag Duncan"),
    ("calls/2026-09-01-clydeside-analytical.vtt", "twelve years of results sitting in an old Access database", "objections/migration", "Iain McLeod"),
    ("calls/2026-09-01-clydeside-analytical.vtt", "The last time anyone touched that database it fell over for a week", "objections/migration", "Iain McLeod"),
    # 2026-09-03-kelvin-materials.srt
    ("calls/2026-09-03-kelvin-materials.srt", "the compression machines are older than your company", "objections/instrument-integration", "Alasdair Grant"),
    ("calls/2026-09-03-kelvin-materials.srt", "the wi-fi in there drops out all the time", "new:offline-bench", "Alasdair Grant"),
    ("calls/2026-09-03-kelvin-materials.srt", "last month we lost the line for most of a day", "new:offline-bench", "Alasdair Grant"),
    # 2026-09-08-table-bay-labs.json
    ("calls/2026-09-08-table-bay-labs.json", "their data stays in South Africa", "new:data-residency", "Thandiwe Mokoena"),
    ("calls/2026-09-08-table-bay-labs.json", "the last vendor told us it was in the cloud and that was the end of the answer", "new:data-residency", "Pieter van der Merwe"),
    # 2026-09-10-fenway-environmental.txt
    ("calls/2026-09-10-fenway-environmental.txt", "Three years is a non-starter for us", "objections/contract-terms", "Kristen Walsh"),
    ("calls/2026-09-10-fenway-environmental.txt", "what happens to our data if we leave", "objections/contract-terms", "Kristen Walsh"),
    ("calls/2026-09-10-fenway-environmental.txt", "the auto-renew clause has to go", "objections/contract-terms", "Kristen Walsh"),
    ("calls/2026-09-10-fenway-environmental.txt", "the per-seat number is higher than we budgeted", "objections/pricing", "Kristen Walsh"),
    # 2026-09-15-back-bay-analytical.vtt
    ("calls/2026-09-15-back-bay-analytical.vtt", "I need the system to know which site is accredited for which method", "new:multi-site-scope", "Dave Sullivan"),
    ("calls/2026-09-15-back-bay-analytical.vtt", "I don't know that she'll accept a screen instead of the initialled worksheet", "objections/accreditation-audit", "Dave Sullivan"),
    ("calls/2026-09-15-back-bay-analytical.vtt", "if it can't keep the scopes apart per site", "new:multi-site-scope", "Dave Sullivan"),
    # 2026-09-17-banjara-testing.json
    ("calls/2026-09-17-banjara-testing.json", "the validation itself took eight months and then we dropped it", "objections/validation", "Venkat Rao"),
    ("calls/2026-09-17-banjara-testing.json", "every configuration change we have to validate again", "objections/validation", "Venkat Rao"),
    ("calls/2026-09-17-banjara-testing.json", "the per seat pricing in dollars becomes very costly", "objections/pricing", "Venkat Rao"),
    # 2026-09-22-deccan-bioassay.srt
    ("calls/2026-09-22-deccan-bioassay.srt", "If even one study is missing, it is a serious issue for us", "objections/migration", "Srinivas Reddy"),
    ("calls/2026-09-22-deccan-bioassay.srt", "their data cannot leave India", "new:data-residency", "Lakshmi Prasad"),
    ("calls/2026-09-22-deccan-bioassay.srt", "without that our legal team will not even look at the contract", "new:data-residency", "Lakshmi Prasad"),
    # 2026-09-24-moreton-environmental.vtt
    ("calls/2026-09-24-moreton-environmental.vtt", "the thing that's going to hold it up is price", "objections/pricing", "Bec Hamilton"),
    ("calls/2026-09-24-moreton-environmental.vtt", "they export in their own weird formats", "objections/instrument-integration", "Shane Kelly"),
    # 2026-09-29-sunshine-coast-assay.vtt
    ("calls/2026-09-29-sunshine-coast-assay.vtt", "if your thing only works online the prep lab just stops", "new:offline-bench", "Mick Thompson"),
    ("calls/2026-09-29-sunshine-coast-assay.vtt", "it turned out to be a csv drop folder", "objections/instrument-integration", "Mick Thompson"),
    ("calls/2026-09-29-sunshine-coast-assay.vtt", "over what network mate that's my point", "new:offline-bench", "Mick Thompson"),
    # 2026-10-01-golconda-qc.json
    ("calls/2026-10-01-golconda-qc.json", "If the system treats all three labs as one scope", "new:multi-site-scope", "Ravi Kumar"),
    ("calls/2026-10-01-golconda-qc.json", "it will take minimum six months", "objections/validation", "Anjali Deshpande"),
    # 2026-10-06-karoo-agri-labs.srt
    ("calls/2026-10-06-karoo-agri-labs.srt", "we need to keep capturing results when there's no connection", "new:offline-bench", "Johan Botha"),
    ("calls/2026-10-06-karoo-agri-labs.srt", "three years with auto renewal he won't sign that", "objections/contract-terms", "Johan Botha"),
    ("calls/2026-10-06-karoo-agri-labs.srt", "what happens to our results if we do leave", "objections/contract-terms", "Johan Botha"),
    # 2026-10-08-moreton-followup.txt
    ("calls/2026-10-08-moreton-followup.txt", "the data has to be held in Australia", "new:data-residency", "Bec Hamilton"),
    ("calls/2026-10-08-moreton-followup.txt", "The councils will want to see it written down", "new:data-residency", "Shane Kelly"),
    ("calls/2026-10-08-moreton-followup.txt", "the assessor will pick holes in the electronic records", "objections/accreditation-audit", "Bec Hamilton"),
    # 2026-10-13-harbourside-micro.json
    ("calls/2026-10-13-harbourside-micro.json", "When the power goes, the UPS keeps the benches going", "new:offline-bench", "Zanele Dlamini"),
    ("calls/2026-10-13-harbourside-micro.json", "I'm not confident anyone could map those properly", "objections/migration", "Zanele Dlamini"),
    # 2026-10-20-clydeside-analytical-2.txt
    ("calls/2026-10-20-clydeside-analytical-2.txt", "We don't sign three-year terms with a supplier we've never used", "objections/contract-terms", "Fraser Lindsay"),
    ("calls/2026-10-20-clydeside-analytical-2.txt", "I need the certificates to know which schedule a test sits under", "new:multi-site-scope", "Morag Duncan"),
    # 2026-10-22-brookline-potency.srt
    ("calls/2026-10-22-brookline-potency.srt", "the state auditors are the ones I'm worried about", "objections/accreditation-audit", "Kevin Doyle"),
    ("calls/2026-10-22-brookline-potency.srt", "that's gonna be a nightmare to bring over", "objections/migration", "Kevin Doyle"),
    ("calls/2026-10-22-brookline-potency.srt", "that's steep for us margins in cannabis testing are brutal", "objections/pricing", "Kevin Doyle"),
]

# External turns that raise no objection: pain today, questions, buying signals, logistics,
# small talk. A finding of objection-gap here, or a mention placed here, is a false positive.
NON_OBJECTIONS = [
    ("calls/2026-09-01-clydeside-analytical.vtt", "It's mental on a Monday", "pain today: tracking samples by spreadsheet"),
    ("calls/2026-09-01-clydeside-analytical.vtt", "Can I ask how you charge? Is it per user or per site?", "question about pricing, not an objection"),
    ("calls/2026-09-01-clydeside-analytical.vtt", "Tuesday the fifteenth works", "logistics"),
    ("calls/2026-09-03-kelvin-materials.srt", "the lads read them off the screen and write them on the sheet", "pain today: transcription"),
    ("calls/2026-09-03-kelvin-materials.srt", "maybe four hundred reports a month", "prospect's own volume"),
    ("calls/2026-09-08-table-bay-labs.json", "The south-easter is back", "small talk"),
    ("calls/2026-09-08-table-bay-labs.json", "When it goes down I get the call at home", "pain today: self-hosted server; not the residency concern"),
    ("calls/2026-09-08-table-bay-labs.json", "Also, how long does it usually take to go live?", "question"),
    ("calls/2026-09-08-table-bay-labs.json", "The fish guys are always asking who opened the cooler box", "buying signal"),
    ("calls/2026-09-10-fenway-environmental.txt", "Thursday afternoon would work", "logistics"),
    ("calls/2026-09-15-back-bay-analytical.vtt", "Right now we handle it with a matrix on a whiteboard", "pain today (context of the scope concern), not a new mention"),
    ("calls/2026-09-15-back-bay-analytical.vtt", "That would save us a lot of time at the counter", "buying signal"),
    ("calls/2026-09-15-back-bay-analytical.vtt", "What does the sample intake look like for the cannabis samples?", "question"),
    ("calls/2026-09-17-banjara-testing.json", "Current system is basically paper logbooks", "pain today"),
    ("calls/2026-09-17-banjara-testing.json", "Thursday is fine, after three IST", "logistics"),
    ("calls/2026-09-22-deccan-bioassay.srt", "Okay, that is good to hear", "reassured, not an objection"),
    ("calls/2026-09-22-deccan-bioassay.srt", "can we put our own letterhead and the NABL logo?", "question"),
    ("calls/2026-09-24-moreton-environmental.vtt", "the girls in reporting basically retype everything", "pain today"),
    ("calls/2026-09-24-moreton-environmental.vtt", "how long's a typical go live", "question"),
    ("calls/2026-09-29-sunshine-coast-assay.vtt", "how many clients have you got in mining", "question"),
    ("calls/2026-10-01-golconda-qc.json", "Can the field sampling team enter the chain of custody on a tablet?", "question"),
    ("calls/2026-10-01-golconda-qc.json", "That is very useful for us", "buying signal"),
    ("calls/2026-10-01-golconda-qc.json", "then we can plan a demo for all three sites", "logistics / request, after the scope concern"),
    ("calls/2026-10-06-karoo-agri-labs.srt", "can you also send me the price in rand", "request for information"),
    ("calls/2026-10-08-moreton-followup.txt", "Can you put us in touch with a NATA lab", "request"),
    ("calls/2026-10-13-harbourside-micro.json", "We passed, so I'm in a good mood", "small talk"),
    ("calls/2026-10-13-harbourside-micro.json", "Okay, that's actually reassuring", "buying signal"),
    ("calls/2026-10-13-harbourside-micro.json", "I've got twelve analysts and some of them are not computer people", "question about training"),
    ("calls/2026-10-20-clydeside-analytical-2.txt", "intake has to be dead simple", "requirement, not an objection"),
    ("calls/2026-10-20-clydeside-analytical-2.txt", "is that fixed for the term?", "question about price and term"),
    ("calls/2026-10-22-brookline-potency.srt", "and what are we talking price wise ballpark", "question"),
]

# Which objections and themes an approved entry answers.
COVERAGE = {
    "objections/pricing": True,              # answers/pricing
    "objections/validation": True,           # answers/validation
    "objections/accreditation-audit": True,  # answers/validation (answers: lists it)
    "objections/instrument-integration": True,  # answers/instrument-integration
    "objections/migration": True,            # answers/migration
    "objections/contract-terms": False,      # only answers/contract-terms, status: draft
    "new:data-residency": False,
    "new:offline-bench": False,
    "new:multi-site-scope": False,
}

GAP_NOTES = {
    "objections/contract-terms": "known objection (objections/contract-terms.md); its only answer, answers/contract-terms, is status: draft; a tool may report the gap once per theme or once per mention",
    "new:data-residency": "prospects' clients require records hosted in-country (South Africa, India, Australia); close in words to migration ('our data', 'where the data goes') but about hosting location; no entry answers it",
    "new:offline-bench": "the bench must keep capturing results when the internet or power drops; close in words to instrument-integration ('connect', 'network', 'instruments') but about working offline; no entry answers it",
    "new:multi-site-scope": "several sites with different accreditation scopes/schedules in one system; close in words to accreditation-audit ('UKAS', 'A2LA', 'NABL', 'accreditation') but about modelling per-site scope; enablement/handling-assessors.md says there is no approved answer",
}


def read(path):
    with open(os.path.join(KB, path), encoding="utf-8") as fh:
        return fh.read()


def line_of(path, anchor):
    text = read(path)
    n = text.count(anchor)
    if n != 1:
        sys.exit(f"anchor {'missing' if n == 0 else f'ambiguous ({n})'} in {path}: {anchor!r}")
    return text[: text.index(anchor)].count("\n") + 1


def main():
    calls = {}
    labelled = set()
    for path, anchor, objection, speaker in LABELLED:
        line = line_of(path, anchor)
        calls.setdefault(path, []).append(
            {"snippet": anchor, "line": line, "objection": objection, "speaker": speaker})
        labelled.add((path, line))
    for p in os.listdir(os.path.join(KB, "calls")):
        calls.setdefault("calls/" + p, [])
    calls = {k: sorted(v, key=lambda m: m["line"]) for k, v in sorted(calls.items())}

    negatives = []
    for path, anchor, note in NON_OBJECTIONS:
        line = line_of(path, anchor)
        if (path, line) in labelled:
            sys.exit(f"negative on a labelled line: {path}:{line} {anchor!r}")
        negatives.append({"path": path, "line": line, "rules": ["objection-gap"], "note": note})

    expected = []
    for objection, covered in COVERAGE.items():
        if covered:
            continue
        mentions = [{"path": p, "line": m["line"]} for p, ms in calls.items()
                    for m in ms if m["objection"] == objection]
        item = {"rule": "objection-gap", "objection": objection,
                "path": mentions[0]["path"], "line": mentions[0]["line"],
                "mentions": mentions}
        if objection.startswith("objections/"):
            item["alt_paths"] = [objection + ".md"]
        item["note"] = GAP_NOTES[objection]
        expected.append(item)

    labels = {
        "kb": "kb",
        "today": "2026-12-01",
        "drafts": [],
        "audit": {"rules": ["objection-gap"], "expected": expected, "negatives": negatives},
        "objections": {"calls": calls, "coverage": COVERAGE},
    }
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as fh:
        json.dump(labels, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    n = sum(len(v) for v in calls.values())
    print(f"{len(calls)} calls, {n} labelled turns, {len(expected)} gaps, {len(negatives)} negatives")


if __name__ == "__main__":
    main()
