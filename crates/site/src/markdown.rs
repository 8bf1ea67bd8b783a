//! Markdown to HTML: pulldown-cmark events, transformed (headings, links, notes, live blocks), then HTML.

use super::widgets::escaped;
use super::{console, original, widgets};
use super::{Site, SiteError};
use ecs_guide::OutputId;
use ecs_guide::{Guide, InputKey};
use pulldown_cmark::{
    BlockQuoteKind, CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag,
    TagEnd,
};
use std::collections::HashSet;

use super::page::Page;

/// A heading of the page, for the table of contents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
    /// The method of the section it is in (`data-method` of its level-2 heading).
    pub method: Option<String>,
    /// The way its part serves (`data-way`), for a level-3 heading.
    pub way: Option<String>,
}

/// A link found in a page, checked once every page is rendered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// The other page (its output name), or `None` for the same page.
    pub page: Option<String>,
    /// The anchor, if any.
    pub anchor: Option<String>,
    /// Where it was written, as `file:line`.
    pub line: usize,
    /// What was written.
    pub written: String,
}

/// A rendered page body with what the checks and the template need.
#[derive(Clone, Debug, Default)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
    pub links: Vec<Link>,
    pub ids: HashSet<String>,
}

/// A heading being read: level, explicit id, its attributes, inline events.
type OpenHeading<'a> = (HeadingLevel, Option<String>, HeadingAttrs, Vec<Event<'a>>);

/// What a heading's `{…}` attributes ask for beyond its id.
#[derive(Default)]
struct HeadingAttrs {
    /// `data-method=…` on a level-2 heading: the section serves one method.
    method: Option<String>,
    /// `data-way=…` on a level-3 heading: the part (up to the next heading of its level) serves
    /// one way of doing it (`console`, or `code` for the CLI, CloudFormation and Terraform).
    way: Option<String>,
    /// `.extra`: the part is collapsed (`<details>`), its heading the one line that says what it offers.
    extra: bool,
}

/// What a link's destination is.
enum Destination {
    /// An anchor in this page, or a page of `content/` (with an optional anchor).
    Internal(String, Option<String>, Option<String>),
    /// Anywhere else: marked external.
    External(String),
}

fn classify(dest: &str, site: &Site) -> Destination {
    if let Some(anchor) = dest.strip_prefix('#') {
        return Destination::Internal(dest.to_owned(), None, Some(anchor.to_owned()));
    }
    if dest.contains("://") || dest.starts_with("mailto:") {
        return Destination::External(dest.to_owned());
    }
    let (path, anchor) = match dest.split_once('#') {
        Some((p, a)) => (p, Some(a.to_owned())),
        None => (dest, None),
    };
    if let Some(stem) = path.strip_suffix(".md") {
        let page = format!("{}.html", stem.trim_start_matches("./"));
        let href = match &anchor {
            Some(a) => format!("{page}#{a}"),
            None => page.clone(),
        };
        return Destination::Internal(href, Some(page), anchor);
    }
    if path.starts_with('/') {
        // A page of the Shippable docs that is not in content/: the original docs site.
        return Destination::External(format!(
            "{}{dest}",
            site.docs_base_url.trim_end_matches('/')
        ));
    }
    // A relative path that is not a page: checked like a page (it must exist in the site).
    Destination::Internal(dest.to_owned(), Some(path.to_owned()), anchor)
}

/// Turns a heading's text into an id: lowercase ASCII words joined by `-`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for word in text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    if out.is_empty() {
        out.push_str("section");
    }
    out
}

fn line_of(body: &str, offset: usize, page: &Page) -> usize {
    page.body_line_offset + body[..offset.min(body.len())].matches('\n').count() + 1
}

