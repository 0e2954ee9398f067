//! Server log lines in Swoole's format (`[date pid]\tLEVEL\tmessage`), written
//! with one `write(2)` each so lines from several processes do not interleave:
//! to stderr, or to `log_file` (opened for appending, reopened on SIGWINCH so
//! logrotate can move it), filtered by `log_level`. `log_date_format` and
//! `log_date_with_microseconds` shape the date; `log_rotation` writes to
//! `log_file.<date>` and moves on to a new file each month, day, hour or
//! minute, as Swoole does.

use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::Mutex;

/// `SWOOLE_LOG_*` levels.
pub const LOG_DEBUG: i32 = 0;
pub const LOG_INFO: i32 = 2;
pub const LOG_NOTICE: i32 = 3;
pub const LOG_WARNING: i32 = 4;
pub const LOG_ERROR: i32 = 5;
pub const LOG_NONE: i32 = 6;

/// The log file's descriptor (-1: stderr).
static FD: AtomicI32 = AtomicI32::new(-1);
/// Lines below this level are dropped (Swoole's default: everything).
static LEVEL: AtomicI32 = AtomicI32::new(LOG_DEBUG);
/// The log file's path, for reopening.
static PATH: Mutex<Option<String>> = Mutex::new(None);
/// stdout and stderr point at the log file (a daemon): a reopen moves them too.
static STDIO: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
/// How dates look and files rotate.
static FORMAT: Mutex<Option<LogFormat>> = Mutex::new(None);

/// `log_date_format`, `log_date_with_microseconds` and `log_rotation`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogFormat {
    /// A strftime format (Swoole's default: `%Y-%m-%d %H:%M:%S`).
    pub date_format: String,
    /// Append `<.micro>` to the date, as Swoole does.
    pub microseconds: bool,
    /// `SWOOLE_LOG_ROTATION_*`: 0 one file, 1 monthly, 2 daily, 3 hourly, 4 every minute.
    pub rotation: i32,
}

impl Default for LogFormat {
    fn default() -> Self {
        LogFormat { date_format: DEFAULT_DATE_FORMAT.into(), microseconds: false, rotation: 0 }
    }
}

/// Swoole's default `log_date_format`.
pub const DEFAULT_DATE_FORMAT: &str = "%Y-%m-%d %H:%M:%S";

impl LogFormat {
    /// The suffix of the rotated file for the time `t` (None: no rotation).
    fn rotation_suffix(&self, t: libc::time_t) -> Option<String> {
        let fmt = match self.rotation {
            1 => "%Y%m",
            2 => "%Y%m%d",
            3 => "%Y%m%d%H",
            4 => "%Y%m%d%H%M",
            _ => return None,
        };
        Some(strftime(fmt, t))
    }
}

/// `t` formatted with the strftime format `fmt` in local time.
fn strftime(fmt: &str, t: libc::time_t) -> String {
    let Ok(cfmt) = std::ffi::CString::new(fmt) else { return String::new() };
    // SAFETY: localtime_r/strftime on buffers we own.
    unsafe {
        let mut tm: libc::tm = std::mem::zeroed();
        libc::localtime_r(&t, &mut tm);
        let mut buf = [0u8; 128];
        let n = libc::strftime(buf.as_mut_ptr().cast(), buf.len(), cfmt.as_ptr(), &tm);
        String::from_utf8_lossy(&buf[..n]).into_owned()
    }
}

/// Sets how dates look and files rotate (before [`configure`]).
pub fn set_format(format: LogFormat) {
    *FORMAT.lock().unwrap_or_else(|e| e.into_inner()) = Some(format);
}

fn format() -> LogFormat {
    FORMAT.lock().unwrap_or_else(|e| e.into_inner()).clone().unwrap_or_default()
}

/// The file actually written for `log_file` = `path` now.
fn real_path(path: &str, now: libc::time_t) -> String {
    match format().rotation_suffix(now) {
        Some(suffix) => format!("{path}.{suffix}"),
        None => path.to_string(),
    }
}

/// The rotated file currently open (to notice when the period changes).
static OPEN_PATH: Mutex<Option<String>> = Mutex::new(None);

/// Points stdout and stderr at the log file (or `fallback`), now and after
/// every reopen (daemonize).
pub fn redirect_stdio(fallback: i32) {
    point_stdio_at(file_fd().unwrap_or(fallback));
    STDIO.store(file_fd().is_some(), Ordering::SeqCst);
}

fn point_stdio_at(fd: i32) {
    // SAFETY: replacing this process's stdout and stderr.
    unsafe {
        libc::dup2(fd, 1);
        libc::dup2(fd, 2);
    }
}

