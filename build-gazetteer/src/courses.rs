//! Courses of long features: the curated `feature_courses.tsv` lists, for a river, a valley or an
//! elongated plain, the places it passes in order, by their ids in this build.
//!
//! A river's course is written with it (column `course`), and the resolver places a mention of the
//! river on the stretch its document is about («نهر الفرات» near العشارة is not the Euphrates at
//! Jarablus); the river keeps its source point as the label point. An area (a plain, a valley) is
//! spoken of as a whole: it gets the middle of its course as its point, where the source gave an
//! edge town, and no course.

use std::path::Path;

use makan::Point;

use crate::place::{Place, index_by_id};
use crate::report::Report;
use crate::sources::Table;

/// Reads `path` and sets the course of every feature it names. Every id must exist and have a
/// point; a course has at least two points.
pub fn apply(places: &mut [Place], path: &Path, report: &mut Report) -> Result<(), String> {
    if !path.exists() {
        report.line(
            "courses",
            format!("{} not present: no courses", path.display()),
        );
        return Ok(());
    }
    let table = Table::read_strict(path)?;
    let (feature, course) = (table.column("feature_id")?, table.column("course")?);
    let index = index_by_id(places);
    let mut updates = Vec::new();
    for row in &table.rows {
        let at = table.at(row);
        let target = *index
            .get(row.get(feature))
            .ok_or_else(|| format!("{at}: no place `{}`", row.get(feature)))?;
        let mut points = Vec::new();
        for id in row.list(course) {
            let i = index
                .get(id)
                .ok_or_else(|| format!("{at}: course point `{id}` is no place"))?;
            let point = places[*i]
                .point
                .ok_or_else(|| format!("{at}: course point `{id}` has no point"))?;
            points.push(point);
        }
        if points.len() < 2 {
            return Err(format!("{at}: a course needs two points or more"));
        }
        updates.push((target, points));
    }
    for (target, points) in updates {
        let place = &mut places[target];
        report.count("courses", &place.class, 1);
        if place.class == "river" {
            place.course = points;
        } else {
            place.point = Some(midpoint(&points));
        }
    }
    Ok(())
}

/// The point halfway along a polyline, by length.
fn midpoint(points: &[Point]) -> Point {
    let legs: Vec<f64> = points.windows(2).map(|w| w[0].distance_km(w[1])).collect();
    let mut left = legs.iter().sum::<f64>() / 2.0;
    for (w, leg) in points.windows(2).zip(&legs) {
        if left <= *leg && *leg > 0.0 {
            let t = left / leg;
            return Point {
                lat: w[0].lat + t * (w[1].lat - w[0].lat),
                lon: w[0].lon + t * (w[1].lon - w[0].lon),
            };
        }
        left -= leg;
    }
    points[points.len() - 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn midpoint_is_halfway_by_length() {
        let p = |lat, lon| Point { lat, lon };
        // Two legs of 1° and 3° of latitude: halfway is 1° into the second leg.
        let m = midpoint(&[p(0.0, 0.0), p(1.0, 0.0), p(4.0, 0.0)]);
        assert!((m.lat - 2.0).abs() < 1e-6 && m.lon.abs() < 1e-9, "{m:?}");
        let m = midpoint(&[p(35.0, 36.0), p(35.0, 36.0)]);
        assert_eq!(m, p(35.0, 36.0));
    }
}
