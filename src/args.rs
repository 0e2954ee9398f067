//! Method parameters with PHP's weak-mode conversion.
//!
//! ext-php-rs's own `i64`/`String` parameters refuse what PHP's weak mode
//! accepts (`"9501"` for an int). These wrappers accept any value, declare the
//! right type in the arginfo (so Reflection and the engine's own messages say
//! `int`, not `mixed`), and convert with the engine's `zend_parse_arg_*_weak`
//! when the method asks for the value (see [`crate::zend`]).
//!
//! A refused argument leaves PHP's TypeError pending; converting [`ArgError`]
//! into a `PhpException` is then a no-op (ext-php-rs does not throw over a
//! pending exception), so methods simply use `?`.

use crate::zend::{self, ArgError, ArgResult, Callback};
use ext_php_rs::convert::FromZval;
use ext_php_rs::exception::PhpException;
use ext_php_rs::flags::DataType;
use ext_php_rs::types::Zval;
use std::borrow::Cow;
use swoole_core::settings::SettingValue;

impl From<ArgError> for PhpException {
    fn from(_: ArgError) -> Self {
        PhpException::from_message(String::new())
    }
}

macro_rules! weak_arg {
    ($(#[$doc:meta])* $name:ident, $ty:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy)]
        pub struct $name<'a>(pub &'a Zval);

        impl<'a> FromZval<'a> for $name<'a> {
            const TYPE: DataType = $ty;
            fn from_zval(zval: &'a Zval) -> Option<Self> {
                Some($name(zval))
            }
        }
    };
}

/// An optional parameter: `None` only when omitted. (`Option<T>` would also
/// turn an explicit `null` into `None`, hiding PHP's null deprecation.)
#[derive(Clone, Copy)]
pub struct Opt<T>(pub Option<T>);

impl<'a, T: FromZval<'a>> FromZval<'a> for Opt<T> {
    const TYPE: DataType = T::TYPE;
    const NULLABLE: bool = true;
    fn from_zval(zval: &'a Zval) -> Option<Self> {
        T::from_zval(zval).map(|v| Opt(Some(v)))
    }
    fn from_missing() -> Option<Self> {
        Some(Opt(None))
    }
}

weak_arg!(
    /// An `int` parameter.
    IntArg,
    DataType::Long
);
weak_arg!(
    /// A `float` parameter.
    FloatArg,
    DataType::Double
);
weak_arg!(
    /// A `bool` parameter.
    BoolArg,
    DataType::Bool
);
weak_arg!(
    /// A `string` parameter (binary-safe).
    StrArg,
    DataType::String
);
weak_arg!(
    /// A `callable` parameter.
    CallableArg,
    DataType::Callable
);
weak_arg!(
    /// An `array` parameter.
    ArrayArg,
    DataType::Array
);

impl IntArg<'_> {
    pub fn get(self, arg_num: u32) -> ArgResult<i64> {
        zend::arg_long(self.0, arg_num)
    }
}

impl FloatArg<'_> {
    pub fn get(self, arg_num: u32) -> ArgResult<f64> {
        zend::arg_double(self.0, arg_num)
    }
}

impl BoolArg<'_> {
    pub fn get(self, arg_num: u32) -> ArgResult<bool> {
        zend::arg_bool(self.0, arg_num)
    }
}

impl<'a> StrArg<'a> {
    pub fn bytes(self, arg_num: u32) -> ArgResult<Cow<'a, [u8]>> {
        zend::arg_bytes(self.0, arg_num)
    }

    pub fn string(self, arg_num: u32) -> ArgResult<String> {
        zend::arg_string(self.0, arg_num)
    }
}

impl CallableArg<'_> {
    pub fn get(self, arg_num: u32) -> ArgResult<Callback> {
        zend::arg_callable(self.0, arg_num)
    }
}

impl<'a> ArrayArg<'a> {
    pub fn get(self, arg_num: u32) -> ArgResult<&'a ext_php_rs::types::ZendHashTable> {
        match self.0.array() {
            Some(a) => Ok(a),
            None => {
                zend::arg_type_error(arg_num, "array", self.0);
                Err(ArgError)
            }
        }
    }
}

impl Opt<IntArg<'_>> {
    /// The value, or `default` when omitted.
    pub fn or(self, arg_num: u32, default: i64) -> ArgResult<i64> {
        self.0.map_or(Ok(default), |a| a.get(arg_num))
    }
}

impl Opt<FloatArg<'_>> {
    /// The value, or `default` when omitted.
    pub fn or(self, arg_num: u32, default: f64) -> ArgResult<f64> {
        self.0.map_or(Ok(default), |a| a.get(arg_num))
    }
}