/// Makes `fd` (-1: stderr) the log's descriptor and closes the previous one.
fn install(fd: i32) {
    let old = FD.swap(fd, Ordering::SeqCst);
    if old >= 0 {
        // SAFETY: the previous log file is ours and no longer used.
        unsafe { libc::close(old) };
    }
}

/// Opens the log file for appending; a symlink there is refused (ELOOP),
/// so a server run as root cannot be made to append to a file it links to.
fn open_append(path: &str) -> std::io::Result<i32> {
    use nix::fcntl::OFlag;
    let flags = OFlag::O_WRONLY | OFlag::O_APPEND | OFlag::O_CREAT | OFlag::O_CLOEXEC | OFlag::O_NOFOLLOW;
    let fd = nix::fcntl::open(path, flags, nix::sys::stat::Mode::from_bits_truncate(0o644))?;
    Ok(std::os::fd::IntoRawFd::into_raw_fd(fd))
}

/// Sends the log to `path` (None: stderr) at `level`.
pub fn configure(path: Option<&str>, level: i32) -> std::io::Result<()> {
    let now = now_secs();
    let real = path.map(|p| real_path(p, now));
    let fd = match &real {
        Some(p) => open_append(p)?,
        None => -1,
    };
    *OPEN_PATH.lock().unwrap_or_else(|e| e.into_inner()) = real;
    install(fd);
    LEVEL.store(level, Ordering::SeqCst);
    *PATH.lock().unwrap_or_else(|e| e.into_inner()) = path.map(str::to_string);
    Ok(())
}

/// The log file's descriptor, if there is one (daemonize points stdout and
/// stderr at it).
pub fn file_fd() -> Option<i32> {
    let fd = FD.load(Ordering::SeqCst);
    (fd >= 0).then_some(fd)
}

/// Reopens the log file at its path (after logrotate renamed it).
pub fn reopen() {
    let path = PATH.lock().unwrap_or_else(|e| e.into_inner()).clone();
    if let Some(p) = path {
        let real = real_path(&p, now_secs());
        if let Ok(fd) = open_append(&real) {
            *OPEN_PATH.lock().unwrap_or_else(|e| e.into_inner()) = Some(real);
            if STDIO.load(Ordering::SeqCst) {
                point_stdio_at(fd);
            }
            install(fd);
        }
    }
}

fn now_secs() -> libc::time_t {
    // SAFETY: time(NULL) has no preconditions.
    unsafe { libc::time(std::ptr::null_mut()) }
}

fn line(f: &LogFormat, level: &str, msg: &str) -> String {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    let mut stamp = strftime(&f.date_format, now.as_secs() as libc::time_t);
    if f.microseconds {
        stamp.push_str(&format!("<.{:06}>", now.subsec_micros()));
    }
    format!("[{stamp} #{}]\t{level}\t{msg}\n", std::process::id())
}

/// With `log_rotation`, moves to the next period's file when it began.
fn rotate_if_due(f: &LogFormat) {
    if f.rotation == 0 {
        return;
    }
    let Some(path) = PATH.lock().unwrap_or_else(|e| e.into_inner()).clone() else { return };
    let due = real_path(&path, now_secs());
    if OPEN_PATH.lock().unwrap_or_else(|e| e.into_inner()).as_deref() != Some(due.as_str()) {
        reopen();
    }
}

fn emit(level: i32, name: &str, msg: &str) {
    if level < LEVEL.load(Ordering::Relaxed) {
        return;
    }
    let f = format();
    rotate_if_due(&f);
    let text = line(&f, name, msg);
    let fd = match FD.load(Ordering::Relaxed) {
        -1 => libc::STDERR_FILENO,
        fd => fd,
    };
    // SAFETY: one write of our buffer.
    unsafe { libc::write(fd, text.as_ptr().cast(), text.len()) };
}

/// An ERROR line.
pub fn error(msg: &str) {
    emit(LOG_ERROR, "ERROR", msg);
}

/// A WARNING line.
pub fn warning(msg: &str) {
    emit(LOG_WARNING, "WARNING", msg);
}

/// A NOTICE line.
pub fn notice(msg: &str) {
    emit(LOG_NOTICE, "NOTICE", msg);
}

/// An INFO line.
pub fn info(msg: &str) {
    emit(LOG_INFO, "INFO", msg);
}

