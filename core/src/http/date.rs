//! HTTP dates: IMF-fixdate (`Date`, `Last-Modified`), the cookie form
//! (`expires=Tue, 14-Nov-2023 22:13:20 GMT`), and parsing of the three
//! forms a client may send (`If-Modified-Since`).

use std::time::{SystemTime, UNIX_EPOCH};

const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const LONG_DAYS: [&str; 7] = [
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
];

/// A civil UTC time split in fields.
struct Civil {
    year: i64,
    month: usize,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
    weekday: usize,
}

fn civil(unix: i64) -> Civil {
    let days = unix.div_euclid(86400);
    let secs = unix.rem_euclid(86400) as u32;
    // Howard Hinnant's days-to-civil.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as usize;
    let year = yoe + era * 400 + i64::from(month <= 2);
    Civil {
        year,
        month: month - 1,
        day,
        hour: secs / 3600,
        minute: secs / 60 % 60,
        second: secs % 60,
        weekday: days.rem_euclid(7) as usize,
    }
}

fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Seconds since the epoch, now.
pub fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// Nanoseconds since the epoch (unique names, boundaries).
pub fn now_nanos() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos())
}

/// `Wed, 02 Dec 2026 13:34:37 GMT`.
pub fn http_date(unix: i64) -> String {
    let c = civil(unix);
    format!(
        "{}, {:02} {} {} {:02}:{:02}:{:02} GMT",
        DAYS[c.weekday], c.day, MONTHS[c.month], c.year, c.hour, c.minute, c.second
    )
}

/// `Tue, 14-Nov-2023 22:13:20 GMT` (PHP's cookie `expires`).
pub fn cookie_date(unix: i64) -> String {
    let c = civil(unix);
    format!(
        "{}, {:02}-{}-{} {:02}:{:02}:{:02} GMT",
        DAYS[c.weekday], c.day, MONTHS[c.month], c.year, c.hour, c.minute, c.second
    )
}

/// The year of a time (cookie expiry may not pass 9999, as in PHP).
pub fn year_of(unix: i64) -> i64 {
    civil(unix).year
}

/// Parses IMF-fixdate, RFC 850 and asctime dates; `None` for anything else.
pub fn parse_http_date(s: &[u8]) -> Option<i64> {
    let s = std::str::from_utf8(s).ok()?.trim();
    let fields: Vec<&str> = s.split([' ', ',']).filter(|f| !f.is_empty()).collect();
    let month = |m: &str| MONTHS.iter().position(|x| *x == m).map(|i| i as u32 + 1);
    let time = |t: &str| -> Option<(u32, u32, u32)> {
        let mut it = t.split(':').map(|x| x.parse::<u32>().ok());
        let r = (it.next()??, it.next()??, it.next()??);
        (it.next().is_none() && r.0 < 24 && r.1 < 60 && r.2 < 61).then_some(r)
    };
    let (year, mon, day, hms) = match fields.as_slice() {
        // Sun, 06 Nov 1994 08:49:37 GMT
        [wd, d, m, y, t, "GMT"] if DAYS.contains(wd) => {
            (y.parse().ok()?, month(m)?, d.parse().ok()?, time(t)?)
        }
        // Sunday, 06-Nov-94 08:49:37 GMT
        [wd, dmy, t, "GMT"] if LONG_DAYS.contains(wd) => {
            let mut p = dmy.split('-');
            let (d, m, y) = (p.next()?, p.next()?, p.next()?);
            let y: i64 = y.parse().ok()?;
            (
                if y < 70 {
                    2000 + y
                } else if y < 100 {
                    1900 + y
                } else {
                    y
                },
                month(m)?,
                d.parse().ok()?,
                time(t)?,
            )
        }
        // Sun Nov  6 08:49:37 1994
        [wd, m, d, t, y] if DAYS.contains(wd) => {
            (y.parse().ok()?, month(m)?, d.parse().ok()?, time(t)?)
        }
        _ => return None,
    };
    if !(1..=31).contains(&day) {
        return None;
    }
    let (h, mi, se) = hms;
    Some(days_from_civil(year, mon, day) * 86400 + i64::from(h * 3600 + mi * 60 + se))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(http_date(1_796_218_357), "Wed, 02 Dec 2026 13:32:37 GMT");
        assert_eq!(cookie_date(1_700_000_000), "Tue, 14-Nov-2023 22:13:20 GMT");
        assert_eq!(cookie_date(1), "Thu, 01-Jan-1970 00:00:01 GMT");
        assert_eq!(http_date(0), "Thu, 01 Jan 1970 00:00:00 GMT");
        assert_eq!(year_of(253_402_300_800), 10000);
    }

    #[test]
    fn parses_the_three_forms() {
        let t = 784_111_777;
        assert_eq!(parse_http_date(b"Sun, 06 Nov 1994 08:49:37 GMT"), Some(t));
        assert_eq!(parse_http_date(b"Sunday, 06-Nov-94 08:49:37 GMT"), Some(t));
        assert_eq!(parse_http_date(b"Sun Nov  6 08:49:37 1994"), Some(t));
        assert_eq!(parse_http_date(b"garbage"), None);
        assert_eq!(parse_http_date(b"Sun, 06 Nov 1994 25:49:37 GMT"), None);
        for unix in [0, 1, 951_782_400, 1_704_164_645, 4_102_444_800] {
            assert_eq!(parse_http_date(http_date(unix).as_bytes()), Some(unix));
        }
    }
}
