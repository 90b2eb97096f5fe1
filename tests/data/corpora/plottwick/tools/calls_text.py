# The Plottwick sales calls, written by hand (fictional people and places). See make_calls.py.
CALLS = []

CALLS.append(dict(file="2026-08-05-marlow-county.vtt", format="vtt", title="Marlow County - discovery",
speakers={"D": ("Dana Whitfield", "internal"), "M": ("Marcus Bell", "internal"),
          "R": ("Rhonda Pike", "external"), "G": ("Gil Navarro", "external")},
body="""
D: Hi Rhonda, hi Gil. Thanks for carving out the time, I know Mondays are rough.
R: Mondays are fine. It's Tuesdays, that's when the contractors line up at the counter.
D: Ha, okay, noted. I've got Marcus with me, he's our solutions engineer for the West.
M: Morning, both.
G: Hey Marcus.
D: So Rhonda, when we talked at the state building officials conference you said the permit counter was the bottleneck. || Can you walk me through what a residential permit looks like today, start to finish?
R: Sure. Somebody comes in with a paper set, or they email us a PDF that's forty megabytes and bounces. || We log it in the permit system, that's the old one from the nineties, and then it goes in a tray. || Plan review picks it up, red pens it, and we call the applicant to come get their comments. || We issued about twenty-two hundred building permits last year, so that's a lot of trays.
D: And how long does a typical residential review take right now?
R: Three weeks if we're lucky. Five in the spring.
D: Got it. And inspections, how are those scheduled?
R: Phone line. The inspectors get a printed route sheet every morning.
M: Do the inspectors enter results in the field, or when they get back?
R: When they get back. Which is part of why I wanted Gil on this call.
G: Right, so, here's my worry with any of these apps. || Half of Marlow County is national forest and ranch land. || Once you get past the county line road east of town there's no cell coverage at all, I mean none, not one bar. || If the inspections app needs a connection to save a result, my guys are going to be writing on paper again and typing it in at night.
M: That's a fair question. What do they carry today, county phones, tablets?
G: County iPhones. Some of the older guys carry a clipboard too, honestly.
R: And it's not just saving. They need to see the approved plans when they're standing in the crawl space, and that's exactly where there's no signal.
D: Okay. Let me make sure we dig into that properly rather than give you a quick answer. || Marcus, can we put that on the list for the technical session?
M: Yep, writing it down.
G: Second thing. All of our parcels, zoning, the floodplain overlay, that all lives in the county GIS. || My team maintains it, not the building department. || If your system keeps its own copy of parcels, it's wrong within a month, and then we're fixing addresses in two places forever.
M: Understood. Which team owns the address points, you or the assessor?
G: The assessor's office owns the parcels, we own the address points. It's complicated.
D: We'll come back with a proper answer on that one too, Gil. I don't want to hand-wave it.
R: Can I ask what the applicant sees? That's what my commissioners will ask about.
M: Sure. I can share my screen for two minutes. || So this is the applicant portal. An applicant picks the permit type, and the portal asks for the documents that type needs. || It won't let them submit without the site plan and the structural drawings, for example.
R: Oh, that alone would save us. Half our applications come in missing something.
M: Most departments say that. Then your reviewers open the same drawing set here and mark up side by side.
R: Our plan reviewers would like that. Kenny still uses a ruler on the screen, but he'd like that.
D: So Rhonda, what would the buying process look like on your side?
R: Well, that's the thing. Anything over fifty thousand, we can't just pick a vendor. || It has to go out as an RFP, and the board of commissioners approves the award. || Last time we bought software it took fourteen months from the first meeting to a signed contract.
D: That's pretty common, honestly. Do you know if the county can use any cooperative contracts?
R: I'd have to ask purchasing. I think we've used one for vehicles.
G: We have. Not for software, though, and purchasing is pretty conservative.
D: Okay. I'll send over our procurement pack and the requirements template, and you can see if it's useful.
R: That'd help. I'd rather not write an RFP from scratch.
D: Perfect. So next steps: Marcus will set up a technical session with Gil on the field app and the mapping piece, and I'll send the procurement pack today.
R: Sounds good. Thanks, Dana.
G: Thanks, guys.
"""))

