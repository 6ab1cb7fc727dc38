//! The tile map's legend: colour classes, "no data" and "former provinces only" items, laid out in
//! the empty cells west of the coast when they fit, or below the grid.

use super::*;

/// One line of the legend.
#[derive(Debug, Clone)]
pub(super) enum Item {
    Header(String),
    Class(usize, String),
    NoData(String),
    Former(String),
    Note(String),
}

impl Item {
    fn text(&self) -> &str {
        match self {
            Item::Header(s) | Item::Class(_, s) | Item::NoData(s) | Item::Former(s) | Item::Note(s) => s,
        }
    }
    fn has_swatch(&self) -> bool {
        matches!(self, Item::Class(..) | Item::NoData(_) | Item::Former(_))
    }
}

pub(super) fn former_mark(lang: Lang) -> &'static str {
    lang.pick("cũ", "old")
}

pub(super) fn legend_items(spec: &TileMapSpec, t: &Theme) -> Vec<Item> {
    let lang = t.lang;
    let scale = match spec.tick_divisor {
        d if d >= 1e12 => MoneyScale::Trillion,
        d if d >= 1e9 => MoneyScale::Billion,
        d if d >= 1e6 => MoneyScale::Million,
        _ => MoneyScale::One,
    };
    let mut items = vec![Item::Header(format::unit_text(spec.unit, scale, lang))];
    for (i, l) in spec.class_labels.iter().enumerate() {
        items.push(Item::Class(i, l.clone()));
    }
    items.push(Item::NoData(lang.pick("Không có số liệu", "No data").to_string()));
    if spec.tiles.iter().any(|t| matches!(t.state, TileState::FormerOnly { .. })) {
        items.push(Item::Former(lang.pick("Chỉ có số liệu tỉnh cũ", "Former provinces only").to_string()));
    }
    let labels: Vec<&str> = spec
        .tiles
        .iter()
        .filter_map(|t| match &t.state {
            TileState::Value { label, .. } => Some(label.as_str()),
            _ => None,
        })
        .collect();
    let mut notes = Vec::new();
    if labels.iter().any(|l| l.contains('>')) {
        notes.push(lang.pick("> hơn", "> more than"));
    }
    if labels.iter().any(|l| l.starts_with('≥')) {
        notes.push(lang.pick("≥ ít nhất", "≥ at least"));
    }
    if labels.iter().any(|l| l.starts_with('~')) {
        notes.push(lang.pick("~ gần đúng, ước tính, sơ bộ", "~ approximate, estimate"));
    }
    items.extend(notes.into_iter().map(|n| Item::Note(n.to_string())));
    items
}

/// Legend metrics: text size, line height, swatch size.
pub(super) fn legend_size(t: &Theme) -> (f64, f64, f64) {
    let size = t.text * 0.85;
    (size, (size * 1.65).round(), (size * 1.15).round())
}

pub(super) fn item_width(item: &Item, t: &Theme) -> f64 {
    let (size, _, sw) = legend_size(t);
    text_width(item.text(), size) + if item.has_swatch() { sw + 6.0 } else { 0.0 }
}

pub(super) fn draw_legend<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, l: &Layout, spec: &TileMapSpec, t: &Theme) -> Result<(), DrawError> {
    let (size, line, sw) = legend_size(t);
    let n_classes = spec.classes.len();
    let (cols, col_w) = match l.place {
        Place::Gap => (1, l.legend_w),
        Place::Below { cols, col_w } => (cols, col_w),
    };
    let per_col = l.items.len().div_ceil(cols.max(1));
    let text_max = l.legend_w.min(area.dim_in_pixel().0 as f64 / t.scale - l.legend_x - PAD);
    for (i, item) in l.items.iter().enumerate() {
        let (c, r) = (i / per_col, i % per_col);
        let x = l.legend_x + c as f64 * col_w;
        let cy = l.legend_y + r as f64 * line + line / 2.0;
        let (sx, sy) = (x, cy - sw / 2.0);
        let tx = if item.has_swatch() { x + sw + 6.0 } else { x };
        let colour = if matches!(item, Item::Note(_)) { t.muted } else { t.ink };
        match item {
            Item::Class(k, _) => {
                let f = class_colour(*k, n_classes);
                area.draw(&Rectangle::new([t.pt(sx, sy), t.pt(sx + sw, sy + sw)], f.filled()))?;
            }
            Item::NoData(_) => {
                area.draw(&Rectangle::new([t.pt(sx, sy), t.pt(sx + sw, sy + sw)], nodata_fill(t).filled()))?;
                hatch(area, sx, sy, sw, mix(nodata_fill(t), t.muted, 0.22), t)?;
            }
            Item::Former(_) => {
                area.draw(&Rectangle::new([t.pt(sx, sy), t.pt(sx + sw, sy + sw)], t.background.filled()))?;
                dashed_square(area, sx + 0.5, sy + 0.5, sw - 1.0, t.muted, t)?;
            }
            Item::Header(_) | Item::Note(_) => {}
        }
        // half a pixel of slack: the widest item's own width, recomputed, must not cut it
        let text = fit(item.text(), text_max - (tx - x) + 0.5, size);
        let f = (t.font, size * t.scale * t.backend_font_factor).into_font().color(&colour).pos(Pos::new(HPos::Left, VPos::Center));
        area.draw(&Text::new(text, t.pt(tx, cy), f))?;
    }
    Ok(())
}

