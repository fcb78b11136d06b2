pub fn build(
    sources: &std::path::Path,
    curated: &std::path::Path,
    out_dir: &std::path::Path,
) -> Result<String, String> {
    let _ = (sources, curated, out_dir);
    Ok(String::new())
}
