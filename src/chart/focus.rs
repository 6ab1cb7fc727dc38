//! What the pointer, a finger or the keyboard is on in a drawn chart, free of the DOM: the app's
//! canvas and the light embed both follow these rules (hit-testing is [`super::hit`]).

use super::Mark;
use crate::view::Figure;

/// The mark the pointer or keyboard is on, and where its tooltip goes.
#[derive(Clone, Debug, PartialEq)]
pub struct Focus {
    /// The mark.
    pub mark: Mark,
    /// Where the pointer is (or the mark's end, for the keyboard), in logical pixels.
    pub x: f64,
    /// As `x`.
    pub y: f64,
    /// Set by a tap, a click or the keyboard: it stays until Esc, another tap or a blur.
    pub pinned: bool,
}

impl Focus {
    /// Focus on a mark, as the keyboard puts it: pinned, at the mark's end.
    pub fn keyboard(mark: Mark) -> Focus {
        let (_, y) = mark.shape.centre();
        Focus { x: mark.shape.x + mark.shape.w, y, mark, pinned: true }
    }

    /// The figure of the focused mark.
    pub fn figure<'a>(&self, figures: &'a [Figure]) -> Option<&'a Figure> {
        figures.iter().find(|x| x.key == self.mark.key)
    }

    /// What a screen reader hears when the keyboard moves to a mark: "Lạng Sơn: 478 HTX (2023)"
    /// (nothing for a mark under the pointer only).
    pub fn spoken(&self, figures: &[Figure]) -> Option<String> {
        self.pinned.then(|| match self.figure(figures) {
            Some(x) => format!("{}: {} ({})", self.mark.label, x.value_text, x.date),
            None => self.mark.label.clone(),
        })
    }

    /// The tooltip's offset in a chart `width` wide: right and below the point, kept inside
    /// (a tooltip is at most 300 px wide).
    pub fn tooltip_at(&self, width: f64) -> (f64, f64) {
        ((self.x + 14.0).min((width - 300.0).max(0.0)), self.y + 14.0)
    }
}

/// The left edge of a tooltip `tip_w` wide that has to cover its mark's row (no room above or
/// below it in the window), in a chart `width` wide: left of the mark's point `mark_x` when it
/// fits there (a bar's value is written right of its end), else right of that value; inside.
pub fn beside(mark_x: f64, tip_w: f64, width: f64) -> f64 {
    let left = mark_x - 24.0 - tip_w;
    if left >= 0.0 {
        left
    } else {
        (mark_x + 160.0).min(width - tip_w).max(0.0)
    }
}

/// The mark a key moves the focus to, from the current one (of `n` marks).
pub fn next_index(key: &str, current: Option<usize>, n: usize) -> Option<usize> {
    if n == 0 {
        return None;
    }
    match key {
        "ArrowDown" | "ArrowRight" => Some(current.map_or(0, |i| (i + 1).min(n - 1))),
        "ArrowUp" | "ArrowLeft" => Some(current.map_or(0, |i| i.saturating_sub(1))),
        "Home" => Some(0),
        "End" => Some(n - 1),
        _ => None,
    }
}

/// What a key does to the focus.
#[derive(Clone, Debug, PartialEq)]
pub enum KeyAction {
    /// Nothing: the key is not one of the chart's.
    Ignored,
    /// Enter on a focused mark: choose it (its key).
    Choose(String),
    /// An arrow, Home or End: the focus moves (the key's default action is to be prevented).
    Move(Focus),
}

/// The marks drawn and the current focus, and what the pointer, a finger and the keyboard do to
/// them: the rules of every chart canvas.
#[derive(Clone, Copy, Debug)]
pub struct Pointer<'a> {
    /// The marks drawn.
    pub marks: &'a [Mark],
    /// The current focus.
    pub focus: Option<&'a Focus>,
}

