use crate::content::Deck;
use crate::order;
use crate::progress::Progress;
use crate::rng::Rng;
use crate::scheduler::{CardSchedule, Phase};
use crate::time::Timestamp;

use super::filter::{KindFilter, NewCardOrder, Pool, StudyFilter};
use super::review::{LEARN_AHEAD_MS, SittingCounts};

/// The person's local day, `[start, end)`: the engine has no time zone, so the app passes it in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayBounds {
    pub start: Timestamp,
    pub end: Timestamp,
}

/// Below this stability (days) a studied card counts as weak: FSRS gives about 2.3 days after a
/// first Good and less after Hard or Again, so weak means "found hard or forgotten".
const WEAK_STABILITY_DAYS: f32 = 2.0;

/// A card that was forgotten at least once, or whose memory is still short after study.
pub fn is_weak(schedule: &CardSchedule) -> bool {
    !schedule.is_new() && (schedule.lapses > 0 || schedule.stability < WEAK_STABILITY_DAYS)
}

/// How many filtered cards a review sitting started now would bring, by kind, and how many are
/// new beyond today's allowance, and weak: the one source of the counts home, the study page and
/// the sitting itself show ([`QueueCounts::sitting`] equals the new sitting's
/// [`super::ReviewSession::remaining`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct QueueCounts {
    /// Studied cards a sitting now would bring: due now, or in a learning step due within
    /// [`LEARN_AHEAD_MS`] (as Anki counts its learning cards).
    pub due: usize,
    /// Of those, the ones in a learning or relearning step (Anki's "Learn" count).
    pub learning: usize,
    pub new_available: usize,
    pub new_allowed_today: usize,
    pub weak: usize,
}

pub fn queue_counts(
    deck: &Deck,
    progress: &Progress,
    filter: &StudyFilter,
    now: Timestamp,
    today: DayBounds,
) -> QueueCounts {
    let mut counts = QueueCounts {
        new_allowed_today: new_allowance(deck, progress, today),
        ..QueueCounts::default()
    };
    for card in filter.cards(deck) {
        let schedule = progress.schedule(&deck.cards[card].id);
        if schedule.is_new() {
            counts.new_available += 1;
        } else if in_a_sitting_now(&schedule, now, today) {
            counts.due += 1;
            counts.learning += usize::from(schedule.is_learning());
        }
        if is_weak(&schedule) {
            counts.weak += 1;
        }
    }
    counts
}

impl QueueCounts {
    /// New cards a review would bring now: those available, up to today's allowance.
    pub fn new_today(&self) -> usize {
        self.new_available.min(self.new_allowed_today)
    }

    /// Due cards out of their learning steps (Anki's "Review" count).
    pub fn review_due(&self) -> usize {
        self.due - self.learning
    }

    /// New cards left in the selection beyond today's allowance: what "learn more today"
    /// can offer.
    pub fn new_beyond_today(&self) -> usize {
        self.new_available - self.new_today()
    }

    /// Whether a review sitting now would have anything to show.
    pub fn is_empty(&self) -> bool {
        self.due + self.new_today() == 0
    }

    /// The New / Learning / Review counts a review sitting started now opens with.
    pub fn sitting(&self) -> SittingCounts {
        SittingCounts {
            new: self.new_today(),
            learning: self.learning,
            review: self.review_due(),
        }
    }

    /// Answers a review sitting now takes if every answer is Good: each new card through its
    /// `answers_per_new` learning steps, every other card once (a learning card's remaining
    /// step; a review).
    pub fn expected_answers(&self, answers_per_new: usize) -> usize {
        self.new_today() * answers_per_new + self.due
    }
}

/// Whether a studied card belongs in a review sitting started now: due today (see
/// [`is_due_today`]), or a learning step due within the learn-ahead window (it comes back
/// within the sitting anyway).
pub(super) fn in_a_sitting_now(schedule: &CardSchedule, now: Timestamp, today: DayBounds) -> bool {
    is_due_today(schedule, now, today) || is_learning_ahead(schedule, now)
}

