//! The supervisor forks workers, replaces one that dies abnormally (reporting
//! it), and stops them all on SIGTERM.

mod common;

use common::EVENT_WAIT;
use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use nix::sys::signal::{kill, Signal};
use nix::unistd::{getpid, pipe, read, write};
use std::os::fd::{AsFd, OwnedFd};
use std::sync::atomic::Ordering;
use std::time::Instant;
use swoole_core::manager::{Supervisor, WorkerFactory};
use swoole_core::reactor::ServerShared;
use swoole_core::signals::{Signal as ServerSignal, SignalPipe};

struct Factory {
    /// Shared with the children: how many times worker 0 started.
    shared: std::sync::Arc<ServerShared>,
    /// Each worker writes "start <id>" here when it starts.
    starts: OwnedFd,
    /// (worker id, exit code, signal) of each abnormal exit, seen by the parent.
    errors: Vec<(usize, i32, i32)>,
}

impl WorkerFactory for Factory {
    fn before_fork(&mut self) {}

    fn run_worker(&mut self, worker_id: usize) -> i32 {
        let pipe = SignalPipe::install().unwrap();
        let _ = write(&self.starts, format!("start {worker_id}\n").as_bytes());
        let starts = &self.shared.stats.counters().onstart_called;
        if worker_id == 0 && starts.fetch_add(1, Ordering::SeqCst) == 0 {
            return 3; // the first worker 0 dies at once
        }
        let deadline = Instant::now() + 3 * EVENT_WAIT;
        while Instant::now() < deadline {
            pipe.wait(Some(EVENT_WAIT));
            if pipe.take().contains(&ServerSignal::Terminate) {
                return 0;
            }
        }
        9
    }

    fn exit_child(&mut self, code: i32) -> ! {
        swoole_core::fork::exit_now(code)
    }

    fn on_worker_error(&mut self, worker_id: usize, _pid: i32, exit_code: i32, signal: i32) {
        self.errors.push((worker_id, exit_code, signal));
    }
}

#[test]
fn replaces_a_dead_worker_and_stops_all_on_sigterm() {
    let shared = ServerShared::new(2, 0, 0, 0, 0).unwrap();
    let (starts_read, starts_write) = pipe().unwrap();
    // Once worker 0 has started twice (the replacement) and worker 1 runs,
    // ask for shutdown (also when that does not come in time: the test fails then).
    let watcher = std::thread::spawn(move || {
        let done = |text: &str| text.matches("start 0\n").count() == 2 && text.contains("start 1\n");
        let deadline = Instant::now() + EVENT_WAIT;
        let mut text = String::new();
        while !done(&text) {
            let left = deadline.saturating_duration_since(Instant::now());
            let ms = PollTimeout::try_from(i32::try_from(left.as_millis()).unwrap_or(i32::MAX)).unwrap_or(PollTimeout::MAX);
            let mut fds = [PollFd::new(starts_read.as_fd(), PollFlags::POLLIN)];
            if left.is_zero() || poll(&mut fds, ms).unwrap_or(0) == 0 {
                break;
            }
            let mut buf = [0u8; 256];
            match read(&starts_read, &mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => text.push_str(&String::from_utf8_lossy(&buf[..n])),
            }
        }
        kill(getpid(), Signal::SIGTERM).unwrap();
        text
    });
    let mut factory = Factory { shared: shared.clone(), starts: starts_write, errors: Vec::new() };
    let mut sup = Supervisor::new(&shared, EVENT_WAIT).unwrap();
    // The manager's PHP side (timers, signal callbacks): none here.
    struct NoSide;
    impl swoole_core::event_loop::LoopHandler for NoSide {}
    sup.run(&mut factory, &mut NoSide);
    drop(sup);
    let seen = watcher.join().unwrap();
    assert_eq!((seen.matches("start 0\n").count(), seen.matches("start 1\n").count()), (2, 1), "{seen:?}");
    assert_eq!(factory.errors, vec![(0, 3, 0)]);
    assert_eq!(shared.stats.counters().onstart_called.load(Ordering::SeqCst), 2);
    // Every child was reaped: no child of ours is left.
    let left = nix::sys::wait::waitpid(None, Some(nix::sys::wait::WaitPidFlag::WNOHANG));
    assert_eq!(left, Err(nix::errno::Errno::ECHILD), "no child of ours is left");
}
