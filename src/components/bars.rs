//! Bars and the radar chart as inline SVG: geometry in attributes, colours in CSS classes, so
//! they print crisply and need no inline style (which a strict CSP would block).

use crate::components::markup::Markup;

/// `x` with one decimal (`12.3`), for SVG coordinates (non-negative here). Integer formatting
/// only: float formatting would add ~10 KB of code to the wasm.
fn one_decimal(x: f64) -> String {
    let t = (x.max(0.0) * 10.0).round() as u64;
    format!("{}.{}", t / 10, t % 10)
}

/// A radar of `(label, fraction)` axes; `label` names the chart for screen readers.
pub fn radar_markup(m: &mut Markup, axes: &[(String, f64)], label: &str) {
    const C: f64 = 130.0;
    const R: f64 = 80.0;
    let n = axes.len().max(3) as f64;
    let at = |k: usize, r: f64| {
        let a = -std::f64::consts::FRAC_PI_2 + k as f64 * 2.0 * std::f64::consts::PI / n;
        // The browser's Math (an import) instead of Rust's libm, which weighs ~8 KB in the wasm.
        (C + r * js_sys::Math::cos(a), C + r * js_sys::Math::sin(a))
    };
    let points = |m: &mut Markup, class: &str, f: &dyn Fn(f64) -> f64| {
        let list: Vec<String> = axes
            .iter()
            .enumerate()
            .map(|(k, (_, v))| at(k, R * f(*v)))
            .map(|(x, y)| format!("{},{}", one_decimal(x), one_decimal(y)))
            .collect();
        m.raw("<polygon").attr("class", class).attr("points", &list.join(" ")).raw("></polygon>");
    };
    m.raw("<svg class=\"bsc-radar\" viewBox=\"0 0 260 260\" role=\"img\"").attr("aria-label", label).raw(">");
    for k in 1..=5 {
        points(m, "bsc-radar__grid", &|_| f64::from(k) / 5.0);
    }
    for k in 0..axes.len() {
        let (x, y) = at(k, R);
        m.raw("<line class=\"bsc-radar__axis\" x1=\"130\" y1=\"130\"")
            .attr("x2", &one_decimal(x))
            .attr("y2", &one_decimal(y))
            .raw("></line>");
    }
    points(m, "bsc-radar__data", &|v| v.clamp(0.0, 1.0));
    for (k, (name, f)) in axes.iter().enumerate() {
        let (x, y) = at(k, R + 22.0);
        m.raw("<text class=\"bsc-radar__label\"")
            .attr("x", &one_decimal(x))
            .attr("y", &one_decimal(y))
            .attr("text-anchor", anchor(at(k, R).0 - C))
            .raw(">")
            .text(&format!("{name} {}%", (f * 100.0).round() as i64))
            .raw("</text>");
    }
    m.raw("</svg>");
}

fn anchor(dx: f64) -> &'static str {
    if dx > 5.0 {
        "start"
    } else if dx < -5.0 {
        "end"
    } else {
        "middle"
    }
}

/// A horizontal bar filled to `fraction` (0–1), as markup text.
pub fn bar_markup(m: &mut Markup, fraction: f64) {
    m.raw("<svg class=\"bsc-bar\" viewBox=\"0 0 100 6\" preserveAspectRatio=\"none\" aria-hidden=\"true\" focusable=\"false\"><rect class=\"bsc-bar__bg\" width=\"100\" height=\"6\" rx=\"3\"></rect><rect class=\"bsc-bar__fg\" height=\"6\" rx=\"3\"")
        .attr("width", &one_decimal(fraction.clamp(0.0, 1.0) * 100.0))
        .raw("></rect></svg>");
}
