"""Build labels.json for the Ravelin corpus from anchor strings.

Every label names an exact anchor that occurs once in its call file; this script turns it into
a 1-based line number, finds the speaker of that line, checks that the speaker is external and
that the turn is the one meant, and writes labels.json next to this file. No line number is
written by hand. Run: python build.py  (exit status 1 if any anchor fails).
"""
import json
import re
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
KB = HERE / "kb"
CALLS = KB / "calls"

KNOWN = {
    "objections/price-per-head": True,
    "objections/site-adoption": True,
    "objections/union-consultation": True,
    "objections/payroll-cutover": True,
    "objections/security-review": True,
    "objections/incumbent-contract": False,  # only answer is answers/incumbent-contract, status: draft
}
NEW = {
    "new:tronc-tips": "prospects need tips, gratuities and service charge shared out by hours worked (tronc), "
                      "recorded, and kept apart from pay for national insurance; no entry covers tips or tronc",
    "new:offline-clocking": "sites lose connectivity or power (load-shedding, basements, satellite links); "
                            "prospects need clocking to keep working offline; no entry covers offline behaviour",
    "new:visa-work-hours": "staff on student visas, work permits or passes may only work limited hours; prospects "
                           "need the rota to know and enforce the limits; no entry covers visa or permit hour caps",
}

# (anchor, objection, extra)   extra: optional=True, alt=[other acceptable objection ids], note
P, A, U, Y, S, I = ("objections/price-per-head", "objections/site-adoption", "objections/union-consultation",  # noqa: E741
                    "objections/payroll-cutover", "objections/security-review", "objections/incumbent-contract")
T, O, V = "new:tronc-tips", "new:offline-clocking", "new:visa-work-hours"  # noqa: E741

