//! Polygons from GeoJSON and the three questions the build asks of them: does it contain a point,
//! how far is a point from it, and where is a point that represents it.
//!
//! Coordinates are (lon, lat) as in GeoJSON. Distances use a local flat projection around the query
//! point, which is accurate to well under 1 % at the tens of kilometres the build cares about.

use serde_json::Value;

use makan::Point;

const KM_PER_DEGREE_LAT: f64 = 110.574;
const KM_PER_DEGREE_LON_AT_EQUATOR: f64 = 111.320;

/// One polygon: the outer ring first, then holes. Rings are closed or not; both work.
struct Polygon {
    rings: Vec<Vec<(f64, f64)>>,
}

/// A Polygon or MultiPolygon with its bounding box.
pub struct Shape {
    polygons: Vec<Polygon>,
    min: (f64, f64),
    max: (f64, f64),
}

impl Shape {
    /// Reads a GeoJSON `Polygon` or `MultiPolygon` geometry.
    pub fn from_geojson(geometry: &Value) -> Result<Shape, String> {
        let kind = geometry["type"].as_str().unwrap_or("");
        let coords = &geometry["coordinates"];
        let polygons = match kind {
            "Polygon" => vec![read_polygon(coords)?],
            "MultiPolygon" => coords
                .as_array()
                .ok_or("MultiPolygon without coordinates")?
                .iter()
                .map(read_polygon)
                .collect::<Result<_, _>>()?,
            other => return Err(format!("geometry type `{other}` is not a polygon")),
        };
        let mut min = (f64::MAX, f64::MAX);
        let mut max = (f64::MIN, f64::MIN);
        for &(x, y) in polygons.iter().flat_map(|p| p.rings[0].iter()) {
            min = (min.0.min(x), min.1.min(y));
            max = (max.0.max(x), max.1.max(y));
        }
        Ok(Shape { polygons, min, max })
    }

    /// Whether the point lies inside (even-odd rule per polygon, so holes work).
    pub fn contains(&self, point: Point) -> bool {
        let (x, y) = (point.lon, point.lat);
        if x < self.min.0 || x > self.max.0 || y < self.min.1 || y > self.max.1 {
            return false;
        }
        self.polygons.iter().any(|p| {
            p.rings
                .iter()
                .filter(|ring| ring_crossings_odd(ring, x, y))
                .count()
                % 2
                == 1
        })
    }

    /// Distance in km from the point to the shape (0 inside).
    pub fn distance_km(&self, point: Point) -> f64 {
        if self.contains(point) {
            return 0.0;
        }
        let scale_x = KM_PER_DEGREE_LON_AT_EQUATOR * point.lat.to_radians().cos();
        let project = |(lon, lat): (f64, f64)| {
            (
                (lon - point.lon) * scale_x,
                (lat - point.lat) * KM_PER_DEGREE_LAT,
            )
        };
        let mut best = f64::MAX;
        for ring in self.polygons.iter().flat_map(|p| p.rings.iter()) {
            for pair in ring.windows(2) {
                best = best.min(origin_to_segment(project(pair[0]), project(pair[1])));
            }
        }
        best
    }

    /// A point inside the largest polygon: its area centroid if that lies inside, otherwise the
    /// middle of the widest inside stretch of the parallel through the centroid.
    pub fn representative_point(&self) -> Option<Point> {
        let largest = self
            .polygons
            .iter()
            .max_by(|a, b| ring_area(&a.rings[0]).total_cmp(&ring_area(&b.rings[0])))?;
        let (cx, cy) = ring_centroid(&largest.rings[0])?;
        let centroid = Point { lat: cy, lon: cx };
        if self.contains(centroid) {
            return Some(centroid);
        }
        let mut xs: Vec<f64> = Vec::new();
        for ring in &largest.rings {
            for pair in ring.windows(2) {
                let ((x1, y1), (x2, y2)) = (pair[0], pair[1]);
                if (y1 > cy) != (y2 > cy) {
                    xs.push(x1 + (cy - y1) * (x2 - x1) / (y2 - y1));
                }
            }
        }
        xs.sort_by(f64::total_cmp);
        xs.chunks(2)
            .filter(|c| c.len() == 2)
            .max_by(|a, b| (a[1] - a[0]).total_cmp(&(b[1] - b[0])))
            .map(|c| Point {
                lat: cy,
                lon: (c[0] + c[1]) / 2.0,
            })
    }
}

