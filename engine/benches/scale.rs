//! How the engine's costs grow with the deck (issue 13): synthetic decks of 100, 1,000 and
//! 10,000 cards in the content format, and per size the time to compile the markdown, load
//! the compiled deck, build a sitting's review queue, save and load progress, and record one
//! more answer and save, build the search index and answer searches as typed. Prints a table with the growth from 1,000 to 10,000 cards (about 10
//! means linear) and whether loading the 10,000-card compiled deck meets the 50 ms goal.
//! Run with `cargo bench -p prep-engine --bench scale` (plain std timing; no harness
//! dependency).
//!
//! The decks are generated from a seeded [`Rng`]: made-up names and a technical vocabulary,
//! so every prompt is unique and question generation and term extraction do real work. A
//! deck is parts of about 200 cards shaped like `content/interview.md` (a definitions
//! section, `## X Advantages` / `## X Disadvantages` one-liner sections, a decision-guide
//! section of `### Choose X When:` / `### Avoid X When:` lists, and sections of numbered
//! interview questions), so a bigger deck has more sections of the same size (the
//! generators look at a card's own section), and its kinds come in the real deck's mix.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashSet};
use std::hint::black_box;
use std::time::{Duration, Instant};

use prep_compile::compile;
use prep_engine::compiled::CompiledDeck;
use prep_engine::content::{CardId, CardKind, Deck, slugify};
use prep_engine::progress::{Evidence, Progress, ProgressStore, StoreKeys, StudyMode};
use prep_engine::rng::Rng;
use prep_engine::scheduler::{Grade, Scheduler};
use prep_engine::search::SearchIndex;
use prep_engine::stats::LocalDays;
use prep_engine::storage::{MemoryStorage, Storage};
use prep_engine::study::{DayBounds, StudyFilter, queue_counts, review_queue};
use prep_engine::time::Timestamp;
use serde::Serialize;

/// Deck sizes, in cards.
const SIZES: [usize; 3] = [100, 1_000, 10_000];
/// Mon 24 Nov 2025, 16:00 UTC: "now", as in the tests.
const T0: Timestamp = Timestamp(1_764_000_000_000);
/// Seed of the decks and of the study history.
const SEED: u64 = 13;
/// Cards per part: a part holds one of each kind of section (more question sections).
const PART_CARDS: usize = 200;
/// Time spent on one step at one size, after a warm-up run, in [`MIN_RUNS`] to [`MAX_RUNS`]
/// runs; a step whose warm-up takes [`ONCE`] or more is timed by that one run.
const BUDGET: Duration = Duration::from_millis(300);
const MIN_RUNS: u32 = 3;
const MAX_RUNS: u32 = 1_000;
const ONCE: Duration = Duration::from_secs(1);
/// Issue 13's goal for loading the 10,000-card compiled deck.
const LOAD_GOAL: Duration = Duration::from_millis(50);
/// A step whose time grows by more than this from 1,000 to 10,000 cards is flagged.
const SUPERLINEAR: f64 = 15.0;

fn main() {
    let started = Instant::now();
    let mut rows = Rows::default();
    let mut load_10k = None;
    for &size in &SIZES {
        let report = run(size);
        if size == 10_000 {
            load_10k = Some(report.load);
        }
        rows.add(&report);
    }
    rows.print();
    grade_cost_at_ten_thousand_answers();
    if let Some(load) = load_10k {
        println!();
        if load < LOAD_GOAL {
            println!(
                "Loading the 10,000-card compiled deck takes {}: under the {} goal.",
                duration(load),
                duration(LOAD_GOAL)
            );
        } else {
            println!(
                "Loading the 10,000-card compiled deck takes {}: it misses the {} goal by {} \
                 ({:.1}x the goal).",
                duration(load),
                duration(LOAD_GOAL),
                duration(load - LOAD_GOAL),
                load.as_secs_f64() / LOAD_GOAL.as_secs_f64()
            );
        }
    }
    println!("Whole bench: {}.", duration(started.elapsed()));
}

/// Issue 15's figure: what persisting one grade costs once the log holds 10,000 answers, on a
/// deck the size of the real one (145 cards, 100 answers a day for 100 days), and how many
/// bytes a card's scheduling state takes.
fn grade_cost_at_ten_thousand_answers() {
    let scheduler = Scheduler::default();
    let mut progress = Progress::default();
    let cards: Vec<CardId> = (0..145)
        .map(|n| CardId(format!("what-is-card-number-{n}")))
        .collect();
    for n in 0..10_000i64 {
        let at = T0.plus_days(n / 100).plus_minutes(n % 100);
        let card = &cards[(n % 145) as usize];
        progress.record_answer(
            &scheduler,
            card,
            Evidence::Recall(Grade::Good),
            StudyMode::Flashcard,
            at,
        );
    }
    let keys = StoreKeys::for_site("/interview-prep/");
    let mut storage = MemoryStorage::new();
    let now = T0.plus_days(100);
    let (mut store, _) = ProgressStore::load(&mut storage, keys.clone(), now);
    store
        .save(&mut storage, &mut progress, LocalDays::UTC, now)
        .expect("memory storage saves");
    let card_text = storage
        .get(&keys.cards(0))
        .ok()
        .flatten()
        .unwrap_or_default();
    let id_bytes: usize = progress.cards.keys().map(|id| id.len()).sum();
    let mut at = T0.plus_days(99).plus_hours(12);
    let (grade, runs, ()) = measure(|| {
        at = at.plus_millis(1);
        answer_and_save(
            (&scheduler, &mut progress),
            &mut store,
            &mut storage,
            &cards[0],
            at,
        );
    });
    println!();
    println!(
        "At 10,000 answers over 145 cards: record one answer + save {} ({}); card state {:.1} B a card \
         ({:.1} B without the id)",
        duration(grade),
        runs_of(runs),
        card_text.len() as f64 / progress.cards.len() as f64,
        (card_text.len() - id_bytes) as f64 / progress.cards.len() as f64
    );
}

