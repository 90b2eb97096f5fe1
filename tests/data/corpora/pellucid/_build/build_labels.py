"""Build labels.json for the Pellucid corpus from anchor strings.

Each label names an exact snippet that occurs once in its call file; this script turns it into a
line number (the line where the mention's text starts), adds `turn_lines` [first, last] where the
speaker's turn spans several lines, checks the speaker, and writes ../labels.json.

Run: python3 tests/data/corpora/pellucid/_build/build_labels.py
"""
import json
import pathlib
import re

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
KB = ROOT / "kb"
CALLS = KB / "calls"
INTERNAL = {"Orla Whelan", "Declan Moriarty", "Katrin Albrecht", "Felix Brandt", "Camila Duarte",
            "Rafael Nogueira", "Ethan Tremblay", "Anjali Mehra"}

AT, VB, HO, PR, VA, SB = ("objections/audit-trail", "objections/validation-package",
                          "objections/hosting-region", "objections/pricing",
                          "objections/vendor-audit", "objections/site-burden")
SOP, TURN, PAPER = "new:sponsor-sop-fit", "new:site-staff-turnover", "new:paper-source-sites"

# (call, speaker, snippet, objection, optional, note)
M = []
def m(call, speaker, snippet, objection, optional=False, note=None):
    M.append((call, speaker, snippet, objection, optional, note))
N = []
def neg(call, speaker, snippet, note):
    N.append((call, speaker, snippet, note))

c = "calls/2026-08-05-shannonside-cro.vtt"
m(c, "Ciarán Hegarty", "We would of course need to understand how the audit trail would satisfy our inspectors", AT,
  note="polite, indirect: a condition phrased as a need to understand")
m(c, "Ciarán Hegarty", "I'm not saying yours is bad, I simply haven't seen it.", AT, True,
  "softening follow-up of the same objection")
m(c, "Ciarán Hegarty", "And has anyone actually been inspected on it?", AT,
  note="sceptical question about evidence: a real inspection, not a mock one")
m(c, "Fionnuala Byrne", "Honestly that's more than the sponsors budget for EDC", PR)
m(c, "Fionnuala Byrne", "I'd have to sell it to them as a line in the study budget", PR)
m(c, "Fionnuala Byrne", "Please do. It would need to be a very clear story.", PR, True, "short follow-up")
neg(c, "Fionnuala Byrne", "Our monitors spend half their visits on transcription checks", "current pain, not an objection to Pellucid")
neg(c, "Fionnuala Byrne", "All of them. We're on whatever the sponsor picks", "describes the current situation")
neg(c, "Ciarán Hegarty", "And the reason for change, is that free text or a pick list?", "question asking for information")
neg(c, "Ciarán Hegarty", "Okay. That's cleaner than what we have.", "positive reaction")
neg(c, "Fionnuala Byrne", "What about the remote review piece", "question asking for information")
neg(c, "Fionnuala Byrne", "So realistically, Orla, what does this cost for a study our size?", "asks for the price; the objection comes after the answer")
neg(c, "Fionnuala Byrne", "The twenty-sixth works for me.", "scheduling")
neg(c, "Orla Whelan", "We've a few CROs who pass it through as a study cost", "the rep's own words")

c = "calls/2026-08-12-isarbio-therapeutics.srt"
m(c, "Murat Yilmaz", "Our data protection officer has made very clear that patient data must not leave the European Union", HO,
  note="condition of the deal, raised before any evaluation")
m(c, "Murat Yilmaz", "If this is not possible, we do not need to look at the functions.", HO)
m(c, "Murat Yilmaz", "And your cloud provider, it is an American company, no?", HO, True, "short sceptical follow-up")
m(c, "Sabine Hoffmann", "Our QA has a rule, every computerised system vendor must be audited before we sign any contract.", VA,
  note="condition of the deal; the turn starts with 'The second topic is quality.'")
