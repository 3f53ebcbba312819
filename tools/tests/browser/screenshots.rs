//! The README's screenshots, taken by headless Chromium (zh-CN, 1× scale, no scrollbars)
//! from the built site on every run: the default view and a filtered view at 1280×900,
//! the platform guide opened (skipped with a note while the page has no
//! `details[data-guide-panel]`), and the phone layout at 375×740.
//!
//! A normal run writes them to `target/screenshots/` and checks they are PNGs of the
//! expected size, so the test never dirties the work tree. To refresh the committed
//! copies in `docs/screenshots/`, run it with `UPDATE_SCREENSHOTS=1`:
//!
//! ```sh
//! UPDATE_SCREENSHOTS=1 cargo test -p jinyi-tools --test browser -- screenshots::
//! ```

use crate::harness::*;

use std::path::{Path, PathBuf};

use base64::Engine;
use serde_json::json;

/// PNG files above this size are a sign of a wrong scale factor or viewport.
const MAX_BYTES: usize = 400 * 1024;

/// `docs/screenshots/` with `UPDATE_SCREENSHOTS=1`, else `target/screenshots/`.
fn out_dir() -> PathBuf {
    let dir = if std::env::var("UPDATE_SCREENSHOTS").is_ok_and(|v| v == "1") {
        workspace_dir().join("docs/screenshots")
    } else {
        PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
            .parent()
            .expect("target/tmp has a parent")
            .join("screenshots")
    };
    std::fs::create_dir_all(&dir)
        .unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    dir
}

/// Lay the page out at `width`×`height` CSS px, scale 1 (`mobile` for the phone viewport).
async fn viewport(b: &Browser, width: u32, height: u32, mobile: bool) {
    b.cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile }),
    )
    .await;
}

/// Width and height from a PNG's IHDR chunk, or why the bytes are not a PNG.
fn png_size(bytes: &[u8]) -> Result<(u32, u32), String> {
    const MAGIC: &[u8] = b"\x89PNG\r\n\x1a\n";
    if bytes.len() < 24 || !bytes.starts_with(MAGIC) {
        return Err("no PNG signature".into());
    }
    if &bytes[12..16] != b"IHDR" {
        return Err("first chunk is not IHDR".into());
    }
    let be = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    Ok((be(16), be(20)))
}

/// Wait until web fonts are in and two frames have been painted.
async fn fonts_ready(b: &Browser) {
    b.client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             document.fonts.ready.then(() => requestAnimationFrame(() => requestAnimationFrame(() => done(true))));",
            vec![],
        )
        .await
        .expect("waiting for fonts");
}

/// Capture the viewport as `<dir>/<name>.png` and check it.
async fn shoot(b: &Browser, dir: &Path, name: &str, size: (u32, u32)) {
    fonts_ready(b).await;
    let png = b.client.screenshot().await.expect("screenshot");
    save(dir, name, &png, size);
}

/// Capture the element `css` (scrolled to the top, with a small margin, at most
/// `max_height` CSS px tall) as `<dir>/<name>.png`; false when there is no such element.
async fn shoot_element(b: &Browser, dir: &Path, name: &str, css: &str, max_height: u32) -> bool {
    let rect = b
        .js(
            "const e = document.querySelector(arguments[0]);
             if (!e) return null;
             window.scrollTo(0, e.getBoundingClientRect().top + scrollY - 6);
             const r = e.getBoundingClientRect();
             const x = Math.max(0, Math.floor(r.left + scrollX) - 6);
             const y = Math.max(0, Math.floor(r.top + scrollY) - 6);
             const w = Math.min(Math.ceil(r.width) + 12, document.documentElement.clientWidth - x);
             return [x, y, w, Math.min(Math.ceil(r.height) + 12, arguments[1])];",
            vec![json!(css), json!(max_height)],
        )
        .await;
    let Some(r) = rect.as_array() else {
        return false;
    };
    let n = |i: usize| r[i].as_u64().expect("an integer") as u32;
    fonts_ready(b).await;
    let shot = b
        .cdp(
            "Page.captureScreenshot",
            json!({
                "format": "png",
                "clip": { "x": n(0), "y": n(1), "width": n(2), "height": n(3), "scale": 1 },
            }),
        )
        .await;
    let data = shot["data"]
        .as_str()
        .or_else(|| shot["value"]["data"].as_str())
        .unwrap_or_else(|| panic!("Page.captureScreenshot gave no data: {shot}"));
    let png = base64::engine::general_purpose::STANDARD
        .decode(data)
        .expect("base64 PNG");
    save(dir, name, &png, (n(2), n(3)));
    true
}

