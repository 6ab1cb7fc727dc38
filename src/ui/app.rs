//! The app: the router and its pages.

use super::context::WithLang;
use super::explorer::Explorer;
use super::present::PresentPage;
use super::shell::NotFound;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <WithLang>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Explorer />
                    <Route path=path!("/index.html") view=Explorer />
                    <Route path=path!("/embed") view=super::embed::EmbedPage />
                    <Route path=path!("/present") view=PresentPage />
                </Routes>
            </WithLang>
        </Router>
    }
}