impl Pointer<'_> {
    /// True when the focus is pinned (a hover does not move it).
    pub fn pinned(&self) -> bool {
        self.focus.is_some_and(|f| f.pinned)
    }

    /// A mouse or pen moved to a point: the new focus, when it changes (a pinned focus stays).
    pub fn moved(&self, x: f64, y: f64) -> Option<Option<Focus>> {
        if self.pinned() {
            return None;
        }
        let next = super::hit(self.marks, x, y).map(|m| Focus { mark: m.clone(), x, y, pinned: false });
        (self.focus.is_some() || next.is_some()).then_some(next)
    }

    /// A click or tap at a point: the new focus (a second tap on the same mark unpins it), and the
    /// key of the mark chosen: only a mark whose tooltip was already showing (the mouse's hover,
    /// or a first tap on a phone), so that a finger first reads a tile and only a second tap
    /// opens it.
    pub fn pressed(&self, x: f64, y: f64) -> (Option<Focus>, Option<String>) {
        let Some(mark) = super::hit(self.marks, x, y) else { return (None, None) };
        let shown = self.focus.is_some_and(|f| f.mark.key == mark.key);
        let same = shown && self.pinned();
        let key = shown.then(|| mark.key.clone());
        (if same { None } else { Some(Focus { mark: mark.clone(), x, y, pinned: true }) }, key)
    }

    /// A key pressed on the canvas: arrows, Home and End move between marks, Enter chooses.
    pub fn key(&self, key: &str) -> KeyAction {
        if self.marks.is_empty() {
            return KeyAction::Ignored;
        }
        if key == "Enter" {
            return self.focus.map_or(KeyAction::Ignored, |f| KeyAction::Choose(f.mark.key.clone()));
        }
        let current = self.focus.and_then(|f| self.marks.iter().position(|m| m.key == f.mark.key));
        match next_index(key, current, self.marks.len()) {
            Some(i) => KeyAction::Move(Focus::keyboard(self.marks[i].clone())),
            None => KeyAction::Ignored,
        }
    }

    /// The canvas got the keyboard focus: the first mark, when nothing is focused yet.
    pub fn entered(&self) -> Option<Focus> {
        if self.focus.is_some() {
            return None;
        }
        self.marks.first().cloned().map(Focus::keyboard)
    }
}

/// The marks as the canvas's `data-marks` attribute states them (the page's test hooks):
/// `[{"key", "label", "record", "x", "y", "w", "h", "hx", "hy", "hw", "hh"}]`.
pub fn marks_json(marks: &[Mark]) -> String {
    let mut out = String::from("[");
    for (i, m) in marks.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"key\":");
        push_json_string(&mut out, &m.key);
        out.push_str(",\"label\":");
        push_json_string(&mut out, &m.label);
        let (s, h) = (m.shape, m.hit);
        out.push_str(&format!(",\"record\":{},\"x\":{},\"y\":{},\"w\":{},\"h\":{},\"hx\":{},\"hy\":{},\"hw\":{},\"hh\":{}}}", m.record, s.x, s.y, s.w, s.h, h.x, h.y, h.w, h.h));
    }
    out.push(']');
    out
}

