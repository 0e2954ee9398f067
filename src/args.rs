//! Optional-argument helpers over the weak-mode conversions in [`crate::zend`].
//!
//! A refused argument leaves PHP's TypeError pending; converting [`ArgError`]
//! into a `PhpException` is then a no-op (ext-php-rs does not throw over a
//! pending exception), so methods simply use `?`.

use crate::zend::{arg_bool, arg_long, ArgError};
use ext_php_rs::exception::PhpException;
use ext_php_rs::types::Zval;

impl From<ArgError> for PhpException {
    fn from(_: ArgError) -> Self {
        PhpException::from_message(String::new())
    }
}

/// An optional `int` parameter (`default` when omitted).
pub fn opt_long(arg: Option<&Zval>, arg_num: u32, default: i64) -> Result<i64, ArgError> {
    arg.map_or(Ok(default), |z| arg_long(z, arg_num))
}

/// An optional `bool` parameter (`default` when omitted).
pub fn opt_bool(arg: Option<&Zval>, arg_num: u32, default: bool) -> Result<bool, ArgError> {
    arg.map_or(Ok(default), |z| arg_bool(z, arg_num))
}
