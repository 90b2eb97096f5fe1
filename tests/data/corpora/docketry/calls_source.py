"""The text of Docketry's sales calls, read by build.py. Fictional people and firms throughout."""

THEMES = {
    "pr": "objections/pricing",
    "mi": "objections/migration",
    "ad": "objections/fee-earner-adoption",
    "tr": "objections/trust-accounting",
    "co": "objections/confidentiality",
    "dm": "objections/dms-integration",
    "off": "new:no-signal-time-capture",
    "ebp": "new:client-ebilling-portals",
    "sup": "new:support-hours",
}

CALLS = []

# 1. UK, Bristol. Discovery with the managing partner and practice manager. WebVTT, voice tags.
CALLS.append({
    "file": "2026-09-03-ashcombe-lyle.vtt",
    "format": "vtt-voice",
    "guid": "4be2c9d0-1a7f-4e35-b6c8-93d2f0a1e7c4",
    "script": """
Fiona Gallagher: Morning both, thanks for making the time. Is that Joanne and Rupert I can see?
Joanne Pike: It is, yes. Rupert's just gone to grab a coffee, he'll be with us in a sec.
Fiona Gallagher: No rush at all. How's Bristol? It's done nothing but rain in Dublin all week.
Joanne Pike: Same here, it's been grim. Oh, here he is.
Rupert Ashcombe: Sorry, sorry. Carry on.
Fiona Gallagher: Not at all. So I'd love to use today to understand how things run at Ashcombe Lyle, and then show you a little of Docketry if there's time. Does that suit?
Rupert Ashcombe: Fine by me.
Fiona Gallagher: Joanne, maybe start with you. What made you get in touch?
Joanne Pike: Honestly? Month end. Our billing run is a complete shambles. | It takes the best part of two weeks, I've got two people in accounts doing nothing but chasing partners, and the bills still go out late.
Fiona Gallagher: Two weeks. Where does the time go?
Joanne Pike: Chasing, mostly. | The partners sit on their pre-bills for days. | And then the insurance clients bounce the invoices because somebody's block-billed an entire afternoon.
Fiona Gallagher: How many fee earners are we talking about?
Joanne Pike: We're thirty-four fee earners, about fifty-five staff all in. And we put through roughly four thousand time entries a month, give or take.
Fiona Gallagher: And what are you running today?
Rupert Ashcombe: A system we bought in 2012 that the supplier has more or less stopped developing. It runs on a server in the cupboard under the stairs, which is exactly as reassuring as it sounds.
Fiona Gallagher: Ha. And how do your lawyers record time at the moment?
Rupert Ashcombe: Badly. I'll be straight with you, Fiona. [[ad:I've got partners here who've recorded their time on the back of an envelope since 1995, and no piece of software is going to change that]].
Fiona Gallagher: That's fair, and I hear it a lot. Most of what Docketry does there is suggest the time from their emails and documents, so the partner only has to confirm it. And we'd usually start with one team rather than the whole firm.
Rupert Ashcombe: [[ad:Mm. The last lot came with a pilot too. Lovely pilot. Nobody touched it once the trainer went home]].
Fiona Gallagher: What happened there, if you don't mind me asking?
Joanne Pike: The training was one afternoon in the boardroom and then nothing. Which is partly on us, to be fair.
Fiona Gallagher: That's really useful to know. Who else would be involved in a decision like this?
Rupert Ashcombe: Me, our finance partner Gita, and Joanne runs the process day to day. Gita will want to see numbers.
Fiona Gallagher: Of course. Can I ask if there's a budget pencilled in yet?
Rupert Ashcombe: [[pr:Well, judging by your website, rather more than we paid for the building]].
Fiona Gallagher: I promise it's less than the building. It's priced per fee earner who records time, and support staff don't need a paid seat.
Rupert Ashcombe: Go on then, what's a fee earner cost?
Fiona Gallagher: I'll put the exact figure in the proposal, it depends on the modules. For thirty-four fee earners with billing and the client account you'd be in the mid twenties, in thousands, per year.
Rupert Ashcombe: [[pr:Twenty-odd grand a year for timesheets. Gita will have a coronary]].
Fiona Gallagher: Understood. I'd rather build the case on Joanne's numbers than argue about a list price. Joanne, roughly how much gets written off at billing today?
Joanne Pike: I could find out. It's not small, I can tell you that much.
Fiona Gallagher: Brilliant. Could we do a proper demo with Gita on the call, then?
Joanne Pike: Thursday week works for us, the seventeenth, any time after lunch.
Fiona Gallagher: Perfect, I'll send an invite for two o'clock.
Rupert Ashcombe: Good. And send me something I can read on the train.
Fiona Gallagher: Will do. Thanks both, talk soon.
""",
})

