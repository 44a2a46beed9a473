//! The core's log stream: one `tracing` subscriber of our own, three sinks.
//!
//! Every `tracing` event in the core, and every `Logger.log` call of the
//! application, becomes one [`Record`] (level, area, message) and goes to:
//!
//! - the **Logger sink** ([`configure_logger`]): stdout or an hourly file under
//!   `glide-logs/` (or `$GLIDE_LOG_DIR`), as valkey-glide's `Logger` does; off
//!   until the application calls `Logger.init`/`setLoggerConfig`/`log`;
//! - the **JVM sink** ([`jvm`]): a bounded queue that a daemon Java thread
//!   drains into SLF4J or `System.Logger`; its level is what the application's
//!   logging enables for the `glide.*` loggers, as the Java side reports it.
//!
//! # Cost when disabled
//! Each sink has its own level; the most verbose of them is published to
//! `tracing` as the subscriber's [`max_level_hint`](Subscriber::max_level_hint),
//! which `tracing` keeps in one atomic that every `tracing::debug!` etc. checks
//! first. A disabled event is therefore one relaxed load and a compare: its
//! fields are neither evaluated nor formatted (a test proves it), and nothing
//! crosses JNI.
//!
//! # Why not `tracing-subscriber`
//! We need no spans, no env filter and one line format; `tracing-subscriber`'s
//! reloadable layers take a lock per event to read their filter, and its
//! formatter would still need a custom writer for the JVM queue. A
//! `Subscriber` of ~100 lines does the job with no new dependency.
//!
//! # Areas
//! A record's area is the Java logger name it goes to, derived from the
//! event's module path ([`area_of`]): `glide.connection`, `glide.cluster`,
//! `glide.pubsub`, `glide.tls`, `glide.auth`, else `glide.core`; an event may
//! also name one with `target: "glide.<area>"`.

pub(crate) mod events;
mod file;
pub mod jvm;
mod rate;
mod record;

use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::Once;

use parking_lot::Mutex;
use tracing::level_filters::LevelFilter;
use tracing::span::{Attributes, Id, Record as SpanRecord};
use tracing::subscriber::Interest;
use tracing::{Event, Metadata, Subscriber};

use crate::wire;

pub(crate) use rate::RateLimit;
pub use record::Record;

use file::HourlyFile;

/// A verbosity: 0 off, 1 error, 2 warn, 3 info, 4 debug, 5 trace (the order
/// of `tracing`'s `LevelFilter`, so "more verbose" is "greater").
pub type Verbosity = u8;

pub const OFF: Verbosity = 0;
pub const ERROR: Verbosity = 1;
pub const WARN: Verbosity = 2;
pub const INFO: Verbosity = 3;
pub const DEBUG: Verbosity = 4;
pub const TRACE: Verbosity = 5;

/// The verbosity of one event's level.
pub fn verbosity(level: tracing::Level) -> Verbosity {
    match level {
        tracing::Level::ERROR => ERROR,
        tracing::Level::WARN => WARN,
        tracing::Level::INFO => INFO,
        tracing::Level::DEBUG => DEBUG,
        tracing::Level::TRACE => TRACE,
    }
}

/// A [`wire::log_level`] code (valkey-glide's `Logger.Level` numbers, its public API) to a
/// verbosity; DEFAULT and unknown numbers are WARN, the default valkey-glide's core picks.
pub fn from_api_level(level: i32) -> Verbosity {
    match level {
        wire::log_level::ERROR => ERROR,
        wire::log_level::WARN => WARN,
        wire::log_level::INFO => INFO,
        wire::log_level::DEBUG => DEBUG,
        wire::log_level::TRACE => TRACE,
        wire::log_level::OFF => OFF,
        _ => WARN,
    }
}

/// A verbosity as a [`wire::log_level`] code.
pub fn to_api_level(v: Verbosity) -> i32 {
    match v {
        OFF => wire::log_level::OFF,
        ERROR => wire::log_level::ERROR,
        WARN => wire::log_level::WARN,
        INFO => wire::log_level::INFO,
        DEBUG => wire::log_level::DEBUG,
        _ => wire::log_level::TRACE,
    }
}

/// Where the Logger sink writes.
enum LoggerTarget {
    Stdout,
    File(HourlyFile),
}

static LOGGER_LEVEL: AtomicU8 = AtomicU8::new(OFF);
static LOGGER_TARGET: Mutex<Option<LoggerTarget>> = Mutex::new(None);

/// Installs the subscriber as the process's `tracing` default (once; later
/// calls do nothing). Called by every logging entry point and when a client
/// is created, so no event of a client is lost to a missing subscriber.
pub fn install() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // Fails only if someone else set a global subscriber first (a Rust
        // program embedding the core); theirs then gets the events.
        let _ = tracing::subscriber::set_global_default(Core);
    });
}

