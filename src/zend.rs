//! The few Zend engine entry points ext-php-rs does not wrap, and small safe
//! helpers over them: warnings in PHP's format, weak-mode argument coercion
//! with PHP's own TypeError messages, cached callable calls, output flushing.
//!
//! Every `extern "C"` signature here was checked against the PHP 8.2 headers
//! (`/usr/include/php/20220829`).

use ext_php_rs::ffi::{
    executor_globals, php_output_end_all, zend_class_entry, zend_fcall_info_cache, zend_is_callable_ex, zend_object,
    zend_string, zval, HashTable,
};
use ext_php_rs::types::Zval;
use swoole_core::error::ErrorCode;
use ext_php_rs::zend::{try_catch, CatchError};
use std::ffi::{c_char, CString};

/// `zend_fcall_info` (Zend/zend_API.h, PHP 8.x layout).
#[repr(C)]
struct FcallInfo {
    size: usize,
    /// A bitwise copy of the callable: ext-php-rs's `zval` has a `Drop` that
    /// releases a reference, and this copy owns none.
    function_name: std::mem::ManuallyDrop<zval>,
    retval: *mut zval,
    params: *mut zval,
    object: *mut zend_object,
    param_count: u32,
    named_params: *mut HashTable,
}

/// `ZEND_ACC_CALL_VIA_TRAMPOLINE`: the resolved function is freed after one call.
const ACC_CALL_VIA_TRAMPOLINE: u32 = 1 << 18;
/// `E_WARNING`, `E_NOTICE`, `E_ERROR`.
pub const E_WARNING: i32 = 2;
pub const E_ERROR: i32 = 1;
pub const E_DEPRECATED: i32 = 8192;
pub const E_NOTICE: i32 = 8;

unsafe extern "C" {
    fn zend_call_function(fci: *mut FcallInfo, fcc: *mut zend_fcall_info_cache) -> i32;
    fn zend_parse_arg_long_weak(arg: *const zval, dest: *mut i64, arg_num: u32) -> bool;
    fn zend_parse_arg_double_weak(arg: *const zval, dest: *mut f64, arg_num: u32) -> bool;
    fn zend_parse_arg_bool_weak(arg: *const zval, dest: *mut bool, arg_num: u32) -> bool;
    fn zend_parse_arg_str_weak(arg: *mut zval, dest: *mut *mut zend_string, arg_num: u32) -> bool;
    fn zend_argument_type_error(arg_num: u32, format: *const c_char, ...);
    fn zend_zval_type_name(arg: *const zval) -> *const c_char;
    fn zend_register_class_alias_ex(name: *const c_char, len: usize, ce: *mut zend_class_entry, persistent: bool)
        -> i32;
    fn zend_exception_error(ex: *mut zend_object, severity: i32) -> i32;
    fn zend_is_unwind_exit(ex: *const zend_object) -> bool;
    fn zend_clear_exception();
    fn php_output_flush_all();
    fn php_error_docref(docref: *const c_char, type_: i32, format: *const c_char, ...);
    fn zend_error(type_: i32, format: *const c_char, ...);
    fn zval_get_long_func(op: *mut zval, is_strict: bool) -> i64;
    fn zval_get_double_func(op: *mut zval) -> f64;
    fn zval_get_string_func(op: *mut zval) -> *mut zend_string;
    fn zend_get_callable_name(callable: *mut zval) -> *mut zend_string;
    fn zend_throw_exception(ce: *mut zend_class_entry, message: *const c_char, code: i64) -> *mut zend_object;
}

/// `(int)$value`, as the engine casts (`zval_get_long`): never fails; an
/// object may warn.
pub fn cast_long(value: &Zval) -> i64 {
    if let Some(i) = value.long() {
        return i;
    }
    // SAFETY: the engine reads the zval without changing it.
    unsafe { zval_get_long_func(value as *const Zval as *mut zval, false) }
}

/// `(float)$value`, as the engine casts (`zval_get_double`).
pub fn cast_double(value: &Zval) -> f64 {
    if let Some(f) = value.double() {
        return f;
    }
    // SAFETY: as in cast_long.
    unsafe { zval_get_double_func(value as *const Zval as *mut zval) }
}