CALLS.append(dict(file="2026-08-12-city-of-fenwick-falls.srt", format="srt", title="City of Fenwick Falls - demo follow-up (ASR)",
speakers={"D": ("Dana Whitfield", "internal"), "L": ("Lorraine Quist", "external"), "T": ("Tobias Reyes", "external")},
body="""
D: hey lorraine hey tobias can you hear me ok
L: yeah we got you
T: yep
D: great um so thanks for coming back after the demo last week i wanted to hear what the team thought
L: so overall people liked it um the review part especially || the mark up stuff is is way better than what we have
D: oh thats good to hear
L: but i gotta be honest with you dana || my senior plans examiner has been here twenty six years and he he told me flat out he's not reading drawings on a screen || he said he'll retire first and i don't think he was joking
D: ok yeah thats um thats real
T: and he's not the only one || we tried a e plan thing back in twenty nineteen and within like two months everybody was printing the pdfs again
D: do you remember what went wrong with that one
T: it was slow mostly and you couldn't measure anything || and nobody trained us they just sent a link to videos
D: ok so that's helpful
L: the other thing is money um || we're halfway through the fiscal year and this wasn't in the budget || council adopted the budget in june and i can't move money into software without going back to them
D: when does the next budget process start for you
L: departments submit in february council adopts in june || july first new year
D: ok so that's actually a good window for us
T: can i ask about the the payments piece
D: sure
T: so right now people pay permit fees at the counter or by phone with a card || and the city has a contract with a payment processor that the finance director negotiated || it runs through twenty twenty nine || if your portal only takes payments through your own processor thats um thats a nonstarter for finance
D: ok
T: and the convenience fee thing || the council got a lot of heat last year about the three percent fee on utility bills || so if citizens are gonna see some extra processing fee on top of their permit fee when they pay through plot wick i i don't think that goes anywhere
D: got it let me take that back to our payments team i don't wanna guess
L: yeah finance will ask that first honestly
D: understood || so what would be helpful for you for february
L: a a business case i can put in front of the city manager || like what we spend now versus what you cost
D: we have a template for exactly that i'll send it over this week
L: great
T: and maybe a reference from a city our size
D: absolutely i'll find one
L: ok thanks dana
"""))

CALLS.append(dict(file="2026-08-19-township-of-esker-bay.json", format="json-parties", title="Township of Esker Bay - discovery", hour="14",
speakers={"C": ("Claire Beaulieu", "internal"), "P": ("Priya Sandhu", "internal"),
          "A": ("Andrew MacInnis", "external"), "J": ("Josée Lalonde", "external")},
body="""
C: Good morning, Andrew, Josée. Thanks so much for making the time. I know it's a short week with the long weekend coming up.
A: No problem. We've been meaning to do this since the spring, eh.
J: Yes, sorry it took us so long to get back to you.
C: Not at all. I've got Priya with me, she's one of our solution consultants based out of Ottawa.
P: Hi there. Nice to meet you both.
C: So Andrew, you're the Chief Building Official, and Josée, you're the Clerk?
J: Deputy Clerk. I also look after records and the website, which is how I ended up here.
A: She's the one who knows where everything is.
C: That's always the most important person. So can you tell me a bit about how permits work in the Township today?
A: Sure. We're about eleven thousand people, but it doubles in the summer with the cottages. || Most of our permits are decks, docks, septic systems, additions on cottages. || We did around six hundred and forty building permits last year, which for a shop of four people is plenty.
C: And what system are you on now?
A: An Access database that a summer student built in 2003. No word of a lie.
P: Honestly, we hear that more than you'd think.
J: And that's my concern, really. That database has every permit since 2003, and before that we've got the paper files in the vault going back to the sixties. || The fields have changed four times, half the addresses are written three different ways, and the fire number system changed in 2011. || I've seen what happens when a vendor migrates that kind of mess. We'll lose permits, and I'm the one who gets the phone call when a lawyer asks whether a dock was ever permitted.
P: That's completely fair. Can I ask, is the 2011 fire number change documented anywhere?
J: There's a spreadsheet. Somewhere.
P: That's a good start, honestly. We'd want to see it in the mapping workshop.
C: Andrew, what about inspections? How do those get booked?
A: Phone or email, and I do most of them myself, with one other inspector. || We cover a lot of ground, it's all lakes and back roads.
P: Are results entered out in the field?
A: I write them on the permit card and type them in at the office. || And I'll tell you now, out on the north shore of the lake there's no cell service at all. || So whatever app you've got has to work when I'm sitting in a driveway with no bars, or I'm not using it.
P: Noted. I'll add that to our list.
J: Can I raise one more thing before we run out of time?
C: Of course.
J: Anything public-facing we put out has to meet the AODA standards. || Council is very sensitive about it since we had a complaint about the old website two years ago. || So the applicant portal would have to be accessible, properly, for screen readers and keyboard users, and I'd need something in writing that says it is.
C: Understood. Let me take that back and get you the right person on it.
J: Thank you. It would be one of the first questions on our procurement scoring, I can tell you that.
C: So what does a timeline look like for you?
A: Honestly, we'd like something in place before next year's building season, so April.
C: Okay. I'll send a summary today, and Priya will set up a session on the migration with Josée.
J: Perfect. Thanks, Claire.
"""))

