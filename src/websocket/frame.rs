//! `Swoole\WebSocket\Frame` and `Swoole\WebSocket\CloseFrame`: plain objects
//! of public properties, as Swoole's (`fd`, `data`, `opcode`, `flags`,
//! `finish`; a close frame's `code` and `reason`), and a frame as wire
//! bytes for `pack()`, `__toString()` and `push()`.

use crate::args::{IntArg, Opt, StrArg};
use crate::props::{self, Default as P};
use ext_php_rs::builders::ClassBuilder;
use ext_php_rs::class::RegisteredClass;
use ext_php_rs::convert::IntoZval;
use ext_php_rs::ffi::zend_object;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendClassObject, Zval};
use ext_php_rs::zend::ClassEntry;
use swoole_core::websocket::flags::FLAG_FIN;
use swoole_core::websocket::{encode, Opcode};
use swoole_core::SessionId;

/// `Swoole\WebSocket\Frame`: no state beyond its properties.
#[php_class]
#[php(name = "Swoole\\WebSocket\\Frame")]
#[php(modifier = frame_class)]
#[derive(Default)]
pub struct Frame;

fn frame_class(builder: ClassBuilder) -> ClassBuilder {
    let builder = builder.method(
        ext_php_rs::builders::FunctionBuilder::new("__toString", to_string).returns(ext_php_rs::flags::DataType::String, false, false),
        ext_php_rs::flags::MethodFlags::Public,
    );
    props::declare(
        builder,
        &[("fd", P::Int(0)), ("data", P::Str("")), ("opcode", P::Int(1)), ("flags", P::Int(1)), ("finish", P::Null)],
    )
}

#[php_impl]
impl Frame {
    /// `static pack(Frame|string $data, int $opcode = 1, int $flags = 1): string`
    pub fn pack(data: &Zval, opcode: Opt<IntArg>, flags: Opt<IntArg>) -> PhpResult<Zval> {
        pack_value(data, opcode, flags)
    }

    /// `static unpack(string $data): Frame` (false when it is no frame).
    pub fn unpack(data: StrArg) -> PhpResult<Zval> {
        Ok(unpack_value(&data.bytes(1)?))
    }
}

/// `__toString(): string`: the frame packed (as `pack($this)`). A raw
/// handler: it is inherited by `CloseFrame`, whose objects ext-php-rs would
/// not take as a `Frame`.
extern "C" fn to_string(ex: &mut ext_php_rs::zend::ExecuteData, retval: &mut Zval) {
    let Some(this) = ex.get_self() else { return };
    let mut this_zv = Zval::new();
    // The zval takes (and drops) a reference of its own.
    this_zv.set_object(this);
    if let Ok(z) = pack_value(&this_zv, Opt(None), Opt(None)) {
        *retval = z;
    }
}

/// The largest payload `unpack()` inflates to (ours: Swoole has no bound).
const UNPACK_MAX_INFLATED: usize = 64 * 1024 * 1024;

/// `unpack()`: one frame as a `Frame`/`CloseFrame`, or false (Swoole's
/// log line, warning and error code).
pub fn unpack_value(bytes: &[u8]) -> Zval {
    use swoole_core::websocket::unpack::{self, UnpackError, Unpacked};
    match unpack::unpack(bytes, UNPACK_MAX_INFLATED) {
        Ok(Unpacked::Frame { opcode, flags, data }) => new_frame(SessionId(0), &data, opcode, flags),
        Ok(Unpacked::Close { flags, code, reason }) => {
            let frame = new_close_frame(SessionId(0), code, &String::from_utf8_lossy(&reason));
            if let Some(obj) = frame.object() {
                let raw = obj as *const _ as *mut zend_object;
                props::set(raw, "flags", i64::from(flags));
                props::set(raw, "finish", flags & FLAG_FIN != 0);
                props::set(raw, "reason", crate::http::values::bytes(&reason));
            }
            frame
        }
        Err(UnpackError::TooShort) => {
            crate::process_state::set_last_error(unpack::ERROR_PROTOCOL);
            false_zval()
        }
        Err(e @ UnpackError::Incomplete { .. }) => {
            swoole_core::log::put_code(
                swoole_core::log::LOG_WARNING,
                unpack::ERROR_INCOMPLETE_PACKET,
                &format!("websocket::parse_frame() (ERRNO {}): {e}", unpack::ERROR_INCOMPLETE_PACKET),
            );
            crate::process_state::set_last_error(unpack::ERROR_PROTOCOL);
            false_zval()
        }
        Err(e) => {
            crate::zend::warning(&e.to_string());
            crate::process_state::set_last_error(unpack::ERROR_PROTOCOL);
            false_zval()
        }
    }
}