/// Whether a studied card is due for study today: a learning step once its minute has come, a
/// review on its day. Reviews are day-sized, as in Anki, whose review cards are due on a day,
/// not at a minute: a card reviewed at 09:05 two days ago is due this morning at 09:00 with
/// the rest of the day's reviews, so the morning's plan ("today 28 new and 29 reviews") and
/// the sitting hold every review the day brings, not those whose minute has passed.
pub fn is_due_today(schedule: &CardSchedule, now: Timestamp, today: DayBounds) -> bool {
    !schedule.is_new()
        && (schedule.is_due(now) || (schedule.phase == Phase::Review && schedule.due < today.end))
}

/// A learning step not due yet, but due within [`LEARN_AHEAD_MS`].
fn is_learning_ahead(schedule: &CardSchedule, now: Timestamp) -> bool {
    schedule.is_learning()
        && !schedule.is_due(now)
        && schedule.due.millis_since(now) <= LEARN_AHEAD_MS
}

/// New cards still allowed today: the daily limit, or with an interview date set, what the plan
/// needs so every card is met twice before it ([`super::plan::new_per_day`]).
fn new_allowance(deck: &Deck, progress: &Progress, today: DayBounds) -> usize {
    let introduced = progress.new_cards_introduced_on(today.start, today.end);
    let planned = progress
        .settings
        .interview
        .and_then(|interview| super::plan::days_left(today, interview));
    let limit = match planned {
        Some(days_left) => {
            let new_now = deck
                .cards
                .iter()
                .filter(|card| progress.schedule(&card.id).is_new())
                .count();
            super::plan::new_per_day(new_now + introduced, days_left)
        }
        None => progress.settings.new_cards_per_day as usize,
    };
    limit.saturating_sub(introduced)
}

/// The cards to study now, in order: due cards (most overdue first; learning steps before
/// reviews at equal times), then new cards in the filter's [`NewCardOrder`] up to today's
/// allowance, then learning cards due within [`LEARN_AHEAD_MS`] (Anki's learn-ahead). The
/// filter's pool narrows this; [`Pool::Cram`] takes every selected card in the new-card order.
/// Deterministic for a given `seed`.
pub fn review_queue(
    deck: &Deck,
    progress: &Progress,
    filter: &StudyFilter,
    now: Timestamp,
    today: DayBounds,
    seed: u64,
) -> Vec<usize> {
    review_queue_learning_more(deck, progress, filter, now, today, seed, 0)
}

/// [`review_queue`] with today's new-card allowance raised by `extra_new` for this sitting
/// (Anki's custom study "increase today's new card limit"): after a sitting, "learn 10 more".
pub fn review_queue_learning_more(
    deck: &Deck,
    progress: &Progress,
    filter: &StudyFilter,
    now: Timestamp,
    today: DayBounds,
    seed: u64,
    extra_new: usize,
) -> Vec<usize> {
    let mut rng = Rng::new(seed);
    let schedules: Vec<(usize, CardSchedule)> = filter
        .cards(deck)
        .into_iter()
        .map(|c| (c, progress.schedule(&deck.cards[c].id)))
        .collect();

    let due = in_key_order(
        schedules
            .iter()
            .filter(|(_, s)| is_due_today(s, now, today))
            .map(|&(card, s)| (s.due.millis(), i64::from(!s.is_learning()), card))
            .collect(),
    )
    .into_iter();

    // Learning cards due within the learn-ahead window come after everything else, as in Anki:
    // a card just failed in a mock interview is there to practise without waiting a minute.
    let ahead = in_key_order(
        schedules
            .iter()
            .filter(|(_, s)| is_learning_ahead(s, now))
            .map(|&(card, s)| (s.due.millis(), 0, card))
            .collect(),
    )
    .into_iter();

    let new: Vec<usize> = schedules
        .iter()
        .filter(|(_, s)| s.is_new())
        .map(|(c, _)| *c)
        .collect();
    let mut new = in_new_card_order(deck, new, filter.new_order, &mut rng);
    new.truncate(new_allowance(deck, progress, today) + extra_new);

    match filter.pool {
        Pool::DueAndNew => due.chain(new).chain(ahead).collect(),
        Pool::Due => due.chain(ahead).collect(),
        Pool::New => new,
        Pool::Weak => in_key_order(
            schedules
                .iter()
                .filter(|(_, s)| is_weak(s))
                .map(|&(card, s)| (total_order_key(s.stability), 0, card))
                .collect(),
        ),
        Pool::Cram => {
            let every = schedules.iter().map(|(c, _)| *c).collect();
            in_new_card_order(deck, every, filter.new_order, &mut rng)
        }
    }
}

