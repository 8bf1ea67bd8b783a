//! Time per call natively: `generate()` (pure: everything made again) and `LiveGuide::update()`
//! (the page's per-keystroke call, which re-renders only what the typed field changes). A
//! benchmark, not a test.

use ecs_guide::{generate, InputKey, LiveGuide, RawInputs};
use std::hint::black_box;
use std::time::Instant;

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

fn main() {
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
}
