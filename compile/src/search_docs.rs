//! Search documents and the acronyms a deck spells out, from a parsed deck at compile time:
//! the markdown is gone after.

use std::collections::HashSet;

use prep_engine::content::{CardKind, Deck};
use prep_engine::search::SearchDoc;
use prep_engine::text;

/// Every acronym the deck spells out, in the order it first does, with its expansion as
/// written: ("CORS", "Cross-Origin Resource Sharing"). An acronym counts where a card uses it
/// and also spells out a run of words with its initials. What search's `Acronyms` is built from.
pub fn deck_acronyms(deck: &Deck) -> Vec<(String, String)> {
    let mut expansions: Vec<(String, String)> = Vec::new();
    for card in &deck.cards {
        let body = format!("{}.\n{}", card.prompt, text::strip_inline(&card.answer));
        let tokens = text::tokens(&body);
        let acronyms: HashSet<String> = tokens
            .iter()
            .filter(|token| token.is_acronym())
            .map(|token| acronym_key(token.core))
            .collect();
        for (initials, (start, end)) in text::run_initials(&body, &tokens) {
            let key = initials.to_uppercase();
            if acronyms.contains(&key) && !expansions.iter().any(|(k, _)| *k == key) {
                expansions.push((key, body[start..end].to_owned()));
            }
        }
    }
    expansions
}

/// "APIs" -> "API".
fn acronym_key(acronym: &str) -> String {
    match acronym.strip_suffix('s') {
        Some(stem) if stem.chars().last().is_some_and(char::is_uppercase) => stem.to_uppercase(),
        _ => acronym.to_uppercase(),
    }
}

/// The search documents of a parsed deck (answers still in markdown), one per card, in deck
/// order. Compile-time only: a compiled deck has no markdown left.
pub fn documents(deck: &Deck) -> Vec<SearchDoc> {
    deck.cards
        .iter()
        .map(|card| {
            let section = &deck.sections[card.section].title;
            let context = match card.kind {
                CardKind::OneLiner { list } | CardKind::GuideItem { list }
                    if deck.lists[list].title != *section =>
                {
                    format!("{section} · {}", deck.lists[list].title)
                }
                CardKind::OneLiner { .. } | CardKind::GuideItem { .. } => section.clone(),
                CardKind::Question { .. } | CardKind::Definition => section.clone(),
            };
            SearchDoc {
                title: text::strip_inline(&card.prompt),
                context: text::strip_inline(&context),
                labels: text::labels(&card.answer)
                    .into_iter()
                    .map(|label| label.name)
                    .collect::<Vec<_>>()
                    .join("\n"),
                text: plain_text(&card.answer),
            }
        })
        .collect()
}

/// Markdown source as plain lines: code fences, table rules and heading or list markers
/// dropped, table cells separated by " · ", inline marks and escapes undone.
fn plain_text(markdown: &str) -> String {
    markdown
        .lines()
        .filter_map(|line| {
            let line = line.trim();
            if line.starts_with("```") || line.starts_with("~~~") || is_table_rule(line) {
                return None;
            }
            let line = line.trim_start_matches('#').trim_start();
            let line = strip_list_marker(line);
            let line = if line.starts_with('|') {
                line.trim_matches('|')
                    .split('|')
                    .map(str::trim)
                    .collect::<Vec<_>>()
                    .join(" · ")
            } else {
                line.to_owned()
            };
            let line = text::strip_inline(&line);
            (!line.trim().is_empty()).then(|| line.trim().to_owned())
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `|---|:--:|`: a table's header rule.
fn is_table_rule(line: &str) -> bool {
    line.starts_with('|') && line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// `- item`, `* item`, `1. item` -> `item`.
fn strip_list_marker(line: &str) -> &str {
    if let Some(rest) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
        return rest;
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0
        && let Some(rest) = line[digits..].strip_prefix(". ")
    {
        return rest;
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_drops_markup() {
        let markdown = "**PEP 8**: Style\n\n```python\nx = 1\n```\n| A | B |\n|---|---|\n| `a_b` | c |\n1. First\n- \\_\\_init\\_\\_.py";
        assert_eq!(
            plain_text(markdown),
            "PEP 8: Style\nx = 1\nA · B\na_b · c\nFirst\n__init__.py"
        );
    }
}
