//! Answering a query: each word the learner typed becomes a *unit* that matches index terms
//! exactly, as a prefix (the word still being typed), by stem, or within a typo budget; each
//! card's score is the sum over units of its best match, scaled by how many units it matched.

use super::index::SearchIndex;
use super::snippet::{Found, Highlighter, Hit};
use super::unit::Unit;
use super::words::{Word, words};
use crate::order;
use crate::text;

/// How much a match of each kind is worth, against an exact match's 1.
const PREFIX_QUALITY: f32 = 0.75;
const ROOT_QUALITY: f32 = 0.6;
/// A function word in a title only tells near-ties apart.
const BONUS_QUALITY: f32 = 0.25;
const TRUNCATED_QUALITY: f32 = 0.5;
const EXACT_TYPO_QUALITY: f32 = 0.8;
const ONE_TYPO_QUALITY: f32 = 0.55;
const TWO_TYPOS_QUALITY: f32 = 0.35;
/// A word being typed matches at most this many longer terms (see `completions`).
const MAX_COMPLETIONS: usize = 40;
/// A finished word of at least this many letters also matches longer words it starts
/// ("normaliz" finds "normalization"): the stemmer leaves derivations alone.
const ROOT_MIN: usize = 5;
/// A word may be this many letters longer than a term it contains ("throttlin" finds
/// "throttl"), for an unfinished word that the stemmer could not yet shorten.
const TRUNCATE_MAX: usize = 3;

impl SearchIndex {
    /// The query's units: its words, an acronym's expansion as one unit, a name or join that
    /// matches nothing as its pieces (`unittest.TestCase` -> `unittest`, `test`, `cas`),
    /// the last word matched as a prefix unless the query ends with a space. Function words
    /// become *bonus* units: they add to a card's score (a half-remembered question's "each
    /// other") but never count as matched or missed.
    pub(crate) fn units(&self, query: &str) -> Vec<Unit> {
        let all = words(query);
        let open_end = !query.ends_with(|c: char| c.is_whitespace() || c.is_ascii_punctuation());
        let mut units = Vec::new();
        let mut at = 0;
        while at < all.len() {
            if let Some((acronym, length)) = self.acronyms.at_start(&all[at..]) {
                units.push(self.acronym_unit(&acronym.short));
                at += length;
                continue;
            }
            let word = &all[at];
            at += 1;
            let open = open_end && at == all.len() && word.end == query.trim_end().len();
            if word.stop {
                units.push(self.stop_word_unit(&word.norm));
                continue;
            }
            let matches = self.matches(word, open);
            if matches.is_empty() && !word.parts.is_empty() {
                let last = word.parts.len() - 1;
                for (index, part) in word.parts.iter().enumerate() {
                    let piece = Word {
                        norm: part.clone(),
                        typed: part.clone(),
                        parts: Vec::new(),
                        ..word.clone()
                    };
                    units.push(Unit {
                        matches: self.matches(&piece, open && index == last),
                        bonus: false,
                    });
                }
            } else {
                // Even with nothing that answers it: a unit all the same, so suggestions see it.
                units.push(Unit {
                    matches,
                    bonus: false,
                });
            }
        }
        // Only function words so far ("what is", as a question is typed): they are all there
        // is to go on, so they count, matching titles that have them.
        if units.iter().all(|unit| unit.bonus) {
            units.iter_mut().for_each(|unit| unit.bonus = false);
        }
        units
    }

    /// An acronym the deck spells out: only the exact term answers it, at full quality.
    fn acronym_unit(&self, short: &str) -> Unit {
        Unit {
            matches: self.exact_match(short, 1.0),
            bonus: false,
        }
    }

    /// A function word: only the exact term answers it, and it only adds to a score (a
    /// *bonus* unit, see [`Unit::bonus`]).
    fn stop_word_unit(&self, norm: &str) -> Unit {
        Unit {
            matches: self.exact_match(norm, BONUS_QUALITY),
            bonus: true,
        }
    }

    /// The term `norm` itself, if the index has it, at `quality`.
    fn exact_match(&self, norm: &str, quality: f32) -> Vec<(usize, f32)> {
        self.term(norm)
            .map(|term| (term, quality))
            .into_iter()
            .collect()
    }

