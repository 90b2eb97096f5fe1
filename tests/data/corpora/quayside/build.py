"""Write Quayside's calls (``kb/calls``) and their objection labels (``labels.json``) from one source.

Each call is written below once, turn by turn; a turn that raises an objection carries its label
(the objection entry id, or ``new:<slug>`` for a theme with no entry) and the words that carry it.
The script renders each call in its file format and records the line where each labelled turn's
objection starts, so that the labels cannot drift from the files. It then reads every call back
with canon's own parser and fails if a label does not sit on an external turn holding its words.

    python tests/data/corpora/quayside/build.py

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

# A turn: (speaker, text) or (speaker, text, objection, snippet). ``text`` is a string, or a list of
# pieces: sentences of a JSON conversation export, or cues of a subtitle file when one speaker's
# words run over several cues.
Turn = tuple[Any, ...]

CALL_LIST: list[dict[str, Any]] = []


def call(name: str, fmt: str, turns: list[Turn], *, note: str = "", external: tuple[str, ...] = (),
         stamps: bool = True) -> None:
    CALL_LIST.append({"name": name, "fmt": fmt, "turns": turns, "note": note, "external": external,
                      "stamps": stamps})


# ---------------------------------------------------------------------------------------------
# 1. Harbor Fresh Markets: discovery and demo, clean WebVTT.

call("2026-09-03-harbor-fresh.vtt", "vtt", note="Harbor Fresh Markets, discovery and demo.\n"
     "Imogen Hale (Quayside), Dolores Quint (VP merchandising), Theo Barrow (head of grocery buying).", turns=[
    ("Imogen Hale", "Morning Dolores, morning Theo. Thanks for making the time."),
    ("Dolores Quint", "Morning. Theo has just come out of the weekly order review, so go easy on him."),
    ("Theo Barrow", "I'm fine. It's only Tuesday."),
    ("Imogen Hale", "Last time you said the weekends were where it hurts. Is that still the picture?"),
    ("Theo Barrow", "Every weekend. The big stores run out of milk and bread by Sunday lunchtime, and the small "
                    "ones are sitting on three weeks of breakfast cereal."),
    ("Dolores Quint", "And two of my best buyers spend Monday and most of Tuesday building orders in "
                      "spreadsheets. That's senior people doing data entry."),
    ("Imogen Hale", "That's the pattern we see most. Quayside forecasts every item in every store every day and "
                    "proposes the order, so the buyer reviews the exceptions instead of building the whole thing."),
    ("Theo Barrow", "How often does the forecast update?"),
    ("Imogen Hale", "Every night, from your till data. Promotions and holidays come in from your calendar."),
    ("Theo Barrow", "Okay."),
    ("Imogen Hale", "Let me share the exception screen. This is a store of about your size, and these are the "
                    "forty lines the buyer actually has to look at today."),
    ("Dolores Quint", "That's a lot cleaner than what Theo works from now."),
    ("Theo Barrow", "It is. But I'll be honest with you, I've done this job for nineteen years, and I know the "
                    "Harbour Street store sells twice the charcoal of anywhere else the minute it gets warm. I "
                    "don't see how a model picks that up.",
     "objections/forecast-trust", "I don't see how a model picks that up"),
    ("Imogen Hale", "That's a fair worry. The forecast is per store, and the weather is one of its inputs, so "
                    "Harbour Street's charcoal is its own line. And you can override anything."),
    ("Theo Barrow", "And when it gets it wrong anyway? Because it's my name on the empty shelf, not the "
                    "computer's.",
     "objections/forecast-trust", "it's my name on the empty shelf, not the computer's"),
    ("Imogen Hale", "Understood. We'd start with a backtest on your own history so you can see where it would "
                    "have been wrong before anyone relies on it."),
    ("Dolores Quint", "Let's talk about cost, because that's the first thing I'll be asked upstairs."),
    ("Imogen Hale", "Of course. For twelve stores on the standard plan, it's the per-store monthly fee on this "
                    "slide, with onboarding included."),
    ("Dolores Quint", "Hm. That is quite a bit more than I had in mind for what is, from where I sit, an ordering "
                      "tool.",
     "objections/pricing", "quite a bit more than I had in mind"),
    ("Imogen Hale", "That's fair. What were you comparing it with?"),
    ("Dolores Quint", "The ordering module in our back-office system. It came with the licence."),
    ("Imogen Hale", "That module reorders to a fixed minimum, so it can't move stock ahead of a sunny weekend. "
                    "I can put the weekend out-of-stocks next to the fee, store by store."),
    ("Dolores Quint", "If the numbers hold up, I can take it upstairs. Send me a pilot proposal for three stores."),
    ("Imogen Hale", "Will do. Can we go through it Thursday next week?"),
    ("Dolores Quint", "Thursday works. Morning is better for me."),
])

# ---------------------------------------------------------------------------------------------
# 2. Pinecrest Markets: technical call with IT and fresh, SRT.

call("2026-09-09-pinecrest-markets.srt", "srt", turns=[
    ("Kenji Mori", "Hi Agnes, hi Omar. I've brought Rafael along, he looks after the technical side."),
    ("Rafael Duarte", "Hello both."),
    ("Agnes Whitlow", "Hi. Omar has a list, I should warn you."),
    ("Omar Sayeed", "It's a short list. Mostly about the tills."),
    ("Kenji Mori", "Then let's start there."),
    ("Omar Sayeed", "We're on an older version of our point of sale, the one that still exports a flat file "
                    "every night. Two vendors have told me they need the newer API, and we're not upgrading the "
                    "tills this year.",
     "objections/pos-integration", "we're not upgrading the tills this year"),
    ("Rafael Duarte", "The nightly flat file is all we need. We read it as it is."),
    ("Omar Sayeed", "And the back office? Our item master sits in a system a contractor customised years ago, "
                    "and he's long gone. Anything that writes orders back into it makes me nervous.",
     "objections/pos-integration", "Anything that writes orders back into it makes me nervous"),
    ("Rafael Duarte", "We don't write into it. Orders leave as a file your back office already imports, or by "
                      "EDI straight to the suppliers."),
    ("Omar Sayeed", "Okay. That's better than I expected."),
    ("Kenji Mori", "Agnes, you said fresh is your priority."),
    ("Agnes Whitlow", "It is. Fresh is forty percent of our sales and most of our shrink. In June we throw away "
                      "more strawberries than I'd like to say out loud."),
    ("Kenji Mori", "That's exactly where a daily forecast earns its keep."),
    ("Agnes Whitlow", "Here's my hesitation, though. Everything I've seen from forecasting companies is built for "
                      "tins and boxes. Strawberries don't sit on a shelf for three weeks. If it can't cope with "
                      "something that's gone in four days, it's no use to me.",
     "new:fresh-perishables", "If it can't cope with something that's gone in four days, it's no use to me"),
    ("Kenji Mori", "Short-life items are forecast by day, with shelf life and weather as inputs."),
    ("Agnes Whitlow", "And the bakery is worse. We bake in the morning for that day, and I doubt a nightly model "
                      "knows what to do with that.",
     "new:fresh-perishables", "I doubt a nightly model knows what to do with that"),
    ("Rafael Duarte", "Bakery gets an intraday forecast the team checks before each bake."),
    ("Agnes Whitlow", "Then I'd like to see it on our berry data. Could you run last June?"),
    ("Rafael Duarte", "We can backtest last June, yes."),
    ("Omar Sayeed", "How long does a backtest take?"),
    ("Kenji Mori", "About two weeks from when we get the files."),
    ("Agnes Whitlow", "Fine. Let's do that."),
])

# ---------------------------------------------------------------------------------------------
# 3. Oakvale Co-operative: proposal review, conversation-intelligence JSON.

call("2026-09-15-oakvale-coop.json", "conversation", external=("Miriam Costa", "Gus Feeney"), turns=[
    ("Imogen Hale", ["Hi Miriam, hi Gus.", "Thanks for reading the proposal so quickly."]),
    ("Rafael Duarte", ["Hello both."]),
    ("Miriam Costa", ["We read it over the weekend.", "We have a few things to go through."]),
    ("Imogen Hale", ["Happy to take them in any order."]),
    ("Miriam Costa", ["The first one is the board's, not mine.",
                      "Your forecasts get better because you learn from all your customers, correct?",
                      "So our sales history goes into the same pool as every other grocer you work with, including, "
                      "I assume, the chain that opened across the road from our biggest store.",
                      "Our members would not accept that."],
     "new:competitor-data-use", "our sales history goes into the same pool as every other grocer you work with"),
    ("Rafael Duarte", ["Each customer's forecast is trained on that customer's data.",
                       "What we share across customers are general patterns, like how holidays move demand."]),
    ("Miriam Costa", ["Even aggregated.",
                      "If our numbers make their forecast sharper, we're paying to help a competitor."],
     "new:competitor-data-use", "If our numbers make their forecast sharper, we're paying to help a competitor"),
    ("Rafael Duarte", ["Understood.", "We can switch off the shared patterns for a customer entirely."]),
    ("Gus Feeney", ["Can I come in on the practical side?",
                    "Our category managers each have their own way of ordering, and some of them have been here "
                    "twenty years."]),
    ("Imogen Hale", ["Please."]),
    ("Gus Feeney", ["Honestly, if they feel they've lost control of their aisles, they'll quietly go back to "
                    "their spreadsheets and tell you it's working.",
                    "I've watched it happen with the last two systems."],
     "objections/buyer-adoption", "they'll quietly go back to their spreadsheets and tell you it's working"),
    ("Imogen Hale", ["That's the most common worry we hear.",
                     "The suggested order is a draft they edit, and they set the rules for their own categories."]),
    ("Gus Feeney", ["What does the screen look like for someone who wants to touch every line?"]),
    ("Rafael Duarte", ["They can switch the exception view off and see the whole order, with the forecast next to "
                       "each line."]),
    ("Miriam Costa", ["Okay.",
                      "Send us the data section in writing, and Gus will set up a session with two of the category "
                      "managers."]),
    ("Imogen Hale", ["Will do.", "Thank you both."]),
])

# ---------------------------------------------------------------------------------------------
# 4. Sunny Corner Convenience: raw speech-recognition export, plain text, no stamps.

call("2026-09-18-sunny-corner.txt", "txt", stamps=False, turns=[
    ("Kenji Mori", "hi dwayne hi leah thanks for uh hopping on"),
    ("Dwayne Pratt", "yeah no problem we got about twenty minutes before the the district call"),
    ("Kenji Mori", "perfect so last time you said the stores run out of the fast movers on the weekend"),
    ("Dwayne Pratt", "yeah energy drinks ice um the stuff people come in for and if its not there they just go "
                     "to the next gas station down the road"),
    ("Kenji Mori", "right and thats what the daily forecast is for it sees the weekend coming"),
    ("Leah Wong", "so the thing you gotta understand about us is we dont own the stores the franchisees own "
                  "the stores corporate cant just switch this on every owner has to sign up for it themselves "
                  "and honestly most of them dont like us telling them what to stock",
     "new:franchisee-approval", "corporate cant just switch this on every owner has to sign up for it themselves"),
    ("Kenji Mori", "okay that helps how do new programs usually get rolled out"),
    ("Leah Wong", "we pitch it at the the owners conference and then its up to them"),
    ("Dwayne Pratt", "and the first thing theyll ask is who pays is it coming out of the royalty or on top of "
                     "it because on top of it is gonna be a hard no for a lot of them",
     "objections/pricing", "on top of it is gonna be a hard no for a lot of them"),
    ("Kenji Mori", "understood we can look at a network price thats billed through you"),
    ("Dwayne Pratt", "i mean the per store number for a store doing our kind of volume thats thats real money "
                     "for an owner",
     "objections/pricing", "thats real money for an owner"),
    ("Kenji Mori", "fair what would a store need to see to make it worth it"),
    ("Dwayne Pratt", "show them fewer empty coolers on a saturday thats all they care about"),
    ("Leah Wong", "if you can get five owners to pilot it id put it in front of the advisory council"),
    ("Kenji Mori", "great lets find those five can we talk again next week"),
    ("Leah Wong", "yeah send something for tuesday"),
])

# ---------------------------------------------------------------------------------------------
# 5. Meridian Grocers: commercial call with finance and IT, JSON turns with roles.

call("2026-09-24-meridian-grocers.json", "turns", turns=[
    ("Imogen Hale", "Hi Harold, hi Sofia. Bridget is with me, she'd run your onboarding."),
    ("Bridget Okonjo", "Hello, nice to meet you both."),
    ("Harold Finch", "Likewise. I've read the order form, so let's use the time on that."),
    ("Imogen Hale", "Sure. Where would you like to start?"),
    ("Harold Finch", "The term. Three years is a long time to commit to a company we met in August. We sign "
                     "for one year with a way out, or we don't sign.",
     "objections/contract-terms", "Three years is a long time to commit to a company we met in August"),
    ("Imogen Hale", "I hear you. Can I ask what would have to be true after the first year for you to stay?"),
    ("Harold Finch", "Fewer empty shelves and less in the bin. Our shrink figures are mostly a guess at the "
                     "moment, honestly."),
    ("Imogen Hale", "We'd baseline both in the first month, so there's a number to hold us to."),
    ("Harold Finch", "And if you're not hitting it by month six, what do we do, keep paying for another two and a "
                     "half years?",
     "objections/contract-terms", "what do we do, keep paying for another two and a half years"),
    ("Imogen Hale", "Let me take a results clause back to our legal team."),
    ("Sofia Brandt", "My part is simpler. What does onboarding need from my team, in hours?"),
    ("Bridget Okonjo", "A nightly sales file and the item list, usually half a day to set up, then an hour a week "
                       "from a buyer for six weeks."),
    ("Sofia Brandt", "The file is easy. But my team is four people and we're in the middle of moving the "
                     "warehouse system. I can't give you anyone before spring.",
     "objections/it-capacity", "I can't give you anyone before spring"),
    ("Bridget Okonjo", "Understood. We can do the file set-up ourselves with read access."),
    ("Sofia Brandt", "Possibly. I'd want to see exactly what access you need first."),
    ("Harold Finch", "The business case works for me on paper. Sort out the term and we can talk about a date."),
    ("Imogen Hale", "I'll come back with the revised terms by Friday."),
])

# ---------------------------------------------------------------------------------------------
# 6. Lakeshore Foods: raw speech-recognition WebVTT, sentences split across cues.

call("2026-09-30-lakeshore-foods.vtt", "vtt", note="lakeshore foods demo recording auto transcript", turns=[
    ("Rafael Duarte", "okay so im sharing now can you see the order screen"),
    ("Carl Weston", "yeah we see it"),
    ("Rafael Duarte", ["so this is one store one day and these are the lines the system flags for a buyer",
                       "everything else just goes through"]),
    ("Nina Alvarado", "how often does it look at the sales is that daily"),
    ("Rafael Duarte", "every night from your tills"),
    ("Nina Alvarado", ["okay um the thing is for me produce turns in like three days and half of it depends on "
                       "the weather so",
                       "does your system actually do anything with that or is it or is it really just for the dry "
                       "grocery side"],
     "new:fresh-perishables", "is it really just for the dry grocery side"),
    ("Rafael Duarte", "no produce is forecast by day with the weather and the shelf life in it"),
    ("Nina Alvarado", "and the cut flowers same thing",
     "new:fresh-perishables", "and the cut flowers same thing"),
    ("Rafael Duarte", "flowers too yes"),
    ("Carl Weston", ["look i like the idea i do",
                     "i tried one of these auto order things at my last job and we had gaps on the shelf by "
                     "friday and a back room full of stuff nobody wanted",
                     "so im not gonna have my guys trust a computer over their own eyes"],
     "objections/forecast-trust", "so im not gonna have my guys trust a computer over their own eyes"),
    ("Rafael Duarte", "thats fair and they dont have to every line can be overridden and we start with a "
                      "backtest on your own sales"),
    ("Carl Weston", "okay"),
    ("Nina Alvarado", "right now i walk the the produce section at six every morning and guess"),
    ("Carl Weston", "send me what it costs for nine stores and the backtest thing"),
    ("Rafael Duarte", "will do ill get it over this week"),
])

# ---------------------------------------------------------------------------------------------
# 7. Gable Mart: franchise network, plain text with time stamps.

call("2026-10-06-gable-mart.txt", "txt", turns=[
    ("Kenji Mori", "Hi Priscilla, hi Ray. Thanks for joining."),
    ("Priscilla Moon", "Thanks for coming to us. Ray chairs our franchisee advisory council, so I asked him to sit "
                       "in."),
    ("Ray Ostrowski", "Happy to. I run four stores myself, so I'm the customer here in a way."),
    ("Kenji Mori", "That's perfect. What does ordering look like in your stores today?"),
    ("Ray Ostrowski", "I do it on a handheld on Sunday night. It takes me about three hours across the four "
                      "stores, and I still get it wrong on bank holidays."),
    ("Kenji Mori", "That's the job Quayside takes over: the order is proposed and you check the exceptions."),
    ("Priscilla Moon", "I like it. But here's where it gets complicated for us. Our franchise agreement says the "
                       "owners choose their own ordering tools. Head office can recommend something, we can't "
                       "require it.",
     "new:franchisee-approval", "Head office can recommend something, we can't require it"),
    ("Ray Ostrowski", "And speaking for the council, the owners will want a vote on it, and they'll want to see it "
                      "working in someone else's store before they put it in their own.",
     "new:franchisee-approval", "the owners will want a vote on it"),
    ("Kenji Mori", "That makes sense. We could start with a handful of owners who volunteer."),
    ("Priscilla Moon", "So you'd really be selling to a hundred and twenty separate owners, not to us, and most of "
                       "them have never heard of you.",
     "new:franchisee-approval", "you'd really be selling to a hundred and twenty separate owners, not to us"),
    ("Kenji Mori", "Right. Which is why the pilot stores matter so much."),
    ("Ray Ostrowski", "There's a practical thing as well. Half the owners are on a different till system from the "
                      "other half. There are at least three in the network, and one of them is ancient.",
     "objections/pos-integration", "Half the owners are on a different till system from the other half"),
    ("Kenji Mori", "We map several register systems into one item list. It's common in franchise networks."),
    ("Ray Ostrowski", "Good. Then I'd put my four stores in the pilot."),
    ("Priscilla Moon", "Let's get the pilot terms on paper and I'll take them to the council in November."),
    ("Kenji Mori", "Great. I'll send a draft by the end of next week."),
])

# ---------------------------------------------------------------------------------------------
# 8. Northgate Pantry: raw speech-recognition meeting export (roles from canon.toml).

call("2026-10-12-northgate-pantry.json", "meeting", turns=[
    ("Imogen Hale", "hi victor hi amara thanks for having me back"),
    ("Victor Lund", "sure amara has been through the the data sheet so shell lead"),
    ("Amara Obi", "yeah so a couple of questions um how far back does the history need to go"),
    ("Imogen Hale", "two years is ideal one year works"),
    ("Amara Obi", "okay we have three so thats fine"),
    ("Amara Obi", "um so the the model gets trained on everybodys data right so our sales patterns end up "
                  "making the forecasts better for whoever else you sell to around here and thats our "
                  "competitors",
     "new:competitor-data-use", "our sales patterns end up making the forecasts better for whoever else you sell to"),
    ("Imogen Hale", "each customers forecast is trained on its own data and we can switch off the shared "
                    "patterns completely"),
    ("Victor Lund", "yeah i dont love that were basically handing our playbook to the guys down the street",
     "new:competitor-data-use", "were basically handing our playbook to the guys down the street"),
    ("Imogen Hale", "understood ill get you the data terms in writing"),
    ("Amara Obi", "and the other thing our point of sail system only exports weekly not daily so i dont know if "
                  "that that even works with what youre doing",
     "objections/pos-integration", "our point of sail system only exports weekly not daily"),
    ("Imogen Hale", "we can start on weekly files and move to daily when you can"),
    ("Victor Lund", "right now we find out we ran out of something when a customer complains at the till"),
    ("Imogen Hale", "thats the exact thing we fix"),
    ("Victor Lund", "if we can sort out the data piece id like a pilot in the new year"),
    ("Imogen Hale", "great ill send the terms and a pilot outline"),
])

# ---------------------------------------------------------------------------------------------
# 9. Copperleaf Grocery: short follow-up on the order form, SRT.

call("2026-10-16-copperleaf.srt", "srt", turns=[
    ("Imogen Hale", "Hi Walter. Thanks for the quick call."),
    ("Walter Reyes", "Sure. I read the order form last night."),
    ("Imogen Hale", "Any questions on it?"),
    ("Walter Reyes", "There's a three-year term in there and an automatic renewal after that. I don't sign those.",
     "objections/contract-terms", "There's a three-year term in there and an automatic renewal after that"),
    ("Imogen Hale", "Understood. What term would work for you?"),
    ("Walter Reyes", "Not three years. One, maybe.",
     "objections/contract-terms", "Not three years. One, maybe."),
    ("Imogen Hale", "I'll ask about a one-year first term."),
    ("Walter Reyes", "And for six stores I'd be paying the same per store as a chain of fifty? That doesn't seem "
                     "right to me.",
     "objections/pricing", "for six stores I'd be paying the same per store as a chain of fifty"),
    ("Imogen Hale", "Fair point. Let me see what I can do on both and come back to you."),
    ("Walter Reyes", "Thursday after three is good for me."),
    ("Imogen Hale", "Thursday at four, then."),
])

# ---------------------------------------------------------------------------------------------
# 10. Willowbrook Market: discovery with supply chain and store operations, JSON list of turns.

call("2026-10-21-willowbrook.json", "list", turns=[
    ("Rafael Duarte", "Hi Jasmine, hi Paul. Imogen sends her apologies, she's with a customer."),
    ("Jasmine Kerr", "No problem. Paul runs store operations, so he knows how the ordering really happens."),
    ("Paul Grady", "The store managers do their own top-up orders on a handheld. It takes each of them about an "
                   "hour a day."),
    ("Rafael Duarte", "And the central team orders the rest?"),
    ("Jasmine Kerr", "Yes, three buyers, mostly by spreadsheet. The main problem is that nobody sees the whole "
                     "picture, so the warehouse is always guessing."),
    ("Rafael Duarte", "That's exactly the gap Quayside fills: one forecast for the store orders and the "
                      "warehouse."),
    ("Paul Grady", "Does it handle the direct-store-delivery vendors, the bread and the soft drinks?"),
    ("Rafael Duarte", "Yes, those get their own delivery schedules in the forecast."),
    ("Paul Grady", "Okay. Here's my problem, though. The managers like their handhelds. If a screen starts telling "
                   "them what to order, they'll keep doing it their own way and ignore it.",
     "objections/buyer-adoption", "they'll keep doing it their own way and ignore it"),
    ("Rafael Duarte", "They can edit every suggestion, and the screen only shows the lines that need them."),
    ("Jasmine Kerr", "The bigger question for me is who sets it up. We don't have an IT department. We have Kevin, "
                     "and Kevin also looks after the building.",
     "objections/it-capacity", "We don't have an IT department. We have Kevin"),
    ("Rafael Duarte", "Our onboarding team does the set-up; Kevin would spend about half a day on the sales file."),
    ("Jasmine Kerr", "Half a day I can get out of Kevin."),
    ("Paul Grady", "If it saves my managers that hour, I'm in."),
    ("Jasmine Kerr", "Let's book the backtest. Can you send over the data request?"),
    ("Rafael Duarte", "I'll send it this afternoon."),
])

# ---------------------------------------------------------------------------------------------
# 11. Redfern Express: raw speech-recognition export, plain text with stamps.

call("2026-10-27-redfern-express.txt", "txt", turns=[
    ("Kenji Mori", "morning tessa morning marco can you hear me ok"),
    ("Tessa Grant", "yep loud and clear"),
    ("Kenji Mori", "great so marco youre the fresh food side"),
    ("Marco Bellini", "yeah i run the food to go so sandwiches salads the hot counter"),
    ("Kenji Mori", "and how do you decide how many to make"),
    ("Marco Bellini", "the stores tell us by ten the night before and honestly its mostly what they did last "
                      "tuesday"),
    ("Marco Bellini", "the sandwiches and the salads theyre made that morning and theyre either sold or binned by "
                      "close and i havent seen any system forecast that properly so i dont see how yours would",
     "new:fresh-perishables", "i havent seen any system forecast that properly so i dont see how yours would"),
    ("Kenji Mori", "food to go gets a forecast by part of the day with the weather in it"),
    ("Marco Bellini", "same with the the hot counter honestly",
     "new:fresh-perishables", "same with the the hot counter honestly"),
    ("Kenji Mori", "the hot counter too"),
    ("Tessa Grant", "can i just say the bigger thing its not really my call each store is an independent owner "
                    "and they they decide what runs in their back office we cant make them",
     "new:franchisee-approval", "each store is an independent owner and they they decide what runs in their back office"),
    ("Kenji Mori", "understood we work with a few franchise networks that way"),
    ("Tessa Grant", "so youd need the owners on side first"),
    ("Kenji Mori", "could we present at one of your owner meetings"),
    ("Tessa Grant", "yeah theres one in december ill get you a slot"),
])

# ---------------------------------------------------------------------------------------------
# 12. Bayline Markets: evaluation call with the CIO and merchandising, clean WebVTT.

call("2026-11-02-bayline-markets.vtt", "vtt", note="Bayline Markets, evaluation call.\n"
     "Imogen Hale and Rafael Duarte (Quayside), Gordon Asante (CIO), Helen Marsh (merchandising director).", turns=[
    ("Imogen Hale", "Hi Gordon, hi Helen. Rafael is here for the technical questions."),
    ("Gordon Asante", "Good, because I have a few."),
    ("Helen Marsh", "And I have the business ones."),
    ("Imogen Hale", "Helen, do you want to start?"),
    ("Helen Marsh", "Sure. Our buyers spend most of the week on orders, and we still carry far too much stock in "
                    "the back rooms."),
    ("Imogen Hale", "That's the most common starting point. Our customers cut out-of-stocks by eleven percent on "
                    "average in the first six months."),
    ("Helen Marsh", "And the eleven percent, who measured that? Your own team?",
     "objections/forecast-trust", "who measured that? Your own team?"),
    ("Imogen Hale", "An outside retail analytics firm audited it across thirty-one customers. I'll send you the "
                    "report."),
    ("Helen Marsh", "Please do."),
    ("Gordon Asante", "My first question is about data. Who else gets to benefit from our numbers once they're in "
                      "your system? We compete with two of your customers in the same towns.",
     "new:competitor-data-use", "Who else gets to benefit from our numbers once they're in your system?"),
    ("Rafael Duarte", "Each customer's forecast is trained on its own data. The shared patterns can be switched "
                      "off."),
    ("Gordon Asante", "I'd want that in the contract, not in a slide."),
    ("Rafael Duarte", "That's reasonable."),
    ("Gordon Asante", "Second thing. We're in the middle of moving to a new ERP, and nothing new gets added until "
                      "that's live, which won't be before next summer. My team has no room for another project.",
     "objections/it-capacity", "My team has no room for another project"),
    ("Imogen Hale", "Understood. The set-up needs half a day from your team, and we could do the backtest before "
                    "the ERP goes live."),
    ("Gordon Asante", "A backtest we can do. Send me the file specification."),
    ("Helen Marsh", "And I'd like two of the buyers to see the exception screen next week."),
    ("Imogen Hale", "I'll set that up. Tuesday or Wednesday?"),
    ("Helen Marsh", "Wednesday."),
])

# ---------------------------------------------------------------------------------------------
# 13. Hollis Provisions: short call before signing, plain text with stamps.

call("2026-11-09-hollis-provisions.txt", "txt", turns=[
    ("Imogen Hale", "Hi Ruth. Good to hear from you."),
    ("Ruth Delgado", "Hi Imogen. Good news mostly. The pilot stores are happy and I want to go ahead with all "
                     "eight."),
    ("Imogen Hale", "That's great to hear."),
    ("Ruth Delgado", "The deli manager at the harbour store says it's the first time in years she hasn't run out "
                     "of sliced ham on a Saturday."),
    ("Imogen Hale", "I'll pass that on to the team."),
    ("Ruth Delgado", "The only thing still stuck is the renewal clause. Our lawyer wants the automatic renewal out "
                     "before I sign anything.",
     "objections/contract-terms", "Our lawyer wants the automatic renewal out before I sign anything"),
    ("Imogen Hale", "I'll get you an answer from our legal team this week."),
    ("Ruth Delgado", "Will the other six stores get the same onboarding as the pilot ones?"),
    ("Imogen Hale", "Yes, the same team and the same six weeks."),
    ("Ruth Delgado", "Good. Then send the paperwork once the clause is sorted."),
    ("Imogen Hale", "Will do. Thanks, Ruth."),
])


# ---------------------------------------------------------------------------------------------
# Rendering: each format writes its file and returns, per turn, the lines of its pieces.

RENDER = renderers(Style(start=2.0, words_per_second=2.6, shortest=1.2, pause=0.6, first_speaker_id=7730010000000001,
              own_domain="quayside.example",
              internal=frozenset({"Imogen Hale", "Kenji Mori", "Rafael Duarte", "Bridget Okonjo"})))


def build(calls_dir: Path = CALLS) -> dict[str, list[dict[str, Any]]]:
    """Write every call into ``calls_dir`` (emptied first); the labelled turns of each, by call path."""
    return write_calls(CALL_LIST, RENDER, calls_dir)


COVERAGE = {
    "objections/pricing": True,
    "objections/forecast-trust": True,
    "objections/pos-integration": True,
    "objections/it-capacity": True,
    "objections/buyer-adoption": True,
    "objections/contract-terms": False,  # its answer is a draft
    "new:franchisee-approval": False,
    "new:fresh-perishables": True,  # messaging/fresh-forecasting.md answers it; no objection entry names it
    "new:competitor-data-use": False,  # proof-points/security.md is about protection, not about who benefits
}
GAP_NOTES = {
    "objections/contract-terms": "known objection; its only answer (answers/contract-terms) is a draft",
    "new:franchisee-approval": "franchise owners decide for their own stores and head office cannot require "
                               "the tool; no objection entry and no approved entry addresses it",
    "new:competitor-data-use": "the prospect's sales data improving forecasts for competing grocers; the "
                               "security proof point is about protecting data, not about who benefits from it",
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
    return {"today": "2026-11-16", "kb": "kb",
            "audit": {"rules": ["objection-gap"], "expected": expected, "negatives": []},
            "objections": {"calls": calls, "coverage": COVERAGE}}


def check(calls: dict[str, list[dict[str, Any]]], calls_dir: Path = CALLS) -> list[str]:
    """Every label on an external turn of the call as canon's parser reads it, holding its words."""
    return check_parsed_labels(calls, calls_dir, HERE / "kb")


if __name__ == "__main__":
    found = build()
    (HERE / "labels.json").write_text(json.dumps(labels(found), indent=1) + "\n", encoding="utf-8")
    bad = check(found)
    print(f"{len(CALL_LIST)} calls, {sum(len(v) for v in found.values())} labelled turns")
    for b in bad:
        print("BAD", b)
    sys.exit(1 if bad else 0)