# 2. Ireland, Naas. Demo with the managing partner and the legal cashier. SRT.
CALLS.append({
    "file": "2026-09-09-brennan-doyle.srt",
    "format": "srt",
    "script": """
Fiona Gallagher: Hi Ciarán, hi Aoife. I've Anjali with me, she'll be driving the demo today.
Anjali Rao: Hello both, good to meet you.
Ciarán Brennan: How're ye. Aoife's in with me, we're sharing the one laptop so bear with us.
Fiona Gallagher: Grand. So last time you said time recording and the client account were the two big ones.
Aoife Doyle: That's right. The client account mainly, to be honest with you.
Anjali Rao: Then I'll start with time and finish on the client account. So this is the pane inside Outlook, and these are suggested entries from yesterday's emails.
Ciarán Brennan: Is that reading the emails themselves?
Anjali Rao: It reads who the email went to and the subject, matches it to a matter, and suggests a time. The solicitor accepts it or changes it.
Ciarán Brennan: Right. I have to say that'd be a game changer for us. Half my time never makes it onto a file.
Anjali Rao: And here's the same on the phone. You start the timer against the matter when you walk into a meeting.
Ciarán Brennan: [[off:See, that's grand in the office. But I'm in the District Court in Naas three mornings a week and there's no coverage in that building at all, you'd get more signal down a well]].
Anjali Rao: That's a good one. Let me come back to you on exactly how the app behaves in that situation.
Ciarán Brennan: [[off:Because if it needs the internet, I'm writing it on the back of my hand and it's gone by lunchtime]].
Anjali Rao: Noted, I'll get you a proper answer. Now, Aoife, the client account.
Aoife Doyle: This is the bit I care about. | [[tr:The Law Society inspected us two years ago, and if the reconciliations don't come out right in a new system it's Ciarán's name on the line, not yours]].
Anjali Rao: Understood completely. The Irish accounts regulations come built in, and the three-way reconciliation runs every day. If a payment would overdraw a client ledger, it's blocked.
Aoife Doyle: [[tr:Built in by who, though? With respect, I've heard software people say that before and then I'm up till midnight with a calculator]].
Anjali Rao: That's a fair challenge. We can send you the reporting accountant's review of our controls, and I can set up a call with our compliance lead.
Aoife Doyle: That would help, yeah.
Ciarán Brennan: And how do we get everything over from the old system?
Aoife Doyle: [[mi:We've seventeen years of files in that thing. I wouldn't fancy our chances of seeing all of it come across in one piece]].
Fiona Gallagher: That's the part our migration team does for you. We run both systems side by side over a month end, and nothing gets switched off until the ledgers agree.
Ciarán Brennan: What sort of timeframe are we talking?
Fiona Gallagher: Usually a couple of months from signing to the first bills going out of Docketry.
Ciarán Brennan: We'd want to be on it before the new year if we're doing it at all.
Fiona Gallagher: That's doable. Will I send over a proposal?
Ciarán Brennan: Do, yeah. Send it to Aoife and copy me on it.
Aoife Doyle: And the compliance review, please, when you have it.
Fiona Gallagher: Will do. Thanks a million, both.
""",
})