/// At most one line per `period` for an event a flood repeats (a refused
/// connection): the first is logged as it comes, the rest are counted and
/// summed up in one line once the period is over.
#[derive(Debug)]
pub struct Throttle {
    period: std::time::Duration,
    /// When the last line was written.
    last: Option<std::time::Instant>,
    /// Events since then that got no line of their own.
    suppressed: u64,
}

impl Throttle {
    pub const fn new(period: std::time::Duration) -> Throttle {
        Throttle { period, last: None, suppressed: 0 }
    }

    /// One more event at `now`: true if it gets its own line (the caller
    /// writes it); otherwise it is counted for the summary.
    pub fn hit(&mut self, now: std::time::Instant) -> bool {
        if self.last.is_some_and(|t| now < t + self.period) {
            self.suppressed += 1;
            return false;
        }
        self.last = Some(now);
        true
    }

    /// The count to sum up at `now`, if the period is over and some were
    /// held back (the summary counts as the period's line).
    pub fn due(&mut self, now: std::time::Instant) -> Option<u64> {
        let last = self.last?;
        if self.suppressed == 0 || now < last + self.period {
            return None;
        }
        self.last = Some(now);
        Some(std::mem::take(&mut self.suppressed))
    }

    /// When [`Throttle::due`] will have a summary (to wake up for it).
    pub fn next_due(&self) -> Option<std::time::Instant> {
        self.last.filter(|_| self.suppressed > 0).map(|t| t + self.period)
    }
}

/// How often the "too many connections" line may be written.
pub const REFUSED_LOG_PERIOD: std::time::Duration = std::time::Duration::from_secs(1);

/// A connection refused over `max_connection`: its own WARNING line, or a
/// count for the next summary (see [`Throttle`]).
pub fn connection_refused(throttle: &mut Throttle, max_connection: usize, from: &str) {
    let now = std::time::Instant::now();
    refused_summary(throttle, max_connection, now);
    if throttle.hit(now) {
        warning(&format!("accept(): too many connections [max_connection={max_connection}], connection from {from} refused"));
    }
}

/// The summary line of the connections refused without a line, if due.
pub fn refused_summary(throttle: &mut Throttle, max_connection: usize, now: std::time::Instant) {
    if let Some(n) = throttle.due(now) {
        let period = throttle.period.as_secs_f64();
        warning(&format!(
            "accept(): too many connections [max_connection={max_connection}], {n} more connection(s) refused within {period}s"
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn throttle_counts_and_sums_up() {
        use std::time::{Duration, Instant};
        let mut t = Throttle::new(Duration::from_secs(1));
        let t0 = Instant::now();
        assert_eq!(t.next_due(), None);
        assert!(t.hit(t0), "the first gets a line");
        assert!(!t.hit(t0 + Duration::from_millis(10)));
        assert!(!t.hit(t0 + Duration::from_millis(20)));
        assert_eq!(t.due(t0 + Duration::from_millis(500)), None, "not yet");
        assert_eq!(t.next_due(), Some(t0 + Duration::from_secs(1)));
        assert_eq!(t.due(t0 + Duration::from_secs(1)), Some(2));
        assert_eq!(t.due(t0 + Duration::from_secs(3)), None, "nothing held back");
        assert!(!t.hit(t0 + Duration::from_millis(1500)), "the summary was this period's line");
        assert!(t.hit(t0 + Duration::from_secs(5)), "a quiet period later: a line again");
    }

    #[test]
    fn format() {
        let l = line(&LogFormat::default(), "WARNING", "x y");
        assert!(l.starts_with('[') && l.ends_with("]\tWARNING\tx y\n"), "{l}");
        let custom = LogFormat { date_format: "%Y/%m".into(), microseconds: true, rotation: 0 };
        let l = line(&custom, "INFO", "m");
        let date = &l[1..l.find(' ').unwrap()];
        assert_eq!(date.len(), "2026/11<.123456>".len(), "{l}");
        assert!(date.contains("/") && date.contains("<."), "{l}");
    }

    #[test]
    fn rotation_suffixes() {
        let f = |rotation| LogFormat { rotation, ..LogFormat::default() };
        let t = 1_700_000_000; // 2023-11-14 in every time zone within a day
        assert_eq!(f(0).rotation_suffix(t), None);
        assert_eq!(f(1).rotation_suffix(t).unwrap().len(), 6);
        assert_eq!(f(2).rotation_suffix(t).unwrap().len(), 8);
        assert_eq!(f(3).rotation_suffix(t).unwrap().len(), 10);
        assert_eq!(f(4).rotation_suffix(t).unwrap().len(), 12);
        assert!(f(2).rotation_suffix(t).unwrap().starts_with("202311"));
    }
}
