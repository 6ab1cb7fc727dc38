//! In-browser tests (wasm-bindgen-test in Chromium): the chart component really draws on a canvas.
#![cfg(all(target_arch = "wasm32", feature = "app"))]

use htx_charts::i18n::Lang;
use htx_charts::view::{self, ChartView};
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

/// Waits (up to 3 s, checking every 20 ms) until `done` holds; fails saying what did not happen.
async fn wait_for(what: &str, done: impl Fn() -> bool) {
    for _ in 0..150 {
        if done() {
            return;
        }
        sleep(20).await;
    }
    panic!("timed out waiting for: {what}");
}

async fn mount_chart(chart: ChartView, width: u32) -> (HtmlElement, HtmlCanvasElement) {
    let host = host(width);
    let (spec, figures) = (chart.spec.clone(), chart.figures.clone());
    let handle = leptos::mount::mount_to(host.clone(), move || {
        view! { <ChartCanvas spec=Signal::stored(spec.clone()) figures=Signal::stored(figures.clone()) label="test".to_string() /> }
    });
    handle.forget();
    let h = host.clone();
    wait_for("the canvas is drawn", move || h.query_selector("canvas[data-drawn]").ok().flatten().is_some()).await;
    let canvas: HtmlCanvasElement = host.query_selector("canvas").unwrap().expect("a canvas").unchecked_into();
    (host, canvas)
}

fn build(ds: &htx_charts::model::Dataset, query: &str) -> ChartView {
    let (sel, _) = htx_charts::explore::from_query(&htx_charts::deck::from_query(query), ds);
    view::build(ds, &sel, Lang::Vi)
}

fn dataset() -> Arc<htx_charts::model::Dataset> {
    Arc::new(htx_charts::load::load(include_str!("fixtures/small.json"), "test").expect("fixture loads"))
}

#[wasm_bindgen_test]
async fn bar_chart_draws_on_the_canvas() {
    let ds = dataset();
    let (_, canvas) = mount_chart(build(&ds, ""), 600).await;
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
    for chart in [build(&ds, "a=vn&c=line"), build(&ds, "m=rating_share&c=pct")] {
        let (_, canvas) = mount_chart(chart, 500).await;
        assert_eq!(canvas.get_attribute("data-drawn").as_deref(), Some("1"));
        assert!(ink(&canvas) > 0.01);
    }
}

#[wasm_bindgen_test]
async fn canvas_redraws_when_its_container_resizes() {
    let ds = dataset();
    let (host, canvas) = mount_chart(build(&ds, ""), 600).await;
    host.set_attribute("style", "width:360px").unwrap();
    let dpr = web_sys::window().unwrap().device_pixel_ratio();
    let c = canvas.clone();
    wait_for("the canvas is redrawn at 360 px", move || c.width() == (360.0 * dpr).round() as u32).await;
    assert_eq!(canvas.width(), (360.0 * dpr).round() as u32);
    assert!(ink(&canvas) > 0.02);
}
