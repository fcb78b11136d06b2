//! The `makan` command line: tag and resolve places and organizations in text.
//!
//! Install with `cargo install --path cli --locked` (from the repository root). Run `makan help` for usage.

mod cli;
mod eval_cmd;
mod gazetteer_cmd;
mod geojson_cmd;
mod lines;
mod map;
mod map_cmd;
mod tag_cmd;

use std::process::ExitCode;

const USAGE: &str = "\
makan — places and organizations in Arabic and English news about Syria

USAGE:
    makan tag [--jsonl] [--no-resolve] [--keep-text] [--all] [FILE]
        Tag text from FILE or standard input. Plain text gives one JSON object
        {\"mentions\": [...]}. With --jsonl, every input line {\"doc_id\": .., \"text\": ..}
        gives one output line {\"doc_id\": .., \"mentions\": [...]} (other fields kept;
        a bad line gives {\"doc_id\": .., \"error\": .., \"line\": N}), in input order.
        --no-resolve  only tag (candidates, no chosen entity or coordinates)
        --all         also print mentions the resolver rejected (rejected: true)
        --keep-text   keep the input's text field in --jsonl output
        Exit code: 0 all lines fine, 1 some lines bad, 2 usage or I/O error.
        tag, geojson and eval also take --places FILE and --orgs FILE (repeatable): your
        own tables, in the schema of data/places.tsv and data/orgs.tsv, added to the
        embedded gazetteer. Bad rows stop the run, each listed as FILE:LINE: reason
        (unknown columns, commas for tabs, a settlement without lat/lon, an id the
        gazetteer has already). With --override, a row whose id exists replaces
        that entity (to add a missing P-code, say).
        With --jsonl, tag, geojson and eval use every core: --threads N to use N
        (1 = sequential). A progress line shows on a terminal; --quiet hides it.
    makan geojson [--jsonl] [--lines] [FILE]
        The resolved places of a text (or of every line of a JSON Lines file) as one
        GeoJSON FeatureCollection of points, with the mention's fields as properties.
        --lines  GeoJSON Lines instead: one Feature per line. Use it for a whole corpus;
                 a FeatureCollection is one JSON value a reader must hold whole.
        A bad input line is reported on standard error (exit code 1).
    makan map [--jsonl] [FILE] [-o map.svg] [--lang ar|en] [--labels N]
        A map picture (SVG) of the places of a text, or of every line of a JSON Lines
        file: Syria's governorates and the neighbouring countries, each place a circle
        sized by its number of mentions and coloured by kind, a legend, a scale bar, and
        the places outside the frame listed at the side. Labels in Arabic (default) or
        English, on the N most mentioned places where they do not overlap (default 40).
        -o FILE  write the SVG there (default: standard output)
    makan eval GOLD.jsonl DOCS.jsonl [--errors] [--json] [--calibration]
        Tag and resolve DOCS, score against GOLD (metrics of EVAL.md), with a
        calibration table of confidence against correctness; --errors lists every
        missed, spurious, boundary and wrong-place mention.
    makan eval-conll FILE.txt
        Score on a CoNLL file (ANERcorp format), entity level on whole tokens.
    makan gazetteer stats
        Counts of the embedded gazetteer by kind and source, as JSON.
    makan gazetteer lookup NAME
        Every entity NAME can mean, best first, as JSON lines.
    makan help
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("tag") => tag_cmd::run(&args[1..]),
        Some("gazetteer") => gazetteer_cmd::run(&args[1..]),
        Some("eval") => eval_cmd::run(&args[1..]),
        Some("geojson") => geojson_cmd::run(&args[1..]),
        Some("eval-conll") => eval_cmd::run_conll(&args[1..]),
        Some("map") => map_cmd::parse(&args[1..]).and_then(|options| map_cmd::run(&options)),
        Some("help" | "--help" | "-h") => {
            print!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        Some(other) => Err(cli::UsageError(format!("unknown command `{other}`")).into()),
        None => Err(cli::UsageError("no command given".into()).into()),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("makan: {err}");
            if err.is::<cli::UsageError>() {
                eprint!("\n{USAGE}");
            }
            ExitCode::from(2)
        }
    }
}
