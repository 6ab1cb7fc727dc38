//! Mounts the app. Everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    htx_charts::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("HTX Charts runs in the browser: build it with `trunk build --release` (see README.md).");
}