# 3. US, Chicago. Technical call with the IT director. Conversation-intelligence JSON export.
CALLS.append({
    "file": "2026-09-15-okafor-reyes.json",
    "format": "json-parties",
    "title": "Okafor Reyes LLP - technical deep dive",
    "started": "2026-09-15T16:00:00Z",
    "party_base": 5530018842,
    "roles": {"Marcus Bell": "internal", "Claire Tremblay": "internal",
              "Lauren Kessler": "external", "Hector Reyes": "external"},
    "script": """
Marcus Bell: Hi Lauren, thanks for setting this up. | I've got Claire Tremblay with me, she's our solutions engineer for North America.
Claire Tremblay: Hi Lauren. | Good to meet you.
Lauren Kessler: Hey. | Hector said he'd try to drop in for the last fifteen minutes. | He wanted to hear the security piece himself.
Marcus Bell: Perfect. | So you sent over a list, which was great. | Want to just go down it?
Lauren Kessler: Sure. | Quick context first. | We're a hundred and forty attorneys across Chicago and Milwaukee, about three hundred and ten users total. | Everything authenticates through Entra ID today.
Claire Tremblay: Great, so single sign-on through Entra is standard, and user provisioning works over SCIM. | When someone leaves, disabling them in Entra disables them in Docketry.
Lauren Kessler: Good. | Audit logs?
Claire Tremblay: Every read of a matter, every export and every permission change is logged. | You can stream the log to your SIEM.
Lauren Kessler: Okay. | So this is the part I actually lose sleep over. | [[co:Two of our biggest clients are banks, and their outside counsel guidelines basically say no client data in a multi-tenant cloud without their sign-off]]. | I'm not going to be the one who explains to them why their matter names are sitting on somebody else's servers.
Claire Tremblay: That's a really common one. | Each firm's data sits in its own encrypted database with its own keys. | Our staff can't see matter data unless you open a time-limited support grant, and every grant is logged.
Lauren Kessler: [[co:Right, but that's your policy. | What stops an engineer at your end from just querying the thing?]]
Claire Tremblay: The keys, mainly. | Production access goes through a break-glass process, and it's part of what the ISO 27001 audit and the annual pen test look at. | We can send the pen test summary under NDA.
Lauren Kessler: Send it. | The banks will want it anyway.
Marcus Bell: Will do, today.
Lauren Kessler: Next. | Document management. | We're on iManage, on-prem, version ten point something. | Every matter has a workspace.
Claire Tremblay: Sure. | So when you open a matter in Docketry, the idea is the workspace gets created in iManage with the same number.
Lauren Kessler: "The idea is." | [[dm:That's exactly the phrase that worries me. | We had a billing system integrated with iManage before and it broke every single time either side upgraded]].
Claire Tremblay: I hear you. | I'd rather not promise the on-prem piece on this call. | Let me confirm exactly what's supported for your version.
Lauren Kessler: [[dm:Please do, because if matters don't open their workspaces automatically, the lawyers will file things in two places and I'll be cleaning it up forever]].
Marcus Bell: Understood. | I'll get you a written answer on iManage on-prem by the end of the week.
Hector Reyes: Hi, sorry, I'm late. | Did I miss the security part?
Lauren Kessler: Mostly. | I'll fill you in. | They're sending the pen test.
Hector Reyes: Good. | Honestly, the bank clients are the whole question for me. | If they're comfortable, I'm comfortable.
Marcus Bell: Makes sense. | Would it help if we joined a call with their vendor risk team?
Hector Reyes: It might. | Let me ask. | What's the timeline look like if we go ahead in, say, January?
Marcus Bell: Depending on the migration, first billing run in the spring.
Hector Reyes: That works with our fiscal year. | Lauren, anything else?
Lauren Kessler: Just the iManage answer. | That's the big one.
Marcus Bell: Got it. | Thanks both.
""",
})

# 4. Australia, Brisbane. Commercial call with the finance director. Plain text, time stamps.
CALLS.append({
    "file": "2026-09-22-kestrel-legal.txt",
    "format": "txt-stamped",
    "script": """
Tom Whitfield: G'day Bronwyn, g'day Kieran. Thanks for jumping on.
Bronwyn Hale: No worries. Kieran's got the spreadsheet open, so be nice.
Kieran Walsh: I'm always nice.
Tom Whitfield: Ha. So I sent the proposal through on Friday. I thought we'd walk through it and then talk about anything that doesn't sit right.
Bronwyn Hale: Good, because a few things don't.
Tom Whitfield: Go for it.
Bronwyn Hale: Let's start with the obvious one. [[pr:This is nearly three times what we pay for the current system, and the current system does most of the same things]].
Tom Whitfield: It does some of the same things. Can I ask how you'd feel about comparing it with what the current system costs you in write-offs, rather than in licence fees?
Bronwyn Hale: You can ask. Kieran?
Kieran Walsh: We wrote off about eleven percent of recorded time last financial year. Most of it on the insurance panel work. That's our number, not yours.
Tom Whitfield: That's a big number.
Bronwyn Hale: It is. I know it's a big number. [[pr:But the partners see the licence fee on a page and the write-offs in a different report, and I'm not winning that argument before June]].
Tom Whitfield: Okay. So part of this is getting the two numbers on the same page. I can help with that. Would a business case for the partners' meeting help?
Bronwyn Hale: It would. Kieran can give you what you need.
Kieran Walsh: Happy to. It's a mess, but it's our mess.
Tom Whitfield: Perfect. The other thing on your list was support?
Bronwyn Hale: Yes. So you're in Sydney, lovely, but where's your support team?
Tom Whitfield: The main desks are in Dublin and Chicago.
Bronwyn Hale: [[sup:Right, so when the trust reconciliation falls over at four o'clock on a Friday in Brisbane, I'm ringing a room full of people who are fast asleep]].
Tom Whitfield: I understand the worry. Priority tickets do get picked up quickly.
Kieran Walsh: [[sup:Picked up by whom, though? We had that with our last vendor, the ticket gets logged overnight and someone in another hemisphere emails us the next morning asking for a screenshot]].
Tom Whitfield: Let me get you a proper answer on how our coverage works for Queensland hours, rather than guess.
Bronwyn Hale: Please. That one matters to me more than the price, honestly.
Tom Whitfield: Noted. Anything else on the proposal?
Kieran Walsh: Payment terms. We pay annually in advance, but we'd want to start the term from go-live, not from signature.
Tom Whitfield: That's a reasonable ask, I'll check with our deal desk.
Bronwyn Hale: And can we do the next call a bit earlier? Kieran's got school pick-up.
Tom Whitfield: Of course. Does eight thirty your time on Tuesday work?
Kieran Walsh: Eight thirty's good.
Tom Whitfield: Done. I'll send the invite and the business case template today.
""",
})

