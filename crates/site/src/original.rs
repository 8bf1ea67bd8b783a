//! The guide's own wording of a step, checked against the guide's source and shown collapsed.

use super::live_text::escaped;
use super::markdown::Link;
use super::{markdown, Site};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The guide's source, verbatim (a copy of the original `ecs-integration.md`).
pub const GUIDE_SOURCE: &str = include_str!("../../../tests/seed/ecs-integration.md");

/// The label of the collapsed block.
pub const SUMMARY: &str = "As the guide was first written";

/// A line holding only this separates runs of the source: where the guide had something else
/// between them (a document the page shows generated).
pub const GAP: &str = "\u{2026}";

/// Checks that `text` is whole, consecutive lines of the guide's source, byte for byte (indentation
/// and trailing spaces included), or several such runs separated by a line holding only `…`. The
/// error says which line differs and what the source has there.
pub fn check(text: &str) -> Result<(), String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut offset = 0;
    for run in lines.split(|l| *l == GAP) {
        check_run(run).map_err(|(at, message)| {
            format!(
                "the guide's own wording differs from the guide's source at its line {}: {message}",
                offset + at + 1
            )
        })?;
        offset += run.len() + 1;
    }
    Ok(())
}

/// Checks one run: where it fails (its index of the line) and why.
fn check_run(written: &[&str]) -> Result<(), (usize, String)> {
    if written.iter().all(|l| l.trim().is_empty()) {
        return Err((0, "an empty run (nothing between two `…` lines)".to_owned()));
    }
    let source: Vec<&str> = GUIDE_SOURCE.lines().collect();
    // The longest start of the run found in the source, and where it stops.
    let mut best: Option<(usize, usize)> = None;
    for start in 0..source.len() {
        let same = written
            .iter()
            .zip(&source[start..])
            .take_while(|(w, s)| w == s)
            .count();
        if same == written.len() {
            return Ok(());
        }
        if same > 0 && best.is_none_or(|(_, n)| same > n) {
            best = Some((start, same));
        }
    }
    Err(match best {
        None => (0, format!("`{}` is not a line of it", written[0])),
        Some((start, same)) => {
            let found = source
                .get(start + same)
                .map(|l| format!("`{l}`"))
                .unwrap_or_else(|| "nothing (its end)".to_owned());
            (
                same,
                format!(
                    "`{}` where the source (line {}) has {found}",
                    written[same],
                    start + same + 1
                ),
            )
        }
    })
}

/// The guide's wording, rendered as it was written (its placeholders and names as the guide has
/// them, nothing live), in a `<details>` closed by default; a `…` line stays as a paragraph that
/// marks the gap. Raw HTML in it is shown as text; its links are marked like the page's and checked
/// with them.
pub fn details(text: &str, site: &Site, line: usize, links: &mut Vec<Link>) -> String {
    let mut external = Vec::new();
    // Blank lines around a gap keep the runs apart (a list does not run on across it).
    let text = text.replace("\n\u{2026}\n", "\n\n\u{2026}\n\n");
    let events = Parser::new_ext(&text, Options::ENABLE_GFM).map(|event| match event {
        Event::Html(h) | Event::InlineHtml(h) => Event::Text(h),
        Event::Start(Tag::Link {
            dest_url, title, ..
        }) => {
            let (html, link, is_external) = markdown::link_open(&dest_url, &title, site, line);
            links.extend(link);
            external.push(is_external);
            Event::Html(html.into())
        }
        Event::End(TagEnd::Link) => {
            Event::Html(markdown::link_close(external.pop().unwrap_or(false)).into())
        }
        other => other,
    });
    let mut body = String::new();
    pulldown_cmark::html::push_html(&mut body, events);
    format!(
        "<details class=\"original\"><summary>{}</summary>\n<div class=\"original-text\">\n{body}</div></details>\n",
        escaped(SUMMARY)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_the_source_pass() {
        assert_eq!(check("- Click on `Roles`.\n"), Ok(()));
        assert_eq!(
            check("- Click `Validate Policy` button to ensure the syntax and the indentation are correct.\n\u{2026}\n- Click `Update Trust Policy`\n"),
            Ok(())
        );
    }

    #[test]
    fn an_altered_line_is_named_with_the_source_line() {
        let err = check("- Click on `Roles`.\n- Click `Create Role` and enter the following:  \n")
            .unwrap_err();
        assert!(
            err.contains("at its line 2: `- Click `Create Role` and enter the following:  ` where the source (line 27) has `- Click `Create New Role` and enter the following:  `"),
            "{err}"
        );
        // Trailing spaces count: the text is the guide's, byte for byte.
        assert!(check("- Click `Create New Role` and enter the following:\n").is_err());
        assert!(check("\u{2026}\n- Click on `Roles`.\n")
            .unwrap_err()
            .contains("empty run"));
        assert!(check("Not the guide\n")
            .unwrap_err()
            .contains("`Not the guide` is not a line of it"));
    }
}