/// Renders one page's Markdown body.
pub fn render(page: &Page, site: &Site, guide: &Guide) -> Result<Rendered, SiteError> {
    let body = page.body.as_str();
    let options = Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH;
    let parser = Parser::new_ext(body, options).into_offset_iter();

    let mut rendered = Rendered::default();
    let mut events: Vec<Event> = Vec::new();
    let mut in_heading: Option<OpenHeading> = None;
    let mut in_code: Option<(String, String, usize)> = None;
    let mut link_stack: Vec<bool> = Vec::new();
    let mut note_stack: Vec<bool> = Vec::new();
    let mut section_open = false;
    let mut section_method: Option<String> = None;
    // Parts opened by a heading (way panels, collapsed extras): their level and closing tag.
    let mut wrappers: Vec<(u8, &'static str)> = Vec::new();
    let mut used_ids: HashSet<String> = HashSet::new();
    let mut in_comment = false;

    for (event, range) in parser {
        let line = line_of(body, range.start, page);
        // Inside a heading: collect its inline events.
        if let Some((_, _, _, inner)) = in_heading.as_mut() {
            if !matches!(event, Event::End(TagEnd::Heading(_))) {
                inner.push(event);
                continue;
            }
        }
        if let Some((_, text, _)) = in_code.as_mut() {
            match event {
                Event::Text(t) => {
                    text.push_str(&t);
                    continue;
                }
                Event::End(TagEnd::CodeBlock) => {}
                _ => continue,
            }
        }
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                let attr = |name: &str| {
                    attrs
                        .iter()
                        .find(|(k, _)| k.as_ref() == name)
                        .and_then(|(_, v)| v.as_ref().map(|v| v.to_string()))
                };
                let extra = HeadingAttrs {
                    method: attr("data-method"),
                    way: attr("data-way"),
                    extra: classes.iter().any(|c| c.as_ref() == "extra"),
                };
                in_heading = Some((level, id.map(|i| i.to_string()), extra, Vec::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                let (level, id, attrs, inner) = in_heading.take().expect("heading start");
                let method = attrs.method;
                let text: String = inner
                    .iter()
                    .filter_map(|e| match e {
                        Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                        _ => None,
                    })
                    .collect();
                let mut id = id.unwrap_or_else(|| slug(&text));
                if used_ids.contains(&id) {
                    let base = id.clone();
                    let mut n = 2;
                    while used_ids.contains(&format!("{base}-{n}")) {
                        n += 1;
                    }
                    id = format!("{base}-{n}");
                }
                used_ids.insert(id.clone());
                let level_n = level as u8;
                let mut inner_html = String::new();
                pulldown_cmark::html::push_html(
                    &mut inner_html,
                    inline_live(inner, guide).into_iter(),
                );
                let mut html = String::new();
                while wrappers.last().is_some_and(|(open, _)| *open >= level_n) {
                    html.push_str(wrappers.pop().expect("an open part").1);
                }
                if level_n == 2 {
                    if section_open {
                        html.push_str("</section>\n");
                    }
                    section_open = true;
                    section_method = method.clone();
                    html.push_str(&format!("<section aria-labelledby=\"{id}\""));
                    if let Some(method) = &method {
                        html.push_str(&format!(" data-method=\"{}\"", escaped(method)));
                    }
                    html.push_str(">\n");
                }
                if let Some(way) = &attrs.way {
                    html.push_str(&format!(
                        "<div class=\"way-panel\" data-way=\"{}\">\n",
                        escaped(way)
                    ));
                    wrappers.push((level_n, "</div>\n"));
                }
                if attrs.extra {
                    // A link inside a summary would not open it: the heading is its text only.
                    html.push_str(&format!(
                        "<details class=\"extra\"><summary><h{level_n} id=\"{id}\">{inner_html}</h{level_n}></summary>\n"
                    ));
                    wrappers.push((level_n, "</details>\n"));
                } else {
                    html.push_str(&format!(
                        "<h{level_n} id=\"{id}\"><a class=\"heading-link\" href=\"#{id}\">{inner_html}</a></h{level_n}>\n"
                    ));
                }
                rendered.headings.push(Heading {
                    level: level_n,
                    id: id.clone(),
                    text,
                    method: section_method.clone(),
                    way: attrs.way.clone(),
                });
                rendered.ids.insert(id);
                events.push(Event::Html(html.into()));
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                in_code = Some((info, String::new(), line));
            }
            Event::End(TagEnd::CodeBlock) => {
                let (info, text, start_line) = in_code.take().expect("code block start");
                let html = if info.split_whitespace().next() == Some("original") {
                    // The guide's own wording of a step: exactly the guide's source, or no site.
                    original::check(&text).map_err(|message| SiteError::Content {
                        file: page.source.clone(),
                        line: start_line,
                        message,
                    })?;
                    original::details(&text, site, start_line, &mut rendered.links)
                } else {
                    code_block(&info, &text, start_line, page, guide)?
                };
                events.push(Event::Html(html.into()));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id: _,
            }) => {
                if matches!(link_type, LinkType::Email) {
                    link_stack.push(false);
                    events.push(Event::Html(
                        format!("<a href=\"mailto:{}\">", escaped(&dest_url)).into(),
                    ));
                    continue;
                }
                let (html, link, external) = link_open(&dest_url, &title, site, line);
                rendered.links.extend(link);
                link_stack.push(external);
                events.push(Event::Html(html.into()));
            }
            Event::End(TagEnd::Link) => {
                let external = link_stack.pop().unwrap_or(false);
                events.push(Event::Html(link_close(external).into()));
            }
            // Comments in content/ (sources for reviewers) are not for readers: never in the page.
            Event::Html(html) => {
                let kept = without_comments(&html, &mut in_comment);
                if !kept.trim().is_empty() {
                    events.push(Event::Html(kept.into()));
                }
            }
            Event::InlineHtml(html) => {
                let kept = without_comments(&html, &mut in_comment);
                if !kept.trim().is_empty() {
                    events.push(Event::InlineHtml(kept.into()));
                }
            }
            Event::Start(Tag::BlockQuote(kind)) => {
                let label = match kind {
                    Some(BlockQuoteKind::Note) => Some("Note"),
                    Some(BlockQuoteKind::Tip) => Some("Tip"),
                    Some(BlockQuoteKind::Important) => Some("Important"),
                    Some(BlockQuoteKind::Warning) => Some("Warning"),
                    Some(BlockQuoteKind::Caution) => Some("Caution"),
                    None => None,
                };
                note_stack.push(label.is_some());
                events.push(Event::Html(
                    match label {
                        Some(label) => format!(
                            "<aside class=\"callout callout-{}\" role=\"note\" aria-label=\"{label}\"><p class=\"callout-title\">{label}</p>\n",
                            label.to_ascii_lowercase()
                        ),
                        None => "<blockquote>\n".to_owned(),
                    }
                    .into(),
                ));
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                let note = note_stack.pop().unwrap_or(false);
                events.push(Event::Html(
                    if note {
                        "</aside>\n"
                    } else {
                        "</blockquote>\n"
                    }
                    .into(),
                ));
            }
            Event::Code(code) => events.extend(inline_live(vec![Event::Code(code)], guide)),
            other => events.push(other),
        }
    }
    let mut closing: String = wrappers.iter().rev().map(|(_, close)| *close).collect();
    if section_open {
        closing.push_str("</section>\n");
    }
    if !closing.is_empty() {
        events.push(Event::Html(closing.into()));
    }
    pulldown_cmark::html::push_html(&mut rendered.html, events.into_iter());
    Ok(rendered)
}