m(c, "Sabine Hoffmann", "So the question is, can our auditor come to you in Dublin, and how fast.", VA)
m(c, "Sabine Hoffmann", "Please also include the audit rights in the contract draft", VA, True, "a request that carries the same condition")
m(c, "Murat Yilmaz", "And one more thing on validation. Our SOPs for computer system validation are written for the old world", SOP,
  note="worded like the validation objection, but the concern is rewriting the sponsor's own SOPs for a system released by the vendor, not the pack's cost or testing effort")
m(c, "Murat Yilmaz", "I am not sure we have the capacity to rewrite our SOP landscape before the first patient.", SOP)
m(c, "Murat Yilmaz", "It helps for the testing, but the problem is our own documents.", SOP,
  note="rejects the release assessment as an answer: the gap is the sponsor's own documents")
neg(c, "Murat Yilmaz", "Please send it. Our DPO will want to read it himself.", "logistics; the concern itself is labelled above")
neg(c, "Sabine Hoffmann", "What I liked in the demo from Katrin last month was the query workflow.", "buying signal and current pain")
neg(c, "Sabine Hoffmann", "Four days would be very good.", "buying signal")
neg(c, "Murat Yilmaz", "Is it possible to import lab data from a central lab, as a file?", "question asking for information")
neg(c, "Sabine Hoffmann", "Please before end of August, because in September we decide.", "scheduling")
neg(c, "Sabine Hoffmann", "So we start the phase two for our lead compound", "introduction / context")

c = "calls/2026-08-19-hospital-sao-lucas-norte.json"
m(c, "Marcos Albuquerque", "many of these hospitals they are small", PAPER,
  note="raw speech recognition; paper source and no connectivity at network sites; the turn starts with the site count")
m(c, "Leticia Prado", "sometimes one week later sometimes more", PAPER, True, "short follow-up")
m(c, "Marcos Albuquerque", "so my concern with any any electronic system is that in these sites the the source will stay on paper", PAPER)
m(c, "Leticia Prado", "yeah and the monitors they have to travel eight hours by bus", PAPER, True,
  "current pain, but said as a reason the system will not help")
m(c, "Marcos Albuquerque", "the paper is the rule there", PAPER)
m(c, "Leticia Prado", "because with the uh elegy pd our legal department is very very strict now", HO,
  note="'elegy pd' is LGPD misheard; the turn starts with 'can i ask about the data'")
m(c, "Leticia Prado", "and the the support people they access from where", HO, True, "short follow-up")
m(c, "Leticia Prado", "ok good because last year one vendor said the data is in the us", HO, True,
  "story of a past vendor after the concern is answered")
m(c, "Marcos Albuquerque", "for the the are dc on computerized systems we need the documentation in portuguese for the inspection", AT, True,
  "'and visa' / 'are dc' are ANVISA / RDC misheard; an inspection-readiness condition or a plain request for documents")
m(c, "Marcos Albuquerque", "um honestly the the other question is the cost", PR)
m(c, "Marcos Albuquerque", "so if the price is like the international price we we cannot", PR)
m(c, "Marcos Albuquerque", "for our own studies it is it is our money", PR, True, "elaboration of the budget objection")
neg(c, "Leticia Prado", "yes next week is possible thursday or friday", "scheduling")
neg(c, "Camila Duarte", "ok so i will send a proposal for one investigator study", "the rep's own words")

c = "calls/2026-08-27-laurentian-oncology-network.txt"
m(c, "Sunil Kapoor", "And our coordinators pay for that.", SB, True,
  "describes the current burden of many systems; becomes an objection in the next turn")
m(c, "Sunil Kapoor", "Honestly, if I go to them with a sixth system, they'll revolt.", SB)
m(c, "Sunil Kapoor", "Most of our sites don't, though. They're small hospitals.", SB, True, "short follow-up rejecting single sign-on as an answer")
m(c, "Geneviève Roy", "The other thing, and this is different, is that our coordinators don't stay.", TURN,
  note="said right after the site-burden objection; the concern is continuity when coordinators leave, not one more system")
