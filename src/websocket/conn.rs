//! A worker's WebSocket connections: the handshake of an upgrade request,
//! then frames in ([`Reader`]) and events out (onOpen, onMessage), pongs
//! and close echoes answered here, bad input closing only its connection
//! with RFC 6455's close code.

use super::config::WsConfig;
use crate::events::Event;
use crate::http::config::HttpConfig;
use crate::http::server::Dispatch;
use crate::zend::CallOutcome;
use ext_php_rs::types::Zval;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use swoole_core::http::{date, Request};
use swoole_core::websocket::deflate::{self, Deflater, Policy};
use swoole_core::websocket::handshake::{self, UpgradeRequest};
use swoole_core::websocket::{encode, Opcode, Read, Reader, ReaderConfig, Role};
use swoole_core::{worker, SessionId};

/// `SWOOLE_WEBSOCKET_STATUS_ACTIVE`: the handshake is done.
pub const STATUS_ACTIVE: i64 = 3;
/// `SWOOLE_WEBSOCKET_STATUS_HANDSHAKE`: onHandShake has the request and its
/// answer is not ended yet.
pub const STATUS_HANDSHAKE: i64 = 2;
/// The answer status that makes an onHandShake connection a WebSocket one.
const SWITCHING_PROTOCOLS: u16 = 101;

/// One WebSocket connection of this worker.
struct WsConn {
    /// The handshake is answered with a 101, or, as Swoole, a read arrived
    /// while onHandShake's answer is pending: frames are read. Until then
    /// the bytes behind the request wait in `input`.
    established: bool,
    /// Its frames, reassembled and checked.
    reader: Reader,
    /// Bytes received and not yet read as frames.
    input: Vec<u8>,
    /// permessage-deflate was negotiated: `push()` compresses with this.
    deflater: Option<Deflater>,
    /// The port's settings (which control frames reach onMessage).
    cfg: WsConfig,
}

thread_local! {
    /// Each port's WebSocket settings (None: no WebSocket), set by `start()`
    /// before any fork.
    static PORTS: RefCell<Vec<Option<Rc<WsConfig>>>> = const { RefCell::new(Vec::new()) };
    /// This worker's WebSocket connections by session id.
    static CONNS: RefCell<HashMap<u64, WsConn>> = RefCell::new(HashMap::new());
}

/// Records the ports' WebSocket settings (at `start()`).
pub fn configure(ports: Vec<Option<WsConfig>>) {
    PORTS.with(|p| *p.borrow_mut() = ports.into_iter().map(|c| c.map(Rc::new)).collect());
    CONNS.with(|c| c.borrow_mut().clear());
}

/// The WebSocket settings of the port `session` came in on, if it speaks WebSocket.
pub fn port_config_of(session: SessionId) -> Option<Rc<WsConfig>> {
    let port = worker::port_of(session)?;
    PORTS.with(|p| p.borrow().get(port).cloned().flatten())
}

/// Whether `session` finished its handshake on this worker.
pub fn is_open_here(session: SessionId) -> bool {
    CONNS.with(|c| c.borrow().get(&session.0).is_some_and(|w| w.established))
}

/// Whether `session`'s bytes are WebSocket frames (established, or held
/// for onHandShake's answer), no more HTTP requests.
pub fn takes_frames(session: SessionId) -> bool {
    CONNS.with(|c| c.borrow().contains_key(&session.0))
}

/// Whether `session` finished its handshake, in whichever process holds it
/// (the session table carries the status).
pub fn is_established(session: SessionId) -> bool {
    is_open_here(session)
        || worker::current_server().is_some_and(|s| s.table.websocket_status(session) == STATUS_ACTIVE as u32)
}

/// Publishes `session`'s status for the other processes.
fn publish(session: SessionId, status: i64) {
    if let Some(s) = worker::current_server() {
        s.table.set_websocket_status(session, status as u32);
    }
}

/// Whether `session` came in on a port with `open_websocket_protocol`.
pub fn on_websocket_port(session: SessionId) -> bool {
    port_config_of(session).is_some()
}

/// `getClientInfo()['websocket_status']`: only on a WebSocket port; 3
/// (`SWOOLE_WEBSOCKET_STATUS_ACTIVE`) after the handshake, 2 while
/// onHandShake's answer is not ended, 0 before.
pub fn status(session: SessionId) -> Option<i64> {
    on_websocket_port(session).then(|| {
        if is_established(session) {
            return STATUS_ACTIVE;
        }
        let here = CONNS.with(|c| c.borrow().contains_key(&session.0));
        let shared = worker::current_server().map(|s| i64::from(s.table.websocket_status(session)));
        if here { STATUS_HANDSHAKE } else { shared.filter(|&s| s == STATUS_HANDSHAKE).unwrap_or(0) }
    })
}

/// Whether this worker holds `session` itself and it has not done its
/// handshake (`push()` to it is refused).
pub fn held_before_handshake(session: SessionId) -> bool {
    !is_open_here(session) && worker::with(|r| r.exists(session)).unwrap_or(false)
}

