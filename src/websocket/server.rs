//! `Swoole\WebSocket\Server extends Swoole\Http\Server`: its objects are
//! `Swoole\Server`'s (as `Http\Server`'s), and its own methods need no
//! state of the object: a frame goes out through `send()`'s path, which
//! reaches a connection whichever process holds it.
//!
//! ext-php-rs finds `$this` only in objects of the method's own Rust type,
//! so the instance methods are written as static Rust methods and lose the
//! static flag in [`fix_signatures`] (the engine then passes `$this`, which
//! they do not read).

use crate::args::{IntArg, Opt, StrArg};
use crate::http::server::HttpServer;
use crate::zend::{fatal_warning, warning};
use ext_php_rs::class::RegisteredClass;
use ext_php_rs::ffi::zend_object;
use ext_php_rs::prelude::*;
use ext_php_rs::types::Zval;
use ext_php_rs::zend::ClassEntry;
use swoole_core::error::ErrorCode;
use swoole_core::websocket::{encode, Opcode};
use swoole_core::{worker, SessionId};

/// `SWOOLE_ERROR_WEBSOCKET_PACK_FAILED`.
const WEBSOCKET_PACK_FAILED: i32 = 8505;
/// The engine's `ZEND_ACC_STATIC`.
const ACC_STATIC: u32 = 1 << 4;

/// `Swoole\WebSocket\Server`: no state of its own.
#[php_class]
#[php(name = "Swoole\\WebSocket\\Server")]
#[php(extends(ce = http_ce, stub = "\\Swoole\\Http\\Server"))]
pub struct WebSocketServer;

fn http_ce() -> &'static ClassEntry {
    HttpServer::get_metadata().ce()
}

/// Its methods, as Swoole 6.2.1's Reflection shows them.
const WEBSOCKET_SERVER: &[&str] = &[
    "push(int $fd, Swoole\\WebSocket\\Frame|string $data, int $opcode = WEBSOCKET_OPCODE_TEXT, int $flags = SWOOLE_WEBSOCKET_FLAG_FIN): bool",
    "disconnect(int $fd, int $code = SWOOLE_WEBSOCKET_CLOSE_NORMAL, string $reason = ''): bool",
    "ping(int $fd, string $data = ''): bool",
    "isEstablished(int $fd): bool",
    "static pack(Swoole\\WebSocket\\Frame|string $data, int $opcode = WEBSOCKET_OPCODE_TEXT, int $flags = SWOOLE_WEBSOCKET_FLAG_FIN): string",
    "static unpack(string $data): Swoole\\WebSocket\\Frame",
];

/// The methods that are instance methods in PHP (static in Rust, see above).
const INSTANCE_METHODS: &[&str] = &["push", "disconnect", "ping", "isEstablished"];

/// Sets the last error and returns false.
fn fail(code: i32) -> bool {
    crate::process_state::set_last_error(code);
    false
}

/// `push()`/`ping()`/`disconnect()`: the frame to `fd`, which must have
/// done its handshake. An unknown `fd` is "does not exists" for `push()`,
/// "not a websocket client" for `disconnect()` (`unknown_is_unconnected`), as Swoole says.
fn push_frame(fd: i64, frame: Result<Vec<u8>, encode::PackError>, unknown_is_unconnected: bool) -> bool {
    let session = SessionId(fd as u64);
    let frame = match frame {
        Ok(f) => f,
        Err(e) => {
            warning(&e.to_string());
            return fail(WEBSOCKET_PACK_FAILED);
        }
    };
    // A connection this worker serves as plain HTTP is no WebSocket client.
    // Swoole's warnings, which leave 503 (over the 8503 it sets first).
    let unconnected = || fatal_warning(&format!("the connected client of connection[{fd}] is not a websocket client or closed"));
    if fd <= 0 && !unknown_is_unconnected {
        return fatal_warning(&format!("session#{fd} does not exists"));
    }
    if fd <= 0 || crate::http::server::holds(session) || super::conn::held_before_handshake(session) {
        return unconnected();
    }
    match worker::send(session, &frame) {
        Ok(()) => true,
        Err(ErrorCode::SESSION_NOT_EXIST) if !unknown_is_unconnected => fatal_warning(&format!("session#{fd} does not exists")),
        Err(ErrorCode::SESSION_CLOSED | ErrorCode::SESSION_NOT_EXIST) => unconnected(),
        Err(code) => fail(code.0),
    }
}