/// `(string)$value`, as the engine casts (`zval_get_string`): an array is
/// "Array" with a warning; an object without `__toString()` throws (then
/// None, the exception pending).
pub fn cast_bytes(value: &Zval) -> Option<std::borrow::Cow<'_, [u8]>> {
    if let Some(s) = value.zend_str() {
        return Some(std::borrow::Cow::Borrowed(s.as_bytes()));
    }
    // SAFETY: the engine returns a new reference to a string (or an empty one
    // with an exception pending), which the ZBox releases.
    let s = unsafe { zval_get_string_func(value as *const Zval as *mut zval) };
    if exception_pending() {
        if !s.is_null() {
            // SAFETY: releasing the reference the engine gave us.
            drop(unsafe { ext_php_rs::boxed::ZBox::<ext_php_rs::types::ZendStr>::from_raw(s.cast()) });
        }
        return None;
    }
    // SAFETY: a valid zend_string we own one reference of.
    let owned = unsafe { ext_php_rs::boxed::ZBox::<ext_php_rs::types::ZendStr>::from_raw(s.cast()) };
    Some(std::borrow::Cow::Owned(owned.as_bytes().to_vec()))
}

/// Raises a fatal error (`E_ERROR`) attributed to the running function, as
/// Swoole's `php_swoole_fatal_error(E_ERROR, ...)`: the script ends.
/// Call it last, with nothing owned left to drop: the engine unwinds past
/// our frames (ext-php-rs's method wrapper catches and re-raises it).
pub fn fatal(msg: &str) {
    error_docref(E_ERROR, msg);
}

/// Leaves a `ce` exception pending.
pub fn throw(ce: &ext_php_rs::zend::ClassEntry, msg: &str, code: i64) {
    let msg = c_message(msg);
    // SAFETY: a registered exception class and a NUL-terminated message.
    unsafe { zend_throw_exception(ce as *const _ as *mut zend_class_entry, msg.as_ptr(), code) };
}

/// Emits one of Swoole's own warnings: shown only while
/// `swoole.display_errors` (or the `display_errors` option) is on, as
/// Swoole's `php_swoole_error()`.
pub fn swoole_warning(msg: &str) {
    if swoole_core::global_options::display_errors() {
        warning(msg);
    }
}

/// Emits `Warning: Class::method(): msg` exactly as a C extension does.
pub fn warning(msg: &str) {
    error_docref(E_WARNING, msg);
}

/// Emits `Warning: <function>(): msg`, attributed to `function` rather than
/// to the running one: Swoole's `Server::on()` hands port events to
/// `Server\Port::on()`, whose name its warnings then carry.
pub fn warning_in(function: &str, msg: &str) {
    let msg = c_message(&format!("{function}(): {msg}"));
    // SAFETY: "%s" with one NUL-terminated argument.
    unsafe { zend_error(E_WARNING, c"%s".as_ptr(), msg.as_ptr()) };
}

/// Emits a PHP error of `level` attributed to the running function.
pub fn error_docref(level: i32, msg: &str) {
    let msg = c_message(msg);
    // SAFETY: "%s" with one NUL-terminated argument.
    unsafe { php_error_docref(std::ptr::null(), level, c"%s".as_ptr(), msg.as_ptr()) };
}

/// `msg` as a C string; a NUL inside shows as `\0` instead of cutting it.
fn c_message(msg: &str) -> CString {
    CString::new(msg.replace('\0', "\\0")).unwrap_or_default()
}

/// A warning as Swoole's `php_swoole_fatal_error(E_WARNING, ...)` gives it:
/// it leaves `SWOOLE_ERROR_PHP_FATAL_ERROR` (503) as the last error, and the
/// caller returns false.
pub fn fatal_warning(msg: &str) -> bool {
    warning(msg);
    crate::process_state::set_last_error(ErrorCode::PHP_FATAL_ERROR.0);
    false
}

