//! `Swoole\Http\Server`, and what a worker does with the bytes of its HTTP
//! connections: one [`Http1Parser`] per connection, requests handed to
//! onRequest one at a time and in the order they came (pipelining), `400` or
//! `413` and a close for a connection that breaks the rules (only that one),
//! static files answered without PHP.

use super::config::HttpConfig;
use crate::server::Server;
use crate::zend::CallOutcome;
use ext_php_rs::class::RegisteredClass;
use ext_php_rs::ffi::zend_object;
use ext_php_rs::prelude::*;
use ext_php_rs::types::Zval;
use ext_php_rs::zend::ClassEntry;
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;
use std::time::{Duration, Instant};
use swoole_core::http::static_answer::{self, Part};
use swoole_core::http::static_files::{Lookup, NOT_FOUND_PAGE};
use swoole_core::http::{date, limits, Event, Http1Parser, Request};
use swoole_core::{worker, SessionId};

/// `Swoole\Http\Server extends Swoole\Server`: no state of its own. Its
/// objects are `Swoole\Server`'s (see [`fix_signatures`]), so every method
/// and setting of the server applies; port 0 speaks HTTP.
#[php_class]
#[php(name = "Swoole\\Http\\Server")]
#[php(extends(ce = server_ce, stub = "\\Swoole\\Server"))]
pub struct HttpServer;

fn server_ce() -> &'static ClassEntry {
    Server::get_metadata().ce()
}

#[php_impl]
impl HttpServer {}

/// Objects of `Swoole\Http\Server` are made by `Swoole\Server`'s handler and
/// constructed by its constructor; then the methods get Swoole's order and
/// arginfo.
pub fn fix_signatures() {
    let http = HttpServer::get_metadata().ce();
    crate::shape::inherit_object(http, server_ce());
    let parent = crate::arginfo::method(server_ce(), "__construct");
    let own = crate::arginfo::method(http, "__construct");
    own.handler = parent.handler;
    // Its arginfo comes from the declaration below (Swoole\Server's).
    own.num_args = parent.num_args;
    // Declared by Swoole\Server, as Reflection shows Swoole's (the class
    // then leaves its arginfo to the parent's at shutdown, as any inherited method).
    own.scope = parent.scope;
    crate::shape::shape(http, crate::signatures_methods::SERVER);
}

/// Whether `obj` is a `Swoole\Http\Server` (or a subclass).
// The pointer is the engine's own live object/entry, as every caller passes it
// (rule 3: raw Zend handles stay in this layer).
#[allow(clippy::not_unsafe_ptr_arg_deref)]
pub fn is_http_server(obj: *mut zend_object) -> bool {
    // SAFETY: a live object of the running script.
    unsafe { (*obj).instance_of(HttpServer::get_metadata().ce()) }
}

/// One HTTP connection of this worker.
struct Conn {
    /// Its bytes not yet parsed, and where its requests stand.
    parser: Http1Parser,
    /// When its begun request head must be complete (`http_header_timeout`);
    /// None when no head is half received. Also a key of [`HEAD_DEADLINES`].
    head_deadline: Option<Instant>,
}

thread_local! {
    /// This worker's HTTP connections by session id.
    static CONNS: RefCell<HashMap<u64, Conn>> = RefCell::new(HashMap::new());
    /// The connections with a half-received head, by deadline: what
    /// [`head_deadlines`] closes when due (empty in the usual case, where a
    /// head arrives in one read).
    static HEAD_DEADLINES: RefCell<BTreeSet<(Instant, u64)>> = const { RefCell::new(BTreeSet::new()) };
}

/// Follows `conn`'s head after a read: a deadline when one has begun, none
/// once it completed.
fn track_head(session: u64, conn: &mut Conn, timeout: Option<Duration>) {
    let pending = timeout.filter(|_| conn.parser.head_pending());
    match (pending, conn.head_deadline) {
        (Some(t), None) => {
            let at = Instant::now() + t;
            conn.head_deadline = Some(at);
            HEAD_DEADLINES.with(|d| d.borrow_mut().insert((at, session)));
        }
        (None, Some(at)) => {
            conn.head_deadline = None;
            HEAD_DEADLINES.with(|d| d.borrow_mut().remove(&(at, session)));
        }
        _ => {}
    }
}

