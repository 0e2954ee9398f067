//! `Swoole\Client` (synchronous): a blocking TCP/UDP/Unix client with the
//! server's framing settings, so `recv()` can return exactly one packet.
//! The asynchronous client (`SWOOLE_SOCK_ASYNC`) left Swoole in 4.3; asking
//! for it fails with a clear message.
//!
//! As in Swoole, `set()` only collects settings into `$client->setting`;
//! `connect()` reads them (a connected client keeps what it connected with).

use crate::args::{ArrayArg, BoolArg, IntArg, Opt, StrArg};
use crate::props::{self, Default as P};
use crate::functions::notice_warning;
use crate::zend::{self, warning, CallOutcome, Callback};
use ext_php_rs::builders::ClassBuilder;
use ext_php_rs::convert::IntoZval;
use ext_php_rs::exception::PhpResult;
use ext_php_rs::ffi::zend_object;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendClassObject, ZendHashTable, Zval};
use std::cell::{Cell, RefCell};
use std::time::Duration;
use swoole_core::client::{Client as Conn, Length};
use swoole_core::error::{os_strerror, swoole_strerror, ErrorCode};
use swoole_core::framing::{FrameError, Framing};
use swoole_core::listener::SockType;
use swoole_core::settings::{ServerSettings, SettingError};

/// Keys a client's `set()` takes for its timeouts (this extension lets them
/// win over connect()'s `$timeout`).
const TIMEOUT_KEYS: &[&str] = &["timeout", "connect_timeout", "read_timeout", "write_timeout"];
/// The framing and size keys Swoole's client reads; parsed as the server's.
const FRAMING_KEYS: &[&str] = &[
    "open_eof_check", "open_eof_split", "package_eof", "open_length_check", "package_length_type",
    "package_length_offset", "package_body_offset", "package_body_start", "package_max_length",
    "socket_buffer_size", "buffer_high_watermark", "buffer_low_watermark",
];
/// `SWOOLE_ERROR_CLIENT_NO_CONNECTION`.
const CLIENT_NO_CONNECTION: i64 = 5001;
/// `SWOOLE_ERROR_DNSLOOKUP_RESOLVE_FAILED`.
const DNSLOOKUP_RESOLVE_FAILED: i64 = 711;
/// `SWOOLE_ERROR_PACKAGE_LENGTH_TOO_LARGE`.
const PACKAGE_LENGTH_TOO_LARGE: i32 = 1201;

/// What `connect()` read from `$client->setting`.
struct Options {
    /// Framing (and sizes), parsed as a server port's.
    settings: ServerSettings,
    /// `package_length_func` (with `open_length_check`).
    length_func: Option<Callback>,
    /// Read/write timeout from the timeout keys (seconds; 0 = connect()'s).
    timeout: f64,
    /// `open_tcp_nodelay` (default on, as Swoole).
    nodelay: bool,
    /// Whether `socket_buffer_size` was given (then SO_SNDBUF/SO_RCVBUF).
    buffer_size: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { settings: ServerSettings::new(), length_func: None, timeout: 0.0, nodelay: true, buffer_size: false }
    }
}

/// Why the settings stop `connect()`.
enum Refused {
    /// A size PHP cannot read: fatal, as in Swoole.
    Fatal(SettingError),
    /// Warned already; connect() returns false.
    Warned,
}

#[php_class]
#[php(name = "Swoole\\Client")]
#[php(modifier = client_class)]
pub struct Client {
    /// Socket type from the constructor.
    kind: SockType,
    /// The connection, once connect() (or a first sendto()) made one.
    conn: RefCell<Option<Conn>>,
    /// The settings the connection was made with.
    options: RefCell<Options>,
    /// A fatal error bailed out of a length function: re-raised once
    /// `recv()` holds nothing any more.
    bailed_out: Cell<bool>,
    /// `SWOOLE_SSL`: connect() handshakes TLS before it returns.
    ssl: bool,
}

