//! Reader comments: what a valid comment is, the spam rules that hold or refuse one (each
//! recording why), moderation modes, threading, and rendering plain text safely.

use std::collections::HashMap;

use jiff::Timestamp;

use crate::config::{CommentSettings, Moderation};
use crate::domain::{Email, FieldErrors};
use crate::i18n::{Arg, Locale, Phrase};
use crate::newsroom::NewsroomError;
use crate::store::{Article, Comment, CommentStatus, NewComment, Store, StoreError};

pub const MAX_NAME: usize = 80;

/// A comment form token that was not made by this site for this article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ForgedToken;

/// A comment as a reader sends it, from the page's form or the API.
#[derive(Debug, Clone, Default)]
pub struct CommentSubmission {
    pub author_name: String,
    pub author_email: Option<String>,
    pub body: String,
    pub parent_id: Option<i64>,
    /// The hidden field people never see and bots fill in.
    pub honeypot: Option<String>,
    /// Seconds since the page with the form was served, from its signed token:
    /// `None` without a token.
    pub form_age: Option<Result<i64, ForgedToken>>,
}

/// What is wrong with one field of a reader's form: a message (`locales/*/reader.ftl`) and
/// its values, so the page says it in its language and the API in English.
#[derive(Debug, Clone)]
pub struct FormProblem {
    pub field: &'static str,
    pub message: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl FormProblem {
    pub fn new(field: &'static str, message: &'static str) -> FormProblem {
        FormProblem {
            field,
            message,
            args: Vec::new(),
        }
    }

    fn with(mut self, name: &'static str, value: impl Into<Arg>) -> FormProblem {
        self.args.push((name, value.into()));
        self
    }

    /// The problem in a language's words.
    pub fn in_language(&self, locale: &Locale) -> String {
        locale.format(self.message, &self.args)
    }

    /// Problems as the API reports them: in English, for developers.
    pub fn english(problems: &[FormProblem]) -> FieldErrors {
        let english = Locale::english();
        let mut errors = FieldErrors::new();
        for problem in problems {
            // Numbers as a program reads them (`5000`), not grouped for people.
            let args: Vec<(&str, Arg)> = problem
                .args
                .iter()
                .map(|(name, value)| match value {
                    Arg::Number(n) => (*name, Arg::Text(n.to_string())),
                    other => (*name, other.clone()),
                })
                .collect();
            errors.add(problem.field, english.format(problem.message, &args));
        }
        errors
    }
}

/// A reader's name, cleaned of what has no place in one: required, within `max`
/// characters; `messages` as for `check_text`.
pub fn check_name(
    text: &str,
    field: &'static str,
    messages: (&'static str, &'static str),
    max: usize,
    problems: &mut Vec<FormProblem>,
) -> Option<String> {
    check_text(&clean_text(text, true), field, messages, max, problems)
}

/// Text a reader must give, trimmed, within `max` characters; `messages` are the ids for
/// "missing" and "too long" (which gets `$length` and `$max`).
pub fn check_text(
    text: &str,
    field: &'static str,
    (missing, too_long): (&'static str, &'static str),
    max: usize,
    problems: &mut Vec<FormProblem>,
) -> Option<String> {
    let text = text.trim();
    let length = text.chars().count();
    if text.is_empty() {
        problems.push(FormProblem::new(field, missing));
        None
    } else if length > max {
        problems.push(
            FormProblem::new(field, too_long)
                .with("length", length)
                .with("max", max),
        );
        None
    } else {
        Some(text.to_owned())
    }
}

/// An email address a reader gave, if it is one.
pub fn check_email(
    text: &str,
    field: &'static str,
    invalid: &'static str,
    problems: &mut Vec<FormProblem>,
) -> Option<Email> {
    match Email::parse(text) {
        Ok(email) => Some(email),
        Err(_) => {
            problems.push(FormProblem::new(field, invalid).with("email", text.trim()));
            None
        }
    }
}

/// Why comments are closed on an article: a message (`reader.ftl`) and its count of days,
/// which the article template says in the page's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Closed {
    pub message: &'static str,
    pub days: u32,
}

