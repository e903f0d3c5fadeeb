//! Output files that are never half-written (`jamsos batch --output`,
//! `--summary`): each is written to a temporary file in the same directory and
//! renamed onto its path only when the batch has finished, so a failed run, an
//! interrupted one (SIGINT, SIGTERM, SIGHUP) or a killed one leaves an existing
//! file untouched and creates none. The temporary file is removed when the run
//! fails, and by a signal thread when it is interrupted; only SIGKILL (which
//! nothing can catch) leaves it behind, as a hidden `.NAME.*.part` file beside
//! the result.
//!
//! A path that already names something other than a regular file (a device
//! such as `/dev/null`, a FIFO) is written in place: renaming a file onto it
//! would replace the device with a regular file for every other program.
//!
//! The rename is atomic for other processes; the data is not synced to disk
//! first (a batch of gigabytes would wait seconds for it), so a power loss
//! right after a run may still lose the new file, but never shows a partial
//! one under the result's name on a journalling file system.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tempfile::NamedTempFile;

/// Temporary files to remove if a signal stops the run. The lock is also held
/// while a file is renamed into place, so a signal arriving then waits and
/// finds the rename either done or not begun.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Starts the thread that removes the pending temporary files on SIGINT,
/// SIGTERM or SIGHUP and then lets the signal end the process as it would
/// have (exit status "killed by signal").
pub(crate) fn clean_up_on_signals() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                let pending = PENDING
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                for path in pending.iter() {
                    let _ = std::fs::remove_file(path);
                }
                let _ = signal_hook::low_level::emulate_default_handler(signal);
                // Not reached for these three signals (their default ends the process).
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
}

/// A file being written under a temporary name beside its final path, or a
/// device or FIFO written in place.
pub(crate) struct Staged {
    temp: Option<NamedTempFile>,
    direct: Option<File>,
    target: PathBuf,
}

impl Staged {
    /// Creates the temporary file in `target`'s directory, with the
    /// permissions an existing `target` has (else those of a new file).
    pub(crate) fn create(target: &Path) -> io::Result<Staged> {
        if let Ok(meta) = std::fs::metadata(target) {
            if !meta.is_file() && !meta.is_dir() {
                let file = std::fs::OpenOptions::new().write(true).open(target)?;
                return Ok(Staged {
                    temp: None,
                    direct: Some(file),
                    target: target.to_owned(),
                });
            }
        }
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let prefix = format!(".{name}.");
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(".part");
        #[cfg(unix)]
        let permissions = {
            use std::os::unix::fs::PermissionsExt;
            // The process's umask applies to this mode, as for a new file.
            std::fs::metadata(target)
                .map(|m| m.permissions())
                .unwrap_or_else(|_| std::fs::Permissions::from_mode(0o666))
        };
        #[cfg(unix)]
        builder.permissions(permissions);
        let mut pending = PENDING
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let temp = builder.tempfile_in(dir)?;
        pending.push(temp.path().to_owned());
        Ok(Staged {
            temp: Some(temp),
            direct: None,
            target: target.to_owned(),
        })
    }

    /// The open temporary file, to write to.
    pub(crate) fn file(&self) -> io::Result<File> {
        match (&self.temp, &self.direct) {
            (Some(t), _) => t.as_file().try_clone(),
            (None, Some(f)) => f.try_clone(),
            (None, None) => Err(io::Error::other("the file was already renamed")),
        }
    }

    /// A writer of the result: a temporary file is written past the page
    /// cache where the system allows it (direct.rs); a device or FIFO, and a
    /// file elsewhere, through a buffer of `buffer` bytes.
    pub(crate) fn writer(&self, buffer: usize) -> io::Result<Box<dyn Write + Send>> {
        let file = self.file()?;
        #[cfg(target_os = "linux")]
        let file = match &self.temp {
            Some(temp) => match crate::direct::DirectWriter::open(temp.path(), file) {
                Ok(w) => return Ok(Box::new(w)),
                Err(file) => file,
            },
            None => file,
        };
        Ok(Box::new(BufWriter::with_capacity(buffer, file)))
    }

    /// Renames the finished file onto its path (nothing to do for a device).
    pub(crate) fn commit(mut self) -> io::Result<()> {
        let mut pending = PENDING
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let Some(temp) = self.temp.take() else {
            return Ok(());
        };
        let temp_path = temp.path().to_owned();
        pending.retain(|p| *p != temp_path);
        temp.persist(&self.target).map_err(|e| e.error)?;
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        // Not committed: the temporary file goes (NamedTempFile's own drop).
        if let Some(temp) = self.temp.take() {
            let mut pending = PENDING
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            pending.retain(|p| p != temp.path());
            drop(temp);
        }
    }
}
