//! The inverted index: every term of every card, with its BM25F weight per card worked out
//! when the index is built, so answering a query only adds numbers up.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::SearchDoc;
use super::acronyms::Acronyms;
use super::words::{Word, words};
use crate::order;

/// How much a match in each field counts: a learner remembers the question or term, so a
/// match there says more than one in the section's name or deep in the answer.
const TITLE_WEIGHT: f32 = 3.0;
const CONTEXT_WEIGHT: f32 = 1.0;
const LABELS_WEIGHT: f32 = 1.0;
const TEXT_WEIGHT: f32 = 1.0;
/// The fields in index order, with their weights.
const FIELDS: usize = 4;
/// BM25's term-frequency saturation, at its usual value.
const K1: f32 = 1.2;
/// BM25's length normalisation per field (title, context, labels, text). Lower than the usual 0.75
/// for answers: a one-line answer and a page-long one sit in the same deck, and the long one
/// that names a term three times is about it more than the short one that lists it once.
const LENGTH_NORMALISATION: [f32; FIELDS] = [0.5, 0.75, 0.3, 0.3];

/// One card's weight for one term.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Posting {
    /// Index into the documents (= the deck's cards).
    pub doc: u32,
    /// BM25F score of the term in this card.
    pub score: f32,
}

/// What the index is built from, as the compiled deck carries it: one document per card and
/// the acronyms the deck spells out (`("CORS", "Cross-Origin Resource Sharing")`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchSource {
    pub docs: Vec<SearchDoc>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub acronyms: Vec<(String, String)>,
}

/// Everything search needs, built once from a [`SearchSource`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchIndex {
    pub(crate) docs: Vec<SearchDoc>,
    pub(crate) acronyms: Acronyms,
    /// Every term, sorted, so a prefix is a range.
    pub(crate) terms: Vec<String>,
    /// Per term (same order), the cards that have it, by card.
    pub(crate) postings: Vec<Vec<Posting>>,
    /// Per term (same order), how rare it is: BM25's inverse document frequency.
    idfs: Vec<f32>,
}

