//! The generated JavaScript facts module: the checked-in `www/generated/facts.js` is what the
//! site crate writes now (`UPDATE_GENERATED=1` rewrites it), and the copies no module can replace
//! (the demo page's CSP) say the same.

use ecs_guide_site::facts;
use ecs_guide_site::template::CONTENT_SECURITY_POLICY;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

#[test]
fn the_checked_in_facts_module_is_the_one_rust_writes() {
    let path = root().join(facts::PATH);
    let now = facts::module();
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("the folder is made");
        std::fs::write(&path, &now).expect("the module is written");
    }
    let written = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        written == now,
        "{} differs from what the site crate writes now: run UPDATE_GENERATED=1 cargo test -p ecs-guide-site --test generated, and review the diff",
        facts::PATH
    );
}

#[test]
fn the_demo_page_carries_the_sites_csp() {
    let demo = std::fs::read_to_string(root().join("www/embed/demo.html")).expect("demo.html");
    let meta = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{CONTENT_SECURITY_POLICY}\">"
    );
    assert_eq!(
        demo.matches("Content-Security-Policy").count(),
        1,
        "one CSP"
    );
    assert!(
        demo.contains(&meta),
        "www/embed/demo.html must carry {meta}"
    );
}
