use ecs_guide::inputs::CheckedInputs;
use ecs_guide::{InputKey, OutputId, RawInputs};
use std::time::Instant;
fn main() {
    let raw = RawInputs::new()
        .with(InputKey::AwsAccountId, "1234-5678-9012")
        .with(InputKey::ShippableAwsAccountId, "210987654321")
        .with(InputKey::ExternalId, "57b3a1c2d4e5f60718293a4b");
    let t = Instant::now();
    for _ in 0..1000 { std::hint::black_box(CheckedInputs::from_raw(&raw)); }
    println!("check {:?}", t.elapsed() / 1000);
    let c = CheckedInputs::from_raw(&raw);
    for id in OutputId::ALL { if std::env::var("ONLY").map_or(false, |o| o != id.id()) { continue; }
        let t = Instant::now();
        for _ in 0..20000 { std::hint::black_box(id.render(&c)); }
        let r = t.elapsed() / 1000;
        let text = id.render(&c);
        let t = Instant::now();
        for _ in 0..1000 { std::hint::black_box(ecs_guide::findings::size(id, &text)); }
        println!("{:32} render {:?} size {:?}", id.id(), r, t.elapsed() / 1000);
    }
}