fn client_class(builder: ClassBuilder) -> ClassBuilder {
    props::declare(
        crate::shape::with_destructor(builder),
        &[
            ("errCode", P::Int(0)),
            ("errMsg", P::Str("")),
            ("sock", P::Int(-1)),
            ("reuse", P::Bool(false)),
            ("reuseCount", P::Int(0)),
            ("type", P::Int(0)),
            ("id", P::Null),
            ("setting", P::Null),
        ],
    )
}

/// Records an OS error on the object (errCode, errMsg) and as swoole_last_error().
fn fail(obj: *mut zend_object, e: &std::io::Error) -> i32 {
    let errno = e.raw_os_error().unwrap_or(libc::EIO);
    set_error(obj, errno as i64);
    props::set(obj, "errMsg", os_strerror(errno));
    errno
}

fn set_error(obj: *mut zend_object, code: i64) {
    props::set(obj, "errCode", code);
    crate::process_state::set_last_error(code as i32);
}

fn false_zv() -> PhpResult<Zval> {
    Ok(false.into_zval(false)?)
}

/// `zval_get_long()` of a length function's answer.
pub(crate) fn zval_long(z: &Zval) -> i64 {
    z.long()
        .or_else(|| z.double().map(|d| d as i64))
        .or_else(|| z.bool().map(i64::from))
        .or_else(|| z.zend_str().map(|s| leading_int(s.as_bytes())))
        .unwrap_or(0)
}

/// The integer a string starts with, as `zval_get_long()` reads one.
fn leading_int(s: &[u8]) -> i64 {
    let t = String::from_utf8_lossy(s);
    let t = t.trim_start();
    let (sign, digits) = match t.as_bytes().first() {
        Some(b'-') => (-1, &t[1..]),
        Some(b'+') => (1, &t[1..]),
        _ => (1, t),
    };
    let n = digits.bytes().take_while(u8::is_ascii_digit).fold(0i64, |n, d| n.saturating_mul(10).saturating_add((d - b'0') as i64));
    sign * n
}

/// Reads `$client->setting` the way Swoole's connect() does.
fn read_options(setting: Option<&ZendHashTable>) -> Result<Options, Refused> {
    let mut o = Options::default();
    let Some(setting) = setting else { return Ok(o) };
    for (key, value) in setting.iter() {
        let key = key.to_string();
        if TIMEOUT_KEYS.contains(&key.as_str()) {
            o.timeout = zend::arg_double(value, 1).unwrap_or(0.0);
        } else if key == "package_length_func" && !value.is_null() {
            match zend::resolve_or_warn(value, None) {
                Some(cb) => o.length_func = Some(cb),
                None => return Err(Refused::Warned),
            }
        } else if key == "open_tcp_nodelay" {
            o.nodelay = value.bool().unwrap_or(true);
        } else if FRAMING_KEYS.contains(&key.as_str()) {
            o.buffer_size |= key == "socket_buffer_size";
            match o.settings.apply(&key, &crate::args::setting_value(value)) {
                Ok(()) => {}
                Err(e) if e.is_fatal() => return Err(Refused::Fatal(e)),
                Err(e) => warning(&e.to_string()),
            }
        }
    }
    Ok(o)
}

/// Swoole's warning for a call that needs a connection.
const NOT_CONNECTED: &str = "client is not connected to server";

impl Client {
    /// The connection, or Swoole's warning and error 5001.
    fn connected(conn: &mut Option<Conn>, obj: *mut zend_object) -> Option<&mut Conn> {
        if conn.is_none() {
            props::set(obj, "errCode", CLIENT_NO_CONNECTION);
            // Swoole's own warning (php_swoole_error()): hidden while
            // swoole.display_errors is Off; the last error is 510 either way.
            notice_warning(NOT_CONNECTED);
        }
        conn.as_mut()
    }

