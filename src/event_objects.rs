//! The callbacks' event objects of `event_object => true`:
//! `Swoole\Server\Event` (onConnect, onReceive, onClose), `Server\Packet`
//! (onPacket), `Server\PipeMessage` (onPipeMessage), `Server\TaskResult`
//! (onFinish and task() callbacks) and `Server\StatusInfo` (onWorkerError).
//!
//! They are plain engine classes with Swoole's public properties and
//! defaults (no Rust state: `new`, `clone` and `serialize()` work as in
//! Swoole), registered at module startup; the runtime fills one per call.

use crate::props::{self, Default as P};
use ext_php_rs::builders::ClassBuilder;
use ext_php_rs::convert::IntoZval;
use ext_php_rs::ffi::zend_object;
use ext_php_rs::types::{ZendObject, Zval};
use ext_php_rs::zend::ClassEntry;
use std::sync::atomic::{AtomicPtr, Ordering};

/// The registered class entries (module lifetime, no Zvals: safe as
/// statics), in the order of [`CLASSES`].
static SLOTS: [AtomicPtr<ClassEntry>; 5] = [
    AtomicPtr::new(std::ptr::null_mut()),
    AtomicPtr::new(std::ptr::null_mut()),
    AtomicPtr::new(std::ptr::null_mut()),
    AtomicPtr::new(std::ptr::null_mut()),
    AtomicPtr::new(std::ptr::null_mut()),
];
const EVENT: usize = 0;
const PACKET: usize = 1;
const PIPE_MESSAGE: usize = 2;
const TASK_RESULT: usize = 3;
const STATUS_INFO: usize = 4;

/// Keeps the entry of class `I` once the engine registered it.
fn store<const I: usize>(ce: &'static mut ClassEntry, _: ext_php_rs::args::ArgInfoTables) {
    SLOTS[I].store(ce, Ordering::Release);
}