/// The connection closed: its state goes; whether it was established.
pub fn forget(session: SessionId) -> bool {
    publish(session, 0);
    CONNS.with(|c| c.borrow_mut().remove(&session.0)).is_some_and(|w| w.established)
}

/// onHandShake's answer was ended with `status` ([`crate::http::response::Upgrade`]):
/// a 101 makes the connection a WebSocket one at once (`isEstablished()`,
/// `push()` work from then on, inside the callback too), anything else
/// leaves it an HTTP connection that is closed after the answer, as
/// Swoole's `Response::end()` decides. Returns whether it stays open.
///
/// A connection a frame already established ([`on_data`]) stays one
/// whatever the status, as Swoole's `end()` decides only while the status is
/// still `SWOOLE_WEBSOCKET_STATUS_HANDSHAKE`.
fn settle(session: SessionId, status: u16) -> bool {
    let alive = worker::info(session).is_some();
    let open = alive && (status == SWITCHING_PROTOCOLS || is_open_here(session));
    CONNS.with(|c| {
        let mut conns = c.borrow_mut();
        if open {
            if let Some(w) = conns.get_mut(&session.0) {
                w.established = true;
            }
        } else {
            conns.remove(&session.0);
        }
    });
    publish(session, if open { STATUS_ACTIVE } else { 0 });
    open
}

/// `push()`'s frame for `session`: compressed when the connection
/// negotiated permessage-deflate and the frame asks for it (or always, as
/// Swoole, for a FIN data frame on such a connection).
pub fn frame_for(session: SessionId, data: &[u8], opcode: i64, flags: i64) -> Result<Vec<u8>, encode::PackError> {
    let mut out = Vec::with_capacity(data.len() + 14);
    CONNS.with(|c| {
        let mut conns = c.borrow_mut();
        let deflater = conns.get_mut(&session.0).and_then(|w| w.deflater.as_mut());
        let flags = if deflater.is_some() { flags | i64::from(swoole_core::websocket::flags::FLAG_COMPRESS) } else { flags };
        // MASK never goes out from a server.
        let flags = flags & !i64::from(swoole_core::websocket::flags::FLAG_MASK);
        encode::pack(&mut out, data, opcode, flags, deflater)
    })?;
    Ok(out)
}

/// An upgrade request arrived on a WebSocket port: the user's onHandShake,
/// or the handshake answered here and onOpen. `rest` are the bytes after the
/// request (the first frames). Returns what the callback did.
pub fn upgrade(session: SessionId, http: &Rc<HttpConfig>, cfg: &WsConfig, req: Request, rest: Vec<u8>, dispatch: &mut Dispatch<'_>) -> CallOutcome {
    let head = &req.head;
    let headers: Vec<(&str, &[u8])> =
        head.headers().map(|(n, v)| (std::str::from_utf8(n).unwrap_or(""), v)).collect();
    let minor = if head.version == swoole_core::http::Version::Http10 { 0 } else { 1 };
    let upgrade = UpgradeRequest::new(head.method.as_str(), minor, headers);
    let agreement = if cfg.compression { deflate::negotiate(upgrade.extensions(), Policy::Swoole) } else { None };
    let protocol = cfg.subprotocol.as_deref().filter(|p| upgrade.offers_protocol(p)).map(str::to_owned);
    let validated = upgrade.validate().map(|a| a.accept);
    let facts = crate::http::response::Facts::of(&req.head, http);
    let Some(request) = crate::http::request::new_object(session, http, req) else {
        let _ = worker::send(session, swoole_core::http::limits::BAD_REQUEST);
        let _ = worker::close(session, false);
        return CallOutcome::Returned;
    };
    let fresh = || ReaderConfig { max_message: cfg.max_message, role: Role::Server, deflate: agreement };
    let hold = |input: Vec<u8>, established: bool| {
        let conn = WsConn {
            established,
            reader: Reader::new(fresh()),
            input,
            deflater: agreement.as_ref().map(|a| a.deflater()),
            cfg: cfg.clone(),
        };
        CONNS.with(|c| c.borrow_mut().insert(session.0, conn));
        publish(session, if established { STATUS_ACTIVE } else { STATUS_HANDSHAKE });
    };
    // The user's handshake: onOpen is then theirs to call. What the client
    // sends meanwhile waits; the answer's status, once it is ended (in the
    // callback or later), decides the connection ([`settle`]).
    hold(rest, false);
    let response = crate::http::response::new_handshake_object(session, facts, Rc::clone(http), settle);
    let mut args = [request.shallow_clone(), response];
    if let Some(outcome) = dispatch(Event::HandShake, &mut args) {
        // A response the callback did not keep goes now (never ended: its 500).
        drop(args);
        if outcome != CallOutcome::Returned || !is_open_here(session) {
            return outcome;
        }
        return on_data(session, &[], dispatch);
    }
    crate::http::response::discard(&args[1]);
    let rest = CONNS.with(|c| c.borrow_mut().remove(&session.0)).map(|w| w.input).unwrap_or_default();
    let accept = match validated {
        Ok(accept) => accept,
        Err(e) => {
            let _ = worker::send(session, &e.response(&date::http_date(date::now())));
            let _ = worker::close(session, false);
            return CallOutcome::Returned;
        }
    };
    let answer = agreement.as_ref().map(|a| a.answer());
    let bytes = handshake::Response {
        accept: &accept,
        protocol: protocol.as_deref(),
        extensions: answer.as_deref(),
        extra: &[],
        date: &date::http_date(date::now()),
    }
    .to_bytes();
    if worker::send(session, &bytes).is_err() {
        return CallOutcome::Returned;
    }
    hold(Vec::new(), true);
    let mut args = [Zval::new(), request];
    let outcome = dispatch(Event::Open, &mut args).unwrap_or(CallOutcome::Returned);
    if outcome != CallOutcome::Returned || rest.is_empty() {
        return outcome;
    }
    on_data(session, &rest, dispatch)
}

