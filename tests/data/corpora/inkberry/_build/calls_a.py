"""Calls 1-8 of the Inkberry corpus. A turn is (speaker, text, labels); " | " splits a turn into
cues (VTT, SRT) or sentences (conversation-intelligence JSON). A label is (objection, anchor) or
(objection, anchor, {"central": True, "alt": [earlier anchor]})."""

P = "objections/pricing"
MT = "objections/mt-quality"
SEC = "objections/data-security"
INT = "objections/integration-effort"
TM = "objections/tm-migration"
TR = "objections/translator-adoption"
LV = "new:locale-variants"
VV = "new:vendor-viability"
RG = "new:release-gating"

CALLS = []

# 1. Germany, WebVTT with voice tags, clean captions.
CALLS.append({
    "file": "2026-09-03-halbach-werkzeuge.vtt", "format": "vtt-voice",
    "uid": "6f3c1a2e-88b4-4d0e-9a51-0c7d2b9e4f10",
    "turns": [
        ("Freya Lindqvist", "Hallo Katrin, hallo Jens. Good morning, or is it nearly lunch with you?", []),
        ("Katrin Vogel", "Almost lunch. Good morning to Dublin.", []),
        ("Freya Lindqvist", "Thanks a million for the time. I've Tomasz with me, he's one of our solutions engineers.", []),
        ("Tomasz Wójcik", "Hi both. Greetings from Kraków, actually, not Dublin.", []),
        ("Katrin Vogel", "Hello. Jens is from our IT. He joins because of the topic of uploading, I will explain later.", []),
        ("Freya Lindqvist", "Grand. Before we get into any of that, can you walk me through what happens today when a new manual has to go out in all your languages?", []),
        ("Katrin Vogel", "We write in German. Our agency in Stuttgart does the English master, and from English they do the other twenty-three languages. | They have their own tool, and they send us back the InDesign files. For a full manual it takes about six weeks.", []),
        ("Freya Lindqvist", "And who checks the translations at your end?", []),
        ("Katrin Vogel", "The subsidiaries. The colleague in Lyon, the colleague in Wrocław, and so on. When they have time.", []),
        ("Freya Lindqvist", "That's very like what we hear from other manufacturers. I'd be careful putting numbers on anything before I've seen your volumes, but teams set up like yours usually find a good chunk of what they pay for is repeated text.", []),
        ("Katrin Vogel", "Okay. I must say honestly, the agency gives us their tool for free. It is inside the price per word. | So when I go to our purchasing department with a licence for a platform, they will ask me why we pay two times for the same thing.", [(P, "they will ask me why we pay two times", {"alt": ["the agency gives us their tool for free"]})]),
        ("Freya Lindqvist", "That's a fair question, and purchasing is right to ask it. Do you know roughly how much of a new manual is actually new?", []),
        ("Katrin Vogel", "Maybe twenty, thirty percent. The rest comes from the previous model.", []),
        ("Freya Lindqvist", "And the other seventy percent, what rate does the agency charge for it?", []),
        ("Katrin Vogel", "I don't know, honestly. It is one number on the invoice.", []),
        ("Freya Lindqvist", "That's usually where the conversation gets interesting. We can go through last year's invoices with you, if you can get them.", []),
        ("Jens Albrecht", "May I come in here? For me the question is a different one. | The manuals for new tools are confidential until the trade fair. If the text of a new product sits on a server somewhere and it leaks, that is a real problem for us.", [(SEC, "If the text of a new product sits on a server somewhere and it leaks")]),
        ("Tomasz Wójcik", "Completely understood. Projects can be marked confidential, so only the linguists you name can open them, and the screenshots for review are watermarked.", []),
        ("Jens Albrecht", "And the machine translation. The text goes to which company? Do they keep it to make their engine better?", [(SEC, "Do they keep it to make their engine better?")]),
        ("Tomasz Wójcik", "No. The engines we use are contracted for zero retention. The text is translated and thrown away, and nobody trains on it.", []),
        ("Jens Albrecht", "Okay. I would need that in writing, with the list of the subprocessors.", []),
        ("Freya Lindqvist", "Of course, I'll send the security pack over today.", []),
        ("Katrin Vogel", "One more thing came up internally. You are how many people, a hundred?", []),
        ("Freya Lindqvist", "Just over a hundred and forty now.", []),
        ("Katrin Vogel", "We are a company of ninety years. A manual must be available for fifteen years after the product. | If Inkberry is bought by some big American company in three years, or closes, what happens with all our memory in your system?", [(VV, "If Inkberry is bought by some big American company in three years, or closes", {"alt": ["You are how many people, a hundred?", "A manual must be available for fifteen years"]})]),
        ("Freya Lindqvist", "Honest answer, I don't have a document on that for you today, and I'd rather get you a proper one than make something up on the call. You can export everything at any time, I know that much.", []),
        ("Katrin Vogel", "Please. Purchasing will ask the same question.", []),
        ("Freya Lindqvist", "Noted. So next steps: security pack to Jens, and Katrin, if you can dig out last year's invoices, we'll build the business case together.", []),
        ("Katrin Vogel", "Good. I will ask accounting. Thank you both.", []),
        ("Jens Albrecht", "Thank you, tschüss.", []),
    ],
})

