//! Time per generate() call natively: the work done on every keystroke (a benchmark, not a test).

use ecs_guide::{generate, InputKey, RawInputs};
use std::hint::black_box;
use std::time::Instant;

fn measure(label: &str, raw: &RawInputs) {
    for _ in 0..1_000 {
        black_box(generate(black_box(raw)));
    }
    let mut samples = Vec::with_capacity(50);
    for _ in 0..50 {
        let start = Instant::now();
        for _ in 0..1_000 {
            black_box(generate(black_box(raw)));
        }
        samples.push(start.elapsed().as_nanos() as f64 / 1_000.0);
    }
    samples.sort_by(f64::total_cmp);
    println!(
        "generate() {label:<28} median {:>7.2} µs   p95 {:>7.2} µs",
        samples[25] / 1_000.0,
        samples[47] / 1_000.0
    );
}

fn main() {
    measure("nothing typed", &RawInputs::new());
    let filled = RawInputs::new()
        .with(InputKey::AwsAccountId, "1234-5678-9012")
        .with(InputKey::ShippableAwsAccountId, "210987654321")
        .with(InputKey::ExternalId, "57b3a1c2d4e5f60718293a4b")
        .with(InputKey::Partition, "aws-cn");
    measure("all filled", &filled);
    let long = filled.clone().with(InputKey::ExternalId, "a".repeat(1224));
    measure("1224-char external ID", &long);
}
