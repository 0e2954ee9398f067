//! One way to fork a child of the server (workers, the PROCESS-mode manager,
//! pool workers, `Swoole\Process`): signals held across the fork, the
//! parent-death signal, a panic caught before it can unwind into the
//! parent's code, and an exit that skips the parent's shutdown.
//!
//! The caller flushes PHP's output first (rule 2 of docs/ARCHITECTURE.md:
//! a child must not print its parent's buffered output again); everything
//! else about the fork is here.

use crate::signals;
use nix::unistd::{fork, getpid, ForkResult};
use std::convert::Infallible;
use std::io;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// What the parent does with the server's signals after the fork.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParentSignals {
    /// Not blocked across the fork (a `Swoole\Process` child, which gets the
    /// parent's handlers as they are).
    Untouched,
    /// Blocked across the fork and unblocked in the parent right after it:
    /// a SIGTERM for the child waits until it has its own handlers.
    HoldAcrossFork,
    /// Blocked across the fork and left blocked in the parent, which routes
    /// them into its own loop next (the PROCESS-mode master after forking
    /// the manager); on a failed fork they are unblocked here.
    KeepBlocked,
}

/// How [`fork_child`] forks.
#[derive(Debug, Clone, Copy)]
pub struct ForkOptions {
    /// Names the child in the log when it panics ("worker#3").
    pub name: &'static str,
    /// The child's id for that message (`None`: no number).
    pub id: Option<usize>,
    /// What happens to the server's signals around the fork.
    pub signals: ParentSignals,
    /// The child gets SIGTERM when its parent dies (no orphaned server
    /// process), see [`die_with_parent`].
    pub die_with_parent: bool,
}

/// Forks a child that runs `child(state)` and ends with `exit(state,
/// status)` (which never returns: `Infallible` stands for `!`, not yet
/// stable in closure bounds); a panic in `child` is logged and ends it with 255. In the
/// parent, returns the child's pid. `state` is what both closures work on
/// (the factory or runner the child serves), passed in so that neither
/// closure has to hold it.
///
/// Call only while this process is single-threaded (rule 2).
pub fn fork_child<S: ?Sized>(
    opts: ForkOptions,
    state: &mut S,
    child: impl FnOnce(&mut S) -> i32,
    exit: impl FnOnce(&mut S, i32) -> Infallible,
) -> io::Result<i32> {
    let parent = getpid().as_raw();
    let hold = opts.signals != ParentSignals::Untouched;
    if hold {
        signals::block();
    }
    // SAFETY: fork() is sound while this process has one thread, which the
    // callers guarantee (rule 2); the child only runs our code, then exits.
    match unsafe { fork() } {
        Ok(ForkResult::Child) => {
            if opts.die_with_parent {
                die_with_parent(parent);
            }
            // A panic must not unwind out of the child: it would return into
            // the parent's code (its PHP script) in this process.
            let code = catch_unwind(AssertUnwindSafe(|| child(&mut *state))).unwrap_or_else(|_| {
                let who = opts.id.map_or_else(|| opts.name.to_string(), |id| format!("{}#{id}", opts.name));
                crate::log::warning(&format!("{who}: internal error (panic); exiting"));
                255
            });
            #[allow(unreachable_code)] // `exit` returns `Infallible`: it never does
            match exit(state, code) {}
        }
        Ok(ForkResult::Parent { child }) => {
            if opts.signals == ParentSignals::HoldAcrossFork {
                signals::unblock();
            }
            Ok(child.as_raw())
        }
        Err(e) => {
            if hold {
                signals::unblock();
            }
            Err(io::Error::from(e))
        }
    }
}

/// Asks for SIGTERM when the parent (`parent`, the pid that forked us) dies,
/// so no server process is left orphaned; if it is already gone, the
/// SIGTERM is raised now (it is handled once the process installs its
/// signal pipe, or ends it at once otherwise).
///
/// Call it again after a change of user: setuid() clears the parent-death
/// signal.
pub fn die_with_parent(parent: i32) {
    use nix::sys::signal::{raise, Signal};
    let _ = nix::sys::prctl::set_pdeathsig(Signal::SIGTERM);
    if nix::unistd::getppid().as_raw() != parent {
        let _ = raise(Signal::SIGTERM);
    }
}

/// Ends this (forked) process at once with `code`: no atexit handlers, no
/// destructors, nothing of the parent's shutdown runs twice.
pub fn exit_now(code: i32) -> ! {
    // SAFETY: _exit has no preconditions; nix has no wrapper for it.
    unsafe { libc::_exit(code) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use nix::sys::wait::{waitpid, WaitStatus};
    use nix::unistd::Pid;

    fn exit_with(_: &mut (), code: i32) -> std::convert::Infallible {
        exit_now(code)
    }

    fn status_of(pid: i32) -> WaitStatus {
        waitpid(Pid::from_raw(pid), None).unwrap()
    }

    #[test]
    fn child_status_and_panic() {
        let _no_other_fork = crate::FORK_LOCK.lock();
        let opts = ForkOptions { name: "test", id: Some(1), signals: ParentSignals::HoldAcrossFork, die_with_parent: true };
        let pid = fork_child(opts, &mut (), |_| 7, exit_with).unwrap();
        assert_eq!(status_of(pid), WaitStatus::Exited(Pid::from_raw(pid), 7));
        let pid = fork_child(opts, &mut (), |_| panic!("boom"), exit_with).unwrap();
        assert_eq!(status_of(pid), WaitStatus::Exited(Pid::from_raw(pid), 255));
    }
}