CALLS.append(dict(file="2026-08-26-ashcombe-district-council.txt", format="txt", title="Ashcombe District Council - discovery",
speakers={"K": ("Ciaran McAleese", "internal"), "H": ("Helen Armitage", "external"), "S": ("Stuart Pennock", "external")},
body="""
K: Morning Helen, morning Stuart. Can yous hear me alright?
H: Yes, perfectly. Good morning.
S: Morning.
K: Grand. Thanks for giving us the hour. I know the pair of you are flat out with the local plan consultation.
H: We are. The examination's in March, so it's all hands.
K: Aye, I can imagine. So Helen, the way I understood it from your email, you're coming to the end of your current contract?
H: That's right. Our back-office system contract ends in March 2028, so we need to decide next year what we do.
K: And how does an application move through the team today?
H: Most come in through the national portal, a few still on paper. || Our technical support team validates them, then they're allocated to a case officer. || Consultees get a notification, the case officer writes the report, and delegated decisions go out under my signature.
S: And we've got about fourteen hundred applications a year, mostly householders.
K: Okay. And how are you doing against your determination times?
H: Majors are fine, it's the householders that slip. || We're around seventy one percent within eight weeks, and the government target is higher than that.
K: Right, so that's the pressure point.
S: Can I jump in with the thing that worries me most?
K: Please do.
S: Every system we've looked at that comes from the US or wherever is built around building permits. || Our world is different. We've got statutory consultation periods, site notices, the eight-week and thirteen-week determination periods, extensions of time, the validation checklist, prior approvals with their own clocks. || If your system thinks a planning application is a permit with a different name, I'm going to spend two years bending it to fit English planning law.
K: That's a fair challenge, Stuart.
H: And the statutory returns. We report our figures to government every quarter, in their format. || If I can't produce those returns out of the system without a spreadsheet, that's a non-starter.
K: Understood. I'd rather not give you a glib answer on that, I'll bring someone who knows the returns inside out.
S: Please. The last vendor told us it was "all configurable", which means it wasn't.
K: Ha, fair enough. What about mapping? How do your officers check constraints at the minute?
S: They open the GIS in another window. Conservation areas, listed buildings, tree preservation orders, flood zones. || And that's my other worry, frankly. If your system can't read our constraint layers straight from our GIS, officers will carry on with two screens and we've bought nothing.
K: Okay, that's helpful. Which GIS team looks after those layers, is it in planning or corporate?
S: Corporate. Shared with the county.
K: Grand. And on the budget side, Helen, is there money identified for the replacement?
H: There's a capital bid in for next year. It won't be confirmed until full council sets the budget in February. || And honestly, if the figure comes in much above what we pay now, I'm not sure it gets through. Members are looking at every line.
K: That's useful. Would it help if we gave you a business case to put alongside the bid?
H: It would, yes.
K: Right. So I'll send over the business case template and set up a session on the statutory side with our UK planning lead.
H: Lovely, thank you.
S: Cheers, Ciaran.
"""))

CALLS.append(dict(file="2026-09-02-kilbrannan-council.vtt", format="vtt-plain", title="Kilbrannan Council - intro (ASR)",
speakers={"K": ("Ciaran McAleese", "internal"), "O": ("Morag Lennox", "external"), "E": ("Euan Baird", "external")},
body="""
K: hiya morag hiya euan thanks for the time this afternoon
O: no bother ciaran
E: hello
K: so um i know we only have the half hour so i'll keep it tight || i just wanted to hear where you are and whether plot twig is worth a proper look
O: aye so um we're the planning and building standards service for the council || we're covering a big area a lot of it islands and and rural || and our back office system is um it's getting on a bit
K: how many applications would you be doing
O: planning about nine hundred a year and building warrants maybe eleven hundred
K: ok grand
E: can i come in there ciaran || see the the thing for us is building standards in scotland is nothing like building control down south never mind the states || we've got warrants we've got completion certificates we've got the the verification performance framework with its own reporting || and we come through the national e development portal for submissions || so when i see a product that's built for american permits my first thought is we'd be customising the whole thing to scottish legislation and paying for it
K: aye that's a fair concern
O: and it's the same on the planning side to be honest || we've got our own regs on neighbour notification and the time periods are different again from england || the last demo we had the the fella kept calling it a permit and the team just switched off
K: right ok || that's really useful actually i'll make sure whoever we bring knows the scottish side
E: the other one um is accessibility || we're covered by the public sector accessibility regulations for anything on the website || and our digital team audits every new service before it goes live || so if your applicant portal fails that audit it just doesn't launch it's that simple
K: ok understood i'll get you an answer on that
O: how do your other customers find the the inspections side || our surveyors are out on the islands a lot
K: we can go through that in the demo no problem || what would be a good time for a proper demo
O: maybe the end of the month || after the committee
K: perfect i'll send a couple of dates
E: thanks ciaran
O: cheers
"""))

