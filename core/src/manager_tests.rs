//! The supervisor in a forked child (it owns the process's signals), with a
//! fake worker factory and a fake PHP side.

use super::*;
use crate::event_loop::Flow;
use crate::timer::Due;
use crate::topology::test_child::TestChild;
use nix::sys::wait::{waitid, Id, WaitPidFlag, WaitStatus};
use nix::unistd::{getppid, pipe, read, write, Pid};
use std::os::fd::OwnedFd;

/// Worker 0 (its first fork only) waits for the go byte, asks the manager
/// to stop, and exits normally; later forks exit at once.
struct Factory {
    /// How many workers were forked (copied into each child at its fork).
    forks: i32,
    /// The read end of the go pipe.
    go: OwnedFd,
}

impl WorkerFactory for Factory {
    fn before_fork(&mut self) {
        self.forks += 1;
    }
    fn run_worker(&mut self, _: usize) -> i32 {
        if self.forks == 1 {
            let _ = read(&self.go, &mut [0u8; 1]);
            let _ = nix::sys::signal::kill(getppid(), nix::sys::signal::Signal::SIGTERM);
        }
        0
    }
    fn exit_child(&mut self, code: i32) -> ! {
        fork::exit_now(code)
    }
    fn on_worker_error(&mut self, _: usize, _: i32, _: i32, _: i32) {}
}

/// The manager's PHP side: its one timer, due in the loop's first pass,
/// lets worker 0 go and waits (without reaping) until it has exited. Its
/// SIGTERM therefore arrives after that pass read the signal pipe, and its
/// exit is there before the supervisor reaps.
struct Side<'a> {
    /// The write end of the go pipe.
    go: OwnedFd,
    /// Where worker 0's pid is.
    shared: &'a ServerShared,
}

impl LoopHandler for Side<'_> {
    fn on_timer(&mut self, _: Due) -> Flow {
        let worker = self.shared.stats.worker(0).map_or(0, |w| w.pid.load(Ordering::SeqCst));
        let _ = write(&self.go, b"g");
        let _ = waitid(Id::Pid(Pid::from_raw(worker)), WaitPidFlag::WEXITED | WaitPidFlag::WNOWAIT);
        Flow::Continue
    }
}

#[test]
fn a_worker_that_exits_after_the_sigterm_it_sent_is_not_forked_again() {
    let _no_other_fork = crate::FORK_LOCK.lock();
    let manager = TestChild::fork(|| {
        let shared = ServerShared::new(1, 0, 0, 1, 0).unwrap();
        let (go_read, go_write) = pipe().unwrap();
        let mut sup = Supervisor::new(&shared, Duration::from_secs(5)).unwrap();
        event_loop::timer_add(1, false).unwrap();
        let mut factory = Factory { forks: 0, go: go_read };
        sup.run(&mut factory, &mut Side { go: go_write, shared: &shared });
        // The exit status says how many times worker 0 was forked.
        factory.forks
    });
    let pid = manager.pid();
    assert_eq!(manager.wait(), WaitStatus::Exited(pid, 1), "worker 0 was forked once");
}

#[test]
fn a_pid_of_zero_is_never_signalled() {
    // kill(0, ...) would reach the caller's whole process group: the child,
    // in a group of its own, would die of its own SIGKILL.
    let _no_other_fork = crate::FORK_LOCK.lock();
    let child = TestChild::fork(|| {
        send_signal(0, SysSignal::SIGKILL);
        7
    });
    let pid = child.pid();
    assert_eq!(child.wait(), WaitStatus::Exited(pid, 7));
}
