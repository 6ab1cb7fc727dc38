//! The app's two bundles: the explorer ([`App`], `index.html`) and the presentation and sources
//! pages ([`PagesApp`], `present.html`, `nguon.html`). The router's base is the folder the page is
//! served from, so the same build works at a site's root and in any sub-folder; every page has an
//! `.html` address, which a plain static host serves without any rewrite rule, and a link to
//! another bundle's page loads that page ([`super::shell::NotFound`]).

use super::context::WithLang;
use super::explorer::Explorer;
use super::offline::UpdateBanner;
use super::present::PresentPage;
use super::shell::NotFound;
use super::sources_page::SourcesPage;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The explorer (`index.html`).
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router base=super::browser::router_base()>
            <WithLang>
                <UpdateBanner />
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Explorer />
                    <Route path=path!("/index.html") view=Explorer />
                </Routes>
            </WithLang>
        </Router>
    }
}

/// The presentation and sources pages (`present.html`, `nguon.html`): a bundle of their own, so
/// that the explorer's readers do not download them, nor their readers the explorer.
#[component]
pub fn PagesApp() -> impl IntoView {
    view! {
        <Router base=super::browser::router_base()>
            <WithLang>
                <UpdateBanner />
                <Routes fallback=NotFound>
                    <Route path=path!("/present") view=PresentPage />
                    <Route path=path!("/present.html") view=PresentPage />
                    <Route path=path!("/nguon") view=SourcesPage />
                    <Route path=path!("/nguon.html") view=SourcesPage />
                </Routes>
            </WithLang>
        </Router>
    }
}
