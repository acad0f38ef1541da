//! Outbound links as QR codes (the `qrcodegen` crate: Project Nayuki's reference encoder, small and without
//! dependencies), drawn by the page as one SVG path, so no online service and no image file is involved.

use qrcodegen::{QrCode, QrCodeEcc};

/// The white border around the code, in modules (the standard asks for 4).
pub const QUIET_ZONE: i32 = 4;

/// A QR code drawn as an SVG path: `size` modules square (quiet zone included), the dark modules as `d`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrPath {
    pub size: i32,
    pub d: String,
}

/// The code of `text` (medium error correction: a projector's or a phone's glare takes some modules); `None`
/// when it is too long for any QR code version.
pub fn qr_path(text: &str) -> Option<QrPath> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let n = code.size();
    let mut d = String::new();
    for y in 0..n {
        let mut x = 0;
        while x < n {
            if !code.get_module(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < n && code.get_module(x, y) {
                x += 1;
            }
            // One run of dark modules in a row: a rectangle one module high.
            d.push_str(&format!(
                "M{} {}h{}v1h-{}z",
                start + QUIET_ZONE,
                y + QUIET_ZONE,
                x - start,
                x - start
            ));
        }
    }
    Some(QrPath {
        size: n + 2 * QUIET_ZONE,
        d,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads the dark modules back from the path (each `M x y h w v1 h-w z` run).
    fn modules(p: &QrPath) -> Vec<(i32, i32)> {
        let mut out = Vec::new();
        for run in p.d.split('z').filter(|r| !r.is_empty()) {
            let nums: Vec<i32> = run
                .split(|c: char| !(c.is_ascii_digit() || c == '-'))
                .filter(|s| !s.is_empty())
                .map(|s| s.parse().expect("a number"))
                .collect();
            let (x, y, w) = (nums[0], nums[1], nums[2]);
            out.extend((x..x + w).map(|x| (x, y)));
        }
        out
    }

    #[test]
    fn the_path_draws_exactly_the_codes_dark_modules() {
        let url = "https://www.tu.berlin/en/";
        let p = qr_path(url).expect("a code");
        let code = QrCode::encode_text(url, QrCodeEcc::Medium).expect("a code");
        assert_eq!(p.size, code.size() + 8);
        let drawn = modules(&p);
        let expected: Vec<(i32, i32)> = (0..code.size())
            .flat_map(|y| (0..code.size()).map(move |x| (x, y)))
            .filter(|&(x, y)| code.get_module(x, y))
            .map(|(x, y)| (x + QUIET_ZONE, y + QUIET_ZONE))
            .collect();
        assert_eq!(drawn, expected);
        // The three finder patterns: the top-left corner module of each is dark.
        let n = code.size();
        for (x, y) in [(0, 0), (n - 7, 0), (0, n - 7)] {
            assert!(drawn.contains(&(x + QUIET_ZONE, y + QUIET_ZONE)));
        }
    }

    #[test]
    fn text_too_long_for_a_code_is_none() {
        assert!(qr_path(&"x".repeat(5000)).is_none());
        assert!(qr_path("mailto:info@example.org").is_some());
    }
}
