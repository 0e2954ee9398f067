//! `Swoole\Coroutine\Socket`, as far as `Swoole\Process::exportSocket()` needs
//! it: blocking `send`/`recv`/`close` over the process's pipe. There are no
//! coroutines in this extension, so the calls simply block (with the timeout
//! given, if any); creating one directly is refused with a clear message.

use crate::args::{IntArg, Opt, StrArg};
use crate::props::{self, Default as P};
use crate::zend;
use ext_php_rs::builders::ClassBuilder;
use ext_php_rs::convert::IntoZval;
use ext_php_rs::exception::PhpResult;
use ext_php_rs::ffi::zend_object;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendClassObject, Zval};
use std::os::fd::{AsRawFd, OwnedFd};
use swoole_core::fd::FdSlot;
use swoole_core::process as sys;

#[php_class]
#[php(name = "Swoole\\Coroutine\\Socket")]
#[php(modifier = socket_class)]
pub struct Socket {
    /// The descriptor (empty once closed).
    fd: FdSlot,
}

fn socket_class(builder: ClassBuilder) -> ClassBuilder {
    props::declare(
        builder,
        &[
            ("fd", P::Int(-1)),
            ("domain", P::Int(0)),
            ("type", P::Int(0)),
            ("protocol", P::Int(0)),
            ("errCode", P::Int(0)),
            ("errMsg", P::Str("")),
        ],
    )
}

impl Socket {
    /// A socket object owning `fd` (a unix socket of type `ty`).
    pub fn wrap(fd: OwnedFd, ty: i32) -> Zval {
        Socket::wrap_with(fd, libc::AF_UNIX, ty, 0)
    }

    /// A socket object owning `fd`, of `domain`, `ty` and `protocol`.
    pub fn wrap_with(fd: OwnedFd, domain: i32, ty: i32, protocol: i32) -> Zval {
        let number = fd.as_raw_fd();
        let mut obj = ZendClassObject::new(Socket { fd: FdSlot::new(Some(fd)) });
        let raw: *mut zend_object = obj.get_mut_zend_obj();
        props::set(raw, "fd", number as i64);
        props::set(raw, "domain", domain as i64);
        props::set(raw, "type", ty as i64);
        props::set(raw, "protocol", protocol as i64);
        obj.into_zval(false).unwrap_or_default()
    }

    fn fail(obj: *mut zend_object, e: &std::io::Error) -> PhpResult<Zval> {
        props::set(obj, "errCode", e.raw_os_error().unwrap_or(0) as i64);
        props::set(obj, "errMsg", e.to_string());
        Ok(false.into_zval(false)?)
    }

    fn with_timeout(&self, timeout: f64) {
        if let (true, Some(fd)) = (timeout > 0.0, self.fd.get()) {
            let _ = sys::set_timeout(&*fd, timeout);
        }
    }
}

/// What a call on a closed socket fails with (as the kernel answers a
/// closed descriptor).
fn closed<T>() -> std::io::Result<T> {
    Err(std::io::Error::from_raw_os_error(libc::EBADF))
}

#[php_impl]
impl Socket {
    /// `__construct(int $domain, int $type, int $protocol = 0)`: refused.
    pub fn __construct(args: &[&Zval]) -> PhpResult<Self> {
        let _ = args;
        Err(crate::exception::swoole_error(
            "Swoole\\Coroutine\\Socket needs coroutines, which this extension does not provide; \
             Swoole\\Process::exportSocket() returns a blocking one",
        ))
    }

    /// `send(string $data, float $timeout = 0): int|false`
    pub fn send(self_: &mut ZendClassObject<Socket>, data: StrArg, timeout: Option<&Zval>) -> PhpResult<Zval> {
        let data = data.bytes(1)?;
        let timeout = timeout.map(|z| zend::arg_double(z, 2)).transpose()?.unwrap_or(0.0);
        self_.with_timeout(timeout);
        let obj: *mut zend_object = self_.get_mut_zend_obj();
        let written = self_.fd.get().map_or_else(closed, |fd| sys::write_all(&*fd, &data));
        match written {
            Ok(n) => Ok((n as i64).into_zval(false)?),
            Err(e) => Socket::fail(obj, &e),
        }
    }

    /// `sendAll(string $data, float $timeout = 0): int|false`
    #[php(name = "sendAll")]
    pub fn send_all(self_: &mut ZendClassObject<Socket>, data: StrArg, timeout: Option<&Zval>) -> PhpResult<Zval> {
        Socket::send(self_, data, timeout)
    }

    /// `recv(int $length = 65536, float $timeout = 0): string|false` — one read
    /// (one datagram on a datagram pipe); "" when the peer closed.
    pub fn recv(self_: &mut ZendClassObject<Socket>, length: Opt<IntArg>, timeout: Option<&Zval>) -> PhpResult<Zval> {
        let length = length.or(1, 65536)?.clamp(1, 8 * 1024 * 1024) as usize;
        let timeout = timeout.map(|z| zend::arg_double(z, 2)).transpose()?.unwrap_or(0.0);
        self_.with_timeout(timeout);
        let obj: *mut zend_object = self_.get_mut_zend_obj();
        let read = self_.fd.get().map_or_else(closed, |fd| sys::read_some(&*fd, length));
        match read {
            Ok(bytes) => Ok(zend::bytes_zval(&bytes)),
            Err(e) => Socket::fail(obj, &e),
        }
    }

    /// `close(): bool`
    pub fn close(&self) -> bool {
        self.fd.close()
    }
}
