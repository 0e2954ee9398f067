//! `Swoole\Client` (synchronous): a blocking TCP/UDP/Unix client with the
//! server's framing settings, so `recv()` can return exactly one packet.
//! The asynchronous client (`SWOOLE_SOCK_ASYNC`) left Swoole in 4.3; asking
//! for it fails with a clear message.

use crate::args::{ArrayArg, BoolArg, IntArg, Opt, StrArg};
use crate::props::{self, Default as P};
use crate::zend::{self, warning};
use ext_php_rs::builders::ClassBuilder;
use ext_php_rs::convert::IntoZval;
use ext_php_rs::exception::PhpResult;
use ext_php_rs::ffi::zend_object;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendClassObject, ZendHashTable, Zval};
use std::cell::{Cell, RefCell};
use std::time::Duration;
use swoole_core::client::Client as Conn;
use swoole_core::framing::Framing;
use swoole_core::listener::SockType;
use swoole_core::settings::ServerSettings;

/// Keys a client's `set()` takes besides the framing ones.
const TIMEOUT_KEYS: &[&str] = &["timeout", "connect_timeout", "read_timeout", "write_timeout"];
/// Prefixes of client keys accepted without effect (SSL, proxies, binding).
const ACCEPTED_PREFIXES: &[&str] = &["ssl_", "socks5_", "http_proxy_", "bind_", "open_tcp_", "package_length_func",
    "socket_buffer_size", "kernel_socket_", "open_mqtt", "open_http"];

#[php_class]
#[php(name = "Swoole\\Client")]
#[php(modifier = client_class)]
pub struct Client {
    /// Socket type from the constructor.
    kind: SockType,
    /// The connection, once connect() succeeded.
    conn: RefCell<Option<Conn>>,
    /// Framing settings for recv().
    settings: RefCell<ServerSettings>,
    /// Read/write timeout from set() (seconds; 0 = the connect timeout).
    timeout: Cell<f64>,
}

