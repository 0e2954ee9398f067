//! `Swoole\Server`: the PHP face of a server. Methods convert their arguments
//! (PHP weak-mode rules), check the server's state, and call the core or the
//! runtime; nothing here runs an event loop itself.

use crate::args::{IntArg, Opt, StrArg};
use crate::events::{self, Event};
use crate::props::{self, Default as P};
use crate::process_state::{self};
use crate::zend::{self, warning, Callback};
use ext_php_rs::builders::ClassBuilder;
use ext_php_rs::exception::PhpResult;
use ext_php_rs::flags::ClassFlags;
use ext_php_rs::prelude::*;
use ext_php_rs::types::Zval;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use swoole_core::error::ErrorCode;
use swoole_core::listener::BoundListener;
use swoole_core::settings::ServerSettings;
use swoole_core::{worker, SessionId};


/// `SWOOLE_BASE` and `SWOOLE_PROCESS`.
pub const MODE_BASE: i64 = 1;
pub const MODE_PROCESS: i64 = 2;
/// Swoole's page limit for `getClientList()` (`SW_MAX_FIND_COUNT`).
pub(crate) const MAX_FIND_COUNT: i64 = 100;

/// Where a server is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lifecycle {
    /// Constructed; `set()`/`on()` allowed.
    Created,
    /// `start()` is running (in this process or a parent).
    Running,
    /// `start()` returned; the server cannot start again.
    Shutdown,
}

#[php_class]
#[php(name = "Swoole\\Server")]
#[php(flags = ClassFlags::from_bits_retain(1 << 15))]
#[php(modifier = server_class)]
pub struct Server {
    /// Callbacks registered with `on()`.
    pub(crate) callbacks: RefCell<HashMap<Event, Callback>>,
    /// What `set()` configured, typed.
    pub(crate) settings: RefCell<ServerSettings>,
    /// The listening socket bound by the constructor (taken away when
    /// `start()` returns: the port is free again).
    pub(crate) listener: RefCell<Option<BoundListener>>,
    /// Constructor arguments, for messages.
    pub(crate) host: String,
    /// `SWOOLE_BASE` or `SWOOLE_PROCESS`.
    pub(crate) mode: i64,
    /// Lifecycle state.
    pub(crate) state: Cell<Lifecycle>,
    /// `Swoole\Process` objects given to `addProcess()`.
    pub(crate) user_processes: RefCell<Vec<Zval>>,
    /// `addCommand()` registrations.
    pub(crate) commands: RefCell<crate::command::Commands>,
}

fn server_class(builder: ClassBuilder) -> ClassBuilder {
    let builder = events::SERVER_PROPERTIES.iter().fold(builder, |b, name| props::declare_private(b, name));
    props::declare(
        crate::shape::with_destructor(builder),
        &[
            ("setting", P::Null),
            ("connections", P::Null),
            ("host", P::Str("")),
            ("port", P::Int(0)),
            ("type", P::Int(0)),
            ("ssl", P::Bool(false)),
            ("mode", P::Int(0)),
            ("ports", P::Null),
            ("master_pid", P::Int(0)),
            ("manager_pid", P::Int(0)),
            ("worker_id", P::Int(-1)),
            ("taskworker", P::Bool(false)),
            ("worker_pid", P::Int(0)),
            ("stats_timer", P::Null),
            ("admin_server", P::Null),
        ],
    )
}

impl Server {
    /// Whether the server may still be configured; warns as Swoole does if not.
    pub(crate) fn check_configurable(&self, what: &str) -> bool {
        match self.state.get() {
            Lifecycle::Created => true,
            Lifecycle::Running => {
                zend::fatal_warning(&format!("server is running, unable to execute Swoole\\Server->{what}"))
            }
            Lifecycle::Shutdown => {
                zend::fatal_warning(&format!("server have been shutdown, unable to execute Swoole\\Server->{what}"))
            }
        }
    }
}

