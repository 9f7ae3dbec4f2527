//! Markdown rendering: HTML, inline HTML and plain text, including the real deck's answers.

use prep_compile::markdown::{inline_to_html, to_html, to_plain_text};
use prep_engine::content::{CardKind, Deck};

// The engine tests' helpers: the real deck, the seed and fixed times, shared rather than copied.
#[path = "../../engine/tests/common/mod.rs"]
mod common;
use common::deck;

fn answer(deck: &Deck, number: u32) -> &str {
    &deck
        .cards
        .iter()
        .find(|card| card.kind == CardKind::Question { number })
        .expect("question exists")
        .answer
}

#[test]
fn renders_emphasis_and_paragraphs() {
    assert_eq!(
        to_html("**Bold** and *em* and ~~gone~~"),
        "<p><strong>Bold</strong> and <em>em</em> and <del>gone</del></p>\n"
    );
    assert_eq!(to_html("One.\n\nTwo."), "<p>One.</p>\n<p>Two.</p>\n");
}

#[test]
fn single_newlines_are_line_breaks() {
    assert_eq!(
        to_html("**DEBUG**: mode\n**SECRET_KEY**: signing"),
        "<p><strong>DEBUG</strong>: mode<br />\n<strong>SECRET_KEY</strong>: signing</p>\n"
    );
}

#[test]
fn renders_lists_and_sub_headings() {
    assert_eq!(
        to_html("- a\n- **b** - c"),
        "<ul>\n<li>a</li>\n<li><strong>b</strong> - c</li>\n</ul>\n"
    );
    assert_eq!(
        to_html("1. one\n2. two"),
        "<ol>\n<li>one</li>\n<li>two</li>\n</ol>\n"
    );
    assert_eq!(
        to_html("#### Sub\n##### Subsub"),
        "<h2>Sub</h2>\n<h3>Subsub</h3>\n"
    );
}

#[test]
fn renders_tables_with_head_and_body() {
    let html = to_html(answer(deck(), 27));
    assert!(html.contains(
        "<table><thead><tr><th>Use Case</th><th>Choose</th></tr></thead><tbody>\n\
         <tr><td><strong>Full control needed</strong></td><td>APIView</td></tr>\n"
    ));
    assert!(html.contains("</tbody></table>\n"));
    assert!(html.contains("<h2>Quick Decision Guide</h2>"));
}

#[test]
fn highlights_python_in_question_27() {
    let html = to_html(answer(deck(), 27));
    // Three python examples, each a region with its own name.
    for n in 1..=3 {
        let pre = format!(
            "<pre tabindex=\"0\" role=\"region\" aria-label=\"Code example {n}\"><code class=\"language-python\">"
        );
        assert_eq!(html.matches(&pre).count(), 1, "{pre}");
    }
    assert!(html.contains(
        "<pre tabindex=\"0\" role=\"region\" aria-label=\"Code example 1\"><code class=\"language-python\"><span class=\"tok-kw\">class</span> \
         <span class=\"tok-title\">BookAPIView</span>(APIView):\n    \
         <span class=\"tok-kw\">def</span> <span class=\"tok-title\">get</span>(\
         <span class=\"tok-builtin\">self</span>, request):\n        \
         <span class=\"tok-comment\"># Manual implementation</span>\n"
    ));
    assert!(html.contains("queryset = Book.objects.all()\n"));
    assert!(html.contains(
        "<span class=\"tok-comment\"># Router automatically generates all URLs</span>\n\
         router.register(<span class=\"tok-str\">&#39;books&#39;</span>, BookViewSet)\n</code></pre>"
    ));
}

#[test]
fn other_code_blocks_are_plain() {
    assert_eq!(
        to_html("```bash\necho \"<hi>\" && ls\n```"),
        "<pre tabindex=\"0\" role=\"region\" aria-label=\"Code example 1\"><code class=\"language-bash\">echo &quot;&lt;hi&gt;&quot; &amp;&amp; ls\n</code></pre>\n"
    );
    assert_eq!(
        to_html("    indented <code>\n"),
        "<pre tabindex=\"0\" role=\"region\" aria-label=\"Code example 1\"><code>indented &lt;code&gt;\n</code></pre>\n"
    );
    assert_eq!(
        to_html("```py\nx = 1\n```"),
        "<pre tabindex=\"0\" role=\"region\" aria-label=\"Code example 1\"><code class=\"language-python\">x = <span class=\"tok-num\">1</span>\n</code></pre>\n"
    );
    assert!(
        to_html("```\"><script>\nx\n```").contains("class=\"language-&quot;&gt;&lt;script&gt;\"")
    );
}

