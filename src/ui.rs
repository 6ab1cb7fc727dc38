//! The browser layer (Leptos, CSR): thin components over the pure modules.

mod app;
mod browser;
mod chart_canvas;
mod chart_figure;
mod dataset;
mod deck_panel;
mod downloads;
mod embed;
mod explore_panel;
mod explorer;
mod figures_table;
mod key_charts;
mod present;
mod problems;
mod share_bar;
mod state;
mod timing;
mod tooltip;

pub use app::App;
pub use chart_canvas::ChartCanvas;

/// Mounts the app on `<body>`.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

/// Mounts the embed view alone (the `htx-embed` bundle served as `embed.html`).
pub fn mount_embed() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::EmbedApp);
}
