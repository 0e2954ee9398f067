//! The pool's master: forks the workers, replaces any that exits or dies
//! under the same id, reloads them one at a time on SIGUSR1/SIGUSR2, starts
//! a replacement at once for a worker that called `detach()`, and stops them
//! all on SIGTERM/SIGINT (`shutdown()`).
//!
//! It runs on this process's event loop ([`crate::event_loop`]), so timers
//! and events the script set up in `onStart` keep working in the master.
//! Forks happen from loop callbacks; a child drops the inherited loop before
//! it runs anything.

use crate::event_loop::{self, Flow, LoopEnd, LoopHandler, Plan};
use crate::fork::{self, ForkOptions, ParentSignals};
use crate::pool::Pool;
use crate::signals;
use crate::timer::Due;
use std::collections::VecDeque;
use std::os::fd::RawFd;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// The signals the master acts on: SIGTERM/SIGINT stop the pool, SIGUSR1/
/// SIGUSR2 reload it, SIGCHLD reaps, SIGIO says a worker detached.
pub const MASTER_SIGNALS: [i32; 6] =
    [libc::SIGTERM, libc::SIGINT, libc::SIGCHLD, libc::SIGUSR1, libc::SIGUSR2, libc::SIGIO];
/// After a failed fork, how long before trying again.
const FORK_RETRY: Duration = Duration::from_secs(1);
/// The longest the master sleeps without looking at its children.
const IDLE_WAKE: Duration = Duration::from_secs(1);
/// A stopping worker keeps its loop up to `max_wait_time` (onWorkerExit)
/// and then stops cleanly; the master kills it only this much later.
const KILL_GRACE: Duration = Duration::from_millis(250);

/// What the master needs from the layer that runs user code.
pub trait WorkerRunner {
    /// Right before each fork (flush output buffers here).
    fn before_fork(&mut self);
    /// In the forked child, with the inherited loop gone and signals back to
    /// their defaults: runs worker `id`; the result is its exit status.
    fn run_worker(&mut self, id: usize) -> i32;
    /// Ends the child with `code`; never returns.
    fn exit_child(&mut self, code: i32) -> !;
    /// Shutdown begins (`onShutdown`), before the workers are asked to stop.
    fn on_shutdown(&mut self) {}
}

/// A worker a reload asked to stop.
#[derive(Debug, Clone, Copy)]
struct Stopping {
    id: usize,
    pid: i32,
    /// When it is killed if still running (`max_wait_time`).
    deadline: Instant,
    killed: bool,
}

/// A reload in progress: one worker at a time.
#[derive(Debug, Default)]
struct Reload {
    /// Ids still to reload, in order.
    queue: VecDeque<usize>,
    /// The worker stopping now.
    current: Option<Stopping>,
}

/// The master's state.
pub struct Master<'a> {
    /// The pool's IPC and shared worker table.
    pool: &'a Pool,
    /// Grace period of a stopping worker.
    max_wait: Duration,
    /// The pid serving each worker id (0 while none).
    workers: Vec<i32>,
    /// Workers that detached: still our children, no longer pool workers.
    detached: Vec<i32>,
    /// Worker ids whose fork failed, with when to try again.
    delayed: Vec<(usize, Instant)>,
    /// The reload in progress, if any.
    reload: Option<Reload>,
    /// Set once shutdown began: when to kill what is left.
    stop_at: Option<Instant>,
    /// Whether the stragglers of a shutdown were killed.
    killed: bool,
}

