use super::*;

#[test]
fn projection_maps_the_corners_and_keeps_km_square() {
    let p = Projection::new((35.0, 32.0), (43.0, 38.0), 800.0, (10.0, 20.0));
    let (x, y) = p.project(35.0, 38.0);
    assert!((x - 10.0).abs() < 1e-9 && (y - 20.0).abs() < 1e-9);
    let (x, y) = p.project(43.0, 32.0);
    assert!((x - 810.0).abs() < 1e-9 && (y - 20.0 - p.height).abs() < 1e-9);
    // One degree of latitude against one of longitude at 35° N: the ratio is cos(35°).
    let (x0, y0) = p.project(39.0, 35.0);
    let (x1, _) = p.project(40.0, 35.0);
    let (_, y1) = p.project(39.0, 34.0);
    let ratio = (x1 - x0) / (y1 - y0);
    assert!((ratio - 35f64.to_radians().cos()).abs() < 1e-9, "{ratio}");
    let (lon, lat) = p.unproject(p.project(39.5, 34.25).0, p.project(39.5, 34.25).1);
    assert!((lon - 39.5).abs() < 1e-9 && (lat - 34.25).abs() < 1e-9);
    assert!(p.contains(p.project(39.0, 35.0)));
    assert!(!p.contains(p.project(44.0, 35.0)));
    assert!(!p.contains(p.project(39.0, 31.0)));
}

#[test]
fn scale_matches_the_distance_between_two_points() {
    let p = Projection::new((35.0, 32.0), (43.0, 38.0), 800.0, (0.0, 0.0));
    // Damascus to Homs along the meridian is about 1.35° of latitude, ~150 km.
    let (_, y0) = p.project(36.3, 33.5);
    let (_, y1) = p.project(36.3, 34.85);
    let km = (y0 - y1) * p.km_per_pixel();
    assert!((km - 150.1).abs() < 1.0, "{km}");
}

#[test]
fn escaping_covers_markup_and_quotes() {
    assert_eq!(
        escape(r#"<a & "b" 'c'>"#),
        "&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;"
    );
    assert_eq!(escape("حلب\u{1}"), "حلب");
}

#[test]
fn the_embedded_outlines_hold_the_governorates_and_neighbours() {
    let outlines = outlines();
    let governorates = outlines.iter().filter(|o| o.kind == "admin1").count();
    assert_eq!(governorates, 14);
    for name in ["Turkey", "Iraq", "Jordan", "Lebanon"] {
        assert!(outlines.iter().any(|o| o.name_en == name), "{name}");
    }
    for outline in &outlines {
        assert!(
            outline.rings.iter().all(|r| r.len() >= 3),
            "{}",
            outline.name_en
        );
    }
}
