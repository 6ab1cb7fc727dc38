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

/// Mounts the app on `<body>`. At `/embed` (an embed's address on a host that serves the app for
/// every path) it goes to `embed.html` with the same query and fragment instead: the light embed
/// is its own bundle, so the app carries none of it.
pub fn mount() {
    console_error_panic_hook::set_once();
    let loc = crate::web::window().location();
    let path = loc.pathname().unwrap_or_default();
    if path.ends_with("/embed") {
        let dir = &path[..path.rfind('/').unwrap_or(0) + 1];
        let to = format!("{dir}embed.html{}{}", loc.search().unwrap_or_default(), loc.hash().unwrap_or_default());
        let _ = loc.replace(&to);
        return;
    }
    static_view::mount(App);
}