LABELS = {
    "2026-08-03-kestrel-lodge-hotels.vtt": [
        ("Three pounds forty a head across nine hundred people", P, {}),
        ("Still, it's a new line and the board only sees new lines.", P, {"note": "pushback after the billing-model answer"}),
        ("Since the allocation law came in we have to show that every penny of card tips goes to staff", T,
         {"note": "introduced as 'not really your pricing': about money but not about price"}),
        ("Please do, because that's the bit that would actually stop me.", T, {"note": "follow-up that makes the tips point a deal-breaker"}),
        ("any change to how people clock in goes through the reps first", U, {}),
    ],
    "2026-08-06-saffron-street-kitchens.srt": [
        ("and the head chefs are the problem to be honest", A, {}),
        ("we tried one of these scheduling apps two years back", A, {}),
        ("and half the kitchen porters don't have a phone that works with it anyway", A,
         {"note": "answers the rep's question with a new side of the objection (staff without phones)"}),
        ("can i ask about the the hours thing because that's actually my bigger worry", V,
         {"note": "the turn runs over several cues; the student twenty-hour cap is two cues later"}),
        ("so does it know who's on a student visa and stop them", V, {"optional": True, "note": "short follow-up question restating the worry"}),
        ("yeah please because it's it's a sponsor licence type risk for us", V, {}),
        ("the other thing is tips so", T, {"note": "'tronc' is misheard as 'trunk' twice in this turn"}),
        ("through the payroll but as a tronc payment so no national insurance", T,
         {"optional": True, "note": "answer to the rep's question; restates the requirement"}),
    ],
    "2026-08-12-bluegum-catering.json": [
        ("When there's load-shedding, the client's Wi-Fi goes down with everything else", O, {}),
        ("Two hours of Stage 4 in the middle of breakfast service", O, {}),
        ("If a weekly payroll is wrong, these are people who earn by the week.", Y, {}),
        ("So if you want us to move payroll, I need to know how you make sure the first run is not wrong.", Y, {}),
        ("We're going to have ID numbers, bank accounts and tax numbers for three thousand people.", S, {}),
        ("And a questionnaire.", S, {"optional": True, "note": "short follow-up"}),
        ("Also, same question as Pieter, really.", O,
         {"alt": [S], "note": "offline clocking seen from security (cached clock-ins on a shared tablet); either theme is acceptable"}),
    ],
    "2026-08-18-marlow-finch.txt": [
        ("We re-signed with Shiftwise in March. Three years.", I, {}),
        ("And there's a clause, if we leave early we pay the rest of it.", I, {}),
        ("I'm not paying two vendors for the same thing.", I, {}),
        ("The bureau knows all our quirks", Y, {}),
    ],
    "2026-08-25-tui-bay-resorts.vtt": [
        ("our housekeeping and kitchen staff are covered by the collective", U,
         {"note": "the union (E tu) is misheard as 'eat to'; the turn runs over eight cues"}),
        ("yeah it would be the tracking", U, {}),
        ("so fiordland the lodge is pretty remote", O, {"note": "the question is one sentence split over four cues"}),
        ("yeah cause otherwise it's the whiteboard again", O, {"optional": True, "note": "short follow-up"}),
        ("and the other thing um is the older staff", A, {}),
    ],
    "2026-09-01-lion-city-dining.json": [
        ("About forty percent of our kitchen staff are on work permits", V, {}),
        ("For us it is a compliance matter. Last year one outlet was fined.", V, {}),
        ("Honestly, whatever the price is, it will be compared with Excel, which is free.", P, {}),
        ("Our group IT requires a vendor risk assessment before any system with NRIC numbers", S, {}),
    ],
    "2026-09-07-highveld-hotels.srt": [
        ("Lerato Khumalo: First, just so you have the picture", U,
         {"optional": True, "note": "sets up the union objection (union membership numbers) without stating it"}),
        ("Two years ago we tried to bring in biometric clocks at Sandton.", U, {}),
        ("A photo is still a face, from their point of view.", U, {}),
        ("They'll want to know who can see the records.", U, {"optional": True, "note": "short follow-up"}),
        ("The thing that worries me is power.", O, {"note": "about power, not price or security"}),
        ("we lose power at three in the morning, changeover, and nobody can clock out", O, {}),
        ("Lerato Khumalo: Then there's the contract question.", I, {"optional": True, "note": "announces the next turn's objection"}),
        ("Our current time and attendance comes with the hotel system.", I, {}),
        ("And I'm not paying twice. That's the part I'd need solved.", I, {}),
    ],
    "2026-09-10-copperpot-pubs.vtt": [
        ("and the margins on a wet led pub are not what people think", P,
         {"note": "the turn starts two cues earlier ('i'll be honest i've come in a bit sceptical')"}),
        ("but even so", P, {}),
        ("the other thing is the tips", T, {}),
        ("cause that's what would actually sell it to me", T, {"optional": True, "note": "follow-up framed as a buying condition"}),
        ("and can i ask about the payroll switch", Y, {}),
        ("and if it's not right after two", Y, {"optional": True, "note": "short follow-up question"}),
    ],
    "2026-09-15-pemberton-catering.json": [
        ("so my worry um", A, {}),
        ("so whatever it is", A, {}),
        ("the the bigger one for me is the students", V, {}),
        ("because if it can't", V, {}),
        ("so that's the other thing", I, {}),
        ("and procurement will say", I, {"note": "procurement will insist on the contracted incumbent"}),
    ],
    "2026-09-21-harbour-and-vine.txt": [],
    "2026-09-24-marina-quay-hotels.vtt": [
        ("the group CISO has a vendor assessment that takes three to four months", S, {}),
        ("My concern is the payroll.", Y, {"note": "names service charge distributions among payroll duties; still the payroll-move fear, not tips"}),
        ("There is also the contract.", I, {}),
        ("I asked them once to remove it and they said the bundle price is the same.", I,
         {"optional": True, "note": "answer to the rep's question, adds detail"}),
        ("My CFO will ask the same question first.", I, {"optional": True, "note": "short follow-up"}),
    ],
    "2026-09-30-karoo-kitchen-co.srt": [
        ("but the thing is", O, {}),
        ("ja because otherwise", O, {"optional": True, "note": "short follow-up"}),
        ("Annelie Steyn: and price", P, {}),
        ("it's still a lot of money", P, {}),
        ("but i'm not promising", P, {"optional": True, "note": "lukewarm reply to the offer of a business case"}),
        ("and the tips", T, {"note": "tip pool for the kitchen, not a price or payroll concern"}),
        ("because i spend", T, {"optional": True, "note": "follow-up describing the current pain"}),
    ],
    "2026-10-06-thistle-and-oak-inns.json": [
        ("the GMB has members", U, {}),
        ("that we'd use it to discipline people for being two minutes late", U, {}),
        ("Before is the key word.", U, {}),
        ("And my worry's the managers, to be blunt.", A, {}),
    ],
    "2026-10-13-orchid-table.json": [
        ("I have one thing that decides it for me.", V, {}),
        ("Please be specific, because MOM inspections are not a joke.", V, {}),
        ("We had an incident last year with an HR vendor", S, {"note": "mentions a vendor, but the concern is data security"}),
        ("I'll need our DPO to go through all of this before we can continue.", S, {"optional": True, "note": "process gate"}),
    ],
    "2026-10-20-wakefield-arms-group.txt": [
        ("so we're on sage at the moment in house", Y, {}),
        ("and our lot they're they're not shy", Y, {}),
        ("there's a lease on them till twenty twenty eight", I, {"note": "a hardware lease with the incumbent"}),
        ("so i'm i'm not sure how we get out of that", I, {}),
        ("i think there's a um break at the three year point", I, {"optional": True, "note": "answer to the rep's question"}),
        ("can we keep the um the payroll on sage for the first few months", Y,
         {"optional": True, "note": "request that follows from the payroll worry"}),
    ],
    "2026-10-27-fernhill-events.vtt": [
        ("Can I bring it back to money for a second?", P, {}),
        ("The thing I actually need to understand is gratuities.", T, {}),
        ("And it has to come through payroll without national insurance, through the tronc.", T,
         {"note": "sounds like money and payroll; it is the tronc requirement"}),
    ],
}