CALLS.append(dict(file="2026-09-09-shire-of-wandoo-creek.json", format="json-list", title="Shire of Wandoo Creek - discovery",
speakers={"B": ("Bronwyn Tully", "internal"), "N": ("Nathan Pearce", "external"), "W": ("Wendy Kowalski", "external")},
body="""
B: G'day Nathan, hi Wendy. Thanks for jumping on, I know it's been a big week out there with the rain.
N: Yeah, the river came up over the causeway Tuesday. All good now.
W: Hi Bronwyn.
B: So Nathan, you're the Manager of Development Services, and Wendy runs the building surveying team, is that right?
N: That's us. Planning, building, environmental health, the lot.
B: Love it. Can you give me the lay of the land? How do development applications come in at the moment?
N: Through the state planning portal for the DAs, and building permits mostly by email. || We did about three hundred and ten applications last financial year. It's not Sydney, but there's two of us doing most of it.
B: And what's the biggest headache?
W: Honestly, the inspections. || The shire's about eleven thousand square kilometres. I'll drive two hours to a shed inspection on a farm and there's no phone reception for the last forty k's. || Most of the places I inspect, there's no coverage at all, so anything that needs the internet to work is useless to me out there.
B: Yep. That's pretty common for the shires I work with.
W: So if your inspections app can't record a result and take photos without a signal and then send it when I'm back in range, I'd be doing it twice anyway.
N: And it's not just Wendy. Our environmental health officer is the same, septic inspections way out on the stations.
B: Okay, I want to get that right rather than just say yes. Can I book a session with our product team where you show them exactly what a day looks like?
W: Happy to. I'll bring the photos of my ute.
B: Ha, perfect. Nathan, what does the team think about moving off email?
N: Look, Wendy's keen. The others, less so. || Our admin officer has been doing it the same way for eighteen years and she's already said she's not learning another system before she retires. || And if she doesn't use it, the whole front end falls over, because she does all the lodgement.
B: That's really common too. Usually it helps to get her into the next session, so she can see it's built around the lodgement she already does.
N: Could try. She'd want to see it for herself, not hear it from me.
B: Makes sense. What about when people come in to pay, how does that work today?
W: Counter, cheque, or bank transfer, and the rates team reconciles it.
B: Okay, and who looks after the payments side, is that finance?
N: Finance, yeah. They'd want to talk to you separately.
B: No worries. So what I'll do is send through a summary, and I'll line up the session on the inspections side with our product folks.
N: Sounds good.
W: Cheers, Bronwyn.
"""))

CALLS.append(dict(file="2026-09-16-osuaba-metropolitan-assembly.json", format="meeting", title="Osuaba Metropolitan Assembly - introduction",
speakers={"C": ("Chidi Okonkwo", "internal"), "K": ("Kwabena Asante", "external"), "A": ("Abena Owusu-Mensah", "external"), "Y": ("Yaw Darko", "external")},
body="""
C: Good morning, Mr Asante, Madam Abena, Yaw. Thank you for having me. I hope you are all doing well.
K: Good morning, Chidi. You are welcome. We are fine.
A: Good morning.
Y: Morning.
C: Thank you. So as I mentioned in my email, I look after our work in West Africa from the Lagos office. I would like to understand how building permits are handled at the Assembly today and where the challenges are.
K: Okay. So I am the head of the Physical Planning Department. Applicants submit building permit applications at our office with their drawings, site plan and the land documents. We check them, the Technical Sub-Committee reviews them, and then the Spatial Planning Committee approves. Last year we received about two thousand four hundred applications.
C: That is a lot of paper.
K: Too much. Our registry is full. Sometimes a file goes missing and the applicant has to bring everything again.
C: I see. And the site inspections, who does those?
Y: That is my unit, the building inspectorate. We have nine inspectors for the whole metropolis.
C: Do they record their findings on a phone or on paper?
Y: On paper for now. But let me say one thing from the beginning. The network in some parts of the metropolis is very poor, especially the new developing areas at the outskirts. Sometimes there is no data at all for the whole afternoon. So if your inspection app cannot work without network, my inspectors will not be able to use it where most of the building is happening.
C: That is well noted, Yaw. I will take it to our product team and come back to you properly.
K: There is another issue. Our process follows the national planning act and the building regulations, and the Assembly has its own zoning and permit conditions. The committee structure is also fixed by law. The systems we have seen from abroad assume one officer approves a permit. Here it is a committee, with minutes. If we have to change our legal process to fit the software, it cannot work.
C: I understand, sir. That is an important point. Can you share the current forms and the committee procedure so we can study them?
K: We can share them.
A: For my side, I am the revenue officer. Most applicants pay the processing fee and the permit fee with mobile money now, not with card. Very few people here use credit cards. So if your portal only accepts card payments through a foreign processor, it will not work for us. And the money must come straight to the Assembly's account, not to a third party first.
C: Thank you, madam. I will confirm what we support and get back to you in writing.
A: Please. The Auditor-General's people will also ask about it.
C: Noted. Can I ask about the timeline? Is this in your plans for next year?
K: Yes, it is in our medium-term plan. We are also talking to a development partner who may support the digitisation.
C: That is good to hear. So I will send a summary, and I would like to propose a demonstration for the committee members, perhaps in October.
K: October is fine. Let us fix a date by email.
C: Thank you very much, sir. Thank you, madam. Thank you, Yaw.
"""))