/// The worker loop's hook before it sleeps (the parsers live here, in the
/// worker, not in the Zend-free core: rule 3): answers `408` and closes every
/// connection whose head missed its deadline (a slowloris client: rule 6, only
/// that connection); returns how long until the next deadline.
pub fn head_deadlines() -> Option<Duration> {
    let now = Instant::now();
    loop {
        let first = HEAD_DEADLINES.with(|d| d.borrow().first().copied())?;
        if first.0 > now {
            return Some(first.0 - now);
        }
        let session = SessionId(first.1);
        let _ = worker::send(session, limits::REQUEST_TIMEOUT);
        let _ = worker::close(session, false);
        forget(session);
        // (forget() removed it; a session unknown to CONNS is dropped here.)
        HEAD_DEADLINES.with(|d| d.borrow_mut().remove(&first));
    }
}

/// Records the ports' HTTP configurations (at `start()`), no connection
/// yet; returns whether any port speaks HTTP.
pub fn configure(ports: Vec<Option<HttpConfig>>) -> bool {
    CONNS.with(|c| c.borrow_mut().clear());
    HEAD_DEADLINES.with(|d| d.borrow_mut().clear());
    super::config::set_ports(ports)
}

// The worker's receive path (`crate::handler`) finds a port's settings here.
pub use super::config::port_config;

/// The connection closed: its parser goes.
pub fn forget(session: SessionId) {
    if let Some(Conn { head_deadline: Some(at), .. }) = CONNS.with(|c| c.borrow_mut().remove(&session.0)) {
        HEAD_DEADLINES.with(|d| d.borrow_mut().remove(&(at, session.0)));
    }
}

/// Calls the port's callback for an event with these arguments (the
/// server object goes into the first one where the event takes it); None
/// when no callback is registered for it.
pub type Dispatch<'a> = dyn FnMut(crate::events::Event, &mut [Zval]) -> Option<CallOutcome> + 'a;

/// Whether `session` is one of this worker's plain HTTP connections.
pub fn holds(session: SessionId) -> bool {
    CONNS.with(|c| c.borrow().contains_key(&session.0))
}