# External turns that look like objections but are not: pain, questions, buying signals, logistics,
# small talk. A finding here is a false positive.
NEGATIVES = {
    "2026-08-03-kestrel-lodge-hotels.vtt": [
        ("my GMs spend their Sunday nights on the rota", "current pain"),
        ("It doesn't read the kitchen porters' fingers", "current pain with their old clock"),
        ("Does the occupancy come straight out of the PMS, or do we type it in?", "information question"),
        ("What would the timeline look like, roughly, if we went for it?", "buying signal"),
        ("Could we pilot at Llandrindod first?", "buying signal"),
        ("And can you send the recording to Gareth's assistant, Bethan?", "logistics"),
    ],
    "2026-08-06-saffron-street-kitchens.srt": [
        ("and the rota honestly it's it's a nightmare it's whatsapp groups and a spreadsheet per site", "current pain"),
        ("what does it actually cost ballpark", "information question"),
        ("right that's fine that's in line with what i expected", "price accepted"),
        ("yes please tuesday or wednesday afternoon works", "logistics"),
    ],
    "2026-08-12-bluegum-catering.json": [
        ("Every week there are registers I can't read.", "current pain"),
        ("Two periods of weekly, or two months?", "clarifying question"),
        ("March is year-end, I won't have time to breathe.", "scheduling constraint"),
        ("Let's do Charlotte Maxeke first, that's the hardest one.", "buying signal"),
    ],
    "2026-08-18-marlow-finch.txt": [
        ("It's the bit after the rota that's a mess.", "current pain"),
        ("Overtime last quarter was up eleven percent and nobody can tell me why.", "current pain, own figure"),
        ("Keeping the bureau, I could live with.", "accepts the answer"),
        ("Can you do the demo on the twenty-seventh?", "logistics"),
    ],
    "2026-08-25-tui-bay-resorts.vtt": [
        ("and the rosters are all on a whiteboard", "current pain"),
        ("oh texts would be great actually", "buying signal"),
        ("could we start with tekapo", "buying signal"),
    ],
    "2026-09-01-lion-city-dining.json": [
        ("Every month-end my team chases forty Excel files", "current pain"),
        ("CPF is built in, including the different rates by age?", "information question"),
        ("Can I ask about the cost? We have many part-timers who work only weekends.", "information question"),
        ("Can you come to our office for a demo next Thursday?", "logistics"),
    ],
    "2026-09-07-highveld-hotels.srt": [
        ("Okay, good. That's actually something they've asked for.", "accepts the answer"),
        ("Do you integrate with our PMS for occupancy, by the way?", "information question"),
        ("Nice. That's actually the piece I want most.", "buying signal"),
    ],
    "2026-09-10-copperpot-pubs.vtt": [
        ("points not percent", "clarifying question"),
        ("okay i like that", "accepts the answer"),
        ("would you bill from signature or from go live", "information question"),
    ],
    "2026-09-15-pemberton-catering.json": [
        ("some of the universities have their own clocks that we're not allowed to touch", "current situation"),
        ("i can get them to sit still for that maybe", "accepts the answer"),
        ("honestly a pilot at one university", "buying signal"),
    ],
    "2026-09-21-harbour-and-vine.txt": [
        ("Our staff swap shifts in a Messenger group at eleven at night", "current pain"),
        ("We've got old iPads from the POS switch, would those work?", "information question"),
        ("Let's keep the accountant for now.", "scope choice, not a payroll objection"),
        ("Our public holiday rates are a headache.", "current pain"),
        ("What would the cost be for around ninety staff?", "information question"),
        ("If the quote's in the right ballpark I'd like to sign before Christmas", "buying signal"),
    ],
    "2026-09-24-marina-quay-hotels.vtt": [
        ("and I want to stop paying overtime that nobody approved", "current pain"),
        ("Granted by whom?", "clarifying question"),
        ("Do you support our mobile device management?", "information question"),
        ("Yes, after the F1 weekend please.", "logistics"),
    ],
    "2026-09-30-karoo-kitchen-co.srt": [
        ("and the book lies", "current pain"),
        ("okay send us the", "logistics"),
    ],
    "2026-10-06-thistle-and-oak-inns.json": [
        ("It's dreich up here", "small talk"),
        ("Two tribunal claims last year about unpaid hours.", "current pain (the reason to buy)"),
        ("What's the cost looking like for six hundred?", "information question"),
        ("And can you do a visit?", "logistics"),
    ],
    "2026-10-13-orchid-table.json": [
        ("And honestly the catering side is chaos.", "current pain"),
        ("And after someone leaves, how long do you keep their data?", "information question"),
        ("What about integration with our POS?", "information question"),
    ],
    "2026-10-20-wakefield-arms-group.txt": [
        ("basically we're sold on the rota bit", "buying signal"),
        ("right okay april's better", "accepts the answer"),
        ("tuesday's good come to the flying horse", "logistics"),
    ],
    "2026-10-27-fernhill-events.vtt": [
        ("Our staffing coordinator texts people from a spreadsheet.", "current pain"),
        ("Okay, that's a very different number. Fine.", "price objection resolved"),
        ("Send me the contract terms as well, I'd like to read them early.", "logistics, not a contract objection"),
    ],
}