# 5. UK insurer's in-house legal team: procurement call. JSON {"turns": [...]}, e-mail speaker ids.
CALLS.append({
    "file": "2026-09-29-northgate-insurance.json",
    "format": "json-turns",
    "title": "Northgate Insurance - procurement clarification call",
    "ids": {"Fiona Gallagher": "fiona.gallagher@docketry.example",
            "Ravi Kulkarni": "ravi.kulkarni@docketry.example",
            "Rebecca Osei": "r.osei@northgate-ins.example",
            "Harriet Clarke": "h.clarke@northgate-ins.example"},
    "script": """
Rebecca Osei: Thanks everyone. I'm Rebecca from group procurement, Harriet from legal operations is with me. This is the clarification call for the matter management tender.
Fiona Gallagher: Thanks Rebecca. I'm Fiona, account executive, and Ravi Kulkarni from our deal desk is here for the commercial questions.
Ravi Kulkarni: Morning all.
Rebecca Osei: I'll go through our points in order. First, supplier onboarding. We'll need your company registration number, VAT number and a copy of your professional indemnity certificate through the portal by Friday.
Fiona Gallagher: Of course, I'll have those uploaded by Thursday.
Rebecca Osei: Second, payment terms are sixty days from invoice. That's group policy and not negotiable.
Ravi Kulkarni: Understood, sixty days is fine.
Rebecca Osei: Third, price. [[pr:Your submission is materially above the other two shortlisted suppliers on the per-user rate, and I'll need a very good reason to take it to the steering group as it stands]].
Ravi Kulkarni: Appreciate the directness. Part of the difference is that our price includes the outside counsel guideline checks, which the other bidders may be quoting as a separate module.
Rebecca Osei: That may be so. I'd want to see that laid out line by line.
Ravi Kulkarni: We'll send a like-for-like breakdown.
Harriet Clarke: Can I come in on the data side? Our matter history, about nine thousand matters, lives in a set of SharePoint lists that someone built in 2016. [[mi:Nobody here fully understands them any more, and I'm not confident we'd get a clean history out of them, never mind into a new system]].
Fiona Gallagher: That's more common than you'd think. Our migration team would map the lists with you first, and you'd see a sample of migrated matters before anything goes live.
Harriet Clarke: All right. I'd want that in the implementation plan in writing.
Fiona Gallagher: It will be.
Rebecca Osei: Fourth, information security. [[co:Group InfoSec won't let this progress to contract until they've seen your ISO certificate, your latest penetration test and your list of sub-processors]].
Fiona Gallagher: We can send all three under NDA this week.
Rebecca Osei: Good. Fifth, the contract term. We prefer three years with a break at eighteen months.
Ravi Kulkarni: We can work with that.
Harriet Clarke: One more from me. How many of your customers are in-house teams rather than law firms?
Fiona Gallagher: I'll confirm the exact number in writing, but it's a smaller share of our base, mostly insurers and banks.
Harriet Clarke: Fine. That's useful context for the steering group.
Rebecca Osei: That's everything. Responses to the points by the twelfth, please, in the portal, not by e-mail.
Fiona Gallagher: Understood. Thanks Rebecca, thanks Harriet.
""",
})

