//! HTML as a stream of text and tags. Lenient the way browsers are: a `<` that does not start
//! a tag (`a < b`, `<3`, a `<b` never closed by `>`) is text; comments and `<!DOCTYPE>` go
//! without a token; a `>` inside a quoted attribute does not end the tag.

use super::entities::decode;

/// A piece of HTML. Tag names are lowercase; only the attributes the converter reads are kept.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Token {
    /// Text with its character references decoded.
    Text(String),
    Open {
        name: String,
        class: Option<String>,
        href: Option<String>,
        /// Written `<x/>`.
        self_closing: bool,
    },
    Close {
        name: String,
    },
}

/// The tokens of `html`, in order; adjacent text is one token.
pub(super) fn tokens(html: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        text.push_str(&rest[..at]);
        rest = &rest[at..];
        if let Some(len) = markup_declaration(rest) {
            rest = &rest[len..];
            continue;
        }
        match tag(rest) {
            Some((token, len)) => {
                if !text.is_empty() {
                    out.push(Token::Text(decode(&std::mem::take(&mut text))));
                }
                out.push(token);
                rest = &rest[len..];
            }
            None => {
                text.push('<');
                rest = &rest[1..];
            }
        }
    }
    text.push_str(rest);
    if !text.is_empty() {
        out.push(Token::Text(decode(&text)));
    }
    out
}

/// The length of a comment (`<!-- … -->`), `<!DOCTYPE …>` or `<?…?>` at the start of `text`,
/// when it is closed.
fn markup_declaration(text: &str) -> Option<usize> {
    if let Some(body) = text.strip_prefix("<!--") {
        return body.find("-->").map(|end| 4 + end + 3);
    }
    if text.starts_with("<!") || text.starts_with("<?") {
        let next = text[2..].chars().next()?;
        if next.is_ascii_alphabetic() || text.starts_with("<?") {
            return text.find('>').map(|end| end + 1);
        }
    }
    None
}

/// The tag at the start of `text` (which starts with `<`) and its length, or `None` when the
/// `<` starts no tag.
fn tag(text: &str) -> Option<(Token, usize)> {
    let (closing, after) = match text[1..].strip_prefix('/') {
        Some(after) => (true, after),
        None => (false, &text[1..]),
    };
    let name_len = after
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':'))
        .unwrap_or(after.len());
    let name = &after[..name_len];
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let attributes_start = text.len() - after.len() + name_len;
    let end = tag_end(&text[attributes_start..])? + attributes_start;
    let name = name.to_ascii_lowercase();
    let attributes = &text[attributes_start..end];
    if !attributes.is_empty() && !attributes.starts_with([' ', '\t', '\n', '\r', '/']) {
        return None;
    }
    let token = if closing {
        Token::Close { name }
    } else {
        Token::Open {
            name,
            class: attribute(attributes, "class"),
            href: attribute(attributes, "href"),
            self_closing: attributes.trim_end().ends_with('/'),
        }
    };
    Some((token, end + 1))
}

/// Where the `>` ending a tag's attributes is, skipping quoted values.
fn tag_end(attributes: &str) -> Option<usize> {
    let mut quote = None;
    for (at, c) in attributes.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(at),
            // A new tag starts before this one ended: this `<` was text.
            (None, '<') => return None,
            _ => {}
        }
    }
    None
}

/// The value of attribute `wanted` (references decoded), if the tag has it.
fn attribute(attributes: &str, wanted: &str) -> Option<String> {
    let mut rest = attributes;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() {
            return None;
        }
        let name_end = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        let name = &rest[..name_end];
        rest = rest[name_end..].trim_start();
        let value = match rest.strip_prefix('=') {
            Some(after) => {
                let after = after.trim_start();
                let (value, len) = match after.chars().next() {
                    Some(q @ ('"' | '\'')) => match after[1..].find(q) {
                        Some(end) => (&after[1..1 + end], end + 2),
                        None => (&after[1..], after.len()),
                    },
                    _ => {
                        let end = after.find(char::is_whitespace).unwrap_or(after.len());
                        (&after[..end], end)
                    }
                };
                rest = &after[len..];
                Some(value)
            }
            None => None,
        };
        if name.eq_ignore_ascii_case(wanted) {
            return Some(decode(value.unwrap_or("")));
        }
        if name_end == 0 && value.is_none() {
            // Nothing readable: stop rather than loop.
            return None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open(name: &str) -> Token {
        Token::Open {
            name: name.to_owned(),
            class: None,
            href: None,
            self_closing: false,
        }
    }

    #[test]
    fn tags_and_text() {
        assert_eq!(
            tokens("<P>a &amp; b</p><!-- c --><br/>"),
            [
                open("p"),
                Token::Text("a & b".into()),
                Token::Close { name: "p".into() },
                Token::Open {
                    name: "br".into(),
                    class: None,
                    href: None,
                    self_closing: true
                },
            ]
        );
    }

    #[test]
    fn attributes_are_read_with_any_quoting() {
        assert_eq!(
            tokens(r#"<a title='x > y' HREF="/a?b=1&amp;c=2">"#),
            [Token::Open {
                name: "a".into(),
                class: None,
                href: Some("/a?b=1&c=2".into()),
                self_closing: false
            }]
        );
        assert_eq!(
            tokens("<code class=language-rust>"),
            [Token::Open {
                name: "code".into(),
                class: Some("language-rust".into()),
                href: None,
                self_closing: false
            }]
        );
    }

    #[test]
    fn a_lone_angle_bracket_is_text() {
        assert_eq!(
            tokens("a < b, <3, x<y <b"),
            [Token::Text("a < b, <3, x<y <b".into())]
        );
        assert_eq!(
            tokens("1 <b and <i>x"),
            [
                Token::Text("1 <b and ".into()),
                open("i"),
                Token::Text("x".into())
            ]
        );
        assert_eq!(tokens("<!-- open"), [Token::Text("<!-- open".into())]);
        assert_eq!(tokens("<a href=\"x>"), [Token::Text("<a href=\"x>".into())]);
    }
}
