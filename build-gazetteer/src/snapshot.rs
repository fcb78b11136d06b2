//! `data/snapshot.bin`: the gazetteer of the tables just written, prebuilt by the library
//! (`makan::snapshot`) so that the crate starts without parsing them.

use std::path::Path;

/// The file name of the snapshot in the output folder.
pub const FILE: &str = "snapshot.bin";

/// Builds the snapshot of `out_dir`'s `places.tsv`, `orgs.tsv` and `name_freq.tsv` and writes
/// it beside them. Returns a summary line.
pub fn write(out_dir: &Path) -> Result<String, String> {
    let read = |name: &str| {
        let path = out_dir.join(name);
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
    };
    let (places, orgs, name_freq) = (
        read("places.tsv")?,
        read("orgs.tsv")?,
        read("name_freq.tsv")?,
    );
    let bytes = makan::snapshot::build(&places, &orgs, &name_freq).map_err(|e| e.to_string())?;
    let path = out_dir.join(FILE);
    std::fs::write(&path, &bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(format!("{FILE}: {} bytes\n", bytes.len()))
}
