//! The three process shapes `Server::start()` runs, as Swoole has them:
//! a single process, the manager + workers (BASE), and the master +
//! reactor threads + manager + workers (PROCESS). Which process forks
//! which, in what order, when the signals are held and handed to a loop,
//! and what each process runs last are decided here; every step that calls
//! user code is a method of [`Steps`], which the PHP layer implements.
//!
//! See docs/ARCHITECTURE.md, "The process model".

use crate::event_loop::{self, LoopHandler};
use crate::fork::{self, ForkOptions, ParentSignals};
use crate::manager::{Supervisor, WorkerFactory};
use crate::master::{self, MasterConfig, MasterEnd, MasterSide, StdListener};
use crate::shared::ServerShared;
use crate::signals;
use nix::sys::signal::{kill, Signal};
use nix::unistd::{getpid, Pid};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

/// Which of the three shapes a server runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One process serves worker 0 itself (BASE mode, one worker, no task
    /// workers, no user processes, no `max_request`).
    Single,
    /// This process is the manager: it forks and supervises the workers.
    Base,
    /// This process is the master: it forks the manager, then accepts while
    /// reactor threads hold the connections.
    Process,
}

/// Where [`Steps::know_manager`] is called from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seat {
    /// The manager itself (the forked manager of PROCESS mode).
    Manager,
    /// The PROCESS-mode master, once it forked the manager.
    Master,
}

/// What the shapes need from the layer that runs user code. The
/// [`WorkerFactory`] half serves the manager (and `before_fork` /
/// `exit_child` the fork of the PROCESS-mode manager).
pub trait Steps: WorkerFactory {
    /// The server's shared memory (counters, worker table, inboxes).
    fn shared(&self) -> Arc<ServerShared>;
    /// `max_wait_time`: the workers' grace period on shutdown.
    fn max_wait(&self) -> Duration;
    /// Reports a failure to the user (a PHP warning).
    fn warn(&mut self, msg: &str);
    /// Single shape: serves worker 0 in this process. False: the server
    /// stops without onShutdown (an exception or `exit()` is pending).
    fn run_alone(&mut self) -> bool;
    /// Records the manager's pid (and this process's seat) where it is read.
    fn know_manager(&mut self, manager_pid: i32, seat: Seat);
    /// Ends this process's user timers and events (after a fork, or when
    /// its loop is over).
    fn end_loop(&mut self);
    /// onManagerStart; false: an exception is pending, the manager stops.
    fn on_manager_start(&mut self) -> bool;
    /// onManagerStop.
    fn on_manager_stop(&mut self);
    /// onStart, in the PROCESS-mode master.
    fn on_start(&mut self);
    /// onShutdown.
    fn on_shutdown(&mut self);
    /// The manager's event loop handler (user timers, signal callbacks).
    fn manager_side(&mut self) -> Box<dyn LoopHandler>;
    /// The PROCESS master's listeners and configuration; None (after a
    /// warning) when it cannot start.
    fn master_plan(&mut self) -> Option<(Vec<(usize, StdListener)>, MasterConfig)>;
    /// The PROCESS master's side of its loop (user timers, onBeforeShutdown).
    fn master_side(&mut self) -> Box<dyn MasterSide + '_>;
}

/// Runs `shape` until the server is over. False: it could not start (or
/// stopped on a pending exception) — `start()` returns false.
pub fn run<S: Steps>(steps: &mut S, shape: Shape) -> bool {
    match shape {
        Shape::Single => run_single(steps),
        Shape::Base => run_manager(steps, false),
        Shape::Process => run_process(steps),
    }
}

fn run_single<S: Steps>(steps: &mut S) -> bool {
    if !steps.run_alone() {
        return false;
    }
    steps.on_shutdown();
    true
}

/// SWOOLE_PROCESS: fork the manager (which forks the workers), then run the
/// master: onStart, the accept loop and reactor threads until shutdown,
/// onShutdown.
fn run_process<S: Steps>(steps: &mut S) -> bool {
    let Some((listeners, cfg)) = steps.master_plan() else {
        return false;
    };
    let shared = steps.shared();
    // Workers must not run onStart: the master does.
    shared.stats.counters().onstart_called.store(1, Ordering::SeqCst);
    // The manager forks and supervises the workers, and stops them if the
    // master dies. The master is still single-threaded here (rule 2): the
    // reactor threads start after this fork. Its signals stay blocked until
    // its loop owns them (below). PHP's output is flushed first (rule 2).
    let opts = ForkOptions { name: "manager", id: None, signals: ParentSignals::KeepBlocked, die_with_parent: true };
    steps.before_fork();
    let forked = fork::fork_child(
        opts,
        steps,
        |steps| {
            steps.know_manager(getpid().as_raw(), Seat::Manager);
            steps.end_loop();
            if run_manager(steps, true) {
                0
            } else {
                1
            }
        },
        |steps, code| steps.exit_child(code),
    );
    let pid = match forked {
        Ok(pid) => pid,
        Err(e) => {
            steps.warn(&format!("failed to fork the manager: {e}"));
            return false;
        }
    };
    // onStart's timers live on the process's event loop, which the master
    // serves; the master's signals go to that loop from now on (this
    // unblocks them): SIGTERM, even from onStart's shutdown(), stops the
    // server in order, and SIGHUP/SIGPIPE without a callback are logged.
    let master_signals: Vec<i32> = signals::SERVER_SIGNALS.into_iter().chain(signals::LOGGED_SIGNALS).collect();
    if let Err(e) = event_loop::own_signals(&master_signals) {
        let _ = kill(Pid::from_raw(pid), Signal::SIGTERM);
        steps.warn(&format!("failed to install the signal handlers: {e}"));
        return false;
    }
    steps.know_manager(pid, Seat::Master);
    steps.on_start();
    let ended = master::run(listeners, shared, cfg, pid, &mut *steps.master_side());
    // The master's timers end with the server, as a worker's do.
    steps.end_loop();
    match ended {
        Ok(MasterEnd::Shutdown) => {}
        Ok(MasterEnd::ManagerLost) => crate::log::error("the manager process exited unexpectedly; the server stops"),
        Err(e) => steps.warn(&format!("the master failed: {e}")),
    }
    steps.on_shutdown();
    true
}

/// The manager: this process supervises forked workers (BASE mode's
/// master, or PROCESS mode's forked manager).
fn run_manager<S: Steps>(steps: &mut S, process_mode: bool) -> bool {
    let shared = steps.shared();
    // The supervisor routes the manager's signals into the process's event
    // loop, where onManagerStart's timers and signal callbacks run.
    let mut sup = match Supervisor::new(&shared, steps.max_wait()) {
        Ok(sup) => sup,
        Err(e) => {
            steps.warn(&format!("failed to start the manager: {e}"));
            return false;
        }
    };
    // onManagerStart's own log lines already carry the manager's flag.
    crate::log::set_process(crate::log::ProcessKind::Manager, 0);
    if !steps.on_manager_start() {
        steps.end_loop();
        return false;
    }
    let mut side = steps.manager_side();
    sup.run(steps, &mut *side);
    drop(sup);
    // The manager's timers end with the server, and its signals get their
    // default actions back (in BASE mode this is the script's process).
    steps.end_loop();
    steps.on_manager_stop();
    if !process_mode {
        // In PROCESS mode the master runs onShutdown, once the manager is gone.
        steps.on_shutdown();
    }
    true
}

/// The forked children of the core's tests, each a guard that leaves no
/// process behind (the integration tests in core/tests include the file).
#[cfg(test)]
#[path = "test_child.rs"]
pub(crate) mod test_child;
