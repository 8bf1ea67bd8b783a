//! The small build's stand-in for the `full` module: it reads no pasted policy, makes none of the
//! full build's outputs and leaves the findings to the full build (its messages and rules are
//! 1.6 KB of the first visit's compressed Wasm).

use crate::errors::InputError;
use crate::findings::{Finding, Size};
use crate::input_key::InputKey;
use crate::inputs::CheckedInputs;
use crate::output_id::OutputId;
use serde::Serialize;

/// The pasted policies, which the small build does not read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pasted;

impl Pasted {
    /// Takes any text: the small build does not read pasted policies.
    pub fn check(_: InputKey, _: &str) -> Result<(), InputError> {
        Ok(())
    }

    /// Reads nothing: the small build reports no state for the pasted policies.
    pub fn read(_: &mut CheckedInputs) -> Pasted {
        Pasted
    }
}

/// What making an output found beside its text: nothing, in the small build.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Made {
    nothing: (),
}

/// The permissions check's data, which the small build never makes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Check {}

/// What an output of the full build holds in the small build (which never reports it).
const NOT_IN_THIS_BUILD: &str =
    "Made by the guide's full build, which loads when you reach this section.";

/// The text of an output of the full build: not made here.
pub fn make(_: OutputId, _: &CheckedInputs, _: &Pasted) -> (String, Made) {
    (NOT_IN_THIS_BUILD.to_owned(), Made { nothing: () })
}

/// No findings: the small build leaves them to the full one.
pub fn findings(
    _: OutputId,
    _: &CheckedInputs,
    _: Option<&Size>,
    _: Made,
) -> (Vec<Finding>, Option<Check>) {
    (Vec::new(), None)
}

/// Why a pasted policy cannot be read: never, in the small build, which reads none.
pub mod paste_error {
    use crate::input_key::InputKey;
    use std::fmt;

    /// A pasted policy that cannot be read (no value: the small build reads no paste).
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub enum PasteError {}

    impl PasteError {
        pub fn key(&self) -> InputKey {
            match *self {}
        }

        pub fn code(&self) -> &'static str {
            match *self {}
        }
    }

    impl fmt::Display for PasteError {
        fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
            match *self {}
        }
    }
}
