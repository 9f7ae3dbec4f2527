//! Typo tolerance: how far apart two words are.

/// Optimal-string-alignment edit distance (a transposition counts as one typo), stopping
/// early once it exceeds `limit`.
pub fn edit_distance_within(a: &str, b: &str, limit: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    edit_distance(&a, &b, limit).is_some()
}

/// The optimal-string-alignment distance between two words, if it is at most `limit`. Keeps
/// three rows, not the whole table, and gives up as soon as a row's best exceeds `limit`:
/// search calls it for many words per keystroke.
pub fn edit_distance(a: &[char], b: &[char], limit: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let width = b.len() + 1;
    let mut before: Vec<usize> = vec![0; width];
    let mut previous: Vec<usize> = (0..width).collect();
    let mut row: Vec<usize> = vec![0; width];
    for i in 1..=a.len() {
        row[0] = i;
        let mut best = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut value = (previous[j] + 1)
                .min(row[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                value = value.min(before[j - 2] + 1);
            }
            row[j] = value;
            best = best.min(value);
        }
        if best > limit {
            return None;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut row);
    }
    Some(previous[b.len()]).filter(|&distance| distance <= limit)
}

/// How many typos a typed word of this many letters may carry and still count: none under 4
/// letters (a typo there is another word), one from 4, two from 8.
pub fn typo_budget(letters: usize) -> usize {
    match letters {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_typos_and_transpositions() {
        assert!(edit_distance_within("pagination", "pagnation", 1));
        assert!(edit_distance_within("throttle", "thrtotle", 1));
        assert!(!edit_distance_within("cursor", "curosrs", 1));
        let chars = |word: &str| word.chars().collect::<Vec<_>>();
        assert_eq!(
            edit_distance(&chars("throttling"), &chars("throtling"), 2),
            Some(1)
        );
        assert_eq!(
            edit_distance(&chars("serializer"), &chars("seralizre"), 2),
            Some(2)
        );
        assert_eq!(edit_distance(&chars("cache"), &chars("cache"), 0), Some(0));
        assert_eq!(edit_distance(&chars("cache"), &chars("crash"), 1), None);
        assert_eq!(typo_budget(3), 0);
        assert_eq!(typo_budget(8), 2);
    }
}