    /// The terms one word matches, best quality per term.
    fn matches(&self, word: &Word, open: bool) -> Vec<(usize, f32)> {
        let mut found: Vec<(usize, f32)> = Vec::with_capacity(MAX_COMPLETIONS + 4);
        let mut sure = false;
        if let Some(term) = self.term(&word.norm) {
            found.push((term, 1.0));
            sure = true;
        }
        let letters = word.typed.chars().count();
        // Longer words that start with it: the word being typed, or a derivation.
        if open || letters >= ROOT_MIN {
            let quality = if open { PREFIX_QUALITY } else { ROOT_QUALITY };
            let stems = if word.typed == word.norm {
                [Some(&word.typed), None]
            } else {
                [Some(&word.typed), Some(&word.norm)]
            };
            for stem in stems.into_iter().flatten() {
                for term in self.completions(stem) {
                    let length = self.terms[term].chars().count().max(1);
                    let share = letters.min(length) as f32 / length as f32;
                    found.push((term, quality + (1.0 - quality) * share));
                    sure |= open;
                }
            }
        }
        // Shorter terms the word being typed starts with: "throttlin" -> "throttl" (a
        // finished word went through the stemmer).
        for cut in (1..=TRUNCATE_MAX).filter(|_| open) {
            let Some(keep) = letters.checked_sub(cut).filter(|keep| *keep >= ROOT_MIN) else {
                break;
            };
            let prefix: String = word.typed.chars().take(keep).collect();
            if let Some(term) = self.term(&prefix) {
                found.push((term, TRUNCATED_QUALITY));
                sure = true;
            }
        }
        if !sure {
            self.typos(word, open, &mut found);
        }
        // A term found more than one way keeps its best quality.
        order::sort_by(&mut found, |a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
        found.dedup_by_key(|(term, _)| *term);
        found
    }

    /// The terms that start with `prefix`; of a short prefix's many, only the
    /// [`MAX_COMPLETIONS`] most used (by cards), which are also the likeliest to be what is
    /// being typed: "t" need not add up the postings of every word in t.
    ///
    /// Kept by insertion into a short list, most used first and ties in term order: one pass
    /// over the prefix's terms, where sorting them all would cost n log n on every keystroke.
    fn completions(&self, prefix: &str) -> Vec<usize> {
        let uses = |term: usize| self.postings[term].len();
        let mut best: Vec<usize> = Vec::with_capacity(MAX_COMPLETIONS + 1);
        for term in self.with_prefix(prefix) {
            if best.len() == MAX_COMPLETIONS && uses(term) <= uses(best[MAX_COMPLETIONS - 1]) {
                continue;
            }
            let at = best.partition_point(|&kept| uses(kept) >= uses(term));
            best.insert(at, term);
            best.truncate(MAX_COMPLETIONS);
        }
        best
    }

    /// Terms within the word's typo budget (see [`text::typo_budget`]): whole terms, and for
    /// the word being typed, the start of longer terms. Only terms that begin with the
    /// word's first or second letter are compared: a first-letter slip or swap is still
    /// found, and the rest of the vocabulary is never walked.
    fn typos(&self, word: &Word, open: bool, found: &mut Vec<(usize, f32)>) {
        let typed: Vec<char> = word.norm.chars().collect();
        let budget = text::typo_budget(word.typed.chars().filter(|c| c.is_alphabetic()).count());
        if budget == 0 {
            return;
        }
        let mut firsts: Vec<char> = typed.iter().take(2).copied().collect();
        firsts.dedup();
        let mut buffer = [0u8; 4];
        let mut chars: Vec<char> = Vec::new();
        for first in firsts {
            for term in self.with_prefix(first.encode_utf8(&mut buffer)) {
                let spelled = &self.terms[term];
                // Too long or short to be within the budget (unless typed as a prefix).
                let length = spelled.chars().count();
                if length + budget < typed.len() || (!open && length > typed.len() + budget) {
                    continue;
                }
                chars.clear();
                chars.extend(spelled.chars());
                let mut best = text::edit_distance(&typed, &chars, budget);
                if open && chars.len() > typed.len() {
                    let start = &chars[..typed.len()];
                    best = match (best, text::edit_distance(&typed, start, budget)) {
                        (Some(a), Some(b)) => Some(a.min(b)),
                        (a, b) => a.or(b),
                    };
                }
                match best {
                    Some(0) => found.push((term, EXACT_TYPO_QUALITY)),
                    Some(1) => found.push((term, ONE_TYPO_QUALITY)),
                    Some(_) => found.push((term, TWO_TYPOS_QUALITY)),
                    None => {}
                }
            }
        }
    }

    /// Cards for a query, best first, at most `limit`, with their titles and a snippet of
    /// their answers, matched words marked; and how many cards matched in all.
    pub fn search(&self, query: &str, limit: usize) -> Found {
        let units = self.units(query);
        let highlighter = Highlighter::new(self, &units);
        let (ranked, total) = self.rank(&units, limit);
        let hits = ranked
            .into_iter()
            .map(|(card, score)| Hit {
                card,
                score,
                title: highlighter.title(&self.docs[card].title),
                snippet: highlighter.snippet(&self.docs[card].text),
            })
            .collect();
        Found { hits, total }
    }

    /// Cards for a query, best first, at most `limit`: (card index, score). What
    /// [`SearchIndex::search`] ranks by, without titles and snippets.
    pub fn ranked(&self, query: &str, limit: usize) -> Vec<(usize, f32)> {
        self.rank(&self.units(query), limit).0
    }

    /// The best `limit` cards, and how many matched.
    fn rank(&self, units: &[Unit], limit: usize) -> (Vec<(usize, f32)>, usize) {
        if units.is_empty() || limit == 0 {
            return (Vec::new(), 0);
        }
        let docs = self.docs.len();
        // A unit weighs what its best match tells (idf): matching "migrations" says more
        // than matching "handle", so coverage counts units by weight, not by number.
        let weights: Vec<f32> = units
            .iter()
            .map(|unit| {
                unit.matches
                    .iter()
                    .max_by(|a, b| a.1.total_cmp(&b.1))
                    .map_or(0.0, |&(term, _)| self.idf(term))
            })
            .collect();
        let wanted: f32 = units
            .iter()
            .zip(&weights)
            .filter(|(unit, _)| !unit.bonus)
            .map(|(_, weight)| weight)
            .sum();
        if wanted <= 0.0 {
            return (Vec::new(), 0);
        }
        // Per card: its best match for the unit at hand, its sum over units so far, and the
        // weight of the units it matched. One table, so a posting costs one lookup.
        #[derive(Clone, Copy, Default)]
        struct Tally {
            best: f32,
            total: f32,
            matched: f32,
        }
        let mut tallies = vec![Tally::default(); docs];
        let mut touched: Vec<u32> = Vec::with_capacity(docs);
        // The cards some unit matched, so the end need not walk every card of a big deck.
        let mut matched_docs: Vec<u32> = Vec::new();
        // Bonus units last, so they only add to cards something else matched.
        let real = units.iter().zip(&weights).filter(|(unit, _)| !unit.bonus);
        let bonus = units.iter().zip(&weights).filter(|(unit, _)| unit.bonus);
        for (unit, &unit_weight) in real.chain(bonus) {
            for &(term, quality) in &unit.matches {
                for posting in &self.postings[term] {
                    let Some(tally) = tallies.get_mut(posting.doc as usize) else {
                        continue;
                    };
                    if tally.best == 0.0 {
                        touched.push(posting.doc);
                    }
                    let score = posting.score * quality;
                    if score > tally.best {
                        tally.best = score;
                    }
                }
            }
            for &doc in &touched {
                let Some(tally) = tallies.get_mut(doc as usize) else {
                    continue;
                };
                if !unit.bonus {
                    if tally.matched == 0.0 {
                        matched_docs.push(doc);
                    }
                    tally.matched += unit_weight;
                }
                if tally.matched > 0.0 {
                    tally.total += tally.best;
                }
                tally.best = 0.0;
            }
            touched.clear();
        }
        let hits = matched_docs.iter().map(|&doc| {
            let tally = tallies[doc as usize];
            let coverage = tally.matched / wanted;
            (doc as usize, tally.total * coverage * coverage)
        });
        (top(hits, limit), matched_docs.len())
    }
}

/// The best `limit` hits, best first (higher score, then deck order): one pass that keeps a
/// short sorted list, cheaper than sorting every card that matched.
fn top(hits: impl IntoIterator<Item = (usize, f32)>, limit: usize) -> Vec<(usize, f32)> {
    let better = |a: &(usize, f32), b: &(usize, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    let mut best: Vec<(usize, f32)> = Vec::with_capacity(limit + 1);
    for hit in hits {
        if best.len() == limit && best.last().is_some_and(|worst| better(worst, &hit).is_le()) {
            continue;
        }
        let at = best.partition_point(|kept| better(kept, &hit).is_le());
        best.insert(at, hit);
        best.truncate(limit);
    }
    best
}
