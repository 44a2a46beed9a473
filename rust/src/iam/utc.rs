//! UTC calendar arithmetic for SigV4 timestamps and credential expiry times.
//!
//! SigV4 writes the signing time as `YYYYMMDD'T'HHMMSS'Z'` and the credential
//! services (container endpoint, instance metadata) write expiry times in
//! RFC 3339. Both are UTC, so the proleptic Gregorian calendar over Unix days
//! is all that is needed; no time zone database is involved.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A broken-down UTC time, to the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Utc {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
}

impl Utc {
    /// The UTC time of `at`, truncated to the second. Times before 1970 are
    /// clamped to the epoch: no signing clock is set that far back.
    pub fn from_system_time(at: SystemTime) -> Utc {
        let secs = at.duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
        Utc::from_unix_seconds(secs as i64)
    }

    pub fn from_unix_seconds(secs: i64) -> Utc {
        let days = secs.div_euclid(86_400);
        let of_day = secs.rem_euclid(86_400) as u32;
        let (year, month, day) = civil_from_days(days);
        Utc { year, month, day, hour: of_day / 3600, minute: of_day / 60 % 60, second: of_day % 60 }
    }

    /// `YYYYMMDD`: the date part of a credential scope.
    pub fn date_stamp(&self) -> String {
        format!("{:04}{:02}{:02}", self.year, self.month, self.day)
    }

    /// `YYYYMMDDTHHMMSSZ`: the `X-Amz-Date` value.
    pub fn amz_date(&self) -> String {
        format!("{}T{:02}{:02}{:02}Z", self.date_stamp(), self.hour, self.minute, self.second)
    }
}

/// Year, month (1..=12), day (1..=31) of the day `days` after 1970-01-01.
///
/// Counts in 400-year eras (146 097 days each) of years that start on 1 March,
/// so that the leap day is the last day of its year and falls out of the
/// arithmetic without a table.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468; // days since 0000-03-01
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097); // 0..=146096
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365; // 0..=399
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100); // 0..=365
    let month_index = (5 * day_of_year + 2) / 153; // 0 = March .. 11 = February
    let day = (day_of_year - (153 * month_index + 2) / 5 + 1) as u32;
    let month = if month_index < 10 { month_index + 3 } else { month_index - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Days from 1970-01-01 to the given civil date; the inverse of [`civil_from_days`].
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let month_index = i64::from(if month > 2 { month - 3 } else { month + 9 });
    let day_of_year = (153 * month_index + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// Parses an RFC 3339 date-time such as `2024-05-01T12:34:56Z`,
/// `2024-05-01T12:34:56.123Z` or `2024-05-01T14:34:56+02:00` (fractions of a
/// second are dropped). `None` for anything else, including times before 1970.
pub(crate) fn parse_rfc3339(text: &str) -> Option<SystemTime> {
    let b = text.trim().as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = b.get(range)?;
        if part.is_empty() || !part.iter().all(u8::is_ascii_digit) {
            return None;
        }
        part.iter().try_fold(0u32, |acc, d| acc.checked_mul(10)?.checked_add(u32::from(d - b'0')))
    };
    let year = i64::from(digits(0..4)?);
    let month = digits(5..7)?;
    let day = digits(8..10)?;
    let hour = digits(11..13)?;
    let minute = digits(14..16)?;
    let second = digits(17..19)?;
    let separators_ok = b.get(4) == Some(&b'-')
        && b.get(7) == Some(&b'-')
        && matches!(b.get(10), Some(b'T' | b't' | b' '))
        && b.get(13) == Some(&b':')
        && b.get(16) == Some(&b':');
    if !separators_ok
        || !(1..=12).contains(&month)
        || day == 0
        || day > days_in_month(year, month)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let mut rest = 19;
    if b.get(rest) == Some(&b'.') {
        rest += 1;
        let start = rest;
        while b.get(rest).is_some_and(u8::is_ascii_digit) {
            rest += 1;
        }
        if rest == start {
            return None;
        }
    }
    let offset_secs: i64 = match b.get(rest) {
        Some(b'Z' | b'z') if rest + 1 == b.len() => 0,
        Some(sign @ (b'+' | b'-')) if rest + 6 == b.len() && b[rest + 3] == b':' => {
            let hours = i64::from(digits(rest + 1..rest + 3)?);
            let minutes = i64::from(digits(rest + 4..rest + 6)?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            let offset = hours * 3600 + minutes * 60;
            if *sign == b'+' {
                offset
            } else {
                -offset
            }
        }
        _ => return None,
    };
    let local = days_from_civil(year, month, day) * 86_400
        + i64::from(hour) * 3600
        + i64::from(minute) * 60
        + i64::from(second.min(59));
    let utc = local - offset_secs;
    u64::try_from(utc).ok().map(|secs| UNIX_EPOCH + Duration::from_secs(secs))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(secs)
    }

    #[test]
    fn formats_known_instants() {
        assert_eq!(Utc::from_system_time(at(0)).amz_date(), "19700101T000000Z");
        // The date of AWS's published S3 presigning example.
        assert_eq!(Utc::from_system_time(at(1_369_353_600)).amz_date(), "20130524T000000Z");
        // A leap day, and the last second of a leap year.
        assert_eq!(Utc::from_system_time(at(951_782_400)).date_stamp(), "20000229");
        assert_eq!(Utc::from_system_time(at(1_483_228_799)).amz_date(), "20161231T235959Z");
        // Fractions of a second are dropped, not rounded.
        let t = at(1_700_000_000) + Duration::from_millis(999);
        assert_eq!(Utc::from_system_time(t).amz_date(), "20231114T221320Z");
        // Before the epoch: clamped.
        assert_eq!(Utc::from_system_time(UNIX_EPOCH - Duration::from_secs(5)).amz_date(), "19700101T000000Z");
    }

    #[test]
    fn civil_round_trips_over_four_centuries() {
        // Every 7th day from 1970 to 2370 comes back to itself.
        let mut days = 0;
        while days < 146_097 {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days, "{y}-{m}-{d}");
            assert!((1..=days_in_month(y, m)).contains(&d));
            days += 7;
        }
    }

    #[test]
    fn parses_rfc3339_variants() {
        assert_eq!(parse_rfc3339("2013-05-24T00:00:00Z"), Some(at(1_369_353_600)));
        assert_eq!(parse_rfc3339(" 2013-05-24T00:00:00.250Z\n"), Some(at(1_369_353_600)));
        assert_eq!(parse_rfc3339("2013-05-24T02:30:00+02:30"), Some(at(1_369_353_600)));
        assert_eq!(parse_rfc3339("2013-05-23T23:00:00-01:00"), Some(at(1_369_353_600)));
        assert_eq!(parse_rfc3339("2000-02-29T00:00:00Z"), Some(at(951_782_400)));
    }

    #[test]
    fn rejects_malformed_times() {
        for bad in [
            "",
            "2013-05-24",
            "2013-05-24T00:00:00",
            "2013-05-24T00:00:00Q",
            "2013-13-01T00:00:00Z",
            "2013-02-29T00:00:00Z",
            "2013-05-24T24:00:00Z",
            "2013-05-24T00:00:00.Z",
            "2013-05-24T00:00:00+0200",
            "1969-12-31T23:59:59Z",
            "2013/05/24T00:00:00Z",
            "2013-05-24T00:00:00Zjunk",
            "+013-05-24T00:00:00Z",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad:?}");
        }
    }
}
