//! The compiled deck: what the app ships instead of the markdown and the generators. It must
//! say everything the content says, ask exactly what the generators ask, survive its own
//! format, and refuse anything else without panicking.

use prep_compile::compile;
use prep_engine::compiled::{CompiledCard, CompiledDeck, FORMAT, LoadError, PracticeCounts};
use prep_engine::content::{CardKind, Deck};
use prep_engine::quiz::{QuestionForm, drill, drill_families};
use prep_engine::recall::key_points;
use prep_engine::rng::Rng;

mod common;
use common::{SeedLine, compiled, deck, deck_titles, practice_files, seed_lines_missing};

/// The visible text of compiled HTML: tags dropped, the escapes the renderer writes undone.
fn visible_text(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[test]
fn every_seed_line_is_in_the_compiled_deck() {
    let compiled = compiled();
    let deck = compiled.deck();
    let titles = deck_titles(deck);
    let shown: Vec<String> = (0..deck.cards.len())
        .map(|i| {
            format!(
                "{}\n{}",
                deck.cards[i].prompt,
                visible_text(compiled.answer_html(i))
            )
        })
        .collect();
    // Inline markup (`code`, **bold**) is rendered, so compare without its markers.
    let plain = |text: &str| text.replace(['`', '*'], "");
    let missing = seed_lines_missing(|line| match line {
        SeedLine::Text(row) if row.starts_with('|') => {
            // A table row: every cell in one card (the separator row has none).
            let cells: Vec<String> = row
                .split('|')
                .map(|cell| plain(cell.trim()))
                .filter(|cell| !cell.trim_matches(['-', ':']).is_empty())
                .collect();
            shown
                .iter()
                .any(|card| cells.iter().all(|cell| card.contains(cell.as_str())))
        }
        SeedLine::OneLiner { head, detail } => shown
            .iter()
            .any(|card| card.contains(&plain(head)) && card.contains(&plain(detail))),
        SeedLine::Text(text) => {
            titles.iter().any(|title| title.contains(text))
                || shown.iter().any(|card| card.contains(&plain(text)))
        }
    });
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn the_compiled_deck_ships_no_markdown() {
    let compiled = compiled();
    assert!(compiled.deck().cards.iter().all(|c| c.answer.is_empty()));
    // Rendered answers carry no markdown; authored practice has none outside `code` (the
    // linter's rule; `**options` in code is Python).
    for card in 0..compiled.deck().cards.len() {
        assert!(
            !compiled.answer_html(card).contains("**"),
            "no markdown bold"
        );
        for question in compiled.choice_questions(card, 0) {
            for text in std::iter::once(&question.stem)
                .chain(&question.options)
                .chain(&question.why)
            {
                let outside: String = text.split('`').step_by(2).collect();
                assert!(!outside.contains("**"), "{text}");
            }
        }
    }
    // Nor a markdown escape in anything generated from it (`\_\_init\_\_.py` is `__init__.py`).
    for card in 0..compiled.deck().cards.len() {
        let material = compiled.card(card);
        let texts = material
            .choice
            .iter()
            .flat_map(|q| std::iter::once(&q.stem).chain(&q.options))
            .chain(material.fill_in.iter().flat_map(|p| [&p.prompt, &p.answer]))
            .chain(material.key_points.iter().flat_map(|k| [&k.label, &k.text]));
        for text in texts {
            assert!(!text.contains("\\_"), "card {card}: {text}");
        }
    }
    let questions = compiled
        .deck()
        .cards
        .iter()
        .enumerate()
        .filter(|(_, c)| matches!(c.kind, CardKind::Question { .. }));
    for (index, card) in questions {
        let html = compiled.answer_html(index);
        assert!(html.starts_with('<'), "{}: {html:.40}", card.id);
        assert!(!html.contains("**"), "{}: unrendered bold", card.id);
    }
}

#[test]
fn compiled_material_is_the_authored_practice() {
    let compiled = compiled();
    let deck = deck();
    let practice = prep_compile::practice::parse_files(&practice_files()).expect("practice parses");
    let (mut asked, mut typed, mut mistakes) = (0, 0, 0);
    for card in 0..deck.cards.len() {
        assert_eq!(compiled.key_points(card), key_points(deck, card));
        asked += compiled.choice_questions(card, 1).len();
        typed += compiled.fill_in_prompts(card).len();
        mistakes += compiled.mistakes(card).len();
        for question in compiled.choice_questions(card, 1) {
            assert_eq!(question.card, card);
            let item = practice
                .items
                .iter()
                .find(|item| item.body.stem() == question.stem)
                .expect("every question is an authored item");
            assert_eq!(item.card, deck.cards[card].id.as_str());
        }
    }
    let of_kind = |kind: &str| {
        practice
            .items
            .iter()
            .filter(|i| i.body.kind_name() == kind)
            .count()
    };
    assert_eq!(asked, of_kind("choice") + of_kind("true-false"));
    assert_eq!(typed, of_kind("fill-in"));
    assert_eq!(mistakes, practice.mistakes.len());
    let families = drill_families(deck);
    assert_eq!(compiled.drill_families(), families);
    for seed in [1, 7] {
        assert_eq!(
            compiled.drill(&families, seed),
            drill(deck, &families, seed)
        );
        assert_eq!(
            compiled.drill(&families[..1], seed),
            drill(deck, &families[..1], seed)
        );
    }
}

#[test]
fn the_right_option_moves_between_rounds() {
    let compiled = compiled();
    let (card, id) = (0..compiled.deck().cards.len())
        .find_map(|c| {
            compiled
                .choice_questions(c, 0)
                .into_iter()
                .find(|q| q.form == QuestionForm::Choice && q.options.len() == 4)
                .map(|q| (c, q.id))
        })
        .expect("some card has a choice of four");
    let places: std::collections::HashSet<usize> = (0..40)
        .filter_map(|seed| {
            compiled
                .choice_questions(card, seed)
                .into_iter()
                .find(|q| q.id == id)
                .map(|q| q.correct)
        })
        .collect();
    assert_eq!(places.len(), 4, "right option placed at {places:?}");
}

#[test]
fn the_format_reads_back_what_it_wrote() {
    let compiled = compiled();
    let bytes = compiled.write();
    assert_eq!(&CompiledDeck::read(&bytes).expect("reads back"), compiled);
    assert_eq!(
        &CompiledDeck::read_checked(&bytes).expect("checks"),
        compiled
    );
    assert_eq!(CompiledDeck::read(&bytes).unwrap().write(), bytes);
}

#[test]
fn the_deck_reads_without_its_question_bank_until_the_bank_is_attached() {
    let compiled = compiled();
    let (deck_part, bank) = compiled.write_apart();
    assert_eq!([deck_part.clone(), bank.clone()].concat(), compiled.write());
    assert!(
        bank.len() > deck_part.len(),
        "the bank is the larger half: {} of {} bytes",
        bank.len(),
        deck_part.len() + bank.len()
    );
    let leaked = |bytes: &[u8]| -> &'static [u8] { Box::leak(bytes.to_vec().into_boxed_slice()) };

    let apart = CompiledDeck::read_static(leaked(&deck_part)).expect("reads without its bank");
    assert!(!apart.bank_ready());
    let asked: Vec<usize> = (0..compiled.deck.cards.len())
        .filter(|&card| compiled.has_choice(card))
        .collect();
    // What every page shows is there; which modes a card has is known from the counts.
    for card in 0..compiled.deck.cards.len() {
        assert_eq!(apart.answer_html(card), compiled.answer_html(card));
        assert_eq!(apart.mistakes(card), compiled.mistakes(card));
        assert_eq!(apart.has_choice(card), compiled.has_choice(card));
        assert_eq!(
            apart.has_fill_in(card),
            !compiled.fill_in_prompts(card).is_empty()
        );
        assert_eq!(
            apart.has_key_points(card),
            !compiled.key_points(card).is_empty()
        );
        assert!(
            apart.choice_questions(card, 1).is_empty() && apart.key_points(card).is_empty(),
            "no items and no key points before the bank"
        );
    }
    assert!(compiled.has_drills() && apart.has_drills());
    assert!(apart.drills().is_empty(), "no drills before the bank");
    assert!(
        CompiledDeck::read_checked(&deck_part).is_err(),
        "a check needs the bank"
    );
    // Written again without its bank, it says it has no items rather than items it lacks.
    let rewritten = CompiledDeck::read(&apart.write()).expect("reads");
    assert!(
        (0..compiled.deck.cards.len())
            .all(|card| rewritten.practice_counts(card) == PracticeCounts::default())
    );
    assert!(!rewritten.has_drills());

    // Another deck's bank, a stale copy, a cut one: refused, and the deck still waits.
    let mut changed = bank.clone();
    changed[bank.len() / 2] ^= 1;
    for wrong in [&changed[..], &bank[..bank.len() - 1], &[][..]] {
        let error = apart.attach_bank(leaked(wrong)).unwrap_err();
        assert!(error.to_string().contains("not this deck's"), "{error}");
        assert!(!apart.bank_ready());
    }
    apart.attach_bank(leaked(&bank)).expect("its own bank");
    assert!(apart.bank_ready());
    assert_eq!(&apart, compiled);
    assert_eq!(
        apart.choice_questions(asked[0], 7),
        compiled.choice_questions(asked[0], 7)
    );
    assert_eq!(apart.drills(), compiled.drills());
    assert_eq!(
        apart.bank_file_name(),
        format!(
            "bank-{}.bin",
            prep_engine::compiled::fingerprint_bytes(&bank)
        )
    );
}

#[test]
fn another_format_version_is_refused_by_name() {
    // The format is the first value, a varint: one byte while it is under 128.
    let mut bytes = compiled().write();
    assert_eq!(u32::from(bytes[0]), FORMAT);
    bytes[0] += 1;
    assert_eq!(
        CompiledDeck::read(&bytes).unwrap_err(),
        LoadError::Format { found: FORMAT + 1 }
    );
}

/// The shipped deck, compiled, with `edit` applied to its parts, as bytes.
fn compiled_with(edit: impl FnOnce(&mut Deck, &mut Vec<CompiledCard>)) -> Vec<u8> {
    let shipped = compiled();
    let mut deck = shipped.deck.clone();
    let mut cards: Vec<CompiledCard> = (0..deck.cards.len())
        .map(|card| shipped.card(card).clone())
        .collect();
    edit(&mut deck, &mut cards);
    CompiledDeck::from_parts(
        shipped.source.clone(),
        shipped.fingerprint.clone(),
        deck,
        cards,
        shipped.drills().to_vec(),
        shipped.search_source(),
    )
    .write()
}

#[test]
fn an_index_out_of_range_is_refused() {
    let text = compiled_with(|deck, _| deck.cards[3].section = 999);
    let error = CompiledDeck::read(&text).unwrap_err();
    assert!(matches!(error, LoadError::Inconsistent(_)), "{error}");

    let asked: Vec<usize> = (0..compiled().deck.cards.len())
        .filter(|&c| compiled().has_choice(c))
        .collect();
    let text = compiled_with(|_, cards| cards[asked[0]].choice[0].correct = 4);
    let error = CompiledDeck::read_checked(&text).unwrap_err();
    assert!(error.to_string().contains("right option 4 of 4"), "{error}");
    // Read lazily, the faulty card has nothing to ask rather than a wrong answer.
    let lazy = CompiledDeck::read(&text).expect("the header is sound");
    assert!(!lazy.has_choice(asked[0]));
    assert!(lazy.has_choice(asked[1]));

    let text = compiled_with(|_, cards| {
        cards.pop();
    });
    assert!(CompiledDeck::read(&text).is_err());
}

#[test]
fn reading_parses_the_structure_and_leaves_the_material_for_later() {
    let bytes = compiled().write();
    // The header is the structure plus a few bytes per card; the material is the rest.
    let structure = postcard::to_allocvec(&compiled().deck).unwrap().len();
    assert!(
        structure * 5 < bytes.len(),
        "structure {structure} bytes of {}",
        bytes.len()
    );
    // A body cut short is refused at once: some span points past it.
    for keep in [bytes.len() / 2, bytes.len() - 1] {
        assert!(CompiledDeck::read(&bytes[..keep]).is_err(), "cut at {keep}");
    }
}

#[test]
fn arbitrary_bytes_never_panic_the_reader() {
    let shipped = compiled().write();
    let mut rng = Rng::new(13);
    for _ in 0..300 {
        // Cut anywhere, or one byte changed anywhere: an error, or a deck that can be studied.
        let mut bytes = shipped.clone();
        let at = rng.below(bytes.len());
        if rng.below(2) == 0 {
            bytes.truncate(at);
        } else {
            bytes[at] = rng.below(256) as u8;
        }
        if let Ok(deck) = CompiledDeck::read(&bytes) {
            for card in 0..deck.deck.cards.len() {
                let _ = deck.choice_questions(card, 1);
                let _ = deck.fill_in_prompts(card);
                let _ = deck.answer_html(card);
            }
            let _ = deck.drill(&deck.drill_families(), 1);
        }
        let _ = CompiledDeck::read_checked(&bytes);
    }
    let format = FORMAT as u8;
    // Empty; a format alone; text; a source name claiming 4 GB, which must not be allocated.
    let odd: [&[u8]; 4] = [
        b"",
        &[format],
        b"{\"format\":4}\n",
        &[format, 0xff, 0xff, 0xff, 0xff, 0x0f],
    ];
    for bytes in odd {
        assert!(CompiledDeck::read(bytes).is_err(), "{bytes:?}");
    }
}

#[test]
fn malformed_content_fails_compilation_with_file_and_line() {
    let errors = compile("content/interview.md", "# Deck\n\n## S\n\n• bullet\n", &[]).unwrap_err();
    let first = errors[0].to_string();
    assert!(first.starts_with("content/interview.md:"), "{first}");
}
