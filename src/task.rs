//! Task workers: `task()`, `taskwait()`, `taskWaitMulti()`, `finish()`, onTask
//! and onFinish, and the `Swoole\Server\Task` object.
//!
//! A task travels to a task worker's inbox with a [`TaskHeader`] (source
//! worker, task id, flags); its result travels back to the source worker's
//! inbox (onFinish or the finish callback), or, for a `taskwait()` the source
//! is blocked in, to the reply lane that wait claimed ([`swoole_core::reply_lane`]:
//! the process's own unless another process waits on it), where results of
//! earlier, timed-out calls (or of an earlier holder of the lane) are
//! recognised by their task id and pid and dropped.

use crate::props::{self, Default as P};
use crate::process_state::{self, Role};
use crate::zend::{self, fatal_warning, warning, CallOutcome, Callback};
use ext_php_rs::builders::ClassBuilder;
use ext_php_rs::convert::IntoZval;
use ext_php_rs::exception::PhpResult;
use ext_php_rs::ffi::zend_object;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendClassObject, ZendHashTable, Zval};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};
use swoole_core::inbox::{self, Kind, Reassembler, TaskHeader};
use swoole_core::reply_lane::LaneClaim;
use swoole_core::shared::ServerShared;
use swoole_core::worker;

use swoole_core::task_route::{self, PickError, ResultRoute, TASK_CALLBACK, TASK_NOREPLY, TASK_NONBLOCK, TASK_SERIALIZE, TASK_WAITALL};

/// The task a task worker is running (for `finish()`).
#[derive(Clone, Copy)]
struct Current {
    header: TaskHeader,
}

thread_local! {
    /// Finish callbacks given to task(), by task id.
    static CALLBACKS: RefCell<HashMap<i64, Callback>> = RefCell::new(HashMap::new());
    /// The task being run in this task worker.
    static CURRENT: Cell<Option<Current>> = const { Cell::new(None) };
    /// Partial results on this worker's reply channel.
    static REPLIES: RefCell<Reassembler> = RefCell::new(Reassembler::default());
    /// `socket_send_timeout`: how long `finish()` waits for room (None: as
    /// long as it takes).
    static SEND_TIMEOUT: Cell<Option<f64>> = const { Cell::new(None) };
    /// Task ids of the manager or master (which own no worker slot).
    static OWN_SEQ: Cell<i64> = const { Cell::new(0) };
}

/// Swoole's error code of a `finish()` whose result found no room in time.
const ERROR_SEND_TIMEOUT: i32 = 9014;

/// Sets how long `finish()` in this task worker waits for room in the
/// source worker's inbox (`socket_send_timeout`).
pub fn set_send_timeout(secs: Option<f64>) {
    SEND_TIMEOUT.with(|t| t.set(secs));
}

/// Drops the finish callbacks (request shutdown, forked child).
pub fn clear_all() {
    let old = CALLBACKS.with(|c| std::mem::take(&mut *c.borrow_mut()));
    drop(old);
    CURRENT.with(|c| c.set(None));
}

/// A new task id of the process in slot `src`: from 0 at the server's
/// start, and on across the processes that serve that slot (see
/// `WorkerSlot::task_seq`).
fn next_id(src: usize) -> Option<i64> {
    let shared = worker::current_server()?;
    let id = shared.stats.worker(src)?.task_seq.fetch_add(1, Ordering::Relaxed);
    Some(id)
}

/// A PHP value as task data: strings as they are, the rest serialized.
fn pack(data: &Zval) -> Option<(u32, Vec<u8>)> {
    let (bytes, serialized) = zend::value_to_bytes(data)?;
    Some((if serialized { TASK_SERIALIZE } else { 0 }, bytes))
}

/// Back to the PHP value.
fn unpack(flags: u32, bytes: &[u8]) -> Zval {
    zend::bytes_to_value(bytes, flags & TASK_SERIALIZE != 0)
}

/// Where a task may come from: (source id, extra flags), or a warning.
fn source() -> Option<(usize, u32)> {
    let shared = worker::current_server()?;
    match process_state::role() {
        Role::Worker(id) => Some((id, 0)),
        Role::User(index) => Some((shared.stats.user_slot(index), TASK_NOREPLY)),
        // One-way, as from a user process; onTask sees $src_worker_id 0.
        Role::Manager | Role::Master => Some((0, TASK_NOREPLY)),
        Role::Task(_) => {
            fatal_warning("Server->task() cannot use in the task-worker");
            None
        }
        _ => {
            fatal_warning("task method can only be used in a worker or user process after the server started");
            None
        }
    }
}

