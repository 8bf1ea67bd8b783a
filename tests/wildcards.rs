//! Property: the wildcard matcher (an automaton over 64-bit words) answers as the plain tables
//! do, on random patterns of `*`, `?`, letters of either case and a multi-byte letter, long
//! enough to span several words; and what it costs stays within a frame on the longest pastes.

use ecs_guide::full::actions::{covers, glob_matches, intersects};
use proptest::prelude::*;
use std::time::{Duration, Instant};

/// A table over (pattern position, text position), filled from the ends: `cell(i, j)` says
/// whether `p[i..]` and `t[j..]` go together.
fn table(p: &[char], t: &[char], cell: impl Fn(&[bool], usize, usize, usize) -> bool) -> bool {
    let width = t.len() + 1;
    let mut can = vec![false; (p.len() + 1) * width];
    for i in (0..=p.len()).rev() {
        for j in (0..=t.len()).rev() {
            can[i * width + j] = cell(&can, width, i, j);
        }
    }
    can[0]
}

fn same(a: char, b: char, ignore_case: bool) -> bool {
    a == b || (ignore_case && a.eq_ignore_ascii_case(&b))
}

/// Plain matching: `*` any run of characters, `?` one; the text's characters are all plain.
fn reference_matches(pattern: &str, text: &str, ignore_case: bool) -> bool {
    let (p, t): (Vec<char>, Vec<char>) = (pattern.chars().collect(), text.chars().collect());
    table(&p, &t, |can, w, i, j| match (p.get(i), t.get(j)) {
        (None, None) => true,
        (Some('*'), _) => can[(i + 1) * w + j] || (j < t.len() && can[i * w + j + 1]),
        (Some('?'), Some(_)) => can[(i + 1) * w + j + 1],
        (Some(c), Some(d)) => same(*c, *d, ignore_case) && can[(i + 1) * w + j + 1],
        _ => false,
    })
}

/// Covering: a `*` of the target only under a `*` of the pattern, a `?` under `?` or `*`.
fn reference_covers(pattern: &str, target: &str, ignore_case: bool) -> bool {
    let (p, t): (Vec<char>, Vec<char>) = (pattern.chars().collect(), target.chars().collect());
    table(&p, &t, |can, w, i, j| match (p.get(i), t.get(j)) {
        (None, None) => true,
        (Some('*'), _) => can[(i + 1) * w + j] || (j < t.len() && can[i * w + j + 1]),
        (Some('?'), Some(d)) => *d != '*' && can[(i + 1) * w + j + 1],
        (Some(c), Some(d)) => {
            *d != '*' && *d != '?' && same(*c, *d, ignore_case) && can[(i + 1) * w + j + 1]
        }
        _ => false,
    })
}

/// Intersecting: some text both patterns match.
fn reference_intersects(a: &str, b: &str) -> bool {
    let (p, t): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    table(&p, &t, |can, w, i, j| match (p.get(i), t.get(j)) {
        (None, None) => true,
        (Some('*'), _) => can[(i + 1) * w + j] || (j < t.len() && can[i * w + j + 1]),
        (_, Some('*')) => can[i * w + j + 1] || (i < p.len() && can[(i + 1) * w + j]),
        (Some(x), Some(y)) => (*x == '?' || *y == '?' || x == y) && can[(i + 1) * w + j + 1],
        _ => false,
    })
}

/// Patterns over a small alphabet (so that they often match), up to 150 characters.
fn pattern() -> impl Strategy<Value = String> {
    let short = proptest::collection::vec(
        prop::sample::select(vec!['a', 'b', 'A', '\u{e9}', '*', '?', ':']),
        0..12,
    );
    let long = proptest::collection::vec(
        prop::sample::select(vec!['a', 'a', 'A', '\u{e9}', '*', '*', '?']),
        0..150,
    );
    prop_oneof![3 => short, 1 => long].prop_map(|c| c.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn matching_answers_as_the_table_does(p in pattern(), t in pattern(), case in any::<bool>()) {
        prop_assert_eq!(glob_matches(&p, &t, case), reference_matches(&p, &t, case), "{:?} {:?}", p, t);
    }

    #[test]
    fn covering_answers_as_the_table_does(p in pattern(), t in pattern(), case in any::<bool>()) {
        prop_assert_eq!(covers(&p, &t, case), reference_covers(&p, &t, case), "{:?} {:?}", p, t);
    }

    #[test]
    fn intersecting_answers_as_the_table_does(a in pattern(), b in pattern()) {
        prop_assert_eq!(intersects(&a, &b), reference_intersects(&a, &b), "{:?} {:?}", a, b);
    }

    #[test]
    fn a_pattern_matches_itself_and_what_it_covers(p in pattern(), t in pattern()) {
        let plain: String = t.chars().filter(|c| *c != '*' && *c != '?').collect();
        prop_assert!(covers(&p, &p, false));
        if covers(&p, &plain, false) {
            prop_assert!(glob_matches(&p, &plain, false));
            prop_assert!(intersects(&p, &plain));
        }
    }
}

#[test]
fn wildcards_at_word_edges() {
    for n in [62, 63, 64, 65, 127, 128, 129] {
        let text = "a".repeat(n);
        assert!(glob_matches(&"?".repeat(n), &text, false), "{n}");
        assert!(!glob_matches(&"?".repeat(n + 1), &text, false), "{n}");
        assert!(glob_matches(&format!("*{}", "a".repeat(n)), &text, false));
        assert!(covers("*", &format!("{text}*"), false));
        assert!(!covers(&text, &format!("{text}*"), false));
        assert!(intersects(&format!("{text}*b"), &format!("*{text}b")));
        assert!(!intersects(&format!("{text}?b"), &format!("{text}b")));
    }
}

/// The slowest question on two patterns that fill the paste cap between them (about 32,000
/// characters each). The tables took seconds here; one frame is 16 ms, and the bound is ten
/// frames, generous for a loaded machine.
#[test]
fn the_longest_patterns_are_decided_within_ten_frames() {
    let half = 32_700;
    let star_a = "*a".repeat(half / 2);
    let star_a_one = format!("{}?", "*a".repeat(half / 2 - 1));
    let marks = "*\u{e9}?".repeat(half / 3);
    let other = "?*\u{e9}".repeat(half / 3);
    let mut slowest = Duration::ZERO;
    for (p, t) in [
        (&star_a_one, &star_a),
        (&star_a, &star_a_one),
        (&marks, &other),
        (&other, &marks),
    ] {
        let start = Instant::now();
        std::hint::black_box((
            covers(p, t, false),
            covers(p, t, true),
            glob_matches(p, t, true),
        ));
        // Intersections meet a template's segment (`cluster/${ClusterName}` filled in): short.
        std::hint::black_box(intersects(p, "task-definition/*"));
        slowest = slowest.max(start.elapsed());
    }
    assert!(slowest < Duration::from_millis(160), "{slowest:?}");
}
