//! The side panel and the frame: title, scale bar, legend and the places outside the frame.

use super::*;

/// x and text-anchor for a line of panel text: from the panel's left edge in English, from its
/// right edge in Arabic (where `start`, under `direction="rtl"`, is the right end).
pub(super) fn panel_text_x(panel_x: f64, indent: f64, lang: Lang) -> f64 {
    if lang.is_arabic() {
        panel_x + PANEL_WIDTH - 16.0 - indent
    } else {
        panel_x + 16.0 + indent
    }
}

pub(super) fn write_title(svg: &mut String, summary: &Summary, lang: Lang, width: f64) {
    let x = if lang.is_arabic() { width - 20.0 } else { 20.0 };
    let subtitle = match lang {
        Lang::English => format!(
            "{} place mention{} in {} document{}",
            summary.mentions,
            if summary.mentions == 1 { "" } else { "s" },
            summary.documents,
            if summary.documents == 1 { "" } else { "s" },
        ),
        Lang::Arabic => format!(
            "{} إشارة إلى أماكن في {} وثيقة",
            summary.mentions, summary.documents
        ),
    };
    writeln!(
        svg,
        r#"<text class="title" x="{x:.0}" y="28" font-size="20" font-weight="bold">{}</text>"#,
        escape(&summary.title)
    )
    .expect("writing to a String");
    writeln!(
        svg,
        r##"<text class="subtitle" x="{x:.0}" y="50" font-size="13" fill="#555">{}</text>"##,
        escape(&subtitle)
    )
    .expect("writing to a String");
}

/// A bar of a round number of km, about a fifth of the map's width, in the bottom corner;
/// returns the box it covers.
pub(super) fn write_scale_bar(svg: &mut String, projection: &Projection) -> LabelBox {
    let km_per_px = projection.km_per_pixel();
    let target = projection.width / 5.0 * km_per_px;
    let km = [10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 250.0, 500.0]
        .into_iter()
        .rfind(|&k| k <= target)
        .unwrap_or(10.0);
    let length = km / km_per_px;
    let x = projection.origin.0 + 20.0;
    let y = projection.origin.1 + projection.height - 24.0;
    writeln!(
        svg,
        r##"<g class="scale"><rect x="{:.1}" y="{:.1}" width="{:.1}" height="30" fill="#fff" fill-opacity="0.8"/><path d="M{x:.1},{:.1}V{y:.1}H{:.1}V{:.1}" fill="none" stroke="#222" stroke-width="1.5"/><text x="{:.1}" y="{:.1}" font-size="12" text-anchor="middle" direction="ltr">{km:.0} km</text></g>"##,
        x - 8.0,
        y - 20.0,
        length + 16.0,
        y - 5.0,
        x + length,
        y - 5.0,
        x + length / 2.0,
        y - 7.0,
    )
    .expect("writing to a String");
    LabelBox {
        x0: x - 8.0,
        y0: y - 20.0,
        x1: x + length + 8.0,
        y1: y + 10.0,
    }
}