# 2. United Kingdom, WebVTT with Name: prefixes and numbered cues.
CALLS.append({
    "file": "2026-09-09-pennant-books.vtt", "format": "vtt-prefix",
    "turns": [
        ("Freya Lindqvist", "Hiya Oliver, hi Meera. How are things in Oxford?", []),
        ("Oliver Pryce", "Wet. Ever so wet. Anyway.", []),
        ("Meera Shah", "Morning.", []),
        ("Freya Lindqvist", "Thanks for making the time. Oliver, you said on our last call you were reviewing the whole set-up after the agency merger.", []),
        ("Oliver Pryce", "That's right. Our agency got swallowed by a bigger one, the rates went up, and the board's asked us to look at the options.", []),
        ("Freya Lindqvist", "Okay. And what's in scope?", []),
        ("Meera Shah", "The primary science and maths schemes. Teacher guides, pupil books and the online homework platform. Spanish, French, Arabic and Polish at the moment.", []),
        ("Freya Lindqvist", "Right. So I know the slide says machine translation, and I can see Meera's face from here.", []),
        ("Meera Shah", "Ha. Is it that obvious? | Look, I've read a machine-translated fractions worksheet. It told a nine-year-old to share the pizza into equal quarrels. | I'm not putting the Pennant name on anything like that, and neither will our authors.", [(MT, "I've read a machine-translated fractions worksheet")]),
        ("Freya Lindqvist", "And it shouldn't go out like that. Nothing we'd put in front of a pupil is raw machine output; it's a draft that a translator edits and then a reviewer signs off on the actual page.", []),
        ("Meera Shah", "Who'd be doing that review, in your model? Our editors or yours?", []),
        ("Freya Lindqvist", "Yours, normally, or the translators you already use. We don't supply linguists ourselves.", []),
        ("Oliver Pryce", "Can I raise the elephant in the room? We've been in a desktop CAT tool for twelve years. Every scheme, every edition. | Twelve years of memory, and a termbase Meera's team built by hand.", []),
        ("Freya Lindqvist", "Mm-hm.", []),
        ("Oliver Pryce", "If that doesn't come across cleanly, we're starting from zero, and frankly I'd rather pay the agency's new rates.", [(TM, "If that doesn't come across cleanly, we're starting from zero", {"alt": ["Twelve years of memory, and a termbase"]})]),
        ("Freya Lindqvist", "Understood.", []),
        ("Oliver Pryce", "The last time we moved servers, half the term entries lost their notes field and nobody noticed for a year.", [(TM, "half the term entries lost their notes field")]),
        ("Freya Lindqvist", "I don't want to overpromise on that one. I know we import TMX and TBX, but I'd want Tomasz to look at an export of yours before I tell you how clean it'll be.", []),
        ("Oliver Pryce", "That's fair. At least you're not selling me a fairy tale.", []),
        ("Meera Shah", "What about the homework platform? That's strings in a code repository, isn't it. Does it just plug in?", []),
        ("Freya Lindqvist", "It does, we've a GitHub connector. Tomasz can show you on the next call.", []),
        ("Meera Shah", "Fine. That would help.", []),
        ("Oliver Pryce", "Send me something on the migration and we'll go from there. Cheers, Freya.", []),
        ("Freya Lindqvist", "Will do. Cheers, both.", []),
    ],
})

