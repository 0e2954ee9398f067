//! How a refused `set()` entry is reported, the way Swoole reports it: an
//! unknown key is PHP's `E_USER_WARNING` `unsupported option [key]` and the
//! entry is kept in `setting` (Swoole's library raises it from
//! `Server\Helper::checkOptions()`); a size setting PHP cannot read as a
//! quantity is a fatal error; any other refusal is a warning that skips the
//! entry (a check Swoole does not make).

use crate::zend::{self, warning};
use std::ffi::{c_char, CString};
use swoole_core::settings::SettingError;

/// PHP's `E_USER_WARNING`: what `trigger_error()` raises by default.
const E_USER_WARNING: i32 = 512;

unsafe extern "C" {
    fn zend_error(type_: i32, format: *const c_char, ...);
}

/// Reports a refused entry that is not fatal; true when the entry is still
/// kept in `setting` (an unknown key, as Swoole keeps it).
pub fn report(e: &SettingError) -> bool {
    match e {
        SettingError::UnknownKey(_) => {
            let msg = CString::new(e.to_string().replace('\0', "\\0")).unwrap_or_default();
            // SAFETY: "%s" with one NUL-terminated argument; the engine
            // attributes the warning to the running script line, as
            // trigger_error() would.
            unsafe { zend_error(E_USER_WARNING, c"%s".as_ptr(), msg.as_ptr()) };
            true
        }
        _ => {
            warning(&e.to_string());
            false
        }
    }
}

/// Raises a fatal refusal (`E_ERROR`, which ends the script). Call it last,
/// with no borrow or guard alive: the engine does not return from it.
pub fn fatal(e: &SettingError) {
    zend::error_docref(zend::E_ERROR, &e.to_string());
}

/// `set()` of a server or a port: `apply` takes each entry of `array` in
/// turn; what it accepts (and an unknown key, reported as Swoole does) goes
/// into the object's `$setting`, another refusal is reported and skipped, and
/// a fatal one stops there: `$setting` is stored first, then the request ends.
pub(crate) fn apply_each(
    obj: *mut ext_php_rs::ffi::zend_object,
    array: &ext_php_rs::types::ZendHashTable,
    mut apply: impl FnMut(&str, &ext_php_rs::types::Zval) -> Result<(), SettingError>,
) {
    let mut merged = crate::props::array_copy(obj, "setting");
    let mut fatal_error = None;
    for (key, value) in array.iter() {
        let key = key.to_string();
        match apply(&key, value) {
            Ok(()) => {}
            Err(e) if e.is_fatal() => {
                fatal_error = Some(e);
                break;
            }
            Err(e) if !report(&e) => continue,
            Err(_) => {}
        }
        let _ = merged.insert(key.as_str(), value.shallow_clone());
    }
    crate::props::set(obj, "setting", merged);
    if let Some(e) = fatal_error {
        fatal(&e);
    }
}
