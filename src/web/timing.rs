//! Timing of redraws after a control change, for the benchmark (read from the page).

use std::cell::Cell;

thread_local! {
    static STARTED: Cell<Option<f64>> = const { Cell::new(None) };
}

/// Milliseconds since the page started.
pub fn now() -> f64 {
    super::window().performance().map(|p| p.now()).unwrap_or(0.0)
}

/// A control changed: the next paint measures from here.
pub fn change_started() {
    STARTED.with(|s| s.set(Some(now())));
}

/// A chart was painted: the milliseconds since the last control change, if one is pending.
pub fn painted() -> Option<f64> {
    STARTED.with(|s| s.take()).map(|t0| now() - t0)
}
