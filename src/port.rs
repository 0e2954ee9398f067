//! `Swoole\Server\Port`: the listener objects in `$server->ports`, returned
//! by `addListener()`/`listen()`. Each port can have its own callbacks
//! (`on()`: connect, receive, close, packet, bufferFull, bufferEmpty) and
//! its own settings (`set()`: framing, nodelay, ...); a port that never
//! called `set()` uses the server's.

use crate::args::{ArrayArg, StrArg};
use crate::events::{self, Event};
use crate::props::{self, Default as P};
use crate::zend::Callback;
use swoole_core::error::ErrorCode;
use ext_php_rs::builders::ClassBuilder;
use ext_php_rs::convert::IntoZval;
use ext_php_rs::exception::PhpResult;
use ext_php_rs::ffi::zend_object;
use ext_php_rs::flags::ClassFlags;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendClassObject, Zval};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use swoole_core::listener::BoundListener;
use swoole_core::settings::ServerSettings;

#[php_class]
#[php(name = "Swoole\\Server\\Port")]
#[php(flags = ClassFlags::from_bits_retain(1 << 15))]
#[php(modifier = port_class)]
#[derive(Default)]
pub struct Port {
    /// Callbacks given to this port's `on()`; they win over the server's.
    pub(crate) callbacks: RefCell<HashMap<Event, Callback>>,
    /// This port's `set()`: `None` until called (the server's settings apply).
    pub(crate) settings: RefCell<Option<ServerSettings>>,
    /// The socket of a port `addListener()` made (port 0's is the server's).
    pub(crate) listener: RefCell<Option<BoundListener>>,
    /// Set once the server started: `set()`/`on()` are refused then.
    pub(crate) started: Cell<bool>,
    /// A `SWOOLE_SSL` port: its connections are TLS (`$port->ssl`).
    pub(crate) ssl: Cell<bool>,
}

fn port_class(builder: ClassBuilder) -> ClassBuilder {
    let builder = events::PORT_PROPERTIES.iter().fold(builder, |b, name| props::declare_private(b, name));
    props::declare(
        crate::shape::with_destructor(builder),
        &[
            ("host", P::Null),
            ("port", P::Int(0)),
            ("type", P::Int(0)),
            ("sock", P::Int(-1)),
            ("ssl", P::Bool(false)),
            ("setting", P::Null),
            ("connections", P::Null),
        ],
    )
}

impl Port {
    /// A Port object for a bound listener (`listener` is kept by ports that
    /// `addListener()` made; port 0's stays with the server).
    /// `sock_type` is the raw type: its `SWOOLE_SSL` bit makes a TLS port
    /// (`$port->ssl`) and is not part of `$port->type`, as in Swoole.
    pub fn new_object(host: &str, port: i64, sock_type: i64, fd: i64, listener: Option<BoundListener>) -> Zval {
        let ssl = swoole_core::listener::SockType::wants_ssl(sock_type);
        let mut obj = ZendClassObject::new(Port { listener: RefCell::new(listener), ssl: Cell::new(ssl), ..Port::default() });
        let raw = obj.get_mut_zend_obj() as *mut zend_object;
        props::set(raw, "host", host);
        props::set(raw, "port", port);
        props::set(raw, "type", sock_type & !swoole_core::listener::SSL_FLAG);
        props::set(raw, "ssl", ssl);
        props::set(raw, "sock", fd);
        props::set(raw, "connections", crate::connections::ConnectionIterator::new_object());
        obj.into_zval(false).unwrap_or_default()
    }

    /// The Port behind a value of `$server->ports`.
    pub fn from_zval(zv: &Zval) -> Option<&ZendClassObject<Port>> {
        let obj = zv.object()?;
        // SAFETY: only Port objects are put into `$server->ports`.
        unsafe { ZendClassObject::<Port>::from_zend_obj(&*(obj as *const _ as *const ext_php_rs::types::ZendObject)) }
    }
}

#[php_impl]
impl Port {
    /// `set(array $settings): void` — this port's own settings.
    pub fn set(self_: &mut ZendClassObject<Port>, settings: ArrayArg) -> PhpResult<()> {
        let array = settings.get(1)?;
        if self_.started.get() {
            crate::zend::fatal_warning("server is running, unable to execute Swoole\\Server\\Port->set");
            return Ok(());
        }
        let obj: *mut zend_object = self_.get_mut_zend_obj();
        let settings = &self_.settings;
        // A port with a set() of its own, even an empty one, no longer inherits the server's.
        settings.borrow_mut().get_or_insert_with(ServerSettings::new);
        crate::options::apply_each(obj, array, |key, value| {
            // (before the borrow: a warning may run user code)
            if key == crate::length_func::KEY {
                crate::length_func::check(value);
            }
            let mut own = settings.borrow_mut();
            let s = own.get_or_insert_with(ServerSettings::new);
            crate::tls_settings::sni_certs(&mut s.ssl, key, value);
            s.apply(key, &crate::args::setting_value_of(key, value))
        });
        Ok(())
    }