CALLS.append(dict(file="2026-09-23-city-of-harlow-springs.txt", format="txt-para", title="City of Harlow Springs - reference check and scheduling",
speakers={"D": ("Dana Whitfield", "internal"), "F": ("Felicia Grant", "external"), "O": ("Owen Marsh", "external")},
body="""
D: Hi Felicia, hi Owen. Thanks for hopping on. This should be a quick one.
F: Hi Dana. Happy to. We've got a council work session at two, so we have till about quarter to.
D: Perfect. So the main thing today was to set up the reference call with Harwell County and lock in dates for the technical review.
F: Great. Terri Olander said she'd be happy to talk to us, right?
D: She did. She suggested next Thursday afternoon, if that works.
O: Thursday works for me. I'd like to bring our records clerk along, she's the one who'll care about the history piece.
D: Of course, bring whoever you like. Terri actually asked for that, she says records people ask the best questions.
F: Ha. That's true of ours.
O: Can you send the agenda ahead so we can send questions in advance?
D: Absolutely. I'll send it by Monday.
F: And for the technical review, we were thinking the week of the twelfth.
D: That works on our end. Marcus will lead it. Do you want it on site or remote?
O: On site, if you can. It's easier to get the plans examiners in a room than on a call.
D: Sounds good, we'll come to you. How many people should we plan for?
O: Probably eight. Three plans examiners, two inspectors, me, Felicia, and someone from IT.
F: And can you bring a couple of sample projects? Ideally a commercial tenant improvement and a single-family home.
D: Definitely. Marcus has a tenant improvement set that's good for showing concurrent review.
F: Perfect. I think that's all from us. The team's pretty excited, honestly.
D: That's great to hear. I'll send the invite and the agenda today.
O: Thanks, Dana.
F: Thanks, talk soon.
"""))

CALLS.append(dict(file="2026-09-30-dunmore-county.json", format="json-turns", title="Dunmore County - technical review (ASR)",
speakers={"D": ("dana.whitfield@plottwick.example", "internal"), "M": ("marcus.bell@plottwick.example", "internal"),
          "V": ("Vince Tolliver", "external"), "S": ("Sheryl Amos", "external"), "P": ("Pat Kearney", "external")},
body="""
D: ok i think everybody's on || hi vince hi sheryl and pat thanks for doing this
V: yep we're all here in the conference room
M: morning everybody
D: so today is really the technical review um marcus is gonna walk through the the back end stuff and then we'll have time for questions
V: sounds good
M: so um first thing you asked about was the data from your current system which is um permit track right
P: permitrack yeah version eight || and um before you go on i wanna i wanna flag something || we've got permits back to nineteen ninety one in there and the the inspections are in a separate table that was bolted on in two thousand six || and every time someone's tried to export it the inspections don't line up with the permits || so honestly i don't believe that comes across in one piece i've been burned on this before
M: ok that's really helpful || do you have the data dictionary from the vendor
P: we have a data dictionary from two thousand six
M: that's better than most
S: can i ask about payments because that's why i'm here
D: of course
S: so i'm in the treasurer's office || the county has a merchant services contract that was bid two years ago || every card payment the county takes goes through that processor and it reconciles straight into our general ledger || so um if plot wick requires us to use your processor instead || the treasurer is not going to sign off on that we just went through an audit finding on exactly this
M: mm hm
S: and the second part is fees || the board passed a policy that the county doesn't pass card fees to residents || so if your portal adds a convenience fee on top that's um that's against county policy and i can't i can't bend on that
D: understood sheryl let me get you a written answer from our payments team on both
S: appreciate it
V: the other thing i need to bring up is the ada piece || we got a demand letter last year about the county website || a blind resident couldn't fill out a form || so the county attorney now wants every public facing system to show it's accessible before we sign anything || is the applicant portal um you know screen reader accessible does it meet the wcag stuff
D: i'll i'll take that one back vince i'd rather get you the right answer than guess
V: ok
M: so moving on to user management || we'd connect to your identity provider so staff log in with their county accounts
P: good that's what we want
M: and the review module um you saw the mark up in the demo
V: yeah the reviewers liked that
D: so for next steps um we'll send the written answers and set up a data session with pat
V: sounds good thanks dana
"""))

