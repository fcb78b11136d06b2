//! Where a river is: a river is a line hundreds of kilometres long, and its label point says
//! little. A mention of a feature with a course is placed at the point of its course nearest
//! to the centre of the places named beside it.

use super::evidence::Evidence;
use super::features::Site;
use super::prior::EntityFacts;
use super::{Resolution, WINDOW};
use crate::document::Document;
use crate::gazetteer::{EntityId, EntityType, Gazetteer, Kind, Point};

/// Places within this distance of a course are beside it.
const NEAR_COURSE_KM: f64 = 25.0;
/// Without places in the paragraph, the places named closest in the text: this many.
const PLACES: usize = 3;

/// Places the mentions of features with a course (rivers) on the stretch the document is
/// about: the point of the course nearest to the centre of the places named beside it, each
/// within 25 km of the course: those of the mention's paragraph, else the three named closest
/// in the text. Without such places the feature keeps its own point.
pub(super) fn place_on_courses(
    g: &Gazetteer,
    facts: &EntityFacts,
    doc: &Document<'_>,
    sites: &[Site<'_>],
    resolutions: &mut [Resolution],
) {
    for i in 0..resolutions.len() {
        // The facts say which entities have a course, without reading each entity.
        let Some(course) = resolutions[i]
            .entity
            .filter(|&e| facts.get(e).has_course)
            .map(|e| g.entity(e).course())
        else {
            continue;
        };
        let near = places_beside(facts, doc, sites, resolutions, i, course);
        if near.is_empty() {
            continue;
        }
        let n = near.len() as f64;
        let centre = Point {
            lat: near.iter().map(|p| p.lat).sum::<f64>() / n,
            lon: near.iter().map(|p| p.lon).sum::<f64>() / n,
        };
        if let Some((on, _)) = centre.nearest_on(course) {
            resolutions[i].point = Some(on);
            resolutions[i].evidence.insert(Evidence::Course);
        }
    }
}

/// The points of the places beside mention `i`'s course, once each.
fn places_beside(
    facts: &EntityFacts,
    doc: &Document<'_>,
    sites: &[Site<'_>],
    resolutions: &[Resolution],
    i: usize,
    course: &[Point],
) -> Vec<Point> {
    let mentions = |range: std::ops::Range<usize>| sites[range].iter().map(|s| &s.mention);
    let at = sites[i].mention.span().start();
    let paragraph = doc.tokens()[sites[i].mention.first_token()].paragraph;
    // The mentions around it, up to WINDOW on each side (a document of news is read whole).
    let window = i.saturating_sub(WINDOW)..(i + WINDOW + 1).min(sites.len());
    // (distance in the text, same paragraph, entity, point)
    let mut near: Vec<(usize, bool, EntityId, Point)> = mentions(window.clone())
        .zip(&resolutions[window])
        .filter(|(_, r)| r.accepted && r.ty == EntityType::Loc)
        .filter_map(|(m, r)| {
            let id = r.entity?;
            let point_like = matches!(
                facts.get(id).kind,
                Kind::Populated | Kind::Admin3 | Kind::Neighbourhood | Kind::Camp | Kind::Facility
            );
            let p = r.point.filter(|_| point_like)?;
            let (_, km) = p.nearest_on(course)?;
            let same_paragraph = doc.tokens()[m.first_token()].paragraph == paragraph;
            (km <= NEAR_COURSE_KM).then_some((m.span().start().abs_diff(at), same_paragraph, id, p))
        })
        .collect();
    near.sort_by_key(|n| (n.0, n.2));
    let mut seen = Vec::new();
    near.retain(|n| {
        !seen.contains(&n.2) && {
            seen.push(n.2);
            true
        }
    });
    if near.iter().any(|n| n.1) {
        near.retain(|n| n.1);
    } else {
        near.truncate(PLACES);
    }
    near.into_iter().map(|n| n.3).collect()
}
