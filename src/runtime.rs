//! What `start()` runs: the process model of SWOOLE_BASE mode, glued to the
//! PHP callbacks.
//!
//! - One worker, no `max_request`, no task workers: everything runs in this
//!   process (`onStart`, `onWorkerStart`, the loop, `onWorkerStop`, `onShutdown`).
//! - Otherwise this process becomes the manager (`onManagerStart`), forks the
//!   workers through the core's [`Supervisor`] and replaces those that die;
//!   each worker accepts on the shared listening socket.
//!
//! Per-process facts (role, pids, last error) live in a thread-local with no
//! Zvals in it. The Zvals (`$this`, the callbacks) live in [`ProcessHost`], a
//! local of `start()`: nothing PHP outlives the call.

use crate::events::Event;
use crate::props;
use crate::server::Server;
use crate::loop_php;
use crate::zend::{self, warning, CallOutcome, Callback};
use ext_php_rs::boxed::ZBox;
use ext_php_rs::ffi::zend_object;
use ext_php_rs::types::{ZendClassObject, ZendHashTable, ZendObject, ZendStr, Zval};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;
use swoole_core::reactor::{Reactor, ReactorConfig, ServerShared};
use swoole_core::listener::SockType;
use swoole_core::settings::ServerSettings;
use swoole_core::stats::{now_f64, WorkerStatus};
use swoole_core::supervisor::{Supervisor, WorkerFactory};
use swoole_core::worker::{self, EventHandler, Flow, LoopEnd, LoopHandler};
use swoole_core::SessionId;

/// What this process is to the running server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// No server is running here.
    None,
    /// The master of SWOOLE_PROCESS mode (accepts; reactor threads hold the
    /// connections).
    Master,
    /// The supervising process: the master itself in BASE mode with several
    /// workers, a forked process in PROCESS mode.
    Manager,
    /// An event worker with this id.
    Worker(usize),
    /// A task worker with this id (after the event workers).
    Task(usize),
    /// A user process (`addProcess`), by its index among them.
    User(usize),
}

/// Per-process runtime facts (no Zvals: safe to keep in a thread-local).
struct ProcessState {
    role: Role,
    shared: Option<Arc<ServerShared>>,
    last_error: i32,
    master_pid: i32,
    manager_pid: i32,
}

thread_local! {
    static STATE: RefCell<ProcessState> = const {
        RefCell::new(ProcessState { role: Role::None, shared: None, last_error: 0, master_pid: 0, manager_pid: 0 })
    };
}

pub fn set_last_error(code: i32) {
    STATE.with(|s| s.borrow_mut().last_error = code);
}

pub fn last_error() -> i32 {
    STATE.with(|s| s.borrow().last_error)
}

pub fn role() -> Role {
    STATE.with(|s| s.borrow().role)
}

pub fn master_pid() -> i32 {
    STATE.with(|s| s.borrow().master_pid)
}

pub fn manager_pid() -> i32 {
    STATE.with(|s| s.borrow().manager_pid)
}

fn shared() -> Option<Arc<ServerShared>> {
    STATE.with(|s| s.borrow().shared.clone())
}

/// A worker id argument: -1 means the calling worker (none outside workers).
fn resolve_worker_id(id: i64) -> Option<usize> {
    match (id, role()) {
        (-1, Role::Worker(own) | Role::Task(own)) => Some(own),
        (id, _) if id >= 0 => Some(id as usize),
        _ => None,
    }
}

/// In a child forked by `Swoole\Process::start()`: it is no part of the
/// server its parent may run.
pub fn forget_server_after_fork() {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.role = Role::None;
        s.shared = None;
    });
    drop(worker::uninstall());
    worker::leave_server();
}

/// Whether this process may run its own event loop (`Event::wait()`): not
/// inside an event worker, whose loop is already running.
pub fn may_run_own_loop() -> bool {
    !matches!(role(), Role::Worker(_) | Role::Task(_) | Role::Manager | Role::Master)
}

/// `Process::signal($signo, $cb)` for a signal this server process keeps for
/// itself: warns as Swoole does and says so (the caller returns false).
pub fn refuse_signal(signo: i32) -> bool {
    use swoole_core::signals::refused;
    let single = matches!(role(), Role::Worker(_)) && manager_pid() == 0 && shared().is_some();
    let kept: &[i32] = match role() {
        Role::Manager => &refused::MANAGER,
        Role::Master => &refused::MASTER,
        _ if single => &refused::SINGLE,
        _ => &[],
    };
    if !kept.contains(&signo) {
        return false;
    }
    warning(&format!("signal [{signo}] processor has been registered by the system"));
    true
}

/// `getWorkerPid($id)`: -1 is the calling worker.
pub fn worker_pid(id: i64) -> Option<i32> {
    let id = resolve_worker_id(id)?;
    let pid = shared()?.stats.worker(id)?.pid.load(Ordering::Relaxed);
    (pid > 0).then_some(pid)
}

/// `getWorkerStatus($id)`: -1 is the calling worker.
pub fn worker_status(id: i64) -> Option<WorkerStatus> {
    let id = resolve_worker_id(id)?;
    let raw = shared()?.stats.worker(id)?.status.load(Ordering::Relaxed);
    Some(match raw {
        1 => WorkerStatus::Busy,
        2 => WorkerStatus::Idle,
        3 => WorkerStatus::Exit,
        _ => WorkerStatus::None,
    })
}

/// `shutdown()`: SIGTERM to the master stops every process. A worker, task
/// worker or user process asks the manager instead, through its inbox: it
/// may have dropped root (`user`) and then may not signal the master.
pub fn shutdown() -> bool {
    let pid = master_pid();
    let forked = matches!(role(), Role::Worker(_) | Role::Task(_) | Role::User(_)) && manager_pid() > 0;
    if let Some(shared) = shared().filter(|_| forked) {
        if let Err(e) = shared.commands.manager.send(0, swoole_core::inbox::Kind::Shutdown, SessionId(0), &[]) {
            warning(&format!("failed to shutdown: cannot reach the manager: {e}"));
            return false;
        }
        return true;
    }
    // SAFETY: signalling the server's own master process.
    if pid <= 0 || unsafe { libc::kill(pid, libc::SIGTERM) } != 0 {
        warning(&format!("failed to shutdown, kill({pid}, SIGTERM) failed"));
        return false;
    }
    true
}

/// `reload($only_task)`: SIGUSR1 (or SIGUSR2) to the manager, which replaces
/// the workers one after another.
pub fn reload(only_task: bool) -> bool {
    let pid = manager_pid();
    let sig = if only_task { libc::SIGUSR2 } else { libc::SIGUSR1 };
    if pid <= 0 {
        warning("reload() needs a manager process: set worker_num > 1, task workers or max_request, or use SWOOLE_PROCESS");
        return false;
    }
    // SAFETY: signalling the server's own manager.
    if unsafe { libc::kill(pid, sig) } != 0 {
        warning(&format!("failed to reload, kill({pid}, {sig}) failed"));
        return false;
    }
    true
}

/// `stop($id)`: the calling worker drains and exits (and is replaced);
/// another worker is sent SIGTERM.
pub fn stop_worker(id: i64) -> bool {
    match (id, role()) {
        (-1, Role::Worker(_)) => worker::request_stop(false),
        (id, Role::Worker(own)) if id == own as i64 => worker::request_stop(false),
        (id, _) => match worker_pid(id) {
            // SAFETY: signalling one of the server's workers.
            Some(pid) => unsafe { libc::kill(pid, libc::SIGTERM) == 0 },
            None => false,
        },
    }
}

