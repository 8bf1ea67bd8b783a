//! Pasted text read as JSON: bounded in length and depth before parsing, and refused when an
//! object gives a key twice (a condition key twice in one block, whatever its case).
//!
//! IAM refuses a policy that repeats an element: "The policy engine does not allow such errors in
//! new or edited policies" (IAM User Guide, Troubleshooting IAM policies, "More than one effect,
//! action, or resource element in a JSON statement element":
//! <https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_policies.html#duplicateelement>).
//! Only policies saved before that rule still read otherwise there (the last `Effect`, the
//! `Action`s and `Resource`s combined); a JSON reader keeps one of the two silently, so neither
//! the merge nor the check can read such a paste as IAM does. Condition key names are read
//! without regard to case, and IAM Access Analyzer reports a key repeated in one condition block
//! with another case as an error ("Duplicate keys with different case":
//! <https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html>).

use super::paste_error::PasteError;
use crate::input_key::InputKey;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::cell::RefCell;
use std::fmt;

/// The most characters a pasted policy may have: IAM's largest policy quota (10,240 characters,
/// a managed policy) with generous headroom for whitespace and line breaks.
pub const MAX_PASTED_CHARACTERS: usize = 65_536;

/// The deepest a pasted policy may nest arrays and objects: an IAM policy nests 6 (document,
/// `Statement`, statement, `Condition`, operator, values), so 16 leaves headroom. Bounding it keeps
/// every output linear in the paste: a merged policy is pretty-printed, which indents each line
/// by its depth.
pub const MAX_PASTED_NESTING: usize = 16;

/// Reads the text pasted into `key`'s field as one JSON value, with its objects' key order kept.
pub fn read(key: InputKey, text: &str) -> Result<Value, PasteError> {
    check_bounds(key, text)?;
    let repeated = RefCell::new(None);
    let mut parser = serde_json::Deserializer::from_str(text);
    let seed = Seed {
        place: Place::Document,
        repeated: &repeated,
    };
    seed.deserialize(&mut parser)
        .and_then(|value| parser.end().map(|()| value))
        .map_err(|e| match repeated.into_inner() {
            // serde_json gives the error raised in the visitor the position it had reached: just
            // after the repeated key.
            Some(Repeated { name, earlier }) => PasteError::DuplicateKey {
                key,
                name,
                earlier,
                line: e.line(),
                column: e.column(),
            },
            None => {
                let message = e.to_string();
                // serde_json ends its messages with " at line L column C"; the error keeps them apart.
                let problem = match message.rfind(" at line ") {
                    Some(at) => message[..at].to_owned(),
                    None => message,
                };
                PasteError::InvalidJson {
                    key,
                    line: e.line(),
                    column: e.column(),
                    problem,
                }
            }
        })
}

/// Refuses a paste too long or too deeply nested to be an IAM policy, before parsing it: a linear
/// scan, so that a paste of megabytes costs no more than reading it once.
fn check_bounds(key: InputKey, text: &str) -> Result<(), PasteError> {
    if text.len() > MAX_PASTED_CHARACTERS {
        let length = text.chars().count();
        if length > MAX_PASTED_CHARACTERS {
            return Err(PasteError::PasteTooLarge {
                key,
                max: MAX_PASTED_CHARACTERS,
                length,
            });
        }
    }
    let (mut depth, mut line, mut in_string, mut escaped) = (0usize, 1usize, false, false);
    for byte in text.bytes() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'\n' => line += 1,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_PASTED_NESTING {
                    return Err(PasteError::PasteTooDeep {
                        key,
                        max: MAX_PASTED_NESTING,
                        line,
                    });
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// A key given twice: as it was written the second time, and the first time when that differs.
struct Repeated {
    name: String,
    earlier: Option<String>,
}

/// Where in a policy a value sits: the keys of a condition block compare without regard to case.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Document,
    /// The value of the document's `Statement`: one statement or an array of them.
    Statements,
    Statement,
    /// The value of a statement's `Condition`: operators, each with its block of keys.
    Condition,
    ConditionBlock,
    Other,
}

/// Builds a [`Value`] as serde_json does, and stops at the first key an object gives twice.
struct Seed<'a> {
    place: Place,
    repeated: &'a RefCell<Option<Repeated>>,
}

impl Seed<'_> {
    fn at(&self, place: Place) -> Self {
        Seed {
            place,
            repeated: self.repeated,
        }
    }
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        Ok(Number::from_f64(value).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let item = match self.place {
            Place::Statements => Place::Statement,
            _ => Place::Other,
        };
        let mut items = Vec::new();
        while let Some(value) = seq.next_element_seed(self.at(item))? {
            items.push(value);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let place = match self.place {
            Place::Statements => Place::Statement,
            place => place,
        };
        let mut object = Map::new();
        // A condition block's keys by their lowercase form, with their first spelling (a JSON map,
        // as `object` is: no other map's code in the Wasm).
        let mut folded = Map::new();
        while let Some(name) = map.next_key::<String>()? {
            let earlier = if object.contains_key(&name) {
                Some(None)
            } else if place == Place::ConditionBlock {
                folded
                    .insert(name.to_ascii_lowercase(), Value::String(name.clone()))
                    .map(|first| first.as_str().map(str::to_owned))
            } else {
                None
            };
            if let Some(earlier) = earlier {
                *self.repeated.borrow_mut() = Some(Repeated { name, earlier });
                return Err(de::Error::custom("a key given twice"));
            }
            let inner = match (place, name.as_str()) {
                (Place::Document, "Statement") => Place::Statements,
                (Place::Statement, "Condition") => Place::Condition,
                (Place::Condition, _) => Place::ConditionBlock,
                _ => Place::Other,
            };
            let value = map.next_value_seed(self.at(inner))?;
            object.insert(name, value);
        }
        Ok(Value::Object(object))
    }
}
