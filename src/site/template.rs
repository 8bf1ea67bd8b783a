//! The page around a rendered body: head (title, meta, CSP), header, sidebar, table of contents.

use super::markdown::{Heading, Rendered};
use super::page::Page;
use super::widgets::escaped;

/// Only same-origin scripts, Wasm compilation, and nothing from anywhere else.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

fn toc(headings: &[Heading]) -> String {
    let mut html = String::from("<ul>");
    let mut open_sub = false;
    for h in headings.iter().filter(|h| h.level == 2 || h.level == 3) {
        if h.level == 3 && !open_sub {
            html.push_str("<ul>");
            open_sub = true;
        } else if h.level == 2 {
            if open_sub {
                html.push_str("</ul>");
                open_sub = false;
            }
            if html != "<ul>" {
                html.push_str("</li>");
            }
        } else {
            html.push_str("</li>");
        }
        html.push_str(&format!(
            "<li><a href=\"#{}\">{}</a>",
            escaped(&h.id),
            escaped(&h.text)
        ));
    }
    if open_sub {
        html.push_str("</li></ul>");
    }
    if html != "<ul>" {
        html.push_str("</li>");
    }
    html.push_str("</ul>");
    html
}

fn sidebar(page: &Page, pages: &[Page]) -> String {
    if pages.len() < 2 {
        return String::new();
    }
    let mut html = String::from("<nav class=\"sidebar\" aria-label=\"Pages\"><ul>");
    for p in pages {
        let current = if p.output == page.output {
            " aria-current=\"page\""
        } else {
            ""
        };
        html.push_str(&format!(
            "<li><a href=\"{}\"{current}>{}</a></li>",
            escaped(&p.output),
            escaped(&p.nav_title)
        ));
    }
    html.push_str("</ul></nav>\n");
    html
}

/// The whole HTML document of one page.
pub fn page(page: &Page, body: &Rendered, pages: &[Page]) -> String {
    let sidebar = sidebar(page, pages);
    let layout = if sidebar.is_empty() {
        "layout"
    } else {
        "layout has-sidebar"
    };
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n\
<meta name=\"referrer\" content=\"no-referrer\">\n\
<title>{title}</title>\n\
<meta name=\"description\" content=\"{description}\">\n\
<meta name=\"keywords\" content=\"{keywords}\">\n\
<meta name=\"color-scheme\" content=\"light dark\">\n\
<link rel=\"icon\" href=\"data:,\">\n\
<link rel=\"stylesheet\" href=\"style.css\">\n\
<script type=\"module\" src=\"app.js\"></script>\n{scripts}\
</head>\n<body>\n\
<a class=\"skip-link\" href=\"#main\">Skip to the guide</a>\n\
<header class=\"site-header\"><a class=\"brand\" href=\"index.html\">Shippable docs</a></header>\n\
<div class=\"{layout}\">\n{sidebar}\
<nav class=\"toc\" aria-label=\"On this page\"><details open><summary>On this page</summary>{toc}</details></nav>\n\
<main id=\"main\">\n{body}</main>\n</div>\n\
<footer class=\"site-footer\"><p>Everything you type stays in this page: nothing is sent, stored or tracked.</p></footer>\n\
<div class=\"visually-hidden\" role=\"status\" aria-live=\"polite\" data-announce></div>\n\
</body>\n</html>\n",
        csp = CONTENT_SECURITY_POLICY,
        title = escaped(&page.title),
        description = escaped(&page.description),
        keywords = escaped(&page.keywords),
        toc = toc(&body.headings),
        scripts = page
            .scripts
            .iter()
            .map(|s| format!("<script type=\"module\" src=\"{}\"></script>\n", escaped(s)))
            .collect::<String>(),
        body = body.html,
    )
}