/// First byte of a pipe message: the rest is the string itself, or its
/// `serialize()`d form.
const PIPE_RAW: u8 = 0;
const PIPE_SERIALIZED: u8 = 1;

/// `sendMessage($message, $dst_worker_id)` from this process.
pub fn send_message(message: &Zval, dst: i64) -> bool {
    let Some(shared) = shared() else {
        warning("server is not running");
        return false;
    };
    let worker_num = shared.stats.worker_num();
    let targets = worker_num + shared.stats.task_num();
    // The manager and the PROCESS master send as worker 0, as Swoole's
    // onPipeMessage shows them ($src_worker_id 0).
    let (from, own) = match role() {
        Role::Worker(id) | Role::Task(id) => (id, true),
        Role::User(index) => (shared.stats.user_slot(index), false),
        Role::Manager | Role::Master => (0, false),
        Role::None => {
            warning("sendMessage() can only be used after the server started");
            return false;
        }
    };
    if dst < 0 || dst as usize >= targets {
        warning(&format!("worker_id[{dst}] is invalid"));
        return false;
    }
    if own && dst as usize == from {
        warning("can't send messages to self");
        return false;
    }
    let Some((bytes, serialized)) = zend::value_to_bytes(message) else { return false };
    let mut payload = Vec::with_capacity(1 + bytes.len());
    payload.push(if serialized { PIPE_SERIALIZED } else { PIPE_RAW });
    payload.extend_from_slice(&bytes);
    match worker::pipe_message(from, dst as usize, &payload) {
        Ok(()) => true,
        Err(code) => {
            set_last_error(code.0);
            false
        }
    }
}

/// Turns a received pipe message back into the PHP value that was sent.
fn pipe_message_value(data: &[u8]) -> Zval {
    match data.split_first() {
        Some((&tag, rest)) => zend::bytes_to_value(rest, tag == PIPE_SERIALIZED),
        None => zend::bytes_zval(&[]),
    }
}

/// `stats()`, with Swoole 6's keys in Swoole's order.
pub fn stats_array(settings: &ServerSettings) -> ZBox<ZendHashTable> {
    let mut a = ZendHashTable::new();
    let shared = shared();
    let c = shared.as_ref().map(|s| s.stats.counters());
    let get = |f: fn(&swoole_core::stats::ServerCounters) -> u64| c.map(f).unwrap_or(0) as i64;
    let own = match role() {
        Role::Worker(id) | Role::Task(id) => shared.as_ref().and_then(|s| s.stats.worker(id)),
        _ => None,
    };
    let sessions = worker::sessions();
    let fds: Vec<i64> = sessions.iter().filter_map(|s| worker::info(*s)).map(|i| i.socket_fd as i64).collect();
    let _ = a.insert("start_time", get(|c| c.start_time.load(Ordering::Relaxed)));
    let _ = a.insert("connection_num", c.map(|c| c.connection_num.load(Ordering::Relaxed)).unwrap_or(0));
    let _ = a.insert("abort_count", get(|c| c.abort_count.load(Ordering::Relaxed)));
    let _ = a.insert("accept_count", get(|c| c.accept_count.load(Ordering::Relaxed)));
    let _ = a.insert("close_count", get(|c| c.close_count.load(Ordering::Relaxed)));
    // Ours (no Swoole key): shown where the PROXY protocol is on.
    let proxy_errors = get(|c| c.proxy_protocol_error_count.load(Ordering::Relaxed));
    if settings.open_proxy_protocol.is_some() || proxy_errors > 0 {
        let _ = a.insert("proxy_protocol_error_count", proxy_errors);
    }
    let _ = a.insert("worker_num", settings.worker_num as i64);
    let _ = a.insert("task_worker_num", settings.task_worker_num as i64);
    let _ = a.insert(
        "user_worker_num",
        shared.as_ref().map(|s| s.stats.slots() - s.stats.worker_num() - s.stats.task_num()).unwrap_or(0) as i64,
    );
    let _ = a.insert("idle_worker_num", shared.as_ref().map(|s| s.stats.idle_worker_num()).unwrap_or(0) as i64);
    let _ = a.insert("dispatch_count", 0i64);
    let _ = a.insert("request_count", get(|c| c.request_count.load(Ordering::Relaxed)));
    let _ = a.insert("response_count", get(|c| c.response_count.load(Ordering::Relaxed)));
    let _ = a.insert("total_recv_bytes", get(|c| c.total_recv_bytes.load(Ordering::Relaxed)));
    let _ = a.insert("total_send_bytes", get(|c| c.total_send_bytes.load(Ordering::Relaxed)));
    let _ = a.insert("pipe_packet_msg_id", 0i64);
    let _ = a.insert("concurrency", 0i64);
    let _ = a.insert("session_round", shared.as_ref().map(|s| s.sessions.round()).unwrap_or(0) as i64);
    let _ = a.insert("min_fd", fds.iter().copied().min().unwrap_or(0));
    let _ = a.insert("max_fd", fds.iter().copied().max().unwrap_or(0));
    let _ = a.insert("worker_request_count", own.map(|w| w.request_count.load(Ordering::Relaxed)).unwrap_or(0) as i64);
    let _ = a.insert("worker_response_count", own.map(|w| w.response_count.load(Ordering::Relaxed)).unwrap_or(0) as i64);
    let _ = a.insert("worker_dispatch_count", 0i64);
    let _ = a.insert("worker_concurrency", 0i64);
    let idle_tasks = shared.as_ref().map(|s| s.stats.idle_task_num()).unwrap_or(0);
    let busy_tasks = shared.as_ref().map(|s| s.stats.busy_task_num()).unwrap_or(0);
    let _ = a.insert("task_queue_num", 0i64);
    let _ = a.insert("task_queue_bytes", 0i64);
    let _ = a.insert("task_idle_worker_num", idle_tasks as i64);
    let _ = a.insert("tasking_num", busy_tasks as i64);
    let _ = a.insert("task_count", get(|c| c.task_count.load(Ordering::Relaxed)));
    let _ = a.insert("coroutine_num", 0i64);
    let _ = a.insert("coroutine_peek_num", 0i64);
    // Ours (PROCESS mode, max_queued_bytes): bytes read from clients that no
    // worker has taken yet, and connections not read until workers catch up.
    let _ = a.insert("recv_queued_bytes", get(|c| c.recv_queued_bytes.load(Ordering::Relaxed).max(0) as u64));
    let _ = a.insert("recv_waiting_num", get(|c| c.recv_waiting_num.load(Ordering::Relaxed).max(0) as u64));
    a
}

/// The `pid_file`: written when the server starts, removed when start()
/// returns (only if it still holds our pid).
struct PidFile {
    path: Option<String>,
    pid: i32,
}

impl PidFile {
    fn write(path: Option<&str>) -> std::io::Result<PidFile> {
        // SAFETY: getpid has no preconditions.
        let pid = unsafe { libc::getpid() };
        if let Some(p) = path {
            swoole_core::pid_file::create(p, pid)?;
        }
        Ok(PidFile { path: path.map(str::to_string), pid })
    }
}

impl Drop for PidFile {
    fn drop(&mut self) {
        // SAFETY: getpid has no preconditions.
        if unsafe { libc::getpid() } != self.pid {
            return; // a forked child leaving: the file is the master's
        }
        if let Some(p) = &self.path {
            swoole_core::pid_file::remove(p, self.pid);
        }
    }
}