m(c, "Geneviève Roy", "Every time someone leaves, their access has to be shut", TURN)
m(c, "Sunil Kapoor", "And the sponsor monitors then find all the gaps at once.", TURN, True, "short follow-up")
m(c, "Geneviève Roy", "Any system has to survive the people leaving.", TURN)
m(c, "Sunil Kapoor", "the quote had the validation package as a separate line", VB,
  note="condition of the deal: the validation package fee; the turn starts with 'And then on the cost side'")
m(c, "Sunil Kapoor", "Well we're not a sponsor with a validation team.", VB)
neg(c, "Geneviève Roy", "What data do you have on remote monitoring?", "asks for evidence without doubting it")
neg(c, "Geneviève Roy", "Oh, I know people at Tamarack.", "buying signal")
neg(c, "Geneviève Roy", "And the data is in Canada?", "confirmation question, answered and accepted ('Fine.')")
neg(c, "Geneviève Roy", "So the Laurentian Oncology Network is nineteen cancer centres", "introduction / context")
neg(c, "Sunil Kapoor", "Okay. That would help.", "acknowledgement")

c = "calls/2026-09-02-midlands-crf.vtt"
m(c, "Padraig Costello", "we'd we'd need to see how the the audit trail lines up with and next eleven", AT,
  note="raw speech recognition: 'and next eleven' is Annex 11, 'part leaven' is Part 11; the turn's first cue is 'can i just say from the from the quality side'")
m(c, "Padraig Costello", "like i don't want a brochure i want to see it", AT, True, "short follow-up")
m(c, "Eimear Kinsella", "our research nurses are mostly on on one year contracts", TURN,
  note="sentence continues over several cues ('the nurse who knew the system' / 'left and the new one starts from zero')")
m(c, "Eimear Kinsella", "and there's nobody to show them", TURN, True, "continuation in a new turn")
m(c, "Eimear Kinsella", "it is and it's it's not the system's fault but any system we bring in has to cope with that", TURN)
m(c, "Padraig Costello", "shutting off leavers", TURN, True, "access for leavers: part of the turnover concern or a security point")
m(c, "Eimear Kinsella", "i i have to be honest with you the investigator studies are funded by the hrb", PR,
  note="the turn's first cue is 'and then the budget'")
neg(c, "Eimear Kinsella", "which is not where we want to be", "current pain")
neg(c, "Eimear Kinsella", "maybe eight or nine of our own", "the prospect's own volumes")
neg(c, "Eimear Kinsella", "the week after next is better", "scheduling")
neg(c, "Orla Whelan", "mm that sounds really hard", "the rep's own words")

c = "calls/2026-09-09-elbmark-clinical.json"
m(c, "Henrik Sörensen", "The main point is the validation package.", VB, note="condition of the deal: the pack's fee")
m(c, "Henrik Sörensen", "Our procurement asks me, what exactly do we pay for", VB)
m(c, "Henrik Sörensen", "But still, for us the price must come down or it must be part of the licence", VB)
m(c, "Deniz Kaya", "Before we can sign, we need to do a vendor audit.", VA, note="condition of the deal")
m(c, "Deniz Kaya", "And we need the audit right also for your hosting provider, in the contract.", VA)
m(c, "Deniz Kaya", "It must be before the contract, not after.", VA, True, "short follow-up")
m(c, "Deniz Kaya", "Our quality system is built on our own CSV SOPs", SOP,
  note="the pack's content is accepted; the sponsor's SOPs require it rewritten in their own templates")
m(c, "Deniz Kaya", "This is many weeks of work which nobody counts in the offer.", SOP,
  note="mentions the offer, but the cost is the sponsor's own SOP work, not the pack's fee")