# 3. Canada, SRT, clean captions.
CALLS.append({
    "file": "2026-09-15-baie-verte-outfitters.srt", "format": "srt",
    "turns": [
        ("Amara Obi", "Bonjour Geneviève, hi Mark. Can you hear me all right?", []),
        ("Geneviève Tremblay", "Yes, perfect. Mark is in the office, I'm at home today, the snow came early.", []),
        ("Mark Ridley", "Hey. Yeah, I drew the short straw and drove in.", []),
        ("Amara Obi", "Already snow in September? Wow. Right, I've got Tomasz with me from our solutions team.", []),
        ("Tomasz Wójcik", "Hi both, nice to meet you.", []),
        ("Amara Obi", "So last time, Geneviève, you told me the French site is always behind the English one. Can you say a bit more?", []),
        ("Geneviève Tremblay", "Sure. We publish new gear every week, in English first. The French comes two, three weeks after. | With the new language law in Quebec, French has to be there from day one, so now it's a legal issue, not just a nice to have.", []),
        ("Amara Obi", "And how does the French get done today?", []),
        ("Geneviève Tremblay", "A freelancer in Sherbrooke and me, honestly. I copy the product copy into a spreadsheet, she translates, I paste it back.", []),
        ("Tomasz Wójcik", "Where does the product copy live? In Shopify itself?", []),
        ("Mark Ridley", "Partly. We're headless: Shopify on the front and a home-grown PIM behind it that I wrote in 2019. | And I'm the only developer on the web side, already three sprints behind. So when you say connector, I hear Mark's weekend.", [(INT, "So when you say connector, I hear Mark's weekend")]),
        ("Tomasz Wójcik", "Fair. For a home-grown PIM we'd use the API and webhooks, and we'd write the first sync with you rather than hand you documentation.", []),
        ("Mark Ridley", "Sure. The last translation plugin we installed broke checkout on the next theme update, and I spent Boxing Day rolling it back.", [(INT, "The last translation plugin we installed broke checkout on the next theme update")]),
        ("Amara Obi", "Ouch. That's a story we hear a lot, to be fair, and it's why we maintain the connectors ourselves.", []),
        ("Geneviève Tremblay", "Can I bring another thing? Our French is Quebec French. | The tools we tried, they treat French as French, and the copy comes back sounding like it was written in Paris. Our customers notice right away.", [(LV, "they treat French as French, and the copy comes back sounding like it was written in Paris", {"alt": ["Our French is Quebec French"]})]),
        ("Amara Obi", "Mm, that makes sense.", []),
        ("Geneviève Tremblay", "And next year we open in France, eh. I don't want to pay twice for the same catalogue, but I can't use the Quebec version over there either.", [(LV, "I don't want to pay twice for the same catalogue")]),
        ("Amara Obi", "That's a really good one. I'd want to show you that properly rather than wave my hands at it, so let me take it away.", []),
        ("Geneviève Tremblay", "Okay. And the price, is it by word or by user?", []),
        ("Amara Obi", "By plan, with users included. I'll send the options with the recap.", []),
        ("Geneviève Tremblay", "Perfect. Merci, Amara.", []),
        ("Mark Ridley", "Thanks, guys.", []),
    ],
})

