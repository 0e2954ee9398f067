//! `swoole_substr_unserialize()` and `swoole_substr_json_decode()`: decode a
//! byte window of a string without the `substr()` copy in PHP.
//!
//! The window is Swoole's: a negative offset counts from the end, a length of
//! 0 or less (or past the end) means "to the end", an empty string or an
//! offset outside it fails (unserialize: false, silently; JSON: null with a
//! warning). Unlike Swoole 6.2.1, whose parsers read on past the window to
//! the end of the string, the window's end is where decoding stops.

use crate::declare;
use crate::args::{ArrayArg, IntArg, Opt, StrArg};
use crate::zend::{self, warning};
use ext_php_rs::exception::PhpResult;
use ext_php_rs::ffi::{HashTable, zval};
use ext_php_rs::prelude::*;
use ext_php_rs::types::Zval;
use std::ffi::c_char;

unsafe extern "C" {
    fn php_unserialize_with_options(
        return_value: *mut zval,
        buf: *const c_char,
        buf_len: usize,
        options: *mut HashTable,
        function_name: *const c_char,
    );
}

/// The default `$depth` of JSON decoding (PHP's `PHP_JSON_PARSER_DEFAULT_DEPTH`).
const JSON_DEFAULT_DEPTH: i64 = 512;

/// Why a window is refused.
enum BadWindow {
    Empty,
    BeforeStart,
    PastEnd,
}

/// The window `[offset, offset + length)` of a `len`-byte string.
fn window(len: usize, offset: i64, length: i64) -> Result<std::ops::Range<usize>, BadWindow> {
    if len == 0 {
        return Err(BadWindow::Empty);
    }
    let len = len as i64;
    let start = if offset < 0 { offset + len } else { offset };
    if start < 0 {
        return Err(BadWindow::BeforeStart);
    }
    if start >= len {
        return Err(BadWindow::PastEnd);
    }
    let end = if length <= 0 || length > len - start { len } else { start + length };
    Ok(start as usize..end as usize)
}

/// `swoole_substr_unserialize(string $str, int $offset, int $length = 0,
/// array $options = []): mixed`
#[php_function]
pub fn swoole_substr_unserialize(str: StrArg, offset: IntArg, length: Opt<IntArg>, options: Opt<ArrayArg>)
    -> PhpResult<Zval> {
    let data = str.bytes(1)?;
    let offset = offset.get(2)?;
    let length = length.or(3, 0)?;
    let options = options.0.map(|o| o.get(4)).transpose()?;
    let Ok(range) = window(data.len(), offset, length) else { return Ok(false.into()) };
    // A NUL-terminated copy: the parser stops at the window's end.
    let mut bytes = data[range].to_vec();
    let len = bytes.len();
    bytes.push(0);
    let mut result = Zval::new();
    let options = options.map_or(std::ptr::null_mut(), |o| o as *const _ as *mut HashTable);
    // SAFETY: a NUL-terminated buffer of len bytes, a live options table (or
    // null) and a return zval of ours.
    unsafe {
        php_unserialize_with_options(
            &mut result as *mut Zval as *mut zval,
            bytes.as_ptr().cast(),
            len,
            options,
            c"swoole_substr_unserialize".as_ptr(),
        )
    };
    Ok(result)
}

/// `swoole_substr_json_decode(string $str, int $offset, int $length = 0,
/// bool $associative = false, int $depth = 512, int $flags = 0): mixed` —
/// `json_decode()` of the window, with its flags, errors and exceptions.
#[php_function]
pub fn swoole_substr_json_decode(
    str: StrArg,
    offset: IntArg,
    length: Opt<IntArg>,
    associative: Opt<&Zval>,
    depth: Opt<IntArg>,
    flags: Opt<IntArg>,
) -> PhpResult<Zval> {
    let data = str.bytes(1)?;
    let offset = offset.get(2)?;
    let length = length.or(3, 0)?;
    // Omitted is false; an explicit null leaves JSON_OBJECT_AS_ARRAY to $flags.
    let associative = match associative.0 {
        Some(v) => zend::arg_nullable_bool(v, 4)?,
        None => Some(false),
    };
    let depth = depth.or(5, JSON_DEFAULT_DEPTH)?;
    let flags = flags.or(6, 0)?;
    let range = match window(data.len(), offset, length) {
        Ok(r) => r,
        Err(bad) => {
            warning(match bad {
                BadWindow::Empty => "Non-empty string required",
                BadWindow::BeforeStart => "Offset must be not less than the negative length of the string",
                BadWindow::PastEnd => "Offset must be less than the length of the string",
            });
            return Ok(Zval::new());
        }
    };
    if depth <= 0 {
        warning("Depth must be greater than zero");
        return Ok(Zval::new());
    }
    if depth > i32::MAX as i64 {
        warning(&format!("Depth must be lower than {}", i32::MAX));
        return Ok(Zval::new());
    }
    let json = zend::bytes_zval(&data[range]);
    let mut assoc = Zval::new();
    if let Some(on) = associative {
        assoc.set_bool(on);
    }
    Ok(zend::call_function("json_decode", vec![&json, &assoc, &depth, &flags]).unwrap_or_default())
}

/// The global functions of this module, with Swoole's signatures.
pub fn declarations() -> Vec<crate::arginfo::Declaration> {
    vec![
        declare!(
            "swoole_substr_unserialize(string $str, int $offset, int $length = 0, array $options = []): mixed",
            swoole_substr_unserialize
        ),
        declare!(
            "swoole_substr_json_decode(string $str, int $offset, int $length = 0, bool $associative = false, \
            int $depth = 512, int $flags = 0): mixed",
            swoole_substr_json_decode
        ),
    ]
}
