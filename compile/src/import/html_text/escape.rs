//! Text made safe for Markdown: what a person read in an HTML field must not turn into
//! markup when the same characters are read as Markdown (`2 * 3`, `__init__`, a line starting
//! `1.` or `#`), and a link's target must not end early.

/// A link target Markdown reads whole: spaces, parentheses and angle brackets encoded.
pub(super) fn link_target(href: &str) -> String {
    let mut out = String::with_capacity(href.len());
    for c in href.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            c if c.is_whitespace() => {}
            c => out.push(c),
        }
    }
    out
}

/// One word of text, escaped so Markdown shows it as written: emphasis and code markers,
/// brackets, what could start HTML or a character reference, and, at the start of a line,
/// what would start a heading, quote, list or rule.
pub(super) fn escape(word: &str, line_start: bool) -> String {
    let mut out = String::with_capacity(word.len() + 4);
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    for (at, &(byte, c)) in chars.iter().enumerate() {
        let prev = at.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(at + 1).map(|&(_, n)| n);
        let escaped = match c {
            '\\' | '*' | '`' | '[' | ']' | '~' => true,
            // Inside a word (`snake_case`) an underscore is never emphasis.
            '_' => {
                !(prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric))
            }
            '<' => next.is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')),
            '&' => is_reference(&word[byte + 1..]),
            _ => false,
        };
        if escaped {
            out.push('\\');
        }
        out.push(c);
    }
    if !line_start {
        return out;
    }
    let first = word.chars().next().unwrap_or(' ');
    let rule_or_marker = matches!(first, '-' | '+' | '=') && word.chars().all(|c| c == first);
    if matches!(first, '#' | '>') || rule_or_marker {
        out.insert(0, '\\');
    } else if let Some(digits) = word.strip_suffix(['.', ')'])
        && !digits.is_empty()
        && digits.len() <= 9
        && digits.bytes().all(|b| b.is_ascii_digit())
    {
        // `1.` at a line's start would number a list.
        out.insert(digits.len(), '\\');
    }
    out
}

/// Whether text after a `&` would read as a character reference (`amp;`, `#39;`).
fn is_reference(after: &str) -> bool {
    let Some(end) = after.find(';') else {
        return false;
    };
    let body = &after[..end];
    let number = body.strip_prefix('#');
    !body.is_empty()
        && match number {
            Some(number) => {
                let hex = number.strip_prefix(['x', 'X']);
                match hex {
                    Some(hex) => !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit()),
                    None => !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()),
                }
            }
            None => body.chars().all(|c| c.is_ascii_alphanumeric()),
        }
}
