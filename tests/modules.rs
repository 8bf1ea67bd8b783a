//! The core's modules: each starts with a `//!` line, none has more than 400 lines, and their
//! `use crate::…` (and `super::…`) edges have no cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The module path of a file: `src/full/check/mod.rs` is `full::check`.
fn module(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .filter(|p| p != "mod" && p != "lib")
        .collect();
    parts.join("::")
}

/// Every module with the source of its code (its test module left out: tests may reach anywhere).
fn modules() -> BTreeMap<String, String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    files(&src, &mut found);
    found
        .iter()
        .map(|file| {
            let text = fs::read_to_string(file).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap().to_owned();
            (module(&src, file), code)
        })
        .collect()
}

/// The modules each module uses.
fn edges(modules: &BTreeMap<String, String>) -> BTreeMap<&str, BTreeSet<&str>> {
    let mut edges = BTreeMap::new();
    for (name, code) in modules {
        let parent = name.rsplit_once("::").map_or("", |(p, _)| p);
        let mut uses = BTreeSet::new();
        let mut add = |path: &str| {
            let parts: Vec<&str> = path.split("::").collect();
            for n in (1..=parts.len()).rev() {
                let candidate = parts[..n].join("::");
                if let Some((key, _)) = modules.get_key_value(&candidate) {
                    if key != name {
                        uses.insert(key.as_str());
                    }
                    return;
                }
            }
        };
        let path_at = |text: &str| -> String {
            text.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':')
                .collect()
        };
        for (i, _) in code.match_indices("crate::") {
            add(&path_at(&code[i + 7..]));
        }
        for (i, _) in code.match_indices("super::") {
            let rest = path_at(code[i + 7..].trim_start_matches('{'));
            let full = if parent.is_empty() {
                rest
            } else {
                format!("{parent}::{rest}")
            };
            add(&full);
        }
        for line in code.lines() {
            if let Some(child) = line.strip_prefix("pub use ") {
                let child = path_at(child);
                let full = if name.is_empty() {
                    child
                } else {
                    format!("{name}::{child}")
                };
                add(&full);
            }
        }
        edges.insert(name.as_str(), uses);
    }
    edges
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let modules = modules();
    let edges = edges(&modules);
    // Depth-first search; a module met again while still on the path closes a cycle.
    fn visit<'a>(
        m: &'a str,
        edges: &BTreeMap<&'a str, BTreeSet<&'a str>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
        cycles: &mut Vec<String>,
    ) {
        path.push(m);
        for &next in &edges[m] {
            if let Some(at) = path.iter().position(|p| *p == next) {
                cycles.push(format!("{} -> {next}", path[at..].join(" -> ")));
            } else if !done.contains(next) {
                visit(next, edges, path, done, cycles);
            }
        }
        path.pop();
        done.insert(m);
    }
    let (mut done, mut cycles) = (BTreeSet::new(), Vec::new());
    for &m in edges.keys() {
        if !done.contains(m) {
            visit(m, &edges, &mut Vec::new(), &mut done, &mut cycles);
        }
    }
    assert!(cycles.is_empty(), "import cycles: {cycles:#?}");
    // The check sees the edges it must: the guide uses the rendering of its outputs' ids.
    assert!(edges["guide"].contains("output_id"));
    assert!(edges["full::iac::cli"].contains("full::iac::parts"));
}

#[test]
fn every_module_says_its_job_and_stays_small() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    files(&src, &mut found);
    for file in found {
        let text = fs::read_to_string(&file).unwrap();
        assert!(
            text.starts_with("//! "),
            "{} has no //! line",
            file.display()
        );
        let lines = text.lines().count();
        assert!(lines <= 400, "{} has {lines} lines", file.display());
    }
}
