//! The TypeScript unions of `TYPES` name exactly what the core's enums do: input keys, output ids,
//! error codes, finding rules and severities.

use ecs_guide::findings::{FindingRule, Severity};
use ecs_guide::full::paste_error::{PasteError, PolicyKind};
use ecs_guide::{InputError, InputKey, OutputId};
#[path = "../src/types.rs"]
mod types;

use std::collections::BTreeSet;
use types::TYPES;

/// The string literals of one TypeScript union: from `start` to the next `;`.
fn union(start: &str) -> BTreeSet<String> {
    let from = TYPES
        .find(start)
        .unwrap_or_else(|| panic!("{start} in TYPES"))
        + start.len();
    let body = &TYPES[from..from + TYPES[from..].find(';').unwrap()];
    body.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

fn set<'a>(names: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    names.into_iter().map(str::to_owned).collect()
}

#[test]
fn input_keys_are_the_cores() {
    assert_eq!(
        union("export type InputKey ="),
        set(InputKey::ALL.map(InputKey::key))
    );
}

#[test]
fn output_ids_are_the_cores() {
    assert_eq!(
        union("export type OutputId ="),
        set(OutputId::ALL.map(OutputId::id))
    );
}

#[test]
fn severities_are_the_cores() {
    let names: Vec<String> = [Severity::Note, Severity::Warning, Severity::Error]
        .iter()
        .map(|s| {
            serde_json::to_value(s)
                .unwrap()
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(union("severity:"), set(names.iter().map(String::as_str)));
}

#[test]
fn finding_rules_are_the_cores() {
    assert_eq!(union("rule:"), set(FindingRule::ALL.map(FindingRule::id)));
}

/// One error of every kind: the match below stops compiling when a kind is added.
fn every_error() -> Vec<InputError> {
    let key = InputKey::RoleName;
    let pasted = InputKey::ExistingTrustPolicy;
    let errors = vec![
        InputError::Missing { key },
        InputError::AccountIdNotDigit {
            key,
            found: 'x',
            position: 1,
        },
        InputError::AccountIdLength { key, digits: 1 },
        InputError::CharacterNotAllowed {
            key,
            found: 'x',
            position: 1,
        },
        InputError::TooShort {
            key,
            min: 1,
            length: 0,
        },
        InputError::TooLong {
            key,
            max: 1,
            length: 2,
        },
        InputError::UnknownPartition { found: "x".into() },
        InputError::NotASwitch { found: "x".into() },
        InputError::Pasted(PasteError::InvalidJson {
            key: pasted,
            line: 1,
            column: 1,
            problem: "x".into(),
        }),
        InputError::Pasted(PasteError::DuplicateKey {
            key: pasted,
            name: "x".into(),
            earlier: None,
            line: 1,
            column: 1,
        }),
        InputError::Pasted(PasteError::NotAPolicy {
            key: pasted,
            problem: "x".into(),
        }),
        InputError::Pasted(PasteError::WrongDocument {
            key: pasted,
            found: PolicyKind::Trust,
        }),
        InputError::Pasted(PasteError::PasteTooLarge {
            key: pasted,
            max: 1,
            length: 2,
        }),
        InputError::Pasted(PasteError::PasteTooDeep {
            key: pasted,
            max: 1,
            line: 2,
        }),
    ];
    for error in &errors {
        match error {
            InputError::Missing { .. }
            | InputError::AccountIdNotDigit { .. }
            | InputError::AccountIdLength { .. }
            | InputError::CharacterNotAllowed { .. }
            | InputError::TooShort { .. }
            | InputError::TooLong { .. }
            | InputError::UnknownPartition { .. }
            | InputError::NotASwitch { .. }
            | InputError::Pasted(
                PasteError::InvalidJson { .. }
                | PasteError::DuplicateKey { .. }
                | PasteError::NotAPolicy { .. }
                | PasteError::WrongDocument { .. }
                | PasteError::PasteTooLarge { .. }
                | PasteError::PasteTooDeep { .. },
            ) => {}
        }
    }
    errors
}

#[test]
fn error_codes_are_the_cores() {
    let errors = every_error();
    assert_eq!(union("code:"), set(errors.iter().map(InputError::code)));
}
