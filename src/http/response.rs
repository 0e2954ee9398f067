//! `Swoole\Http\Response`: the answer to one request. The head is built by
//! `swoole_core::http::response` and sent with the body at `end()`, before
//! the first chunk at `write()`, or before the file at `sendfile()`; a
//! response freed without any of them sends Swoole's `500` (the callback
//! forgot to answer, or threw).

use super::config::HttpConfig;
use super::values;
use crate::args::{BoolArg, IntArg, Opt, StrArg};
use crate::props::{self, Default as P};
use ext_php_rs::builders::ClassBuilder;
use ext_php_rs::class::RegisteredClass;
use ext_php_rs::convert::IntoZval;
use ext_php_rs::exception::PhpResult;
use ext_php_rs::ffi::zend_object;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendClassObject, Zval};
use std::cell::RefCell;
use std::rc::Rc;
use swoole_core::error::ErrorCode;
use crate::functions::{notice_warning, sys_warning};
use crate::zend::fatal_warning;
use swoole_core::http::compress::{self, Encoding};
use swoole_core::http::cookie::SetCookie;
use swoole_core::http::response::{self as head, Framing, HeadContext, ResponseHead};
use swoole_core::http::{date, Method, RequestHead};
use swoole_core::{worker, SessionId};

/// `SWOOLE_ERROR_HTTP_CONTEXT_UNAVAILABLE`: the answer was ended or detached.
const CONTEXT_UNAVAILABLE: i32 = 7106;
/// The status of a response freed before it was answered.
const FORGOTTEN_STATUS: u16 = 500;

/// Swoole's method declarations, in its order.
const RESPONSE_API: &[&str] = &[
    "initHeader(): bool",
    "isWritable(): bool",
    "cookie(Swoole\\Http\\Cookie|string $name_or_object, string $value = '', int $expires = 0, string $path = '/', string $domain = '', bool $secure = false, bool $httponly = false, string $samesite = '', string $priority = '', bool $partitioned = false): bool",
    "setCookie(Swoole\\Http\\Cookie|string $name_or_object, string $value = '', int $expires = 0, string $path = '/', string $domain = '', bool $secure = false, bool $httponly = false, string $samesite = '', string $priority = '', bool $partitioned = false): bool",
    "rawcookie(Swoole\\Http\\Cookie|string $name_or_object, string $value = '', int $expires = 0, string $path = '/', string $domain = '', bool $secure = false, bool $httponly = false, string $samesite = '', string $priority = '', bool $partitioned = false): bool",
    "setRawCookie(Swoole\\Http\\Cookie|string $name_or_object, string $value = '', int $expires = 0, string $path = '/', string $domain = '', bool $secure = false, bool $httponly = false, string $samesite = '', string $priority = '', bool $partitioned = false): bool",
    "status(int $http_code, string $reason = ''): bool",
    "setStatusCode(int $http_code, string $reason = ''): bool",
    "header(string $key, array|string $value, bool $format = true): bool",
    "setHeader(string $key, array|string $value, bool $format = true): bool",
    "trailer(string $key, string $value): bool",
    "ping(string $data = ''): bool",
    "goaway(int $error_code = SWOOLE_HTTP2_ERROR_NO_ERROR, string $debug_data = ''): bool",
    "write(string $content): bool",
    "end(?string $content = null): bool",
    "sendfile(string $filename, int $offset = 0, int $length = 0): bool",
    "redirect(string $location, int $http_code = 302): bool",
    "detach(): bool",
    "static create(object|array|int $server = -1, int $fd = -1): Swoole\\Http\\Response|false",
    "upgrade(): bool",
    "push(Swoole\\WebSocket\\Frame|string $data, int $opcode = SWOOLE_WEBSOCKET_OPCODE_TEXT, int $flags = SWOOLE_WEBSOCKET_FLAG_FIN): bool",
    "recv(float $timeout = 0): Swoole\\WebSocket\\Frame|string|false",
    "close(): bool",
    "disconnect(int $code = SWOOLE_WEBSOCKET_CLOSE_NORMAL, string $reason = ''): bool",
];

/// Where an answer is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Nothing sent yet.
    Open,
    /// `write()` sent the head and chunks; `end()` sends the last chunk.
    Chunked,
    /// Answered (or closed): every method returns false.
    Ended,
    /// `detach()`: another `Response::create()` answers.
    Detached,
}