/// What `on()` (or a setting holding a callable) was given, as a callback, or
/// Swoole's warning for it: "illegal callback function" for null, "function
/// 'name' is not callable" otherwise, named as the engine names callables
/// ('1', 'Array', 'Foo::bar', 'stdClass::__invoke'); last error 503. The
/// warning is attributed to `method`, or to the running function.
pub fn resolve_or_warn(zv: &Zval, method: Option<&str>) -> Option<Callback> {
    if let Ok(cb) = Callback::resolve(zv) {
        return Some(cb);
    }
    let msg = if zv.is_null() { "illegal callback function".to_string() } else { format!("function '{}' is not callable", callable_name(zv)) };
    match method {
        Some(method) => warning_in(method, &msg),
        None => warning(&msg),
    }
    crate::process_state::set_last_error(ErrorCode::PHP_FATAL_ERROR.0);
    None
}

/// The engine's name for a callable (`zend_get_callable_name()`), as PHP's
/// own messages give it.
pub fn callable_name(zv: &Zval) -> String {
    // SAFETY: the engine only reads `zv`; it returns a new zend_string
    // whose one reference the ZBox owns and releases.
    let name = unsafe { ext_php_rs::boxed::ZBox::<ext_php_rs::types::ZendStr>::from_raw(zend_get_callable_name(zv as *const Zval as *mut zval).cast()) };
    String::from_utf8_lossy(name.as_bytes()).into_owned()
}

/// The engine's name for the type of `zv` (`zend_zval_type_name()`: "string",
/// "int", ...), as PHP's own messages give it.
pub fn type_name(zv: &Zval) -> String {
    // SAFETY: the engine only reads `zv`; it returns a static C string.
    unsafe { std::ffi::CStr::from_ptr(zend_zval_type_name(zv as *const Zval as *const zval)) }.to_string_lossy().into_owned()
}

/// Throws PHP's `TypeError` "Argument #n ($name) must be of type T, U given".
pub fn arg_type_error(arg_num: u32, expected: &str, arg: &Zval) {
    let fmt = CString::new(format!("must be of type {expected}, %s given")).unwrap_or_default();
    // SAFETY: the format has one %s, fed the engine's type name of `arg`.
    unsafe { zend_argument_type_error(arg_num, fmt.as_ptr(), zend_zval_type_name(arg as *const Zval as *const zval)) };
}

/// The declared name of parameter `arg_num` of the running internal function.
fn current_arg_name(arg_num: u32) -> Option<String> {
    // SAFETY: the running frame is an internal function of ours; its arg_info
    // entries are `zend_internal_arg_info`, whose first field is a C string
    // and whose size equals `zend_arg_info`'s.
    unsafe {
        let ex = executor_globals.current_execute_data.as_ref()?;
        let func = ex.func.as_ref()?;
        if arg_num == 0 || arg_num > func.common.num_args {
            return None;
        }
        let info = func.common.arg_info.add(arg_num as usize - 1);
        let name = *(info as *const *const c_char);
        (!name.is_null()).then(|| std::ffi::CStr::from_ptr(name).to_string_lossy().into_owned())
    }
}

/// `null` for a scalar parameter: PHP 8.1+'s deprecation, worded with the
/// declared type (not the nullable arginfo of an optional parameter).
fn null_deprecated(arg_num: u32, ty: &str) -> ArgResult<()> {
    let name = current_arg_name(arg_num).map(|n| format!(" (${n})")).unwrap_or_default();
    error_docref(E_DEPRECATED, &format!("Passing null to parameter #{arg_num}{name} of type {ty} is deprecated"));
    if exception_pending() { Err(ArgError) } else { Ok(()) }
}

/// A PHP exception is already pending: the argument was refused.
#[derive(Debug)]
pub struct ArgError;

/// Result of an argument conversion; `Err` means a TypeError is pending.
pub type ArgResult<T> = Result<T, ArgError>;

pub fn exception_pending() -> bool {
    // SAFETY: reading EG(exception) on the main thread.
    unsafe { !executor_globals.exception.is_null() }
}

/// The engine's weak-mode parser for one scalar type.
type WeakParser<T> = unsafe extern "C" fn(*const zval, *mut T, u32) -> bool;