# 6. India, Mumbai. Discovery. WebVTT with Name: prefixes, raw speech-recognition export.
CALLS.append({
    "file": "2026-10-02-vashisht-associates.vtt",
    "format": "vtt-prefix",
    "script": """
Anjali Rao: hello mister vashisht good afternoon can you hear me
Rohan Vashisht: yes yes i can hear you anjali please go ahead | meera is also joining she is just coming
Meera Iyer: hello hi sorry i was on another call
Anjali Rao: no problem at all so um thank you for taking the time i know the courts are um very busy this month
Rohan Vashisht: always busy always busy ha
Anjali Rao: so i wanted to understand first how you are managing matters and time today
Meera Iyer: so we are uh twenty two advocates and around forty staff and most of the time is in excel | one sheet per associate and i consolidate it every month
Anjali Rao: every month okay and how long does that take you
Meera Iyer: honestly it is a nightmare it takes me four five days and still the numbers don't tally with the bills
Anjali Rao: right so with docket tree the time is captured on the matter directly so you would not need to consolidate
Rohan Vashisht: see the thing is | [[ad:our senior partners they dictate to the juniors they will not they're not going to sit and type their own time into any software]]
Anjali Rao: that's very common we have uh the suggestions from email and the juniors or the secretaries can confirm on their behalf
Rohan Vashisht: hmm
Anjali Rao: and there is a mobile app so from court you can
Rohan Vashisht: [[off:from court no no in the bombay high court the network is so patchy | half the time you are standing in the corridor waving the phone]]
Anjali Rao: okay that's uh that's useful i'll i'll note that
Meera Iyer: can it do the gst on the invoices the the tax invoice format
Anjali Rao: yes the indian gst invoice format is supported and you can have uh different series for different offices
Meera Iyer: okay good we have two offices mumbai and pune
Rohan Vashisht: and what is the cost roughly
Anjali Rao: so it is priced per user per month in dollars for india we have a separate price list i will send that
Rohan Vashisht: [[pr:in dollars see that is the problem for a firm like ours | dollar pricing for indian firms it is it is very steep we are not a london firm]]
Anjali Rao: understood i will send the india price list it is quite different
Rohan Vashisht: please send
Meera Iyer: and if something goes wrong who do we call is there someone here
Anjali Rao: so support is uh through the dublin and chicago teams by email and phone
Meera Iyer: [[sup:dublin and chicago so by the time they wake up our day is over | we will be waiting one full day for every small thing]]
Anjali Rao: i'll check what the hours are for india and come back to you
Meera Iyer: yes please because billing is at month end and we can't wait
Rohan Vashisht: okay anjali send us the the price and the demo recording | we will discuss internally
Anjali Rao: sure and shall we fix a demo for the next week thursday
Meera Iyer: thursday after four is better court finishes by then
Anjali Rao: perfect thursday four thirty then thank you both
""",
})

# 7. Canada, Toronto. Demo. SRT, raw speech-recognition export.
CALLS.append({
    "file": "2026-10-08-harcourt-mills.srt",
    "format": "srt",
    "script": """
Claire Tremblay: hi gord hi priya can you see my screen
Gord Harcourt: yep we can see it
Priya Sandhu: yes
Claire Tremblay: great so uh last time you mentioned the biggest thing was the month end billing so i'll start there
Gord Harcourt: sure | actually before you do can i just say our billing right now is um it's a disaster honestly we it takes three of us the whole last week of the month
Claire Tremblay: okay that's uh that's what we hear a lot
Gord Harcourt: we're like forty lawyers and the pre bills go around on paper still
Claire Tremblay: so here's the pre bill screen the partner gets this by email and approves from there
Priya Sandhu: can they edit the narrative from the email
Claire Tremblay: yes they can edit the narrative or write down an entry
Priya Sandhu: okay nice
Gord Harcourt: and the insurers | [[ebp:so half our work is insurance defence and every one of those insurers has their own e billing portal | we have to export leeds files and upload them one by one to each portal and if your system doesn't push to those portals we're still doing it by hand]]
Claire Tremblay: right so docketry checks the entries against the insurer guidelines before the bill goes out
Gord Harcourt: [[ebp:no i get that but that's not the that's not the part that kills us | it's the uploading to the portals]]
Claire Tremblay: got it i'll i'll find out what we do for submission
Priya Sandhu: and the trust side | [[tr:we have to do the monthly trust comparison for the law society by law nine and if the if that's off even a little it's my problem with the auditor]]
Claire Tremblay: the ontario rules are built in and the three way reconciliation runs daily
Priya Sandhu: okay i'd want to see the report itself not just hear it
Claire Tremblay: of course i'll send a sample report
Gord Harcourt: and how do we get off pea sea law | [[mi:because we've been on it since like two thousand six and uh i'm i'm pretty sure nobody can get the old data out of it in any shape]]
Claire Tremblay: our migration team has an extractor for it so that's something we'd do for you
Gord Harcourt: huh okay
Priya Sandhu: how long does that usually take the migration
Claire Tremblay: about two months to first billing typically
Gord Harcourt: we'd want to go over the summer that's quiet for us
Claire Tremblay: that works well actually | i'll send a proposal with a july start
Gord Harcourt: sounds good thanks claire
""",
})