m(c, "Deniz Kaya", "And the inspectors check that we followed our own SOP, not yours.", SOP, True, "short follow-up")
m(c, "Henrik Sörensen", "If the validation question is solved, we want to start", VB, True,
  "a conditional buying signal that restates the validation objection")
neg(c, "Henrik Sörensen", "We like the product, to be clear.", "buying signal")
neg(c, "Henrik Sörensen", "Our CRAs tested the remote review", "buying signal")
neg(c, "Deniz Kaya", "Please also send the quality manual", "logistics for the audit")
neg(c, "Henrik Sörensen", "Wednesday is fine.", "scheduling")
neg(c, "Felix Brandt", "So the content would be fine, but the format has to follow your SOP.", "the rep's own words")

c = "calls/2026-09-15-cerrado-bio.srt"
m(c, "Thiago Mendes", "and many of these sites are are not in são paulo", PAPER, True,
  "describes where the sites are and that they work on paper; the objection is drawn from it in the next turns")
m(c, "Juliana Castro", "the prontuário is paper", PAPER, True, "short follow-up")
m(c, "Thiago Mendes", "so i read your material about remote monitoring", PAPER, True,
  "sceptical question about the 35% figure; a reviewer could file it as a general evidence challenge rather than under paper sources")
m(c, "Thiago Mendes", "because if the source is paper then remote review means somebody at the site has to", PAPER)
m(c, "Thiago Mendes", "so for for our sites i think the monitor still goes there and", PAPER)
m(c, "Juliana Castro", "and the other problem", TURN,
  note="raw speech recognition; coordinators who stay six months")
m(c, "Juliana Castro", "so you train one person", TURN, note="'as the v' is SDV misheard")
m(c, "Thiago Mendes", "yeah in our last study one site changed coordinator three times", TURN, True, "supporting anecdote")
m(c, "Juliana Castro", "and the delegation log is always behind", TURN)
neg(c, "Thiago Mendes", "but what i liked is the the query part", "buying signal and current pain")
neg(c, "Thiago Mendes", "in brazil maybe a bit more", "jocular aside, not pressed")
neg(c, "Thiago Mendes", "so what we need now is the the proposal for forty sites", "buying signal")
neg(c, "Thiago Mendes", "and we need to present to the board in october so before that", "scheduling")
neg(c, "Thiago Mendes", "so um as i told camila we are planning the the phase three", "introduction; 'dapper glee flows in' is dapagliflozin misheard")

c = "calls/2026-09-22-fundy-biotherapeutics.json"
m(c, "Owen Fraser", "My first question is simple. Where's the data?", HO, note="condition: Quebec sites and Law 25")
m(c, "Owen Fraser", "And backups?", HO, True, "short follow-up")
m(c, "Owen Fraser", "I'll need that in writing for the REB, but okay.", HO, True, "accepts with a condition")
m(c, "Rachel MacIsaac", "The second thing, and I'll be blunt, is price.", PR)
m(c, "Rachel MacIsaac", "It's not free, obviously, but that's how it looks on a spreadsheet.", PR, True, "short follow-up")
m(c, "Rachel MacIsaac", "Maybe. Four sites, though. The travel isn't the big number for us.", PR, note="rejects the rep's answer")
m(c, "Rachel MacIsaac", "I'm not saying no, I'm saying I need a much better story for the CFO.", PR)
neg(c, "Rachel MacIsaac", "We've been quoted by two of the big names", "about competitors, not about Pellucid")
neg(c, "Owen Fraser", "Can I ask about the build?", "question asking for information")
neg(c, "Owen Fraser", "How long does that take?", "question asking for information")
neg(c, "Rachel MacIsaac", "I like that you'd actually do the build.", "buying signal")
neg(c, "Rachel MacIsaac", "Can you send me a reference?", "request")
neg(c, "Rachel MacIsaac", "Let's talk again in two weeks.", "scheduling")