/// One answer, Good from recall, recorded and saved: what a grade costs to persist.
fn answer_and_save(
    (scheduler, progress): (&Scheduler, &mut Progress),
    store: &mut ProgressStore,
    storage: &mut MemoryStorage,
    card: &CardId,
    at: Timestamp,
) {
    progress.record_answer(
        scheduler,
        card,
        Evidence::Recall(Grade::Good),
        StudyMode::Flashcard,
        at,
    );
    store
        .save(storage, progress, LocalDays::UTC, at)
        .expect("memory storage saves");
}

/// Everything measured at one size.
struct Report {
    compile: Duration,
    load: Duration,
    load_checked: Duration,
    encoded_bytes: usize,
    drill_bytes: usize,
    queue: Duration,
    counts: Duration,
    save: Duration,
    load_progress: Duration,
    progress_bytes: usize,
    card_bytes: usize,
    reviewed: usize,
    answer_and_save: Duration,
    search_build: Duration,
    search_median: Duration,
    search_p95: Duration,
}

fn run(size: usize) -> Report {
    let source = synthetic_deck(size, SEED);
    let file = format!("synthetic-{size}.md");

    let (compile_time, runs, compiled) = measure(|| {
        compile(&file, black_box(&source), &[]).unwrap_or_else(|errors| {
            let first: Vec<String> = errors.iter().take(5).map(ToString::to_string).collect();
            panic!("the synthetic deck does not parse:\n{}", first.join("\n"))
        })
    });
    let deck = compiled.deck();
    assert_eq!(
        deck.cards.len(),
        size,
        "the generator makes exactly {size} cards"
    );
    describe(size, &source, deck, &compiled);
    println!("  compile: {} ({})", duration(compile_time), runs_of(runs));

    let encoded = compiled.write();
    let (load, runs, loaded) =
        measure(|| CompiledDeck::read(black_box(&encoded)).expect("the compiled deck loads"));
    assert_eq!(
        loaded, compiled,
        "the compiled deck reads back as it was written"
    );
    drop(loaded);
    let parts = encoded_parts(&compiled);
    println!(
        "  compiled deck: {} ({} per card): structure {}, answers {}, multiple choice {}, \
         typed {}, key points {}, drills {} ({} families, {} statements); load {} ({})",
        bytes(encoded.len()),
        bytes(encoded.len() / size),
        bytes(parts[0]),
        bytes(parts[1]),
        bytes(parts[2]),
        bytes(parts[3]),
        bytes(parts[4]),
        bytes(parts[5]),
        compiled.drills().len(),
        compiled
            .drills()
            .iter()
            .map(|d| d.items.len())
            .sum::<usize>(),
        duration(load),
        runs_of(runs)
    );
    let drill_bytes = parts[5];
    let (load_checked, _, _) =
        measure(|| CompiledDeck::read_checked(black_box(&encoded)).expect("loads"));

    let scheduler = Progress::default()
        .settings
        .scheduler()
        .expect("default settings are valid");
    let progress = study_history(deck, &scheduler, SEED);
    let reviewed = progress.cards.len();
    let filter = StudyFilter::default();
    let today = day_of(T0);
    let (queue, runs, sitting) =
        measure(|| review_queue(deck, black_box(&progress), &filter, T0, today, SEED));
    let (counts, _, numbers) =
        measure(|| queue_counts(deck, black_box(&progress), &filter, T0, today));
    println!(
        "  progress: {reviewed} cards reviewed, {} reviews logged; {} due now ({} learning), \
         {} new allowed; queue of {} cards in {} ({})",
        progress.reviews.len(),
        numbers.due,
        numbers.learning,
        numbers.new_today(),
        sitting.len(),
        duration(queue),
        runs_of(runs)
    );

    // A first save writes every part; later saves write only what changed.
    let keys = StoreKeys::for_site("/interview-prep/");
    let mut storage = MemoryStorage::new();
    let mut saved = progress.clone();
    let (save, _, ()) = measure(|| {
        let mut fresh = MemoryStorage::new();
        let (mut store, _) = ProgressStore::load(&mut fresh, keys.clone(), T0);
        saved = progress.clone();
        store
            .save(&mut fresh, black_box(&mut saved), LocalDays::UTC, T0)
            .expect("memory storage saves");
        storage = fresh;
    });
    // Past 11,000 answers the save compacts the log: what reads back is the compacted copy.
    let mut progress = saved;
    let stored = |key: &str| storage.get(key).ok().flatten().map_or(0, |text| text.len());
    let card_bytes = stored(&keys.cards(0));
    let progress_bytes: usize = storage
        .keys()
        .expect("memory storage lists")
        .iter()
        .map(|k| stored(k))
        .sum();
    let (load_progress, _, (mut store, outcome)) =
        measure(|| ProgressStore::load(&mut storage, keys.clone(), T0));
    assert!(outcome.notice.is_none(), "saved progress loads cleanly");
    assert_eq!(
        outcome.progress, progress,
        "progress reads back as it was saved"
    );
    println!(
        "  saved progress: {} in all; card state {} ({} per reviewed card); save all {}, load {}",
        bytes(progress_bytes),
        bytes(card_bytes),
        bytes(card_bytes / reviewed.max(1)),
        duration(save),
        duration(load_progress)
    );

    // One more answer as a sitting gives it (the first card of the queue), then saved: what a
    // grade costs to persist. Each run answers a millisecond later, so each is a new answer.
    let card = deck.cards[sitting[0]].id.clone();
    let mut at = T0;
    let (answer_and_save, runs, ()) = measure(|| {
        at = at.plus_millis(1);
        self::answer_and_save(
            (&scheduler, &mut progress),
            &mut store,
            &mut storage,
            &card,
            at,
        );
    });
    println!(
        "  record one answer + save: {} ({}; log of {} answers)",
        duration(answer_and_save),
        runs_of(runs),
        progress.reviews.len()
    );

    let (search_build, runs, index) =
        measure(|| SearchIndex::new(black_box(compiled.search_source())));
    let (search_median, search_p95, queries) = time_queries(&index, deck);
    println!(
        "  search: index built in {} ({}); {queries} queries (prefixes of titles as typed, \
         and each title's longest word with a typo): median {}, p95 {}",
        duration(search_build),
        runs_of(runs),
        duration(search_median),
        duration(search_p95)
    );

    Report {
        compile: compile_time,
        search_build,
        search_median,
        search_p95,
        load,
        load_checked,
        encoded_bytes: encoded.len(),
        drill_bytes,
        queue,
        counts,
        save,
        load_progress,
        progress_bytes,
        card_bytes,
        reviewed,
        answer_and_save,
    }
}

