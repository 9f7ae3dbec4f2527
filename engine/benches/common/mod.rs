//! The one timing helper the benches share: plain std timing, no harness dependency.

use std::hint::black_box;
use std::time::Instant;

/// Runs `work` `runs` times and prints the time per run.
pub fn time<T>(label: &str, runs: u32, mut work: impl FnMut() -> T) {
    let start = Instant::now();
    for _ in 0..runs {
        black_box(work());
    }
    let per_run = start.elapsed() / runs;
    println!("{label:<48} {per_run:>12.2?} per run ({runs} runs)");
}
