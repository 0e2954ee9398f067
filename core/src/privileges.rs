//! Dropping root in the server's processes (`user`, `group`, `chroot`).
//!
//! The names are resolved once, in the master before anything forks
//! ([`Identity::resolve`]), so an unknown user or group stops `start()` with
//! a clear error instead of workers that fail (and are restarted) forever,
//! or, as Swoole does, serve on as root after a warning. Each process then
//! switches with [`Identity::apply`], every step checked.

use nix::unistd::{self, Gid, Group, Uid, User};
use std::ffi::CString;
use std::io;

/// Who a server process becomes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Identity {
    /// `user`: its name (for initgroups) and uid.
    user: Option<(CString, Uid)>,
    /// `group`, or else the user's primary group.
    gid: Option<Gid>,
}

impl Identity {
    /// Looks `user` and `group` up; an unknown name is an error naming it.
    pub fn resolve(user: Option<&str>, group: Option<&str>) -> io::Result<Identity> {
        let lookup = |what: &str, e: nix::Error| io::Error::other(format!("cannot look up {what}: {e}"));
        let group_gid = match group {
            Some(g) => match Group::from_name(g).map_err(|e| lookup(&format!("group [{g}]"), e))? {
                Some(gr) => Some(gr.gid),
                None => return Err(io::Error::new(io::ErrorKind::NotFound, format!("group [{g}] does not exist"))),
            },
            None => None,
        };
        let user = match user {
            Some(u) => match User::from_name(u).map_err(|e| lookup(&format!("user [{u}]"), e))? {
                Some(pw) => Some((crate::error::c_string(u)?, pw.uid, pw.gid)),
                None => return Err(io::Error::new(io::ErrorKind::NotFound, format!("user [{u}] does not exist"))),
            },
            None => None,
        };
        let gid = group_gid.or(user.as_ref().map(|u| u.2));
        Ok(Identity { user: user.map(|(name, uid, _)| (name, uid)), gid })
    }

    /// Whether anything is to change.
    pub fn is_unchanged(&self) -> bool {
        self.user.is_none() && self.gid.is_none()
    }

    /// Why this process could not switch, found before any fork: only root
    /// may take another uid or gid.
    pub fn preflight(&self, chroot: Option<&str>) -> io::Result<()> {
        let root = unistd::geteuid().is_root();
        let foreign_uid = self.user.as_ref().is_some_and(|(_, uid)| *uid != unistd::geteuid());
        let foreign_gid = self.gid.is_some_and(|g| g != unistd::getegid());
        if !root && (foreign_uid || foreign_gid) {
            return Err(io::Error::new(io::ErrorKind::PermissionDenied, "switching user/group needs root"));
        }
        if let Some(dir) = chroot
            && !std::path::Path::new(dir).is_dir()
        {
            return Err(io::Error::new(io::ErrorKind::NotFound, format!("chroot [{dir}] is not a directory")));
        }
        Ok(())
    }

    /// Applies `chroot`, then the group (with the user's supplementary
    /// groups, or only that group), then the user, to this process. Any
    /// step that fails is an error: the process must not go on half-switched.
    pub fn apply(&self, chroot: Option<&str>) -> io::Result<()> {
        let failed = |what: String| move |e: nix::Error| io::Error::other(format!("{what} failed: {e}"));
        if let Some(dir) = chroot {
            unistd::chroot(dir).map_err(failed(format!("chroot({dir})")))?;
            unistd::chdir("/").map_err(failed("chdir(/)".into()))?;
        }
        if let Some(gid) = self.gid {
            unistd::setgid(gid).map_err(failed(format!("setgid({gid})")))?;
            match &self.user {
                Some((name, _)) => {
                    unistd::initgroups(name, gid).map_err(failed(format!("initgroups({}, {gid})", name.to_string_lossy())))?
                }
                None => unistd::setgroups(&[gid]).map_err(failed(format!("setgroups([{gid}])")))?,
            }
        }
        if let Some((_, uid)) = &self.user {
            unistd::setuid(*uid).map_err(failed(format!("setuid({uid})")))?;
            if unistd::getuid() != *uid || unistd::geteuid() != *uid {
                return Err(io::Error::other(format!("setuid({uid}) left uid {} euid {}", unistd::getuid(), unistd::geteuid())));
            }
        }
        Ok(())
    }
}

/// Resolves and applies in one step (a process that was not told the names before).
pub fn drop_to(user: Option<&str>, group: Option<&str>, chroot: Option<&str>) -> io::Result<()> {
    Identity::resolve(user, group)?.apply(chroot)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_names_are_refused() {
        let e = Identity::resolve(Some("no-such-user-here"), None).unwrap_err();
        assert_eq!(e.to_string(), "user [no-such-user-here] does not exist");
        let e = Identity::resolve(None, Some("no-such-group-here")).unwrap_err();
        assert_eq!(e.to_string(), "group [no-such-group-here] does not exist");
        assert!(Identity::resolve(None, None).unwrap().is_unchanged());
        assert!(drop_to(None, None, None).is_ok());
    }

    #[test]
    fn a_known_user_brings_its_primary_group() {
        let Ok(Some(root)) = User::from_name("root") else { return };
        let id = Identity::resolve(Some("root"), None).unwrap();
        assert_eq!(id.gid, Some(root.gid));
        assert!(!id.is_unchanged());
        // Becoming who we already are needs no privilege.
        let me = Identity { user: None, gid: Some(unistd::getegid()) };
        assert!(me.preflight(None).is_ok());
        assert!(me.preflight(Some("/no/such/dir")).is_err());
    }

    /// Set in the copy of this test binary that
    /// [`switching_in_a_child_is_checked`] starts: that process switches.
    const SWITCH_HERE: &str = "SWOOLE_CORE_TEST_SWITCH_HERE";

    /// As root: a child becomes nobody, with nobody's groups only.
    ///
    /// The child is this test binary run again for this one test, not a
    /// fork: `initgroups` reads the group database through NSS, which loads
    /// `libnss_systemd` (nsswitch.conf: `files systemd`), and a fork of the
    /// multi-threaded test runner may copy NSS or the loader mid-update from
    /// another test's lookup (`unknown_names_are_refused`): the child then
    /// crashed in `initgroups` about once in a hundred runs. A server forks
    /// its workers while single-threaded (rule 2), so this is the test's
    /// problem only.
    #[test]
    fn switching_in_a_child_is_checked() {
        if !unistd::geteuid().is_root() {
            return;
        }
        let Ok(Some(nobody)) = User::from_name("nobody") else { return };
        if std::env::var_os(SWITCH_HERE).is_some() {
            Identity::resolve(Some("nobody"), None).unwrap().apply(None).unwrap();
            assert_eq!((unistd::getuid(), unistd::getgid()), (nobody.uid, nobody.gid));
            assert!(unistd::getgroups().unwrap().iter().all(|g| *g != Gid::from_raw(0)), "root's groups were kept");
            assert!(unistd::setuid(Uid::from_raw(0)).is_err(), "root could be taken back");
            return;
        }
        let name = "privileges::tests::switching_in_a_child_is_checked";
        // Other tests reap any child (waitpid(-1)): not this one meanwhile.
        let _no_other_fork = crate::FORK_LOCK.lock();
        let out = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--exact", name, "--test-threads=1", "--nocapture"])
            .env(SWITCH_HERE, "1")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success() && text.contains("1 passed"), "the switching child failed:\n{text}");
    }
}
