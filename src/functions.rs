//! The global `swoole_*` functions of the server group.

use crate::runtime;
use crate::args::{IntArg, Opt, StrArg};
use ext_php_rs::exception::PhpResult;
use ext_php_rs::boxed::ZBox;
use ext_php_rs::prelude::*;
use ext_php_rs::types::ZendHashTable;
use swoole_core::error::{os_strerror, swoole_strerror as core_strerror};

/// The Swoole API level this extension implements.
pub const SWOOLE_API_VERSION: &str = "6.2.1";
/// This extension's own version.
pub const EXTENSION_VERSION: &str = env!("CARGO_PKG_VERSION");

/// `SWOOLE_STRERROR_SWOOLE`: the error type of Swoole's own codes.
const STRERROR_SWOOLE: i64 = 9;

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
    runtime::last_error() as i64
}

#[php_function]
pub fn swoole_clear_error() {
    runtime::set_last_error(0);
}

/// The C library's `errno` of the last failed system call.
#[php_function]
pub fn swoole_errno() -> i64 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0) as i64
}

/// `swoole_strerror(int $errno, int $error_type = SWOOLE_STRERROR_SYSTEM)`:
/// Swoole's own message for its codes (above 500), the OS's otherwise.
#[php_function]
pub fn swoole_strerror(errno: IntArg, error_type: Opt<IntArg>) -> PhpResult<String> {
    let errno = errno.get(1)?;
    let kind = error_type.or(2, 0)?;
    Ok(if kind == STRERROR_SWOOLE || errno > 500 {
        match core_strerror(errno as i32) {
            "Unknown error" => format!("Unknown error {errno}"),
            msg => msg.to_string(),
        }
    } else {
        os_strerror(errno as i32)
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

/// `swoole_get_local_ip(int $family = AF_INET)`: interface name => address,
/// loopback excluded.
#[php_function]
pub fn swoole_get_local_ip(family: Opt<IntArg>) -> PhpResult<ZBox<ZendHashTable>> {
    let family = family.or(1, libc::AF_INET as i64)? as i32;
    let mut out = ZendHashTable::new();
    let mut list: *mut libc::ifaddrs = std::ptr::null_mut();
    // SAFETY: getifaddrs allocates a list we walk and free.
    if unsafe { libc::getifaddrs(&mut list) } != 0 {
        return Ok(out);
    }
    let mut cur = list;
    while let Some(ifa) = unsafe { cur.as_ref() } {
        cur = ifa.ifa_next;
        let Some(addr) = (unsafe { ifa.ifa_addr.as_ref() }) else { continue };
        if addr.sa_family as i32 != family || ifa.ifa_flags & libc::IFF_LOOPBACK as u32 != 0 {
            continue;
        }
        let name = unsafe { std::ffi::CStr::from_ptr(ifa.ifa_name) }.to_string_lossy().into_owned();
        let ip = if family == libc::AF_INET {
            let sin = unsafe { &*(ifa.ifa_addr as *const libc::sockaddr_in) };
            std::net::Ipv4Addr::from(u32::from_be(sin.sin_addr.s_addr)).to_string()
        } else if family == libc::AF_INET6 {
            let sin6 = unsafe { &*(ifa.ifa_addr as *const libc::sockaddr_in6) };
            std::net::Ipv6Addr::from(sin6.sin6_addr.s6_addr).to_string()
        } else {
            continue;
        };
        let _ = out.insert(name.as_str(), ip);
    }
    unsafe { libc::freeifaddrs(list) };
    Ok(out)
}

/// Adds this module's functions to the extension.
pub fn register(module: ModuleBuilder) -> ModuleBuilder {
    module
        .function(wrap_function!(swoole_version))
        .function(wrap_function!(swoole_cpu_num))
        .function(wrap_function!(swoole_last_error))
        .function(wrap_function!(swoole_clear_error))
        .function(wrap_function!(swoole_errno))
        .function(wrap_function!(swoole_strerror))
        .function(wrap_function!(swoole_set_process_name))
        .function(wrap_function!(swoole_get_local_ip))
}
