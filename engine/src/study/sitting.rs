//! What one sitting studies when it is not the saved choice as it stands: a section or a kind
//! in one tap, the same cards in another mode, weak cards, more new cards than today's limit,
//! or practice that leaves schedules alone. It travels in the study screen's URL, so Back,
//! reload and a shared link all study the same thing; the saved choice is never touched.
//!
//! [`next_steps`] proposes such sittings once one ends, so a learner never meets a dead end.

use serde::{Deserialize, Serialize};

use crate::content::CardId;
use crate::content::Deck;
use crate::progress::Progress;
use crate::time::Timestamp;

use super::filter::{KindFilter, Pool, Scope, StudyFilter};
use super::queue::{DayBounds, QueueCounts, queue_counts};

/// URL parameter names.
const SECTION: &str = "section";
const KIND: &str = "kind";
const CARDS: &str = "cards";
const POOL: &str = "pool";
const MORE: &str = "more";

/// At most this many ids in a `cards=` list (a sitting's worth, and a URL that stays short).
pub const MAX_LISTED_CARDS: usize = 60;
/// At most this many extra new cards in one sitting.
pub const MAX_EXTRA_NEW: usize = 100;
/// How many more new cards "learn more" and "start a section" offer at once.
pub const LEARN_MORE_STEP: usize = 10;

/// A sitting's departure from the saved choice.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SittingRequest {
    /// One section, one kind or a list of cards instead of the saved sections and kinds.
    pub scope: Option<Scope>,
    /// A pool instead of the saved one.
    pub pool: Option<Pool>,
    /// New cards allowed beyond today's limit in this sitting.
    pub extra_new: usize,
}

impl SittingRequest {
    /// Reads the request from URL parameters (`get("section")` ...). Unknown values are
    /// ignored rather than refused: a stale link still studies something sensible.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        let scope = if let Some(id) = get(SECTION).filter(|id| !id.is_empty()) {
            Some(Scope::Section(id))
        } else if let Some(kind) = get(KIND).and_then(|k| KindFilter::from_slug(&k)) {
            Some(Scope::Kind(kind))
        } else {
            get(CARDS).map(|list| {
                Scope::Cards(
                    list.split(',')
                        .filter(|id| !id.is_empty())
                        .take(MAX_LISTED_CARDS)
                        .map(CardId::from)
                        .collect(),
                )
            })
        };
        SittingRequest {
            scope,
            pool: get(POOL).and_then(|p| Pool::from_slug(&p)),
            extra_new: get(MORE)
                .and_then(|n| n.parse::<usize>().ok())
                .unwrap_or(0)
                .min(MAX_EXTRA_NEW),
        }
    }

    /// The URL query for this request, with its leading `?`, or "" for the saved choice.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        match &self.scope {
            Some(Scope::Section(id)) => pairs.push((SECTION, id.clone())),
            Some(Scope::Kind(kind)) => pairs.push((KIND, kind.slug().to_owned())),
            Some(Scope::Cards(ids)) => pairs.push((
                CARDS,
                ids.iter().map(CardId::as_str).collect::<Vec<_>>().join(","),
            )),
            None => {}
        }
        if let Some(pool) = self.pool {
            pairs.push((POOL, pool.slug().to_owned()));
        }
        if self.extra_new > 0 {
            pairs.push((MORE, self.extra_new.to_string()));
        }
        if pairs.is_empty() {
            return String::new();
        }
        let joined: Vec<String> = pairs
            .into_iter()
            .map(|(key, value)| format!("{key}={}", encode(&value)))
            .collect();
        format!("?{}", joined.join("&"))
    }

    /// The filter this sitting studies: the saved one, narrowed and with its pool replaced.
    pub fn filter(&self, saved: &StudyFilter) -> StudyFilter {
        let mut filter = match &self.scope {
            Some(scope) => saved.narrowed_to(scope),
            None => saved.clone(),
        };
        if let Some(pool) = self.pool {
            filter.pool = pool;
        }
        filter
    }
}

/// Percent-encodes everything but unreserved URL characters and the `,` of card lists.
fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~,".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A useful next sitting, offered when one ends. Each is one tap: the app turns it into a
/// link with [`NextStep::request`] and the study screen it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextStep {
    /// Cards are due now (learning steps came due, or the selection has more).
    ReviewNow { due: usize, new: usize },
    /// Today's new-card limit is used up but the selection has more new cards.
    LearnMore { count: usize },
    /// Cards found hard or forgotten, to go over again.
    ReviewWeak { count: usize },
    /// The cards just studied, in a mode that asks differently (quiz, fill in).
    SameCardsOtherMode { cards: Vec<CardId> },
    /// The first section (in reading order) with no card studied yet.
    StartSection { section: usize, new: usize },
    /// Every selected card as practice that leaves schedules alone.
    Cram { count: usize },
}

