//! NQL, the filter language of Ghost's Content API (`tag:news+published_at:>'2024-01-01'`),
//! read by a tokenizer and a recursive-descent parser into an `Expr`. Nothing here knows
//! the fields: `filter.rs` turns an `Expr` into the store's typed filters.
//!
//! Grammar (`,` binds looser than `+`, as in Ghost):
//!
//! ```text
//! expression := and (',' and)*
//! and        := term ('+' term)*
//! term       := '(' expression ')' | FIELD ':' test
//! test       := '-'? '[' value (',' value)* ']'
//!             | '-'? ('~' | '~^' | '~$') value
//!             | ('-' | '>' | '>=' | '<' | '<=')? value
//! value      := null | true | false | NUMBER | now-30d | literal | 'quoted string'
//! ```

use std::fmt;

/// The longest filter read, in characters.
pub const MAX_LENGTH: usize = 8_000;
/// How deep parentheses may nest.
pub const MAX_DEPTH: usize = 32;
/// How many values one filter may name in all.
pub const MAX_VALUES: usize = 500;

/// A parsed filter.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    All(Vec<Expr>),
    Any(Vec<Expr>),
    Condition(Condition),
}

/// `field:test`, perhaps negated (`field:-value`, `field:-[a,b]`, `field:-~text`).
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    pub field: String,
    pub negated: bool,
    pub test: Test,
    /// Where the field starts (1-based character), for messages.
    pub at: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Test {
    Equals(Value),
    Greater(Value),
    GreaterOrEqual(Value),
    Less(Value),
    LessOrEqual(Value),
    Contains(Value),
    StartsWith(Value),
    EndsWith(Value),
    OneOf(Vec<Value>),
}

/// A unit of a relative date (`now-30d`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Seconds,
    Minutes,
    Hours,
    Days,
    Weeks,
    Months,
    Years,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// A number as written, so a field of text can take it as text.
    Number(String),
    Text(String),
    /// `now-30d` / `now+2h`: `amount` may be negative.
    Relative {
        amount: i64,
        unit: Unit,
    },
}

/// Why a filter could not be read: what, and where (1-based character).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NqlError {
    pub message: String,
    pub at: usize,
}

impl fmt::Display for NqlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at character {})", self.message, self.at)
    }
}

impl std::error::Error for NqlError {}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Field(String),
    Value(Value),
    Open,
    Close,
    OpenList,
    CloseList,
    Or,
    And,
    Not,
    Greater,
    GreaterOrEqual,
    Less,
    LessOrEqual,
    Contains,
    StartsWith,
    EndsWith,
}

impl Token {
    fn describe(&self) -> String {
        match self {
            Token::Field(name) => format!("the field \"{name}:\""),
            Token::Value(Value::Text(text)) => format!("\"{text}\""),
            Token::Value(Value::Number(n)) => format!("the number {n}"),
            Token::Value(_) => "a value".to_owned(),
            Token::Open => "\"(\"".to_owned(),
            Token::Close => "\")\"".to_owned(),
            Token::OpenList => "\"[\"".to_owned(),
            Token::CloseList => "\"]\"".to_owned(),
            Token::Or => "\",\"".to_owned(),
            Token::And => "\"+\"".to_owned(),
            Token::Not => "\"-\"".to_owned(),
            Token::Greater => "\">\"".to_owned(),
            Token::GreaterOrEqual => "\">=\"".to_owned(),
            Token::Less => "\"<\"".to_owned(),
            Token::LessOrEqual => "\"<=\"".to_owned(),
            Token::Contains => "\"~\"".to_owned(),
            Token::StartsWith => "\"~^\"".to_owned(),
            Token::EndsWith => "\"~$\"".to_owned(),
        }
    }
}

/// Characters that end a bare literal (unless escaped with `\`).
fn ends_literal(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\'' | '"' | '+' | ',' | '(' | ')' | '>' | '<' | '=' | '[' | ']'
        )
}

fn starts_field(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_'
}

fn in_field(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '.'
}