# 4. Brazil, SRT, raw speech recognition.
CALLS.append({
    "file": "2026-09-22-ondaluz-cosmeticos.srt", "format": "srt",
    "turns": [
        ("Pieter van Rensburg", "hi luana hi rafael can you hear me okay", []),
        ("Luana Ferreira", "yes yes hi pieter we hear you good", []),
        ("Rafael Costa", "hello good afternoon", []),
        ("Pieter van Rensburg", "good afternoon how's são paulo today", []),
        ("Luana Ferreira", "hot very hot thirty two degrees already and it's only september", []),
        ("Pieter van Rensburg", "lekker jealous it's raining here um okay so i'd love to hear how you do translations at the moment", []),
        ("Luana Ferreira", "okay so um we have a a agency in lisbon that do all our spanish and the english for the the export markets | and they work in the in tray dose for many years | they will not want to to change for another tool i'm sure", [(TR, "they will not want to to change for another tool", {"alt": ["they work in the in tray dose for many years"]})]),
        ("Pieter van Rensburg", "okay yeah that's um that's something we hear", []),
        ("Rafael Costa", "and also the freelancers we have in mexico and in argentina they are like very old school you know | if we ask them to log in in a new system they gonna say okay but the price is different now", [(TR, "if we ask them to log in in a new system", {"alt": ["very old school"]})]),
        ("Pieter van Rensburg", "right right so um i'd want to be careful what i say here because it depends on the contract they have with you", []),
        ("Luana Ferreira", "sure", []),
        ("Pieter van Rensburg", "how many products are we talking about per year roughly", []),
        ("Rafael Costa", "uh around three hundred new skus each year and each one has like the label the the site and the social media", []),
        ("Luana Ferreira", "and one question can your system keep the brazilian and the portugal portuguese separated | because every tool we saw it just has portuguese one language and we need both for the european shop without translate everything two times", [(LV, "can your system keep the brazilian and the portugal portuguese separated", {"alt": ["every tool we saw it just has portuguese one language"]})]),
        ("Pieter van Rensburg", "good question let me um let me check that with product before i answer you properly", []),
        ("Luana Ferreira", "okay no problem", []),
        ("Rafael Costa", "and the the reviewers can see the label like the packaging design or only the text", []),
        ("Pieter van Rensburg", "they can see it in context yes you upload the artwork and they review on it", []),
        ("Rafael Costa", "ah nice that is good", []),
        ("Pieter van Rensburg", "cool so i'll send a recap and um book the demo with tomasz for next week", []),
        ("Luana Ferreira", "perfect thank you pieter tchau", []),
    ],
})

