//! Who a merged trust policy lets assume the role, as IAM reads it: anyone, Shippable's account
//! with your External ID only or also without it or with others, other principals; and which Deny
//! keeps out a principal the guide trusts.
//!
//! IAM User Guide pages this follows:
//! - Principal: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html>
//!   ("*" and `{"AWS": "*"}` are every principal, anonymous ones included; an account ID is its
//!   `:root` ARN and delegates to every principal of that account; no wildcard may match part of a
//!   principal's name or ARN).
//! - NotPrincipal: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html>
//!   (with `Allow` it lets in every principal but the ones named; a role's trust policy may not use it).
//! - External ID: <https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html>
//!   (one per customer, not a secret: it keeps Shippable from being a confused deputy only when the
//!   trust policy requires exactly yours; see `external_id.rs` for how a condition is read).

use crate::documents::{PolicyDocument, Principal, ECS_SERVICE_PRINCIPAL};
use crate::findings::{Finding, FindingRule, Severity};
use crate::full::actions::glob_matches;
use crate::full::external_id::{requirement, Requirement};
use crate::full::grammar::{quoted, statement_name};
use crate::full::policy::{principal_entries, strings, text};
use serde_json::{Map, Value};

/// What the guide's statements trust: Shippable's account with your External ID, and ECS.
struct Guide<'a> {
    partition: &'a str,
    shippable: &'a str,
    external_id: &'a str,
    /// `AWS=<Shippable's root ARN>`, as [`principal_entries`] writes it.
    shippable_entry: String,
}

/// The actions that assume a role: a trust statement lets its principals in when it allows one.
const ASSUME_ACTIONS: [&str; 3] = [
    "sts:AssumeRole",
    "sts:AssumeRoleWithSAML",
    "sts:AssumeRoleWithWebIdentity",
];

/// True when a statement's `Action` (or `NotAction`) takes in `action`.
fn takes_in(statement: &Map<String, Value>, action: &str) -> bool {
    let named = |key| {
        strings(statement.get(key))
            .iter()
            .any(|p| glob_matches(p, action, true))
    };
    if statement.contains_key("NotAction") {
        !named("NotAction")
    } else {
        named("Action")
    }
}

/// One principal a statement names, by what it is to this role.
enum Who {
    /// Every principal: `"Principal": "*"`, `{"AWS": "*"}`…, as written.
    Anyone(String),
    /// A principal of Shippable's account (its root, a role, a user, a session), as written.
    Shippable(String),
    /// The guide's ECS service principal.
    Ecs,
    /// An AWS principal in another partition, which IAM never lets assume this role.
    OtherPartition(String),
    /// Anyone else, as `"name" (type)`.
    Other(String),
}

/// The principals of a statement's `Principal`, each with its type as written.
fn principals(value: Option<&Value>) -> Vec<(String, String)> {
    let mut found = Vec::new();
    match value {
        Some(Value::String(s)) => found.push((String::new(), s.clone())),
        Some(Value::Object(map)) => {
            for (kind, names) in map {
                let names: Vec<&Value> = match names {
                    Value::Array(items) => items.iter().collect(),
                    one => vec![one],
                };
                found.extend(
                    names
                        .into_iter()
                        .filter_map(text)
                        .map(|n| (kind.clone(), n)),
                );
            }
        }
        _ => {}
    }
    found
}

impl Guide<'_> {
    fn who(&self, kind: &str, name: &str) -> Who {
        if name == "*" {
            return Who::Anyone(if kind.is_empty() {
                "\"Principal\": \"*\"".to_owned()
            } else {
                format!("{}: \"*\"", quoted(kind))
            });
        }
        if kind.eq_ignore_ascii_case("AWS") {
            let account = if name.len() == 12 && name.bytes().all(|b| b.is_ascii_digit()) {
                Some(name)
            } else if name.starts_with("arn:") {
                let fields: Vec<&str> = name.splitn(6, ':').collect();
                if fields.get(1).is_some_and(|p| *p != self.partition) {
                    return Who::OtherPartition(fields[1].to_owned());
                }
                fields.get(4).copied()
            } else {
                None
            };
            if account == Some(self.shippable) {
                return Who::Shippable(name.to_owned());
            }
        } else if kind == "Service" && name.eq_ignore_ascii_case(ECS_SERVICE_PRINCIPAL) {
            return Who::Ecs;
        }
        Who::Other(format!("{} ({})", quoted(name), quoted(kind)))
    }
}

