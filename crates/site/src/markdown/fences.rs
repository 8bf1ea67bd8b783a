//! The pass that fills fenced blocks: generated documents (checked against the core), the guide's
//! original wording, the live forms and drawings, and plain code.

use super::{Link, Located};
use crate::page::Page;
use crate::{document, drawing, original, widgets, Site, SiteError};
use ecs_guide::{Guide, InputKey, OutputId};
use pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};

/// Writes each fenced or indented block as HTML; the links of an original's wording go to `links`.
/// A block the core disagrees with, or a fence naming nothing known, is an error at its line.
pub fn fill<'a>(
    events: Vec<Located<'a>>,
    page: &Page,
    site: &Site,
    guide: &Guide,
    links: &mut Vec<Link>,
) -> Result<Vec<Located<'a>>, SiteError> {
    let mut open: Option<(String, String, usize)> = None;
    let mut out = Vec::with_capacity(events.len());
    for (event, line) in events {
        if let Some((_, text, _)) = open.as_mut() {
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
            Event::Start(Tag::CodeBlock(kind)) => {
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                open = Some((info, String::new(), line));
            }
            Event::End(TagEnd::CodeBlock) => {
                let (info, text, start_line) = open.take().expect("code block start");
                let html = if info.split_whitespace().next() == Some("original") {
                    // The guide's own wording of a step: exactly the guide's source, or no site.
                    original::check(&text).map_err(|message| SiteError::Content {
                        file: page.source.clone(),
                        line: start_line,
                        message,
                    })?;
                    original::details(&text, site, start_line, links)
                } else {
                    code_block(&info, &text, start_line, page, guide)?
                };
                out.push((Event::Html(html.into()), line));
            }
            other => out.push((other, line)),
        }
    }
    Ok(out)
}
/// A fenced block: a generated document (`<language> output=<id>`, holding it), the values form, a form drawing, or code.
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
            // One syntax for a generated document: the fence holds it, so the build checks it.
            let id = rest.first().copied().unwrap_or("<output id>");
            let document = OutputId::from_id(id)
                .map(|output_id| format!(":\n{}", guide.output(output_id).text))
                .unwrap_or_default();
            return Err(at(format!(
                "a fence `output {id}` is not the syntax: write a fence `<language> output={id}` \
(e.g. ```json output={id}) holding the document the core generates{document}"
            )));
        }
        "integration-form" => {
            let method = rest.first().copied().unwrap_or("");
            return drawing::integration_form(method, guide)
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
        return Ok(document::output_block(output, guide));
    }
    Ok(document::code(lang, text))
}
