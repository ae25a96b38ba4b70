//! Atomic file output: write beside the target, then rename over it.

use std::io::{self, BufWriter, Write};
use std::path::Path;

/// Write a file by filling a temporary file in the same folder and renaming it into place, so
/// the target holds either the old content or the complete new one, never a partial write.
///
/// A target that exists and is not a regular file (`/dev/null`, `/dev/stdout`, a named pipe)
/// is written in place: renaming over it would replace the device with a plain file.
pub fn write_atomically(
    target: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    if std::fs::metadata(target).is_ok_and(|meta| !meta.is_file()) {
        let file = std::fs::OpenOptions::new().write(true).open(target)?;
        let mut writer = BufWriter::new(file);
        fill(&mut writer)?;
        return writer.flush();
    }
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

    #[cfg(unix)]
    #[test]
    fn a_special_file_is_written_in_place_not_replaced() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("out.fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo on this machine
        }
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read_to_string(fifo).expect("read fifo"))
        };
        write_atomically(&fifo, |w| w.write_all(b"report")).expect("write to fifo");
        assert_eq!(reader.join().expect("reader"), "report");
        let kind = std::fs::symlink_metadata(&fifo)
            .expect("still there")
            .file_type();
        assert!(
            kind.is_fifo(),
            "the named pipe must not be replaced by a file"
        );
    }

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