/// `daemonize`: the calling process exits (the shell gets its prompt back);
/// the server goes on in a new session, its stdin from /dev/null and its
/// stdout/stderr to the log file (or /dev/null), as Swoole does.
fn daemonize() {
    zend::flush_output();
    // SAFETY: forking the single-threaded master; the parent only exits.
    let pid = unsafe { libc::fork() };
    if pid > 0 {
        zend::end_output();
        // SAFETY: the foreground process is done.
        unsafe { libc::_exit(0) };
    }
    // SAFETY: plain descriptor and session calls in the new process.
    unsafe {
        libc::setsid();
        let null = libc::open(c"/dev/null".as_ptr(), libc::O_RDWR);
        libc::dup2(null, 0);
        swoole_core::log::redirect_stdio(null);
        if null > 2 {
            libc::close(null);
        }
    }
}

/// `$this` as a Zval (one more reference to the server object).
fn object_zval(obj: *mut zend_object) -> Zval {
    let mut zv = Zval::new();
    // SAFETY: obj is the live server object; set_object adds a reference.
    zv.set_object(unsafe { &mut *(obj as *mut ZendObject) });
    zv
}

fn long(v: i64) -> Zval {
    let mut z = Zval::new();
    z.set_long(v);
    z
}

/// `start()`. Returns true after the server has shut down.
pub fn start(server: &Server, obj: *mut zend_object) -> bool {
    let settings = server.settings.borrow().clone();
    let callbacks: HashMap<Event, Callback> =
        server.callbacks.borrow().iter().map(|(e, cb)| (*e, cb.clone())).collect();
    // enable_reuse_port: each BASE worker accepts on a socket of its own.
    let reuse_port = settings.enable_reuse_port && server.mode != crate::server::MODE_PROCESS && settings.worker_num > 1;
    // package_length_func callables, kept while the server runs.
    let _length_funcs = crate::length_func::Installed::new();
    let Some(ports) = collect_ports(server, obj, &settings, &callbacks, reuse_port) else { return false };
    let tls_ports = ports.iter().filter_map(|p| p.spec.tls.clone().map(|a| (p.spec.port.to_string(), a))).collect();
    if let Err(e) = swoole_core::tls::registry::install(tls_ports) {
        warning(&format!("failed to create shared memory: {e}"));
        return false;
    }
    let user_processes: Vec<Zval> = server.user_processes.borrow().iter().map(Zval::shallow_clone).collect();
    let commands = server.commands.borrow().clone();
    if settings.task_worker_num > 0 && !callbacks.contains_key(&Event::Task) {
        warning("require onTask callback");
        return false;
    }
    swoole_core::log::set_format(settings.log_format.clone());
    if let Some(on) = settings.display_errors {
        // Swoole's `display_errors` is PHP's, for the server's processes.
        let value = if on { "1" } else { "0" };
        zend::call_function("ini_set", vec![&"display_errors", &value]);
    }
    if let Err(e) = swoole_core::log::configure(settings.log_file.as_deref(), settings.log_level) {
        warning(&format!("log_file [{}] cannot be opened: {e}", settings.log_file.as_deref().unwrap_or("")));
        return false;
    }
    // An unknown user or group, or a switch only root may make, stops the
    // server here (Swoole warns and serves on as root).
    let identity = match swoole_core::privileges::Identity::resolve(settings.user.as_deref(), settings.group.as_deref())
        .and_then(|id| id.preflight(settings.chroot.as_deref()).map(|()| id))
    {
        Ok(id) => id,
        Err(e) => {
            warning(&format!("failed to start the server: {e} (the user/group/chroot settings)"));
            return false;
        }
    };
    if settings.daemonize {
        daemonize();
    }
    let _pid_file = match PidFile::write(settings.pid_file.as_deref()) {
        Ok(p) => p,
        Err(e) => {
            warning(&format!("pid_file [{}] cannot be written: {e}", settings.pid_file.as_deref().unwrap_or("")));
            return false;
        }
    };
    // Datagram ports are served by the workers in both modes (the master's
    // reactor threads hold stream connections only).
    let process_mode = server.mode == crate::server::MODE_PROCESS;
    let mut settings = settings;
    if crate::http::server::any_port() && !swoole_core::dispatch::DispatchMode::from_setting(settings.dispatch_mode).is_hash() {
        // HTTP is parsed in the worker: every byte of a connection must reach one worker.
        settings.dispatch_mode = 2;
    }
    if process_mode {
        // Swoole: never more reactor threads than workers.
        settings.reactor_num = settings.reactor_num.min(settings.worker_num).max(1);
    }
    let shared = match ServerShared::new(
        settings.worker_num,
        settings.task_worker_num,
        user_processes.len(),
        settings.start_session_id,
        if process_mode { settings.reactor_num } else { 0 },
    ) {
        Ok(s) => s,
        Err(e) => {
            warning(&format!("failed to create shared memory: {e}"));
            return false;
        }
    };
    // SAFETY: getpid has no preconditions.
    let pid = unsafe { libc::getpid() };
    let single = !process_mode
        && settings.worker_num == 1
        && settings.max_request == 0
        && settings.task_worker_num == 0
        && user_processes.is_empty();
    let counters = shared.stats.counters();
    counters.start_time.store(now_f64() as u64, Ordering::Relaxed);
    counters.master_pid.store(pid, Ordering::Relaxed);
    counters.manager_pid.store(if single { 0 } else { pid }, Ordering::Relaxed);
    fill_setting_defaults(obj, &settings);
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.shared = Some(shared.clone());
        s.master_pid = pid;
        s.manager_pid = if single { 0 } else { pid };
        s.role = if single { Role::Worker(0) } else { Role::Manager };
    });
    worker::join_server(shared.clone());
    props::set(obj, "master_pid", pid as i64);
    props::set(obj, "manager_pid", if single { 0 } else { pid as i64 });
    server.state.set(crate::server::Lifecycle::Running);

    let mut host =
        ProcessHost { obj, callbacks, settings, shared, ports, single, process_mode, user_processes, commands, identity };
    let ok = if single {
        host.run_single()
    } else if process_mode {
        host.run_process_mode()
    } else {
        host.run_manager()
    };

    server.state.set(crate::server::Lifecycle::Shutdown);
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.role = Role::None;
        s.shared = None;
    });
    worker::leave_server();
    swoole_core::tls::registry::clear();
    swoole_core::log::set_format(Default::default());
    let _ = swoole_core::log::configure(None, swoole_core::log::LOG_INFO);
    ok
}

/// One port of the running server: what the reactors serve, and its callbacks.
struct PortRuntime {
    /// The spec with a dup of the listening socket.
    spec: swoole_core::port::PortSpec,
    /// The port's own callbacks (they win over the server's).
    callbacks: HashMap<Event, Callback>,
    /// `enable_reuse_port`: the address (and backlog) each worker binds a
    /// socket of its own to; the spec's socket is then the master's, which
    /// only holds the address and does not listen.
    reuse_port: Option<(std::net::SocketAddr, i32)>,
}

