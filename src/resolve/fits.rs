//! How well a candidate fits the other places of a document: containment, relative
//! position and coherence. Small pure functions of geometry and admin codes; the resolver adds
//! their fits to the candidates' scores.

use super::prior::Facts;
use super::relative;
use crate::gazetteer::{Kind, NameId, Point};

/// A place the document is sure of, with the name that found it. The facts are copied so
/// that coherence reads the anchors of a document from one contiguous array.
#[derive(Clone, Copy, Debug)]
pub(super) struct Anchor {
    pub(super) facts: Facts,
    pub(super) name: NameId,
}

/// Places small enough for distance to other places of the document to tell them apart.
pub(super) fn is_local(e: &Facts) -> bool {
    !matches!(
        e.kind,
        Kind::Admin1 | Kind::Admin2 | Kind::Country | Kind::Continent
    )
}

/// How well candidate `e` sits inside or next to place `y`.
pub(super) fn containment_fit(e: &Facts, y: &Facts) -> f64 {
    if y.kind == Kind::Country {
        let named = y.iso != [0, 0] && y.iso == e.country;
        return if e.country == y.country || named {
            1.5
        } else {
            -1.0
        };
    }
    let y_admin1 = if y.kind == Kind::Admin1 {
        y.own_admin1
    } else {
        y.admin1
    };
    if y_admin1 != 0 && e.admin1 == y_admin1 {
        return 2.0;
    }
    match (e.point, y.point) {
        (Some(p), Some(q)) => {
            let d = p.distance_km(q);
            if d <= 30.0 {
                1.5
            } else if d <= 80.0 {
                0.5
            } else {
                -1.0
            }
        }
        _ => 0.0,
    }
}

/// How well a candidate at `p` agrees with "direction and distance from the anchor".
pub(super) fn relative_fit(anchor: Point, p: Point, rel: relative::Relative) -> f64 {
    let off = relative::angle_between(anchor.bearing_deg(p), rel.bearing);
    let mut fit = if off <= 30.0 {
        1.5
    } else if off <= 60.0 {
        0.5
    } else {
        -1.5
    };
    if let Some(stated) = rel.distance_km {
        let ratio = anchor.distance_km(p) / stated.max(0.1);
        fit += if (0.55..=1.1).contains(&ratio) {
            1.5
        } else if (0.35..=1.4).contains(&ratio) {
            0.5
        } else {
            -1.5
        };
    }
    fit
}

/// How close a candidate is to the places the document is sure about.
pub(super) fn coherence_fit<'g>(e: &Facts, anchors: impl Iterator<Item = &'g Facts>) -> f64 {
    let Some(p) = e.point else { return 0.0 };
    let mut best: f64 = 0.0;
    for a in anchors {
        let same_admin1 = e.admin1 != 0 && (a.admin1 == e.admin1 || a.own_admin1 == e.admin1);
        let near = match a.point {
            // Countries, governorates, districts and regions are too large for distance to
            // their label point to mean much.
            Some(q)
                if !matches!(
                    a.kind,
                    Kind::Country | Kind::Continent | Kind::Admin1 | Kind::Admin2 | Kind::Region
                ) =>
            {
                // Most anchors are far: skip the trigonometry when a degree box says so.
                let d = if (p.lat - q.lat).abs() > 1.5 || (p.lon - q.lon).abs() > 2.0 {
                    f64::INFINITY
                } else {
                    p.distance_km(q)
                };
                if d <= 15.0 {
                    3.0
                } else if d <= 40.0 {
                    2.0
                } else if d <= 80.0 {
                    1.0
                } else if d <= 150.0 {
                    0.5
                } else {
                    0.0
                }
            }
            _ => 0.0,
        };
        let admin = if same_admin1 { 0.75 } else { 0.0 };
        let country = if a.kind == Kind::Country && a.country == e.country && !e.in_syria() {
            1.0
        } else {
            0.0
        };
        best = best.max(near + admin).max(country);
    }
    best
}
