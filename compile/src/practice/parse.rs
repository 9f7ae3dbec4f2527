//! Reads one practice file (`docs/practice-format.md`) line by line, so every problem names
//! its line. Structure only: whether an item is any good is [`super::lint`]'s job.

use super::{
    AuthoredItem, AuthoredMistake, ChoiceOption, ItemBody, Mistake, Practice, PracticeError,
};

/// A line of the file with its 1-based number.
type Line<'a> = (u32, &'a str);

/// Parses one file. `file` labels errors. Never panics, whatever the input.
pub fn parse_practice(file: &str, text: &str) -> Result<Practice, Vec<PracticeError>> {
    let mut reader = Reader {
        file,
        practice: Practice::default(),
        errors: Vec::new(),
    };
    let mut card: Option<String> = None;
    let mut seen_cards: Vec<String> = Vec::new();
    let mut block: Option<(u32, String, Vec<Line>)> = None;
    let mut in_comment = false;
    for (index, raw) in text.lines().enumerate() {
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let line = raw.trim_end();
        if in_comment || line.trim_start().starts_with("<!--") {
            in_comment = !line.contains("-->");
            continue;
        }
        if let Some(id) = line.strip_prefix("## ") {
            reader.finish(card.as_deref(), block.take());
            let id = id.trim().to_owned();
            if seen_cards.contains(&id) {
                reader.error(
                    number,
                    format!(
                        "card `{id}` has a second heading in this file; keep its items together"
                    ),
                );
            }
            seen_cards.push(id.clone());
            card = Some(id);
        } else if let Some(kind) = line.strip_prefix("### ") {
            reader.finish(card.as_deref(), block.take());
            if card.is_none() {
                reader.error(number, "an item before any `## <card id>` heading".into());
            }
            block = Some((number, kind.trim().to_lowercase(), Vec::new()));
        } else if line.starts_with("# ")
            || (line.starts_with('#') && line.trim_start_matches('#').starts_with(' '))
        {
            if line.starts_with("# ") {
                reader.finish(card.as_deref(), block.take());
                card = None;
            } else {
                reader.error(
                    number,
                    "only `#` title, `## <card id>` and `### <kind>` headings are allowed".into(),
                );
            }
        } else if let Some((_, _, lines)) = block.as_mut() {
            lines.push((number, raw));
        } else if !line.trim().is_empty() {
            reader.error(number, "text outside an item: start it with `### choice`, `### true or false`, `### fill-in` or `### mistake`".into());
        }
    }
    reader.finish(card.as_deref(), block.take());
    if reader.errors.is_empty() {
        Ok(reader.practice)
    } else {
        Err(reader.errors)
    }
}

struct Reader<'f> {
    file: &'f str,
    practice: Practice,
    errors: Vec<PracticeError>,
}

