//! The supervising process: forks the workers, replaces those that die or ask
//! to be replaced, and stops them all on SIGTERM/SIGINT.
//!
//! In SWOOLE_BASE mode with more than one worker this runs in the master
//! process itself (the master is the manager, as in Swoole). It stays
//! single-threaded: it forks, signals, and waits in the process's event
//! loop, whose PHP timers and signal callbacks (onManagerStart's) run
//! between its own steps (see [`crate::side_loop`]).

use crate::event_loop::{self, LoopHandler};
use crate::fork::{self, ForkOptions, ParentSignals};
use crate::side_loop::SideLoop;
use crate::shared::ServerShared;
use crate::signals::{self, Signal};
use mio::unix::SourceFd;
use mio::Interest;
use nix::sys::signal::Signal as SysSignal;
use std::os::fd::AsRawFd;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use crate::tokens::COMMANDS_TOKEN;
/// The longest the manager sleeps without an event: it also looks for
/// children that ended without a SIGCHLD reaching it.
const IDLE_WAKE: Duration = Duration::from_secs(1);

/// A worker that dies sooner than this after it started is respawned only
/// after this delay, so a worker that cannot start (a fatal error in
/// onWorkerStart) does not fork in a tight loop.
pub const RESPAWN_BACKOFF: Duration = Duration::from_secs(1);

/// What the supervisor needs from the layer that runs user code.
pub trait WorkerFactory {
    /// Called right before each fork (flush output buffers here).
    fn before_fork(&mut self);
    /// Runs worker `worker_id` in the child; the returned code is the exit status.
    fn run_worker(&mut self, worker_id: usize) -> i32;
    /// Ends the child process with `code`; never returns.
    fn exit_child(&mut self, code: i32) -> !;
    /// A worker died abnormally (non-zero status or a signal); it will be replaced.
    fn on_worker_error(&mut self, worker_id: usize, pid: i32, exit_code: i32, signal: i32);
    /// A reload starts (`after` false: onBeforeReload) or every reloaded
    /// worker has exited (`after` true: onAfterReload).
    fn on_reload(&mut self, _after: bool) {}
    /// A `command()` for the manager: the answer to send back.
    fn on_command(&mut self, _request: &crate::command::Request) -> Vec<u8> {
        Vec::new()
    }
}

/// How a child ended, from `waitpid`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExitStatus {
    pub code: i32,
    pub signal: i32,
}

impl ExitStatus {
    pub fn is_abnormal(&self) -> bool {
        self.code != 0 || self.signal != 0
    }
}

/// The supervisor's state.
pub struct Supervisor<'a> {
    /// Shared counters; the worker table holds each worker's pid.
    shared: &'a ServerShared,
    /// Pid serving each worker id (0 while none).
    workers: Vec<i32>,
    /// Which event worker process holds each reply lane: a draining worker
    /// and its successor wait for their task results on different lanes.
    lanes: crate::reply_lane::LaneTable,
    /// Old workers still draining after their replacement started.
    detached: Vec<i32>,
    /// When each worker id was last forked.
    spawned_at: Vec<Instant>,
    /// Worker ids waiting out [`RESPAWN_BACKOFF`], with when to fork them.
    delayed: Vec<(usize, Instant)>,
    /// Set once shutdown began: when to SIGKILL what is left.
    deadline: Option<Instant>,
    /// Whether the stragglers were already killed.
    killed: bool,
    /// On shutdown, the task workers wait for their SIGTERM until every
    /// event worker is gone: a draining event worker's timers and
    /// onWorkerExit may still hand them tasks (Swoole's order).
    tasks_await_term: bool,
    /// Grace period for workers on shutdown (`max_wait_time`).
    max_wait: Duration,
    /// Pids of workers a reload asked to stop that have not exited yet.
    reloading: Vec<i32>,
    /// `command()` requests to the manager, put together across wake-ups.
    commands: crate::inbox::Reassembler,
    /// While the first workers are forked: a pipe each child reads to its
    /// end before it starts, so that every worker's pid is in the table
    /// when any onWorkerStart runs (`getWorkerPid()` there, as in Swoole).
    start_gate: Option<(std::os::fd::OwnedFd, std::os::fd::OwnedFd)>,
}

