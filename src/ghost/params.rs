//! The Content API's query parameters, read and checked once: `limit`, `page`, `include`,
//! `fields`, `formats`, `order` and `filter`. A value that cannot be used is a `ParamError`
//! naming the parameter: Ghost answers those as `ValidationError` (422), and a filter that
//! cannot be read as `BadRequestError` (400).

use jiff::Timestamp;

use super::filter::{self, FilterError};
use super::nql::{self, Expr};
use crate::store::{AuthorField, Order, StoryField, TagField, Window};

/// Records on a page when `limit` is not given, as on Ghost.
pub const DEFAULT_LIMIT: u32 = 15;

/// What the Content API serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resource {
    Posts,
    Pages,
    Tags,
    Authors,
    Tiers,
    Newsletters,
}

impl Resource {
    pub fn parse(name: &str) -> Option<Resource> {
        Some(match name {
            "posts" => Resource::Posts,
            "pages" => Resource::Pages,
            "tags" => Resource::Tags,
            "authors" => Resource::Authors,
            "tiers" => Resource::Tiers,
            "newsletters" => Resource::Newsletters,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Resource::Posts => "posts",
            Resource::Pages => "pages",
            Resource::Tags => "tags",
            Resource::Authors => "authors",
            Resource::Tiers => "tiers",
            Resource::Newsletters => "newsletters",
        }
    }

    /// "Post", "Tag"…: how Ghost names one in "… not found."
    pub fn one(self) -> &'static str {
        match self {
            Resource::Posts => "Post",
            Resource::Pages => "Page",
            Resource::Tags => "Tag",
            Resource::Authors => "Author",
            Resource::Tiers => "Tier",
            Resource::Newsletters => "Newsletter",
        }
    }

    fn is_story(self) -> bool {
        matches!(self, Resource::Posts | Resource::Pages)
    }
}

/// A parameter that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParamError {
    /// A value out of range or not one of those allowed (422).
    Invalid {
        param: &'static str,
        message: String,
    },
    /// A filter that cannot be read or used (400).
    Filter(String),
}

fn invalid(param: &'static str, message: impl Into<String>) -> ParamError {
    ParamError::Invalid {
        param,
        message: message.into(),
    }
}

/// What to embed in each record.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Include {
    pub tags: bool,
    pub authors: bool,
    pub post_counts: bool,
}

/// Which renderings of a story's body to answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Formats {
    pub html: bool,
    pub plaintext: bool,
}

/// Everything a Content API request asked for, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    /// `None`: `limit=all`.
    pub limit: Option<u32>,
    pub page: u32,
    pub include: Include,
    /// Only these fields of each record, when given.
    pub fields: Option<Vec<String>>,
    pub formats: Formats,
    pub filter: Option<Expr>,
    order: Option<String>,
}

/// The first value of a parameter.
fn get<'a>(query: &'a [(String, String)], name: &str) -> Option<&'a str> {
    query
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

fn list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(|part| part.trim().to_owned())
        .filter(|part| !part.is_empty())
        .collect()
}

impl Request {
    /// Reads the query of a request for `resource`.
    pub fn parse(query: &[(String, String)], resource: Resource) -> Result<Request, ParamError> {
        let limit = match get(query, "limit").map(str::trim) {
            None | Some("") => Some(DEFAULT_LIMIT),
            Some("all") => None,
            Some(text) => Some(
                text.parse::<u32>()
                    .ok()
                    .filter(|n| *n >= 1)
                    .ok_or_else(|| {
                        invalid(
                            "limit",
                            format!(
                                "limit must be a whole number from 1 to {} or \"all\", not \"{text}\"",
                                u32::MAX
                            ),
                        )
                    })?,
            ),
        };
        let page = match get(query, "page").map(str::trim) {
            None | Some("") => 1,
            Some(text) => text
                .parse::<u32>()
                .ok()
                .filter(|n| *n >= 1)
                .ok_or_else(|| {
                    invalid(
                        "page",
                        format!(
                            "page must be a whole number from 1 to {}, not \"{text}\"",
                            u32::MAX
                        ),
                    )
                })?,
        };
        let mut include = Include::default();
        for name in get(query, "include").map(list).unwrap_or_default() {
            match (resource, name.as_str()) {
                (r, "tags") if r.is_story() => include.tags = true,
                (r, "authors") if r.is_story() => include.authors = true,
                // Tiers gate members' content, which is not served here: nothing to add.
                (r, "tiers") if r.is_story() => {}
                (Resource::Tags | Resource::Authors, "count.posts") => include.post_counts = true,
                (Resource::Tiers | Resource::Newsletters, _) => {}
                (r, other) => {
                    let allowed = if r.is_story() {
                        "tags, authors"
                    } else {
                        "count.posts"
                    };
                    return Err(invalid(
                        "include",
                        format!(
                            "\"{other}\" cannot be included with {}; include {allowed}",
                            r.name()
                        ),
                    ));
                }
            }
        }
        let fields = get(query, "fields")
            .map(list)
            .filter(|fields| !fields.is_empty());
        let mut formats = Formats {
            html: true,
            plaintext: false,
        };
        if let Some(wanted) = get(query, "formats").map(list).filter(|f| !f.is_empty())
            && resource.is_story()
        {
            formats.html = false;
            for format in wanted {
                match format.as_str() {
                    "html" => formats.html = true,
                    "plaintext" => formats.plaintext = true,
                    "mobiledoc" | "lexical" => {
                        return Err(invalid(
                            "formats",
                            format!(
                                "{format} is an editor's format that the Content API does not \
                                 serve; ask for html or plaintext"
                            ),
                        ));
                    }
                    other => {
                        return Err(invalid(
                            "formats",
                            format!("\"{other}\" is not a format; ask for html or plaintext"),
                        ));
                    }
                }
            }
        }
        // `fields` naming a rendering asks for it, as on Ghost.
        if let Some(fields) = &fields
            && get(query, "formats").is_none()
        {
            formats.html = fields.iter().any(|f| f == "html");
            formats.plaintext = fields.iter().any(|f| f == "plaintext");
        }
        let filter = match get(query, "filter") {
            Some(text) => nql::parse(text)
                .map_err(|e| ParamError::Filter(format!("Error parsing filter: {e}")))?,
            None => None,
        };
        Ok(Request {
            limit,
            page,
            include,
            fields,
            formats,
            filter,
            order: get(query, "order")
                .map(str::trim)
                .filter(|o| !o.is_empty())
                .map(str::to_owned),
        })
    }

