//! The browser layer (Leptos, CSR): thin components over the pure modules. The dataset and the
//! language reach components through context ([`context`]).

mod app;
mod browser;
mod chart_canvas;
mod chart_figure;
mod context;
mod dataset;
mod deck_panel;
mod downloads;
mod embed;
mod embed_dialog;
mod editor_fields;
mod editor_grid;
mod editor_out;
mod editor_page;
mod editor_state;
mod explore_controls;
mod explore_panel;
mod explorer;
mod fetch;
mod figures_table;
mod key_figures;
mod legend;
pub mod link_data;
mod offline;
mod present;
mod problems;
mod share_bar;
mod shell;
mod sources_page;
mod state;
mod static_view;
mod summary;
mod timing;
mod tooltip;

pub use app::App;
pub use chart_canvas::ChartCanvas;

/// Mounts the app on `<body>`.
pub fn mount() {
    console_error_panic_hook::set_once();
    static_view::mount(App);
}

/// Mounts the embed page alone (the `htx-embed` bundle served as `embed.html`).
pub fn mount_embed() {
    console_error_panic_hook::set_once();
    static_view::mount(embed::EmbedApp);
}
