# Calls 9-15 (see calls_a.py for the conventions).
from calls_a import PRO, BAT, WRK, PRICE, COMPAT, REL, SCHED, SEC, VEND

CALLS = []

CALLS.append(dict(file="2026-10-01-nordhafen-citylogistik.json", fmt="parties", title="Nordhafen CityLogistik - demo", turns=[
 ("Tobias Reinholt", "Hello Mrs. Kruse, hello Mr. Okonkwo, thank you for the time.|Dev is with me from our solutions team.", []),
 ("Dev Prakash", "Hi both, good to meet you.", []),
 ("Birgit Kruse", "Hello.|We have one hour, but I think we need less.", []),
 ("Tobias Reinholt", "Then let's be efficient.|Dev, can you show the plan view with the Nordhafen numbers?", []),
 ("Dev Prakash", "Sure.|So this is your Billwerder depot with the 85 vans and 60 chargers you gave us.|The grey band is the connection limit, and you can see every van is full by half past five.", []),
 ("Birgit Kruse", "It looks nice.|But where do you get the tours from?|We plan the tours in TourPlan every evening, and the tours change until late, until eleven sometimes.|If this is not connected to TourPlan, my dispatchers must type everything two times, and this they will not do.", [(SCHED, "If this is not connected to TourPlan, my dispatchers must type everything two times, and this they will not do")]),
 ("Dev Prakash", "Understood.|We wouldn't want anyone typing tours.|Does TourPlan export a file or offer an API?", []),
 ("Birgit Kruse", "A file, I think.|Emeka knows.", [("neg", "A file, I think", "neutral answer to a question")]),
 ("Emeka Okonkwo", "It can write a CSV to a folder, yes.|But the format changes with every update of TourPlan, this is our experience with other tools.", [(SCHED, "But the format changes with every update of TourPlan, this is our experience with other tools")]),
 ("Dev Prakash", "That's a fair point; we would map it once and monitor the import, so a format change raises an alert rather than silently breaking the plan.", []),
 ("Birgit Kruse", "Okay.|Then I must mention the Betriebsrat, the works council.|Any system that tells the drivers or the yard staff what to do and when, or that records which driver plugged in which van, the works council must agree to it.|And they are not so happy at the moment with new systems, after the telematics project.", [(WRK, "Any system that tells the drivers or the yard staff what to do and when, or that records which driver plugged in which van, the works council must agree to it")]),
 ("Tobias Reinholt", "That's very normal in Germany, we have seen that before.", []),
 ("Birgit Kruse", "Normal, yes, but it takes months.|And if the drivers must now park at a special charger or come back at a special time, this is a change of their working conditions.|I can tell you already, this will not go through easily.", [(WRK, "if the drivers must now park at a special charger or come back at a special time, this is a change of their working conditions")]),
 ("Emeka Okonkwo", "And from IT, we need to know where the data is stored.|Is it in Germany, or at least in the EU?|And who at your company can see the driver data?", [(SEC, "And who at your company can see the driver data?")]),
 ("Dev Prakash", "Good questions.|I'll send you our security overview, and we can have a call with your data protection officer.", []),
 ("Emeka Okonkwo", "Please, before the next meeting.|Without this, our data protection officer will stop the project in the first week.", [(SEC, "Without this, our data protection officer will stop the project in the first week")]),
 ("Birgit Kruse", "Good.|Send us the documents and then we see.", []),
]))

