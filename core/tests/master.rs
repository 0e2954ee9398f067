//! The PROCESS-mode master's main thread (`master::run`) on a real listener:
//! it accepts and hands each connection to reactor thread `fd %
//! reactor_num`, whose packets reach fake workers (the test, reading the
//! rings); replies and closes come back over the rings. Its signals arrive
//! as messages on a fake event loop (`MasterSide`), and the manager is a
//! child standing in for one that reports, one line each, the signals the
//! master passes on.

mod common;

use common::test_child::TestChild;
use common::{next_message, thread_config, EVENT_WAIT};
use nix::unistd::{pipe, write};
use std::fs::File;
use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use swoole_core::dispatch::DispatchMode;
use swoole_core::client::Length;
use swoole_core::framing::Framing;
use swoole_core::listener::{BoundListener, SockType};
use swoole_core::master::{self, MasterConfig, MasterEnd, MasterSide, StdListener};
use swoole_core::message::{Kind, Message};
use swoole_core::port::PortSpec;
use swoole_core::reactor::{ReactorConfig, ServerShared};
use swoole_core::ring::Reader;
use swoole_core::signals::{Signal, SignalPipe};
use swoole_core::SessionId;

/// One master at a time: each forks its manager, which must not happen
/// while another test's reactor threads run.
static ONE_MASTER: Mutex<()> = Mutex::new(());

/// The signals the fake manager reports, with their names.
const REPORTED: [(i32, &str); 4] =
    [(libc::SIGTERM, "TERM"), (libc::SIGUSR1, "USR1"), (libc::SIGUSR2, "USR2"), (libc::SIGWINCH, "WINCH")];

/// The manager stand-in: writes a line per signal it gets to `report`, and
/// exits 0 on SIGTERM (9 if none comes).
fn fake_manager(report: &OwnedFd) -> i32 {
    let pipe = SignalPipe::install_for(&REPORTED.map(|(signo, _)| signo)).unwrap();
    let deadline = std::time::Instant::now() + 3 * EVENT_WAIT;
    while std::time::Instant::now() < deadline {
        pipe.wait(Some(EVENT_WAIT));
        for signo in pipe.take_raw() {
            let name = REPORTED.iter().find(|(s, _)| *s == signo).map_or("?", |(_, n)| n);
            let _ = write(report, format!("{name}\n").as_bytes());
            if signo == libc::SIGTERM {
                return 0;
            }
        }
    }
    9
}

/// A pidfd of `pid`: readable once that process has exited.
fn pidfd(pid: i32) -> OwnedFd {
    // SAFETY: pidfd_open(2) on our own child; nix has no wrapper.
    let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, 0) };
    assert!(fd >= 0, "pidfd_open: {}", std::io::Error::last_os_error());
    // SAFETY: a new fd that nothing else owns.
    unsafe { OwnedFd::from_raw_fd(fd as RawFd) }
}

/// What the master's event loop stands in for: the signals the test writes
/// (one byte each) come out of `run_loop`; the loop's fd also wakes the
/// master when the manager exits (as SIGCHLD does).
struct Side {
    /// The loop the master polls: the test's socket and the manager's pidfd.
    poll: mio::Poll,
    /// The test writes signal numbers here.
    signals: UnixStream,
    /// Keeps the manager's pidfd open while it is registered.
    _manager: OwnedFd,
    /// Whether shutdown may go on to stop the manager.
    ready: Arc<AtomicBool>,
    /// Tells the test each time onBeforeShutdown would run.
    before_shutdown: Sender<()>,
}

