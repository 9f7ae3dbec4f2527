//! Typo tolerance: how far apart two words are.

/// Optimal-string-alignment edit distance (a transposition counts as one typo), stopping
/// early once it exceeds `limit`.
pub fn edit_distance_within(a: &str, b: &str, limit: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return false;
    }
    let width = b.len() + 1;
    let mut rows = vec![vec![0usize; width]; a.len() + 1];
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        rows[i][0] = i;
        let mut best = rows[i][0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut value = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                value = value.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = value;
            best = best.min(value);
        }
        if best > limit {
            return false;
        }
    }
    rows[a.len()][b.len()] <= limit
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
        assert_eq!(typo_budget(3), 0);
        assert_eq!(typo_budget(8), 2);
    }
}