/// What the parser made of the bytes received so far.
enum Step {
    /// Send `100 Continue`.
    Continue,
    /// A complete request for onRequest.
    Request(Box<Request>),
    /// A WebSocket upgrade, with the bytes after it.
    Upgrade(Box<Request>, Vec<u8>),
    /// Send this canned answer (400, 413) and close.
    Refuse(&'static [u8]),
}

/// What [`serve`] did with a connection's bytes.
pub enum Served {
    /// Every complete request went to onRequest; what the last call did (a
    /// callback failure ends the loop: the worker's failure handling takes over).
    Done(CallOutcome),
    /// On a port with `upgrade`, a request asked for the WebSocket handshake:
    /// the connection has left HTTP (this room forgot it); the request and
    /// the bytes after it are the caller's (`crate::web`).
    Upgrade(Box<Request>, Vec<u8>),
}

/// Bytes of `session` (on HTTP port `cfg`) arrived: every complete request
/// goes to onRequest in order, until an upgrade request, which is handed back.
pub fn serve(
    session: SessionId,
    cfg: &Rc<HttpConfig>,
    data: &[u8],
    dispatch: &mut Dispatch<'_>,
) -> Served {
    let steps = CONNS.with(|c| {
        let mut conns = c.borrow_mut();
        let conn = conns.entry(session.0).or_insert_with(|| Conn { parser: Http1Parser::new(cfg.limits), head_deadline: None });
        conn.parser.feed(data);
        let mut steps = Vec::new();
        loop {
            match conn.parser.poll() {
                Ok(Some(Event::Continue)) => steps.push(Step::Continue),
                Ok(Some(Event::Request(r))) if cfg.upgrade && is_upgrade(&r) => {
                    // The connection leaves HTTP: what follows are frames.
                    let parser = std::mem::replace(&mut conn.parser, Http1Parser::new(cfg.limits));
                    steps.push(Step::Upgrade(Box::new(r), parser.into_buffer().to_vec()));
                    if let Some(at) = conn.head_deadline {
                        HEAD_DEADLINES.with(|d| d.borrow_mut().remove(&(at, session.0)));
                    }
                    conns.remove(&session.0);
                    return steps;
                }
                Ok(Some(Event::Request(r))) => steps.push(Step::Request(Box::new(r))),
                Ok(None) => break,
                Err(e) => {
                    steps.push(Step::Refuse(e.answer()));
                    break;
                }
            }
        }
        track_head(session.0, conn, cfg.header_timeout);
        steps
    });
    for step in steps {
        match step {
            Step::Continue => {
                let _ = worker::send(session, limits::CONTINUE);
            }
            Step::Refuse(answer) => {
                // Only this connection: the canned answer, then close.
                let _ = worker::send(session, answer);
                let _ = worker::close(session, false);
                forget(session);
                return Served::Done(CallOutcome::Returned);
            }
            Step::Upgrade(req, rest) => return Served::Upgrade(req, rest),
            Step::Request(req) => {
                // A request is counted once answered, as Swoole counts it:
                // stats() in onRequest shows the requests before this one.
                let count = || worker::with(|r| r.count_request());
                if serve_static(session, cfg, &req) {
                    count();
                    continue;
                }
                let facts = super::response::Facts::of(&req.head, cfg);
                let Some(request) = super::request::new_object(session, cfg, *req) else {
                    count();
                    let _ = worker::send(session, limits::BAD_REQUEST);
                    let _ = worker::close(session, false);
                    forget(session);
                    return Served::Done(CallOutcome::Returned);
                };
                let response = super::response::new_object(session, facts, cfg.clone());
                let dispatched = dispatch(crate::events::Event::Request, &mut [request, response]);
                count();
                let outcome = match dispatched {
                    Some(outcome) => outcome,
                    None => {
                        // A WebSocket port without onRequest: Swoole's 400, then the close.
                        let _ = worker::send(session, swoole_core::websocket::handshake::NOT_AN_UPGRADE_RESPONSE);
                        let _ = worker::close(session, false);
                        forget(session);
                        return Served::Done(CallOutcome::Returned);
                    }
                };
                if outcome != CallOutcome::Returned {
                    return Served::Done(outcome);
                }
            }
        }
    }
    Served::Done(CallOutcome::Returned)
}

/// Whether `req` asks for the WebSocket handshake (`Upgrade: websocket`).
fn is_upgrade(req: &Request) -> bool {
    req.head.headers_named(b"upgrade").any(|v| {
        v.split(|&b| b == b',').any(|t| t.trim_ascii().eq_ignore_ascii_case(b"websocket"))
    })
}

/// Answers `req` from `document_root` if it names a static file; false
/// when the request callback must answer.
fn serve_static(session: SessionId, cfg: &HttpConfig, req: &Request) -> bool {
    let Some(st) = cfg.static_files.as_ref() else { return false };
    let head = &req.head;
    let keep_alive = head.keep_alive;
    let connection = if keep_alive { "keep-alive" } else { "close" };
    let now = date::now();
    match st.lookup(head.path()) {
        Lookup::Dynamic => return false,
        Lookup::NotFound => {
            let answer = format!(
                "HTTP/1.1 404 Not Found\r\nServer: {}\r\nContent-Length: {}\r\n\r\n{NOT_FOUND_PAGE}",
                swoole_core::http::response::SERVER,
                NOT_FOUND_PAGE.len()
            );
            let _ = worker::send(session, answer.as_bytes());
        }
        Lookup::Listing(page, mtime) => {
            let mut out = format!(
                "HTTP/1.1 200 OK\r\nConnection: {connection}\r\nContent-Length: {}\r\nContent-Type: text/html\r\n\
                 Date: {}\r\nLast-Modified: {}\r\nServer: {}\r\n\r\n",
                page.len(),
                date::http_date(now),
                date::http_date(mtime),
                swoole_core::http::response::SERVER
            )
            .into_bytes();
            if head.method != swoole_core::http::Method::Head {
                out.extend_from_slice(&page);
            }
            let _ = worker::send(session, &out);
        }
        Lookup::File(file) => {
            let ask = static_answer::Request {
                if_modified_since: head.header("if-modified-since"),
                range: head.header("range"),
                keep_alive,
                head_only: head.method == swoole_core::http::Method::Head,
            };
            let boundary = format!("SwooleBoundary{:024x}", date::now_nanos() & ((1u128 << 96) - 1));
            let answer = static_answer::answer(&file, &ask, now, &boundary[..38]);
            let _ = worker::send(session, &answer.head);
            let path = file.path.to_string_lossy();
            for part in answer.body {
                let _ = match part {
                    Part::Bytes(b) => worker::send(session, &b),
                    Part::File { offset, length } if length > 0 => worker::sendfile(session, &path, offset, length),
                    Part::File { .. } => Ok(()),
                };
            }
        }
    }
    if !keep_alive {
        let _ = worker::close(session, false);
    }
    true
}
