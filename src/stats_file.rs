//! `stats_file`, `stats_timer_interval` and `$server->stats_timer`: as in
//! Swoole, the hooks of its PHP library's `Swoole\Server\Helper`
//! (`src/library/ServerHelper.php`, declared per request by
//! [`crate::request`]) run in a worker just before the script's own
//! onWorkerStart and onWorkerExit. Worker 0's onWorkerStart hook starts a
//! timer that overwrites the file with `stats()` on each tick; the
//! onWorkerExit hook clears it, so the timer does not keep a stopping worker
//! alive. With `swoole.enable_library` Off the class does not exist and
//! nothing happens, as in Swoole.

use crate::host::{long, object_zval, ProcessHost};
use crate::props;
use crate::zend::{CallOutcome, Callback};
use ext_php_rs::types::Zval;

/// The library hook run before the script's onWorkerStart.
const ON_WORKER_START: &str = "Swoole\\Server\\Helper::onWorkerStart";
/// The library hook run before the script's onWorkerExit.
const ON_WORKER_EXIT: &str = "Swoole\\Server\\Helper::onWorkerExit";

/// Calls library hook `name` with `($server, $workerId)`; nothing when the
/// library is off (the class is then undefined).
fn call_hook(host: &ProcessHost, name: &str, id: usize) -> CallOutcome {
    let Ok(hook) = Callback::resolve(&crate::zend::bytes_zval(name.as_bytes())) else {
        return CallOutcome::Returned;
    };
    hook.call(&mut [object_zval(host.obj), long(id as i64)])
}

/// Worker `id` starts: in worker 0 of a server with `stats_file` set, the
/// stats timer starts and its id lands in `$server->stats_timer`.
pub(crate) fn on_worker_start(host: &ProcessHost, id: usize) -> CallOutcome {
    call_hook(host, ON_WORKER_START, id)
}

/// Worker `id` is stopping (each loop round while it drains): its stats
/// timer, if any, is cleared and `$server->stats_timer` set back to null.
/// Only a process holding one calls into PHP.
pub(crate) fn on_worker_exit(host: &ProcessHost, id: usize) -> CallOutcome {
    if !props::get(host.obj, "stats_timer").is_some_and(truthy) {
        return CallOutcome::Returned;
    }
    call_hook(host, ON_WORKER_EXIT, id)
}

/// PHP's truth of `$server->stats_timer` as the hook tests it (an id, or
/// false when tick() refused the interval; the script may have set anything).
fn truthy(zv: &Zval) -> bool {
    match (zv.is_null(), zv.bool(), zv.long()) {
        (true, _, _) => false,
        (_, Some(b), _) => b,
        (_, _, Some(n)) => n != 0,
        // Anything else: let the hook decide.
        _ => true,
    }
}
