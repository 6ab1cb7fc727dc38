//! The embed bundle: only the embed view, so a news portal's readers download less.

#[cfg(target_arch = "wasm32")]
fn main() {
    htx_charts::embed::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The HTX Charts embed runs in the browser: build it with scripts/build.sh (see README.md).");
}