impl<'a> Supervisor<'a> {
    /// The manager's signals go to this process's event loop (where the
    /// PHP timers and signal callbacks of onManagerStart live) from now on.
    pub fn new(shared: &'a ServerShared, max_wait: Duration) -> std::io::Result<Self> {
        event_loop::own_signals(&signals::SERVER_SIGNALS)?;
        if let Some(fd) = shared.commands.manager.read_end(0) {
            event_loop::with(|l| l.registry())??.register(&mut SourceFd(&fd), COMMANDS_TOKEN, Interest::READABLE)?;
        }
        let n = shared.stats.slots();
        Ok(Supervisor {
            shared,
            workers: vec![0; n],
            lanes: crate::reply_lane::LaneTable::new(shared.stats.worker_num()),
            detached: Vec::new(),
            spawned_at: vec![Instant::now(); n],
            delayed: Vec::new(),
            deadline: None,
            killed: false,
            tasks_await_term: false,
            max_wait,
            reloading: Vec::new(),
            commands: Default::default(),
            start_gate: None,
        })
    }

    /// Forks every worker, then supervises until shutdown completes. The
    /// manager's event loop runs meanwhile: `side` gets its timers, fds and
    /// the signals that are not the server's (SIGINT too, once a user
    /// callback claimed it).
    pub fn run(&mut self, factory: &mut dyn WorkerFactory, side: &mut dyn LoopHandler) {
        crate::log::set_process(crate::log::ProcessKind::Manager, 0);
        self.start_gate = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).ok();
        for id in 0..self.workers.len() {
            self.spawn(id, factory);
        }
        // Every first worker may start now (they read EOF).
        self.start_gate = None;
        loop {
            let next = self.deadline.into_iter().chain(self.delayed.iter().map(|&(_, at)| at)).min();
            let timeout = next.map(|d| d.saturating_duration_since(Instant::now()));
            let mut manager_loop = SideLoop::new(&mut *side, timeout.or(Some(IDLE_WAKE)));
            if event_loop::run_once(&mut manager_loop, None).is_some() {
                // `Event::exit()` in a manager callback: the manager's loop
                // ends with the server, not before.
                event_loop::clear_exit();
            }
            let mut received = manager_loop.received;
            self.serve_commands(factory);
            // The children that ended, collected before the signals are
            // looked at again: a SIGTERM sent before a worker's exit was
            // handled (its byte is in the pipe) by the time waitpid reports
            // that exit, even when it came after this pass read the pipe, or
            // cut the wait short (EINTR) so that the pass did not. Such a
            // worker is then not forked again only to be stopped.
            let ended: Vec<crate::process::Reaped> = std::iter::from_fn(|| crate::process::wait_any(false)).collect();
            if signals::terminate_seen() {
                let mut again = SideLoop::new(&mut *side, Some(Duration::ZERO));
                if event_loop::run_once(&mut again, Some(Duration::ZERO)).is_some() {
                    event_loop::clear_exit();
                }
                for sig in again.received {
                    if !received.contains(&sig) {
                        received.push(sig);
                    }
                }
            }
            for sig in received {
                match sig {
                    Signal::Terminate => self.begin_shutdown(),
                    Signal::Reload => self.reload(false, factory),
                    Signal::ReloadTasks => self.reload(true, factory),
                    Signal::ReopenLog => {
                        crate::log::reopen();
                        for pid in self.live() {
                            send_signal(pid, SysSignal::SIGWINCH);
                        }
                    }
                    _ => {}
                }
            }
            self.reap(ended, factory);
            self.replace_exiting(factory);
            self.spawn_delayed(factory);
            if let Some(deadline) = self.deadline {
                self.term_tasks_once_events_gone();
                if self.live().is_empty() {
                    return;
                }
                if Instant::now() >= deadline && !self.killed {
                    self.killed = true;
                    for pid in self.live() {
                        crate::log::warning(&format!("worker(pid={pid}) exit timeout, forced termination"));
                        send_signal(pid, SysSignal::SIGKILL);
                    }
                }
            }
        }
    }

    /// Starts shutdown: SIGTERM to every worker but the task workers,
    /// which get theirs once the event workers are gone.
    pub fn begin_shutdown(&mut self) {
        if self.deadline.is_some() {
            return;
        }
        // The workers stop themselves at max_wait_time (their timers let
        // them linger until then, then onWorkerStop runs): killed only
        // once they had a moment more.
        self.deadline = Some(Instant::now() + self.max_wait + SHUTDOWN_KILL_MARGIN);
        let tasks = self.task_ids();
        let first: Vec<i32> = self.workers.iter().enumerate().filter(|(id, _)| !tasks.contains(id)).map(|(_, &p)| p).collect();
        for pid in first.into_iter().filter(|&p| p > 0).chain(self.detached.clone()) {
            send_signal(pid, SysSignal::SIGTERM);
        }
        self.tasks_await_term = true;
        self.term_tasks_once_events_gone();
    }

    /// The worker ids of the task workers.
    fn task_ids(&self) -> std::ops::Range<usize> {
        let events = self.shared.stats.worker_num();
        events..events + self.shared.stats.task_num()
    }

    /// On shutdown: SIGTERM to the task workers once no event worker is
    /// left (the draining ones included).
    fn term_tasks_once_events_gone(&mut self) {
        let events = self.shared.stats.worker_num();
        if !self.tasks_await_term || self.workers[..events].iter().any(|&p| p > 0) || !self.detached.is_empty() {
            return;
        }
        self.tasks_await_term = false;
        for id in self.task_ids() {
            if self.workers[id] > 0 {
                send_signal(self.workers[id], SysSignal::SIGTERM);
            }
        }
    }

    /// Answers the `command()` requests waiting in the manager's inbox.
    fn serve_commands(&mut self, factory: &mut dyn WorkerFactory) {
        let Some(end) = self.shared.commands.manager.read_fd(0) else { return };
        let _ = crate::process::set_blocking(&end, false);
        let fd = end.as_raw_fd();
        for msg in crate::inbox::drain(fd, &mut self.commands) {
            if msg.kind == crate::inbox::Kind::Shutdown {
                // The master (this process in BASE mode) stops in order on
                // SIGTERM; this process may send it, the asker maybe not.
                let master = self.shared.stats.counters().master_pid.load(Ordering::Relaxed);
                send_signal(master, SysSignal::SIGTERM);
                continue;
            }
            if let Some(req) = crate::command::parse(&msg) {
                let answer = factory.on_command(&req);
                let _ = crate::command::reply(self.shared, &req, &answer);
            }
        }
    }

    /// SIGUSR1 (every event and task worker) or SIGUSR2 (`tasks_only`):
    /// each worker finishes what it is doing and exits, and is replaced as it
    /// goes (a BASE worker first drains its connections, as for max_request).
    fn reload(&mut self, tasks_only: bool, factory: &mut dyn WorkerFactory) {
        if self.deadline.is_some() {
            return;
        }
        if !self.reloading.is_empty() {
            crate::log::warning("reload is already in progress");
            return;
        }
        let worker_num = self.shared.stats.worker_num();
        let first = if tasks_only { worker_num } else { 0 };
        let ids = first..worker_num + self.shared.stats.task_num();
        factory.on_reload(false);
        crate::log::info(&format!("Server is reloading {} workers now", if tasks_only { "task" } else { "all" }));
        for id in ids {
            let pid = self.workers[id];
            if pid <= 0 {
                continue;
            }
            if let Some(slot) = self.shared.stats.worker(id) {
                slot.reload.store(1, Ordering::SeqCst);
            }
            self.reloading.push(pid);
            send_signal(pid, SysSignal::SIGTERM);
        }
        if self.reloading.is_empty() {
            factory.on_reload(true);
        }
    }

    /// A reaped pid leaves the reload set; the last one ends the reload.
    fn reload_progress(&mut self, pid: i32, factory: &mut dyn WorkerFactory) {
        if let Some(pos) = self.reloading.iter().position(|&p| p == pid) {
            self.reloading.swap_remove(pos);
            if self.reloading.is_empty() && self.deadline.is_none() {
                factory.on_reload(true);
            }
        }
    }

    fn live(&self) -> Vec<i32> {
        self.workers.iter().copied().filter(|&p| p > 0).chain(self.detached.iter().copied()).collect()
    }

    fn spawn(&mut self, id: usize, factory: &mut dyn WorkerFactory) {
        factory.before_fork();
        // An event worker gets a reply lane no live process holds.
        let lane = (id < self.shared.stats.worker_num()).then(|| self.lanes.pick(id));
        // A worker never outlives its supervisor, and a SIGTERM for it must
        // wait until it has its own pipe.
        let opts = ForkOptions { name: "worker", id: Some(id), signals: ParentSignals::HoldAcrossFork, die_with_parent: true };
        let start_gate = &mut self.start_gate;
        let forked = fork::fork_child(
            opts,
            factory,
            |factory| {
                if let Some(lane) = lane {
                    crate::reply_lane::enter(lane);
                }
                // The child: the parent's pipe is not ours; the worker installs its
                // own (which unblocks the signals).
                event_loop::abandon();
                if let Some((read, write)) = start_gate.take() {
                    drop(write);
                    let mut byte = [0u8; 1];
                    // Returns at EOF: once the supervisor (and each sibling,
                    // here) closed the write end.
                    while matches!(nix::unistd::read(&read, &mut byte), Err(nix::errno::Errno::EINTR)) {}
                }
                factory.run_worker(id)
            },
            |factory, code| factory.exit_child(code),
        );
        let pid = match forked {
            Ok(pid) => pid,
            Err(e) => {
                crate::log::warning(&format!("fork() failed: {e}"));
                return;
            }
        };
        self.workers[id] = pid;
        if let Some(lane) = lane {
            self.lanes.hold(lane, pid);
        }
        self.spawned_at[id] = Instant::now();
        if let Some(slot) = self.shared.stats.worker(id) {
            slot.pid.store(pid, Ordering::SeqCst);
            slot.exiting.store(0, Ordering::SeqCst);
            slot.reload.store(0, Ordering::SeqCst);
        }
    }

    /// Settles the children that ended; replaces workers unless shutting down.
    fn reap(&mut self, ended: Vec<crate::process::Reaped>, factory: &mut dyn WorkerFactory) {
        for reaped in ended {
            let pid = reaped.pid;
            let exit = ExitStatus { code: reaped.code, signal: reaped.signal };
            self.reload_progress(pid, factory);
            self.lanes.release(pid);
            if let Some(pos) = self.detached.iter().position(|&p| p == pid) {
                self.detached.swap_remove(pos);
                continue;
            }
            let Some(id) = self.workers.iter().position(|&p| p == pid) else { continue };
            self.workers[id] = 0;
            if let Some(slot) = self.shared.stats.worker(id) {
                slot.pid.store(0, Ordering::SeqCst);
                // Neither idle nor busy until its replacement runs.
                slot.status.store(crate::stats::WorkerStatus::None as u32, Ordering::SeqCst);
            }
            if self.deadline.is_some() {
                continue;
            }
            if exit.is_abnormal() {
                crate::log::warning(&format!(
                    "Worker::report_error(): worker(pid={pid}, id={id}) abnormal exit, status={}, signal={}",
                    exit.code, exit.signal
                ));
                factory.on_worker_error(id, pid, exit.code, exit.signal);
                if self.spawned_at[id].elapsed() < RESPAWN_BACKOFF {
                    crate::log::warning(&format!(
                        "worker#{id} died within {RESPAWN_BACKOFF:?} of starting; restarting it in {RESPAWN_BACKOFF:?}"
                    ));
                    self.delayed.push((id, Instant::now() + RESPAWN_BACKOFF));
                    continue;
                }
            }
            self.spawn(id, factory);
        }
    }

    /// Forks the workers whose backoff has passed.
    fn spawn_delayed(&mut self, factory: &mut dyn WorkerFactory) {
        if self.deadline.is_some() {
            self.delayed.clear();
            return;
        }
        let now = Instant::now();
        let due: Vec<usize> = self.delayed.iter().filter(|&&(_, at)| at <= now).map(|&(id, _)| id).collect();
        self.delayed.retain(|&(_, at)| at > now);
        for id in due {
            self.spawn(id, factory);
        }
    }

    /// Starts replacements for workers that stopped accepting and are draining.
    fn replace_exiting(&mut self, factory: &mut dyn WorkerFactory) {
        if self.deadline.is_some() {
            return;
        }
        for id in 0..self.workers.len() {
            let Some(slot) = self.shared.stats.worker(id) else { continue };
            if slot.exiting.swap(0, Ordering::SeqCst) == 1 && self.workers[id] > 0 {
                self.detached.push(self.workers[id]);
                self.workers[id] = 0;
                self.spawn(id, factory);
            }
        }
    }
}

/// How long after `max_wait_time` a worker that has not exited on shutdown
/// is killed.
const SHUTDOWN_KILL_MARGIN: Duration = Duration::from_secs(1);

/// Signals `pid`: our own child, or the master. One that is gone already
/// (ESRCH: a child that ended and waits to be reaped, or was; a master
/// that exited) needs nothing more: the reaping pass deals with a child,
/// and a master gone has stopped, so the error is dropped.
/// A pid of 0 or less is never signalled: kill(0) and kill(-1) would reach
/// the whole process group or every process the user may signal.
fn send_signal(pid: i32, sig: SysSignal) {
    if pid <= 0 {
        return;
    }
    let _ = nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), sig);
}

#[cfg(test)]
#[path = "manager_tests.rs"]
mod tests;
