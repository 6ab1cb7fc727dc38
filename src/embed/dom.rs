//! The few DOM operations the light embed needs: elements with a class and text, attributes, and
//! event listeners that live as long as the page.

use crate::web::document;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A new element with a class (none when `class` is empty).
pub fn el(tag: &str, class: &str) -> web_sys::Element {
    let e = document().create_element(tag).expect("a valid tag name");
    if !class.is_empty() {
        e.set_class_name(class);
    }
    e
}

/// A new element with a class and text.
pub fn text(tag: &str, class: &str, text: &str) -> web_sys::Element {
    let e = el(tag, class);
    e.set_text_content(Some(text));
    e
}

/// Sets attributes (name, value).
pub fn attrs(e: &web_sys::Element, pairs: &[(&str, &str)]) {
    for (name, value) in pairs {
        let _ = e.set_attribute(name, value);
    }
}

/// Appends children in order.
pub fn append(parent: &web_sys::Element, children: &[&web_sys::Node]) {
    for c in children {
        let _ = parent.append_child(c);
    }
}

/// A `<button type="button">` with a label.
pub fn button(label: &str, test_id: &str) -> web_sys::Element {
    let b = text("button", "", label);
    attrs(&b, &[("type", "button")]);
    if !test_id.is_empty() {
        attrs(&b, &[("data-testid", test_id)]);
    }
    b
}

/// Listens to an event for the life of the page; the handler casts the event to what it expects.
pub fn on(target: &web_sys::EventTarget, name: &str, handler: impl FnMut(web_sys::Event) + 'static) {
    let cb = Closure::<dyn FnMut(web_sys::Event)>::new(handler);
    let _ = target.add_event_listener_with_callback(name, cb.as_ref().unchecked_ref());
    cb.forget();
}

/// Calls `f` whenever an element changes size (a ResizeObserver that lives as long as the page).
pub fn on_resize(target: &web_sys::Element, mut f: impl FnMut() + 'static) {
    let cb = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| f());
    if let Ok(ro) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
        ro.observe(target);
    }
    cb.forget();
}
