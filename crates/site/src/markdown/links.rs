//! The pass that resolves links: pages of `content/` become their HTML, anchors are kept to check,
//! and links off the site are marked external (console links carry every partition's console).

use super::{Link, Located};
use crate::live_text::escaped;
use crate::{console, Site};
use pulldown_cmark::{Event, LinkType, Tag, TagEnd};

/// Writes each link's `<a>` and `</a>` as HTML and collects the internal ones into `links`.
pub fn resolve<'a>(
    events: Vec<Located<'a>>,
    site: &Site,
    links: &mut Vec<Link>,
) -> Vec<Located<'a>> {
    let mut external_stack: Vec<bool> = Vec::new();
    let mut out = Vec::with_capacity(events.len());
    for (event, line) in events {
        let event = match event {
            Event::Start(Tag::Link {
                link_type: LinkType::Email,
                dest_url,
                ..
            }) => {
                external_stack.push(false);
                Event::Html(format!("<a href=\"mailto:{}\">", escaped(&dest_url)).into())
            }
            Event::Start(Tag::Link {
                dest_url, title, ..
            }) => {
                let (html, link, external) = link_open(&dest_url, &title, site, line);
                links.extend(link);
                external_stack.push(external);
                Event::Html(html.into())
            }
            Event::End(TagEnd::Link) => {
                let external = external_stack.pop().unwrap_or(false);
                Event::Html(link_close(external).into())
            }
            other => other,
        };
        out.push((event, line));
    }
    out
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
