//! Slugs: the readable ids of sections, lists and cards.

/// Lowercases ASCII letters and digits and turns every other run of characters into a single
/// `-`, trimmed from both ends. Non-ASCII letters are dropped (they count as separators), so the
/// result only ever holds `a-z`, `0-9` and single inner hyphens, and may be empty.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut pending_dash = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_dash && !slug.is_empty() {
                slug.push('-');
            }
            pending_dash = false;
            slug.push(c.to_ascii_lowercase());
        } else {
            pending_dash = true;
        }
    }
    slug
}

/// Whether `id` is already a slug: non-empty and unchanged by [`slugify`].
pub fn is_slug(id: &str) -> bool {
    !id.is_empty() && slugify(id) == id
}

/// Shortens a slug to at most `max` bytes, cutting at the last `-` that keeps it within the
/// limit (a word boundary); a single over-long word is cut hard.
pub fn cap_slug(slug: String, max: usize) -> String {
    if slug.len() <= max {
        return slug;
    }
    // Slugs are ASCII, so byte indices are char boundaries.
    let window = &slug[..=max];
    let cut = match window.rfind('-') {
        Some(0) | None => max,
        Some(at) => at,
    };
    slug[..cut].trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercases_and_joins_words_with_single_dashes() {
        assert_eq!(
            slugify("How do you create a Django project?"),
            "how-do-you-create-a-django-project"
        );
        assert_eq!(
            slugify("Django REST Framework (DRF)"),
            "django-rest-framework-drf"
        );
        assert_eq!(slugify("Choose ORM"), "choose-orm");
        assert_eq!(slugify("N+1 Problem"), "n-1-problem");
    }

    #[test]
    fn trims_separators_at_both_ends() {
        assert_eq!(slugify("  --Hello, world!--  "), "hello-world");
        assert_eq!(slugify("**Bold**"), "bold");
        assert_eq!(slugify("a   b\t\nc"), "a-b-c");
    }

    #[test]
    fn drops_non_ascii_letters() {
        assert_eq!(slugify("Café crème"), "caf-cr-me");
        assert_eq!(slugify("APIView → full control"), "apiview-full-control");
        assert_eq!(slugify("日本語"), "");
        assert_eq!(slugify(""), "");
        assert_eq!(slugify("?!"), "");
    }

    #[test]
    fn is_idempotent() {
        for text in ["Django's select_related()", "PEP 8", "x--y", "-a-"] {
            let once = slugify(text);
            assert_eq!(slugify(&once), once);
        }
    }

    #[test]
    fn recognises_slugs() {
        assert!(is_slug("orm-advantages"));
        assert!(is_slug("q27"));
        assert!(!is_slug(""));
        assert!(!is_slug("Upper"));
        assert!(!is_slug("double--dash"));
        assert!(!is_slug("-leading"));
        assert!(!is_slug("trailing-"));
        assert!(!is_slug("under_score"));
    }

    #[test]
    fn caps_on_a_word_boundary() {
        assert_eq!(cap_slug("short".into(), 60), "short");
        assert_eq!(cap_slug("abc-def-ghi".into(), 7), "abc-def");
        assert_eq!(cap_slug("abc-def-ghi".into(), 8), "abc-def");
        assert_eq!(cap_slug("abc-def-ghi".into(), 6), "abc");
        assert_eq!(cap_slug("abcdefghij".into(), 4), "abcd");
        let long = slugify(&"word ".repeat(30));
        let capped = cap_slug(long, 60);
        assert!(capped.len() <= 60 && capped.ends_with("word") && is_slug(&capped));
    }
}
