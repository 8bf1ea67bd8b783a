//! Renders `content/` into `dist/` with the files of `www/` and the embed module; fails with file and
//! line on any broken link. Expects the Wasm packages in `dist/pkg/` (built first by `build.sh`).

use ecs_guide_site::embed::{assets_module, without_full_build_texts};
use ecs_guide_site::{facts, read_pages, render_site, Site, SiteOutput};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn usage() -> ExitCode {
    eprintln!(
        "usage: build-site [--content DIR] [--www DIR] [--out DIR] [--pkg DIR] [--docs-base-url URL] [--no-embed]"
    );
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut content = PathBuf::from("content");
    let mut www = PathBuf::from("www");
    let mut out = PathBuf::from("dist");
    let mut pkg = None;
    let mut with_embed = true;
    let mut site = Site::default();
    if let Ok(url) = std::env::var("DOCS_BASE_URL") {
        site.docs_base_url = url;
    }
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--no-embed" {
            with_embed = false;
            continue;
        }
        let Some(value) = args.next() else {
            return usage();
        };
        match arg.as_str() {
            "--content" => content = value.into(),
            "--www" => www = value.into(),
            "--out" => out = value.into(),
            "--pkg" => pkg = Some(PathBuf::from(value)),
            "--docs-base-url" => site.docs_base_url = value,
            _ => return usage(),
        }
    }
    // The files the built site holds besides its pages: valid targets of relative links.
    site.files = SITE_FILES
        .iter()
        .map(|f| f.to_string())
        .chain(
            [
                "style.css",
                "pkg/ecs_guide.d.ts",
                "pkg/ecs_guide_full.d.ts",
                "embed/ecs-integration-guide.js",
                "embed/generate.js",
            ]
            .map(String::from),
        )
        .chain(EMBED_FILES.iter().map(|f| format!("embed/{f}")))
        .collect();
    let pages = match read_pages(&content) {
        Ok(pages) => pages,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let rendered = match render_site(&pages, &site) {
        Ok(mut r) => {
            if !with_embed {
                r.embed_body = None;
            }
            r
        }
        Err(errors) => {
            for e in &errors {
                eprintln!("error: {e}");
            }
            eprintln!("the site was not built: {} error(s)", errors.len());
            return ExitCode::FAILURE;
        }
    };
    let pkg = pkg.unwrap_or_else(|| out.join("pkg"));
    if let Err(e) = write(&out, &www, &pkg, &rendered) {
        eprintln!("error: {e}");
        return ExitCode::FAILURE;
    }
    println!(
        "rendered {} page(s){} into {}",
        rendered.pages.len(),
        if rendered.embed_body.is_some() {
            " and the embed"
        } else {
            ""
        },
        out.display()
    );
    ExitCode::SUCCESS
}

/// The files of `www/` that go to the site root as they are.
const SITE_FILES: [&str; 4] = ["app.js", "live.js", "engine.js", "links.js"];
/// The files of `www/embed/` that go to `dist/embed/` as they are.
const EMBED_FILES: [&str; 10] = [
    "package.json",
    "ecs-integration-guide.d.ts",
    "generate.d.ts",
    "react.d.ts",
    "README.md",
    "LICENSE",
    "demo.html",
    "demo.js",
    "demo.css",
    // The compact layout's picture, for the embedding page (content/embedding.md).
    "compact.png",
];

fn read(path: &Path) -> std::io::Result<String> {
    std::fs::read_to_string(path)
        .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", path.display())))
}

fn write(out: &Path, www: &Path, pkg: &Path, site: &SiteOutput) -> std::io::Result<()> {
    std::fs::create_dir_all(out)?;
    for page in &site.pages {
        std::fs::write(out.join(&page.output), &page.html)?;
    }
    let guide_css = read(&www.join("css/guide.css"))?;
    let site_css = read(&www.join("css/site.css"))?;
    std::fs::write(out.join("style.css"), format!("{site_css}{guide_css}"))?;
    std::fs::copy(www.join("css/noscript.css"), out.join("noscript.css"))?;
    for file in SITE_FILES {
        std::fs::copy(www.join(file), out.join(file))?;
    }
    // The facts live.js imports (bundled with it into app.js), as Rust writes them now.
    std::fs::create_dir_all(out.join("generated"))?;
    std::fs::write(out.join("generated/facts.js"), facts::module())?;
    let Some(body) = &site.embed_body else {
        return Ok(());
    };
    // The embed's generated part: the guide's HTML and CSS as a module, `embed/assets.js`, which
    // tools/build-embed.mjs bundles (esbuild) with www/embed/element.js into one module.
    let embed = out.join("embed");
    std::fs::create_dir_all(&embed)?;
    let host_css = read(&www.join("embed/host.css"))?;
    std::fs::write(
        embed.join("assets.js"),
        assets_module(
            // The element has no way tabs or link to keep the choice: its names show open.
            &without_full_build_texts(body).replace(
                "<details class=\"names-and-options\">",
                "<details class=\"names-and-options\" open>",
            ),
            &format!("{host_css}{guide_css}"),
        ),
    )?;
    // Beside it: the small build's .wasm, and the full build (its own glue module and .wasm), which
    // the element imports when the reader gets near what needs it.
    for file in [
        "ecs_guide_bg.wasm",
        "ecs_guide.d.ts",
        "ecs_guide_full.js",
        "ecs_guide_full_bg.wasm",
        "ecs_guide_full.d.ts",
    ] {
        std::fs::copy(pkg.join(file), embed.join(file))?;
    }
    for file in EMBED_FILES {
        std::fs::copy(www.join("embed").join(file), embed.join(file))?;
    }
    Ok(())
}
