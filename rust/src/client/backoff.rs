//! Reconnect delays: exponential, capped, with jitter.

use std::time::Duration;

/// `delay(n) = factor * exponent_base ^ min(n, num_of_retries)` milliseconds,
/// plus up to `jitter_percent` of that at random. Attempts never stop: after
/// `num_of_retries` the delay stays at its cap, so a server that comes back
/// after any outage is found again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    pub num_of_retries: u32,
    pub factor_ms: u32,
    pub exponent_base: u32,
    pub jitter_percent: u32,
}

impl Default for Backoff {
    fn default() -> Self {
        Backoff { num_of_retries: 8, factor_ms: 10, exponent_base: 2, jitter_percent: 20 }
    }
}

/// No single wait is longer than this, whatever the strategy says.
const MAX_DELAY: Duration = Duration::from_secs(60);

impl Backoff {
    pub fn validate(&self) -> Result<(), String> {
        if self.exponent_base < 1 {
            return Err("reconnectStrategy.exponentBase must be at least 1".into());
        }
        if self.jitter_percent > 100 {
            return Err("reconnectStrategy.jitterPercent must be between 0 and 100".into());
        }
        Ok(())
    }

    /// Delay before reconnect attempt `attempt` (1-based; attempt 0 is immediate).
    /// `random` in [0, 1) picks the jitter.
    pub fn delay(&self, attempt: u32, random: f64) -> Duration {
        if attempt == 0 {
            return Duration::ZERO;
        }
        let exponent = attempt.min(self.num_of_retries.max(1));
        let base = (self.factor_ms as f64) * (self.exponent_base as f64).powi(exponent as i32);
        let jitter = base * (self.jitter_percent as f64 / 100.0) * random.clamp(0.0, 1.0);
        let millis = (base + jitter).min(MAX_DELAY.as_millis() as f64);
        Duration::from_micros((millis * 1000.0) as u64)
    }
}

/// A cheap random number in [0, 1) for jitter; quality does not matter here.
pub fn jitter_random() -> f64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(0));
    (h.finish() >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grows_exponentially_then_stays_at_the_cap() {
        let b = Backoff { num_of_retries: 3, factor_ms: 10, exponent_base: 2, jitter_percent: 0 };
        let ms: Vec<u128> = (0..6).map(|n| b.delay(n, 0.5).as_millis()).collect();
        assert_eq!(ms, [0, 20, 40, 80, 80, 80]);
    }

    #[test]
    fn jitter_adds_at_most_its_percentage() {
        let b = Backoff { num_of_retries: 5, factor_ms: 100, exponent_base: 1, jitter_percent: 20 };
        assert_eq!(b.delay(1, 0.0).as_millis(), 100);
        assert_eq!(b.delay(1, 0.999_999).as_millis(), 119);
    }

    #[test]
    fn never_waits_longer_than_the_hard_cap() {
        let b = Backoff { num_of_retries: 100, factor_ms: 1000, exponent_base: 10, jitter_percent: 0 };
        assert_eq!(b.delay(50, 0.0), MAX_DELAY);
    }

    #[test]
    fn jitter_random_is_in_range() {
        for _ in 0..100 {
            let r = jitter_random();
            assert!((0.0..1.0).contains(&r));
        }
    }
}
