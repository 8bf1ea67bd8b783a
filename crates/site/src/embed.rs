//! The embed's generated parts: the guide's HTML and CSS as a module the element imports (esbuild bundles it).

use ecs_guide::OutputId;

/// The embed's copy of the guide's body, without the placeholder texts of the outputs only the full
/// build makes (scripts and templates, kilobytes each). The element always runs JavaScript: they
/// are filled in when the full build arrives, so the module carries and parses less.
pub fn without_full_build_texts(body: &str) -> String {
    let mut out = body.to_owned();
    for id in OutputId::ALL
        .into_iter()
        .filter(|id| !id.in_the_small_build())
    {
        let marker = format!("data-output=\"{}\"", id.id());
        let Some(at) = out.find(&marker) else {
            continue;
        };
        let Some(open_end) = out[at..].find('>').map(|i| at + i + 1) else {
            continue;
        };
        let Some(close) = out[open_end..].find("</code>").map(|i| open_end + i) else {
            continue;
        };
        out.replace_range(open_end..close, "");
    }
    out
}

/// Rewrites CSS lengths in `rem` (the host page's root font size) as multiples of the embed's own
/// base size, `--ecs-guide-font-size` (16px unless the host sets it): a host's
/// `html { font-size: 1px }` cannot shrink the guide.
pub fn without_rem(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let bytes = css.as_bytes();
    let mut i = 0;
    while i < css.len() {
        let starts_number = (bytes[i].is_ascii_digit() || bytes[i] == b'.')
            && (i == 0
                || !(bytes[i - 1].is_ascii_alphanumeric()
                    || matches!(bytes[i - 1], b'-' | b'_' | b'.' | b'#')));
        if starts_number {
            let end = i + css[i..]
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(css.len() - i);
            let unit_ends = css[end..].starts_with("rem")
                && !css[end + 3..]
                    .starts_with(|c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if unit_ends {
                out.push_str(&format!(
                    "calc({} * var(--ecs-guide-font-size, 16px))",
                    &css[i..end]
                ));
                i = end + 3;
                continue;
            }
            out.push_str(&css[i..end]);
            i = end;
            continue;
        }
        let c = css[i..].chars().next().expect("inside the string");
        out.push(c);
        i += c.len_utf8();
    }
    out
}

/// `assets.js`, the module the element imports its HTML and CSS from (bundled by esbuild into
/// `ecs-integration-guide.js`): two string literals, `TEMPLATE` and `STYLES`.
pub fn assets_module(template: &str, styles: &str) -> String {
    let literal = |s: &str| serde_json::to_string(s).expect("a string serialises");
    format!(
        "// The guide's HTML and CSS for <ecs-integration-guide>. Written by build-site; do not edit.\n\
export const TEMPLATE = {};\nexport const STYLES = {};\n",
        literal(template),
        literal(&without_rem(styles)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_full_builds_outputs_are_left_empty() {
        let body = "<code id=\"output-cross-account-role-arn\" data-output=\"cross-account-role-arn\" data-complete=\"false\">arn:aws:iam::&lt;12&gt;</code>\
<code id=\"output-cross-account-aws-cli\" data-output=\"cross-account-aws-cli\" data-complete=\"false\">#!/usr/bin/env bash\naws iam</code><p>after</p>";
        assert_eq!(
            without_full_build_texts(body),
            "<code id=\"output-cross-account-role-arn\" data-output=\"cross-account-role-arn\" data-complete=\"false\">arn:aws:iam::&lt;12&gt;</code>\
<code id=\"output-cross-account-aws-cli\" data-output=\"cross-account-aws-cli\" data-complete=\"false\"></code><p>after</p>"
        );
    }

    #[test]
    fn html_and_css_become_string_literals() {
        let out = assets_module("<p class=\"a\">\u{2028}</p>", "a { b: c }");
        assert_eq!(
            out,
            "// The guide's HTML and CSS for <ecs-integration-guide>. Written by build-site; do not edit.\n\
export const TEMPLATE = \"<p class=\\\"a\\\">\u{2028}</p>\";\nexport const STYLES = \"a { b: c }\";\n"
        );
    }

    #[test]
    fn rem_lengths_become_the_embeds_own_unit() {
        assert_eq!(
            without_rem("p{margin:0.75rem 0;font-size:.875rem}h1{font:2rem/1 x}.rem-1rem{width:10rem}a{b:1remx}"),
            "p{margin:calc(0.75 * var(--ecs-guide-font-size, 16px)) 0;font-size:calc(.875 * var(--ecs-guide-font-size, 16px))}\
h1{font:calc(2 * var(--ecs-guide-font-size, 16px))/1 x}.rem-1rem{width:calc(10 * var(--ecs-guide-font-size, 16px))}a{b:1remx}"
        );
    }
}
