#!/usr/bin/python3
# make-sample.py: build the Christchurch Call sample document for Ties.
#
# Copyright 2026 The Ties authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The annotation lives here as plain Python data; evidence is given as exact
# quotes from the article, and this script computes the W3C text position
# (start/end in Unicode code points, i.e. Python str indices) and the
# 32-code-point prefix/suffix context of each quote.
#
# Usage (from the repository root):
#   /usr/bin/python3 data/samples/make-sample.py [ARTICLE.txt]
# ARTICLE.txt defaults to ../shared/seed/christchurch-call-article.txt
# relative to the repository root.  Writes
# data/samples/christchurch-call.ties.json.  Standard library only; the
# output is byte-for-byte what the app's writer produces for this document.

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_ARTICLE = os.path.join(REPO, "..", "shared", "seed",
                               "christchurch-call-article.txt")
OUTPUT = os.path.join(HERE, "christchurch-call.ties.json")

CONTEXT = 32  # code points of prefix and suffix

SOURCE_ID = "herald-2019-09"

# The built-in event kinds are meeting, phone-call, email, summit,
# public-statement and other; these are declared by the document.
EVENT_KINDS = [
    ("incident", "Incident", "dotted"),
    ("agreement", "Agreement", "dash-dot"),
]

# --------------------------------------------------------------------------
# Actors: id, name, kind, role, affiliation, aliases, notes.
# Roles use the article's own words.  Colour and position are left to the
# app (null): the renderer assigns palette colours and the layout places
# every actor.
# --------------------------------------------------------------------------
ACTORS = [
    dict(id="ardern", name="Jacinda Ardern", kind="person",
         role="Prime Minister", affiliation="nz-government",
         aliases=["Ardern", "Prime Minister Jacinda Ardern",
                  "the Prime Minister", "the PM"],
         notes=""),
    dict(id="dorsey", name="Jack Dorsey", kind="person",
         role="CEO", affiliation="twitter",
         aliases=["Dorsey", "Twitter boss Jack Dorsey",
                  "Twitter CEO Jack Dorsey"],
         notes="Described as \"notoriously quiet and eccentric\"."),
    dict(id="zuckerberg", name="Mark Zuckerberg", kind="person",
         role="Boss", affiliation="facebook",
         aliases=["Zuckerberg", "Facebook boss Mark Zuckerberg"],
         notes="The article notes he did not attend the Christchurch Call "
               "summit in Paris."),
    dict(id="bezos", name="Jeff Bezos", kind="person",
         role="Head", affiliation="amazon",
         aliases=["Jeff", "Jeff Bezos, head of Amazon"],
         notes=""),
    dict(id="pichai", name="Sundar Pichai", kind="person",
         role="Chief executive", affiliation="google",
         aliases=["Google chief executive Sundar Pichai"],
         notes=""),
    dict(id="cook", name="Tim Cook", kind="person",
         role="Chief executive", affiliation="apple",
         aliases=["Cook", "Mr Cook", "Tim", "Apple chief executive Tim Cook"],
         notes=""),
    dict(id="smith", name="Brad Smith", kind="person",
         role="President", affiliation="microsoft",
         aliases=["Microsoft president Brad Smith",
                  "Brad Smith over at Microsoft"],
         notes=""),
    dict(id="wojcicki", name="Susan Wojcicki", kind="person",
         role="Chief executive", affiliation="youtube",
         aliases=["Wojcicki", "YouTube chief executive Susan Wojcicki"],
         notes=""),
    dict(id="parker", name="David Parker", kind="person",
         role="Minister", affiliation="nz-government",
         aliases=[],
         notes="Named by the article among the \"other Ministers\" who met "
               "Brad Smith; his portfolio is not given."),
    dict(id="little", name="Andrew Little", kind="person",
         role="Minister", affiliation="nz-government",
         aliases=[],
         notes="Named by the article among the \"other Ministers\" who met "
               "Brad Smith; his portfolio is not given."),
    dict(id="faafoi", name="Kris Faafoi", kind="person",
         role="Minister", affiliation="nz-government",
         aliases=[],
         notes="Named by the article among the \"other Ministers\" who met "
               "Brad Smith; his portfolio is not given."),
    dict(id="nz-government", name="New Zealand Government",
         kind="organisation", role="", affiliation=None,
         aliases=[],
         notes="Not named as such in the article; groups the Prime Minister, "
               "her ministers and the DPMC."),
    dict(id="dpmc", name="Department of the Prime Minister and Cabinet",
         kind="organisation", role="", affiliation="nz-government",
         aliases=["DPMC", "the DPMC"],
         notes="Its officials are not named in the article."),
    dict(id="twitter", name="Twitter", kind="organisation", role="",
         affiliation=None, aliases=[],
         notes="A signatory of the Christchurch Call."),
    dict(id="facebook", name="Facebook", kind="organisation", role="",
         affiliation=None, aliases=[], notes=""),
    dict(id="amazon", name="Amazon", kind="organisation", role="",
         affiliation=None, aliases=[],
         notes="The official who replied to DPMC is not named."),
    dict(id="google", name="Google", kind="organisation", role="",
         affiliation=None, aliases=[], notes=""),
    dict(id="apple", name="Apple", kind="organisation", role="",
         affiliation=None, aliases=[],
         notes="The person who replied to DPMC is not named."),
    dict(id="microsoft", name="Microsoft", kind="organisation", role="",
         affiliation=None, aliases=[], notes=""),
    dict(id="youtube", name="YouTube", kind="organisation", role="",
         affiliation=None, aliases=[],
         notes="Owned by Google; the article does not say so, so no "
               "affiliation is recorded."),
    dict(id="european-commission", name="European Commission",
         kind="organisation", role="", affiliation=None, aliases=[],
         notes="A signatory of the Christchurch Call."),
    dict(id="signatory-countries", name="17 signatory countries",
         kind="group", role="", affiliation=None, aliases=[],
         notes="The article says the Call \"has been signed by 17 "
               "countries\" but does not name them; they are kept as one "
               "group rather than guessed."),
    dict(id="dorsey-hackers", name="Unidentified hacker(s)", kind="group",
         role="", affiliation=None,
         aliases=["the hacker or hackers"],
         notes="Not identified in the article."),
]

