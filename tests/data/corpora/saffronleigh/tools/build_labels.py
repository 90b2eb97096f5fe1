"""Build labels.json from anchor strings. Stdlib only.
Each anchor must occur exactly once in its call file; the 1-based line where it occurs is the label's line.
A negative on a labelled line is refused."""
import json
import os
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
KB = os.path.join(ROOT, "kb")
P, S, T, C, F = "objections/pricing", "objections/staff-adoption", "objections/implementation-time", "objections/contract-terms", "objections/forecast-trust"
POS = "objections/pos-integration"
OFF, FRA, CUR = "new:offline-connectivity", "new:franchisee-data-ownership", "new:local-currency-billing"

# (call, anchor, objection, speaker)
OBJ = [
 ("2026-09-03-boulangerie-verot.vtt", "Our caisses are not Lightspeed", POS, "Julien Masson"),
 ("2026-09-03-boulangerie-verot.vtt", "I don't want to type the sales of nine shops", POS, "Julien Masson"),
 ("2026-09-03-boulangerie-verot.vtt", "Julien knows better than any computer", F, "Sandrine Vérot"),
 ("2026-09-03-boulangerie-verot.vtt", "I don't believe a program will know my clients", F, "Julien Masson"),
 ("2026-09-08-pendle-bakehouse.srt", "That's over twenty grand a year", P, "Gary Pickering"),
 ("2026-09-08-pendle-bakehouse.srt", "we're not Greggs", P, "Gary Pickering"),
 ("2026-09-08-pendle-bakehouse.srt", "the shop girls won't use it", S, "Gary Pickering"),
 ("2026-09-08-pendle-bakehouse.srt", "They'll ring me anyway, you watch", S, "Shelley Ainsworth"),
 ("2026-09-10-karachi-crust.json", "The franchise partners, their sales figures", FRA, "Aamir Siddiqui"),
 ("2026-09-10-karachi-crust.json", "the franchisees will not agree to head office", FRA, "Aamir Siddiqui"),
 ("2026-09-10-karachi-crust.json", "But the data must stay theirs.", FRA, "Aamir Siddiqui"),
 ("2026-09-10-karachi-crust.json", "Ramadan this year starts mid February", T, "Farah Naqvi"),
 ("2026-09-10-karachi-crust.json", "Twelve days for first shop, but for all twenty two?", T, "Farah Naqvi"),
 ("2026-09-15-lone-star-kolache.txt", "Three years? No ma'am.", C, "Brenda Kowalski"),
 ("2026-09-15-lone-star-kolache.txt", "I'm not doing another long contract.", C, "Brenda Kowalski"),
 ("2026-09-15-lone-star-kolache.txt", "Twenty-one's real money for us.", P, "Brenda Kowalski"),
 ("2026-09-17-kauri-loaf.json", "properly out in the wop-wops", OFF, "Jess Tan"),
 ("2026-09-17-kauri-loaf.json", "if the ordering's all online and the connection drops", OFF, "Jess Tan"),
 ("2026-09-17-kauri-loaf.json", "Even the EFTPOS goes down out there sometimes.", OFF, "Hemi Walker"),
 ("2026-09-17-kauri-loaf.json", "If it can't read TillMate", POS, "Hemi Walker"),
 ("2026-09-22-maison-ferrand.json", "I am skeptical of the forecast", F, "Thierry Ferrand"),
 ("2026-09-22-maison-ferrand.json", "I doubt the machine sees that before me", F, "Nadia Benali"),
 ("2026-09-22-maison-ferrand.json", "Berthet is bread, it is more regular.", F, "Thierry Ferrand"),
 ("2026-09-22-maison-ferrand.json", "The galette des rois is our biggest month", T, "Thierry Ferrand"),
 ("2026-09-22-maison-ferrand.json", "I would prefer to start after the galettes", T, "Nadia Benali"),
 ("2026-09-24-ancoats-bread.vtt", "i'll be straight with you", S, "Dean Fletcher"),
 ("2026-09-24-ancoats-bread.vtt", "they want the sheet on the wall same as always", S, "Dean Fletcher"),
 ("2026-09-24-ancoats-bread.vtt", "and what about the shop girls", S, "Rachel Dunn"),
 ("2026-09-24-ancoats-bread.vtt", "like out of habit even if it's on the ipad", S, "Rachel Dunn"),
 ("2026-09-24-ancoats-bread.vtt", "the other thing is the bakery wifi", OFF, "Dean Fletcher"),
 ("2026-09-24-ancoats-bread.vtt", "so the screen on the wall in the bake room", OFF, "Dean Fletcher"),
 ("2026-09-29-shireen-bakers.srt", "yes i saw it the price is in dollars", CUR, "Usman Qureshi"),
 ("2026-09-29-shireen-bakers.srt", "last year the rupee fell so much", CUR, "Usman Qureshi"),
 ("2026-09-29-shireen-bakers.srt", "so can you bill in rupees", CUR, "Usman Qureshi"),
 ("2026-09-29-shireen-bakers.srt", "the amount we can discuss the amount is okay", CUR, "Usman Qureshi"),
 ("2026-09-29-shireen-bakers.srt", "and one more thing the proposal says three years", C, "Usman Qureshi"),
 ("2026-09-29-shireen-bakers.srt", "we are opening in lahore", C, "Usman Qureshi"),
 ("2026-10-01-bayou-bagel.json", "the two airport stores are on the concession", POS, "Kevin Nguyen"),
 ("2026-10-01-bayou-bagel.json", "We don't even get a file from them.", POS, "Kevin Nguyen"),
 ("2026-10-01-bayou-bagel.json", "Because the quote was already higher than I'd hoped", P, "Tanya Broussard"),
 ("2026-10-01-bayou-bagel.json", "We're a bagel shop, not a bank.", P, "Tanya Broussard"),
 ("2026-10-06-ponsonby-pies.vtt", "so that's sort of my worry with the forecasting side", F, "Mere Hohaia"),
 ("2026-10-06-ponsonby-pies.vtt", "like when the rugby's on at eating park", F, "Mere Hohaia"),
 ("2026-10-06-ponsonby-pies.vtt", "yeah nah i reckon a computer's not gonna know", F, "Tama Rewiti"),
 ("2026-10-06-ponsonby-pies.vtt", "yeah see that's a bit of a problem for us", CUR, "Mere Hohaia"),
 ("2026-10-06-ponsonby-pies.vtt", "we'd want it in en zed dee fixed", CUR, "Mere Hohaia"),
 ("2026-10-06-ponsonby-pies.vtt", "and the grey lynn shop the internet drops out", OFF, "Tama Rewiti"),
 ("2026-10-06-ponsonby-pies.vtt", "if the shop can't get online to put the order in", OFF, "Tama Rewiti"),
 ("2026-10-08-croissanterie-des-canuts.srt", "My fear is the franchisés.", S, "Mathilde Roux"),
 ("2026-10-08-croissanterie-des-canuts.srt", "some of them are not very digital", S, "Karim Haddad"),
 ("2026-10-08-croissanterie-des-canuts.srt", "But there is also a second problem, more delicate.", FRA, "Mathilde Roux"),
 ("2026-10-08-croissanterie-des-canuts.srt", "If your forecast needs the detail of their caisse", FRA, "Mathilde Roux"),
 ("2026-10-08-croissanterie-des-canuts.srt", "the franchisé must be the owner of his data", FRA, "Mathilde Roux"),
 ("2026-10-13-salford-oven.txt", "But it's Sage 50 desktop, not the cloud one.", POS, "Naz Akhtar"),
 ("2026-10-13-salford-oven.txt", "And the market stalls have no till at all", POS, "Naz Akhtar"),
 ("2026-10-13-salford-oven.txt", "And the contract, Imogen.", C, "Carl Heywood"),
 ("2026-10-13-salford-oven.txt", "I'm not tying it into a three-year deal", C, "Carl Heywood"),
 ("2026-10-13-salford-oven.txt", "A year, with a break.", C, "Carl Heywood"),
 ("2026-10-15-clifton-naan.json", "honestly the price is too high for us", P, "Omar Baig"),
 ("2026-10-15-clifton-naan.json", "we are six branches only and the margin", P, "Omar Baig"),
 ("2026-10-15-clifton-naan.json", "we have not kept this in the budget", P, "Omar Baig"),
 ("2026-10-15-clifton-naan.json", "and the dollar pricing also for us that is a concern", CUR, "Sana Baig"),
 ("2026-10-15-clifton-naan.json", "can it be billed locally in p k r", CUR, "Sana Baig"),
 ("2026-10-20-heights-pan-dulce.vtt", "Timing, honestly.", T, "Rosa Delgado"),
 ("2026-10-20-heights-pan-dulce.vtt", "How long does this take anyway?", T, "Rosa Delgado"),
 ("2026-10-20-heights-pan-dulce.vtt", "After Three Kings Day though", T, "Danny Ochoa"),
 ("2026-10-20-heights-pan-dulce.vtt", "my cousin Marisol already told me", FRA, "Rosa Delgado"),
 ("2026-10-20-heights-pan-dulce.vtt", "it's also a legit business thing", FRA, "Danny Ochoa"),
 ("2026-10-20-heights-pan-dulce.vtt", "I don't need to see her numbers", FRA, "Rosa Delgado"),
 ("2026-10-20-heights-pan-dulce.vtt", "what you sent over is steep for us", P, "Rosa Delgado"),
 ("2026-10-27-tauranga-baking.srt", "my main concern is the the staff", S, "Brooke Sinclair"),
 ("2026-10-27-tauranga-baking.srt", "they're there for three months and then they're gone", S, "Brooke Sinclair"),
 ("2026-10-27-tauranga-baking.srt", "they'll just ring it in to the bakery", S, "Brooke Sinclair"),
 ("2026-10-27-tauranga-baking.srt", "the fibre isn't there yet", OFF, "Brooke Sinclair"),
 ("2026-10-27-tauranga-baking.srt", "and it drops out heaps", OFF, "Brooke Sinclair"),
]