# 5. Japan, conversation-intelligence JSON with parties, clean, English as a second language.
CALLS.append({
    "file": "2026-09-29-sorano-instruments.json", "format": "ci-json",
    "uid": "88102736450912", "title": "Sorano Instruments - discovery", "started": "2026-09-29T01:00:00Z",
    "parties": [("Bronwyn Tait", "internal"), ("Rohan Kapoor", "internal"),
                ("Hiroshi Tanabe", "external"), ("Yuki Morimoto", "external")],
    "ids": {"Bronwyn Tait": "8810273645091201117", "Rohan Kapoor": "8810273645091203342",
            "Hiroshi Tanabe": "8810554120873309921", "Yuki Morimoto": "8810554120873311058"},
    "turns": [
        ("Bronwyn Tait", "Good morning Tanabe-san, Morimoto-san. Thanks so much for joining so early.", []),
        ("Hiroshi Tanabe", "Good morning. No problem, it is ten o'clock here already.", []),
        ("Bronwyn Tait", "Ah, of course, you're an hour ahead of Singapore. I've got Rohan with me, he'll cover the technical side.", []),
        ("Rohan Kapoor", "Good morning to both of you.", []),
        ("Yuki Morimoto", "Good morning. Nice to meet you.", []),
        ("Bronwyn Tait", "So, Tanabe-san, in your email you said the documentation team is translating into eight languages now. How does that work today?", []),
        ("Hiroshi Tanabe", "Yes. We write the manuals in Japanese. Then the translation company makes English, and from English the other languages. Morimoto-san manages this.", []),
        ("Yuki Morimoto", "I send the files by email and I receive back after three weeks, sometimes four. Then I ask our overseas offices to check.", []),
        ("Bronwyn Tait", "And are you using any machine translation at the moment?", []),
        ("Yuki Morimoto", "We tried last year for the internal documents. Japanese to English, I think it is okay. | But English to Japanese, the result is very unnatural. The keigo is wrong and the tone is too direct. For our customers in Japan this is not acceptable.", [(MT, "But English to Japanese, the result is very unnatural")]),
        ("Rohan Kapoor", "That's a very common finding, and it's why we don't use one engine for everything. We test the engines on your own content for each language pair, and the output is always edited and reviewed by a person.", []),
        ("Hiroshi Tanabe", "Also, our product names and some technical words. The machine translation changes them every time. One document says sensor head, next document says detection unit.", [(MT, "The machine translation changes them every time")]),
        ("Rohan Kapoor", "That's what the termbase is for. Approved terms are applied before anyone reviews, and QA flags any segment that breaks them.", []),
        ("Yuki Morimoto", "Can the reviewer see the layout of the PDF, or only the text?", []),
        ("Rohan Kapoor", "They can see the layout. That's the in-context review.", []),
        ("Yuki Morimoto", "I see. That is helpful for the overseas offices.", []),
        ("Hiroshi Tanabe", "About the cost, I want to be honest. Our budget for translation is decided by each division in April. Now it is already end of September. A new tool is very difficult in this fiscal year.", [(P, "A new tool is very difficult in this fiscal year")]),
        ("Bronwyn Tait", "That's really helpful to know, thank you.", []),
        ("Hiroshi Tanabe", "And we have an annual contract with our translation company, and their system is included. So for my manager, it looks like double cost.", [(P, "So for my manager, it looks like double cost")]),
        ("Bronwyn Tait", "Understood. What we could do is build the business case with you now, so it's ready for the April planning.", []),
        ("Hiroshi Tanabe", "Yes, that would be good. Please send some examples from other manufacturers.", []),
        ("Bronwyn Tait", "Will do. Thank you both, arigatō gozaimashita.", []),
        ("Yuki Morimoto", "Thank you very much.", []),
    ],
})

# 6. Singapore, conversation-intelligence JSON with parties, raw speech recognition.
CALLS.append({
    "file": "2026-10-06-merlion-pay.json", "format": "ci-json",
    "uid": "88140091273355", "title": "Merlion Pay - localisation discovery", "started": "2026-10-06T06:30:00Z",
    "parties": [("Rohan Kapoor", "internal"), ("Tomasz Wójcik", "internal"),
                ("Tan Wei Ling", "external"), ("Darren Goh", "external")],
    "ids": {"Rohan Kapoor": "8814009127335502231", "Tomasz Wójcik": "8814009127335509870",
            "Tan Wei Ling": "8814077315092214460", "Darren Goh": "8814077315092217713"},
    "turns": [
        ("Rohan Kapoor", "hi wei ling hi darren | thanks for joining", []),
        ("Tan Wei Ling", "hi rohan | sorry we are late the previous meeting overrun", []),
        ("Darren Goh", "hello", []),
        ("Rohan Kapoor", "no worries at all | so i have tomasz with me he's joining from poland so it's quite early for him", []),
        ("Tomasz Wójcik", "morning everyone | well half past eight so not so bad", []),
        ("Rohan Kapoor", "so wei ling maybe you can start with uh what the app looks like today in terms of languages", []),
        ("Tan Wei Ling", "okay so our app is english simplified chinese malay and bahasa indonesia | but ah the chinese for singapore and the chinese for malaysia users not exactly the same lah the terms for the banking things are different | and next year taiwan which is traditional | so can your system handle or we end up with like five copies of chinese", [(LV, "so can your system handle or we end up with like five copies of chinese", {"central": True, "alt": ["the chinese for singapore and the chinese for malaysia users not exactly the same"]})]),
        ("Rohan Kapoor", "okay so um let me be honest i'm not the best person to answer the uh the variant piece in detail | tomasz", []),
        ("Tomasz Wójcik", "yeah i'd rather check how we'd set that up for you than guess | let me take it as a follow up", []),
        ("Tan Wei Ling", "okay | also malay the one for singapore versus indonesia very different you know | the agency always send us indonesian words for malay | so if your memory mix them up then worse", [(LV, "so if your memory mix them up then worse", {"alt": ["also malay the one for singapore versus indonesia very different"]})]),
        ("Rohan Kapoor", "noted", []),
        ("Darren Goh", "okay the other thing from my side | for the mass outsourcing guidelines we have to do due diligence on any vendor right | financial health how long you been around | you guys are series b is it", []),
        ("Rohan Kapoor", "yes series b last year", []),
        ("Darren Goh", "because if you fold in two years we are stuck | and my boss will ask me why i choose a startup over the big one", [(VV, "if you fold in two years we are stuck", {"alt": ["financial health how long you been around"]})]),
        ("Rohan Kapoor", "that's fair darren | i'll check with our finance team what we can share under nda", []),
        ("Darren Goh", "okay can", []),
        ("Tan Wei Ling", "and the the in app strings they are in our gitlab can connect directly right", []),
        ("Tomasz Wójcik", "yes gitlab is one of the standard connectors", []),
        ("Tan Wei Ling", "okay good good", []),
        ("Rohan Kapoor", "so next step i'll send the security pack and tomasz will come back on the chinese and malay question", []),
        ("Tan Wei Ling", "okay thanks rohan bye", []),
    ],
})