impl Server {
    /// Outside the running server (before start(), after it returned):
    /// Swoole's warning (last error 503), and the caller gives false.
    pub(crate) fn not_running(&self) -> bool {
        let running = self.state.get() == Lifecycle::Running;
        !running && !zend::fatal_warning(NOT_RUNNING)
    }

    /// `pause()`/`resume()`/`confirm()`.
    pub(crate) fn set_paused(&self, fd: i64, paused: bool) -> PhpResult<bool> {
        if self.not_running() {
            return Ok(false);
        }
        if fd <= 0 {
            return Ok(fail(ErrorCode::SESSION_INVALID_ID));
        }
        Ok(match worker::set_paused(SessionId(fd as u64), paused) {
            Ok(()) => true,
            Err(code) => fail(code),
        })
    }
}

/// Sets the per-call error code (`getLastError()`, `swoole_last_error()`) and
/// returns false.
/// Swoole's warning for `send()`/`sendto()` with no bytes (error 550).
const EMPTY_DATA: &str = "the data sent must not be empty";

/// Swoole's warning for a call that needs the server running.
pub(crate) const NOT_RUNNING: &str = "server is not running";

pub(crate) fn fail(code: ErrorCode) -> bool {
    process_state::set_last_error(code.0);
    false
}

/// The send family, called by the methods of [`crate::server_methods`].
impl Server {
    /// The body of `send()`.
    pub(crate) fn do_send(&self, fd: &Zval, send_data: StrArg, server_socket: Opt<IntArg>) -> PhpResult<bool> {
        if fd.is_null() {
            warning("fd can not be null");
            return Ok(fail(ErrorCode::SESSION_INVALID_ID));
        }
        // A string that is no number is a Unix datagram peer's address (on
        // a server that has a Unix datagram port); elsewhere it reads as
        // its leading digits, as Swoole's zval_get_long(): "abc" is fd 0.
        let text = fd.zend_str().map(|s| String::from_utf8_lossy(s.as_bytes()).into_owned());
        let text = text.filter(|p| p.trim().parse::<f64>().is_err());
        let (path, lenient) = match text {
            Some(t) if worker::has_unix_dgram_port() => (Some(t), None),
            Some(t) => (None, Some(zend::leading_long(&t))),
            None => (None, None),
        };
        let fd = match (&path, lenient.or(fd.long())) {
            (Some(_), _) => 0,
            (None, Some(n)) => n,
            (None, None) if fd.is_string() || fd.is_double() || fd.is_bool() || fd.is_null() => zend::arg_long(fd, 1)?,
            (None, None) => {
                zend::arg_type_error(1, "string|int", fd);
                return Err(ext_php_rs::exception::PhpException::from_message(String::new()));
            }
        };
        let data = send_data.bytes(2)?;
        let server_socket = server_socket.or(3, -1)?;
        if self.not_running() {
            return Ok(false);
        }
        if data.is_empty() {
            warning(EMPTY_DATA);
            return Ok(fail(ErrorCode::NO_PAYLOAD));
        }
        if let Some(path) = path {
            let socket = (server_socket >= 0).then_some(server_socket as i32);
            return Ok(match worker::send_to(&swoole_core::port::Peer::Unix(path), &data, socket) {
                Ok(()) => true,
                Err(code) => fail(code),
            });
        }
        if fd <= 0 {
            warning(&format!("invalid fd[{fd}]"));
            return Ok(fail(ErrorCode::SESSION_INVALID_ID));
        }
        Ok(match worker::send(SessionId(fd as u64), &data) {
            Ok(()) => true,
            Err(code) => fail(code),
        })
    }

