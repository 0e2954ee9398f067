//! The strings hot paths repeat, interned once at module startup: an HTTP
//! request's (the `$server` keys, the methods and protocols, the common
//! header names) and onPacket's `$clientInfo` keys. Arrays built per request
//! or per datagram then take them as they are: no allocation, no hashing, no
//! copy of the key each time (what `insert("request_uri", ..)` costs
//! otherwise).

use ext_php_rs::ffi::{zend_hash_add_new, zend_string};
use ext_php_rs::flags::ZvalTypeFlags;
use ext_php_rs::types::{ZendHashTable, Zval};
use std::sync::OnceLock;

/// The interned strings, in [`Known`]'s order.
const NAMES: [&str; 33] = [
    "query_string",
    "request_method",
    "request_uri",
    "path_info",
    "request_time",
    "request_time_float",
    "server_protocol",
    "server_port",
    "remote_port",
    "server_addr",
    "remote_addr",
    "master_time",
    "server_socket",
    "dispatch_time",
    "address",
    "port",
    "GET",
    "POST",
    "HEAD",
    "PUT",
    "DELETE",
    "PATCH",
    "OPTIONS",
    "HTTP/1.1",
    "HTTP/1.0",
    "host",
    "connection",
    "user-agent",
    "accept",
    "accept-encoding",
    "content-type",
    "content-length",
    "cookie",
];

/// One of `NAMES`.
#[derive(Debug, Clone, Copy)]
#[allow(missing_docs)]
pub enum Known {
    QueryString,
    RequestMethod,
    RequestUri,
    PathInfo,
    RequestTime,
    RequestTimeFloat,
    ServerProtocol,
    ServerPort,
    RemotePort,
    ServerAddr,
    RemoteAddr,
    MasterTime,
    ServerSocket,
    DispatchTime,
    Address,
    Port,
}

/// Where the names [`find`] looks up (methods, protocols, headers) begin.
const FOUND_FROM: usize = Known::Port as usize + 1;

/// Where [`NAMES`]' interned strings are (addresses of permanent
/// `zend_string`s); unset before module startup.
static INTERNED: OnceLock<[usize; NAMES.len()]> = OnceLock::new();

/// Module startup: interns `NAMES` for good.
pub fn intern() {
    // SAFETY: MINIT: the engine's interning function makes permanent strings here.
    let Some(init) = (unsafe { ext_php_rs::ffi::zend_string_init_interned }) else { return };
    let _ = INTERNED.set(NAMES.map(|n| unsafe { init(n.as_ptr().cast(), n.len(), true) } as usize));
}

/// The interned string of `NAMES[i]`.
fn interned(i: usize) -> Option<*mut zend_string> {
    INTERNED.get().map(|t| t[i] as *mut zend_string)
}

/// The index in [`NAMES`] of a method, protocol or header name, if it is one.
fn find(s: &[u8]) -> Option<usize> {
    NAMES[FOUND_FROM..].iter().position(|n| n.as_bytes() == s).map(|i| i + FOUND_FROM)
}

/// An interned string zval (not reference counted: nothing to free).
fn string_zval(s: *mut zend_string) -> Zval {
    let mut z = Zval::new();
    z.value.str_ = s;
    z.u1.type_info = ZvalTypeFlags::InternedStringEx.bits();
    z
}

/// `s` as a PHP string: the interned one when it is a method or protocol
/// name, a new one otherwise.
pub fn string(s: &str) -> Zval {
    match find(s.as_bytes()).and_then(interned) {
        Some(p) => string_zval(p),
        None => crate::zend::bytes_zval(s.as_bytes()),
    }
}

/// Adds `value` under a key not yet in `table`, given by its interned string.
fn add_new(table: &mut ZendHashTable, key: *mut zend_string, value: Zval) {
    let mut value = std::mem::ManuallyDrop::new(value);
    // SAFETY: a live table; the key is a permanent interned string; the
    // table takes the value over (copied, not added to: hence ManuallyDrop).
    unsafe { zend_hash_add_new(table, key, &mut *value) };
}

/// Adds `value` under `key` (a key not yet in `table`).
pub fn insert(table: &mut ZendHashTable, key: Known, value: Zval) {
    match interned(key as usize) {
        Some(k) => add_new(table, k, value),
        None => {
            let _ = table.insert(NAMES[key as usize], value);
        }
    }
}

/// Adds `value` under header name `name` (lower-case, not yet in `table`).
pub fn insert_header(table: &mut ZendHashTable, name: &[u8], value: Zval) {
    match find(name).and_then(interned) {
        Some(k) => add_new(table, k, value),
        None => {
            let _ = table.insert(String::from_utf8_lossy(name).as_ref(), value);
        }
    }
}