/// `ZEND_ACC_STRICT_TYPES`: the function was compiled under `declare(strict_types=1)`.
const ACC_STRICT_TYPES: u32 = 1 << 31;

/// Whether the code calling the running method was compiled with
/// `declare(strict_types=1)`, as the engine's `ZEND_ARG_USES_STRICT_TYPES()`
/// decides it for an internal function: the caller's frame is the one
/// before ours (a call through an internal function, such as
/// `array_map()`, is never strict).
pub fn caller_is_strict() -> bool {
    // SAFETY: main thread; EG(current_execute_data) is the running internal
    // method's frame while its arguments are read, and each frame pointer
    // and its `func` are checked before they are read.
    unsafe {
        let current = executor_globals.current_execute_data;
        if current.is_null() {
            return false;
        }
        let caller = (*current).prev_execute_data;
        if caller.is_null() || (*caller).func.is_null() {
            return false;
        }
        (*(*caller).func).common.fn_flags & ACC_STRICT_TYPES != 0
    }
}

/// One scalar parameter with PHP's rules for an internal function: the
/// exact type passes through; for a strict caller anything else is PHP's
/// TypeError (but `widen`, an int for a float); in weak mode `null` gets the
/// 8.1 deprecation and the rest goes through the engine's
/// `zend_parse_arg_<type>_weak` or becomes PHP's TypeError.
fn weak_scalar<T: Default>(
    arg: &Zval,
    arg_num: u32,
    type_name: &str,
    exact: fn(&Zval) -> Option<T>,
    widen: fn(&Zval) -> Option<T>,
    parse: WeakParser<T>,
) -> ArgResult<T> {
    if let Some(v) = exact(arg) {
        return Ok(v);
    }
    if caller_is_strict() {
        if let Some(v) = widen(arg) {
            return Ok(v);
        }
        arg_type_error(arg_num, type_name, arg);
        return Err(ArgError);
    }
    if arg.is_null() {
        return null_deprecated(arg_num, type_name).map(|()| T::default());
    }
    let mut out = T::default();
    // SAFETY: arg is a live zval; dest is ours.
    let ok = unsafe { parse(arg as *const Zval as *const zval, &mut out, arg_num) };
    if ok && !exception_pending() {
        return Ok(out);
    }
    if !exception_pending() {
        arg_type_error(arg_num, type_name, arg);
    }
    Err(ArgError)
}

/// No other type stands for this one, even for a strict caller.
fn no_widening<T>(_: &Zval) -> Option<T> {
    None
}

/// The one widening strict mode allows: an int for a float.
fn int_as_float(arg: &Zval) -> Option<f64> {
    arg.long().map(|n| n as f64)
}

/// `int` parameter (`"9501"` → 9501, `3.5` → 3 with a deprecation, `"abc"` → TypeError).
pub fn arg_long(arg: &Zval, arg_num: u32) -> ArgResult<i64> {
    weak_scalar(arg, arg_num, "int", Zval::long, no_widening, zend_parse_arg_long_weak)
}