impl Closed {
    pub fn in_language(&self, locale: &Locale) -> String {
        locale.format(self.message, &[("count", self.days.into())])
    }
}

/// Why a comment was not taken at all (held and spam comments are taken, and say so).
#[derive(Debug)]
pub enum Refusal {
    Invalid(Vec<FormProblem>),
    Closed(Closed),
    Newsroom(NewsroomError),
}

impl From<StoreError> for Refusal {
    fn from(error: StoreError) -> Self {
        Refusal::Newsroom(error.into())
    }
}

/// Whether readers may still comment on an article, and if not, why.
pub fn closed_reason(
    settings: &CommentSettings,
    article: &Article,
    now: Timestamp,
) -> Option<Closed> {
    if !article.comments_open {
        return Some(Closed {
            message: "comments-closed",
            days: 0,
        });
    }
    if settings.close_after_days > 0
        && let Some(published) = article.published_at
        && published.as_second() + i64::from(settings.close_after_days) * 86_400 <= now.as_second()
    {
        return Some(Closed {
            message: "comments-closed-after",
            days: settings.close_after_days,
        });
    }
    None
}

/// Removes what has no place in a name or comment: NUL and other control characters,
/// bidirectional overrides and isolates (text direction comes from `dir="auto"` on each
/// comment instead, so nobody can reverse the text around theirs), and piles of combining
/// marks ("zalgo").
pub fn clean_text(text: &str, is_name: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut marks = 0;
    for c in text.chars() {
        let bidi_control = matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}');
        if c == '\r' || (c.is_control() && c != '\n' && c != '\t') || bidi_control {
            continue;
        }
        let combining = matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}');
        if combining {
            marks += 1;
            if marks > 2 {
                continue;
            }
        } else {
            marks = 0;
        }
        if is_name && (c == '\n' || c == '\t') {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

fn count_links(text: &str) -> usize {
    text.match_indices("http://").count()
        + text.match_indices("https://").count()
        + text.match_indices("www.").count()
}

/// Checks a submission against the rules and decides its status and the reason for it.
pub async fn submit(
    store: &dyn Store,
    settings: &CommentSettings,
    article: &Article,
    submission: &CommentSubmission,
    reader_id: Option<&str>,
    now: Timestamp,
) -> Result<Comment, Refusal> {
    if let Some(reason) = closed_reason(settings, article, now) {
        return Err(Refusal::Closed(reason));
    }
    let mut problems = Vec::new();
    let name = check_name(
        &submission.author_name,
        "author_name",
        ("comment-name-missing", "comment-name-too-long"),
        MAX_NAME,
        &mut problems,
    );
    let email = match submission.author_email.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => check_email(text, "author_email", "comment-email-invalid", &mut problems),
    };
    let body = check_text(
        &clean_text(&submission.body, false),
        "body",
        ("comment-body-missing", "comment-body-too-long"),
        settings.max_length as usize,
        &mut problems,
    );
    let parent_id = match submission.parent_id {
        None => None,
        Some(id) => match store.comment_by_id(id).await {
            Ok(parent)
                if parent.article_id == article.id && parent.status == CommentStatus::Approved =>
            {
                Some(attach_point(store, parent, settings.max_depth).await?)
            }
            Ok(_) | Err(StoreError::NotFound) => {
                problems.push(FormProblem::new("parent_id", "comment-parent-gone"));
                None
            }
            Err(other) => return Err(other.into()),
        },
    };
    let (Some(name), Some(body), true) = (name, body, problems.is_empty()) else {
        return Err(Refusal::Invalid(problems));
    };
    let body = body.as_str();

    let (status, reason) = judge(store, settings, &name, email.as_ref(), body, submission).await?;
    let comment = NewComment {
        article_id: article.id,
        parent_id,
        author_name: name,
        author_email: email,
        body: body.to_owned(),
        status,
        reason,
        reader_id: reader_id.map(str::to_owned),
    };
    Ok(store.create_comment(&comment, now).await?)
}