CALLS.append(dict(file="2026-10-06-canterbury-plains-transit.vtt", fmt="vtt-prefix", title="Canterbury Plains Transit", turns=[
 ("Aroha Tane", "Kia ora Mereana, kia ora Phil. Thanks for having us. Dev's on from Bristol, so it's late for him.", []),
 ("Dev Prakash", "Evening from the UK. Happy to be here.", []),
 ("Mereana Hohaia", "Kia ora. Thanks Dev, appreciate you staying up.", []),
 ("Phil Dunstan", "Gidday.", []),
 ("Aroha Tane", "So Mereana, where are you at with the Rolleston depot?", []),
 ("Mereana Hohaia", "So we've got twenty-two electric buses running now, another eighteen coming in 2027 under the new contract with the regional council.", [("neg", "we've got twenty-two electric buses running now", "prospect stating their own fleet")]),
 ("Phil Dunstan", "And the chargers are a bit of a mixed bag. We've got the original eight from Kiwivolt, which are pretty old now, and then fourteen newer ones from a Chinese supplier the bus maker recommended.|I'd be amazed if your software talks to the Kiwivolt ones. They were a nightmare to set up in the first place.", [(COMPAT, "I'd be amazed if your software talks to the Kiwivolt ones")]),
 ("Dev Prakash", "If you can send me the model numbers and firmware, I'll check them against our certified list. Older units can often come in through our gateway.", []),
 ("Phil Dunstan", "Yeah, I'll dig them out.", []),
 ("Mereana Hohaia", "The thing I need you to understand is how we buy, though.|We're the operator, but the buses and the depot upgrade are part-funded by the regional council and the government decarbonisation fund.|Anything that touches that funding has to go through the council's procurement, and their rules are their rules. We can't just pick a supplier we like.", [(PRO, "Anything that touches that funding has to go through the council's procurement, and their rules are their rules. We can't just pick a supplier we like")]),
 ("Aroha Tane", "Understood. Do you know if they'd go to open tender, or use an all-of-government panel?", []),
 ("Mereana Hohaia", "No idea yet. That's sort of my point, it's not my call.", []),
 ("Phil Dunstan", "One more from me, and it's probably a dumb one.|When the software staggers the charging overnight, are we sure the battery people are happy with that? Because our battery warranty is with the bus maker, and they're pretty particular about how you charge.|I wouldn't want to find out in year six that we've been doing it wrong.", [(BAT, "I wouldn't want to find out in year six that we've been doing it wrong")]),
 ("Dev Prakash", "Not a dumb one at all. Let me come back to you properly on that one.", []),
 ("Mereana Hohaia", "Sweet. Send us what you've got and we'll go from there.", []),
]))

CALLS.append(dict(file="2026-10-09-penarth-community-transport.txt", fmt="txt", asr=True, title="Penarth Community Transport (ASR)", turns=[
 ("Fiona Gallagher", "hiya gwen thanks for uh for making the time", []),
 ("Gwen Pritchard", "oh no problem at all love sorry about the dog", []),
 ("Fiona Gallagher", "ha no I love a dog on a call so um you said you've got the new minibuses", []),
 ("Gwen Pritchard", "yes so we've had the grant for six electric minibuses and they came in june and we've got four chargers in the yard behind the church hall", [("neg", "we've had the grant for six electric minibuses", "prospect describing their own situation")]),
 ("Fiona Gallagher", "lovely and how's it going", []),
 ("Gwen Pritchard", "well it's it's going alright um but the thing is most of our drivers are volunteers you know retired gentlemen mostly", []),
 ("Gwen Pritchard", "and they're they're wonderful but I can't have them um fiddling with apps and plugging in at certain times they just park up and go home for their tea and that's that", [(WRK, "I can't have them um fiddling with apps and plugging in at certain times they just park up and go home for their tea")]),
 ("Fiona Gallagher", "no that's fine they wouldn't need an app the buses just stay plugged in and it all happens in the background", []),
 ("Gwen Pritchard", "oh right well that's that's better", []),
 ("Gwen Pritchard", "and the money side I have to be honest with you we're a charity and the grant paid for the chargers but there's nothing in the grant for running costs", [(PRICE, "the grant paid for the chargers but there's nothing in the grant for running costs")]),
 ("Gwen Pritchard", "so a monthly fee um for four chargers I'd have to take that to the trustees and they they're very careful", [(PRICE, "a monthly fee um for four chargers I'd have to take that to the trustees and they they're very careful")]),
 ("Fiona Gallagher", "I completely understand let me look at what your electricity bill's doing first and see whether it even makes sense for you", []),
 ("Gwen Pritchard", "oh that would be kind thank you", []),
]))