c = "calls/2026-09-29-brackenfield-bio.json"
m(c, "Maeve Lynch", "but the price fifty thousand for documents", VB, note="raw speech recognition; the pack's fee")
m(c, "Maeve Lynch", "especially when when the vendor should be testing its own system anyway", VB)
m(c, "Maeve Lynch", "sure but that's still the number", VB, True, "short follow-up")
m(c, "Aditya Rao", "yes the number is the issue orla", VB)
m(c, "Maeve Lynch", "second thing um we we'd need to audit you", VA)
m(c, "Maeve Lynch", "ok and we want the audit clause in the msa", VA)
m(c, "Maeve Lynch", "and then the the bigger thing for me actually is our own s o ps", SOP,
  note="'gam five' is GAMP 5 misheard; close to the validation objection in words")
m(c, "Maeve Lynch", "with a saas system releasing every quarter", SOP,
  note="she says herself it is not about the price")
m(c, "Aditya Rao", "and maeve is is one person so", SOP, True, "capacity remark supporting the SOP concern")
m(c, "Maeve Lynch", "if they actually changed their s o ps i want to see what they did", SOP, True, "accepts a next step, keeps the concern")
neg(c, "Aditya Rao", "from the clinical side i am actually quite happy", "buying signal and past pain")
neg(c, "Aditya Rao", "very painful the investors were not happy", "past pain")
neg(c, "Aditya Rao", "send me the revised offer before the fifteenth", "scheduling")
neg(c, "Declan Moriarty", "yeah ok that's a fair distinction", "the rep's own words")

c = "calls/2026-10-02-klinikum-weserbergland.txt"
m(c, "Thomas Lindner", "Now my questions. First, the inspection.", AT,
  note="polite and indirect ('I do not doubt it, but I must see it')")
m(c, "Petra Wagner", "My question is about the personnel.", TURN)
m(c, "Petra Wagner", "Every new person must be trained, must get the access", TURN)
m(c, "Petra Wagner", "Because the training of the system is maybe two hours.", TURN,
  note="explicitly says the system training is not the problem: the study knowledge leaves with the person")
m(c, "Thomas Lindner", "And the hosting. I assume this is in Germany?", HO, True, "a question that anticipates the concern")
m(c, "Thomas Lindner", "Dublin. Hm. Our data protection officer prefers Germany only.", HO)
m(c, "Thomas Lindner", "I will ask her, but please be prepared that this can be a problem.", HO)
neg(c, "Petra Wagner", "And the study nurses hate it.", "pain with the current system")
neg(c, "Thomas Lindner", "So, our situation.", "introduction / context")
neg(c, "Petra Wagner", "Can the nurse enter data on a tablet at the bedside?", "question asking for information")
neg(c, "Thomas Lindner", "And the reason for change is mandatory?", "question asking for information")
neg(c, "Thomas Lindner", "Then please send us an offer for three own studies per year", "buying signal")

c = "calls/2026-10-07-pampa-research.vtt"
m(c, "Gustavo Lima", "But maybe a third of our sites are in small cities", PAPER, True, "describes the sites; the objection follows")
m(c, "Gustavo Lima", "So I would like to understand what remote review really means for a site like that.", PAPER,
  note="polite, indirect")
m(c, "Gustavo Lima", "Certified copies of every visit, for every patient?", PAPER, note="rejects the rep's answer")
m(c, "Gustavo Lima", "So for those sites, I think nothing changes", PAPER)
m(c, "Fernanda Rocha", "The second point is the price. Your proposal is in euros.", PR,
  note="condition of the deal: currency and a fixed price")
m(c, "Fernanda Rocha", "Is it possible to have a price in reais, fixed for the duration of the study?", PR)
m(c, "Fernanda Rocha", "Please. It is honestly the most important point for me.", PR, True, "short follow-up")
m(c, "Gustavo Lima", "And the validation package, it is also in euros, and it is quite expensive for us.", VB)
m(c, "Gustavo Lima", "Yes, I read it. I understand the value, but the value in reais is high.", VB)
m(c, "Fernanda Rocha", "What I need from you is a proposal in reais", PR, True,
  "sums up both the currency and the validation-pack objections")
