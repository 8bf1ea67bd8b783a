//! One call from inputs to everything the page shows: every output's text and completeness, every input's error.

use crate::errors::InputError;
use crate::findings::{size, Finding, Severity, Size};
use crate::full::{self, Check, Made, Pasted};
use crate::input_key::InputKey;
use crate::inputs::{self, Checked, CheckedInputs, RawInputs};
use crate::output_id::OutputId;

/// One generated output: what to paste and whether it is ready to paste.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
    pub id: OutputId,
    /// Exactly what to paste (placeholders included while incomplete).
    pub text: String,
    /// True when every input the output depends on is valid.
    pub complete: bool,
    /// The inputs still missing or invalid, in the guide's order.
    pub waiting_for: Vec<InputKey>,
    /// What the project's rules say about it, most serious first.
    pub findings: Vec<Finding>,
    /// Its size against its IAM quota, for the documents IAM limits.
    pub size: Option<Size>,
    /// The permissions check's data (that output only): a verdict per guide action.
    pub check: Option<Check>,
}

impl Output {
    /// A sentence for the reader: ready to paste, or which values it still needs. It follows the
    /// findings: never plainly ready beside an error or a warning.
    pub fn status(&self) -> String {
        // Only the full build finds anything: the small one leaves these sentences out.
        let worst = if cfg!(feature = "full") {
            self.findings.iter().map(|f| f.severity).max()
        } else {
            None
        };
        if self.complete && worst == Some(Severity::Error) {
            return "Not ready to paste: first fix what the findings below say.".to_owned();
        }
        if self.complete && worst == Some(Severity::Warning) {
            let ready = self.id.ready();
            return format!(
                "{} once you have read the warnings below.",
                ready.strip_suffix('.').unwrap_or(ready)
            );
        }
        if self.complete {
            return self.id.ready().to_owned();
        }
        if self.waiting_for.iter().any(|key| key.is_pasted()) {
            return "Waiting for a policy pasted above.".to_owned();
        }
        let mut sentence = String::from("Not ready yet: needs ");
        for (i, key) in self.waiting_for.iter().enumerate() {
            if i > 0 {
                sentence.push_str(", ");
            }
            sentence.push_str(key.label());
        }
        sentence.push_str(" (placeholders in <angle brackets> show where).");
        sentence
    }
}

/// One input after checking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputState {
    pub key: InputKey,
    /// The normalised value, when valid.
    pub value: Option<String>,
    /// What the guide's prose shows for it: the value, or the guide's placeholder.
    pub shown: String,
    /// Why it is not valid.
    pub error: Option<InputError>,
}

/// Everything computed from one set of inputs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Guide {
    pub outputs: Vec<Output>,
    pub inputs: Vec<InputState>,
}

impl Guide {
    /// One output by id.
    pub fn output(&self, id: OutputId) -> &Output {
        self.outputs
            .iter()
            .find(|o| o.id == id)
            .expect("generate() produces every output")
    }

    /// One input by key.
    pub fn input(&self, key: InputKey) -> &InputState {
        self.inputs
            .iter()
            .find(|i| i.key == key)
            .expect("generate() reports every input")
    }

    /// The error of every invalid input, in the guide's order.
    pub fn errors(&self) -> impl Iterator<Item = &InputError> {
        self.inputs.iter().filter_map(|i| i.error.as_ref())
    }
}

/// An output made from one set of inputs: its text, its size against its quota, and what the
/// full build found making it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Rendered {
    pub text: String,
    pub size: Option<Size>,
    pub made: Made,
}

impl OutputId {
    /// The output's text and size, placeholders where inputs are not valid.
    pub(crate) fn rendered(self, inputs: &CheckedInputs, pasted: &Pasted) -> Rendered {
        let (mut text, made) = match self.document(inputs) {
            Some(text) => (text, Made::default()),
            None => full::make(self, inputs, pasted),
        };
        // Scripts and templates are written line by line; like the documents, the text that is
        // copied ends with its last line, not a line break.
        text.truncate(text.trim_end().len());
        let size = size(self, &text);
        Rendered { text, size, made }
    }
}

/// Checks one input as [`generate`] does: by its rule, and (full build) a pasted policy read.
pub fn check_input(key: InputKey, raw: &str) -> Checked {
    let value = inputs::check(key, raw)?;
    if key.is_pasted() && !value.is_empty() {
        Pasted::check(key, &value)?;
    }
    Ok(value)
}

