//! The pass that strips `<!-- … -->` comments: sources for reviewers in `content/`, never in the page.

use super::Located;
use pulldown_cmark::{Event, TagEnd};

/// Takes every comment out of the raw HTML, block and inline, outside headings (a heading keeps
/// its inline events as written); a comment may span several pieces of HTML.
pub fn strip(events: Vec<Located<'_>>) -> Vec<Located<'_>> {
    let mut in_comment = false;
    let mut in_heading = false;
    let mut out = Vec::with_capacity(events.len());
    for (event, line) in events {
        let event = match event {
            Event::Start(pulldown_cmark::Tag::Heading { .. }) => {
                in_heading = true;
                event
            }
            Event::End(TagEnd::Heading(_)) => {
                in_heading = false;
                event
            }
            Event::Html(html) if !in_heading => {
                let kept = without_comments(&html, &mut in_comment);
                if kept.trim().is_empty() {
                    continue;
                }
                Event::Html(kept.into())
            }
            Event::InlineHtml(html) if !in_heading => {
                let kept = without_comments(&html, &mut in_comment);
                if kept.trim().is_empty() {
                    continue;
                }
                Event::InlineHtml(kept.into())
            }
            other => other,
        };
        out.push((event, line));
    }
    out
}

/// Raw HTML with every `<!-- … -->` taken out; `in_comment` carries a comment across pieces.
fn without_comments(html: &str, in_comment: &mut bool) -> String {
    let mut out = String::new();
    let mut rest = html;
    loop {
        if *in_comment {
            match rest.find("-->") {
                Some(end) => {
                    rest = &rest[end + 3..];
                    *in_comment = false;
                }
                None => return out,
            }
        } else {
            match rest.find("<!--") {
                Some(start) => {
                    out.push_str(&rest[..start]);
                    rest = &rest[start + 4..];
                    *in_comment = true;
                }
                None => {
                    out.push_str(rest);
                    return out;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_taken_out_even_across_pieces() {
        let mut in_comment = false;
        assert_eq!(
            without_comments("a<!-- x -->b<!-- y", &mut in_comment),
            "ab"
        );
        assert!(in_comment);
        assert_eq!(without_comments("still y\n", &mut in_comment), "");
        assert_eq!(without_comments("y --> c", &mut in_comment), " c");
        assert!(!in_comment);
    }
}
