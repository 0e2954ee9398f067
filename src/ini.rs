//! The `swoole.*` INI entries Swoole 6.2.1 declares, with its defaults and
//! changeability, shown by `php --ri swoole` and read with `ini_get()`.
//!
//! Each entry is a C extension's `STD_PHP_INI_*`: the engine's own
//! `OnUpdateBool`/`OnUpdateLong` write the parsed value into a static here
//! (or, for `swoole.display_errors`, into the core's
//! [`swoole_core::global_options::DISPLAY_ERRORS`]), so `ini_set()` keeps
//! PHP's messages for bad values and `PHP_INI_SYSTEM` entries refuse it.

use ext_php_rs::ffi::{zend_ini_entry, zend_string};
use ext_php_rs::flags::IniEntryPermission;
use ext_php_rs::zend::IniEntryDef;
use std::ffi::{CStr, c_int, c_void};
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};

/// `swoole.enable_library`: define Swoole's PHP-level classes
/// (`Swoole\Constant`) in each request.
pub static ENABLE_LIBRARY: AtomicBool = AtomicBool::new(true);
/// `swoole.enable_fiber_mock` (coroutines only; no effect here).
static ENABLE_FIBER_MOCK: AtomicBool = AtomicBool::new(false);
/// `swoole.enable_preemptive_scheduler` (coroutines only; no effect here).
static ENABLE_PREEMPTIVE_SCHEDULER: AtomicBool = AtomicBool::new(false);
/// `swoole.use_shortname`: the short names `go()`, `defer()`, `Co\...`.
pub static USE_SHORTNAME: AtomicBool = AtomicBool::new(true);
/// `swoole.socket_buffer_size`: the default socket buffer size.
pub static SOCKET_BUFFER_SIZE: AtomicI64 = AtomicI64::new(8 * 1024 * 1024);
/// `swoole.blocking_detection` (coroutines only; no effect here).
static BLOCKING_DETECTION: AtomicBool = AtomicBool::new(false);
/// `swoole.blocking_threshold` (coroutines only; no effect here).
static BLOCKING_THRESHOLD: AtomicI64 = AtomicI64::new(100_000);
/// `swoole.profile`: `swoole_tracer_prof_*()` may run.
pub static PROFILE: AtomicBool = AtomicBool::new(false);
/// `swoole.leak_detection`: `swoole_tracer_leak_detect()` may run.
pub static LEAK_DETECTION: AtomicBool = AtomicBool::new(false);

type OnModify = unsafe extern "C" fn(*mut zend_ini_entry, *mut zend_string, *mut c_void, *mut c_void, *mut c_void, c_int)
    -> c_int;

unsafe extern "C" {
    // The engine's handlers of STD_PHP_INI_BOOLEAN / STD_PHP_INI_ENTRY (type `OnModify`).
    fn OnUpdateBool(e: *mut zend_ini_entry, v: *mut zend_string, a1: *mut c_void, a2: *mut c_void, a3: *mut c_void,
        stage: c_int) -> c_int;
    fn OnUpdateLong(e: *mut zend_ini_entry, v: *mut zend_string, a1: *mut c_void, a2: *mut c_void, a3: *mut c_void,
        stage: c_int) -> c_int;
    fn zend_ini_boolean_displayer_cb(ini_entry: *mut zend_ini_entry, type_: c_int);
}

/// Where an entry's handler writes.
enum Slot {
    /// A `bool` (AtomicBool has bool's layout).
    Bool(&'static AtomicBool),
    /// A `zend_long` (AtomicI64 has i64's layout).
    Long(&'static AtomicI64),
}

/// (name, default, permission, slot), in Swoole's order.
fn entries() -> [(&'static CStr, &'static CStr, IniEntryPermission, Slot); 10] {
    use swoole_core::global_options::DISPLAY_ERRORS;
    const ALL: IniEntryPermission = IniEntryPermission::All;
    const SYSTEM: IniEntryPermission = IniEntryPermission::System;
    [
        (c"swoole.enable_library", c"On", ALL, Slot::Bool(&ENABLE_LIBRARY)),
        (c"swoole.enable_fiber_mock", c"Off", ALL, Slot::Bool(&ENABLE_FIBER_MOCK)),
        (c"swoole.enable_preemptive_scheduler", c"Off", ALL, Slot::Bool(&ENABLE_PREEMPTIVE_SCHEDULER)),
        (c"swoole.display_errors", c"On", ALL, Slot::Bool(&DISPLAY_ERRORS)),
        (c"swoole.use_shortname", c"On", SYSTEM, Slot::Bool(&USE_SHORTNAME)),
        (c"swoole.socket_buffer_size", c"8388608", ALL, Slot::Long(&SOCKET_BUFFER_SIZE)),
        (c"swoole.blocking_detection", c"Off", SYSTEM, Slot::Bool(&BLOCKING_DETECTION)),
        (c"swoole.blocking_threshold", c"100000", SYSTEM, Slot::Long(&BLOCKING_THRESHOLD)),
        (c"swoole.profile", c"Off", SYSTEM, Slot::Bool(&PROFILE)),
        (c"swoole.leak_detection", c"Off", SYSTEM, Slot::Bool(&LEAK_DETECTION)),
    ]
}

/// Registers the entries (MINIT); their values are then set.
pub fn register(module_number: i32) {
    let mut table: Vec<IniEntryDef> = entries()
        .into_iter()
        .map(|(name, default, permission, slot)| {
            let mut def = IniEntryDef::new(name, default, permission);
            let (handler, target, boolean): (OnModify, *mut c_void, bool) = match slot {
                Slot::Bool(b) => (OnUpdateBool, b.as_ptr().cast(), true),
                Slot::Long(l) => (OnUpdateLong, l.as_ptr().cast(), false),
            };
            def.on_modify = Some(handler);
            // Non-ZTS: the handler writes at mh_arg2 + mh_arg1.
            def.mh_arg1 = std::ptr::null_mut();
            def.mh_arg2 = target;
            if boolean {
                def.displayer = Some(zend_ini_boolean_displayer_cb);
            }
            def
        })
        .collect();
    table.push(IniEntryDef::end());
    IniEntryDef::register(Box::leak(table.into_boxed_slice()), module_number);
}

/// Whether an `On`/`Off` entry is on.
pub fn is_on(flag: &AtomicBool) -> bool {
    flag.load(Ordering::Relaxed)
}
