//! A brought file end to end, as the compile worker runs it: decoded, read in its shape,
//! compiled under the id the app chose, with the report the page previews.

use prep_compile::import_file;
use prep_engine::compiled::CompiledDeck;
use prep_engine::content::DeckId;

const QUESTIONS: &str = "# Django notes\n\n## ORM\n\n### 1. What does select_related do?\n\n\
It follows foreign keys in the same query, with a SQL join.\n\n\
### 2. What does prefetch_related do?\n\nIt runs one more query per relation.\n";

#[test]
fn a_file_is_read_compiled_and_reported() {
    let (report, bytes) =
        import_file("notes.md", QUESTIONS.as_bytes(), "my-notes.md", None, None).expect("imported");
    assert_eq!(report.cards, 2);
    assert_eq!(report.sections, 1);
    assert_eq!(report.title, "Django notes");
    assert!(report.unplaced.is_empty(), "{:?}", report.unplaced);
    assert!(report.shapes.iter().any(|shape| shape.key == report.shape));
    let deck = CompiledDeck::read(&bytes).expect("the compiled deck reads");
    assert_eq!(deck.id, DeckId::slug("my-notes"));
    assert_eq!(deck.deck().cards.len(), 2);
    assert_eq!(deck.deck().cards[0].prompt, "What does select_related do?");
    assert!(deck.answer_html(0).contains("SQL join"));
    // What is kept (and compiled again after an update) compiles to the same deck.
    let again = prep_compile::compile_deck("my-notes.md", &report.markdown, &[]).expect("compiles");
    assert_eq!(again, bytes);
}

#[test]
fn a_file_without_a_title_is_named_after_the_file() {
    let text = "Q: What is a QuerySet?\nA: A lazy collection of rows.\n";
    let (report, _) = import_file(
        "orm basics.txt",
        text.as_bytes(),
        "orm-basics.md",
        None,
        None,
    )
    .expect("imported");
    assert_eq!(report.title, "orm basics");
    assert_eq!(report.cards, 1);
}

#[test]
fn hostile_markup_is_text_and_fetches_nothing() {
    let text = "# Hostile\n\n## 1. What runs?\n\n<script>alert(1)</script>\n\
<img src=\"https://t.example/p.png\" onerror=\"alert(1)\">\n\
[x](javascript:alert(1)) ![i](https://t.example/i.png) <iframe src=\"https://e.example\"></iframe>\n";
    let (_, bytes) = import_file("h.md", text.as_bytes(), "h.md", None, None).expect("imported");
    let deck = CompiledDeck::read(&bytes).expect("reads");
    let html = deck.answer_html(0);
    for tag in ["<script", "<img", "<iframe", "javascript:"] {
        assert!(!html.contains(tag), "{tag} in {html}");
    }
    assert!(html.contains("&lt;script&gt;"), "{html}");
}

#[test]
fn what_cannot_be_imported_is_said() {
    let binary = [0u8, 159, 146, 150, 0, 1, 2];
    let errors = import_file("x.bin", &binary, "x.md", None, None).expect_err("refused");
    assert_eq!(errors.len(), 1);
    let prose = "Just a paragraph of notes.\nNothing here is a question.\n";
    let errors =
        import_file("notes.md", prose.as_bytes(), "notes.md", None, None).expect_err("no cards");
    assert!(errors[0].contains("Just a paragraph"), "{errors:?}");
}

#[test]
fn an_update_says_what_it_adds_changes_and_removes() {
    let newer = QUESTIONS
        .replace("It runs one more query per relation.", "One query per relation, joined in Python.")
        .replace("### 1. What does select_related do?\n\nIt follows foreign keys in the same query, with a SQL join.\n\n", "")
        + "\n### 3. What does only() do?\n\nIt defers every other field.\n";
    let (report, _) = import_file(
        "notes.md",
        newer.as_bytes(),
        "my-notes.md",
        None,
        Some(QUESTIONS),
    )
    .expect("imported");
    let changes = report.changes.expect("compared with the kept deck");
    assert_eq!(changes.added, ["What does only() do?"]);
    assert_eq!(changes.changed, ["What does prefetch_related do?"]);
    assert_eq!(changes.removed, ["What does select_related do?"]);
    // The same file again changes nothing.
    let (report, _) = import_file(
        "notes.md",
        QUESTIONS.as_bytes(),
        "my-notes.md",
        None,
        Some(QUESTIONS),
    )
    .expect("imported");
    assert_eq!(report.changes, Some(Default::default()));
}

#[test]
fn a_shared_link_imports_the_deck_it_carries() {
    let code = prep_compile::share::encode(QUESTIONS).expect("small enough");
    let (report, bytes) = prep_compile::import_shared(&code, "shared.md", None).expect("imported");
    assert_eq!(report.title, "Django notes");
    assert_eq!(report.cards, 2);
    assert!(CompiledDeck::read(&bytes).is_ok());
    assert!(prep_compile::import_shared("AAAA", "shared.md", None).is_err());
}

#[test]
fn the_built_in_deck_exported_as_markdown_imports_whole_with_its_practice() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let text = std::fs::read_to_string(root.join("content/interview.md")).unwrap();
    let practice =
        prep_compile::practice::read_files(&root.join("content/practice"), "content/practice")
            .unwrap();
    let built = CompiledDeck::read(
        &prep_compile::compile_deck("content/interview.md", &text, &practice).unwrap(),
    )
    .unwrap();
    let export = prep_compile::export_markdown(&text, &practice);
    let (report, bytes) = import_file(
        "interview.md",
        export.as_bytes(),
        "interview-2.md",
        None,
        None,
    )
    .expect("imports");
    assert_eq!(report.shape, prep_compile::APP_FORMAT);
    assert!(report.unplaced.is_empty());
    assert_eq!(report.practice_problems, Vec::<String>::new());
    let brought = CompiledDeck::read(&bytes).unwrap();
    assert_eq!(brought.deck().cards.len(), built.deck().cards.len());
    let items = |deck: &CompiledDeck| {
        (0..deck.deck().cards.len())
            .map(|card| deck.card(card).choice.len() + deck.card(card).fill_in.len())
            .sum::<usize>()
    };
    assert_eq!(report.practice_items, items(&built));
    assert_eq!(items(&brought), items(&built));
    for (a, b) in brought.deck().cards.iter().zip(&built.deck().cards) {
        assert_eq!((&a.id, &a.prompt), (&b.id, &b.prompt));
    }
}

#[test]
fn practice_the_linter_refuses_is_left_out_and_said() {
    let text = format!(
        "{QUESTIONS}\n# Practice: ORM\n\n## what-does-select-related-do\n\n### choice\nWhich one?\n\n- [x] A\n  Because.\n"
    );
    let (report, bytes) =
        import_file("notes.md", text.as_bytes(), "notes.md", None, None).expect("imports");
    assert_eq!(report.cards, 2);
    assert_eq!(report.practice_items, 0);
    assert!(!report.practice_problems.is_empty());
    // Lines are the file's own.
    assert!(
        report.practice_problems[0].starts_with("notes.md:1"),
        "{:?}",
        report.practice_problems
    );
    assert!(CompiledDeck::read(&bytes).is_ok());
}