/// The most verbose level any sink wants: what `tracing` checks first.
fn max_verbosity() -> Verbosity {
    LOGGER_LEVEL.load(Ordering::Relaxed).max(jvm::level())
}

fn level_filter(v: Verbosity) -> LevelFilter {
    match v {
        OFF => LevelFilter::OFF,
        ERROR => LevelFilter::ERROR,
        WARN => LevelFilter::WARN,
        INFO => LevelFilter::INFO,
        DEBUG => LevelFilter::DEBUG,
        _ => LevelFilter::TRACE,
    }
}

/// Makes `tracing` read our levels again after one changed: it caches the
/// subscriber's max level hint in the atomic its macros check.
fn levels_changed() {
    install();
    tracing::callsite::rebuild_interest_cache();
}

/// Configures the Logger sink, as valkey-glide's `Logger.setLoggerConfig`:
/// `level` (a verbosity) to stdout, or to the hourly file `file_name` when
/// given (stdout is then off). Returns the level in force.
pub fn configure_logger(level: Verbosity, file_name: Option<&str>) -> Verbosity {
    let target = match file_name {
        Some(name) => LoggerTarget::File(HourlyFile::new(file::log_directory(), name)),
        None => LoggerTarget::Stdout,
    };
    *LOGGER_TARGET.lock() = Some(target);
    LOGGER_LEVEL.store(level, Ordering::Relaxed);
    levels_changed();
    level
}

/// The Logger sink's level (OFF until configured).
pub fn logger_level() -> Verbosity {
    LOGGER_LEVEL.load(Ordering::Relaxed)
}

/// An application's `Logger.log` line: to the Logger sink only (the
/// application's own logging already has its own lines), formatted as
/// valkey-glide does: `identifier - message`.
pub fn log_from_application(level: Verbosity, identifier: &str, message: &str) {
    if level == OFF || level > LOGGER_LEVEL.load(Ordering::Relaxed) {
        return;
    }
    let record = Record::now(level, "glide", format!("{identifier} - {message}"));
    write_logger(&record);
}

/// Writes to stdout or the file on the thread that logged, as valkey-glide's
/// Logger does: a stdout nobody drains (a full pipe) stalls that thread. The
/// JVM sink never does (see [`jvm`]); this one is only on when asked for.
fn write_logger(record: &Record) {
    let mut target = LOGGER_TARGET.lock();
    match target.as_mut() {
        Some(LoggerTarget::Stdout) => {
            use std::io::Write;
            let _ = std::io::stdout().lock().write_all(record.line().as_bytes());
        }
        Some(LoggerTarget::File(file)) => file.write(record),
        None => {}
    }
}

/// The Java logger names records go to. The Java side asks for this list
/// (to find which levels the application enables) rather than keeping a copy.
pub const AREAS: [&str; 6] = ["glide.connection", "glide.cluster", "glide.pubsub", "glide.tls", "glide.auth", "glide.core"];

/// The Java logger name for an event's target: its own when it names one
/// (`glide.*`), else derived from the module that logged it.
pub fn area_of(target: &str) -> &'static str {
    if let Some(own) = AREAS.iter().find(|a| **a == target) {
        return own;
    }
    let module = target.strip_prefix("glide_jni::").unwrap_or(target);
    if module.starts_with("cluster") {
        "glide.cluster"
    } else if module.starts_with("pubsub") {
        "glide.pubsub"
    } else if module.starts_with("client::tls") || module.starts_with("jni::tls") {
        "glide.tls"
    } else if module.starts_with("iam") || module.starts_with("client::iam") {
        "glide.auth"
    } else if module.starts_with("client") {
        "glide.connection"
    } else {
        "glide.core"
    }
}

/// The subscriber: levels, then the sinks. No spans (the core opens none).
struct Core;

impl Subscriber for Core {
    fn register_callsite(&self, _: &'static Metadata<'static>) -> Interest {
        // Levels change at run time (Logger, the JVM's logging): ask `enabled`.
        Interest::sometimes()
    }

    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        verbosity(*metadata.level()) <= max_verbosity()
    }

    fn max_level_hint(&self) -> Option<LevelFilter> {
        Some(level_filter(max_verbosity()))
    }

    fn new_span(&self, _: &Attributes<'_>) -> Id {
        Id::from_u64(1)
    }

    fn record(&self, _: &Id, _: &SpanRecord<'_>) {}

    fn record_follows_from(&self, _: &Id, _: &Id) {}

    fn event(&self, event: &Event<'_>) {
        let metadata = event.metadata();
        let level = verbosity(*metadata.level());
        let to_logger = level <= LOGGER_LEVEL.load(Ordering::Relaxed);
        let to_jvm = level <= jvm::level();
        if !to_logger && !to_jvm {
            return;
        }
        let record = Record::from_event(level, area_of(metadata.target()), event);
        if to_logger {
            write_logger(&record);
        }
        if to_jvm {
            jvm::push(record);
        }
    }

    fn enter(&self, _: &Id) {}

    fn exit(&self, _: &Id) {}
}

