//! The site build: the real content renders with every output once; broken links and wrong
//! documents in fixture pages fail the build with file and line.

use std::path::Path;
use std::process::Command;

fn build_site(content: &str) -> (bool, String, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = std::env::temp_dir().join(format!(
        "ecs-guide-site-{}-{}",
        std::process::id(),
        content.replace('/', "-")
    ));
    let result = Command::new(env!("CARGO_BIN_EXE_build-site"))
        .current_dir(root)
        .args(["--content", content, "--no-embed", "--out"])
        .arg(&out)
        .output()
        .expect("build-site runs");
    let index = std::fs::read_to_string(out.join("index.html")).unwrap_or_default();
    let _ = std::fs::remove_dir_all(&out);
    (
        result.status.success(),
        String::from_utf8_lossy(&result.stderr).into_owned(),
        index,
    )
}

#[test]
fn the_guide_renders_with_every_output_exactly_once() {
    let (ok, stderr, html) = build_site("content");
    assert!(ok, "{stderr}");
    for id in ecs_guide::OutputId::ALL {
        let needle = format!("data-output=\"{}\"", id.id());
        assert_eq!(html.matches(&needle).count(), 1, "{needle}");
    }
    for key in ecs_guide::InputKey::ALL {
        let needle = format!("name=\"{}\"", key.key());
        assert_eq!(html.matches(&needle).count(), 1, "{needle}");
    }
    // Nothing is loaded from elsewhere: every src and stylesheet is relative.
    for attr in ["src=\"http", "src=\"//", "href=\"//"] {
        assert!(!html.contains(attr), "{attr}");
    }
    assert!(html.contains("<link rel=\"stylesheet\" href=\"style.css\">"));
    // Shippable docs pages not in content/ go to the docs site, marked external.
    assert!(html.contains(
        "<a class=\"external\" rel=\"external noopener\" href=\"https://docs.shippable.com/pipelines/overview/\">"
    ));
    assert!(
        !html.contains("<img"),
        "the guide's screenshots are not available: no broken image"
    );
    assert!(!html.contains("style=\""), "no inline styles under the CSP");
}

#[test]
fn broken_links_fail_the_build_with_file_and_line() {
    let (ok, stderr, _) = build_site("tests/fixtures/broken-link");
    assert!(!ok);
    let file = Path::new("tests/fixtures/broken-link/index.md")
        .display()
        .to_string();
    for expected in [
        format!("error: {file}:9: broken link `#nowhere`: no heading or id `#nowhere` there"),
        format!("error: {file}:11: broken link `missing.md`: no page `missing.html` in content/, nor such a file in the site"),
        format!("error: {file}:11: broken link `other.md#nope`: no heading or id `#nope` there"),
    ] {
        assert!(
            stderr.contains(&expected),
            "missing `{expected}` in:\n{stderr}"
        );
    }
    assert_eq!(stderr.matches("broken link").count(), 3, "{stderr}");
}

#[test]
fn a_document_that_is_not_the_generated_one_fails_the_build() {
    let (ok, stderr, _) = build_site("tests/fixtures/wrong-document");
    assert!(!ok);
    assert!(
        stderr.contains("index.md:7: the document written for output `cross-account-trust-statement` is not the one the core generates"),
        "{stderr}"
    );
}
