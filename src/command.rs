//! `Swoole\Server::addCommand()` and `command()`: the PHP side. The core's
//! [`swoole_core::command`] moves requests and replies between processes;
//! here the data is JSON-encoded, the callbacks are called, and failures
//! are reported as Swoole reports them.

use crate::process_state::{self, Role};
use crate::zend::{self, warning, CallOutcome, Callback};
use ext_php_rs::convert::IntoZval;
use ext_php_rs::ffi::zend_object;
use ext_php_rs::types::{ZendObject, Zval};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use swoole_core::command::{self as core_cmd, ReplyTo, RouteError, Target};
use swoole_core::inbox::Reassembler;

/// One `addCommand()` registration: the process types it runs in, and the callback.
pub struct Registered {
    pub accepted: i64,
    pub callback: Callback,
}

impl Clone for Registered {
    fn clone(&self) -> Self {
        Registered { accepted: self.accepted, callback: self.callback.clone() }
    }
}

/// The registrations of one server, by name.
pub type Commands = HashMap<String, Registered>;

/// `addCommand()`'s checks: before start, no reactor-thread commands, no
/// duplicate (false without a message, as Swoole).
pub fn add(commands: &mut Commands, running: bool, name: String, accepted: i64, callback: Callback) -> bool {
    if running {
        return crate::zend::fatal_warning("server is running, can't add command");
    }
    if accepted & core_cmd::REACTOR_THREAD != 0 {
        return crate::zend::fatal_warning("only support worker/task_worker process");
    }
    if commands.contains_key(&name) {
        return false;
    }
    commands.insert(name, Registered { accepted, callback });
    true
}

/// Runs `name`'s callback as `($server, $data)` here and returns its answer
/// (a string; Swoole's error objects when it failed or returned something else).
pub fn run(commands: &Commands, obj: *mut zend_object, name: &str, data: &[u8]) -> Vec<u8> {
    let Some(reg) = commands.get(name) else {
        return br#"{"data":"unknown command","code":-3}"#.to_vec();
    };
    let mut server = Zval::new();
    // SAFETY: obj is the live server object; set_object adds a reference.
    server.set_object(unsafe { &mut *(obj as *mut ZendObject) });
    let mut args = [server, zend::bytes_zval(data)];
    match reg.callback.call_returning(&mut args) {
        (CallOutcome::Returned, ret) => match ret.zend_str() {
            Some(s) => s.as_bytes().to_vec(),
            None => br#"{"data":"wrong return type","code":-2}"#.to_vec(),
        },
        _ => {
            zend::clear_pending_exception();
            warning(&format!("{name}: command handler error"));
            br#"{"data":"failed to call function","code":-1}"#.to_vec()
        }
    }
}

/// Request ids of this process.
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// `command($name, $process_id, $process_type, $data, $json_decode)`.
pub fn command(
    commands: &Commands,
    obj: *mut zend_object,
    name: &str,
    process_id: i64,
    process_type: i64,
    data: &Zval,
    json_decode: bool,
) -> Zval {
    let fail = || false.into_zval(false).unwrap_or_default();
    if !(0..=u32::MAX as i64).contains(&process_id) {
        warning(&format!("invalid process_id[{process_id}]"));
        return fail();
    }
    let Some(json) = zend::call_function("json_encode", vec![data]).and_then(|z| z.zend_str().map(|s| s.as_bytes().to_vec()))
    else {
        return fail();
    };
    // Swoole reports these in its log, not as PHP warnings.
    let notice = |code: i32, msg: &str| {
        process_state::set_last_error(code);
        swoole_core::log::notice(msg);
        fail()
    };
    let Some(reg) = commands.get(name) else { return notice(9012, &format!("Unknown command[{name}]")) };
    let Some(shared) = swoole_core::worker::current_server() else { return notice(9009, "server is not running") };
    let base_mode = !shared.is_process_mode();
    let from = match (process_state::role(), base_mode) {
        (Role::Master, false) => ReplyTo::Master,
        (Role::Worker(0), true) => ReplyTo::Lane(swoole_core::reply_lane::own(0).0),
        (_, false) => return notice(509, "command() can only be used in master process"),
        (_, true) => return notice(509, "command() can only be used in worker process 0"),
    };
    let stats = &shared.stats;
    let target = match core_cmd::route(process_type, process_id, reg.accepted, base_mode, stats.worker_num(), stats.task_num()) {
        Ok(t) => t,
        Err(RouteError::Unsupported) => return notice(507, "unsupported [process_type]"),
        Err(RouteError::InvalidId(what, id)) => return notice(505, &format!("invalid {what}[{id}]")),
    };
    let answer = match target {
        Target::Local => run(commands, obj, name, &json),
        Target::Manager if process_state::manager_pid() <= 0 => return notice(509, "there is no manager process"),
        _ => {
            // Worker 0's wait holds its reply lane alone (another process
            // of worker id 0 may have been given the same one).
            let claim = match from {
                ReplyTo::Lane(lane) => match shared.lane_claims.claim(lane, swoole_core::reply_lane::own(0).1) {
                    Some(claim) => Some(claim),
                    None => return notice(502, &format!("failed to send command[{name}]: every reply lane has a process waiting on it")),
                },
                ReplyTo::Master => None,
            };
            let from = claim.as_ref().map_or(from, |c| ReplyTo::Lane(c.lane()));
            let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
            if core_cmd::send_request(&shared, target, id, from, name, &json).is_err() {
                return notice(502, &format!("failed to send command[{name}]"));
            }
            match core_cmd::wait_reply(&shared, from, id, &mut Reassembler::default()) {
                Some(a) => a,
                None => return notice(2003, &format!("command[{name}] got no answer within {:?}", core_cmd::REPLY_TIMEOUT)),
            }
        }
    };
    if !json_decode {
        return zend::bytes_zval(&answer);
    }
    let text = zend::bytes_zval(&answer);
    match zend::call_function("json_decode", vec![&text, &true]) {
        Some(v) if !v.is_null() => v,
        _ => fail(),
    }
}
