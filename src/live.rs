//! The page's side of `generate`: `LiveGuide` keeps every cache (each output's last rendering,
//! the outputs last handed out) so that a keystroke re-renders and moves only what changed.

use crate::full::Pasted;
use crate::guide::{input_states, output, InputState, Output, Rendered};
use crate::input_key::InputKey;
use crate::inputs::{CheckedInputs, RawInputs};
use crate::output_id::OutputId;

/// What changed since a [`LiveGuide`]'s last update: the outputs that differ, every input's state,
/// and whether the whole guide is complete.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Changes {
    /// True when every output of the guide (changed or not) is complete.
    pub complete: bool,
    /// The outputs whose text, completeness, findings or size differ from the last update.
    pub outputs: Vec<Output>,
    pub inputs: Vec<InputState>,
}

/// An output's last rendering, with the valid values of the inputs it was made from (`None`
/// where one is not valid: rendering reads only valid values and placeholders, never an error).
type Memo = Option<(Vec<Option<String>>, Rendered)>;

/// The page's incremental [`generate`]: it remembers what it last handed out, so that each
/// keystroke moves only what changed to the page (a script is kilobytes; most keystrokes change
/// a few), and each output's last rendering, so that it re-renders only the outputs of the field
/// typed in. Its updates hold exactly what `generate` makes.
#[derive(Debug, Default)]
pub struct LiveGuide {
    rendered: Vec<Memo>,
    last: Vec<Output>,
}

impl LiveGuide {
    pub fn new() -> LiveGuide {
        LiveGuide::default()
    }

    /// Generates the guide and returns what differs from this guide's last update (everything,
    /// the first time).
    pub fn update(&mut self, raw: &RawInputs) -> Changes {
        let mut checked = CheckedInputs::from_raw(raw);
        let pasted = Pasted::read(&mut checked);
        self.rendered.resize(OutputId::ALL.len(), None);
        let outputs: Vec<Output> = OutputId::ALL
            .into_iter()
            .filter(|id| id.generated_by_this_build())
            .map(|id| {
                let rendered = self.rendered_once(id, &checked, &pasted);
                output(id, &checked, rendered)
            })
            .collect();
        let complete = outputs.iter().all(|o| o.complete);
        // The outputs come in the same order every time: each is compared with its own.
        let changed = outputs
            .iter()
            .enumerate()
            .filter(|(i, output)| self.last.get(*i) != Some(*output))
            .map(|(_, output)| output.clone())
            .collect();
        self.last = outputs;
        Changes {
            complete,
            outputs: changed,
            inputs: input_states(&checked),
        }
    }

    /// The output's rendering: the last one when the inputs it is made from have not changed.
    /// Compared by their valid values: each keystroke of an account ID still being typed is a
    /// new error but the same missing value, and the check (the costliest output on a long
    /// paste) must not run again for it.
    fn rendered_once(
        &mut self,
        id: OutputId,
        checked: &CheckedInputs,
        pasted: &Pasted,
    ) -> Rendered {
        let hardened = checked.hardened();
        let mut made_from: Vec<Option<String>> = made_from(id, hardened)
            .iter()
            .map(|key| checked.valid(*key).map(str::to_owned))
            .collect();
        made_from.push(Some(hardened.to_string()));
        let memo = &mut self.rendered[id as usize];
        if let Some((from, rendered)) = memo {
            if *from == made_from {
                return rendered.clone();
            }
        }
        let rendered = id.rendered(checked, pasted);
        *memo = Some((made_from, rendered.clone()));
        rendered
    }
}

