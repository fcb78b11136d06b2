//! The places' marks and where labels go: boxes that must not overlap, the points inside an
//! outline where an area's name fits, and the places' labels, most mentioned first.

use super::*;

/// Whether (lon, lat) lies inside the outline (even-odd rule over all its rings).
pub(super) fn outline_contains(outline: &Outline, (x, y): (f64, f64)) -> bool {
    let mut inside = false;
    for ring in &outline.rings {
        for i in 0..ring.len() {
            let ((x1, y1), (x2, y2)) = (ring[i], ring[(i + 1) % ring.len()]);
            if (y1 > y) != (y2 > y) && x < x1 + (y - y1) * (x2 - x1) / (y2 - y1) {
                inside = !inside;
            }
        }
    }
    inside
}

/// Points every few pixels along the edges of a box.
pub(super) fn box_outline(b: &LabelBox) -> impl Iterator<Item = (f64, f64)> + '_ {
    const STEP: f64 = 4.0;
    let nx = ((b.x1 - b.x0) / STEP).ceil().max(1.0) as usize;
    let ny = ((b.y1 - b.y0) / STEP).ceil().max(1.0) as usize;
    let along_x = (0..=nx).flat_map(move |i| {
        let x = b.x0 + (b.x1 - b.x0) * i as f64 / nx as f64;
        [(x, b.y0), (x, b.y1)]
    });
    let along_y = (0..=ny).flat_map(move |j| {
        let y = b.y0 + (b.y1 - b.y0) * j as f64 / ny as f64;
        [(b.x0, y), (b.x1, y)]
    });
    along_x.chain(along_y)
}

/// Where an area's name may go, best first: the points of a grid over the frame that fall
/// inside the area (the part in view, for a country mostly outside it), nearest their mean
/// first, the mean itself first of all when it is inside. Empty when the area is out of view
/// or too small to hold its name (fewer than a few grid points).
pub(super) fn area_label_points(outline: &Outline, projection: &Projection) -> Vec<(f64, f64)> {
    const STEP: f64 = 12.0;
    const MIN_POINTS: usize = 12;
    let mut inside = Vec::new();
    let mut y = projection.origin.1 + STEP / 2.0;
    while y < projection.origin.1 + projection.height {
        let mut x = projection.origin.0 + STEP / 2.0;
        while x < projection.origin.0 + projection.width {
            if outline_contains(outline, projection.unproject(x, y)) {
                inside.push((x, y));
            }
            x += STEP;
        }
        y += STEP;
    }
    if inside.len() < MIN_POINTS {
        return Vec::new();
    }
    let n = inside.len() as f64;
    let mean = (
        inside.iter().map(|p| p.0).sum::<f64>() / n,
        inside.iter().map(|p| p.1).sum::<f64>() / n,
    );
    let distance = |p: &(f64, f64)| (p.0 - mean.0).powi(2) + (p.1 - mean.1).powi(2);
    inside.sort_by(|a, b| distance(a).total_cmp(&distance(b)));
    if outline_contains(outline, projection.unproject(mean.0, mean.1)) {
        inside.insert(0, mean);
    }
    inside
}

/// Axis-aligned box of a placed label, for the overlap test.
#[derive(Clone, Copy)]
pub(super) struct LabelBox {
    pub(super) x0: f64,
    pub(super) y0: f64,
    pub(super) x1: f64,
    pub(super) y1: f64,
}

impl LabelBox {
    pub(super) fn overlaps(&self, other: &LabelBox) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }
}

/// Rough width of a label: no font metrics without a font engine, so an average advance per
/// character, a little generous so that estimated boxes rarely underestimate.
pub(super) fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.58
}