# Non-objections in external turns: (call, anchor, note). No objection-gap may point here.
NEG = [
 ("2026-09-03-boulangerie-verot.vtt", "each evening the responsables call Julien", "pain today: how shops order"),
 ("2026-09-03-boulangerie-verot.vtt", "It takes me maybe two hours", "pain today"),
 ("2026-09-03-boulangerie-verot.vtt", "Which data does it use?", "question asking for information"),
 ("2026-09-03-boulangerie-verot.vtt", "Can you send me the information of Maison Berthet?", "buying signal"),
 ("2026-09-03-boulangerie-verot.vtt", "next Tuesday after eleven", "logistics"),
 ("2026-09-08-pendle-bakehouse.srt", "Fourteen shops ringing in between two and four", "pain today"),
 ("2026-09-08-pendle-bakehouse.srt", "Our lass hasn't had a night off", "pain today"),
 ("2026-09-08-pendle-bakehouse.srt", "What's it cost then? Give us a ballpark.", "asks the price: information, not an objection"),
 ("2026-09-08-pendle-bakehouse.srt", "Does it work on a phone", "question asking for information"),
 ("2026-09-08-pendle-bakehouse.srt", "Thursday's fine. After eleven.", "logistics"),
 ("2026-09-10-karachi-crust.json", "Orders come on WhatsApp mostly.", "pain today"),
 ("2026-09-10-karachi-crust.json", "we are having twenty two outlets now", "prospect's own volumes"),
 ("2026-09-15-lone-star-kolache.txt", "Managers text me their counts by four", "pain today"),
 ("2026-09-15-lone-star-kolache.txt", "Can you show us what the store manager sees?", "question asking for information"),
 ("2026-09-15-lone-star-kolache.txt", "Okay, that's clean. I like that.", "buying signal"),
 ("2026-09-15-lone-star-kolache.txt", "And is that price per store or for everything?", "pricing question, not an objection"),
 ("2026-09-15-lone-star-kolache.txt", "Send me the contract options and let's talk next week.", "logistics that mentions the contract"),
 ("2026-09-17-kauri-loaf.json", "Seven shops across Northland", "prospect's own volumes"),
 ("2026-09-17-kauri-loaf.json", "Mostly Lightspeed, but Paihia", "answers a question about their tills"),
 ("2026-09-17-kauri-loaf.json", "what's the pricing, roughly? In Kiwi dollars?", "asks the price: information, not a currency objection"),
 ("2026-09-22-maison-ferrand.json", "For me the problem is the pâtisserie.", "pain today"),
 ("2026-09-22-maison-ferrand.json", "Two hours, it is okay.", "acceptance"),
 ("2026-09-22-maison-ferrand.json", "Send me a proposal for February and we see.", "buying signal"),
 ("2026-09-24-ancoats-bread.vtt", "the shops ring it through to the bakery about three ish", "pain today"),
 ("2026-09-24-ancoats-bread.vtt", "oh right so they don't need a login", "clarifying question"),
 ("2026-09-24-ancoats-bread.vtt", "can you send us the er the northern crumb thing", "buying signal"),
 ("2026-09-29-shireen-bakers.srt", "actually all eleven outlets are on whatsapp", "pain today"),
 ("2026-09-29-shireen-bakers.srt", "it is too much burden on him honestly", "pain today"),
 ("2026-09-29-shireen-bakers.srt", "very good very good okay send me the revised one", "buying signal"),
 ("2026-10-01-bayou-bagel.json", "And what's the setup fee on top of the subscription?", "pricing question, not an objection"),
 ("2026-10-01-bayou-bagel.json", "Does it run on the iPads we already have", "question asking for information"),
 ("2026-10-01-bayou-bagel.json", "We throw out a ton of bagels, sure.", "pain today"),
 ("2026-10-06-ponsonby-pies.vtt", "kia ora yeah tama's our head baker", "small talk"),
 ("2026-10-06-ponsonby-pies.vtt", "sweet as can we do a demo with the shop managers", "buying signal, logistics"),
 ("2026-10-08-croissanterie-des-canuts.srt", "With a form on our extranet.", "pain today"),
 ("2026-10-08-croissanterie-des-canuts.srt", "is there an application for the phone", "question asking for information"),
 ("2026-10-08-croissanterie-des-canuts.srt", "We will present it at the franchise meeting", "buying signal"),
 ("2026-10-13-salford-oven.txt", "So we're on Sage 50 for the accounts", "describes their systems"),
 ("2026-10-13-salford-oven.txt", "How many users can we have?", "question asking for information"),
 ("2026-10-15-clifton-naan.json", "naan we don't throw so much", "pain today, own volumes"),
 ("2026-10-15-clifton-naan.json", "do you have any customer in pakistan already", "question asking for a reference"),
 ("2026-10-15-clifton-naan.json", "inshallah we speak again in june then", "logistics"),
 ("2026-10-20-heights-pan-dulce.vtt", "We're making like four thousand conchas a day", "prospect's own volumes"),
 ("2026-10-20-heights-pan-dulce.vtt", "Sure, I track day-olds already.", "pain today"),
 ("2026-10-27-tauranga-baking.srt", "kiwifruit season's kicking off", "small talk"),
 ("2026-10-27-tauranga-baking.srt", "right okay that's easier than i thought", "buying signal"),
 ("2026-10-27-tauranga-baking.srt", "sweet and do you integrate with zero", "integration question (Xero, misheard), not an objection"),
 ("2026-10-27-tauranga-baking.srt", "choice okay send me the proposal", "buying signal"),
]