/// The server's ports at start: each in listen state, with its framing
/// (its own settings, or the server's) and callbacks. Warns and gives None
/// when one cannot serve (not bound, or no onReceive/onPacket for it).
fn collect_ports(
    server: &Server,
    obj: *mut zend_object,
    settings: &ServerSettings,
    callbacks: &HashMap<Event, Callback>,
    reuse_port: bool,
) -> Option<Vec<PortRuntime>> {
    let port_objects = props::array_copy(obj, "ports");
    let mut out = Vec::new();
    let mut http_ports = Vec::new();
    for (i, (_, zv)) in port_objects.iter().enumerate() {
        let port = crate::port::Port::from_zval(zv)?;
        port.started.set(true);
        let slot = if i == 0 { &server.listener } else { &port.listener };
        let shared_port = reuse_port && slot.borrow().as_ref().is_some_and(|b| matches!(b.sock_type, SockType::Tcp | SockType::Tcp6));
        if !crate::reuse_port::may_listen(slot, settings, &server.host) {
            return None;
        }
        if shared_port || crate::reuse_port::needs_rebind(slot, settings) {
            // The workers bind the address too: this socket needs SO_REUSEPORT
            // from its bind on, so it is made again.
            let old = slot.borrow_mut().take()?;
            match old.into_reuse_port() {
                Ok(b) => *slot.borrow_mut() = Some(b),
                Err(e) => {
                    warning(&crate::port::listen_error(&server.host, 0, &e));
                    return None;
                }
            }
        }
        let bound = slot.borrow();
        let Some(bound) = bound.as_ref() else {
            warning("no listening socket");
            return None;
        };
        let s = port.settings.borrow().clone().unwrap_or_else(|| settings.clone());
        if shared_port {
            // Not listening: it only holds the address; connections go to the workers' sockets.
        } else if let Err(e) = bound.listen(s.backlog) {
            warning(&format!("failed to listen server port[{}:{}], Error: {e:?}", server.host, bound.port()));
            return None;
        }
        let socket = match bound.try_clone_fd() {
            Ok(fd) => fd,
            Err(e) => {
                warning(&format!("failed to duplicate the listening socket: {e}"));
                return None;
            }
        };
        let own: HashMap<Event, Callback> = port.callbacks.borrow().iter().map(|(e, cb)| (*e, cb.clone())).collect();
        let datagram = bound.sock_type.is_datagram();
        let port_obj = zv.object().map_or(std::ptr::null_mut(), |o| o as *const _ as *mut zend_object);
        let http = (!datagram).then(|| crate::http::config::of_port(obj, port_obj, i, (s.package_max_length, s.output_buffer_size))).flatten();
        let (needed, why) = match (datagram, http.is_some()) {
            (true, _) => (Event::Packet, "require onPacket callback"),
            (false, true) if http.as_ref().is_some_and(|h| h.websocket.is_some()) => {
                (Event::Message, "require onMessage callback")
            }
            (false, true) => (Event::Request, "require onRequest callback"),
            (false, false) => (Event::Receive, "require onReceive callback"),
        };
        http_ports.push(http);
        if !own.contains_key(&needed) && !callbacks.contains_key(&needed) {
            warning(why);
            return None;
        }
        let raw_fd = std::os::fd::AsRawFd::as_raw_fd(&socket);
        if matches!(bound.sock_type, SockType::Tcp | SockType::Tcp6) {
            s.socket_options.apply_listener(raw_fd);
        }
        let port_obj = zv.object().map_or(std::ptr::null_mut(), |o| o as *const _ as *mut zend_object);
        let framing = crate::length_func::framing_for(i, port_obj, obj, &s).unwrap_or_else(|| s.framing());
        let proxy = (!datagram).then(|| s.proxy_stage()).flatten();
        let tls = if port.ssl.get() {
            match crate::tls_settings::acceptor(&bound.local.to_string(), &s.ssl) {
                Ok(a) => Some(a),
                Err(e) => {
                    warning(&e);
                    return None;
                }
            }
        } else {
            None
        };
        let spec = swoole_core::port::PortSpec {
            tls,
            sock_type: bound.sock_type,
            port: bound.port(),
            framing,
            nodelay: s.open_tcp_nodelay,
            options: s.socket_options.clone(),
            socket: Some(socket),
            raw_fd,
            proxy,
        };
        let reuse_port = shared_port.then_some((bound.local, s.backlog));
        out.push(PortRuntime { spec, callbacks: own, reuse_port });
    }
    crate::http::server::configure(http_ports);
    (!out.is_empty()).then_some(out)
}

/// `enable_reuse_port`: this worker's own listening socket for `spec`'s
/// address (SO_REUSEPORT), in listen state.
fn own_reuse_port_socket(spec: &swoole_core::port::PortSpec, addr: std::net::SocketAddr, backlog: i32)
    -> std::io::Result<swoole_core::port::PortSpec> {
    let to_io = |e: swoole_core::listener::ListenError| std::io::Error::other(format!("{e:?}"));
    let own = swoole_core::listener::BoundListener::bind_shared(addr, spec.sock_type).map_err(to_io)?;
    own.listen(backlog).map_err(to_io)?;
    spec.options.apply_listener(own.raw_fd());
    let socket = own.try_clone_fd()?;
    let mut out = spec.try_clone(false)?;
    out.raw_fd = std::os::fd::AsRawFd::as_raw_fd(&socket);
    out.socket = Some(socket);
    Ok(out)
}

/// Fills the keys Swoole adds to `$server->setting` at start.
fn fill_setting_defaults(obj: *mut zend_object, settings: &ServerSettings) {
    let mut merged = props::array_copy(obj, "setting");
    for (key, value) in [
        ("worker_num", settings.worker_num as i64),
        ("task_worker_num", settings.task_worker_num as i64),
        ("max_connection", settings.max_connection as i64),
    ] {
        if merged.get(key).is_none() {
            let _ = merged.insert(key, value);
        }
    }
    props::set(obj, "setting", merged);
}

/// The PHP side of one running server in this process: `$this`, the
/// callbacks, and what each process needs to build its worker.
struct ProcessHost {
    /// The server object (`$this` of every callback).
    obj: *mut zend_object,
    /// Callbacks by event, copied from the object at start.
    callbacks: HashMap<Event, Callback>,
    /// Settings as of `start()`.
    settings: ServerSettings,
    /// Shared counters, session ids and the worker table.
    shared: Arc<ServerShared>,
    /// The server's ports (each worker builds its poller around dups of
    /// their sockets) and their own callbacks.
    ports: Vec<PortRuntime>,
    /// Single-process mode: failures are left to PHP instead of ending a worker.
    single: bool,
    /// SWOOLE_PROCESS: workers get connection events from the master's
    /// reactor threads instead of serving a socket.
    process_mode: bool,
    /// `addProcess` processes, supervised after the event workers.
    user_processes: Vec<Zval>,
    /// `addCommand()` registrations, run when a `command()` arrives.
    commands: crate::command::Commands,
    /// `user`/`group`, resolved before anything forked.
    identity: swoole_core::privileges::Identity,
}

/// How a process should end after a callback failed.
#[derive(Debug, Clone, Copy)]
enum Failure {
    /// Forked worker: exit with this status.
    Exit(i32),
    /// Single process: the exception/exit is pending, return to PHP.
    Pending,
    /// Single process: a fatal error bailed out; re-raise it after cleanup.
    Bailout,
}

impl ProcessHost {
    /// Calls the callback for `ev` (if any) with `$this` first.
    fn call(&self, ev: Event, rest: Vec<Zval>) -> CallOutcome {
        self.call_returning(ev, rest).0
    }

    /// Like `call`, handing back the callback's return value.
    fn call_returning(&self, ev: Event, rest: Vec<Zval>) -> (CallOutcome, Zval) {
        let Some(cb) = self.callbacks.get(&ev) else { return (CallOutcome::Returned, Zval::null()) };
        let mut args = Vec::with_capacity(rest.len() + 1);
        args.push(object_zval(self.obj));
        args.extend(rest);
        cb.call_returning(&mut args)
    }

    /// The hot-path variant: `args[0]` is filled with `$this` here; no allocation.
    fn call_with(&self, cb: Option<&Callback>, args: &mut [Zval]) -> CallOutcome {
        let Some(cb) = cb else { return CallOutcome::Returned };
        args[0] = object_zval(self.obj);
        cb.call(args)
    }

