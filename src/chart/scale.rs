//! Axis ticks and text measurement shared by every chart.

/// Ticks from 0 to at least `max`, at 1, 2 or 5 times a power of ten, about `target` of them.
pub fn nice_ticks(max: f64, target: usize) -> Vec<f64> {
    if !(max.is_finite()) || max <= 0.0 {
        return vec![0.0, 1.0];
    }
    let raw = max / target.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * mag).find(|s| *s >= raw).unwrap_or(10.0 * mag);
    let n = (max / step).ceil() as usize;
    // round away float noise (0.6000000000000001) at the step's precision
    let p = 10f64.powi((-mag.log10()).round().max(0.0) as i32 + 1);
    (0..=n).map(|i| (i as f64 * step * p).round() / p).collect()
}

/// Estimated width of text in logical pixels at a font size (proportional sans-serif).
/// The same estimate is used on every backend so that layouts match between canvas and SVG.
pub fn text_width(s: &str, size: f64) -> f64 {
    // Widths of DejaVu Sans / Liberation Sans, the fonts Debian's Chromium falls back to, rounded
    // up slightly so that labels never collide.
    s.chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.3,
            't' | 'f' | 'r' | ' ' | '(' | ')' | '-' => 0.4,
            'm' | 'w' | 'M' | 'W' => 0.92,
            '0'..='9' => 0.64,
            c if crate::case::lower(c) != c => 0.72, // upper case (Vietnamese and Latin letters)
            _ => 0.62,
        })
        .sum::<f64>()
        * size
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_cover_the_max() {
        let t = nice_ticks(478.0, 5);
        assert_eq!(t.first(), Some(&0.0));
        assert!(*t.last().unwrap() >= 478.0);
        assert_eq!(t, vec![0.0, 100.0, 200.0, 300.0, 400.0, 500.0]);
        assert_eq!(nice_ticks(0.0, 5), vec![0.0, 1.0]);
        assert_eq!(nice_ticks(100.0, 4), vec![0.0, 25.0, 50.0, 75.0, 100.0]);
    }
}
