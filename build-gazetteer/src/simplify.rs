//! Making polygon rings small enough to embed: Douglas–Peucker simplification that keeps the
//! borders two areas share identical on both sides, and clipping to a rectangle.
//!
//! Coordinates are (lon, lat) degrees. Distances are measured in km on a flat projection with
//! the longitude scaled by the cosine of a reference latitude: within the few hundred km of a
//! map of Syria and its neighbours the error is a few per cent of the tolerance, far below a
//! pixel.

use std::collections::BTreeMap;

const KM_PER_DEGREE: f64 = 111.2;

/// Flat (x, y) km coordinates for distance tests, with longitudes scaled at `ref_lat`.
#[derive(Clone, Copy)]
pub struct Plane {
    x_scale: f64,
}

impl Plane {
    pub fn at_latitude(ref_lat: f64) -> Plane {
        Plane {
            x_scale: KM_PER_DEGREE * ref_lat.to_radians().cos(),
        }
    }

    fn km(self, (lon, lat): (f64, f64)) -> (f64, f64) {
        (lon * self.x_scale, lat * KM_PER_DEGREE)
    }

    /// Distance in km from `p` to the segment `a`–`b`.
    pub fn distance_to_segment(self, p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
        let (p, a, b) = (self.km(p), self.km(a), self.km(b));
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let len2 = dx * dx + dy * dy;
        let t = if len2 == 0.0 {
            0.0
        } else {
            (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
        };
        let (qx, qy) = (a.0 + t * dx - p.0, a.1 + t * dy - p.1);
        (qx * qx + qy * qy).sqrt()
    }
}

/// Douglas–Peucker on an open polyline: keeps both endpoints and every point needed so that no
/// dropped point lies farther than `tolerance_km` from the simplified line.
pub fn douglas_peucker(line: &[(f64, f64)], tolerance_km: f64, plane: Plane) -> Vec<(f64, f64)> {
    if line.len() <= 2 {
        return line.to_vec();
    }
    let mut keep = vec![false; line.len()];
    keep[0] = true;
    keep[line.len() - 1] = true;
    // An explicit stack: a border of thousands of points would recurse deeply.
    let mut stack = vec![(0, line.len() - 1)];
    while let Some((first, last)) = stack.pop() {
        let mut farthest = (0.0, first);
        for (i, &p) in line.iter().enumerate().take(last).skip(first + 1) {
            let d = plane.distance_to_segment(p, line[first], line[last]);
            if d > farthest.0 {
                farthest = (d, i);
            }
        }
        if farthest.0 > tolerance_km {
            keep[farthest.1] = true;
            stack.push((first, farthest.1));
            stack.push((farthest.1, last));
        }
    }
    line.iter()
        .zip(keep)
        .filter_map(|(&p, k)| k.then_some(p))
        .collect()
}

/// A coordinate as an exact key, for finding the vertices areas share.
fn key((lon, lat): (f64, f64)) -> (i64, i64) {
    ((lon * 1e9).round() as i64, (lat * 1e9).round() as i64)
}

/// Simplifies every ring of a set of areas (`areas[i]` = its rings, open or closed) so that a
/// stretch of border two areas share is simplified the same way in both.
///
/// Each ring is cut at its *anchors*, the vertices where the set of areas sharing the vertex
/// changes (where one neighbour's border ends and the next one's begins), and each piece
/// between anchors is simplified on its own, in a canonical direction. Both areas along a shared
/// stretch see the same anchors and the same points between them, so they keep the same
/// vertices and no slivers or gaps open between them. A ring with fewer than two anchors (an
/// island, or a hole filled exactly by another area) is anchored at its lowest vertex and the
/// vertex farthest from it, which depend only on its points. Rings left with fewer than three
/// points are dropped; the returned rings are open (first point not repeated).
pub fn simplify_areas(
    areas: &[Vec<Vec<(f64, f64)>>],
    tolerance_km: f64,
    plane: Plane,
) -> Vec<Vec<Vec<(f64, f64)>>> {
    let mut owners: BTreeMap<(i64, i64), Vec<usize>> = BTreeMap::new();
    for (i, rings) in areas.iter().enumerate() {
        for &p in rings.iter().flatten() {
            let list = owners.entry(key(p)).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    areas
        .iter()
        .map(|rings| {
            rings
                .iter()
                .map(|ring| simplify_ring(&open(ring), &owners, tolerance_km, plane))
                .filter(|ring| ring.len() >= 3)
                .collect()
        })
        .collect()
}

fn open(ring: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut ring = ring.to_vec();
    while ring.len() > 1 && key(ring[0]) == key(ring[ring.len() - 1]) {
        ring.pop();
    }
    ring
}

fn simplify_ring(
    ring: &[(f64, f64)],
    owners: &BTreeMap<(i64, i64), Vec<usize>>,
    tolerance_km: f64,
    plane: Plane,
) -> Vec<(f64, f64)> {
    let n = ring.len();
    if n < 3 {
        return ring.to_vec();
    }
    let owner = |i: usize| owners.get(&key(ring[i % n]));
    let mut anchors: Vec<usize> = (0..n)
        .filter(|&i| owner(i) != owner(i + n - 1) || owner(i) != owner(i + 1))
        .collect();
    if anchors.len() < 2 {
        let lowest = (0..n)
            .min_by_key(|&i| key(ring[i]))
            .expect("ring is not empty");
        let farthest = (0..n)
            .max_by(|&a, &b| {
                let da = distance2(plane, ring[a], ring[lowest]);
                let db = distance2(plane, ring[b], ring[lowest]);
                da.total_cmp(&db).then(key(ring[b]).cmp(&key(ring[a])))
            })
            .expect("ring is not empty");
        anchors = vec![lowest.min(farthest), lowest.max(farthest)];
        anchors.dedup();
    }
    let mut out = Vec::new();
    for (k, &start) in anchors.iter().enumerate() {
        let end = anchors[(k + 1) % anchors.len()];
        let len = (end + n - start) % n;
        let len = if len == 0 { n } else { len };
        let mut piece: Vec<(f64, f64)> = (0..=len).map(|j| ring[(start + j) % n]).collect();
        // The same stretch walked the other way round simplifies to the same points.
        let reversed = key(piece[0]) > key(piece[piece.len() - 1]);
        if reversed {
            piece.reverse();
        }
        let mut simple = douglas_peucker(&piece, tolerance_km, plane);
        if reversed {
            simple.reverse();
        }
        simple.pop();
        out.extend(simple);
    }
    out
}

fn distance2(plane: Plane, a: (f64, f64), b: (f64, f64)) -> f64 {
    let (a, b) = (plane.km(a), plane.km(b));
    (a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)
}

/// Clips a ring to the rectangle `min`–`max` (Sutherland–Hodgman). The parts of a polygon
/// outside the rectangle are replaced by stretches of its edges, which a map framed inside
/// the rectangle never shows.
pub fn clip_ring(ring: &[(f64, f64)], min: (f64, f64), max: (f64, f64)) -> Vec<(f64, f64)> {
    let mut points = open(ring);
    // Each edge of the rectangle: which coordinate, the limit, and whether inside is above it.
    let edges = [
        (0, min.0, true),
        (0, max.0, false),
        (1, min.1, true),
        (1, max.1, false),
    ];
    for (axis, limit, above) in edges {
        if points.is_empty() {
            break;
        }
        let at = |p: (f64, f64)| if axis == 0 { p.0 } else { p.1 };
        let inside = |p: (f64, f64)| {
            if above {
                at(p) >= limit
            } else {
                at(p) <= limit
            }
        };
        let mut clipped = Vec::with_capacity(points.len());
        for i in 0..points.len() {
            let (prev, cur) = (points[(i + points.len() - 1) % points.len()], points[i]);
            if inside(cur) != inside(prev) {
                let t = (limit - at(prev)) / (at(cur) - at(prev));
                clipped.push((prev.0 + t * (cur.0 - prev.0), prev.1 + t * (cur.1 - prev.1)));
            }
            if inside(cur) {
                clipped.push(cur);
            }
        }
        points = clipped;
    }
    points
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A zigzag line along the equator with a bump of `bump` degrees every other point.
    fn zigzag(bump: f64) -> Vec<(f64, f64)> {
        (0..=20)
            .map(|i| (f64::from(i) * 0.1, if i % 2 == 1 { bump } else { 0.0 }))
            .collect()
    }

    #[test]
    fn douglas_peucker_keeps_endpoints_and_drops_small_wiggles() {
        let plane = Plane::at_latitude(0.0);
        let line = zigzag(0.001); // about 0.11 km
        let simple = douglas_peucker(&line, 0.5, plane);
        assert_eq!(simple, vec![line[0], line[20]]);
    }

    #[test]
    fn douglas_peucker_respects_the_tolerance() {
        let plane = Plane::at_latitude(0.0);
        let line: Vec<(f64, f64)> = (0..=100)
            .map(|i| {
                let x = f64::from(i) * 0.02;
                (x, (x * 3.0).sin() * 0.3)
            })
            .collect();
        for tolerance in [0.1, 1.0, 5.0] {
            let simple = douglas_peucker(&line, tolerance, plane);
            assert_eq!(simple.first(), line.first());
            assert_eq!(simple.last(), line.last());
            assert!(simple.len() < line.len());
            // Every original point lies within the tolerance of the simplified line.
            for &p in &line {
                let nearest = simple
                    .windows(2)
                    .map(|s| plane.distance_to_segment(p, s[0], s[1]))
                    .fold(f64::MAX, f64::min);
                assert!(nearest <= tolerance, "{p:?} is {nearest} km away");
            }
        }
    }

    #[test]
    fn a_shared_border_is_simplified_alike_on_both_sides() {
        // Two squares sharing the edge x = 1, wiggling by 0.3 km every other point and by
        // 3.3 km once; each walks it in the opposite direction.
        let edge: Vec<(f64, f64)> = (0..=10)
            .map(|i| {
                let wiggle = match i {
                    4 => 0.03,
                    i if i % 2 == 1 => 0.003,
                    _ => 0.0,
                };
                (1.0 + wiggle, f64::from(i) * 0.1)
            })
            .collect();
        let mut left = vec![(0.0, 0.0)];
        left.extend(edge.iter().copied());
        left.push((0.0, 1.0));
        let mut right: Vec<(f64, f64)> = edge.iter().rev().copied().collect();
        right.push((2.0, 0.0));
        right.push((2.0, 1.0));
        let areas = vec![vec![left], vec![right]];
        let simple = simplify_areas(&areas, 1.0, Plane::at_latitude(0.0));
        let on_edge = |ring: &[(f64, f64)]| {
            let mut points: Vec<(i64, i64)> = ring
                .iter()
                .filter(|p| p.0 > 0.5 && p.0 < 1.5)
                .map(|&p| key(p))
                .collect();
            points.sort();
            points
        };
        assert_eq!(on_edge(&simple[0][0]), on_edge(&simple[1][0]));
        // The two ends and the large wiggle stay; small wiggles far from it go.
        let kept = on_edge(&simple[0][0]);
        for i in [0, 4, 10] {
            assert!(kept.contains(&key(edge[i])), "{i}: {kept:?}");
        }
        for i in [7, 9] {
            assert!(!kept.contains(&key(edge[i])), "{i}: {kept:?}");
        }
    }

    #[test]
    fn clipping_keeps_the_part_inside_the_rectangle() {
        let square = vec![(-1.0, -1.0), (3.0, -1.0), (3.0, 3.0), (-1.0, 3.0)];
        let clipped = clip_ring(&square, (0.0, 0.0), (2.0, 2.0));
        assert_eq!(clipped.len(), 4);
        for p in &clipped {
            assert!((0.0..=2.0).contains(&p.0) && (0.0..=2.0).contains(&p.1));
        }
        assert!(clip_ring(&square, (5.0, 5.0), (6.0, 6.0)).is_empty());
    }
}
