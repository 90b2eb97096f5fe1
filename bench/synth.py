"""A synthetic KB generator for benchmarks: realistic entry shapes, varied wording, many figures."""

from __future__ import annotations

import random
from pathlib import Path

TYPES = ["message", "proof_point", "case_study", "answer", "objection", "article"]
TOPICS = ["onboarding", "integrations", "pricing", "security", "support", "reporting", "mobile", "billing",
          "scheduling", "analytics", "compliance", "migration", "training", "performance", "uptime"]
NOUNS = ["teams", "customers", "technicians", "invoices", "tickets", "projects", "orders", "accounts", "sites"]
VERBS = ["cut", "reduced", "improved", "raised", "lowered", "shortened", "doubled", "sped up", "trimmed"]
MEASURES = ["time to go live", "cost per order", "first response time", "renewal rate", "error rate",
            "time to close", "onboarding time", "days to payment", "setup time", "ticket backlog"]
CUSTOMERS = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne", "Tyrell", "Soylent"]
SENTENCES = [
    "{cust} {verb} {measure} by {pct}% within {n} weeks of rollout.",
    "On average, {nouns} see a {pct}% drop in {measure} in the first year.",
    "The median {measure} fell from {a} days to {b} days across {k} {nouns}.",
    "More than {k} {nouns} rely on the platform for {topic} every day.",
    "Our {topic} module saves about ${money}K a year for a typical mid-size team.",
    "Most {nouns} are fully live in {n} weeks, with {topic} configured in the first sprint.",
    "Ask about the {topic} roadmap before promising dates; it changes every quarter.",
    "Security reviews usually finish in {n} days when the questionnaire is sent early.",
    "Prospects often worry that {topic} will slow down their {nouns}; show the pilot results.",
    "Reporting on {measure} is available out of the box, with exports to the usual BI tools.",
]


def _sentence(rng: random.Random) -> str:
    a = rng.randint(8, 40)
    return rng.choice(SENTENCES).format(
        cust=rng.choice(CUSTOMERS), verb=rng.choice(VERBS), measure=rng.choice(MEASURES), pct=rng.randint(5, 80),
        n=rng.randint(2, 16), nouns=rng.choice(NOUNS), a=a, b=rng.randint(1, a - 1), k=rng.randint(20, 2000),
        topic=rng.choice(TOPICS), money=rng.randint(50, 900))


def write_entry(root: Path, i: int, rng: random.Random) -> Path:
    kind = TYPES[i % len(TYPES)]
    topic = rng.choice(TOPICS)
    title = f"{topic.title()} {kind.replace('_', ' ')} {i}"
    paras = []
    for _ in range(rng.randint(1, 3)):
        paras.append(" ".join(_sentence(rng) for _ in range(rng.randint(2, 4))))
    metric = ""
    if kind in ("proof_point", "case_study"):
        metric = (f"metrics:\n  - id: m-{i}\n    name: {rng.choice(MEASURES)} for {topic}\n"
                  f"    value: {rng.randint(5, 80)}\n    unit: percent\n    source: Study {i}\n")
    text = (f"---\ntype: {kind}\ntitle: {title}\nowner: owner{i % 17}@example.com\nreviewed: 2026-0{1 + i % 9}-15\n"
            f"topics: [{topic}]\nsources:\n  - title: Study {i}\n    date: 2026-03-01\n{metric}---\n\n"
            f"# {title}\n\n" + "\n\n## Details\n\n".join(paras) + "\n")
    path = root / kind / f"entry-{i:05d}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def make_kb(root: Path, n: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    (root / "canon.toml").write_text('[kb]\nname = "Bench Co"\n')
    for i in range(n):
        write_entry(root, i, rng)
    return root