/// The inputs an output is made from: what it depends on, and for the check the account and
/// partition its resources are in (which it reads without waiting for them).
fn made_from(id: OutputId, hardened: bool) -> Vec<InputKey> {
    let mut keys = id.depends_on(hardened).to_vec();
    if id == OutputId::PermissionsCheck {
        for key in [InputKey::AwsAccountId, InputKey::Partition] {
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::generate;

    #[test]
    fn a_live_guide_hands_out_only_what_changed() {
        let mut live = LiveGuide::new();
        let mut raw = RawInputs::new().with(InputKey::ShippableAwsAccountId, "210987654321");
        let first = live.update(&raw);
        assert_eq!(first.outputs, generate(&raw).outputs);
        assert_eq!(live.update(&raw).outputs, []);
        raw.set(InputKey::AwsAccountId, "123456789012");
        let changed: Vec<&str> = live
            .update(&raw)
            .outputs
            .iter()
            .map(|o| o.id.id())
            .collect();
        let expected: &[&str] = if cfg!(feature = "full") {
            &["cross-account-role-arn", "cross-account-verification"]
        } else {
            &["cross-account-role-arn"]
        };
        assert_eq!(changed, expected);
        raw.set(InputKey::ExternalId, "x");
        let changes = live.update(&raw);
        assert!(!changes.complete);
        assert_eq!(changes.inputs, generate(&raw).inputs);
    }

    #[test]
    fn a_live_guide_updates_as_generate_makes_the_guide() {
        let mut live = LiveGuide::new();
        let mut raw = RawInputs::new();
        let mut seen = generate(&raw).outputs;
        for (key, value) in [
            (InputKey::AwsAccountId, "123456789012"),
            (InputKey::Hardened, "true"),
            (InputKey::ExistingPermissionsPolicy, r#"{"Statement": []}"#),
            (InputKey::Partition, "aws-cn"),
            (InputKey::Hardened, "false"),
        ] {
            raw.set(key, value);
            let changes = live.update(&raw);
            let guide = generate(&raw);
            for changed in changes.outputs {
                let i = guide
                    .outputs
                    .iter()
                    .position(|o| o.id == changed.id)
                    .unwrap();
                seen[i] = changed;
            }
            assert_eq!(seen, guide.outputs);
        }
    }

    /// The check runs again exactly when one of its inputs changes value: the pasted policy, the
    /// partition, the account ID (valid or not) and the hardened switch; and every update still
    /// holds what `generate` makes.
    #[cfg(feature = "full")]
    #[test]
    fn the_check_runs_again_only_when_its_own_inputs_change() {
        use crate::full::check::runs;
        let policy = r#"{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}"#;
        let mut raw = RawInputs::new().with(InputKey::ExistingPermissionsPolicy, policy);
        let mut live = LiveGuide::new();
        let mut runs_for = |key: InputKey, value: &str| {
            raw.set(key, value);
            let before = runs();
            live.update(&raw);
            let ran = runs() - before;
            assert_eq!(live.last, generate(&raw).outputs, "{key:?} = {value:?}");
            ran
        };
        assert_eq!(runs_for(InputKey::Partition, ""), 1);
        // An account ID being typed: a new error at each keystroke, the same missing value.
        for typed in [
            "1",
            "12",
            "1234-5678",
            "12345678901",
            "1234567890123",
            "12a",
        ] {
            assert_eq!(runs_for(InputKey::AwsAccountId, typed), 0, "{typed}");
        }
        assert_eq!(runs_for(InputKey::AwsAccountId, "123456789012"), 1);
        assert_eq!(runs_for(InputKey::AwsAccountId, "1234-5678-9012"), 0);
        for (key, value) in [
            (InputKey::ExternalId, "x"),
            (InputKey::ShippableAwsAccountId, "210987654321"),
            (InputKey::RoleName, "r"),
            (InputKey::PolicyName, "p"),
            (InputKey::ExistingTrustPolicy, "{"),
        ] {
            assert_eq!(runs_for(key, value), 0, "{key:?}");
        }
        assert_eq!(runs_for(InputKey::Partition, "aws-cn"), 1);
        assert_eq!(runs_for(InputKey::Hardened, "true"), 1);
        assert_eq!(runs_for(InputKey::AwsAccountId, "1234"), 1);
        assert_eq!(runs_for(InputKey::AwsAccountId, "12345"), 0);
        let spaced = format!("  {policy}\n");
        assert_eq!(runs_for(InputKey::ExistingPermissionsPolicy, &spaced), 0);
        assert_eq!(runs_for(InputKey::ExistingPermissionsPolicy, "{"), 0);
        assert_eq!(runs_for(InputKey::ExistingPermissionsPolicy, policy), 1);
    }
}