/// Where a reply attaches: its parent, or the nearest ancestor that keeps it within the
/// deepest level the site shows.
async fn attach_point(
    store: &dyn Store,
    mut parent: Comment,
    max_depth: u32,
) -> Result<i64, Refusal> {
    while parent.depth + 1 >= i64::from(max_depth) {
        match parent.parent_id {
            Some(up) => parent = store.comment_by_id(up).await?,
            None => break,
        }
    }
    Ok(parent.id)
}

/// Why a reader's form post looks like a bot's, if it does: the hidden honeypot field
/// filled in, a forged form token, or a post sooner than people type (`min_seconds` after
/// the page was served). The comment form and the contact form share these defences.
pub fn bot_reason(
    honeypot: Option<&str>,
    form_age: Option<Result<i64, ForgedToken>>,
    min_seconds: u32,
) -> Option<String> {
    if honeypot.is_some_and(|v| !v.trim().is_empty()) {
        return Some(HONEYPOT.into());
    }
    match form_age {
        Some(Err(ForgedToken)) => Some(FORGED.into()),
        Some(Ok(age)) if age < i64::from(min_seconds) => Some(format!(
            "posted {age} s after the page was served; people take at least {min_seconds} s"
        )),
        _ => None,
    }
}

/// The blocklist entry `text` contains, if any (case-insensitive).
pub fn blocked_entry(blocklist: &[String], text: &str) -> Option<String> {
    let haystack = text.to_lowercase();
    blocklist
        .iter()
        .map(|entry| entry.trim().to_lowercase())
        .find(|entry| !entry.is_empty() && haystack.contains(entry.as_str()))
}

/// The spam rules and the moderation mode, in order; the first that holds or refuses a
/// comment gives the reason a moderator sees.
async fn judge(
    store: &dyn Store,
    settings: &CommentSettings,
    name: &str,
    email: Option<&Email>,
    body: &str,
    submission: &CommentSubmission,
) -> Result<(CommentStatus, Option<String>), Refusal> {
    if let Some(reason) = bot_reason(
        submission.honeypot.as_deref(),
        submission.form_age,
        settings.min_seconds,
    ) {
        return Ok((CommentStatus::Spam, Some(reason)));
    }
    let haystack = format!(
        "{} {} {}",
        name.to_lowercase(),
        body.to_lowercase(),
        email.map(Email::as_str).unwrap_or("")
    );
    if let Some(blocked) = blocked_entry(&settings.blocklist, &haystack) {
        return Ok((
            CommentStatus::Spam,
            Some(format!("contains \"{blocked}\", which is on the blocklist")),
        ));
    }
    let links = count_links(body);
    if links > settings.max_links as usize {
        return Ok((
            CommentStatus::Pending,
            Some(format!(
                "contains {links} links; more than {} are held",
                settings.max_links
            )),
        ));
    }
    if submission.form_age.is_none() {
        return Ok((CommentStatus::Pending, Some(NO_TIMESTAMP.into())));
    }
    match settings.moderation {
        Moderation::ApproveAll => Ok((CommentStatus::Approved, None)),
        Moderation::HoldAll => Ok((CommentStatus::Pending, Some(HOLD_ALL.into()))),
        Moderation::HoldFirstTime => match email {
            Some(email) if store.has_approved_comment(email).await? => {
                Ok((CommentStatus::Approved, None))
            }
            Some(_) => Ok((CommentStatus::Pending, Some(FIRST_COMMENT.into()))),
            None => Ok((CommentStatus::Pending, Some(NO_EMAIL.into()))),
        },
    }
}

