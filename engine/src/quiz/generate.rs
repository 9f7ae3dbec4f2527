//! The question forms: how each kind of card becomes multiple-choice questions.
//!
//! Every form follows the same recipe: a stem, the right option, and a pool of candidate
//! distractors of the same kind (heads with heads, sentences with sentences), each tagged
//! with a family rank (0 = closest: same list, same question, same section). [`Draft`] then
//! picks three distractors that are of similar length and shape, preferring closer families,
//! places the right option at a seeded position and keeps the result only if
//! [`check_question`] accepts it.

use std::collections::HashSet;
use std::ops::RangeInclusive;

use super::text::{self, Label, MaskKeys};
use super::{
    ChoiceQuestion, LENGTH_SLACK, MAX_LONGER, MAX_OPTION_CHARS, MIN_SHORTER, QuestionForm,
    check_question, option_key,
};
use crate::content::{Card, CardKind, Deck, ListKind};
use crate::rng::Rng;

/// Lead sentences outside this range make poor options: under 20 characters they say nothing,
/// over 160 they do not fit a phone screen.
const SENTENCE_CHARS: RangeInclusive<usize> = 20..=MAX_OPTION_CHARS;
/// Label details shorter than this ("Test cases") are too thin to tell apart.
const LABEL_DETAIL_MIN_CHARS: usize = 10;
/// Score added to a candidate whose kind (name, numbered, words) differs from the right
/// option's: "1xx" among "Token bucket" and "Fixed window" would stand out. Kind outranks
/// family, which outranks having a blank like the right option, which outranks length.
const KIND_WEIGHT: usize = 10_000_000;
/// Score per family rank.
const FAMILY_WEIGHT: usize = 100_000;
/// Score added when the candidate has a `___` blank and the right option has not, or back.
const BLANK_WEIGHT: usize = 50_000;
/// Masked label details need this many meaningful words left ("Implement ___" says nothing).
const LABEL_DETAIL_MIN_WORDS: usize = 2;
/// Masked lead sentences need this many.
const LEAD_MIN_WORDS: usize = 3;
/// A long lead sentence is cut at a clause boundary no earlier than this.
const LEAD_CUT_MIN_CHARS: usize = 60;

pub(super) fn questions_for(deck: &Deck, card: usize, seed: u64) -> Vec<ChoiceQuestion> {
    let Some(this) = deck.cards.get(card) else {
        return Vec::new();
    };
    let ctx = Ctx { deck, card, this };
    QuestionForm::ALL
        .iter()
        .filter_map(|&form| {
            let mut rng = Rng::keyed(seed, &format!("{}:{}", form.as_str(), this.id));
            match form {
                QuestionForm::TermForDefinition => ctx.term_for_definition(&mut rng),
                QuestionForm::DefinitionForTerm => ctx.definition_for_term(&mut rng),
                QuestionForm::OneLinerPolarity => ctx.one_liner_polarity(&mut rng),
                QuestionForm::OneLinerDetail => ctx.one_liner_detail(&mut rng),
                QuestionForm::GuideVerdict => ctx.guide_verdict(&mut rng),
                QuestionForm::AnswerItem => ctx.answer_item(&mut rng),
                QuestionForm::LabelDetail => ctx.label_detail(&mut rng),
                QuestionForm::ShortAnswer => ctx.short_answer(&mut rng),
            }
        })
        .collect()
}

/// The card being asked about, with its deck.
struct Ctx<'a> {
    deck: &'a Deck,
    card: usize,
    this: &'a Card,
}