/// Computes every output and every input's error from what the reader typed (in the small
/// build, the outputs and inputs it has: see [`OutputId::generated_by_this_build`]). Pure: it
/// keeps nothing between calls ([`crate::LiveGuide`] does, for the page).
pub fn generate(raw: &RawInputs) -> Guide {
    let mut checked = CheckedInputs::from_raw(raw);
    let pasted = Pasted::read(&mut checked);
    let outputs = OutputId::ALL
        .into_iter()
        .filter(|id| id.generated_by_this_build())
        .map(|id| output(id, &checked, id.rendered(&checked, &pasted)))
        .collect();
    Guide {
        outputs,
        inputs: input_states(&checked),
    }
}

/// One output from its rendering: what it waits for, its status and its findings.
pub(crate) fn output(id: OutputId, checked: &CheckedInputs, rendered: Rendered) -> Output {
    let waiting_for: Vec<InputKey> = id
        .depends_on(checked.hardened())
        .iter()
        .copied()
        .filter(|key| match checked.valid(*key) {
            None => true,
            // A check needs a policy to check, a merge a policy to merge into.
            Some("") => key.is_pasted(),
            Some(_) => false,
        })
        .collect();
    let (findings, check) = full::findings(id, checked, rendered.size.as_ref(), rendered.made);
    Output {
        id,
        text: rendered.text,
        complete: waiting_for.is_empty(),
        waiting_for,
        findings,
        size: rendered.size,
        check,
    }
}

/// Every input's state, for the inputs this build reads.
pub(crate) fn input_states(checked: &CheckedInputs) -> Vec<InputState> {
    InputKey::ALL
        .into_iter()
        .filter(|key| key.read_by_this_build())
        .map(|key| InputState {
            key,
            value: checked.valid(key).map(str::to_owned),
            shown: checked.shown(key).to_owned(),
            error: checked.get(key).as_ref().err().cloned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "full")]
    #[test]
    fn a_merge_with_nothing_pasted_is_one_line_waiting_for_the_paste() {
        let guide = generate(&RawInputs::new());
        let merged = guide.output(OutputId::MergedTrustPolicy);
        assert!(!merged.text.contains('\n'), "{}", merged.text);
        assert!(!merged.complete);
        assert!(merged.waiting_for.contains(&InputKey::ExistingTrustPolicy));
        assert_eq!(merged.status(), "Waiting for a policy pasted above.");
    }

    #[cfg(feature = "full")]
    #[test]
    fn the_status_follows_the_findings() {
        // The guide's permissions policy allows iam:PassRole on "*" (a warning); hardened, it does not.
        let raw = RawInputs::new().with(InputKey::AwsAccountId, "123456789012");
        let policy = |raw: &RawInputs| {
            generate(raw)
                .output(OutputId::CrossAccountPermissionsPolicy)
                .status()
        };
        assert_eq!(
            policy(&raw),
            "Ready to paste once you have read the warnings below."
        );
        assert_eq!(
            policy(&raw.clone().with(InputKey::Hardened, "true")),
            "Ready to paste."
        );
        // Your account as Shippable's is an error.
        let same = raw
            .with(InputKey::ShippableAwsAccountId, "123456789012")
            .with(InputKey::ExternalId, "abc");
        assert_eq!(
            generate(&same)
                .output(OutputId::CrossAccountTrustPolicy)
                .status(),
            "Not ready to paste: first fix what the findings below say."
        );
    }

    #[test]
    fn nothing_typed_leaves_only_the_typed_documents_incomplete() {
        let guide = generate(&RawInputs::new());
        let incomplete: Vec<&str> = guide
            .outputs
            .iter()
            .filter(|o| !o.complete)
            .map(|o| o.id.id())
            .collect();
        let expected = [
            "cross-account-trust-policy",
            "cross-account-role-arn",
            "merged-trust-policy",
            "permissions-check",
            "cross-account-aws-cli",
            "cross-account-cloudformation",
            "cross-account-terraform",
            "cross-account-verification",
        ];
        // The small build has only the six documents.
        let generated = if cfg!(feature = "full") { 8 } else { 2 };
        assert_eq!(incomplete, expected[..generated]);
        assert_eq!(
            guide.output(OutputId::CrossAccountRoleArn).text,
            "arn:aws:iam::<12 digit AWS account id>:role/shippable-role-to-allow-ecs-access"
        );
    }
}
