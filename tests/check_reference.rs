//! Property: on random policies drawn from IAM's policy grammar, the check's verdict on every
//! guide action equals a reference evaluator's. The reference is written apart from the product
//! and simply: it simulates concrete requests (each real action of AWS's Service Authorization
//! Reference, on concrete resources of the reader's account, under concrete request contexts) and
//! reads each statement per request with AWS's documented evaluation logic (an explicit Deny wins,
//! then an Allow, else the implicit deny). A request holds the action's own condition keys, the
//! keys of the resource it names (a cluster's `ecs:ResourceTag/…`: the Service Authorization
//! Reference's "Resource types" table, listed per ARN template in the data), and the global ones.
//!
//! The pools below avoid one thing the product does not claim: two partial statements whose union
//! reaches everything (an Allow on some resources plus an Allow on all the others).

use ecs_guide::full::check::State;
use ecs_guide::{generate, InputKey, OutputId, RawInputs};
use proptest::prelude::*;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

const ACCOUNT: &str = "123456789012";

/// A real action: its name, its resources' ARN templates, each with the service condition keys of
/// a resource of that type, and its own service condition keys (all lowercase).
struct Real {
    name: String,
    templates: Vec<(String, Vec<String>)>,
    keys: Vec<String>,
}

fn reference_actions() -> Vec<Real> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/iam-actions.txt"))
        .expect("the action data");
    let mut service = String::new();
    let mut kinds: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut all = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        if line.starts_with('[') {
            service = line.trim_matches(['[', ']']).to_owned();
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        let words = |n: usize| -> Vec<String> {
            columns
                .get(n)
                .map(|c| c.split_whitespace().map(str::to_lowercase).collect())
                .unwrap_or_default()
        };
        if columns[0].starts_with("arn:") {
            // A resource type: its ARN template and the keys of a resource of that type.
            kinds.insert(columns[0].to_owned(), words(1));
            continue;
        }
        let templates = columns.get(1).map_or(Vec::new(), |c| {
            c.split_whitespace()
                .map(|t| (t.to_owned(), kinds.get(t).cloned().unwrap_or_default()))
                .collect()
        });
        all.push(Real {
            name: format!("{service}:{}", columns[0]),
            templates,
            keys: words(2),
        });
    }
    all
}

/// IAM's wildcard match, written the plain recursive way.
fn glob(p: &[char], t: &[char]) -> bool {
    match p.first() {
        None => t.is_empty(),
        Some('*') => glob(&p[1..], t) || (!t.is_empty() && glob(p, &t[1..])),
        Some('?') => !t.is_empty() && glob(&p[1..], &t[1..]),
        Some(c) => t.first() == Some(c) && glob(&p[1..], &t[1..]),
    }
}

fn like(pattern: &str, text: &str) -> bool {
    let (p, t): (Vec<char>, Vec<char>) = (pattern.chars().collect(), text.chars().collect());
    glob(&p, &t)
}

/// A Resource pattern against a concrete ARN: "*", or the six colon-separated parts one by one.
fn resource_like(pattern: &str, arn: &str) -> bool {
    if pattern == "*" {
        return true;
    }
    let p: Vec<&str> = pattern.splitn(6, ':').collect();
    let a: Vec<&str> = arn.splitn(6, ':').collect();
    p.len() == a.len() && p.iter().zip(&a).all(|(p, a)| like(p, a))
}

/// The concrete ARNs of a template: two regions, two names for every other part.
fn concrete(template: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut rest = template;
    while let Some(start) = rest.find("${") {
        let end = start + rest[start..].find('}').unwrap() + 1;
        let choices: Vec<&str> = match &rest[start..end] {
            "${Partition}" => vec!["aws"],
            "${Account}" => vec![ACCOUNT],
            "${Region}" => vec!["us-east-1", "eu-west-1"],
            _ => vec!["prod", "ecs-app"],
        };
        let literal = &rest[..start];
        out = out
            .iter()
            .flat_map(|o| choices.iter().map(move |c| format!("{o}{literal}{c}")))
            .collect();
        rest = &rest[end..];
    }
    out.into_iter().map(|o| o + rest).collect()
}

/// A request context: condition key (lowercase) to its values; absent keys are not there.
type Context = BTreeMap<String, Vec<String>>;

