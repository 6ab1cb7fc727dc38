//! The app: the router and its pages. The router's base is the folder the page is served from, so
//! the same build works at a site's root and in any sub-folder; every page also has an `.html`
//! address (`present.html`), which a plain static host serves without any rewrite rule.

use super::context::WithLang;
use super::explorer::Explorer;
use super::offline::UpdateBanner;
use super::present::PresentPage;
use super::shell::NotFound;
use super::sources_page::SourcesPage;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router base=super::browser::router_base()>
            <WithLang>
                <UpdateBanner />
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Explorer />
                    <Route path=path!("/index.html") view=Explorer />
                    <Route path=path!("/present") view=PresentPage />
                    <Route path=path!("/present.html") view=PresentPage />
                    <Route path=path!("/nguon") view=SourcesPage />
                    <Route path=path!("/nguon.html") view=SourcesPage />
                </Routes>
            </WithLang>
        </Router>
    }
}