/// `cards` (in deck order) put in `order`.
fn in_new_card_order(
    deck: &Deck,
    mut cards: Vec<usize>,
    order: NewCardOrder,
    rng: &mut Rng,
) -> Vec<usize> {
    match order {
        NewCardOrder::Reading => cards,
        NewCardOrder::Random => {
            rng.shuffle(&mut cards);
            cards
        }
        NewCardOrder::Mixed => mixed_by_kind(deck, &cards),
    }
}

/// Interleaves the kinds in proportion to their sizes, each in the given order: the next card
/// is always from the kind furthest behind its share (Sainte-Laguë's rule, ties to the earlier
/// kind in [`KindFilter::ALL`], so a sitting opens with an interview question). With 68
/// questions, 48 one-liners, 19 guide items and 6 definitions, 20 cards bring 9 questions,
/// 7 one-liners, 3 guide items and a definition.
fn mixed_by_kind(deck: &Deck, cards: &[usize]) -> Vec<usize> {
    let mut groups: [Vec<usize>; 4] = Default::default();
    for &card in cards {
        let kind = KindFilter::of(deck.cards[card].kind);
        groups[KindFilter::ALL.iter().position(|k| *k == kind).unwrap_or(0)].push(card);
    }
    let mut taken = [0usize; 4];
    let mut mixed = Vec::with_capacity(cards.len());
    while mixed.len() < cards.len() {
        // Compare (2·taken + 1) / size across kinds by cross-multiplying, exactly.
        let next = (0..4)
            .filter(|&k| taken[k] < groups[k].len())
            .min_by(|&a, &b| {
                let behind_a = (2 * taken[a] + 1) * groups[b].len();
                let behind_b = (2 * taken[b] + 1) * groups[a].len();
                behind_a.cmp(&behind_b).then(a.cmp(&b))
            })
            .expect("some kind has cards left while the mix is short");
        mixed.push(groups[next][taken[next]]);
        taken[next] += 1;
    }
    mixed
}

/// Cards (the last of each key) in the order of their keys. Every ordering of cards in a queue
/// is written as this one key type, a card index last so no two keys tie, and sorted by
/// [`order::sort`], the engine's one sort (see `order` for why there is only one).
pub(crate) fn in_key_order(mut keyed: Vec<(i64, i64, usize)>) -> Vec<usize> {
    order::sort(&mut keyed);
    keyed.into_iter().map(|(_, _, card)| card).collect()
}

/// `x` as an integer that orders as [`f32::total_cmp`] orders floats.
pub(crate) fn total_order_key(x: f32) -> i64 {
    let bits = x.to_bits() as i32;
    i64::from(bits ^ (((bits >> 31) as u32) >> 1) as i32)
}

#[cfg(test)]
mod key_order_tests {
    use super::*;

    #[test]
    fn float_keys_order_as_total_cmp() {
        let mut floats = [
            3.5_f32,
            -0.0,
            0.0,
            -2.0,
            f32::INFINITY,
            1e-30,
            0.25,
            f32::MIN,
        ];
        let mut by_key = floats;
        floats.sort_by(f32::total_cmp);
        by_key.sort_by_key(|&x| total_order_key(x));
        assert_eq!(floats.map(f32::to_bits), by_key.map(f32::to_bits));
    }

    #[test]
    fn ties_keep_card_order() {
        assert_eq!(
            in_key_order(vec![(5, 0, 9), (1, 1, 4), (1, 0, 7), (5, 0, 2)]),
            vec![7, 4, 2, 9]
        );
    }
}
