//! The chart maker bundle (`tao.html`): the editor on its own, so that the explorer's readers do
//! not download its code.

#[cfg(target_arch = "wasm32")]
fn main() {
    htx_charts::ui::mount_editor();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The HTX Charts chart maker runs in the browser: build it with scripts/build.sh (see README.md).");
}