impl Opt<BoolArg<'_>> {
    /// The value, or `default` when omitted.
    pub fn or(self, arg_num: u32, default: bool) -> ArgResult<bool> {
        self.0.map_or(Ok(default), |a| a.get(arg_num))
    }
}

impl Opt<StrArg<'_>> {
    /// The value, or `default` when omitted.
    pub fn or(self, arg_num: u32, default: &str) -> ArgResult<String> {
        self.0.map_or(Ok(default.to_string()), |a| a.string(arg_num))
    }
}

impl Opt<CallableArg<'_>> {
    /// A `?callable $cb = null` parameter: omitted or null give `None`.
    pub fn callback(self, arg_num: u32) -> ArgResult<Option<Callback>> {
        match self.0 {
            Some(a) if !a.0.is_null() => a.get(arg_num).map(Some),
            _ => Ok(None),
        }
    }
}

/// An optional parameter whose default Reflection shows as written, with a
/// non-nullable type (`int $backlog = 2048`, `int $ipc_type =
/// SWOOLE_IPC_NONE`). Declared with `#[php(defaults(backlog = 2048))]`, or
/// with a [`Lit`] constant for a default that is a PHP constant. An explicit
/// `null` is refused (ext-php-rs's TypeError).
pub struct Dflt<T> {
    /// The argument, when the caller gave one.
    given: Option<T>,
    /// The default as PHP source, for the arginfo.
    literal: Cow<'static, str>,
}

/// A default written as PHP source (`Lit("SWOOLE_IPC_NONE")`).
pub struct Lit(pub &'static str);

impl<'a, T: FromZval<'a>> FromZval<'a> for Dflt<T> {
    const TYPE: DataType = T::TYPE;
    fn from_zval(zval: &'a Zval) -> Option<Self> {
        T::from_zval(zval).map(|v| Dflt { given: Some(v), literal: Cow::Borrowed("") })
    }
}

impl<T> From<Lit> for Dflt<T> {
    fn from(lit: Lit) -> Self {
        Dflt { given: None, literal: Cow::Borrowed(lit.0) }
    }
}

impl<T> From<i64> for Dflt<T> {
    fn from(v: i64) -> Self {
        Dflt { given: None, literal: Cow::Owned(v.to_string()) }
    }
}

impl<T> From<bool> for Dflt<T> {
    fn from(v: bool) -> Self {
        Dflt { given: None, literal: Cow::Borrowed(if v { "true" } else { "false" }) }
    }
}

impl<T> ext_php_rs::convert::StubLiteral for Dflt<T> {
    fn stub_literal(&self) -> String {
        self.literal.to_string()
    }
}

impl Dflt<IntArg<'_>> {
    /// The value, or `default` when omitted.
    pub fn or(self, arg_num: u32, default: i64) -> ArgResult<i64> {
        self.given.map_or(Ok(default), |a| a.get(arg_num))
    }
}

impl Dflt<BoolArg<'_>> {
    /// The value, or `default` when omitted.
    pub fn or(self, arg_num: u32, default: bool) -> ArgResult<bool> {
        self.given.map_or(Ok(default), |a| a.get(arg_num))
    }
}

/// [`setting_value`] of key `key`: a list for `proxy_protocol_trusted`
/// becomes its entries joined by commas (the one list-taking key the core
/// reads).
pub(crate) fn setting_value_of(key: &str, z: &Zval) -> SettingValue {
    if let (true, Some(list)) = (key.eq_ignore_ascii_case("proxy_protocol_trusted"), z.array()) {
        let items: Vec<String> = list.values().map(|v| v.string().unwrap_or_else(|| "(not a string)".into())).collect();
        return SettingValue::Str(items.join(","));
    }
    setting_value(z)
}

/// Converts a PHP value from `set()` into the core's setting value.
pub(crate) fn setting_value(z: &Zval) -> SettingValue {
    if z.is_null() {
        SettingValue::Null
    } else if let Some(b) = z.bool() {
        SettingValue::Bool(b)
    } else if let Some(i) = z.long() {
        SettingValue::Int(i)
    } else if let Some(f) = z.double() {
        SettingValue::Float(f)
    } else if let Some(s) = z.zend_str() {
        SettingValue::Str(String::from_utf8_lossy(s.as_bytes()).into_owned())
    } else {
        SettingValue::Compound
    }
}

/// A `?int` parameter: `None` when omitted or null.
pub fn nullable_int(arg: Opt<IntArg>, arg_num: u32) -> crate::zend::ArgResult<Option<i64>> {
    match arg.0 {
        Some(a) if !a.0.is_null() => a.get(arg_num).map(Some),
        _ => Ok(None),
    }
}
