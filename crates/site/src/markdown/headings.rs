//! The pass that writes headings: unique anchors, a `<section>` per level-2 heading, and the parts
//! a heading opens (way panels, collapsed extras) up to the next heading of its level.

use super::live_names::live;
use super::{slug, Heading, Located};
use crate::live_text::escaped;
use ecs_guide::Guide;
use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};
use std::collections::HashSet;

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

/// A heading being read: level, explicit id, its attributes, inline events.
type OpenHeading<'a> = (HeadingLevel, Option<String>, HeadingAttrs, Vec<Event<'a>>);

/// The sections and parts opened so far, closed by the next heading of their level or the end.
#[derive(Default)]
struct Outline {
    section_open: bool,
    section_method: Option<String>,
    /// Parts opened by a heading (way panels, collapsed extras): their level and closing tag.
    wrappers: Vec<(u8, &'static str)>,
}

/// Writes each heading (with what it opens and closes) as HTML, and records it in `headings` and
/// its id in `ids`; what is still open is closed at the end.
pub fn anchor<'a>(
    events: Vec<Located<'a>>,
    guide: &Guide,
    headings: &mut Vec<Heading>,
    ids: &mut HashSet<String>,
) -> Vec<Located<'a>> {
    let mut outline = Outline::default();
    let mut open: Option<OpenHeading> = None;
    let mut out = Vec::with_capacity(events.len());
    for (event, line) in events {
        if let Some((_, _, _, inner)) = open.as_mut() {
            if !matches!(event, Event::End(TagEnd::Heading(_))) {
                inner.push(event);
                continue;
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
                open = Some((level, id.map(|i| i.to_string()), extra, Vec::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                let heading = open.take().expect("heading start");
                let html = outline.heading(heading, guide, headings, ids);
                out.push((Event::Html(html.into()), line));
            }
            other => out.push((other, line)),
        }
    }
    let mut closing: String = outline
        .wrappers
        .iter()
        .rev()
        .map(|(_, close)| *close)
        .collect();
    if outline.section_open {
        closing.push_str("</section>\n");
    }
    if !closing.is_empty() {
        let line = out.last().map_or(0, |(_, line)| *line);
        out.push((Event::Html(closing.into()), line));
    }
    out
}

impl Outline {
    /// One heading's HTML: what it closes, what it opens, then the heading itself.
    fn heading(
        &mut self,
        (level, id, attrs, inner): OpenHeading,
        guide: &Guide,
        headings: &mut Vec<Heading>,
        ids: &mut HashSet<String>,
    ) -> String {
        let method = attrs.method;
        let text: String = inner
            .iter()
            .filter_map(|e| match e {
                Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                _ => None,
            })
            .collect();
        let id = unique(id.unwrap_or_else(|| slug(&text)), ids);
        let level_n = level as u8;
        let mut inner_html = String::new();
        pulldown_cmark::html::push_html(
            &mut inner_html,
            inner.into_iter().map(|event| live(event, guide)),
        );
        let mut html = String::new();
        while self
            .wrappers
            .last()
            .is_some_and(|(open, _)| *open >= level_n)
        {
            html.push_str(self.wrappers.pop().expect("an open part").1);
        }
        if level_n == 2 {
            if self.section_open {
                html.push_str("</section>\n");
            }
            self.section_open = true;
            self.section_method = method.clone();
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
            self.wrappers.push((level_n, "</div>\n"));
        }
        if attrs.extra {
            // A link inside a summary would not open it: the heading is its text only.
            html.push_str(&format!(
                "<details class=\"extra\"><summary><h{level_n} id=\"{id}\">{inner_html}</h{level_n}></summary>\n"
            ));
            self.wrappers.push((level_n, "</details>\n"));
        } else {
            html.push_str(&format!(
                "<h{level_n} id=\"{id}\"><a class=\"heading-link\" href=\"#{id}\">{inner_html}</a></h{level_n}>\n"
            ));
        }
        headings.push(Heading {
            level: level_n,
            id: id.clone(),
            text,
            method: self.section_method.clone(),
            way: attrs.way,
        });
        ids.insert(id);
        html
    }
}

/// The id itself, or with `-2`, `-3`… added if a heading before took it.
fn unique(id: String, ids: &HashSet<String>) -> String {
    if !ids.contains(&id) {
        return id;
    }
    let mut n = 2;
    while ids.contains(&format!("{id}-{n}")) {
        n += 1;
    }
    format!("{id}-{n}")
}
