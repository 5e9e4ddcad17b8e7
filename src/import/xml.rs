//! A WordPress export read as a stream, one child of `<channel>` at a time, so a 2 GB
//! export needs no more memory than its largest item. The file is untrusted: a DOCTYPE (and
//! with it every entity declaration: no XXE, no billion laughs) is refused, references
//! other than XML's five and character references are refused, text must be UTF-8 and
//! well-formed (`]]>` outside CDATA, unclosed or mismatched elements), and no field may be
//! larger than `MAX_FIELD`.

use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use quick_xml::NsReader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;

/// The largest text one field may hold (a post's content, a comment).
pub const MAX_FIELD: usize = 8 * 1024 * 1024;
/// The most one item (a post with its comments and meta) may hold in all.
pub const MAX_ITEM: usize = 64 * 1024 * 1024;
const MAX_DEPTH: usize = 64;

/// Which vocabulary an element belongs to, by its namespace (not its prefix).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ns {
    /// `http(s)://wordpress.org/export/1.x/`
    Wp,
    /// `http(s)://wordpress.org/export/1.x/excerpt/`
    Excerpt,
    /// `http://purl.org/rss/1.0/modules/content/`
    Content,
    /// `http://purl.org/dc/elements/1.1/`
    Dc,
    /// No namespace (RSS's own elements).
    Plain,
    Other,
}

/// Reads a namespace URI; both spellings of WordPress's (`http://` and `https://`) and
/// every 1.x version are WordPress's.
pub fn namespace(uri: &[u8]) -> Ns {
    let uri = std::str::from_utf8(uri).unwrap_or("");
    let rest = uri
        .strip_prefix("http://")
        .or_else(|| uri.strip_prefix("https://"))
        .unwrap_or("");
    if let Some(tail) = rest.strip_prefix("wordpress.org/export/1.") {
        let (version, rest) = tail.split_once('/').unwrap_or((tail, "-"));
        if !version.is_empty() && version.chars().all(|c| c.is_ascii_digit()) {
            return match rest {
                "" => Ns::Wp,
                "excerpt/" => Ns::Excerpt,
                _ => Ns::Other,
            };
        }
        return Ns::Other;
    }
    match rest {
        "purl.org/rss/1.0/modules/content/" => Ns::Content,
        "purl.org/dc/elements/1.1/" => Ns::Dc,
        _ => Ns::Other,
    }
}

/// One element with its text (CDATA and text joined) and children.
#[derive(Debug, Clone)]
pub struct Element {
    pub ns: Ns,
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub text: String,
    pub children: Vec<Element>,
}

impl Element {
    pub fn child(&self, ns: Ns, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.ns == ns && c.name == name)
    }

    pub fn all<'a>(&'a self, ns: Ns, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children
            .iter()
            .filter(move |c| c.ns == ns && c.name == name)
    }

    /// The text of a child, as written (empty when absent).
    pub fn raw(&self, ns: Ns, name: &str) -> &str {
        self.child(ns, name).map_or("", |c| c.text.as_str())
    }

    /// The text of a child with the spaces at its ends trimmed.
    pub fn text(&self, ns: Ns, name: &str) -> &str {
        self.raw(ns, name).trim()
    }

    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn size(&self) -> usize {
        self.text.len() + self.children.iter().map(Element::size).sum::<usize>()
    }
}

/// An export being read: `next` gives each child of `<channel>` in turn.
pub struct Document {
    path: PathBuf,
    reader: NsReader<BufReader<File>>,
    buf: Vec<u8>,
    depth: usize,
    stack: Vec<Element>,
    root_seen: bool,
    item_bytes: usize,
}

impl Document {
    pub fn open(path: &Path) -> anyhow::Result<Document> {
        let file =
            File::open(path).map_err(|e| anyhow::anyhow!("cannot open {}: {e}", path.display()))?;
        let mut reader = NsReader::from_reader(BufReader::with_capacity(256 * 1024, file));
        let config = reader.config_mut();
        config.check_end_names = true;
        // Real exports (and plugins' ones) hold bare `&` in addresses; read them as text.
        config.allow_dangling_amp = true;
        config.expand_empty_elements = false;
        config.trim_text(false);
        Ok(Document {
            path: path.to_owned(),
            reader,
            buf: Vec::with_capacity(64 * 1024),
            depth: 0,
            stack: Vec::new(),
            root_seen: false,
            item_bytes: 0,
        })
    }

    fn refuse(&self, why: impl std::fmt::Display) -> anyhow::Error {
        anyhow::anyhow!(
            "{} is refused (near byte {}): {why}; nothing was imported",
            self.path.display(),
            self.reader.buffer_position()
        )
    }