    /// The records to answer of all that match.
    pub fn window(&self) -> Window {
        Window {
            limit: self.limit,
            offset: self
                .limit
                .map_or(0, |limit| u64::from(self.page - 1) * u64::from(limit)),
        }
    }

    pub fn story_filter(
        &self,
        now: Timestamp,
    ) -> Result<crate::store::Filter<crate::store::StoryCondition>, ParamError> {
        self.filter
            .as_ref()
            .map_or(Ok(crate::store::Filter::Always(true)), |e| {
                filter::posts(e, now)
            })
            .map_err(filter_error)
    }

    pub fn tag_filter(
        &self,
    ) -> Result<crate::store::Filter<crate::store::TagCondition>, ParamError> {
        self.filter
            .as_ref()
            .map_or(Ok(crate::store::Filter::Always(true)), filter::tags)
            .map_err(filter_error)
    }

    pub fn author_filter(
        &self,
    ) -> Result<crate::store::Filter<crate::store::AuthorCondition>, ParamError> {
        self.filter
            .as_ref()
            .map_or(Ok(crate::store::Filter::Always(true)), filter::authors)
            .map_err(filter_error)
    }

    /// Posts newest first unless `order` says otherwise.
    pub fn story_order(&self) -> Result<Vec<Order<StoryField>>, ParamError> {
        let default = vec![Order {
            field: StoryField::PublishedAt,
            descending: true,
        }];
        self.order(
            default,
            |name| match name {
                "published_at" => Some(Some(StoryField::PublishedAt)),
                "updated_at" => Some(Some(StoryField::UpdatedAt)),
                "created_at" => Some(Some(StoryField::CreatedAt)),
                "title" => Some(Some(StoryField::Title)),
                "slug" => Some(Some(StoryField::Slug)),
                "id" => Some(Some(StoryField::Id)),
                // Ghost's columns that hold one value for every story served here.
                "featured" | "visibility" | "status" | "type" => Some(None),
                _ => None,
            },
            "published_at, updated_at, created_at, title, slug, id",
        )
    }

    /// Tags by name unless `order` says otherwise.
    pub fn tag_order(&self) -> Result<Vec<Order<TagField>>, ParamError> {
        let default = vec![Order {
            field: TagField::Name,
            descending: false,
        }];
        self.order(
            default,
            |name| match name {
                "name" => Some(Some(TagField::Name)),
                "slug" => Some(Some(TagField::Slug)),
                "count.posts" => Some(Some(TagField::PostCount)),
                "visibility" => Some(None),
                _ => None,
            },
            "name, slug, count.posts",
        )
    }

    /// Authors by name unless `order` says otherwise.
    pub fn author_order(&self) -> Result<Vec<Order<AuthorField>>, ParamError> {
        let default = vec![Order {
            field: AuthorField::Name,
            descending: false,
        }];
        self.order(
            default,
            |name| match name {
                "name" => Some(Some(AuthorField::Name)),
                "slug" => Some(Some(AuthorField::Slug)),
                "count.posts" => Some(Some(AuthorField::PostCount)),
                _ => None,
            },
            "name, slug, count.posts",
        )
    }

