//! A small Python tokenizer for syntax highlighting: good enough for interview snippets, not a
//! full lexer. Every character of the input appears in the output exactly once, HTML-escaped;
//! recognised tokens are wrapped in `<span class="tok-…">`:
//!
//! | class            | what                                                   |
//! |------------------|--------------------------------------------------------|
//! | `tok-kw`         | keywords (`class`, `def`, `return`, `None`, …)         |
//! | `tok-builtin`    | builtins and conventional names (`print`, `len`, `self`) |
//! | `tok-title`      | the name after `class` or `def`                        |
//! | `tok-str`        | strings, with prefixes (`f"…"`, `rb'…'`) and triple quotes |
//! | `tok-comment`    | `# …` to the end of the line                            |
//! | `tok-num`        | numbers                                                |
//! | `tok-decorator`  | `@name.attr` at the start of a line                     |

use prep_engine::text::push_escaped_html as push_escaped;

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

const BUILTINS: &[&str] = &[
    "self",
    "cls",
    "print",
    "len",
    "range",
    "enumerate",
    "zip",
    "map",
    "filter",
    "sorted",
    "reversed",
    "sum",
    "min",
    "max",
    "abs",
    "any",
    "all",
    "round",
    "open",
    "input",
    "repr",
    "str",
    "int",
    "float",
    "bool",
    "bytes",
    "list",
    "dict",
    "set",
    "frozenset",
    "tuple",
    "object",
    "type",
    "super",
    "isinstance",
    "issubclass",
    "hasattr",
    "getattr",
    "setattr",
    "delattr",
    "callable",
    "iter",
    "next",
    "id",
    "hash",
    "vars",
    "dir",
    "format",
    "property",
    "staticmethod",
    "classmethod",
    "Exception",
    "ValueError",
    "TypeError",
    "KeyError",
    "IndexError",
    "AttributeError",
    "RuntimeError",
    "NotImplementedError",
    "StopIteration",
    "NotImplemented",
    "Ellipsis",
    "__name__",
    "__main__",
];

/// Highlights Python source as HTML (the inside of a `<code>` element).
pub(super) fn highlight(code: &str) -> String {
    let chars: Vec<char> = code.chars().collect();
    let mut out = String::with_capacity(code.len() * 2);
    let mut i = 0;
    // Only whitespace so far on this line (decorators must start a line).
    let mut line_start = true;
    // The previous token was `def` or `class`, so the next name is a title.
    let mut naming = false;
    // The previous token was `.`, so a name is an attribute (`objects.all`), not a builtin.
    let mut after_dot = false;
    while let Some(&c) = chars.get(i) {
        if c == '\n' {
            out.push('\n');
            line_start = true;
            i += 1;
            continue;
        }
        if c.is_whitespace() {
            push_escaped(&mut out, c.encode_utf8(&mut [0; 4]));
            i += 1;
            continue;
        }
        let (end, class) = if c == '#' {
            let end = find_from(&chars, i, |c| c == '\n').unwrap_or(chars.len());
            (end, Some("tok-comment"))
        } else if c == '@' && line_start {
            let end =
                find_from(&chars, i + 1, |c| !(is_ident(c) || c == '.')).unwrap_or(chars.len());
            (end, Some("tok-decorator"))
        } else if let Some(end) = string_end(&chars, i) {
            (end, Some("tok-str"))
        } else if c.is_ascii_digit()
            || (c == '.' && chars.get(i + 1).is_some_and(char::is_ascii_digit))
        {
            (number_end(&chars, i), Some("tok-num"))
        } else if is_ident_start(c) {
            let end = find_from(&chars, i, |c| !is_ident(c)).unwrap_or(chars.len());
            let word: String = chars[i..end].iter().collect();
            let class = if naming {
                Some("tok-title")
            } else if after_dot {
                None
            } else if KEYWORDS.contains(&word.as_str()) {
                Some("tok-kw")
            } else if BUILTINS.contains(&word.as_str()) {
                Some("tok-builtin")
            } else {
                None
            };
            let names_next = class == Some("tok-kw") && (word == "def" || word == "class");
            push_token(&mut out, &chars[i..end], class);
            naming = names_next;
            after_dot = false;
            line_start = false;
            i = end;
            continue;
        } else {
            (i + 1, None)
        };
        push_token(&mut out, &chars[i..end], class);
        naming = false;
        after_dot = class.is_none() && c == '.';
        line_start = false;
        i = end.max(i + 1);
    }
    out
}

fn push_token(out: &mut String, token: &[char], class: Option<&str>) {
    let text: String = token.iter().collect();
    match class {
        Some(class) => {
            out.push_str("<span class=\"");
            out.push_str(class);
            out.push_str("\">");
            push_escaped(out, &text);
            out.push_str("</span>");
        }
        None => push_escaped(out, &text),
    }
}

fn find_from(chars: &[char], start: usize, stop: impl Fn(char) -> bool) -> Option<usize> {
    chars
        .get(start..)?
        .iter()
        .position(|c| stop(*c))
        .map(|offset| start + offset)
}

