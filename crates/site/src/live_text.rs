//! Text as HTML: escaped, with each `{input-key}` name a span that follows what the reader types.

use ecs_guide::{Guide, InputKey};
use pulldown_cmark_escape::escape_html;

/// HTML-escapes text for element content and quoted attribute values.
pub fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    // Writing into a String cannot fail.
    let _ = escape_html(&mut out, text);
    out
}

fn token(key: InputKey) -> String {
    format!("{{{}}}", key.key())
}

/// True when `text` holds a `{input-key}` token.
pub fn has_live_names(text: &str) -> bool {
    InputKey::ALL.iter().any(|k| text.contains(&token(*k)))
}

/// A span that shows an input's value (or the guide's placeholder) and follows what is typed.
pub fn live_name(key: InputKey, guide: &Guide) -> String {
    format!(
        "<span data-input=\"{}\">{}</span>",
        key.key(),
        escaped(&guide.input(key).shown)
    )
}

/// Escapes `text`, turning each `{input-key}` token into a live span.
pub fn live_text(text: &str, guide: &Guide) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let found = InputKey::ALL
            .into_iter()
            .find(|k| rest[start..].starts_with(&token(*k)));
        match found {
            Some(key) => {
                out.push_str(&escaped(&rest[..start]));
                out.push_str(&live_name(key, guide));
                rest = &rest[start + token(key).len()..];
            }
            None => {
                out.push_str(&escaped(&rest[..=start]));
                rest = &rest[start + 1..];
            }
        }
    }
    out.push_str(&escaped(rest));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ecs_guide::{generate, RawInputs};

    #[test]
    fn live_text_escapes_and_marks_names() {
        let guide = generate(&RawInputs::new());
        assert_eq!(
            live_text("<a> {role-name} {nope}", &guide),
            "&lt;a&gt; <span data-input=\"role-name\">shippable-role-to-allow-ecs-access</span> {nope}"
        );
    }
}
