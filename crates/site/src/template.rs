//! The page around a rendered body: head (title, meta, CSP), header, sidebar, table of contents.

use super::live_text::escaped;
use super::markdown::{Heading, Rendered};
use super::page::Page;

/// Only same-origin scripts, Wasm compilation, and nothing from anywhere else.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/// What the Content-Security-Policy adds where it is a response header (`tools/serve.mjs`): a
/// `<meta>` cannot say who may frame the page.
pub const HEADER_ONLY_CONTENT_SECURITY_POLICY: &str = "frame-ancestors 'self'";

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
        // The method and way of a heading, so that the list shows what the page shows.
        let mut attrs = String::new();
        if let Some(method) = &h.method {
            attrs.push_str(&format!(" data-method=\"{}\"", escaped(method)));
        }
        if let Some(way) = &h.way {
            attrs.push_str(&format!(" data-way=\"{}\"", escaped(way)));
        }
        html.push_str(&format!(
            "<li{attrs}><a href=\"#{}\">{}</a>",
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

/// The reader's pages (those for Shippable's developers are linked from the footer instead).
fn sidebar(page: &Page, pages: &[Page]) -> String {
    let readers: Vec<&Page> = pages.iter().filter(|p| !p.for_developers).collect();
    if readers.len() < 2 {
        return String::new();
    }
    let mut html = String::from("<nav class=\"sidebar\" aria-label=\"Pages\"><ul>");
    for p in readers {
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

/// Back to top, and the previous and next pages (a page for Shippable's developers says so).
fn pager(page: &Page, pages: &[Page]) -> String {
    let at = pages.iter().position(|p| p.output == page.output);
    let link = |p: Option<&Page>, rel: &str, label: &str| {
        match p {
        Some(p) => format!(
            "<a class=\"pager-{rel}\" rel=\"{rel}\" href=\"{}\"><span class=\"pager-label\">{label}</span> {}{}</a>",
            escaped(&p.output),
            escaped(&p.nav_title),
            if p.for_developers && !page.for_developers {
                " (for Shippable\u{2019}s developers)"
            } else {
                ""
            }
        ),
        None => String::new(),
    }
    };
    let (previous, next) = match at {
        Some(i) => (
            link(
                i.checked_sub(1).and_then(|i| pages.get(i)),
                "prev",
                "Previous",
            ),
            link(pages.get(i + 1), "next", "Next"),
        ),
        None => (String::new(), String::new()),
    };
    format!(
        "<nav class=\"pager\" aria-label=\"Previous and next\">{previous}\
<a class=\"back-to-top\" href=\"#top\">Back to top</a>{next}</nav>\n"
    )
}

/// Links to the pages for Shippable's developers, or back to the guide from one of them.
fn developer_links(page: &Page, pages: &[Page]) -> String {
    if page.for_developers {
        return match pages.iter().find(|p| !p.for_developers) {
            Some(guide) => format!(
                "<p>For readers: <a href=\"{}\">{}</a>.</p>",
                escaped(&guide.output),
                escaped(&guide.nav_title)
            ),
            None => String::new(),
        };
    }
    let links: Vec<String> = pages
        .iter()
        .filter(|p| p.for_developers)
        .map(|p| {
            format!(
                "<a href=\"{}\">{}</a>",
                escaped(&p.output),
                escaped(&p.nav_title)
            )
        })
        .collect();
    if links.is_empty() {
        return String::new();
    }
    format!(
        "<p>For Shippable\u{2019}s developers: {}.</p>",
        links.join(", ")
    )
}

/// The light, dark or automatic theme: radio buttons that work without a script (app.js
/// remembers a choice the reader makes).
const THEME_SWITCH: &str =
    "<fieldset class=\"theme-switch\"><legend class=\"visually-hidden\">Colour theme</legend>\
<label><input type=\"radio\" name=\"theme\" value=\"auto\" checked><span>Auto</span></label>\
<label><input type=\"radio\" name=\"theme\" value=\"light\"><span>Light</span></label>\
<label><input type=\"radio\" name=\"theme\" value=\"dark\"><span>Dark</span></label></fieldset>";

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
<noscript><link rel=\"stylesheet\" href=\"noscript.css\"></noscript>\n\
<script type=\"module\" src=\"app.js\"></script>\n{scripts}\
</head>\n<body>\n\
<a class=\"skip-link\" href=\"#main\">Skip to the guide</a>\n\
<header class=\"site-header\" id=\"top\"><a class=\"brand\" href=\"index.html\">Shippable docs</a>{theme}</header>\n\
<div class=\"{layout}\">\n{sidebar}\
<nav class=\"toc\" aria-label=\"On this page\"><details><summary>On this page</summary>{toc}</details></nav>\n\
<main id=\"main\">\n{body}{pager}</main>\n</div>\n\
<footer class=\"site-footer\">{developers}<p>Everything you type stays in this page: nothing is sent, stored or tracked.</p></footer>\n\
<div class=\"visually-hidden\" role=\"status\" aria-live=\"polite\" data-announce></div>\n\
</body>\n</html>\n",
        csp = CONTENT_SECURITY_POLICY,
        title = escaped(&page.title),
        description = escaped(&page.description),
        keywords = escaped(&page.keywords),
        theme = THEME_SWITCH,
        toc = toc(&body.headings),
        pager = pager(page, pages),
        developers = developer_links(page, pages),
        // `async`: a page's own module (the embed, on the developers' page) runs in a task of its
        // own as soon as it arrives, not in the one that ends the page's parsing with app.js.
        scripts = page
            .scripts
            .iter()
            .map(|s| format!("<script type=\"module\" async src=\"{}\"></script>\n", escaped(s)))
            .collect::<String>(),
        body = body.html,
    )
}