/// Swoole's warning for a task call on a server without task workers.
const NO_TASK_WORKER: &str = "task method can't be executed without task worker";

/// Picks the task worker: `$dst`, or an idle one (round robin from the last).
fn pick(dst: i64) -> Option<usize> {
    let shared = worker::current_server()?;
    match task_route::pick(&shared, dst) {
        Ok(id) => Some(id),
        Err(PickError::NoTaskWorkers) => {
            fatal_warning(NO_TASK_WORKER);
            None
        }
        Err(PickError::NoSuchWorker { task_num, .. }) => {
            fatal_warning(&format!("worker_id must be less than task_worker_num[{task_num}]"));
            None
        }
    }
}

/// Swoole's `SW_ERROR_TASK_DISPATCH_FAIL`: the task was not sent.
const ERROR_TASK_DISPATCH_FAIL: i32 = 2002;
/// Swoole's `SW_ERROR_TASK_TIMEOUT`: no result within the timeout.
const ERROR_TASK_TIMEOUT: i32 = 2003;

/// Sends one task whose result (if it is waited for) comes back on reply
/// lane `lane` (None: this process's own); returns its id.
fn dispatch(data: &Zval, dst: i64, extra: u32, lane: Option<usize>) -> Option<(i64, usize)> {
    let (src, source_flags) = source()?;
    let to = pick(dst)?;
    let (data_flags, bytes) = pack(data)?;
    let id = match process_state::role() {
        // Not a worker slot's: the manager's and the master's ids count on
        // their own, from 0 (as Swoole's per-process counter).
        Role::Manager | Role::Master => OWN_SEQ.with(|c| c.replace(c.get() + 1)),
        _ => next_id(src)?,
    };
    let (reply, origin) = match process_state::role() {
        Role::Worker(w) => {
            let (own, pid) = swoole_core::reply_lane::own(w);
            (lane.unwrap_or(own), pid)
        }
        _ => (0, 0),
    };
    let header = TaskHeader {
        flags: data_flags | source_flags | extra,
        worker: src as u32,
        task_id: id,
        reply: reply as u32,
        origin,
    };
    let shared = worker::current_server()?;
    // Counted before it leaves, so stats() inside onTask sees it.
    let count = &shared.stats.counters().task_count;
    count.fetch_add(1, Ordering::Relaxed);
    if let Err(e) = shared.message(to, Kind::Task, &header.encode(&bytes)) {
        count.fetch_sub(1, Ordering::Relaxed);
        fatal_warning(&format!("failed to send the task: {e}"));
        process_state::set_last_error(ERROR_TASK_DISPATCH_FAIL);
        return None;
    }
    Some((id, src))
}

/// `task($data, $dst = -1, $finishCallback = null)`.
pub fn task(data: &Zval, dst: i64, callback: Option<Callback>) -> Option<i64> {
    let extra = TASK_NONBLOCK | if callback.is_some() { TASK_CALLBACK } else { 0 };
    let (id, _) = dispatch(data, dst, extra, None)?;
    if let Some(cb) = callback {
        CALLBACKS.with(|c| c.borrow_mut().insert(id, cb));
    }
    Some(id)
}

/// A reply lane claimed for one blocking wait of the calling event worker
/// process: its own lane unless another process waits on it (a lane can be
/// shared, [`swoole_core::reply_lane`]), released when dropped.
struct ReplyWait<'a> {
    /// The claim: the lane is this wait's alone while it lasts.
    claim: LaneClaim<'a>,
    /// The lane's read end.
    fd: i32,
    /// The pid the results for this process carry.
    pid: u32,
}