# --------------------------------------------------------------------------
# The source.  Its text is read from the article file, unchanged.
# --------------------------------------------------------------------------
SOURCE = dict(
    id=SOURCE_ID,
    title="Twitter boss Jack Dorsey to meet Jacinda Ardern in flying visit "
          "to Wellington",
    publisher="NZ Herald",
    author="",
    url="https://www.nzherald.co.nz/nz/twitter-boss-jack-dorsey-to-meet-"
        "jacinda-ardern-in-flying-visit-to-wellington/"
        "KH6GZICNAZSU6AVSDXKXDDO7U4/",
    published="2019-09-02/2019-09-08",
    retrieved=None,
    notes="The publication date is not printed in the text; it is inferred. "
          "Dorsey's account was hacked on Friday 30 August 2019, which the "
          "article calls \"last Friday\", so it appeared after that day; "
          "the follow-up meeting is \"next week\" \"on Monday\" (Monday "
          "9 September 2019), so it appeared before that week. Together "
          "they place it in the week Monday 2 to Sunday 8 September 2019, "
          "recorded as that interval; the exact day is unknown. The author "
          "is not named in the text. Relative dates in the events are "
          "resolved against this week. The text includes a photo caption "
          "(first line) and keeps the article's typo \"daysleading\".",
)