CALLS.append(dict(file="2026-10-14-bayou-city-cabs.json", fmt="meeting", asr=True, title="Bayou City Cabs (ASR)", turns=[
 ("Marcus Bell", "hey ray good to see you man how you been", []),
 ("Ray Delacroix", "good good busy uh you know how it is", []),
 ("Marcus Bell", "so you got the the e v cabs in now how many", []),
 ("Ray Delacroix", "we're at uh forty electric and we put in sixteen level two chargers at the yard off telephone road", [("neg", "we're at uh forty electric and we put in sixteen level two chargers", "prospect stating their own volumes")]),
 ("Marcus Bell", "nice and who did the chargers", []),
 ("Ray Delacroix", "a outfit called charge lane they did the install and they run the uh the back office for us", []),
 ("Ray Delacroix", "and that's kinda where I'm at man charge lane already does the um dynamic load management it's in the contract like I'm already paying for that", [(VEND, "charge lane already does the um dynamic load management it's in the contract like I'm already paying for that")]),
 ("Marcus Bell", "right so charge lane balances the power across the chargers but it doesn't know your shifts", []),
 ("Ray Delacroix", "I mean my guys know their shifts", []),
 ("Marcus Bell", "sure", []),
 ("Ray Delacroix", "I just don't see it like I'd need somebody to show me what yours does that theirs don't because right now it looks like the same thing with a different logo", [(VEND, "right now it looks like the same thing with a different logo")]),
 ("Marcus Bell", "fair enough let me put together a side by side with your actual yard and your bill", []),
 ("Ray Delacroix", "and can you even uh can you even talk to the charge lane boxes or are they locked in", [(COMPAT, "can you even uh can you even talk to the charge lane boxes or are they locked in")]),
 ("Marcus Bell", "they run oh cpp so we can talk to them it's a config change on the charger", []),
 ("Ray Delacroix", "okay cool send it over", []),
]))

CALLS.append(dict(file="2026-10-20-dunmore-logistics.json", fmt="parties", asr=True, title="Dunmore Logistics (ASR export)", turns=[
 ("Fiona Gallagher", "hi ciaran hi aoife|thanks for this", []),
 ("Ciaran Dunne", "not at all fiona|sure we're delighted", []),
 ("Fiona Gallagher", "so I've got dev with me as well", []),
 ("Dev Prakash", "hi folks", []),
 ("Ciaran Dunne", "howya dev", []),
 ("Fiona Gallagher", "so you've the fifty five vans now at the naas road depot|and the plan is to go to ninety next year", []),
 ("Ciaran Dunne", "that's it yeah|ninety by the end of twenty twenty seven if the vans turn up", []),
 ("Aoife Brennan", "can I come in on the it side first|because that's where these things usually die with us", []),
 ("Fiona Gallagher", "of course", []),
 ("Aoife Brennan", "so the chargers would sit on our network|and your system would be able to turn them off and on|like our cyber insurance people are going to have questions about that|we had a phishing incident last year and the insurer is all over anything with remote access", [(SEC, "our cyber insurance people are going to have questions about that"), (SEC, "the insurer is all over anything with remote access")]),
 ("Dev Prakash", "that's fair|the chargers talk only to a controller on site|and the controller only makes outbound connections|I can send you the architecture", []),
 ("Aoife Brennan", "yeah send it|and the pen test", []),
 ("Ciaran Dunne", "the other thing for me is the the dispatch side|we use a crowd called routewise for the routes|and it's changing all day|if your thing can't see routewise then it's guessing|and if it's guessing I'd rather the lads just plug in and let it off", [(SCHED, "if your thing can't see routewise then it's guessing")]),
 ("Dev Prakash", "we'd read the routes from routewise|and pick up changes every fifteen minutes", []),
 ("Ciaran Dunne", "grand|grand that's good", []),
 ("Fiona Gallagher", "brilliant|I'll send over the architecture and a summary today", []),
]))