    /// `order=field dir, field dir`; `field` maps a name to a field (`Some(None)`: a field
    /// that orders nothing here).
    fn order<F: Copy>(
        &self,
        default: Vec<Order<F>>,
        field: impl Fn(&str) -> Option<Option<F>>,
        known: &str,
    ) -> Result<Vec<Order<F>>, ParamError> {
        let Some(text) = &self.order else {
            return Ok(default);
        };
        let mut order = Vec::new();
        for part in list(text) {
            let mut words = part.split_whitespace();
            let name = words.next().unwrap_or("");
            let descending = match words.next().map(str::to_ascii_lowercase).as_deref() {
                None | Some("asc") => false,
                Some("desc") => true,
                Some(other) => {
                    return Err(invalid(
                        "order",
                        format!("\"{other}\" in order=\"{text}\" is not asc or desc"),
                    ));
                }
            };
            if words.next().is_some() {
                return Err(invalid(
                    "order",
                    format!("order=\"{text}\": write each part as \"field asc\" or \"field desc\""),
                ));
            }
            match field(name) {
                Some(Some(field)) => order.push(Order { field, descending }),
                Some(None) => {}
                None => {
                    return Err(invalid(
                        "order",
                        format!("\"{name}\" cannot be ordered by; use {known}"),
                    ));
                }
            }
        }
        if order.is_empty() {
            return Ok(default);
        }
        Ok(order)
    }
}

fn filter_error(error: FilterError) -> ParamError {
    ParamError::Filter(format!("Error parsing filter: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    fn posts(pairs: &[(&str, &str)]) -> Result<Request, ParamError> {
        Request::parse(&query(pairs), Resource::Posts)
    }

    #[test]
    fn defaults_are_ghosts() {
        let request = posts(&[]).expect("no parameters");
        assert_eq!(request.limit, Some(15));
        assert_eq!(request.page, 1);
        assert_eq!(
            request.formats,
            Formats {
                html: true,
                plaintext: false
            }
        );
        assert_eq!(
            request.window(),
            Window {
                limit: Some(15),
                offset: 0
            }
        );
        assert_eq!(
            request.story_order().expect("order")[0].field,
            StoryField::PublishedAt
        );
    }

    #[test]
    fn limit_and_page_out_of_range_are_invalid() {
        for (param, value) in [
            ("limit", "0"),
            ("limit", "-1"),
            ("limit", "ten"),
            ("page", "0"),
            ("page", "x"),
            ("limit", "99999999999"),
        ] {
            match posts(&[(param, value)]) {
                Err(ParamError::Invalid { param: named, .. }) => assert_eq!(named, param),
                other => panic!("{param}={value}: {other:?}"),
            }
        }
        let all = posts(&[("limit", "all"), ("page", "3")]).expect("all");
        assert_eq!(
            all.window(),
            Window {
                limit: None,
                offset: 0
            }
        );
        let third = posts(&[("limit", "5"), ("page", "3")]).expect("page 3");
        assert_eq!(
            third.window(),
            Window {
                limit: Some(5),
                offset: 10
            }
        );
    }

    #[test]
    fn includes_formats_and_fields() {
        let request = posts(&[("include", "tags,authors"), ("formats", "plaintext")]).expect("ok");
        assert!(request.include.tags && request.include.authors);
        assert_eq!(
            request.formats,
            Formats {
                html: false,
                plaintext: true
            }
        );
        assert!(posts(&[("include", "count.posts")]).is_err());
        assert!(Request::parse(&query(&[("include", "count.posts")]), Resource::Tags).is_ok());
        assert!(posts(&[("formats", "mobiledoc")]).is_err());
        let fields = posts(&[("fields", "title, url,html")]).expect("fields");
        assert_eq!(
            fields.fields,
            Some(vec!["title".into(), "url".into(), "html".into()])
        );
        assert!(fields.formats.html);
    }

    #[test]
    fn orders_name_fields_and_directions() {
        let request = posts(&[("order", "title ASC, published_at desc")]).expect("order");
        assert_eq!(
            request.story_order().expect("order"),
            vec![
                Order {
                    field: StoryField::Title,
                    descending: false
                },
                Order {
                    field: StoryField::PublishedAt,
                    descending: true
                }
            ]
        );
        let featured = posts(&[("order", "featured desc, published_at desc")]).expect("order");
        assert_eq!(featured.story_order().expect("order").len(), 1);
        assert!(
            posts(&[("order", "colour desc")])
                .expect("parsed")
                .story_order()
                .is_err()
        );
        assert!(
            posts(&[("order", "title sideways")])
                .expect("parsed")
                .story_order()
                .is_err()
        );
    }

    #[test]
    fn filters_are_read_at_once() {
        assert!(matches!(
            posts(&[("filter", "tag:(")]),
            Err(ParamError::Filter(_))
        ));
        let request = posts(&[("filter", "colour:red")]).expect("syntax is fine");
        assert!(
            matches!(request.story_filter(Timestamp::now()), Err(ParamError::Filter(m)) if m.contains("colour"))
        );
    }
}
