//! Server log lines in Swoole's format (`[date pid]\tLEVEL\tmessage`), written
//! to stderr with one `write(2)` each so lines from several processes do not
//! interleave.

use std::io::Write;

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

/// A WARNING line on stderr.
pub fn warning(msg: &str) {
    let _ = std::io::stderr().write_all(line("WARNING", msg).as_bytes());
}

/// A NOTICE line on stderr.
pub fn notice(msg: &str) {
    let _ = std::io::stderr().write_all(line("NOTICE", msg).as_bytes());
}

#[cfg(test)]
mod tests {
    #[test]
    fn format() {
        let l = super::line("WARNING", "x y");
        assert!(l.starts_with('[') && l.ends_with("]\tWARNING\tx y\n"), "{l}");
    }
}