CALLS.append(dict(file="2026-10-07-town-of-pellham-ridge.srt", format="srt", title="Town of Pellham Ridge - demo",
speakers={"C": ("Claire Beaulieu", "internal"), "P": ("Priya Sandhu", "internal"),
          "R": ("Rob Chaudhry", "external"), "L": ("Lise Bergeron", "external")},
body="""
C: Hi Rob, hi Lise. Thanks for joining. Can you see my screen okay?
R: Yes, we can see it.
L: Bonjour, Claire. Yes.
C: Great. So today Priya's going to take you through the review side and the inspector app, and we'll save lots of time for questions.
P: Thanks, Claire. So this is what a plans examiner sees when they open an application. || The drawings are here, the comments are here, and every discipline is looking at the same set.
R: Can two examiners mark up the same sheet at the same time?
P: Yes, and you see each other's comments as they're added.
R: Okay. That's nice.
L: Can I ask something a bit blunt?
C: Please.
L: Our examiners are very good at what they do, but most of them have been doing it on paper for twenty years. || We had a town-wide document management system in 2021, and the building department never really used it. || I'm worried we buy this and in a year they're printing everything again.
C: That's a really fair worry, Lise. Can I ask who on the team is the most skeptical?
L: Oh, that would be Gerry.
C: Then I'd love to have Gerry in the next session, honestly. The skeptics usually end up being the best champions.
L: He might enjoy that. He likes to be right.
R: Second question. Payments. || Right now we take credit card and debit at the counter, through the town's bank. || Our treasurer won't want a second payment provider with its own fees and its own deposits to reconcile. || If fees paid through your portal don't land in our bank the same way, that's going to be a problem for finance.
C: Okay. Let me take that one back to get you a proper answer.
R: And then the process question. || We're a town, so anything over a hundred thousand has to be publicly tendered, and council awards the contract. || I can't just recommend you and sign.
C: Totally understood. Are you able to use any of the provincial buying group contracts?
R: I think there's one, but I don't know if software is on it. I'd have to check with our purchasing officer.
C: If it helps, I can send our procurement pack, it has the standard security and insurance answers.
R: That would help, yes.
P: Should I show the inspector app?
R: Please.
P: So this is the inspector's day. The route is here, each inspection opens the approved plans, and results go back to the file.
R: Nice. Our inspectors would like the photos going straight into the file.
C: So next steps: I'll send the procurement pack and set up a session with Gerry and the examiners.
R: Sounds good. Merci.
L: Thanks, both.
"""))

CALLS.append(dict(file="2026-10-14-shire-of-gundaroo-plains.vtt", format="vtt", title="Shire of Gundaroo Plains - discovery (ASR)",
speakers={"B": ("Bronwyn Tully", "internal"), "G": ("Graham Fitzsimons", "external"), "T": ("Tanya Ho", "external")},
body="""
B: morning graham morning tanya how are we
G: good thanks bronwyn
T: hi
B: so um thanks for making time i know council meeting's this week
G: yeah wednesday || so look we've had a bit of a look at plot wick on the website and tanya saw the demo at the conference
T: yeah i liked the mark up tools they looked um really easy
B: oh great || so graham can you tell me how things work now
G: so we're a rural shire um about eight thousand people || we do planning and building and we did uh two hundred and sixty das last year || everything comes in through the state portal and then we download it into our system which is um an old property system
B: right and what made you start looking
G: mainly the double handling || we download from the portal and then key it all in again
B: yep that's the one we hear the most
G: but the thing i need to know before we go further || our planning scheme and the state act set the whole process || the referral agencies the notification periods the stop the clock rules the the deemed refusal periods || if your system comes out of america with its own idea of how an application works we'd be fighting it every day || we've been there with our property system and it took years
B: yeah that's fair graham i'll make sure we go through that properly
T: and on the mapping side um || all our overlays are in the gis bushfire flood heritage || the planners check every application against them by hand at the moment || if this doesn't talk to our gis we'll still be doing that by hand so what's the point
B: ok good to know who looks after the gis for you
T: um that's me mostly and a contractor
G: the other thing i should say is money || we've already done our budget for this financial year and council's been pretty tight with rates capping || so realistically anything new would have to go in next year's budget and i'd need to make a case to the councillors
B: no that's completely fine || when do you start putting the budget together
G: around march april for the draft and it's adopted in june
B: ok great so we've got time to build that case together
G: yeah that'd be good
B: i'll send you a summary and the business case template and we'll book a longer demo for the team
T: sounds good
G: thanks bronwyn
"""))