impl Ctx<'_> {
    fn draft(&self, form: QuestionForm, stem: String, right: String) -> Draft {
        Draft {
            form,
            card: self.card,
            id: format!("{}:{}", form.as_str(), self.this.id),
            stem,
            right,
            pool: Vec::new(),
            forbidden: HashSet::new(),
        }
    }

    /// The other cards of a kind, with their family rank: 0 in the same section, 1 elsewhere.
    fn others(&self, wanted: fn(&CardKind) -> bool) -> impl Iterator<Item = (&Card, u8)> {
        let section = self.this.section;
        self.deck
            .cards
            .iter()
            .enumerate()
            .filter(move |(i, card)| *i != self.card && wanted(&card.kind))
            .map(move |(_, card)| (card, u8::from(card.section != section)))
    }

    fn term_for_definition(&self, rng: &mut Rng) -> Option<ChoiceQuestion> {
        if self.this.kind != CardKind::Definition {
            return None;
        }
        let sentence = masked_definition(self.this, &MaskKeys::default())?;
        let stem = format!("Which term matches this definition? “{sentence}”");
        let mut draft = self.draft(QuestionForm::TermForDefinition, stem, bare_term(self.this));
        for (other, family) in self.others(is_definition) {
            draft.pool.push((bare_term(other), family));
        }
        draft.assemble(rng)
    }

    fn definition_for_term(&self, rng: &mut Rng) -> Option<ChoiceQuestion> {
        if self.this.kind != CardKind::Definition {
            return None;
        }
        let term = bare_term(self.this);
        // Every option also hides the asked term's words, so the right one is not the only
        // option without, say, "Django" for "What is Django REST Framework?".
        let asked = MaskKeys::of(&term);
        let right = masked_definition(self.this, &asked)?;
        let verb = if is_plural(&term) { "are" } else { "is" };
        let stem = format!("What {verb} {term}?");
        let mut draft = self.draft(QuestionForm::DefinitionForTerm, stem, right);
        for (other, family) in self.others(is_definition) {
            if let Some(sentence) = masked_definition(other, &asked) {
                draft.pool.push((sentence, family));
            }
        }
        draft.assemble(rng)
    }

    fn one_liner_polarity(&self, rng: &mut Rng) -> Option<ChoiceQuestion> {
        let (subject, kind) = self.list_of(is_one_liner)?;
        let opposite = match kind {
            ListKind::Advantages => ListKind::Disadvantages,
            ListKind::Disadvantages => ListKind::Advantages,
            ListKind::ChooseWhen | ListKind::AvoidWhen => return None,
        };
        let article = if kind == ListKind::Advantages {
            "an advantage"
        } else {
            "a disadvantage"
        };
        let stem = format!("Which of these is {article} of {subject}?");
        let mut draft = self.draft(
            QuestionForm::OneLinerPolarity,
            stem,
            self.this.prompt.clone(),
        );
        // A head in both lists ("Template System") must never be a distractor.
        draft.forbid(self.list_prompts(subject, kind));
        for head in self.list_prompts(subject, opposite) {
            draft.pool.push((head, 0));
        }
        draft.assemble(rng)
    }

    fn one_liner_detail(&self, rng: &mut Rng) -> Option<ChoiceQuestion> {
        let (subject, kind) = self.list_of(is_one_liner)?;
        let noun = if kind == ListKind::Advantages {
            "advantage"
        } else {
            "disadvantage"
        };
        let detail = text::strip_inline(&self.this.answer);
        let stem = format!("“{}” describes which {subject} {noun}?", detail.trim());
        let mut draft = self.draft(QuestionForm::OneLinerDetail, stem, self.this.prompt.clone());
        for head in self.list_prompts(subject, kind) {
            draft.pool.push((head, 0));
        }
        draft.assemble(rng)
    }

    fn guide_verdict(&self, rng: &mut Rng) -> Option<ChoiceQuestion> {
        let (subject, kind) = self.list_of(is_guide_item)?;
        let (verb, opposite) = match kind {
            ListKind::ChooseWhen => ("choose", ListKind::AvoidWhen),
            ListKind::AvoidWhen => ("avoid", ListKind::ChooseWhen),
            ListKind::Advantages | ListKind::Disadvantages => return None,
        };
        let stem = format!("When should you {verb} {subject}?");
        let mut draft = self.draft(QuestionForm::GuideVerdict, stem, self.this.prompt.clone());
        draft.forbid(self.list_prompts(subject, kind));
        for item in self.list_prompts(subject, opposite) {
            draft.pool.push((item, 0));
        }
        draft.assemble(rng)
    }

    fn answer_item(&self, rng: &mut Rng) -> Option<ChoiceQuestion> {
        if !is_question(&self.this.kind) {
            return None;
        }
        let mut labels = text::labels(&self.this.answer);
        if labels.is_empty() {
            return None;
        }
        let stem = format!(
            "Which of these belongs in the answer to “{}”?",
            self.this.prompt.trim_end_matches('?')
        );
        let answer_words = norms(&text::strip_inline(&self.this.answer));
        let own: Vec<String> = labels.iter().map(|label| label.name.clone()).collect();
        // Recognising the prompt's own words ("Permissions" for "... authentication and
        // permissions?") tests nothing.
        let prompt_words = text::word_set(&self.this.prompt);
        labels.retain(|label| {
            !norms(&label.name)
                .iter()
                .all(|word| prompt_words.contains(word))
        });
        let mut pool = Vec::new();
        for (other, family) in self.others(is_question) {
            for label in text::labels(&other.answer) {
                // A label this answer also mentions ("Throttling" for the throttling question)
                // would be a second right option.
                if !contains_run(&answer_words, &norms(&label.name)) {
                    pool.push((label.name, family));
                }
            }
        }
        rng.shuffle(&mut labels);
        labels.into_iter().find_map(|label| {
            let mut draft = self.draft(QuestionForm::AnswerItem, stem.clone(), label.name);
            draft.forbid(own.iter().cloned());
            draft.pool.clone_from(&pool);
            draft.assemble(rng)
        })
    }

    fn label_detail(&self, rng: &mut Rng) -> Option<ChoiceQuestion> {
        if !is_question(&self.this.kind) {
            return None;
        }
        let mut labels: Vec<Label> = text::labels(&self.this.answer);
        rng.shuffle(&mut labels);
        let prompt = self.this.prompt.trim_end_matches('?');
        labels.iter().find_map(|label| {
            let stem = format!(
                "In the answer to “{prompt}”, which describes {}?",
                label.name
            );
            let right = masked_label_detail(self.this, label)?;
            let mut draft = self.draft(QuestionForm::LabelDetail, stem, right);
            let name = option_key(&label.name);
            let siblings = text::labels(&self.this.answer)
                .into_iter()
                .map(|sibling| (self.this, sibling, 0));
            let rest = self.others(is_question).flat_map(|(other, family)| {
                text::labels(&other.answer)
                    .into_iter()
                    .map(move |other_label| (other, other_label, family + 1))
            });
            for (card, other_label, family) in siblings.chain(rest) {
                // The same label in another answer ("Scalability") describes the same thing.
                if option_key(&other_label.name) != name
                    && let Some(detail) = masked_label_detail(card, &other_label)
                {
                    draft.pool.push((detail, family));
                }
            }
            draft.assemble(rng)
        })
    }

    fn short_answer(&self, rng: &mut Rng) -> Option<ChoiceQuestion> {
        if !is_question(&self.this.kind) {
            return None;
        }
        let mut pool = Vec::new();
        for (other, family) in self.others(is_question) {
            if let Some(lead) = masked_leads(other).into_iter().next() {
                pool.push((lead, family));
            }
        }
        // The first sentence, or the next one when the first is too thin once masked
        // ("Use ___ APITestCase or APIClient for ___").
        masked_leads(self.this).into_iter().find_map(|right| {
            let mut draft = self.draft(QuestionForm::ShortAnswer, self.this.prompt.clone(), right);
            draft.pool.clone_from(&pool);
            draft.assemble(rng)
        })
    }

    /// The subject and kind of this card's list, if it is of the wanted card kind.
    fn list_of(&self, wanted: fn(&CardKind) -> bool) -> Option<(&str, ListKind)> {
        if !wanted(&self.this.kind) {
            return None;
        }
        let list = self.deck.lists.get(self.this.list()?)?;
        Some((list.subject.as_str(), list.kind))
    }

    /// The prompts of every card in the lists of a subject (any case) and kind.
    fn list_prompts(&self, subject: &str, kind: ListKind) -> Vec<String> {
        self.deck
            .cards
            .iter()
            .filter(|card| {
                card.list()
                    .and_then(|list| self.deck.lists.get(list))
                    .is_some_and(|list| {
                        list.kind == kind && list.subject.eq_ignore_ascii_case(subject)
                    })
            })
            .map(|card| card.prompt.clone())
            .collect()
    }
}