#[php_impl]
impl WebSocketServer {
    /// `push(int $fd, Frame|string $data, int $opcode = 1, int $flags = 1): bool`
    pub fn push(fd: IntArg, data: &Zval, opcode: Opt<IntArg>, flags: Opt<IntArg>) -> PhpResult<bool> {
        let fd = fd.get(1)?;
        let opcode = opcode.or(3, Opcode::Text as i64)?;
        let flags = flags.or(4, i64::from(swoole_core::websocket::flags::FLAG_FIN))?;
        let session = SessionId(fd.max(0) as u64);
        let frame = match data.object() {
            Some(obj) => super::frame::frame_bytes(obj as *const _ as *mut zend_object, None),
            None => {
                let bytes = crate::zend::arg_bytes(data, 2)?;
                super::conn::frame_for(session, &bytes, opcode, flags)
            }
        };
        Ok(push_frame(fd, frame, false))
    }

    /// `disconnect(int $fd, int $code = 1000, string $reason = ''): bool`:
    /// a close frame, then the close (onDisconnect runs, not onClose).
    pub fn disconnect(fd: IntArg, code: Opt<IntArg>, reason: Opt<StrArg>) -> PhpResult<bool> {
        let fd = fd.get(1)?;
        let code = code.or(2, i64::from(swoole_core::websocket::CloseCode::NORMAL))?;
        let reason = match reason.0 {
            Some(r) => r.bytes(3)?.into_owned(),
            None => Vec::new(),
        };
        let mut frame = Vec::new();
        let packed = encode::pack_close(&mut frame, code, &reason, 0).map(|()| frame);
        if !push_frame(fd, packed, true) {
            return Ok(false);
        }
        let session = SessionId(fd as u64);
        super::conn::forget(session);
        Ok(worker::close(session, false).is_ok())
    }

    /// `ping(int $fd, string $data = ''): bool`
    pub fn ping(fd: IntArg, data: Opt<StrArg>) -> PhpResult<bool> {
        let fd = fd.get(1)?;
        let data = match data.0 {
            Some(d) => d.bytes(2)?.into_owned(),
            None => Vec::new(),
        };
        let mut frame = Vec::new();
        let packed = encode::pack(&mut frame, &data, Opcode::Ping as i64, 1, None).map(|()| frame);
        Ok(push_frame(fd, packed, false))
    }

    /// `isEstablished(int $fd): bool`: the handshake is done (on this
    /// worker's connections; see docs/COMPATIBILITY.md).
    pub fn is_established(fd: IntArg) -> PhpResult<bool> {
        let fd = fd.get(1)?;
        Ok(fd > 0 && super::conn::is_established(SessionId(fd as u64)))
    }

    /// `static pack(Frame|string $data, int $opcode = 1, int $flags = 1): string`
    pub fn pack(data: &Zval, opcode: Opt<IntArg>, flags: Opt<IntArg>) -> PhpResult<Zval> {
        super::frame::pack_value(data, opcode, flags)
    }

    /// `static unpack(string $data): Frame` (false when it is no frame).
    pub fn unpack(data: StrArg) -> PhpResult<Zval> {
        Ok(super::frame::unpack_value(&data.bytes(1)?))
    }
}

/// Objects are `Swoole\Server`'s; the constructor is `Http\Server`'s; the
/// methods get Swoole's order and arginfo.
pub fn fix_signatures() {
    let ws = WebSocketServer::get_metadata().ce();
    let parent = crate::server::Server::get_metadata().ce();
    crate::shape::inherit_object(ws, parent);
    let inherited = crate::arginfo::method(parent, "__construct");
    let own = crate::arginfo::method(ws, "__construct");
    own.handler = inherited.handler;
    own.num_args = inherited.num_args;
    own.scope = inherited.scope;
    for name in INSTANCE_METHODS {
        crate::arginfo::method(ws, name).fn_flags &= !ACC_STATIC;
    }
    // Swoole lists its own methods first, then the inherited ones.
    let mut decls: Vec<&str> = WEBSOCKET_SERVER.to_vec();
    decls.extend_from_slice(crate::signatures_methods::SERVER);
    crate::shape::shape(ws, &decls);
}

/// Whether `obj` is a `Swoole\WebSocket\Server` (or a subclass).
// The pointer is the engine's own live object/entry, as every caller passes it
// (rule 3: raw Zend handles stay in this layer).
#[allow(clippy::not_unsafe_ptr_arg_deref)]
pub fn is_websocket_server(obj: *mut zend_object) -> bool {
    // SAFETY: a live object of the running script.
    unsafe { (*obj).instance_of(WebSocketServer::get_metadata().ce()) }
}