/// The legend: one swatch per kind, then up to three circle sizes (none for a map without
/// places); returns the y below it.
pub(super) fn write_legend(
    svg: &mut String,
    panel_x: f64,
    lang: Lang,
    max_count: usize,
    radius: &impl Fn(usize) -> f64,
) -> f64 {
    let (kinds, sizes) = match lang {
        Lang::English => ("Kind of place", "Mentions"),
        Lang::Arabic => ("نوع المكان", "عدد الإشارات"),
    };
    let mut y = TITLE_HEIGHT + 20.0;
    let text_x = panel_text_x(panel_x, 22.0, lang);
    let swatch_x = panel_text_x(panel_x, 6.0, lang);
    writeln!(svg, r#"<g class="legend">"#).expect("writing to a String");
    writeln!(
        svg,
        r#"<text class="heading" x="{:.1}" y="{y:.1}">{kinds}</text>"#,
        panel_text_x(panel_x, 0.0, lang)
    )
    .expect("writing to a String");
    for category in Category::ALL {
        y += 21.0;
        writeln!(
            svg,
            r#"<circle cx="{swatch_x:.1}" cy="{:.1}" r="6" fill="{}" fill-opacity="0.78"/><text class="panel" x="{text_x:.1}" y="{y:.1}">{}</text>"#,
            y - 4.5,
            category.colour(),
            escape(category.label(lang))
        )
        .expect("writing to a String");
    }
    if max_count == 0 {
        writeln!(svg, "</g>").expect("writing to a String");
        return y;
    }
    y += 34.0;
    writeln!(
        svg,
        r#"<text class="heading" x="{:.1}" y="{y:.1}">{sizes}</text>"#,
        panel_text_x(panel_x, 0.0, lang)
    )
    .expect("writing to a String");
    let mut counts = vec![max_count];
    for c in [max_count / 4, 1] {
        if c >= 1 && counts.last().is_some_and(|&last| c < last) {
            counts.push(c);
        }
    }
    y += 12.0;
    for count in counts {
        let r = radius(count);
        y += r + 6.0;
        let cx = panel_text_x(panel_x, MAX_RADIUS + 2.0, lang);
        let label_x = panel_text_x(panel_x, 2.0 * MAX_RADIUS + 16.0, lang);
        writeln!(
            svg,
            r##"<circle cx="{cx:.1}" cy="{y:.1}" r="{r:.1}" fill="#bbb" fill-opacity="0.6" stroke="#666"/><text class="panel" x="{label_x:.1}" y="{:.1}">{count}</text>"##,
            y + 4.5
        )
        .expect("writing to a String");
        y += r;
    }
    writeln!(svg, "</g>").expect("writing to a String");
    y
}

/// The places with no point in the frame, most mentioned first; past [`OUTSIDE_ROWS`] (or the
/// bottom of the picture) the rest are summed in one row.
pub(super) fn write_outside(
    svg: &mut String,
    panel_x: f64,
    top: f64,
    outside: &[&&MapPlace],
    lang: Lang,
    height: f64,
) {
    if outside.is_empty() {
        return;
    }
    let heading = match lang {
        Lang::English => "Outside the map",
        Lang::Arabic => "خارج الخريطة",
    };
    let x = panel_text_x(panel_x, 0.0, lang);
    let mut y = top + 14.0;
    writeln!(svg, r#"<g class="outside-list">"#).expect("writing to a String");
    writeln!(
        svg,
        r#"<text class="heading" x="{x:.1}" y="{y:.1}">{heading}</text>"#
    )
    .expect("writing to a String");
    let rows = ((height - y - 30.0) / 18.0).floor().max(1.0) as usize;
    let shown = OUTSIDE_ROWS.min(rows).min(outside.len());
    let shown = if shown < outside.len() {
        shown - 1
    } else {
        shown
    };
    for place in &outside[..shown] {
        y += 18.0;
        writeln!(
            svg,
            r#"<text class="outside panel" data-id="{}" data-count="{}" x="{x:.1}" y="{y:.1}"><tspan fill="{}">●</tspan> {} — {}</text>"#,
            escape(&place.id),
            place.count,
            place.category.colour(),
            escape(place.label(lang)),
            place.count
        )
        .expect("writing to a String");
    }
    let rest = &outside[shown..];
    if !rest.is_empty() {
        y += 18.0;
        let total: usize = rest.iter().map(|p| p.count).sum();
        let text = match lang {
            Lang::English => format!("… {} more places — {total}", rest.len()),
            Lang::Arabic => format!("… {} أماكن أخرى — {total}", rest.len()),
        };
        writeln!(
            svg,
            r#"<text class="outside-rest panel" data-places="{}" x="{x:.1}" y="{y:.1}">{}</text>"#,
            rest.len(),
            escape(&text)
        )
        .expect("writing to a String");
    }
    writeln!(svg, "</g>").expect("writing to a String");
}