impl MasterSide for Side {
    fn loop_fd(&mut self) -> Option<RawFd> {
        Some(self.poll.as_raw_fd())
    }
    fn run_loop(&mut self) -> Vec<Signal> {
        let mut events = mio::Events::with_capacity(4);
        let _ = self.poll.poll(&mut events, Some(std::time::Duration::ZERO));
        let mut bytes = [0u8; 16];
        let mut got = Vec::new();
        while let Ok(n @ 1..) = self.signals.read(&mut bytes) {
            got.extend(bytes[..n].iter().filter_map(|&b| Signal::from_raw(b as i32)));
        }
        got
    }
    fn before_shutdown(&mut self) {
        let _ = self.before_shutdown.send(());
    }
    fn shutdown_ready(&mut self) -> bool {
        self.ready.load(Ordering::SeqCst)
    }
    /// `package_length_func`: the first byte is the packet's length, 0 is
    /// not valid.
    fn length_func(&mut self, _port: usize, data: &[u8]) -> Length {
        match data.first() {
            None => Length::NeedMore,
            Some(0) => Length::Invalid,
            Some(&n) => Length::Packet(n as usize),
        }
    }
}

/// A running master with its fake manager and fake workers.
struct Server {
    /// The server's shared memory: the rings, the session table, the counters.
    shared: Arc<ServerShared>,
    /// The listener's address.
    addr: std::net::SocketAddr,
    /// Worker `w`'s reader of its rings.
    readers: Vec<Reader>,
    /// Writes signals to the master's fake loop.
    signals: UnixStream,
    /// What [`Side::shutdown_ready`] answers.
    ready: Arc<AtomicBool>,
    /// One message per onBeforeShutdown.
    before_shutdown: Receiver<()>,
    /// The fake manager's lines.
    reports: BufReader<File>,
    /// The fake manager (killed with its group on drop).
    manager: Option<TestChild>,
    /// The master's main thread.
    master: Option<JoinHandle<std::io::Result<MasterEnd>>>,
    /// Held while this master runs.
    _one: std::sync::MutexGuard<'static, ()>,
}

/// How a test's master is set up.
struct Opts {
    /// Reactor threads.
    reactor_num: usize,
    /// Event workers (the test reads their rings).
    workers: usize,
    /// `max_connection`.
    max_connection: usize,
    /// Signals on the loop before the master runs (onStart's `shutdown()`):
    /// its first pass takes them.
    early: Vec<i32>,
    /// The listener is in an SO_REUSEPORT group (`enable_reuse_port`).
    reuse_port: bool,
    /// The port's framing.
    framing: Framing,
}

impl Default for Opts {
    fn default() -> Self {
        Opts { reactor_num: 1, workers: 1, max_connection: 100, early: Vec::new(), reuse_port: false, framing: Framing::Raw }
    }
}

/// A listener on a free port of 127.0.0.1, in an SO_REUSEPORT group or not.
fn listener(reuse_port: bool) -> TcpListener {
    let any = "127.0.0.1:0".parse().unwrap();
    let bound = if reuse_port { BoundListener::bind_shared(any, SockType::Tcp) } else { BoundListener::bind("127.0.0.1", 0, SockType::Tcp) };
    let bound = bound.unwrap();
    bound.listen(64).unwrap();
    TcpListener::from(bound.try_clone_fd().unwrap())
}

