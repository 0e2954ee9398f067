//! Dropping root in worker processes (`user`, `group`, `chroot` settings).

use std::io;

/// Applies `chroot`, then `group`, then `user` to this process. Names unknown
/// to the system are errors: a worker must not stay root by accident.
pub fn drop_to(user: Option<&str>, group: Option<&str>, chroot: Option<&str>) -> io::Result<()> {
    // Look the names up before a chroot hides /etc.
    let gid = match group {
        Some(g) => {
            let c = crate::error::c_string(g)?;
            // SAFETY: getgrnam returns a pointer into static storage or null.
            let gr = unsafe { libc::getgrnam(c.as_ptr()) };
            if gr.is_null() {
                return Err(io::Error::new(io::ErrorKind::NotFound, format!("unknown group '{g}'")));
            }
            Some(unsafe { (*gr).gr_gid })
        }
        None => None,
    };
    let pw = match user {
        Some(u) => {
            let c = crate::error::c_string(u)?;
            // SAFETY: as getgrnam.
            let pw = unsafe { libc::getpwnam(c.as_ptr()) };
            if pw.is_null() {
                return Err(io::Error::new(io::ErrorKind::NotFound, format!("unknown user '{u}'")));
            }
            Some((c, unsafe { (*pw).pw_uid }, unsafe { (*pw).pw_gid }))
        }
        None => None,
    };
    if let Some(dir) = chroot {
        let c = crate::error::c_string(dir)?;
        // SAFETY: chroot then chdir("/") of this process.
        if unsafe { libc::chroot(c.as_ptr()) } != 0 || unsafe { libc::chdir(c"/".as_ptr()) } != 0 {
            return Err(io::Error::last_os_error());
        }
    }
    let gid = gid.or(pw.as_ref().map(|p| p.2));
    if let Some(gid) = gid {
        // SAFETY: changing this process's groups.
        if unsafe { libc::setgid(gid) } != 0 {
            return Err(io::Error::last_os_error());
        }
        if let Some((name, _, _)) = &pw {
            unsafe { libc::initgroups(name.as_ptr(), gid) };
        } else {
            unsafe { libc::setgroups(1, &gid) };
        }
    }
    if let Some((_, uid, _)) = pw {
        // SAFETY: changing this process's user, last.
        if unsafe { libc::setuid(uid) } != 0 {
            return Err(io::Error::last_os_error());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn unknown_names_are_refused() {
        let e = super::drop_to(Some("no-such-user-here"), None, None).unwrap_err();
        assert!(e.to_string().contains("unknown user"), "{e}");
        assert!(super::drop_to(None, None, None).is_ok());
    }
}