/// Opens a link: the `<a>` tag, the link to check once every page is rendered (internal links
/// only), and whether it goes off the site. Links into the AWS console also carry the console of
/// every partition.
pub fn link_open(
    dest: &str,
    title: &str,
    site: &Site,
    line: usize,
) -> (String, Option<Link>, bool) {
    let title_attr = if title.is_empty() {
        String::new()
    } else {
        format!(" title=\"{}\"", escaped(title))
    };
    match classify(dest, site) {
        Destination::Internal(href, page_name, anchor) => (
            format!("<a href=\"{}\"{title_attr}>", escaped(&href)),
            Some(Link {
                page: page_name,
                anchor,
                line,
                written: dest.to_owned(),
            }),
            false,
        ),
        Destination::External(href) => (
            format!(
                "<a class=\"external\" rel=\"external noopener\" href=\"{}\"{}{title_attr}>",
                escaped(&href),
                console::partition_attributes(&href).unwrap_or_default()
            ),
            None,
            true,
        ),
    }
}

/// Closes a link opened by [`link_open`].
pub fn link_close(external: bool) -> &'static str {
    if external {
        "<span class=\"visually-hidden\"> (external site)</span></a>"
    } else {
        "</a>"
    }
}

/// Raw HTML with every `<!-- … -->` taken out; `in_comment` carries a comment across pieces.
fn without_comments(html: &str, in_comment: &mut bool) -> String {
    let mut out = String::new();
    let mut rest = html;
    loop {
        if *in_comment {
            match rest.find("-->") {
                Some(end) => {
                    rest = &rest[end + 3..];
                    *in_comment = false;
                }
                None => return out,
            }
        } else {
            match rest.find("<!--") {
                Some(start) => {
                    out.push_str(&rest[..start]);
                    rest = &rest[start + 4..];
                    *in_comment = true;
                }
                None => {
                    out.push_str(rest);
                    return out;
                }
            }
        }
    }
}

/// Inline code holding `{input-key}` becomes live: each key a span that follows the typed value.
fn inline_live<'a>(events: Vec<Event<'a>>, guide: &Guide) -> Vec<Event<'a>> {
    events
        .into_iter()
        .map(|event| match event {
            Event::Code(code) if widgets::has_live_names(&code) => Event::Html(CowStr::from(
                format!("<code>{}</code>", widgets::live_text(&code, guide)),
            )),
            other => other,
        })
        .collect()
}