impl Server {
    fn start(opts: Opts) -> Server {
        let one = ONE_MASTER.lock().unwrap_or_else(|e| e.into_inner());
        let Opts { reactor_num, workers, max_connection, early, reuse_port, framing } = opts;
        let listener = listener(reuse_port);
        let addr = listener.local_addr().unwrap();
        let shared = ServerShared::new(workers, 0, 0, 1, reactor_num).unwrap();
        let (report_read, report_write) = pipe().unwrap();
        let manager = TestChild::fork(|| fake_manager(&report_write));
        drop(report_write);
        let (mut signals, theirs) = UnixStream::pair().unwrap();
        signals.write_all(&early.iter().map(|&signo| signo as u8).collect::<Vec<_>>()).unwrap();
        theirs.set_nonblocking(true).unwrap();
        let poll = mio::Poll::new().unwrap();
        let manager_fd = pidfd(manager.pid().as_raw());
        for (fd, token) in [(theirs.as_raw_fd(), 0), (manager_fd.as_raw_fd(), 1)] {
            poll.registry().register(&mut mio::unix::SourceFd(&fd), mio::Token(token), mio::Interest::READABLE).unwrap();
        }
        let ready = Arc::new(AtomicBool::new(true));
        let (told, before_shutdown) = channel();
        let mut side = Side { poll, signals: theirs, _manager: manager_fd, ready: ready.clone(), before_shutdown: told };
        let spec = PortSpec { framing, ..PortSpec::plain(SockType::Tcp, addr.port(), listener.as_raw_fd()) };
        // A handover waits for the connections up to max_wait_time.
        let reactor = ReactorConfig { max_wait: 3 * EVENT_WAIT, ..ReactorConfig::default() };
        let thread = thread_config(reactor, vec![spec], DispatchMode::FdMod, workers);
        let cfg = MasterConfig { reactor_num, max_connection, thread };
        let (pid, run_shared) = (manager.pid().as_raw(), shared.clone());
        let listeners = vec![(0, StdListener::Tcp(listener))];
        let master = std::thread::spawn(move || master::run(listeners, run_shared, cfg, pid, &mut side));
        Server {
            shared,
            addr,
            readers: (0..workers).map(|_| Reader::new(reactor_num)).collect(),
            signals,
            ready,
            before_shutdown,
            reports: BufReader::new(File::from(report_read)),
            manager: Some(manager),
            master: Some(master),
            _one: one,
        }
    }

    /// The next message to any worker: (worker, message).
    fn next(&mut self) -> (usize, Message) {
        next_message(&self.shared, &mut self.readers, EVENT_WAIT).expect("a message for a worker")
    }

    /// A client whose connection reached a worker: (client, session, worker).
    fn connect(&mut self) -> (TcpStream, SessionId, usize) {
        let client = TcpStream::connect(self.addr).unwrap();
        client.set_read_timeout(Some(EVENT_WAIT)).unwrap();
        let (w, m) = self.next();
        assert_eq!(m.kind, Kind::Connect);
        assert_eq!(self.shared.table.facts(m.session).unwrap().remote, client.local_addr().unwrap());
        (client, m.session, w)
    }

    /// The master gets `sig` on its loop.
    fn signal(&mut self, signo: i32) {
        self.signals.write_all(&[signo as u8]).unwrap();
    }

    /// The fake manager's next line.
    fn report(&mut self) -> String {
        let mut line = String::new();
        self.reports.read_line(&mut line).unwrap();
        line.trim_end().to_string()
    }

    /// Waits for the master's end.
    fn end(&mut self) -> MasterEnd {
        let end = self.master.take().unwrap().join().unwrap().unwrap();
        // The master reaped the manager.
        if let Some(manager) = self.manager.take() {
            manager.reaped_elsewhere();
        }
        end
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // The manager goes first (with its group): the master sees it gone,
        // stops its reactor threads and returns.
        drop(self.manager.take());
        if let Some(master) = self.master.take() {
            let _ = master.join();
        }
    }
}

/// Reads until the peer closes; what came before.
fn until_closed(client: &mut TcpStream) -> Vec<u8> {
    let mut rest = Vec::new();
    match client.read_to_end(&mut rest) {
        Ok(_) => rest,
        Err(e) if e.kind() == ErrorKind::ConnectionReset => rest,
        Err(e) => panic!("no close: {e}"),
    }
}

