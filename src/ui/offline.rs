//! Offline use: registers the service worker (`sw.js`, written by `scripts/make-sw.mjs` with this
//! build's file list), and tells the reader when a newer version or newer data is waiting.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
export function htx_register_sw(onWaiting) {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return false;
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (window.__htxReloadOnUpdate && !reloading) { reloading = true; location.reload(); }
  });
  // after the first chart is painted (or 10 s), so that precaching never competes with it
  const start = Date.now();
  const later = (f) => (performance.getEntriesByName('htx-first-chart').length || Date.now() - start > 10000 ? f() : setTimeout(() => later(f), 200));
  later(() => navigator.serviceWorker.register('sw.js').then((reg) => {
    const check = (w) => { if (w && navigator.serviceWorker.controller) onWaiting(); };
    if (reg.waiting) check(reg.waiting);
    reg.addEventListener('updatefound', () => {
      const w = reg.installing;
      if (w) w.addEventListener('statechange', () => { if (w.state === 'installed') check(w); });
    });
  }).catch((e) => console.warn('HTX Charts: no offline copy (service worker):', e && e.message)));
  return true;
}
export function htx_apply_update() {
  window.__htxReloadOnUpdate = true;
  navigator.serviceWorker.getRegistration().then((reg) => {
    if (reg && reg.waiting) reg.waiting.postMessage('skip-waiting'); else location.reload();
  });
}
"#)]
extern "C" {
    fn htx_register_sw(on_waiting: &Closure<dyn FnMut()>) -> bool;
    fn htx_apply_update();
}

/// Registers the service worker once, and shows "Có dữ liệu mới — tải lại" when a new version of
/// the app or its data is ready.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let lang = super::context::lang();
    let waiting = RwSignal::new(false);
    let on_waiting = Closure::<dyn FnMut()>::new(move || waiting.set(true));
    htx_register_sw(&on_waiting);
    on_waiting.forget();
    move || {
        waiting.get().then(|| {
            view! {
                <div class="notice info update-banner" role="status" data-testid="update-banner">
                    {move || lang.get().pick("Có dữ liệu mới hoặc phiên bản mới của ứng dụng. ", "New data or a new version of the app is available. ")}
                    <button type="button" on:click=move |_| htx_apply_update()>{move || lang.get().pick("Tải lại", "Reload")}</button>
                </div>
            }
        })
    }
}
