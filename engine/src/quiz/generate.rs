//! The question forms: how each kind of card becomes multiple-choice questions.
//!
//! Every form follows the same recipe: a stem, the right option, and a pool of candidate
//! distractors of the same kind (heads with heads, sentences with sentences), each tagged
//! with a family rank (0 = closest: same list, same question, same section). [`Draft`] then
//! picks three distractors that are of similar length and shape, preferring closer families
//! and making sure any word the stem shares with the right option is shared by a distractor
//! too, places the right option at a seeded position and keeps the result only if
//! [`check_question`] accepts it.

use std::collections::HashSet;
use std::ops::RangeInclusive;

use super::cues::telling_words;
use super::mask::{MaskKeys, mask_phrases};
use super::{
    ChoiceQuestion, LENGTH_SLACK, MAX_LONGER, MAX_OPTION_CHARS, MIN_SHORTER, QuestionForm,
    check_question, option_key,
};
use crate::content::{Card, CardKind, Deck, ListKind};
use crate::rng::Rng;
use crate::text::{self, Label};

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

/// What question generation derives from a deck, computed once: each question card's
/// labels, masked label details and masked lead sentences, ready to serve as distractors for
/// every other card. Build one per deck and ask it about many cards; the free functions
/// [`super::choice_questions_for`] and [`super::choice_quiz`] build one per call.
pub struct ChoiceBank<'d> {
    deck: &'d Deck,
    /// Per card; `None` for cards that are not questions.
    questions: Vec<Option<QuestionData>>,
}

/// A question card's material.
struct QuestionData {
    labels: Vec<Label>,
    /// Each label's name as an option, and its stemmed words.
    label_names: Vec<(Candidate, Vec<String>)>,
    /// Each label's masked detail (tagged with the label's name), if usable.
    label_details: Vec<Option<Candidate>>,
    /// The usable masked lead sentences, the first also as a candidate.
    leads: Vec<String>,
    lead: Option<Candidate>,
    /// The answer's stemmed words, to spot labels it mentions.
    answer_words: Vec<String>,
}

impl QuestionData {
    fn new(card: &Card) -> Self {
        let labels = text::labels(&card.answer);
        let leads = masked_leads(card);
        let label_keys = MaskKeys::of(&card.prompt);
        Self {
            label_names: labels
                .iter()
                .map(|label| (Candidate::new(label.name.clone()), norms(&label.name)))
                .collect(),
            label_details: labels
                .iter()
                .map(|label| {
                    let detail = masked_label_detail(&label_keys, label)?;
                    let mut candidate = Candidate::new(detail);
                    candidate.tag = option_key(&label.name);
                    Some(candidate)
                })
                .collect(),
            lead: leads.first().cloned().map(Candidate::new),
            leads,
            labels,
            answer_words: norms(&text::strip_inline(&card.answer)),
        }
    }
}

impl<'d> ChoiceBank<'d> {
    pub fn new(deck: &'d Deck) -> Self {
        let questions = deck
            .cards
            .iter()
            .map(|card| is_question(&card.kind).then(|| QuestionData::new(card)))
            .collect();
        Self { deck, questions }
    }

    /// See [`super::choice_questions_for`].
    pub fn questions_for(&self, card: usize, seed: u64) -> Vec<ChoiceQuestion> {
        let Some(this) = self.deck.cards.get(card) else {
            return Vec::new();
        };
        let ctx = Ctx {
            deck: self.deck,
            bank: self,
            card,
            this,
        };
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
}

/// The card being asked about, with its deck.
struct Ctx<'a> {
    deck: &'a Deck,
    bank: &'a ChoiceBank<'a>,
    card: usize,
    this: &'a Card,
}

