//! A forked child of a unit test that leaves nothing behind: it runs in a
//! process group of its own, and the group is killed (SIGKILL) and the child
//! reaped when the guard is dropped, also when an assertion failed first.
//! Grandchildren (a manager's workers) go with the group.
//!
//! The core's integration tests include this file too (core/tests/common):
//! `super::fork` is the core's fork module in both places.

use super::fork::{self, exit_now, ForkOptions, ParentSignals};
use nix::sys::signal::{killpg, Signal};
use nix::sys::wait::{waitpid, WaitStatus};
use nix::unistd::{setpgid, Pid};

/// A child process (and its process group) owned by a test.
pub(crate) struct TestChild {
    /// The child's pid, also its process group's id.
    pid: Pid,
    /// Set once the child was reaped: its pid may be another's now.
    reaped: bool,
}

impl TestChild {
    /// Forks a child that runs `body` and exits with what it returns. The
    /// server's signals are held across the fork, as for a server process.
    pub(crate) fn fork(body: impl FnOnce() -> i32) -> TestChild {
        let opts = ForkOptions { name: "test-child", id: None, signals: ParentSignals::HoldAcrossFork, die_with_parent: true };
        let mut body = Some(body);
        let pid = fork::fork_child(
            opts,
            &mut body,
            |body| {
                let _ = setpgid(Pid::from_raw(0), Pid::from_raw(0));
                body.take().map_or(1, |f| f())
            },
            |_, code| exit_now(code),
        )
        .expect("fork");
        let pid = Pid::from_raw(pid);
        // Both sides set the group, so that it exists before either goes on.
        let _ = setpgid(pid, pid);
        TestChild { pid, reaped: false }
    }

    pub(crate) fn pid(&self) -> Pid {
        self.pid
    }

    /// The child was reaped by someone else (the code under test): its
    /// pid is not waited for again.
    #[allow(dead_code)] // only core/tests/master.rs, which includes this file, needs it
    pub(crate) fn reaped_elsewhere(mut self) {
        self.reaped = true;
    }

    /// Waits for the child to end.
    pub(crate) fn wait(mut self) -> WaitStatus {
        let status = waitpid(self.pid, None).expect("waitpid");
        self.reaped = true;
        status
    }
}

impl Drop for TestChild {
    fn drop(&mut self) {
        // The group outlives its leader's exit while a grandchild is in it.
        let _ = killpg(self.pid, Signal::SIGKILL);
        if !self.reaped {
            let _ = waitpid(self.pid, None);
        }
    }
}
