//! The embed's one ES module: the wasm-bindgen glue, the live code, the guide's HTML and CSS, and the element.

use crate::OutputId;

/// Turns an ES module's text into plain statements for concatenation: `import` lines and
/// `export { … }` lines go, and a leading `export ` before a declaration goes.
pub fn strip_module_syntax(js: &str) -> String {
    let mut out = String::with_capacity(js.len());
    for line in js.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("import ") || trimmed.starts_with("export {") {
            continue;
        }
        match line.strip_prefix("export ") {
            Some(rest) => out.push_str(rest),
            None => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

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

/// The parts of the embed module, each an ES module's text except the HTML and CSS.
pub struct EmbedParts<'a> {
    /// wasm-bindgen's `--target web` glue (`pkg/ecs_guide.js`).
    pub glue: &'a str,
    /// `www/live.js`.
    pub live: &'a str,
    /// `www/embed/element.js`.
    pub element: &'a str,
    /// The guide's rendered body.
    pub template: &'a str,
    /// The embed's CSS.
    pub styles: &'a str,
}

/// Builds `ecs-integration-guide.js`: one module, no globals, exporting `generate`, `ready` and
/// `loadFull` (which imports the full build's glue, `ecs_guide_full.js`, from beside it).
pub fn bundle(parts: &EmbedParts) -> String {
    let literal = |s: &str| serde_json::to_string(s).expect("a string serialises");
    format!(
        "// <ecs-integration-guide>: the Shippable ECS integration guide as one custom element.\n\
// Built by build-site from content/ and www/; do not edit.\n\
{glue}\n{live}\nconst init = __wbg_init;\nconst TEMPLATE = {template};\nconst STYLES = {styles};\n{element}\n\
export {{ generate, ready, loadFull }};\n",
        glue = strip_module_syntax(parts.glue),
        live = strip_module_syntax(parts.live),
        template = literal(parts.template),
        styles = literal(parts.styles),
        element = strip_module_syntax(parts.element),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_syntax_is_stripped() {
        let js = "import init from './a.js';\nexport function f() {}\nexport { f as default };\nconst x = 'export ';\n";
        assert_eq!(
            strip_module_syntax(js),
            "function f() {}\nconst x = 'export ';\n"
        );
    }

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
        let out = bundle(&EmbedParts {
            glue: "",
            live: "",
            element: "",
            template: "<p class=\"a\">\u{2028}</p>",
            styles: "a { b: c }",
        });
        assert!(out.contains("const TEMPLATE = \"<p class=\\\"a\\\">\u{2028}</p>\";"));
        assert!(out.ends_with("export { generate, ready, loadFull };\n"));
    }
}