impl Ctx<'_> {
    fn draft<'p>(
        &self,
        form: QuestionForm,
        stem: String,
        right: String,
        pool: Vec<(&'p Candidate, u8)>,
    ) -> Draft<'p> {
        Draft {
            form,
            card: self.card,
            id: format!("{}:{}", form.as_str(), self.this.id),
            stem,
            right,
            pool,
            forbidden: HashSet::new(),
            skip_tag: String::new(),
        }
    }

    /// The other cards of a kind, with their family rank: 0 in the same section, 1 elsewhere.
    fn others(&self, wanted: fn(&CardKind) -> bool) -> impl Iterator<Item = (usize, &Card, u8)> {
        let section = self.this.section;
        self.deck
            .cards
            .iter()
            .enumerate()
            .filter(move |(i, card)| *i != self.card && wanted(&card.kind))
            .map(move |(i, card)| (i, card, u8::from(card.section != section)))
    }

    /// The other question cards' material, with family rank.
    fn other_questions(&self) -> impl Iterator<Item = (&QuestionData, u8)> {
        self.others(is_question)
            .filter_map(|(index, _, family)| Some((self.bank.questions[index].as_ref()?, family)))
    }

    fn own_question(&self) -> Option<&QuestionData> {
        self.bank.questions.get(self.card)?.as_ref()
    }

    fn term_for_definition(&self, rng: &mut Rng) -> Option<ChoiceQuestion> {
        if self.this.kind != CardKind::Definition {
            return None;
        }
        let sentence = masked_definition(self.this, &MaskKeys::default())?;
        let stem = format!("Which term matches this definition? “{sentence}”");
        let candidates: Vec<(Candidate, u8)> = self
            .others(is_definition)
            .map(|(_, other, family)| (Candidate::new(bare_term(other)), family))
            .collect();
        let right = bare_term(self.this);
        self.draft(
            QuestionForm::TermForDefinition,
            stem,
            right,
            refs(&candidates),
        )
        .assemble(rng)
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
        let candidates: Vec<(Candidate, u8)> = self
            .others(is_definition)
            .filter_map(|(_, other, family)| {
                Some((Candidate::new(masked_definition(other, &asked)?), family))
            })
            .collect();
        self.draft(
            QuestionForm::DefinitionForTerm,
            stem,
            right,
            refs(&candidates),
        )
        .assemble(rng)
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
        let candidates = self.list_candidates(subject, opposite);
        let right = self.this.prompt.clone();
        let mut draft = self.draft(
            QuestionForm::OneLinerPolarity,
            stem,
            right,
            refs(&candidates),
        );
        // A head in both lists ("Template System") must never be a distractor.
        draft.forbid(self.list_prompts(subject, kind));
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
        let candidates = self.list_candidates(subject, kind);
        let right = self.this.prompt.clone();
        self.draft(QuestionForm::OneLinerDetail, stem, right, refs(&candidates))
            .assemble(rng)
    }

    fn guide_verdict(&self, rng: &mut Rng) -> Option<ChoiceQuestion> {
        let (subject, kind) = self.list_of(is_guide_item)?;
        let (verb, opposite) = match kind {
            ListKind::ChooseWhen => ("choose", ListKind::AvoidWhen),
            ListKind::AvoidWhen => ("avoid", ListKind::ChooseWhen),
            ListKind::Advantages | ListKind::Disadvantages => return None,
        };
        let stem = format!("When should you {verb} {subject}?");
        let candidates = self.list_candidates(subject, opposite);
        let right = self.this.prompt.clone();
        let mut draft = self.draft(QuestionForm::GuideVerdict, stem, right, refs(&candidates));
        draft.forbid(self.list_prompts(subject, kind));
        draft.assemble(rng)
    }

    fn answer_item(&self, rng: &mut Rng) -> Option<ChoiceQuestion> {
        let own = self.own_question()?;
        // Recognising the prompt's own words ("Permissions" for "... authentication and
        // permissions?") tests nothing.
        let prompt_words = text::word_set(&self.this.prompt);
        let mut labels: Vec<&Label> = own
            .labels
            .iter()
            .zip(&own.label_names)
            .filter(|(_, (_, words))| !words.iter().all(|word| prompt_words.contains(word)))
            .map(|(label, _)| label)
            .collect();
        if labels.is_empty() {
            return None;
        }
        let stem = format!(
            "Which of these belongs in the answer to “{}”?",
            self.this.prompt.trim_end_matches('?')
        );
        // A label this answer also mentions ("Throttling" for the throttling question) would
        // be a second right option.
        let pool: Vec<(&Candidate, u8)> = self
            .other_questions()
            .flat_map(|(other, family)| other.label_names.iter().map(move |name| (name, family)))
            .filter(|((_, words), _)| !contains_run(&own.answer_words, words))
            .map(|((candidate, _), family)| (candidate, family))
            .collect();
        rng.shuffle(&mut labels);
        labels.into_iter().find_map(|label| {
            let right = label.name.clone();
            let mut draft = self.draft(QuestionForm::AnswerItem, stem.clone(), right, pool.clone());
            draft.forbid(own.labels.iter().map(|label| label.name.clone()));
            draft.assemble(rng)
        })
    }

    fn label_detail(&self, rng: &mut Rng) -> Option<ChoiceQuestion> {
        let own = self.own_question()?;
        let mut asked: Vec<(&Label, &Candidate)> = own
            .labels
            .iter()
            .zip(&own.label_details)
            .filter_map(|(label, detail)| Some((label, detail.as_ref()?)))
            .collect();
        if asked.is_empty() {
            return None;
        }
        rng.shuffle(&mut asked);
        let prompt = self.this.prompt.trim_end_matches('?');
        // This answer's other labels first, then the same section's, then the rest.
        let siblings = own.label_details.iter().flatten().map(|detail| (detail, 0));
        let rest = self.other_questions().flat_map(|(other, family)| {
            other
                .label_details
                .iter()
                .flatten()
                .map(move |detail| (detail, family + 1))
        });
        let pool: Vec<(&Candidate, u8)> = siblings.chain(rest).collect();
        asked.into_iter().find_map(|(label, detail)| {
            let stem = format!(
                "In the answer to “{prompt}”, which describes {}?",
                label.name
            );
            let right = detail.text.clone();
            let mut draft = self.draft(QuestionForm::LabelDetail, stem, right, pool.clone());
            // The same label in another answer ("Scalability") describes the same thing.
            draft.skip_tag.clone_from(&detail.tag);
            draft.assemble(rng)
        })
    }

    fn short_answer(&self, rng: &mut Rng) -> Option<ChoiceQuestion> {
        let own = self.own_question()?;
        let pool: Vec<(&Candidate, u8)> = self
            .other_questions()
            .filter_map(|(other, family)| Some((other.lead.as_ref()?, family)))
            .collect();
        // The first sentence, or the next one when the first is too thin once masked
        // ("Use ___ APITestCase or APIClient for ___").
        own.leads.iter().find_map(|right| {
            let stem = self.this.prompt.clone();
            self.draft(QuestionForm::ShortAnswer, stem, right.clone(), pool.clone())
                .assemble(rng)
        })
    }

    /// The prompts of a subject's lists of a kind, as candidates of family 0.
    fn list_candidates(&self, subject: &str, kind: ListKind) -> Vec<(Candidate, u8)> {
        self.list_prompts(subject, kind)
            .into_iter()
            .map(|prompt| (Candidate::new(prompt), 0))
            .collect()
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
    let masked = extra.mask(&mask_phrases(&sentence, &phrases));
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

/// Borrows owned candidates as a pool.
fn refs(candidates: &[(Candidate, u8)]) -> Vec<(&Candidate, u8)> {
    candidates
        .iter()
        .map(|(candidate, family)| (candidate, *family))
        .collect()
}

/// A label's detail with the label's and its question's key terms (`prompt_keys`) blanked,
/// if enough is left.
fn masked_label_detail(prompt_keys: &MaskKeys, label: &Label) -> Option<String> {
    if label.detail.chars().count() < LABEL_DETAIL_MIN_CHARS {
        return None;
    }
    let mut keys = prompt_keys.clone();
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

/// A possible distractor, with what ranking needs computed once.
#[derive(Debug, Clone)]
struct Candidate {
    text: String,
    /// What the candidate is about, when that can clash with the question (a label name).
    tag: String,
    key: String,
    chars: usize,
    shape: (Kind, bool),
    words: HashSet<String>,
}

impl Candidate {
    fn new(text: String) -> Self {
        Self {
            key: option_key(&text),
            chars: text.chars().count(),
            shape: shape(&text),
            words: text::word_set(&text),
            text,
            tag: String::new(),
        }
    }
}

/// A question being assembled.
struct Draft<'p> {
    form: QuestionForm,
    card: usize,
    id: String,
    stem: String,
    right: String,
    /// Candidate distractors with their family rank: lower is preferred (same list, same
    /// question, same section).
    pool: Vec<(&'p Candidate, u8)>,
    /// Option keys that may not be distractors because they would also be right.
    forbidden: HashSet<String>,
    /// Candidates with this tag may not be distractors (when not empty).
    skip_tag: String,
}

impl Draft<'_> {
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
        let mut ranked: Vec<(usize, &Candidate)> = self
            .pool
            .iter()
            .map(|&(candidate, family)| {
                let mut score = candidate.chars.abs_diff(right_len);
                if candidate.shape.0 != right_shape.0 {
                    score += KIND_WEIGHT;
                }
                if candidate.shape.1 != right_shape.1 {
                    score += BLANK_WEIGHT;
                }
                if attempt < 2 {
                    score += usize::from(family) * FAMILY_WEIGHT;
                }
                score += rng.below(jitter + 1);
                (score, candidate)
            })
            .collect();
        ranked.sort_by_key(|(score, _)| *score);

        let mut taken: HashSet<&str> = HashSet::new();
        let right_key = option_key(&self.right);
        taken.insert(&right_key);
        let mut chosen: Vec<&Candidate> = Vec::new();
        let usable = |candidate: &Candidate, taken: &HashSet<&str>, strict: bool| {
            !(candidate.text.trim().is_empty()
                || candidate.chars > MAX_OPTION_CHARS
                || taken.contains(candidate.key.as_str())
                || self.forbidden.contains(&candidate.key)
                || (!self.skip_tag.is_empty() && candidate.tag == self.skip_tag)
                || (strict && !similar_length(right_len, candidate.chars)))
        };
        // Words the stem shares with the right option: some distractor should share each of
        // them too, or the wording would point at the answer.
        let right_words = text::word_set(&self.right);
        for word in telling_words(&self.stem) {
            if chosen.len() == 3
                || !right_words.contains(&word)
                || chosen.iter().any(|c| c.words.contains(&word))
            {
                continue;
            }
            // Any length will do here: one short distractor is no length giveaway.
            let sharing = [true, false].into_iter().find_map(|strict| {
                ranked
                    .iter()
                    .map(|(_, candidate)| *candidate)
                    .find(|c| usable(c, &taken, strict) && c.words.contains(&word))
            });
            if let Some(candidate) = sharing {
                taken.insert(&candidate.key);
                chosen.push(candidate);
            }
        }
        // Then the best-ranked of similar length, then (if too few) any.
        for strict in [true, false] {
            for (_, candidate) in &ranked {
                if chosen.len() == 3 {
                    break;
                }
                if usable(candidate, &taken, strict) {
                    taken.insert(&candidate.key);
                    chosen.push(candidate);
                }
            }
        }
        let mut chosen: Vec<String> = chosen.into_iter().map(|c| c.text.clone()).collect();
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
