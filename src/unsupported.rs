//! The global functions of features this extension does not have
//! (coroutines, coroutine DNS, name resolvers, the tracer). They exist, with
//! Swoole's signatures, so code that names them loads; a call fails with a
//! warning saying why (and returns false where Swoole's type allows it).
//! `swoole_coroutine_socketpair()` needs no coroutine and works: it returns
//! two blocking `Swoole\Coroutine\Socket`s.

use crate::declare;
use crate::args::{CallableArg, IntArg, Opt, StrArg};
use crate::zend;
use ext_php_rs::convert::IntoZval;
use ext_php_rs::exception::PhpResult;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendHashTable, Zval};

/// The warning of every coroutine function.
pub fn no_coroutines() {
    zend::fatal_warning("coroutines are not supported by this extension");
}

fn false_zval() -> PhpResult<Zval> {
    Ok(false.into_zval(false)?)
}

/// `swoole_coroutine_create(callable $func, mixed ...$params): int|false` (and `go()`).
#[php_function]
pub fn swoole_coroutine_create(func: CallableArg, params: &[&Zval]) -> PhpResult<Zval> {
    let _ = (func.get(1)?, params);
    no_coroutines();
    false_zval()
}

/// `swoole_coroutine_defer(callable $callback): void` (and `defer()`).
#[php_function]
pub fn swoole_coroutine_defer(callback: CallableArg) -> PhpResult<()> {
    callback.get(1)?;
    no_coroutines();
    Ok(())
}

/// `swoole_test_kernel_coroutine(int $count = 100, float $sleep_time = 1.0): void`
#[php_function]
pub fn swoole_test_kernel_coroutine(count: Opt<IntArg>, sleep_time: Opt<&Zval>) -> PhpResult<()> {
    count.or(1, 100)?;
    if let Some(t) = sleep_time.0 {
        zend::arg_double(t, 2)?;
    }
    no_coroutines();
    Ok(())
}

/// `swoole_async_dns_lookup_coro(string $domain_name, float $timeout = 60,
/// int $type = AF_INET): string|false`
#[php_function]
pub fn swoole_async_dns_lookup_coro(domain_name: StrArg, timeout: Opt<&Zval>, r#type: Opt<IntArg>) -> PhpResult<Zval> {
    domain_name.bytes(1)?;
    if let Some(t) = timeout.0 {
        zend::arg_double(t, 2)?;
    }
    r#type.or(3, i64::from(libc::AF_INET))?;
    zend::fatal_warning("coroutine DNS lookups are not supported by this extension; use gethostbyname()");
    false_zval()
}

/// `swoole_clear_dns_cache(): void`: the coroutine DNS cache does not exist
/// here, so there is nothing to clear.
#[php_function]
pub fn swoole_clear_dns_cache() {}

