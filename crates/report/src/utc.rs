//! UTC timestamps as `yyyy-mm-ddThh:mm:ss` (GitLab's report format), without a date library:
//! the proleptic Gregorian calendar from days since 1970-01-01.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// `time` in UTC, to the second; times before 1970 are written as 1970-01-01T00:00:00.
pub(crate) fn timestamp(time: SystemTime) -> String {
    let seconds = time
        .duration_since(UNIX_EPOCH)
        .unwrap_or(Duration::ZERO)
        .as_secs();
    let (days, rest) = (seconds / 86_400, seconds % 86_400);
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// Year, month and day of the `days`th day after 1970-01-01. Years are counted from March so
/// that the leap day ends a year; an era is 400 years (146,097 days).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468; // days since 0000-03-01
    let era = z / 146_097;
    let day_of_era = z % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: u64) -> String {
        timestamp(UNIX_EPOCH + Duration::from_secs(seconds))
    }

    #[test]
    fn known_instants() {
        assert_eq!(at(0), "1970-01-01T00:00:00");
        assert_eq!(at(951_782_400), "2000-02-29T00:00:00");
        assert_eq!(at(951_868_799), "2000-02-29T23:59:59");
        assert_eq!(at(1_700_000_000), "2023-11-14T22:13:20");
        assert_eq!(at(4_107_542_400), "2100-03-01T00:00:00");
        assert_eq!(at(1_735_689_599), "2024-12-31T23:59:59");
    }
}