neg(c, "Fernanda Rocha", "The team liked it, I will say this first.", "buying signal")
neg(c, "Fernanda Rocha", "We have a sponsor study in oncology starting in March.", "buying signal")
neg(c, "Rafael Nogueira", "Yes, for a paper source the site would upload a certified copy", "the rep's own words")

c = "calls/2026-10-14-aspen-prairie-research.json"
m(c, "Dawn Sinclair", "But it was written by your own clinical quality team, right?", AT,
  note="sceptical question about evidence")
m(c, "Dawn Sinclair", "So, with respect, it's you marking your own homework.", AT)
m(c, "Dawn Sinclair", "One inspection, in Europe.", AT, note="not satisfied by the answer")
m(c, "Kwame Mensah", "My concern is the site side.", SB, True, "announces the concern; the next turn states it")
m(c, "Kwame Mensah", "Our coordinators already work in four or five sponsor systems.", SB)
m(c, "Kwame Mensah", "And they tell us.", SB, note="short follow-up that carries the objection ('please not another one')")
m(c, "Kwame Mensah", "But that only helps once they have several studies on Pellucid.", SB, note="rejects the answer")
m(c, "Kwame Mensah", "Saskatoon and Regina will be fine.", SB, True, "rural sites; site burden rather than paper sources")
m(c, "Dawn Sinclair", "And before we sign anything, we'll need to audit you.", VA, note="condition of the deal")
m(c, "Dawn Sinclair", "Our legal will also want audit rights in the MSA", VA)
neg(c, "Kwame Mensah", "That might help, actually.", "acknowledgement")
neg(c, "Kwame Mensah", "Can the monitors see all their sites on one dashboard?", "question asking for information")
neg(c, "Dawn Sinclair", "we'd like to put the Winnipeg cardiology study on it in the new year", "buying signal")

c = "calls/2026-10-20-neckarbio.vtt"
m(c, "Laura Schmitt", "our s o p for computer system validation", SOP,
  note="raw speech recognition; worded like the validation objection, but the concern is the sponsor's own SOP templates; the turn starts 'yes so i am from quality'")
m(c, "Laura Schmitt", "honestly this is the work", SOP)
m(c, "Laura Schmitt", "and we have only two people in quality", SOP, True, "capacity remark")
m(c, "Jan Becker", "and also the the cost of this validation pack", VB,
  note="the fee, made worse by the SOP work ('we pay twice')")
m(c, "Jan Becker", "either the the validation pack is much cheaper", VB, note="the turn's first cue is 'so our management said'")
m(c, "Jan Becker", "where is the data", HO, note="the turn starts 'and then the the it question'; 'gdp are person' is GDPR misheard")
m(c, "Jan Becker", "the american cloud provider", HO, note="CLOUD Act")
m(c, "Jan Becker", "this is the point where she says yes or no", HO, True, "short follow-up")
m(c, "Jan Becker", "so if we solve the data protection and the the validation", VB, True,
  "a conditional buying signal restating two objections")
neg(c, "Laura Schmitt", "and also for the bath arm", "request for a system description; 'bath arm' is BfArM misheard")
neg(c, "Jan Becker", "otherwise um the the demo was very good", "buying signal")
neg(c, "Laura Schmitt", "on vacation", "scheduling")

