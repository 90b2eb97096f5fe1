"""Benchmark of objection finding: calls per minute, and how much the prefilter saves.

Generates synthetic sales calls (100 turns each by default, alternating seller and prospect, with
small talk, logistics, volumes, process talk, questions and objections in varied wording), then
times what ``canon ingest`` spends on them for objections (embedding the texts ``call_texts``
picks) and what ``canon objections`` spends (``analyze`` on cached vectors).

    python bench/bench_objections.py                 # 1,000 calls, the real model
    python bench/bench_objections.py --fake          # the fake embedder: the analysis alone
    python bench/bench_objections.py --calls 100     # fewer calls
    python bench/bench_objections.py --memory 10000,40000,110000   # peak memory of one long call

``--memory`` analyses one call of each given number of turns (fake embedder) and prints the peak
of what Python and numpy allocate during ``analyze`` (tracemalloc): it grows linearly with turns.

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from knowledge.model import Call, Entry, Sentence, Turn  # noqa: E402
from knowledge.objections import analyze, call_texts, candidates, skip_reason  # noqa: E402

NAMES = ["Dana", "Lee", "Priya", "Omar", "Grace", "Ivan", "Mei", "Tom", "Ana", "Raj"]
TOOLS = ["NetSuite", "SAP", "Salesforce", "Workday", "HubSpot", "Zendesk", "Jira", "Oracle"]
TEAMS = ["finance", "IT", "legal", "procurement", "security", "ops", "support", "marketing"]
NUMS = ["two", "five", "twelve", "forty", "a hundred", "three thousand", "nine thousand", "fifteen"]
PERIODS = ["a week", "a month", "a quarter", "a year"]
THINGS = ["tickets", "orders", "invoices", "contracts", "requests", "shipments", "claims", "leads"]

SMALL = ["Yeah.", "Okay.", "Sure.", "Right, right.", "Got it.", "Mm-hmm.", "That works.", "Makes sense.",
         "Yep, go ahead.", "Okay, sure, that's fine."]
GREET = ["Hi {n}, thanks for making the time.", "Good morning, can you hear me okay?",
         "Sorry, I was on mute.", "Could we get thirty minutes next week?", "Does Tuesday at 2pm work?",
         "Can you send the deck after the call?", "Let me share my screen.", "Send me the link."]
VOLUME = ["We process about {x} {t} {p}.", "We handle roughly {x} {t} {p}, more in the spring.",
          "We're getting maybe {x} {t} {p} right now."]
PROCESS = ["Today everything goes through {tool}, and the {team} team reviews it by hand.",
           "Most of the {t} come in by email and someone copies them into {tool}.",
           "The {team} team owns that part, and they sit in three offices.",
           "We moved to {tool} two years ago and it has been fine for the basics.",
           "Our {team} lead approves anything above a certain amount.",
           "We grew a lot this year, mostly through two acquisitions.",
           "The reports come out of {tool} at the end of every month.",
           "Half of the team works remotely, the rest is in the main office."]
QUESTION = ["How does the sync with {tool} work?", "What does the reporting look like?",
            "Who would we work with during onboarding?", "Can it handle {t} in other currencies?",
            "What does a typical rollout look like?", "How do permissions work for the {team} team?"]
OBJECTION = ["Honestly, this is more than we budgeted for this year.",
             "Our {team} team won't approve another vendor without a full review.",
             "I'm worried the integration with {tool} will break like the last one did.",
             "We can't commit to a three-year term with a company we haven't worked with.",
             "My team is stretched too thin to run a project before the end of the quarter.",
             "The last tool we rolled out, nobody used it, and I don't want to repeat that.",
             "Our data has to stay in the EU, that's a deal-breaker for our {team} team.",
             "I'm not sure the price makes sense next to hiring one more person."]
REP = ["That's a fair concern, let me explain how we handle that.", "Understood.",
       "Great, so let me show you the dashboard.", "Our customers usually go live in about six weeks.",
       "We connect to {tool} natively, no file exports.", "So what happens today when something goes wrong?",
       "How many people are on the {team} team?", "I'll send over a summary after the call."]

KINDS = [(SMALL, 25), (GREET, 8), (VOLUME, 7), (PROCESS, 27), (QUESTION, 18), (OBJECTION, 15)]


def _fill(rng: random.Random, template: str) -> str:
    return template.format(n=rng.choice(NAMES), tool=rng.choice(TOOLS), team=rng.choice(TEAMS),
                           x=rng.choice(NUMS), t=rng.choice(THINGS), p=rng.choice(PERIODS))


def synthetic_call(i: int, turns: int, rng: random.Random) -> Call:
    pools, weights = zip(*KINDS, strict=True)
    out: list[Turn] = []
    line = 1
    for k in range(turns):
        if k % 2 == 0:
            speaker, role, texts = "Rita Rep", "internal", [_fill(rng, rng.choice(REP))]
        else:
            speaker, role = rng.choice(NAMES[:3]), "external"
            texts = [_fill(rng, rng.choice(rng.choices(pools, weights)[0])) for _ in range(rng.choice((1, 1, 2, 3)))]
        sentences = [Sentence(text=t, line=line, column=1) for t in texts]
        out.append(Turn(speaker=speaker, text=" ".join(texts), line=line, role=role, sentences=sentences))
        line += 4
    return Call(path=f"calls/synthetic-{i:04d}.vtt", turns=out, roles_known=True)


KB = [
    Entry(id="objections/pricing", path="objections/pricing.md", type="objection", title="Too expensive",
          examples=["This is more than we budgeted for.", "We can't justify the cost right now."]),
    Entry(id="objections/security", path="objections/security.md", type="objection", title="Security review",
          examples=["Our security team will need to review you first.", "How do you store our data?"]),
    Entry(id="objections/integration", path="objections/integration.md", type="objection",
          title="It won't work with our systems",
          examples=["Will it really sync with our ERP?", "Integrations always break for us."]),
    Entry(id="objections/contract", path="objections/contract.md", type="objection", title="No long contracts",
          examples=["We don't sign multi-year contracts with new vendors."]),
    Entry(id="answers/pricing", path="answers/pricing.md", type="answer", title="Answering price",
          answers=["objections/pricing"], body="Work out the cost of the current process with them."),
]


def memory(turn_counts: list[int], seed: int) -> None:
    import tracemalloc

    import numpy as np

    from knowledge.embedding import FakeEmbedder

    embedder = FakeEmbedder()
    print("peak memory of analyze on one call (fake embedder, tracemalloc)")
    for turns in turn_counts:
        call = synthetic_call(0, turns, random.Random(seed))
        texts = list(dict.fromkeys(t for _, _, t in call_texts(call)))
        cache = dict(zip(texts, embedder.embed(texts), strict=True))

        def vectors(batch: list[str], cache: dict[str, np.ndarray] = cache) -> np.ndarray:
            missing = [t for t in dict.fromkeys(batch) if t not in cache]
            if missing:
                cache.update(zip(missing, embedder.embed(missing), strict=True))
            return np.stack([cache[t] for t in batch]) if batch else np.zeros((0, embedder.dim), dtype=np.float32)

        vectors(list(KB[0].examples))
        tracemalloc.start()
        t0 = time.perf_counter()
        result = analyze([call], KB, vectors)
        elapsed = time.perf_counter() - t0
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        mentions = sum(len(o.mentions) for o in result.objections)
        print(f"  {turns:>7,} turns  {mentions:>6,} mentions  peak {peak / 2**20:8.1f} MiB  {elapsed:6.1f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--calls", type=int, default=1000)
    ap.add_argument("--turns", type=int, default=100)
    ap.add_argument("--fake", action="store_true", help="the fake embedder instead of the real model")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--memory", help="comma-separated turn counts: peak memory of one call each")
    args = ap.parse_args()
    if args.memory:
        memory([int(x) for x in args.memory.split(",")], args.seed)
        return

    rng = random.Random(args.seed)
    calls = [synthetic_call(i, args.turns, rng) for i in range(args.calls)]

    if args.fake:
        from knowledge.embedding import FakeEmbedder

        embedder = FakeEmbedder()
    else:
        from knowledge.embedding import get_embedder

        embedder = get_embedder("bulk")
        embedder.embed(["warm up"])  # load the model outside the timing

    # What ingest embeds for objections, against embedding every sentence and turn of prospects.
    t0 = time.perf_counter()
    texts = [t for c in calls for _, _, t in call_texts(c)]
    t_select = time.perf_counter() - t0
    turns = skipped = 0
    all_sentences = 0
    prospect_turns = 0
    for c in calls:
        _, n, s = candidates(c)
        turns += n
        skipped += s
        for t in c.turns:
            if t.role != "internal":
                prospect_turns += 1
                all_sentences += len(t.sentences)
    kept_sentences = sum(1 for c in calls for t in c.turns if t.role != "internal"
                         for s in t.sentences if skip_reason(s.text) is None)
    unique = list(dict.fromkeys(texts))
    t0 = time.perf_counter()
    matrix = embedder.embed(unique, batch_size=256)
    t_embed = time.perf_counter() - t0
    cache = dict(zip(unique, matrix, strict=True))

    import numpy as np

    def vectors(batch: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(batch) if t not in cache]
        if missing:
            cache.update(zip(missing, embedder.embed(missing), strict=True))
        return np.stack([cache[t] for t in batch]) if batch else np.zeros((0, embedder.dim), dtype=np.float32)

    vectors(["warm"])
    t0 = time.perf_counter()
    result = analyze(calls, KB, vectors)
    t_analyze = time.perf_counter() - t0

    model = "fake embedder" if args.fake else getattr(embedder, "name", "model")
    n = len(calls)
    print(f"canon objections benchmark: {n} synthetic calls x {args.turns} turns ({model})")
    print(f"  prospect turns                {prospect_turns:>9,}")
    print(f"  turns skipped by prefilter    {skipped:>9,}  ({skipped / max(1, turns):.0%})")
    print(f"  sentences skipped             {all_sentences - kept_sentences:>9,}  "
          f"({(all_sentences - kept_sentences) / max(1, all_sentences):.0%} of {all_sentences:,})")
    print(f"  texts embedded at ingest      {len(texts):>9,}  ({len(unique):,} distinct; without the prefilter: "
          f"{all_sentences + prospect_turns:,})")
    print(f"  select texts                  {t_select:>9.2f} s")
    print(f"  embed (ingest)                {t_embed:>9.2f} s   {len(unique) / max(t_embed, 1e-9):,.0f} texts/s")
    print(f"  analyze (canon objections)    {t_analyze:>9.2f} s   {n / max(t_analyze, 1e-9) * 60:,.0f} calls/min")
    total = t_select + t_embed + t_analyze
    print(f"  end to end                    {total:>9.2f} s   {n / max(total, 1e-9) * 60:,.0f} calls/min")
    known = sum(1 for o in result.objections if o.known)
    print(f"  found: {known} known objections, {len(result.objections) - known} themes, "
          f"{sum(len(o.mentions) for o in result.objections):,} mentions")


if __name__ == "__main__":
    main()