    /// A framed read failed: Swoole's log line or warning, and its result.
    fn framing_failure(&self, e: &std::io::Error, obj: *mut zend_object) -> PhpResult<Zval> {
        let frame = e.get_ref().and_then(|inner| inner.downcast_ref::<FrameError>()).copied();
        let eof = matches!(self.options.borrow().settings.framing(), Framing::Eof { .. });
        match frame {
            Some(FrameError::TooLarge { .. }) if eof => {
                notice_warning("no package eof");
                false_zv()
            }
            Some(FrameError::TooLarge { length, .. }) => {
                swoole_core::log::warning(&format!(
                    "Client::recv() (ERRNO {PACKAGE_LENGTH_TOO_LARGE}): Package is too big. package_length={length}"
                ));
                Ok(zend::bytes_zval(b""))
            }
            Some(FrameError::Malformed | FrameError::Rejected { .. }) => Ok(zend::bytes_zval(b"")),
            None if e.kind() == std::io::ErrorKind::Other => false_zv(),
            None => {
                let errno = fail(obj, e);
                warning(&format!("recv() failed, Error: {}[{errno}]", os_strerror(errno)));
                false_zv()
            }
        }
    }
}

#[php_impl]
impl Client {
    pub const MSG_OOB: i64 = 1;
    pub const MSG_PEEK: i64 = 2;
    pub const MSG_DONTWAIT: i64 = 64;
    pub const MSG_WAITALL: i64 = 256;
    pub const SHUT_RDWR: i64 = 2;
    pub const SHUT_RD: i64 = 0;
    pub const SHUT_WR: i64 = 1;

    /// `__construct(int $type, bool $async = SWOOLE_SOCK_SYNC, string $id = '')`
    pub fn __construct(r#type: IntArg, r#async: Opt<BoolArg>, id: Opt<StrArg>) -> PhpResult<Self> {
        let raw = r#type.get(1)?;
        let is_async = r#async.or(2, false)?;
        let id = id.or(3, "")?;
        if is_async {
            return Err(crate::exception::swoole_exception(
                "the asynchronous Swoole\\Client (SWOOLE_SOCK_ASYNC) was removed from Swoole in 4.3; \
                 use the synchronous client",
                505,
            ));
        }
        let ssl = SockType::wants_ssl(raw);
        if ssl && SockType::from_raw(raw).is_some_and(SockType::is_datagram) {
            return Err(crate::exception::swoole_exception(swoole_core::listener::DTLS_NOT_IMPLEMENTED, 505));
        }
        let Some(kind) = SockType::from_raw(raw) else {
            // Swoole's words and class (a TypeError, code 0).
            let msg = format!("Swoole\\Client::__construct() expects parameter 1 to be client type, unknown type {raw} given");
            return Err(ext_php_rs::exception::PhpException::new(msg, 0, ext_php_rs::zend::ce::type_error()));
        };
        if let Some(obj) = crate::zend::constructing_object() {
            props::set(obj, "type", raw);
            if !id.is_empty() {
                props::set(obj, "id", id.as_str());
            }
        }
        Ok(Client {
            kind,
            conn: RefCell::new(None),
            options: RefCell::new(Options::default()),
            bailed_out: Cell::new(false),
            ssl,
        })
    }

    /// `set(array $settings): bool` — merged into `$client->setting`; the
    /// next connect() reads them.
    pub fn set(self_: &mut ZendClassObject<Client>, settings: ArrayArg) -> PhpResult<bool> {
        let array = settings.get(1)?;
        let obj: *mut zend_object = self_.get_mut_zend_obj();
        let mut merged = props::array_copy(obj, "setting");
        for (key, value) in array.iter() {
            let _ = merged.insert(key.to_string().as_str(), value.shallow_clone());
        }
        props::set(obj, "setting", merged);
        Ok(true)
    }