    /// Turns a callback's outcome into what this process does next.
    fn failure_of(&self, outcome: CallOutcome) -> Option<Failure> {
        match outcome {
            CallOutcome::Returned => None,
            _ if self.single => Some(if outcome == CallOutcome::Bailout { Failure::Bailout } else { Failure::Pending }),
            CallOutcome::Exception => {
                zend::report_pending_exception();
                Some(Failure::Exit(255))
            }
            CallOutcome::Exit(code) => {
                zend::clear_pending_exception();
                Some(Failure::Exit(code))
            }
            CallOutcome::Bailout => Some(Failure::Exit(255)),
        }
    }

    /// `user`/`group`/`chroot` in a worker, task worker or user process
    /// (after binding; in single-process mode after onStart, as Swoole). A
    /// process that cannot switch does not serve as root: a forked one exits
    /// and asks for the server's shutdown (its successors would fail the
    /// same way), the single process returns from start() with a warning.
    fn drop_privileges(&self) -> Result<(), Failure> {
        let s = &self.settings;
        if let Err(e) = self.identity.apply(s.chroot.as_deref()) {
            let msg = format!("failed to switch to user/group/chroot, the server stops: {e}");
            if self.single {
                warning(&msg);
                return Err(Failure::Pending);
            }
            swoole_core::log::error(&msg);
            let _ = self.shared.commands.manager.send(0, swoole_core::inbox::Kind::Shutdown, SessionId(0), &[]);
            return Err(Failure::Exit(1));
        }
        // setuid() cleared the parent-death signal: arm it again, and
        // check the parent did not die meanwhile.
        if !self.single && !self.identity.is_unchanged() {
            swoole_core::process::die_with_parent(manager_pid());
        }
        Ok(())
    }

    /// Sets the identity properties of a worker process.
    fn become_worker(&self, id: usize) {
        // SAFETY: getpid has no preconditions.
        let pid = unsafe { libc::getpid() };
        let task = id >= self.settings.worker_num;
        STATE.with(|s| s.borrow_mut().role = if task { Role::Task(id) } else { Role::Worker(id) });
        if let Some(slot) = self.shared.stats.worker(id) {
            slot.pid.store(pid, Ordering::SeqCst);
        }
        props::set(self.obj, "worker_id", id as i64);
        props::set(self.obj, "worker_pid", pid as i64);
        props::set(self.obj, "taskworker", task);
        crate::task::set_send_timeout(self.settings.socket_send_timeout);
    }

    /// What worker `id`'s reactor (or, with `id` a reactor thread's, a
    /// PROCESS-mode reactor thread) is built with.
    fn reactor_config(&self, id: usize) -> ReactorConfig {
        let s = &self.settings;
        let task = id >= s.worker_num;
        ReactorConfig {
            buffer_limits: (s.socket_buffer_size, s.high_watermark(), s.buffer_low_watermark),
            worker_id: id,
            max_connection: s.max_connection,
            max_wait: Duration::from_secs_f64(s.max_wait_time),
            request_limit: if task { s.task_max_request } else { s.worker_request_limit(random_u64()) },
            delay_receive: s.enable_delay_receive,
            output_limit: s.output_buffer_size,
            heartbeat: s.heartbeat(),
        }
    }

    /// Runs worker `id` in this process until it stops; `Err` says how it failed.
    fn run_worker(&mut self, id: usize) -> Result<(), Failure> {
        if !self.single {
            // A forked worker starts with a loop of its own: the inherited
            // epoll instance is shared with the parent, and timers are per process.
            loop_php::reset_after_fork();
            self.drop_privileges()?;
        }
        self.become_worker(id);
        let task = id >= self.settings.worker_num;
        if self.settings.open_cpu_affinity && !self.single {
            // Worker i on CPU i % cpus, as Swoole's open_cpu_affinity.
            let cpu = id % swoole_core::stats::cpu_num();
            if let Err(e) = swoole_core::process::set_affinity(&[cpu]) {
                swoole_core::log::warning(&format!("worker#{id}: cannot set the CPU affinity: {e}"));
            }
        }
        let cfg = self.reactor_config(id);
        // A task worker serves only its inbox; a PROCESS-mode worker only the
        // datagram ports (reactor threads send it the connection events).
        let specs: std::io::Result<Vec<_>> = self
            .ports
            .iter()
            .map(|p| {
                let serves = !task && (!self.process_mode || p.spec.sock_type.is_datagram());
                match p.reuse_port.filter(|_| serves) {
                    Some((addr, backlog)) => own_reuse_port_socket(&p.spec, addr, backlog),
                    None => p.spec.try_clone(serves),
                }
            })
            .collect();
        let reactor = specs.and_then(|specs| Reactor::new(specs, self.shared.clone(), cfg));
        // A single-process server is the master too: SIGHUP (a closed
        // terminal) and SIGPIPE do not end it.
        let reactor = reactor.and_then(|r| {
            if self.single {
                swoole_core::event_loop::own_signals(&swoole_core::signals::LOGGED_SIGNALS)?;
            }
            Ok(r)
        });
        match reactor {
            Ok(r) => worker::install(r),
            Err(e) => {
                swoole_core::log::warning(&format!("worker#{id}: failed to create the event loop: {e}"));
                return Err(Failure::Exit(1));
            }
        }
        let result = self.serve(id);
        if let Some(slot) = self.shared.stats.worker(id) {
            slot.status.store(WorkerStatus::Exit as u32, Ordering::Relaxed);
        }
        drop(worker::uninstall());
        // The loop took the server's signals; give them back (single process:
        // Ctrl-C after start() returns must work again). Timers die with their worker.
        loop_php::reset_after_fork();
        result
    }

    /// onStart (worker 0, once per server), onWorkerStart, the loop, onWorkerStop.
    fn serve(&mut self, id: usize) -> Result<(), Failure> {
        let counters = self.shared.stats.counters();
        if id == 0 && counters.onstart_called.swap(1, Ordering::SeqCst) == 0 {
            if let Some(f) = self.failure_of(self.call(Event::Start, vec![])) {
                return Err(f);
            }
        }
        if self.single {
            // The one process serves the connections: it switches too, after
            // onStart (which runs as the master, as in Swoole).
            self.drop_privileges()?;
        }
        if let Some(f) = self.failure_of(self.call(Event::WorkerStart, vec![long(id as i64)])) {
            return Err(f);
        }
        let mut handler = PhpHandler {
            host: self,
            on_connect: self.callbacks.get(&Event::Connect),
            on_receive: self.callbacks.get(&Event::Receive),
            on_close: self.callbacks.get(&Event::Close),
            on_packet: self.callbacks.get(&Event::Packet),
            per_port: self.ports.iter().any(|p| !p.callbacks.is_empty()),
            http: crate::http::server::any_port(),
            failure: None,
        };
        let end = worker::run(&mut handler);
        let failure = handler.failure;
        if end == LoopEnd::Aborted {
            return Err(failure.unwrap_or(Failure::Exit(255)));
        }
        if let Some(f) = self.failure_of(self.call(Event::WorkerStop, vec![long(id as i64)])) {
            return Err(f);
        }
        Ok(())
    }

