#!/usr/bin/env python3
"""Checks a Google News sitemap's structure (the sitemaps.org schema rejects the news
extension without its own schema): every <url> has a <loc> and a <news:news> with the
publication's name and language, the publication date (W3C datetime) and the title."""
import datetime
import sys
import xml.etree.ElementTree as ET

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
problems = []
root = ET.parse(sys.argv[1]).getroot()
urls = root.findall(f"{SM}url")
if len(urls) > 1000:
    problems.append(f"{len(urls)} URLs; Google reads at most 1,000")
for url in urls:
    loc = url.findtext(f"{SM}loc")
    news = url.find(f"{NEWS}news")
    if not loc or news is None:
        problems.append(f"{loc}: no <loc> or <news:news>")
        continue
    for path in (f"{NEWS}publication/{NEWS}name", f"{NEWS}publication/{NEWS}language", f"{NEWS}publication_date", f"{NEWS}title"):
        if not news.findtext(path):
            problems.append(f"{loc}: missing {path.replace(NEWS, 'news:')}")
    date = news.findtext(f"{NEWS}publication_date") or ""
    try:
        datetime.datetime.fromisoformat(date)
    except ValueError:
        problems.append(f"{loc}: publication_date {date!r} is not a W3C datetime")
print(f"{len(urls)} news entries checked")
for p in problems:
    print(p, file=sys.stderr)
sys.exit(1 if problems else 0)