/// The integer a string starts with (0 if none), as the engine's
/// `zval_get_long()` reads a non-numeric string: "12abc" is 12, "abc" 0.
pub fn leading_long(s: &str) -> i64 {
    let t = s.trim_start();
    let (neg, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let n = digits.bytes().take_while(u8::is_ascii_digit).fold(0i64, |n, d| n.saturating_mul(10).saturating_add((d - b'0') as i64));
    if neg { -n } else { n }
}

/// `float` parameter, weak mode.
pub fn arg_double(arg: &Zval, arg_num: u32) -> ArgResult<f64> {
    weak_scalar(arg, arg_num, "float", Zval::double, int_as_float, zend_parse_arg_double_weak)
}

/// `bool` parameter, weak mode.
pub fn arg_bool(arg: &Zval, arg_num: u32) -> ArgResult<bool> {
    weak_scalar(arg, arg_num, "bool", Zval::bool, no_widening, zend_parse_arg_bool_weak)
}

/// `?bool` parameter, weak mode: `null` is `None`.
pub fn arg_nullable_bool(arg: &Zval, arg_num: u32) -> ArgResult<Option<bool>> {
    if arg.is_null() {
        return Ok(None);
    }
    weak_scalar(arg, arg_num, "?bool", Zval::bool, no_widening, zend_parse_arg_bool_weak).map(Some)
}

/// `string` parameter, weak mode, as raw bytes (PHP strings are binary);
/// borrowed without a copy when the argument already is a string.
pub fn arg_bytes(arg: &Zval, arg_num: u32) -> ArgResult<std::borrow::Cow<'_, [u8]>> {
    if let Some(s) = arg.zend_str() {
        return Ok(std::borrow::Cow::Borrowed(s.as_bytes()));
    }
    if caller_is_strict() {
        arg_type_error(arg_num, "string", arg);
        return Err(ArgError);
    }
    if arg.is_null() {
        return null_deprecated(arg_num, "string").map(|()| std::borrow::Cow::Borrowed(&b""[..]));
    }
    let mut copy = arg.shallow_clone();
    let mut dest: *mut zend_string = std::ptr::null_mut();
    // SAFETY: the engine converts `copy` in place and points dest into it.
    let ok = unsafe { zend_parse_arg_str_weak(&mut copy as *mut Zval as *mut zval, &mut dest, arg_num) };
    if ok && !dest.is_null() && !exception_pending() {
        return Ok(std::borrow::Cow::Owned(copy.zend_str().map(|s| s.as_bytes().to_vec()).unwrap_or_default()));
    }
    if !exception_pending() {
        arg_type_error(arg_num, "string", arg);
    }
    Err(ArgError)
}

/// `string` parameter as UTF-8 text (lossy).
pub fn arg_string(arg: &Zval, arg_num: u32) -> ArgResult<String> {
    arg_bytes(arg, arg_num).map(|b| String::from_utf8_lossy(&b).into_owned())
}

/// `callable` parameter: a stored, pre-resolved [`Callback`]; otherwise PHP's
/// "must be a valid callback, <reason>" TypeError.
pub fn arg_callable(arg: &Zval, arg_num: u32) -> ArgResult<Callback> {
    match Callback::resolve(arg) {
        Ok(cb) => Ok(cb),
        Err(reason) => {
            if !exception_pending() {
                let reason = CString::new(reason).unwrap_or_default();
                // SAFETY: format with one %s.
                unsafe { zend_argument_type_error(arg_num, c"must be a valid callback, %s".as_ptr(), reason.as_ptr()) };
            }
            Err(ArgError)
        }
    }
}

/// How a user callback ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallOutcome {
    /// Returned normally.
    Returned,
    /// Threw an exception that nothing caught; it is still pending.
    Exception,
    /// Called `exit($status)`; the unwind-exit is still pending.
    Exit(i32),
    /// A fatal error bailed out of the engine (longjmp caught).
    Bailout,
}

/// A PHP callable resolved once (`zend_fcall_info_cache`) and called many times.
pub struct Callback {
    /// The callable as the user gave it; holds the closure/object alive.
    zv: Zval,
    /// The resolved function; `None` for `__call` trampolines, re-resolved per call.
    fcc: Option<zend_fcall_info_cache>,
}

impl Callback {
    /// Resolves `zv`; `Err` carries the engine's reason when it is not callable.
    pub fn resolve(zv: &Zval) -> Result<Callback, String> {
        let zv = zv.shallow_clone();
        // SAFETY: zeroed fcc is the engine's "empty" value; zend_is_callable_ex fills it.
        let mut fcc: zend_fcall_info_cache = unsafe { std::mem::zeroed() };
        let mut error: *mut c_char = std::ptr::null_mut();
        let ok = unsafe {
            zend_is_callable_ex(
                &zv as *const Zval as *mut zval,
                std::ptr::null_mut(),
                0,
                std::ptr::null_mut(),
                &mut fcc,
                &mut error,
            )
        };
        let reason = if error.is_null() {
            "no array or string given".to_string()
        } else {
            // SAFETY: the engine allocated a NUL-terminated message with emalloc.
            let r = unsafe { std::ffi::CStr::from_ptr(error).to_string_lossy().into_owned() };
            unsafe { ext_php_rs::ffi::_efree(error.cast()) };
            r
        };
        if !ok {
            return Err(reason);
        }
        // SAFETY: function_handler is set by a successful zend_is_callable_ex.
        let trampoline = unsafe { (*fcc.function_handler).common.fn_flags & ACC_CALL_VIA_TRAMPOLINE != 0 };
        Ok(Callback { zv, fcc: (!trampoline).then_some(fcc) })
    }

