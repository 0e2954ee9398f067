//! `swoole_mime_type_*()` and `swoole_get_mime_type()` over the core's
//! [`swoole_core::mime`] table. Names are taken as C strings, as in Swoole:
//! up to their first NUL byte.

use crate::declare;
use crate::args::StrArg;
use ext_php_rs::exception::PhpResult;
use ext_php_rs::prelude::*;
use swoole_core::mime;

fn c_text(arg: StrArg, arg_num: u32) -> PhpResult<String> {
    let bytes = arg.bytes(arg_num)?;
    let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
    Ok(String::from_utf8_lossy(&bytes[..end]).into_owned())
}

/// `swoole_mime_type_add(string $suffix, string $mime_type): bool`
#[php_function]
pub fn swoole_mime_type_add(suffix: StrArg, mime_type: StrArg) -> PhpResult<bool> {
    Ok(mime::add(&c_text(suffix, 1)?, &c_text(mime_type, 2)?))
}

/// `swoole_mime_type_set(string $suffix, string $mime_type): void`
#[php_function]
pub fn swoole_mime_type_set(suffix: StrArg, mime_type: StrArg) -> PhpResult<()> {
    mime::set(&c_text(suffix, 1)?, &c_text(mime_type, 2)?);
    Ok(())
}

/// `swoole_mime_type_delete(string $suffix): bool`
#[php_function]
pub fn swoole_mime_type_delete(suffix: StrArg) -> PhpResult<bool> {
    Ok(mime::delete(&c_text(suffix, 1)?))
}

/// `swoole_mime_type_get(string $filename): string` (and `swoole_get_mime_type`).
#[php_function]
pub fn swoole_mime_type_get(filename: StrArg) -> PhpResult<String> {
    Ok(mime::get(&c_text(filename, 1)?))
}

/// `swoole_mime_type_exists(string $filename): bool`
#[php_function]
pub fn swoole_mime_type_exists(filename: StrArg) -> PhpResult<bool> {
    Ok(mime::exists(&c_text(filename, 1)?))
}

/// `swoole_mime_type_list(): array`: every type, one per suffix.
#[php_function]
pub fn swoole_mime_type_list() -> Vec<String> {
    mime::list()
}

/// The global functions of this module, with Swoole's signatures.
pub fn declarations() -> Vec<crate::arginfo::Declaration> {
    vec![
        declare!("swoole_mime_type_add(string $suffix, string $mime_type): bool", swoole_mime_type_add),
        declare!("swoole_mime_type_set(string $suffix, string $mime_type): void", swoole_mime_type_set),
        declare!("swoole_mime_type_delete(string $suffix): bool", swoole_mime_type_delete),
        declare!("swoole_mime_type_get(string $filename): string", swoole_mime_type_get),
        declare!("swoole_get_mime_type(string $filename): string", swoole_mime_type_get),
        declare!("swoole_mime_type_exists(string $filename): bool", swoole_mime_type_exists),
        declare!("swoole_mime_type_list(): array", swoole_mime_type_list),
    ]
}
