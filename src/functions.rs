//! The small global functions: version, CPU count, error codes and their
//! messages, process title, local addresses, `swoole_hashcode()`.

use crate::declare;
use crate::args::{IntArg, Opt, StrArg};
use crate::process_state;
use crate::zend::warning;
use ext_php_rs::boxed::ZBox;
use ext_php_rs::convert::IntoZval;
use ext_php_rs::exception::PhpResult;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendHashTable, Zval};
use swoole_core::error;

/// The Swoole API level this extension implements.
pub const SWOOLE_API_VERSION: &str = "6.2.1";
/// This extension's own version.
pub const EXTENSION_VERSION: &str = env!("CARGO_PKG_VERSION");

/// A warning as Swoole's `php_swoole_sys_error(E_WARNING, ...)` gives it:
/// `msg, Error: <strerror>[<errno>]`, with the errno as the last error;
/// the caller returns false.
pub(crate) fn sys_warning(msg: &str, e: &std::io::Error) -> bool {
    let errno = e.raw_os_error().unwrap_or(libc::EIO);
    warning(&format!("{msg}, Error: {}[{errno}]", error::os_strerror(errno)));
    process_state::set_last_error(errno);
    false
}

/// A warning as Swoole's `php_swoole_error(E_WARNING, ...)` gives it: shown
/// only while `swoole.display_errors` is on, and leaving
/// `SWOOLE_ERROR_PHP_RUNTIME_NOTICE` (510) as the last error either way; the
/// caller returns false.
pub(crate) fn notice_warning(msg: &str) -> bool {
    crate::zend::swoole_warning(msg);
    process_state::set_last_error(error::ErrorCode::PHP_RUNTIME_NOTICE.0);
    false
}

/// `SWOOLE_STRERROR_*`: whose table `swoole_strerror()` reads.
pub(crate) const STRERROR_GAI: i64 = 1;
pub(crate) const STRERROR_DNS: i64 = 2;
pub(crate) const STRERROR_SWOOLE: i64 = 9;

#[php_function]
pub fn swoole_version() -> String {
    SWOOLE_API_VERSION.to_string()
}

#[php_function]
pub fn swoole_cpu_num() -> i64 {
    swoole_core::stats::cpu_num() as i64
}

#[php_function]
pub fn swoole_last_error() -> i64 {
    process_state::last_error() as i64
}

#[php_function]
pub fn swoole_clear_error() {
    process_state::set_last_error(0);
}

/// The C library's `errno` of the last failed system call.
#[php_function]
pub fn swoole_errno() -> i64 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0) as i64
}

/// `swoole_strerror(int $errno, int $error_type = SWOOLE_STRERROR_SYSTEM)`:
/// getaddrinfo's or the resolver's message for those types; Swoole's own for
/// its codes (above 500) or with `SWOOLE_STRERROR_SWOOLE`; the OS's otherwise.
#[php_function]
pub fn swoole_strerror(errno: IntArg, error_type: Opt<IntArg>) -> PhpResult<String> {
    // The code is a C int in Swoole: wider values wrap as they do there.
    let code = errno.get(1)? as i32;
    Ok(match error_type.or(2, 0)? {
        STRERROR_GAI => error::gai_strerror(code),
        STRERROR_DNS => error::dns_strerror(code),
        STRERROR_SWOOLE => error::swoole_strerror(code),
        _ if code > error::SWOOLE_ERROR_BEGIN => error::swoole_strerror(code),
        _ => error::os_strerror(code),
    })
}

/// Sets the process title shown by `ps` (through PHP's `cli_set_process_title`).
pub fn set_process_title(name: &str) -> bool {
    crate::zend::call_function("cli_set_process_title", vec![&name]).and_then(|r| r.bool()).unwrap_or(false)
}

#[php_function]
pub fn swoole_set_process_name(process_name: StrArg) -> PhpResult<bool> {
    Ok(set_process_title(&process_name.string(1)?))
}

/// Name → address pairs as a PHP array.
fn pairs_array(pairs: Vec<(String, String)>) -> ZBox<ZendHashTable> {
    let mut out = ZendHashTable::new();
    for (name, value) in pairs {
        let _ = out.insert(name.as_str(), value);
    }
    out
}

/// `swoole_get_local_ip(int $family = AF_INET)`: interface name => address,
/// loopback excluded.
#[php_function]
pub fn swoole_get_local_ip(family: Opt<IntArg>) -> PhpResult<Zval> {
    let family = family.or(1, libc::AF_INET as i64)? as i32;
    match swoole_core::netif::local_ips(family) {
        Ok(pairs) => Ok(pairs_array(pairs).into_zval(false)?),
        Err(e) => {
            sys_warning("getifaddrs() failed", &e);
            Ok(false.into_zval(false)?)
        }
    }
}

/// `swoole_get_local_mac()`: interface name => MAC address.
#[php_function]
pub fn swoole_get_local_mac() -> PhpResult<Zval> {
    match swoole_core::netif::local_macs() {
        Ok(pairs) => Ok(pairs_array(pairs).into_zval(false)?),
        Err(e) => {
            sys_warning("getifaddrs() failed", &e);
            Ok(false.into_zval(false)?)
        }
    }
}

/// `swoole_hashcode(string $data, int $type = 0): int|false`: 0 is PHP's
/// string hash, 1 the one-at-a-time hash; any other type gives false.
#[php_function]
pub fn swoole_hashcode(data: StrArg, r#type: Opt<IntArg>) -> PhpResult<Zval> {
    let data = data.bytes(1)?;
    let hash = match r#type.or(2, 0)? {
        0 => swoole_core::hashcode::php_hash(&data) as i64,
        1 => i64::from(swoole_core::hashcode::one_at_a_time(&data)),
        _ => return Ok(false.into_zval(false)?),
    };
    Ok(hash.into_zval(false)?)
}

/// The global functions of this module, with Swoole's signatures.
pub fn declarations() -> Vec<crate::arginfo::Declaration> {
    vec![
        declare!("swoole_version(): string", swoole_version),
        declare!("swoole_cpu_num(): int", swoole_cpu_num),
        declare!("swoole_last_error(): int", swoole_last_error),
        declare!("swoole_set_process_name(string $process_name): bool", swoole_set_process_name),
        declare!("swoole_get_local_ip(int $family = 2): array", swoole_get_local_ip),
        declare!("swoole_get_local_mac(): array", swoole_get_local_mac),
        declare!(
            "swoole_strerror(int $errno, int $error_type = SWOOLE_STRERROR_SYSTEM): string",
            swoole_strerror
        ),
        declare!("swoole_errno(): int", swoole_errno),
        declare!("swoole_clear_error(): void", swoole_clear_error),
        declare!("swoole_hashcode(string $data, int $type = 0): int|false", swoole_hashcode),
    ]
}