/// A frame's event, owned, so the connection is free while PHP runs (a
/// callback may `push()` to the same connection).
enum Owned {
    /// Deliver to onMessage: opcode, data, flags.
    Message(u8, Vec<u8>, u8),
    /// Answer with this frame.
    Answer(Vec<u8>),
    /// A close: maybe onMessage first (code, reason), then echo and close.
    Close { code: u16, reason: String, echo: Vec<u8>, deliver: bool },
    /// Bad input: send this close frame, then close.
    Fail(Vec<u8>),
}

/// Bytes of an established connection: every whole message goes to
/// onMessage, in order. A read while onHandShake's answer is pending
/// establishes the connection at once (status 3, `push()` working, before
/// the 101 goes out), as Swoole's reactor does once the status is
/// `SWOOLE_WEBSOCKET_STATUS_HANDSHAKE` (measured on 6.2.1, both modes).
pub fn on_data(session: SessionId, data: &[u8], dispatch: &mut Dispatch<'_>) -> CallOutcome {
    let established = CONNS.with(|c| {
        let mut conns = c.borrow_mut();
        let w = conns.get_mut(&session.0)?;
        w.input.extend_from_slice(data);
        if !w.established && !data.is_empty() {
            w.established = true;
            return Some((true, true));
        }
        Some((w.established, false))
    });
    let Some((true, flipped)) = established else { return CallOutcome::Returned };
    if flipped {
        publish(session, STATUS_ACTIVE);
    }
    loop {
        let next = CONNS.with(|c| {
            let mut conns = c.borrow_mut();
            let w = conns.get_mut(&session.0)?;
            let cfg = &w.cfg;
            let (consumed, owned) = match w.reader.read(&mut w.input) {
                Err(f) => (0, Some(Owned::Fail(encode::close_frame(f.code, f.reason)))),
                Ok(Read::Incomplete { .. }) => return None,
                Ok(Read::Frame { consumed, event }) => {
                    use swoole_core::websocket::Event as E;
                    let owned = event.and_then(|e| match e {
                        E::Message { opcode, data, flags } => Some(Owned::Message(opcode as u8, data.to_vec(), flags)),
                        E::Ping { data, flags } if cfg.ping_frame => {
                            Some(Owned::Message(Opcode::Ping as u8, data.to_vec(), flags))
                        }
                        E::Ping { data, .. } => Some(Owned::Answer(encode::frame(Opcode::Pong, data))),
                        E::Pong { data, flags } if cfg.pong_frame => {
                            Some(Owned::Message(Opcode::Pong as u8, data.to_vec(), flags))
                        }
                        E::Pong { .. } => None,
                        E::Close { code, reason, payload, .. } => Some(Owned::Close {
                            code: code.unwrap_or(swoole_core::websocket::CloseCode::NORMAL),
                            reason: reason.to_owned(),
                            echo: encode::frame(Opcode::Close, payload),
                            deliver: cfg.close_frame,
                        }),
                    });
                    (consumed, owned)
                }
            };
            w.input.drain(..consumed);
            if w.input.capacity() > swoole_core::websocket::RETAINED_CAPACITY && w.input.is_empty() {
                w.input = Vec::new();
            }
            Some(owned)
        });
        let Some(owned) = next else { return CallOutcome::Returned };
        match owned {
            None => {}
            Some(Owned::Answer(frame)) => {
                let _ = worker::send(session, &frame);
            }
            Some(Owned::Message(opcode, data, flags)) => {
                let frame = super::frame::new_frame(session, &data, opcode, flags);
                let outcome = dispatch(Event::Message, &mut [Zval::new(), frame]).unwrap_or(CallOutcome::Returned);
                if outcome != CallOutcome::Returned {
                    return outcome;
                }
            }
            Some(Owned::Close { code, reason, echo, deliver }) => {
                let outcome = if deliver {
                    let frame = super::frame::new_close_frame(session, code, &reason);
                    dispatch(Event::Message, &mut [Zval::new(), frame]).unwrap_or(CallOutcome::Returned)
                } else {
                    CallOutcome::Returned
                };
                let _ = worker::send(session, &echo);
                let _ = worker::close(session, false);
                return outcome;
            }
            Some(Owned::Fail(frame)) => {
                let _ = worker::send(session, &frame);
                let _ = worker::close(session, false);
                return CallOutcome::Returned;
            }
        }
    }
}