/// Items for a message, joined by commas: the first five, and how many more there are.
fn listed(items: &[String]) -> String {
    const SHOWN: usize = 5;
    let mut text = items[..items.len().min(SHOWN)].join(", ");
    if items.len() > SHOWN {
        text.push_str(&format!(" and {} more", items.len() - SHOWN));
    }
    text
}

fn error(rule: FindingRule, message: String) -> Finding {
    Finding {
        rule: rule.id(),
        severity: Severity::Error,
        message,
    }
}

fn warning(rule: FindingRule, message: String) -> Finding {
    Finding {
        rule: rule.id(),
        severity: Severity::Warning,
        message,
    }
}

/// The findings on what `statement` (the `index`th) allows.
fn allow_findings(
    guide: &Guide<'_>,
    index: usize,
    statement: &Map<String, Value>,
    variables: bool,
    found: &mut Vec<Finding>,
) {
    let name = statement_name(index, statement);
    if statement.contains_key("NotPrincipal") {
        found.push(error(
            FindingRule::TrustsAnyone,
            format!(
                "{name} uses \"NotPrincipal\" with \"Allow\": it lets every principal but the ones named \
                 assume this role, and IAM does not accept \"NotPrincipal\" in a role\u{2019}s trust policy. \
                 Name the principals in \"Principal\" instead."
            ),
        ));
    }
    let (mut anyone, mut shippable, mut others) = (None, Vec::new(), Vec::new());
    for (kind, principal) in principals(statement.get("Principal")) {
        match guide.who(&kind, &principal) {
            Who::Anyone(how) => anyone = anyone.or(Some(how)),
            Who::Shippable(principal) => shippable.push(quoted(&principal)),
            Who::Other(principal) => others.push(principal),
            Who::Ecs | Who::OtherPartition(_) => {}
        }
    }
    if let Some(how) = anyone {
        found.push(error(
            FindingRule::TrustsAnyone,
            format!(
                "{name} lets any principal assume this role ({how}): anyone who learns its ARN can act \
                 with its permissions. Remove it or name the principals."
            ),
        ));
    }
    if !shippable.is_empty() {
        let who = format!("{}, of Shippable\u{2019}s account,", listed(&shippable));
        let customers =
            "any Shippable customer could have Shippable assume it and act with its permissions";
        match requirement(statement.get("Condition"), guide.external_id, variables) {
            Requirement::Yours => {}
            Requirement::Missing(how) => found.push(error(
                FindingRule::NoExternalId,
                format!(
                    "{name} lets {who} assume this role {how}: {customers}. Remove it; the guide\u{2019}s \
                     statement requires your External ID."
                ),
            )),
            Requirement::Loose(why) => found.push(error(
                FindingRule::ExternalIdNotExact,
                format!(
                    "{name} lets {who} assume this role with an External ID condition that does not hold \
                     it to yours: {why}. So {customers}. Require exactly yours with \"StringEquals\", as \
                     the guide\u{2019}s statement does."
                ),
            )),
            Requirement::Others(values, yours_too) => {
                let (whose, accounts) = if values.len() == 1 {
                    ("that is another Shippable account\u{2019}s, and that account", "that account is")
                } else {
                    ("each is another Shippable account\u{2019}s, and each of those accounts", "those accounts are")
                };
                let (with, then) = if yours_too {
                    ("as well as yours", "Keep only yours")
                } else {
                    ("and not yours", "Remove it")
                };
                found.push(warning(
                    FindingRule::OtherExternalId,
                    format!(
                        "{name} lets {who} assume this role with the External ID {} {with}: {whose} could \
                         have Shippable assume this role. {then} unless {accounts} yours too.",
                        listed(&values)
                    ),
                ));
            }
        }
    }
    if !others.is_empty() {
        found.push(warning(
            FindingRule::TrustsOtherPrincipal,
            format!(
                "{name} lets {} assume this role{}: neither Shippable nor the guide\u{2019}s {ECS_SERVICE_PRINCIPAL}. \
                 Whoever that is can act with this role\u{2019}s permissions; keep it only if you mean to.",
                listed(&others),
                if statement.contains_key("Condition") { " when its Condition holds" } else { "" }
            ),
        ));
    }
}