COVERAGE = {P: True, POS: True, T: True, S: True, F: True, C: False, OFF: False, FRA: False, CUR: False}
GAP_NOTES = {
 C: ("2026-09-15-lone-star-kolache.txt", "known objection (objections/contract-terms.md); its only answer, answers/contract-terms, is status: draft"),
 OFF: ("2026-10-27-tauranga-baking.srt", "shops and bake rooms with unreliable internet: what happens to ordering offline; close in words to pos-integration ('connect', 'can't get online') but a different concern; nothing in the KB addresses it"),
 FRA: ("2026-10-08-croissanterie-des-canuts.srt", "franchisees' sales data must stay theirs, head office sees only orders; close to staff-adoption ('the franchisees won't...') but about data ownership, not use; nothing in the KB addresses it"),
 CUR: ("2026-09-29-shireen-bakers.srt", "prospects want billing in local currency (PKR, NZD) at a fixed rate; close to pricing in words but the amount is accepted; nothing in the KB addresses billing currency"),
}

def find(call, anchor):
    lines = open(os.path.join(KB, "calls", call), encoding="utf-8").read().split("\n")
    hits = [i + 1 for i, row in enumerate(lines) if anchor in row]
    whole = open(os.path.join(KB, "calls", call), encoding="utf-8").read().count(anchor)
    if whole != 1 or len(hits) != 1:
        sys.exit(f"anchor {anchor!r} in {call} occurs {whole} times")
    return hits[0]