#[test]
fn script_tags_are_escaped_in_text_and_code() {
    for source in [
        "Look: <script>alert(1)</script>",
        "<script>alert(1)</script>",
        "`<script>alert(1)</script>`",
        "```\n<script>alert(1)</script>\n```",
        "```python\n<script>alert(1)</script>\n```",
        "```python\n'<script>' # </script>\n```",
        "| a |\n|---|\n| <script>alert(1)</script> |",
    ] {
        let html = to_html(source);
        assert!(!html.contains("<script"), "{source:?} -> {html}");
        assert!(html.contains("&lt;script&gt;"), "{source:?} -> {html}");
    }
}

#[test]
fn raw_html_is_shown_as_text() {
    assert_eq!(
        to_html("<div onclick=\"x()\">\nhi\n</div>"),
        "<p>&lt;div onclick=\"x()\"&gt;<br />\nhi<br />\n&lt;/div&gt;</p>\n"
    );
    assert_eq!(
        to_html("a <b>bold</b> <!-- note -->"),
        "<p>a &lt;b&gt;bold&lt;/b&gt; &lt;!-- note --&gt;</p>\n"
    );
    assert_eq!(
        to_html("- <img src=x onerror=alert(1)>"),
        "<ul>\n<li>\n<p>&lt;img src=x onerror=alert(1)&gt;</p>\n</li>\n</ul>\n"
    );
}

#[test]
fn script_urls_are_neutralised() {
    assert_eq!(
        to_html("[a](javascript:alert(1)) [b](JavaScript:x) ![c](data:text/html,x)"),
        "<p><a href=\"#\" rel=\"noopener noreferrer\">a</a> \
         <a href=\"#\" rel=\"noopener noreferrer\">b</a> \
         <a href=\"#\" rel=\"noopener noreferrer\" class=\"image-link\">c</a></p>\n"
    );
    assert_eq!(
        to_html("[docs](https://docs.djangoproject.com/ \"The \\\"docs\\\"\")"),
        "<p><a href=\"https://docs.djangoproject.com/\" rel=\"noopener noreferrer\" \
         title=\"The &quot;docs&quot;\">docs</a></p>\n"
    );
}

#[test]
fn images_are_links_never_loaded() {
    let html = to_html("See ![the \"diagram\"](https://example.com/a.png?x=1&y=2) here");
    assert!(!html.contains("<img"), "{html}");
    assert_eq!(
        html,
        "<p>See <a href=\"https://example.com/a.png?x=1&amp;y=2\" rel=\"noopener noreferrer\" \
         class=\"image-link\">the \"diagram\"</a> here</p>\n"
    );
    let inline = inline_to_html("![x](https://example.com/x.png)");
    assert!(!inline.contains("<img"), "{inline}");
}

#[test]
fn inline_html_has_no_paragraph() {
    assert_eq!(
        inline_to_html("Less **boilerplate** code, `rapid` implementation"),
        "Less <strong>boilerplate</strong> code, <code>rapid</code> implementation"
    );
    assert_eq!(inline_to_html("A & B <i>"), "A &amp; B &lt;i&gt;");
    assert_eq!(inline_to_html(""), "");
    // Block syntax is not interpreted: the text shows as written.
    assert_eq!(inline_to_html("- not a list"), "- not a list");
    assert_eq!(
        inline_to_html("# not a heading <b>"),
        "# not a heading &lt;b&gt;"
    );
    assert_eq!(inline_to_html("1. not a list"), "1. not a list");
}

#[test]
fn plain_text_strips_markup_and_keeps_code() {
    assert_eq!(
        to_plain_text(
            "#### Title\n\n**Bold** and `code` and [link](http://x)\n- a\n- b\n\n\
             ```python\nx = 1\ny = 2\n```\n\n| h1 | h2 |\n|----|----|\n| c | d |\n"
        ),
        "Title Bold and code and link a b x = 1 y = 2 h1 h2 c d"
    );
    assert_eq!(to_plain_text("a <b>raw</b>\nline"), "a <b>raw</b> line");
    assert_eq!(to_plain_text("   "), "");
    assert_eq!(
        to_plain_text("**DEBUG**: on\n**KEY**: off"),
        "DEBUG: on KEY: off"
    );
}

#[test]
fn every_answer_renders_deterministically() {
    let deck = deck();
    for card in &deck.cards {
        let html = to_html(&card.answer);
        assert_eq!(html, to_html(&card.answer), "{}", card.id);
        assert!(!html.contains("<script"), "{}", card.id);
        let text = to_plain_text(&card.answer);
        assert!(!text.contains("**"), "{}: {text}", card.id);
        assert!(!text.contains("  "), "{}: {text}", card.id);
        if !matches!(card.kind, CardKind::GuideItem { .. }) {
            assert!(!text.is_empty(), "{}", card.id);
        }
        let inline = inline_to_html(&card.prompt);
        assert!(!inline.starts_with("<p>"), "{}", card.id);
    }
    let q27 = to_plain_text(answer(deck, 27));
    assert!(q27.contains("class BookAPIView(APIView): def get(self, request):"));
    assert!(q27.contains("Use Case Choose Full control needed APIView"));
}
