//! Points in WGS-84 and the geometry the resolver needs: great-circle distance, initial
//! bearing, and the nearest point on a polyline (a river's course).

/// A point in WGS-84 decimal degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    /// Latitude, north positive.
    pub lat: f64,
    /// Longitude, east positive.
    pub lon: f64,
}

impl Point {
    /// Great-circle distance in kilometres (haversine, mean Earth radius).
    pub fn distance_km(self, other: Point) -> f64 {
        let (p1, p2) = (self.lat.to_radians(), other.lat.to_radians());
        let dp = p2 - p1;
        let dl = (other.lon - self.lon).to_radians();
        let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
        // Rounding can push `a` a hair above 1 for antipodal points, where asin gives NaN.
        2.0 * 6371.0088 * a.sqrt().min(1.0).asin()
    }

    /// Initial bearing from `self` to `other` in degrees clockwise from north, in `[0, 360)`.
    pub fn bearing_deg(self, other: Point) -> f64 {
        let (p1, p2) = (self.lat.to_radians(), other.lat.to_radians());
        let dl = (other.lon - self.lon).to_radians();
        let y = dl.sin() * p2.cos();
        let x = p1.cos() * p2.sin() - p1.sin() * p2.cos() * dl.cos();
        (y.atan2(x).to_degrees() + 360.0) % 360.0
    }

    /// The point of the polyline `line` nearest to `self`, and its distance in km; `None` for
    /// an empty line. Each leg is treated as straight on a local flat projection, which is
    /// exact enough for legs of a few dozen kilometres.
    pub fn nearest_on(self, line: &[Point]) -> Option<(Point, f64)> {
        let scale = self.lat.to_radians().cos();
        let xy = |p: Point| ((p.lon - self.lon) * scale, p.lat - self.lat);
        let mut best: Option<(Point, f64)> = None;
        let mut consider = |p: Point| {
            let d = self.distance_km(p);
            if best.is_none_or(|(_, b)| d < b) {
                best = Some((p, d));
            }
        };
        if let [only] = line {
            consider(*only);
        }
        for leg in line.windows(2) {
            let ((ax, ay), (bx, by)) = (xy(leg[0]), xy(leg[1]));
            let (dx, dy) = (bx - ax, by - ay);
            let len2 = dx * dx + dy * dy;
            // Self is the origin: the foot of the perpendicular, clamped to the leg.
            let t = if len2 > 0.0 {
                (-(ax * dx + ay * dy) / len2).clamp(0.0, 1.0)
            } else {
                0.0
            };
            consider(Point {
                lat: leg[0].lat + t * (leg[1].lat - leg[0].lat),
                lon: leg[0].lon + t * (leg[1].lon - leg[0].lon),
            });
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::Point;

    #[test]
    fn distance_and_bearing() {
        let deir = Point {
            lat: 35.3359,
            lon: 40.1408,
        };
        let bukamal = Point {
            lat: 34.4500,
            lon: 40.9186,
        };
        let d = deir.distance_km(bukamal);
        assert!((115.0..125.0).contains(&d), "{d}");
        let b = deir.bearing_deg(bukamal);
        assert!((135.0..150.0).contains(&b), "{b}");
    }

    #[test]
    fn nearest_point_on_a_polyline() {
        let p = |lat, lon| Point { lat, lon };
        let line = [p(35.0, 40.0), p(35.0, 41.0), p(34.0, 41.0)];
        // Beside the first leg: the foot of the perpendicular.
        let (on, km) = p(35.1, 40.5).nearest_on(&line).unwrap();
        assert!(
            (on.lat - 35.0).abs() < 1e-3 && (on.lon - 40.5).abs() < 1e-3,
            "{on:?}"
        );
        assert!((km - 11.1).abs() < 0.2, "{km}");
        // Beyond the end: the end point.
        let (on, _) = p(33.5, 41.2).nearest_on(&line).unwrap();
        assert_eq!(on, p(34.0, 41.0));
        // Beside the second leg.
        let (on, _) = p(34.5, 41.3).nearest_on(&line).unwrap();
        assert!(
            (on.lat - 34.5).abs() < 1e-3 && (on.lon - 41.0).abs() < 1e-9,
            "{on:?}"
        );
        assert_eq!(p(1.0, 1.0).nearest_on(&[]), None);
        assert_eq!(p(1.0, 1.0).nearest_on(&line[..1]).unwrap().0, line[0]);
    }
}