fn client_class(builder: ClassBuilder) -> ClassBuilder {
    props::declare(
        builder,
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

/// Records an OS error on the object (errCode, errMsg).
fn fail(obj: *mut zend_object, e: &std::io::Error) {
    props::set(obj, "errCode", e.raw_os_error().unwrap_or(libc::EIO) as i64);
    props::set(obj, "errMsg", swoole_core::error::os_strerror(e.raw_os_error().unwrap_or(libc::EIO)));
}

/// Swoole's warning for a call that needs a connection.
const NOT_CONNECTED: &str = "client is not connected to server";

impl Client {
    /// The connection, or a warning (Swoole's) when there is none.
    fn connected(&self) -> Option<std::cell::Ref<'_, Conn>> {
        let conn = std::cell::Ref::filter_map(self.conn.borrow(), |c| c.as_ref()).ok();
        if conn.is_none() {
            warning(NOT_CONNECTED);
        }
        conn
    }

    fn framing(&self) -> Framing {
        self.settings.borrow().framing()
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
        if raw & 512 != 0 {
            return Err(crate::exception::swoole_exception("SWOOLE_SSL is not supported by this extension", 505));
        }
        let Some(kind) = SockType::from_raw(raw) else {
            return Err(crate::exception::swoole_exception(&format!("invalid socket type [{raw}]"), 724));
        };
        if let Some(obj) = crate::server::constructing_object() {
            props::set(obj, "type", raw);
            if !id.is_empty() {
                props::set(obj, "id", id.as_str());
            }
        }
        Ok(Client { kind, conn: RefCell::new(None), settings: RefCell::new(ServerSettings::new()), timeout: Cell::new(0.0) })
    }

    /// `set(array $settings): bool` — framing (open_length_check, open_eof_*,
    /// package_*) and timeouts.
    pub fn set(self_: &mut ZendClassObject<Client>, settings: ArrayArg) -> PhpResult<bool> {
        let array = settings.get(1)?;
        for (key, value) in array.iter() {
            let key = key.to_string();
            if TIMEOUT_KEYS.contains(&key.as_str()) {
                self_.timeout.set(zend::arg_double(value, 1).unwrap_or(0.0));
                continue;
            }
            if ACCEPTED_PREFIXES.iter().any(|p| key.starts_with(p)) {
                continue;
            }
            if let Err(e) = self_.settings.borrow_mut().apply(&key, &crate::server::setting_value(value)) {
                warning(&e.to_string());
            }
        }
        let obj: *mut zend_object = self_.get_mut_zend_obj();
        props::set(obj, "setting", settings.0.shallow_clone());
        if let Some(c) = self_.conn.borrow().as_ref() {
            let t = self_.timeout.get();
            let _ = c.set_timeout((t > 0.0).then(|| Duration::from_secs_f64(t)));
        }
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
        if self_.conn.borrow().is_some() {
            warning("connection to the server has already been established");
            return Ok(false);
        }
        let unix = matches!(self_.kind, SockType::UnixStream | SockType::UnixDgram);
        if !unix && !(1..=65535).contains(&port) {
            warning(&format!("The port is invalid: {port}"));
            props::set(obj, "errCode", 723i64);
            return Ok(false);
        }
        let t = if self_.timeout.get() > 0.0 { self_.timeout.get() } else { timeout };
        match Conn::connect(self_.kind, &host, port as u16, Duration::from_secs_f64(t.max(0.001))) {
            Ok(c) => {
                props::set(obj, "sock", c.fd() as i64);
                props::set(obj, "errCode", 0i64);
                *self_.conn.borrow_mut() = Some(c);
                Ok(true)
            }
            Err(e) => {
                fail(obj, &e);
                let errno = e.raw_os_error().unwrap_or(0);
                warning(&format!(
                    "connect to server[{host}:{port}] failed. Error: {}[{errno}]",
                    swoole_core::error::os_strerror(errno)
                ));
                Ok(false)
            }
        }
    }

    /// `send(string $data, int $flag = 0): int|false`
    pub fn send(self_: &mut ZendClassObject<Client>, data: StrArg, flag: Opt<IntArg>) -> PhpResult<Zval> {
        let data = data.bytes(1)?;
        let _ = flag.or(2, 0)?;
        let obj: *mut zend_object = self_.get_mut_zend_obj();
        let mut conn = self_.conn.borrow_mut();
        let Some(c) = conn.as_mut() else {
            warning(NOT_CONNECTED);
            props::set(obj, "errCode", 5001i64);
            return Ok(false.into_zval(false)?);
        };
        if data.is_empty() {
            warning("data to send is empty");
            return Ok(false.into_zval(false)?);
        }
        match c.send(&data) {
            Ok(n) => Ok((n as i64).into_zval(false)?),
            Err(e) => {
                fail(obj, &e);
                Ok(false.into_zval(false)?)
            }
        }
    }

    /// `recv(int $size = 65536, int $flag = 0): string|false` — with framing
    /// settings, exactly one packet; "" when the server closed the connection.
    pub fn recv(self_: &mut ZendClassObject<Client>, size: Opt<IntArg>, flag: Opt<IntArg>) -> PhpResult<Zval> {
        let size = size.or(1, 65536)?.clamp(1, 64 << 20) as usize;
        let flag = flag.or(2, 0)?;
        let framing = self_.framing();
        let obj: *mut zend_object = self_.get_mut_zend_obj();
        let mut conn = self_.conn.borrow_mut();
        let Some(c) = conn.as_mut() else {
            warning(NOT_CONNECTED);
            props::set(obj, "errCode", 5001i64);
            return Ok(false.into_zval(false)?);
        };
        match c.recv(&framing, size, flag) {
            Ok(bytes) => Ok(zend::bytes_zval(&bytes)),
            Err(e) => {
                fail(obj, &e);
                Ok(false.into_zval(false)?)
            }
        }
    }

    /// `sendto(string $ip, int $port, string $data): bool` (UDP)
    pub fn sendto(self_: &mut ZendClassObject<Client>, ip: StrArg, port: IntArg, data: StrArg) -> PhpResult<bool> {
        let ip = ip.string(1)?;
        let port = port.get(2)?;
        let data = data.bytes(3)?;
        let obj: *mut zend_object = self_.get_mut_zend_obj();
        if !(0..=65535).contains(&port) {
            warning("The port is invalid");
            return Ok(false);
        }
        if self_.conn.borrow().is_none() {
            match Conn::connect(self_.kind, &ip, port as u16, Duration::from_millis(500)) {
                Ok(c) => *self_.conn.borrow_mut() = Some(c),
                Err(e) => {
                    fail(obj, &e);
                    return Ok(false);
                }
            }
        }
        let mut conn = self_.conn.borrow_mut();
        let c = conn.as_mut().expect("connected above");
        match c.send_to(&ip, port as u16, &data) {
            Ok(_) => Ok(true),
            Err(e) => {
                fail(obj, &e);
                warning(&format!("sendto() failed: {e}"));
                Ok(false)
            }
        }
    }

    /// `sendfile(string $filename, int $offset = 0, int $length = 0): bool`
    pub fn sendfile(self_: &mut ZendClassObject<Client>, filename: StrArg, offset: Opt<IntArg>, length: Opt<IntArg>)
        -> PhpResult<bool> {
        let filename = filename.string(1)?;
        let offset = offset.or(2, 0)?.max(0) as usize;
        let length = length.or(3, 0)?.max(0) as usize;
        let obj: *mut zend_object = self_.get_mut_zend_obj();
        let bytes = match std::fs::read(&filename) {
            Ok(b) => b,
            Err(e) => {
                warning(&format!("file[{filename}] cannot be read: {e}"));
                fail(obj, &e);
                return Ok(false);
            }
        };
        let end = if length == 0 { bytes.len() } else { (offset + length).min(bytes.len()) };
        let mut conn = self_.conn.borrow_mut();
        let Some(c) = conn.as_mut() else { return Ok(false) };
        match c.send(&bytes[offset.min(end)..end]) {
            Ok(_) => Ok(true),
            Err(e) => {
                fail(obj, &e);
                Ok(false)
            }
        }
    }

    /// `isConnected(): bool`
    #[php(name = "isConnected")]
    pub fn is_connected(&self) -> bool {
        self.conn.borrow().is_some()
    }

    /// `getsockname(): array|false`
    pub fn getsockname(&self) -> PhpResult<Zval> {
        address(self.connected().map(|c| c.local()))
    }

    /// `getpeername(): array|false`
    pub fn getpeername(&self) -> PhpResult<Zval> {
        address(self.connected().map(|c| c.peer()))
    }

    /// `shutdown(int $how): bool`
    pub fn shutdown(&self, how: IntArg) -> PhpResult<bool> {
        let how = match how.get(1)? {
            0 => std::net::Shutdown::Read,
            1 => std::net::Shutdown::Write,
            _ => std::net::Shutdown::Both,
        };
        Ok(self.connected().is_some_and(|c| c.shutdown(how).is_ok()))
    }

    /// `close(bool $force = false): bool`
    pub fn close(self_: &mut ZendClassObject<Client>, force: Opt<BoolArg>) -> PhpResult<bool> {
        let _ = force.or(1, false)?;
        let obj: *mut zend_object = self_.get_mut_zend_obj();
        let was = self_.conn.borrow_mut().take().is_some();
        if !was {
            warning("client is not connected to the server");
        }
        props::set(obj, "sock", -1i64);
        Ok(was)
    }

    /// `enableSSL(?callable $onSslReady = null): bool` — not supported.
    #[php(name = "enableSSL")]
    pub fn enable_ssl(&self, args: &[&Zval]) -> bool {
        let _ = args;
        warning("SSL is not supported by this extension");
        false
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
