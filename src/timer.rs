//! `Swoole\Timer`, its `swoole_timer_*` aliases and `Swoole\Timer\Iterator`.

use crate::declare;
use crate::args::{CallableArg, IntArg};
use crate::loop_php;
use crate::zend::Callback;
use ext_php_rs::builders::{ClassBuilder, ModuleBuilder};
use ext_php_rs::convert::IntoZval;
use ext_php_rs::exception::PhpResult;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendHashTable, ZendObject, Zval};
use ext_php_rs::zend::ClassEntry;
use std::sync::atomic::{AtomicPtr, Ordering};
use swoole_core::event_loop;
use swoole_core::timer::{TimerId, MIN_MS};

/// `Swoole\Timer\Iterator`'s class entry (set at module startup).
static ITERATOR_CE: AtomicPtr<ClassEntry> = AtomicPtr::new(std::ptr::null_mut());

unsafe extern "C" {
    /// SPL's class entry (ext/spl/spl_array.h), set before any extension's MINIT.
    static spl_ce_ArrayIterator: *mut ClassEntry;
}

fn array_iterator() -> &'static ClassEntry {
    // SAFETY: SPL is part of the engine and registered its classes first.
    unsafe { &*spl_ce_ArrayIterator }
}

/// Module startup: registers `Swoole\Timer\Iterator extends ArrayIterator`.
pub fn register_iterator_class() -> bool {
    // SAFETY: reading SPL's global.
    if unsafe { spl_ce_ArrayIterator.is_null() } {
        return false;
    }
    fn parent() -> &'static ClassEntry {
        array_iterator()
    }
    ClassBuilder::new("Swoole\\Timer\\Iterator")
        .extends((parent, "\\ArrayIterator"))
        .registration(|ce, _| ITERATOR_CE.store(ce, Ordering::Release))
        .register()
        .is_ok()
}

/// Arms a timer with a PHP callback; false (with Swoole's warning) for ms < 1.
pub fn add(ms: i64, callback: Callback, params: &[&Zval], repeat: bool) -> Option<i64> {
    if ms < MIN_MS {
        crate::zend::fatal_warning("Timer must be greater than or equal to 1");
        return None;
    }
    loop_php::ensure_shutdown_hook();
    match event_loop::timer_add(ms as u64, repeat) {
        Ok(id) => {
            loop_php::add_timer(id, callback, params.iter().map(|z| z.shallow_clone()).collect());
            Some(id.0)
        }
        Err(e) => {
            crate::zend::fatal_warning(&format!("add timer failed: {e}"));
            None
        }
    }
}

pub fn clear(id: i64) -> bool {
    let cleared = event_loop::timer_clear(TimerId(id));
    if cleared {
        loop_php::remove_timer(TimerId(id));
    }
    cleared
}

pub fn clear_all() -> bool {
    if !event_loop::is_installed() {
        return false;
    }
    event_loop::timer_clear_all();
    loop_php::remove_all_timers();
    true
}

/// A timer id as PHP gets it: the int, or false.
pub fn id_or_false(id: Option<i64>) -> PhpResult<Zval> {
    Ok(match id {
        Some(id) => id.into_zval(false)?,
        None => false.into_zval(false)?,
    })
}

fn info(id: i64) -> PhpResult<Zval> {
    if !event_loop::is_installed() {
        return Ok(false.into_zval(false)?);
    }
    let Some(i) = event_loop::timer_info(TimerId(id)) else { return Ok(Zval::null()) };
    let mut a = ZendHashTable::new();
    let _ = a.insert("exec_msec", i.exec_msec);
    let _ = a.insert("exec_count", i.exec_count as i64);
    let _ = a.insert("interval", i.interval);
    let _ = a.insert("round", i.round as i64);
    let _ = a.insert("removed", i.removed);
    Ok(a.into_zval(false)?)
}

fn stats() -> PhpResult<Zval> {
    let (num, round) = event_loop::timer_stats();
    let mut a = ZendHashTable::new();
    let _ = a.insert("initialized", event_loop::is_installed());
    let _ = a.insert("num", num as i64);
    let _ = a.insert("round", round as i64);
    Ok(a.into_zval(false)?)
}

fn list() -> PhpResult<Zval> {
    let mut ids = ZendHashTable::new();
    for id in event_loop::timer_ids() {
        let _ = ids.push(id.0);
    }
    // SAFETY: set at module startup; the class lives as long as the module.
    let ce = unsafe { ITERATOR_CE.load(Ordering::Acquire).as_ref() }.unwrap_or_else(array_iterator);
    let obj = ZendObject::new(ce);
    let mut zv = obj.into_zval(false)?;
    if let Some(o) = zv.object_mut() {
        o.try_call_method("__construct", vec![&ids.into_zval(false)?])?;
    }
    Ok(zv)
}

