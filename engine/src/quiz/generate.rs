//! The question forms: how each kind of card becomes multiple-choice questions.
//!
//! Every form follows the same recipe: a stem, the right option, and a pool of candidate
//! distractors of the same kind drawn from the same topic (heads with heads, details with
//! details, concepts with concepts; the same list or the same section only), each tagged with
//! a family rank (0 = closest: same list or same answer). [`Draft`] ranks the pool by
//! likeness to the right option, places the right option at a seeded position and tries
//! distractor triples from the best-ranked on until one passes both [`check_question`] and
//! [`check_topic`]; when none does, the card simply has no question of that form.

use std::collections::{HashMap, HashSet};

use super::check::{CUES, length};
use super::cues::{OptionKind, option_kind};
use super::mask::{MaskKeys, mask_phrases};
use super::{
    ChoiceQuestion, MAX_OPTION_CHARS, QuestionForm, check_question, check_topic, option_key,
};
use crate::content::{Card, CardKind, Deck, ListKind};
use crate::order;
use crate::rng::Rng;
use crate::text::concept::{Concept, MAX_DESCRIPTION_CHARS};
use crate::text::{self, Label};

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
/// Label details need this many meaningful words ("Test cases" says little).
const LABEL_DETAIL_MIN_WORDS: usize = 2;
/// Only the best-ranked candidates are combined into distractor triples...
const MAX_POOL: usize = 24;
/// ...and at most this many triples are tried before the form gives up on the card.
const MAX_TRIES: usize = 2_500;

/// What question generation derives from a deck, computed once: each question card's
/// labels, label details and concept, and the one-liner heads that appear in more
/// than one list. Build one per deck and ask it about many cards; the free functions
/// [`super::choice_questions_for`] and [`super::choice_quiz`] build one per call.
pub struct ChoiceBank<'d> {
    deck: &'d Deck,
    /// Per card; `None` for cards that are not questions.
    questions: Vec<Option<QuestionData>>,
    /// Option keys of one-liner heads found in two or more lists ("Template System" is a
    /// Django advantage and a disadvantage; "Learning Curve" an ORM and a Django one): what
    /// they mean depends on the list, so they are neither asked nor offered.
    shared_heads: HashSet<String>,
}

/// A question card's material.
struct QuestionData {
    labels: Vec<Label>,
    /// Each label's masked detail (tagged with the label's name), if usable.
    label_details: Vec<Option<Candidate>>,
    /// What the question asks about, if it names a concept, as an option.
    concept: Option<(Concept, Candidate)>,
}

impl QuestionData {
    fn new(index: usize, card: &Card) -> Self {
        let labels = text::labels(&card.answer);
        let concept = Concept::of(&card.prompt).map(|concept| {
            let candidate = Candidate::new(concept.display(), index);
            (concept, candidate)
        });
        Self {
            label_details: labels
                .iter()
                .map(|label| {
                    let detail = label_detail_option(label)?;
                    let mut candidate = Candidate::new(detail, index);
                    candidate.tag = option_key(&label.name);
                    Some(candidate)
                })
                .collect(),
            labels,
            concept,
        }
    }
}