CALLS.append(dict(file="2026-10-21-north-ravensmoor-council.json", format="json-parties", title="North Ravensmoor Council - demo and Q&A", hour="10",
speakers={"K": ("Ciaran McAleese", "internal"), "P": ("Priya Sandhu", "internal"),
          "I": ("Imogen Sharpe", "external"), "D": ("Dev Mistry", "external"), "R": ("Rachel Oyelaran", "external")},
body="""
K: Morning all. Thanks for having us in. I think we've got Imogen, Dev and Rachel?
I: That's right. Rachel's joined from our digital team.
R: Hello.
K: Lovely. So I've got Priya with me, she'll do most of the demo today.
P: Morning. I'll keep the slides to a minimum, promise.
D: Thank God.
P: So let's start where your applicants start, with the portal.
R: Can I stop you there, actually, before you go into it?
P: Of course.
R: So anything we put in front of the public has to meet the accessibility regulations. We publish an accessibility statement for every service, and our team tests against WCAG 2.2 AA before launch. Last year we pulled a supplier's booking form because it couldn't be used with a keyboard. So before we spend the hour on the portal, I need to know it will pass, because if it doesn't, it doesn't matter how nice it looks.
K: That's a fair question, Rachel, and I'd rather give you a proper answer than a quick one. Can I come back to you on it in writing?
R: Yes. But I'll be honest, it's a gate for us. Procurement scores it pass or fail.
P: Understood. So, if it's okay, I'll show the officer side first, and we can pick up the portal once Ciaran's got you that answer.
I: That's fine.
P: So this is the case officer's view of a householder application. Consultee responses are here, neighbour comments here, and the drawings with mark-ups.
I: Can the officer see the planning history of the site from here?
P: Yes, it's this tab. Everything ever submitted on the site.
D: And that's where I come in. Our history is in two systems, one from 1998 and one from 2009, and they don't agree with each other. I've tried to reconcile them twice. Honestly, I don't see how any vendor gets a clean history out of that without us losing something.
P: That's common, Dev. We'd normally start with a mapping workshop on exactly that.
D: I'd want to see it working on our data before I believe it.
P: That's the right instinct. We do two trial loads that your team checks.
I: How long does a typical implementation take for a council our size?
P: It depends on the migration mostly, but we'd scope that with you.
I: Okay. And on the commercial side, Ciaran, I should say we can't just award this. It'll have to go through a framework or an open tender, and our procurement team is already stretched. It could be next summer before we're allowed to sign anything.
K: That's understood, Imogen. Which framework would you normally use?
I: I'd have to ask procurement. They'll tell me.
K: No problem. I'll send our procurement pack and they can tell us which route fits.
R: And the accessibility answer.
K: And the accessibility answer, absolutely. That's first on my list.
I: Great. Thanks both.
"""))