# 8. UK, Leeds. Negotiation with the finance director and IT manager. meeting_transcripts JSON,
#    raw speech-recognition export.
CALLS.append({
    "file": "2026-10-14-quayside-partners.json",
    "format": "json-meeting",
    "script": """
Fiona Gallagher: hi nadine hi callum thanks for making time i've got ravi from our deal desk with me
Ravi Kulkarni: morning both
Nadine Shaw: morning right shall we get on with it
Fiona Gallagher: please so you've had the revised proposal since monday
Nadine Shaw: we have and i'll be honest it's better but [[pr:it's still not where the partners need it to be we're about twelve percent over what i told them and i'm not going back in there with twelve percent]]
Ravi Kulkarni: okay what did you tell them
Nadine Shaw: i told them it'd come in under the cost of the server replacement which is about forty eight thousand over three years
Ravi Kulkarni: so we could look at starting the fee earner seats in phases as teams go live rather than all on day one
Nadine Shaw: [[pr:phasing's just moving the same money about though isn't it it's the total the partners look at]]
Ravi Kulkarni: fair let me take the total back and see what we can do on a three year term
Nadine Shaw: thank you
Callum Reid: can i jump in on the technical bit [[dm:the net documents connector your colleague said was coming is it actually coming because i can't sign anything that depends on it being there and nobody's given me a date]]
Fiona Gallagher: i don't want to give you a date i can't stand behind callum i'll get you the current status in writing
Callum Reid: okay cheers
Nadine Shaw: and one more thing that came up [[ebp:two of our big clients the bank and the retailer make us upload every invoice through their own billing portals with the task codes and right now it's a day a month for sara just doing uploads]] so if docketry can't do that for us that's a day a month we don't get back
Fiona Gallagher: the billing guideline checks would mean far fewer rejections from those portals
Nadine Shaw: [[ebp:fewer rejections is nice but it's the uploading that's the job]]
Fiona Gallagher: understood i'll check with product what we do there
Nadine Shaw: right so what do you need from us
Ravi Kulkarni: if we can get the commercials agreed we'd need the signed order form by the thirtieth to hold the january start
Nadine Shaw: the partners meet on the twenty sixth so that's tight but doable
Callum Reid: and i need the migration plan before that meeting
Fiona Gallagher: you'll have it by friday
Nadine Shaw: grand thanks everyone
""",
})

# 9. US, Denver. Short follow-up. Plain text without time stamps, raw speech-recognition export.
CALLS.append({
    "file": "2026-10-20-lindqvist-moran.txt",
    "format": "txt-plain",
    "script": """
Marcus Bell: hey erik thanks for hopping on just a quick one
Erik Lindqvist: yeah i've got like ten minutes i'm between depositions
Marcus Bell: no problem so i sent over the trust accounting overview and the accountant's review did you get a chance
Erik Lindqvist: i did i skimmed it | [[tr:i'm still not i'm still not totally sold on the iolta piece for colorado honestly because if the bar audits us and that reconciliation's wrong it's my license not yours]]
Marcus Bell: totally understand we can get our compliance lead on a call with your cpa
Erik Lindqvist: yeah do that do that that would help
Marcus Bell: and on the eye manage question i'm still waiting on the written answer from product
Erik Lindqvist: [[dm:yeah and that one's kind of the whole thing for our it guy like if the workspaces don't open from the matter he's out]]
Marcus Bell: understood i'll chase it today
Erik Lindqvist: cool | uh what else oh can you send the the order form draft so our office manager can look at it
Marcus Bell: will do i'll send it this afternoon
Erik Lindqvist: perfect and let's do thursday next week same time
Marcus Bell: thursday works talk then
""",
})

