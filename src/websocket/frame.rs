//! `Swoole\WebSocket\Frame` and `Swoole\WebSocket\CloseFrame`: plain objects
//! of public properties, as Swoole's (`fd`, `data`, `opcode`, `flags`,
//! `finish`; a close frame's `code` and `reason`).

use crate::props::{self, Default as P};
use ext_php_rs::builders::ClassBuilder;
use ext_php_rs::class::RegisteredClass;
use ext_php_rs::convert::IntoZval;
use ext_php_rs::ffi::zend_object;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendClassObject, Zval};
use ext_php_rs::zend::ClassEntry;
use swoole_core::websocket::flags::FLAG_FIN;
use swoole_core::websocket::Opcode;
use swoole_core::SessionId;

/// `Swoole\WebSocket\Frame`: no state beyond its properties.
#[php_class]
#[php(name = "Swoole\\WebSocket\\Frame")]
#[php(modifier = frame_class)]
#[derive(Default)]
pub struct Frame;

fn frame_class(builder: ClassBuilder) -> ClassBuilder {
    props::declare(
        builder,
        &[("fd", P::Int(0)), ("data", P::Str("")), ("opcode", P::Int(1)), ("flags", P::Int(1)), ("finish", P::Null)],
    )
}

#[php_impl]
impl Frame {}

/// `Swoole\WebSocket\CloseFrame extends Frame`: opcode 8, `code`, `reason`.
#[php_class]
#[php(name = "Swoole\\WebSocket\\CloseFrame")]
#[php(extends(ce = frame_ce, stub = "\\Swoole\\WebSocket\\Frame"))]
#[php(modifier = close_frame_class)]
#[derive(Default)]
pub struct CloseFrame;

fn frame_ce() -> &'static ClassEntry {
    Frame::get_metadata().ce()
}

fn close_frame_class(builder: ClassBuilder) -> ClassBuilder {
    props::declare(builder, &[("opcode", P::Int(8)), ("code", P::Int(1000)), ("reason", P::Str(""))])
}

#[php_impl]
impl CloseFrame {}

/// No constructor of ours: `new Frame` makes the defaults, as Swoole's.
pub fn fix_signatures() {
    crate::shape::remove_method(Frame::get_metadata().ce(), "__construct");
    crate::shape::remove_method(CloseFrame::get_metadata().ce(), "__construct");
}

fn set_common(raw: *mut zend_object, session: SessionId, data: &[u8], opcode: u8, flags: u8) {
    props::set(raw, "fd", session.0 as i64);
    props::set(raw, "data", crate::http::values::bytes(data));
    props::set(raw, "opcode", i64::from(opcode));
    props::set(raw, "flags", i64::from(flags));
    props::set(raw, "finish", flags & FLAG_FIN != 0);
}

/// The `Frame` onMessage gets for a message (or a ping/pong delivered).
pub fn new_frame(session: SessionId, data: &[u8], opcode: u8, flags: u8) -> Zval {
    let mut obj = ZendClassObject::new(Frame);
    let raw: *mut zend_object = obj.get_mut_zend_obj();
    set_common(raw, session, data, opcode, flags);
    obj.into_zval(false).unwrap_or_default()
}

/// The `CloseFrame` onMessage gets with `open_websocket_close_frame`.
pub fn new_close_frame(session: SessionId, code: u16, reason: &str) -> Zval {
    let mut obj = ZendClassObject::new(CloseFrame);
    let raw: *mut zend_object = obj.get_mut_zend_obj();
    set_common(raw, session, b"", Opcode::Close as u8, FLAG_FIN);
    props::set(raw, "code", i64::from(code));
    props::set(raw, "reason", reason);
    obj.into_zval(false).unwrap_or_default()
}
