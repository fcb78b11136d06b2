//! How well a candidate fits the other places of a document: containment, relative
//! position and coherence. Small pure functions of geometry and admin codes; the resolver adds
//! their fits to the candidates' scores.

use super::prior::Facts;
use super::relative;
use crate::gazetteer::{Kind, NameId, Point};

/// A place the document is sure of, with the name that found it: only what coherence reads,
/// copied so that the anchors of a document lie in one small contiguous array.
#[derive(Clone, Copy, Debug)]
pub(super) struct Anchor {
    pub(super) name: NameId,
    /// The point, when distance to it means something (not a country, governorate, district
    /// or region: their label points are too far from most of their area).
    point: Option<Point>,
    cos_lat: f64,
    admin1: u32,
    own_admin1: u32,
    /// A country, with its code.
    country: Option<[u8; 2]>,
    /// The country it lies in (its own code for a country; `[0, 0]` for none).
    in_country: [u8; 2],
}

impl Anchor {
    pub(super) fn new(f: &Facts, name: NameId) -> Anchor {
        let large = matches!(
            f.kind,
            Kind::Country | Kind::Continent | Kind::Admin1 | Kind::Admin2 | Kind::Region
        );
        Anchor {
            name,
            point: f.point.filter(|_| !large),
            cos_lat: f.cos_lat,
            admin1: f.admin1,
            own_admin1: f.own_admin1,
            country: (f.kind == Kind::Country).then_some(f.country),
            in_country: f.country,
        }
    }
}

impl Anchor {
    /// The country's code, when the anchor is a country.
    pub(super) fn country(&self) -> Option<[u8; 2]> {
        self.country
    }

