//! Server log lines in Swoole's format (`[date pid]\tLEVEL\tmessage`), written
//! with one `write(2)` each so lines from several processes do not interleave:
//! to stderr, or to `log_file` (opened for appending, reopened on SIGWINCH so
//! logrotate can move it), filtered by `log_level`.

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

fn open_append(path: &str) -> std::io::Result<i32> {
    let c = crate::error::c_string(path)?;
    // SAFETY: opening a file by path.
    let fd = unsafe { libc::open(c.as_ptr(), libc::O_WRONLY | libc::O_APPEND | libc::O_CREAT | libc::O_CLOEXEC, 0o644) };
    if fd < 0 { Err(std::io::Error::last_os_error()) } else { Ok(fd) }
}

/// Sends the log to `path` (None: stderr) at `level`.
pub fn configure(path: Option<&str>, level: i32) -> std::io::Result<()> {
    let fd = match path {
        Some(p) => open_append(p)?,
        None => -1,
    };
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
        if let Ok(fd) = open_append(&p) {
            if STDIO.load(Ordering::SeqCst) {
                point_stdio_at(fd);
            }
            install(fd);
        }
    }
}

fn line(level: &str, msg: &str) -> String {
    // SAFETY: time/localtime_r/strftime on buffers we own.
    let stamp = unsafe {
        let t = libc::time(std::ptr::null_mut());
        let mut tm: libc::tm = std::mem::zeroed();
        libc::localtime_r(&t, &mut tm);
        let mut buf = [0u8; 32];
        let n = libc::strftime(buf.as_mut_ptr().cast(), buf.len(), c"%Y-%m-%d %H:%M:%S".as_ptr(), &tm);
        String::from_utf8_lossy(&buf[..n]).into_owned()
    };
    format!("[{stamp} #{}]\t{level}\t{msg}\n", std::process::id())
}

fn emit(level: i32, name: &str, msg: &str) {
    if level < LEVEL.load(Ordering::Relaxed) {
        return;
    }
    let text = line(name, msg);
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

#[cfg(test)]
mod tests {
    #[test]
    fn format() {
        let l = super::line("WARNING", "x y");
        assert!(l.starts_with('[') && l.ends_with("]\tWARNING\tx y\n"), "{l}");
    }
}
