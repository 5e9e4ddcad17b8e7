-- Grows the Varient fixture (load varient-basic.sql first) into a large site for the import
-- benchmark: @posts generated posts (ids from 1001) with a tag and a reaction row each, and
-- three comments per post (every third a reply). Uses MariaDB's SEQUENCE engine.
-- (echo "SET @posts = 100000;"; cat bench/varient-generate.sql) | mysql -uroot -h127.0.0.1 DB
SET @posts = COALESCE(@posts, 100000);
SET @comments = @posts * 3;
SET SESSION sql_mode = '';
START TRANSACTION;
INSERT INTO posts (id, lang_id, title, title_slug, keywords, summary, content, category_id,
    image_big, image_default, image_url, pageviews, is_breaking, visibility, status, post_type,
    user_id, is_scheduled, created_at)
SELECT 1000 + seq, 1, CONCAT('Generated story number ', seq), CONCAT('generated-story-', seq),
    CONCAT('keyword ', seq % 97, ', coast'), CONCAT('A summary of generated story ', seq, '.'),
    CONCAT('<p>Paragraph one of story ', seq, ' with <strong>bold</strong> and <em>emphasis</em>, ',
           'and <a href="https://example.org/', seq, '">a link</a>.</p>\r\n<p>',
           REPEAT('Words of an ordinary news story, written for the benchmark. ', 25), '</p>\r\n<h3>A heading</h3>\r\n<p>',
           REPEAT('More of the same story in a second paragraph. ', 25), '</p>\r\n<p>&nbsp;</p>'),
    1 + seq % 6, CONCAT('uploads/images/202001/image_870x580_', seq, '.jpg'), '', '', seq % 5000,
    0, 1, 1, 'article', 1 + seq % 3, 0, DATE_ADD('2020-01-01 00:00:00', INTERVAL seq MINUTE)
FROM seq_1_to_1000000 WHERE seq <= @posts;
INSERT INTO tags (post_id, tag, tag_slug)
SELECT 1000 + seq, CONCAT('Topic ', seq % 500), CONCAT('topic-', seq % 500)
FROM seq_1_to_1000000 WHERE seq <= @posts;
INSERT INTO reactions (post_id, re_like, re_dislike, re_love, re_funny, re_angry, re_sad, re_wow)
SELECT 1000 + seq, seq % 50, seq % 3, seq % 7, 0, 0, seq % 2, 1
FROM seq_1_to_1000000 WHERE seq <= @posts;
INSERT INTO comments (id, parent_id, post_id, user_id, email, name, comment, ip_address, status, created_at)
SELECT 1000 + seq, IF(seq % 3 = 0, 1000 + seq - 1, 0), 1001 + (seq - 1) DIV 3, 0,
    CONCAT('reader', seq % 1000, '@mail.example'), CONCAT('Reader ', seq % 1000),
    CONCAT('Comment number ', seq, ': I read this story and have something to say about it.'),
    '192.0.2.1', IF(seq % 10 = 0, 0, 1), DATE_ADD('2020-01-02 00:00:00', INTERVAL seq MINUTE)
FROM seq_1_to_3000000 WHERE seq <= @comments;
COMMIT;
