//! The control calls a running server answers from any of its processes:
//! `shutdown()`, `reload()`, `stop()`, `sendMessage()`, `stats()`,
//! `getWorkerPid()`/`getWorkerStatus()`. They signal or message the other
//! processes; none of them runs PHP.

use crate::process_state::{manager_pid, master_pid, resolve_worker_id, role, set_last_error, shared, Role};
use crate::zend::{self, fatal_warning};
use ext_php_rs::boxed::ZBox;
use ext_php_rs::types::{ZendHashTable, Zval};
use std::sync::atomic::Ordering;
use swoole_core::settings::ServerSettings;
use swoole_core::stats::WorkerStatus;
use swoole_core::worker;
use swoole_core::error::ErrorCode;
use swoole_core::SessionId;

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
            fatal_warning(&format!("failed to shutdown: cannot reach the manager: {e}"));
            return false;
        }
        return true;
    }
    if pid <= 0 || swoole_core::process::send_signal(pid, libc::SIGTERM).is_err() {
        fatal_warning(&format!("failed to shutdown, kill({pid}, SIGTERM) failed"));
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
        fatal_warning("reload() needs a manager process: set worker_num > 1, task workers or max_request, or use SWOOLE_PROCESS");
        return false;
    }
    if swoole_core::process::send_signal(pid, sig).is_err() {
        fatal_warning(&format!("failed to reload, kill({pid}, {sig}) failed"));
        return false;
    }
    true
}

/// `stop($id)`: the calling worker drains and exits (and is replaced);
/// another worker is sent SIGTERM.
pub fn stop_worker(id: i64) -> bool {
    match (id, role()) {
        (id, Role::Worker(own)) if id < 0 || id == own as i64 => worker::request_stop(false),
        (id, _) => match worker_pid(id) {
            Some(pid) => swoole_core::process::send_signal(pid, libc::SIGTERM).is_ok(),
            None => {
                // Swoole's log line and code; no PHP warning.
                let code = ErrorCode::INVALID_PARAMS.0;
                let msg = format!("Server::kill_worker() (ERRNO {code}): the worker_id[{id}] is invalid");
                swoole_core::log::put_code(swoole_core::log::LOG_WARNING, code, &msg);
                set_last_error(code);
                false
            }
        },
    }
}

/// First byte of a pipe message: the rest is the string itself, or its
/// `serialize()`d form.
const PIPE_RAW: u8 = 0;
const PIPE_SERIALIZED: u8 = 1;

/// `sendMessage($message, $dst_worker_id)` from this process.
pub fn send_message(message: &Zval, dst: i64) -> bool {
    let Some(shared) = shared() else { return fatal_warning(crate::server::NOT_RUNNING) };
    let worker_num = shared.stats.worker_num();
    let targets = worker_num + shared.stats.task_num();
    // The manager and the PROCESS master send as worker 0, as Swoole's
    // onPipeMessage shows them ($src_worker_id 0).
    let (from, own) = match role() {
        Role::Worker(id) | Role::Task(id) => (id, true),
        Role::User(index) => (shared.stats.user_slot(index), false),
        Role::Manager | Role::Master => (0, false),
        Role::None => {
            fatal_warning("sendMessage() can only be used after the server started");
            return false;
        }
    };
    if dst < 0 || dst as usize >= targets {
        fatal_warning(&format!("worker_id[{dst}] is invalid"));
        return false;
    }
    if own && dst as usize == from {
        fatal_warning("can't send messages to self");
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
pub(crate) fn pipe_message_value(data: &[u8]) -> Zval {
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
        Role::Worker(_) | Role::Task(_) => worker::with(|r| r.own_counts()).unwrap_or_default(),
        _ => Default::default(),
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
    let _ = a.insert("dispatch_count", get(|c| c.dispatch_count.load(Ordering::Relaxed)));
    let _ = a.insert("request_count", get(|c| c.request_count.load(Ordering::Relaxed)));
    let _ = a.insert("response_count", get(|c| c.response_count.load(Ordering::Relaxed)));
    let _ = a.insert("total_recv_bytes", get(|c| c.total_recv_bytes.load(Ordering::Relaxed)));
    let _ = a.insert("total_send_bytes", get(|c| c.total_send_bytes.load(Ordering::Relaxed)));
    let _ = a.insert("pipe_packet_msg_id", 0i64);
    let _ = a.insert("concurrency", 0i64);
    let _ = a.insert("session_round", shared.as_ref().map(|s| s.sessions.round()).unwrap_or(0) as i64);
    let _ = a.insert("min_fd", fds.iter().copied().min().unwrap_or(0));
    let _ = a.insert("max_fd", fds.iter().copied().max().unwrap_or(0));
    let _ = a.insert("worker_request_count", own.requests as i64);
    let _ = a.insert("worker_response_count", own.responses as i64);
    let _ = a.insert("worker_dispatch_count", own.dispatches as i64);
    let _ = a.insert("worker_concurrency", 0i64);
    // Swoole's task keys are there only with task workers (and its
    // task_queue_num/bytes only with the SysV-queue task_ipc_modes, which
    // run as unix sockets here, so never).
    if settings.task_worker_num > 0 {
        let idle_tasks = shared.as_ref().map(|s| s.stats.idle_task_num()).unwrap_or(0);
        let busy_tasks = shared.as_ref().map(|s| s.stats.busy_task_num()).unwrap_or(0);
        let _ = a.insert("task_idle_worker_num", idle_tasks as i64);
        let _ = a.insert("tasking_num", busy_tasks as i64);
        let _ = a.insert("task_count", get(|c| c.task_count.load(Ordering::Relaxed)));
    }
    let _ = a.insert("coroutine_num", 0i64);
    let _ = a.insert("coroutine_peek_num", 0i64);
    // Ours (PROCESS mode, max_queued_bytes): bytes read from clients that no
    // worker has taken yet, and connections not read until workers catch up.
    let _ = a.insert("recv_queued_bytes", get(|c| c.recv_queued_bytes.load(Ordering::Relaxed).max(0) as u64));
    let _ = a.insert("recv_waiting_num", get(|c| c.recv_waiting_num.load(Ordering::Relaxed).max(0) as u64));
    a
}