impl<'a> Master<'a> {
    pub fn new(pool: &'a Pool, max_wait: Duration) -> Master<'a> {
        Master {
            pool,
            max_wait,
            workers: vec![0; pool.worker_num()],
            detached: Vec::new(),
            delayed: Vec::new(),
            reload: None,
            stop_at: None,
            killed: false,
        }
    }

    /// Whether shutdown began.
    pub fn stopping(&self) -> bool {
        self.stop_at.is_some()
    }

    /// Shutdown began and every child is gone.
    pub fn finished(&self) -> bool {
        self.stopping() && self.live().is_empty()
    }

    fn live(&self) -> Vec<i32> {
        self.workers.iter().copied().filter(|&p| p > 0).chain(self.detached.iter().copied()).collect()
    }

    /// Forks every worker.
    pub fn spawn_all(&mut self, runner: &mut dyn WorkerRunner) {
        for id in 0..self.workers.len() {
            self.spawn(id, runner);
        }
    }

    fn spawn(&mut self, id: usize, runner: &mut dyn WorkerRunner) {
        runner.before_fork();
        // Before the fork: a new worker may detach() at once.
        if let Some(slot) = self.pool.slot(id) {
            slot.detached.store(0, Ordering::Release);
        }
        // A SIGTERM for the new worker waits until its handlers are its own.
        let opts = ForkOptions { name: "worker", id: Some(id), signals: ParentSignals::HoldAcrossFork, die_with_parent: true };
        let pool = &self.pool;
        let forked = fork::fork_child(
            opts,
            runner,
            |runner| {
                // The master's loop, pipe and handlers are not the worker's: the
                // worker starts with default signal actions, as in Swoole.
                drop(event_loop::uninstall());
                signals::unblock();
                if let Some(slot) = pool.slot(id) {
                    slot.pid.store(nix::unistd::getpid().as_raw(), Ordering::Release);
                }
                runner.run_worker(id)
            },
            |runner, code| runner.exit_child(code),
        );
        let pid = match forked {
            Ok(pid) => pid,
            Err(e) => {
                crate::log::warning(&format!("fork() failed: {e}"));
                self.delayed.push((id, Instant::now() + FORK_RETRY));
                return;
            }
        };
        self.workers[id] = pid;
        if let Some(slot) = self.pool.slot(id) {
            slot.pid.store(pid, Ordering::Release);
        }
    }

    /// SIGTERM/SIGINT/`shutdown()`: onShutdown, then SIGTERM to every child;
    /// what is left after `max_wait_time` is killed.
    pub fn shutdown(&mut self, runner: &mut dyn WorkerRunner) {
        if self.stopping() {
            return;
        }
        self.stop_at = Some(Instant::now() + self.max_wait + KILL_GRACE);
        self.reload = None;
        self.delayed.clear();
        runner.on_shutdown();
        for pid in self.live() {
            kill(pid, libc::SIGTERM);
        }
    }

    /// SIGUSR1/SIGUSR2: every worker in turn gets SIGTERM and `max_wait_time`
    /// to exit; the next one is asked once its predecessor's replacement runs.
    pub fn reload(&mut self) {
        if self.stopping() {
            return;
        }
        if self.reload.is_some() {
            crate::log::warning("reload is already in progress");
            return;
        }
        self.reload = Some(Reload { queue: (0..self.workers.len()).collect(), current: None });
        self.reload_step();
    }

    fn reload_step(&mut self) {
        let Some(r) = self.reload.as_mut() else { return };
        while r.current.is_none() {
            let Some(id) = r.queue.pop_front() else {
                self.reload = None;
                return;
            };
            let pid = self.workers[id];
            if pid > 0 {
                kill(pid, libc::SIGTERM);
                r.current = Some(Stopping { id, pid, deadline: Instant::now() + self.max_wait + KILL_GRACE, killed: false });
            }
        }
    }

    /// Reaps, replaces, reloads, and enforces deadlines; called before every
    /// sleep of the loop.
    pub fn tick(&mut self, runner: &mut dyn WorkerRunner) {
        self.take_detached(runner);
        self.reap(runner);
        let now = Instant::now();
        let overdue = self.reload.as_mut().and_then(|r| r.current.as_mut()).filter(|c| now >= c.deadline && !c.killed);
        if let Some(cur) = overdue {
            cur.killed = true;
            crate::log::warning(&format!("force kill worker process(pid={}, id={})", cur.pid, cur.id));
            kill(cur.pid, libc::SIGKILL);
        }
        if self.stop_at.is_some_and(|at| now >= at) && !self.killed {
            self.killed = true;
            for pid in self.live() {
                crate::log::warning(&format!("worker(pid={pid}) exit timeout, forced termination"));
                kill(pid, libc::SIGKILL);
            }
        }
        let due: Vec<usize> = self.delayed.iter().filter(|&&(_, at)| at <= now).map(|&(id, _)| id).collect();
        self.delayed.retain(|&(_, at)| at > now);
        for id in due {
            self.spawn(id, runner);
        }
    }

    /// How long the loop may sleep before [`Master::tick`] has work.
    pub fn next_wake(&self) -> Duration {
        let now = Instant::now();
        let reload = self.reload.as_ref().and_then(|r| r.current).filter(|c| !c.killed).map(|c| c.deadline);
        let stop = self.stop_at.filter(|_| !self.killed);
        let retry = self.delayed.iter().map(|&(_, at)| at).min();
        [reload, stop, retry]
            .into_iter()
            .flatten()
            .map(|at| at.saturating_duration_since(now))
            .min()
            .unwrap_or(IDLE_WAKE)
            .min(IDLE_WAKE)
    }

    /// Workers that called `detach()`: replaced now, kept as plain children.
    fn take_detached(&mut self, runner: &mut dyn WorkerRunner) {
        for id in 0..self.workers.len() {
            let Some(slot) = self.pool.slot(id) else { continue };
            let pid = slot.detached.swap(0, Ordering::AcqRel);
            if pid > 0 && pid == self.workers[id] && !self.stopping() {
                self.detached.push(pid);
                self.workers[id] = 0;
                self.spawn(id, runner);
            }
        }
    }

    /// Collects exited children and replaces workers unless shutting down.
    fn reap(&mut self, runner: &mut dyn WorkerRunner) {
        while let Some(r) = crate::process::wait_any(false) {
            if let Some(pos) = self.detached.iter().position(|&p| p == r.pid) {
                self.detached.swap_remove(pos);
                continue;
            }
            // Not a worker: a child the script forked itself.
            let Some(id) = self.workers.iter().position(|&p| p == r.pid) else { continue };
            self.workers[id] = 0;
            if let Some(slot) = self.pool.slot(id) {
                let _ = slot.pid.compare_exchange(r.pid, 0, Ordering::AcqRel, Ordering::Acquire);
            }
            if self.stopping() {
                continue;
            }
            if r.code != 0 || r.signal != 0 {
                crate::log::warning(&format!(
                    "Worker::report_error(): worker(pid={}, id={id}) abnormal exit, status={}, signal={}",
                    r.pid, r.code, r.signal
                ));
            }
            self.spawn(id, runner);
            let reloaded = self.reload.as_ref().and_then(|r| r.current).is_some_and(|c| c.id == id);
            if reloaded {
                if let Some(r) = self.reload.as_mut() {
                    r.current = None;
                }
                self.reload_step();
            }
        }
    }
}

fn kill(pid: i32, signo: i32) {
    let _ = crate::process::send_signal(pid, signo);
}

/// The master's loop handler: pool signals and supervision, and the
/// script's own timers and events (`user`) in between.
struct MasterLoop<'m, 'a> {
    master: &'m mut Master<'a>,
    runner: &'m mut dyn WorkerRunner,
    user: Option<&'m mut dyn LoopHandler>,
}

impl LoopHandler for MasterLoop<'_, '_> {
    fn on_signal(&mut self, signo: i32) -> Flow {
        match signo {
            libc::SIGTERM | libc::SIGINT => self.master.shutdown(self.runner),
            libc::SIGUSR1 | libc::SIGUSR2 => self.master.reload(),
            libc::SIGCHLD | libc::SIGIO => {} // tick() looks at the children
            _ => return self.user.as_mut().map_or(Flow::Continue, |u| u.on_signal(signo)),
        }
        Flow::Continue
    }
    fn on_user_fd(&mut self, fd: RawFd, readable: bool, writable: bool) -> Flow {
        self.user.as_mut().map_or(Flow::Continue, |u| u.on_user_fd(fd, readable, writable))
    }
    fn on_timer(&mut self, due: Due) -> Flow {
        self.user.as_mut().map_or(Flow::Continue, |u| u.on_timer(due))
    }
    fn on_defer(&mut self) -> Flow {
        match self.user.as_mut() {
            Some(u) => u.on_defer(),
            None => {
                event_loop::set_defer_pending(false);
                Flow::Continue
            }
        }
    }
    fn on_cycle(&mut self) -> Flow {
        self.user.as_mut().map_or(Flow::Continue, |u| u.on_cycle())
    }
    fn plan(&mut self) -> Plan {
        self.master.tick(self.runner);
        Plan { done: self.master.finished(), timeout: Some(self.master.next_wake()), keep_alive: true }
    }
}

/// Runs the pool: forks the workers and supervises them until shutdown
/// completed. A `user` callback that fails (uncaught exception in a master
/// timer) shuts the pool down; the master then runs no more user callbacks.
pub fn supervise(master: &mut Master, runner: &mut dyn WorkerRunner, user: &mut dyn LoopHandler) -> LoopEnd {
    // Pool signals still in the pipe are an earlier pool's (say, a second
    // shutdown() that came as it ended): they must not reach this one.
    let mut stale = crate::pool::Relay { inner: &mut *user, drop_signals: &MASTER_SIGNALS, keep_alive: true };
    event_loop::run_once(&mut stale, Some(Duration::ZERO));
    for signo in MASTER_SIGNALS {
        if let Err(e) = event_loop::watch_signal(signo) {
            crate::log::warning(&format!("cannot watch signal {signo}: {e}"));
        }
    }
    master.spawn_all(runner);
    let mut end = LoopEnd::Stopped;
    while !master.finished() {
        let run = if end == LoopEnd::Aborted {
            event_loop::run(&mut MasterLoop { master, runner, user: None })
        } else {
            let user: &mut dyn LoopHandler = &mut *user;
            event_loop::run(&mut MasterLoop { master, runner, user: Some(user) })
        };
        if run == LoopEnd::Aborted {
            end = LoopEnd::Aborted;
            master.shutdown(runner);
        }
    }
    for signo in MASTER_SIGNALS {
        event_loop::unwatch_signal(signo);
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pool::{IpcType, PoolSettings};
    use crate::pool_worker::{self, MessageHandler};
    use std::io::Read;
    use std::os::fd::{AsFd, AsRawFd, BorrowedFd};

    /// A worker that reports what it sees on a stream socket.
    struct Reporter<'o> {
        out: BorrowedFd<'o>,
        id: usize,
    }

    fn say(fd: BorrowedFd<'_>, line: String) {
        let _ = crate::process::write_all(fd, line.as_bytes());
    }

    impl LoopHandler for Reporter<'_> {
        fn on_signal(&mut self, signo: i32) -> Flow {
            if signo == libc::SIGTERM {
                pool_worker::request_stop();
            }
            Flow::Continue
        }
        /// The timer armed before `pool_worker::run`: it fires inside that
        /// loop, so the worker watches SIGTERM now (before, it would die of
        /// it) and the script may signal it.
        fn on_timer(&mut self, _due: Due) -> Flow {
            say(self.out, format!("ready {}\n", self.id));
            Flow::Continue
        }
    }