    /// `on(string $event_name, callable $callback): bool`
    pub fn on(&self, event_name: StrArg, callback: &Zval) -> PhpResult<bool> {
        let name = event_name.string(1)?;
        if self.started.get() {
            return Ok(crate::zend::fatal_warning("server is running, unable to register event callback function"));
        }
        let ev = events::parse(&name).filter(|e| events::is_port_event(*e));
        Ok(register_callback(&self.callbacks, ev, &name, callback, PORT_ON))
    }

    /// `getCallback(string $event_name): ?callable`
    #[php(name = "getCallback")]
    pub fn get_callback(&self, event_name: StrArg) -> PhpResult<Zval> {
        Ok(callback_of(&self.callbacks, &event_name.string(1)?))
    }
}

/// The method whose name Swoole's warnings of `on()` carry for a port
/// event (and an unknown one), called on the server or on a port.
pub(crate) const PORT_ON: &str = "Swoole\\Server\\Port::on";

/// Keeps a callback `on()` took where Swoole keeps it, in the private
/// property [`events::property`] names (visible to Reflection, `var_dump()`
/// and the cycle collector): of the server `this`, or, for a port event, of
/// the port (`this` itself from `Port::on()`, port 0 from the server's).
/// `on()` of a server or a port: `cb` becomes the callback of `ev` (kept on
/// the object being constructed too, see [`keep_callback`]); no event (`name`
/// unknown here) warns as Swoole does. Whether it was registered.
pub(crate) fn register_callback(
    callbacks: &RefCell<HashMap<Event, Callback>>,
    ev: Option<Event>,
    name: &str,
    callback: &Zval,
    method: &str,
) -> bool {
    // Swoole's order: the event's name, then the callable; its warnings
    // name the method that checked (`method`).
    let Some(ev) = ev else {
        crate::zend::warning_in(PORT_ON, &format!("unknown event types[{name}]"));
        crate::process_state::set_last_error(ErrorCode::PHP_RUNTIME_NOTICE.0);
        return false;
    };
    let Some(cb) = crate::zend::resolve_or_warn(callback, Some(method)) else { return false };
    if let Some(this) = crate::zend::constructing_object() {
        keep_callback(this, ev, callback);
    }
    callbacks.borrow_mut().insert(ev, cb);
    true
}

/// `getCallback()` of a server or a port: the callable `on()` took for the
/// event `name`, or null.
pub(crate) fn callback_of(callbacks: &RefCell<HashMap<Event, Callback>>, name: &str) -> Zval {
    events::parse(name)
        .and_then(|ev| callbacks.borrow().get(&ev).map(|cb| cb.zval().shallow_clone()))
        .unwrap_or_else(Zval::null)
}

pub fn keep_callback(this: *mut zend_object, ev: Event, callback: &Zval) {
    use ext_php_rs::class::RegisteredClass;
    let port_ce = Port::get_metadata().ce();
    let name = events::property(ev);
    // SAFETY: `this` is the live object whose method is running.
    let this_ref = unsafe { &*(this as *const ext_php_rs::types::ZendObject) };
    if !events::is_port_event(ev) {
        let server_ce = crate::server::Server::get_metadata().ce();
        if this_ref.instance_of(server_ce) {
            props::set_private(server_ce as *const _ as *mut _, this, name, callback);
        }
        return;
    }
    let target = if this_ref.instance_of(port_ce) {
        Some(this)
    } else {
        props::get(this, "ports")
            .and_then(|p| p.array())
            .and_then(|a| a.get_index(0))
            .and_then(|z| z.object())
            .filter(|o| o.instance_of(port_ce))
            .map(|o| o as *const ext_php_rs::types::ZendObject as *mut zend_object)
    };
    if let Some(obj) = target {
        props::set_private(port_ce as *const _ as *mut _, obj, name, callback);
    }
}

