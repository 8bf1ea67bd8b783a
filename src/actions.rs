//! Action names and their wildcards: which action grants which, and which actions of a list are
//! redundant beside another. Used by the check of a pasted policy; the guide's own redundant
//! actions are written down in `documents` (a test here keeps them equal).

/// True when every name `target` matches is also matched by `pattern`.
///
/// Both may hold IAM's wildcards (`*` any run, `?` one character); a `*` in `target` is only
/// covered by a `*` in `pattern`. Action names compare without case, ARNs with it.
pub fn covers(pattern: &str, target: &str, ignore_case: bool) -> bool {
    if !pattern.contains(['*', '?']) {
        // A plain name covers only itself (the common case, decided without the table).
        return !target.contains(['*', '?'])
            && if ignore_case {
                pattern.eq_ignore_ascii_case(target)
            } else {
                pattern == target
            };
    }
    let mut p: Vec<char> = pattern.chars().collect();
    // `**` matches what `*` does: a run of stars is one, so a pasted run of thousands costs one.
    p.dedup_by(|a, b| *a == '*' && *b == '*');
    let t: Vec<char> = target.chars().collect();
    // Each character of the pattern but `*` takes one of the target's: more of them than the
    // target has cannot cover it (decided without the table, whose cost is their product).
    if p.iter().filter(|c| **c != '*').count() > t.len() {
        return false;
    }
    let same = |a: char, b: char| {
        if ignore_case {
            a.eq_ignore_ascii_case(&b)
        } else {
            a == b
        }
    };
    // row[j]: does p[i..] cover t[j..]; computed from the end of the pattern backwards.
    let mut next = vec![false; t.len() + 1];
    next[t.len()] = true;
    let mut row = vec![false; t.len() + 1];
    for i in (0..p.len()).rev() {
        for j in (0..=t.len()).rev() {
            row[j] = match p[i] {
                '*' => next[j] || (j < t.len() && row[j + 1]),
                '?' => j < t.len() && t[j] != '*' && next[j + 1],
                c => j < t.len() && t[j] != '*' && t[j] != '?' && same(c, t[j]) && next[j + 1],
            };
        }
        std::mem::swap(&mut next, &mut row);
    }
    next[0]
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
