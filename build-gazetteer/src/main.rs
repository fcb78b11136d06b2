//! Builds makan's gazetteer (`data/places.tsv`, then the organizations) from the raw sources.
//!
//! ```text
//! cargo run --release -p makan-build-gazetteer -- [SOURCES_DIR] [OUT_DIR] [--curated DIR] [--corpus FILE | --no-corpus] [--informal DIR]
//! cargo run --release -p makan-build-gazetteer -- --snapshot-only [OUT_DIR]
//! ```
//! The last step writes `snapshot.bin`, the tables prebuilt for a fast start; `--snapshot-only`
//! does only that, from the tables already in OUT_DIR (after a change to the fold or to how
//! names are compiled, when `snapshot_is_fresh` fails).
//! Defaults: `../shared/sources`, `data`, `curated`, the informal posts of
//! `../shared/corpus/geo/idrisi/LMR/data/AR/gold-random-json` (train split only). The output is deterministic: the same sources
//! give the same bytes. The summary (counts, drops with reasons, variant rules, checks) goes to
//! stdout; errors name the file and line and exit with status 1.

mod admin;
mod boundaries;
mod checks;
mod courses;
mod features;
mod freq;
mod identity;
mod iom;
mod latin_names;
mod locate;
mod names;
mod naming;
mod orgs;
mod place;
mod polygon;
mod quarters;
mod region;
mod report;
mod simplify;
mod snapshot;
mod sources;
mod variants;
mod wof;
mod world;
mod write;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use makan::Kind;
use place::Place;
use report::Report;

/// Largest total size of the tables in `data/` the crate embeds. `snapshot.bin` is not
/// counted: it is the same tables prebuilt for a fast start, and its size follows theirs.
const MAX_DATA_BYTES: u64 = 8 * 1024 * 1024;

/// Command-line arguments.
struct Args {
    sources: PathBuf,
    out_dir: PathBuf,
    curated: PathBuf,
    /// News corpus for name frequencies; `None` with `--no-corpus`.
    corpus: Option<PathBuf>,
    /// Folder of informal posts (IDRISI-RA events, each with a `train.jsonl`).
    informal: PathBuf,
    /// Only rewrite `snapshot.bin` from the tables in `out_dir`.
    snapshot_only: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut positional = Vec::new();
    let mut curated = PathBuf::from("curated");
    let mut corpus = Some(PathBuf::from(
        "../shared/corpus/saudinewsnet/saudinewsnet_all.jsonl",
    ));
    let mut informal = PathBuf::from("../shared/corpus/geo/idrisi/LMR/data/AR/gold-random-json");
    let mut snapshot_only = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--curated" => curated = args.next().ok_or("--curated needs a directory")?.into(),
            "--corpus" => corpus = Some(args.next().ok_or("--corpus needs a JSONL file")?.into()),
            "--no-corpus" => corpus = None,
            "--snapshot-only" => snapshot_only = true,
            "--informal" => informal = args.next().ok_or("--informal needs a directory")?.into(),
            "-h" | "--help" => {
                return Err(
                    "usage: build-gazetteer [SOURCES_DIR] [OUT_DIR] [--curated DIR] [--corpus FILE | --no-corpus] [--informal DIR]\n       build-gazetteer --snapshot-only [OUT_DIR]".into(),
                );
            }
            _ if arg.starts_with("--") => return Err(format!("unknown option {arg}")),
            _ => positional.push(PathBuf::from(arg)),
        }
    }
    if positional.len() > 2 {
        return Err("at most two positional arguments: SOURCES_DIR OUT_DIR".into());
    }
    if snapshot_only && positional.len() > 1 {
        return Err("--snapshot-only takes one positional argument: OUT_DIR".into());
    }
    let mut positional = positional.into_iter();
    if snapshot_only {
        return Ok(Args {
            sources: PathBuf::new(),
            out_dir: positional.next().unwrap_or_else(|| "data".into()),
            curated,
            corpus,
            informal,
            snapshot_only,
        });
    }
    Ok(Args {
        sources: positional
            .next()
            .unwrap_or_else(|| "../shared/sources".into()),
        out_dir: positional.next().unwrap_or_else(|| "data".into()),
        curated,
        corpus,
        informal,
        snapshot_only,
    })
}