impl SearchIndex {
    /// Indexes the documents of `source` (one per card, in deck order), keeping them.
    pub fn new(source: SearchSource) -> Self {
        let SearchSource { docs, acronyms } = source;
        let acronyms = Acronyms::new(&acronyms);
        // Per term (by first appearance), per card (in order): count per field.
        let fields = [TITLE_WEIGHT, CONTEXT_WEIGHT, LABELS_WEIGHT, TEXT_WEIGHT];
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut counts: Vec<Vec<(u32, [f32; FIELDS])>> = Vec::new();
        let mut lengths: Vec<[f32; FIELDS]> = Vec::with_capacity(docs.len());
        // A section's title is every one of its cards' context: read it once.
        let mut contexts: HashMap<&str, (Vec<String>, f32)> = HashMap::new();
        for (doc, fields_text) in docs.iter().enumerate() {
            let doc = doc as u32;
            let mut length = [0.0; FIELDS];
            for (field, text) in [
                &fields_text.title,
                &fields_text.context,
                &fields_text.labels,
                &fields_text.text,
            ]
            .into_iter()
            .enumerate()
            {
                let read = || {
                    // A title keeps its function words: a half-remembered question's "each
                    // other" then tells two titles apart (see `Unit::bonus`).
                    let words = words(text);
                    let length = words.iter().filter(|word| !word.stop).count() as f32;
                    (field_terms(&words, &acronyms, field == 0), length)
                };
                let owned;
                let (terms, field_length) = if field == 1 {
                    let (terms, length) = contexts.entry(text.as_str()).or_insert_with(read);
                    (&*terms, *length)
                } else {
                    owned = read();
                    (&owned.0, owned.1)
                };
                length[field] = field_length;
                for term in terms {
                    let id = match ids.get(term.as_str()) {
                        Some(&id) => id,
                        None => {
                            ids.insert(term.clone(), counts.len());
                            counts.push(Vec::new());
                            counts.len() - 1
                        }
                    };
                    let per_doc = &mut counts[id];
                    if per_doc.last().is_none_or(|(last, _)| *last != doc) {
                        per_doc.push((doc, [0.0; FIELDS]));
                    }
                    if let Some((_, count)) = per_doc.last_mut() {
                        count[field] += 1.0;
                    }
                }
            }
            lengths.push(length);
        }
        let docs_count = docs.len().max(1) as f32;
        let mut average = [0.0f32; FIELDS];
        for length in &lengths {
            for field in 0..FIELDS {
                average[field] += length[field] / docs_count;
            }
        }
        let mut terms: Vec<(String, Vec<Posting>)> = ids
            .into_iter()
            .map(|(term, id)| {
                let per_doc = std::mem::take(&mut counts[id]);
                let idf = idf(docs.len(), per_doc.len());
                let postings = per_doc
                    .into_iter()
                    .map(|(doc, count)| {
                        let tf: f32 = (0..FIELDS)
                            .map(|field| {
                                let relative =
                                    lengths[doc as usize][field] / average[field].max(1.0);
                                let b = LENGTH_NORMALISATION[field];
                                fields[field] * count[field] / (1.0 - b + b * relative)
                            })
                            .sum();
                        Posting {
                            doc,
                            score: idf * tf * (K1 + 1.0) / (tf + K1),
                        }
                    })
                    .collect();
                (term, postings)
            })
            .collect();
        order::sort_by(&mut terms, |a, b| a.0.cmp(&b.0));
        let (terms, postings): (Vec<String>, Vec<Vec<Posting>>) = terms.into_iter().unzip();
        let idfs = postings
            .iter()
            .map(|postings| idf(docs.len(), postings.len()))
            .collect();
        Self {
            docs,
            acronyms,
            terms,
            postings,
            idfs,
        }
    }

    /// The documents, one per card.
    pub fn docs(&self) -> &[SearchDoc] {
        &self.docs
    }

    /// Position of a term, if indexed.
    pub(crate) fn term(&self, term: &str) -> Option<usize> {
        self.terms
            .binary_search_by(|probe| probe.as_str().cmp(term))
            .ok()
    }

    /// How rare a term is: BM25's inverse document frequency.
    pub(crate) fn idf(&self, term: usize) -> f32 {
        self.idfs[term]
    }

    /// Positions of the terms that start with `prefix`.
    pub(crate) fn with_prefix(&self, prefix: &str) -> std::ops::Range<usize> {
        let start = self.terms.partition_point(|term| term.as_str() < prefix);
        let len = self.terms[start..]
            .iter()
            .take_while(|term| term.starts_with(prefix))
            .count();
        start..start + len
    }
}

/// BM25's inverse document frequency of a term found in `with` of `docs` documents.
fn idf(docs: usize, with: usize) -> f32 {
    let (docs, with) = (docs as f32, with as f32);
    (1.0 + (docs - with + 0.5) / (with + 0.5)).ln()
}

/// The terms one field contributes: each word's norm, parts and written form, and an acronym wherever its
/// expansion is spelled out (so "jwt" finds a card that only says "JSON Web Token").
pub(crate) fn field_terms(words: &[Word], acronyms: &Acronyms, stopwords: bool) -> Vec<String> {
    let mut terms = Vec::with_capacity(words.len());
    for word in words.iter().filter(|word| stopwords || !word.stop) {
        terms.push(word.norm.clone());
        terms.extend(word.parts.iter().cloned());
        // The word as written too ("throttling" beside "throttl"): a word being typed is a
        // prefix of how it is written, not of its stem ("throttli", "categori").
        if word.typed != word.norm {
            terms.push(word.typed.clone());
        }
    }
    for (acronym, _) in acronyms.in_words(words) {
        terms.push(acronyms.get(acronym).short.clone());
    }
    terms
}