/// True when a key the reference lists (lowercase; `${TagKey}` and the like stand for a name of
/// one or more characters) is the key `key` (lowercase).
fn listed_as(listed: &[String], key: &str) -> bool {
    listed.iter().any(|l| {
        let mut pattern = String::new();
        let mut rest = l.as_str();
        while let Some(start) = rest.find("${") {
            let end = start + rest[start..].find('}').unwrap() + 1;
            pattern += &rest[..start];
            pattern += "?*";
            rest = &rest[end..];
        }
        like(&(pattern + rest), key)
    })
}

/// True when a request for `action` on a resource of a type with the keys `of_resource` can
/// hold the key `key` (lowercase): a global key, the action's own, or the resource's.
fn held(key: &str, action: &Real, of_resource: &[String]) -> bool {
    key.starts_with("aws:") || listed_as(&action.keys, key) || listed_as(of_resource, key)
}

/// The values a key can have on a request for `action`, `None` for absent.
fn variants(key: &str, action: &Real) -> Vec<Option<Vec<String>>> {
    let one = |v: &str| Some(vec![v.to_owned()]);
    let carried =
        listed_as(&action.keys, key) || action.templates.iter().any(|(_, of)| listed_as(of, key));
    match key {
        "iam:passedtoservice" if action.name == "iam:PassRole" => vec![one("ecs.amazonaws.com")],
        "aws:securetransport" | "aws:multifactorauthpresent" => {
            vec![one("true"), one("false"), None]
        }
        "aws:tagkeys" => vec![one("team"), Some(vec!["owner".into(), "cost".into()]), None],
        k if k.starts_with("aws:") => vec![one("x"), None],
        // A tag of the resource named: a value, another, or no such tag.
        k if k.contains(":resourcetag/") && carried => {
            vec![one("true"), one("false"), None]
        }
        _ if carried => vec![
            one("arn:aws:ecs:us-east-1:123456789012:cluster/prod"),
            one("arn:aws:ecs:eu-west-1:123456789012:cluster/ecs-app"),
            None,
        ],
        _ => vec![None],
    }
}

fn contexts(keys: &[String], action: &Real) -> Vec<Context> {
    let mut out = vec![Context::new()];
    for key in keys {
        out = out
            .iter()
            .flat_map(|c| {
                variants(key, action).into_iter().map(move |v| {
                    let mut c = c.clone();
                    if let Some(v) = v {
                        c.insert(key.clone(), v);
                    }
                    c
                })
            })
            .collect();
    }
    out
}

fn list(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items.iter().flat_map(list).collect(),
        Value::String(s) => vec![s.clone()],
        other => vec![other.to_string()],
    }
}

/// One operator on one key in one context, as AWS documents it (missing keys included).
fn operator_holds(operator: &str, key: &str, values: &Value, context: &Context) -> bool {
    let values = list(values);
    let (set, op) = match operator.split_once(':') {
        Some((set, op)) => (Some(set), op),
        None => (None, operator),
    };
    let (op, if_exists) = match op.strip_suffix("IfExists") {
        Some(op) => (op, true),
        None => (op, false),
    };
    let Some(present) = context.get(&key.to_lowercase()) else {
        return match op {
            "Null" => values.iter().any(|v| v == "true"),
            _ if if_exists => true,
            _ if set == Some("ForAllValues") => true,
            _ if set == Some("ForAnyValue") => false,
            _ => op.contains("Not"),
        };
    };
    if op == "Null" {
        return values.iter().any(|v| v == "false");
    }
    let matches = |have: &String| match op {
        "StringEquals" => values.iter().any(|v| v == have),
        "StringNotEquals" => !values.iter().any(|v| v == have),
        "StringLike" => values.iter().any(|v| like(v, have)),
        "Bool" => values.iter().any(|v| v.eq_ignore_ascii_case(have)),
        other => panic!("the pools hold no {other}"),
    };
    match set {
        Some("ForAllValues") => present.iter().all(matches),
        _ => present.iter().any(matches),
    }
}

fn condition_holds(statement: &Map<String, Value>, context: &Context) -> bool {
    let Some(Value::Object(operators)) = statement.get("Condition") else {
        return true;
    };
    operators.iter().all(|(operator, keys)| {
        keys.as_object()
            .unwrap()
            .iter()
            .all(|(key, values)| operator_holds(operator, key, values, context))
    })
}