    /// `connect(string $host, int $port = 0, float $timeout = 0.5, int $sock_flag = 0): bool`
    pub fn connect(
        self_: &mut ZendClassObject<Client>,
        host: StrArg,
        port: Opt<IntArg>,
        timeout: Option<&Zval>,
        sock_flag: Opt<IntArg>,
    ) -> PhpResult<bool> {
        let host = host.string(1)?;
        let port = port.or(2, 0)?;
        let timeout = timeout.map(|z| zend::arg_double(z, 3)).transpose()?.unwrap_or(0.5);
        let _ = sock_flag.or(4, 0)?;
        let obj: *mut zend_object = self_.get_mut_zend_obj();
        if host.is_empty() {
            zend::fatal_warning("The host is empty");
            return Ok(false);
        }
        if self_.conn.borrow().is_some() {
            zend::fatal_warning("connection to the server has already been established");
            return Ok(false);
        }
        let unix = matches!(self_.kind, SockType::UnixStream | SockType::UnixDgram);
        // As Swoole: port 0 is tried (and refused by the kernel); errCode stays.
        if !unix && !(0..=65535).contains(&port) {
            warning("The port is invalid");
            crate::process_state::set_last_error(ErrorCode::INVALID_PARAMS.0);
            return Ok(false);
        }
        let options = match read_options(props::get(obj, "setting").and_then(|z| z.array())) {
            Ok(o) => o,
            Err(Refused::Warned) => return Ok(false),
            Err(Refused::Fatal(e)) => {
                crate::options::fatal(&e);
                return Ok(false);
            }
        };
        let t = if options.timeout > 0.0 { options.timeout } else { timeout };
        match Conn::connect(self_.kind, &host, port as u16, Duration::from_secs_f64(t.max(0.001))) {
            Ok(mut c) => {
                if self_.ssl && !crate::client_tls::start(&mut c, obj, &host, port) {
                    return Ok(false);
                }
                c.set_nodelay(options.nodelay);
                if options.buffer_size {
                    c.set_buffer_size(options.settings.socket_buffer_size);
                }
                props::set(obj, "sock", c.fd() as i64);
                props::set(obj, "errCode", 0i64);
                *self_.conn.borrow_mut() = Some(c);
                *self_.options.borrow_mut() = options;
                Ok(true)
            }
            Err(e) => {
                let errno = fail(obj, &e);
                // Swoole's own warning: hidden while swoole.display_errors is Off.
                crate::zend::swoole_warning(&format!("connect to server[{host}:{port}] failed. Error: {}[{errno}]", os_strerror(errno)));
                Ok(false)
            }
        }
    }

    /// `send(string $data, int $flag = 0): int|false`
    pub fn send(self_: &mut ZendClassObject<Client>, data: StrArg, flag: Opt<IntArg>) -> PhpResult<Zval> {
        let data = data.bytes(1)?;
        let _ = flag.or(2, 0)?;
        let obj: *mut zend_object = self_.get_mut_zend_obj();
        if data.is_empty() {
            zend::fatal_warning("data to send is empty");
            return false_zv();
        }
        let mut conn = self_.conn.borrow_mut();
        let Some(c) = Client::connected(&mut conn, obj) else { return false_zv() };
        match c.send(&data) {
            Ok(n) => Ok((n as i64).into_zval(false)?),
            Err(e) => {
                let fd = c.fd();
                let errno = fail(obj, &e);
                warning(&format!("failed to send({fd}) {} bytes, Error: {}[{errno}]", data.len(), os_strerror(errno)));
                false_zv()
            }
        }
    }

    /// `recv(int $size = 65536, int $flag = 0): string|false` — with framing
    /// settings, exactly one packet; "" when the server closed the connection.
    pub fn recv(self_: &mut ZendClassObject<Client>, size: Opt<IntArg>, flag: Opt<IntArg>) -> PhpResult<Zval> {
        let size = size.or(1, 65536)?.clamp(1, 64 << 20) as usize;
        let flag = flag.or(2, 0)?;
        let obj: *mut zend_object = self_.get_mut_zend_obj();
        let (framing, max) = {
            let o = self_.options.borrow();
            (o.settings.framing(), o.settings.package_max_length)
        };
        let func = match framing {
            Framing::Length { .. } => self_.options.borrow().length_func.clone(),
            _ => None,
        };
        let got = {
            let mut conn = self_.conn.borrow_mut();
            let Some(c) = Client::connected(&mut conn, obj) else { return false_zv() };
            match &func {
                Some(func) => c.recv_by_length(max, &mut |buf| {
                    let (outcome, answer) = func.call_returning(&mut [zend::bytes_zval(buf)]);
                    match (outcome, zval_long(&answer)) {
                        (CallOutcome::Returned, 0) => Length::NeedMore,
                        (CallOutcome::Returned, n) if n < 0 => Length::Invalid,
                        (CallOutcome::Returned, n) => Length::Packet(n as usize),
                        (CallOutcome::Bailout, _) => {
                            self_.bailed_out.set(true);
                            Length::Failed
                        }
                        _ => Length::Failed,
                    }
                }),
                None => c.recv(&framing, size, flag),
            }
        };
        if self_.bailed_out.replace(false) {
            drop(func);
            // SAFETY: re-raising the fatal error's bailout; nothing of ours is borrowed.
            unsafe { ext_php_rs::zend::bailout() }
        }
        match got {
            Ok(bytes) => Ok(zend::bytes_zval(&bytes)),
            Err(e) => self_.framing_failure(&e, obj),
        }
    }

