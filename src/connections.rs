//! `Swoole\Connection\Iterator`: `$server->connections`, iterable, countable
//! and indexable by `$fd` (the connections of the calling worker, as in
//! Swoole's BASE mode).

use ext_php_rs::convert::IntoZval;
use ext_php_rs::exception::PhpResult;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendClassObject, ZendHashTable, Zval};
use ext_php_rs::zend::ce;
use std::cell::{Cell, RefCell};
use crate::aliases::register_after_last_class;
use ext_php_rs::boxed::ZBox;
use ext_php_rs::builders::ClassBuilder;
use swoole_core::reactor::ConnectionInfo;
use swoole_core::{worker, SessionId};

#[php_class]
#[php(name = "Swoole\\Connection\\Iterator")]
#[php(implements(ce = ce::iterator, stub = "\\Iterator"))]
#[php(implements(ce = ce::countable, stub = "\\Countable"))]
#[php(implements(ce = ce::arrayaccess, stub = "\\ArrayAccess"))]
#[php(modifier = iterator_class)]
#[derive(Default)]
pub struct ConnectionIterator {
    /// Sessions seen at `rewind()`, so closing one mid-loop is safe.
    snapshot: RefCell<Vec<SessionId>>,
    /// Position in the snapshot.
    pos: Cell<usize>,
}

impl ConnectionIterator {
    /// A fresh iterator object for `$server->connections`.
    pub fn new_object() -> Zval {
        ZendClassObject::new(ConnectionIterator::default()).into_zval(false).unwrap_or_default()
    }
}

/// The array `getClientInfo()` and `$server->connections[$fd]` return.
pub fn info_array(info: &ConnectionInfo, uid_dispatch: bool) -> ZBox<ZendHashTable> {
    let mut a = ZendHashTable::new();
    // A TLS client's certificate comes first, as in Swoole (ports with ssl_client_cert_file).
    if let Some(pem) = &info.ssl_client_cert {
        let _ = a.insert("ssl_client_cert", pem.as_str());
    }
    // Swoole lists the uid first, once `bind()` set one or always with
    // dispatch_mode 5.
    if info.uid > 0 || uid_dispatch {
        let _ = a.insert("uid", info.uid as i64);
    }
    let _ = a.insert("server_port", info.server_port as i64);
    let _ = a.insert("server_fd", info.server_fd as i64);
    let _ = a.insert("socket_fd", info.socket_fd as i64);
    let _ = a.insert("socket_type", info.socket_type as i64);
    let _ = a.insert("remote_port", info.remote_port as i64);
    let _ = a.insert("remote_ip", info.remote_ip.as_str());
    // PROXY protocol: the balancer the real client came through.
    if let Some(via) = info.proxy {
        let _ = a.insert("proxy_ip", swoole_core::reactor::ip_string(&via).as_str());
        let _ = a.insert("proxy_port", via.port() as i64);
    }
    let _ = a.insert("reactor_id", info.reactor_id as i64);
    let _ = a.insert("connect_time", info.connect_time as i64);
    let _ = a.insert("last_time", info.last_recv_time as i64);
    let _ = a.insert("last_recv_time", info.last_recv_time);
    let _ = a.insert("last_send_time", info.last_send_time);
    let _ = a.insert("last_dispatch_time", info.last_dispatch_time);
    let _ = a.insert("close_errno", info.close_errno as i64);
    let _ = a.insert("recv_queued_bytes", info.recv_queued_bytes as i64);
    let _ = a.insert("send_queued_bytes", info.send_queued_bytes as i64);
    if let Some(status) = crate::websocket::conn::status(info.session) {
        let _ = a.insert("websocket_status", status);
    }
    a
}

#[php_impl]
impl ConnectionIterator {
    pub fn rewind(&self) {
        *self.snapshot.borrow_mut() = worker::sessions();
        self.pos.set(0);
    }

    pub fn next(&self) {
        self.pos.set(self.pos.get() + 1);
    }

    pub fn valid(&self) -> bool {
        self.pos.get() < self.snapshot.borrow().len()
    }

    pub fn current(&self) -> Option<i64> {
        self.snapshot.borrow().get(self.pos.get()).map(|s| s.0 as i64)
    }

    /// 1-based, as Swoole's iterator counts.
    pub fn key(&self) -> Option<i64> {
        self.valid().then(|| self.pos.get() as i64 + 1)
    }

    /// `count()`: the server's connections, whichever worker holds them
    /// (iteration gives the calling worker's in BASE mode, as Swoole).
    pub fn count(&self) -> i64 {
        worker::session_count() as i64
    }

    #[php(name = "offsetExists")]
    pub fn offset_exists(&self, fd: &Zval) -> PhpResult<bool> {
        let fd = crate::zend::arg_long(fd, 1)?;
        Ok(fd > 0 && worker::exists(SessionId(fd as u64)))
    }

    #[php(name = "offsetGet")]
    pub fn offset_get(&self, fd: &Zval) -> PhpResult<Zval> {
        let fd = crate::zend::arg_long(fd, 1)?;
        let info = if fd > 0 { worker::info(SessionId(fd as u64)) } else { None };
        Ok(match info {
            Some(i) => info_array(&i, false).into_zval(false)?,
            // As Swoole: the result of getClientInfo(), false for an unknown $fd.
            None => false.into_zval(false)?,
        })
    }

    #[php(name = "offsetSet")]
    pub fn offset_set(&self, _fd: &Zval, _value: &Zval) -> PhpResult<()> {
        Err(crate::exception::swoole_error("Swoole\\Connection\\Iterator is read-only"))
    }

    #[php(name = "offsetUnset")]
    pub fn offset_unset(&self, _fd: &Zval) -> PhpResult<()> {
        Err(crate::exception::swoole_error("Swoole\\Connection\\Iterator is read-only"))
    }
}

/// `Swoole\Connection\Iterator`'s methods as Swoole 6.2.1 declares them.
const ITERATOR_API: &[&str] = &[
    "__construct()",
    "__destruct()",
    "rewind(): void",
    "next(): void",
    "current(): mixed",
    "key(): mixed",
    "valid(): bool",
    "count(): int",
    "offsetExists(mixed $fd): bool",
    "offsetGet(mixed $fd): mixed",
    "offsetSet(mixed $fd, mixed $value): void",
    "offsetUnset(mixed $fd): void",
];

/// The class's modifier: Swoole's `__destruct`, then the aliases of every
/// class (this one is registered last).
fn iterator_class(builder: ClassBuilder) -> ClassBuilder {
    register_after_last_class(crate::shape::with_destructor(builder))
}

/// `new Swoole\Connection\Iterator` throws, as Swoole's constructor does:
/// the iterator is the server's.
unsafe extern "C" fn construct(_ex: *mut ext_php_rs::ffi::zend_execute_data, _rv: *mut ext_php_rs::ffi::zval) {
    crate::shape::throw_error("please use the Swoole\\Server->connections");
}

/// Gives `Swoole\Connection\Iterator` Swoole's signatures and constructor
/// (first request).
pub fn fix_signatures() {
    use ext_php_rs::class::RegisteredClass;
    let ce = ConnectionIterator::get_metadata().ce();
    crate::shape::replace_handler(ce, "__construct", construct);
    crate::shape::shape(ce, ITERATOR_API);
}