/// Titles whose prefixes are typed, at most: enough for stable percentiles at every size.
const SEARCH_TITLES: usize = 60;

/// Times search the way a learner uses it: every prefix of some titles, typed a character at
/// a time, and each title's longest word with two letters swapped (the typo path). Returns
/// the median and 95th percentile per query, and the number of queries.
fn time_queries(index: &SearchIndex, deck: &Deck) -> (Duration, Duration, usize) {
    let step = (deck.cards.len() / SEARCH_TITLES).max(1);
    let mut queries = Vec::new();
    for card in deck.cards.iter().step_by(step).take(SEARCH_TITLES) {
        let title = card.prompt.to_lowercase();
        let ends = title.char_indices().map(|(at, _)| at).skip(1);
        queries.extend(ends.map(|end| title[..end].to_owned()));
        queries.push(title.clone());
        if let Some(word) = title.split(' ').max_by_key(|word| word.len()) {
            let mut letters: Vec<char> = word.chars().collect();
            if letters.len() > 3 {
                letters.swap(1, 2);
                queries.push(letters.into_iter().collect());
            }
        }
    }
    let mut times: Vec<Duration> = queries
        .iter()
        .map(|query| {
            let (time, _, _) = measure_quick(|| index.ranked(black_box(query), 10));
            time
        })
        .collect();
    times.sort_unstable();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.95), queries.len())
}

/// [`measure`] for work of microseconds: enough runs to fill a millisecond.
fn measure_quick<T>(mut work: impl FnMut() -> T) -> (Duration, u32, T) {
    let start = Instant::now();
    let mut value = work();
    let mut runs = 1;
    while start.elapsed() < Duration::from_millis(1) {
        value = work();
        runs += 1;
    }
    (start.elapsed() / runs, runs, value)
}

/// Bytes of the compiled deck by what they hold: the deck's structure, rendered answers,
/// multiple-choice questions, typed prompts, key points and drills.
fn encoded_parts(compiled: &CompiledDeck) -> [usize; 6] {
    let cards: Vec<_> = (0..compiled.deck.cards.len())
        .map(|card| compiled.card(card))
        .collect();
    [
        encoded_len(&compiled.deck),
        cards.iter().map(|c| encoded_len(&c.answer_html)).sum(),
        cards.iter().map(|c| encoded_len(&c.choice)).sum(),
        cards.iter().map(|c| encoded_len(&c.fill_in)).sum(),
        cards.iter().map(|c| encoded_len(&c.key_points)).sum(),
        encoded_len(&compiled.drills()),
    ]
}

fn encoded_len<T: Serialize>(value: &T) -> usize {
    postcard::to_allocvec(value).map_or(0, |bytes| bytes.len())
}

/// One line on the deck: its size and its mix of kinds.
fn describe(size: usize, source: &str, deck: &Deck, compiled: &CompiledDeck) {
    let mut kinds = [0usize; 4];
    for card in &deck.cards {
        kinds[match card.kind {
            CardKind::Question { .. } => 0,
            CardKind::Definition => 1,
            CardKind::OneLiner { .. } => 2,
            CardKind::GuideItem { .. } => 3,
        }] += 1;
    }
    let material = (0..deck.cards.len()).map(|card| compiled.card(card));
    let questions: usize = material.clone().map(|c| c.choice.len()).sum();
    let typed: usize = material.map(|c| c.fill_in.len()).sum();
    println!(
        "{size} cards: {} of markdown, {} parts, {} sections, {} lists; {} questions, {} \
         definitions, {} one-liners, {} guide items; compiled to {questions} multiple-choice \
         questions and {typed} typed prompts",
        bytes(source.len()),
        deck.parts.len(),
        deck.sections.len(),
        deck.lists.len(),
        kinds[0],
        kinds[1],
        kinds[2],
        kinds[3],
    );
}