fn is_ident_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_ident(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// If a string literal (with an optional prefix such as `f`, `rb`) starts at `start`, where it
/// ends (exclusive). Unterminated single-quoted strings end at the line's end, triple-quoted
/// ones at the end of the code.
fn string_end(chars: &[char], start: usize) -> Option<usize> {
    let prefix_len = chars
        .get(start..)?
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    if prefix_len > 2 {
        return None;
    }
    let prefix: String = chars[start..start + prefix_len]
        .iter()
        .map(char::to_ascii_lowercase)
        .collect();
    if !matches!(
        prefix.as_str(),
        "" | "r" | "u" | "b" | "f" | "br" | "rb" | "fr" | "rf"
    ) {
        return None;
    }
    let open = start + prefix_len;
    let quote = *chars.get(open).filter(|c| **c == '"' || **c == '\'')?;
    let triple = chars.get(open + 1) == Some(&quote) && chars.get(open + 2) == Some(&quote);
    let mut i = if triple { open + 3 } else { open + 1 };
    while let Some(&c) = chars.get(i) {
        if c == '\\' {
            i += 2;
        } else if triple {
            if c == quote && chars.get(i + 1) == Some(&quote) && chars.get(i + 2) == Some(&quote) {
                return Some(i + 3);
            }
            i += 1;
        } else if c == quote {
            return Some(i + 1);
        } else if c == '\n' {
            return Some(i);
        } else {
            i += 1;
        }
    }
    Some(chars.len())
}

/// Where a number starting at `start` ends: digits, letters (hex, suffixes), `_`, `.`, and a
/// sign right after a decimal exponent.
fn number_end(chars: &[char], start: usize) -> usize {
    let hex = chars.get(start) == Some(&'0')
        && chars.get(start + 1).is_some_and(|c| matches!(c, 'x' | 'X'));
    let mut i = start;
    while let Some(&c) = chars.get(i) {
        let exponent_sign = !hex
            && matches!(c, '+' | '-')
            && i > start
            && chars.get(i - 1).is_some_and(|p| matches!(p, 'e' | 'E'));
        if c.is_ascii_alphanumeric() || c == '_' || c == '.' || exponent_sign {
            i += 1;
        } else {
            break;
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::highlight;

    #[test]
    fn highlights_a_class_with_a_method() {
        let html =
            highlight("class A(B):\n    def get(self, x=1):\n        # hi\n        return None\n");
        assert_eq!(
            html,
            "<span class=\"tok-kw\">class</span> <span class=\"tok-title\">A</span>(B):\n    \
             <span class=\"tok-kw\">def</span> <span class=\"tok-title\">get</span>(\
             <span class=\"tok-builtin\">self</span>, x=<span class=\"tok-num\">1</span>):\n        \
             <span class=\"tok-comment\"># hi</span>\n        \
             <span class=\"tok-kw\">return</span> <span class=\"tok-kw\">None</span>\n"
        );
    }

    #[test]
    fn highlights_strings_with_prefixes_and_triple_quotes() {
        assert_eq!(
            highlight("f'a{b}' rb\"\\\"\" x"),
            "<span class=\"tok-str\">f&#39;a{b}&#39;</span> \
             <span class=\"tok-str\">rb&quot;\\&quot;&quot;</span> x"
        );
        assert_eq!(
            highlight("\"\"\"doc\n# not a comment\n\"\"\"\n"),
            "<span class=\"tok-str\">&quot;&quot;&quot;doc\n# not a comment\n&quot;&quot;&quot;</span>\n"
        );
        assert_eq!(
            highlight("'open\nx"),
            "<span class=\"tok-str\">&#39;open</span>\nx"
        );
        assert_eq!(highlight("fr"), "fr");
    }

    #[test]
    fn attributes_are_not_builtins() {
        assert_eq!(highlight("objects.all() . type"), "objects.all() . type");
        assert_eq!(
            highlight("all(x)"),
            "<span class=\"tok-builtin\">all</span>(x)"
        );
    }

    #[test]
    fn highlights_decorators_numbers_and_escapes() {
        assert_eq!(
            highlight("@app.route('/')\ny = a @ b < 1.5e-3"),
            "<span class=\"tok-decorator\">@app.route</span>(<span class=\"tok-str\">&#39;/&#39;</span>)\n\
             y = a @ b &lt; <span class=\"tok-num\">1.5e-3</span>"
        );
        assert_eq!(
            highlight("0xFF-1"),
            "<span class=\"tok-num\">0xFF</span>-<span class=\"tok-num\">1</span>"
        );
    }

    #[test]
    fn keeps_every_character() {
        for code in [
            "",
            "\"",
            "'''",
            "@",
            "#",
            "x = '\\",
            "é = 1 # ü <&>",
            "\t\r\n",
            "def",
            "class 1",
        ] {
            let html = highlight(code);
            let mut text = html;
            for class in [
                "kw",
                "builtin",
                "title",
                "str",
                "comment",
                "num",
                "decorator",
            ] {
                text = text.replace(&format!("<span class=\"tok-{class}\">"), "");
            }
            let text = text
                .replace("</span>", "")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
            assert_eq!(text, code);
        }
    }
}