#[test]
fn connections_go_to_the_thread_and_worker_their_fd_names_and_replies_come_back() {
    let mut server = Server::start(Opts { reactor_num: 2, workers: 2, ..Opts::default() });
    let mut clients = Vec::new();
    for i in 0..6 {
        let (mut client, session, w) = server.connect();
        let facts = server.shared.table.facts(session).unwrap();
        let fd = facts.socket_fd as usize;
        assert_eq!(server.shared.table.owner(session), Some(fd % 2), "reactor thread fd % reactor_num");
        assert_eq!(w, fd % 2, "worker fd % worker_num");
        client.write_all(format!("ping {i}").as_bytes()).unwrap();
        let (to, data) = server.next();
        assert_eq!((to, data.kind, data.session, data.payload), (w, Kind::Receive, session, format!("ping {i}").into_bytes()));
        assert!(server.shared.forward_from(Some(w), Kind::Send, session, format!("pong {i}").as_bytes()));
        let mut got = [0u8; 6];
        client.read_exact(&mut got).unwrap();
        assert_eq!(got, format!("pong {i}").as_bytes());
        clients.push(client);
    }
    let counters = server.shared.stats.counters();
    assert_eq!((counters.accept_count.load(Ordering::Relaxed), counters.connection_num.load(Ordering::Relaxed)), (6, 6));
    server.signal(libc::SIGTERM);
    assert_eq!(server.report(), "TERM");
    assert_eq!(server.end(), MasterEnd::Shutdown);
    // The reactor threads stopped with the master: they closed what they held.
    for mut client in clients {
        assert!(until_closed(&mut client).is_empty());
    }
}

#[test]
fn a_close_by_the_client_or_by_the_worker_reaches_the_other_side() {
    let mut server = Server::start(Opts::default());
    let (client, session, _) = server.connect();
    drop(client);
    let (_, closed) = server.next();
    assert_eq!((closed.kind, closed.session), (Kind::Closed, session));
    assert!(server.shared.table.facts(session).unwrap().closing, "kept for onClose");
    server.shared.table.close(session);

    let (mut client, session, _) = server.connect();
    assert!(server.shared.forward_from(Some(0), Kind::Close, session, &[]));
    assert!(until_closed(&mut client).is_empty(), "the worker's close reaches the client");
    let (_, closed) = server.next();
    assert_eq!((closed.kind, closed.session), (Kind::Closed, session), "onClose for a close by the server too");
    server.shared.table.close(session);
    assert!(!server.shared.forward_from(Some(0), Kind::Send, session, b"late"), "a closed session takes nothing");
    let counters = server.shared.stats.counters();
    assert_eq!((counters.close_count.load(Ordering::Relaxed), counters.connection_num.load(Ordering::Relaxed)), (2, 0));
    server.signal(libc::SIGTERM);
    assert_eq!(server.report(), "TERM");
    assert_eq!(server.end(), MasterEnd::Shutdown);
}

#[test]
fn past_max_connection_a_connection_is_closed_at_once_and_counted() {
    let mut server = Server::start(Opts { max_connection: 1, ..Opts::default() });
    let (mut first, session, _) = server.connect();
    let mut second = TcpStream::connect(server.addr).unwrap();
    second.set_read_timeout(Some(EVENT_WAIT)).unwrap();
    assert!(until_closed(&mut second).is_empty(), "refused");
    let counters = server.shared.stats.counters();
    assert_eq!((counters.abort_count.load(Ordering::Relaxed), counters.accept_count.load(Ordering::Relaxed)), (1, 1));
    // The first one is served still.
    first.write_all(b"still").unwrap();
    let (_, data) = server.next();
    assert_eq!((data.kind, data.session, data.payload.as_slice()), (Kind::Receive, session, &b"still"[..]));
}

#[test]
fn shutdown_runs_before_shutdown_then_stops_the_manager_once_ready_and_reloads_pass_on() {
    let mut server = Server::start(Opts::default());
    // One at a time: the kernel delivers pending signals in its own order.
    for (signo, name) in [(libc::SIGUSR1, "USR1"), (libc::SIGUSR2, "USR2"), (libc::SIGWINCH, "WINCH")] {
        server.signal(signo);
        assert_eq!(server.report(), name);
    }
    // onBeforeShutdown's timers are not done: the manager is not told yet.
    server.ready.store(false, Ordering::SeqCst);
    server.signal(libc::SIGTERM);
    server.before_shutdown.recv_timeout(EVENT_WAIT).expect("onBeforeShutdown");
    // A second SIGTERM starts nothing again; a reload still passes on, and
    // reaches the manager before any SIGTERM does.
    server.signal(libc::SIGTERM);
    server.signal(libc::SIGUSR1);
    assert_eq!(server.report(), "USR1");
    server.ready.store(true, Ordering::SeqCst);
    // Anything on the loop (a signal the master ignores) lets it look again.
    server.signal(libc::SIGCHLD);
    assert_eq!(server.report(), "TERM");
    assert_eq!(server.end(), MasterEnd::Shutdown);
    assert!(server.before_shutdown.try_recv().is_err(), "onBeforeShutdown ran once");
}