#[php_class]
#[php(name = "Swoole\\Timer")]
#[derive(Default)]
pub struct Timer;

#[php_impl]
impl Timer {
    /// `tick(int $ms, callable $callback, mixed ...$params): int|false`
    pub fn tick(ms: IntArg, callback: CallableArg, params: &[&Zval]) -> PhpResult<Zval> {
        id_or_false(add(ms.get(1)?, callback.get(2)?, params, true))
    }

    /// `after(int $ms, callable $callback, mixed ...$params): int|false`
    pub fn after(ms: IntArg, callback: CallableArg, params: &[&Zval]) -> PhpResult<Zval> {
        id_or_false(add(ms.get(1)?, callback.get(2)?, params, false))
    }

    pub fn exists(timer_id: IntArg) -> PhpResult<bool> {
        Ok(event_loop::timer_exists(TimerId(timer_id.get(1)?)))
    }

    pub fn info(timer_id: IntArg) -> PhpResult<Zval> {
        info(timer_id.get(1)?)
    }

    pub fn stats() -> PhpResult<Zval> {
        stats()
    }

    pub fn list() -> PhpResult<Zval> {
        list()
    }

    pub fn clear(timer_id: IntArg) -> PhpResult<bool> {
        Ok(clear(timer_id.get(1)?))
    }

    #[php(name = "clearAll")]
    pub fn clear_all() -> bool {
        clear_all()
    }
}

#[php_function]
pub fn swoole_timer_tick(ms: IntArg, callback: CallableArg, params: &[&Zval]) -> PhpResult<Zval> {
    id_or_false(add(ms.get(1)?, callback.get(2)?, params, true))
}

#[php_function]
pub fn swoole_timer_after(ms: IntArg, callback: CallableArg, params: &[&Zval]) -> PhpResult<Zval> {
    id_or_false(add(ms.get(1)?, callback.get(2)?, params, false))
}

#[php_function]
pub fn swoole_timer_exists(timer_id: IntArg) -> PhpResult<bool> {
    Ok(event_loop::timer_exists(TimerId(timer_id.get(1)?)))
}

#[php_function]
pub fn swoole_timer_info(timer_id: IntArg) -> PhpResult<Zval> {
    info(timer_id.get(1)?)
}

#[php_function]
pub fn swoole_timer_stats() -> PhpResult<Zval> {
    stats()
}

#[php_function]
pub fn swoole_timer_list() -> PhpResult<Zval> {
    list()
}

#[php_function]
pub fn swoole_timer_clear(timer_id: IntArg) -> PhpResult<bool> {
    Ok(clear(timer_id.get(1)?))
}

#[php_function]
pub fn swoole_timer_clear_all() -> bool {
    clear_all()
}

/// Adds `Swoole\Timer` (the `swoole_timer_*` functions are declared in
/// [`crate::signatures`]).
pub fn register(module: ModuleBuilder) -> ModuleBuilder {
    module.class::<Timer>()
}

/// The global functions of this module, with Swoole's signatures.
pub fn declarations() -> Vec<crate::arginfo::Declaration> {
    vec![
        declare!("swoole_timer_after(int $ms, callable $callback): int|false", swoole_timer_after),
        declare!("swoole_timer_tick(int $ms, callable $callback): int|false", swoole_timer_tick),
        declare!("swoole_timer_info(int $timer_id): ?array", swoole_timer_info),
        declare!("swoole_timer_list(): Swoole\\Timer\\Iterator", swoole_timer_list),
        declare!("swoole_timer_exists(int $timer_id): bool", swoole_timer_exists),
        declare!("swoole_timer_stats(): array", swoole_timer_stats),
        declare!("swoole_timer_clear(int $timer_id): bool", swoole_timer_clear),
        declare!("swoole_timer_clear_all(): bool", swoole_timer_clear_all),
    ]
}

/// `Swoole\Timer`'s methods as Swoole 6.2.1 declares them. The class has
/// no constructor, and `new` refuses it, as Swoole's.
const TIMER_API: &[&str] = &[
    "static tick(int $ms, callable $callback, mixed ...$params): int|false",
    "static after(int $ms, callable $callback, mixed ...$params): int|false",
    "static exists(int $timer_id): bool",
    "static info(int $timer_id): ?array",
    "static stats(): array",
    "static list(): Swoole\\Timer\\Iterator",
    "static clear(int $timer_id): bool",
    "static clearAll(): bool",
];

/// Gives `Swoole\Timer` Swoole's signatures (first request).
pub fn fix_signatures() {
    use ext_php_rs::class::RegisteredClass;
    crate::shape::static_only(Timer::get_metadata().ce(), TIMER_API);
}