c = "calls/2026-10-23-ardmore-research.srt"
neg(c, "Siobhán Farrell", "The multi-study credit on the validation pack made the difference.", "a resolved objection, now a buying signal")
neg(c, "Siobhán Farrell", "So we'd like to go ahead with the dermatology study as the pilot", "buying signal")
neg(c, "Rory Gallagher", "Just for context, Declan, our monitors are drowning at the moment.", "current pain")
neg(c, "Rory Gallagher", "How does it handle the reference equations?", "question asking for information")
neg(c, "Siobhán Farrell", "We'd want first patient in by the end of January.", "timeline")
neg(c, "Siobhán Farrell", "Can we do the kick-off on the fourth?", "scheduling")
neg(c, "Siobhán Farrell", "who will be our contact after signature?", "question asking for information")

c = "calls/2026-10-28-hospital-boa-vista-recife.txt"
m(c, "André Moura", "And in those hospitals, everything is on paper.", PAPER, True, "describes the sites; the objection follows")
m(c, "André Moura", "So when you say the site enters the data directly into the eCRF, I think, who?", PAPER)
m(c, "André Moura", "Which means the source is the paper in the sertão and the monitor must go there anyway.", PAPER)
m(c, "Patrícia Cavalcanti", "So for us the question is whether the system gives any benefit for these sites", PAPER, note="polite, indirect")
m(c, "André Moura", "And then the people.", TURN, note="temporary contracts replaced after municipal elections")
m(c, "André Moura", "We train them, they get access, and three months later they are gone", TURN)
m(c, "Patrícia Cavalcanti", "We had one site where we lost all data collection for two months", TURN, True, "supporting anecdote")
m(c, "Patrícia Cavalcanti", "And then the cost.", PR)
m(c, "Patrícia Cavalcanti", "Not by a little. I would say by half.", PR, True, "short follow-up")
m(c, "Patrícia Cavalcanti", "We want to use a proper system, the foundation also wants this", PR)
neg(c, "André Moura", "I travel. Eight hours by car.", "how they work today")
neg(c, "Patrícia Cavalcanti", "For the whole study, five years.", "answers the rep's question")
neg(c, "André Moura", "The data stays in Brazil, correct?", "confirmation question about a condition already met")
neg(c, "André Moura", "Good, that was one of the conditions from the foundation.", "the condition is met; no concern left")
neg(c, "Patrícia Cavalcanti", "Let me give you the context again, for André.", "introduction / context")

COVERAGE = {AT: True, VB: True, HO: True, SB: True, PR: False, VA: False, SOP: False, TURN: False, PAPER: False}
GAP_NOTES = {
    PR: "known objection (objections/pricing.md); its only answer, answers/pricing, is status: draft",
    VA: "known objection (objections/vendor-audit.md); no entry answers it",
    SOP: "the sponsor's own CSV, change-control and template SOPs would have to be rewritten for a vendor-released system; no objection entry; the validation-package answer covers the pack's fee and testing effort only",
    TURN: "site coordinators and study nurses leave often (short contracts, rotations, elections): access, delegation log, retraining and data-entry gaps; no objection entry; the site-burden answer is about one more system, not continuity",
    PAPER: "sites keep paper source documents and have poor connectivity, so remote review and direct entry do not reach them; no objection entry or approved entry addresses it",
}

# ---------------------------------------------------------------- line finding
def text_lines(path):
    """(line_no, speaker) for every line that carries a turn's text."""
    lines = path.read_text(encoding="utf-8").split("\n")
    out = []
    suffix = path.suffix
    if suffix == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "parties" in data:
            names = {p["speakerId"]: p["name"] for p in data["parties"]}
            cur = None
            for i, ln in enumerate(lines, 1):
                mm = re.search(r'"speakerId": "(\d+)", "topic"', ln)
                if mm:
                    cur = names[mm.group(1)]
                elif '"text":' in ln and cur:
                    out.append((i, cur))
                elif ln.strip().startswith("]}"):
                    out.append((None, None))  # turn boundary
        else:
            for i, ln in enumerate(lines, 1):
                mm = re.search(r'"speaker": "([^"]+)"', ln)
                if mm:
                    out.append((i, mm.group(1)))
                    out.append((None, None))
    else:
        for i, ln in enumerate(lines, 1):
            mm = re.match(r"<v ([^>]+)>", ln) or re.match(r"(?:\[\d\d:\d\d:\d\d\] )?([A-ZÀ-Ý][\w' À-ÿ.-]+?): ", ln)
            if mm:
                out.append((i, mm.group(1)))
    return lines, out

