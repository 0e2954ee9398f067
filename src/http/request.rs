//! `Swoole\Http\Request`: one request's values as Swoole's public
//! properties (`$header`, `$server`, `$get`, `$post`, `$cookie`, `$files`),
//! the raw body, and `create()` + `parse()` for a request given in pieces.

use super::config::HttpConfig;
use super::values;
use crate::args::{ArrayArg, Opt, StrArg};
use crate::props::{self, Default as P};
use bytes::Bytes;
use ext_php_rs::builders::ClassBuilder;
use ext_php_rs::class::RegisteredClass;
use ext_php_rs::convert::IntoZval;
use ext_php_rs::exception::PhpResult;
use ext_php_rs::ffi::zend_object;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendClassObject, ZendHashTable, Zval};
use std::cell::{Cell, RefCell};
use std::path::PathBuf;
use swoole_core::http::multipart::{self, MultipartConfig, MultipartParser};
use swoole_core::http::{form, Event, Http1Parser};
use swoole_core::{worker, SessionId};

/// PHP's warning for a form variable nested too deep.
const TOO_DEEP: &str =
    "Input variable nesting level exceeded 64. To increase the limit change max_input_nesting_level in php.ini.";

/// Swoole's method declarations, in its order.
const REQUEST_API: &[&str] = &[
    "getContent(): string|false",
    "rawContent(): string|false",
    "getData(): string|false",
    "static create(array $options = []): Swoole\\Http\\Request",
    "parse(string $data): int|false",
    "isCompleted(): bool",
    "getMethod(): string|false",
];

#[php_class]
#[php(name = "Swoole\\Http\\Request")]
#[php(modifier = request_class)]
#[derive(Default)]
pub struct Request {
    /// The request's head as received (`getData()` starts with it).
    head: RefCell<Option<Bytes>>,
    /// The body (`getContent()`): as received, or the decoded chunks.
    body: RefCell<Bytes>,
    /// The method (`getMethod()`), once a head was parsed.
    method: RefCell<Option<&'static str>>,
    /// Whether the whole request is here (`isCompleted()`).
    completed: Cell<bool>,
    /// Uploaded files, removed when the request goes.
    temp_files: RefCell<Vec<PathBuf>>,
    /// `create()` + `parse()`: the parser of the pieces given so far.
    parser: RefCell<Option<Http1Parser>>,
    /// `create()`'s options as a configuration.
    config: RefCell<Option<HttpConfig>>,
}

fn request_class(builder: ClassBuilder) -> ClassBuilder {
    props::declare(
        builder,
        &[
            ("fd", P::Int(0)),
            ("streamId", P::Int(0)),
            ("header", P::Null),
            ("server", P::Null),
            ("cookie", P::Null),
            ("get", P::Null),
            ("files", P::Null),
            ("post", P::Null),
            ("tmpfiles", P::Null),
        ],
    )
}

/// The properties a request fills, in [`SLOTS`]' order.
const SLOT_NAMES: [&str; 8] = ["fd", "header", "server", "cookie", "get", "files", "post", "tmpfiles"];
/// Indexes into [`SLOT_NAMES`].
const FD: usize = 0;
const HEADER: usize = 1;
const SERVER: usize = 2;
const COOKIE: usize = 3;
const GET: usize = 4;
const FILES: usize = 5;
const POST: usize = 6;
const TMPFILES: usize = 7;

thread_local! {
    /// Where [`SLOT_NAMES`] live in a request object (set at the first request).
    static SLOTS: Cell<[usize; 8]> = const { Cell::new([0; 8]) };
}

/// Gives the class Swoole's shape (no constructor: `new` makes an empty
/// request) and finds its property slots.
pub fn fix_signatures() {
    let ce = Request::get_metadata().ce();
    crate::shape::remove_method(ce, "__construct");
    crate::shape::shape(ce, REQUEST_API);
    SLOTS.with(|s| s.set(values::property_offsets(ce, SLOT_NAMES)));
    crate::subclass::install::<Request>();
}

/// Sets property `which` of request object `raw`.
fn put(raw: *mut zend_object, which: usize, value: Zval) {
    let offset = SLOTS.with(|s| s.get()[which]);
    // SAFETY: `raw` is a live Swoole\Http\Request; the offset is its class's.
    unsafe { values::write_slot(raw, offset, value) }
}

impl Drop for Request {
    fn drop(&mut self) {
        for f in self.temp_files.get_mut().drain(..) {
            let _ = std::fs::remove_file(f);
        }
    }
}