    /// The callable as given (for `getCallback()`).
    pub fn zval(&self) -> &Zval {
        &self.zv
    }

    /// How many parameters the function declares, a variadic one not
    /// counted; `None` for a `__call` trampoline, which declares none of
    /// its own.
    pub fn declared_params(&self) -> Option<u32> {
        // SAFETY: a resolved fcc's function handler lives as long as the
        // callable this Callback holds.
        self.fcc.map(|fcc| unsafe { (*fcc.function_handler).common.num_args })
    }

    /// Calls with `args`; the return value is dropped. Bailouts are caught.
    pub fn call(&self, args: &mut [Zval]) -> CallOutcome {
        self.call_returning(args).0
    }

    /// Calls with `args` and hands back the return value.
    pub fn call_returning(&self, args: &mut [Zval]) -> (CallOutcome, Zval) {
        let mut retval = Zval::new();
        let retval_ptr = &mut retval as *mut Zval as *mut zval;
        let params = args.as_mut_ptr() as *mut zval;
        let count = args.len() as u32;
        let zv_ptr = &self.zv as *const Zval as *const zval;
        let fcc = self.fcc;
        let result = try_catch(move || {
            let mut fcc = fcc;
            let mut fci = FcallInfo {
                size: std::mem::size_of::<FcallInfo>(),
                // SAFETY: a bitwise copy; zend_call_function neither frees nor keeps it.
                function_name: std::mem::ManuallyDrop::new(unsafe { std::ptr::read(zv_ptr) }),
                retval: retval_ptr,
                params,
                object: std::ptr::null_mut(),
                param_count: count,
                named_params: std::ptr::null_mut(),
            };
            let fcc_ptr = fcc.as_mut().map_or(std::ptr::null_mut(), |f| f as *mut zend_fcall_info_cache);
            // SAFETY: fci/fcc are valid for the call; params live in `args`.
            unsafe { zend_call_function(&mut fci, fcc_ptr) }
        });
        let outcome = match result {
            Err(CatchError::Bailout) => CallOutcome::Bailout,
            Err(_) => CallOutcome::Bailout,
            Ok(_) => pending_outcome(),
        };
        (outcome, retval)
    }
}

/// Classifies the pending exception, if any.
fn pending_outcome() -> CallOutcome {
    // SAFETY: reading EG on the main thread.
    unsafe {
        let ex = executor_globals.exception;
        if ex.is_null() {
            CallOutcome::Returned
        } else if zend_is_unwind_exit(ex) {
            CallOutcome::Exit(executor_globals.exit_status)
        } else {
            CallOutcome::Exception
        }
    }
}

/// Prints the pending uncaught exception as PHP's "Fatal error: Uncaught ..."
/// and clears it (used in worker processes, which then exit with 255).
pub fn report_pending_exception() {
    // SAFETY: EG(exception) is checked non-null; zend_exception_error does not bail
    // out for an uncaught exception (it ORs E_DONT_BAIL).
    unsafe {
        let ex = executor_globals.exception;
        if !ex.is_null() {
            zend_exception_error(ex, E_ERROR);
            zend_clear_exception();
        }
    }
}

/// Drops a pending exception (used after reporting it elsewhere).
pub fn clear_pending_exception() {
    // SAFETY: clearing EG(exception) on the main thread.
    unsafe { zend_clear_exception() };
}

/// Flushes every PHP output buffer to the SAPI (before each fork).
pub fn flush_output() {
    // SAFETY: plain engine call on the main thread.
    unsafe { php_output_flush_all() };
}