// ---------------------------------------------------------------------------------------------
// Timing.

/// Runs `work` once (a warm-up, and the measurement if it took [`ONCE`] or more), then as
/// many more times as fit in [`BUDGET`], at least [`MIN_RUNS`]: (mean time per run, runs
/// timed, last result).
fn measure<T>(mut work: impl FnMut() -> T) -> (Duration, u32, T) {
    let start = Instant::now();
    let mut last = black_box(work());
    let first = start.elapsed();
    if first >= ONCE {
        return (first, 1, last);
    }
    let runs = (BUDGET.as_nanos() / first.as_nanos().max(1))
        .clamp(u128::from(MIN_RUNS), u128::from(MAX_RUNS));
    let runs = u32::try_from(runs).unwrap_or(MAX_RUNS);
    let start = Instant::now();
    for _ in 0..runs {
        last = black_box(work());
    }
    (start.elapsed() / runs, runs, last)
}

fn runs_of(runs: u32) -> String {
    if runs == 1 {
        "1 run".to_owned()
    } else {
        format!("mean of {runs} runs")
    }
}

fn duration(d: Duration) -> String {
    let nanos = d.as_nanos();
    if nanos < 1_000 {
        format!("{nanos} ns")
    } else if nanos < 1_000_000 {
        format!("{:.1} µs", nanos as f64 / 1e3)
    } else if nanos < 1_000_000_000 {
        format!("{:.2} ms", nanos as f64 / 1e6)
    } else {
        format!("{:.2} s", nanos as f64 / 1e9)
    }
}

fn bytes(n: usize) -> String {
    if n < 1_024 {
        format!("{n} B")
    } else if n < 1_024 * 1_024 {
        format!("{:.1} KB", n as f64 / 1_024.0)
    } else {
        format!("{:.2} MB", n as f64 / (1_024.0 * 1_024.0))
    }
}

// ---------------------------------------------------------------------------------------------
// The table.

/// A row of the table: a label and its value at each size.
struct Row {
    label: &'static str,
    values: Vec<f64>,
    /// Whether the values are times (flagged when superlinear) or sizes.
    time: bool,
}

#[derive(Default)]
struct Rows {
    rows: Vec<Row>,
}

impl Rows {
    fn push(&mut self, label: &'static str, value: f64, time: bool) {
        match self.rows.iter_mut().find(|row| row.label == label) {
            Some(row) => row.values.push(value),
            None => self.rows.push(Row {
                label,
                values: vec![value],
                time,
            }),
        }
    }

    fn add(&mut self, r: &Report) {
        let secs = |d: Duration| d.as_secs_f64();
        self.push(
            "1 compile (markdown -> CompiledDeck)",
            secs(r.compile),
            true,
        );
        self.push("2 load compiled deck (read)", secs(r.load), true);
        self.push("  compiled deck size", r.encoded_bytes as f64, false);
        self.push("  of which drills", r.drill_bytes as f64, false);
        self.push(
            "  read_checked (all material decoded)",
            secs(r.load_checked),
            true,
        );
        self.push("3 review queue (default filter)", secs(r.queue), true);
        self.push("  queue_counts (default filter)", secs(r.counts), true);
        self.push("4 save progress (ProgressStore)", secs(r.save), true);
        self.push(
            "  load progress (ProgressStore)",
            secs(r.load_progress),
            true,
        );
        self.push("  saved progress size", r.progress_bytes as f64, false);
        self.push(
            "  saved card state per reviewed card (bytes)",
            r.card_bytes as f64 / r.reviewed.max(1) as f64,
            false,
        );
        self.push("5 record one answer + save", secs(r.answer_and_save), true);
        self.push("6 build search index", secs(r.search_build), true);
        self.push("  search per query, median", secs(r.search_median), true);
        self.push("  search per query, p95", secs(r.search_p95), true);
    }

