use super::{is_html, to_markdown, to_text};

#[test]
fn paragraphs_and_line_breaks() {
    assert_eq!(
        to_markdown("<p>One\n  line.</p>\n<p>Two<br>lines.</p>"),
        "One line.\n\nTwo\nlines."
    );
    // Anki's editor writes lines as `<div>`s, a blank one as `<div><br></div>`.
    assert_eq!(
        to_markdown("a<div>b</div><div><br></div><div>c</div>"),
        "a\nb\n\nc"
    );
    assert_eq!(to_markdown("<p></p><p> </p>x<br>"), "x");
}

#[test]
fn inline_markup() {
    assert_eq!(
        to_markdown(
            "A <strong>bold</strong>, <b> b </b>and <em>it</em> <i>alic</i> <code>x()</code>."
        ),
        "A **bold**, **b** and *it* *alic* `x()`."
    );
    assert_eq!(to_markdown("<code>a`b</code>"), "``a`b``");
    assert_eq!(to_markdown("<code>`x</code>"), "`` `x ``");
    assert_eq!(to_markdown("<b></b>empty<i> </i>markers"), "empty markers");
    assert_eq!(
        to_markdown(r#"See <a href="https://x.org/a b">the (docs)</a> or <a>this</a>."#),
        "See [the (docs)](https://x.org/a%20b) or this."
    );
}

#[test]
fn code_blocks_keep_their_text() {
    let html = "<pre tabindex=\"0\"><code class=\"language-python\"><span class=\"tok-kw\">def</span> f():\n    \
                <span class=\"tok-kw\">return</span> a &lt; b &amp;&amp; `c`\n\n# *not* a heading\n</code></pre>\n<p>After.</p>";
    assert_eq!(
        to_markdown(html),
        "```python\ndef f():\n    return a < b && `c`\n\n# *not* a heading\n```\n\nAfter."
    );
    assert_eq!(
        to_markdown("Before<pre>\n```\nfenced\n```</pre>"),
        "Before\n\n````\n```\nfenced\n```\n````"
    );
    assert_eq!(to_markdown("<pre>a<br>b</pre>"), "```\na\nb\n```");
    assert_eq!(to_markdown("<pre></pre>"), "```\n```");
}

#[test]
fn lists_nest_and_number() {
    assert_eq!(
        to_markdown(
            "<p>Intro</p><ul><li>one</li><li>two<ol><li>a</li><li><p>b</p></li></ol></li></ul><p>End</p>"
        ),
        "Intro\n\n- one\n- two\n  1. a\n  2. b\n\nEnd"
    );
    // Unclosed items end at the next one.
    assert_eq!(to_markdown("<ul><li>x<li>y</ul>"), "- x\n- y");
    assert_eq!(
        to_markdown("<ol><li>code:<pre>x = 1\ny</pre></li></ol>"),
        "1. code:\n\n   ```\n   x = 1\n   y\n   ```"
    );
}

#[test]
fn headings_start_at_an_answers_first_level() {
    assert_eq!(
        to_markdown("<h1>A</h1><h2>B</h2><h3>C<br>c</h3><h6>D</h6><h2></h2>text"),
        "#### A\n\n#### B\n\n##### C c\n\n###### D\n\ntext"
    );
}

#[test]
fn tables_keep_cells_per_row() {
    assert_eq!(
        to_markdown(
            "<table>\n<thead><tr><th>Name</th><th>Use</th></tr></thead>\n<tbody>\n<tr><td>a</td>\n<td> <code>b</code> </td></tr></tbody></table>after"
        ),
        "Name | Use\na | `b`\n\nafter"
    );
}

#[test]
fn text_that_markdown_would_read_as_markup_is_escaped() {
    assert_eq!(
        to_markdown("2 * 3, a_b, _c_, [x](y), `q`, &lt;div&gt;, &amp;amp;, ~s~"),
        r"2 \* 3, a_b, \_c\_, \[x\](y), \`q\`, \<div>, \&amp;, \~s\~"
    );
    assert_eq!(
        to_markdown("# one<br>- two<br>3. three<br>---<br>&gt; four<br>+"),
        "\\# one\n\\- two\n3\\. three\n\\---\n\\> four\n\\+"
    );
    assert_eq!(to_markdown("<li># x</li>"), "- \\# x");
    assert_eq!(to_markdown("a - b 1. c"), "a - b 1. c");
}

#[test]
fn other_tags_are_dropped_and_their_text_kept() {
    assert_eq!(
        to_markdown(
            "<span style=\"color:red\">red</span> <font>text</font><img src=x><script>alert(1)</script><style>p{}</style>!"
        ),
        "red text!"
    );
}

#[test]
fn malformed_html_never_panics_and_loses_no_text() {
    assert_eq!(to_markdown("a < b and c > d"), "a < b and c > d");
    assert_eq!(to_markdown("<b>never closed"), "**never closed**");
    assert_eq!(to_markdown("<code>open<p>para"), "`open`\n\npara");
    assert_eq!(to_markdown("<pre>open"), "```\nopen\n```");
    assert_eq!(to_markdown("</li></ul></b>x<"), "x<");
    assert_eq!(to_markdown("<a href=\"u\">unclosed"), "[unclosed](u)");
    const PIECES: &[&str] = &[
        "<",
        ">",
        "</",
        "<b>",
        "</b>",
        "<i>",
        "<li>",
        "</li>",
        "<ul>",
        "</ol>",
        "<pre>",
        "</pre>",
        "<code>",
        "</code>",
        "<a href='",
        "'>",
        "</a>",
        "<h2>",
        "</h2>",
        "<td>",
        "<tr>",
        "<br>",
        "&",
        "&amp;",
        "&#",
        ";",
        "x",
        " ",
        "\n",
        "é",
        "`",
        "*",
        "<!--",
        "-->",
        "\"",
        "<table>",
        "<script>",
        "1.",
        "#",
    ];
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    for _ in 0..2000 {
        let mut html = String::new();
        for _ in 0..(state % 40) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            html.push_str(PIECES[(state % PIECES.len() as u64) as usize]);
        }
        let markdown = to_markdown(&html);
        let _ = to_text(&html);
        let _ = is_html(&html);
        // Whatever it made, the deck's own renderer reads.
        let _ = crate::markdown::to_plain_text(&markdown);
    }
}

#[test]
fn plain_text_drops_markup_and_escapes_nothing() {
    assert_eq!(
        to_text("What is <b>__init__</b>?<br>Or <code>*args</code> &amp; <a href=\"u\">x</a>"),
        "What is __init__?\nOr *args & x"
    );
    assert_eq!(to_text("<ul><li>a</li><li>b</li></ul>"), "a\nb");
}

#[test]
fn clearly_html_needs_an_element_opened_and_closed() {
    assert!(is_html("<p>Hello</p>"));
    assert!(is_html("Use <b>this</b>"));
    assert!(!is_html("Use a <div> for layout"));
    assert!(!is_html("a < b > c"));
    assert!(!is_html("line<br>break"));
}
