//! The stylesheets are well formed: a stray or missing brace makes a browser drop the rules after
//! it (a split of main.css once left a `}` that silently disabled the next rule).

use std::fs;

/// The depth of braces through a stylesheet, comments and strings set aside: `Err` at the first
/// brace that closes nothing, or with the depth left open at the end.
fn balance(css: &str) -> Result<(), String> {
    let (mut depth, mut line) = (0i32, 1usize);
    let mut chars = css.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => line += 1,
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if c == '\n' {
                        line += 1;
                    }
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
            }
            '"' | '\'' => {
                for d in chars.by_ref() {
                    if d == c {
                        break;
                    }
                }
            }
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth < 0 {
                    return Err(format!("line {line}: a `}}` that closes nothing"));
                }
            }
            _ => {}
        }
    }
    if depth == 0 { Ok(()) } else { Err(format!("{depth} block(s) left open at the end")) }
}

#[test]
fn every_stylesheet_has_balanced_braces() {
    let mut read = 0;
    for entry in fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/style")).expect("style/") {
        let path = entry.expect("a file").path();
        if path.extension().is_some_and(|e| e == "css") {
            let css = fs::read_to_string(&path).expect("readable");
            if let Err(e) = balance(&css) {
                panic!("{}: {e}", path.display());
            }
            read += 1;
        }
    }
    assert!(read >= 2, "base.css and main.css are read");
}

#[test]
fn a_stray_brace_is_found() {
    assert!(balance("a { b: c; }\n}\n.d { e: f; }").unwrap_err().starts_with("line 2"));
    assert!(balance("@media x { a { b: c; }").is_err());
    assert!(balance("/* } */ a { content: \"}\"; }").is_ok());
}
