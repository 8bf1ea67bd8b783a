//! Golden tests: every output of every case in `tests/golden/<case>/` compared whole with its
//! checked-in file. `UPDATE_GOLDEN=1 cargo test --test golden` rewrites them for review.

use ecs_guide::{generate, Guide, InputKey, OutputId, RawInputs};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The file an output's golden text lives in.
pub fn golden_file(case: &Path, id: OutputId) -> PathBuf {
    case.join(format!("{}.{}", id.id(), id.extension()))
}

fn read_inputs(case: &Path) -> RawInputs {
    let text = std::fs::read_to_string(case.join("inputs.json")).expect("inputs.json");
    let value: serde_json::Value = serde_json::from_str(&text).expect("inputs.json is JSON");
    let mut raw = RawInputs::new();
    for (name, value) in value.as_object().expect("inputs.json is an object") {
        let key = InputKey::from_key(name).unwrap_or_else(|| panic!("unknown input {name}"));
        raw.set(key, value.as_str().expect("input values are strings"));
    }
    raw
}

/// A readable summary of completeness and input errors.
fn status(guide: &Guide) -> String {
    let mut out = String::from("# outputs\n");
    for output in &guide.outputs {
        let state = if output.complete {
            "complete".to_owned()
        } else {
            let keys: Vec<&str> = output.waiting_for.iter().map(|k| k.key()).collect();
            format!("incomplete, waiting for {}", keys.join(", "))
        };
        writeln!(out, "{}: {state}", output.id.id()).unwrap();
    }
    out.push_str("\n# inputs\n");
    for input in &guide.inputs {
        match &input.error {
            // A pasted policy spans lines: one line per input here.
            None => writeln!(
                out,
                "{}: {}",
                input.key.key(),
                input.shown.replace('\n', "\\n")
            )
            .unwrap(),
            Some(e) => writeln!(out, "{}: [{}] {e}", input.key.key(), e.code()).unwrap(),
        }
    }
    out
}

fn check(path: &Path, actual: &str, failures: &mut Vec<String>) {
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(path, actual).unwrap();
        return;
    }
    match std::fs::read_to_string(path) {
        Ok(expected) if expected == actual => {}
        Ok(expected) => failures.push(format!(
            "{} differs\n--- expected\n{expected}\n--- actual\n{actual}",
            path.display()
        )),
        Err(e) => failures.push(format!("{}: {e}", path.display())),
    }
}

#[test]
fn every_case_matches_its_golden_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 10, "golden cases are missing");
    let mut failures = Vec::new();
    for case in &cases {
        let guide = generate(&read_inputs(case));
        for output in &guide.outputs {
            check(
                &golden_file(case, output.id),
                &format!("{}\n", output.text),
                &mut failures,
            );
            // Every JSON document is valid JSON, whatever was typed; only a merge whose pasted
            // policy cannot be read shows a message instead.
            let unreadable = output.waiting_for.contains(&InputKey::ExistingTrustPolicy);
            if output.id.extension() == "json" && !unreadable {
                serde_json::from_str::<serde_json::Value>(&output.text)
                    .unwrap_or_else(|e| panic!("{} {}: {e}", case.display(), output.id.id()));
            }
        }
        check(&case.join("status.txt"), &status(&guide), &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The guide's own documents, parsed from the seed (a verbatim copy in `tests/seed/`), equal the
/// generated ones as data: the guide's one defect, the stray space before `:root`, fixed.
#[test]
fn fixed_documents_equal_the_guides_own() {
    let guide = generate(&RawInputs::new());
    let seed = include_str!("seed/ecs-integration.md");
    let blocks = code_blocks(seed);
    let parse = |s: &str| serde_json::from_str::<serde_json::Value>(s).unwrap();
    let find = |id: OutputId| parse(&guide.output(id).text);
    let json_blocks: Vec<serde_json::Value> = blocks
        .iter()
        .map(|b| b.trim().trim_start_matches(',').replace(" :root", ":root"))
        .filter_map(|b| serde_json::from_str(&b).ok())
        .collect();
    for id in [
        OutputId::CrossAccountPermissionsPolicy,
        OutputId::CrossAccountTrustStatement,
        OutputId::CrossAccountTrustPolicy,
        OutputId::AccountKeysUserPolicy,
        OutputId::AccountKeysRoleTrustPolicy,
    ] {
        // Compared as compact text, so key order counts too (serde_json keeps it here).
        let generated = serde_json::to_string(&find(id)).unwrap();
        assert!(
            json_blocks
                .iter()
                .any(|b| serde_json::to_string(b).unwrap() == generated),
            "{} is not one of the guide's documents:\n{}",
            id.id(),
            guide.output(id).text
        );
    }
}

fn code_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            match current.take() {
                Some(block) => blocks.push(block),
                None => current = Some(String::new()),
            }
        } else if let Some(block) = current.as_mut() {
            block.push_str(line);
            block.push('\n');
        }
    }
    blocks
}
