#!/usr/bin/env python3
"""Writes a WordPress export (WXR 1.2) of N posts to standard output, for bench/wordpress.sh.

Each post has a Gutenberg body of a few paragraphs, a category (of 20, some nested), three
tags (of 500), one of 50 authors and, every third post, two comments (one a reply). It is
written as it goes, so the generator needs no memory for N.
Usage: python3 bench/wxr-generate.py 100000 > /tmp/big.xml
"""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
out = sys.stdout
w = out.write
w('<?xml version="1.0" encoding="UTF-8" ?>\n')
w('<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
  'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
  'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n')
w('<channel>\n<title>Bench</title>\n<link>https://bench.example</link>\n')
w('<wp:wxr_version>1.2</wp:wxr_version>\n<wp:base_site_url>https://bench.example</wp:base_site_url>\n')
w('<wp:base_blog_url>https://bench.example</wp:base_blog_url>\n')
for a in range(50):
    w(f'<wp:author><wp:author_id>{a + 1}</wp:author_id><wp:author_login><![CDATA[author{a}]]></wp:author_login>'
      f'<wp:author_email><![CDATA[author{a}@bench.example]]></wp:author_email>'
      f'<wp:author_display_name><![CDATA[Author {a}]]></wp:author_display_name></wp:author>\n')
for c in range(20):
    parent = f'cat{c // 5 * 5}' if c % 5 else ''
    w(f'<wp:category><wp:term_id>{c + 1}</wp:term_id><wp:category_nicename><![CDATA[cat{c}]]></wp:category_nicename>'
      f'<wp:category_parent><![CDATA[{parent}]]></wp:category_parent><wp:cat_name><![CDATA[Category {c}]]></wp:cat_name></wp:category>\n')
words = ("the council said on tuesday that the new market would open before the rains "
         "and traders welcomed the plan though some asked who would pay for the stalls").split()
comment_id = 0
for i in range(1, n + 1):
    para = []
    for p in range(4):
        start = (i + p * 7) % len(words)
        text = ' '.join(words[start:] + words[:start])
        para.append(f'<!-- wp:paragraph -->\n<p>{text.capitalize()} ({i}.{p}).</p>\n<!-- /wp:paragraph -->')
    body = '\n\n'.join(para)
    day = 1 + i % 28
    month = 1 + i % 12
    status = 'draft' if i % 50 == 0 else 'publish'
    w('<item>\n')
    w(f'<title>Bench story number {i}</title>\n<link>https://bench.example/2024/{month:02d}/{day:02d}/bench-story-{i}/</link>\n')
    w(f'<dc:creator><![CDATA[author{i % 50}]]></dc:creator>\n')
    w(f'<content:encoded><![CDATA[{body}]]></content:encoded>\n')
    w(f'<excerpt:encoded><![CDATA[Summary of story {i}.]]></excerpt:encoded>\n')
    w(f'<wp:post_id>{i}</wp:post_id>\n<wp:post_date>2024-{month:02d}-{day:02d} 10:00:00</wp:post_date>\n')
    w(f'<wp:post_date_gmt>2024-{month:02d}-{day:02d} 07:00:00</wp:post_date_gmt>\n')
    w(f'<wp:post_name>bench-story-{i}</wp:post_name>\n<wp:status>{status}</wp:status>\n')
    w('<wp:post_type>post</wp:post_type>\n<wp:post_password></wp:post_password>\n<wp:is_sticky>0</wp:is_sticky>\n')
    w(f'<category domain="category" nicename="cat{i % 20}"><![CDATA[Category {i % 20}]]></category>\n')
    for t in range(3):
        tag = (i * 7 + t * 131) % 500
        w(f'<category domain="post_tag" nicename="tag{tag}"><![CDATA[Tag {tag}]]></category>\n')
    if i % 3 == 0:
        first = comment_id + 1
        for k in range(2):
            comment_id += 1
            parent = first if k == 1 else 0
            w(f'<wp:comment><wp:comment_id>{comment_id}</wp:comment_id>'
              f'<wp:comment_author><![CDATA[Reader {comment_id % 97}]]></wp:comment_author>'
              f'<wp:comment_author_email>reader{comment_id % 97}@example.org</wp:comment_author_email>'
              f'<wp:comment_date_gmt>2024-{month:02d}-{day:02d} 12:00:00</wp:comment_date_gmt>'
              f'<wp:comment_content><![CDATA[Comment {comment_id} on story {i}.]]></wp:comment_content>'
              f'<wp:comment_approved>1</wp:comment_approved><wp:comment_type>comment</wp:comment_type>'
              f'<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>\n')
    w('</item>\n')
w('</channel>\n</rss>\n')
