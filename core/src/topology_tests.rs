//! The shapes driven by a fake [`Steps`]: the single shape's order, and the
//! BASE shape (in a forked child, which owns its signals) with one worker
//! that asks the manager to stop and exits at once.

use super::*;
use crate::fork::exit_now;
use crate::master::MasterConfig;
use crate::topology::test_child::TestChild;
use nix::sys::wait::WaitStatus;
use nix::unistd::getppid;

/// Records every step it is asked for, in order.
struct Fake {
    /// The server's shared memory the manager supervises.
    shared: Arc<ServerShared>,
    /// The steps called so far.
    log: Vec<&'static str>,
}

struct NoSide;
impl LoopHandler for NoSide {}

impl WorkerFactory for Fake {
    fn before_fork(&mut self) {
        self.log.push("before_fork");
    }
    fn run_worker(&mut self, _worker_id: usize) -> i32 {
        // Stop the manager (the worker's parent), then exit at once.
        let _ = kill(getppid(), Signal::SIGTERM);
        0
    }
    fn exit_child(&mut self, code: i32) -> ! {
        exit_now(code)
    }
    fn on_worker_error(&mut self, _: usize, _: i32, _: i32, _: i32) {
        self.log.push("worker_error");
    }
}

impl Steps for Fake {
    fn shared(&self) -> Arc<ServerShared> {
        self.shared.clone()
    }
    fn max_wait(&self) -> Duration {
        Duration::from_secs(1)
    }
    fn warn(&mut self, _msg: &str) {
        self.log.push("warn");
    }
    fn run_alone(&mut self) -> bool {
        self.log.push("alone");
        true
    }
    fn know_manager(&mut self, _: i32, _: Seat) {
        self.log.push("know_manager");
    }
    fn end_loop(&mut self) {
        self.log.push("end_loop");
    }
    fn on_manager_start(&mut self) -> bool {
        self.log.push("manager_start");
        true
    }
    fn on_manager_stop(&mut self) {
        self.log.push("manager_stop");
    }
    fn on_start(&mut self) {
        self.log.push("start");
    }
    fn on_shutdown(&mut self) {
        self.log.push("shutdown");
    }
    fn manager_side(&mut self) -> Box<dyn LoopHandler> {
        Box::new(NoSide)
    }
    fn master_plan(&mut self) -> Option<(Vec<(usize, StdListener)>, MasterConfig)> {
        self.log.push("master_plan");
        None
    }
    fn master_side(&mut self) -> Box<dyn MasterSide + '_> {
        unreachable!("master_plan gives None")
    }
}

fn fake(workers: usize) -> Fake {
    Fake { shared: ServerShared::new(workers, 0, 0, 1, 0).unwrap(), log: Vec::new() }
}

#[test]
fn single_runs_worker_then_shutdown() {
    let mut f = fake(1);
    assert!(run(&mut f, Shape::Single));
    assert_eq!(f.log, ["alone", "shutdown"]);
}

#[test]
fn process_stops_before_forking_without_a_plan() {
    let mut f = fake(1);
    assert!(!run(&mut f, Shape::Process));
    assert_eq!(f.log, ["master_plan"]);
}

#[test]
fn base_forks_one_worker_and_shuts_down() {
    let _no_other_fork = crate::FORK_LOCK.lock();
    // The manager owns its signals: run it in a child of its own.
    let manager = TestChild::fork(|| {
        let mut f = fake(1);
        let ok = run(&mut f, Shape::Base);
        // The worker exits after its SIGTERM reached the manager: it is
        // not forked again (see manager::tests), then the stop in order.
        let expected = ["manager_start", "before_fork", "end_loop", "manager_stop", "shutdown"];
        if ok && f.log == expected {
            0
        } else {
            let _ = nix::unistd::write(std::io::stderr(), format!("ok={ok} log: {:?}\n", f.log).as_bytes());
            1
        }
    });
    let pid = manager.pid();
    assert_eq!(manager.wait(), WaitStatus::Exited(pid, 0));
}