# 7. United Kingdom, JSON list of turns with roles.
CALLS.append({
    "file": "2026-10-13-ashdown-learning.json", "format": "json-list",
    "roles": {"Amara Obi": "internal", "Gareth Llewellyn": "external", "Ruth Abernethy": "external"},
    "turns": [
        ("Amara Obi", "Hi Gareth, hi Ruth. Lovely to see you both again.", []),
        ("Gareth Llewellyn", "Hiya. Ruth's joining from procurement this time, as promised.", []),
        ("Ruth Abernethy", "Good afternoon.", []),
        ("Amara Obi", "Brilliant, thanks Ruth. So Gareth and I went through the course catalogue last time, and I thought today I'd show you what Ashdown would look like on Inkberry and then hear your reactions.", []),
        ("Ruth Abernethy", "Before we start, can I set out where I am? It'll save us both time.", []),
        ("Amara Obi", "Please do.", []),
        ("Ruth Abernethy", "I'll be blunt, because that's my job. We've a framework agreement with Lingomark that runs to 2028, and it already includes their platform. You're asking me to pay for a second one.", [(P, "You're asking me to pay for a second one")]),
        ("Amara Obi", "That's completely fair. Can I ask what the framework charges for repeated content, say a module that's eighty percent the same as last year's?", []),
        ("Ruth Abernethy", "I'd have to look. It's a blended rate.", []),
        ("Amara Obi", "That's usually where the saving is hiding. We've seen teams pay full rate for text they'd translated the year before.", []),
        ("Gareth Llewellyn", "The thing is, Lingomark's linguists have done our Welsh and Irish for years. They're brilliant, but they're a tiny team, and I know for a fact they won't start working in somebody else's editor because we asked nicely.", [(TR, "they won't start working in somebody else's editor because we asked nicely")]),
        ("Amara Obi", "Okay.", []),
        ("Ruth Abernethy", "And if Lingomark put a surcharge on for working in a client's tool, which their contract lets them do, whatever you save us disappears.", [(TR, "if Lingomark put a surcharge on for working in a client's tool")]),
        ("Amara Obi", "I hear you. I'd rather not guess at Lingomark's terms; could we look at that clause together?", []),
        ("Ruth Abernethy", "I can share the relevant page.", []),
        ("Gareth Llewellyn", "Out of interest, can your machine translation do Welsh at all?", []),
        ("Amara Obi", "I'd have to check which engines we'd route Welsh to, to be honest. I'll come back to you on that.", []),
        ("Gareth Llewellyn", "Fair enough. The demo bits on review looked good, for what it's worth. Our subject experts would actually use that.", []),
        ("Ruth Abernethy", "Even if I liked it, there's nothing in the 26/27 budget for tooling. You'd be looking at April at the earliest.", [(P, "there's nothing in the 26/27 budget for tooling")]),
        ("Amara Obi", "That's really useful to know. Would it help if we built the business case now, so it's ready for the April round?", []),
        ("Ruth Abernethy", "It might. Send me something I can put in front of finance.", []),
        ("Amara Obi", "Will do. Thanks both, have a good afternoon.", []),
    ],
})

