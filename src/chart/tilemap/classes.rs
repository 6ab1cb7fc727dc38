//! Class breaks of the tile map's colour scale: up to five classes with round boundaries.

/// Up to five classes with round boundaries, quantile-like over the distinct values (about two
/// values per class when there are few): each boundary is the roundest number between two
/// neighbouring values near its quantile.
pub fn classify(values: &[f64]) -> Vec<(f64, f64)> {
    let mut d: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    crate::sort::sort_by(&mut d, f64::total_cmp);
    d.dedup();
    let (Some(&min), Some(&max)) = (d.first(), d.last()) else { return Vec::new() };
    let n = d.len();
    if n == 1 {
        return vec![(min, max)];
    }
    let k = if n <= 3 { n } else { (n / 2).clamp(3, 5) };
    let mut cuts = Vec::new();
    let mut prev = 0; // the last value index below the previous cut
    for i in 1..k {
        let j0 = (i * n + k / 2) / k;
        // candidate gaps d[j-1] < cut <= d[j], one rank either side, after the previous cut and
        // leaving room for the cuts still to come
        let lo = (j0.saturating_sub(1)).max(prev + 1).max(1);
        let hi = (j0 + 1).min(n - (k - i));
        let best = (lo..=hi.max(lo))
            .map(|j| {
                let (x, step) = roundest_between(d[j - 1], d[j]);
                (j, x, step)
            })
            .max_by(|a, b| a.2.total_cmp(&b.2).then((b.0 as isize - j0 as isize).abs().cmp(&(a.0 as isize - j0 as isize).abs())));
        if let Some((j, x, _)) = best {
            cuts.push(x);
            prev = j;
        }
    }
    let lo = round_sig(min, false).min(min);
    let hi = round_sig(max, true).max(max);
    let mut bounds = vec![lo];
    bounds.extend(cuts);
    // the cuts rise strictly and lie in (lo, hi]; the last class is closed, so it may be one value
    bounds.push(hi);
    bounds.windows(2).map(|w| (w[0], w[1])).collect()
}

/// The roundest number in `(a, c]`, and the step it is a multiple of.
fn roundest_between(a: f64, c: f64) -> (f64, f64) {
    let top = 10f64.powi(c.abs().max(1e-12).log10().ceil() as i32 + 1);
    let mut e = top;
    for _ in 0..40 {
        for m in [1.0, 0.5, 0.25, 0.2] {
            let step = e * m;
            let x = clean((a / step).floor() * step + step);
            if x > a && x <= c {
                return (x, step);
            }
        }
        e /= 10.0;
    }
    (c, 0.0)
}

/// `x` rounded down or up to two significant digits.
fn round_sig(x: f64, up: bool) -> f64 {
    if x <= 0.0 {
        return x;
    }
    let step = 10f64.powi(x.log10().floor() as i32 - 1);
    let q = x / step;
    clean(if up { q.ceil() } else { q.floor() } * step)
}

/// Removes float noise (0.30000000000000004).
fn clean(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let p = 10f64.powi(12 - x.abs().log10().ceil() as i32);
    (x * p).round() / p
}

/// The class of a value: `[low, high)`, the last class closed.
pub fn class_of(classes: &[(f64, f64)], v: f64) -> usize {
    classes.iter().position(|&(_, hi)| v < hi).unwrap_or(classes.len().saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_are_round_and_cover() {
        let v = [478.0, 2086.0, 608.0, 1087.0, 1000.0];
        let c = classify(&v);
        assert_eq!(c, vec![(470.0, 1000.0), (1000.0, 2000.0), (2000.0, 2100.0)]);
        for w in c.windows(2) {
            assert_eq!(w[0].1, w[1].0);
        }
        assert_eq!(classify(&[5.0]), vec![(5.0, 5.0)]);
        assert!(classify(&[]).is_empty());
        assert_eq!(roundest_between(478.0, 608.0).0, 500.0);
        assert_eq!(roundest_between(1000.0, 1087.0).0, 1050.0);
        let many: Vec<f64> = (1..=40).map(|i| (i * i * 7) as f64).collect();
        let c = classify(&many);
        assert_eq!(c.len(), 5);
        assert!(c[0].0 <= 7.0 && c[4].1 >= 11200.0);
        for w in c.windows(2) {
            assert!(w[0].0 < w[0].1 && w[0].1 == w[1].0);
        }
        assert_eq!(classify(&[1.0, 2.0]), vec![(1.0, 2.0), (2.0, 2.0)]);
    }

}