/// Claims a reply lane in `shared` (this process's server) for a blocking
/// wait by `method` (taskwait or taskWaitMulti); None (after the warning)
/// outside an event worker, or when a process waits on every lane.
fn reply_wait<'a>(shared: Option<&'a ServerShared>, method: &str) -> Option<ReplyWait<'a>> {
    match process_state::role() {
        Role::Worker(id) => {
            let shared = shared?;
            let (lane, pid) = swoole_core::reply_lane::own(id);
            let Some(claim) = shared.lane_claims.claim(lane, pid) else {
                fatal_warning(&format!("{method} failed: every reply lane has a process waiting on it"));
                process_state::set_last_error(ERROR_TASK_DISPATCH_FAIL);
                return None;
            };
            let fd = shared.replies.read_end(claim.lane())?;
            Some(ReplyWait { claim, fd, pid })
        }
        Role::Task(_) => {
            fatal_warning(&format!("{method} method can only be used in the worker process"));
            None
        }
        Role::User(_) => {
            fatal_warning(&format!("{method} can't be used in a user process: its tasks are one-way"));
            None
        }
        _ => {
            fatal_warning(&format!("{method} can only be used in an event worker after the server started"));
            None
        }
    }
}

/// Waits for the results of `ids` (asked by process `pid`) on the reply
/// lane until `timeout`; results of other (earlier, timed-out) tasks, and of
/// the lane's earlier holders, are dropped.
fn collect(wait: &ReplyWait, ids: &[i64], timeout: Duration) -> HashMap<i64, Zval> {
    let (fd, pid) = (wait.fd, wait.pid);
    let deadline = Instant::now() + timeout;
    let mut got = HashMap::new();
    while got.len() < ids.len() {
        let left = deadline.saturating_duration_since(Instant::now());
        let msg = REPLIES.with(|r| inbox::recv_timeout(fd, &mut r.borrow_mut(), left));
        let Some(msg) = msg else { break };
        if msg.kind != Kind::Finish {
            continue; // a command() reply that came after its caller gave up
        }
        let Some((header, bytes)) = TaskHeader::decode(&msg.payload) else { continue };
        if header.origin == pid && ids.contains(&header.task_id) && !got.contains_key(&header.task_id) {
            got.insert(header.task_id, unpack(header.flags, bytes));
        }
    }
    got
}

/// `taskwait($data, $timeout = 0.5, $dst = -1)`.
pub fn taskwait(data: &Zval, timeout: f64, dst: i64) -> Zval {
    let fail = || false.into_zval(false).unwrap_or_default();
    let shared = worker::current_server();
    let Some(wait) = reply_wait(shared.as_deref(), "taskwait") else { return fail() };
    let Some((id, _)) = dispatch(data, dst, 0, Some(wait.claim.lane())) else { return fail() };
    let mut got = collect(&wait, &[id], Duration::from_secs_f64(timeout.max(0.0)));
    match got.remove(&id) {
        Some(v) => v,
        None => {
            process_state::set_last_error(ERROR_TASK_TIMEOUT);
            fail()
        }
    }
}

/// `taskWaitMulti($tasks, $timeout = 0.5)`: results keyed like the input;
/// tasks that did not finish in time are absent.
pub fn task_wait_multi(tasks: &ZendHashTable, timeout: f64) -> Zval {
    let fail = || false.into_zval(false).unwrap_or_default();
    let shared = worker::current_server();
    let Some(wait) = reply_wait(shared.as_deref(), "taskWaitMulti") else { return fail() };
    // One warning for the call, as Swoole's, not one per task.
    if shared.as_ref().is_some_and(|s| s.stats.task_num() == 0) {
        fatal_warning(NO_TASK_WORKER);
        return fail();
    }
    let mut keys = Vec::new();
    let mut ids = Vec::new();
    for (key, data) in tasks.iter() {
        if let Some((id, _)) = dispatch(data, -1, TASK_WAITALL, Some(wait.claim.lane())) {
            keys.push(key.to_string());
            ids.push(id);
        }
    }
    if ids.is_empty() && !tasks.is_empty() {
        process_state::set_last_error(ERROR_TASK_DISPATCH_FAIL);
        return fail();
    }
    let mut got = collect(&wait, &ids, Duration::from_secs_f64(timeout.max(0.0)));
    let mut out = ZendHashTable::new();
    for (key, id) in keys.iter().zip(&ids) {
        if let Some(v) = got.remove(id) {
            match key.parse::<i64>() {
                Ok(n) if n.to_string() == *key => {
                    let _ = out.insert_at_index(n, v);
                }
                _ => {
                    let _ = out.insert(key.as_str(), v);
                }
            }
        }
    }
    out.into_zval(false).unwrap_or_default()
}