# 8. Germany, {"turns": [...]} with e-mail speaker ids.
CALLS.append({
    "file": "2026-10-20-kronwald-versicherung.json", "format": "json-turns",
    "meeting": {"title": "Kronwald Versicherung / Inkberry - Sprachdienst", "date": "2026-10-20", "source": "teams-export"},
    "turns": [
        ("freya.lindqvist@inkberry.example", "Guten Tag Frau Brandt, Herr Keller. Thank you for having us.", []),
        ("s.brandt@kronwald.example", "Good afternoon. We can speak English, no problem. Herr Keller is our data protection coordinator.", []),
        ("m.keller@kronwald.example", "Good afternoon.", []),
        ("freya.lindqvist@inkberry.example", "Lovely. I've Tomasz with me from our solutions team. Frau Brandt, would you mind starting with how the language service works today?", []),
        ("s.brandt@kronwald.example", "We are six people in the Sprachdienst. We translate policy documents, customer letters and the website into English, French and Italian, mostly for our Swiss and Austrian business. Freelancers do the overflow.", []),
        ("tomasz.wojcik@inkberry.example", "And which tool do you work in?", []),
        ("s.brandt@kronwald.example", "A desktop system with a server for the memory. We have been with it since 2011.", []),
        ("m.keller@kronwald.example", "If I may, I should say my concern early. Insurance letters and claim documents contain personal data. Under the GDPR and our works agreement we cannot put this into a machine translation service where we do not know who processes it.", [(SEC, "we cannot put this into a machine translation service where we do not know who processes it")]),
        ("tomasz.wojcik@inkberry.example", "Understood. The MT providers are contracted for zero retention, and we can switch MT off entirely for any project that holds personal data.", []),
        ("m.keller@kronwald.example", "Good. Frankly, before we upload even one test file I will need the subprocessor list and the technical and organisational measures.", [(SEC, "before we upload even one test file I will need the subprocessor list")]),
        ("freya.lindqvist@inkberry.example", "Of course. I'll send the DPA and the security pack after the call.", []),
        ("s.brandt@kronwald.example", "For me the bigger question is the memory. There are around four million segments in it, and our terminology team has worked for years on the termbase, with definitions and forbidden terms. That cannot be lost.", [(TM, "That cannot be lost")]),
        ("freya.lindqvist@inkberry.example", "Of course, that's years of work.", []),
        ("s.brandt@kronwald.example", "When we tested an export two years ago, the forbidden-term flags did not survive. We would have to clean it by hand, and I do not have the people for that.", [(TM, "the forbidden-term flags did not survive")]),
        ("tomasz.wojcik@inkberry.example", "I'd honestly want to see a sample export before I promise anything there. Could you send us a small one, with a few forbidden terms in it?", []),
        ("s.brandt@kronwald.example", "I can ask our administrator.", []),
        ("s.brandt@kronwald.example", "And the customer letters, can the reviewer see them as a letter, with the layout?", []),
        ("tomasz.wojcik@inkberry.example", "Yes, if you upload the template we render the letter for review.", []),
        ("s.brandt@kronwald.example", "That is nice. My colleagues would like that.", []),
        ("freya.lindqvist@inkberry.example", "Great. So: DPA and security pack to Herr Keller, and a sample export from you, Frau Brandt. Shall we pencil in a date for the second call?", []),
        ("s.brandt@kronwald.example", "In two weeks, please. Thank you.", []),
    ],
})
