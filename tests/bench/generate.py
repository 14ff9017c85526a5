#!/usr/bin/python3
# generate.py: writes a large, valid, deterministic Ties document for benchmarks
#
# Copyright 2026 The Ties authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: generate.py N_EVENTS OUTPUT [SEED]
#
# About N/5 actors (at least 50), N/100 sources (at least 1) each with a few
# KB of article text, and N events of the built-in kinds with EDTF dates of
# mixed precision, 2-4 participants, an initiator, and 1-2 evidence items
# quoting their source exactly (code-point offsets, 32-character context).

import json
import random
import sys

KINDS = ["meeting", "phone-call", "email", "summit", "public-statement", "other"]

FIRST_NAMES = [
    "Jacinda", "Jack", "Mark", "Jeff", "Sundar", "Tim", "Brad", "Susan", "David",
    "Andrew", "Kris", "Emmanuel", "Angela", "Zoë", "Chloé", "José", "Søren",
    "Björn", "Łukasz", "Małgorzata", "Dvořák", "Renée", "François", "Mārama",
    "Tūhoe", "Hēmi", "Anaïs", "Jürgen", "Núñez", "Çelik", "Oğuz", "Ingrid",
    "Priya", "Wei", "Haruto", "Aroha", "Ngaio", "Tamati", "Olga", "Ewa",
]
LAST_NAMES = [
    "Ardern", "Dorsey", "Zuckerberg", "Bezos", "Pichai", "Cook", "Smith",
    "Wojcicki", "Parker", "Little", "Faafoi", "Macron", "Merkel", "Müller",
    "García", "Sánchez", "Øverland", "Ångström", "Kowalski", "Nováková",
    "Ōtaki", "Te Rangi", "Pāora", "Lefèvre", "Gonçalves", "Şahin", "Žukauskas",
    "Brontë", "Nakamura", "Chen", "Okafor", "Horomona", "Wāka", "Peters",
]
ORG_WORDS = [
    "Digital", "Pacific", "Southern", "Harbour", "Kiwi", "Aotearoa", "Global",
    "Civic", "Open", "Northern", "Tasman", "Meridian", "Summit", "Signal",
]
ORG_KINDS = [
    "Trust", "Foundation", "Ministry", "Networks", "Media", "Council", "Group",
    "Labs", "Institute", "Alliance", "Authority", "Holdings",
]
ROLES = [
    "Prime Minister", "chief executive", "minister", "spokesperson", "founder",
    "policy director", "adviser", "chair", "head of safety", "ambassador", "",
]
PLACES = [
    "Wellington", "Auckland", "Christchurch", "Paris", "Davos", "New York",
    "Brussels", "San Francisco", "Tōkyō", "São Paulo", "Zürich", "Kraków",
    "Rotorua", "Dunedin", "Genève", "Reykjavík", None, None,
]
TOPICS = [
    "terrorist content", "online safety", "the Christchurch Call", "content moderation",
    "livestreaming rules", "algorithmic transparency", "digital harm",
    "privacy legislation", "the nine-point plan", "crisis response protocols",
    "extremist material", "platform accountability", "the election campaign",
]
VERBS = [
    "met", "spoke with", "wrote to", "called", "briefed", "thanked",
    "pressed", "challenged", "praised", "reassured", "invited", "warned",
]
TITLE_PATTERNS = {
    "meeting": ["{a} meets {b} in {place}", "{a} and {b} meet to discuss {topic}",
                "Private meeting between {a} and {b}"],
    "phone-call": ["{a} calls {b} about {topic}", "Phone call between {a} and {b}",
                   "{a} rings {b} after the attack"],
    "email": ["{a} emails {b} on {topic}", "{b} replies to {a}'s letter",
              "Officials from {a}'s office write to {b}"],
    "summit": ["{a} and {b} attend the {place} summit", "Summit on {topic} in {place}"],
    "public-statement": ["{a} makes a statement on {topic}", "{a} responds publicly to {b}"],
    "other": ["{a} and {b} sign a joint letter", "{a} and {b} appear on a panel about {topic}"],
}
SENTENCE_PATTERNS = [
    "{a} {verb} {b} on {weekday} to discuss {topic}.",
    "According to emails released under the Official Information Act, {a} {verb} {b} in {month}.",
    "\"We have made real progress on {topic},\" {a} said after the talks with {b}.",
    "A spokesperson for {a} confirmed that the two would meet again in {place2}.",
    "{b} had already {verb} {a} at an event in {place2} earlier in the year, officials said.",
    "The discussion with {b} covered {topic} and {topic2}, according to a summary seen by reporters.",
    "{a} declined to say whether {b} had agreed to the proposals on {topic}.",
    "In a letter dated {day} {month}, {b} thanked {a} for \"a constructive conversation\".",
    "Critics said the talks between {a} and {b} did little to address {topic}.",
    "It was the {nth} time {a} and {b} had spoken since March, the office said.",
    "{a}, who has led the push on {topic}, {verb} {b} by phone from {place2}.",
    "The meeting in {place2} lasted about {minutes} minutes and was described as frank.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
NTH = ["second", "third", "fourth", "fifth", "sixth", "seventh"]
TAGS = ["oia-emails", "christchurch-call", "follow-up", "first-contact", "planned",
        "confirmed", "reported", "united-nations", "world-economic-forum", "privacy"]
DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def slug(text):
    out = []
    for ch in text.lower():
        if ch.isascii() and ch.isalnum():
            out.append(ch)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-") or "x"


def number(value):
    # Ties writes integral numbers without ".0", as JSON allows; do the same
    # so that a load and save gives back the same bytes.
    value = round(value, 2)
    return int(value) if value == int(value) else value


def make_actors(rng, n):
    actors = []
    seen = set()
    n_orgs = max(5, n // 5)
    orgs = []
    for i in range(n):
        if i < n_orgs:
            name = f"{rng.choice(ORG_WORDS)} {rng.choice(ORG_KINDS)}"
            kind = "organisation" if rng.random() < 0.8 else "group"
        else:
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            kind = "person"
        base = slug(name)
        ident = base
        k = 2
        while ident in seen:
            ident = f"{base}-{k}"
            k += 1
        seen.add(ident)
        affiliation = None
        if kind == "person" and orgs and rng.random() < 0.7:
            affiliation = rng.choice(orgs)
        color = None
        if rng.random() < 0.2:
            color = "#%06x" % rng.randrange(0x1000000)
        position = None
        if rng.random() < 0.3:
            position = {"x": number(rng.uniform(-500, 500)),
                        "y": number(rng.uniform(-500, 500)),
                        "pinned": rng.random() < 0.5}
        aliases = []
        if kind == "person":
            aliases = [name.split(" ")[-1]]
            if rng.random() < 0.3:
                aliases.append(f"the {rng.choice([r for r in ROLES if r])}")
        actors.append({
            "id": ident,
            "name": name,
            "kind": kind,
            "role": rng.choice(ROLES) if kind == "person" else "",
            "affiliation": affiliation,
            "color": color,
            "aliases": aliases,
            "notes": "" if rng.random() < 0.6 else f"Mentioned in connection with {rng.choice(TOPICS)}.",
            "position": position,
        })
        if kind == "organisation":
            orgs.append(ident)
    return actors


def sentence(rng, actors):
    a = rng.choice(actors)["name"]
    b = rng.choice(actors)["name"]
    return rng.choice(SENTENCE_PATTERNS).format(
        a=a, b=b, verb=rng.choice(VERBS), weekday=rng.choice(WEEKDAYS),
        topic=rng.choice(TOPICS), topic2=rng.choice(TOPICS), month=rng.choice(MONTHS),
        place2=rng.choice([p for p in PLACES if p]), day=rng.randint(1, 28),
        nth=rng.choice(NTH), minutes=rng.choice([20, 30, 40, 45, 60, 90]))


def make_source(rng, index, actors):
    paragraphs = []
    sentences = []
    used = set()
    # Several paragraphs, a few KB in all
    for _ in range(rng.randint(6, 10)):
        para = []
        for _ in range(rng.randint(3, 6)):
            s = sentence(rng, actors)
            if s in used:
                continue
            used.add(s)
            para.append(s)
        paragraphs.append(" ".join(para))
    text = "\n".join(paragraphs)
    # Quotable sentences: those found exactly once in the text
    for s in used:
        start = text.find(s)
        if start >= 0 and text.find(s, start + 1) < 0:
            sentences.append((start, start + len(s)))
    sentences.sort()
    year = rng.randint(2015, 2024)
    month = rng.randint(1, 12)
    title = f"{rng.choice(LAST_NAMES)} and {rng.choice(LAST_NAMES)} discuss {rng.choice(TOPICS)}"
    source = {
        "id": f"source-{index:05d}",
        "title": title,
        "publisher": rng.choice(["NZ Herald", "Stuff", "RNZ", "The Spinoff", "Le Monde", "Süddeutsche Zeitung"]),
        "author": rng.choice(["", f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"]),
        "url": f"https://news.example.org/{year}/{month:02d}/{slug(title)}-{index}",
        "published": f"{year}-{month:02d}-{rng.randint(1, 28):02d}",
        "retrieved": rng.choice([None, f"{year + 1}-01-15"]),
        "notes": "",
        "text": text,
    }
    return source, sentences


def make_date(rng):
    year = rng.randint(2015, 2024)
    month = rng.randint(1, 12)
    day = rng.randint(1, DAYS_IN_MONTH[month - 1])
    r = rng.random()
    if r < 0.45:
        return f"{year}-{month:02d}-{day:02d}"
    if r < 0.65:
        return f"{year}-{month:02d}"
    if r < 0.72:
        return f"{year}"
    if r < 0.77:
        return f"{year}-{month:02d}-{day:02d}" + rng.choice(["~", "?", "%"])
    if r < 0.80:
        return f"{year}-{rng.randint(21, 24)}"
    if r < 0.92:
        end_day = min(DAYS_IN_MONTH[month - 1], day + rng.randint(1, 10))
        return f"{year}-{month:02d}-{day:02d}/{year}-{month:02d}-{end_day:02d}"
    if r < 0.95:
        return f"{year}-{month:02d}/.."
    return None


def evidence_for(rng, source, sentences):
    text = source["text"]
    start, end = rng.choice(sentences)
    return {
        "source": source["id"],
        "selector": {
            "exact": text[start:end],
            "prefix": text[max(0, start - 32):start],
            "suffix": text[end:end + 32],
            "start": start,
            "end": end,
        },
    }


def generate(n_events, seed):
    rng = random.Random(seed)
    n_actors = max(50, n_events // 5)
    n_sources = max(1, n_events // 100)

    actors = make_actors(rng, n_actors)
    sources = []
    quotable = []
    for i in range(n_sources):
        source, sentences = make_source(rng, i + 1, actors)
        sources.append(source)
        quotable.append(sentences)

    # Some actors are far busier than others, as in real reporting.
    weights = [1.0 / (1 + (i % 97)) for i in range(n_actors)]
    names = {a["id"]: a["name"] for a in actors}
    events = []
    for i in range(n_events):
        kind = rng.choice(KINDS)
        people = []
        for a in rng.choices(actors, weights=weights, k=rng.randint(2, 4)):
            if a["id"] not in people:
                people.append(a["id"])
        if len(people) < 2:
            other = rng.choice(actors)["id"]
            while other == people[0]:
                other = rng.choice(actors)["id"]
            people.append(other)
        s = rng.randrange(n_sources)
        evidence = [evidence_for(rng, sources[s], quotable[s])]
        if rng.random() < 0.5:
            s2 = rng.randrange(n_sources)
            evidence.append(evidence_for(rng, sources[s2], quotable[s2]))
        place = rng.choice(PLACES)
        title = rng.choice(TITLE_PATTERNS[kind]).format(
            a=names[people[0]], b=names[people[1]],
            place=place or "Wellington", topic=rng.choice(TOPICS))
        events.append({
            "id": f"event-{i + 1:06d}",
            "title": title,
            "kind": kind,
            "date": make_date(rng),
            "date_phrase": rng.choice(["", "last week", "earlier in the year", "on Monday", "in May"]),
            "place": place,
            "participants": people,
            "initiator": rng.choice([None, people[0], people[-1]]),
            "evidence": evidence,
            "tags": rng.sample(TAGS, rng.randint(0, 3)),
            "notes": "" if rng.random() < 0.5 else
                     f"Reported in {sources[s]['publisher']}; the date is {rng.choice(['inferred', 'as printed', 'approximate'])}.",
        })

    return {
        "format": "ties",
        "version": 1,
        "title": f"Benchmark network of {n_events} events",
        "description": f"Generated by tests/bench/generate.py with seed {seed}: {n_actors} actors, {n_sources} sources.",
        "event_kinds": [],
        "actors": actors,
        "sources": sources,
        "events": events,
        "view": {"layout": "force", "focus": None, "filter": {"from": None, "to": None, "kinds": []}},
    }


def main():
    if len(sys.argv) < 3:
        sys.stderr.write("usage: generate.py N_EVENTS OUTPUT [SEED]\n")
        return 2
    n_events = int(sys.argv[1])
    seed = int(sys.argv[2 + 1]) if len(sys.argv) > 3 else 20260101
    doc = generate(n_events, seed)
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
