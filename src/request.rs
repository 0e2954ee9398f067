//! What each request starts with, as in Swoole's RINIT: Swoole's PHP-level
//! library (`Swoole\Constant`, `Swoole\Process\Manager`, `Swoole\Server\Helper`) while `swoole.enable_library` is
//! On, and `swoole_internal_call_user_shutdown_begin()` registered as the
//! first shutdown function, marking when PHP starts running them.

use crate::declare;
use crate::zend::warning;
use ext_php_rs::prelude::*;
use std::cell::Cell;
use std::ffi::c_char;

/// The library's classes, compiled into every request (each file's `<?php`
/// line is left out: eval'd code starts after the open tag), with the file
/// name Reflection shows for them, as Swoole's.
const LIBRARY: &[(&str, &std::ffi::CStr)] = &[
    (include_str!("library/Constant.php"), c"@swoole/library/core/Constant.php"),
    (include_str!("library/ProcessManager.php"), c"@swoole/library/core/Process/Manager.php"),
    (include_str!("library/ServerHelper.php"), c"@swoole/library/core/Server/Helper.php"),
];

/// Where the request is, for `swoole_internal_call_user_shutdown_begin()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    /// Before RINIT finished (or outside any request).
    Starting,
    /// The script runs.
    Running,
    /// PHP has begun calling the shutdown functions.
    UserShutdown,
}

thread_local! {
    static STATUS: Cell<Status> = const { Cell::new(Status::Starting) };
}

unsafe extern "C" {
    fn zend_eval_stringl(str: *const c_char, len: usize, retval: *mut ext_php_rs::ffi::zval, name: *const c_char)
        -> i32;
}

/// RINIT.
pub fn start() {
    STATUS.with(|s| s.set(Status::Starting));
    if crate::ini::is_on(&crate::ini::ENABLE_LIBRARY) {
        for (source, file) in LIBRARY {
            let code = source.strip_prefix("<?php").unwrap_or(source);
            // SAFETY: compiling and running our own code in a started request.
            unsafe { zend_eval_stringl(code.as_ptr().cast(), code.len(), std::ptr::null_mut(), file.as_ptr()) };
        }
    }
    crate::zend::call_function("register_shutdown_function", vec![&"swoole_internal_call_user_shutdown_begin"]);
    STATUS.with(|s| s.set(Status::Running));
}

/// `swoole_internal_call_user_shutdown_begin(): bool`: PHP calls it first
/// among the shutdown functions; a call from a script gets a warning (after
/// the one call that the request's state still allows, as in Swoole).
#[php_function]
pub fn swoole_internal_call_user_shutdown_begin() -> bool {
    if STATUS.with(Cell::get) == Status::Running {
        STATUS.with(|s| s.set(Status::UserShutdown));
        true
    } else {
        warning("can not call this function in user level");
        false
    }
}

/// The global functions of this module, with Swoole's signatures.
pub fn declarations() -> Vec<crate::arginfo::Declaration> {
    vec![
        declare!(
            "swoole_internal_call_user_shutdown_begin(): bool",
            swoole_internal_call_user_shutdown_begin
        ),
    ]
}
