//! `Swoole\Exception` and `Swoole\Error`.

use ext_php_rs::class::RegisteredClass;
use ext_php_rs::exception::PhpException;
use ext_php_rs::prelude::*;
use ext_php_rs::zend::ce;

#[php_class]
#[php(name = "Swoole\\Exception")]
#[php(extends(ce = ce::exception, stub = "\\Exception"))]
#[derive(Default)]
pub struct SwooleException;

#[php_impl]
impl SwooleException {}

#[php_class]
#[php(name = "Swoole\\Error")]
#[php(extends(ce = ce::error, stub = "\\Error"))]
#[derive(Default)]
pub struct SwooleError;

#[php_impl]
impl SwooleError {}

/// A `Swoole\Exception` to return as `Err`.
pub fn swoole_exception(message: &str, code: i64) -> PhpException {
    PhpException::new(message.to_string(), code as i32, SwooleException::get_metadata().ce())
}

/// A `Swoole\Error` to return as `Err`.
pub fn swoole_error(message: &str) -> PhpException {
    PhpException::new(message.to_string(), 0, SwooleError::get_metadata().ce())
}
