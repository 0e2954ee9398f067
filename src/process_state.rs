//! What this process is to the running server: its role, the server's pids,
//! the last error. The leaf of the PHP layer: everything reads it, it reads
//! nothing of ours. No Zvals (safe in a thread-local); the Zvals of a running
//! server live in [`crate::host::ProcessHost`], a local of `start()`.

use std::cell::RefCell;
use std::sync::Arc;
use swoole_core::reactor::ServerShared;
use swoole_core::worker;

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
    /// What this process is to the running server.
    role: Role,
    /// The running server's shared memory (counters, sessions, inboxes).
    shared: Option<Arc<ServerShared>>,
    /// `swoole_last_error()`.
    last_error: i32,
    /// `$server->master_pid`, for signalling it (`shutdown()`).
    master_pid: i32,
    /// `$server->manager_pid` (0 without a manager), for `reload()`.
    manager_pid: i32,
}

thread_local! {
    static STATE: RefCell<ProcessState> = const {
        RefCell::new(ProcessState { role: Role::None, shared: None, last_error: 0, master_pid: 0, manager_pid: 0 })
    };
}

/// Records `swoole_last_error()` for this process.
pub fn set_last_error(code: i32) {
    STATE.with(|s| s.borrow_mut().last_error = code);
}

/// `swoole_last_error()` / `$server->getLastError()`.
pub fn last_error() -> i32 {
    STATE.with(|s| s.borrow().last_error)
}

/// What this process is to the running server.
pub fn role() -> Role {
    STATE.with(|s| s.borrow().role)
}

/// The running server's master pid (0 when none runs).
pub fn master_pid() -> i32 {
    STATE.with(|s| s.borrow().master_pid)
}

/// The running server's manager pid (0 in single-process mode).
pub fn manager_pid() -> i32 {
    STATE.with(|s| s.borrow().manager_pid)
}

/// The running server's shared state, when this process serves one.
pub fn shared() -> Option<Arc<ServerShared>> {
    STATE.with(|s| s.borrow().shared.clone())
}

/// A worker id argument: -1 means the calling worker (none outside workers).
pub fn resolve_worker_id(id: i64) -> Option<usize> {
    match (id, role()) {
        // Any negative id is the caller's own, as Swoole reads it.
        (id, Role::Worker(own) | Role::Task(own)) if id < 0 => Some(own),
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

/// Whether `Process::signal($signo, $cb)` asks for a signal this server
/// process keeps for itself (the caller warns as Swoole does and returns false).
pub fn keeps_signal(signo: i32) -> bool {
    use swoole_core::signals::refused;
    let single = matches!(role(), Role::Worker(_)) && manager_pid() == 0 && shared().is_some();
    let kept: &[i32] = match role() {
        Role::Manager => &refused::MANAGER,
        Role::Master => &refused::MASTER,
        _ if single => &refused::SINGLE,
        _ => &[],
    };
    kept.contains(&signo)
}

/// `start()`: this process now serves `shared` as `role`.
pub fn enter_server(shared: Arc<ServerShared>, master_pid: i32, manager_pid: i32, role: Role) {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.shared = Some(shared);
        s.master_pid = master_pid;
        s.manager_pid = manager_pid;
        s.role = role;
    });
}

/// `start()` returned: no server runs here any more.
pub fn leave_server() {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.role = Role::None;
        s.shared = None;
    });
}

/// A forked process takes its place (worker, task worker).
pub fn set_role(role: Role) {
    STATE.with(|s| s.borrow_mut().role = role);
}

/// The manager's pid is known (PROCESS mode forks it), and this process's role.
pub fn set_manager(manager_pid: i32, role: Role) {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.manager_pid = manager_pid;
        s.role = role;
    });
}

/// A user process (`addProcess`) joins the server it was forked for.
pub fn enter_user_process(index: usize, shared: Arc<ServerShared>) {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.role = Role::User(index);
        s.shared = Some(shared);
    });
}