/// Each class: its name, what keeps its entry, its properties in Swoole's
/// order with Swoole's defaults.
#[allow(clippy::type_complexity)]
const CLASSES: [(&str, fn(&'static mut ClassEntry, ext_php_rs::args::ArgInfoTables), &[(&str, P)]); 5] = [
    (
        "Swoole\\Server\\Event",
        store::<EVENT>,
        &[("reactor_id", P::Int(0)), ("fd", P::Int(0)), ("dispatch_time", P::Float(0.0)), ("data", P::Null)],
    ),
    (
        "Swoole\\Server\\Packet",
        store::<PACKET>,
        &[
            ("server_socket", P::Int(0)),
            ("server_port", P::Int(0)),
            ("dispatch_time", P::Float(0.0)),
            ("address", P::Null),
            ("port", P::Int(0)),
        ],
    ),
    (
        "Swoole\\Server\\PipeMessage",
        store::<PIPE_MESSAGE>,
        &[("source_worker_id", P::Int(0)), ("worker_id", P::Int(0)), ("dispatch_time", P::Float(0.0)), ("data", P::Null)],
    ),
    (
        "Swoole\\Server\\TaskResult",
        store::<TASK_RESULT>,
        &[("task_id", P::Int(0)), ("task_worker_id", P::Int(0)), ("dispatch_time", P::Float(0.0)), ("data", P::Null)],
    ),
    (
        "Swoole\\Server\\StatusInfo",
        store::<STATUS_INFO>,
        &[("worker_id", P::Int(0)), ("worker_pid", P::Int(0)), ("status", P::Int(0)), ("exit_code", P::Int(0)), ("signal", P::Int(0))],
    ),
];

/// Module startup: registers the five classes; false if one failed.
pub fn register_classes() -> bool {
    CLASSES.iter().all(|&(name, store, properties)| {
        props::declare(ClassBuilder::new(name), properties).registration(store).register().is_ok()
    })
}

/// A new object of class `class` (an index of [`CLASSES`]), its properties set to `values`.
fn object(class: usize, values: Vec<(&str, Zval)>) -> Zval {
    // SAFETY: set once at module startup to an entry that lives as long as the module.
    let Some(ce) = (unsafe { SLOTS[class].load(Ordering::Acquire).as_ref() }) else { return Zval::null() };
    let mut obj = ZendObject::new(ce);
    let raw: *mut zend_object = &mut *obj as *mut ZendObject as *mut zend_object;
    for (name, value) in values {
        props::set(raw, name, value);
    }
    obj.into_zval(false).unwrap_or_default()
}

fn long(v: i64) -> Zval {
    let mut z = Zval::new();
    z.set_long(v);
    z
}

fn double(v: f64) -> Zval {
    let mut z = Zval::new();
    z.set_double(v);
    z
}

/// The time an event is dispatched, in seconds with microseconds (as
/// PHP's `microtime(true)`: never after a later one).
fn now() -> Zval {
    double((swoole_core::stats::now_f64() * 1e6).floor() / 1e6)
}

/// `Server\Event` of onConnect/onClose (`data` null and `dispatch_time` 0,
/// as Swoole leaves them) or, with `data`, of onReceive.
pub fn event(fd: i64, reactor_id: i64, data: Option<Zval>) -> Zval {
    let mut values = vec![("fd", long(fd)), ("reactor_id", long(reactor_id))];
    if let Some(data) = data {
        values.push(("dispatch_time", now()));
        values.push(("data", data));
    }
    object(EVENT, values)
}

/// `Server\Packet` of onPacket: the receiving socket and its port, the
/// peer's address and port (a Unix datagram peer: its path, port 0), and
/// the datagram in `data` (not a declared property in Swoole either).
pub fn packet(server_socket: i64, server_port: i64, address: &str, port: i64, data: Zval) -> Zval {
    let values = vec![
        ("server_socket", long(server_socket)),
        ("dispatch_time", now()),
        ("server_port", long(server_port)),
        ("address", address.into_zval(false).unwrap_or_default()),
        ("port", long(port)),
    ];
    let packet = object(PACKET, values);
    if let Some(obj) = packet.object() {
        // A dynamic property, put straight into the object's property table:
        // a write through the handlers would raise PHP 8.2's deprecation
        // of dynamic properties, which Swoole's does not.
        let raw = obj as *const ZendObject as *mut zend_object;
        // SAFETY: a live object we just made; the table the engine returns
        // is its own (refcount 1), so it may be written.
        if let Some(table) = unsafe { ext_php_rs::ffi::zend_std_get_properties(raw).as_mut() } {
            let _ = table.insert("data", data);
        }
    }
    packet
}

/// `Server\PipeMessage` of onPipeMessage: Swoole 6.2.1 puts the sender's
/// id in both `source_worker_id` and `worker_id`.
pub fn pipe_message(src_worker_id: i64, data: Zval) -> Zval {
    let values = vec![
        ("source_worker_id", long(src_worker_id)),
        ("worker_id", long(src_worker_id)),
        ("dispatch_time", now()),
        ("data", data),
    ];
    object(PIPE_MESSAGE, values)
}

/// `Server\TaskResult` of onFinish (and of a task() callback): the task's
/// id, the task worker that ran it (its server-wide worker id), the result.
pub fn task_result(task_id: i64, task_worker_id: i64, data: Zval) -> Zval {
    let values =
        vec![("task_id", long(task_id)), ("task_worker_id", long(task_worker_id)), ("dispatch_time", now()), ("data", data)];
    object(TASK_RESULT, values)
}

/// `Server\StatusInfo` of onWorkerError: `status` is the raw wait status
/// (`exit_code << 8` for an exit, the signal number for a kill).
pub fn status_info(worker_id: i64, worker_pid: i64, exit_code: i32, signal: i32) -> Zval {
    let status = if signal != 0 { signal & 0x7f } else { (exit_code & 0xff) << 8 };
    let values = vec![
        ("worker_id", long(worker_id)),
        ("worker_pid", long(worker_pid)),
        ("status", long(status as i64)),
        ("exit_code", long(exit_code as i64)),
        ("signal", long(signal as i64)),
    ];
    object(STATUS_INFO, values)
}
