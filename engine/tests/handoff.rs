//! The schedule link between devices: a fully studied deck fits one QR code, what arrives is
//! what was sent (within the format's rounding), and no text makes the reader panic or accept
//! an invalid value.

use prep_compile::parse_deck;
use prep_engine::content::Deck;
use prep_engine::progress::handoff::{
    CARD_BYTES, LinkError, base64url, decode_schedule, encode_schedule, from_base64url,
};
use prep_engine::progress::transfer::{ImportMode, apply_import, preview};
use prep_engine::progress::{Progress, StudyMode};
use prep_engine::rng::Rng;
use prep_engine::scheduler::{Grade, Scheduler};
use prep_engine::stats::LocalDays;
use prep_engine::time::Timestamp;

const DECK: &str = include_str!("../../content/interview.md");
const FINGERPRINT: &str = "0123abcd89ef4567";

fn deck() -> Deck {
    parse_deck("content/interview.md", DECK).expect("the deck parses")
}

fn t0() -> Timestamp {
    Timestamp(1_767_604_643_456)
}

/// When the links of these tests are made: after every review they carry.
fn made() -> Timestamp {
    t0().plus_days(20)
}

/// Every card of the deck studied a few times, with every grade.
fn everything_studied(deck: &Deck) -> Progress {
    let scheduler = Scheduler::default();
    let mut progress = Progress::default();
    let grades = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy];
    for (n, card) in deck.cards.iter().enumerate() {
        for k in 0..=(n % 4) {
            let at = t0().plus_days(k as i64 * 3).plus_minutes(n as i64);
            progress.record_answer(
                &scheduler,
                &card.id,
                prep_engine::progress::Evidence::Recall(grades[(n + k) % 4]),
                StudyMode::Flashcard,
                at,
            );
        }
    }
    progress
}

#[test]
fn a_whole_deck_fits_one_qr_code_and_arrives_as_sent() {
    let deck = deck();
    let sent = everything_studied(&deck);
    let (payload, left_out) = encode_schedule(&deck, FINGERPRINT, &sent, made());
    assert_eq!(left_out, 0);
    assert_eq!(
        payload.len(),
        (8 + CARD_BYTES * deck.cards.len()).div_ceil(3) * 4
            - padding(8 + CARD_BYTES * deck.cards.len())
    );
    let link = format!("https://someone.github.io/interview-prep/progress#schedule={payload}");
    assert!(
        link.len() <= 2_953,
        "a version-40 QR code holds 2,953 bytes; the link is {}",
        link.len()
    );

    let now = t0().plus_days(30);
    let received = decode_schedule(&deck, FINGERPRINT, &payload, now)
        .unwrap()
        .progress;
    assert_eq!(received.cards.len(), sent.cards.len());
    for (id, was) in &sent.cards {
        let got = received.cards[id];
        assert_eq!(
            (got.phase, got.reps, got.lapses),
            (was.phase, was.reps, was.lapses),
            "{id}"
        );
        assert!(
            (got.stability / was.stability - 1.0).abs() < 0.0005,
            "{id}: {} vs {}",
            got.stability,
            was.stability
        );
        assert!((got.difficulty - was.difficulty).abs() <= 0.0005, "{id}");
        let minute = 60_000;
        assert_eq!(
            got.last_review.unwrap().millis() / minute,
            was.last_review.unwrap().millis() / minute,
            "{id}"
        );
        assert!(
            (got.due.millis() - was.due.millis()).abs() < 2 * minute,
            "{id}"
        );
    }
    assert!(
        received.reviews.is_empty(),
        "answers stay where they were given"
    );
}

fn padding(bytes: usize) -> usize {
    match bytes % 3 {
        0 => 0,
        1 => 2,
        _ => 1,
    }
}

#[test]
fn merging_a_link_keeps_the_later_review_of_each_card() {
    let deck = deck();
    let scheduler = Scheduler::default();
    let [a, b, c] = [0, 1, 2].map(|i| &deck.cards[i].id);
    let mut phone = Progress::default();
    phone.record_review(
        &scheduler,
        a,
        Grade::Good,
        StudyMode::Flashcard,
        t0().plus_days(2),
    );
    phone.record_review(&scheduler, b, Grade::Good, StudyMode::Flashcard, t0());
    let mut laptop = Progress::default();
    laptop.record_review(&scheduler, a, Grade::Again, StudyMode::Flashcard, t0());
    laptop.record_review(
        &scheduler,
        b,
        Grade::Easy,
        StudyMode::Flashcard,
        t0().plus_days(1),
    );
    laptop.record_review(&scheduler, c, Grade::Good, StudyMode::Flashcard, t0());
    let (payload, _) = encode_schedule(&deck, FINGERPRINT, &laptop, t0().plus_days(2));
    let arrived = decode_schedule(&deck, FINGERPRINT, &payload, t0().plus_days(3))
        .unwrap()
        .progress;
    let shown = preview(&phone, &arrived);
    assert_eq!(
        (shown.cards_added, shown.cards_updated, shown.cards_kept),
        (1, 1, 1)
    );
    let merged = apply_import(&phone, arrived, ImportMode::Merge, LocalDays::UTC);
    assert_eq!(
        merged.cards[a], phone.cards[a],
        "the phone's later review of a stays"
    );
    // Link times are whole minutes.
    let minute = |t: Option<Timestamp>| t.map(|t| t.millis() / 60_000);
    assert_eq!(
        minute(merged.cards[b].last_review),
        minute(Some(t0().plus_days(1)))
    );
    assert!(merged.cards.contains_key(c));
    assert_eq!(
        merged.reviews, phone.reviews,
        "the phone's answers are untouched"
    );
}