impl<'d> ChoiceBank<'d> {
    pub fn new(deck: &'d Deck) -> Self {
        let questions = deck
            .cards
            .iter()
            .enumerate()
            .map(|(index, card)| is_question(&card.kind).then(|| QuestionData::new(index, card)))
            .collect();
        let mut lists_per_head: HashMap<String, HashSet<usize>> = HashMap::new();
        for card in &deck.cards {
            if let CardKind::OneLiner { list } = card.kind {
                lists_per_head
                    .entry(option_key(&card.prompt))
                    .or_default()
                    .insert(list);
            }
        }
        let shared_heads = lists_per_head
            .into_iter()
            .filter(|(_, lists)| lists.len() > 1)
            .map(|(head, _)| head)
            .collect();
        Self {
            deck,
            questions,
            shared_heads,
        }
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
                    QuestionForm::OneLinerDetail => ctx.one_liner_detail(&mut rng),
                    QuestionForm::GuideVerdict => ctx.guide_verdict(&mut rng),
                    QuestionForm::LabelDetail => ctx.label_detail(&mut rng),
                    QuestionForm::ConceptForDescription => ctx.concept_for_description(&mut rng),
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

    /// The other cards of a kind in this card's section: distractors never come from
    /// another topic.
    fn neighbours(&self, wanted: fn(&CardKind) -> bool) -> impl Iterator<Item = (usize, &Card)> {
        let section = self.this.section;
        self.deck.cards.iter().enumerate().filter(move |(i, card)| {
            *i != self.card && card.section == section && wanted(&card.kind)
        })
    }

    /// The other question cards of this section, with their material.
    fn neighbour_questions(&self) -> impl Iterator<Item = &QuestionData> {
        self.neighbours(is_question)
            .filter_map(|(index, _)| self.bank.questions[index].as_ref())
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
            .neighbours(is_definition)
            .map(|(index, other)| (Candidate::new(bare_term(other), index), 0))
            .collect();
        let right = bare_term(self.this);
        self.draft(
            QuestionForm::TermForDefinition,
            stem,
            right,
            refs(&candidates),
        )
        .assemble(self.deck, rng)
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
            .neighbours(is_definition)
            .filter_map(|(index, other)| {
                Some((Candidate::new(masked_definition(other, &asked)?, index), 0))
            })
            .collect();
        self.draft(
            QuestionForm::DefinitionForTerm,
            stem,
            right,
            refs(&candidates),
        )
        .assemble(self.deck, rng)
    }

    /// "In ORM's advantages, what does “Database Independence” mean?" among the details of
    /// the same list. Siblings whose head shares a word with the asked head ("Complex Query
    /// Limitations" and "Database Feature Limitations") could both fit, so they are left
    /// out; heads in several lists are not asked at all.
    fn one_liner_detail(&self, rng: &mut Rng) -> Option<ChoiceQuestion> {
        let (subject, kind) = self.list_of(is_one_liner)?;
        let head = &self.this.prompt;
        if self.bank.shared_heads.contains(&option_key(head)) {
            return None;
        }
        let noun = match kind {
            ListKind::Advantages => "advantages",
            ListKind::Disadvantages => "disadvantages",
            ListKind::ChooseWhen | ListKind::AvoidWhen => return None,
        };
        let right = one_liner_detail(self.this);
        let head_words = significant_words(head);
        let right_words = significant_words(&right);
        // A sibling could fit too when its head shares a word with the asked head, its
        // detail with the asked head ("More complex than lightweight alternatives" for
        // "Deployment Complexity"), or its head with the right detail.
        let candidates: Vec<(Candidate, u8)> = self
            .deck
            .cards_in_list(self.this.list()?)
            .filter(|(index, other)| {
                let other_head = significant_words(&other.prompt);
                *index != self.card
                    && !self.bank.shared_heads.contains(&option_key(&other.prompt))
                    && !share_any(&other_head, &head_words)
                    && !share_any(&significant_words(&one_liner_detail(other)), &head_words)
                    && !share_any(&other_head, &right_words)
            })
            .map(|(index, other)| {
                let mut candidate = Candidate::new(one_liner_detail(other), index);
                candidate.confusable = significant_words(&other.prompt);
                (candidate, 0)
            })
            .collect();
        let stem = format!("In {subject}'s {noun}, what does “{head}” mean?");
        self.draft(QuestionForm::OneLinerDetail, stem, right, refs(&candidates))
            .assemble(self.deck, rng)
    }

    fn guide_verdict(&self, rng: &mut Rng) -> Option<ChoiceQuestion> {
        let (subject, kind) = self.list_of(is_guide_item)?;
        let (verb, opposite) = match kind {
            ListKind::ChooseWhen => ("choose", ListKind::AvoidWhen),
            ListKind::AvoidWhen => ("avoid", ListKind::ChooseWhen),
            ListKind::Advantages | ListKind::Disadvantages => return None,
        };
        let stem = format!("When should you {verb} {subject}?");
        let candidates: Vec<(Candidate, u8)> = self
            .list_cards(subject, opposite)
            .into_iter()
            .map(|(index, card)| (Candidate::new(card.prompt.clone(), index), 0))
            .collect();
        let right = self.this.prompt.clone();
        let mut draft = self.draft(QuestionForm::GuideVerdict, stem, right, refs(&candidates));
        draft.forbid(
            self.list_cards(subject, kind)
                .into_iter()
                .map(|(_, card)| card.prompt.clone()),
        );
        draft.assemble(self.deck, rng)
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
        // Only this answer's other labels: another answer's details are of another kind
        // ("Rolling time window" among HTTP status classes, a command among benefits).
        let pool: Vec<(&Candidate, u8)> = own
            .label_details
            .iter()
            .flatten()
            .map(|detail| (detail, 0))
            .collect();
        asked.into_iter().find_map(|(label, detail)| {
            let stem = format!(
                "In the answer to “{prompt}”, which describes {}?",
                label.name
            );
            let right = detail.text.clone();
            let mut draft = self.draft(QuestionForm::LabelDetail, stem, right, pool.clone());
            // The same label in another answer ("Scalability") describes the same thing.
            draft.skip_tag.clone_from(&detail.tag);
            draft.assemble(self.deck, rng)
        })
    }

    /// "What prevents cascading failures by …?" among the concepts other questions of the
    /// section ask about. Only when the answer's lead sentence opens with the concept, so
    /// the stem is the answer's own description of it.
    fn concept_for_description(&self, rng: &mut Rng) -> Option<ChoiceQuestion> {
        let own = self.own_question()?;
        let (concept, right) = own.concept.as_ref()?;
        let lead = text::lead_sentence(&self.this.answer)?;
        let stem = concept
            .opening(&lead, false)?
            .which(MAX_DESCRIPTION_CHARS)?;
        let pool: Vec<(&Candidate, u8)> = self
            .neighbour_questions()
            .filter_map(|other| Some((&other.concept.as_ref()?.1, 0)))
            .collect();
        self.draft(
            QuestionForm::ConceptForDescription,
            stem,
            right.text.clone(),
            pool,
        )
        .assemble(self.deck, rng)
    }

    /// The subject and kind of this card's list, if it is of the wanted card kind.
    fn list_of(&self, wanted: fn(&CardKind) -> bool) -> Option<(&str, ListKind)> {
        if !wanted(&self.this.kind) {
            return None;
        }
        let list = self.deck.lists.get(self.this.list()?)?;
        Some((list.subject.as_str(), list.kind))
    }

    /// Every card in the lists of a subject (any case) and kind, with its index.
    fn list_cards(&self, subject: &str, kind: ListKind) -> Vec<(usize, &Card)> {
        self.deck
            .cards
            .iter()
            .enumerate()
            .filter(|(_, card)| {
                card.list()
                    .and_then(|list| self.deck.lists.get(list))
                    .is_some_and(|list| {
                        list.kind == kind && list.subject.eq_ignore_ascii_case(subject)
                    })
            })
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

/// A one-liner's detail as plain text.
fn one_liner_detail(card: &Card) -> String {
    text::strip_inline(&card.answer).trim().to_owned()
}

/// The stemmed words of a head or prompt that mean something ("limitation", "system"), to
/// tell siblings that could be confused with it.
fn significant_words(head: &str) -> HashSet<String> {
    text::tokens(head)
        .iter()
        .filter(|token| token.is_significant(4))
        .map(text::Token::norm)
        .collect()
}

/// Whether two word sets share a word or a root ("complexity" and "complex").
fn share_any(a: &HashSet<String>, b: &HashSet<String>) -> bool {
    a.iter().any(|x| b.iter().any(|y| text::share_root(x, y)))
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

/// Borrows owned candidates as a pool.
fn refs(candidates: &[(Candidate, u8)]) -> Vec<(&Candidate, u8)> {
    candidates
        .iter()
        .map(|(candidate, family)| (candidate, *family))
        .collect()
}

/// A label's detail as an option, if it says enough. Not masked: its distractors are its
/// siblings in the same answer, which share the question's words as much as it does, so
/// the echo rule catches a detail repeating its own label ("Teams can develop…" for "Team
/// autonomy") without blanks that would make siblings vague enough to fit any label.
fn label_detail_option(label: &Label) -> Option<String> {
    (label.detail.chars().count() >= LABEL_DETAIL_MIN_CHARS
        && substantial(&label.detail, LABEL_DETAIL_MIN_WORDS))
    .then(|| label.detail.clone())
}

/// Whether a masked text still says something: at least `words` meaningful words.
fn substantial(masked: &str, words: usize) -> bool {
    text::tokens(masked)
        .iter()
        .filter(|token| token.is_significant(3))
        .count()
        >= words
}

/// An option's kind and whether it has a blank.
fn shape(option: &str) -> (OptionKind, bool) {
    (option_kind(option), option.contains("___"))
}

/// A possible distractor, with what ranking needs computed once.
#[derive(Debug, Clone)]
struct Candidate {
    text: String,
    /// The card it was taken from: [`ChoiceQuestion::option_cards`].
    card: usize,
    /// What the candidate is about, when that can clash with the question (a label name).
    tag: String,
    /// Words of what the candidate is about (a one-liner's head): two candidates sharing one
    /// ("Complex Query Limitations", "Database Feature Limitations") are never offered
    /// together, since either could be meant.
    confusable: HashSet<String>,
    key: String,
    chars: usize,
    shape: (OptionKind, bool),
}

impl Candidate {
    fn new(text: String, card: usize) -> Self {
        Self {
            key: option_key(&text),
            chars: text.chars().count(),
            shape: shape(&text),
            text,
            card,
            tag: String::new(),
            confusable: HashSet::new(),
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
    /// answer).
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

    /// The question, if some triple of distractors passes [`check_question`] and
    /// [`check_topic`]. Candidates are ranked by kind, family, blank and length (with a
    /// seeded jitter of about a quarter of the length, so seeds vary the distractors among
    /// similar ones); triples are tried best-ranked first.
    fn assemble(&self, deck: &Deck, rng: &mut Rng) -> Option<ChoiceQuestion> {
        if self.right.trim().is_empty() || self.right.chars().count() > MAX_OPTION_CHARS {
            return None;
        }
        let right_len = self.right.chars().count();
        let right_shape = shape(&self.right);
        let right_key = option_key(&self.right);
        let jitter = (right_len / 4).max(4);
        let mut ranked: Vec<(usize, &Candidate)> = self
            .pool
            .iter()
            .filter(|(candidate, _)| {
                !(candidate.text.trim().is_empty()
                    || candidate.chars > MAX_OPTION_CHARS
                    || candidate.key == right_key
                    || self.forbidden.contains(&candidate.key)
                    || (!self.skip_tag.is_empty() && candidate.tag == self.skip_tag))
            })
            .map(|&(candidate, family)| {
                let mut score = candidate.chars.abs_diff(right_len);
                if candidate.shape.0 != right_shape.0 {
                    score += KIND_WEIGHT;
                }
                if candidate.shape.1 != right_shape.1 {
                    score += BLANK_WEIGHT;
                }
                score += usize::from(family) * FAMILY_WEIGHT;
                score += rng.below(jitter + 1);
                (score, candidate)
            })
            .collect();
        order::sort_by_key(&mut ranked, |(score, _)| *score);
        let mut seen = HashSet::new();
        let ranked: Vec<&Candidate> = ranked
            .into_iter()
            .map(|(_, candidate)| candidate)
            .filter(|candidate| seen.insert(candidate.key.as_str()))
            .take(MAX_POOL)
            .collect();
        let correct = rng.below(4);
        // The right option's features (see [`CUES`]): some distractor must share each.
        let needs: Vec<(usize, String)> = CUES
            .iter()
            .enumerate()
            .flat_map(|(rule, (_, cue))| {
                cue(&self.stem, &self.right)
                    .into_iter()
                    .map(move |feature| (rule, feature))
            })
            .collect();
        let covers: Vec<u64> = ranked
            .iter()
            .map(|candidate| {
                let features: Vec<Vec<String>> = CUES
                    .iter()
                    .map(|(_, cue)| cue(&self.stem, &candidate.text))
                    .collect();
                needs
                    .iter()
                    .enumerate()
                    .filter(|(_, (rule, feature))| features[*rule].contains(feature))
                    .fold(0u64, |mask, (bit, _)| mask | (1 << bit))
            })
            .collect();
        let all = if needs.len() >= 64 {
            u64::MAX
        } else {
            (1u64 << needs.len()) - 1
        };
        let confused =
            |a: usize, b: usize| !ranked[a].confusable.is_disjoint(&ranked[b].confusable);
        triples(ranked.len())
            .take(MAX_TRIES)
            .filter(|&[a, b, c]| covers[a] | covers[b] | covers[c] == all)
            .filter(|&[a, b, c]| !(confused(a, b) || confused(a, c) || confused(b, c)))
            .filter(|picked| {
                let texts: Vec<&str> = picked.iter().map(|&i| ranked[i].text.as_str()).collect();
                length(&self.right, &texts).is_ok()
            })
            .find_map(|picked| {
                let mut options: Vec<(String, usize)> = picked
                    .iter()
                    .map(|&i| (ranked[i].text.clone(), ranked[i].card))
                    .collect();
                options.insert(correct, (self.right.clone(), self.card));
                let (options, option_cards) = options.into_iter().unzip();
                let question = ChoiceQuestion {
                    id: self.id.clone(),
                    card: self.card,
                    form: self.form,
                    stem: self.stem.clone(),
                    options,
                    option_cards,
                    correct,
                };
                // The features decided; the full checks confirm.
                (check_question(&question).is_ok() && check_topic(deck, &question).is_ok())
                    .then_some(question)
            })
    }
}

/// Every `[a, b, c]` with `a < b < c < n`, in lexicographic order: the best-ranked first.
fn triples(n: usize) -> impl Iterator<Item = [usize; 3]> {
    (0..n).flat_map(move |a| (a + 1..n).flat_map(move |b| (b + 1..n).map(move |c| [a, b, c])))
}