    /// Runs user process `index` in this (forked) process; never returns.
    fn run_user_process(&mut self, index: usize) -> ! {
        let id = self.shared.stats.user_slot(index);
        let shared = self.shared.clone();
        if self.drop_privileges().is_err() {
            // SAFETY: ending this child.
            unsafe { libc::_exit(1) };
        }
        let zv = self.user_processes[index].shallow_clone();
        let obj = zv.object().map(|o| o as *const ZendObject as *mut zend_object).expect("addProcess stored an object");
        // SAFETY: addProcess only stores Swoole\Process objects.
        let process = unsafe { ZendClassObject::<crate::process::Process>::from_zend_obj(&*obj) }
            .expect("a Swoole\\Process object");
        process.run_child(obj, move || {
            // The inherited handlers write to the supervisor's pipe, closed
            // here: a user process gets the default actions back (SIGTERM ends
            // it) unless it watches a signal itself. The supervisor blocked
            // them across fork; unblock them now.
            swoole_core::signals::reset_defaults();
            swoole_core::signals::unblock();
            // SAFETY: getpid has no preconditions.
            let pid = unsafe { libc::getpid() };
            if let Some(slot) = shared.stats.worker(id) {
                slot.pid.store(pid, Ordering::SeqCst);
            }
            STATE.with(|s| {
                let mut s = s.borrow_mut();
                s.role = Role::User(index);
                s.shared = Some(shared.clone());
            });
            worker::join_server(shared);
            props::set(obj, "id", id as i64);
        })
    }

    /// Single-process mode.
    fn run_single(&mut self) -> bool {
        match self.run_worker(0) {
            Ok(()) => {}
            Err(Failure::Pending) => return false,
            Err(Failure::Bailout) => {
                self.callbacks.clear();
                // SAFETY: re-raising the fatal error's bailout; our state is dropped.
                unsafe { ext_php_rs::zend::bailout() }
            }
            Err(Failure::Exit(_)) => return false,
        }
        self.call_in_master(Event::Shutdown, vec![]);
        true
    }

    /// SWOOLE_PROCESS: fork the manager (which forks the workers), then run
    /// the master: onStart, the accept loop and reactor threads until
    /// shutdown, onShutdown.
    fn run_process_mode(&mut self) -> bool {
        let s = &self.settings;
        let dispatch = swoole_core::dispatch::DispatchMode::from_setting(s.dispatch_mode);
        if !dispatch.is_hash() && !s.enable_unsafe_event {
            let dropped: Vec<&str> = [
                (Event::Connect, "onConnect"),
                (Event::Close, "onClose"),
                (Event::BufferFull, "onBufferFull"),
                (Event::BufferEmpty, "onBufferEmpty"),
            ]
            .iter()
            .filter(|(e, _)| self.callbacks.contains_key(e))
            .map(|&(_, n)| n)
            .collect();
            if !dropped.is_empty() {
                warning(&format!(
                    "cannot set {} with dispatch_mode={}: packets of one connection may reach different workers \
                     (set enable_unsafe_event to receive them anyway)",
                    dropped.join("/"),
                    s.dispatch_mode
                ));
            }
        }
        // The master accepts on the stream ports; datagram ports are the workers'.
        let mut listeners = Vec::new();
        let mut thread_ports = Vec::new();
        for (i, p) in self.ports.iter().enumerate() {
            let mut spec = match p.spec.try_clone(true) {
                Ok(spec) => spec,
                Err(e) => {
                    warning(&format!("failed to duplicate the listening socket: {e}"));
                    return false;
                }
            };
            // The master accepts on the dup; the threads keep the rest of the spec.
            if let Some(fd) = spec.socket.take().filter(|_| !p.spec.sock_type.is_datagram()) {
                listeners.push((i, match p.spec.sock_type {
                    swoole_core::listener::SockType::UnixStream => swoole_core::master::StdListener::Unix(fd.into()),
                    _ => swoole_core::master::StdListener::Tcp(fd.into()),
                }));
            }
            thread_ports.push(spec);
        }
        let thread = swoole_core::reactor_thread::ThreadConfig {
            reactor: self.reactor_config(0),
            ports: thread_ports,
            dispatcher: Arc::new(swoole_core::dispatch::Dispatcher::new(dispatch, s.worker_num)),
            unsafe_events: s.enable_unsafe_event,
            max_queued_bytes: s.max_queued_bytes,
        };
        let cfg = swoole_core::master::MasterConfig { reactor_num: s.reactor_num, max_connection: s.max_connection, thread };
        // Workers must not run onStart: the master does.
        self.shared.stats.counters().onstart_called.store(1, Ordering::SeqCst);
        zend::flush_output();
        swoole_core::signals::block();
        // SAFETY: the master is still single-threaded here (rule 2): the
        // reactor threads start after this fork.
        let pid = unsafe { libc::fork() };
        if pid == 0 {
            // The manager: it forks and supervises the workers, and stops
            // them if the master dies.
            swoole_core::process::die_with_parent(master_pid());
            // SAFETY: getpid has no preconditions.
            self.know_manager(unsafe { libc::getpid() }, Role::Manager);
            loop_php::reset_after_fork();
            let run = std::panic::AssertUnwindSafe(|| self.run_manager());
            let code = match std::panic::catch_unwind(run) {
                Ok(true) => 0,
                _ => 1,
            };
            self.exit_child(code);
        }
        if pid < 0 {
            swoole_core::signals::unblock();
            warning(&format!("failed to fork the manager: {}", std::io::Error::last_os_error()));
            return false;
        }
        // onStart's timers live on the process's event loop, which the master
        // serves; the master's signals go to that loop from now on (this
        // unblocks them): SIGTERM, even from onStart's shutdown(), stops the
        // server in order, and SIGHUP/SIGPIPE without a callback are logged.
        let master_signals: Vec<i32> =
            swoole_core::signals::SERVER_SIGNALS.into_iter().chain(swoole_core::signals::LOGGED_SIGNALS).collect();
        match swoole_core::event_loop::own_signals(&master_signals) {
            Ok(()) => {}
            Err(e) => {
                // SAFETY: stopping the manager we just forked.
                unsafe { libc::kill(pid, libc::SIGTERM) };
                warning(&format!("failed to install the signal handlers: {e}"));
                return false;
            }
        };
        self.know_manager(pid, Role::Master);
        if !self.call_in_master(Event::Start, vec![]) {
            zend::report_pending_exception();
        }
        let ended = swoole_core::master::run(listeners, self.shared.clone(), cfg, pid, &mut MasterLoop { host: self, linger: Vec::new(), linger_until: None });
        // The master's timers end with the server, as a worker's do.
        loop_php::reset_after_fork();
        match ended {
            Ok(swoole_core::master::MasterEnd::Shutdown) => {}
            Ok(swoole_core::master::MasterEnd::ManagerLost) => {
                swoole_core::log::error("the manager process exited unexpectedly; the server stops")
            }
            Err(e) => warning(&format!("the master failed: {e}")),
        }
        self.call_in_master(Event::Shutdown, vec![]);
        true
    }

    /// Records the manager's pid everywhere it is read, and this process's role.
    fn know_manager(&self, manager: i32, role: Role) {
        self.shared.stats.counters().manager_pid.store(manager, Ordering::Relaxed);
        STATE.with(|st| {
            let mut st = st.borrow_mut();
            st.manager_pid = manager;
            st.role = role;
        });
        props::set(self.obj, "manager_pid", manager as i64);
    }

    /// Manager mode: this process supervises forked workers.
    fn run_manager(&mut self) -> bool {
        let shared = self.shared.clone();
        let max_wait = Duration::from_secs_f64(self.settings.max_wait_time);
        // The supervisor routes the manager's signals into the process's
        // event loop, where onManagerStart's timers and signal callbacks run.
        let mut sup = match Supervisor::new(&shared, max_wait) {
            Ok(sup) => sup,
            Err(e) => {
                warning(&format!("failed to start the manager: {e}"));
                return false;
            }
        };
        if !self.call_in_master(Event::ManagerStart, vec![]) {
            loop_php::reset_after_fork();
            return false;
        }
        sup.run(self, &mut crate::side_loop::SideHandler::new(crate::side_loop::MANAGER_SIGNAL_FUNC));
        drop(sup);
        // The manager's timers end with the server, and its signals get their
        // default actions back (in BASE mode this is the script's process).
        loop_php::reset_after_fork();
        self.call_in_master(Event::ManagerStop, vec![]);
        if !self.process_mode {
            // In PROCESS mode the master runs onShutdown, once the manager is gone.
            self.call_in_master(Event::Shutdown, vec![]);
        }
        true
    }