#[test]
fn links_for_another_deck_or_version_and_damaged_links_are_refused() {
    let deck = deck();
    let (payload, _) = encode_schedule(&deck, FINGERPRINT, &everything_studied(&deck), made());
    let now = t0().plus_days(30);
    assert_eq!(
        decode_schedule(&deck, "ffffffff00000000", &payload, now),
        Err(LinkError::OtherDeck)
    );
    let mut newer = from_base64url(&payload).unwrap();
    newer[0] = 3;
    assert_eq!(
        decode_schedule(&deck, FINGERPRINT, &base64url(&newer), now),
        Err(LinkError::NewerVersion)
    );
    assert_eq!(
        decode_schedule(&deck, FINGERPRINT, &payload[..payload.len() - 7], now),
        Err(LinkError::Damaged)
    );
    assert_eq!(
        decode_schedule(&deck, FINGERPRINT, "not base64!", now),
        Err(LinkError::Damaged)
    );
    assert!(
        LinkError::OtherDeck
            .to_string()
            .contains("another version of the questions")
    );
}

#[test]
fn base64url_round_trips_every_length() {
    let mut rng = Rng::new(3);
    for len in 0..64 {
        let bytes: Vec<u8> = (0..len).map(|_| rng.next_u64() as u8).collect();
        let text = base64url(&bytes);
        assert!(
            text.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        );
        assert_eq!(from_base64url(&text), Some(bytes));
    }
}

#[test]
fn arbitrary_links_never_panic_and_yield_only_valid_schedules() {
    let deck = deck();
    let (payload, _) = encode_schedule(&deck, FINGERPRINT, &everything_studied(&deck), made());
    let valid = from_base64url(&payload).unwrap();
    let now = t0().plus_days(30);
    let mut rng = Rng::new(4);
    for round in 0..5_000 {
        let text = if round % 2 == 0 {
            let mut bytes = valid.clone();
            for _ in 0..=rng.below(8) {
                let at = 5 + rng.below(bytes.len() - 5);
                bytes[at] = rng.next_u64() as u8;
            }
            base64url(&bytes)
        } else {
            (0..rng.below(60))
                .map(|_| char::from(rng.next_u64() as u8 % 128))
                .collect()
        };
        if let Ok(link) = decode_schedule(&deck, FINGERPRINT, &text, now) {
            for s in link.progress.cards.values() {
                assert!(s.stability.is_finite() && s.stability > 0.0);
                assert!((1.0..=10.0).contains(&s.difficulty));
                assert!(s.last_review.unwrap() <= now.plus_days(1));
                assert!(s.due >= s.last_review.unwrap());
            }
        }
    }
}

/// Issue 26, defects 4, 8 and 9: a link in parts of at most 20 cards, each whole on its own;
/// entries a link cannot hold truthfully are left out and counted; a card twice in one link
/// keeps its later review.
#[test]
fn links_come_in_parts_and_count_what_they_leave_out() {
    use prep_engine::progress::handoff::{CARDS_PER_CODE, encode_schedule_parts};
    let deck = deck();
    let sent = everything_studied(&deck);
    let (parts, left_out) =
        encode_schedule_parts(&deck, FINGERPRINT, &sent, CARDS_PER_CODE, made());
    assert_eq!((parts.len(), left_out), (141usize.div_ceil(20), 0));
    let now = t0().plus_days(30);
    let mut arrived = Progress::default();
    for part in parts.iter().rev() {
        let link = decode_schedule(&deck, FINGERPRINT, part, now).unwrap();
        assert_eq!(link.left_out, 0);
        assert!(link.progress.cards.len() <= 20);
        arrived = apply_import(&arrived, link.progress, ImportMode::Merge, LocalDays::UTC);
    }
    assert_eq!(arrived.cards.len(), 141);

    // The same card twice (the older entry last), and a card dated a year ahead of this clock.
    let bytes = from_base64url(&parts[0]).unwrap();
    let (header, cards) = bytes.split_at(8);
    let first = &cards[..CARD_BYTES];
    let second = &cards[CARD_BYTES..2 * CARD_BYTES];
    let mut older = second.to_vec();
    older[..2].copy_from_slice(&first[..2]); // the first card's index, the second's schedule
    let mut doubled = header.to_vec();
    doubled.extend_from_slice(first);
    doubled.extend_from_slice(&older);
    let link = decode_schedule(&deck, FINGERPRINT, &base64url(&doubled), now).unwrap();
    assert_eq!(link.progress.cards.len(), 1);
    let alone = decode_schedule(
        &deck,
        FINGERPRINT,
        &base64url(&[header, first].concat()),
        now,
    )
    .unwrap()
    .progress;
    let first_id = alone.cards.keys().next().unwrap();
    let kept = link.progress.cards[first_id].last_review;
    assert_eq!(
        kept,
        alone.cards[first_id].last_review.max(
            decode_schedule(
                &deck,
                FINGERPRINT,
                &base64url(&[header, &older].concat()),
                now
            )
            .unwrap()
            .progress
            .cards[first_id]
                .last_review
        ),
        "the later review of the two"
    );
    // A link says when it was made: reviews dated after that are invented and left out, and the
    // receiving device's clock has no say (here a year behind).
    let (backdated, _) = encode_schedule_parts(
        &deck,
        FINGERPRINT,
        &sent,
        CARDS_PER_CODE,
        t0().plus_days(-1),
    );
    let early = decode_schedule(&deck, FINGERPRINT, &backdated[0], t0().plus_days(-365)).unwrap();
    assert_eq!(early.left_out, 20, "every review after the link was made");
    assert!(early.progress.cards.is_empty());
    let honest = decode_schedule(&deck, FINGERPRINT, &parts[0], t0().plus_days(-365)).unwrap();
    assert_eq!(honest.left_out, 0, "a clock behind refuses nothing");
}