def turns_of(entries):
    turns, cur = [], []
    for ln, sp in entries:
        if ln is None:
            if cur: turns.append(cur); cur = []
            continue
        if cur and cur[-1][1] != sp:
            turns.append(cur); cur = []
        cur.append((ln, sp))
    if cur: turns.append(cur)
    return turns

def locate(call, speaker, snippet):
    path = KB / call
    lines, entries = text_lines(path)
    hits = [i for i, ln in enumerate(lines, 1) if snippet in ln]
    assert len(hits) == 1, (call, snippet, hits)
    line = hits[0]
    for turn in turns_of(entries):
        nums = [ln for ln, _ in turn]
        if line in nums:
            assert turn[0][1] == speaker, (call, snippet, turn[0][1], speaker)
            return line, (nums[0], nums[-1]) if len(nums) > 1 else None
    raise AssertionError((call, snippet, "no turn"))

calls = {f"calls/{p.name}": [] for p in sorted(CALLS.iterdir())}
for call, speaker, snippet, obj, opt, note in M:
    assert speaker not in INTERNAL
    line, tl = locate(call, speaker, snippet)
    rec = {"snippet": snippet, "objection": obj, "line": line, "speaker": speaker}
    if tl: rec["turn_lines"] = list(tl)
    if opt: rec["optional"] = True
    if note: rec["note"] = note
    calls[call].append(rec)
for v in calls.values():
    v.sort(key=lambda r: r["line"])

negatives = []
for call, speaker, snippet, note in N:
    line, tl = locate(call, speaker, snippet)
    rec = {"path": call, "line": line, "speaker": speaker, "snippet": snippet, "note": note}
    negatives.append(rec)
    for r in calls[call]:  # a negative never shares a turn with a mention
        lo, hi = r.get("turn_lines", [r["line"], r["line"]])
        assert not (lo <= line <= hi), (call, snippet, r["snippet"])

gaps = []
for obj, covered in COVERAGE.items():
    if covered: continue
    ms = [(c, r) for c, rs in calls.items() for r in rs if r["objection"] == obj]
    req = [(c, r) for c, r in ms if not r.get("optional")]
    first = req[0]
    g = {"rule": "objection-gap", "objection": obj, "path": first[0], "line": first[1]["line"],
         "mentions": [{"path": c, "line": r["line"]} for c, r in req]}
    if obj.startswith("objections/"):
        g["alt_paths"] = [obj + ".md"]
    g["related"] = sorted({c for c, _ in ms})
    g["note"] = GAP_NOTES[obj] + "; a tool may report the gap once per theme or once per mention"
    gaps.append(g)

labels = {
    "today": "2026-11-01",
    "kb": "kb",
    "drafts": [],
    "audit": {"rules": ["objection-gap"], "expected": gaps, "negatives": []},
    "objections": {"calls": calls, "coverage": COVERAGE, "negatives": negatives},
}
(ROOT / "labels.json").write_text(json.dumps(labels, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

from collections import Counter
req = Counter(r["objection"] for rs in calls.values() for r in rs if not r.get("optional"))
opt = Counter(r["objection"] for rs in calls.values() for r in rs if r.get("optional"))
ncalls = {o: len({c for c, rs in calls.items() for r in rs if r["objection"] == o}) for o in COVERAGE}
for o in COVERAGE:
    print(f"{o:32s} required {req[o]:3d} optional {opt[o]:3d} calls {ncalls[o]}")
print("mentions", sum(req.values()), "+", sum(opt.values()), "optional; negatives", len(negatives))
