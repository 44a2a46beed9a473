//! Rate limiting for events that can repeat fast (timeouts, redirects,
//! drops): at most one line per interval per call site, saying how many were
//! left out since the previous one.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// One call site's limiter; `static LIMIT: RateLimit = RateLimit::new();`.
pub(crate) struct RateLimit {
    /// When the last line went out: milliseconds since [`epoch`], plus one
    /// (0: never).
    last: AtomicU64,
    /// Occurrences left out since then.
    suppressed: AtomicU64,
}

fn epoch() -> Instant {
    static EPOCH: OnceLock<Instant> = OnceLock::new();
    *EPOCH.get_or_init(Instant::now)
}

impl RateLimit {
    pub(crate) const fn new() -> RateLimit {
        RateLimit { last: AtomicU64::new(0), suppressed: AtomicU64::new(0) }
    }

    /// Whether this occurrence may be logged: `Some(n)` with the number left
    /// out since the last line, or `None` (counted) when one went out less
    /// than `every` ago.
    pub(crate) fn allow(&self, every: Duration) -> Option<u64> {
        let now = epoch().elapsed().as_millis() as u64 + 1;
        self.allow_at(now, every.as_millis() as u64)
    }

    fn allow_at(&self, now: u64, every: u64) -> Option<u64> {
        let last = self.last.load(Ordering::Relaxed);
        if last != 0 && now < last + every {
            self.suppressed.fetch_add(1, Ordering::Relaxed);
            return None;
        }
        // One winner per interval when several threads race here.
        if self.last.compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed).is_err() {
            self.suppressed.fetch_add(1, Ordering::Relaxed);
            return None;
        }
        Some(self.suppressed.swap(0, Ordering::Relaxed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_per_interval_counting_the_rest() {
        let limit = RateLimit::new();
        assert_eq!(limit.allow_at(1, 1000), Some(0));
        assert_eq!(limit.allow_at(2, 1000), None);
        assert_eq!(limit.allow_at(999, 1000), None);
        assert_eq!(limit.allow_at(1001, 1000), Some(2));
        assert_eq!(limit.allow_at(1500, 1000), None);
        assert_eq!(limit.allow_at(5000, 1000), Some(1));
        assert_eq!(limit.allow_at(5000, 1000), None);
    }

    #[test]
    fn racing_threads_let_one_line_through() {
        let limit = std::sync::Arc::new(RateLimit::new());
        let passed: u64 = (0..4)
            .map(|_| {
                let limit = limit.clone();
                std::thread::spawn(move || (0..1000).filter(|_| limit.allow_at(10, 60_000).is_some()).count() as u64)
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|t| t.join().unwrap())
            .sum();
        assert_eq!(passed, 1);
        assert_eq!(limit.suppressed.load(Ordering::Relaxed), 3999);
    }
}