/// Write `<dir>/<name>.png`, read it back, check it is a PNG of `size` and not too big.
fn save(dir: &Path, name: &str, png: &[u8], size: (u32, u32)) {
    let path = dir.join(format!("{name}.png"));
    std::fs::write(&path, png).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    let written = std::fs::read(&path).expect("read the screenshot back");
    assert_eq!(written, png, "{} was not fully written", path.display());
    let got = png_size(&written).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(got, size, "{}: size (1× scale expected)", path.display());
    assert!(
        written.len() <= MAX_BYTES,
        "{} is {} bytes (more than {MAX_BYTES})",
        path.display(),
        written.len()
    );
    println!(
        "screenshot {} ({}×{}, {} KB)",
        path.display(),
        got.0,
        got.1,
        written.len() / 1024
    );
}

#[test]
fn png_size_reads_the_header() {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend_from_slice(&1280u32.to_be_bytes());
    png.extend_from_slice(&900u32.to_be_bytes());
    assert_eq!(png_size(&png), Ok((1280, 900)));
    assert!(png_size(b"GIF89a.................").is_err());
}

/// Chromium only: the viewport and element shots use CDP (`Emulation.*`,
/// `Page.captureScreenshot` with a clip) and Chromium switches (scale, scrollbars).
#[tokio::test]
async fn readme_screenshots() {
    let dir = out_dir();
    let b = Browser::chromium_with(&[
        "--lang=zh-CN",
        // Headless Chromium takes navigator.languages from this one, not from --lang.
        "--accept-lang=zh-CN,zh",
        "--force-device-scale-factor=1",
        "--hide-scrollbars",
    ])
    .await;

    viewport(&b, 1280, 900, false).await;
    b.open("").await;
    assert_eq!(
        b.js("return document.documentElement.lang;", vec![]).await,
        json!("zh-CN"),
        "the interface is not in Chinese"
    );
    assert_eq!(b.result_count().await, FULL_ARTICLE_BLOCKS);
    shoot(&b, &dir, "default", (1280, 900)).await;

    b.open_query(&[("theme", "营商环境"), ("q", "项目")]).await;
    let n = b.result_count().await;
    assert!(
        n > 0 && n < FULL_ARTICLE_BLOCKS,
        "{n} results in the filtered view"
    );
    shoot(&b, &dir, "filtered", (1280, 900)).await;

    b.open("").await;
    let opened = b
        .js(
            "const d = document.querySelector('details[data-guide-panel]');
             if (!d) return false;
             document.querySelectorAll('details[data-key-figures]').forEach(k => { k.open = false; });
             d.open = true;
             return true;",
            vec![],
        )
        .await;
    if opened == json!(true) {
        b.settle().await;
        assert!(shoot_element(&b, &dir, "guide", "details[data-guide-panel]", 900).await);
    } else {
        println!(
            "note: no details[data-guide-panel] in the page: guide.png not taken (the app does not render the guide yet)"
        );
    }

    viewport(&b, 375, 740, true).await;
    b.open("").await;
    assert_eq!(b.js("return window.innerWidth;", vec![]).await, json!(375));
    shoot(&b, &dir, "phone", (375, 740)).await;

    b.finish().await;
}