/// The answer being built.
struct Ctx {
    /// The connection it goes to.
    session: SessionId,
    /// Status, headers, cookies, trailers.
    head: ResponseHead,
    /// Whether the connection stays open afterwards.
    keep_alive: bool,
    /// A HEAD request: no body is sent.
    head_request: bool,
    /// The coding `Accept-Encoding` allows, if any.
    encoding: Option<Encoding>,
    /// The port's settings (compression).
    cfg: Rc<HttpConfig>,
    /// Where the answer is.
    state: State,
    /// An onHandShake answer: told its status once it is ended (see [`Upgrade`]).
    upgrade: Option<Upgrade>,
}

/// What an onHandShake answer does once it is ended (`end()`, `redirect()`,
/// `sendfile()`, or the `500` of one never ended): called with the session
/// and the status sent; returns whether the connection stays open. As
/// Swoole's `end()`: a 101 makes it a WebSocket connection, any other status
/// closes it (see docs/COMPATIBILITY.md, WebSocket).
pub type Upgrade = fn(SessionId, u16) -> bool;

#[php_class]
#[php(name = "Swoole\\Http\\Response")]
#[php(modifier = response_class)]
#[derive(Default)]
pub struct Response {
    /// The answer; None for a `new Swoole\Http\Response` (nothing to answer).
    ctx: RefCell<Option<Ctx>>,
}

/// Swoole's second names of methods (`PHP_MALIAS`).
const ALIASES: &crate::shape::Aliases =
    &[("setCookie", "cookie"), ("setRawCookie", "rawcookie"), ("setStatusCode", "status"), ("setHeader", "header")];

fn response_class(builder: ClassBuilder) -> ClassBuilder {
    let builder = crate::shape::with_aliases(builder, ALIASES);
    props::declare(
        builder,
        &[("fd", P::Int(0)), ("socket", P::Null), ("header", P::Null), ("cookie", P::Null), ("trailer", P::Null)],
    )
}

/// Gives the class Swoole's shape (no constructor).
pub fn fix_signatures() {
    let ce = Response::get_metadata().ce();
    crate::shape::remove_method(ce, "__construct");
    crate::shape::point_aliases(ce, ALIASES);
    crate::shape::shape(ce, RESPONSE_API);
    FD_SLOT.with(|s| s.set(values::property_offsets(ce, ["fd"])[0]));
    crate::subclass::install::<Response>();
}