    impl MessageHandler for Reporter<'_> {
        fn on_message(&mut self, data: &[u8]) -> Flow {
            let text = String::from_utf8_lossy(data).into_owned();
            say(self.out, format!("msg {} {text}\n", self.id));
            match text.as_str() {
                "fail" => Flow::Abort,
                "stop" => {
                    pool_worker::request_stop();
                    Flow::Continue
                }
                "answer" => {
                    pool_worker::reply_append(b"re:");
                    pool_worker::reply_append(data);
                    Flow::Continue
                }
                _ => Flow::Continue,
            }
        }
    }

    struct Runner<'p> {
        pool: &'p Pool,
        out: BorrowedFd<'p>,
    }

    impl WorkerRunner for Runner<'_> {
        fn before_fork(&mut self) {}
        fn run_worker(&mut self, id: usize) -> i32 {
            say(self.out, format!("start {id} {}\n", nix::unistd::getpid()));
            event_loop::timer_add(1, false).unwrap();
            let mut h = Reporter { out: self.out, id };
            match pool_worker::run(self.pool, id, PoolSettings::default(), true, &mut h) {
                LoopEnd::Aborted => 3,
                LoopEnd::Stopped => {
                    say(self.out, format!("stop {id}\n"));
                    0
                }
            }
        }
        fn exit_child(&mut self, code: i32) -> ! {
            fork::exit_now(code)
        }
        fn on_shutdown(&mut self) {
            say(self.out, "shutdown\n".into());
        }
    }

    /// What a step waits for in the workers' report so far.
    type Until = Box<dyn Fn(&str) -> bool>;
    /// What a step does then, in the master.
    type Action<'p> = Box<dyn FnMut(&Pool) + 'p>;
    /// One step of a test script: once `until` holds, the action runs.
    type Step<'p> = (Until, Action<'p>);

    /// A step's wait: `n` lines (at least) start with `prefix`.
    fn count(prefix: &'static str, n: usize) -> Until {
        Box::new(move |out| lines(out, prefix).len() >= n)
    }

    /// A step's wait: this line was reported.
    fn seen(line: &'static str) -> Until {
        Box::new(move |out| out.lines().any(|l| l == line))
    }

    /// Longest a step waits for its event before the script gives up (and
    /// the test fails, saying where).
    const STEP_WAIT: Duration = Duration::from_secs(30);

    /// The master's test script, driven by what the workers report on
    /// `reader` (watched by the master's loop): each step runs once the
    /// report shows what it waits for; after the last, the master gets
    /// SIGTERM. A step still waiting after [`STEP_WAIT`] ends the script.
    struct Script<'p> {
        pool: &'p Pool,
        reader: std::fs::File,
        /// The report so far.
        out: String,
        steps: VecDeque<Step<'p>>,
        /// Steps done: the one waiting, or the one that timed out.
        done: usize,
        /// Whether the master was told to shut down.
        told: bool,
        /// Set when a step waited longer than [`STEP_WAIT`].
        timed_out: bool,
    }

    impl Script<'_> {
        /// Reads what the workers wrote (the reader is non-blocking) and
        /// runs every step whose event has come.
        fn advance(&mut self) {
            let mut buf = [0u8; 4096];
            while let Ok(n @ 1..) = self.reader.read(&mut buf) {
                self.out.push_str(&String::from_utf8_lossy(&buf[..n]));
            }
            while self.steps.front().is_some_and(|(until, _)| until(&self.out)) {
                let (_, mut action) = self.steps.pop_front().expect("checked");
                action(self.pool);
                self.done += 1;
                crate::event_loop::timer_clear_all();
                event_loop::timer_add(STEP_WAIT.as_millis() as u64, false).unwrap();
            }
            if self.steps.is_empty() {
                self.shut_down();
            }
        }

        fn shut_down(&mut self) {
            if !self.told {
                self.told = true;
                crate::event_loop::timer_clear_all();
                // The master's own pid; SIGTERM is routed into its pipe.
                kill(nix::unistd::getpid().as_raw(), libc::SIGTERM);
            }
        }
    }

    impl LoopHandler for Script<'_> {
        fn on_user_fd(&mut self, _fd: RawFd, _readable: bool, _writable: bool) -> Flow {
            self.advance();
            Flow::Continue
        }
        fn on_timer(&mut self, _due: Due) -> Flow {
            self.timed_out = true;
            self.shut_down();
            Flow::Continue
        }
    }

    /// Runs a pool through `steps`, then shuts it down; returns what the
    /// workers reported.
    fn run_pool<'p>(pool: &'p Pool, steps: Vec<Step<'p>>) -> String {
        let (a, writer) = crate::process::socket_pair(crate::process::PipeType::Stream).unwrap();
        crate::process::set_blocking(&a, false).unwrap();
        let reader = std::fs::File::from(a);
        let mut master = Master::new(pool, Duration::from_secs(2));
        let mut runner = Runner { pool, out: writer.as_fd() };
        let watched = reader.as_raw_fd();
        event_loop::user_add(watched, event_loop::Interest2 { read: true, write: false }).unwrap();
        event_loop::timer_add(STEP_WAIT.as_millis() as u64, false).unwrap();
        let steps = steps.into();
        let mut script = Script { pool, reader, out: String::new(), steps, done: 0, told: false, timed_out: false };
        assert_eq!(supervise(&mut master, &mut runner, &mut script), LoopEnd::Stopped);
        event_loop::user_del(watched);
        drop(event_loop::uninstall());
        drop(writer);
        crate::process::set_blocking(&script.reader, true).unwrap();
        let mut out = std::mem::take(&mut script.out);
        script.reader.read_to_string(&mut out).unwrap();
        assert!(!script.timed_out, "step {} waited over {STEP_WAIT:?} for its event:\n{out}", script.done);
        out
    }

    fn lines<'o>(out: &'o str, prefix: &str) -> Vec<&'o str> {
        out.lines().filter(|l| l.starts_with(prefix)).collect()
    }

    #[test]
    fn unixsock_workers_are_replaced_reloaded_and_stopped() {
        let _no_other_fork = crate::FORK_LOCK.lock();
        let _one_signal_pipe = crate::signals::TEST_LOCK.lock();
        let pool = Pool::new(2, IpcType::UnixSock, 0).unwrap();
        let killed = std::cell::Cell::new(0);
        // Each step waits for the workers' report to show that the one
        // before took effect ("ready" lines count workers in their loops).
        let steps: Vec<Step> = vec![
            (
                count("ready ", 2),
                Box::new(|p| {
                    p.send_message(0, b"a").unwrap();
                    p.send_message(1, b"b").unwrap();
                    p.send_message(1, b"fail").unwrap();
                }),
            ),
            // Worker 0 read "a"; worker 1's replacement runs.
            (
                Box::new(|out| out.lines().any(|l| l == "msg 0 a") && lines(out, "ready ").len() >= 3),
                Box::new(|p| {
                    killed.set(p.worker_pid(0));
                    kill(p.worker_pid(0), libc::SIGKILL);
                }),
            ),
            (count("ready ", 4), Box::new(|p| p.send_message(0, b"after-kill").unwrap())),
            (seen("msg 0 after-kill"), Box::new(|p| p.send_message(0, b"stop").unwrap())),
            // The replacement of the worker that stopped runs: the reload
            // that follows stops it again (not the one that is exiting).
            (count("ready ", 5), Box::new(|_| kill(nix::unistd::getpid().as_raw(), libc::SIGUSR1))),
            (count("ready ", 7), Box::new(|p| p.send_message(1, b"after-reload").unwrap())),
            (seen("msg 1 after-reload"), Box::new(|_| {})),
        ];
        let out = run_pool(&pool, steps);
        // (each worker's messages in order; the two workers run side by side)
        assert_eq!(lines(&out, "msg 0 "), ["msg 0 a", "msg 0 after-kill", "msg 0 stop"], "{out}");
        assert_eq!(lines(&out, "msg 1 "), ["msg 1 b", "msg 1 fail", "msg 1 after-reload"], "{out}");
        // 2 at first, 1 after "fail", 1 after SIGKILL, 1 after "stop", 2 for the reload
        assert_eq!(lines(&out, "start ").len(), 7, "{out}");
        // "stop", the reload's two SIGTERMs and the shutdown's two
        assert_eq!(lines(&out, "stop ").len(), 5, "{out}");
        assert!(out.contains("shutdown\n"));
        assert!(!out.contains(&format!("start 0 {}\nstart 0 {}", killed.get(), killed.get())));
        assert!(crate::process::wait_any(false).is_none(), "no child left");
    }

    #[test]
    fn a_queue_pool_takes_what_another_process_pushed() {
        let _no_other_fork = crate::FORK_LOCK.lock();
        let _one_signal_pipe = crate::signals::TEST_LOCK.lock();
        let pool = Pool::new(2, IpcType::MsgQueue, 0).unwrap();
        let q = pool.queue().unwrap();
        let steps: Vec<Step> = vec![
            (
                count("ready ", 2),
                Box::new(move |_| {
                    for m in ["q1", "q2", "q3"] {
                        assert!(q.push(7, m.as_bytes()).unwrap());
                    }
                }),
            ),
            // Shutdown once all three were taken.
            (count("msg ", 3), Box::new(|_| {})),
        ];
        let out = run_pool(&pool, steps);
        let mut got: Vec<&str> = lines(&out, "msg ").iter().map(|l| &l[6..]).collect();
        got.sort();
        assert_eq!(got, ["q1", "q2", "q3"], "{out}");
        assert_eq!(lines(&out, "stop ").len(), 2, "both stop on SIGTERM: {out}");
    }

    #[test]
    fn a_socket_pool_answers_one_request_per_connection() {
        let _no_other_fork = crate::FORK_LOCK.lock();
        let _one_signal_pipe = crate::signals::TEST_LOCK.lock();
        let mut pool = Pool::new(1, IpcType::Socket, 0).unwrap();
        pool.listen("127.0.0.1", 0, 16).unwrap();
        let local: nix::sys::socket::SockaddrIn = nix::sys::socket::getsockname(pool.listener_fd().unwrap()).unwrap();
        let port = local.port();
        let answers = std::cell::RefCell::new(Vec::new());
        let steps: Vec<Step> = vec![(count("ready ", 1), Box::new(|_| {
            use std::io::Write;
            for req in [&b"\0\0\0\x06answer"[..], b"\0\0\0\x04none", b"\0\0\0\0"] {
                let mut c = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
                c.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
                c.write_all(req).unwrap();
                // The worker runs while the master waits here.
                let mut got = Vec::new();
                let _ = c.read_to_end(&mut got);
                answers.borrow_mut().push(got);
            }
        }))];
        let out = run_pool(&pool, steps);
        assert_eq!(*answers.borrow(), [b"\0\0\0\x09re:answer".to_vec(), vec![], vec![]], "{out}");
        assert_eq!(lines(&out, "msg "), ["msg 0 answer", "msg 0 none"], "{out}");
    }
}