# 10. Ireland, Cork. Commercial call with the finance director. JSON list of turns with roles.
CALLS.append({
    "file": "2026-10-27-carrick-ogrady.json",
    "format": "json-list",
    "roles": {"Fiona Gallagher": "internal", "Ravi Kulkarni": "internal",
              "Deirdre Carrick": "external", "Shane O'Grady": "external"},
    "script": """
Fiona Gallagher: Hi Deirdre, hi Shane. Thanks for the time. How's Cork?
Shane O'Grady: Wet. Same as always. Let's get going, I've a client at eleven.
Fiona Gallagher: Of course. So the proposal went over last week, and I know Deirdre had some questions.
Deirdre Carrick: I do. First off, to make sure we're reading it right, that's for all twenty-six fee earners plus the two trainees?
Fiona Gallagher: That's right, twenty-eight paid seats, and the secretaries and accounts staff on the free licence.
Deirdre Carrick: Okay. So, bluntly, [[pr:for a firm our size that's a serious chunk of money, it's more than we spent on IT altogether last year]].
Fiona Gallagher: I understand. Can I ask what you'd be comparing it against?
Deirdre Carrick: The current system, which costs us next to nothing because we bought it outright in 2014.
Fiona Gallagher: And what did the server and the support contract cost last year?
Deirdre Carrick: I'd have to look. A few thousand. Fair point, I'll add it in.
Shane O'Grady: [[pr:Look, I'm not against it, but I'm the one who has to stand up at the partners' meeting and justify a new subscription in the same year we've frozen salaries]].
Fiona Gallagher: That's completely fair. What if we built the business case together, with the write-offs and the billing time in it, in time for that meeting?
Shane O'Grady: Fine. When is that meeting, Deirdre, the ninth?
Deirdre Carrick: The ninth of December.
Fiona Gallagher: We'll have it to you by the first.
Deirdre Carrick: The other thing. [[mi:The last time we changed accounts package the client ledgers were out for three months afterwards, and I spent Christmas reconciling by hand. I'm not doing that again]].
Fiona Gallagher: I'm sorry, that sounds awful. The way we do it, both systems run in parallel over a month end, and we don't switch anything off until the client ledgers agree to the cent.
Deirdre Carrick: [[mi:That's what the last crowd said as well, more or less]].
Fiona Gallagher: I'd like to put you in touch with the finance director at one of our Irish customers who went through it last year. She'll tell you straight.
Deirdre Carrick: That would be worth more than anything you can tell me, no offence.
Fiona Gallagher: None taken. I'll set it up.
Shane O'Grady: If the numbers stack up, I'd like to sign before Christmas and go live after the year end.
Fiona Gallagher: That's very doable. I'll come back with the business case and the reference call.
Shane O'Grady: Good. I have to run. Thanks, Fiona.
""",
})

# 11. Australia, Perth. Technical call with the IT head and practice manager. WebVTT, voice tags.
CALLS.append({
    "file": "2026-11-03-sutherland-bayliss.vtt",
    "format": "vtt-voice",
    "guid": "9a1c7e42-5d3b-4f08-8e6a-2b4d91c0f3a7",
    "script": """
Tom Whitfield: Morning Nathan, morning Kylie. I've got Anjali on from Bengaluru, she's going to take you through the technical side.
Anjali Rao: Good morning, or good afternoon for me.
Nathan Sutherland: Morning. Thanks for doing this early, it works much better for us.
Kylie Bayliss: Morning all.
Anjali Rao: So I saw your list, Nathan. Shall we start with single sign-on?
Nathan Sutherland: Actually, let's start with the things that could stop it, and do SSO at the end. SSO I assume you've got.
Anjali Rao: We do. Go ahead.
Nathan Sutherland: Okay. We're on SharePoint for documents, properly structured, one site per matter. [[dm:If opening a matter in Docketry doesn't create the site, or at least link to it, then we're back to people copying matter numbers between two systems, and that's how we got here in the first place]].
Anjali Rao: Today we can link documents in SharePoint to the matter. Automatic site creation I'd rather confirm than promise.
Nathan Sutherland: Confirm it, then.
Kylie Bayliss: Can I ask about the app? Half our lawyers are resources and native title. | [[off:They fly up to mine sites in the Pilbara for a week at a time and there's no reception once you're out of Port Hedland]].
Anjali Rao: The app is built for that. The timer and notes are saved on the phone and sync when they're back in range, with the original times.
Kylie Bayliss: Oh good. That's a relief.
Nathan Sutherland: Next one. Support. | I had a look at your site and the support desks are Dublin and Chicago. | [[sup:Perth is eight hours ahead of Dublin, so if billing breaks on our afternoon, that's your middle of the night, and if it breaks on our morning, same story]].
Tom Whitfield: We do have people in Australia.
Nathan Sutherland: [[sup:You have salespeople in Australia, Tom. With respect, I need someone who can fix a trust reconciliation at two in the afternoon my time]].
Tom Whitfield: Fair. I'll get you the support hours in writing.
Nathan Sutherland: Thank you. Last one before SSO. [[co:Our mining clients are very touchy about who can see matter names, a lot of it is market sensitive. Who at Docketry can see them?]]
Anjali Rao: Nobody by default. Each firm's data is encrypted with its own keys, and our staff only get access if you open a time-limited support grant, which is logged.
Nathan Sutherland: Okay. I'd like that in writing for the clients.
Anjali Rao: Of course. Now, SSO. You're on Entra ID?
Nathan Sutherland: Okta, actually.
Anjali Rao: Okta works the same way, SAML and SCIM.
Nathan Sutherland: Good. Honestly, that's the easy bit.
Kylie Bayliss: Tom, can we have the proposal by the end of the month? The partners meet on the fifth.
Tom Whitfield: Absolutely, you'll have it by the twenty-eighth.
Kylie Bayliss: Lovely. Thanks everyone.
""",
})

