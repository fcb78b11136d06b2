//! Great-circle distance and the median used by the resolution metrics.

/// The mean Earth radius in km (IUGG, `(2a + b) / 3` of WGS84), the radius the geoparsing
/// literature's great-circle errors are computed with.
pub const EARTH_MEAN_RADIUS_KM: f64 = 6371.0088;

/// Great-circle distance in km between two points given in degrees, by the haversine formula on a
/// sphere of radius [`EARTH_MEAN_RADIUS_KM`].
///
/// Haversine stays accurate for the short distances that matter most here (a few km between a
/// village's point in two gazetteers), where the spherical law of cosines loses precision. The
/// spherical model differs from the ellipsoid by well under 1%, far below the 10 km threshold.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (phi1, phi2) = (lat1.to_radians(), lat2.to_radians());
    let half_dphi = (phi2 - phi1) / 2.0;
    let half_dlambda = (lon2 - lon1).to_radians() / 2.0;
    let h = half_dphi.sin().powi(2) + phi1.cos() * phi2.cos() * half_dlambda.sin().powi(2);
    // Rounding can push h a hair above 1 for antipodal points; asin would then return NaN.
    2.0 * EARTH_MEAN_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// The median of `values` (sorted in place): the middle value for an odd count, the mean of the
/// two middle values for an even count, `None` for no values.
pub(crate) fn median(values: &mut [f64]) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Damascus and Aleppo city points from GeoNames (sources/places/geonames/sy_cities500.tsv);
    /// the expected distance was computed independently with Python's math module.
    #[test]
    fn haversine_damascus_aleppo_is_about_310_km() {
        let km = haversine_km(33.5102, 36.29128, 36.20124, 37.16117);
        assert!((km - 309.574_195).abs() < 1e-3, "{km}");
    }

    #[test]
    fn haversine_is_symmetric_and_zero_on_the_same_point() {
        let there = haversine_km(33.5102, 36.29128, 36.20124, 37.16117);
        let back = haversine_km(36.20124, 37.16117, 33.5102, 36.29128);
        assert!((there - back).abs() < 1e-9);
        assert_eq!(haversine_km(34.72405, 36.72559, 34.72405, 36.72559), 0.0);
    }

    #[test]
    fn haversine_one_degree_on_the_equator_and_antipodes() {
        let one_degree = EARTH_MEAN_RADIUS_KM * std::f64::consts::PI / 180.0;
        assert!((haversine_km(0.0, 0.0, 0.0, 1.0) - one_degree).abs() < 1e-9);
        assert!((haversine_km(0.0, 0.0, 1.0, 0.0) - one_degree).abs() < 1e-9);
        let half_circumference = EARTH_MEAN_RADIUS_KM * std::f64::consts::PI;
        // Haversine is ill-conditioned at antipodes (asin near 1): expect metres, not micrometres.
        let antipodal = haversine_km(10.0, 20.0, -10.0, -160.0);
        assert!((antipodal - half_circumference).abs() < 1e-3, "{antipodal}");
    }

    #[test]
    fn median_of_odd_even_and_empty_counts() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [7.0]), Some(7.0));
        assert_eq!(median(&mut [9.0, 1.0, 5.0]), Some(5.0));
        assert_eq!(median(&mut [9.0, 1.0, 5.0, 3.0]), Some(4.0));
        assert_eq!(median(&mut [2.0, 2.0]), Some(2.0));
    }
}
