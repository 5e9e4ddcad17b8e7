//! Comparing two versions of a text for people: line by line, and within a changed line word
//! by word, so changing "4am" to "4.30am" marks those words, not the whole paragraph.

use serde::Serialize;
use similar::{ChangeTag, DiffTag, TextDiff};

/// A piece of a changed line: kept, removed or added words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    pub op: &'static str,
    pub text: String,
}

/// One line of a comparison. `op` is `same`, `removed`, `added` or `changed`; a changed line
/// carries its words in `parts`, and `text` is the new line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Line {
    pub op: &'static str,
    pub text: String,
    pub parts: Vec<Part>,
}

fn line(op: &'static str, text: &str) -> Line {
    Line {
        op,
        text: text.trim_end_matches('\n').to_owned(),
        parts: Vec::new(),
    }
}

/// The same text whatever its line endings, ending in one line break, so a last line that
/// only gained or lost its break is not shown as removed and added.
fn normalised(text: &str) -> String {
    let mut text = text.replace("\r\n", "\n");
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

/// Compares two texts for people.
pub fn compare(from: &str, to: &str) -> Vec<Line> {
    let (from, to) = (normalised(from), normalised(to));
    let diff = TextDiff::from_lines(&from, &to);
    let (old, new) = (diff.old_slices(), diff.new_slices());
    let mut lines = Vec::new();
    for op in diff.ops() {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => lines.extend(old[old_range].iter().map(|l| line("same", l))),
            DiffTag::Delete => lines.extend(old[old_range].iter().map(|l| line("removed", l))),
            DiffTag::Insert => lines.extend(new[new_range].iter().map(|l| line("added", l))),
            DiffTag::Replace => {
                let (olds, news) = (&old[old_range], &new[new_range]);
                let paired = olds.len().min(news.len());
                for (a, b) in olds.iter().zip(news.iter()) {
                    lines.push(changed(a, b));
                }
                lines.extend(olds[paired..].iter().map(|l| line("removed", l)));
                lines.extend(news[paired..].iter().map(|l| line("added", l)));
            }
        }
    }
    lines
}

/// How many words were removed and added between two texts.
pub fn word_counts(from: &str, to: &str) -> (usize, usize) {
    let diff = TextDiff::from_words(from, to);
    let mut counts = (0, 0);
    for change in diff.iter_all_changes() {
        if change.value().trim().is_empty() {
            continue;
        }
        match change.tag() {
            ChangeTag::Delete => counts.0 += 1,
            ChangeTag::Insert => counts.1 += 1,
            ChangeTag::Equal => {}
        }
    }
    counts
}

/// A line changed in place, word by word.
fn changed(from: &str, to: &str) -> Line {
    let (from, to) = (from.trim_end_matches('\n'), to.trim_end_matches('\n'));
    let diff = TextDiff::from_words(from, to);
    let mut parts: Vec<Part> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => "same",
            ChangeTag::Delete => "removed",
            ChangeTag::Insert => "added",
        };
        match parts.last_mut() {
            Some(last) if last.op == op => last.text.push_str(change.value()),
            _ => parts.push(Part {
                op,
                text: change.value().to_owned(),
            }),
        }
    }
    Line {
        op: "changed",
        text: to.to_owned(),
        parts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(lines: &[Line]) -> Vec<&str> {
        lines.iter().map(|l| l.op).collect()
    }

    #[test]
    fn a_changed_word_is_marked_within_its_line() {
        let lines = compare(
            "The ferry leaves at 4am from the old pier.\n\nTickets are free.\n",
            "The ferry leaves at 4.30am from the old pier.\n\nTickets are free.\n",
        );
        assert_eq!(ops(&lines), ["changed", "same", "same"]);
        let removed: Vec<&str> = lines[0]
            .parts
            .iter()
            .filter(|p| p.op == "removed")
            .map(|p| p.text.as_str())
            .collect();
        let added: Vec<&str> = lines[0]
            .parts
            .iter()
            .filter(|p| p.op == "added")
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(removed, ["4am"]);
        assert_eq!(added, ["4.30am"]);
        let kept: String = lines[0]
            .parts
            .iter()
            .filter(|p| p.op == "same")
            .map(|p| p.text.as_str())
            .collect();
        assert!(kept.contains("The ferry leaves at"), "{kept}");
        assert!(kept.contains("from the old pier."), "{kept}");
    }

    #[test]
    fn an_unchanged_last_line_is_not_shown_as_removed_and_added() {
        let lines = compare("First.\n\nLast line.", "First, changed.\n\nLast line.\n");
        assert_eq!(ops(&lines), ["changed", "same", "same"]);
        let lines = compare("One.\r\nTwo.", "One.\nTwo.\n");
        assert_eq!(ops(&lines), ["same", "same"]);
    }

    #[test]
    fn whole_lines_added_or_removed_stay_whole() {
        let lines = compare("A.\nB.\n", "A.\nB.\nC.\n");
        assert_eq!(ops(&lines), ["same", "same", "added"]);
        let lines = compare("A.\nB.\nC.\n", "A.\nC.\n");
        assert_eq!(ops(&lines), ["same", "removed", "same"]);
    }
}