    /// The next element under `<channel>` (an `<item>`, a `<wp:author>`...), or `None` at
    /// the end of a well-formed file.
    pub fn next_element(&mut self) -> anyhow::Result<Option<Element>> {
        loop {
            self.buf.clear();
            let (ns, event) = match self.reader.read_resolved_event_into(&mut self.buf) {
                Ok((ns, event)) => {
                    let ns = match ns {
                        ResolveResult::Bound(uri) => namespace(uri.as_ref()),
                        ResolveResult::Unbound => Ns::Plain,
                        ResolveResult::Unknown(_) => Ns::Other,
                    };
                    (ns, event.into_owned())
                }
                Err(error) => {
                    let text = error.to_string();
                    let short = if text.contains("end of input") {
                        " (the file ends too soon: cut short?)"
                    } else {
                        ""
                    };
                    return Err(anyhow::anyhow!(
                        "{} is not well-formed XML (near byte {}): {text}{short}; nothing was imported",
                        self.path.display(),
                        self.reader.error_position()
                    ));
                }
            };
            match event {
                Event::DocType(_) => {
                    return Err(self.refuse(
                        "it declares a DOCTYPE. A WordPress export has none, and entity \
                         declarations could read this server's files or expand to gigabytes",
                    ));
                }
                Event::Start(start) => {
                    self.open_element(ns, &start)?;
                }
                Event::Empty(start) => {
                    self.open_element(ns, &start)?;
                    if let Some(done) = self.close_element() {
                        return Ok(Some(done));
                    }
                }
                Event::End(_) => {
                    if let Some(done) = self.close_element() {
                        return Ok(Some(done));
                    }
                }
                Event::Text(text) => {
                    let raw: &[u8] = &text;
                    if raw.windows(3).any(|w| w == b"]]>") {
                        return Err(self.refuse(
                            "\"]]>\" stands in text outside a CDATA section (a CDATA section \
                             nested in another?), which XML does not allow",
                        ));
                    }
                    if let Err(error) = std::str::from_utf8(raw) {
                        return Err(self.refuse(format!("its text is not UTF-8 ({error})")));
                    }
                    if self.depth == 0 && !raw.iter().all(u8::is_ascii_whitespace) {
                        return Err(self.refuse("it has text outside its root element"));
                    }
                    let content = text
                        .xml_content()
                        .map_err(|e| self.refuse(format!("its text cannot be read ({e})")))?;
                    self.push_text(&content)?;
                }
                Event::CData(data) => {
                    let raw: &[u8] = &data;
                    let content = std::str::from_utf8(raw)
                        .map_err(|e| self.refuse(format!("a CDATA section is not UTF-8 ({e})")))?
                        .replace("\r\n", "\n");
                    self.push_text(&content)?;
                }
                Event::GeneralRef(reference) => {
                    let resolved = if reference.is_char_ref() {
                        match reference.resolve_char_ref() {
                            Ok(Some(c)) => c,
                            _ => {
                                return Err(self.refuse(format!(
                                    "&{}; is not a character XML allows",
                                    String::from_utf8_lossy(&reference)
                                )));
                            }
                        }
                    } else {
                        match &*reference {
                            b"amp" => '&',
                            b"lt" => '<',
                            b"gt" => '>',
                            b"quot" => '"',
                            b"apos" => '\'',
                            other
                                if !other.iter().all(|b| {
                                    b.is_ascii_alphanumeric()
                                        || matches!(b, b'_' | b'-' | b'.' | b':')
                                }) =>
                            {
                                // A bare `&` before a later `;`: text, not a reference.
                                let literal = format!("&{};", String::from_utf8_lossy(other));
                                self.push_text(&literal)?;
                                continue;
                            }
                            other => {
                                return Err(self.refuse(format!(
                                    "it uses the entity &{};, which nothing defines (entity \
                                     declarations are refused)",
                                    String::from_utf8_lossy(other)
                                )));
                            }
                        }
                    };
                    self.push_text(resolved.encode_utf8(&mut [0; 4]))?;
                }
                Event::Eof => {
                    if self.depth > 0 || !self.root_seen {
                        return Err(self
                            .refuse("the file ends before its elements are closed (cut short?)"));
                    }
                    return Ok(None);
                }
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            }
        }
    }