/// Serialises the tests that change the process-wide levels.
#[cfg(test)]
pub(crate) static TEST_LEVELS: Mutex<()> = Mutex::new(());

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicBool;

    struct Probe<'a>(&'a AtomicBool);

    impl std::fmt::Display for Probe<'_> {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            self.0.store(true, Ordering::SeqCst);
            f.write_str("probe")
        }
    }

    fn mark(flag: &AtomicBool) -> bool {
        flag.store(true, Ordering::SeqCst);
        true
    }

    #[test]
    fn a_disabled_event_is_neither_evaluated_nor_formatted() {
        let _serial = TEST_LEVELS.lock();
        install();
        jvm::set_level(WARN);
        LOGGER_LEVEL.store(OFF, Ordering::Relaxed);
        levels_changed();
        let formatted = AtomicBool::new(false);
        let argument_evaluated = AtomicBool::new(false);
        tracing::debug!(value = %Probe(&formatted), flag = mark(&argument_evaluated), "disabled");
        assert!(!formatted.load(Ordering::SeqCst), "a DEBUG event's Display ran at WARN");
        assert!(!argument_evaluated.load(Ordering::SeqCst), "a DEBUG event's field expression ran at WARN");

        // The same event, enabled, is evaluated and formatted: the probe can fail.
        jvm::set_level(DEBUG);
        levels_changed();
        let _ = jvm::take(usize::MAX, std::time::Duration::ZERO);
        tracing::debug!(value = %Probe(&formatted), "enabled");
        assert!(formatted.load(Ordering::SeqCst));
        let got = jvm::take(usize::MAX, std::time::Duration::ZERO);
        assert!(got.iter().any(|r| r.message == "enabled value=probe" && r.level == DEBUG), "{got:?}");
        jvm::set_level(OFF);
        levels_changed();
    }

    #[test]
    fn a_contained_panic_reaches_the_jvm_queue_in_glide_core() {
        let _serial = TEST_LEVELS.lock();
        install();
        jvm::set_level(ERROR);
        let _ = jvm::take(usize::MAX, std::time::Duration::ZERO);
        let _ = crate::contain::run("testing the log", || panic!("logged panic"));
        let got = jvm::take(usize::MAX, std::time::Duration::ZERO);
        jvm::set_level(OFF);
        assert!(
            got.iter().any(|r| r.area == "glide.core" && r.level == ERROR && r.message.contains("internal error contained") && r.message.contains("logged panic")),
            "{got:?}"
        );
    }

    #[test]
    fn levels_follow_the_most_verbose_sink() {
        let _serial = TEST_LEVELS.lock();
        install();
        jvm::set_level(WARN);
        LOGGER_LEVEL.store(OFF, Ordering::Relaxed);
        levels_changed();
        assert!(tracing::enabled!(tracing::Level::WARN));
        assert!(!tracing::enabled!(tracing::Level::INFO));
        LOGGER_LEVEL.store(TRACE, Ordering::Relaxed);
        levels_changed();
        assert!(tracing::enabled!(tracing::Level::TRACE));
        LOGGER_LEVEL.store(OFF, Ordering::Relaxed);
        jvm::set_level(OFF);
        levels_changed();
        assert!(!tracing::enabled!(tracing::Level::ERROR));
    }

    #[test]
    fn areas_come_from_the_module() {
        assert_eq!(area_of("glide_jni::client::connection"), "glide.connection");
        assert_eq!(area_of("glide_jni::client::tls"), "glide.tls");
        assert_eq!(area_of("glide_jni::cluster::slots"), "glide.cluster");
        assert_eq!(area_of("glide_jni::pubsub"), "glide.pubsub");
        assert_eq!(area_of("glide_jni::iam::credentials"), "glide.auth");
        assert_eq!(area_of("glide_jni::contain"), "glide.core");
        assert_eq!(area_of("glide.tls"), "glide.tls");
    }

    #[test]
    fn api_levels_round_trip() {
        use crate::wire::log_level;
        let levels = [log_level::ERROR, log_level::WARN, log_level::INFO, log_level::DEBUG, log_level::TRACE, log_level::OFF];
        for api in levels {
            assert_eq!(to_api_level(from_api_level(api)), api);
        }
        // More verbose is greater on both sides (Java's LogBridge counts down from TRACE).
        for pair in levels[..5].windows(2) {
            assert!(from_api_level(pair[0]) < from_api_level(pair[1]));
        }
        assert_eq!(from_api_level(log_level::DEFAULT), WARN);
    }
}