    fn print(&self) {
        println!();
        print!("{:<40}", "step");
        for size in SIZES {
            print!("{:>13}", format!("{} cards", thousands(size)));
        }
        println!("{:>10}", "10k/1k");
        for row in &self.rows {
            print!("{:<40}", row.label);
            for &value in &row.values {
                let shown = if row.time {
                    duration(Duration::from_secs_f64(value))
                } else if row.label.contains("per") {
                    format!("{value:.0} B")
                } else {
                    bytes(value as usize)
                };
                print!("{shown:>13}");
            }
            let growth = match row.values.as_slice() {
                [.., thousand, ten_thousand] if *thousand > 0.0 => ten_thousand / thousand,
                _ => f64::NAN,
            };
            print!("{growth:>10.1}");
            if row.time && growth > SUPERLINEAR {
                print!("  <- faster than linear");
            }
            println!();
        }
        println!("(10k/1k: the growth from 1,000 to 10,000 cards; about 10 is linear)");
    }
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Study history: a third of the cards reviewed over the past two months.

/// The UTC day containing `t`.
fn day_of(t: Timestamp) -> DayBounds {
    let start = t.start_of_utc_day();
    DayBounds {
        start,
        end: start.plus_days(1),
    }
}

/// A learner who introduced a third of the cards (chosen at random) over the last 60 days
/// and reviewed each whenever it came due (9 times in 10; a skipped card stays overdue),
/// with Again, Hard, Good and Easy at 10/15/60/15 %, until today: some cards are due now,
/// some in learning, most not due yet. The log is in time order, as a real one is.
fn study_history(deck: &Deck, scheduler: &Scheduler, seed: u64) -> Progress {
    let mut rng = Rng::keyed(seed, "history");
    let mut order: Vec<usize> = (0..deck.cards.len()).collect();
    rng.shuffle(&mut order);
    order.truncate(deck.cards.len() / 3);
    let first = T0.plus_days(-60);
    let mut pending: BinaryHeap<Reverse<(Timestamp, usize)>> = order
        .iter()
        .map(|&card| {
            let offset = rng.below(59 * 24 * 60) as i64;
            Reverse((first.plus_minutes(offset), card))
        })
        .collect();
    let mut progress = Progress::default();
    let yesterday = T0.plus_days(-1);
    while let Some(Reverse((at, card))) = pending.pop() {
        let grade = match rng.below(100) {
            0..10 => Grade::Again,
            10..25 => Grade::Hard,
            25..85 => Grade::Good,
            _ => Grade::Easy,
        };
        let mode = [
            StudyMode::Flashcard,
            StudyMode::TypedRecall,
            StudyMode::Mock,
        ][rng.below(3)];
        let id = &deck.cards[card].id;
        let after = progress.record_answer(scheduler, id, Evidence::Recall(grade), mode, at);
        if after.due < yesterday && rng.below(10) < 9 {
            let wait = after.due.millis_since(at);
            let late = if wait < 24 * 60 * 60 * 1_000 {
                rng.below(10) as i64
            } else {
                rng.below(36 * 60) as i64
            };
            pending.push(Reverse((after.due.plus_minutes(late), card)));
        }
    }
    progress
}

// ---------------------------------------------------------------------------------------------
// The synthetic deck.

#[rustfmt::skip]
const NOUNS: &[&str] = &[
    "request", "response", "service", "cache", "query", "model", "view", "token", "session",
    "schema", "migration", "database", "table", "index", "field", "record", "client", "server",
    "endpoint", "route", "handler", "template", "test", "fixture", "queue", "message", "event",
    "worker", "thread", "process", "container", "cluster", "node", "deployment", "log", "metric",
    "trace", "header", "payload", "serializer", "permission", "user", "role", "policy", "key",
    "value", "transaction", "lock", "replica", "shard", "partition", "stream", "batch", "job",
    "task", "pipeline", "build", "package", "module", "function", "class", "method", "object",
    "instance", "interface", "contract", "version", "release", "setting", "environment", "secret",
    "credential", "certificate", "protocol", "socket", "connection", "pool", "buffer", "page",
    "cursor", "offset", "limit", "window", "retry", "timeout", "failure", "error", "exception",
    "signal", "hook", "plugin", "middleware", "layer", "boundary", "domain", "aggregate", "entity",
    "repository", "adapter", "gateway", "proxy", "balancer", "registry", "store", "volume",
    "snapshot", "backup", "router", "scheduler", "parser", "validator", "form", "widget", "manager",
    "backend", "frontend", "resource", "state", "config",
];

#[rustfmt::skip]
const ADJECTIVES: &[&str] = &[
    "distributed", "stateless", "lightweight", "scalable", "reusable", "secure", "consistent",
    "asynchronous", "synchronous", "idempotent", "atomic", "durable", "immutable", "lazy", "eager",
    "custom", "generic", "abstract", "concrete", "automatic", "manual", "global", "local", "remote",
    "internal", "external", "public", "private", "shared", "isolated", "flexible", "strict",
    "loose", "declarative", "explicit", "implicit", "modular", "composable", "versioned", "cached",
    "indexed", "nested", "partial", "bulk", "incremental", "read-only", "transactional",
    "encrypted", "signed", "paginated", "throttled", "pooled", "replicated", "sharded", "ordered",
    "unique", "optional", "default", "dynamic", "static",
];

/// Verbs in their base form; [`third_person`] conjugates them.
#[rustfmt::skip]
const VERBS: &[&str] = &[
    "handle", "store", "return", "validate", "cache", "route", "map", "serialize", "authenticate",
    "authorize", "schedule", "retry", "log", "monitor", "isolate", "scale", "deploy", "compile",
    "render", "filter", "paginate", "throttle", "split", "merge", "track", "read", "write",
    "update", "delete", "create", "wrap", "expose", "register", "resolve", "encode", "decode",
    "compress", "replicate", "partition", "index", "query", "publish", "consume", "emit", "batch",
    "stream", "lock", "commit", "group", "convert", "provide", "manage", "define", "enable",
    "separate", "reduce", "prevent", "detect", "load", "refresh",
];

const PREPOSITIONS: &[&str] = &[
    "for", "across", "between", "within", "through", "from", "into", "over", "per", "behind",
];

/// Praise and blame as the deck's one-liners word them.
#[rustfmt::skip]
const GOOD: &[&str] = &[
    "faster", "simpler", "automatic", "consistent", "reusable", "better", "clean", "easier",
    "flexible", "secure", "reliable", "built-in", "powerful", "efficient",
];
#[rustfmt::skip]
const BAD: &[&str] = &[
    "slow", "limited", "complex", "hidden", "inefficient", "difficult", "harder", "heavyweight",
    "unpredictable", "opinionated", "constrained", "tight",
];
#[rustfmt::skip]
const GOOD_NOUNS: &[&str] = &[
    "development", "maintenance", "reuse", "portability", "security", "scaling", "testing",
    "integration", "isolation", "consistency",
];
#[rustfmt::skip]
const BAD_NOUNS: &[&str] = &[
    "overhead", "complexity", "latency", "bottleneck", "boilerplate", "lock-in", "failure",
    "dependency", "coupling", "learning curve",
];

#[rustfmt::skip]
const CATEGORIES: &[&str] = &[
    "pattern", "system", "architecture", "framework", "principle",
];
#[rustfmt::skip]
const ASPECTS: &[&str] = &[
    "role", "purpose", "key features", "benefits", "key components",
];
const KINDS_OF: &[&str] = &["types", "use cases", "advantages", "states"];

const ONSETS: &[&str] = &[
    "b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "cr", "dr",
    "gl", "pl", "st", "tr", "sh", "ch", "qu", "fl", "gr", "sn",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ea", "io", "ou", "y"];
const CODAS: &[&str] = &["", "", "", "n", "r", "s", "l", "x", "m", "nt", "rk", "st"];

/// The seeded source of every word of a deck; made-up names are never repeated.
struct Words {
    rng: Rng,
    names: HashSet<String>,
}

impl Words {
    fn pick(&mut self, words: &[&'static str]) -> &'static str {
        words[self.rng.below(words.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.rng.below(100) < percent
    }

    fn between(&mut self, low: usize, high: usize) -> usize {
        low + self.rng.below(high - low + 1)
    }

    /// A fresh made-up word, capitalised: "Vorlax", "Quaintrel".
    fn name(&mut self) -> String {
        loop {
            let syllables = self.between(2, 3);
            let mut word = String::new();
            for _ in 0..syllables {
                word.push_str(self.pick(ONSETS));
                word.push_str(self.pick(VOWELS));
                word.push_str(self.pick(CODAS));
            }
            let word = capitalise(&word);
            if self.names.insert(word.clone()) {
                return word;
            }
        }
    }

    /// "cache", "distributed cache", "Vorlax cache" (a word of the section's topic).
    fn noun_phrase(&mut self, topic: &[String]) -> String {
        let noun = self.pick(NOUNS);
        match self.rng.below(6) {
            0 | 1 => noun.to_owned(),
            2 | 3 => format!("{} {noun}", self.pick(ADJECTIVES)),
            4 => format!("{} {noun}", topic[self.rng.below(topic.len())]),
            _ => format!("{noun}s"),
        }
    }

    fn plural_phrase(&mut self, topic: &[String]) -> String {
        let noun = plural(self.pick(NOUNS));
        if self.chance(50) {
            format!("{} {noun}", self.pick(ADJECTIVES))
        } else if self.chance(30) {
            format!("{} {noun}", topic[self.rng.below(topic.len())])
        } else {
            noun
        }
    }

    /// "validates cached tokens across shards".
    fn predicate(&mut self, topic: &[String]) -> String {
        let verb = third_person(self.pick(VERBS));
        let object = self.plural_phrase(topic);
        if self.chance(60) {
            let prep = self.pick(PREPOSITIONS);
            let place = self.noun_phrase(topic);
            format!("{verb} {object} {prep} {place}")
        } else {
            format!("{verb} {object}")
        }
    }

    /// "a, b, c, and d".
    fn series(&mut self, topic: &[String], low: usize, high: usize) -> String {
        let count = self.between(low, high);
        let items: Vec<String> = (0..count).map(|_| self.noun_phrase(topic)).collect();
        match items.as_slice() {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
        }
    }

    /// A sentence that opens with the concept, the way answers and definitions open.
    fn lead(&mut self, concept: &str, topic: &[String]) -> String {
        match self.rng.below(4) {
            0 => format!(
                "{concept} is a {} {} that {}.",
                self.pick(ADJECTIVES),
                self.pick(NOUNS),
                self.predicate(topic)
            ),
            1 => format!("{concept} {}.", self.predicate(topic)),
            2 => format!(
                "{concept} {} so that {} {}.",
                self.predicate(topic),
                self.plural_phrase(topic),
                self.pick(VERBS)
            ),
            _ => format!(
                "{concept} is the {} {} of {}, used to {} {}.",
                self.pick(ADJECTIVES),
                self.pick(NOUNS),
                self.plural_phrase(topic),
                self.pick(VERBS),
                self.plural_phrase(topic)
            ),
        }
    }

    /// A sentence that follows the lead.
    fn follow_up(&mut self, topic: &[String]) -> String {
        match self.rng.below(6) {
            0 => format!("Benefits include {}.", self.series(topic, 3, 5)),
            1 => format!("Use cases include {}.", self.series(topic, 2, 4)),
            2 => format!(
                "It {}, {}, and {}.",
                self.predicate(topic),
                self.predicate(topic),
                self.predicate(topic)
            ),
            3 => format!(
                "It keeps up to {} {} per {} and {}.",
                self.between(2, 500),
                plural(self.pick(NOUNS)),
                self.pick(NOUNS),
                self.predicate(topic)
            ),
            4 => format!(
                "Challenges include {} and {}.",
                self.noun_phrase(topic),
                self.pick(BAD_NOUNS)
            ),
            _ => format!(
                "Unlike {}, it {}.",
                topic[self.rng.below(topic.len())],
                self.predicate(topic)
            ),
        }
    }

    fn paragraph(&mut self, concept: &str, topic: &[String], extra: usize) -> String {
        let mut sentences = vec![self.lead(concept, topic)];
        for _ in 0..extra {
            sentences.push(self.follow_up(topic));
        }
        sentences.join(" ")
    }

    /// A bold label of an answer: a name, a real term or a made-up one.
    fn label(&mut self, topic: &[String]) -> String {
        match self.rng.below(3) {
            0 => topic[self.rng.below(topic.len())].clone(),
            1 => capitalise(&format!("{} {}", self.pick(ADJECTIVES), self.pick(NOUNS))),
            _ => format!("{}{}", self.name(), capitalise(self.pick(NOUNS))),
        }
    }

    /// An interview question's answer: prose, labelled lines, prose and a list, or code.
    fn answer(&mut self, concept: &str, topic: &[String]) -> String {
        let shape = self.rng.below(20);
        if shape < 11 {
            let extra = self.between(1, 3);
            return self.paragraph(concept, topic, extra);
        }
        if shape < 18 {
            let mut lines = Vec::new();
            if self.chance(50) {
                lines.push(format!(
                    "{} Types include:",
                    self.paragraph(concept, topic, 0)
                ));
            }
            let mut seen = HashSet::new();
            for _ in 0..self.between(3, 8) {
                let label = self.label(topic);
                if seen.insert(label.to_lowercase()) {
                    let detail = capitalise(&self.predicate(topic));
                    lines.push(format!("**{label}**: {detail}"));
                }
            }
            return lines.join("\n");
        }
        let mut text = self.paragraph(concept, topic, 1);
        if shape == 18 {
            text.push_str("\n\n");
            let items: Vec<String> = (0..self.between(2, 4))
                .map(|_| format!("- {}", capitalise(&self.predicate(topic))))
                .collect();
            text.push_str(&items.join("\n"));
        } else {
            let class = self.name();
            let base = capitalise(self.pick(NOUNS));
            let field = self.pick(NOUNS);
            text.push_str(&format!(
                "\n\n**Example**:\n```python\nclass {class}{base}({base}):\n    {field}_class = \
                 {class}\n    # {}\n```",
                self.predicate(topic)
            ));
        }
        text
    }

    /// An interview question about `concept` (unique in the deck, and early in the prompt so
    /// the prompt's id is unique too).
    fn question(&mut self, concept: &str, topic: &[String]) -> String {
        match self.rng.below(10) {
            0..=2 => format!("What is {concept}?"),
            3 | 4 => format!("What is {concept} and its {}?", self.pick(ASPECTS)),
            5 => format!("Explain {concept} and its {}", self.pick(KINDS_OF)),
            6 => format!(
                "How do you {} {concept} {}?",
                self.pick(VERBS),
                plural(self.pick(NOUNS))
            ),
            7 => format!(
                "Difference between {concept} and {}",
                topic[self.rng.below(topic.len())]
            ),
            8 => format!("What are the advantages of {concept}?"),
            _ => format!("How does {concept} handle {}?", plural(self.pick(NOUNS))),
        }
    }

    /// What a question asks about: a made-up name, often with a noun or a category word.
    fn concept(&mut self) -> String {
        let name = self.name();
        match self.rng.below(4) {
            0 => name,
            1 => format!("{name} {}", self.pick(NOUNS)),
            2 => format!("{name} {}", self.pick(CATEGORIES)),
            _ => format!("{name} {}", capitalise(self.pick(NOUNS))),
        }
    }

    /// A term to define: a name, a name and a noun, or an acronym with its expansion.
    fn term(&mut self) -> String {
        match self.rng.below(3) {
            0 => self.name(),
            1 => format!("{} {}", self.name(), capitalise(self.pick(NOUNS))),
            _ => {
                let words = [
                    self.name(),
                    capitalise(self.pick(NOUNS)),
                    capitalise(self.pick(CATEGORIES)),
                ];
                let acronym: String = words.iter().filter_map(|w| w.chars().next()).collect();
                format!("{} ({acronym})", words.join(" "))
            }
        }
    }

    /// A one-liner's head and detail, praising or blaming.
    fn one_liner(&mut self, good: bool, topic: &[String]) -> (String, String) {
        let (adjectives, nouns) = if good {
            (GOOD, GOOD_NOUNS)
        } else {
            (BAD, BAD_NOUNS)
        };
        let head = match self.rng.below(3) {
            0 => capitalise(&format!("{} {}", self.pick(adjectives), self.pick(NOUNS))),
            1 => capitalise(&format!("{} {}", self.pick(NOUNS), self.pick(nouns))),
            _ => format!("{} {}", self.name(), capitalise(self.pick(nouns))),
        };
        let detail = match self.rng.below(3) {
            0 => format!(
                "{} {} {} {}, {} {}",
                capitalise(self.pick(adjectives)),
                self.pick(nouns),
                self.pick(PREPOSITIONS),
                self.plural_phrase(topic),
                self.pick(adjectives),
                self.pick(NOUNS)
            ),
            1 => capitalise(&self.predicate(topic)),
            _ => format!(
                "{} {} {}",
                capitalise(&plural(self.pick(NOUNS))),
                third_person(self.pick(VERBS)),
                self.pick(nouns)
            ),
        };
        (head, detail)
    }

    /// A decision guide's item: "Rapid development needed".
    fn guide_item(&mut self, choose: bool, topic: &[String]) -> String {
        let adjectives = if choose { GOOD } else { BAD };
        match self.rng.below(4) {
            0 => format!(
                "{} {} {}",
                capitalise(self.pick(adjectives)),
                self.pick(NOUNS),
                ["needed", "required", "is critical", "matters"][self.rng.below(4)]
            ),
            1 => format!("Team needs {}", self.plural_phrase(topic)),
            2 => format!(
                "{} {} priority",
                capitalise(self.pick(ADJECTIVES)),
                self.pick(NOUNS)
            ),
            _ => format!(
                "Building {} {}",
                self.pick(ADJECTIVES),
                plural(self.pick(NOUNS))
            ),
        }
    }
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn plural(noun: &str) -> String {
    if noun.ends_with('y') && !noun.ends_with("ey") {
        format!("{}ies", &noun[..noun.len() - 1])
    } else if noun.ends_with(['s', 'x']) || noun.ends_with("ch") || noun.ends_with("sh") {
        format!("{noun}es")
    } else {
        format!("{noun}s")
    }
}

fn third_person(verb: &str) -> String {
    plural(verb)
}

/// Splits `total` into `parts` near-equal counts.
fn split_evenly(total: usize, parts: usize) -> Vec<usize> {
    (0..parts)
        .map(|i| total / parts + usize::from(i < total % parts))
        .collect()
}

/// A deck of exactly `cards` cards in the content format (see the module docs).
fn synthetic_deck(cards: usize, seed: u64) -> String {
    let mut words = Words {
        rng: Rng::new(seed),
        names: HashSet::new(),
    };
    let parts = (cards / PART_CARDS).max(1);
    let mut out = String::new();
    let mut number = 0;
    for part_cards in split_evenly(cards, parts) {
        part(&mut words, part_cards, &mut number, &mut out);
    }
    out
}

/// Appends one part of `cards` cards: the real deck's mix of kinds (48 % questions, 34 %
/// one-liners, 13 % guide items, the rest definitions), in sections of up to ~25 cards.
fn part(words: &mut Words, cards: usize, number: &mut usize, out: &mut String) {
    let questions = cards * 48 / 100;
    let one_liners = cards * 34 / 100;
    let guide = cards * 13 / 100;
    let definitions = cards - questions - one_liners - guide;
    let subjects = [words.name(), words.name()];
    let section_topic = |words: &mut Words| -> Vec<String> {
        let mut topic: Vec<String> = (0..4).map(|_| words.name()).collect();
        topic.extend(subjects.iter().cloned());
        topic
    };
    out.push_str(&format!(
        "# {} and {}: Definitions, Trade-offs and Interview Q&A\n\n",
        subjects[0], subjects[1]
    ));

    let topic = section_topic(words);
    out.push_str(&format!("## {} Definitions\n\n", words.name()));
    for _ in 0..definitions {
        let term = words.term();
        let extra = words.between(1, 2);
        let body = words.paragraph(&term, &topic, extra);
        out.push_str(&format!("### {term}\n{body}\n\n"));
    }

    // One-liner sections: the first subject's advantages and disadvantages, then the
    // second's, as many as the count needs.
    let lists = one_liners.div_ceil(24).max(1);
    for (i, count) in split_evenly(one_liners, lists).into_iter().enumerate() {
        let good = i % 2 == 0;
        let subject = &subjects[(i / 2) % 2];
        let suffix = if good { "Advantages" } else { "Disadvantages" };
        let topic = section_topic(words);
        out.push_str(&format!("## {subject} {suffix}\n\n"));
        let mut heads = HashSet::new();
        let mut made = 0;
        while made < count {
            let (head, detail) = words.one_liner(good, &topic);
            if heads.insert(slugify(&head)) {
                out.push_str(&format!("- **{head}** - {detail}\n"));
                made += 1;
            }
        }
        out.push('\n');
    }

    // The decision guide: choose and avoid lists for both subjects.
    let topic = section_topic(words);
    out.push_str(&format!("## {} Decision Guide\n\n", words.name()));
    for (i, count) in split_evenly(guide, 4).into_iter().enumerate() {
        let choose = i % 2 == 0;
        let verb = if choose { "Choose" } else { "Avoid" };
        out.push_str(&format!("### {verb} {} When:\n", subjects[i / 2]));
        let mut items = HashSet::new();
        let mut made = 0;
        while made < count {
            let item = words.guide_item(choose, &topic);
            if items.insert(slugify(&item)) {
                out.push_str(&format!("- {item}\n"));
                made += 1;
            }
        }
        out.push('\n');
    }

    let sections = questions.div_ceil(25).max(1);
    for count in split_evenly(questions, sections) {
        let topic = section_topic(words);
        out.push_str(&format!(
            "## {} {} Questions\n\n",
            words.name(),
            capitalise(words.pick(NOUNS))
        ));
        for _ in 0..count {
            *number += 1;
            let concept = words.concept();
            let prompt = words.question(&concept, &topic);
            let answer = words.answer(&concept, &topic);
            out.push_str(&format!("### {number}. {prompt}\n{answer}\n\n"));
        }
    }
}