    /// `sendto(string $ip, int $port, string $data): bool` — one datagram
    /// (UDP, UDP6, Unix datagram: `$ip` is then the peer's socket file).
    pub fn sendto(self_: &mut ZendClassObject<Client>, ip: StrArg, port: IntArg, data: StrArg) -> PhpResult<bool> {
        let ip = ip.string(1)?;
        let port = port.get(2)?;
        let data = data.bytes(3)?;
        let obj: *mut zend_object = self_.get_mut_zend_obj();
        if data.is_empty() {
            notice_warning("data to send is empty");
            return Ok(false);
        }
        // Swoole checks the port first: a stream client warns, a datagram
        // client (Unix ones too) only sets BAD_PORT.
        if !(0..=65535).contains(&port) {
            if self_.kind.is_datagram() {
                set_error(obj, ErrorCode::BAD_PORT.0 as i64);
            } else {
                warning("The port is invalid");
                crate::process_state::set_last_error(ErrorCode::INVALID_PARAMS.0);
            }
            return Ok(false);
        }
        if !self_.kind.is_datagram() {
            swoole_core::log::warning("Client::sendto(): only supports SWOOLE_SOCK_(UDP/UDP6/UNIX_DGRAM)");
            set_error(obj, ErrorCode::OPERATION_NOT_SUPPORTED.0 as i64);
            return Ok(false);
        }
        let mut conn = self_.conn.borrow_mut();
        if conn.is_none() {
            match Conn::unconnected(self_.kind) {
                Ok(c) => {
                    props::set(obj, "sock", c.fd() as i64);
                    *conn = Some(c);
                }
                Err(e) => {
                    fail(obj, &e);
                    return Ok(false);
                }
            }
        }
        let c = conn.as_mut().expect("made above");
        match c.send_to(&ip, port as u16, &data) {
            Ok(_) => Ok(true),
            Err(e) if e.raw_os_error().is_none() && e.kind() != std::io::ErrorKind::Unsupported => {
                set_error(obj, DNSLOOKUP_RESOLVE_FAILED);
                Ok(false)
            }
            Err(e) => {
                fail(obj, &e);
                Ok(false)
            }
        }
    }

    /// `sendfile(string $filename, int $offset = 0, int $length = 0): bool`
    /// — zero-copy; `$length` 0 sends to the end of the file.
    pub fn sendfile(self_: &mut ZendClassObject<Client>, filename: StrArg, offset: Opt<IntArg>, length: Opt<IntArg>)
        -> PhpResult<bool> {
        let filename = filename.string(1)?;
        let offset = offset.or(2, 0)?;
        let length = length.or(3, 0)?;
        let obj: *mut zend_object = self_.get_mut_zend_obj();
        for (name, v) in [("offset", offset), ("length", length)] {
            if v < 0 {
                notice_warning(&format!("parameter ${name}[{v}] must be greater than or equal to 0"));
                return Ok(false);
            }
        }
        if filename.is_empty() {
            zend::fatal_warning("file to send is empty");
            return Ok(false);
        }
        let mut conn = self_.conn.borrow_mut();
        let Some(c) = Client::connected(&mut conn, obj) else { return Ok(false) };
        if c.is_datagram() {
            notice_warning("dgram socket cannot use sendfile");
            return Ok(false);
        }
        match c.send_file(&filename, offset as u64, length as u64) {
            Ok(_) => Ok(true),
            Err(e) => {
                let code = match e.kind() {
                    std::io::ErrorKind::UnexpectedEof => {
                        swoole_core::log::warning(&format!(
                            "Client::sendfile() (ERRNO 702): cannot send empty file '{filename}'"
                        ));
                        ErrorCode::FILE_EMPTY.0
                    }
                    std::io::ErrorKind::InvalidInput => {
                        swoole_core::log::warning(&format!(
                            "Client::sendfile() (ERRNO 505): length[{length}] or offset[{offset}] is invalid"
                        ));
                        ErrorCode::INVALID_PARAMS.0
                    }
                    _ => e.raw_os_error().unwrap_or(libc::EIO),
                };
                set_error(obj, code as i64);
                let text = if code < 500 { os_strerror(code) } else { swoole_strerror(code).to_string() };
                warning(&format!("sendfile() failed. Error: {text} [{code}]"));
                Ok(false)
            }
        }
    }