/// `swoole_coroutine_socketpair(int $domain, int $type, int $protocol): array|false`
#[php_function]
pub fn swoole_coroutine_socketpair(domain: IntArg, r#type: IntArg, protocol: IntArg) -> PhpResult<Zval> {
    let (domain, ty, protocol) = (domain.get(1)? as i32, r#type.get(2)? as i32, protocol.get(3)? as i32);
    match swoole_core::process::socket_pair_of(domain, ty, protocol) {
        Ok((a, b)) => {
            let mut out = ZendHashTable::new();
            let _ = out.push(crate::socket::Socket::wrap_with(a, domain, ty, protocol));
            let _ = out.push(crate::socket::Socket::wrap_with(b, domain, ty, protocol));
            Ok(out.into_zval(false)?)
        }
        Err(e) => {
            crate::functions::sys_warning("failed to create socket", &e);
            false_zval()
        }
    }
}

/// A TypeError unless `value` is an instance of `class` (which only exists
/// if a script declares it: Swoole's name-resolver classes are PHP code of
/// its library, not part of this extension).
fn require_instance(value: &Zval, class: &str, arg_num: u32) -> PhpResult<()> {
    let ok = ext_php_rs::zend::ClassEntry::try_find(class)
        .zip(value.object())
        .is_some_and(|(ce, obj)| obj.instance_of(ce));
    if !ok {
        zend::arg_type_error(arg_num, class, value);
        return Err(zend::ArgError.into());
    }
    Ok(())
}

fn no_name_resolvers() {
    zend::fatal_warning("name resolvers are not supported by this extension");
}

/// `swoole_name_resolver_lookup(string $name, Swoole\NameResolver\Context $ctx): string`
#[php_function]
pub fn swoole_name_resolver_lookup(name: StrArg, ctx: &Zval) -> PhpResult<String> {
    name.bytes(1)?;
    require_instance(ctx, "Swoole\\NameResolver\\Context", 2)?;
    no_name_resolvers();
    Ok(String::new())
}

/// `swoole_name_resolver_add(Swoole\NameResolver $ns): bool`
#[php_function]
pub fn swoole_name_resolver_add(ns: &Zval) -> PhpResult<bool> {
    require_instance(ns, "Swoole\\NameResolver", 1)?;
    no_name_resolvers();
    Ok(false)
}

/// `swoole_name_resolver_remove(Swoole\NameResolver $ns): bool`
#[php_function]
pub fn swoole_name_resolver_remove(ns: &Zval) -> PhpResult<bool> {
    swoole_name_resolver_add(ns)
}

/// `swoole_tracer_leak_detect(int $threshold = 64): void`: nothing unless
/// `swoole.leak_detection` is On (then: not supported).
#[php_function]
pub fn swoole_tracer_leak_detect(threshold: Opt<IntArg>) -> PhpResult<()> {
    threshold.or(1, 64)?;
    if crate::ini::is_on(&crate::ini::LEAK_DETECTION) {
        zend::fatal_warning("leak detection is not supported by this extension");
    }
    Ok(())
}

/// False, as Swoole's profiler gives without `swoole.profile`; with it On,
/// also a warning.
fn no_profiler() -> bool {
    if crate::ini::is_on(&crate::ini::PROFILE) {
        zend::fatal_warning("profiling is not supported by this extension");
    }
    false
}

/// `swoole_tracer_prof_begin(?array $options = null): bool`
#[php_function]
pub fn swoole_tracer_prof_begin(options: Opt<&Zval>) -> PhpResult<bool> {
    if let Some(o) = options.0.filter(|o| !o.is_null() && o.array().is_none()) {
        zend::arg_type_error(1, "?array", o);
        return Err(zend::ArgError.into());
    }
    Ok(no_profiler())
}

/// `swoole_tracer_prof_end(string $output_file): bool`
#[php_function]
pub fn swoole_tracer_prof_end(output_file: StrArg) -> PhpResult<bool> {
    output_file.bytes(1)?;
    Ok(no_profiler())
}

/// The global functions of this module, with Swoole's signatures.
pub fn declarations() -> Vec<crate::arginfo::Declaration> {
    vec![
        declare!(
            "swoole_async_dns_lookup_coro(string $domain_name, float $timeout = 60, int $type = AF_INET): string|false",
            swoole_async_dns_lookup_coro
        ),
        declare!(
            "swoole_coroutine_create(callable $func, mixed ...$params): int|false",
            swoole_coroutine_create
        ),
        declare!("swoole_coroutine_defer(callable $callback): void", swoole_coroutine_defer),
        declare!(
            "swoole_coroutine_socketpair(int $domain, int $type, int $protocol): array|false",
            swoole_coroutine_socketpair
        ),
        declare!(
            "swoole_test_kernel_coroutine(int $count = 100, float $sleep_time = 1.0): void",
            swoole_test_kernel_coroutine
        ),
        declare!("swoole_clear_dns_cache(): void", swoole_clear_dns_cache),
        declare!(
            "swoole_name_resolver_lookup(string $name, Swoole\\NameResolver\\Context $ctx): string",
            swoole_name_resolver_lookup
        ),
        declare!("swoole_name_resolver_add(Swoole\\NameResolver $ns): bool", swoole_name_resolver_add),
        declare!(
            "swoole_name_resolver_remove(Swoole\\NameResolver $ns): bool",
            swoole_name_resolver_remove
        ),
        declare!("swoole_tracer_leak_detect(int $threshold = 64): void", swoole_tracer_leak_detect),
        declare!("swoole_tracer_prof_begin(?array $options = null): bool", swoole_tracer_prof_begin),
        declare!("swoole_tracer_prof_end(string $output_file): bool", swoole_tracer_prof_end),
    ]
}

/// `go()` and `defer()`, defined while `swoole.use_shortname` is On.
pub fn short_names() -> Vec<crate::arginfo::Declaration> {
    vec![
        declare!("go(callable $func): int|false", swoole_coroutine_create),
        declare!("defer(callable $callback): void", swoole_coroutine_defer),
    ]
}
