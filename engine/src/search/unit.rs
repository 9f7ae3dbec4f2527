//! A query's unit: what answering a query (`query`) and marking its matches in a result
//! (`snippet`) share, in a module of its own so neither depends on the other for it.

/// One thing the query asks for, with every term that answers it and how well.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Unit {
    /// (term index, quality in 0..=1)
    pub matches: Vec<(usize, f32)>,
    /// A function word: adds to cards that match something else, never counts as matched.
    pub bonus: bool,
}