# --------------------------------------------------------------------------
# Events, in chronological order.  "evidence" lists exact quotes from the
# article; each must occur exactly once in it.
# --------------------------------------------------------------------------
EVENTS = [
    dict(id="davos-dinner",
         title="Cook and Ardern meet at dinner in Davos",
         kind="meeting",
         date="2019-01-22/2019-01-25",
         date_phrase="at the start of the year",
         place="Davos",
         participants=["ardern", "cook"],
         initiator=None,
         evidence=[
             "Cook and Ardern had already met at the World Economic Forum "
             "in Davos at the start of the year",
             "\"Tim enjoyed very much his meeting with the PM recently at "
             "dinner in Davos.\"",
         ],
         tags=["world-economic-forum", "oia-emails"],
         notes="The article gives only \"at the start of the year\"; the "
               "date is the span of the World Economic Forum annual meeting "
               "in Davos, 22-25 January 2019 (outside knowledge). Apple's "
               "reply says it was a meeting \"at dinner\"; who invited whom "
               "is not said."),
    dict(id="smith-ministers-meeting",
         title="Ardern and ministers meet Microsoft's Brad Smith in Wellington",
         kind="meeting",
         date="2019-03-15/2019-04-23",
         date_phrase="",
         place="Wellington",
         participants=["ardern", "parker", "little", "faafoi", "smith"],
         initiator=None,
         evidence=[
             "That call was set up after Ardern and other Ministers, "
             "including David Parker, Andrew Little and Kris Faafoi, had met "
             "Microsoft president Brad Smith in Wellington.",
         ],
         tags=["christchurch-call"],
         notes="Undated in the article. It preceded the DPMC email to "
               "Apple, which set up the call with Tim Cook on 24 April, so "
               "it took place before that day; the start bound is the "
               "Christchurch mosque attacks of 15 March 2019 (outside "
               "knowledge), to which the DPMC email refers as \"the "
               "attacks\". \"Other Ministers, including\" means more "
               "ministers may have attended than the three named. Who "
               "sought the meeting is not said."),
    dict(id="dorsey-phone-call",
         title="Ardern and Dorsey first speak on the phone",
         kind="phone-call",
         date="2019-04",
         date_phrase="in April",
         place=None,
         participants=["ardern", "dorsey"],
         initiator="ardern",
         evidence=[
             "Ardern and Dorsey first spoke on the phone in April as she "
             "reached out to tech companies to gather support for the "
             "Christchurch Call summit in Paris.",
         ],
         tags=["christchurch-call"],
         notes="Initiator: the call was part of Ardern reaching out to tech "
               "companies."),
    dict(id="zuckerberg-call",
         title="Ardern speaks to Zuckerberg",
         kind="phone-call",
         date="2019-04-17",
         date_phrase="on April 17",
         place=None,
         participants=["ardern", "zuckerberg"],
         initiator="ardern",
         evidence=[
             "Ardern managed to speak to Facebook boss Mark Zuckerberg on "
             "April 17",
             "Ardern's staff tried to arrange phone calls with top tech "
             "executives",
         ],
         tags=["christchurch-call", "oia-emails"],
         notes="A phone call is inferred: the sentence follows the account "
               "of Ardern's staff arranging phone calls with tech "
               "executives, which also makes Ardern the initiator. The "
               "article adds that Zuckerberg did not attend the Paris "
               "summit."),
    dict(id="pichai-call",
         title="Ardern speaks with Pichai",
         kind="phone-call",
         date="2019-04-23",
         date_phrase="A week and a half earlier, on April 23",
         place=None,
         participants=["ardern", "pichai"],
         initiator="ardern",
         evidence=[
             "on April 23, Ardern managed to speak with Google chief "
             "executive Sundar Pichai",
             "Ardern's staff tried to arrange phone calls with top tech "
             "executives",
         ],
         tags=["christchurch-call", "oia-emails"],
         notes="A phone call and Ardern as initiator are inferred from the "
               "account of her staff arranging phone calls with tech "
               "executives. \"A week and a half earlier\" is relative to "
               "the Bezos call of 2 May."),
    dict(id="dpmc-email-apple",
         title="DPMC emails Apple asking for a call with Cook",
         kind="email",
         date="2019-03-15/2019-04-23",
         date_phrase="After that meeting",
         place=None,
         participants=["dpmc", "apple"],
         initiator="dpmc",
         evidence=[
             "After that meeting, an email from the DPMC was sent to Apple "
             "saying: \"Brad Smith over at Microsoft recommended I reach "
             "out to you. The Prime Minister is reaching out to the CEOs of "
             "the major digital platforms impacted by the attacks and the "
             "content that accompanied them, and would be most appreciative "
             "of a conversation with Mr Cook.\"",
         ],
         tags=["christchurch-call", "oia-emails"],
         notes="Sent after the meeting with Brad Smith, at his "
               "recommendation, and before the call of 24 April that it "
               "helped set up; the exact day is not given. Written on the "
               "Prime Minister's behalf by an unnamed official."),
    dict(id="apple-reply",
         title="Apple replies to DPMC, recalling the Davos dinner",
         kind="email",
         date="2019-03-15/2019-04-23",
         date_phrase="",
         place=None,
         participants=["apple", "dpmc"],
         initiator="apple",
         evidence=[
             "which was alluded to in Apple's reply: \"Tim enjoyed very much "
             "his meeting with the PM recently at dinner in Davos.\"",
         ],
         tags=["christchurch-call", "oia-emails"],
         notes="A reply to the DPMC email; the article implies it came "
               "before the Cook call of 24 April, which the exchange set up. "
               "The writer at Apple is not named."),
    dict(id="cook-call",
         title="Ardern phones Tim Cook",
         kind="phone-call",
         date="2019-04-24",
         date_phrase="a day later",
         place=None,
         participants=["ardern", "cook"],
         initiator="ardern",
         evidence=[
             "a day later she phoned Apple chief executive Tim Cook",
         ],
         tags=["christchurch-call", "oia-emails"],
         notes="\"A day later\" than the Pichai call of 23 April."),
    dict(id="bezos-call",
         title="Ardern talks to Jeff Bezos",
         kind="phone-call",
         date="2019-05-02",
         date_phrase="on May 2",
         place=None,
         participants=["ardern", "bezos"],
         initiator="ardern",
         evidence=[
             "She talked to Jeff Bezos, head of Amazon, on May 2, a "
             "conversation that Ardern \"very much enjoyed\"",
             "Ardern's staff tried to arrange phone calls with top tech "
             "executives",
         ],
         tags=["christchurch-call", "oia-emails"],
         notes="A phone call and Ardern as initiator are inferred from the "
               "account of her staff arranging phone calls with tech "
               "executives; Amazon's reply also calls it \"the call\"."),
    dict(id="dpmc-email-amazon",
         title="DPMC official emails Amazon after the Bezos call",
         kind="email",
         date="2019-05-02/2019-09-08",
         date_phrase="",
         place=None,
         participants=["dpmc", "amazon"],
         initiator="dpmc",
         evidence=[
             "according to an email from a official from the Department of "
             "the Prime Minister and Cabinet",
         ],
         tags=["christchurch-call", "oia-emails"],
         notes="Says Ardern \"very much enjoyed\" the 2 May call. Undated: "
               "after the call and before publication; probably soon after "
               "the call. The recipient is inferred from the reply coming "
               "from an Amazon official."),
    dict(id="amazon-reply",
         title="Amazon official replies: \"Jeff also really enjoyed the call\"",
         kind="email",
         date="2019-05-02/2019-09-08",
         date_phrase="",
         place=None,
         participants=["amazon", "dpmc"],
         initiator="amazon",
         evidence=[
             "The reply from an Amazon official was just as enthusiastic: "
             "\"Jeff also really enjoyed the call.\"",
         ],
         tags=["christchurch-call", "oia-emails"],
         notes="Reply to the DPMC email; undated, bounded like it."),
    dict(id="wojcicki-call",
         title="Ardern talks with Susan Wojcicki by phone",
         kind="phone-call",
         date="2019-05",
         date_phrase="at the start of May",
         place=None,
         participants=["ardern", "wojcicki"],
         initiator="ardern",
         evidence=[
             "She also earned praise after talking with YouTube chief "
             "executive Susan Wojcicki, who emailed Ardern's office after "
             "their phone call at the start of May.",
             "It was an honour to speak with you on the phone earlier this "
             "month.",
         ],
         tags=["christchurch-call", "oia-emails"],
         notes="\"At the start of May\": early May 2019; EDTF level 1 has "
               "no way to say \"early in the month\" without inventing "
               "bounds, so the month is recorded. Ardern as initiator is "
               "inferred from her staff arranging calls with tech "
               "executives."),
    dict(id="wojcicki-email",
         title="Wojcicki emails Ardern's office after their call",
         kind="email",
         date="2019-05",
         date_phrase="earlier this month",
         place=None,
         participants=["wojcicki", "ardern"],
         initiator="wojcicki",
         evidence=[
             "who emailed Ardern's office after their phone call at the "
             "start of May",
             "\"It was an honour to speak with you on the phone earlier this "
             "month. I continue to be inspired by your words and actions to "
             "drive change in the wake of the tragedy in Christchurch,\" "
             "Wojcicki wrote in an email.",
             "\"I look forward to following up with you on this important "
             "issue and hope to meet you in person soon.",
         ],
         tags=["christchurch-call", "oia-emails"],
         notes="Dated by the email's own words: the call was \"earlier this "
               "month\", so the email was written in May 2019, after the "
               "call. Addressed to Ardern through her office."),
    dict(id="dorsey-paris-meeting",
         title="Ardern and Dorsey meet one-on-one in Paris",
         kind="meeting",
         date="2019-05-01/2019-05-14",
         date_phrase="in May in the days leading up to the Christchurch Call "
                     "summit",
         place="Paris",
         participants=["ardern", "dorsey"],
         initiator=None,
         evidence=[
             "The notoriously quiet and eccentric Dorsey met Ardern for a "
             "one-on-one meeting for the first time in Paris in May",
             "Jacinda Ardern meeting Jack Dorsey in Paris in May in the days "
             "leading up to the Christchurch Call summit.",
         ],
         tags=["christchurch-call", "first-meeting"],
         notes="Their first meeting in person. \"In May\" and before the "
               "summit of 15 May give 1-14 May; \"in the days leading up "
               "to\" suggests the last few of those days. The photo caption "
               "(credited to the PMO) says the same."),
    dict(id="christchurch-call-summit",
         title="Christchurch Call summit in Paris",
         kind="summit",
         date="2019-05-15",
         date_phrase="earlier in the year",
         place="Paris",
         participants=["ardern", "dorsey"],
         initiator=None,
         evidence=[
             "\"The two met at the Christchurch Call earlier in the year",
             "though Zuckerberg did not make it to the Christchurch Call "
             "summit in Paris",
         ],
         tags=["christchurch-call"],
         notes="The article does not date the summit; it was held in Paris "
               "on 15 May 2019 (outside knowledge). Only Ardern and Dorsey "
               "are placed there by the text; Zuckerberg did not attend. "
               "Signing the Call (see the signatories event) does not by "
               "itself place a signatory at the summit."),
    dict(id="nine-point-plan",
         title="Five tech companies commit to a nine-point plan",
         kind="agreement",
         date="2019-05-15?",
         date_phrase="",
         place=None,
         participants=["twitter", "facebook", "amazon", "google",
                       "microsoft"],
         initiator=None,
         evidence=[
             "Twitter is also one of five companies - along with Facebook, "
             "Amazon, Google and Microsoft - to commit to a nine-point plan "
             "to tackle digital harm.",
         ],
         tags=["christchurch-call"],
         notes="Undated in the article. The companies published the plan "
               "with the Christchurch Call on 15 May 2019 (outside "
               "knowledge, hence uncertain)."),
    dict(id="christchurch-call-signatories",
         title="The Christchurch Call is signed",
         kind="agreement",
         date="2019-05-15/2019-09-08",
         date_phrase="",
         place=None,
         participants=["signatory-countries", "european-commission",
                       "twitter"],
         initiator=None,
         evidence=[
             "The call, a voluntary set of guidelines aimed at eliminating "
             "violent extremism and terrorist content from online platforms, "
             "has been signed by 17 countries, the European Commission, and "
             "eight online platform providers including Twitter.",
         ],
         tags=["christchurch-call"],
         notes="The state of signatures at publication, adopted from the "
               "summit (15 May 2019) on. The 17 countries are not named and "
               "are kept as one group; of the eight online platform "
               "providers only Twitter is named, so the other seven are not "
               "recorded. New Zealand is not listed as a signatory by the "
               "text."),
    dict(id="dorsey-account-hack",
         title="Dorsey's Twitter account hacked to send racist tweets",
         kind="incident",
         date="2019-08-30",
         date_phrase="last Friday",
         place=None,
         participants=["dorsey-hackers", "dorsey", "twitter"],
         initiator="dorsey-hackers",
         evidence=[
             "Dorsey's account was hacked last Friday and used to send "
             "racist and vulgar tweets to his 4.2 million followers.",
             "The tweets included messages such as \"Hitler is innocent\".",
             "Twitter suspended accounts that the hacker or hackers "
             "retweeted while they had control of Dorsey's account, and "
             "temporarily turned off the ability to tweet via text message.",
         ],
         tags=["hack", "twitter"],
         notes="\"Last Friday\" resolved against the publication week "
               "(2-8 September 2019): Friday 30 August 2019. Twitter's "
               "response (suspending accounts, turning off tweeting by text "
               "message) is kept in this event."),
    dict(id="spokesman-confirms-meeting",
         title="Ardern's spokesman confirms the Monday meeting",
         kind="public-statement",
         date="2019-09-02/2019-09-08",
         date_phrase="",
         place=None,
         participants=["ardern"],
         initiator="ardern",
         evidence=[
             "A spokesman for Ardern confirmed that they would meet again on "
             "Monday.",
             "\"The Prime Minister confirmed she will be having a follow up "
             "meeting with Twitter CEO Jack Dorsey on Monday in Wellington,\" "
             "the spokesman said.",
         ],
         tags=["christchurch-call"],
         notes="A statement to the Herald by an unnamed spokesman; dated "
               "to the publication week."),
    dict(id="wellington-follow-up",
         title="Ardern hosts Dorsey in Wellington for a follow-up meeting",
         kind="meeting",
         date="2019-09-09",
         date_phrase="next week ... on Monday",
         place="Wellington",
         participants=["ardern", "dorsey"],
         initiator=None,
         evidence=[
             "Prime Minister Jacinda Ardern will host Twitter boss Jack "
             "Dorsey in Wellington next week to continue discussions on how "
             "to eliminate terrorist content from social media platforms.",
             "The Prime Minister confirmed she will be having a follow up "
             "meeting with Twitter CEO Jack Dorsey on Monday in Wellington",
         ],
         tags=["christchurch-call", "planned"],
         notes="Announced, not yet held, when the article appeared. \"Next "
               "week\" and \"on Monday\" resolved against the publication "
               "week (2-8 September 2019): Monday 9 September 2019. Ardern "
               "hosts; who asked for the meeting is not said."),
    dict(id="unga-trip",
         title="Ardern to attend the UN General Assembly in New York",
         kind="summit",
         date="2019-09-16~/2019-09-22~",
         date_phrase="in two weeks",
         place="New York",
         participants=["ardern"],
         initiator=None,
         evidence=[
             "The meeting is timely as Ardern prepares to head to New York "
             "in two weeks to attend the United Nations General Assembly and "
             "follow up on progress on the Christchurch Call.",
         ],
         tags=["christchurch-call", "planned", "united-nations"],
         notes="Planned when the article appeared. \"In two weeks\" from "
               "the publication week (2-8 September 2019) gives about "
               "16-22 September 2019, both ends approximate; this is when "
               "she heads to New York. (Outside knowledge: the Christchurch "
               "Call leaders' meeting at the UN was on 23 September and the "
               "general debate opened on 24 September 2019.)"),
]