CALLS.append(dict(file="2026-10-28-county-of-sable-river.txt", format="txt", title="County of Sable River - discovery (ASR)",
speakers={"D": ("Dana Whitfield", "internal"), "M": ("Marcus Bell", "internal"), "H": ("Hector Ruiz", "external"), "J": ("Janelle Boyd", "external")},
body="""
D: hi hector hi janelle can you hear me
H: yeah we hear you
J: yep
D: great thanks for um for taking the call || so i know you filled out the form on the website um what got you looking
H: so uh we're the planning and zoning department for sable river county || and we also do building permits for the unincorporated areas || it's all um it's all paper and an excel sheet honestly
D: ok how many permits a year roughly
H: building permits about um fifteen hundred and then zoning and land use maybe two hundred
D: and who's on the team
H: me three plans examiners two inspectors and janelle runs the front counter
J: and the phones and the email and everything else
D: ha yeah
M: so what does the front counter look like on a busy day
J: um lines out the door on monday mornings || contractors dropping off plans people asking where their permit is || i spend half the day answering where's my permit
M: the portal usually takes a lot of that off the counter
J: that would be nice
H: so um here's the thing though || the the county gis is run by a separate department and they are very protective of it || every parcel every zoning district the floodway everything || so my first question for any vendor is um does it does it pull from their gis or do we have to maintain parcels in two places || because if it's two places the gis director will kill it before it starts
M: ok good question who's the gis director
H: um that's carol she's great but she's she's tough
D: we'd love to meet her
H: and and the zoning check is all map based || like when a permit comes in we look up the parcel see the zoning district and the setbacks || if your system can't do that from the county layers we're still gonna have the map open on the other screen
M: got it
H: the other thing um || my two inspectors are great but they are they are not computer people || one of em still doesn't text || i can already hear them saying they're not gonna do inspections on an ipad
D: yeah thats um we hear that a lot || usually it helps to get them in a room early
H: maybe maybe
D: so what would next steps look like for you
H: um i'd like to see a demo with the whole team || and carol if she'll come
D: perfect i'll set that up
H: ok thanks dana
"""))

CALLS.append(dict(file="2026-11-04-municipality-of-west-tamarack.json", format="json-list", title="Municipality of West Tamarack - follow-up",
speakers={"C": ("Claire Beaulieu", "internal"), "N": ("Nicole Fortier", "external"), "B": ("Brent Halvorsen", "external")},
body="""
C: Hi Nicole, hi Brent. Thanks for making time for the follow-up.
N: No problem, Claire.
B: Hi.
C: So last time we went through the demo, and you were going to talk to your director.
N: Yeah, so, he liked it. He really liked the applicant portal part. || But the problem is the money. Our capital budget for this year was set back in January, and there's nothing in it for a permitting system. || And council's not going to reopen the budget mid-year for this.
C: Okay, that's fair. When does the next budget process start?
N: The draft goes to council in November, and they usually pass it in December or January.
C: Okay, so we could aim for that one.
N: Yeah, if we get a business case in by the end of September.
C: I can help you with that.
B: So my question is more on the data side. || We're on a system called BuildTrack right now, and it's about fifteen years of permits. || When our neighbouring municipality switched vendors, they lost all their attachments. The permits came over, but none of the drawings or the inspection photos. || So I need to know that doesn't happen to us, because our drawings are the whole point.
C: Totally understandable, Brent. I'll get Priya to set up a migration session, and she can walk you through how we handle attachments.
B: Okay, that would be good.
N: How long did the other municipalities take to go live?
C: It depends on the migration mostly, but we'll scope it with you.
N: Okay.
C: So I'll send the business case template today and set up the data session with Priya.
N: Great, thanks Claire.
B: Thanks.
"""))

CALLS.append(dict(file="2026-11-11-shire-of-coolabah-flats.srt", format="srt", title="Shire of Coolabah Flats - proposal walkthrough",
speakers={"B": ("Bronwyn Tully", "internal"), "A": ("Aaron Whitlock", "external"), "S": ("Sienna Marr", "external")},
body="""
B: Hi Aaron, hi Sienna. Thanks for getting back to me so quickly on the proposal.
A: No worries. We've had a good look at it.
S: Hi Bronwyn.
B: So how did it land?
A: Look, the team likes it. The proposal's clear, the pricing's about where we thought it'd be. || But I need to manage expectations on timing.
B: Sure, go for it.
A: It's over our threshold, so it has to go to an open tender through the state's e-tendering system. || Council has to approve the tender and then approve the award, and the next ordinary meeting is in February. || So even if everybody loves you, it's months away, and I can't promise you're the one who wins it.
B: That's totally fine, Aaron. We do a lot of public tenders. Would it help if we shared our requirements template? Some councils use it as a starting point for the specification.
A: Yeah, it probably would. Our procurement officer's new.
S: Can I add one thing for the tender?
B: Of course.
S: So I look after customer service and the website. || Anything on the website has to meet the accessibility guidelines, the state government made it a condition for the digital grant that's paying part of this. || So the tender will ask for evidence that the applicant portal is accessible, and if we can't show it, we lose the grant money.
B: Understood. Let me get that to the right person and come back to you.
S: Thanks. Because without the grant there's no project, honestly.
A: What's the typical go-live for a shire our size?
B: It depends mostly on the data, but we'll set out a plan in the tender response.
A: Fair enough.
B: So next steps, I'll send the requirements template this week, and I'll get you a written answer for Sienna.
A: Perfect, thanks Bronwyn.
S: Thanks.
"""))