/// The reasons recorded in a few fixed words, with the message that says each in the
/// newsroom's language.
const FIXED_REASONS: &[(&str, &str)] = &[
    (HONEYPOT, "desk-reason-honeypot"),
    (FORGED, "desk-reason-forged"),
    (NO_TIMESTAMP, "desk-reason-no-timestamp"),
    (
        "posted without the contact form's timestamp",
        "desk-reason-no-contact-timestamp",
    ),
    (HOLD_ALL, "desk-reason-hold-all"),
    (FIRST_COMMENT, "desk-reason-first"),
    (NO_EMAIL, "desk-reason-no-email"),
];
const HONEYPOT: &str = "filled in the hidden honeypot field, which people never see";
const FORGED: &str = "the form's timestamp was forged";
const NO_TIMESTAMP: &str = "posted without the comment form's timestamp";
const HOLD_ALL: &str = "every comment is held for review (moderation: hold_all)";
const FIRST_COMMENT: &str = "first comment from this email address";
const NO_EMAIL: &str = "no email address, so treated as a first-time commenter";

/// Why a comment or a reader's message was held, as the newsroom shows it. Reasons are
/// recorded in English (`judge`, `bot_reason`, the contact form); one of those sentences
/// is said in the newsroom's language, any other is shown as recorded.
pub fn reason_in_language(reason: &str, locale: &Locale) -> String {
    match reason_phrase(reason) {
        Some(phrase) if locale.code() != "en" => phrase.in_language(locale),
        _ => reason.to_owned(),
    }
}

/// The message id and values of a recorded reason, when it is one this module writes.
fn reason_phrase(reason: &str) -> Option<Phrase> {
    if let Some((_, id)) = FIXED_REASONS.iter().find(|(text, _)| *text == reason) {
        return Some(Phrase::new(id));
    }
    if let Some(rest) = reason.strip_prefix("posted ")
        && let Some((age, min)) = rest
            .strip_suffix(" s")
            .and_then(|r| r.split_once(" s after the page was served; people take at least "))
    {
        return Some(
            Phrase::new("desk-reason-too-fast")
                .with("age", age.parse::<i64>().ok()?)
                .with("min", min.parse::<i64>().ok()?),
        );
    }
    if let Some(entry) = reason
        .strip_prefix("contains \"")
        .and_then(|r| r.strip_suffix("\", which is on the blocklist"))
    {
        return Some(Phrase::new("desk-reason-blocklist").with("entry", entry));
    }
    let (links, max) = reason
        .strip_prefix("contains ")?
        .strip_suffix(" are held")?
        .split_once(" links; more than ")?;
    Some(
        Phrase::new("desk-reason-links")
            .with("count", links.parse::<i64>().ok()?)
            .with("max", max.parse::<i64>().ok()?),
    )
}

/// A comment's plain text as safe HTML: escaped, paragraphs and line breaks kept, bare
/// http(s) links made clickable with `rel="nofollow ugc"`.
pub fn render_body(text: &str) -> String {
    let mut html = String::with_capacity(text.len() + 32);
    for paragraph in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        html.push_str("<p>");
        for (n, line) in paragraph.lines().enumerate() {
            if n > 0 {
                html.push_str("<br>");
            }
            push_linked(&mut html, line);
        }
        html.push_str("</p>");
    }
    html
}

fn push_linked(html: &mut String, line: &str) {
    let mut rest = line;
    while let Some(start) = find_link(rest) {
        push_escaped(html, &rest[..start]);
        let tail = &rest[start..];
        let end = tail
            .find(|c: char| c.is_whitespace() || matches!(c, '"' | '<' | '>' | '\''))
            .unwrap_or(tail.len());
        let mut url = &tail[..end];
        url = url.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '\'', '"']);
        if url.len() <= "https://".len() {
            push_escaped(html, url);
        } else {
            html.push_str("<a href=\"");
            push_escaped(html, url);
            html.push_str("\" rel=\"nofollow ugc noopener noreferrer\">");
            push_escaped(html, url);
            html.push_str("</a>");
        }
        rest = &tail[url.len()..];
    }
    push_escaped(html, rest);
}

fn find_link(text: &str) -> Option<usize> {
    match (text.find("https://"), text.find("http://")) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn push_escaped(html: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => html.push_str("&amp;"),
            '<' => html.push_str("&lt;"),
            '>' => html.push_str("&gt;"),
            '"' => html.push_str("&quot;"),
            '\'' => html.push_str("&#39;"),
            _ => html.push(c),
        }
    }
}

