"""Write Sablewood's calls (``kb/calls``) and their objection labels (``labels.json``) from one source.

Each call is written below once, turn by turn; a turn that raises an objection carries its label
(the objection entry id, or ``new:<slug>`` for a theme with no entry) and the words that carry it.
The script renders each call in its file format and records the line where each labelled turn's
objection starts, so that the labels cannot drift from the files, and checks that every label's
words stand on the line it names.

    python tests/data/corpora/sablewood/build.py            # write the calls and labels.json
    python tests/data/corpora/sablewood/build.py --parser   # also read each call back with canon's parser

The calls and labels were written together, by hand, before canon was run on them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from call_render import Style, renderers, write_calls  # noqa: E402
from call_render import check_parsed as check_parsed_labels  # noqa: E402

HERE = Path(__file__).resolve().parent
CALLS = HERE / "kb" / "calls"
INTERNAL = ("Nadia Forde", "Callum Reid", "Priya Raman", "Marcus Bell", "Tomasz Wren")

# A turn: (speaker, text) or (speaker, text, objection, snippet). ``text`` is a string, or a list of
# pieces: sentences of a JSON conversation export, or cues of a subtitle file when one speaker's
# words run over several cues. ``snippet`` lies inside one piece; the label's line is that piece's.
Turn = tuple[Any, ...]

CALL_LIST: list[dict[str, Any]] = []


def call(name: str, fmt: str, turns: list[Turn], *, note: str = "", external: tuple[str, ...] = (),
         stamps: bool = True, prefix: bool = False) -> None:
    CALL_LIST.append({"name": name, "fmt": fmt, "turns": turns, "note": note, "external": external,
                      "stamps": stamps, "prefix": prefix})


PRICING = "objections/pricing"
MIGRATION = "objections/data-migration"
TRAINING = "objections/staff-training"
LAB = "objections/lab-integration"
OFFLINE = "objections/offline-reliability"
TIMING = "objections/timing"
EXIT = "new:data-exit"
PAYMENTS = "new:payment-processing"
CLIENTS = "new:client-adoption"

# ---------------------------------------------------------------------------------------------
# 1. Glenmoray Veterinary Practice (Scottish Highlands, mixed practice): discovery, clean WebVTT.

call("2026-09-02-glenmoray-vets.vtt", "vtt", note="Glenmoray Veterinary Practice, discovery.\n"
     "Nadia Forde (Sablewood), Fiona MacLeod (practice manager), Angus Munro (senior partner).", turns=[
    ("Nadia Forde", "Hiya Fiona, hi Angus. Thanks for squeezing me in between consults."),
    ("Fiona MacLeod", "Nae bother. Angus has a calving at two, so we've got him for half an hour if we're lucky."),
    ("Angus Munro", "If the heifer cooperates."),
    ("Nadia Forde", "Then I'll be quick. When we spoke in August you said the system you're on now was the "
                    "main headache."),
    ("Fiona MacLeod", "It's a nightmare, honestly. It falls over most Monday mornings, the reminders go out to "
                      "folk whose dogs died two years ago, and I spend every Friday fixing the day's takings by "
                      "hand."),
    ("Angus Munro", "We had a woman in tears at the desk last month over one of those reminders. That's not a "
                    "software fault to her, that's us."),
    ("Nadia Forde", "That's awful, and it's the kind of thing we fix first: reminders stop the moment a patient "
                    "is marked as deceased. Sablewood runs the diary, clinical notes, billing and stock in one "
                    "place, in the browser."),
    ("Angus Munro", "In the browser. So it lives on the internet."),
    ("Nadia Forde", "It does, yes. We host it for you."),
    ("Angus Munro", "Well, that's grand, because the broadband up the glen is famous for its reliability. It was "
                    "off for two days in February and nobody at the phone company could tell us why.",
     OFFLINE, "the broadband up the glen is famous for its reliability"),
    ("Nadia Forde", "That's a fair worry, and we hear it from a lot of rural practices. If the line drops, the "
                    "desktop app keeps today's diary and the records you've opened, and it syncs when the line is "
                    "back. Most practices also add a 4G backup router."),
    ("Angus Munro", "Aye, and if it drops at three in the morning with a collie on the table, and I can't see "
                    "what the dog's already been given? I'm not having that.",
     OFFLINE, "if it drops at three in the morning with a collie on the table"),
    ("Nadia Forde", "Understood. I'll get Callum to show you exactly what stays on the machine when it's "
                    "offline."),
    ("Fiona MacLeod", "What does the client side look like? Do they get some kind of portal?"),
    ("Nadia Forde", "They get an app: online booking, reminders, and they can pay their bill in it."),
    ("Fiona MacLeod", "See, that's lovely for a city practice. Half our clients are hill farmers in their "
                      "seventies. They phone, or they chap the door. Nobody here is booking a ewe's caesarean "
                      "on an app.",
     CLIENTS, "Nobody here is booking a ewe's caesarean on an app"),
    ("Angus Munro", "And the ones with the wee dogs in town aren't much better, to be fair.",
     CLIENTS, "the ones with the wee dogs in town aren't much better"),
    ("Nadia Forde", "That's useful to know. The desk still takes bookings by phone as it does now; the app is "
                    "there for the clients who want it."),
    ("Fiona MacLeod", "Right. And what's all this going to cost us? We're three vets, and two of them are part "
                      "time."),
    ("Nadia Forde", "For your size it's two seats, with the part-timers at half a seat each, so four hundred "
                    "and twenty pounds a month, with the data move and the training included."),
    ("Fiona MacLeod", "Four hundred and twenty. We pay about ninety a month for the old thing.",
     PRICING, "We pay about ninety a month for the old thing"),
    ("Angus Munro", "The old thing that falls over every Monday, Fiona."),
    ("Fiona MacLeod", "I know, I know. I'm just saying the partners will choke on that number.",
     PRICING, "the partners will choke on that number"),
    ("Nadia Forde", "Fair. Let me put the fee next to what the Monday crashes and the Friday takings cost you in "
                    "hours, and we'll see if it stands up."),
    ("Angus Munro", "Do that. Right, I need to go and put my arm in a cow."),
    ("Fiona MacLeod", "Can you send it by Thursday? The partners meet on Friday morning."),
    ("Nadia Forde", "Thursday it is. Good luck with the calving, Angus."),
])

# ---------------------------------------------------------------------------------------------
# 2. Karoo Animal Hospital (South Africa): demo, clean SRT.

call("2026-09-08-karoo-animal-hospital.srt", "srt", turns=[
    ("Callum Reid", "Can everyone see my screen? It should be the day diary."),
    ("Thandi Nkosi", "Ja, we can see it."),
    ("Johan van der Merwe", "Sorry, there's a tortoise on my desk. Long story."),
    ("Nadia Forde", "That's the best start to a demo I've had all month."),
    ("Callum Reid", "So this is a day in a clinic with two consulting rooms. Click the appointment and you're in "
                    "the patient's record, with the history down the left."),
    ("Thandi Nkosi", "Okay, that's nice and quick. Our system takes about ten seconds to open a file, and the "
                     "vets moan about it the whole day."),
    ("Johan van der Merwe", "My question is the history. We've been on the same system since 2009, a DOS thing "
                            "my old partner's nephew set up, and every vaccine, every op note, every lab result is "
                            "in there. If that doesn't come across, we're not moving. Simple as that.",
     MIGRATION, "If that doesn't come across, we're not moving."),
    ("Callum Reid", "We've moved practices off older systems than that. We take a copy of the database, map it, "
                    "and you check a sample of records before go-live."),
    ("Johan van der Merwe", "And the op notes, hey. Half of them are scanned pages. I can't see those coming "
                            "across properly.",
     MIGRATION, "I can't see those coming across properly"),
    ("Callum Reid", "Scans come across as attachments on the right patient, with their dates."),
    ("Thandi Nkosi", "Then load-shedding. Some weeks we're on stage four. When the power goes, the router goes, "
                     "and then what, we all stand around the reception desk?",
     OFFLINE, "When the power goes, the router goes, and then what"),
    ("Callum Reid", "The desktop app keeps working on a laptop on battery: today's diary, the records you've "
                    "opened, and new notes and invoices, which sync when you're back."),
    ("Thandi Nkosi", "Okay. Can you show us that next time? Pull the cable out on the call."),
    ("Callum Reid", "Happy to."),
    ("Johan van der Merwe", "How do clients pay? Can they pay in the app?"),
    ("Nadia Forde", "They can. Card payments run through Sablewood Pay, built into the invoice."),
    ("Johan van der Merwe", "Ja, no. We've got our speedpoints with the bank on a contract till 2028, and the "
                            "rates are sharp because of the farm accounts. I'm not changing banks for a vet "
                            "system.",
     PAYMENTS, "I'm not changing banks for a vet system"),
    ("Nadia Forde", "You wouldn't have to. Sablewood Pay is optional; your own card machines work with the "
                    "invoices as they do now."),
    ("Thandi Nkosi", "So we keep our machines and just mark it paid?"),
    ("Nadia Forde", "Yes, or the bank's terminal is linked to the invoice so the amount goes across by itself."),
    ("Thandi Nkosi", "Okay, then that one's fine."),
    ("Johan van der Merwe", "Send us a quote for the two consulting rooms and the theatre, and the migration "
                            "plan. Lekker demo, thanks."),
    ("Nadia Forde", "Will do. You'll have it by Monday."),
])

# ---------------------------------------------------------------------------------------------
# 3. Prairie Creek Veterinary Services (Alberta, mixed practice): technical call, conversation JSON.

call("2026-09-14-prairie-creek-vets.json", "conversation", external=("Karen Lindqvist", "Dale Ferguson"), turns=[
    ("Marcus Bell", ["Morning Karen, morning Dale.", "Callum's joining from Edinburgh, so it's the end of his day."]),
    ("Callum Reid", ["Hello both.", "Good to meet you."]),
    ("Karen Lindqvist", ["Good to meet you too.", "Dale's got the technical list, I've got the cattle list."]),
    ("Dale Ferguson", ["First one's the lab.",
                       "We run an in-house chemistry analyser and a haematology unit, and right now Trish types "
                       "every result into the chart by hand.",
                       "Unless your system pulls those straight in, we've gained nothing on the lab side, and "
                       "that's where our errors come from."],
     LAB, "Unless your system pulls those straight in, we've gained nothing on the lab side"),
    ("Callum Reid", ["Which analysers are they?"]),
    ("Dale Ferguson", ["Both Vantis, about six years old."]),
    ("Callum Reid", ["Vantis is one we're finishing now.", "I'd want to check your exact models before I promise "
                     "you anything."]),
    ("Dale Ferguson", ["Okay, and the digital x-ray.",
                       "If the images don't attach to the chart, we're back to two screens and a sticky note."],
     LAB, "If the images don't attach to the chart, we're back to two screens and a sticky note"),
    ("Callum Reid", ["Imaging links through a DICOM worklist, and the study shows up in the record.",
                     "I'll confirm your model for that too."]),
    ("Karen Lindqvist", ["My list.",
                         "Half my work is on ranches, out of the truck, with no cell coverage for forty kilometres.",
                         "Can I write up a herd visit out there?"]),
    ("Callum Reid", ["Yes, the mobile app works offline and syncs once you're back in range."]),
    ("Karen Lindqvist", ["Good.", "That was the big one for me, honestly."]),
    ("Dale Ferguson", ["Next thing is more of a lawyer thing.",
                       "Our last software company went under in 2019 and we got our records back as eleven "
                       "thousand PDFs.",
                       "Before we sign anything, I want it in writing how we get all our data out, in a format "
                       "another system can read, if we ever leave you."],
     EXIT, "I want it in writing how we get all our data out"),
    ("Marcus Bell", ["That's a reasonable ask."]),
    ("Karen Lindqvist", ["And who owns it?", "Because I'm not paying rent on my own patients' histories."],
     EXIT, "I'm not paying rent on my own patients' histories"),
    ("Marcus Bell", ["You own the records.", "I'll send the data section of the contract so you can see it in "
                     "writing."]),
    ("Karen Lindqvist", ["Good.", "Send it with the quote, and we'll want a call with your migration people."]),
    ("Marcus Bell", ["Will do.", "Thanks both."]),
])

# ---------------------------------------------------------------------------------------------
# 4. Lionheart Pet Clinic (Singapore): discovery, raw speech-recognition export, plain text, no stamps.

call("2026-09-17-lionheart-pet-clinic.txt", "txt", stamps=False, turns=[
    ("Priya Raman", "hi dr lim hi siti thank you for your time um can you hear me okay"),
    ("Lim Wei Ling", "yes can can hear sorry ah we just finish the morning clinic very packed today"),
    ("Priya Raman", "no worries so i know from the email you are looking at replacing the current system"),
    ("Siti Rahman", "yah the current one is very slow lah every time the the receptionist want to print the bill "
                    "it hang and the queue become very long on saturday"),
    ("Priya Raman", "okay thats exactly the the front desk flow stable wood is built for"),
    ("Lim Wei Ling", "how much is it for us we have three vets and one more coming in january"),
    ("Priya Raman", "for four vets it will be the clinic plan so about one thousand one hundred singapore dollars a "
                    "month including the setup"),
    ("Lim Wei Ling", "wah so expensive one our current one is like um a few hundred only",
     PRICING, "wah so expensive one"),
    ("Priya Raman", "i understand um the current one also doesnt include the the client app and the reminders "
                    "right"),
    ("Lim Wei Ling", "true but still very hard to justify to my partner for a small clinic like ours",
     PRICING, "still very hard to justify to my partner for a small clinic like ours"),
    ("Siti Rahman", "and the nurses ah they very busy already where got time to go for training one whole day "
                    "cannot close the clinic",
     TRAINING, "where got time to go for training"),
    ("Priya Raman", "the training is done in in small sessions um thirty minutes before the clinic opens and we "
                    "have a a person on site the first week"),
    ("Siti Rahman", "okay that one maybe can"),
    ("Lim Wei Ling", "then the payment part we use the the nets terminal and pay now q r with our bank must we "
                     "use your payment or not if must then cannot our bank give us very good rate",
     PAYMENTS, "if must then cannot our bank give us very good rate"),
    ("Priya Raman", "no no its optional you can keep your nets terminal"),
    ("Siti Rahman", "the pay now also must go straight into our own bank account cannot go through some other "
                    "company first",
     PAYMENTS, "cannot go through some other company first"),
    ("Priya Raman", "yes it goes straight to your account we dont touch it"),
    ("Lim Wei Ling", "okay good"),
    ("Priya Raman", "shall i send the proposal and we do a demo for the the whole team next week"),
    ("Siti Rahman", "can thursday after two pm"),
    ("Priya Raman", "thursday after two okay ill send the invite"),
])

# ---------------------------------------------------------------------------------------------
# 5. Bluebonnet Animal Hospital (Texas): commercial call, JSON turns with roles.

call("2026-09-23-bluebonnet-animal-hospital.json", "turns", turns=[
    ("Marcus Bell", "Afternoon Ray, afternoon Cheryl. Tomasz is with me, he'd run your onboarding."),
    ("Tomasz Wren", "Hi both, good to meet you."),
    ("Cheryl Watts", "Hi. I've got the order form open, so let's go line by line."),
    ("Ray Delgado", "And I've got twenty minutes before a dental, so let's go fast."),
    ("Cheryl Watts", "Nine doctors at a hundred and forty a doctor a month adds up fast. We budgeted for about "
                     "two thirds of that, and the board isn't going to find the rest for a records system.",
     PRICING, "We budgeted for about two thirds of that"),
    ("Marcus Bell", "Understood. Two of the nine are part time, and part-time doctors count as half a seat. That "
                    "brings it down."),
    ("Cheryl Watts", "It brings it down. Not to two thirds.",
     PRICING, "Not to two thirds."),
    ("Marcus Bell", "Let me see what I can do on the first year."),
    ("Ray Delgado", "The bigger problem is timing, honestly. We're in talks to join Lone Star Vet Partners, and "
                    "until that closes, which won't be before March, I can't sign anything.",
     TIMING, "until that closes, which won't be before March, I can't sign anything"),
    ("Marcus Bell", "That makes sense. Could we sign with a start date after the close?"),
    ("Ray Delgado", "Maybe. But their lawyers are going to ask what I'm asking: if the group moves us onto their "
                    "own system in two years, do we walk out with every record, in a file the next system can "
                    "load, or do we get a box of printouts?",
     EXIT, "do we walk out with every record, in a file the next system can load"),
    ("Tomasz Wren", "You'd get a full export: records, attachments and the ledger."),
    ("Cheryl Watts", "In writing, in the contract, with no exit fee.",
     EXIT, "In writing, in the contract, with no exit fee."),
    ("Marcus Bell", "I'll take that back to legal."),
    ("Cheryl Watts", "Also, does the price include the client app? We'd want that on day one."),
    ("Marcus Bell", "It does."),
    ("Ray Delgado", "Then send the revised form and the export wording, and we'll look at a start date after the "
                    "close."),
    ("Marcus Bell", "I'll have it to you by Friday."),
])

# ---------------------------------------------------------------------------------------------
# 6. Tailwag Pet Hospitals (Bengaluru, six clinics): raw speech-recognition WebVTT, speakers as
#    ``Name:`` prefixes, one sentence split across cues.

call("2026-09-29-tailwag-pet-hospitals.vtt", "vtt", prefix=True, note="tailwag pet hospitals call auto transcript",
     turns=[
    ("Priya Raman", "good morning doctor rao good morning meera"),
    ("Arvind Rao", "good morning priya sorry um were in the car so there may be some some noise"),
    ("Priya Raman", "no problem so last time you mentioned the the six branches are all on different systems"),
    ("Meera Iyer", "yes actually three are on one software two are on excel and koramangala is still on paper "
                   "registers so its a its a full mess"),
    ("Arvind Rao", "i cant even tell you how many vaccinations we did last month across the chain without calling "
                   "every branch"),
    ("Callum Reid", "thats the main thing a single system fixes one record per pet across all six"),
    ("Meera Iyer", ["see the problem is the front desk staff turnover is",
                    "very high we lose receptionists every three four months so whatever you give we will be "
                    "training new people every quarter and the vets also dont have patience for it"],
     TRAINING, "the problem is the front desk staff turnover is"),
    ("Callum Reid", "the front desk screens are simple and theres a short video course new staff can do in their "
                    "first week"),
    ("Arvind Rao", "okay the bigger thing for me is lab reports we send samples to to two reference labs and the "
                   "reports come back on whatsapp as p d f if i still have to download and upload every report "
                   "whats the point",
     LAB, "if i still have to download and upload every report whats the point"),
    ("Callum Reid", "we take results from several reference labs electronically id need the names of yours to "
                    "check"),
    ("Arvind Rao", "bangalore diagnostics and pet bath i will send"),
    ("Meera Iyer", "and the pet parents ah they will not download one more app they are already messaging us on "
                   "whatsapp for everything appointments reports everything",
     CLIENTS, "they will not download one more app"),
    ("Priya Raman", "understood the reminders can also go by sms"),
    ("Meera Iyer", "sms also nobody reads honestly its all whatsapp",
     CLIENTS, "sms also nobody reads honestly"),
    ("Arvind Rao", "and power cuts whitefield branch gets two three cuts a day in summer and the inverter doesnt "
                   "run the the internet box so if its all online we are stuck",
     OFFLINE, "if its all online we are stuck"),
    ("Callum Reid", "the desktop app runs offline on the laptop and syncs when the line is back"),
    ("Arvind Rao", "okay send me the the pricing for all six and lets do a pilot in indiranagar"),
    ("Priya Raman", "will do ill send it today"),
])

# ---------------------------------------------------------------------------------------------
# 7. Harbourside Veterinary Clinic (Cobh, Ireland): demo follow-up, plain text with stamps.

call("2026-10-05-harbourside-vets.txt", "txt", turns=[
    ("Nadia Forde", "Hi Siobhán, hi Declan. Tomasz is here for the data questions you sent over."),
    ("Siobhán Kelly", "Grand, thanks. We've a lot of them, so."),
    ("Declan O'Brien", "Sorry, I'm eating a sandwich. It's been one of those days. A Labrador ate a sock, and then "
                       "he ate the other sock."),
    ("Nadia Forde", "The double sock. A classic."),
    ("Siobhán Kelly", "Right. The vaccination histories. We've twenty-two years of them, and the old system keeps "
                      "them in a way nobody understands, including the crowd that sold it to us. I'm not going to "
                      "be the one telling a client their dog's booster record is gone.",
     MIGRATION, "I'm not going to be the one telling a client their dog's booster record is gone"),
    ("Tomasz Wren", "We'd pull a full copy first and run a trial import. You and the nurses check fifty patients "
                    "you know well, side by side, before anything goes live."),
    ("Siobhán Kelly", "Fifty is nothing. We've eleven thousand active patients.",
     MIGRATION, "Fifty is nothing."),
    ("Tomasz Wren", "Fair. The fifty are the ones you check by eye; every record is counted and compared by the "
                    "import itself, and you get the report."),
    ("Siobhán Kelly", "Okay. That's better."),
    ("Declan O'Brien", "And the other direction. Say in five years we can't stand the sight of you. What stops you "
                       "holding our records hostage? Because that's what the last crowd tried.",
     EXIT, "What stops you holding our records hostage?"),
    ("Nadia Forde", "Nothing should, and nothing does. I'll send you what the contract says about exports."),
    ("Declan O'Brien", "Do. Because I'm not signing up to be stuck with anyone's software again.",
     EXIT, "I'm not signing up to be stuck with anyone's software again"),
    ("Siobhán Kelly", "For the go-live, could we aim for the second week of January? December is mad with the "
                      "boarding."),
    ("Tomasz Wren", "January works well. We'd run the trial import in November."),
    ("Declan O'Brien", "Grand. Send the export wording and we'll bring it to the partners' meeting."),
    ("Nadia Forde", "Will do. Thanks both, and good luck with the sock dog."),
])

# ---------------------------------------------------------------------------------------------
# 8. Stoneleigh Equine Clinic (Warwickshire): technical call, a JSON list of turns.

call("2026-10-08-stoneleigh-equine.json", "list", turns=[
    ("Callum Reid", "Morning Harriet, morning Ben."),
    ("Harriet Lowe", "Morning. I've brought coffee, Ben's brought a list."),
    ("Ben Ashworth", "It's a short list."),
    ("Nadia Forde", "Those are the ones to worry about."),
    ("Ben Ashworth", "Digital radiography. We use a portable DR kit out on the yards, and the images sit on a "
                     "separate PACS. Frankly, if I can't see the X-ray from the horse's record, your system is a "
                     "nicer-looking version of what we've already got.",
     LAB, "if I can't see the X-ray from the horse's record"),
    ("Callum Reid", "We link imaging through a DICOM worklist. Which PACS is it?"),
    ("Ben Ashworth", "OsiriVet. Three vendors have told me it's on the roadmap.",
     LAB, "Three vendors have told me it's on the roadmap."),
    ("Callum Reid", "I'll be straight with you: OsiriVet isn't one we've done yet. I'd rather check with our "
                    "integrations team than tell you it works."),
    ("Harriet Lowe", "Appreciated. My worry is the team. Our ambulatory vets are on the road from six in the "
                     "morning. They're not going to sit through training sessions in their evenings, and half of "
                     "them still write their notes on the back of a glove.",
     TRAINING, "They're not going to sit through training sessions in their evenings"),
    ("Nadia Forde", "We'd do it in the clinic at lunchtime, in forty-minute pieces, and the mobile app is the part "
                    "they'd use most."),
    ("Harriet Lowe", "How do they record a visit on the yard, then?"),
    ("Callum Reid", "On the phone: drugs, procedures and charges, and it syncs to the record."),
    ("Harriet Lowe", "Most of our yards have no signal at all. If it needs a connection to save a visit, it's no "
                     "good to us.",
     OFFLINE, "If it needs a connection to save a visit, it's no good to us."),
    ("Callum Reid", "It doesn't. The visit saves on the phone and goes up when there's signal again."),
    ("Ben Ashworth", "Send me the integration list and the API documentation."),
    ("Nadia Forde", "Will do, today."),
])

# ---------------------------------------------------------------------------------------------
# 9. Peachtree Veterinary Clinic (Georgia): short follow-up, raw speech-recognition SRT, one sentence
#    split across cues.

call("2026-10-13-peachtree-vet-clinic.srt", "srt", turns=[
    ("Marcus Bell", "hey doctor johnson hey brandon thanks for jumping on"),
    ("Tamika Johnson", "hey marcus yeah we got like fifteen minutes its uh its kitten season out here"),
    ("Marcus Bell", "ha i bet so i wanted to follow up on the the proposal did yall get a chance to look"),
    ("Brandon Hayes", "yeah we looked um couple things"),
    ("Tamika Johnson", ["the number is still um its still more than we were hoping i mean",
                        "for a two doctor practice thats a thats a big monthly"],
     PRICING, "its still more than we were hoping"),
    ("Marcus Bell", "understood i can look at the annual prepay thats ten percent off"),
    ("Brandon Hayes", "and the payments thing uh we just signed a three year deal with our processor like in "
                      "august so if we gotta run cards through yalls system thats a non starter",
     PAYMENTS, "if we gotta run cards through yalls system thats a non starter"),
    ("Marcus Bell", "you dont have to your processor stays and the invoice just gets marked paid or you link the "
                    "terminal"),
    ("Brandon Hayes", "oh okay i thought the the stable pay thing was required"),
    ("Marcus Bell", "no its optional"),
    ("Tamika Johnson", "okay if you can do the the ten percent send it over and ill talk to my husband hes the the "
                       "money guy"),
    ("Marcus Bell", "will do ill send it today"),
])

# ---------------------------------------------------------------------------------------------
# 10. Ubuntu Veterinary Group (Johannesburg, eight clinics): procurement review, conversation JSON.

call("2026-10-19-ubuntu-vet-group.json", "conversation", external=("Lerato Mokoena", "Pieter Botha"), turns=[
    ("Nadia Forde", ["Hi Lerato, hi Pieter.", "Thanks for sending your comments on the proposal."]),
    ("Lerato Mokoena", ["Hi Nadia.", "We've been through it with finance, so we have a few points."]),
    ("Pieter Botha", ["Morning all."]),
    ("Tomasz Wren", ["Morning."]),
    ("Lerato Mokoena", ["First, the per-vet price.",
                        "We have thirty-four vets across the group, and at list price this comes out higher than "
                        "what we pay for the old system and the lab software together.",
                        "Finance won't sign at that number."],
     PRICING, "this comes out higher than what we pay for the old system and the lab software together"),
    ("Nadia Forde", ["Understood.", "For a group your size we'd move you to the group tier, which is priced per "
                     "clinic rather than per vet."]),
    ("Lerato Mokoena", ["Okay, send the numbers."]),
    ("Pieter Botha", ["My concern is the rollout.",
                      "We're bringing on three newly acquired clinics between now and March, and each of them is "
                      "already changing owners, uniforms, suppliers, everything.",
                      "A new system on top of that before March is the wrong time for us.",
                      "After March, yes."],
     TIMING, "A new system on top of that before March is the wrong time for us."),
    ("Tomasz Wren", ["That fits how we'd do it anyway.",
                     "We'd start with the five settled clinics in April and bring the new ones on as they're "
                     "ready."]),
    ("Pieter Botha", ["That I can live with."]),
    ("Lerato Mokoena", ["Then the lab.",
                        "All eight clinics send to Highveld Vet Labs, and two have in-house analysers.",
                        "Your integration list has question marks next to both, and we won't go live with nurses "
                        "retyping results."],
     LAB, "we won't go live with nurses retyping results"),
    ("Tomasz Wren", ["The reference lab we can confirm this month.", "The analysers I'll check model by model."]),
    ("Lerato Mokoena", ["Please do, in writing."]),
    ("Pieter Botha", ["Otherwise the clinicians liked the demo.", "The vets in Randburg asked when they can have "
                      "it."]),
    ("Nadia Forde", ["That's lovely to hear.", "I'll send the group pricing and the lab answer by next "
                     "Wednesday."]),
])

# ---------------------------------------------------------------------------------------------
# 11. Kelpie Creek Veterinary Hospital (rural New South Wales): discovery, plain text with stamps.

call("2026-10-26-kelpie-creek-vets.txt", "txt", turns=[
    ("Priya Raman", "Hi Mick, hi Jacinta. Thanks for making the time."),
    ("Mick Sullivan", "No worries. Sorry about the racket, the dogs in the kennels have heard the ute."),
    ("Jacinta Cole", "They think it's dinner."),
    ("Priya Raman", "Ha. So what's got you looking at a new system?"),
    ("Jacinta Cole", "Our current one's support is in another time zone, we wait two days for a reply, and the "
                     "stock module has never once been right. I reckon we've lost thousands on expired drugs."),
    ("Mick Sullivan", "It's a dog's breakfast, frankly. No offence to the dogs."),
    ("Priya Raman", "None taken on their behalf. Sablewood's stock comes straight off what's billed, so expiry "
                    "dates are flagged before they bite."),
    ("Mick Sullivan", "Right. Now, you mentioned the client app in your email."),
    ("Priya Raman", "Yes, online booking, reminders and payments."),
    ("Mick Sullivan", "Look, the app's no use to us. Our clients are cattle and sheep blokes who've had the same "
                      "phone since 2015. They ring up, or they turn up. Half of them won't even give us an email "
                      "address.",
     CLIENTS, "the app's no use to us"),
    ("Jacinta Cole", "Mrs Dawson still pays by cheque, and she's one of the young ones.",
     CLIENTS, "Mrs Dawson still pays by cheque, and she's one of the young ones."),
    ("Priya Raman", "Understood. The desk books by phone as it always has; the app's there for whoever wants it."),
    ("Mick Sullivan", "And the internet. We're on satellite out here, and when a storm comes through it's gone for "
                      "the afternoon. If I can't get into a record during a storm, I'm not interested.",
     OFFLINE, "If I can't get into a record during a storm, I'm not interested."),
    ("Priya Raman", "The desktop app keeps working offline and syncs when the link is back."),
    ("Jacinta Cole", "What's the go-live like? How long does it take?"),
    ("Priya Raman", "A median of five weeks from signing."),
    ("Jacinta Cole", "Five weeks is fine. We'd want it in before spring calving."),
    ("Mick Sullivan", "Send us something in writing and we'll have a yarn with the other partner."),
    ("Priya Raman", "Will do. I'll send it tomorrow."),
])

# ---------------------------------------------------------------------------------------------
# 12. North Shore Animal Clinic (North Vancouver): onboarding walkthrough, raw speech-recognition
#     meeting export (roles from canon.toml).

call("2026-11-02-north-shore-animal-clinic.json", "meeting", turns=[
    ("Marcus Bell", "okay i think everyones on um hi anne hi kevin"),
    ("Anne Tremblay", "hi marcus hi sorry the the wifi in the back office is is terrible"),
    ("Kevin Chu", "its fine now i think"),
    ("Marcus Bell", "great so today tomasz is going to walk through what on boarding looks like"),
    ("Tomasz Wren", "yeah so week one we we take a copy of your data weeks two and three are the trial import "
                    "and training and week four or five you go live"),
    ("Kevin Chu", "so um training is how many hours per person"),
    ("Tomasz Wren", "about four hours for the front desk in short pieces a bit less for the vets"),
    ("Kevin Chu", "four hours times fourteen people and were already short two text and and covering shifts with "
                  "overtime i honestly dont know where those hours come from",
     TRAINING, "i honestly dont know where those hours come from"),
    ("Anne Tremblay", "and doctor fraser has been on the same system since nineteen ninety eight hes hes not "
                      "going to learn a new one hes told me so himself twice",
     TRAINING, "hes not going to learn a new one"),
    ("Tomasz Wren", "we see that a lot um usually we pair the the most reluctant vet with someone from our team "
                    "for the first week"),
    ("Anne Tremblay", "hm good luck with that",
     TRAINING, "good luck with that"),
    ("Marcus Bell", "ha fair enough"),
    ("Anne Tremblay", "the records though the records im less worried about the the old company says they can "
                      "give us a full export"),
    ("Kevin Chu", "one thing we like is the the reminders we we send them by hand right now its like a whole day "
                  "a month"),
    ("Anne Tremblay", "okay send me the the on boarding plan in writing and uh well see"),
    ("Marcus Bell", "will do thanks anne"),
])

# ---------------------------------------------------------------------------------------------
# 13. Kinloch Veterinary Centre (Edinburgh): before signing, clean WebVTT.

call("2026-11-06-kinloch-vet-centre.vtt", "vtt", note="Kinloch Veterinary Centre, order form review.\n"
     "Nadia Forde (Sablewood), Ross Campbell (practice owner), Mhairi Grant (clinical lead).", turns=[
    ("Nadia Forde", "Hi Ross, hi Mhairi. I've got the final order form here."),
    ("Ross Campbell", "Good. We're nearly there, I think."),
    ("Mhairi Grant", "The vets have been on the trial login all week. They're sold, honestly. The dental charting "
                     "is the bit they keep showing each other."),
    ("Ross Campbell", "One thing before I sign. Our in-house analyser. You said the link would be ready soon, and "
                      "I've heard soon from software people before. I'm not signing until I see our blood results "
                      "land in a record.",
     LAB, "I'm not signing until I see our blood results land in a record"),
    ("Nadia Forde", "That's fair. I can get you a test on your analyser next week."),
    ("Ross Campbell", "And the discount. Last week it was fifteen percent on the first year, and the form says ten. "
                      "I'm not paying more because the paperwork changed hands.",
     PRICING, "I'm not paying more because the paperwork changed hands"),
    ("Nadia Forde", "You're right, that's our mistake. I'll correct the form today."),
    ("Mhairi Grant", "Can we have the training on a Wednesday? That's our quiet afternoon."),
    ("Nadia Forde", "Wednesday's fine."),
    ("Ross Campbell", "Then send the corrected form and the analyser test date, and we'll get it signed."),
    ("Nadia Forde", "Will do. Thanks, both."),
])

# ---------------------------------------------------------------------------------------------
# 14. Lakeview Pet Hospital (Minnesota): short follow-up, clean plain text without stamps.

call("2026-11-12-lakeview-pet-hospital.txt", "txt", stamps=False, turns=[
    ("Marcus Bell", "Hi Greg, hi Linda. Thanks for calling back."),
    ("Greg Olson", "Sure. Sorry, it's been a week. We had a flood in the basement on Monday."),
    ("Marcus Bell", "Oh no. Is everyone okay?"),
    ("Linda Berg", "The boxes of old files are not okay. The animals are fine."),
    ("Greg Olson", "Honestly, Marcus, this is the worst possible time to be changing anything. Between the flood "
                   "and our associate going on maternity leave, let's pick this back up in the new year.",
     TIMING, "this is the worst possible time to be changing anything"),
    ("Marcus Bell", "Completely understand. Can I send you the proposal anyway, so it's there when you're ready?"),
    ("Linda Berg", "Sure. And when we do pick it up, I still need an answer on the dental charts. They're in a "
                   "separate program, and if they don't come across with each patient, I'm not switching.",
     MIGRATION, "if they don't come across with each patient, I'm not switching"),
    ("Marcus Bell", "Noted. Tomasz will look at that program and tell you exactly what moves."),
    ("Greg Olson", "Good. Talk in January."),
    ("Marcus Bell", "Talk in January. Good luck with the basement."),
])


# ---------------------------------------------------------------------------------------------
# Rendering: each format writes its file and returns, per turn, the lines of its pieces.

RENDER = renderers(Style(start=3.0, words_per_second=2.6, shortest=1.2, pause=0.7, first_speaker_id=5520040000000001,
              own_domain="sablewood.example", internal=frozenset(INTERNAL), drop_apostrophes=True))


def build(calls_dir: Path = CALLS) -> dict[str, list[dict[str, Any]]]:
    """Write every call into ``calls_dir`` (emptied first); the labelled turns of each, by call path."""
    return write_calls(CALL_LIST, RENDER, calls_dir, internal=frozenset(INTERNAL))


COVERAGE = {
    PRICING: True,
    MIGRATION: True,
    TRAINING: True,
    OFFLINE: True,
    TIMING: True,
    LAB: False,  # its only answer (answers/lab-integration) is a draft
    EXIT: False,  # proof-points/backups.md is about keeping data safe, not about taking it away
    PAYMENTS: True,  # messaging/payments-your-way.md answers it; no objection entry names it
    CLIENTS: False,  # proof-points/reminder-compliance.md sells the app; it does not answer clients who won't use one
}
GAP_NOTES = {
    LAB: "known objection; its only answer (answers/lab-integration) is a draft",
    EXIT: "getting every record back out, complete and loadable by another system, if the practice leaves, and "
          "who owns the records; the data-migration answer is about moving history in and the backups proof "
          "point about keeping data safe; no approved entry addresses it",
    CLIENTS: "pet owners (farmers, older clients, clients who only use messaging) will not use the client app, "
             "online booking or portal; the staff-training objection is about the practice's own team; no "
             "approved entry addresses it",
}


def labels(calls: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    mentions = [(path, m) for path, items in calls.items() for m in items]
    expected = []
    for oid, note in GAP_NOTES.items():
        mine = [(p, m) for p, m in mentions if m["objection"] == oid]
        gap: dict[str, Any] = {"rule": "objection-gap", "objection": oid, "path": mine[0][0], "line": mine[0][1]["line"],
                               "mentions": [{"path": p, "line": m["line"]} for p, m in mine]}
        if not oid.startswith("new:"):
            gap["alt_paths"] = [oid + ".md"]
        gap["note"] = note + "; a tool may report the gap once per theme or once per mention"
        expected.append(gap)
    return {"today": "2026-11-20", "kb": "kb",
            "audit": {"rules": ["objection-gap"], "expected": expected, "negatives": []},
            "objections": {"calls": calls, "coverage": COVERAGE}}


def check_lines(calls: dict[str, list[dict[str, Any]]], calls_dir: Path = CALLS) -> list[str]:
    """Every label's words on the line it names, read back from the written file."""
    problems = []
    for path, items in calls.items():
        lines = (calls_dir / path.removeprefix("calls/")).read_text(encoding="utf-8").split("\n")
        for m in items:
            line = lines[m["line"] - 1]
            want = json.dumps(m["snippet"])[1:-1] if path.endswith(".json") else m["snippet"]
            if want not in line or m["speaker"] not in "\n".join(lines[:m["line"]]):
                problems.append(f"{path}:{m['line']} {m['snippet']!r} not on {line!r}")
    return problems


def check_parser(calls: dict[str, list[dict[str, Any]]], calls_dir: Path = CALLS) -> list[str]:
    """Every label on an external turn of the call as canon's parser reads it, holding its words."""
    return check_parsed_labels(calls, calls_dir, HERE / "kb")


if __name__ == "__main__":
    found = build()
    (HERE / "labels.json").write_text(json.dumps(labels(found), indent=1, ensure_ascii=False) + "\n",
                                      encoding="utf-8")
    bad = check_lines(found) + (check_parser(found) if "--parser" in sys.argv else [])
    print(f"{len(CALL_LIST)} calls, {sum(len(v) for v in found.values())} labelled turns")
    for b in bad:
        print("BAD", b)
    sys.exit(1 if bad else 0)
