//! The pass that makes inline code naming `{input-key}` live: each key a span following the typed value.

use super::Located;
use crate::live_text;
use ecs_guide::Guide;
use pulldown_cmark::{CowStr, Event};

/// Turns each inline code holding a live name into HTML.
pub fn inline_code<'a>(events: Vec<Located<'a>>, guide: &Guide) -> Vec<Located<'a>> {
    events
        .into_iter()
        .map(|(event, line)| (live(event, guide), line))
        .collect()
}

/// One event, live if it is inline code holding `{input-key}`.
pub fn live<'a>(event: Event<'a>, guide: &Guide) -> Event<'a> {
    match event {
        Event::Code(code) if live_text::has_live_names(&code) => Event::Html(CowStr::from(
            format!("<code>{}</code>", live_text::live_text(&code, guide)),
        )),
        other => other,
    }
}
