//! The pass that turns GitHub-style alerts (`> [!NOTE]` …) into labelled callouts.

use super::Located;
use pulldown_cmark::{BlockQuoteKind, Event, Tag, TagEnd};

/// Writes each block quote as HTML: an alert becomes an `<aside>` with its label, any other quote
/// stays a `<blockquote>`.
pub fn callouts(events: Vec<Located<'_>>) -> Vec<Located<'_>> {
    let mut note_stack: Vec<bool> = Vec::new();
    let mut out = Vec::with_capacity(events.len());
    for (event, line) in events {
        let event = match event {
            Event::Start(Tag::BlockQuote(kind)) => {
                let label = kind.map(label);
                note_stack.push(label.is_some());
                Event::Html(
                    match label {
                        Some(label) => format!(
                            "<aside class=\"callout callout-{}\" role=\"note\" aria-label=\"{label}\"><p class=\"callout-title\">{label}</p>\n",
                            label.to_ascii_lowercase()
                        ),
                        None => "<blockquote>\n".to_owned(),
                    }
                    .into(),
                )
            }
            Event::End(TagEnd::BlockQuote(_)) => Event::Html(
                if note_stack.pop().unwrap_or(false) {
                    "</aside>\n"
                } else {
                    "</blockquote>\n"
                }
                .into(),
            ),
            other => other,
        };
        out.push((event, line));
    }
    out
}

/// An alert's label, as the reader sees it.
fn label(kind: BlockQuoteKind) -> &'static str {
    match kind {
        BlockQuoteKind::Note => "Note",
        BlockQuoteKind::Tip => "Tip",
        BlockQuoteKind::Important => "Important",
        BlockQuoteKind::Warning => "Warning",
        BlockQuoteKind::Caution => "Caution",
    }
}