/// Appends a JSON string literal.
fn push_json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::Rect;

    fn mark(key: &str) -> Mark {
        let r = Rect { x: 10.0, y: 20.0, w: 100.5, h: 8.0 };
        Mark { key: key.into(), label: format!("\"{key}\"\n"), record: 3, hit: r, shape: r }
    }

    #[test]
    fn keys_move_between_marks() {
        assert_eq!(next_index("ArrowDown", None, 3), Some(0));
        assert_eq!(next_index("ArrowDown", Some(2), 3), Some(2));
        assert_eq!(next_index("ArrowUp", Some(1), 3), Some(0));
        assert_eq!(next_index("End", None, 3), Some(2));
        assert_eq!(next_index("a", None, 3), None);
        assert_eq!(next_index("Home", None, 0), None);
    }

    #[test]
    fn the_keyboard_pins_the_focus_at_the_marks_end() {
        let f = Focus::keyboard(mark("P20"));
        assert_eq!((f.x, f.y, f.pinned), (110.5, 24.0, true));
        assert_eq!(f.tooltip_at(320.0), (20.0, 38.0));
        let mut fig = Figure::sample();
        fig.key = "P20".into();
        assert_eq!(f.spoken(&[fig]).as_deref(), Some("\"P20\"\n: 478 HTX (2023)"));
        assert_eq!(Focus { pinned: false, ..f }.spoken(&[]), None);
    }

    #[test]
    fn marks_json_is_what_serde_json_writes() {
        let marks = vec![mark("P20"), mark("a:b")];
        let v: serde_json::Value = serde_json::from_str(&marks_json(&marks)).expect("valid JSON");
        assert_eq!(v[1]["key"], "a:b");
        assert_eq!(v[0]["label"], "\"P20\"\n");
        assert_eq!(v[0]["w"], 100.5);
        assert_eq!(v[0]["hh"], 8.0);
        assert_eq!(v[0]["record"], 3);
        assert_eq!(marks_json(&[]), "[]");
    }

    #[test]
    fn a_tooltip_that_covers_its_row_goes_beside_the_marks_value() {
        assert_eq!(beside(720.0, 300.0, 1000.0), 396.0, "left of a long bar's end");
        assert_eq!(beside(200.0, 300.0, 1000.0), 360.0, "right of a short bar's value");
        assert_eq!(beside(200.0, 300.0, 400.0), 100.0, "inside the chart");
        assert_eq!(beside(10.0, 300.0, 250.0), 0.0);
    }

    #[test]
    fn pointer_hover_tap_and_keys() {
        let (a, mut b) = (mark("a"), mark("b"));
        b.hit.y = 40.0;
        b.shape.y = 40.0;
        let marks = vec![a, b];
        let none = Pointer { marks: &marks, focus: None };
        assert_eq!(none.moved(0.0, 0.0), None, "nothing under the pointer, nothing focused");
        let hover = none.moved(20.0, 22.0).flatten().expect("a mark under the pointer");
        assert_eq!((hover.mark.key.as_str(), hover.pinned), ("a", false));
        assert_eq!(Pointer { marks: &marks, focus: Some(&hover) }.moved(0.0, 0.0), Some(None), "leaving the mark clears");
        let (tap, key) = none.pressed(20.0, 42.0);
        assert_eq!((tap.as_ref().map(|f| f.mark.key.as_str()), key.as_deref()), (Some("b"), None), "a first tap shows, chooses nothing");
        let pinned = Pointer { marks: &marks, focus: tap.as_ref() };
        assert_eq!(pinned.moved(20.0, 22.0), None, "a pinned focus stays");
        assert_eq!(pinned.pressed(20.0, 42.0), (None, Some("b".into())), "a second tap unpins and chooses");
        assert_eq!(pinned.pressed(20.0, 22.0).1, None, "a tap on another mark only shows it");
        let hovered = Pointer { marks: &marks, focus: Some(&hover) };
        let (click, chosen) = hovered.pressed(20.0, 22.0);
        assert_eq!((click.map(|f| f.pinned), chosen.as_deref()), (Some(true), Some("a")), "a click on the hovered mark chooses it");
        assert_eq!(pinned.key("Enter"), KeyAction::Choose("b".into()));
        assert!(matches!(pinned.key("ArrowUp"), KeyAction::Move(f) if f.mark.key == "a"));
        assert_eq!(pinned.key("x"), KeyAction::Ignored);
        assert_eq!(none.entered().map(|f| f.mark.key), Some("a".into()));
        assert_eq!(pinned.entered(), None);
        assert_eq!(Pointer { marks: &[], focus: None }.key("ArrowDown"), KeyAction::Ignored);
    }
}
