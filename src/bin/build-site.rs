//! Renders `content/` into `dist/` with the files of `www/`; fails with file and line on any broken link.

use ecs_guide::site::{read_pages, render_site, Site};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn usage() -> ExitCode {
    eprintln!("usage: build-site [--content DIR] [--www DIR] [--out DIR] [--docs-base-url URL]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut content = PathBuf::from("content");
    let mut www = PathBuf::from("www");
    let mut out = PathBuf::from("dist");
    let mut site = Site::default();
    if let Ok(url) = std::env::var("DOCS_BASE_URL") {
        site.docs_base_url = url;
    }
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let Some(value) = args.next() else {
            return usage();
        };
        match arg.as_str() {
            "--content" => content = value.into(),
            "--www" => www = value.into(),
            "--out" => out = value.into(),
            "--docs-base-url" => site.docs_base_url = value,
            _ => return usage(),
        }
    }
    let pages = match read_pages(&content) {
        Ok(pages) => pages,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let rendered = match render_site(&pages, &site) {
        Ok(r) => r,
        Err(errors) => {
            for e in &errors {
                eprintln!("error: {e}");
            }
            eprintln!("the site was not built: {} error(s)", errors.len());
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = write(&out, &www, &rendered) {
        eprintln!("error: {e}");
        return ExitCode::FAILURE;
    }
    println!("rendered {} page(s) into {}", rendered.len(), out.display());
    ExitCode::SUCCESS
}

fn write(out: &Path, www: &Path, pages: &[ecs_guide::site::RenderedPage]) -> std::io::Result<()> {
    std::fs::create_dir_all(out)?;
    for page in pages {
        std::fs::write(out.join(&page.output), &page.html)?;
    }
    copy_dir(www, out)
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            std::fs::create_dir_all(&target)?;
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}