#[test]
fn a_manager_that_dies_ends_the_master_and_its_connections() {
    let mut server = Server::start(Opts { reactor_num: 2, ..Opts::default() });
    let (mut client, _, _) = server.connect();
    let manager = server.manager.as_ref().unwrap().pid();
    nix::sys::signal::kill(manager, nix::sys::signal::Signal::SIGKILL).unwrap();
    assert_eq!(server.end(), MasterEnd::ManagerLost);
    assert!(until_closed(&mut client).is_empty());
}

#[test]
fn a_shutdown_from_on_start_is_served_at_once() {
    let started = std::time::Instant::now();
    let mut server = Server::start(Opts { early: vec![libc::SIGTERM], ..Opts::default() });
    server.before_shutdown.recv_timeout(EVENT_WAIT).expect("onBeforeShutdown");
    assert_eq!(server.report(), "TERM");
    assert_eq!(server.end(), MasterEnd::Shutdown);
    // Not after a sleep of the main thread's: it had a signal to serve.
    assert!(started.elapsed() < master::TICK, "served in {:?}", started.elapsed());
}

#[test]
fn packets_a_length_function_cuts_are_asked_of_the_main_thread() {
    let mut server = Server::start(Opts { framing: Framing::Func { port: 0, max: 1024 }, ..Opts::default() });
    let (mut client, session, _) = server.connect();
    // Two packets in one write, the second in two pieces.
    client.write_all(&[3, b'a', b'b', 5, b'c']).unwrap();
    client.write_all(b"def").unwrap();
    for want in [&[3, b'a', b'b'][..], &[5, b'c', b'd', b'e', b'f'][..]] {
        let (_, m) = server.next();
        assert_eq!((m.kind, m.session, m.payload.as_slice()), (Kind::Receive, session, want));
    }
    // What the function refuses closes the connection.
    client.write_all(&[0, 1]).unwrap();
    assert!(until_closed(&mut client).is_empty());
    let (_, closed) = server.next();
    assert_eq!((closed.kind, closed.session), (Kind::Closed, session));
}

#[test]
fn a_port_handed_over_stops_the_manager_only_once_its_connections_are_closed() {
    let mut server = Server::start(Opts { reuse_port: true, ..Opts::default() });
    let (first, first_session, _) = server.connect();
    let (second, second_session, _) = server.connect();
    server.signal(libc::SIGTERM);
    server.before_shutdown.recv_timeout(EVENT_WAIT).expect("onBeforeShutdown");
    // The listeners leave the group right after onBeforeShutdown, in the
    // same pass: a signal sent now is served after that, so once its
    // forward arrives they are out.
    server.signal(libc::SIGUSR1);
    assert_eq!(server.report(), "USR1");
    // Out of the group: the next instance takes the new connections.
    assert!(TcpStream::connect(server.addr).is_err(), "no new connection here");
    for (client, session) in [(first, first_session), (second, second_session)] {
        // The manager is not told while a connection is open: a reload
        // still reaches it first.
        server.signal(libc::SIGUSR1);
        assert_eq!(server.report(), "USR1");
        drop(client);
        let (_, closed) = server.next();
        assert_eq!((closed.kind, closed.session), (Kind::Closed, session));
        server.shared.table.close(session);
    }
    // The master looks again on its next event.
    server.signal(libc::SIGCHLD);
    assert_eq!(server.report(), "TERM");
    assert_eq!(server.end(), MasterEnd::Shutdown);
}