fn is_definition(kind: &CardKind) -> bool {
    *kind == CardKind::Definition
}

fn is_question(kind: &CardKind) -> bool {
    matches!(kind, CardKind::Question { .. })
}

fn is_one_liner(kind: &CardKind) -> bool {
    matches!(kind, CardKind::OneLiner { .. })
}

fn is_guide_item(kind: &CardKind) -> bool {
    matches!(kind, CardKind::GuideItem { .. })
}

/// A definition's term without its parenthesised expansion: "APIs", "Django REST Framework".
/// Options show the bare term because an expansion would echo the definition's words.
fn bare_term(card: &Card) -> String {
    text::split_parenthesised(&card.prompt).0.to_owned()
}

/// "APIs", "Microservices", "Database Views" read as plurals; "Django" does not.
fn is_plural(term: &str) -> bool {
    term.ends_with('s') && !term.ends_with("ss")
}

/// A definition's first sentence with its own term and expansion blanked, then `extra` keys.
fn masked_definition(card: &Card, extra: &MaskKeys) -> Option<String> {
    let sentence = text::lead_sentence(&card.answer)?;
    let (term, expansion) = text::split_parenthesised(&card.prompt);
    let mut phrases = vec![term];
    phrases.extend(expansion);
    let masked = extra.mask(&text::mask_phrases(&sentence, &phrases));
    (masked.chars().count() <= MAX_OPTION_CHARS).then_some(masked)
}

