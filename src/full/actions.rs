//! Action names and their wildcards: AWS's real actions of the guide's services (from its Service
//! Authorization Reference), which real actions a pattern stands for, and which actions of a list
//! are redundant beside another. Used by the check of a pasted policy; the guide's own redundant
//! actions are written down in `documents` (a test here keeps them equal).

use std::sync::OnceLock;

pub use super::wildcards::{covers, glob_matches, intersects};

/// AWS's Service Authorization Reference for ec2, elasticloadbalancing, iam and ecs, written by
/// `tests/iac/iam_actions.py` (which `tests/iac` runs again and compares): under `[service]`, first
/// the resource types the guide's actions name (an ARN template, then after a tab the service
/// condition keys the reference lists on that resource type), then one action a line; the actions
/// the guide's patterns stand for add, after tabs, the ARN templates of the resources a request
/// names and the service condition keys it can hold apart from those resources' keys.
const REFERENCE: &str = include_str!("../iam-actions.txt");

/// One real action of AWS, as the Service Authorization Reference describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RealAction {
    /// `service:Action`, in AWS's case.
    pub name: String,
    /// ARN templates (`arn:${Partition}:ecs:${Region}:${Account}:cluster/${ClusterName}`) of the
    /// resources a request names, space-separated; empty when the request's resource is `*`.
    resources: &'static str,
    /// The service condition keys its requests can hold: its own, then those of the resource
    /// types it names (global `aws:` keys not listed).
    keys: Vec<&'static str>,
}

impl RealAction {
    /// True when the action pattern `pattern` (IAM's `*` and `?`, any case) names this action.
    pub fn matched_by(&self, pattern: &str) -> bool {
        glob_matches(pattern, &self.name, true)
    }

    /// The ARN templates of the resources a request names; none when its resource is `*`.
    pub fn resource_templates(&self) -> impl Iterator<Item = &'static str> {
        self.resources.split(' ').filter(|s| !s.is_empty())
    }

    /// True when a request for this action can hold the condition key `key` (any case): every
    /// global `aws:` key, the service keys the reference lists for the action, and those it lists
    /// for the resource types the action names (`ecs:ResourceTag/${TagKey}` on a cluster; the
    /// Service Authorization Reference's "Resource types" table).
    pub fn may_hold_key(&self, key: &str) -> bool {
        starts_with_ignore_case(key, "aws:")
            || self.keys.iter().any(|listed| names_key(listed, key))
    }
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len()
        && text.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// True when the listed key `listed` names the condition key `key` (any case, as IAM compares
/// key names): a `${Name}` in it (`ecs:ResourceTag/${TagKey}`) stands for any non-empty text.
fn names_key(listed: &str, key: &str) -> bool {
    let Some((before, rest)) = listed.split_once("${") else {
        return listed.eq_ignore_ascii_case(key);
    };
    let after = rest.split_once('}').map_or("", |(_, after)| after);
    key.len() > before.len() + after.len()
        && starts_with_ignore_case(key, before)
        && key.as_bytes()[key.len() - after.len()..].eq_ignore_ascii_case(after.as_bytes())
}

/// Every real action of the guide's services, read once from [`REFERENCE`].
pub fn real_actions() -> &'static [RealAction] {
    static ALL: OnceLock<Vec<RealAction>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut service = "";
        // The service's resource types: ARN template, and the keys of a resource of that type.
        let mut kinds: Vec<(&str, &str)> = Vec::new();
        let mut all = Vec::new();
        for line in REFERENCE.lines() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                service = name;
                kinds.clear();
                continue;
            }
            let mut columns = line.split('\t');
            let name = columns.next().unwrap_or_default();
            if name.starts_with("arn:") {
                kinds.push((name, columns.next().unwrap_or_default()));
                continue;
            }
            let resources = columns.next().unwrap_or_default();
            let mut keys: Vec<&'static str> = columns
                .next()
                .unwrap_or_default()
                .split_whitespace()
                .collect();
            for template in resources.split_whitespace() {
                let of_kind = kinds.iter().filter(|(arn, _)| *arn == template);
                keys.extend(of_kind.flat_map(|(_, listed)| listed.split_whitespace()));
            }
            all.push(RealAction {
                name: format!("{service}:{name}"),
                resources,
                keys,
            });
        }
        all
    })
}

/// The real actions an action pattern stands for (`ec2:Describe*`: every ec2 Describe action).
/// The guide's few patterns are expanded once and kept: a check then costs no scan of the list.
pub fn expand(pattern: &str) -> Vec<&'static RealAction> {
    type Expanded = Vec<(String, Vec<&'static RealAction>)>;
    thread_local! {
        static EXPANDED: std::cell::RefCell<Expanded> = const { std::cell::RefCell::new(Vec::new()) };
    }
    if let Some(hit) = EXPANDED.with_borrow(|known| {
        known
            .iter()
            .find(|(p, _)| p == pattern)
            .map(|(_, actions)| actions.clone())
    }) {
        return hit;
    }
    let actions: Vec<&'static RealAction> = real_actions()
        .iter()
        .filter(|a| a.matched_by(pattern))
        .collect();
    EXPANDED.with_borrow_mut(|known| {
        // Bounded: the guide's patterns (and a few from tests) are all that come here.
        if known.len() < 64 {
            known.push((pattern.to_owned(), actions.clone()));
        }
    });
    actions
}