    /// `isConnected(): bool`
    #[php(name = "isConnected")]
    pub fn is_connected(&self) -> bool {
        self.conn.borrow().is_some()
    }

    /// `getsockname(): array|false` — a Unix socket's path (or "") and port 0.
    pub fn getsockname(self_: &mut ZendClassObject<Client>) -> PhpResult<Zval> {
        let obj: *mut zend_object = self_.get_mut_zend_obj();
        let mut conn = self_.conn.borrow_mut();
        address(Client::connected(&mut conn, obj).map(|c| c.local()))
    }

    /// `getpeername(): array|false` — for a Unix datagram client, where the
    /// last datagram came from.
    pub fn getpeername(self_: &mut ZendClassObject<Client>) -> PhpResult<Zval> {
        let obj: *mut zend_object = self_.get_mut_zend_obj();
        let mut conn = self_.conn.borrow_mut();
        address(Client::connected(&mut conn, obj).map(|c| c.peer()))
    }

    /// `shutdown(int $how): bool`
    pub fn shutdown(self_: &mut ZendClassObject<Client>, how: IntArg) -> PhpResult<bool> {
        let how = match how.get(1)? {
            0 => std::net::Shutdown::Read,
            1 => std::net::Shutdown::Write,
            _ => std::net::Shutdown::Both,
        };
        let obj: *mut zend_object = self_.get_mut_zend_obj();
        let mut conn = self_.conn.borrow_mut();
        Ok(Client::connected(&mut conn, obj).is_some_and(|c| c.shutdown(how).is_ok()))
    }

    /// `close(bool $force = false): bool` — a Unix datagram client's own
    /// socket file goes with the connection.
    pub fn close(self_: &mut ZendClassObject<Client>, force: Opt<BoolArg>) -> PhpResult<bool> {
        let _ = force.or(1, false)?;
        let obj: *mut zend_object = self_.get_mut_zend_obj();
        let was = self_.conn.borrow_mut().take().is_some();
        if !was {
            return Ok(zend::fatal_warning("client is not connected to the server"));
        }
        props::set(obj, "sock", -1i64);
        Ok(true)
    }

    /// `enableSSL(?callable $onSslReady = null): bool` — TLS on the
    /// connected socket, with the `ssl_*` settings of `$client->setting`.
    #[php(name = "enableSSL")]
    pub fn enable_ssl(self_: &mut ZendClassObject<Client>, args: &[&Zval]) -> PhpResult<bool> {
        // As Swoole's synchronous client: any `$onSslReady` (null too) is refused
        // before anything else.
        if !args.is_empty() {
            return Err(crate::exception::swoole_exception(
                "sync client does not support `onSslReady` callback",
                ErrorCode::INVALID_PARAMS.0 as i64,
            ));
        }
        let obj: *mut zend_object = self_.get_mut_zend_obj();
        let mut conn = self_.conn.borrow_mut();
        let Some(c) = Client::connected(&mut conn, obj) else { return Ok(false) };
        if c.is_tls() {
            return Ok(zend::fatal_warning("SSL has already been enabled"));
        }
        let (host, port) = c.peer().unwrap_or_default();
        if crate::client_tls::start(c, obj, &host, port as i64) {
            return Ok(true);
        }
        // The handshake failed half-way: the stream cannot be used any more.
        conn.take();
        props::set(obj, "sock", -1i64);
        Ok(false)
    }