    /// The body of `sendto()`.
    pub(crate) fn do_sendto(&self, ip: StrArg, port: IntArg, send_data: StrArg, server_socket: Opt<IntArg>) -> PhpResult<bool> {
        let ip = ip.string(1)?;
        let port = port.get(2)?;
        let data = send_data.bytes(3)?;
        let server_socket = server_socket.or(4, -1)?;
        if self.not_running() {
            return Ok(false);
        }
        if data.is_empty() {
            warning(EMPTY_DATA);
            return Ok(fail(ErrorCode::NO_PAYLOAD));
        }
        let socket = (server_socket >= 0).then_some(server_socket as i32);
        if ip.starts_with('/') {
            // A Unix datagram peer: the address is its socket file (what
            // onPacket's `address` says); the port is not used.
            return Ok(match worker::send_to(&swoole_core::port::Peer::Unix(ip), &data, socket) {
                Ok(()) => true,
                Err(code) => fail(code),
            });
        }
        let Ok(addr) = ip.parse::<std::net::IpAddr>() else {
            warning(&format!("invalid IP address [{ip}]"));
            return Ok(fail(ErrorCode::BAD_HOST_ADDR));
        };
        if !(1..=65535).contains(&port) {
            warning(&format!("invalid port [{port}]"));
            return Ok(fail(ErrorCode::BAD_PORT));
        }
        let to = swoole_core::port::Peer::Inet(std::net::SocketAddr::new(addr, port as u16));
        Ok(match worker::send_to(&to, &data, socket) {
            Ok(()) => true,
            Err(ErrorCode::WRONG_OPERATION) => {
                // No UDP port of the address's family (Swoole's words).
                let family = if addr.is_ipv6() { "UDP6" } else { "UDP" };
                zend::fatal_warning(&format!("{family} listener has to be added before executing sendto"))
            }
            Err(code) => fail(code),
        })
    }

    /// The body of `sendfile()`.
    pub(crate) fn do_sendfile(&self, conn_fd: IntArg, filename: StrArg, offset: Opt<IntArg>, length: Opt<IntArg>) -> PhpResult<bool> {
        let fd = conn_fd.get(1)?;
        let path = filename.string(2)?;
        let offset = offset.or(3, 0)?;
        let length = length.or(4, 0)?;
        if self.not_running() {
            return Ok(false);
        }
        if fd <= 0 {
            return Ok(fail(ErrorCode::SESSION_INVALID_ID));
        }
        // Swoole's warnings, which leave PHP_RUNTIME_NOTICE.
        for (name, value) in [("offset", offset), ("length", length)] {
            if value < 0 {
                warning(&format!("parameter ${name}[{value}] must be greater than or equal to 0"));
                return Ok(fail(ErrorCode::PHP_RUNTIME_NOTICE));
            }
        }
        Ok(match worker::sendfile(SessionId(fd as u64), &path, offset as u64, length as u64) {
            Ok(()) => true,
            Err(code) => {
                match code {
                    ErrorCode::FILE_NOT_EXIST => warning(&format!("file[{path}] not found")),
                    ErrorCode::FILE_EMPTY => warning(&format!("file[{path}] is empty")),
                    ErrorCode::INVALID_PARAMS => warning(&format!("offset[{offset}] and length[{length}] are out of the file's range")),
                    ErrorCode::SERVER_IS_NOT_REGULAR_FILE => warning(&format!("the path[{path}] given is not a regular file")),
                    _ => {}
                }
                fail(code)
            }
        })
    }

    /// The body of `sendwait()`.
    pub(crate) fn do_sendwait(&self, conn_fd: IntArg, send_data: StrArg) -> PhpResult<bool> {
        let fd = conn_fd.get(1)?;
        let data = send_data.bytes(2)?;
        if self.not_running() {
            return Ok(false);
        }
        if self.mode == MODE_PROCESS {
            warning("can't sendwait in SWOOLE_PROCESS mode: use send()");
            return Ok(fail(ErrorCode::OPERATION_NOT_SUPPORTED));
        }
        if fd <= 0 || data.is_empty() {
            return Ok(fail(if fd <= 0 { ErrorCode::SESSION_INVALID_ID } else { ErrorCode::NO_PAYLOAD }));
        }
        Ok(match worker::send_wait(SessionId(fd as u64), &data) {
            Ok(()) => true,
            Err(code) => fail(code),
        })
    }
}