/// A listen failure as Swoole words it.
pub fn listen_error(host: &str, port: i64, e: &swoole_core::listener::ListenError) -> String {
    use swoole_core::listener::ListenError;
    match e {
        ListenError::Os { errno, message } => format!("failed to listen server port[{host}:{port}], Error: {message}[{errno}]"),
        ListenError::BadHost => format!(
            "failed to listen server port[{host}:{port}], Error: invalid address '{host}' for this socket type[{}]",
            libc::EINVAL
        ),
        ListenError::Unsupported(t) => format!("socket type {t:?} is not supported"),
    }
}

/// Why a port could not be bound: Swoole's message and error code (the
/// constructor throws them as a `Swoole\Exception`; `listen()` returns false
/// with the code as the last error).
pub struct BindFailure {
    /// `failed to listen server port[host:port], Error: <reason>[<code>]`.
    pub message: String,
    /// errno, or Swoole's error code (9004 for a bad port, 0 for a bad address).
    pub code: i32,
}

/// A host as Swoole reads it, as a C string: up to its first NUL byte.
pub fn c_host(host: &str) -> &str {
    host.split('\0').next().unwrap_or_default()
}

/// `ESOCKTNOSUPPORT`: what Swoole reports for an unknown socket type.
const SOCKET_TYPE_NOT_SUPPORTED: i32 = libc::ESOCKTNOSUPPORT;

/// `SWOOLE_ERROR_SERVER_INVALID_LISTEN_PORT`: a port out of 0..=65535.
const SERVER_INVALID_LISTEN_PORT: i32 = 9004;

/// Binds a port for the constructor or `listen()`/`addListener()`, as
/// Swoole's `Server::add_port()` does: a socket type it does not know, a
/// port out of range or a host that is no address of the type's family is
/// logged in Swoole's words first; every failure gives Swoole's message and
/// code. (A `SWOOLE_SSL` type is refused by the callers before this.)
pub fn bind_port(host: &str, port: i64, raw_type: i64) -> Result<BoundListener, BindFailure> {
    use swoole_core::listener::{ListenError, SockType};
    let host = c_host(host);
    let failed = |reason: &str, code: i32| BindFailure {
        message: format!("failed to listen server port[{host}:{port}], Error: {reason}[{code}]"),
        code,
    };
    let Some(ty) = SockType::from_raw(raw_type) else {
        // Swoole names the type without its `SWOOLE_SSL` bit (512).
        let named = raw_type & !swoole_core::listener::SSL_FLAG;
        swoole_core::log::warning(&format!("make_socket(): unknown socket type [{named}]"));
        return Err(failed(&swoole_core::error::os_strerror(SOCKET_TYPE_NOT_SUPPORTED), SOCKET_TYPE_NOT_SUPPORTED));
    };
    if ty.is_inet() && !(0..=65535).contains(&port) {
        let code = SERVER_INVALID_LISTEN_PORT;
        let msg = format!("Server::add_port() (ERRNO {code}): invalid port [{port}]");
        swoole_core::log::put_code(swoole_core::log::LOG_ERROR, code, &msg);
        return Err(failed(&swoole_core::error::swoole_strerror(code), code));
    }
    match BoundListener::bind(host, port.clamp(0, 65535) as u16, ty) {
        Ok(bound) => Ok(bound),
        Err(ListenError::Os { errno, message }) => Err(failed(&message, errno)),
        Err(ListenError::BadHost) => {
            let family = if ty.is_v6() { "IPv6" } else if ty.is_inet() { "IPv4" } else { "Unix socket" };
            swoole_core::log::warning(&format!("ListenPort::create_socket(): Invalid {family} address '{host}:{port}'"));
            // Swoole reports errno, which nothing set here: "Success[0]".
            Err(failed(&swoole_core::error::os_strerror(0), 0))
        }
        Err(e @ ListenError::Unsupported(_)) => Err(failed(&listen_error(host, port, &e), SOCKET_TYPE_NOT_SUPPORTED)),
    }
}

/// `Swoole\Server\Port`'s methods as Swoole 6.2.1 declares them, in its
/// order; its constructor is private (ports come from the server).
const PORT_API: &[&str] = &[
    "private __construct()",
    "__destruct()",
    "set(array $settings): void",
    "on(string $event_name, callable $callback): bool",
    "getCallback(string $event_name): ?Closure",
];

/// Gives `Swoole\Server\Port` Swoole's signatures (first request).
pub fn fix_signatures() {
    use ext_php_rs::class::RegisteredClass;
    crate::shape::shape(Port::get_metadata().ce(), PORT_API);
}