/// The usable sentences of a question's opening line, in order: at least
/// [`SENTENCE_CHARS`]'s minimum, cut to its maximum at a clause boundary, with the question's
/// key terms blanked and enough left to say something.
fn masked_leads(card: &Card) -> Vec<String> {
    let keys = MaskKeys::of(&card.prompt);
    text::lead_sentences(&card.answer)
        .iter()
        .filter(|sentence| sentence.chars().count() >= *SENTENCE_CHARS.start())
        .filter_map(|sentence| {
            text::fit_sentence(sentence, LEAD_CUT_MIN_CHARS, *SENTENCE_CHARS.end())
        })
        .map(|sentence| keys.mask(&sentence))
        .filter(|masked| substantial(masked, LEAD_MIN_WORDS))
        .collect()
}

/// A label's detail with the label's and its question's key terms blanked, if enough is left.
fn masked_label_detail(card: &Card, label: &Label) -> Option<String> {
    if label.detail.chars().count() < LABEL_DETAIL_MIN_CHARS {
        return None;
    }
    let mut keys = MaskKeys::of(&card.prompt);
    keys.add(&label.name);
    let masked = keys.mask(&label.detail);
    substantial(&masked, LABEL_DETAIL_MIN_WORDS).then_some(masked)
}

/// Whether a masked text still says something: at least `words` meaningful words.
fn substantial(masked: &str, words: usize) -> bool {
    text::tokens(masked)
        .iter()
        .filter(|token| token.is_significant(3))
        .count()
        >= words
}

/// The stemmed words of a text, in order.
fn norms(text: &str) -> Vec<String> {
    text::tokens(text).iter().map(text::Token::norm).collect()
}

/// Whether `needle` occurs as consecutive words of `haystack`.
fn contains_run(haystack: &[String], needle: &[String]) -> bool {
    !needle.is_empty()
        && haystack
            .windows(needle.len())
            .any(|window| window == needle)
}

/// The look of an option, so a distractor resembles the right one.
#[derive(PartialEq, Eq)]
enum Kind {
    /// One code name: `ModelSerializer`, `manage.py` (an acronym like CQRS counts as words,
    /// so it meets "Saga Pattern" rather than `DEBUG`).
    Name,
    /// One or two words with a digit: "1xx", "PEP 8".
    Numbered,
    /// Ordinary words.
    Words,
}

/// An option's kind and whether it has a blank.
fn shape(option: &str) -> (Kind, bool) {
    let words = text::tokens(option);
    let kind =
        if option.chars().any(|c| c.is_ascii_digit()) && option.split_whitespace().count() <= 2 {
            Kind::Numbered
        } else if words.len() == 1 && words[0].is_code() {
            Kind::Name
        } else {
            Kind::Words
        };
    (kind, option.contains("___"))
}

/// Whether a distractor's length is close enough to the right option's not to stand out
/// (the per-distractor version of [`super::length_giveaway`]).
fn similar_length(right: usize, other: usize) -> bool {
    let longer =
        |a: usize, b: usize, ratio: f32| a > b + LENGTH_SLACK && a as f32 > ratio * b as f32;
    !longer(right, other, MAX_LONGER) && !longer(other, right, 1.0 / MIN_SHORTER)
}

