//! public/embed.js: size, and its message filtering, run in Node with a stub DOM (`node` must be
//! on PATH: the test fails, naming it, when it is not).

mod common;

use common::root;
use std::process::Command;

const HARNESS: &str = r#"
const fs = require('fs');
const src = fs.readFileSync(process.argv[1], 'utf8');
let listener = null;
const mkFrame = () => ({ contentWindow: {}, style: {} });
const frames = [mkFrame(), mkFrame()];
const other = mkFrame();
const window = { addEventListener: (t, f) => { if (t === 'message') listener = f; } };
const document = {
  currentScript: { src: 'https://charts.example.org/app/embed.js?v=1' },
  querySelectorAll: (sel) => sel === 'iframe[data-htx-embed]' ? frames : [],
};
new Function('window', 'document', 'URL', src)(window, document, URL);
if (!listener) throw new Error('no message listener');
const O = 'https://charts.example.org';
const send = (origin, source, data) => listener({ origin, source, data });
const ok = (v) => ({ type: 'htx-charts:height', height: v });
send(O, frames[0].contentWindow, ok(480.2));
if (frames[0].style.height !== '481px') throw new Error('resize: ' + frames[0].style.height);
if (frames[1].style.height !== undefined) throw new Error('other frame touched');
const bad = [
  ['https://evil.example', frames[1].contentWindow, ok(500)],
  ['http://charts.example.org', frames[1].contentWindow, ok(500)],
  [O, other.contentWindow, ok(500)],
  [O, {}, ok(500)],
  [O, frames[1].contentWindow, { type: 'htx-charts:other', height: 500 }],
  [O, frames[1].contentWindow, { type: 'htx-charts:height', height: '500' }],
  [O, frames[1].contentWindow, ok(NaN)],
  [O, frames[1].contentWindow, ok(Infinity)],
  [O, frames[1].contentWindow, ok(99)],
  [O, frames[1].contentWindow, ok(10001)],
  [O, frames[1].contentWindow, null],
  [O, frames[1].contentWindow, 'htx-charts:height'],
];
for (const [o, s, d] of bad) {
  send(o, s, d);
  if (frames[1].style.height !== undefined) throw new Error('accepted ' + JSON.stringify([o, d]));
}
// an iframe added after the script ran
const late = mkFrame();
frames.push(late);
send(O, late.contentWindow, ok(10000));
if (late.style.height !== '10000px') throw new Error('late frame: ' + late.style.height);
console.log('embed.js ok');
"#;

#[test]
fn embed_js_is_small_and_plain() {
    let text = std::fs::read_to_string(root("public/embed.js")).unwrap();
    assert!(text.len() < 2048, "{} bytes", text.len());
    for modern in ["=>", "let ", "const ", "`", "class "] {
        assert!(!text.contains(modern), "ES5 only: found {modern:?}");
    }
}

#[test]
fn embed_js_accepts_only_height_messages_from_its_iframes() {
    match Command::new("node").arg("--version").output() {
        Ok(v) if v.status.success() => {}
        Ok(v) => panic!("`node --version` failed ({}): `node` is needed to run public/embed.js in a stub DOM", v.status),
        Err(e) => panic!("`node` is needed to run public/embed.js in a stub DOM and could not be started: {e}"),
    }
    let out = Command::new("node").arg("-e").arg(HARNESS).arg(root("public/embed.js")).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success() && stdout.contains("embed.js ok"), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
}
