//! `swoole_client_select()` / `swoole_select()`: waits on `Swoole\Client`s,
//! `Swoole\Process`es, `Swoole\Coroutine\Socket`s, PHP streams, ext-sockets
//! `Socket`s and plain descriptors given in three by-reference arrays, then
//! leaves in each array only its ready entries (keys kept), as Swoole does.
//! The timeout is in seconds; a negative one waits for ever.

use crate::declare;
use crate::args::Opt;
use crate::client::Client;
use crate::process::Process;
use crate::socket::Socket;
use crate::zend;
use ext_php_rs::boxed::ZBox;
use ext_php_rs::class::RegisteredClass;
use ext_php_rs::convert::IntoZval;
use ext_php_rs::exception::PhpResult;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendHashTable, ZendObject, Zval};
use std::os::fd::RawFd;
use swoole_core::select::{PollSet, Wait};

/// Swoole's default timeout, in seconds.
const DEFAULT_TIMEOUT: f64 = 0.5;

/// The descriptor of an object: a client's socket, a process's pipe, a
/// coroutine socket's fd, an ext-sockets socket. Other objects have none.
fn object_fd(obj: &ZendObject) -> Option<RawFd> {
    let prop = if obj.instance_of(Client::get_metadata().ce()) {
        "sock"
    } else if obj.instance_of(Process::get_metadata().ce()) {
        "pipe"
    } else if obj.instance_of(Socket::get_metadata().ce()) {
        "fd"
    } else {
        return crate::loop_php::ext_socket_fd(obj);
    };
    obj.get_property::<i64>(prop).ok().map(|fd| fd as RawFd)
}

/// One array element as a descriptor, with Swoole's warnings; `None` skips it.
/// A resource that is no stream is PHP's TypeError, as in Swoole (`Err`).
fn element_fd(el: &Zval) -> Result<Option<RawFd>, zend::ArgError> {
    let el = el.dereference();
    if let Some(n) = el.long() {
        if n < 0 {
            zend::fatal_warning(&format!("invalid file descriptor#{n} passed"));
            return Ok(None);
        }
        return Ok(Some(n as RawFd));
    }
    if let Some(res) = el.resource() {
        crate::event::require_stream(el)?;
        let fd = crate::loop_php::stream_fd(res, true);
        if fd.is_none() {
            zend::fatal_warning("fd argument must be either valid PHP stream or valid PHP socket resource");
        }
        return Ok(fd);
    }
    if let Some(obj) = el.object() {
        return Ok(object_fd(obj).filter(|&fd| fd >= 0));
    }
    zend::fatal_warning("invalid file descriptor passed");
    Ok(None)
}

/// A by-reference `?array` argument: its array, `None` for null; a
/// TypeError for anything else.
fn list_arg(zv: &Zval, arg_num: u32) -> PhpResult<Option<&ZendHashTable>> {
    let value = zv.dereference();
    if value.is_null() {
        return Ok(None);
    }
    match value.array() {
        Some(a) => Ok(Some(a)),
        None => {
            zend::arg_type_error(arg_num, "?array", value);
            Err(zend::ArgError.into())
        }
    }
}

/// The entries of `list` that are ready for `wait`.
fn ready_entries(list: &ZendHashTable, set: &PollSet, wait: Wait) -> ZBox<ZendHashTable> {
    let mut out = ZendHashTable::new();
    for (key, el) in list.iter() {
        let Ok(Some(fd)) = element_fd(el) else { continue };
        match set.ready(fd, wait) {
            None => {
                zend::fatal_warning(&format!("bad fd[{fd}]"));
            }
            Some(false) => {}
            Some(true) => {
                let _ = out.insert(key, el.shallow_clone());
            }
        }
    }
    out
}

/// `swoole_client_select(?array &$read, ?array &$write, ?array &$except,
/// ?float $timeout = 0.5): int|false` — the number of poll entries with an
/// event, as `poll(2)` counts them.
#[php_function]
pub fn swoole_client_select(read: &mut Zval, write: &mut Zval, except: &mut Zval, timeout: Opt<&Zval>)
    -> PhpResult<Zval> {
    let lists = [(list_arg(read, 1)?, Wait::Read), (list_arg(write, 2)?, Wait::Write), (list_arg(except, 3)?, Wait::Except)];
    let timeout = match timeout.0 {
        Some(t) if !t.is_null() => zend::arg_double(t, 4)?,
        _ => DEFAULT_TIMEOUT,
    };
    let mut set = PollSet::default();
    for (list, wait) in &lists {
        for (_, el) in list.iter().flat_map(|l| l.iter()) {
            if let Some(fd) = element_fd(el)? {
                set.add(fd, *wait);
            }
        }
    }
    if set.is_empty() {
        zend::fatal_warning("no resource arrays were passed to select");
        return Ok(false.into_zval(false)?);
    }
    let count = match set.wait(timeout) {
        Ok(n) => n,
        Err(e) => {
            crate::functions::sys_warning("unable to poll()", &e);
            return Ok(false.into_zval(false)?);
        }
    };
    let results: Vec<Option<ZBox<ZendHashTable>>> = lists
        .iter()
        .map(|(list, wait)| list.filter(|l| !l.is_empty()).map(|l| ready_entries(l, &set, *wait)))
        .collect();
    for (slot, result) in [read, write, except].into_iter().zip(results) {
        if let Some(table) = result {
            slot.dereference_mut().set_hashtable(table);
        }
    }
    Ok((count as i64).into_zval(false)?)
}

/// The global functions of this module, with Swoole's signatures.
pub fn declarations() -> Vec<crate::arginfo::Declaration> {
    vec![
        declare!(
            "swoole_client_select(?array &$read, ?array &$write, ?array &$except, ?float $timeout = 0.5): int|false",
            swoole_client_select
        ),
        declare!(
            "swoole_select(?array &$read, ?array &$write, ?array &$except, ?float $timeout = 0.5): int|false",
            swoole_client_select
        ),
    ]
}
