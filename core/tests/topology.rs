//! The three shapes `topology::run` runs, with a fake [`Steps`] in place of
//! PHP that logs each step: the single shape's order; the BASE shape (in a
//! forked child, which owns its signals) with one worker that asks the
//! manager to stop and exits at once; and the PROCESS shape for real — the
//! master (its accept loop and two reactor threads), the manager it forks
//! and the worker the manager forks, which echoes what it receives over its
//! ring: a client's bytes come back, SIGTERM to the master stops the server
//! in order, the master exits 0 and no process of the server is left.

mod common;

use common::test_child::TestChild;
use common::{thread_config, wait_message, EVENT_WAIT};
use nix::errno::Errno;
use nix::sys::signal::{kill, Signal as Sig};
use nix::sys::wait::WaitStatus;
use nix::unistd::{getppid, Pid};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::fd::{AsRawFd, BorrowedFd};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;
use swoole_core::dispatch::DispatchMode;
use swoole_core::event_loop::{self, LoopHandler};
use swoole_core::fork::exit_now;
use swoole_core::listener::SockType;
use swoole_core::manager::WorkerFactory;
use swoole_core::master::{MasterConfig, MasterSide, StdListener};
use swoole_core::message::Kind;
use swoole_core::port::PortSpec;
use swoole_core::reactor::{ReactorConfig, ServerShared};
use swoole_core::ring::Reader;
use swoole_core::side_loop::SideLoop;
use swoole_core::signals::{Signal, SignalPipe};
use swoole_core::topology::{self, Seat, Shape, Steps};

/// Reactor threads of the master.
const REACTORS: usize = 2;

/// One forking test at a time (the other tests' threads are not forked).
static ONE_FORK: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// The fake handlers: every step is logged (in the process it runs in).
struct Fake {
    /// The server's shared memory, made before the first fork.
    shared: Arc<ServerShared>,
    /// The PROCESS master's listener, until it takes it (None: the master
    /// cannot start).
    listener: Option<TcpListener>,
    /// What each worker runs (its exit status).
    worker: fn(&ServerShared, usize) -> i32,
    /// The steps called in this process so far.
    log: Vec<&'static str>,
}

impl Fake {
    /// With `workers` workers, `reactors` reactor threads (0: BASE), no
    /// listener yet.
    fn new(workers: usize, reactors: usize, worker: fn(&ServerShared, usize) -> i32) -> Fake {
        Fake { shared: ServerShared::new(workers, 0, 0, 1, reactors).unwrap(), listener: None, worker, log: Vec::new() }
    }
}

/// The manager's PHP side: nothing of its own.
struct NoSide;
impl LoopHandler for NoSide {}

/// The master's PHP side: its process's event loop, where its signals
/// arrive, run without waiting as the real one is.
struct MasterLoop;

impl MasterSide for MasterLoop {
    fn loop_fd(&mut self) -> Option<std::os::fd::RawFd> {
        event_loop::poll_fd()
    }
    fn run_loop(&mut self) -> Vec<Signal> {
        let mut php = NoSide;
        let mut side = SideLoop::new(&mut php, Some(Duration::ZERO));
        if event_loop::run_once(&mut side, Some(Duration::ZERO)).is_some() {
            event_loop::clear_exit();
        }
        side.received
    }
}

/// The worker: echoes each packet until SIGTERM (9 if none comes).
fn echo_worker(shared: &ServerShared, id: usize) -> i32 {
    let pipe = SignalPipe::install().unwrap();
    let mut readers: Vec<Reader> = (0..=id).map(|_| Reader::new(REACTORS)).collect();
    let deadline = std::time::Instant::now() + 3 * EVENT_WAIT;
    while std::time::Instant::now() < deadline {
        // SAFETY: the pipe's read end is open while `pipe` lives.
        let signals = unsafe { BorrowedFd::borrow_raw(pipe.fd()) };
        match wait_message(shared, &mut readers, EVENT_WAIT, Some(signals)) {
            Some((_, m)) if m.kind == Kind::Receive => {
                shared.forward_from(Some(id), Kind::Send, m.session, &m.payload);
            }
            Some((_, m)) if m.kind == Kind::Closed => shared.table.close(m.session),
            Some(_) => {}
            None if pipe.take().contains(&Signal::Terminate) => return 0,
            None => {}
        }
    }
    9
}