    /// A callback in the master/manager: a failure is reported, not fatal to
    /// the workers. Returns false if it left an exception or exit pending.
    fn call_in_master(&self, ev: Event, args: Vec<Zval>) -> bool {
        match self.call(ev, args) {
            CallOutcome::Returned => true,
            CallOutcome::Bailout => {
                // SAFETY: re-raising a fatal error in the master.
                unsafe { ext_php_rs::zend::bailout() }
            }
            _ => false,
        }
    }
}

impl WorkerFactory for ProcessHost {
    fn before_fork(&mut self) {
        zend::flush_output();
    }

    fn run_worker(&mut self, worker_id: usize) -> i32 {
        let workers = self.settings.worker_num + self.settings.task_worker_num;
        if worker_id >= workers {
            self.run_user_process(worker_id - workers);
        }
        match ProcessHost::run_worker(self, worker_id) {
            Ok(()) => 0,
            Err(Failure::Exit(code)) => code,
            Err(_) => 255,
        }
    }

    fn exit_child(&mut self, code: i32) -> ! {
        zend::end_output();
        // SAFETY: ending a forked worker without running the parent's PHP shutdown.
        unsafe { libc::_exit(code) }
    }

    fn on_command(&mut self, request: &swoole_core::command::Request) -> Vec<u8> {
        crate::command::run(&self.commands, self.obj, &request.name, &request.data)
    }

    fn on_reload(&mut self, after: bool) {
        if !after {
            // The workers forked next (and the PROCESS-mode master) serve the new certificates.
            swoole_core::tls::registry::reload_all();
        }
        let ev = if after { Event::AfterReload } else { Event::BeforeReload };
        if !self.call_in_master(ev, vec![]) {
            zend::report_pending_exception();
        }
    }

    fn on_worker_error(&mut self, worker_id: usize, pid: i32, exit_code: i32, signal: i32) {
        let args = if self.settings.event_object {
            vec![crate::event_objects::status_info(worker_id as i64, pid as i64, exit_code, signal)]
        } else {
            vec![long(worker_id as i64), long(pid as i64), long(exit_code as i64), long(signal as i64)]
        };
        if !self.call_in_master(Event::WorkerError, args) {
            zend::report_pending_exception();
        }
    }
}

/// The PROCESS master's event loop: PHP timers, events and signal callbacks
/// created in onStart, run by the master's main thread between accepts.
struct MasterLoop<'h> {
    /// The server's callbacks (onBeforeShutdown).
    host: &'h ProcessHost,
    /// Timers onBeforeShutdown created, which run before the workers stop,
    /// until `max_wait_time` has passed at the latest.
    linger: Vec<swoole_core::timer::TimerId>,
    /// That deadline.
    linger_until: Option<std::time::Instant>,
}

impl swoole_core::master::MasterSide for MasterLoop<'_> {
    fn loop_fd(&mut self) -> Option<std::os::fd::RawFd> {
        swoole_core::event_loop::poll_fd()
    }

    fn length_func(&mut self, port: usize, data: &[u8]) -> swoole_core::client::Length {
        crate::length_func::call(port, data)
    }

    fn run_loop(&mut self) -> Vec<swoole_core::signals::Signal> {
        crate::side_loop::run_master_once()
    }

    fn before_shutdown(&mut self) {
        use swoole_core::event_loop;
        let before = event_loop::timer_ids().into_iter().max();
        if !self.host.call_in_master(Event::BeforeShutdown, vec![]) {
            zend::report_pending_exception();
        }
        self.linger = event_loop::timer_ids().into_iter().filter(|id| Some(*id) > before).collect();
        self.linger_until =
            Some(std::time::Instant::now() + Duration::from_secs_f64(self.host.settings.max_wait_time));
        event_loop::arm_next_timer();
    }

    fn shutdown_ready(&mut self) -> bool {
        if self.linger_until.is_some_and(|t| std::time::Instant::now() >= t) {
            self.linger.clear();
        }
        self.linger.retain(|id| swoole_core::event_loop::timer_exists(*id));
        self.linger.is_empty()
    }
}

/// The loop's per-event callbacks (onConnect, onReceive, onClose, onPacket),
/// looked up once per worker rather than per event.
struct PhpHandler<'a> {
    host: &'a ProcessHost,
    on_connect: Option<&'a Callback>,
    on_receive: Option<&'a Callback>,
    on_close: Option<&'a Callback>,
    on_packet: Option<&'a Callback>,
    /// Some port has callbacks of its own: look up each event's port.
    per_port: bool,
    /// Some port speaks HTTP: its bytes go to [`crate::http::server`].
    http: bool,
    /// Set when a callback failed; the loop then aborts.
    failure: Option<Failure>,
}

impl<'a> PhpHandler<'a> {
    /// The callback for `ev` on `port`: the port's own, else the server's
    /// (`server`, looked up once per worker).
    fn pick(&self, ev: Event, server: Option<&'a Callback>, port: Option<usize>) -> Option<&'a Callback> {
        let host: &'a ProcessHost = self.host;
        match port.and_then(|p| host.ports.get(p)).and_then(|p| p.callbacks.get(&ev)) {
            Some(own) => Some(own),
            None => server,
        }
    }

    /// `pick()` for a connection's event.
    fn pick_for(&self, ev: Event, server: Option<&'a Callback>, session: SessionId) -> Option<&'a Callback> {
        if !self.per_port {
            return server;
        }
        self.pick(ev, server, worker::port_of(session))
    }

    fn flow(&mut self, outcome: CallOutcome) -> Flow {
        match self.host.failure_of(outcome) {
            None => Flow::Continue,
            Some(f) => {
                self.failure = Some(f);
                Flow::Abort
            }
        }
    }
}

/// Timers, `Swoole\Event` fds, defers and signals inside a worker: the same
/// PHP callbacks as in a plain script, with a worker's failure handling.
impl LoopHandler for PhpHandler<'_> {
    fn on_signal(&mut self, signo: i32) -> Flow {
        if !loop_php::has_signal(signo) {
            // A single-process server routes SIGHUP and SIGPIPE here: the
            // first is logged as Swoole logs it, the second ignored.
            if signo != libc::SIGPIPE {
                swoole_core::signals::log_no_callback(crate::side_loop::MASTER_SIGNAL_FUNC, signo);
            }
            return Flow::Continue;
        }
        let outcome = loop_php::fire_signal(signo);
        self.flow(outcome)
    }

    fn on_user_fd(&mut self, fd: std::os::fd::RawFd, readable: bool, writable: bool) -> Flow {
        let outcome = loop_php::fire_fd(fd, readable, writable);
        self.flow(outcome)
    }

    fn on_timer(&mut self, due: swoole_core::timer::Due) -> Flow {
        let outcome = loop_php::fire_timer(due);
        self.flow(outcome)
    }

    fn on_defer(&mut self) -> Flow {
        let outcome = loop_php::fire_defers();
        self.flow(outcome)
    }

    fn on_cycle(&mut self) -> Flow {
        let outcome = loop_php::fire_cycle();
        self.flow(outcome)
    }
}

impl EventHandler for PhpHandler<'_> {
    fn deadlines(&mut self) -> Option<std::time::Duration> {
        crate::http::server::head_deadlines()
    }