/// Ends and flushes every output buffer (before a child `_exit`s).
pub fn end_output() {
    // SAFETY: plain engine call on the main thread.
    unsafe { php_output_end_all() };
}

/// Ends a forked child: its output buffers flushed, then `_exit`, so the
/// parent's PHP shutdown (destructors, shutdown functions) does not run twice.
pub fn exit_child(code: i32) -> ! {
    end_output();
    swoole_core::fork::exit_now(code)
}

/// Forks a child that runs PHP, through the core's one fork sequence: PHP's
/// output is flushed first (rule 2), and the child ends through [`exit_child`].
pub fn fork_php_child<S: ?Sized>(
    opts: swoole_core::fork::ForkOptions,
    state: &mut S,
    child: impl FnOnce(&mut S) -> i32,
) -> std::io::Result<i32> {
    flush_output();
    swoole_core::fork::fork_child(opts, state, child, |_, code| exit_child(code))
}

/// Registers `alias` as another name of class `ce` (Swoole 4's `swoole_server` ...).
// The pointer is the engine's own live object/entry, as every caller passes it
// (rule 3: raw Zend handles stay in this layer).
#[allow(clippy::not_unsafe_ptr_arg_deref)]
pub fn register_class_alias(alias: &str, ce: *mut zend_class_entry) {
    let name = CString::new(alias.to_ascii_lowercase()).unwrap_or_default();
    // SAFETY: a persistent alias of a registered class, during MINIT.
    unsafe { zend_register_class_alias_ex(name.as_ptr(), alias.len(), ce, true) };
}

/// A PHP string holding `bytes` (binary-safe).
pub fn bytes_zval(bytes: &[u8]) -> Zval {
    let mut zv = Zval::new();
    zv.set_zend_string(ext_php_rs::types::ZendStr::new(bytes, false));
    zv
}

/// Calls PHP function `name`; `None` when it does not exist or throws.
pub fn call_function(name: &str, args: Vec<&dyn ext_php_rs::convert::IntoZvalDyn>) -> Option<Zval> {
    ext_php_rs::types::ZendCallable::try_from_name(name).ok()?.try_call(args).ok()
}

/// A PHP value as bytes for another process (task data, pipe messages): a
/// string as it is, anything else `serialize()`d. The flag says which.
pub fn value_to_bytes(value: &Zval) -> Option<(Vec<u8>, bool)> {
    if let Some(s) = value.zend_str() {
        return Some((s.as_bytes().to_vec(), false));
    }
    let s = call_function("serialize", vec![value])?;
    Some((s.zend_str()?.as_bytes().to_vec(), true))
}

/// Back to the PHP value: `unserialize()`d when `serialized` (the string
/// itself if that fails).
pub fn bytes_to_value(bytes: &[u8], serialized: bool) -> Zval {
    let raw = bytes_zval(bytes);
    if !serialized {
        return raw;
    }
    call_function("unserialize", vec![&raw]).unwrap_or(raw)
}

impl Clone for Callback {
    fn clone(&self) -> Self {
        Callback::resolve(self.zval()).expect("a resolved callback stays callable")
    }
}

/// The object being constructed (`$this` inside `__construct`).
pub(crate) fn constructing_object() -> Option<*mut zend_object> {
    let eg = ext_php_rs::zend::ExecutorGlobals::get();
    // SAFETY: current_execute_data is the __construct frame while it runs.
    let ex = unsafe { eg.current_execute_data.as_mut()? };
    ex.get_self().map(|o| o as *mut ext_php_rs::types::ZendObject as *mut zend_object)
}

/// PHP's truthiness of a value (`zend_is_true`).
pub fn truthy(z: &Zval) -> bool {
    if let Some(b) = z.bool() {
        b
    } else if let Some(i) = z.long() {
        i != 0
    } else if let Some(d) = z.double() {
        d != 0.0
    } else if let Some(s) = z.zend_str() {
        !matches!(s.as_bytes(), b"" | b"0")
    } else if let Some(a) = z.array() {
        !a.is_empty()
    } else {
        !z.is_null()
    }
}