calls = {c: [] for c in sorted(os.listdir(os.path.join(KB, "calls")))}
calls = {"calls/" + c: v for c, v in calls.items()}
labelled = set()
for call, anchor, obj, spk in OBJ:
    ln = find(call, anchor)
    labelled.add((call, ln))
    calls["calls/" + call].append({"snippet": anchor, "line": ln, "objection": obj, "speaker": spk})
negs = []
for call, anchor, note in NEG:
    ln = find(call, anchor)
    if (call, ln) in labelled:
        sys.exit(f"negative on a labelled line: {call}:{ln}")
    negs.append({"path": "calls/" + call, "line": ln, "rules": ["objection-gap"], "note": note})
for v in calls.values():
    v.sort(key=lambda x: x["line"])
expected = []
for obj, (central, note) in GAP_NOTES.items():
    ments = [{"path": "calls/" + c, "line": find(c, a)} for c, a, o, s in OBJ if o == obj]
    cl = [m for m in ments if m["path"] == "calls/" + central][0]
    e = {"rule": "objection-gap", "objection": obj, "path": cl["path"], "line": cl["line"], "mentions": ments,
         "note": note + "; a tool may report the gap once per theme or once per mention"}
    if obj.startswith("objections/"):
        e["alt_paths"] = [obj + ".md"]
    expected.append(e)
out = {"kb": "kb", "today": "2026-12-01",
       "audit": {"rules": ["objection-gap"], "expected": expected, "negatives": negs},
       "objections": {"calls": calls, "coverage": COVERAGE}}
with open(os.path.join(ROOT, "labels.json"), "w", encoding="utf-8") as f:
    json.dump(out, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(len(OBJ), "labelled turns;", len(negs), "negatives;", len(expected), "gaps;", Counter(o for _, _, o, _ in OBJ))
