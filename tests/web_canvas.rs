//! In-browser tests (wasm-bindgen-test in Chromium): the chart component really draws on a canvas.
#![cfg(target_arch = "wasm32")]

use htx_charts::i18n::Lang;
use htx_charts::query;
use htx_charts::ui::ChartCanvas;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

fn host(width: u32) -> HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    host.set_attribute("style", &format!("width:{width}px")).unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    host
}

/// Share of pixels that are not the white background.
fn ink(canvas: &HtmlCanvasElement) -> f64 {
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    let (w, h) = (canvas.width(), canvas.height());
    let data = ctx.get_image_data(0.0, 0.0, w as f64, h as f64).unwrap().data();
    let inked = data.chunks(4).filter(|p| p[0] < 240 || p[1] < 240 || p[2] < 240).count();
    inked as f64 / (w * h) as f64
}

async fn mount_chart(view: query::ChartView, ds: Arc<htx_charts::model::Dataset>, width: u32) -> (HtmlElement, HtmlCanvasElement) {
    let host = host(width);
    let spec = view.spec.clone();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        view! { <ChartCanvas spec=Signal::stored(spec.clone()) ds=ds.clone() lang=Signal::stored(Lang::Vi) label="test".to_string() /> }
    });
    handle.forget();
    sleep(150).await;
    let canvas: HtmlCanvasElement = host.query_selector("canvas").unwrap().expect("a canvas").unchecked_into();
    (host, canvas)
}

fn dataset() -> Arc<htx_charts::model::Dataset> {
    Arc::new(htx_charts::load::load(include_str!("fixtures/small.json"), "test").expect("fixture loads"))
}

#[wasm_bindgen_test]
async fn bar_chart_draws_on_the_canvas() {
    let ds = dataset();
    let (_, canvas) = mount_chart(query::coops_by_area(&ds, Lang::Vi), ds.clone(), 600).await;
    assert_eq!(canvas.get_attribute("data-drawn").as_deref(), Some("1"));
    let dpr = web_sys::window().unwrap().device_pixel_ratio();
    assert_eq!(canvas.width(), (600.0 * dpr).round() as u32, "canvas fills its container at the pixel ratio");
    let share = ink(&canvas);
    assert!(share > 0.02, "only {share} of the canvas is drawn");
    let marks: serde_json::Value = serde_json::from_str(&canvas.get_attribute("data-marks").unwrap()).unwrap();
    assert!(!marks.as_array().unwrap().is_empty());
}

#[wasm_bindgen_test]
async fn series_and_stacked_charts_draw() {
    let ds = dataset();
    for view in [query::national_series(&ds, Lang::Vi), query::rating_shares(&ds, Lang::Vi)] {
        let (_, canvas) = mount_chart(view, ds.clone(), 500).await;
        assert_eq!(canvas.get_attribute("data-drawn").as_deref(), Some("1"));
        assert!(ink(&canvas) > 0.01);
    }
}

#[wasm_bindgen_test]
async fn canvas_redraws_when_its_container_resizes() {
    let ds = dataset();
    let (host, canvas) = mount_chart(query::coops_by_area(&ds, Lang::Vi), ds.clone(), 600).await;
    host.set_attribute("style", "width:360px").unwrap();
    sleep(200).await;
    let dpr = web_sys::window().unwrap().device_pixel_ratio();
    assert_eq!(canvas.width(), (360.0 * dpr).round() as u32);
    assert!(ink(&canvas) > 0.02);
}