DOCUMENT = dict(
    title="Ardern and the tech chiefs: the Christchurch Call",
    description="Jacinda Ardern's meetings, phone calls and emails with "
                "technology company leaders around the Christchurch Call, "
                "as reported by the NZ Herald in September 2019 (partly from "
                "emails released under the Official Information Act).",
    view=dict(layout="radial", focus="ardern",
              filter={"from": None, "to": None, "kinds": []}),
)


def selector(text, exact, where):
    count = text.count(exact)
    assert count == 1, "%s: quote occurs %d times: %r" % (where, count, exact)
    start = text.index(exact)
    end = start + len(exact)
    assert text[start:end] == exact
    return {
        "exact": exact,
        "prefix": text[max(0, start - CONTEXT):start],
        "suffix": text[end:end + CONTEXT],
        "start": start,
        "end": end,
    }


def build(text):
    actor_ids = {a["id"] for a in ACTORS}
    assert len(actor_ids) == len(ACTORS), "duplicate actor id"
    kind_ids = {"meeting", "phone-call", "email", "summit",
                "public-statement", "other"} | {k[0] for k in EVENT_KINDS}

    actors = []
    for a in ACTORS:
        assert a["affiliation"] is None or a["affiliation"] in actor_ids, a["id"]
        actors.append({
            "id": a["id"],
            "name": a["name"],
            "kind": a["kind"],
            "role": a["role"],
            "affiliation": a["affiliation"],
            "color": None,
            "aliases": list(a["aliases"]),
            "notes": a["notes"],
            "position": None,
        })

    source = {
        "id": SOURCE["id"],
        "title": SOURCE["title"],
        "publisher": SOURCE["publisher"],
        "author": SOURCE["author"],
        "url": SOURCE["url"],
        "published": SOURCE["published"],
        "retrieved": SOURCE["retrieved"],
        "notes": SOURCE["notes"],
        "text": text,
    }

    events = []
    seen = set()
    for e in EVENTS:
        assert e["id"] not in seen, "duplicate event id " + e["id"]
        seen.add(e["id"])
        assert e["kind"] in kind_ids, e["id"]
        assert e["participants"], e["id"]
        for p in e["participants"]:
            assert p in actor_ids, "%s: unknown participant %s" % (e["id"], p)
        assert e["initiator"] is None or e["initiator"] in e["participants"], \
            e["id"]
        assert e["evidence"], e["id"]
        events.append({
            "id": e["id"],
            "title": e["title"],
            "kind": e["kind"],
            "date": e["date"],
            "date_phrase": e["date_phrase"],
            "place": e["place"],
            "participants": list(e["participants"]),
            "initiator": e["initiator"],
            "evidence": [
                {"source": SOURCE_ID,
                 "selector": selector(text, q, e["id"])}
                for q in e["evidence"]
            ],
            "tags": list(e["tags"]),
            "notes": e["notes"],
        })

    return {
        "format": "ties",
        "version": 1,
        "title": DOCUMENT["title"],
        "description": DOCUMENT["description"],
        "event_kinds": [
            {"id": i, "label": label, "line": line}
            for i, label, line in EVENT_KINDS
        ],
        "actors": actors,
        "sources": [source],
        "events": events,
        "view": {
            "layout": DOCUMENT["view"]["layout"],
            "focus": DOCUMENT["view"]["focus"],
            "filter": {
                "from": DOCUMENT["view"]["filter"]["from"],
                "to": DOCUMENT["view"]["filter"]["to"],
                "kinds": list(DOCUMENT["view"]["filter"]["kinds"]),
            },
        },
    }


def main(argv):
    path = argv[1] if len(argv) > 1 else DEFAULT_ARTICLE
    # newline="" keeps the text exactly as in the file (no newline
    # translation); nothing is stripped.
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    doc = build(text)
    data = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    with open(OUTPUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