fn main() -> ExitCode {
    match run() {
        Ok(0) => ExitCode::SUCCESS,
        Ok(failures) => {
            eprintln!("build-gazetteer: {failures} check(s) failed (data written for inspection)");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("build-gazetteer: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<usize, String> {
    let args = parse_args()?;
    if args.snapshot_only {
        print!("{}", snapshot::write(&args.out_dir)?);
        return Ok(0);
    }
    std::fs::create_dir_all(&args.out_dir)
        .map_err(|e| format!("{}: {e}", args.out_dir.display()))?;
    let mut report = Report::default();
    let mut places = build_places(&args.sources.join("places"), &args.curated, &mut report)?;
    places.sort_by(|a, b| a.id.cmp(&b.id));
    let failures = checks::run(&places, &mut report);
    count_names(&places, &mut report);
    let text = write::render_places(&places);
    write::write_file(&args.out_dir.join("places.tsv"), &text)?;
    let outlines = boundaries::build(
        &args.sources.join("places/boundaries"),
        &places,
        &mut report,
    )?;
    write::write_file(&args.out_dir.join("boundaries.tsv"), &outlines)?;
    let place_keys: std::collections::BTreeSet<String> = places
        .iter()
        .flat_map(|p| p.names_ar.all().chain(p.names_en.all()))
        .map(makan::fold)
        .collect();
    let orgs_summary = orgs::build(&args.sources, &args.curated, &args.out_dir, &place_keys)?;
    // Frequencies are counted with the tagger over the tables just written.
    let freq_summary = match &args.corpus {
        Some(corpus) => freq::build(
            &args.out_dir,
            corpus,
            &args.informal,
            &args.sources.join("orgs/anergazet/AlignedPersGazetteer.txt"),
        )?,
        None => "name frequencies: skipped (--no-corpus); name_freq.tsv left as it was\n".into(),
    };
    let snapshot_summary = snapshot::write(&args.out_dir)?;
    let size = data_size(&args.out_dir)?;
    let size_ok = size < MAX_DATA_BYTES;
    report.line(
        "checks",
        format!(
            "[{}] data/ tables total size {size} bytes (places.tsv {} bytes) < 8 MB",
            if size_ok { "ok" } else { "FAIL" },
            text.len()
        ),
    );
    print!("{}", report.render());
    if !orgs_summary.is_empty() {
        println!("== organizations\n{orgs_summary}");
    }
    println!("== name frequencies\n{freq_summary}");
    print!("== snapshot\n{snapshot_summary}");
    Ok(failures + usize::from(!size_ok))
}

/// Reads every place source, links, merges and generates variants.
fn build_places(dir: &Path, curated: &Path, report: &mut Report) -> Result<Vec<Place>, String> {
    let admin = admin::AdminTable::read(&dir.join("opensyria/syria_admin1_3.tsv"), report)?;
    let locator = locate::Locator::read(
        &dir.join("boundaries/syria_wof_admin_polygons.geojson"),
        &admin,
        report,
    )?;
    let mut places = admin::admin_places(&admin, report);
    for place in &mut places {
        for id in locator.wof_ids_of(&place.pcode) {
            place.refs.insert(format!("wof:{id}"));
        }
    }
    let world_cities = world::read_cities(&dir.join("geonames/world_cities15000.tsv"), report)?;
    let (settlements, wof_country_names) =
        syrian_settlements(dir, &admin, &locator, &world_cities, report)?;
    places.extend(settlements);
    places.extend(features::read_features(
        &dir.join("features-curated/syria_named_features.tsv"),
        &locator,
        report,
    )?);
    places.extend(features::read_transport(
        &dir.join("opensyria/transport_locations.json"),
        &dir.join("opensyria/transport_sources.json"),
        &admin,
        &locator,
        report,
    )?);
    let countries = world::read_countries(
        &dir.join("geonames/countries.tsv"),
        &dir.join("boundaries/ne10m_admin0_syria_region_deu.geojson"),
        &world_cities,
        &wof_country_names,
        report,
    )?;
    places.extend(countries.places);
    places.extend(world::world_city_places(
        &world_cities,
        &countries.capitals,
        report,
    ));
    let mut region_units =
        region::region_admin_places(&dir.join("wof-region-admin/region_admin_wof.tsv"), report)?;
    let mut curated_places = features::read_curated_places(&curated.join("places.tsv"), report)?;
    curated_places.extend(features::read_curated_places(
        &curated.join("us_states.tsv"),
        report,
    )?);
    for place in &mut curated_places {
        link_curated(place, &locator);
    }
    region::absorb_units_into_curated(&mut region_units, &mut curated_places, report);
    places.extend(region_units);
    places.extend(curated_places);
    ensure_unique_ids(&places)?;
    courses::apply(&mut places, &curated.join("feature_courses.tsv"), report)?;
    latin_names::add(
        &mut places,
        &dir.join("syria-latin-variants/syria_latin_variants.tsv"),
        report,
    )?;
    variants::apply_all(
        &mut places,
        &admin,
        &dir.join("syria-towns-arabic-hierarchy/syrian_towns_with_pcodes.tsv"),
        &curated.join("place_variants.tsv"),
        report,
    )?;
    quarters::parent_cities(&mut places, report);
    identity::merge_same_places(&mut places, report);
    naming::plain_english_names(&mut places, report);
    Ok(places)
}

/// The Syrian settlements of every source (WOF, GeoNames, IOM DTM), linked and merged, with
/// Aleppo's quarters; and the country names WOF gives.
fn syrian_settlements(
    dir: &Path,
    admin: &admin::AdminTable,
    locator: &locate::Locator,
    world_cities: &[world::City],
    report: &mut Report,
) -> Result<(Vec<Place>, Vec<String>), String> {
    let wof = wof::read_wof(&dir.join("wof/syria_wof_places.tsv"), locator, report)?;
    let mut settlements = wof.places;
    let sy500 = world::read_cities(&dir.join("geonames/sy_cities500.tsv"), report)?;
    let extra =
        world::merge_syrian_cities(&mut settlements, &sy500, locator, report, "sy_cities500");
    settlements.extend(extra);
    let extra = world::merge_syrian_cities(
        &mut settlements,
        world_cities,
        locator,
        report,
        "world_cities15000",
    );
    settlements.extend(extra);
    let iom = iom::read_iom(
        &dir.join("iom-dtm-locations-2026/iom_dtm_locations_2026.tsv"),
        report,
    )?;
    iom::assign_subdistricts(&mut settlements, &iom, locator, report);
    let iom_only = iom::iom_only_places(&iom, &settlements, report);
    settlements.extend(iom_only);
    quarters::link_seat_communities(&mut settlements, &iom, admin, report);
    let city_quarters = quarters::aleppo_quarters(
        &dir.join("aleppo-city-neighbourhoods/aleppo_neighbourhoods.tsv"),
        &mut settlements,
        report,
    )?;
    settlements.extend(city_quarters);
    Ok((settlements, wof.country_names))
}

/// Curated Syrian places with a point get their district from the polygons (adm1 as given).
fn link_curated(place: &mut Place, locator: &locate::Locator) {
    if !place.is_syrian() {
        return;
    }
    let Some(point) = place.point else { return };
    if let Some(fix) = locator.locate(point, &[]) {
        if place.adm1.is_empty() {
            place.adm1 = fix.adm1.clone();
        }
        if place.adm2.is_empty() && fix.adm1 == place.adm1 && place.kind != Kind::Region {
            place.adm2 = fix.adm2;
        }
    }
}

fn ensure_unique_ids(places: &[Place]) -> Result<(), String> {
    let mut seen = BTreeSet::new();
    for p in places {
        if !seen.insert(p.id.as_str()) {
            return Err(format!("two places share the id `{}`", p.id));
        }
    }
    Ok(())
}

/// Names by script, for the summary.
fn count_names(places: &[Place], report: &mut Report) {
    for p in places {
        let scope = if p.is_syrian() { "Syria" } else { "world" };
        report.count(
            "names by script",
            &format!("arabic ({scope})"),
            p.names_ar.len(),
        );
        report.count(
            "names by script",
            &format!("latin ({scope})"),
            p.names_en.len(),
        );
    }
}

/// Total bytes of the files directly in `dir`.
fn data_size(dir: &Path) -> Result<u64, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut total = 0;
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        if entry.file_name() == snapshot::FILE {
            continue;
        }
        let meta = entry
            .metadata()
            .map_err(|e| format!("{}: {e}", dir.display()))?;
        if meta.is_file() {
            total += meta.len();
        }
    }
    Ok(total)
}
