//! A deck as Anki's "Notes in plain text" import file (Anki 2.1.55+), so a person can take the
//! deck to Anki and study it there.
//!
//! The file opens with header lines that tell Anki how to read it without asking: fields are
//! tab-separated, they hold HTML, the deck to import into, and which column holds tags. Each
//! card with an answer is one row: the prompt (escaped: the app shows it as text), the rendered
//! answer HTML as the app shows it, and tags naming its section and kind, so a person can
//! filter in Anki the way they filter here. Guide items are left out: their answer is their
//! list, which Anki has no place for.
//!
//! Fields follow Anki's CSV rules: one holding a tab, a line break or `"` is quoted, with `"`
//! doubled. An answer's line breaks are kept rather than replaced, since those inside `<pre>`
//! are part of the code.

use super::CompiledDeck;
use crate::content::CardKind;
use crate::text::escape_html;

/// Anki's "Notes in plain text" import file for `deck`, named `name` in Anki.
pub fn anki_export(deck: &CompiledDeck, name: &str) -> String {
    let name: String = name
        .chars()
        .map(|c| {
            if matches!(c, '\t' | '\n' | '\r') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let mut out = format!(
        "#separator:tab\n#html:true\n#deck:{}\n#tags column:3\n",
        name.trim()
    );
    let structure = deck.deck();
    for (index, card) in structure.cards.iter().enumerate() {
        let answer = deck.answer_html(index);
        let Some(kind) = kind_tag(card.kind) else {
            continue;
        };
        if answer.trim().is_empty() {
            continue;
        }
        let section = structure
            .sections
            .get(card.section)
            .map_or("", |section| section.id.as_str());
        let tags = format!("{section} {kind}");
        push_field(&mut out, &escape_html(&card.prompt));
        out.push('\t');
        push_field(&mut out, answer);
        out.push('\t');
        push_field(&mut out, tags.trim());
        out.push('\n');
    }
    out
}

/// The tag naming a card's kind (stable: a person's Anki filters refer to it), or `None` for a
/// kind that has no answer of its own.
fn kind_tag(kind: CardKind) -> Option<&'static str> {
    match kind {
        CardKind::Question { .. } => Some("interview-question"),
        CardKind::Definition => Some("definition"),
        CardKind::OneLiner { .. } => Some("one-liner"),
        CardKind::GuideItem { .. } => None,
    }
}

/// Appends `field`, quoted when a tab, line break or `"` in it would otherwise end it early.
fn push_field(out: &mut String, field: &str) {
    if field.contains(['\t', '\n', '\r', '"']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

#[cfg(test)]
mod tests {
    use super::push_field;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        let mut out = String::new();
        push_field(&mut out, "plain <b>html</b>");
        out.push('|');
        push_field(&mut out, "say \"hi\"\nthere");
        assert_eq!(out, "plain <b>html</b>|\"say \"\"hi\"\"\nthere\"");
    }
}