/// The findings on a merged trust policy: who it lets in besides Shippable with your External ID
/// and ECS, which principal IAM would refuse or never let in, and which Deny keeps out the
/// principals the guide trusts.
pub fn findings(
    document: &Map<String, Value>,
    guide: &PolicyDocument<'_>,
    partition: &str,
) -> Vec<Finding> {
    let mut shippable_arn = "";
    let mut external_id = "";
    for statement in &guide.statement {
        if let Some(Principal::Aws(arn)) = &statement.principal {
            shippable_arn = arn;
        }
        if let Some(condition) = &statement.condition {
            external_id = condition.string_equals.value;
        }
    }
    let guide = Guide {
        partition,
        shippable: shippable_arn.split(':').nth(4).unwrap_or(""),
        external_id,
        shippable_entry: format!("AWS={shippable_arn}"),
    };
    let variables = document.get("Version").and_then(Value::as_str) == Some("2012-10-17");
    let ecs = format!("Service={ECS_SERVICE_PRINCIPAL}");
    let statements: Vec<&Map<String, Value>> = match document.get("Statement") {
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_object).collect(),
        Some(Value::Object(one)) => vec![one],
        _ => Vec::new(),
    };
    let mut found = Vec::new();
    for (index, statement) in statements.into_iter().enumerate() {
        let name = statement_name(index, statement);
        let named = principals(statement.get("Principal"));
        let wildcards: Vec<String> = named
            .iter()
            .filter(|(kind, p)| {
                kind.eq_ignore_ascii_case("AWS") && p != "*" && p.contains(['*', '?'])
            })
            .map(|(_, p)| quoted(p))
            .collect();
        if !wildcards.is_empty() {
            found.push(error(
                FindingRule::PrincipalWildcard,
                format!(
                    "{name} names {}: IAM accepts no wildcard (* or ?) inside a principal\u{2019}s ARN, and \
                     refuses this trust policy. Name the role, the user or the account.",
                    listed(&wildcards)
                ),
            ));
        }
        if !ASSUME_ACTIONS.iter().any(|a| takes_in(statement, a)) {
            continue;
        }
        if let Some(other) = named.iter().find_map(|(kind, p)| match guide.who(kind, p) {
            Who::OtherPartition(other) => Some(other),
            _ => None,
        }) {
            found.push(warning(
                FindingRule::OtherPartitionPrincipal,
                format!(
                    "{name} names a principal in the {} partition; this role is in {partition}, and IAM does \
                     not trust across partitions: that principal cannot assume the role.",
                    quoted(&other)
                ),
            ));
        }
        match statement.get("Effect").and_then(Value::as_str) {
            Some("Allow") => allow_findings(&guide, index, statement, variables, &mut found),
            Some("Deny") if takes_in(statement, "sts:AssumeRole") => {
                let entries = principal_entries(statement.get("Principal"), partition);
                let trusts = |entry: &String| entries.iter().any(|p| p.eq_ignore_ascii_case(entry));
                let anyone = statement.contains_key("NotPrincipal")
                    || entries.iter().any(|p| p == "*=*" || p == "AWS=*");
                if anyone || trusts(&ecs) || trusts(&guide.shippable_entry) {
                    let conditional = statement.contains_key("Condition");
                    let message = format!(
                        "{name} denies sts:AssumeRole to a principal the guide trusts (Shippable or {ECS_SERVICE_PRINCIPAL}){}: \
                         an explicit Deny wins over the guide's Allow.",
                        if conditional { " when its Condition holds" } else { "" }
                    );
                    found.push(if conditional {
                        warning(FindingRule::DenyBlocksGuide, message)
                    } else {
                        error(FindingRule::DenyBlocksGuide, message)
                    });
                }
            }
            _ => {}
        }
    }
    found
}
