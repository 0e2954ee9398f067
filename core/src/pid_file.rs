//! The `pid_file`: the master's pid, written at start and removed at the end.
//!
//! It is created with `O_EXCL | O_NOFOLLOW` and mode 0644 whatever the
//! umask: a server started as root never writes through a symlink someone
//! put in its place, nor into a file someone else created. A file left by a
//! server that is gone (its pid is not alive, or it holds no pid) is
//! replaced; one whose pid runs refuses the start.

use nix::errno::Errno;
use nix::fcntl::OFlag;
use nix::sys::stat::Mode;
use std::io::{self, Write};

/// Mode of a new pid file (readable by everyone, as a pid file is).
const MODE: u32 = 0o644;

/// Writes `pid` to a new file at `path`, replacing a stale one.
pub fn create(path: &str, pid: i32) -> io::Result<()> {
    match create_new(path, pid) {
        Err(e) if e.raw_os_error() == Some(libc::EEXIST) => {
            refuse_unless_stale(path)?;
            // Unlinking takes the name away, never what a symlink points to;
            // the new file is then made exclusively again (a racing writer
            // makes it fail rather than be overwritten).
            std::fs::remove_file(path)?;
            create_new(path, pid)
        }
        other => other,
    }
}

fn create_new(path: &str, pid: i32) -> io::Result<()> {
    let flags = OFlag::O_WRONLY | OFlag::O_CREAT | OFlag::O_EXCL | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC;
    let fd = nix::fcntl::open(path, flags, Mode::from_bits_truncate(MODE))?;
    nix::sys::stat::fchmod(&fd, Mode::from_bits_truncate(MODE))?;
    std::fs::File::from(fd).write_all(pid.to_string().as_bytes())
}

/// Ok if the existing file at `path` may be replaced.
fn refuse_unless_stale(path: &str) -> io::Result<()> {
    let meta = std::fs::symlink_metadata(path)?;
    if !meta.file_type().is_file() {
        return Err(io::Error::new(io::ErrorKind::AlreadyExists, "it exists and is not a regular file (a symlink?)"));
    }
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let Some(pid) = text.trim().parse::<i32>().ok().filter(|&p| p > 0) else { return Ok(()) };
    match nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), None) {
        Err(Errno::ESRCH) => Ok(()),
        _ => Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("it holds pid {pid}, which is running: is the server already running?"),
        )),
    }
}

/// Removes the file at `path` if it still holds `pid`.
pub fn remove(path: &str, pid: i32) {
    let holds = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_file())
        && std::fs::read_to_string(path).is_ok_and(|c| c.trim() == pid.to_string());
    if holds {
        let _ = std::fs::remove_file(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn scratch(name: &str) -> String {
        let p = std::env::temp_dir().join(format!("swoole-pidfile-{}-{name}", std::process::id()));
        let _ = std::fs::remove_file(&p);
        p.to_string_lossy().into_owned()
    }

    #[test]
    fn new_stale_live_and_symlinked() {
        let me = std::process::id() as i32;
        // New: mode 0644 whatever the umask.
        let p = scratch("new");
        let old = nix::sys::stat::umask(Mode::from_bits_truncate(0o077));
        create(&p, me).unwrap();
        nix::sys::stat::umask(old);
        assert_eq!(std::fs::read_to_string(&p).unwrap(), me.to_string());
        assert_eq!(std::fs::metadata(&p).unwrap().permissions().mode() & 0o777, 0o644);
        // Live (our own pid): refused, the file kept.
        let e = create(&p, 1234).unwrap_err();
        assert!(e.to_string().contains(&format!("holds pid {me}, which is running")), "{e}");
        assert_eq!(std::fs::read_to_string(&p).unwrap(), me.to_string());
        // Stale (no such process) or garbage: replaced.
        std::fs::write(&p, "2147483646").unwrap();
        create(&p, me).unwrap();
        std::fs::write(&p, "not a pid").unwrap();
        create(&p, me).unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), me.to_string());
        remove(&p, me + 1);
        assert!(std::fs::metadata(&p).is_ok(), "another pid's file stays");
        remove(&p, me);
        assert!(std::fs::metadata(&p).is_err());
        // A symlink: neither followed nor replaced.
        let target = scratch("target");
        std::fs::write(&target, "keep").unwrap();
        let link = scratch("link");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert!(create(&link, me).is_err());
        remove(&link, me);
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep");
        let _ = std::fs::remove_file(&link);
        let _ = std::fs::remove_file(&target);
    }
}