# 12. Canada, Vancouver. Short follow-up with the practice manager. Plain text, time stamps,
#     a blank line between turns.
CALLS.append({
    "file": "2026-11-10-pemberton-law.txt",
    "format": "txt-stamped",
    "blank_between": True,
    "script": """
Claire Tremblay: Hi Jasmine, thanks for the quick call.
Jasmine Pemberton: Of course. I've only got fifteen minutes, we've got a partners' lunch.
Claire Tremblay: I'll be quick. I wanted to check the proposal landed and see if anything was missing.
Jasmine Pemberton: It landed. Mostly it's good. The partners liked the demo, especially the pre-bill approvals from email.
Claire Tremblay: Great to hear.
Jasmine Pemberton: One thing I didn't see anywhere, though. [[ebp:Our insurer clients each make us submit invoices through their own e-billing system, in LEDES, with their codes. It's three different portals, and I didn't see anything in the proposal about sending bills to them]].
Claire Tremblay: Docketry checks each entry against the insurer's guidelines before the bill is generated, so they come back a lot less often.
Jasmine Pemberton: [[ebp:Right, but somebody still has to log into three portals every month and upload them. That's the part I'm asking about]].
Claire Tremblay: Understood. Let me find out exactly what we support for submission and write back.
Jasmine Pemberton: Thanks. Otherwise, we'd like to move ahead. Can you send the order form?
Claire Tremblay: I can send it today. Who should sign?
Jasmine Pemberton: Our managing partner, Doug Pemberton. No relation, before you ask.
Claire Tremblay: Ha, noted. And a start date?
Jasmine Pemberton: First of February, if the migration plan works for that.
Claire Tremblay: That works. I'll include the plan with the order form.
Jasmine Pemberton: Perfect. Talk soon.
""",
})

# 13. US, Atlanta. Corporate legal operations: demo for the in-house team. JSON export with sentences.
CALLS.append({
    "file": "2026-11-16-meridian-foods.json",
    "format": "json-parties",
    "title": "Meridian Foods legal ops - matter management demo",
    "started": "2026-11-16T15:30:00Z",
    "party_base": 6610472219,
    "roles": {"Marcus Bell": "internal", "Claire Tremblay": "internal",
              "Tasha Greene": "external", "Paul Nakamura": "external"},
    "script": """
Marcus Bell: Hi Tasha, hi Paul. | Thanks for having us back.
Tasha Greene: Thanks for coming back. | Paul is our associate general counsel, he runs litigation.
Paul Nakamura: Hi. | I've heard a lot about this.
Claire Tremblay: Hi Paul. | So today I'll show the in-house view: intake, matters, and invoices coming in from your outside firms.
Tasha Greene: Great. | Context for Claire: we have eighteen lawyers in-house and about forty outside firms, and we spend roughly twenty-two million a year on outside counsel.
Claire Tremblay: Got it. | So this is the intake form a business unit fills in when they need legal help.
Paul Nakamura: Can the form route to a different lawyer depending on the region?
Claire Tremblay: Yes, routing rules by region, business unit or matter type.
Paul Nakamura: Nice. | That's better than what we have, which is an email to me.
Tasha Greene: That's the honest truth. | Our intake right now is Paul's inbox, and it's chaos, absolute chaos.
Claire Tremblay: And once a matter is open, the outside firm's invoices land here, checked against your guidelines.
Paul Nakamura: Does it flag block billing?
Claire Tremblay: It does, and it suggests the reduction.
Paul Nakamura: Okay, that alone would save me an afternoon a week.
Tasha Greene: The thing I'm worried about isn't the tool, honestly. | [[ad:It's my own lawyers. | They already treat matter intake as optional, and if this is one more screen to fill in, they'll email Paul like they always have]].
Marcus Bell: That's fair. | The intake can be a Teams form, so nobody opens Docketry to request help.
Tasha Greene: Hm. | Okay. | That might work.
Paul Nakamura: How long would it take to stand up?
Marcus Bell: For an in-house team your size, usually a couple of months.
Tasha Greene: We'd want it before our fiscal year starts on the first of April.
Marcus Bell: That's very realistic.
Paul Nakamura: Can we get a sandbox to play with?
Claire Tremblay: Yes, I'll set one up this week with sample matters.
Tasha Greene: Great. | Send the order form to me and I'll route it through procurement.
Marcus Bell: Will do. | Thanks both.
""",
})
