//! Atomic file output: write beside the target, then rename over it.

use std::io::{self, BufWriter, Write};
use std::path::Path;

/// Write a file by filling a temporary file in the same folder and renaming it into place, so
/// the target holds either the old content or the complete new one, never a partial write.
pub fn write_atomically(
    target: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".to_string());
    let temp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(folder)?;
    {
        let mut writer = BufWriter::new(temp.as_file());
        fill(&mut writer)?;
        writer.flush()?;
    }
    temp.as_file().sync_all()?;
    temp.persist(target).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temp_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("out.sarif");
        std::fs::write(&target, "old").expect("seed");
        let err = write_atomically(&target, |w| {
            w.write_all(b"partial")?;
            Err(io::Error::other("disk full"))
        });
        assert!(err.is_err());
        assert_eq!(std::fs::read_to_string(&target).expect("read"), "old");
        let leftovers = std::fs::read_dir(dir.path()).expect("list").count();
        assert_eq!(leftovers, 1, "the temp file is removed");

        write_atomically(&target, |w| w.write_all(b"new")).expect("write");
        assert_eq!(std::fs::read_to_string(&target).expect("read"), "new");
    }
}