/// Sends a result for `task` back to where it came from.
fn finish_for(task: TaskHeader, data: &Zval) -> bool {
    let Some(route) = task_route::result_route(&task) else {
        // The task came from a user process, the manager or the master,
        // which take no result: Swoole only logs it (no PHP warning).
        swoole_core::log::warning("Server::finish(): Server::finish() can only be used in the worker process");
        return false;
    };
    let Some(shared) = worker::current_server() else { return false };
    let Some((data_flags, bytes)) = pack(data) else { return false };
    let me = match process_state::role() {
        Role::Task(id) => id,
        _ => 0,
    };
    let header = task_route::result_header(task, me, data_flags);
    let deadline = SEND_TIMEOUT.with(|t| t.get()).map(|secs| Instant::now() + Duration::from_secs_f64(secs));
    let (channel, to) = match route {
        ResultRoute::Inbox(worker) => (&shared.inboxes, worker),
        ResultRoute::ReplyLane(lane) => (&shared.replies, lane),
    };
    match channel.send_until(to, Kind::Finish, swoole_core::SessionId(0), 0, &header.encode(&bytes), deadline) {
        Ok(()) => true,
        Err(e) if e.kind() == std::io::ErrorKind::TimedOut => {
            process_state::set_last_error(ERROR_SEND_TIMEOUT);
            swoole_core::log::put_code(
                swoole_core::log::LOG_WARNING,
                ERROR_SEND_TIMEOUT,
                &format!("Server::finish() (ERRNO {ERROR_SEND_TIMEOUT}): send result to worker timed out"),
            );
            false
        }
        Err(_) => false,
    }
}

/// `finish($data)` inside onTask.
pub fn finish(data: &Zval) -> bool {
    match CURRENT.with(|c| c.get()) {
        Some(cur) => finish_for(cur.header, data),
        None => {
            warning("finish() can only be used in a task worker, while it runs a task");
            false
        }
    }
}

/// In a task worker: runs onTask for one task message, and finishes with its
/// return value when that is not null. `call` runs the PHP callback.
pub fn handle_task(payload: &[u8], object_mode: bool, call: impl FnOnce(Vec<Zval>) -> (CallOutcome, Zval)) -> CallOutcome {
    let Some((header, bytes)) = TaskHeader::decode(payload) else { return CallOutcome::Returned };
    let data = unpack(header.flags, bytes);
    CURRENT.with(|c| c.set(Some(Current { header })));
    let args = if object_mode {
        vec![Task::new_object(header, data)]
    } else {
        let mut id = Zval::new();
        id.set_long(header.task_id);
        let mut src = Zval::new();
        src.set_long(header.worker as i64);
        vec![id, src, data]
    };
    let (outcome, ret) = call(args);
    // Idle before the result leaves: whoever gets it may send the next task at once.
    worker::mark_idle();
    // A one-way task (from a user process) takes no result: its return value is dropped.
    if outcome == CallOutcome::Returned && !ret.is_null() && header.flags & TASK_NOREPLY == 0 && !finish_for(header, &ret) {
        // A value serialize() refuses (a closure): its exception is reported
        // as uncaught, as Swoole does, and the task worker goes on.
        zend::report_pending_exception();
    }
    CURRENT.with(|c| c.set(None));
    outcome
}

/// In the source worker: a result arrived; the callback given to task() runs
/// if there is one (with `this`, the server), onFinish otherwise. `on_finish`
/// calls the PHP handler. With `event_object` both get one
/// `Swoole\Server\TaskResult` instead of the id and the result.
pub fn handle_finish(
    payload: &[u8],
    this: Zval,
    event_object: bool,
    on_finish: impl FnOnce(Vec<Zval>) -> CallOutcome,
) -> CallOutcome {
    let Some((header, bytes)) = TaskHeader::decode(payload) else { return CallOutcome::Returned };
    let data = unpack(header.flags, bytes);
    let args = if event_object {
        vec![crate::event_objects::task_result(header.task_id, header.worker as i64, data)]
    } else {
        let mut id = Zval::new();
        id.set_long(header.task_id);
        vec![id, data]
    };
    let callback = if header.flags & TASK_CALLBACK != 0 {
        let cb = CALLBACKS.with(|c| c.borrow_mut().remove(&header.task_id));
        let own = matches!(process_state::role(), Role::Worker(w) if swoole_core::reply_lane::own(w).1 == header.origin);
        if cb.is_none() && !own {
            // The result of a task() with a callback given in another process
            // of this worker id (one that drained after a reload or
            // max_request, or died): Swoole drops it with this warning. (A
            // later result of one's own such task goes to onFinish.)
            warning("require 'onFinish' callback");
            return CallOutcome::Returned;
        }
        cb
    } else {
        None
    };
    match callback {
        Some(cb) => {
            let mut all = Vec::with_capacity(args.len() + 1);
            all.push(this);
            all.extend(args);
            cb.call(&mut all)
        }
        None => on_finish(args),
    }
}

