//! The browser layer (Leptos, CSR): thin components over the pure modules. The dataset and the
//! language reach components through context ([`context`]).

mod app;
mod browser;
mod chart_canvas;
mod chart_figure;
mod context;
mod copy_button;
mod dataset;
mod deck_panel;
mod downloads;
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
mod offline;
mod present;
mod problems;
mod share_bar;
mod shell;
mod sources_page;
mod state;
mod static_view;
mod summary;
mod tooltip;

pub use app::App;
pub use chart_canvas::ChartCanvas;

/// Mounts the presentation and sources pages (`present.html`, `nguon.html`, their own bundle),
/// behind the static first slide when it is shown.
pub fn mount_pages() {
    console_error_panic_hook::set_once();
    static_view::mount(app::PagesApp);
}

/// Mounts the chart maker (`tao.html`, its own bundle) on `<body>`.
pub fn mount_editor() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(editor_page::EditorApp);
}

/// Mounts the explorer on `<body>`, behind the static first view when it is shown. (At `/embed`
/// on a host that serves this page for every path, its router's fallback goes to `embed.html`:
/// [`shell::NotFound`].)
pub fn mount() {
    console_error_panic_hook::set_once();
    static_view::mount(App);
}