/// A fenced block: a generated document (`output=<id>`), the values form, a form drawing, or code.
fn code_block(
    info: &str,
    text: &str,
    line: usize,
    page: &Page,
    guide: &Guide,
) -> Result<String, SiteError> {
    let mut words = info.split_whitespace();
    let lang = words.next().unwrap_or("");
    let rest: Vec<&str> = words.collect();
    let at = |message: String| SiteError::Content {
        file: page.source.clone(),
        line,
        message,
    };
    match lang {
        "your-values" => return Ok(widgets::your_values_form()),
        "choose-method" => return Ok(widgets::method_choice()),
        "choose-way" => {
            let method = rest.first().copied().unwrap_or("");
            return widgets::way_tabs(method)
                .ok_or_else(|| at(format!("unknown choose-way method `{method}`")));
        }
        "paste" => {
            let key = rest.first().copied().unwrap_or("");
            return InputKey::from_key(key)
                .and_then(widgets::paste_form)
                .ok_or_else(|| at(format!("unknown paste field `{key}`")));
        }
        "output" => {
            // A generated document shown whole, without a copy of it in the Markdown.
            let id = rest.first().copied().unwrap_or("");
            let output_id =
                OutputId::from_id(id).ok_or_else(|| at(format!("unknown output `{id}`")))?;
            return Ok(widgets::output_block(guide.output(output_id), guide));
        }
        "integration-form" => {
            let method = rest.first().copied().unwrap_or("");
            return widgets::integration_form(method, guide)
                .ok_or_else(|| at(format!("unknown integration-form method `{method}`")));
        }
        _ => {}
    }
    if let Some(id) = rest.iter().find_map(|w| w.strip_prefix("output=")) {
        let output_id =
            OutputId::from_id(id).ok_or_else(|| at(format!("unknown output `{id}`")))?;
        let output = guide.output(output_id);
        // The source shows the guide's document; it must be the one generated (as data).
        let matches = if lang == "json" {
            match (
                serde_json::from_str::<serde_json::Value>(text),
                serde_json::from_str::<serde_json::Value>(&output.text),
            ) {
                (Ok(written), Ok(generated)) => written == generated,
                _ => false,
            }
        } else {
            text.trim() == output.text
        };
        if !matches {
            return Err(at(format!(
                "the document written for output `{id}` is not the one the core generates:\n{}",
                output.text
            )));
        }
        return Ok(widgets::output_block(output, guide));
    }
    Ok(widgets::code(lang, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_taken_out_even_across_pieces() {
        let mut in_comment = false;
        assert_eq!(
            without_comments("a<!-- x -->b<!-- y", &mut in_comment),
            "ab"
        );
        assert!(in_comment);
        assert_eq!(without_comments("still y\n", &mut in_comment), "");
        assert_eq!(without_comments("y --> c", &mut in_comment), " c");
        assert!(!in_comment);
    }

    #[test]
    fn slugs_are_ascii_words() {
        assert_eq!(
            slug("1. Create an AWS IAM Role"),
            "1-create-an-aws-iam-role"
        );
        assert_eq!(
            slug("Update the `Trust Relationships`"),
            "update-the-trust-relationships"
        );
        assert_eq!(slug("??"), "section");
    }

    #[test]
    fn ways_and_extras_wrap_their_parts_up_to_the_next_heading_of_their_level() {
        let page = Page::parse(
            std::path::Path::new("t.md"),
            "---\npage_title: T\n---\n## M {#m data-method=cross-account}\n### A {#a data-way=console}\nx\n#### C {#c .extra}\ny\n### B {#b}\nz\n",
        )
        .unwrap();
        let guide = ecs_guide::generate(&ecs_guide::RawInputs::new());
        let html = render(&page, &Site::default(), &guide).unwrap().html;
        assert_eq!(
            html,
            "<section aria-labelledby=\"m\" data-method=\"cross-account\">\n\
<h2 id=\"m\"><a class=\"heading-link\" href=\"#m\">M</a></h2>\n\
<div class=\"way-panel\" data-way=\"console\">\n<h3 id=\"a\"><a class=\"heading-link\" href=\"#a\">A</a></h3>\n<p>x</p>\n\
<details class=\"extra\"><summary><h4 id=\"c\">C</h4></summary>\n<p>y</p>\n\
</details>\n</div>\n<h3 id=\"b\"><a class=\"heading-link\" href=\"#b\">B</a></h3>\n<p>z</p>\n</section>\n"
        );
    }
}