    /// A place inside country `code` that is not the country itself (a city, a state).
    pub(super) fn lies_in(&self, code: [u8; 2]) -> bool {
        self.country.is_none() && code != [0, 0] && self.in_country == code
    }
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
    if is_quarter_of(e, y) {
        // «الأشرفية في حلب»: the quarter of that city, not a village of its governorate.
        return 3.0;
    }
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

/// Whether `e` is a quarter of the city `y`.
pub(super) fn is_quarter_of(e: &Facts, y: &Facts) -> bool {
    e.kind == Kind::Neighbourhood && e.parent == Some(y.index)
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

/// The haversine term of the distance between two places with points: the distance is
/// 2R·asin(√term), which grows with the term, so comparing terms compares distances without
/// the inverse sine (as [`Point::distance_km`] computes it, with the cosines precomputed).
fn haversine_term(p: Point, cos_p: f64, q: Point, cos_q: f64) -> f64 {
    let dp = q.lat.to_radians() - p.lat.to_radians();
    let dl = (q.lon - p.lon).to_radians();
    (dp / 2.0).sin().powi(2) + cos_p * cos_q * (dl / 2.0).sin().powi(2)
}

/// The haversine term of a distance in km (the inverse of [`haversine_term`]'s distance).
fn term_of_km(km: f64) -> f64 {
    (km / (2.0 * 6371.0088)).sin().powi(2)
}

/// Coherence bins: within this many km of an anchor, this much support.
const COHERENCE_BINS: [(f64, f64); 4] = [(15.0, 3.0), (40.0, 2.0), (80.0, 1.0), (150.0, 0.5)];

static COHERENCE_TERMS: once_cell::sync::Lazy<[(f64, f64); 4]> =
    once_cell::sync::Lazy::new(|| COHERENCE_BINS.map(|(km, fit)| (term_of_km(km), fit)));

/// The degree box around a candidate beyond which no anchor is within the bins' reach.
const BOX_LAT: f64 = 1.5;
const BOX_LON: f64 = 2.0;

/// The anchors of a block of mentions, indexed for [`coherence_fit`]: by latitude, and by the
/// governorate and the country they name. It reads as the slice of anchors.
#[derive(Debug, Default)]
pub(super) struct Anchors {
    all: Vec<Anchor>,
    /// `(latitude, index in all)` of the anchors with a point, by latitude.
    by_lat: Vec<(f64, u32)>,
    /// `(admin1 code, name)` for each anchor's admin1 and own admin1 that is not 0.
    admin1: Vec<(u32, NameId)>,
    /// `(country code, name)` for each anchor that is a country.
    countries: Vec<([u8; 2], NameId)>,
}

impl Anchors {
    pub(super) fn new(all: Vec<Anchor>) -> Anchors {
        // Sized first: a filtered iterator's collect grows the vector several times.
        let mut by_lat = Vec::with_capacity(all.len());
        by_lat.extend((all.iter().enumerate()).filter_map(|(i, a)| Some((a.point?.lat, i as u32))));
        by_lat.sort_by(|a: &(f64, u32), b| a.0.total_cmp(&b.0));
        let mut admin1 = Vec::with_capacity(2 * all.len());
        admin1.extend(
            (all.iter())
                .flat_map(|a| [(a.admin1, a.name), (a.own_admin1, a.name)])
                .filter(|&(code, _)| code != 0),
        );
        let countries = (all.iter())
            .filter_map(|a| Some((a.country?, a.name)))
            .collect();
        Anchors {
            all,
            by_lat,
            admin1,
            countries,
        }
    }
}

impl Anchors {
    /// Whether an anchor found by a name other than `own` is the country `code`.
    pub(super) fn names_country(&self, code: [u8; 2], own: Option<NameId>) -> bool {
        (self.countries.iter()).any(|&(c, name)| c == code && Some(name) != own)
    }
}

impl std::ops::Deref for Anchors {
    type Target = [Anchor];

    fn deref(&self) -> &[Anchor] {
        &self.all
    }
}

/// How close a candidate is to the places the document is sure about, other than those found
/// by the name `own`: within 15 / 40 / 80 / 150 km of an anchor that is a point-like place 3 /
/// 2 / 1 / 0.5, plus 0.75 in the same governorate; 1 for a foreign candidate in a country the
/// document names. Only the anchors within a degree box are measured, found by latitude.
pub(super) fn coherence_fit(e: &Facts, anchors: &Anchors, own: Option<NameId>) -> f64 {
    let Some(p) = e.point else { return 0.0 };
    let other = |name: NameId| Some(name) != own;
    let same_admin1 =
        |a: &Anchor| e.admin1 != 0 && (a.admin1 == e.admin1 || a.own_admin1 == e.admin1);
    let mut best: f64 = 0.0;
    if e.admin1 != 0 && (anchors.admin1.iter()).any(|&(code, name)| code == e.admin1 && other(name))
    {
        best = 0.75;
    }
    if !e.in_syria()
        && (anchors.countries.iter()).any(|&(code, name)| code == e.country && other(name))
    {
        best = best.max(1.0);
    }
    let bins = &*COHERENCE_TERMS;
    // The latitude range is widened a little so that rounding never leaves out an anchor the
    // box takes in; the box test itself decides.
    let from = (anchors.by_lat).partition_point(|&(lat, _)| lat < p.lat - BOX_LAT - 0.01);
    for &(lat, i) in &anchors.by_lat[from..] {
        if lat > p.lat + BOX_LAT + 0.01 {
            break;
        }
        let a = &anchors.all[i as usize];
        let Some(q) = a.point.filter(|_| other(a.name)) else {
            continue;
        };
        if (p.lat - q.lat).abs() <= BOX_LAT && (p.lon - q.lon).abs() <= BOX_LON {
            let term = haversine_term(p, e.cos_lat, q, a.cos_lat);
            let near = (bins.iter())
                .find(|&&(limit, _)| term <= limit)
                .map_or(0.0, |&(_, fit)| fit);
            let admin = if same_admin1(a) { 0.75 } else { 0.0 };
            best = best.max(near + admin);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn haversine_terms_order_like_distances() {
        let (p, q) = (
            Point {
                lat: 35.0,
                lon: 38.0,
            },
            Point {
                lat: 35.3,
                lon: 38.2,
            },
        );
        let cos = |x: Point| x.lat.to_radians().cos();
        let km = p.distance_km(q);
        let term = haversine_term(p, cos(p), q, cos(q));
        assert!(term <= term_of_km(km + 0.001) && term >= term_of_km(km - 0.001));
    }
}