/// The filter's tokens with where each starts (1-based character).
fn tokenize(input: &[char]) -> Result<Vec<(Token, usize)>, NqlError> {
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < input.len() {
        let c = input[i];
        let at = i + 1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let next = input.get(i + 1).copied();
        let (token, width) = match c {
            '(' => (Token::Open, 1),
            ')' => (Token::Close, 1),
            '[' => (Token::OpenList, 1),
            ']' => (Token::CloseList, 1),
            ',' => (Token::Or, 1),
            '+' => (Token::And, 1),
            '-' => (Token::Not, 1),
            '>' if next == Some('=') => (Token::GreaterOrEqual, 2),
            '>' => (Token::Greater, 1),
            '<' if next == Some('=') => (Token::LessOrEqual, 2),
            '<' => (Token::Less, 1),
            '~' if next == Some('^') => (Token::StartsWith, 2),
            '~' if next == Some('$') => (Token::EndsWith, 2),
            '~' => (Token::Contains, 1),
            '=' => {
                return Err(NqlError {
                    message: "\"=\" is not NQL; write field:value".into(),
                    at,
                });
            }
            '"' => {
                return Err(NqlError {
                    message: "text is quoted with single quotes ('like this'), not double quotes"
                        .into(),
                    at,
                });
            }
            '\'' => {
                let (text, width) = quoted(input, i)?;
                (Token::Value(Value::Text(text)), width)
            }
            c if starts_field(c) && field_width(input, i).is_some() => {
                let width = field_width(input, i).unwrap_or(1);
                let name: String = input[i..i + width - 1].iter().collect();
                (Token::Field(name), width)
            }
            _ => {
                let (text, raw, width) = literal(input, i)?;
                (Token::Value(classify(text, &raw)), width)
            }
        };
        tokens.push((token, at));
        i += width;
    }
    Ok(tokens)
}

/// The width of `name:` starting at `start`, colon included, if one starts there.
fn field_width(input: &[char], start: usize) -> Option<usize> {
    let mut end = start + 1;
    while end < input.len() && in_field(input[end]) {
        end += 1;
    }
    (input.get(end) == Some(&':')).then_some(end - start + 1)
}

/// A single-quoted string from `start`: its text (escapes undone) and width.
fn quoted(input: &[char], start: usize) -> Result<(String, usize), NqlError> {
    let mut text = String::new();
    let mut i = start + 1;
    while i < input.len() {
        match input[i] {
            '\\' if i + 1 < input.len() => {
                text.push(input[i + 1]);
                i += 2;
            }
            '\'' => return Ok((text, i + 1 - start)),
            c => {
                text.push(c);
                i += 1;
            }
        }
    }
    Err(NqlError {
        message: "this quoted text has no closing quote (')".into(),
        at: start + 1,
    })
}

/// A bare literal from `start`: its text with escapes undone, as written, and its width.
fn literal(input: &[char], start: usize) -> Result<(String, String, usize), NqlError> {
    let mut text = String::new();
    let mut raw = String::new();
    let mut i = start;
    while i < input.len() {
        let c = input[i];
        if c == '\\' {
            let Some(escaped) = input.get(i + 1) else {
                return Err(NqlError {
                    message: "a backslash at the end escapes nothing".into(),
                    at: i + 1,
                });
            };
            text.push(*escaped);
            raw.push(c);
            raw.push(*escaped);
            i += 2;
            continue;
        }
        if ends_literal(c) || (i == start && c == ':') {
            break;
        }
        text.push(c);
        raw.push(c);
        i += 1;
    }
    if i == start {
        return Err(NqlError {
            message: format!("\"{}\" cannot start a value", input[start]),
            at: start + 1,
        });
    }
    Ok((text, raw, i - start))
}

/// What a bare literal stands for: a keyword, a number, a relative date or text.
fn classify(text: String, raw: &str) -> Value {
    if text != raw {
        // Something in it was escaped: it is text, whatever it spells.
        return Value::Text(text);
    }
    match text.as_str() {
        "null" | "NULL" | "Null" => return Value::Null,
        "true" | "TRUE" | "True" => return Value::Bool(true),
        "false" | "FALSE" | "False" => return Value::Bool(false),
        _ => {}
    }
    if is_number(&text) {
        return Value::Number(text);
    }
    if let Some(relative) = relative_date(&text) {
        return relative;
    }
    Value::Text(text)
}

