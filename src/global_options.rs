//! `swoole_async_set(array $settings)`: the process-global options, stored
//! in the core's [`swoole_core::global_options`] (log options in
//! [`swoole_core::log`]), read as Swoole reads them: every value converted
//! loosely, unknown keys ignored.

use crate::declare;
use crate::args::ArrayArg;
use crate::zend::{cast_double, cast_long, warning};
use ext_php_rs::exception::PhpResult;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendHashTable, Zval};
use swoole_core::global_options::{self as options, timeout};
use swoole_core::log;

fn text(v: &Zval) -> String {
    v.coerce_to_string().unwrap_or_default()
}

/// The first of `keys` present in `set`.
fn first<'a>(set: &'a ZendHashTable, keys: &[&str]) -> Option<&'a Zval> {
    keys.iter().find_map(|k| set.get(*k))
}

/// Applies the options of `set` that Swoole keeps process-wide (its
/// `php_swoole_set_global_option()` and `swoole_async_set()` keys).
pub fn apply(set: &ZendHashTable) {
    if let Some(v) = set.get("log_file") {
        log::open_or_report(&text(v));
    }
    if let Some(v) = set.get("log_level") {
        log::set_level(cast_long(v).clamp(i32::MIN as i64, i32::MAX as i64) as i32);
    }
    if let Some(v) = set.get("log_date_format") {
        let f = text(v);
        log::update_format(|format| format.date_format = f);
    }
    if let Some(v) = set.get("log_date_with_microseconds") {
        let on = v.coerce_to_bool();
        log::update_format(|format| format.microseconds = on);
    }
    if let Some(v) = set.get("log_rotation") {
        let rotation = cast_long(v) as i32;
        log::update_format(|format| format.rotation = rotation);
    }
    if let Some(v) = set.get("display_errors") {
        options::set_display_errors(v.coerce_to_bool());
    }
    options::update(|o| {
        if let Some(v) = set.get("trace_flags") {
            o.trace_flags = cast_long(v).max(0) as u64;
        }
        if let Some(v) = set.get("dns_server") {
            o.dns_server = Some(text(v));
        }
        if let Some(v) = set.get("socket_dns_timeout") {
            o.socket_dns_timeout = timeout(cast_double(v));
        }
        if let Some(v) = set.get("socket_connect_timeout") {
            o.socket_connect_timeout = timeout(cast_double(v));
        }
        if let Some(v) = first(set, &["socket_write_timeout", "socket_send_timeout"]) {
            o.socket_write_timeout = timeout(cast_double(v));
        }
        if let Some(v) = first(set, &["socket_read_timeout", "socket_recv_timeout"]) {
            o.socket_read_timeout = timeout(cast_double(v));
        }
        if let Some(v) = set.get("socket_buffer_size") {
            o.socket_buffer_size = cast_long(v);
        }
        if let Some(v) = set.get("socket_timeout") {
            o.socket_read_timeout = timeout(cast_double(v));
            o.socket_write_timeout = o.socket_read_timeout;
        }
        let flag = |key: &str, slot: &mut bool| {
            if let Some(v) = set.get(key) {
                *slot = v.coerce_to_bool();
            }
        };
        flag("enable_signalfd", &mut o.enable_signalfd);
        flag("wait_signal", &mut o.wait_signal);
        flag("socket_dontwait", &mut o.socket_dontwait);
        flag("dns_lookup_random", &mut o.dns_lookup_random);
        flag("use_async_resolver", &mut o.use_async_resolver);
        flag("enable_coroutine", &mut o.enable_coroutine);
        if let Some(v) = set.get("dns_cache_refresh_time") {
            o.dns_cache_refresh_time = cast_double(v);
        }
    });
}

/// `swoole_async_set(array $settings): bool`. Once this process's event
/// loop exists the options can no longer change (Swoole: a fatal error; here
/// a warning and false).
#[php_function]
pub fn swoole_async_set(settings: ArrayArg) -> PhpResult<bool> {
    let settings = settings.get(1)?;
    if swoole_core::event_loop::is_installed() {
        warning("eventLoop has already been created. unable to change settings");
        return Ok(false);
    }
    apply(settings);
    Ok(true)
}

/// The global functions of this module, with Swoole's signatures.
pub fn declarations() -> Vec<crate::arginfo::Declaration> {
    vec![
        declare!("swoole_async_set(array $settings): bool", swoole_async_set),
    ]
}