def internal_names():
    cfg = tomllib.loads((KB / "canon.toml").read_text())
    return set(cfg["calls"]["internal_speakers"])


class CallIndex:
    """Speaker and turn span of every text line of one call file."""

    def __init__(self, path: Path, internal: set):
        self.path = path
        self.lines = path.read_text(encoding="utf-8").split("\n")
        self.speaker = {}   # line -> speaker name
        self.role = {}      # line -> internal/external
        self.turn = {}      # line -> (first, last) text lines of the turn
        getattr(self, "_" + path.suffix[1:])(internal)

    def _cue_turns(self, items, internal):
        # items: (line, speaker) in order; consecutive cues of one speaker are one turn
        i = 0
        while i < len(items):
            j = i
            while j + 1 < len(items) and items[j + 1][1] == items[i][1]:
                j += 1
            for k in range(i, j + 1):
                ln, sp = items[k]
                self.speaker[ln] = sp
                self.role[ln] = "internal" if sp in internal else "external"
                self.turn[ln] = (items[i][0], items[j][0])
            i = j + 1

    def _vtt(self, internal):
        items = []
        for n, text in enumerate(self.lines, 1):
            m = re.match(r"<v ([^>]+)>", text) or re.match(r"([A-Z][\w' -]+?): ", text)
            if m and "-->" not in text:
                items.append((n, m.group(1)))
        self._cue_turns(items, internal)

    _srt = _vtt

    def _txt(self, internal):
        items = []
        for n, text in enumerate(self.lines, 1):
            m = re.match(r"(?:\[[\d:]+\] )?([A-Z][\w' -]+?): ", text)
            if m:
                items.append((n, m.group(1)))
        for ln, sp in items:
            self.speaker[ln] = sp
            self.role[ln] = "internal" if sp in internal else "external"
            self.turn[ln] = (ln, ln)

    def _json(self, internal):
        data = json.loads("\n".join(self.lines))
        if isinstance(data, dict) and "parties" in data:
            party = {p["speakerId"]: p for p in data["parties"]}
            cur, members = None, []
            for n, text in enumerate(self.lines, 1):
                m = re.search(r'"speakerId": "(\d+)", "topic"', text)
                if m:
                    cur, members = party[m.group(1)], []
                elif cur and '"text":' in text:
                    members.append(n)
                    self.speaker[n] = cur["name"]
                    self.role[n] = cur["affiliation"]
                    for k in members:
                        self.turn[k] = (members[0], n)
            return
        for n, text in enumerate(self.lines, 1):
            m = re.search(r'"speaker": "([^"]+)"', text)
            if m:
                sp = m.group(1)
                r = re.search(r'"role": "(\w+)"', text)
                self.speaker[n] = sp
                self.role[n] = r.group(1) if r else ("internal" if sp in internal else "external")
                self.turn[n] = (n, n)


