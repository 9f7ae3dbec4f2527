//! Counts in words: one rule for "1 card" / "3 cards" and "is" / "are", so every message
//! agrees in number the same way.

/// `count` and the noun in its number: `count_of(1, "card", "cards")` is "1 card",
/// `count_of(3, "copy", "copies")` "3 copies". Both forms are given: English plurals are not
/// all an added "s".
pub fn count_of(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", by_number(count, one, many))
}

/// `one` when `count` is 1, else `many`: for a verb that agrees with a count ("is" / "are").
pub fn by_number<'a>(count: usize, one: &'a str, many: &'a str) -> &'a str {
    if count == 1 { one } else { many }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(count_of(1, "card", "cards"), "1 card");
        assert_eq!(count_of(0, "card", "cards"), "0 cards");
        assert_eq!(count_of(2, "copy", "copies"), "2 copies");
        assert_eq!(by_number(1, "is", "are"), "is");
        assert_eq!(by_number(7, "is", "are"), "are");
    }
}
