#!/usr/bin/env python3
"""Parses feeds with feedparser (a parser no one here wrote) and checks the elements it does
not: RSS guid and RFC 822 pubDate, Atom id, updated and author. Prints one JSON line per
feed with its item titles. Usage: check_feeds.py FILE..."""
import email.utils
import json
import sys
import xml.etree.ElementTree as ET

import feedparser

ATOM = "{http://www.w3.org/2005/Atom}"
failures = []


def fail(path, message):
    failures.append(f"{path}: {message}")


for path in sys.argv[1:]:
    parsed = feedparser.parse(path)
    if parsed.bozo:
        fail(path, f"feedparser: {parsed.bozo_exception!r}")
    root = ET.parse(path).getroot()
    if root.tag == "rss":
        channel = root.find("channel")
        for tag in ("title", "link", "description"):
            if channel.find(tag) is None:
                fail(path, f"channel has no <{tag}>")
        for item in channel.findall("item"):
            title = item.findtext("title")
            if not item.findtext("guid"):
                fail(path, f"item {title!r} has no guid")
            date = item.findtext("pubDate")
            if not date or email.utils.parsedate_to_datetime(date) is None:
                fail(path, f"item {title!r} pubDate {date!r} is not RFC 822")
    elif root.tag == f"{ATOM}feed":
        for tag in ("id", "updated", "title"):
            if root.find(f"{ATOM}{tag}") is None:
                fail(path, f"feed has no <{tag}>")
        feed_author = root.find(f"{ATOM}author") is not None
        for entry in root.findall(f"{ATOM}entry"):
            title = entry.findtext(f"{ATOM}title")
            for tag in ("id", "updated", "title"):
                if not entry.findtext(f"{ATOM}{tag}"):
                    fail(path, f"entry {title!r} has no <{tag}>")
            if entry.find(f"{ATOM}author") is None and not feed_author:
                fail(path, f"entry {title!r} has no author")
    else:
        fail(path, f"unknown root element {root.tag}")
    print(json.dumps({"file": path, "version": parsed.version, "titles": [e.title for e in parsed.entries]}))

for message in failures:
    print(message, file=sys.stderr)
sys.exit(1 if failures else 0)