def locate(idx: CallIndex, anchor: str):
    hits = [n for n, t in enumerate(idx.lines, 1) if anchor in t]
    if len(hits) != 1:
        raise SystemExit(f"{idx.path.name}: anchor {anchor!r} found {len(hits)} times")
    n = hits[0]
    if n not in idx.speaker:
        raise SystemExit(f"{idx.path.name}:{n}: anchor {anchor!r} is not on a speaker's line")
    return n


def main():
    internal = internal_names()
    files = sorted(p.name for p in CALLS.iterdir())
    assert sorted(LABELS) == files, set(files) ^ set(LABELS)
    assert sorted(NEGATIVES) == files, set(files) ^ set(NEGATIVES)
    calls, negatives, mentions = {}, [], {}
    for name in files:
        idx = CallIndex(CALLS / name, internal)
        out, labelled = [], set()
        for anchor, objection, extra in LABELS[name]:
            assert objection in KNOWN or objection in NEW, objection
            n = locate(idx, anchor)
            if idx.role[n] != "external":
                raise SystemExit(f"{name}:{n}: {idx.speaker[n]} is not external")
            rec = {"snippet": anchor, "objection": objection, "line": n, "speaker": idx.speaker[n]}
            first, last = idx.turn[n]
            if (first, last) != (n, n):
                rec["turn_lines"] = [first, last]
            if extra.get("alt"):
                rec["alt_objections"] = extra["alt"]
            if extra.get("optional"):
                rec["optional"] = True
            if extra.get("note"):
                rec["note"] = extra["note"]
            out.append(rec)
            labelled.update(range(first, last + 1))
            if not extra.get("optional"):
                mentions.setdefault(objection, []).append({"path": f"calls/{name}", "line": n})
        calls[f"calls/{name}"] = out
        for anchor, why in NEGATIVES[name]:
            n = locate(idx, anchor)
            if idx.role[n] != "external":
                raise SystemExit(f"{name}:{n}: negative {anchor!r} is not an external turn")
            if n in labelled:
                raise SystemExit(f"{name}:{n}: negative {anchor!r} lies in a labelled turn")
            negatives.append({"call": f"calls/{name}", "line": n, "speaker": idx.speaker[n],
                              "snippet": anchor, "note": why})

    for theme in NEW:
        raised = {m["path"] for m in mentions.get(theme, [])}
        assert len(raised) >= 2, (theme, raised)
    for theme in KNOWN:
        assert mentions.get(theme), theme

    coverage = {k: v for k, v in KNOWN.items()}
    coverage.update({k: False for k in NEW})

    gaps = []
    for theme, covered in coverage.items():
        if covered:
            continue
        ms = mentions[theme]
        g = {"rule": "objection-gap", "objection": theme, "path": ms[0]["path"], "line": ms[0]["line"],
             "mentions": ms}
        if theme in KNOWN:
            g["alt_paths"] = [f"{theme}.md"]
            g["note"] = (f"known objection ({theme}.md); its only answer, answers/incumbent-contract, is status: draft; "
                         "a tool may report the gap once per theme or once per mention")
        else:
            g["note"] = NEW[theme] + "; a tool may report the gap once per theme or once per mention"
        gaps.append(g)

    labels = {
        "today": "2026-11-01",
        "kb": "kb",
        "audit": {"rules": ["objection-gap"], "expected": gaps, "negatives": []},
        "objections": {"calls": calls, "coverage": coverage, "negatives": negatives},
    }
    (HERE / "labels.json").write_text(json.dumps(labels, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    counts = {}
    for recs in calls.values():
        for r in recs:
            key = (r["objection"], "optional" if r.get("optional") else "required")
            counts[key] = counts.get(key, 0) + 1
    for (theme, kind), c in sorted(counts.items()):
        print(f"{theme:34} {kind:9} {c}")
    print("calls raising each theme:", {t: len({m['path'] for m in ms}) for t, ms in mentions.items()})
    print("negatives:", len(negatives))


if __name__ == "__main__":
    main()
