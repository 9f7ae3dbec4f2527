use crate::content::Deck;
use crate::progress::Progress;
use crate::rng::Rng;
use crate::scheduler::{CardSchedule, Phase};
use crate::time::Timestamp;

use super::filter::{Pool, StudyFilter};
use super::review::LEARN_AHEAD_MS;

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

/// How many filtered cards are due now, new (and allowed today), and weak: the numbers on the
/// study screen's buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct QueueCounts {
    pub due: usize,
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
        new_allowed_today: new_allowance(progress, today),
        ..QueueCounts::default()
    };
    for card in filter.cards(deck) {
        let schedule = progress.schedule(deck.cards[card].id.as_str());
        if schedule.is_new() {
            counts.new_available += 1;
        } else if schedule.is_due(now) {
            counts.due += 1;
        }
        if is_weak(&schedule) {
            counts.weak += 1;
        }
    }
    counts
}

/// New cards still allowed today under the daily limit.
fn new_allowance(progress: &Progress, today: DayBounds) -> usize {
    let limit = progress.settings.new_cards_per_day as usize;
    limit.saturating_sub(progress.new_cards_introduced_on(today.start, today.end))
}

/// The cards to study now, in order: due cards (most overdue first; learning steps before
/// reviews at equal times), then new cards in reading order up to today's allowance, then
/// learning cards due within [`LEARN_AHEAD_MS`] (Anki's learn-ahead). The filter's pool narrows
/// this; `shuffle` shuffles the due and new groups with `seed` (learn-ahead stays in due order).
/// Deterministic.
pub fn review_queue(
    deck: &Deck,
    progress: &Progress,
    filter: &StudyFilter,
    now: Timestamp,
    today: DayBounds,
    seed: u64,
) -> Vec<usize> {
    let mut rng = Rng::new(seed);
    let schedules: Vec<(usize, CardSchedule)> = filter
        .cards(deck)
        .into_iter()
        .map(|c| (c, progress.schedule(deck.cards[c].id.as_str())))
        .collect();

    let mut due: Vec<&(usize, CardSchedule)> = schedules
        .iter()
        .filter(|(_, s)| !s.is_new() && s.is_due(now))
        .collect();
    due.sort_by_key(|(card, s)| {
        (
            s.due,
            !matches!(s.phase, Phase::Learning { .. } | Phase::Relearning { .. }),
            *card,
        )
    });
    let mut due: Vec<usize> = due.into_iter().map(|(c, _)| *c).collect();

    // Learning cards due within the learn-ahead window come after everything else, as in Anki:
    // a card just failed in a mock interview is there to practise without waiting a minute.
    let mut ahead: Vec<&(usize, CardSchedule)> = schedules
        .iter()
        .filter(|(_, s)| {
            matches!(s.phase, Phase::Learning { .. } | Phase::Relearning { .. })
                && !s.is_due(now)
                && s.due.millis_since(now) <= LEARN_AHEAD_MS
        })
        .collect();
    ahead.sort_by_key(|(card, s)| (s.due, *card));
    let ahead = ahead.into_iter().map(|(c, _)| *c);

    let mut new: Vec<usize> = schedules
        .iter()
        .filter(|(_, s)| s.is_new())
        .map(|(c, _)| *c)
        .collect();
    if filter.shuffle {
        rng.shuffle(&mut due);
        rng.shuffle(&mut new);
    }
    new.truncate(new_allowance(progress, today));

    match filter.pool {
        Pool::DueAndNew => due.into_iter().chain(new).chain(ahead).collect(),
        Pool::Due => due.into_iter().chain(ahead).collect(),
        Pool::New => new,
        Pool::Weak => {
            let mut weak: Vec<&(usize, CardSchedule)> =
                schedules.iter().filter(|(_, s)| is_weak(s)).collect();
            weak.sort_by(|(a, sa), (b, sb)| sa.stability.total_cmp(&sb.stability).then(a.cmp(b)));
            let mut weak: Vec<usize> = weak.into_iter().map(|(c, _)| *c).collect();
            if filter.shuffle {
                rng.shuffle(&mut weak);
            }
            weak
        }
    }
}