impl WorkerFactory for Fake {
    fn before_fork(&mut self) {
        self.log.push("before_fork");
    }
    fn run_worker(&mut self, worker_id: usize) -> i32 {
        (self.worker)(&self.shared, worker_id)
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
        EVENT_WAIT
    }
    fn warn(&mut self, msg: &str) {
        eprintln!("warn: {msg}");
        self.log.push("warn");
    }
    fn run_alone(&mut self) -> bool {
        self.log.push("alone");
        true
    }
    fn know_manager(&mut self, manager_pid: i32, _: Seat) {
        self.shared.stats.counters().manager_pid.store(manager_pid, Ordering::SeqCst);
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
        let listener = self.listener.take()?;
        let port = listener.local_addr().ok()?.port();
        let spec = PortSpec { nodelay: true, ..PortSpec::plain(SockType::Tcp, port, listener.as_raw_fd()) };
        let thread = thread_config(ReactorConfig::default(), vec![spec], DispatchMode::FdMod, 1);
        Some((vec![(0, StdListener::Tcp(listener))], MasterConfig { reactor_num: REACTORS, max_connection: 100, thread }))
    }
    fn master_side(&mut self) -> Box<dyn MasterSide + '_> {
        Box::new(MasterLoop)
    }
}

/// Writes `msg` and reads as many bytes back.
fn echo(client: &mut TcpStream, msg: &[u8]) -> Vec<u8> {
    client.write_all(msg).unwrap();
    let mut got = vec![0u8; msg.len()];
    client.read_exact(&mut got).unwrap();
    got
}

/// Whether process `pid` is gone (reaped, not even a zombie).
fn gone(pid: i32) -> bool {
    pid > 0 && kill(Pid::from_raw(pid), None) == Err(Errno::ESRCH)
}

/// A worker that stops its manager, then exits at once.
fn stop_manager(_: &ServerShared, _: usize) -> i32 {
    let _ = kill(getppid(), Sig::SIGTERM);
    0
}

/// The log a forked shape left, or its exit status 1 when it differs.
fn exit_with_log(ok: bool, fake: &Fake, expected: &[&str]) -> i32 {
    if ok && fake.log == expected {
        0
    } else {
        eprintln!("ok={ok} log: {:?}", fake.log);
        1
    }
}

#[test]
fn single_runs_worker_then_shutdown() {
    let mut fake = Fake::new(1, 0, stop_manager);
    assert!(topology::run(&mut fake, Shape::Single));
    assert_eq!(fake.log, ["alone", "shutdown"]);
}

#[test]
fn process_stops_before_forking_without_a_plan() {
    let mut fake = Fake::new(1, REACTORS, echo_worker);
    assert!(!topology::run(&mut fake, Shape::Process));
    assert_eq!(fake.log, ["master_plan"]);
}

#[test]
fn base_forks_one_worker_and_shuts_down() {
    let _one_fork = ONE_FORK.lock().unwrap_or_else(|e| e.into_inner());
    // The manager owns its signals: run it in a child of its own.
    let manager = TestChild::fork(|| {
        let mut fake = Fake::new(1, 0, stop_manager);
        let ok = topology::run(&mut fake, Shape::Base);
        // The worker exits after its SIGTERM reached the manager: it is
        // not forked again (see core/src/manager_tests.rs), then the stop
        // in order.
        exit_with_log(ok, &fake, &["manager_start", "before_fork", "end_loop", "manager_stop", "shutdown"])
    });
    let pid = manager.pid();
    assert_eq!(manager.wait(), WaitStatus::Exited(pid, 0));
}

#[test]
fn the_process_shape_echoes_and_stops_on_sigterm_leaving_no_process() {
    let _one_fork = ONE_FORK.lock().unwrap_or_else(|e| e.into_inner());
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let mut fake = Fake::new(1, REACTORS, echo_worker);
    fake.listener = Some(listener);
    let shared = fake.shared.clone();
    let master = TestChild::fork(|| {
        let ok = topology::run(&mut fake, Shape::Process);
        exit_with_log(ok, &fake, &["master_plan", "before_fork", "know_manager", "start", "end_loop", "shutdown"])
    });
    // The child has the listener now.
    drop(fake);
    // Two connections (the listener queues them until the master accepts):
    // each reactor thread may hold one.
    let mut clients: Vec<TcpStream> = (0..2).map(|_| TcpStream::connect(addr).unwrap()).collect();
    for (i, client) in clients.iter_mut().enumerate() {
        client.set_read_timeout(Some(EVENT_WAIT)).unwrap();
        let msg = format!("hello {i}");
        assert_eq!(echo(client, msg.as_bytes()), msg.as_bytes());
    }
    let manager = shared.stats.counters().manager_pid.load(Ordering::SeqCst);
    let worker = shared.stats.worker(0).unwrap().pid.load(Ordering::SeqCst);
    assert!(manager > 0 && worker > 0 && manager != worker);

    kill(master.pid(), Sig::SIGTERM).unwrap();
    let pid = master.pid();
    assert_eq!(master.wait(), WaitStatus::Exited(pid, 0));
    assert!(gone(manager), "the manager was reaped");
    assert!(gone(worker), "the worker was reaped");
    for client in &mut clients {
        let mut rest = Vec::new();
        assert_eq!(client.read_to_end(&mut rest).map(|_| rest.len()).unwrap_or(0), 0, "closed with the server");
    }
}
