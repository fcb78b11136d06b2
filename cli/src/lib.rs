//! The subcommands of the `makan` command line (`src/main.rs` parses the arguments and
//! dispatches), as a library so that the fuzz targets of `fuzz/` can drive the very code a
//! JSON Lines line goes through ([`tag_cmd::Tag::line_output`]). Not a stable API: use the
//! `makan` crate.

pub mod cli;
pub mod eval_cmd;
pub mod gazetteer_cmd;
pub mod geojson_cmd;
pub mod lines;
pub mod map;
pub mod map_cmd;
pub mod pipeline;
pub mod tag_cmd;