/// Labels the most mentioned places first, each beside its circle on the first side (right,
/// left, above, below, then the corners) where it overlaps no label or circle already placed
/// and stays in the frame; a place with no free side goes unlabelled. Returns the labels'
/// SVG and the boxes taken: every circle in the frame, every label and the scale bar.
pub(super) fn place_labels(
    inside: &[&&MapPlace],
    projection: &Projection,
    radius: &impl Fn(usize) -> f64,
    lang: Lang,
    limit: usize,
    scale_bar: LabelBox,
) -> (String, Vec<LabelBox>) {
    let mut svg = String::new();
    let frame = LabelBox {
        x0: projection.origin.0,
        y0: projection.origin.1,
        x1: projection.origin.0 + projection.width,
        y1: projection.origin.1 + projection.height,
    };
    let circle = |p: &MapPlace| {
        let (lat, lon) = p.point.expect("places in the frame have a point");
        let (x, y) = projection.project(lon, lat);
        (x, y, radius(p.count))
    };
    // The circles of the largest places are obstacles too (a label may cross small ones).
    let mut taken: Vec<LabelBox> = inside
        .iter()
        .take(limit)
        .map(|p| {
            let (x, y, r) = circle(p);
            LabelBox {
                x0: x - r * 0.7,
                y0: y - r * 0.7,
                x1: x + r * 0.7,
                y1: y + r * 0.7,
            }
        })
        .collect();
    taken.push(scale_bar);
    writeln!(svg, r#"<g class="labels">"#).expect("writing to a String");
    for place in inside.iter().take(limit) {
        let (x, y, r) = circle(place);
        let text = place.label(lang);
        let w = text_width(text, SIZE);
        let chosen = free_side((x, y, r), w, &frame, &taken);
        let Some((b, baseline)) = chosen else {
            continue;
        };
        taken.push(b);
        // The box's middle, anchored in the middle: the same place whatever the direction.
        writeln!(
            svg,
            r#"<text class="label" data-id="{}" x="{:.1}" y="{baseline:.1}" text-anchor="middle">{}</text>"#,
            escape(&place.id),
            (b.x0 + b.x1) / 2.0,
            escape(text)
        )
        .expect("writing to a String");
    }
    writeln!(svg, "</g>").expect("writing to a String");
    // Every circle is in the way of the areas' names, not only those of labelled places.
    taken.extend(inside.iter().skip(limit).map(|p| {
        let (x, y, r) = circle(p);
        LabelBox {
            x0: x - r,
            y0: y - r,
            x1: x + r,
            y1: y + r,
        }
    }));
    (svg, taken)
}

/// The size of a place's label.
const SIZE: f64 = 13.0;

/// The first side of a circle at `(x, y)` of radius `r` (right, left, above, below, then the
/// corners) where a label `w` wide stays in the `frame` and overlaps nothing `taken` but the
/// circle itself: the label's box and its baseline.
fn free_side(
    (x, y, r): (f64, f64, f64),
    w: f64,
    frame: &LabelBox,
    taken: &[LabelBox],
) -> Option<(LabelBox, f64)> {
    let gap = r + 3.0;
    // (left edge of the box, baseline) for each side.
    let sides = [
        (x + gap, y + SIZE * 0.35),
        (x - gap - w, y + SIZE * 0.35),
        (x - w / 2.0, y - gap - 2.0),
        (x - w / 2.0, y + gap + SIZE),
        (x + gap * 0.7, y - gap * 0.7),
        (x - gap * 0.7 - w, y - gap * 0.7),
        (x + gap * 0.7, y + gap * 0.7 + SIZE),
        (x - gap * 0.7 - w, y + gap * 0.7 + SIZE),
    ];
    let own = LabelBox {
        x0: x - r * 0.7,
        y0: y - r * 0.7,
        x1: x + r * 0.7,
        y1: y + r * 0.7,
    };
    sides.iter().find_map(|&(left, baseline)| {
        let b = LabelBox {
            x0: left,
            y0: baseline - SIZE,
            x1: left + w,
            y1: baseline + 3.0,
        };
        let fits = b.x0 >= frame.x0 && b.x1 <= frame.x1 && b.y0 >= frame.y0 && b.y1 <= frame.y1;
        let free = taken
            .iter()
            .filter(|t| !same_box(t, &own))
            .all(|t| !t.overlaps(&b));
        (fits && free).then_some((b, baseline))
    })
}

pub(super) fn same_box(a: &LabelBox, b: &LabelBox) -> bool {
    a.x0 == b.x0 && a.y0 == b.y0 && a.x1 == b.x1 && a.y1 == b.y1
}

pub(super) fn write_marks(
    svg: &mut String,
    inside: &[&&MapPlace],
    projection: &Projection,
    radius: &impl Fn(usize) -> f64,
) {
    writeln!(svg, r#"<g class="places">"#).expect("writing to a String");
    // Largest first, so that small circles stay visible on top of large ones.
    for place in inside {
        let (lat, lon) = place.point.expect("places in the frame have a point");
        let (x, y) = projection.project(lon, lat);
        let name = if place.name_en.is_empty() || place.name_ar.is_empty() {
            format!("{}{}", place.name_ar, place.name_en)
        } else {
            format!("{} / {}", place.name_ar, place.name_en)
        };
        writeln!(
            svg,
            r#"<circle class="place" data-id="{}" data-kind="{}" data-count="{}" cx="{x:.1}" cy="{y:.1}" r="{:.1}" fill="{}"><title>{} ({})</title></circle>"#,
            escape(&place.id),
            place.category.name(),
            place.count,
            radius(place.count),
            place.category.colour(),
            escape(&name),
            place.count
        )
        .expect("writing to a String");
    }
    writeln!(svg, "</g>").expect("writing to a String");
}