/// A comment in a thread, with the replies under it.
#[derive(Debug, Clone)]
pub struct Thread {
    pub comment: Comment,
    /// Shown only as "removed": it is not approved, but approved replies hang from it.
    pub placeholder: bool,
    pub replies: Vec<Thread>,
}

/// Builds the threads a reader sees, oldest first: approved comments, the reader's own
/// waiting ones, and placeholders for hidden comments that approved replies hang from.
pub fn threads(comments: Vec<Comment>, reader_id: Option<&str>) -> Vec<Thread> {
    let visible = |c: &Comment| {
        c.status == CommentStatus::Approved
            || (matches!(c.status, CommentStatus::Pending | CommentStatus::Spam)
                && reader_id.is_some()
                && c.reader_id.as_deref() == reader_id)
    };
    let mut children: HashMap<Option<i64>, Vec<Comment>> = HashMap::new();
    for comment in comments {
        children.entry(comment.parent_id).or_default().push(comment);
    }
    fn build(
        parent: Option<i64>,
        children: &mut HashMap<Option<i64>, Vec<Comment>>,
        visible: &dyn Fn(&Comment) -> bool,
    ) -> Vec<Thread> {
        let Some(mut list) = children.remove(&parent) else {
            return Vec::new();
        };
        list.sort_by_key(|c| c.id);
        list.into_iter()
            .filter_map(|comment| {
                let replies = build(Some(comment.id), children, visible);
                if visible(&comment) {
                    Some(Thread {
                        comment,
                        placeholder: false,
                        replies,
                    })
                } else if !replies.is_empty() {
                    Some(Thread {
                        comment,
                        placeholder: true,
                        replies,
                    })
                } else {
                    None
                }
            })
            .collect()
    }
    build(None, &mut children, &visible)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_recorded_reason_reads_in_the_newsroom_s_language() {
        let swahili = Locale::load("sw", None).expect("sw");
        let mut reasons: Vec<String> = FIXED_REASONS.iter().map(|(t, _)| (*t).to_owned()).collect();
        reasons.extend([
            bot_reason(None, Some(Ok(2)), 5).expect("too fast"),
            "contains \"casino\", which is on the blocklist".to_owned(),
            "contains 4 links; more than 2 are held".to_owned(),
        ]);
        for reason in &reasons {
            let phrase = reason_phrase(reason).unwrap_or_else(|| panic!("{reason}"));
            assert_eq!(
                phrase.in_language(&Locale::english()),
                *reason,
                "the English message is the recorded reason"
            );
            assert_ne!(reason_in_language(reason, &swahili), *reason, "{reason}");
        }
        assert_eq!(reason_in_language("held by hand", &swahili), "held by hand");
    }

    #[test]
    fn plain_text_becomes_safe_paragraphs_with_links() {
        assert_eq!(
            render_body("Hello <b>world</b>\nsecond line\n\nSee https://example.com/a?b=1&c=2."),
            "<p>Hello &lt;b&gt;world&lt;/b&gt;<br>second line</p><p>See <a href=\"https://example.com/a?b=1&amp;c=2\" rel=\"nofollow ugc noopener noreferrer\">https://example.com/a?b=1&amp;c=2</a>.</p>"
        );
        assert_eq!(
            render_body("javascript:alert(1)"),
            "<p>javascript:alert(1)</p>"
        );
        assert_eq!(
            render_body("\"https://x.example/\"onmouseover=alert(1)"),
            "<p>&quot;<a href=\"https://x.example/\" rel=\"nofollow ugc noopener noreferrer\">https://x.example/</a>&quot;onmouseover=alert(1)</p>"
        );
    }

    #[test]
    fn names_lose_control_and_override_characters() {
        assert_eq!(clean_text("Eve\u{202E}gnp.exe\0", true), "Evegnp.exe");
        assert_eq!(
            clean_text("a\u{0301}\u{0301}\u{0301}\u{0301}b", false),
            "a\u{0301}\u{0301}b"
        );
        assert_eq!(clean_text("line\r\nnext", false), "line\nnext");
    }
}