    fn open_element(&mut self, ns: Ns, start: &BytesStart<'_>) -> anyhow::Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.refuse(format!("its elements nest deeper than {MAX_DEPTH}")));
        }
        let name = std::str::from_utf8(start.local_name().as_ref())
            .map_err(|_| self.refuse("an element's name is not UTF-8"))?
            .to_owned();
        if self.depth == 1 {
            if self.root_seen {
                return Err(self.refuse("it has a second root element"));
            }
            self.root_seen = true;
            if name != "rss" {
                return Err(self.refuse(format!(
                    "this is not a WordPress export: its root is <{name}>, not <rss>"
                )));
            }
        }
        if self.depth < 3 {
            return Ok(());
        }
        let mut attrs = Vec::new();
        for attr in start.attributes() {
            let attr =
                attr.map_err(|e| self.refuse(format!("an attribute cannot be read: {e}")))?;
            let key = String::from_utf8_lossy(attr.key.local_name().as_ref()).into_owned();
            if attr.key.as_ref().starts_with(b"xmlns") {
                continue;
            }
            let value = attr
                .unescape_value()
                .map_err(|e| self.refuse(format!("attribute {key} cannot be read: {e}")))?
                .into_owned();
            attrs.push((key, value));
        }
        if self.depth == 3 {
            self.item_bytes = 0;
        }
        self.stack.push(Element {
            ns,
            name,
            attrs,
            text: String::new(),
            children: Vec::new(),
        });
        Ok(())
    }

    fn close_element(&mut self) -> Option<Element> {
        let depth = self.depth;
        self.depth = self.depth.saturating_sub(1);
        if depth < 3 {
            return None;
        }
        let done = self.stack.pop()?;
        match self.stack.last_mut() {
            Some(parent) => {
                parent.children.push(done);
                None
            }
            None => Some(done),
        }
    }

    fn push_text(&mut self, text: &str) -> anyhow::Result<()> {
        let Some(top) = self.stack.last_mut() else {
            return Ok(());
        };
        top.text.push_str(text);
        let field = top.text.len();
        let name = top.name.clone();
        self.item_bytes += text.len();
        if field > MAX_FIELD {
            return Err(self.refuse(format!(
                "<{name}> holds more than {} MB; the limit is {} MB a field",
                field / (1024 * 1024),
                MAX_FIELD / (1024 * 1024)
            )));
        }
        if self.item_bytes > MAX_ITEM {
            let size = self.stack.first().map_or(0, Element::size);
            return Err(self.refuse(format!(
                "one item holds {} MB; the limit is {} MB",
                size / (1024 * 1024),
                MAX_ITEM / (1024 * 1024)
            )));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(xml: &str) -> anyhow::Result<Vec<Element>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("wxr.xml");
        std::fs::write(&path, xml)?;
        let mut doc = Document::open(&path)?;
        let mut all = Vec::new();
        while let Some(e) = doc.next_element()? {
            all.push(e);
        }
        Ok(all)
    }

    const HEAD: &str = r#"<?xml version="1.0"?><rss xmlns:wp="https://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>"#;

    #[test]
    fn both_namespace_spellings_are_wordpress() {
        assert_eq!(namespace(b"http://wordpress.org/export/1.2/"), Ns::Wp);
        assert_eq!(namespace(b"https://wordpress.org/export/1.0/"), Ns::Wp);
        assert_eq!(
            namespace(b"http://wordpress.org/export/1.1/excerpt/"),
            Ns::Excerpt
        );
        assert_eq!(namespace(b"http://example.com/fake/"), Ns::Other);
    }

    #[test]
    fn items_are_read_with_cdata_and_references() {
        let xml = format!(
            "{HEAD}<item><title>A &amp; B &#233;</title><wp:post_id>7</wp:post_id>\
             <content:encoded><![CDATA[<p>x</p>]]></content:encoded></item></channel></rss>"
        );
        let items = read(&xml).unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].text(Ns::Plain, "title"), "A & B é");
        assert_eq!(items[0].text(Ns::Wp, "post_id"), "7");
        assert_eq!(items[0].raw(Ns::Content, "encoded"), "<p>x</p>");
    }

    #[test]
    fn doctype_entities_and_truncation_are_refused() {
        let xxe = format!(
            "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>{}",
            &HEAD[21..]
        );
        let error = read(&xxe).unwrap_err().to_string();
        assert!(error.contains("DOCTYPE"), "{error}");
        let undefined = format!("{HEAD}<item><title>&x;</title></item></channel></rss>");
        assert!(read(&undefined).unwrap_err().to_string().contains("&x;"));
        let cut = format!("{HEAD}<item><title>cut");
        assert!(read(&cut).unwrap_err().to_string().contains("cut short"));
        let nested = format!(
            "{HEAD}<item><title><![CDATA[a <![CDATA[ b ]]> c]]></title></item></channel></rss>"
        );
        assert!(read(&nested).unwrap_err().to_string().contains("]]>"));
    }
}
