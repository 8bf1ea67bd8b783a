//! The one table of input rules: the IaC pattern of each typed input (CloudFormation's
//! `AllowedPattern`, Terraform's `validation`) accepts exactly what the input check accepts.

use ecs_guide::inputs::check;
use ecs_guide::{InputKey, Rule};
use regex::Regex;

/// Values near every rule's edges: lengths, each allowed punctuation mark, and characters AWS refuses.
fn samples() -> Vec<String> {
    let mut samples: Vec<String> = [
        "123456789012",
        "12345678901",
        "1234567890123",
        "12345678901a",
        "a",
        "ab",
        "abc",
        "role+=,.@_-",
        "ext:/id",
        "with space",
        "é",
        "tab\there",
        "a\"b",
        "a\\b",
        "<x>",
        "*",
        "aws",
        "x;y",
        "x|y",
        "x#y",
        "x~y",
        "x$y",
        "x(y)",
        "x[y]",
        "x{y}",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for n in [1, 2, 63, 64, 65, 127, 128, 129, 1223, 1224, 1225] {
        samples.push("a".repeat(n));
        samples.push("9".repeat(n));
    }
    for c in "+=,.@:/_-!%&'?^`".chars() {
        samples.push(format!("a{c}b"));
    }
    samples
}

#[test]
fn each_pattern_accepts_exactly_what_the_check_does() {
    // The typed values: account IDs, the external ID and the names.
    let typed = InputKey::ALL
        .into_iter()
        .filter(|key| matches!(key.rule(), Rule::AccountId | Rule::Characters { .. }));
    for key in typed {
        let pattern = Regex::new(&key.rule().pattern()).unwrap();
        for sample in samples() {
            // The check normalises (trims, drops an account ID's dashes); a template takes the
            // value as it is, so only values the check keeps unchanged are compared.
            let checked = check(key, &sample);
            let accepted_unchanged = checked.as_deref() == Ok(sample.as_str());
            assert_eq!(
                pattern.is_match(&sample),
                accepted_unchanged,
                "{} {sample:?}: pattern {} vs check {checked:?}",
                key.key(),
                key.rule().pattern()
            );
        }
    }
}
