//! The Logger sink's file: `<directory>/<name>.YYYY-MM-DD-HH`, a new one each
//! hour, as valkey-glide's hourly rolling appender names them.
//!
//! The directory is `$GLIDE_LOG_DIR` when that names a directory we can create,
//! else `glide-logs` under the working directory. It is created on the first
//! write, not at configuration, so configuring a file on a read-only file
//! system is not an error (the lines are lost, as with valkey-glide).

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::PathBuf;

use super::Record;
use crate::iam::utc::Utc;

const DEFAULT_DIRECTORY: &str = "glide-logs";
const DIRECTORY_VARIABLE: &str = "GLIDE_LOG_DIR";

/// Where log files go (see the module docs).
pub(super) fn log_directory() -> PathBuf {
    match std::env::var(DIRECTORY_VARIABLE) {
        Ok(dir) if !dir.trim().is_empty() && std::fs::create_dir_all(&dir).is_ok() => PathBuf::from(dir),
        _ => PathBuf::from(DEFAULT_DIRECTORY),
    }
}

pub(super) struct HourlyFile {
    directory: PathBuf,
    name: String,
    /// The file of the hour `hour` (hours since the epoch), once opened.
    open: Option<(u64, File)>,
}

impl HourlyFile {
    pub(super) fn new(directory: PathBuf, name: &str) -> HourlyFile {
        HourlyFile { directory, name: name.to_string(), open: None }
    }

    /// The path of the file for the hour that contains `micros`.
    pub(super) fn path_for(&self, micros: u64) -> PathBuf {
        let at = Utc::from_unix_seconds((micros / 1_000_000) as i64);
        self.directory.join(format!("{}.{:04}-{:02}-{:02}-{:02}", self.name, at.year, at.month, at.day, at.hour))
    }

    pub(super) fn write(&mut self, record: &Record) {
        let hour = record.micros / 3_600_000_000;
        if self.open.as_ref().map(|(h, _)| *h) != Some(hour) {
            self.open = None;
            let path = self.path_for(record.micros);
            let _ = std::fs::create_dir_all(&self.directory);
            if let Ok(file) = OpenOptions::new().create(true).append(true).open(&path) {
                self.open = Some((hour, file));
            }
        }
        if let Some((_, file)) = self.open.as_mut() {
            // One write per line: lines of concurrent writers never interleave
            // (the sink's lock orders them anyway; O_APPEND keeps other
            // processes' lines whole too).
            let _ = file.write_all(record.line().as_bytes());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_file_per_hour_named_as_valkey_glide_names_them() {
        let dir = std::env::temp_dir().join(format!("glide-jni-log-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let mut file = HourlyFile::new(dir.clone(), "app.log");
        let first = 1_764_921_196_000_000; // 2025-12-05 07:53:16 UTC
        let next_hour = first + 3_600_000_000;
        file.write(&Record { level: super::super::WARN, area: "glide.core", message: "one".into(), micros: first });
        file.write(&Record { level: super::super::INFO, area: "glide.core", message: "two".into(), micros: next_hour });
        let a = std::fs::read_to_string(dir.join("app.log.2025-12-05-07")).unwrap();
        let b = std::fs::read_to_string(dir.join("app.log.2025-12-05-08")).unwrap();
        assert!(a.ends_with(" WARN glide.core: one\n"), "{a}");
        assert!(b.ends_with(" INFO glide.core: two\n"), "{b}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
