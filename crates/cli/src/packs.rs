//! Loading the user's query packs (`--queries DIR`) from disk; the query crate does the rest.

use anyhow::{Context, Result};
use shipshape_query::PackFile;
use std::path::Path;

/// The packs in `dir/<language>/*.scm`, sorted by path.
pub(crate) fn load_user_packs(dir: &Path) -> Result<Vec<PackFile>> {
    let entries = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read query folder '{}'", dir.display()))?;
    let mut packs = Vec::new();
    for entry in entries {
        let folder = entry
            .with_context(|| format!("cannot read query folder '{}'", dir.display()))?
            .path();
        if !folder.is_dir() {
            if folder.extension().is_some_and(|e| e == "scm") {
                anyhow::bail!(
                    "{}: query packs go in a language folder: {}/<language>/, language one of {}",
                    folder.display(),
                    dir.display(),
                    PackFile::FOLDERS.join(", ")
                );
            }
            continue;
        }
        let name = folder
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let files = std::fs::read_dir(&folder)
            .with_context(|| format!("cannot read query folder '{}'", folder.display()))?;
        for file in files {
            let path = file
                .with_context(|| format!("cannot read query folder '{}'", folder.display()))?
                .path();
            if path.extension().is_some_and(|e| e == "scm") {
                let source = std::fs::read_to_string(&path)
                    .with_context(|| format!("cannot read query pack '{}'", path.display()))?;
                packs.push(PackFile::user(&name, path.display().to_string(), source)?);
            }
        }
    }
    packs.sort_by(|a, b| a.origin.cmp(&b.origin));
    Ok(packs)
}
