//! A content page: its front matter (title, description, keywords, navigation) and Markdown body.

use super::SiteError;
use std::path::{Path, PathBuf};

/// One Markdown page of `content/`.
#[derive(Clone, Debug)]
pub struct Page {
    /// The source file, for messages.
    pub source: PathBuf,
    /// The output file name, `index.html` for `index.md`.
    pub output: String,
    pub title: String,
    pub description: String,
    pub keywords: String,
    /// The sidebar's name for the page (the title when absent).
    pub nav_title: String,
    pub nav_order: i64,
    /// True for a page for Shippable's developers (`audience: developers`): it is linked from the
    /// footer, not from the reader's navigation.
    pub for_developers: bool,
    /// True for the page whose body the embed carries (`embed: true`).
    pub embed: bool,
    /// Extra module scripts the page loads, `async` (`page_scripts: a.js, b.js`), relative to the site root.
    pub scripts: Vec<String>,
    /// The Markdown after the front matter.
    pub body: String,
    /// The number of source lines before the body, to report body lines as file lines.
    pub body_line_offset: usize,
}

impl Page {
    /// Reads a page: `---` front matter of `key: value` lines, then Markdown.
    pub fn parse(source: &Path, text: &str) -> Result<Page, SiteError> {
        let error = |line: usize, message: String| SiteError::FrontMatter {
            file: source.to_path_buf(),
            line,
            message,
        };
        let mut lines = text.split_inclusive('\n');
        if lines.next().map(str::trim_end) != Some("---") {
            return Err(error(
                1,
                "a page starts with `---` and its front matter".into(),
            ));
        }
        let (mut title, mut description, mut keywords) = (None, None, None);
        let (mut nav_title, mut nav_order) = (None, 100);
        let (mut embed, mut scripts) = (false, Vec::new());
        let mut for_developers = false;
        let mut consumed = 4; // "---\n"
        let mut line_number = 1;
        let mut closed = false;
        for line in lines {
            line_number += 1;
            consumed += line.len();
            let line = line.trim_end();
            if line == "---" {
                closed = true;
                break;
            }
            if line.is_empty() {
                continue;
            }
            let Some((key, value)) = line.split_once(':') else {
                return Err(error(
                    line_number,
                    format!("expected `key: value`, found `{line}`"),
                ));
            };
            let value = value.trim().to_owned();
            match key.trim() {
                "page_title" => title = Some(value),
                "page_description" => description = Some(value),
                "page_keywords" => keywords = Some(value),
                "nav_title" => nav_title = Some(value),
                "nav_order" => {
                    nav_order = value.parse().map_err(|_| {
                        error(line_number, format!("nav_order is a number, not `{value}`"))
                    })?
                }
                "embed" => embed = value == "true",
                "audience" => match value.as_str() {
                    "readers" => for_developers = false,
                    "developers" => for_developers = true,
                    _ => {
                        return Err(error(
                            line_number,
                            format!("audience is `readers` or `developers`, not `{value}`"),
                        ))
                    }
                },
                "page_scripts" => {
                    scripts = value
                        .split(',')
                        .map(|s| s.trim().to_owned())
                        .filter(|s| !s.is_empty())
                        .collect()
                }
                other => {
                    return Err(error(
                        line_number,
                        format!("unknown front matter key `{other}`"),
                    ))
                }
            }
        }
        if !closed {
            return Err(error(
                line_number,
                "the front matter is not closed by `---`".into(),
            ));
        }
        let title = title.ok_or_else(|| error(1, "page_title is required".into()))?;
        let stem = source
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("index")
            .to_owned();
        Ok(Page {
            source: source.to_path_buf(),
            output: format!("{stem}.html"),
            nav_title: nav_title.unwrap_or_else(|| title.clone()),
            title,
            description: description.unwrap_or_default(),
            keywords: keywords.unwrap_or_default(),
            nav_order,
            for_developers,
            embed,
            scripts,
            body: text[consumed.min(text.len())..].to_owned(),
            body_line_offset: line_number,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_becomes_fields() {
        let page = Page::parse(
            Path::new("content/guide.md"),
            "---\npage_title: T\npage_description: D\npage_keywords: a, b\n---\n# Hi\n",
        )
        .unwrap();
        assert_eq!(page.output, "guide.html");
        assert_eq!((page.title.as_str(), page.description.as_str()), ("T", "D"));
        assert_eq!(page.keywords, "a, b");
        assert_eq!(page.body, "# Hi\n");
        assert_eq!(page.body_line_offset, 5);
    }

    #[test]
    fn unknown_keys_are_errors_with_their_line() {
        let err =
            Page::parse(Path::new("x.md"), "---\npage_title: T\ntitel: x\n---\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.md:3: front matter: unknown front matter key `titel`"
        );
    }
}