CALLS.append(dict(file="2026-10-27-southern-alps-freight.srt", fmt="srt", title="Southern Alps Freight", turns=[
 ("Aroha Tane", "Morning Shane, morning Priya. How's Queenstown?", []),
 ("Shane Costello", "Bloody cold. Snow on the Remarkables already.", []),
 ("Priya Natarajan", "Morning.", []),
 ("Aroha Tane", "So you had a chance to go through the proposal?", []),
 ("Shane Costello", "We did. Look, I'll be honest, the price is fine. It's less than I expected, actually.", [("neg", "the price is fine. It's less than I expected, actually", "prospect agreeing on price")]),
 ("Aroha Tane", "Good to hear.", []),
 ("Shane Costello", "Where I'm stuck is winter. We run the trucks over the Crown Range and the Lindis, and in July the batteries are cold and the range drops off a cliff.", []),
 ("Priya Natarajan", "And the depot in Frankton is at the end of a long rural line. The lines company says there's no more capacity until they rebuild the substation.", []),
 ("Aroha Tane", "That's exactly where the planning helps. We'd fit the charging into what you've got.", []),
 ("Shane Costello", "Sure. But here's the bit that worries me.|If your system's running the show overnight and something goes wrong, say the internet's out, which happens down here in a storm, and a truck isn't charged for a six a.m. run over the pass, I've got a driver stranded at Cardrona.|That's not a spreadsheet problem, that's a safety problem.", [(REL, "If your system's running the show overnight and something goes wrong, say the internet's out")]),
 ("Aroha Tane", "Totally. The site controller keeps running the last plan without the internet, and the chargers go to a safe default if even that fails. And you'd get a text, not just a dashboard alert.", []),
 ("Shane Costello", "Okay. That's the right answer.", [("neg", "That's the right answer", "prospect accepting the answer")]),
 ("Priya Natarajan", "One thing from me. The truck manufacturer preheats the battery before it charges in the cold.|If your software holds off charging until later in the night, and the battery's gone cold in the meantime, does that put it outside what the warranty allows?|I had a long argument with them about charging in the cold last winter, and I don't want to start another one.", [(BAT, "does that put it outside what the warranty allows?")]),
 ("Aroha Tane", "Good question, let me get Dev to come back to you on that.", []),
 ("Shane Costello", "Righto. Send us the next steps.", []),
]))

CALLS.append(dict(file="2026-11-04-lakeside-transit-followup.txt", fmt="txt-para", title="Lakeside Regional Transit Authority - follow-up", turns=[
 ("Marcus Bell", "Hi Dana. Thanks for the quick turnaround on the draft requirements, I know that took some chasing on your end.", []),
 ("Dana Whitfield", "It did, but it's done. Procurement is happy with the language you suggested and the RFP goes out on the fifteenth of March. We were worried about the timeline at the start, and honestly it worked out fine.", [("neg", "We were worried about the timeline at the start, and honestly it worked out fine", "a past concern the prospect says is resolved")]),
 ("Marcus Bell", "That's great news. And did Rob get what he needed on the network side?", []),
 ("Dana Whitfield", "He did. He went through the architecture diagram with his team, and the outbound-only design was the thing he wanted to see. He's signed off on it for the RFP. He'll still want the pen test summary under NDA, but that's standard for anything on the operations network.", [("neg", "He'll still want the pen test summary under NDA, but that's standard for anything on the operations network", "a routine document request after sign-off, not a doubt")]),
 ("Marcus Bell", "We'll send that over this week.", []),
 ("Dana Whitfield", "Perfect. The other thing, and this is a question not a problem: can the plan show the garage crew which bus goes on which charger when they come in at night? They asked me about it.", [("neg", "this is a question not a problem: can the plan show the garage crew which bus goes on which charger", "a feature question the prospect marks as not a problem")]),
 ("Marcus Bell", "Yes, there's a bay assignment screen on the garage tablet. I'll include a screenshot in the pack.", []),
 ("Dana Whitfield", "Good. I think that's everything from me. The board gets the electrification update in January, and I'd like to be able to say the charging side is in hand.", []),
 ("Marcus Bell", "You will. Thanks Dana, talk soon.", []),
]))