thread_local! {
    /// Where `$fd` lives in a response object (set at the first request).
    static FD_SLOT: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// What an answer takes from its request (read before the request is
/// handed over to PHP).
#[derive(Debug, Clone, Copy)]
pub struct Facts {
    /// Whether the connection stays open afterwards.
    keep_alive: bool,
    /// A HEAD request.
    head_request: bool,
    /// The coding `Accept-Encoding` allows (with `http_compression`).
    encoding: Option<Encoding>,
}

impl Facts {
    /// The facts of request head `req` on a port configured by `cfg`.
    pub fn of(req: &RequestHead, cfg: &HttpConfig) -> Facts {
        Facts {
            keep_alive: req.keep_alive,
            head_request: req.method == Method::Head,
            encoding: if cfg.compression { req.header("accept-encoding").and_then(compress::negotiate) } else { None },
        }
    }
}

/// The `$response` for a request of `session`.
pub fn new_object(session: SessionId, facts: Facts, cfg: Rc<HttpConfig>) -> Zval {
    let Facts { keep_alive, head_request, encoding } = facts;
    object(Ctx { session, head: ResponseHead::default(), keep_alive, head_request, encoding, cfg, state: State::Open, upgrade: None })
}

/// The `$response` of onHandShake for `session`: `upgrade` decides, once it
/// is ended, whether the connection becomes a WebSocket one.
pub fn new_handshake_object(session: SessionId, facts: Facts, cfg: Rc<HttpConfig>, upgrade: Upgrade) -> Zval {
    // Swoole sends its body whatever the request's method.
    let Facts { keep_alive, encoding, .. } = facts;
    let (upgrade, head_request) = (Some(upgrade), false);
    object(Ctx { session, head: ResponseHead::default(), keep_alive, head_request, encoding, cfg, state: State::Open, upgrade })
}

fn object(ctx: Ctx) -> Zval {
    let session = ctx.session;
    let mut obj = ZendClassObject::new(Response { ctx: RefCell::new(Some(ctx)) });
    let raw: *mut zend_object = obj.get_mut_zend_obj();
    // SAFETY: a live Swoole\Http\Response; the offset is its class's.
    unsafe { values::write_slot(raw, FD_SLOT.with(|s| s.get()), values::long(session.0 as i64)) };
    obj.into_zval(false).unwrap_or_default()
}

thread_local! {
    /// `Date` of the current second (computed once a second).
    static DATE: RefCell<(i64, String)> = const { RefCell::new((0, String::new())) };
}

/// Runs `f` with the `Date` value for now (made once a second).
fn with_http_date<R>(f: impl FnOnce(&str) -> R) -> R {
    let now = date::now();
    DATE.with(|d| {
        let mut d = d.borrow_mut();
        if d.0 != now || d.1.is_empty() {
            *d = (now, date::http_date(now));
        }
        f(&d.1)
    })
}

/// Room for a head without user headers (status line, Server, Date,
/// Connection, Content-Type, Content-Length): the answer's buffer is made
/// this much larger than its body, so that it is allocated once.
const HEAD_ROOM: usize = 192;

impl Ctx {
    /// Writes the head into `out`, warning for each header dropped.
    fn write_head(&self, framing: Framing, encoding: Option<Encoding>, out: &mut Vec<u8>) {
        let dropped = with_http_date(|date| {
            let content_encoding = encoding.map(Encoding::as_str);
            let ctx = HeadContext { keep_alive: self.keep_alive, framing, date, content_encoding, upgrade: self.is_handshake() };
            self.head.write_head(&ctx, out)
        });
        for _ in 0..dropped {
            notice_warning(head::NEWLINE_WARNING);
        }
    }

    /// An onHandShake answer not yet ended: as Swoole's, its head ends after
    /// `Date` and its body goes as given (whatever the status or method, never
    /// compressed).
    fn is_handshake(&self) -> bool {
        self.upgrade.is_some()
    }

    /// Whether `end()`'s body goes out (not after a 1xx, 204, 304 or for HEAD).
    fn body_goes(&self) -> bool {
        self.is_handshake() || head::body_allowed(self.head.status, self.head_request)
    }

    /// The whole answer of `end($content)`.
    fn finish(&mut self, content: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(content.len() + HEAD_ROOM);
        if self.state == State::Chunked {
            if !content.is_empty() && !self.head_request {
                head::write_chunk(content, &mut out);
            }
            self.head.write_last_chunk(&mut out);
            return out;
        }
        let content_type = self.head.get_header("content-type").and_then(|v| v.first().cloned());
        let cfg = &self.cfg;
        let compressed = self
            .encoding
            .filter(|_| !self.is_handshake())
            .filter(|_| content.len() >= cfg.compression_min_length && !self.head.has_header("content-encoding"))
            .filter(|_| compress::type_allowed(content_type.as_deref().unwrap_or(b"text/html"), &cfg.compression_types))
            .and_then(|e| compress::compress(e, content, cfg.compression_level).ok().map(|body| (e, body)));
        let (encoding, body) = match &compressed {
            Some((e, body)) => (Some(*e), body.as_slice()),
            None => (None, content),
        };
        self.write_head(head::end_framing(self.head.status, body.len() as u64), encoding, &mut out);
        if self.body_goes() {
            out.extend_from_slice(body);
        }
        out
    }

    /// The answer went out: an onHandShake answer now decides what its
    /// connection is ([`Upgrade`]).
    fn answered(&mut self) {
        if let Some(upgrade) = self.upgrade.take() {
            self.keep_alive = upgrade(self.session, self.head.status);
        }
    }

    /// Sends `bytes`, then closes the connection if it does not stay open.
    fn send_last(&mut self, bytes: &[u8]) -> bool {
        self.state = State::Ended;
        let sent = send(self.session, bytes, self.cfg.send_piece);
        self.answered();
        if !self.keep_alive {
            let _ = worker::close(self.session, false);
        }
        match sent {
            Ok(()) => true,
            Err(code) => {
                crate::process_state::set_last_error(code.0);
                false
            }
        }
    }
}

impl Drop for Response {
    /// A response never answered: Swoole's `500` with no body.
    fn drop(&mut self) {
        if let Some(ctx) = self.ctx.get_mut().as_mut() {
            match ctx.state {
                State::Open => {
                    ctx.head.status = FORGOTTEN_STATUS;
                    ctx.head.reason = None;
                    let out = ctx.finish(b"");
                    ctx.send_last(&out);
                }
                State::Chunked => {
                    let out = ctx.finish(b"");
                    ctx.send_last(&out);
                }
                State::Ended | State::Detached => {}
            }
        }
    }
}

/// Swoole's refusal of `push()`/`recv()`/`disconnect()` on a response of
/// `Http\Server` (its context stays after `end()`, so the warning does).
/// A response with no connection behind it (`new Response()`) is 1004
/// without a word.
fn not_websocket(r: &Response) -> bool {
    let Some(fd) = r.ctx.borrow().as_ref().map(|c| c.session.0) else {
        crate::process_state::set_last_error(swoole_core::error::ErrorCode::SESSION_CLOSED.0);
        return false;
    };
    fatal_warning(&format!("fd[{fd}] is not a websocket conncetion"))
}

fn unavailable() -> bool {
    crate::process_state::set_last_error(CONTEXT_UNAVAILABLE);
    false
}

/// The arguments of `cookie()` after the name, as given: the strings in
/// order (value, path, domain, samesite, priority), then the rest.
struct CookieArgs<'a> {
    /// `$value`, `$path`, `$domain`, `$samesite`, `$priority`.
    strings: [Opt<StrArg<'a>>; 5],
    /// `$expires`.
    expires: Opt<IntArg<'a>>,
    /// `$secure`, `$httponly`, `$partitioned`.
    flags: [Opt<BoolArg<'a>>; 3],
}

impl Response {
    /// Runs `f` on an answer still open (not ended or detached); false otherwise.
    fn open(&self, f: impl FnOnce(&mut Ctx) -> bool) -> bool {
        match self.ctx.borrow_mut().as_mut() {
            Some(ctx) if matches!(ctx.state, State::Open | State::Chunked) => f(ctx),
            _ => unavailable(),
        }
    }

    fn set_cookie(self_: &mut ZendClassObject<Response>, name: &Zval, args: CookieArgs<'_>, raw: bool) -> PhpResult<bool> {
        let built = match super::cookie::line_of(name) {
            // A Swoole\Http\Cookie: its own fields and `encode` decide; the other arguments are ignored, as in Swoole.
            Some(line) => line,
            None => Response::cookie_line(name, args, raw)?,
        };
        let line = match built {
            Ok(line) => line,
            Err(why) => return Ok(notice_warning(why)),
        };
        let obj: *mut zend_object = self_.get_mut_zend_obj();
        let ok = self_.open(|ctx| {
            ctx.head.add_cookie(line.clone());
            true
        });
        if ok {
            let mut list = props::array_copy(obj, "cookie");
            let _ = list.push(values::bytes(&line));
            props::set(obj, "cookie", values::array(list));
        }
        Ok(ok)
    }

    /// The `Set-Cookie` line of `cookie($name, $value, ...)`, or why it is refused.
    fn cookie_line(name: &Zval, args: CookieArgs<'_>, raw: bool) -> PhpResult<Result<Vec<u8>, &'static str>> {
        let name = crate::zend::cast_bytes(name).unwrap_or_default();
        let CookieArgs { strings: [value, path, domain, samesite, priority], expires, flags: [secure, httponly, partitioned] } = args;
        // An omitted $path sends none (Reflection's `= '/'` is only the stub's), as Swoole.
        let (value, path, domain) = (value.or(2, "")?, path.or(4, "")?, domain.or(5, "")?);
        let (samesite, priority) = (samesite.or(8, "")?, priority.or(9, "")?);
        let cookie = SetCookie {
            name: &name,
            value: value.as_bytes(),
            expires: expires.or(3, 0)?,
            path: path.as_bytes(),
            domain: domain.as_bytes(),
            secure: secure.or(6, false)?,
            http_only: httponly.or(7, false)?,
            same_site: samesite.as_bytes(),
            priority: priority.as_bytes(),
            partitioned: partitioned.or(10, false)?,
            raw,
        };
        Ok(cookie.build(date::now()).map_err(|e| e.message()))
    }

    fn set_header(self_: &mut ZendClassObject<Response>, key: StrArg, value: &Zval, format: Opt<BoolArg>) -> PhpResult<bool> {
        let key = key.bytes(1)?.into_owned();
        let format = format.or(3, true)?;
        // A name with a line break would split the head: refused here, as
        // Swoole's (a value's is refused when the head is written).
        if key.iter().any(|&b| b == b'\r' || b == b'\n') {
            return Ok(notice_warning(head::NEWLINE_WARNING));
        }
        let values: Vec<Vec<u8>> = match value.array() {
            Some(a) => a.values().filter_map(|v| crate::zend::cast_bytes(v).map(|b| b.into_owned())).collect(),
            None => vec![crate::zend::cast_bytes(value).map(|b| b.into_owned()).unwrap_or_default()],
        };
        let obj: *mut zend_object = self_.get_mut_zend_obj();
        let name = if format { head::format_name(&key) } else { key.clone() };
        let ok = self_.open(|ctx| {
            ctx.head.set_header(&key, values, format);
            true
        });
        if ok {
            let mut t = props::array_copy(obj, "header");
            let _ = t.insert(String::from_utf8_lossy(&name).as_ref(), value.shallow_clone());
            props::set(obj, "header", values::array(t));
        }
        Ok(ok)
    }

    fn set_status(&self, code: IntArg, reason: Opt<StrArg>) -> PhpResult<bool> {
        let code = code.get(1)?;
        let reason = reason.or(2, "")?;
        Ok(self.open(|ctx| {
            ctx.head.set_status(code.clamp(0, i64::from(u16::MAX)) as u16, reason.as_bytes());
            true
        }))
    }
}

#[php_impl]
impl Response {
    #[php(name = "initHeader")]
    pub fn init_header(&self) -> bool {
        self.open(|ctx| {
            ctx.head = ResponseHead::default();
            true
        })
    }

    #[php(name = "isWritable")]
    pub fn is_writable(&self) -> bool {
        self.ctx.borrow().as_ref().is_some_and(|c| matches!(c.state, State::Open | State::Chunked) && worker::exists(c.session))
    }

    #[allow(clippy::too_many_arguments)]
    pub fn cookie(
        self_: &mut ZendClassObject<Response>, name_or_object: &Zval, value: Opt<StrArg>, expires: Opt<IntArg>,
        path: Opt<StrArg>, domain: Opt<StrArg>, secure: Opt<BoolArg>, httponly: Opt<BoolArg>, samesite: Opt<StrArg>,
        priority: Opt<StrArg>, partitioned: Opt<BoolArg>,
    ) -> PhpResult<bool> {
        let args = CookieArgs { strings: [value, path, domain, samesite, priority], expires, flags: [secure, httponly, partitioned] };
        Response::set_cookie(self_, name_or_object, args, false)
    }

    #[php(name = "rawcookie")]
    #[allow(clippy::too_many_arguments)]
    pub fn raw_cookie(
        self_: &mut ZendClassObject<Response>, name_or_object: &Zval, value: Opt<StrArg>, expires: Opt<IntArg>,
        path: Opt<StrArg>, domain: Opt<StrArg>, secure: Opt<BoolArg>, httponly: Opt<BoolArg>, samesite: Opt<StrArg>,
        priority: Opt<StrArg>, partitioned: Opt<BoolArg>,
    ) -> PhpResult<bool> {
        let args = CookieArgs { strings: [value, path, domain, samesite, priority], expires, flags: [secure, httponly, partitioned] };
        Response::set_cookie(self_, name_or_object, args, true)
    }

    pub fn status(&self, http_code: IntArg, reason: Opt<StrArg>) -> PhpResult<bool> {
        self.set_status(http_code, reason)
    }

    pub fn header(self_: &mut ZendClassObject<Response>, key: StrArg, value: &Zval, format: Opt<BoolArg>) -> PhpResult<bool> {
        Response::set_header(self_, key, value, format)
    }

    pub fn trailer(self_: &mut ZendClassObject<Response>, key: StrArg, value: StrArg) -> PhpResult<bool> {
        let (key, value) = (key.bytes(1)?.into_owned(), value.bytes(2)?.into_owned());
        let obj: *mut zend_object = self_.get_mut_zend_obj();
        let ok = self_.open(|ctx| {
            ctx.head.set_trailer(&key, &value);
            true
        });
        if ok {
            let mut t = props::array_copy(obj, "trailer");
            let _ = t.insert(String::from_utf8_lossy(&key).as_ref(), values::bytes(&value));
            props::set(obj, "trailer", values::array(t));
        }
        Ok(ok)
    }

    pub fn ping(&self, data: Opt<StrArg>) -> PhpResult<bool> {
        let _ = data.or(1, "")?;
        // Without a connection behind it: false, no word.
        Ok(self.ctx.borrow().is_some() && fatal_warning("only supports websocket or http2 client"))
    }

    pub fn goaway(&self, error_code: Opt<IntArg>, debug_data: Opt<StrArg>) -> PhpResult<bool> {
        let _ = (error_code.or(1, 0)?, debug_data.or(2, "")?);
        Ok(self.open(|ctx| fatal_warning(&format!("fd[{}] is not a HTTP2 conncetion", ctx.session.0))))
    }

    /// `write($content)`: one chunk (the head goes first, chunked).
    pub fn write(&self, content: StrArg) -> PhpResult<bool> {
        let content = content.bytes(1)?;
        Ok(self.open(|ctx| {
            if content.is_empty() {
                crate::zend::warning("the data sent must not be empty");
                return crate::server::fail(ErrorCode::NO_PAYLOAD);
            }
            let mut out = Vec::with_capacity(content.len() + 256);
            if ctx.state == State::Open {
                ctx.write_head(Framing::Chunked, None, &mut out);
                ctx.state = State::Chunked;
            }
            if !ctx.head_request {
                head::write_chunk(&content, &mut out);
            }
            match send(ctx.session, &out, ctx.cfg.send_piece) {
                Ok(()) => true,
                Err(code) => {
                    crate::process_state::set_last_error(code.0);
                    false
                }
            }
        }))
    }

    /// `end($content = null)`: the answer (or the last chunk after `write()`).
    pub fn end(&self, content: Opt<&Zval>) -> PhpResult<bool> {
        let content = content.0.filter(|z| !z.is_null()).and_then(crate::zend::cast_bytes).unwrap_or_default();
        Ok(self.open(|ctx| {
            let out = ctx.finish(&content);
            ctx.send_last(&out)
        }))
    }

    /// `sendfile($filename, $offset, $length)`: the head (with the file's
    /// MIME type unless set), then the file's span.
    pub fn sendfile(&self, filename: StrArg, offset: Opt<IntArg>, length: Opt<IntArg>) -> PhpResult<bool> {
        let filename = filename.string(1)?;
        let (offset, length) = (offset.or(2, 0)?, length.or(3, 0)?);
        Ok(self.open(|ctx| {
            if ctx.state == State::Chunked {
                crate::zend::warning("can't use sendfile when HTTP chunk is enabled");
                return false;
            }
            let size = match std::fs::metadata(&filename) {
                Ok(m) if m.is_file() => m.len() as i64,
                Ok(_) => {
                    crate::zend::warning(&format!("parameter $file[{filename}] given is not a regular file"));
                    return crate::server::fail(ErrorCode::SERVER_IS_NOT_REGULAR_FILE);
                }
                Err(e) => return sys_warning(&format!("stat({filename}) failed"), &e),
            };
            let refusal = if offset < 0 {
                Some(format!("parameter $offset[{offset}] must be greater than or equal to 0"))
            } else if offset > size {
                Some(format!("parameter $offset[{offset}] exceeds the file size"))
            } else if length < 0 {
                Some(format!("parameter $length[{length}] must be greater than or equal to 0"))
            } else if offset + length > size {
                Some(format!("parameter $length[{length}] exceeds the file size"))
            } else {
                None
            };
            if let Some(why) = refusal {
                return notice_warning(&why);
            }
            let length = if length == 0 { size - offset } else { length };
            if !ctx.head.has_header("content-type") {
                ctx.head.set_header(b"Content-Type", vec![swoole_core::mime::get(&filename).into_bytes()], false);
            }
            let mut out = Vec::new();
            ctx.write_head(Framing::Length(length as u64), None, &mut out);
            ctx.state = State::Ended;
            let mut ok = worker::send(ctx.session, &out);
            if ok.is_ok() && length > 0 && !ctx.head_request {
                ok = worker::sendfile(ctx.session, &filename, offset as u64, length as u64);
            }
            // As Swoole's, only end() decides a handshake: after sendfile() it stays pending, the connection open.
            if ctx.upgrade.take().is_none() && !ctx.keep_alive {
                let _ = worker::close(ctx.session, false);
            }
            ok.map_err(|c: ErrorCode| crate::process_state::set_last_error(c.0)).is_ok()
        }))
    }

    /// `redirect($location, $http_code = 302)`.
    pub fn redirect(&self, location: StrArg, http_code: Opt<IntArg>) -> PhpResult<bool> {
        let location = location.bytes(1)?.into_owned();
        let code = http_code.or(2, 302)?;
        Ok(self.open(|ctx| {
            ctx.head.set_status(code.clamp(0, i64::from(u16::MAX)) as u16, b"");
            ctx.head.set_header(b"Location", vec![location], true);
            let out = ctx.finish(b"");
            ctx.send_last(&out)
        }))
    }

    /// `detach()`: this object no longer answers; `Response::create()` does.
    pub fn detach(&self) -> bool {
        self.open(|ctx| {
            ctx.state = State::Detached;
            true
        })
    }

    /// `create($server, $fd)` / `create($fd)`: an answer for connection `$fd`
    /// (after `detach()`, from any worker or a task).
    pub fn create(server: Opt<&Zval>, fd: Opt<IntArg>) -> PhpResult<Zval> {
        let fd = fd.or(2, -1)?;
        let fd = match server.0 {
            Some(z) if z.is_long() => z.long().unwrap_or(-1),
            Some(z) if z.is_object() => fd,
            _ => -1,
        };
        if fd <= 0 || swoole_core::worker::current_server().is_none() {
            return Err(crate::exception::swoole_exception("failed to create Http\\Response from the given arguments", 0));
        }
        let session = SessionId(fd as u64);
        if !worker::exists(session) {
            crate::zend::warning(&format!("parameter $2 ({fd}) must be valid connection session_id"));
            return Ok(false.into_zval(false)?);
        }
        let cfg = worker::port_of(session).and_then(super::config::port_config).unwrap_or_default();
        Ok(object(Ctx {
            session,
            head: ResponseHead::default(),
            keep_alive: true,
            head_request: false,
            encoding: None,
            cfg,
            state: State::Open,
            upgrade: None,
        }))
    }

    /// `upgrade()`: Swoole 6.2.1 upgrades only on its coroutine server; on
    /// `Http\Server`/`WebSocket\Server` it refuses (an upgrade request on a
    /// WebSocket port never reaches onRequest: the handshake is answered
    /// before). A response already ended is 7106 without a word.
    pub fn upgrade(&self) -> bool {
        self.open(|_| fatal_warning("async server dose not support protocol upgrade"))
    }

    /// `push()`: only for a coroutine server's upgraded response.
    pub fn push(&self, data: &Zval, opcode: Opt<IntArg>, flags: Opt<IntArg>) -> PhpResult<bool> {
        let _ = (data, opcode.or(2, 1)?, flags.or(3, 1)?);
        Ok(not_websocket(self))
    }

    /// `recv()`: only for a coroutine server's upgraded response.
    pub fn recv(&self, timeout: Opt<crate::args::FloatArg>) -> PhpResult<bool> {
        let _ = timeout.or(1, 0.0)?;
        Ok(not_websocket(self))
    }

    /// `close()`: closes the connection without an answer.
    pub fn close(&self) -> bool {
        self.open(|ctx| {
            ctx.state = State::Ended;
            worker::close(ctx.session, false).is_ok()
        })
    }

    pub fn disconnect(&self, code: Opt<IntArg>, reason: Opt<StrArg>) -> PhpResult<bool> {
        let _ = (code.or(1, 1000)?, reason.or(2, "")?);
        Ok(not_websocket(self))
    }
}

/// Lets a response object made for a callback that did not run go without
/// an answer (the WebSocket handshake answers on its own).
pub fn discard(zv: &Zval) {
    if let Some(r) = zv.object().and_then(ZendClassObject::<Response>::from_zend_obj) {
        r.detach();
    }
}

/// Sends `data` to `session` in pieces of at most `piece` bytes (a PROCESS-
/// mode send may not exceed `output_buffer_size`; Swoole sends a larger
/// answer whole, so it is split here, in order).
pub fn send(session: SessionId, data: &[u8], piece: usize) -> Result<(), swoole_core::error::ErrorCode> {
    if data.len() <= piece {
        return worker::send(session, data);
    }
    data.chunks(piece).try_for_each(|p| worker::send(session, p))
}