fn read_polygon(value: &Value) -> Result<Polygon, String> {
    let rings = value
        .as_array()
        .ok_or("polygon is not an array of rings")?
        .iter()
        .map(read_ring)
        .collect::<Result<Vec<_>, _>>()?;
    if rings.is_empty() {
        return Err("polygon without rings".into());
    }
    Ok(Polygon { rings })
}

fn read_ring(value: &Value) -> Result<Vec<(f64, f64)>, String> {
    let mut ring: Vec<(f64, f64)> = value
        .as_array()
        .ok_or("ring is not an array")?
        .iter()
        .map(|p| match (p[0].as_f64(), p[1].as_f64()) {
            (Some(x), Some(y)) => Ok((x, y)),
            _ => Err(format!("bad position {p}")),
        })
        .collect::<Result<_, _>>()?;
    if ring.len() < 3 {
        return Err("ring with fewer than 3 positions".into());
    }
    if ring.first() != ring.last() {
        ring.push(ring[0]);
    }
    Ok(ring)
}

/// Ray casting: whether a ray from (x, y) eastwards crosses the ring an odd number of times.
fn ring_crossings_odd(ring: &[(f64, f64)], x: f64, y: f64) -> bool {
    let mut inside = false;
    for pair in ring.windows(2) {
        let ((x1, y1), (x2, y2)) = (pair[0], pair[1]);
        if (y1 > y) != (y2 > y) && x < x1 + (y - y1) * (x2 - x1) / (y2 - y1) {
            inside = !inside;
        }
    }
    inside
}

fn origin_to_segment(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (-(a.0 * dx + a.1 * dy) / len2).clamp(0.0, 1.0)
    };
    let (px, py) = (a.0 + t * dx, a.1 + t * dy);
    (px * px + py * py).sqrt()
}

fn ring_area(ring: &[(f64, f64)]) -> f64 {
    ring.windows(2)
        .map(|p| p[0].0 * p[1].1 - p[1].0 * p[0].1)
        .sum::<f64>()
        .abs()
        / 2.0
}

fn ring_centroid(ring: &[(f64, f64)]) -> Option<(f64, f64)> {
    let (mut a, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for p in ring.windows(2) {
        let cross = p[0].0 * p[1].1 - p[1].0 * p[0].1;
        a += cross;
        cx += (p[0].0 + p[1].0) * cross;
        cy += (p[0].1 + p[1].1) * cross;
    }
    if a == 0.0 {
        return None;
    }
    Some((cx / (3.0 * a), cy / (3.0 * a)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn square_with_hole() {
        let geometry = serde_json::json!({"type": "Polygon", "coordinates": [
            [[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0], [0.0, 0.0]],
            [[4.0, 4.0], [6.0, 4.0], [6.0, 6.0], [4.0, 6.0], [4.0, 4.0]]]});
        let shape = Shape::from_geojson(&geometry).unwrap();
        assert!(shape.contains(Point { lat: 2.0, lon: 2.0 }));
        assert!(!shape.contains(Point { lat: 5.0, lon: 5.0 }));
        assert!(!shape.contains(Point {
            lat: 5.0,
            lon: 11.0
        }));
        let d = shape.distance_km(Point {
            lat: 5.0,
            lon: 11.0,
        });
        assert!((d - 110.9).abs() < 1.0, "{d}");
    }
}