fn applies(
    statement: &Map<String, Value>,
    action: &Real,
    resource: &str,
    context: &Context,
) -> bool {
    let names = |key| statement.get(key).map(list).unwrap_or_default();
    let action_in = if statement.contains_key("NotAction") {
        !names("NotAction")
            .iter()
            .any(|p| like(&p.to_lowercase(), &action.name.to_lowercase()))
    } else {
        names("Action")
            .iter()
            .any(|p| like(&p.to_lowercase(), &action.name.to_lowercase()))
    };
    // A request on no particular resource names "*" itself.
    let resource_in = |p: &String| {
        if resource == "*" {
            like(p, "*")
        } else {
            resource_like(p, resource)
        }
    };
    let resource_in = if statement.contains_key("NotResource") {
        !names("NotResource").iter().any(resource_in)
    } else {
        names("Resource").iter().any(resource_in)
    };
    action_in && resource_in && condition_holds(statement, context)
}

/// The reference's state for one real action under `statements`.
fn reference_state(statements: &[Map<String, Value>], action: &Real) -> State {
    let mut keys: Vec<String> = Vec::new();
    for s in statements {
        if let Some(Value::Object(operators)) = s.get("Condition") {
            for k in operators
                .values()
                .flat_map(|k| k.as_object().unwrap().keys())
            {
                if !keys.contains(&k.to_lowercase()) {
                    keys.push(k.to_lowercase());
                }
            }
        }
    }
    // Each concrete resource, with the keys a resource of its type has.
    let none = Vec::new();
    let resources: Vec<(String, &Vec<String>)> = if action.templates.is_empty() {
        vec![("*".into(), &none)]
    } else {
        action
            .templates
            .iter()
            .flat_map(|(t, of)| concrete(t).into_iter().map(move |arn| (arn, of)))
            .collect()
    };
    let (mut allowed, mut denied, mut total) = (0, 0, 0);
    let mut varies_by_resource = false;
    for context in contexts(&keys, action) {
        let mut seen = Vec::new();
        for (resource, of_resource) in &resources {
            total += 1;
            // The request on this resource holds only the keys it can hold.
            let mut context = context.clone();
            context.retain(|key, _| held(key, action, of_resource));
            let effect = |e: &str| {
                statements
                    .iter()
                    .any(|s| s["Effect"] == e && applies(s, action, resource, &context))
            };
            let allow = if effect("Deny") {
                denied += 1;
                false
            } else {
                effect("Allow")
            };
            allowed += usize::from(allow);
            seen.push(allow);
        }
        varies_by_resource |= seen.iter().any(|a| *a != seen[0]);
    }
    match (allowed, denied) {
        (a, _) if a == total => State::Granted,
        (0, 0) => State::Missing,
        (0, _) => State::Denied,
        _ if varies_by_resource => State::Partial,
        _ => State::Conditional,
    }
}

/// A guide action's state: the worst of its real actions' (denied, missing, partial,
/// conditional, granted).
fn reference_verdicts(statements: &[Map<String, Value>], all: &[Real]) -> Vec<(String, State)> {
    let rank = [
        State::Denied,
        State::Missing,
        State::Partial,
        State::Conditional,
        State::Granted,
    ];
    ecs_guide::documents::CROSS_ACCOUNT_ACTIONS
        .iter()
        .map(|guide| {
            let states: Vec<State> = all
                .iter()
                .filter(|a| like(&guide.to_lowercase(), &a.name.to_lowercase()))
                .map(|a| reference_state(statements, a))
                .collect();
            let state = *rank
                .iter()
                .find(|r| states.contains(r))
                .expect("a real action");
            (guide.to_string(), state)
        })
        .collect()
}