/// Where a request came from, for `$request->server`.
struct Peer<'a> {
    /// The connection, whose facts give `server_port`, `remote_port`,
    /// `remote_addr`, `master_time`.
    session: SessionId,
    /// `server_addr`.
    host: &'a str,
}

/// The `$request` for a request of `session`; None when its body cannot be
/// parsed (a broken multipart body: the connection gets `400`).
pub fn new_object(session: SessionId, cfg: &HttpConfig, req: swoole_core::http::Request) -> Option<Zval> {
    let mut obj = ZendClassObject::new(Request::default());
    let raw: *mut zend_object = obj.get_mut_zend_obj();
    let peer = Peer { session, host: &cfg.host };
    put(raw, FD, values::long(session.0 as i64));
    fill(&obj, raw, cfg, &req, Some(&peer))?;
    obj.into_zval(false).ok()
}

/// Sets the properties of `this` (object `raw`) from a complete request.
fn fill(this: &Request, raw: *mut zend_object, cfg: &HttpConfig, req: &swoole_core::http::Request, peer: Option<&Peer<'_>>) -> Option<()> {
    let head = &req.head;
    put(raw, HEADER, values::headers(head));
    put(raw, SERVER, values::array(server_array(head, peer)));
    let limits = &cfg.limits;
    let mut too_deep = false;
    if let Some(q) = head.query() {
        let parsed = form::parse_urlencoded(q, limits.max_input_vars, limits.max_input_nesting);
        too_deep |= parsed.too_deep;
        put(raw, GET, values::form(&parsed.vars));
    }
    if cfg.parse_cookie && head.cookies().next().is_some() {
        let cookies = swoole_core::http::cookie::parse_cookies(head.cookies(), limits.max_input_vars, limits.max_input_nesting);
        put(raw, COOKIE, values::form(&cookies));
    }
    let content_type = head.header("content-type").unwrap_or_default();
    let urlencoded = content_type.len() >= 33 && content_type[..33].eq_ignore_ascii_case(b"application/x-www-form-urlencoded");
    if cfg.parse_post && urlencoded {
        let parsed = form::parse_urlencoded(&req.body, limits.max_input_vars, limits.max_input_nesting);
        too_deep |= parsed.too_deep;
        put(raw, POST, values::form(&parsed.vars));
    } else if let Some(boundary) = multipart::boundary_of(content_type).filter(|_| cfg.parse_post || cfg.parse_files) {
        let mut parser = MultipartParser::new(boundary, MultipartConfig {
            tmp_dir: cfg.upload_tmp_dir.clone(),
            upload_max_filesize: limits.upload_max_filesize,
            max_field_bytes: limits.package_max,
            max_input_vars: limits.max_input_vars,
            max_input_nesting: limits.max_input_nesting,
        });
        let mut result = parser.feed(&req.body).and_then(|()| parser.finish()).ok()?;
        too_deep |= result.too_deep;
        if cfg.parse_post && !result.post.is_empty() {
            put(raw, POST, values::form(&result.post));
        }
        if !result.files.is_empty() && cfg.parse_files {
            put(raw, FILES, values::files(&result.files));
        }
        if !result.temp_files.is_empty() {
            let mut list = ZendHashTable::new();
            for f in &result.temp_files {
                let _ = list.push(f.to_string_lossy().as_ref());
            }
            put(raw, TMPFILES, values::array(list));
        }
        this.temp_files.borrow_mut().append(&mut result.temp_files);
        if !cfg.parse_files {
            result.remove_temp_files();
        }
    }
    if too_deep {
        crate::zend::warning(TOO_DEEP);
    }
    *this.head.borrow_mut() = Some(head.raw().clone());
    *this.body.borrow_mut() = req.body.clone();
    *this.method.borrow_mut() = Some(head.method.as_str());
    this.completed.set(true);
    Some(())
}

/// The most keys `$request->server` has (its table is made that size).
const SERVER_KEYS: u32 = 12;

