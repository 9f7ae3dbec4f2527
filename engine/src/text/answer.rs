//! Readers of an answer's markdown source: its main body, bold labels, lead sentences.
//!
//! They are line-based on purpose: the structure needed (bold `**Label**:` lines, the lead
//! sentence) is visible in the source lines, which a rendered plain text would lose.

/// Removes inline emphasis and code marks. Only `**` and backticks: single `_`/`*` are left
/// alone because they are part of names like `__init__.py`.
pub fn strip_inline(markdown: &str) -> String {
    unescape(&markdown.replace("**", "").replace('`', ""))
}

/// Markdown's backslash escapes undone: `\_\_init\_\_.py` (escaped so it is not read as
/// bold) is the text `__init__.py`. A backslash before anything but ASCII punctuation stays.
pub(crate) fn unescape(markdown: &str) -> String {
    let mut text = String::with_capacity(markdown.len());
    let mut chars = markdown.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(&next) if c == '\\' && next.is_ascii_punctuation() => {
                text.push(next);
                chars.next();
            }
            _ => text.push(c),
        }
    }
    text
}

/// The answer's main body: its lines before the first sub-heading, code block or table.
/// What follows those (worked examples, tables) elaborates on the main body.
pub fn main_body(answer: &str) -> Vec<&str> {
    answer
        .lines()
        .take_while(|line| {
            let line = line.trim_start();
            !(line.starts_with('#')
                || line.starts_with("```")
                || line.starts_with("~~~")
                || line.starts_with('|'))
        })
        .collect()
}

/// A bold label line of an answer: `**PageNumberPagination**: Uses page numbers`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub name: String,
    /// What follows the colon, as plain text (may be empty).
    pub detail: String,
}

/// A `**Label**: detail` (or `**Label:** detail`, optionally as a `- ` item) line.
fn label_line(line: &str) -> Option<Label> {
    let line = line.trim();
    let line = line.strip_prefix("- ").unwrap_or(line);
    let rest = line.strip_prefix("**")?;
    let end = rest.find("**")?;
    let inner = rest[..end].trim();
    let after = rest[end + 2..].trim_start();
    let (name, detail) = if let Some(name) = inner.strip_suffix(':') {
        (name.trim(), after)
    } else {
        (inner, after.strip_prefix(':')?)
    };
    (!name.is_empty()).then(|| Label {
        name: unescape(name),
        detail: strip_inline(detail).trim().to_owned(),
    })
}

/// The bold labels of the answer's main body, in order: the named parts a good answer lists.
pub fn labels(answer: &str) -> Vec<Label> {
    main_body(answer)
        .into_iter()
        .filter_map(label_line)
        .collect()
}

/// The main body as plain prose, one line per source line (list markers dropped).
pub fn body_text(answer: &str) -> String {
    main_body(answer)
        .iter()
        .map(|line| {
            let line = line.trim();
            strip_inline(line.strip_prefix("- ").unwrap_or(line))
        })
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The sentences of the answer's opening line, if the answer opens with prose.
pub fn lead_sentences(answer: &str) -> Vec<String> {
    let Some(first) = main_body(answer)
        .into_iter()
        .map(str::trim)
        .find(|line| !line.is_empty())
    else {
        return Vec::new();
    };
    if first.starts_with("**") || first.starts_with("- ") || first.starts_with("* ") {
        return Vec::new();
    }
    sentences(&strip_inline(first))
}

/// The sentence if it fits in `max` characters, else its longest prefix that ends at a
/// clause boundary (", ") and still has `min` characters, with "…": a long enumeration cut
/// short is still true, and says so.
pub fn fit_sentence(sentence: &str, min: usize, max: usize) -> Option<String> {
    if sentence.chars().count() <= max {
        return Some(sentence.to_owned());
    }
    let cut = sentence
        .match_indices(", ")
        .map(|(at, _)| at)
        .filter(|at| {
            let chars = sentence[..*at].chars().count();
            chars >= min && chars < max
        })
        .last()?;
    Some(format!("{}…", &sentence[..cut]))
}

/// The text's sentences, each without its final period. A sentence ends at a `.`, `?` or `!`
/// followed by a space and a capital, digit or quote (so `manage.py` does not end one).
pub fn sentences(text: &str) -> Vec<String> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0;
    for (k, &(at, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '?' | '!') {
            continue;
        }
        let ends = match (chars.get(k + 1), chars.get(k + 2)) {
            (None, _) => true,
            (Some((_, ' ')), Some((_, next))) => {
                next.is_uppercase() || next.is_ascii_digit() || matches!(next, '"' | '“')
            }
            _ => false,
        };
        if ends {
            let end = if c == '.' { at } else { at + c.len_utf8() };
            out.push(text[start..end].trim().to_owned());
            start = at + c.len_utf8();
        }
    }
    let rest = text[start.min(text.len())..].trim();
    if !rest.is_empty() {
        out.push(rest.trim_end_matches('.').to_owned());
    }
    out.retain(|sentence| !sentence.is_empty());
    out
}

/// Splits `"Term (Expansion)"` into the term and its parenthesised part.
pub fn split_parenthesised(text: &str) -> (&str, Option<&str>) {
    if let Some(open) = text.find('(')
        && let Some(inner) = text[open + 1..].strip_suffix(')')
    {
        let outer = text[..open].trim();
        if !outer.is_empty() && !inner.trim().is_empty() {
            return (outer, Some(inner.trim()));
        }
    }
    (text.trim(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_on_capitals_only() {
        assert_eq!(
            sentences("Use: django-admin startproject project_name. This creates settings.py."),
            [
                "Use: django-admin startproject project_name",
                "This creates settings.py"
            ]
        );
        assert_eq!(
            fit_sentence(&format!("{}, b, c", "a".repeat(70)), 60, 72),
            Some(format!("{}…", "a".repeat(70)))
        );
    }
}

#[cfg(test)]
mod unescape_tests {
    use super::*;

    #[test]
    fn backslash_escapes_are_text() {
        assert_eq!(unescape(r"\_\_init\_\_.py"), "__init__.py");
        assert_eq!(unescape(r"a \* b"), "a * b");
        assert_eq!(unescape(r"C:\path\to"), r"C:\path\to");
        assert_eq!(unescape(r"ends with \"), r"ends with \");
        assert_eq!(unescape(r"\\"), r"\");
    }

    #[test]
    fn escaped_labels_read_as_shown() {
        let labels = labels("**\\_\\_init\\_\\_.py**: Python package marker");
        assert_eq!(labels[0].name, "__init__.py");
    }
}
