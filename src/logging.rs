//! `swoole_error_log()`, `swoole_error_log_ex()`, `swoole_ignore_error()`:
//! lines in Swoole's log (the core's [`swoole_core::log`]), at any level,
//! with or without an error code.

use crate::declare;
use crate::args::{IntArg, StrArg};
use ext_php_rs::exception::PhpResult;
use ext_php_rs::prelude::*;
use swoole_core::log;

/// A message as Swoole's C logger takes it: up to the first NUL byte.
fn c_text(bytes: &[u8]) -> String {
    let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
    String::from_utf8_lossy(&bytes[..end]).into_owned()
}

/// `swoole_error_log(int $level, string $msg): void`
#[php_function]
pub fn swoole_error_log(level: IntArg, msg: StrArg) -> PhpResult<()> {
    let level = level.get(1)?;
    let msg = msg.bytes(2)?;
    log::put(level.clamp(i32::MIN as i64, i32::MAX as i64) as i32, &c_text(&msg));
    Ok(())
}

/// `swoole_error_log_ex(int $level, int $error, string $msg): void`: the
/// line names the code (`(ERRNO 1005)`) and is dropped when the code is
/// ignored.
#[php_function]
pub fn swoole_error_log_ex(level: IntArg, error: IntArg, msg: StrArg) -> PhpResult<()> {
    let level = level.get(1)?.clamp(i32::MIN as i64, i32::MAX as i64) as i32;
    let code = error.get(2)? as i32;
    let msg = msg.bytes(3)?;
    log::put_code(level, code, &format!("swoole_error_log_ex() (ERRNO {code}): {}", c_text(&msg)));
    Ok(())
}

/// `swoole_ignore_error(int $error): void`: lines carrying this code are no
/// longer written, in this process and those it forks afterwards.
#[php_function]
pub fn swoole_ignore_error(error: IntArg) -> PhpResult<()> {
    log::ignore_error(error.get(1)? as i32);
    Ok(())
}

/// The global functions of this module, with Swoole's signatures.
pub fn declarations() -> Vec<crate::arginfo::Declaration> {
    vec![
        declare!("swoole_error_log(int $level, string $msg): void", swoole_error_log),
        declare!("swoole_error_log_ex(int $level, int $error, string $msg): void", swoole_error_log_ex),
        declare!("swoole_ignore_error(int $error): void", swoole_ignore_error),
    ]
}