impl NextStep {
    /// The sitting this step starts, relative to the saved choice.
    pub fn request(&self, deck: &Deck) -> SittingRequest {
        match self {
            NextStep::ReviewNow { .. } => SittingRequest::default(),
            NextStep::LearnMore { count } => SittingRequest {
                pool: Some(Pool::New),
                extra_new: *count,
                ..SittingRequest::default()
            },
            NextStep::ReviewWeak { .. } => SittingRequest {
                pool: Some(Pool::Weak),
                ..SittingRequest::default()
            },
            NextStep::SameCardsOtherMode { cards } => SittingRequest {
                scope: Some(Scope::Cards(cards.clone())),
                ..SittingRequest::default()
            },
            NextStep::StartSection { section, new } => SittingRequest {
                scope: Some(Scope::Section(deck.sections[*section].id.clone())),
                pool: Some(Pool::New),
                // Enough allowance for a first sitting of the section even if today's is spent.
                extra_new: (*new).min(LEARN_MORE_STEP),
            },
            NextStep::Cram { .. } => SittingRequest {
                pool: Some(Pool::Cram),
                ..SittingRequest::default()
            },
        }
    }
}

/// Going over weak cards, if there are any.
fn weak_step(counts: &QueueCounts) -> Option<NextStep> {
    (counts.weak > 0).then_some(NextStep::ReviewWeak { count: counts.weak })
}

/// Cramming the selection, if it has cards.
fn cram_step(deck: &Deck, filter: &StudyFilter) -> Option<NextStep> {
    let selected = filter.cards(deck).len();
    (selected > 0).then_some(NextStep::Cram { count: selected })
}

/// What to offer after a sitting on `filter` that saw `seen`, most useful first: keep going
/// if anything is due, learn more new cards, go over weak cards, the same cards in another
/// mode, a section not started yet, and practice without scheduling. Never empty for a deck
/// with cards: cramming is always possible.
pub fn next_steps(
    deck: &Deck,
    progress: &Progress,
    filter: &StudyFilter,
    seen: &[usize],
    now: Timestamp,
    today: DayBounds,
) -> Vec<NextStep> {
    let counts = queue_counts(deck, progress, filter, now, today);
    let mut steps = Vec::new();
    if !counts.is_empty() {
        steps.push(NextStep::ReviewNow {
            due: counts.due,
            new: counts.new_today(),
        });
    }
    if counts.new_today() == 0 && counts.new_beyond_today() > 0 {
        steps.push(NextStep::LearnMore {
            count: counts.new_beyond_today().min(LEARN_MORE_STEP),
        });
    }
    steps.extend(weak_step(&counts));
    if !seen.is_empty() {
        steps.push(NextStep::SameCardsOtherMode {
            cards: seen
                .iter()
                .take(MAX_LISTED_CARDS)
                .map(|&c| deck.cards[c].id.clone())
                .collect(),
        });
    }
    let untouched = (0..deck.sections.len()).find_map(|section| {
        let cards: Vec<_> = deck.cards_in_section(section).collect();
        let all_new = cards
            .iter()
            .all(|(_, card)| progress.schedule(&card.id).is_new());
        (all_new && !cards.is_empty()).then_some(NextStep::StartSection {
            section,
            new: cards.len(),
        })
    });
    steps.extend(untouched);
    steps.extend(cram_step(deck, filter));
    steps
}

/// What custom study offers for the selection at any time (the study page's panel): new cards
/// beyond today's limit, the weak cards, and practice that leaves schedules alone. Unlike
/// [`next_steps`], nothing that the plain review already does.
pub fn custom_study(
    deck: &Deck,
    progress: &Progress,
    filter: &StudyFilter,
    now: Timestamp,
    today: DayBounds,
) -> Vec<NextStep> {
    let counts = queue_counts(deck, progress, filter, now, today);
    let mut options = Vec::new();
    if counts.new_beyond_today() > 0 {
        options.push(NextStep::LearnMore {
            count: counts.new_beyond_today().min(LEARN_MORE_STEP),
        });
    }
    options.extend(weak_step(&counts));
    options.extend(cram_step(deck, filter));
    options
}
