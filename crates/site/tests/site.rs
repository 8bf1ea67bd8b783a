//! The site build: the real content renders with every output once; broken links and wrong
//! documents in fixture pages fail the build with file and line.

use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

fn build_site(content: &str) -> (bool, String, String) {
    // Tests run at once: each build has its own output folder.
    static BUILDS: AtomicUsize = AtomicUsize::new(0);
    // The workspace root: content/, www/ and tests/fixtures/ are there.
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let out = std::env::temp_dir().join(format!(
        "ecs-guide-site-{}-{}-{}",
        std::process::id(),
        BUILDS.fetch_add(1, Ordering::Relaxed),
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

#[test]
fn the_old_fence_of_a_generated_document_fails_the_build_saying_what_to_write() {
    let (ok, stderr, _) = build_site("tests/fixtures/old-output-fence");
    assert!(!ok);
    let file = Path::new("tests/fixtures/old-output-fence/index.md")
        .display()
        .to_string();
    let expected = format!(
        "error: {file}:7: a fence `output cross-account-role-arn` is not the syntax: write a fence \
`<language> output=cross-account-role-arn` (e.g. ```json output=cross-account-role-arn) holding the \
document the core generates:\narn:aws:iam::<12 digit AWS account id>:role/shippable-role-to-allow-ecs-access\n"
    );
    assert!(
        stderr.contains(&expected),
        "missing `{expected}` in:\n{stderr}"
    );
}

#[test]
fn the_guides_own_wording_is_collapsed_and_exact_and_comments_never_reach_the_page() {
    let (ok, stderr, html) = build_site("content");
    assert!(ok, "{stderr}");
    // One collapsed block per console step: closed by default, nothing live inside.
    let blocks: Vec<&str> = html
        .split("<details class=\"original\">")
        .skip(1)
        .map(|rest| &rest[..rest.find("</details>").expect("closed")])
        .collect();
    assert_eq!(blocks.len(), 6, "one per console step of both methods");
    assert!(!html.contains("<details class=\"original\" open"));
    for block in &blocks {
        assert!(block.starts_with("<summary>As the guide was first written</summary>"));
        assert!(
            !block.contains("data-input="),
            "the guide's words, not live: {block}"
        );
    }
    // The guide's placeholders and names, as it wrote them (escaped, never HTML).
    assert!(blocks[0].contains("Account Id: &lt;12 digit AWS account id&gt;"));
    assert!(blocks[0].contains("<code>Create New Role</code>"));
    // The sources written for reviewers in content/ are not in the page.
    assert!(!html.contains("<!--"), "an HTML comment reached the page");
    assert!(!html
        .contains("docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-trust-policy"));
    // Today's labels are what the steps say.
    for label in [
        "<strong>Create role</strong>",
        "<strong>Require external ID</strong>",
        "<strong>Create inline policy</strong>",
        "<strong>Edit trust policy</strong>",
        "<strong>Create access key</strong>",
        "<strong>Other</strong>",
    ] {
        assert!(html.contains(label), "{label}");
    }
    // Every console link knows the console of each partition, and shows the aws one without JS.
    let links = html.matches(" data-console ").count();
    assert!(links >= 4, "{links}");
    assert_eq!(
        html.matches("href=\"https://console.aws.amazon.com/iam/\" data-console data-console-aws=\"https://console.aws.amazon.com/iam/\" data-console-aws-cn=\"https://console.amazonaws.cn/iam/\" data-console-aws-us-gov=\"https://console.amazonaws-us-gov.com/iam/\"").count(),
        links
    );
}

#[test]
fn an_altered_original_wording_fails_the_build() {
    let (ok, stderr, _) = build_site("tests/fixtures/altered-original");
    assert!(!ok);
    assert!(
        stderr.contains("index.md:13: the guide's own wording differs from the guide's source at its line 2: `- Click `Create New Role` and enter the following:` where the source (line 27) has `- Click `Create New Role` and enter the following:  `"),
        "{stderr}"
    );
    assert_eq!(stderr.matches("error:").count(), 1, "{stderr}");
}
