//! Stage 2: which date's figures. One rule for every view: with [`DatePick::Latest`] each area
//! shows the figures of its latest date (every source at that date is kept, never averaged); with
//! a year, the figures dated in that year. Where only one figure per area can be drawn (a map
//! tile), it is the first of those in the file ([`first_per_area`]).

use crate::explore::DatePick;
use crate::model::Observation;
use std::collections::BTreeMap;

/// The figures of each area at its latest date, or the figures of one year; file order is kept.
pub fn dates<'a>(obs: &[&'a Observation], pick: DatePick) -> Vec<&'a Observation> {
    match pick {
        DatePick::Year(y) => obs.iter().copied().filter(|o| o.date.year() == y).collect(),
        DatePick::Latest => {
            let mut latest: BTreeMap<&str, u32> = BTreeMap::new();
            for o in obs {
                let k = latest.entry(&o.area).or_insert(0);
                *k = (*k).max(o.date.sort_key());
            }
            obs.iter().copied().filter(|o| latest.get(o.area.as_str()) == Some(&o.date.sort_key())).collect()
        }
    }
}

/// The first figure of each area (lowest record index), by area code.
pub fn first_per_area<'a>(obs: &[&'a Observation]) -> BTreeMap<&'a str, &'a Observation> {
    let mut out: BTreeMap<&str, &Observation> = BTreeMap::new();
    for o in obs {
        let slot = out.entry(o.area.as_str()).or_insert(o);
        if o.record < slot.record {
            *slot = o;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateRef, Metric, Qualifier, Unit, Value};

    fn obs(area: &str, date: &str, record: usize) -> Observation {
        Observation {
            area: area.into(),
            date: DateRef::parse(date).unwrap(),
            metric: Metric::Cooperatives,
            sector: None,
            rating: None,
            value: Value::Point(1.0),
            qualifier: Qualifier::Exact,
            unit: Unit::Cooperatives,
            source: "s".into(),
            scope: None,
            quote: None,
            note: None,
            part: None,
            record,
        }
    }

    #[test]
    fn latest_keeps_every_source_at_the_latest_date() {
        let list = [obs("A", "2020", 0), obs("A", "2023", 1), obs("A", "2023", 2), obs("B", "2019-05", 3), obs("B", "2019", 4)];
        let refs: Vec<&Observation> = list.iter().collect();
        let got: Vec<usize> = dates(&refs, DatePick::Latest).iter().map(|o| o.record).collect();
        // a bare year stands for its end: "2019" is later than "2019-05"
        assert_eq!(got, [1, 2, 4]);
        let y: Vec<usize> = dates(&refs, DatePick::Year(2019)).iter().map(|o| o.record).collect();
        assert_eq!(y, [3, 4]);
        let first = first_per_area(&dates(&refs, DatePick::Latest));
        assert_eq!(first["A"].record, 1);
    }
}
