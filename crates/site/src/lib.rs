//! The docs site, rendered at build time: pages of `content/` through Markdown to checked static HTML.

pub mod console;
pub mod document;
pub mod drawing;
pub mod embed;
pub mod facts;
pub mod live_text;
pub mod markdown;
pub mod original;
pub mod page;
pub mod template;
pub mod widgets;

use ecs_guide::{generate, RawInputs};
use page::Page;
use std::fmt;
use std::path::{Path, PathBuf};

/// Settings of one build.
#[derive(Clone, Debug)]
pub struct Site {
    /// Where links to Shippable docs pages that are not in `content/` go.
    pub docs_base_url: String,
    /// Files besides the pages that the built site holds (`embed/demo.html`), valid link targets.
    pub files: Vec<String>,
}

impl Default for Site {
    fn default() -> Site {
        Site {
            docs_base_url: "https://docs.shippable.com".to_owned(),
            files: Vec::new(),
        }
    }
}

/// Why the site could not be built; each names the file and line.
#[derive(Debug)]
pub enum SiteError {
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    FrontMatter {
        file: PathBuf,
        line: usize,
        message: String,
    },
    Content {
        file: PathBuf,
        line: usize,
        message: String,
    },
    BrokenLink {
        file: PathBuf,
        line: usize,
        link: String,
        reason: String,
    },
}

impl fmt::Display for SiteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SiteError::Io { path, error } => write!(f, "{}: {error}", path.display()),
            SiteError::FrontMatter {
                file,
                line,
                message,
            } => {
                write!(f, "{}:{line}: front matter: {message}", file.display())
            }
            SiteError::Content {
                file,
                line,
                message,
            } => {
                write!(f, "{}:{line}: {message}", file.display())
            }
            SiteError::BrokenLink {
                file,
                line,
                link,
                reason,
            } => {
                write!(
                    f,
                    "{}:{line}: broken link `{link}`: {reason}",
                    file.display()
                )
            }
        }
    }
}

impl std::error::Error for SiteError {}

/// Everything rendered: the pages, and the body the embed carries.
pub struct SiteOutput {
    pub pages: Vec<RenderedPage>,
    /// The body HTML of the page marked `embed: true`, if any.
    pub embed_body: Option<String>,
}

/// One rendered page, ready to write.
pub struct RenderedPage {
    pub output: String,
    pub html: String,
}

/// Reads every `*.md` of `content_dir`, sorted by `nav_order` then name.
pub fn read_pages(content_dir: &Path) -> Result<Vec<Page>, SiteError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |error| SiteError::Io { path, error }
    };
    let mut pages = Vec::new();
    for entry in std::fs::read_dir(content_dir).map_err(io(content_dir))? {
        let path = entry.map_err(io(content_dir))?.path();
        if path.extension().and_then(|e| e.to_str()) == Some("md") {
            let text = std::fs::read_to_string(&path).map_err(io(&path))?;
            pages.push(Page::parse(&path, &text)?);
        }
    }
    pages.sort_by(|a, b| (a.nav_order, &a.output).cmp(&(b.nav_order, &b.output)));
    Ok(pages)
}

/// Renders every page and checks every internal link and anchor; all broken links are reported.
pub fn render_site(pages: &[Page], site: &Site) -> Result<SiteOutput, Vec<SiteError>> {
    let guide = generate(&RawInputs::new());
    let mut rendered = Vec::new();
    let mut errors = Vec::new();
    for page in pages {
        match markdown::render(page, site, &guide) {
            Ok(r) => rendered.push(r),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    for (page, body) in pages.iter().zip(&rendered) {
        for link in &body.links {
            let target = match &link.page {
                None => Some(body),
                Some(name) => pages
                    .iter()
                    .position(|p| &p.output == name)
                    .map(|i| &rendered[i]),
            };
            let is_file =
                link.anchor.is_none() && link.page.as_ref().is_some_and(|p| site.files.contains(p));
            let reason = match (target, &link.anchor) {
                (None, _) if is_file => None,
                (None, _) => Some(format!(
                    "no page `{}` in content/, nor such a file in the site",
                    link.page.as_deref().unwrap_or_default()
                )),
                (Some(t), Some(anchor)) if !anchor.is_empty() && !t.ids.contains(anchor) => {
                    Some(format!("no heading or id `#{anchor}` there"))
                }
                _ => None,
            };
            if let Some(reason) = reason {
                errors.push(SiteError::BrokenLink {
                    file: page.source.clone(),
                    line: link.line,
                    link: link.written.clone(),
                    reason,
                });
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let embed_body = pages
        .iter()
        .zip(&rendered)
        .find(|(page, _)| page.embed)
        .map(|(_, body)| body.html.clone());
    Ok(SiteOutput {
        pages: pages
            .iter()
            .zip(&rendered)
            .map(|(page, body)| RenderedPage {
                output: page.output.clone(),
                html: template::page(page, body, pages),
            })
            .collect(),
        embed_body,
    })
}