fn is_number(text: &str) -> bool {
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text, None),
    };
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// `now-30d`, `now+2h`: units s, m, h, d, w, M (months), y.
fn relative_date(text: &str) -> Option<Value> {
    let rest = text.strip_prefix("now")?;
    let sign = match rest.chars().next()? {
        '-' => -1,
        '+' => 1,
        _ => return None,
    };
    let rest = &rest[1..];
    let unit = match rest.chars().last()? {
        's' => Unit::Seconds,
        'm' => Unit::Minutes,
        'h' => Unit::Hours,
        'd' => Unit::Days,
        'w' => Unit::Weeks,
        'M' => Unit::Months,
        'y' => Unit::Years,
        _ => return None,
    };
    let digits = &rest[..rest.len() - 1];
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let amount: i64 = digits.parse().ok().filter(|n| *n <= 1_000_000)?;
    Some(Value::Relative {
        amount: sign * amount,
        unit,
    })
}

struct Parser {
    tokens: Vec<(Token, usize)>,
    position: usize,
    end: usize,
    values: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.position).map(|(token, _)| token)
    }

    fn at(&self) -> usize {
        self.tokens
            .get(self.position)
            .map_or(self.end, |(_, at)| *at)
    }

    fn next(&mut self) -> Option<Token> {
        let token = self.tokens.get(self.position).map(|(t, _)| t.clone());
        self.position += 1;
        token
    }

    fn unexpected(&self, wanted: &str) -> NqlError {
        match self.peek() {
            Some(token) => NqlError {
                message: format!("expected {wanted}, found {}", token.describe()),
                at: self.at(),
            },
            None => NqlError {
                message: format!("the filter ends where {wanted} should follow"),
                at: self.end,
            },
        }
    }

    fn expression(&mut self, depth: usize) -> Result<Expr, NqlError> {
        let mut parts = vec![self.and(depth)?];
        while self.peek() == Some(&Token::Or) {
            self.next();
            parts.push(self.and(depth)?);
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Expr::Any(parts)
        })
    }

    fn and(&mut self, depth: usize) -> Result<Expr, NqlError> {
        let mut parts = vec![self.term(depth)?];
        while self.peek() == Some(&Token::And) {
            self.next();
            parts.push(self.term(depth)?);
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Expr::All(parts)
        })
    }

    fn term(&mut self, depth: usize) -> Result<Expr, NqlError> {
        let at = self.at();
        match self.peek() {
            Some(Token::Open) => {
                if depth >= MAX_DEPTH {
                    return Err(NqlError {
                        message: format!("parentheses nest more than {MAX_DEPTH} deep"),
                        at,
                    });
                }
                self.next();
                let inner = self.expression(depth + 1)?;
                if self.peek() != Some(&Token::Close) {
                    return Err(
                        self.unexpected(&format!("\")\" to close the \"(\" at character {at}"))
                    );
                }
                self.next();
                Ok(inner)
            }
            Some(Token::Field(_)) => {
                let Some(Token::Field(field)) = self.next() else {
                    return Err(self.unexpected("a field"));
                };
                let (negated, test) = self.test()?;
                Ok(Expr::Condition(Condition {
                    field,
                    negated,
                    test,
                    at,
                }))
            }
            _ => Err(self.unexpected("a field like tag: or \"(\"")),
        }
    }

    fn test(&mut self) -> Result<(bool, Test), NqlError> {
        let negated = self.peek() == Some(&Token::Not);
        if negated {
            self.next();
        }
        let test = match self.peek() {
            Some(Token::OpenList) => {
                self.next();
                let mut values = vec![self.value()?];
                while self.peek() == Some(&Token::Or) {
                    self.next();
                    values.push(self.value()?);
                }
                if self.peek() != Some(&Token::CloseList) {
                    return Err(self.unexpected("\",\" or \"]\" in the list"));
                }
                self.next();
                Test::OneOf(values)
            }
            Some(Token::Contains) => {
                self.next();
                Test::Contains(self.value()?)
            }
            Some(Token::StartsWith) => {
                self.next();
                Test::StartsWith(self.value()?)
            }
            Some(Token::EndsWith) => {
                self.next();
                Test::EndsWith(self.value()?)
            }
            Some(Token::Greater | Token::GreaterOrEqual | Token::Less | Token::LessOrEqual)
                if negated =>
            {
                return Err(self.unexpected("a value after \"-\""));
            }
            Some(Token::Greater) => {
                self.next();
                Test::Greater(self.value()?)
            }
            Some(Token::GreaterOrEqual) => {
                self.next();
                Test::GreaterOrEqual(self.value()?)
            }
            Some(Token::Less) => {
                self.next();
                Test::Less(self.value()?)
            }
            Some(Token::LessOrEqual) => {
                self.next();
                Test::LessOrEqual(self.value()?)
            }
            _ => Test::Equals(self.value()?),
        };
        Ok((negated, test))
    }

    fn value(&mut self) -> Result<Value, NqlError> {
        match self.peek() {
            Some(Token::Value(_)) => {
                self.values += 1;
                if self.values > MAX_VALUES {
                    return Err(NqlError {
                        message: format!("a filter may name at most {MAX_VALUES} values"),
                        at: self.at(),
                    });
                }
                match self.next() {
                    Some(Token::Value(value)) => Ok(value),
                    _ => Err(self.unexpected("a value")),
                }
            }
            _ => Err(self.unexpected("a value")),
        }
    }
}