fn statement() -> impl Strategy<Value = Map<String, Value>> {
    let action = prop_oneof![
        Just("*"),
        Just("ecs:*"),
        Just("ec2:Describe*"),
        Just("ec2:*Instances"),
        Just("ec2:Describe?"),
        Just("ec2:Describe?*"),
        Just("elasticloadbalancing:*Listeners"),
        Just("iam:PassRole"),
        Just("iam:*"),
        Just("ecs:Delete*"),
        Just("ECS:list*"),
        Just("ecs:?escribe*"),
        Just("s3:*"),
        Just("elasticloadbalancing:Describe*"),
        Just("ec2:DescribeRegions"),
        Just("iam:List*"),
    ];
    let resource = prop_oneof![
        Just(("Resource", "*")),
        Just(("Resource", "*")),
        Just(("Resource", "arn:aws:ecs:*:123456789012:*")),
        Just((
            "Resource",
            "arn:aws:ecs:us-east-1:123456789012:cluster/prod"
        )),
        Just(("Resource", "arn:aws:s3:::example-bucket/*")),
        Just(("Resource", "arn:aws:iam::123456789012:role/*")),
        Just(("Resource", "arn:aws:iam::123456789012:role/ecs-*")),
        Just(("Resource", "arn:aws:ecs:*:111122223333:*")),
        Just(("Resource", "arn:aws-cn:ecs:*:123456789012:*")),
        Just(("Resource", "arn:aws:ec2:*:123456789012:instance/*")),
        Just((
            "Resource",
            "arn:aws:elasticloadbalancing:*:*:loadbalancer/*"
        )),
        Just(("Resource", "arn:*:ecs:*:*:service/*")),
        Just((
            "Resource",
            "arn:aws:ecs:*:123456789012:task-definition/prod:*"
        )),
        Just(("NotResource", "arn:aws:s3:::example-bucket")),
        Just(("NotResource", "arn:aws:iam::123456789012:user/*")),
    ];
    let condition = prop_oneof![
        8 => Just(Value::Null),
        1 => Just(json!({"Bool": {"aws:SecureTransport": "false"}})),
        1 => Just(json!({"Bool": {"aws:MultiFactorAuthPresent": "true"}})),
        1 => Just(json!({"StringEquals": {"iam:PassedToService": "ecs.amazonaws.com"}})),
        1 => Just(json!({"StringNotEquals": {"iam:PassedToService": "ecs.amazonaws.com"}})),
        1 => Just(json!({"StringLike": {"ecs:cluster": "arn:aws:ecs:us-east-1:*"}})),
        1 => Just(json!({"StringEqualsIfExists": {"sts:ExternalId": "abc"}})),
        1 => Just(json!({"Null": {"ecs:cluster": "false"}})),
        1 => Just(json!({"ForAnyValue:StringEquals": {"aws:TagKeys": "team"}})),
        1 => Just(json!({"StringEquals": {"sts:ExternalId": "abc"}})),
        // Keys of the resources the actions name (issue 19), one tag key per operator; the
        // key-absent rules on the actions that name no such resource.
        1 => Just(json!({"StringEquals": {"ecs:ResourceTag/protected": "true"}})),
        1 => Just(json!({"StringEquals": {"iam:ResourceTag/protected": "true"}})),
        1 => Just(json!({"StringEquals": {"elasticloadbalancing:ResourceTag/protected": "true"}})),
        1 => Just(json!({"StringEquals": {"ec2:ResourceTag/protected": "true"}})),
        1 => Just(json!({"StringNotEquals": {"ecs:ResourceTag/team": "true"}})),
        1 => Just(json!({"StringEqualsIfExists": {"ecs:ResourceTag/owner": "true"}})),
        1 => Just(json!({"Null": {"iam:ResourceTag/stage": "true"}})),
        1 => Just(json!({"ForAllValues:StringEquals": {"ecs:ResourceTag/stage": "true"}})),
        1 => Just(json!({"ForAnyValue:StringEquals": {"ecs:ResourceTag/cost": "true"}})),
    ];
    (
        prop_oneof![Just("Allow"), Just("Deny")],
        proptest::bool::weighted(0.2),
        proptest::collection::vec(action, 1..3),
        resource,
        condition,
    )
        .prop_map(
            |(effect, not, actions, (resource_key, resource), condition)| {
                let mut s = Map::new();
                s.insert("Effect".into(), json!(effect));
                s.insert(
                    if not { "NotAction" } else { "Action" }.into(),
                    json!(actions),
                );
                s.insert(resource_key.into(), json!(resource));
                if !condition.is_null() {
                    s.insert("Condition".into(), condition);
                }
                s
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn the_check_gives_the_reference_evaluators_verdicts(
        statements in proptest::collection::vec(statement(), 1..4)
    ) {
        let all = reference_actions();
        let policy = json!({"Version": "2012-10-17", "Statement": statements});
        let raw = RawInputs::new()
            .with(InputKey::AwsAccountId, ACCOUNT)
            .with(InputKey::ExistingPermissionsPolicy, policy.to_string());
        let guide = generate(&raw);
        let check = guide.output(OutputId::PermissionsCheck).check.clone().expect("verdicts");
        let got: Vec<(String, State)> = check.verdicts.into_iter().map(|v| (v.action, v.state)).collect();
        prop_assert_eq!(got, reference_verdicts(&statements, &all), "{}", policy);
    }
}