/// True when some name could match both patterns (one covers the other, as far as is told here).
pub fn overlaps(a: &str, b: &str, ignore_case: bool) -> bool {
    covers(a, b, ignore_case) || covers(b, a, ignore_case)
}

/// The actions another action of the list already grants (`ec2:DescribeInstances` beside
/// `ec2:Describe*`), each with the action that grants it.
pub fn redundant_actions<'a>(actions: &[&'a str]) -> Vec<(&'a str, &'a str)> {
    actions
        .iter()
        .filter_map(|a| {
            actions
                .iter()
                .find(|b| a != *b && covers(b, a, true))
                .map(|b| (*a, *b))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards_cover_what_they_match() {
        assert!(covers("ec2:Describe*", "ec2:DescribeInstances", true));
        assert!(covers("EC2:describe*", "ec2:DescribeInstances", true));
        assert!(covers("*", "ecs:ListTasks", true));
        assert!(covers("ecs:*", "ecs:Describe*", true));
        assert!(covers("ec2:Describe*", "ec2:Describe*", true));
        assert!(!covers("ec2:DescribeInstances", "ec2:Describe*", true));
        assert!(!covers("ec2:Describe?", "ec2:Describe*", true));
        assert!(covers("ecs:List?asks", "ecs:ListTasks", true));
        assert!(!covers("ecs:ListTask", "ecs:ListTasks", true));
        assert!(!covers(
            "arn:aws:iam::1:role/*",
            "ARN:aws:iam::1:role/x",
            false
        ));
    }

    #[test]
    fn long_pasted_wildcards_mean_what_they_say() {
        // A run of stars is one star; a pattern needing more characters than a name has fails.
        assert!(covers(&"*".repeat(65_000), "ecs:ListTasks", true));
        assert!(covers(
            &format!("ecs:{}Tasks", "*".repeat(65_000)),
            "ecs:ListTasks",
            true
        ));
        assert!(!covers(&"e*".repeat(32_000), "ecs:ListTasks", true));
        assert!(covers("e*s*", "ecs:ListTasks", true));
        assert!(!covers("ecs:ListTasks*?", "ecs:ListTasks", true));
        assert!(!overlaps("ecs:*", &"e*".repeat(32_000), true));
    }

    #[test]
    fn patterns_stand_for_real_actions() {
        let names =
            |p: &str| -> Vec<String> { expand(p).into_iter().map(|a| a.name.clone()).collect() };
        assert!(real_actions().len() > 1000);
        assert_eq!(names("ecs:listtasks"), ["ecs:ListTasks"]);
        assert!(names("ec2:Describe?").is_empty());
        assert_eq!(names("ec2:Describe?*"), names("ec2:Describe*"));
        assert!(names("ec2:*Instances").contains(&"ec2:DescribeClassicLinkInstances".to_owned()));
        let pass_role = expand("iam:PassRole")[0];
        assert!(pass_role.may_hold_key("IAM:PassedToService"));
        assert!(!expand("ecs:CreateService")[0].may_hold_key("iam:PassedToService"));
        assert!(expand("ec2:DescribeVpcAttribute")[0].may_hold_key("ec2:ResourceTag/team"));
        // The keys of the resource types an action names (the reference's "Resource types").
        let describe_clusters = expand("ecs:DescribeClusters")[0];
        assert!(describe_clusters.may_hold_key("ECS:resourcetag/Team"));
        assert!(!describe_clusters.may_hold_key("ecs:ResourceTag/"));
        assert!(!describe_clusters.may_hold_key("iam:ResourceTag/team"));
        assert!(!expand("ecs:ListClusters")[0].may_hold_key("ecs:ResourceTag/team"));
        assert!(pass_role.may_hold_key("iam:ResourceTag/team"));
        let attribute = expand("ec2:DescribeInstanceAttribute")[0];
        assert!(attribute.may_hold_key("ec2:Attribute/disableApiTermination"));
        assert!(!attribute.may_hold_key("ec2:Attribute/"));
        assert!(!expand("ec2:DescribeRegions")[0].may_hold_key("ec2:ResourceTag/team"));
    }

    #[test]
    fn globs_match_and_intersect() {
        assert!(glob_matches(
            "ec2:*Instances",
            "ec2:DescribeInstances",
            true
        ));
        assert!(!glob_matches(
            "ec2:Describe?",
            "ec2:DescribeInstances",
            true
        ));
        assert!(glob_matches("*", "*", false));
        assert!(!glob_matches("arn:*", "*", false));
        assert!(intersects(
            "arn:aws:ecs:us-east-1:1:*",
            "arn:aws:ecs:*:1:cluster/*"
        ));
        assert!(!intersects("arn:aws:s3:::b/*", "arn:aws:ecs:*:1:cluster/*"));
        assert!(intersects("a?c", "*b*"));
        assert!(!intersects("a?c", "abd"));
    }

    #[test]
    fn the_guide_lists_redundant_actions_are_the_ones_written_down() {
        use crate::documents::*;
        assert_eq!(
            redundant_actions(CROSS_ACCOUNT_ACTIONS),
            CROSS_ACCOUNT_REDUNDANT
        );
        assert_eq!(
            redundant_actions(ACCOUNT_KEYS_ACTIONS),
            ACCOUNT_KEYS_REDUNDANT
        );
    }

    #[test]
    fn redundant_actions_name_what_grants_them() {
        assert_eq!(
            redundant_actions(&["ec2:Describe*", "ec2:DescribeRegions", "ecs:ListTasks"]),
            [("ec2:DescribeRegions", "ec2:Describe*")]
        );
    }
}
