//! Shares shown as whole percentages, formatted as integers: a label and the slider it names
//! show the same number (the retention slider moves in whole percents), and no label depends on
//! how floats print.

/// `share` (0.0..=1.0) as a whole percentage, rounded: 0.456 → 46.
pub fn whole_percent(share: f64) -> u32 {
    (share.clamp(0.0, 1.0) * 100.0).round() as u32
}

/// `part` of `whole` in tenths of a percent, for CSS widths ("45.6%"); a whole of 0 is full.
pub fn css_percent(part: usize, whole: usize) -> String {
    let tenths = (part.min(whole) * 1000 + whole / 2)
        .checked_div(whole)
        .unwrap_or(1000);
    format!("{}.{}%", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_round_to_whole_percentages() {
        assert_eq!(whole_percent(0.456), 46);
        assert_eq!(whole_percent(0.0), 0);
        assert_eq!(whole_percent(1.2), 100);
        assert_eq!(whole_percent(0.9), 90);
    }

    #[test]
    fn css_widths_keep_one_decimal() {
        assert_eq!(css_percent(1, 3), "33.3%");
        assert_eq!(css_percent(2, 3), "66.7%");
        assert_eq!(css_percent(0, 0), "100.0%");
        assert_eq!(css_percent(5, 5), "100.0%");
        assert_eq!(css_percent(9, 5), "100.0%");
    }
}