    /// `getPeerCert(): string|false` — the server's certificate (PEM).
    #[php(name = "getPeerCert")]
    pub fn get_peer_cert(self_: &mut ZendClassObject<Client>) -> PhpResult<Zval> {
        let obj: *mut zend_object = self_.get_mut_zend_obj();
        let mut conn = self_.conn.borrow_mut();
        let Some(c) = Client::connected(&mut conn, obj) else { return false_zv() };
        match c.peer_cert() {
            Some(pem) => Ok(pem.as_str().into_zval(false)?),
            None => false_zv(),
        }
    }

    /// `verifyPeerCert(bool $allow_self_signed = false): bool` — the
    /// server's chain, then `ssl_host_name`; Swoole's notice when it fails.
    #[php(name = "verifyPeerCert")]
    pub fn verify_peer_cert(self_: &mut ZendClassObject<Client>, allow_self_signed: Opt<BoolArg>) -> PhpResult<bool> {
        let allow = allow_self_signed.or(1, false)?;
        let obj: *mut zend_object = self_.get_mut_zend_obj();
        let mut conn = self_.conn.borrow_mut();
        let Some(c) = Client::connected(&mut conn, obj) else { return Ok(false) };
        match c.verify_peer_cert(allow) {
            Some(Ok(())) => Ok(true),
            Some(Err(f)) => {
                let code = swoole_core::tls::error::codes::SSL_VERIFY_FAILED.0;
                // swoole_last_error() only: Swoole leaves errCode alone here.
                crate::process_state::set_last_error(code);
                swoole_core::log::put_code(swoole_core::log::LOG_NOTICE, code, &format!(
                    "Socket::ssl_verify() (ERRNO {code}): can not verify peer from fd#{} with error#{}: {}",
                    c.fd(), f.code, f.reason
                ));
                Ok(false)
            }
            None => {
                set_error(obj, swoole_core::tls::error::codes::SSL_NOT_READY.0 as i64);
                Ok(false)
            }
        }
    }
}

fn address(addr: Option<std::io::Result<(String, u16)>>) -> PhpResult<Zval> {
    match addr {
        Some(Ok((host, port))) => {
            let mut a = ZendHashTable::new();
            let _ = a.insert("port", port as i64);
            let _ = a.insert("host", host.as_str());
            Ok(a.into_zval(false)?)
        }
        _ => Ok(false.into_zval(false)?),
    }
}

/// `Swoole\Client`'s methods as Swoole 6.2.1 declares them, in its order.
/// (`verifyPeerCert()` takes an optional `$allow_self_signed`, as Swoole's does, though its Reflection shows none.)
const CLIENT_API: &[&str] = &[
    "__construct(int $type, bool $async = SWOOLE_SOCK_SYNC, string $id = '')",
    "__destruct()",
    "set(array $settings): bool",
    "connect(string $host, int $port = 0, float $timeout = 0.5, int $sock_flag = 0): bool",
    "recv(int $size = 65536, int $flag = 0): string|false",
    "send(string $data, int $flag = 0): int|false",
    "sendfile(string $filename, int $offset = 0, int $length = 0): bool",
    "sendto(string $ip, int $port, string $data): bool",
    "shutdown(int $how): bool",
    "enableSSL(?callable $onSslReady = null): bool",
    "getPeerCert(): string|bool",
    "verifyPeerCert(): bool",
    "isConnected(): bool",
    "getsockname(): array|false",
    "getpeername(): array|false",
    "close(bool $force = false): bool",
];

/// Gives `Swoole\Client` Swoole's signatures (first request).
pub fn fix_signatures() {
    use ext_php_rs::class::RegisteredClass;
    crate::shape::shape(Client::get_metadata().ce(), CLIENT_API);
}