/// Reads a filter. Empty (or only spaces) is `None`: no filter.
pub fn parse(filter: &str) -> Result<Option<Expr>, NqlError> {
    let input: Vec<char> = filter.chars().collect();
    if input.len() > MAX_LENGTH {
        return Err(NqlError {
            message: format!(
                "the filter is {} characters long; the limit is {MAX_LENGTH}",
                input.len()
            ),
            at: MAX_LENGTH + 1,
        });
    }
    let tokens = tokenize(&input)?;
    if tokens.is_empty() {
        return Ok(None);
    }
    let mut parser = Parser {
        tokens,
        position: 0,
        end: input.len() + 1,
        values: 0,
    };
    let expr = parser.expression(0)?;
    if parser.peek().is_some() {
        let wanted = if parser.peek() == Some(&Token::Close) {
            "the end of the filter (this \")\" closes nothing)"
        } else {
            "\"+\", \",\" or the end of the filter"
        };
        return Err(parser.unexpected(wanted));
    }
    Ok(Some(expr))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn condition(field: &str, negated: bool, test: Test) -> Expr {
        Expr::Condition(Condition {
            field: field.into(),
            negated,
            test,
            at: 0,
        })
    }

    /// The parse with positions cleared, to compare shapes.
    fn shape(filter: &str) -> Expr {
        fn clear(expr: Expr) -> Expr {
            match expr {
                Expr::All(parts) => Expr::All(parts.into_iter().map(clear).collect()),
                Expr::Any(parts) => Expr::Any(parts.into_iter().map(clear).collect()),
                Expr::Condition(c) => Expr::Condition(Condition { at: 0, ..c }),
            }
        }
        clear(
            parse(filter)
                .unwrap_or_else(|e| panic!("{filter}: {e}"))
                .unwrap_or_else(|| panic!("{filter}: empty")),
        )
    }

    fn text(value: &str) -> Value {
        Value::Text(value.into())
    }

    #[test]
    fn a_field_and_its_value() {
        assert_eq!(
            shape("tag:news"),
            condition("tag", false, Test::Equals(text("news")))
        );
        assert_eq!(
            shape("tags.slug:-sport"),
            condition("tags.slug", true, Test::Equals(text("sport")))
        );
        assert_eq!(
            shape("slug:council-approves-ferry"),
            condition("slug", false, Test::Equals(text("council-approves-ferry")))
        );
    }

    #[test]
    fn lists_comparisons_and_partial_matches() {
        assert_eq!(
            shape("tag:[news, sport]"),
            condition("tag", false, Test::OneOf(vec![text("news"), text("sport")]))
        );
        assert_eq!(
            shape("tag:-[news,sport]"),
            condition("tag", true, Test::OneOf(vec![text("news"), text("sport")]))
        );
        assert_eq!(
            shape("published_at:>'2024-07-17 11:32:00'"),
            condition(
                "published_at",
                false,
                Test::Greater(text("2024-07-17 11:32:00"))
            )
        );
        assert_eq!(
            shape("published_at:<=2024-07-17"),
            condition("published_at", false, Test::LessOrEqual(text("2024-07-17")))
        );
        assert_eq!(
            shape("title:~'ferry'"),
            condition("title", false, Test::Contains(text("ferry")))
        );
        assert_eq!(
            shape("title:-~^'The'"),
            condition("title", true, Test::StartsWith(text("The")))
        );
        assert_eq!(
            shape("slug:~$ferry"),
            condition("slug", false, Test::EndsWith(text("ferry")))
        );
    }

    #[test]
    fn and_binds_tighter_than_or_and_parentheses_group() {
        let a = condition("tag", false, Test::Equals(text("a")));
        let b = condition("tag", false, Test::Equals(text("b")));
        let c = condition("tag", false, Test::Equals(text("c")));
        assert_eq!(
            shape("tag:a,tag:b+tag:c"),
            Expr::Any(vec![a.clone(), Expr::All(vec![b.clone(), c.clone()])])
        );
        assert_eq!(
            shape("(tag:a,tag:b)+tag:c"),
            Expr::All(vec![Expr::Any(vec![a, b]), c])
        );
    }

    #[test]
    fn values_have_kinds() {
        assert_eq!(
            shape("featured:true"),
            condition("featured", false, Test::Equals(Value::Bool(true)))
        );
        assert_eq!(
            shape("feature_image:null"),
            condition("feature_image", false, Test::Equals(Value::Null))
        );
        assert_eq!(
            shape("id:42"),
            condition("id", false, Test::Equals(Value::Number("42".into())))
        );
        assert_eq!(
            shape("published_at:>now-30d"),
            condition(
                "published_at",
                false,
                Test::Greater(Value::Relative {
                    amount: -30,
                    unit: Unit::Days
                })
            )
        );
        // Keywords and numbers inside longer words, or escaped, stay text.
        assert_eq!(
            shape("slug:true-story"),
            condition("slug", false, Test::Equals(text("true-story")))
        );
        assert_eq!(
            shape("slug:2024-budget"),
            condition("slug", false, Test::Equals(text("2024-budget")))
        );
        assert_eq!(
            shape("slug:\\null"),
            condition("slug", false, Test::Equals(text("null")))
        );
    }

    #[test]
    fn quoted_text_keeps_what_would_be_syntax() {
        assert_eq!(
            shape("title:'Rain, wind + floods (again)'"),
            condition(
                "title",
                false,
                Test::Equals(text("Rain, wind + floods (again)"))
            )
        );
        assert_eq!(
            shape(r"title:'It\'s here'"),
            condition("title", false, Test::Equals(text("It's here")))
        );
        assert_eq!(
            shape(r"title:a\,b"),
            condition("title", false, Test::Equals(text("a,b")))
        );
    }

    #[test]
    fn empty_filters_are_no_filter() {
        assert_eq!(parse(""), Ok(None));
        assert_eq!(parse("   "), Ok(None));
    }

    #[test]
    fn mistakes_are_named_with_their_place() {
        let cases = [
            ("tag:", "the filter ends where a value should follow", 5),
            ("tag", "expected a field like tag:", 1),
            ("tag:news+", "the filter ends where a field", 10),
            ("(tag:news", "\")\" to close the \"(\" at character 1", 10),
            ("tag:news)", "closes nothing", 9),
            ("tag:'news", "no closing quote", 5),
            ("tag:\"news\"", "single quotes", 5),
            ("tag=news", "\"=\" is not NQL", 4),
            ("tag:[a,b", "\",\" or \"]\"", 9),
            ("tag:-<3", "a value after \"-\"", 6),
            ("tag:news tag:sport", "\"+\", \",\" or the end", 10),
        ];
        for (filter, message, at) in cases {
            let error = parse(filter).expect_err(filter);
            assert!(
                error.message.contains(message),
                "{filter}: {} (wanted {message})",
                error.message
            );
            assert_eq!(error.at, at, "{filter}: {error}");
        }
    }

    #[test]
    fn limits_keep_hostile_filters_cheap() {
        let deep = format!("{}tag:a{}", "(".repeat(40), ")".repeat(40));
        assert!(parse(&deep).expect_err("deep").message.contains("nest"));
        let long = "a".repeat(MAX_LENGTH + 1);
        assert!(parse(&long).expect_err("long").message.contains("limit"));
        let many = format!(
            "id:[{}]",
            (0..=MAX_VALUES)
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join(",")
        );
        assert!(parse(&many).expect_err("many").message.contains("at most"));
    }
}
