"""Write Proscenia's calls (``kb/calls``) and their objection labels (``labels.json``) from one source.

Each call is written below once, turn by turn; a turn that raises an objection carries its label
(the objection entry id, or ``new:<slug>`` for a theme with no entry) and the words that carry it.
The script renders each call in its file format and records the line where each labelled turn's
objection starts, so that the labels cannot drift from the files. It checks that every label's
words stand on the line it records; with ``--parse`` it also reads every call back with canon's
own parser and fails if a label does not sit on an external turn holding its words.

    python tests/data/corpora/proscenia/build.py [--parse]

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
INTERNAL = ("Nadia Ferro", "Tom Ashby", "Priya Anand", "Callum Reyes")

# A turn: (speaker, text) or (speaker, text, objection, snippet). ``text`` is a string, or a list of
# pieces: sentences of a JSON conversation export, or cues of a subtitle file when one speaker's
# words run over several cues.
Turn = tuple[Any, ...]

CALL_LIST: list[dict[str, Any]] = []


def call(name: str, fmt: str, turns: list[Turn], *, note: str = "", external: tuple[str, ...] = (),
         stamps: bool = True) -> None:
    CALL_LIST.append({"name": name, "fmt": fmt, "turns": turns, "note": note, "external": external,
                      "stamps": stamps})


PRICE = "objections/pricing"
MIGRATE = "objections/data-migration"
ADOPT = "objections/staff-adoption"
RELIABLE = "objections/show-night-reliability"
CONTRACT = "objections/contract-terms"
DONORS = "objections/fundraising-integration"
FEES = "new:patron-booking-fees"
ACCESS = "new:screen-reader-accessibility"
JOBS = "new:box-office-job-losses"

# ---------------------------------------------------------------------------------------------
# 1. Lanternhouse Theatre: discovery, clean WebVTT.

call("2026-09-02-lanternhouse.vtt", "vtt", note="Lanternhouse Theatre, discovery call.\n"
     "Nadia Ferro (Proscenia), Rosalind Achebe (executive director), Martin Greave (box office manager).", turns=[
    ("Nadia Ferro", "Good afternoon both. I know it's a tech week, so thank you for squeezing me in."),
    ("Rosalind Achebe", "Tech week is always chaos. Martin has been here since seven."),
    ("Martin Greave", "Since six, actually. But who's counting."),
    ("Nadia Ferro", "Tell me what a big on-sale looks like for you today."),
    ("Martin Greave", "Honestly? A nightmare. When the panto went on sale last year the phones rang for nine "
                      "hours straight, the website fell over twice, and I had volunteers writing seat numbers on "
                      "the back of envelopes."),
    ("Rosalind Achebe", "We lost bookings that day. I know we did, I just can't tell you how many."),
    ("Nadia Ferro", "That's the day we're built for. The seat map, the queue and the box office screen all work "
                    "off one inventory, so nothing is sold twice and nobody has to write anything down."),
    ("Martin Greave", "Does the box office screen show which seats are on hold for the cast?"),
    ("Nadia Ferro", "Yes, holds show in grey, and you can release them in one go on the day."),
    ("Martin Greave", "Right. Here's the thing though. Half my box office on a Saturday are volunteers, and "
                      "several of them are in their seventies. They've learned the current screens by heart. I'm "
                      "not confident they'll take to something new.",
     ADOPT, "I'm not confident they'll take to something new"),
    ("Nadia Ferro", "That's a common worry. The box office screen has a volunteer mode with six buttons, and we "
                    "run the training on site, during one of your quieter weeks."),
    ("Martin Greave", "Six buttons today. Then an update moves them all around in March.",
     ADOPT, "Then an update moves them all around in March"),
    ("Nadia Ferro", "Layout changes to volunteer mode are announced a season ahead and can be switched off."),
    ("Rosalind Achebe", "Let me ask about money, because my board will. How is it charged?"),
    ("Nadia Ferro", "There's a per-ticket fee on paid tickets, and nothing on comps. Most venues pass it on as a "
                    "booking fee."),
    ("Rosalind Achebe", "Pass it on to the audience, you mean. Our audience already grumbles about the restoration "
                        "levy. Put another line on the checkout and I'll be reading about it in the letters page.",
     FEES, "Put another line on the checkout and I'll be reading about it in the letters page"),
    ("Nadia Ferro", "You don't have to show it as a separate line. Plenty of venues fold it into the ticket price."),
    ("Rosalind Achebe", "Then the ticket price goes up and it's the same complaint with a different heading.",
     FEES, "it's the same complaint with a different heading"),
    ("Nadia Ferro", "Fair. I'll send you how two similar houses presented it."),
    ("Rosalind Achebe", "Please. And send the pricing for a five hundred seat house, we'd like to see real numbers."),
    ("Nadia Ferro", "Will do. Shall we say Tuesday at ten to go through it?"),
    ("Rosalind Achebe", "Tuesday at ten. Martin, you too, if the get-in is done."),
])

# ---------------------------------------------------------------------------------------------
# 2. Gallery Playhouse: demo with their IT contractor and development team, clean SRT.

call("2026-09-08-gallery-playhouse.srt", "srt", turns=[
    ("Tom Ashby", "Hi everyone. Priya is joining me today, she'll do most of the demo."),
    ("Priya Anand", "Hello! Glad to meet you all."),
    ("Hugo Lindqvist", "Hi. I'm the IT contractor, two days a week, so the data questions land on me."),
    ("Bea Okafor", "And I run development, so anything about donors, that's me."),
    ("Priya Anand", "Great. Let's start with the season page and then go behind the scenes."),
    ("Bea Okafor", "This is lovely. Much nicer than what our patrons see at the moment."),
    ("Hugo Lindqvist", "Before we go further, let me raise the obvious one. We have fourteen years of patron "
                       "history in the old system, every subscriber, every seat they've sat in. I've seen two "
                       "migrations go wrong at other venues and I'm not going through that.",
     MIGRATE, "I've seen two migrations go wrong at other venues and I'm not going through that"),
    ("Priya Anand", "Understood. We do the migration ourselves, with a trial load you check before anything goes "
                    "live."),
    ("Hugo Lindqvist", "A trial load is fine until you find that half the households were merged wrongly. Our "
                       "data has duplicates going back to the nineties.",
     MIGRATE, "half the households were merged wrongly"),
    ("Priya Anand", "The trial load comes with a duplicate report, and nothing is merged without your sign-off."),
    ("Hugo Lindqvist", "Okay. What format do you want the export in?"),
    ("Priya Anand", "CSV is fine, or a database backup if that's easier for you."),
    ("Bea Okafor", "My worry is different. All our giving lives in our donor database, and the gala depends "
                   "on it. If ticket buyers and donors end up in two places that don't talk to each other, my "
                   "team will be copying names across by hand again.",
     DONORS, "my team will be copying names across by hand again"),
    ("Tom Ashby", "We have a two-way sync with the common donor databases, so a ticket buyer becomes a record "
                  "on your side within minutes."),
    ("Bea Okafor", "Which ones are common? Ours is a bit of an old thing a consultant set up for us."),
    ("Priya Anand", "If you tell me which one, I'll check before Friday."),
    ("Bea Okafor", "I'll send it over. I'd honestly be surprised if it's on your list.",
     DONORS, "I'd honestly be surprised if it's on your list"),
    ("Tom Ashby", "Let's find out. Can we book a technical session for Hugo with our data team?"),
    ("Hugo Lindqvist", "Thursdays are my days in. Any Thursday in October."),
])

# ---------------------------------------------------------------------------------------------
# 3. Riverside Arts Centre: proposal review, conversation-intelligence JSON.

call("2026-09-14-riverside-arts.json", "conversation", external=("Helen Marsh", "Dev Raman"), turns=[
    ("Tom Ashby", ["Hi Helen, hi Dev.", "Thanks for getting back to us on the proposal so quickly."]),
    ("Helen Marsh", ["We had it on the agenda on Thursday.", "There's a lot we like in it."]),
    ("Dev Raman", ["The reporting alone would save me a day a month."]),
    ("Tom Ashby", ["Good to hear.", "What's left to settle?"]),
    ("Helen Marsh", ["Three things.",
                     "The first is the term.",
                     "Five years is far longer than we commit to with anyone.",
                     "Our funding agreement is renewed every three years, and I can't sign something that "
                     "outlives it."],
     CONTRACT, "Five years is far longer than we commit to with anyone"),
    ("Tom Ashby", ["Understood.", "The five years is what holds the fee at that level, but we can look at it."]),
    ("Helen Marsh", ["Please do.", "Three years, with a way out if the funding goes."],
     CONTRACT, "Three years, with a way out if the funding goes"),
    ("Dev Raman", ["The second is mine.",
                   "We're a public building, and our funders audit the website against the accessibility "
                   "standard every year.",
                   "When I tried your seat map with a screen reader it just read out 'button, button, button'.",
                   "If a blind patron can't choose a seat on their own, we can't put that on our website."],
     ACCESS, "If a blind patron can't choose a seat on their own, we can't put that on our website"),
    ("Tom Ashby", ["That's helpful to know.", "I'll take that back to our product team."]),
    ("Dev Raman", ["I'd want more than taking it back.",
                   "I'd need a written statement of what meets the standard, before we sign."],
     ACCESS, "I'd need a written statement of what meets the standard, before we sign"),
    ("Helen Marsh", ["And the third is the weekend.",
                     "Our Saturday is a matinee, an evening show and a family workshop, all on one system.",
                     "If your service goes down at half past six on a Saturday, there's a queue of three hundred "
                     "people and no way of knowing who's paid."],
     RELIABLE, "If your service goes down at half past six on a Saturday"),
    ("Tom Ashby", ["The box office screen keeps working offline and prints from a local copy of the house.",
                   "It syncs when the connection comes back."]),
    ("Helen Marsh", ["Okay.", "Can you send us the last year's uptime in writing?"]),
    ("Tom Ashby", ["Yes, by Monday."]),
    ("Dev Raman", ["And could we get a test account for the screen reader checks?"]),
    ("Tom Ashby", ["I'll set one up this afternoon."]),
])

# ---------------------------------------------------------------------------------------------
# 4. Tolland Opera: raw speech-recognition export, plain text, no stamps.

call("2026-09-17-tolland-opera.txt", "txt", stamps=False, turns=[
    ("Callum Reyes", "hi gwen hi sam can you hear me okay"),
    ("Gwen Tolliver", "yeah we can hear you fine sorry we're in the um the rehearsal room the wifi is terrible"),
    ("Callum Reyes", "no worries so you said the subscription renewals are the big thing this year"),
    ("Sam Okoro", "yeah renewals are a disaster honestly we do them on paper forms and then someone types "
                  "them all in by hand and every year we lose like a chunk of subscribers just in the gap"),
    ("Callum Reyes", "right and that's where online renewal with their seats held usually helps the most"),
    ("Gwen Tolliver", "so can i just say the the thing that'll come up first with our board is the box office "
                      "team we've got four people full time in there and the union rep is gonna ask straight "
                      "away if this is about cutting them and if it is its dead before it starts",
     JOBS, "the union rep is gonna ask straight away if this is about cutting them"),
    ("Callum Reyes", "it's not designed to replace people it moves them off data entry and onto the phones "
                     "with patrons"),
    ("Gwen Tolliver", "yeah thats what every vendor says and then two years later the finance director looks "
                      "at the sails report and says why do we need four people",
     JOBS, "then two years later the finance director looks at the sails report and says why do we need four people"),
    ("Callum Reyes", "okay thats fair i hear you"),
    ("Sam Okoro", "and um the other the other thing is the price for an opera house our tickets are like "
                  "ninety pounds a per ticket fee sounds small but over a season its its a lot more than "
                  "were paying now",
     PRICE, "over a season its its a lot more than were paying now"),
    ("Callum Reyes", "for venues with high ticket prices theres a capped fee option we can look at that"),
    ("Sam Okoro", "okay cap it at what"),
    ("Callum Reyes", "ill send you the numbers i dont want to guess on a call"),
    ("Gwen Tolliver", "and the staff who stay they they're used to the old screens theyve been on it fifteen "
                      "years i dont know how keen they'll be to start over",
     ADOPT, "i dont know how keen they'll be to start over"),
    ("Callum Reyes", "we'd do training on site in the quiet weeks before the season launch"),
    ("Sam Okoro", "when does the season launch need to be live by"),
    ("Gwen Tolliver", "march the brochure goes out in march"),
    ("Callum Reyes", "okay so march is the date ill work back from that"),
])

# ---------------------------------------------------------------------------------------------
# 5. Merrow Hall: commercial call with finance, JSON turns with roles.

call("2026-09-23-merrow-hall.json", "turns", turns=[
    ("Nadia Ferro", "Hi Ian, hi Chloe. Thanks for making time before month end."),
    ("Ian Westbury", "Month end is tomorrow, so this is the calm before."),
    ("Chloe Brennan", "Speak for yourself."),
    ("Nadia Ferro", "I've sent over the quote for the hall and the studio. Where do you want to start?"),
    ("Ian Westbury", "With the number, I'm afraid. For a venue our size this is well above what we budgeted. "
                     "We set aside about half of that for a new ticketing system.",
     PRICE, "this is well above what we budgeted"),
    ("Nadia Ferro", "Understood. Does the budget include the payment processing you pay today?"),
    ("Ian Westbury", "It doesn't, no. That sits in a different line."),
    ("Nadia Ferro", "Our fee includes card processing, so it's worth putting the two side by side."),
    ("Ian Westbury", "Even with processing in, I doubt it closes the gap.",
     PRICE, "I doubt it closes the gap"),
    ("Chloe Brennan", "And I'll say what I said in the last meeting. Our audience is mostly over sixty and "
                      "many of them are on fixed incomes. A booking fee on every ticket will put some of them "
                      "off coming at all.",
     FEES, "A booking fee on every ticket will put some of them off coming at all"),
    ("Nadia Ferro", "You can absorb the fee into the ticket price, or charge it per order rather than per "
                    "ticket. We have a guide on how other halls did it."),
    ("Chloe Brennan", "Per order is better. I'd still like to see that guide."),
    ("Ian Westbury", "The other thing is the three-year minimum. We've been burned before by a system we "
                     "couldn't get out of when it stopped being supported. I'd want to be able to leave at "
                     "the end of any year.",
     CONTRACT, "I'd want to be able to leave at the end of any year"),
    ("Nadia Ferro", "I'll take that to our commercial team."),
    ("Ian Westbury", "Thanks. When would you need a decision to go live for the spring season?"),
    ("Nadia Ferro", "By the middle of November for a February go-live."),
    ("Ian Westbury", "That's tight, but possible. Send me the revised quote and the guide."),
])

# ---------------------------------------------------------------------------------------------
# 6. Copperbeech Theatre: demo, auto-transcribed WebVTT (raw speech recognition).

call("2026-09-29-copperbeech.vtt", "vtt", note="copperbeech theatre demo recording auto transcript", turns=[
    ("Priya Anand", "okay so um this is the sheet map for the main house you can see the holds in grey"),
    ("Ellie Vance", "oh thats nice thats really clear"),
    ("Marcus Dunne", "can you um can you do a restricted view price band"),
    ("Priya Anand", "yeah any seat can have its own band and a note that shows at checkout"),
    ("Marcus Dunne", ["so what worries me is um the the night of the show if your servers go",
                      "down we got nothing we got a foyer full of people and no list"],
     RELIABLE, "if your servers go"),
    ("Priya Anand", "so the box office screen keeps a local copy and it can print the door list even offline"),
    ("Marcus Dunne", "yeah but the the tablets at the door they need wifi right and our wifi in the foyer is "
                     "a joke",
     RELIABLE, "the the tablets at the door they need wifi right"),
    ("Priya Anand", "the door app works offline too it syncs the scans later"),
    ("Marcus Dunne", "okay"),
    ("Ellie Vance", "and our our members list can that come across with their priority booking dates"),
    ("Priya Anand", "yep membership levels and the booking windows come across in the migration"),
    ("Ellie Vance", "see last time we moved systems we lost all the notes on the patrons like who needs the "
                    "wheelchair space who's hard of hearing and i had to ring people up one by one so im um "
                    "im pretty wary of moving it all again",
     MIGRATE, "im pretty wary of moving it all again"),
    ("Priya Anand", "notes and access requirements are part of the standard migration and theyre in the trial "
                    "load you check"),
    ("Ellie Vance", "on that actually we have a lot of visually impaired patrons and they book with the "
                    "screen reader and the last time i tried the check out with my phone reader on it kind of "
                    "got stuck on the seat picker so they'd have to ring us again",
     ACCESS, "it kind of got stuck on the seat picker so they'd have to ring us again"),
    ("Priya Anand", "okay i'll note that down and get you an answer"),
    ("Ellie Vance", "thanks cause for us thats a deal breaker not a nice to have",
     ACCESS, "thats a deal breaker not a nice to have"),
    ("Marcus Dunne", "what about gift vouchers can they be used online"),
    ("Priya Anand", "yes online and at the box office"),
    ("Marcus Dunne", "great okay send us the recording"),
])

# ---------------------------------------------------------------------------------------------
# 7. Saltmarsh Rep: technical call, plain text with time stamps.

call("2026-10-05-saltmarsh-rep.txt", "txt", turns=[
    ("Priya Anand", "Hi Joanna, hi Felix. I've got our integration notes open, so fire away."),
    ("Joanna Pike", "Thanks. I'll start with finance and Felix will do fundraising."),
    ("Joanna Pike", "Every night we post the day's takings to the accounts. How does that work with you?"),
    ("Priya Anand", "There's a nightly settlement file with your nominal codes, or a direct link to the "
                    "common accounting packages."),
    ("Joanna Pike", "Good. We're on one of the common ones, so that should be fine."),
    ("Felix Amari", "Fundraising is where it gets difficult. Our donor system is the centre of everything, "
                    "gift aid, memberships, the lot. Your sync only covers contact details, as far as I can "
                    "tell from the documents, and that's not enough for us.",
     DONORS, "Your sync only covers contact details"),
    ("Priya Anand", "The sync also carries memberships and donations taken at checkout, with their gift aid "
                    "declarations."),
    ("Felix Amari", "And when a donor changes their address in our system, does it flow back? Because if it "
                    "only goes one way, we'll have two versions of every major donor within a month.",
     DONORS, "if it only goes one way, we'll have two versions of every major donor within a month"),
    ("Priya Anand", "It's two-way for contact details and memberships."),
    ("Felix Amari", "Okay. Can we see that working against our test system?"),
    ("Joanna Pike", "How long does the data move take, roughly, for a venue our size?"),
    ("Priya Anand", "Six to eight weeks, including two trial loads."),
    ("Joanna Pike", "Eight weeks of my team's time on top of a season launch? I don't see where that time "
                    "comes from.",
     MIGRATE, "Eight weeks of my team's time on top of a season launch? I don't see where that time comes from"),
    ("Priya Anand", "Most of that is our time. Your side is mostly two review sessions."),
    ("Joanna Pike", "That's not how the last one went.",
     MIGRATE, "That's not how the last one went."),
    ("Felix Amari", "One more from me. Our big on-sale is the Christmas show, in September. Last year our "
                    "current system froze for forty minutes and we sold nothing."),
    ("Priya Anand", "Our on-sale queue is built for exactly that: people wait in line, and nobody gets an error."),
    ("Felix Amari", "Every vendor has a slide that says that. I'll believe it when I see one of your venues "
                    "on a big on-sale.",
     RELIABLE, "I'll believe it when I see one of your venues on a big on-sale"),
    ("Priya Anand", "I'll put you in touch with a venue that ran a forty-thousand-ticket on-sale last year."),
    ("Joanna Pike", "That would help. Send us dates for the test sync as well."),
])

# ---------------------------------------------------------------------------------------------
# 8. Wrenfield Festival: raw meeting export, lower case, no punctuation.

call("2026-10-09-wrenfield-festival.json", "meeting", turns=[
    ("Callum Reyes", "morning all thanks for having me over"),
    ("Aoife Brannigan", "morning sorry about the mess the office is full of programme boxes"),
    ("Callum Reyes", "ha no problem so the festival runs what ten days"),
    ("Aoife Brannigan", "eleven days forty venues some of them are church halls with no power let alone wifi"),
    ("Callum Reyes", "and tickets for all forty go through the one box office"),
    ("Aoife Brannigan", "one box office and the temp staff we hire for august its mayhem honestly"),
    ("Ravi Chandran", "so the festival board asked me to raise this if the new system means we hire fewer "
                      "temps thats the local students losing their summer jobs and the council funds us "
                      "partly because of those jobs so thats thats a real problem for us",
     JOBS, "if the new system means we hire fewer temps thats the local students losing their summer jobs"),
    ("Callum Reyes", "okay thats useful context most festivals we work with move the temps onto the door and "
                     "the info desk"),
    ("Ravi Chandran", "maybe but the council wont see it that way if the numbers go down",
     JOBS, "the council wont see it that way if the numbers go down"),
    ("Aoife Brannigan", "and the temps are only here for august so whatever it is it has to be learned in "
                        "like a morning we dont have time to train anyone for a week",
     ADOPT, "it has to be learned in like a morning"),
    ("Callum Reyes", "the volunteer mode is usually a one hour session"),
    ("Aoife Brannigan", "hmm one hour i'll believe it when i see it",
     ADOPT, "one hour i'll believe it when i see it"),
    ("Ravi Chandran", "and price wise were a charity the margins on a festival are tiny if your fee is per "
                      "ticket across ninety thousand tickets that just doesnt work for us",
     PRICE, "that just doesnt work for us"),
    ("Callum Reyes", "theres a festival rate i can send over"),
    ("Aoife Brannigan", "do you do the printing of the wristbands as well"),
    ("Callum Reyes", "no but we export to the usual wristband printers"),
    ("Aoife Brannigan", "ok grand send us the festival rate and we'll have a look"),
])

# ---------------------------------------------------------------------------------------------
# 9. Kestrel Dance Company: raw speech-recognition SRT from a touring company's call.

call("2026-10-15-kestrel-dance.srt", "srt", turns=[
    ("Tom Ashby", "hey lina hi oscar thanks for uh making time on tour"),
    ("Lina Kowalczyk", "no problem were in a hotel in leeds so this is the glamorous bit"),
    ("Tom Ashby", "ha so for a touring company the main thing is selling your own dates right"),
    ("Oscar Pell", "yeah the venues sell most of the tour but we sell our home season and the studio shows "
                   "and our own data is all over the place honestly its a mess"),
    ("Tom Ashby", "makes sense so your own season on pro sienna and the tour dates listed with links"),
    ("Lina Kowalczyk", "right um the thing with our audience is its young its students a lot of them pay like "
                       "twelve pounds a ticket and if they see a two pound booking fee at the end they just "
                       "close the tab",
     FEES, "if they see a two pound booking fee at the end they just close the tab"),
    ("Tom Ashby", "you can set the fee to zero on student tickets and absorb it across the full price ones"),
    ("Lina Kowalczyk", "yeah but then our full price people pay for it and they notice too",
     FEES, "then our full price people pay for it and they notice too"),
    ("Oscar Pell", "and the um the donations we take are in a really basic donor tool its just a a "
                   "spreadsheet with a plug in and i bet that wont connect to anything",
     DONORS, "i bet that wont connect to anything"),
    ("Tom Ashby", "we can import a spreadsheet on a schedule its not live but it works"),
    ("Oscar Pell", "okay"),
    ("Lina Kowalczyk", "and what if we're selling the home season the night it opens and the site goes down "
                       "were a small company we cant afford one bad night",
     RELIABLE, "the night it opens and the site goes down"),
    ("Tom Ashby", "weve had no outage on an opening night in the last two seasons i can send the figures"),
    ("Lina Kowalczyk", "cool send it over and a contract we can look at"),
    ("Tom Ashby", "will do when are you back in the office"),
    ("Oscar Pell", "the twenty eighth"),
])

# ---------------------------------------------------------------------------------------------
# 10. Hartwell Civic Theatre: procurement call with the council, JSON list of turns.

call("2026-10-21-hartwell-civic.json", "list", turns=[
    ("Nadia Ferro", "Good morning. Thank you for inviting us to the clarification meeting."),
    ("Simon Atherley", "Good morning. I'm from the council's procurement team, and Grace is the theatre "
                       "manager. We have questions on the tender response."),
    ("Nadia Ferro", "Please, go ahead."),
    ("Simon Atherley", "Clause fourteen. Your standard terms renew automatically for another three years unless "
                       "we give notice six months ahead. Council policy doesn't allow automatic renewal, so "
                       "as written we can't accept it.",
     CONTRACT, "Council policy doesn't allow automatic renewal, so as written we can't accept it"),
    ("Nadia Ferro", "We can replace the renewal with an option to extend, at the council's discretion."),
    ("Simon Atherley", "And the termination clause only works in your favour. We'd need termination for "
                       "convenience on ninety days.",
     CONTRACT, "the termination clause only works in your favour"),
    ("Nadia Ferro", "I'll take that to our legal team this week."),
    ("Grace Nwosu", "From the theatre side, the public sector accessibility rules apply to our booking pages. "
                    "Your response says the seat map is being improved. Being improved won't get through "
                    "our audit, and we can't launch a site that fails it.",
     ACCESS, "Being improved won't get through our audit"),
    ("Nadia Ferro", "Understood. There's a best-available option that doesn't need the seat map at all."),
    ("Grace Nwosu", "That's a workaround, not equal access. Blind patrons should be able to pick their seat "
                    "like anyone else.",
     ACCESS, "That's a workaround, not equal access"),
    ("Simon Atherley", "Next, data. The theatre's records are currently held by the council's shared service. "
                       "Who moves them, and at what cost?"),
    ("Nadia Ferro", "We do the migration, and it's included in the implementation fee."),
    ("Grace Nwosu", "The shared service charges us for every extract. Last time we asked for one it took "
                    "three months and cost more than the system. I can't see that going smoothly.",
     MIGRATE, "I can't see that going smoothly"),
    ("Simon Atherley", "Please submit the answers in writing by Friday the thirtieth."),
    ("Nadia Ferro", "We will. Who should we address them to?"),
    ("Simon Atherley", "To me, through the portal."),
])

# ---------------------------------------------------------------------------------------------
# 11. Penmore Playhouse: negotiation, plain text with time stamps.

call("2026-10-27-penmore-playhouse.txt", "txt", turns=[
    ("Tom Ashby", "Hi Frances. Thanks for coming back to us so quickly."),
    ("Frances Holm", "I said I would. The board met last night."),
    ("Tom Ashby", "How did it go?"),
    ("Frances Holm", "They want to go ahead. But not at this price. The per-ticket fee is still higher than "
                     "the other two bids, and they've told me to come back with it lower.",
     PRICE, "The per-ticket fee is still higher than the other two bids"),
    ("Tom Ashby", "If we moved to a fixed annual fee instead of per ticket, would that help?"),
    ("Frances Holm", "It might. A fixed fee is easier to budget."),
    ("Tom Ashby", "Let me work one out for your volumes."),
    ("Frances Holm", "Oh, and ten percent off isn't going to do it, before you ask.",
     PRICE, "ten percent off isn't going to do it"),
    ("Tom Ashby", "Noted. What else came up?"),
    ("Frances Holm", "The staffing question. Two trustees were upset by the line in your proposal about "
                     "reducing box office hours. We're a community theatre. We're not going to sign something "
                     "that's sold to us on the basis of cutting people's hours.",
     JOBS, "We're not going to sign something that's sold to us on the basis of cutting people's hours"),
    ("Tom Ashby", "That line was badly put. It's about moving hours from typing to serving people."),
    ("Frances Holm", "Good, that's what I told them. Send me a version without it."),
    ("Tom Ashby", "Done. Anything else?"),
    ("Frances Holm", "The cancellation terms. If we close, like we did in the pandemic, we'd still owe you "
                     "for the rest of the year. That doesn't sit well with the trustees.",
     CONTRACT, "we'd still owe you for the rest of the year"),
    ("Tom Ashby", "I'll look at a closure clause."),
    ("Frances Holm", "Good. If the fee and the wording come back right, I think we'll sign before Christmas."),
    ("Tom Ashby", "Great. I'll have a new version to you by Friday."),
])

# ---------------------------------------------------------------------------------------------
# 12. Bridgegate Theatre: short follow-up after a trial, clean WebVTT with Name: prefixes.

call("2026-11-03-bridgegate.vtt", "vtt_prefix", note="Bridgegate Theatre, follow-up after the trial.", turns=[
    ("Nadia Ferro", "Hi Owen. How did the trial week go?"),
    ("Owen Castell", "Mostly well. The website side is great, the audience found it easy."),
    ("Nadia Ferro", "Good to hear. And the box office?"),
    ("Owen Castell", "Mixed. Two of the regulars kept asking me where the refund button was. They didn't "
                     "like it, to be honest, and they're the ones I need on board.",
     ADOPT, "They didn't like it, to be honest, and they're the ones I need on board"),
    ("Nadia Ferro", "We can run a second session with just the two of them."),
    ("Owen Castell", "Yes, that would help."),
    ("Owen Castell", "And the donor sync. We tried it, and gift aid didn't come across for the donations at "
                     "checkout. Until it does, we're stuck re-keying them.",
     DONORS, "Until it does, we're stuck re-keying them"),
    ("Nadia Ferro", "That's a setting on your donor database side. I'll send the steps today."),
    ("Owen Castell", "Great. Then I think we're ready to talk about dates."),
    ("Nadia Ferro", "Lovely. Could you do next Wednesday?"),
    ("Owen Castell", "Wednesday afternoon, yes."),
])

# ---------------------------------------------------------------------------------------------
# 13. Orchard Lane Studios: short call before signing, plain text with time stamps.

call("2026-11-10-orchard-lane.txt", "txt", turns=[
    ("Tom Ashby", "Morning Kit. I hear the contract is with your lawyer."),
    ("Kit Marlowe", "It is, and she's mostly happy. One clause left."),
    ("Tom Ashby", "Which one?"),
    ("Kit Marlowe", "The price increase at renewal. Capped at inflation plus five is too open for us. "
                    "We'd want a flat cap.",
     CONTRACT, "Capped at inflation plus five is too open for us"),
    ("Tom Ashby", "I think we can do a flat cap. Would five percent work?"),
    ("Kit Marlowe", "Five works."),
    ("Tom Ashby", "Good. Anything else before you sign?"),
    ("Kit Marlowe", "Just the go-live date. Our first show on it is the January double bill."),
    ("Tom Ashby", "Then we start the data move the first week of December."),
    ("Kit Marlowe", "Perfect. I'm excited about this, honestly. The old system has been a headache for years."),
    ("Tom Ashby", "Glad to hear it. I'll send the updated clause this afternoon."),
])

# ---------------------------------------------------------------------------------------------
# Rendering, labels and checks.


RENDER = renderers(Style(start=3.0, words_per_second=2.5, shortest=1.0, pause=0.8, first_speaker_id=5120440000000001,
              own_domain="proscenia.example", internal=frozenset(INTERNAL)))


def build(calls_dir: Path = CALLS) -> dict[str, list[dict[str, Any]]]:
    """Write every call into ``calls_dir`` (emptied first); the labelled turns of each, by call path."""
    return write_calls(CALL_LIST, RENDER, calls_dir)


COVERAGE = {
    PRICE: True,
    MIGRATE: True,
    ADOPT: True,
    RELIABLE: True,
    DONORS: True,
    CONTRACT: False,  # its only answer is a draft
    FEES: True,  # messaging/all-in-pricing.md answers it; no objection entry names it
    ACCESS: False,  # proof-points/checkout-speed.md is about a fast checkout, not a usable one without sight
    JOBS: False,  # answers/staff-adoption.md is about learning the screens, not about keeping the staff
}
GAP_NOTES = {
    CONTRACT: "known objection; its only answer (answers/contract-terms) is a draft",
    ACCESS: "the public booking pages and seat map cannot be used with a screen reader, which a venue's "
            "accessibility duty or funders' audit does not allow; no objection entry and no approved entry "
            "addresses it",
    JOBS: "the fear that the system is a way to cut box office staff or temporary jobs, which a union, "
          "trustees or a funder will not accept; the staff-adoption answer is about learning the screens, "
          "not about keeping the people",
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
    """Every label's words on its recorded line, said by an external speaker (no canon code involved)."""
    problems = []
    for path, items in calls.items():
        lines = (calls_dir / path.removeprefix("calls/")).read_text(encoding="utf-8").split("\n")
        for m in items:
            line = lines[m["line"] - 1]
            words = json.dumps(m["snippet"])[1:-1] if path.endswith(".json") else m["snippet"]
            if words not in line or m["speaker"] in INTERNAL:
                problems.append(f"{path}:{m['line']} {m['snippet']!r}: {line!r}")
    return problems


def check_parsed(calls: dict[str, list[dict[str, Any]]], calls_dir: Path = CALLS) -> list[str]:
    """Every label on an external turn of the call as canon's parser reads it, holding its words."""
    return check_parsed_labels(calls, calls_dir, HERE / "kb")


if __name__ == "__main__":
    found = build()
    (HERE / "labels.json").write_text(json.dumps(labels(found), indent=1) + "\n", encoding="utf-8")
    bad = check_lines(found) + (check_parsed(found) if "--parse" in sys.argv else [])
    print(f"{len(CALL_LIST)} calls, {sum(len(v) for v in found.values())} labelled turns")
    counts: dict[str, int] = {}
    for items in found.values():
        for m in items:
            counts[m["objection"]] = counts.get(m["objection"], 0) + 1
    for oid, n in sorted(counts.items()):
        print(f"  {oid}: {n} in {sum(any(m['objection'] == oid for m in v) for v in found.values())} calls")
    for b in bad:
        print("BAD", b)
    sys.exit(1 if bad else 0)