/// `Swoole\Server\Task`: onTask's argument with `task_enable_coroutine` or
/// `task_object`.
#[php_class]
#[php(name = "Swoole\\Server\\Task")]
#[php(flags = ext_php_rs::flags::ClassFlags::Final)]
#[php(modifier = task_class)]
#[derive(Default)]
pub struct Task {
    /// Who sent it, its id and flags: where finish() sends the result.
    header: Cell<Option<TaskHeader>>,
}

fn task_class(builder: ClassBuilder) -> ClassBuilder {
    props::declare(
        builder,
        &[("data", P::Null), ("dispatch_time", P::Float(0.0)), ("id", P::Int(-1)), ("worker_id", P::Int(-1)), ("flags", P::Int(0))],
    )
}

impl Task {
    fn new_object(header: TaskHeader, data: Zval) -> Zval {
        let mut obj = ZendClassObject::new(Task { header: Cell::new(Some(header)) });
        let raw: *mut zend_object = obj.get_mut_zend_obj();
        props::set(raw, "data", data);
        // Microseconds, like PHP's microtime(): never "after" a later microtime().
        props::set(raw, "dispatch_time", (swoole_core::stats::now_f64() * 1e6).floor() / 1e6);
        props::set(raw, "id", header.task_id);
        props::set(raw, "worker_id", header.worker as i64);
        props::set(raw, "flags", header.flags as i64);
        obj.into_zval(false).unwrap_or_default()
    }
}

#[php_impl]
impl Task {
    /// `finish(mixed $data): bool` — on a task `new` made (no task behind
    /// it) Swoole's fatal error becomes a `Swoole\Error` one can catch.
    pub fn finish(&self, data: &Zval) -> PhpResult<bool> {
        match self.header.get() {
            Some(h) => Ok(finish_for(h, data)),
            None => Err(crate::exception::swoole_error("Invalid instance of Swoole\\Server\\Task")),
        }
    }

    /// `static pack(mixed $data): string|false` — the task payload format:
    /// the flags byte, the payload's length (4 bytes, big-endian), the payload.
    pub fn pack(data: &Zval) -> PhpResult<Zval> {
        Ok(match pack(data) {
            Some((flags, bytes)) => {
                let mut v = vec![flags as u8];
                v.extend_from_slice(&(bytes.len() as u32).to_be_bytes());
                v.extend_from_slice(&bytes);
                zend::bytes_zval(&v)
            }
            None => false.into_zval(false)?,
        })
    }

    /// `static unpack(string $data): mixed` — a package that is not one
    /// pack() made (truncated, or too short for its header) warns, as Swoole.
    pub fn unpack(data: &Zval) -> PhpResult<Zval> {
        let bytes = zend::arg_bytes(data, 1)?;
        let whole = match bytes.split_first() {
            Some((&flags, rest)) if rest.len() >= 4 => {
                let (len, payload) = rest.split_at(4);
                let len = u32::from_be_bytes([len[0], len[1], len[2], len[3]]) as usize;
                (len == payload.len()).then_some((flags, payload))
            }
            _ => None,
        };
        Ok(match whole {
            Some((flags, payload)) => unpack(flags as u32, payload),
            None => {
                warning("invalid task package");
                false.into_zval(false)?
            }
        })
    }
}

/// `Swoole\Server\Task`'s methods as Swoole 6.2.1 declares them; it has no
/// constructor (`new` gives an empty task).
const TASK_API: &[&str] =
    &["finish(mixed $data): bool", "static pack(mixed $data): string|false", "static unpack(string $data): mixed"];

/// Gives `Swoole\Server\Task` Swoole's signatures (first request).
pub fn fix_signatures() {
    use ext_php_rs::class::RegisteredClass;
    let ce = Task::get_metadata().ce();
    crate::shape::remove_method(ce, "__construct");
    crate::shape::shape(ce, TASK_API);
}
