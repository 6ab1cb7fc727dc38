//! The presentation and sources bundle (`present.html`, `nguon.html`): the explorer's readers do
//! not download the deck or the source list, and a deck on a projector does not load the explorer.

#[cfg(target_arch = "wasm32")]
fn main() {
    htx_charts::ui::mount_pages();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The HTX Charts presentation and sources pages run in the browser: build them with scripts/build.sh (see README.md).");
}
