//! The supervisor forks workers, replaces one that dies abnormally (reporting
//! it), and stops them all on SIGTERM.

use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};
use swoole_core::reactor::ServerShared;
use swoole_core::signals::{Signal, SignalPipe};
use swoole_core::manager::{Supervisor, WorkerFactory};

struct Factory {
    /// Shared with the children: how many times worker 0 started.
    shared: std::sync::Arc<ServerShared>,
    /// (worker id, exit code, signal) of each abnormal exit, seen by the parent.
    errors: Vec<(usize, i32, i32)>,
}

impl WorkerFactory for Factory {
    fn before_fork(&mut self) {}

    fn run_worker(&mut self, worker_id: usize) -> i32 {
        let starts = &self.shared.stats.counters().onstart_called;
        if worker_id == 0 && starts.fetch_add(1, Ordering::SeqCst) == 0 {
            return 3; // the first worker 0 dies at once
        }
        let pipe = SignalPipe::install().unwrap();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            pipe.wait(Some(Duration::from_millis(100)));
            if pipe.take().contains(&Signal::Terminate) {
                return 0;
            }
        }
        9
    }

    fn exit_child(&mut self, code: i32) -> ! {
        unsafe { libc::_exit(code) }
    }

    fn on_worker_error(&mut self, worker_id: usize, _pid: i32, exit_code: i32, signal: i32) {
        self.errors.push((worker_id, exit_code, signal));
    }
}

#[test]
fn replaces_a_dead_worker_and_stops_all_on_sigterm() {
    let shared = ServerShared::new(2, 0, 0, 0, 0).unwrap();
    let watcher_shared = shared.clone();
    // Once worker 0 has started twice (the replacement) and worker 1 runs, ask for shutdown.
    let watcher = std::thread::spawn(move || {
        let c = watcher_shared.stats.counters();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            let w1 = watcher_shared.stats.worker(1).unwrap().pid.load(Ordering::SeqCst);
            if c.onstart_called.load(Ordering::SeqCst) >= 2 && w1 > 0 {
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        unsafe { libc::kill(libc::getpid(), libc::SIGTERM) };
    });
    let mut factory = Factory { shared: shared.clone(), errors: Vec::new() };
    let mut sup = Supervisor::new(&shared, Duration::from_secs(3)).unwrap();
    // The manager's PHP side (timers, signal callbacks): none here.
    struct NoSide;
    impl swoole_core::event_loop::LoopHandler for NoSide {}
    sup.run(&mut factory, &mut NoSide);
    drop(sup);
    watcher.join().unwrap();
    assert_eq!(factory.errors, vec![(0, 3, 0)]);
    assert_eq!(shared.stats.counters().onstart_called.load(Ordering::SeqCst), 2);
    // Every child was reaped: no child of ours is left.
    let mut status = 0;
    assert_eq!(unsafe { libc::waitpid(-1, &mut status, libc::WNOHANG) }, -1);
}