    fn on_connect(&mut self, session: SessionId, reactor_id: i32) -> Flow {
        let cb = self.pick_for(Event::Connect, self.on_connect, session);
        let outcome = if self.host.settings.event_object {
            let event = crate::event_objects::event(session.0 as i64, reactor_id as i64, None);
            self.host.call_with(cb, &mut [Zval::new(), event])
        } else {
            self.host.call_with(cb, &mut [Zval::new(), long(session.0 as i64), long(reactor_id as i64)])
        };
        self.flow(outcome)
    }

    fn on_receive(&mut self, session: SessionId, reactor_id: i32, data: &[u8]) -> Flow {
        if self.http
            && let Some(cfg) = worker::port_of(session).and_then(crate::http::server::port_config)
        {
            let this = &*self;
            let outcome = crate::http::server::on_data(session, &cfg, data, &mut |ev, args| {
                let cb = this.pick_for(ev, this.host.callbacks.get(&ev), session)?;
                // onRequest and onHandShake take (request, response); the others the server first.
                Some(if matches!(ev, Event::Request | Event::HandShake) { cb.call(args) } else { this.host.call_with(Some(cb), args) })
            });
            return self.flow(outcome);
        }
        let mut payload = Zval::new();
        payload.set_zend_string(ZendStr::new(data, false));
        let cb = self.pick_for(Event::Receive, self.on_receive, session);
        let outcome = if self.host.settings.event_object {
            let event = crate::event_objects::event(session.0 as i64, reactor_id as i64, Some(payload));
            self.host.call_with(cb, &mut [Zval::new(), event])
        } else {
            self.host.call_with(cb, &mut [Zval::new(), long(session.0 as i64), long(reactor_id as i64), payload])
        };
        self.flow(outcome)
    }

    fn on_close(&mut self, session: SessionId, reactor_id: i32) -> Flow {
        let mut cb = self.pick_for(Event::Close, self.on_close, session);
        if self.http {
            crate::http::server::forget(session);
            // A WebSocket connection closed before its handshake: onDisconnect when there is one.
            if crate::websocket::conn::on_websocket_port(session) && !crate::websocket::conn::forget(session) {
                cb = self.pick_for(Event::Disconnect, self.host.callbacks.get(&Event::Disconnect), session).or(cb);
            }
        }
        let outcome = if self.host.settings.event_object {
            let event = crate::event_objects::event(session.0 as i64, reactor_id as i64, None);
            self.host.call_with(cb, &mut [Zval::new(), event])
        } else {
            self.host.call_with(cb, &mut [Zval::new(), long(session.0 as i64), long(reactor_id as i64)])
        };
        self.flow(outcome)
    }

    fn on_packet(&mut self, port: usize, data: &[u8], from: &swoole_core::port::Peer, server: (i32, u16)) -> Flow {
        use swoole_core::port::Peer;
        let cb = self.pick(Event::Packet, self.on_packet, Some(port));
        if self.host.settings.event_object {
            let (address, peer_port) = match from {
                Peer::Inet(a) => (swoole_core::reactor::ip_string(a), a.port()),
                Peer::Unix(path) => (path.clone(), 0),
            };
            let packet = crate::event_objects::packet(
                server.0 as i64,
                server.1 as i64,
                &address,
                peer_port as i64,
                zend::bytes_zval(data),
            );
            let outcome = self.host.call_with(cb, &mut [Zval::new(), packet]);
            return self.flow(outcome);
        }
        // Swoole's keys, in its order; a Unix datagram peer has no port.
        let mut info = ZendHashTable::new();
        let _ = info.insert("server_socket", server.0 as i64);
        let _ = info.insert("dispatch_time", swoole_core::stats::now_f64());
        let _ = info.insert("server_port", server.1 as i64);
        match from {
            Peer::Inet(a) => {
                let _ = info.insert("address", swoole_core::reactor::ip_string(a));
                let _ = info.insert("port", a.port() as i64);
            }
            Peer::Unix(path) => {
                let _ = info.insert("address", path.clone());
            }
        }
        let mut info_zv = Zval::new();
        info_zv.set_hashtable(info);
        let mut args = [Zval::new(), zend::bytes_zval(data), info_zv];
        let outcome = self.host.call_with(cb, &mut args);
        self.flow(outcome)
    }

    fn on_before_shutdown(&mut self) -> Flow {
        // In BASE mode worker 0 runs it (where onStart ran, as in Swoole);
        // in PROCESS mode the master does.
        if self.host.process_mode || role() != Role::Worker(0) {
            return Flow::Continue;
        }
        let outcome = self.host.call(Event::BeforeShutdown, vec![]);
        self.flow(outcome)
    }

    fn on_worker_exit(&mut self) -> Flow {
        let (Role::Worker(id) | Role::Task(id)) = role() else { return Flow::Continue };
        let outcome = self.host.call(Event::WorkerExit, vec![long(id as i64)]);
        self.flow(outcome)
    }

    fn on_buffer(&mut self, session: SessionId, reactor_id: i32, full: bool) -> Flow {
        let ev = if full { Event::BufferFull } else { Event::BufferEmpty };
        let cb = self.pick_for(ev, self.host.callbacks.get(&ev), session);
        let mut args = [Zval::new(), long(session.0 as i64), long(reactor_id as i64)];
        let outcome = self.host.call_with(cb, &mut args);
        self.flow(outcome)
    }

    fn on_message(&mut self, msg: swoole_core::inbox::Message) -> Flow {
        use swoole_core::inbox::Kind;
        let host = self.host;
        let outcome = match msg.kind {
            Kind::PipeMessage => {
                let src = msg.session.0 as i64;
                let data = pipe_message_value(&msg.payload);
                let args = if host.settings.event_object {
                    vec![crate::event_objects::pipe_message(src, data)]
                } else {
                    vec![long(src), data]
                };
                host.call(Event::PipeMessage, args)
            }
            Kind::Task => {
                let outcome = crate::task::handle_task(&msg.payload, host.settings.task_object, |args| {
                    host.call_returning(Event::Task, args)
                });
                worker::with(|r| r.count_request());
                if outcome == CallOutcome::Exception && !host.single {
                    // As Swoole outside coroutines: PHP's fatal error for the
                    // uncaught exception, and the task worker goes on serving.
                    zend::report_pending_exception();
                    CallOutcome::Returned
                } else {
                    outcome
                }
            }
            Kind::Command => {
                if let Some(req) = swoole_core::command::parse(&msg) {
                    let answer = crate::command::run(&host.commands, host.obj, &req.name, &req.data);
                    let _ = swoole_core::command::reply(&host.shared, &req, &answer);
                }
                CallOutcome::Returned
            }
            Kind::Finish => crate::task::handle_finish(&msg.payload, object_zval(host.obj), host.settings.event_object, |args| {
                if host.callbacks.contains_key(&Event::Finish) {
                    host.call(Event::Finish, args)
                } else {
                    warning("require onFinish callback: a task finished but the server has no onFinish");
                    CallOutcome::Returned
                }
            }),
            _ => CallOutcome::Returned,
        };
        self.flow(outcome)
    }
}

/// A random number for `max_request_grace` (no crypto needed).
fn random_u64() -> u64 {
    let mut v = 0u64;
    // SAFETY: getrandom fills our 8 bytes (or leaves them 0).
    unsafe { libc::getrandom((&mut v as *mut u64).cast(), 8, 0) };
    v
}

impl Clone for Callback {
    fn clone(&self) -> Self {
        Callback::resolve(self.zval()).expect("a resolved callback stays callable")
    }
}