/// A question being assembled.
struct Draft {
    form: QuestionForm,
    card: usize,
    id: String,
    stem: String,
    right: String,
    /// Candidate distractors with their family rank (lower is preferred).
    pool: Vec<(String, u8)>,
    /// Option keys that may not be distractors because they would also be right.
    forbidden: HashSet<String>,
}

impl Draft {
    fn forbid(&mut self, texts: impl IntoIterator<Item = String>) {
        self.forbidden
            .extend(texts.into_iter().map(|text| option_key(&text)));
    }

    /// The question, if some choice of distractors passes [`check_question`]. Tries from the
    /// most varied (seeded jitter, family first) to the most conservative (closest lengths,
    /// any family).
    fn assemble(&self, rng: &mut Rng) -> Option<ChoiceQuestion> {
        if self.right.trim().is_empty() || self.right.chars().count() > MAX_OPTION_CHARS {
            return None;
        }
        (0..3).find_map(|attempt| {
            let question = self.try_assemble(rng, attempt)?;
            check_question(&question).is_ok().then_some(question)
        })
    }

    fn try_assemble(&self, rng: &mut Rng, attempt: u8) -> Option<ChoiceQuestion> {
        let right_len = self.right.chars().count();
        let right_shape = shape(&self.right);
        // Jitter of about a quarter of the length lets the seed vary distractors among
        // similar-length candidates.
        let jitter = if attempt == 0 {
            (right_len / 4).max(4)
        } else {
            0
        };
        let mut ranked: Vec<(usize, usize)> = self
            .pool
            .iter()
            .enumerate()
            .map(|(index, (candidate, family))| {
                let mut score = candidate.chars().count().abs_diff(right_len);
                let (kind, blank) = shape(candidate);
                if kind != right_shape.0 {
                    score += KIND_WEIGHT;
                }
                if blank != right_shape.1 {
                    score += BLANK_WEIGHT;
                }
                if attempt < 2 {
                    score += usize::from(*family) * FAMILY_WEIGHT;
                }
                score += rng.below(jitter + 1);
                (score, index)
            })
            .collect();
        ranked.sort_unstable();

        let mut taken: HashSet<String> = HashSet::from([option_key(&self.right)]);
        let mut chosen: Vec<String> = Vec::new();
        let usable = |candidate: &str, taken: &HashSet<String>, strict: bool| {
            let len = candidate.chars().count();
            let key = option_key(candidate);
            !(candidate.trim().is_empty()
                || len > MAX_OPTION_CHARS
                || taken.contains(&key)
                || self.forbidden.contains(&key)
                || (strict && !similar_length(right_len, len)))
        };
        // Words the stem shares with the right option: some distractor should share each of
        // them too, or the wording would point at the answer.
        let right_words = text::word_set(&self.right);
        for word in text::telling_words(&self.stem) {
            if chosen.len() == 3
                || !right_words.contains(&word)
                || chosen.iter().any(|c| text::word_set(c).contains(&word))
            {
                continue;
            }
            // Any length will do here: one short distractor is no length giveaway.
            let sharing = [true, false].into_iter().find_map(|strict| {
                ranked
                    .iter()
                    .map(|&(_, index)| &self.pool[index].0)
                    .find(|c| usable(c, &taken, strict) && text::word_set(c).contains(&word))
            });
            if let Some(candidate) = sharing {
                taken.insert(option_key(candidate));
                chosen.push(candidate.clone());
            }
        }
        // Then the best-ranked of similar length, then (if too few) any.
        for strict in [true, false] {
            for &(_, index) in &ranked {
                if chosen.len() == 3 {
                    break;
                }
                let candidate = &self.pool[index].0;
                if usable(candidate, &taken, strict) {
                    taken.insert(option_key(candidate));
                    chosen.push(candidate.clone());
                }
            }
        }
        if chosen.len() < 3 {
            return None;
        }
        let correct = rng.below(4);
        chosen.insert(correct, self.right.clone());
        Some(ChoiceQuestion {
            id: self.id.clone(),
            card: self.card,
            form: self.form,
            stem: self.stem.clone(),
            options: chosen,
            correct,
        })
    }
}
