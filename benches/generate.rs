//! Time per call natively: `generate()` (pure: everything made again) and `LiveGuide::update()`
//! (the page's per-keystroke call, which re-renders only what the typed field changes). A
//! benchmark, not a test.

use ecs_guide::{generate, InputKey, LiveGuide, RawInputs};
use std::hint::black_box;
use std::time::{Duration, Instant};

mod adversarial;

fn measure(label: &str, mut call: impl FnMut(usize)) {
    for i in 0..1_000 {
        call(i);
    }
    let mut samples = Vec::with_capacity(50);
    for _ in 0..50 {
        let start = Instant::now();
        for i in 0..1_000 {
            call(i);
        }
        samples.push(start.elapsed().as_nanos() as f64 / 1_000.0);
    }
    samples.sort_by(f64::total_cmp);
    println!(
        "{label:<48} median {:>7.2} µs   p95 {:>7.2} µs",
        samples[25] / 1_000.0,
        samples[47] / 1_000.0
    );
}

/// `generate()` and a `LiveGuide` updated with the same inputs, then with a keystroke's worth of
/// change (one field alternating between two values).
fn measure_all(label: &str, raw: &RawInputs, key: InputKey, other: &str) {
    measure(&format!("generate() {label}"), |_| {
        black_box(generate(black_box(raw)));
    });
    let mut live = LiveGuide::new();
    measure(&format!("LiveGuide::update() {label}, unchanged"), |_| {
        black_box(live.update(black_box(raw)));
    });
    let typed = raw.clone().with(key, other);
    let mut live = LiveGuide::new();
    measure(
        &format!("LiveGuide::update() {label}, {} typed", key.key()),
        |i| {
            black_box(live.update(black_box(if i % 2 == 0 { raw } else { &typed })));
        },
    );
}

/// The slowest of a few calls (as many as fit in about a second, at least one): for inputs
/// whose one call may take long.
fn worst(label: &str, mut call: impl FnMut(usize)) -> Duration {
    let (mut slowest, mut total, mut n) = (Duration::ZERO, Duration::ZERO, 0);
    while n < 1 || (total < Duration::from_secs(1) && n < 200) {
        let start = Instant::now();
        call(n);
        let took = start.elapsed();
        slowest = slowest.max(took);
        total += took;
        n += 1;
    }
    println!(
        "{label:<64} worst {:>9.3} ms   mean {:>9.3} ms   ({n} calls)",
        slowest.as_secs_f64() * 1e3,
        total.as_secs_f64() * 1e3 / n as f64
    );
    slowest
}

/// The adversarial pastes of `adversarial.rs` (the issue's 10,056 characters and the paste cap):
/// `generate()`, then keystrokes after the paste: in the account ID (each one a valid ID, so the
/// check's scope changes every time) and in the external ID (which the check does not read).
fn measure_adversarial(lengths: &[usize]) {
    let filled = RawInputs::new()
        .with(InputKey::ShippableAwsAccountId, "210987654321")
        .with(InputKey::ExternalId, "57b3a1c2d4e5f60718293a4b")
        .with(InputKey::AwsAccountId, "123456789012");
    let mut slowest = (Duration::ZERO, String::new());
    for &length in lengths {
        for (shape, policy) in adversarial::all(length) {
            assert!(policy.chars().count() <= adversarial::CAP);
            let raw = filled
                .clone()
                .with(InputKey::ExistingPermissionsPolicy, policy);
            let mut note = |label: String, took: Duration| {
                if took > slowest.0 {
                    slowest = (took, label);
                }
            };
            let label = format!("generate(), {shape}, {length} chars");
            note(
                label.clone(),
                worst(&label, |_| {
                    black_box(generate(black_box(&raw)));
                }),
            );
            let mut live = LiveGuide::new();
            live.update(&raw);
            let label = format!("keystroke in the account ID, {shape}, {length} chars");
            note(
                label.clone(),
                worst(&label, |i| {
                    let id = format!("1234567890{:02}", i % 100);
                    let typed = raw.clone().with(InputKey::AwsAccountId, id);
                    black_box(live.update(black_box(&typed)));
                }),
            );
            live.update(&raw);
            let label = format!("keystroke in the external ID, {shape}, {length} chars");
            note(
                label.clone(),
                worst(&label, |i| {
                    let typed = raw
                        .clone()
                        .with(InputKey::ExternalId, format!("external-{i}"));
                    black_box(live.update(black_box(&typed)));
                }),
            );
        }
    }
    println!(
        "worst of the adversarial inputs: {} ms ({}; budget 16 ms: {})",
        slowest.0.as_secs_f64() * 1e3,
        slowest.1,
        if slowest.0 <= Duration::from_millis(16) {
            "within"
        } else {
            "OVER"
        }
    );
}

fn main() {
    // `cargo bench --bench generate -- adversarial [LENGTH…]`: only the adversarial pastes.
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "adversarial") {
        let lengths: Vec<usize> = args[at + 1..]
            .iter()
            .filter_map(|a| a.parse().ok())
            .collect();
        return measure_adversarial(if lengths.is_empty() {
            &LENGTHS
        } else {
            &lengths
        });
    }
    measure_all(
        "nothing typed",
        &RawInputs::new(),
        InputKey::AwsAccountId,
        "1",
    );
    let filled = RawInputs::new()
        .with(InputKey::AwsAccountId, "1234-5678-9012")
        .with(InputKey::ShippableAwsAccountId, "210987654321")
        .with(InputKey::ExternalId, "57b3a1c2d4e5f60718293a4b")
        .with(InputKey::Partition, "aws-cn");
    measure_all("all filled", &filled, InputKey::RoleName, "r");
    let long = filled.clone().with(InputKey::ExternalId, "a".repeat(1224));
    measure_all("1224-char external ID", &long, InputKey::ExternalId, "b");
    measure_adversarial(&LENGTHS);
}

/// The issue's 10,056 characters and the paste cap.
const LENGTHS: [usize; 2] = [10_056, adversarial::CAP];