fn false_zval() -> Zval {
    let mut z = Zval::new();
    z.set_bool(false);
    z
}

/// A frame object's properties, read for `pack()`/`push()`.
pub fn frame_bytes(obj: *mut zend_object, deflater: Option<&mut swoole_core::websocket::deflate::Deflater>) -> Result<Vec<u8>, encode::PackError> {
    let long = |name| crate::props::get(obj, name).map(crate::zend::cast_long);
    let bytes = |name| crate::props::get(obj, name).and_then(|z| z.zend_str()).map(|s| s.as_bytes().to_vec());
    let data = bytes("data").unwrap_or_default();
    let reason = bytes("reason");
    let finish = crate::props::get(obj, "finish").filter(|z| !z.is_null()).map(|z| z.bool().unwrap_or(crate::zend::cast_long(z) != 0));
    let frame = encode::FrameObject {
        opcode: long("opcode").unwrap_or(1),
        data: &data,
        flags: long("flags").unwrap_or(1),
        finish,
        code: crate::props::get(obj, "code").filter(|z| !z.is_null()).map(crate::zend::cast_long),
        reason: reason.as_deref(),
    };
    let mut out = Vec::new();
    encode::pack_object(&mut out, &frame, deflater)?;
    Ok(out)
}

/// `pack()` of `Server` and `Frame`: a string or a frame object, compressed
/// as Swoole's `pack()` compresses (its own deflater, no connection).
pub fn pack_value(data: &Zval, opcode: Opt<IntArg>, flags: Opt<IntArg>) -> PhpResult<Zval> {
    let opcode = opcode.or(2, Opcode::Text as i64)?;
    let flags = flags.or(3, i64::from(swoole_core::websocket::flags::FLAG_FIN))?;
    let mut swoole = swoole_core::websocket::deflate::Deflater::swoole();
    let packed = match data.object() {
        Some(obj) => frame_bytes(obj as *const _ as *mut zend_object, Some(&mut swoole)),
        None => {
            let bytes = crate::zend::arg_bytes(data, 1)?;
            let mut out = Vec::new();
            encode::pack(&mut out, &bytes, opcode, flags, Some(&mut swoole)).map(|()| out)
        }
    };
    Ok(crate::http::values::bytes(&packed.unwrap_or_else(|e| {
        crate::zend::fatal_warning(&e.to_string());
        Vec::new()
    })))
}

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
    crate::shape::shape(Frame::get_metadata().ce(), FRAME_API);
    crate::shape::shape(CloseFrame::get_metadata().ce(), FRAME_API);
    crate::subclass::install::<Frame>();
    crate::subclass::install::<CloseFrame>();
}

/// `Frame`'s methods, as Swoole 6.2.1's Reflection shows them.
const FRAME_API: &[&str] = &[
    "__toString(): string",
    "static pack(Swoole\\WebSocket\\Frame|string $data, int $opcode = WEBSOCKET_OPCODE_TEXT, int $flags = SWOOLE_WEBSOCKET_FLAG_FIN): string",
    "static unpack(string $data): Swoole\\WebSocket\\Frame",
];

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
