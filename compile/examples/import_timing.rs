//! Where the time of an import goes, natively: decode, detect, convert, compile, for a
//! generated 5,000-card TSV and a 100-question Markdown file (the browser figures are
//! `benches/import/run.mjs`'s).
//!
//!   cargo run --release -q -p prep-compile --example import_timing

use std::time::Instant;

fn main() {
    let mut tsv = String::from("#separator:tab\n#html:false\n#tags column:3\n");
    for i in 1..=5000 {
        tsv.push_str(&format!(
            "What is term {i}?\tTerm {i} is the name for behaviour {i}, used when the system needs it.\tsection-{}\n",
            i % 50
        ));
    }
    let mut md = String::from("# Generated\n\n");
    for i in 1..=100 {
        if i % 10 == 1 {
            md.push_str(&format!("## Section {}\n\n", i / 10 + 1));
        }
        md.push_str(&format!(
            "### {i}. What does feature {i} do?\n\nFeature {i} keeps **state** in `settings.F{i}`.\n\n```python\ndef f_{i}():\n    return {i}\n```\n\n"
        ));
    }
    for shape in prep_compile::import::Shape::ALL {
        let t = Instant::now();
        let converted = prep_compile::import::convert(&tsv, "bench", Some(shape));
        println!(
            "  {:?}: {:?} ({} cards)",
            shape,
            t.elapsed(),
            converted.map_or(0, |c| c.cards)
        );
    }
    for (name, text) in [("5,000-card TSV", &tsv), ("100-question Markdown", &md)] {
        let t = Instant::now();
        let detected = prep_compile::import::detect(text);
        let detect = t.elapsed();
        let t = Instant::now();
        let converted = prep_compile::import::convert(text, "bench", None).expect("cards");
        let convert = t.elapsed();
        let t = Instant::now();
        let compiled =
            prep_compile::compile_brought("bench.md", &converted.markdown).expect("compiles");
        let compile = t.elapsed();
        let t = Instant::now();
        let _ = prep_compile::import_file("bench.txt", text.as_bytes(), "bench.md", None, None);
        let whole = t.elapsed();
        println!(
            "{name}: detect {detect:?} ({} shapes), convert {convert:?}, compile {compile:?} ({} cards), import_file {whole:?}",
            detected.len(),
            compiled.0.deck().cards.len()
        );
    }
}
