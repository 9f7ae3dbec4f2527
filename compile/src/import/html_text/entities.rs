//! Character references (`&amp;`, `&#39;`, `&#x1F600;`): the common named ones and every
//! numeric one. An unknown or malformed reference is left as written, as a browser shows it.

/// `text` with its character references decoded.
pub(super) fn decode(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match reference(rest) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference at the start of `text` stands for, and its length in bytes.
fn reference(text: &str) -> Option<(char, usize)> {
    let end = text.get(1..)?.find(';')? + 1;
    // Longer than any reference decoded here: a `&` in prose, not a reference.
    if end > 12 {
        return None;
    }
    let body = &text[1..end];
    let c = match body.strip_prefix('#') {
        Some(number) => {
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            match char::from_u32(code)? {
                '\0' => '\u{fffd}',
                c => c,
            }
        }
        None => named(body)?,
    };
    Some((c, end + 1))
}

fn named(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        // A no-break space is a space to Markdown, which has no use for the difference.
        "nbsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "bull" => '•',
        "middot" => '·',
        "times" => '×',
        "divide" => '÷',
        "rarr" => '→',
        "larr" => '←',
        "harr" => '↔',
        "rArr" => '⇒',
        "le" => '≤',
        "ge" => '≥',
        "ne" => '≠',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "plusmn" => '±',
        "para" => '¶',
        "sect" => '§',
        "euro" => '€',
        "pound" => '£',
        "cent" => '¢',
        "yen" => '¥',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn named_and_numeric_references_are_decoded() {
        assert_eq!(
            decode("a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39; f&nbsp;g &#x263A; &#8212;"),
            "a & b <c> \"d\" 'e' f g ☺ —"
        );
    }

    #[test]
    fn anything_else_stays_as_written() {
        assert_eq!(
            decode("AT&T; a & b; &bogus; &#xZZ; &#0;&"),
            "AT&T; a & b; &bogus; &#xZZ; \u{fffd}&"
        );
        assert_eq!(decode("&#99999999999;"), "&#99999999999;");
    }
}