/// `$request->server`, keys in Swoole's order (the connection's only when
/// there is one).
fn server_array(head: &swoole_core::http::RequestHead, peer: Option<&Peer<'_>>) -> ext_php_rs::boxed::ZBox<ZendHashTable> {
    use crate::known::{insert, string, Known as K};
    let now = swoole_core::stats::now_f64();
    let mut t = ZendHashTable::with_capacity(SERVER_KEYS);
    if let Some(q) = head.query() {
        insert(&mut t, K::QueryString, values::bytes(q));
    }
    insert(&mut t, K::RequestMethod, string(head.method.as_str()));
    insert(&mut t, K::RequestUri, values::bytes(head.path()));
    insert(&mut t, K::PathInfo, values::bytes(&head.path_info()));
    insert(&mut t, K::RequestTime, values::long(now as i64));
    insert(&mut t, K::RequestTimeFloat, values::double(now));
    insert(&mut t, K::ServerProtocol, string(head.version.as_str()));
    if let Some(peer) = peer {
        let facts = worker::with_peer(peer.session, |i| {
            (i64::from(i.server_port), i64::from(i.remote_port), values::bytes(i.remote_ip.as_bytes()), i.last_recv_time as i64)
        });
        let (server_port, remote_port, remote_addr, master_time) =
            facts.unwrap_or_else(|| (0, 0, values::bytes(b""), now as i64));
        insert(&mut t, K::ServerPort, values::long(server_port));
        insert(&mut t, K::RemotePort, values::long(remote_port));
        insert(&mut t, K::ServerAddr, values::bytes(peer.host.as_bytes()));
        insert(&mut t, K::RemoteAddr, remote_addr);
        insert(&mut t, K::MasterTime, values::long(master_time));
    }
    t
}

/// The body as PHP gets it.
fn content(this: &Request) -> Zval {
    values::bytes(&this.body.borrow())
}

#[php_impl]
impl Request {
    /// `getContent(): string|false` — the body as received.
    #[php(name = "getContent")]
    pub fn get_content(&self) -> Zval {
        content(self)
    }

    /// `rawContent()`: `getContent()`'s alias.
    #[php(name = "rawContent")]
    pub fn raw_content(&self) -> Zval {
        content(self)
    }

    /// `getData(): string|false` — the request as received: head, then body.
    #[php(name = "getData")]
    pub fn get_data(&self) -> Zval {
        let mut out = self.head.borrow().as_ref().map(|h| h.to_vec()).unwrap_or_default();
        out.extend_from_slice(&self.body.borrow());
        values::bytes(&out)
    }

    /// `create(array $options = [])` — an empty request to `parse()` into;
    /// options `parse_cookie`, `parse_body`, `parse_files`, `upload_tmp_dir`.
    pub fn create(options: Opt<ArrayArg>) -> PhpResult<Zval> {
        let mut cfg = HttpConfig::default();
        if let Some(a) = options.0 {
            let a = a.get(1)?;
            let flag = |k: &str, d: bool| a.get(k).map_or(d, |z| z.bool().unwrap_or_else(|| crate::zend::cast_long(z) != 0));
            cfg.parse_cookie = flag("parse_cookie", true);
            cfg.parse_post = flag("parse_body", true);
            cfg.parse_files = flag("parse_files", true);
            if let Some(dir) = a.get("upload_tmp_dir").and_then(|z| z.string()) {
                cfg.upload_tmp_dir = dir.into();
            }
        }
        let r = Request::default();
        *r.parser.borrow_mut() = Some(Http1Parser::new(cfg.limits));
        *r.config.borrow_mut() = Some(cfg);
        Ok(ZendClassObject::new(r).into_zval(false)?)
    }

    /// `parse(string $data): int|false` — feeds a piece of the request; the
    /// bytes taken, or false once complete or when the request is malformed.
    pub fn parse(self_: &mut ZendClassObject<Request>, data: StrArg) -> PhpResult<Zval> {
        let data = data.bytes(1)?;
        let raw: *mut zend_object = self_.get_mut_zend_obj();
        let this: &Request = self_;
        if this.completed.get() {
            return Ok(false.into_zval(false)?);
        }
        let polled = match this.parser.borrow_mut().as_mut() {
            None => return Ok(false.into_zval(false)?),
            Some(p) => {
                p.feed(&data);
                loop {
                    match p.poll() {
                        Ok(Some(Event::Continue)) => continue,
                        other => break other,
                    }
                }
            }
        };
        match polled {
            Ok(None) => Ok((data.len() as i64).into_zval(false)?),
            Ok(Some(Event::Request(req))) => {
                let cfg = this.config.borrow().clone().unwrap_or_default();
                if fill(this, raw, &cfg, &req, None).is_none() {
                    return Ok(false.into_zval(false)?);
                }
                *this.parser.borrow_mut() = None;
                Ok((data.len() as i64).into_zval(false)?)
            }
            _ => Ok(false.into_zval(false)?),
        }
    }

    /// `isCompleted(): bool`.
    #[php(name = "isCompleted")]
    pub fn is_completed(&self) -> bool {
        self.completed.get()
    }

    /// `getMethod(): string|false`.
    #[php(name = "getMethod")]
    pub fn get_method(&self) -> Zval {
        match *self.method.borrow() {
            Some(m) => values::bytes(m.as_bytes()),
            None => false.into_zval(false).unwrap_or_default(),
        }
    }
}
