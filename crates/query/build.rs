//! Embeds every `queries/<folder>/*.scm` of the workspace into the binary, sorted by path so
//! that pattern order (and so output) never depends on the filesystem.

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let queries = manifest.join("../../queries");
    println!("cargo:rerun-if-changed={}", queries.display());
    let mut files = Vec::new();
    for folder in std::fs::read_dir(&queries).expect("queries/ exists") {
        let folder = folder.expect("readable queries/ entry").path();
        if !folder.is_dir() {
            continue;
        }
        println!("cargo:rerun-if-changed={}", folder.display());
        for file in std::fs::read_dir(&folder).expect("readable query folder") {
            let file = file.expect("readable query file").path();
            if file.extension().is_some_and(|e| e == "scm") {
                println!("cargo:rerun-if-changed={}", file.display());
                files.push(file);
            }
        }
    }
    files.sort();
    let mut out = String::from("/// The query packs shipped in the binary, sorted by path.\n");
    out.push_str("pub(crate) static EMBEDDED: &[(&str, &str, &str)] = &[\n");
    for file in &files {
        let folder = file
            .parent()
            .and_then(|p| p.file_name())
            .expect("folder name");
        let name = file.file_name().expect("file name");
        let abs = file.canonicalize().expect("canonical path");
        writeln!(
            out,
            "    ({:?}, {:?}, include_str!({:?})),",
            folder.to_string_lossy(),
            name.to_string_lossy(),
            abs.display().to_string()
        )
        .expect("write to string");
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it")).join("embedded.rs");
    std::fs::write(dest, out).expect("write embedded.rs");
}