impl Reader<'_> {
    fn error(&mut self, line: u32, reason: String) {
        self.errors.push(PracticeError {
            file: self.file.to_owned(),
            line,
            reason,
        });
    }

    fn finish(&mut self, card: Option<&str>, block: Option<(u32, String, Vec<Line>)>) {
        let (Some(card), Some((line, kind, lines))) = (card, block) else {
            return;
        };
        let body = match kind.as_str() {
            "choice" => self.choice(line, &lines),
            "true or false" | "true-false" => self.true_false(line, &lines),
            "fill-in" | "fill in" => self.fill_in(line, &lines),
            "mistake" => {
                if let Some(mistake) = self.mistake(line, &lines) {
                    self.practice.mistakes.push(AuthoredMistake {
                        card: card.to_owned(),
                        file: self.file.to_owned(),
                        line,
                        mistake,
                    });
                }
                return;
            }
            other => {
                self.error(
                    line,
                    format!(
                        "unknown item kind `{other}`: use choice, true or false, fill-in or mistake"
                    ),
                );
                return;
            }
        };
        if let Some(body) = body {
            self.practice.items.push(AuthoredItem {
                card: card.to_owned(),
                file: self.file.to_owned(),
                line,
                body,
            });
        }
    }

    fn choice(&mut self, line: u32, lines: &[Line]) -> Option<ItemBody> {
        let mut stem = String::new();
        let mut options: Vec<ChoiceOption> = Vec::new();
        let mut ok = true;
        for (number, text) in lines.iter().copied() {
            let trimmed = text.trim();
            if trimmed.is_empty() {
                continue;
            }
            let marker = ["- [x] ", "- [X] ", "- [ ] "]
                .iter()
                .find(|m| text.starts_with(**m) || text == m.trim_end());
            if let Some(marker) = marker {
                options.push(ChoiceOption {
                    text: text.get(marker.len()..).unwrap_or("").trim().to_owned(),
                    right: !marker.starts_with("- [ ]"),
                    why: String::new(),
                    line: number,
                });
            } else if text.starts_with("  ") && !options.is_empty() {
                let option = options.last_mut().expect("checked non-empty");
                join_onto(&mut option.why, trimmed);
            } else if options.is_empty() {
                join_onto(&mut stem, trimmed);
            } else {
                self.error(
                    number,
                    "after the options, only their indented explanations may follow".into(),
                );
                ok = false;
            }
        }
        if stem.is_empty() {
            self.error(
                line,
                "a choice needs a stem: the question, before its options".into(),
            );
            return None;
        }
        ok.then_some(ItemBody::Choice { stem, options })
    }

    fn true_false(&mut self, line: u32, lines: &[Line]) -> Option<ItemBody> {
        let paragraphs = paragraphs(lines);
        let Some(statement) = paragraphs.first() else {
            self.error(line, "a true or false item needs a statement".into());
            return None;
        };
        let Some(verdict) = paragraphs.get(1) else {
            self.error(
                line,
                "a true or false item needs its verdict: `**True.**` or `**False.**` and why"
                    .into(),
            );
            return None;
        };
        let (truth, why) = if let Some(rest) = verdict.1.strip_prefix("**True.**") {
            (true, rest.trim())
        } else if let Some(rest) = verdict.1.strip_prefix("**False.**") {
            (false, rest.trim())
        } else {
            self.error(
                verdict.0,
                "the verdict must start with `**True.**` or `**False.**`".into(),
            );
            return None;
        };
        if let Some(extra) = paragraphs.get(2) {
            self.error(
                extra.0,
                "a true or false item is a statement and a verdict; nothing more".into(),
            );
            return None;
        }
        Some(ItemBody::TrueFalse {
            statement: statement.1.clone(),
            truth,
            why: why.to_owned(),
        })
    }

    fn fill_in(&mut self, line: u32, lines: &[Line]) -> Option<ItemBody> {
        let paragraphs = paragraphs(lines);
        let Some(sentence) = paragraphs.first() else {
            self.error(
                line,
                "a fill-in needs a sentence with a blank (`___`)".into(),
            );
            return None;
        };
        let mut accepted = None;
        let mut why = String::new();
        for (number, text) in paragraphs.iter().skip(1) {
            if let Some(list) = text.strip_prefix("Accept:") {
                accepted = Some(
                    list.split('|')
                        .map(|answer| answer.trim().trim_matches('`').trim().to_owned())
                        .filter(|answer| !answer.is_empty())
                        .collect::<Vec<_>>(),
                );
            } else if let Some(rest) = text.strip_prefix("Why:") {
                why = rest.trim().to_owned();
            } else {
                self.error(
                    *number,
                    "after the sentence, a fill-in has `Accept: a | b` and an optional `Why: …`"
                        .into(),
                );
                return None;
            }
        }
        Some(ItemBody::FillIn {
            sentence: sentence.1.clone(),
            accepted: accepted.unwrap_or_default(),
            why,
        })
    }

    fn mistake(&mut self, line: u32, lines: &[Line]) -> Option<Mistake> {
        let mut mistake = Mistake::default();
        let mut field: Option<bool> = None;
        for (number, text) in lines.iter().copied() {
            let trimmed = text.trim();
            if trimmed.is_empty() {
                continue;
            }
            if let Some(rest) = trimmed.strip_prefix("People say:") {
                join_onto(&mut mistake.claim, rest.trim());
                field = Some(true);
            } else if let Some(rest) = trimmed.strip_prefix("In fact:") {
                join_onto(&mut mistake.correction, rest.trim());
                field = Some(false);
            } else {
                match field {
                    Some(true) => join_onto(&mut mistake.claim, trimmed),
                    Some(false) => join_onto(&mut mistake.correction, trimmed),
                    None => {
                        self.error(number, "a mistake starts with `People say:`".into());
                        return None;
                    }
                }
            }
        }
        if mistake.claim.is_empty() || mistake.correction.is_empty() {
            self.error(
                line,
                "a mistake needs both `People say: …` and `In fact: …`".into(),
            );
            return None;
        }
        Some(mistake)
    }
}

/// The block's paragraphs (runs of non-blank lines joined by spaces), each with its first line.
/// A line starting `Accept:` or `Why:` always starts a paragraph of its own.
fn paragraphs(lines: &[Line]) -> Vec<(u32, String)> {
    let mut out: Vec<(u32, String)> = Vec::new();
    let mut open = false;
    for (number, text) in lines.iter().copied() {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            open = false;
            continue;
        }
        let starts_field = trimmed.starts_with("Accept:") || trimmed.starts_with("Why:");
        match out.last_mut() {
            Some(last) if open && !starts_field => join_onto(&mut last.1, trimmed),
            _ => out.push((number, trimmed.to_owned())),
        }
        open = true;
    }
    out
}

fn join_onto(text: &mut String, more: &str) {
    if !text.is_empty() {
        text.push(' ');
    }
    text.push_str(more);
}
