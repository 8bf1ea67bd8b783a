//! Markdown to HTML: pulldown-cmark events through a pipeline of named passes, then HTML.
//!
//! [`render`] parses a page into events (each with its line in the page's file) and runs these
//! passes in order, each over the whole page with one job, as mdBook's renderer does:
//! 1. [`comments::strip`]: `<!-- … -->` out of the raw HTML (sources for reviewers, not readers);
//! 2. [`fences::fill`]: fenced blocks become generated documents (checked against the core), the
//!    guide's original wording, the live forms and drawings, or highlighted code;
//! 3. [`headings::anchor`]: headings get unique anchors, sections and the parts they open;
//! 4. [`links::resolve`]: links to pages, anchors and other sites, the internal ones kept to check;
//! 5. [`notes::callouts`]: alerts (`> [!NOTE]`) become labelled callouts;
//! 6. [`live_names::inline_code`]: inline code naming `{input-key}` follows the typed value.
//!
//! Then pulldown-cmark writes the HTML. A pass writes what it made as `Event::Html`, which later
//! passes leave alone; a heading's inline events are its own (the headings pass writes them).

pub mod comments;
pub mod fences;
pub mod headings;
pub mod links;
pub mod live_names;
pub mod notes;

pub use links::{link_close, link_open};

use super::page::Page;
use super::{Site, SiteError};
use ecs_guide::Guide;
use pulldown_cmark::{Event, Options, Parser};
use std::collections::HashSet;

/// An event with the line of the page's file it starts on.
pub type Located<'a> = (Event<'a>, usize);

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

/// The line of the page's file that a byte of its body is on.
fn line_of(body: &str, offset: usize, page: &Page) -> usize {
    page.body_line_offset + body[..offset.min(body.len())].matches('\n').count() + 1
}

/// Renders one page's Markdown body: the passes above, in order, then HTML.
pub fn render(page: &Page, site: &Site, guide: &Guide) -> Result<Rendered, SiteError> {
    let body = page.body.as_str();
    let options = Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH;
    let events: Vec<Located> = Parser::new_ext(body, options)
        .into_offset_iter()
        .map(|(event, range)| (event, line_of(body, range.start, page)))
        .collect();

    let mut rendered = Rendered::default();
    let events = comments::strip(events);
    let events = fences::fill(events, page, site, guide, &mut rendered.links)?;
    let events = headings::anchor(events, guide, &mut rendered.headings, &mut rendered.ids);
    let events = links::resolve(events, site, &mut rendered.links);
    let events = notes::callouts(events);
    let events = live_names::inline_code(events, guide);

    // Links in document order (an original's links were found before the links pass ran).
    rendered.links.sort_by_key(|link| link.line);
    pulldown_cmark::html::push_html(
        &mut rendered.html,
        events.into_iter().map(|(event, _)| event),
    );
    Ok(rendered)
}

#[cfg(test)]
mod tests {
    use super::*;

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
