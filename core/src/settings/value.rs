//! The values of a `set()` array as the core sees them ([`SettingValue`]),
//! what is wrong with one ([`SettingError`]), and the readers each key's
//! type uses: ints and floats in a range, sizes (`'2M'`), strings, bools.

use std::fmt;

/// A PHP value from the `set()` array, reduced to what settings need.
#[derive(Debug, Clone, PartialEq)]
pub enum SettingValue {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    /// An array or object: only keys documented as taking one accept it.
    Compound,
}

impl SettingValue {
    /// The name PHP's type errors use for this value.
    pub fn type_name(&self) -> &'static str {
        match self {
            SettingValue::Null => "null",
            SettingValue::Bool(_) => "bool",
            SettingValue::Int(_) => "int",
            SettingValue::Float(_) => "float",
            SettingValue::Str(_) => "string",
            SettingValue::Compound => "array",
        }
    }

    /// The value as an error message shows it.
    pub fn describe(&self) -> String {
        match self {
            SettingValue::Null => "null".into(),
            SettingValue::Bool(b) => b.to_string(),
            SettingValue::Int(i) => i.to_string(),
            SettingValue::Float(f) => f.to_string(),
            SettingValue::Str(s) => format!("'{s}'"),
            SettingValue::Compound => "an array".into(),
        }
    }

    /// Integer value with the lenient conversion Swoole applies (`zval_get_long`
    /// on numbers, bools and numeric strings); `None` for anything else.
    pub(super) fn as_int(&self) -> Option<i64> {
        match self {
            SettingValue::Bool(b) => Some(*b as i64),
            SettingValue::Int(i) => Some(*i),
            SettingValue::Float(f) if f.is_finite() => Some(*f as i64),
            SettingValue::Str(s) => {
                let t = s.trim();
                t.parse::<i64>()
                    .ok()
                    .or_else(|| t.parse::<f64>().ok().filter(|f| f.is_finite()).map(|f| f as i64))
            }
            _ => None,
        }
    }

    pub(super) fn as_float(&self) -> Option<f64> {
        match self {
            SettingValue::Bool(b) => Some(*b as i64 as f64),
            SettingValue::Int(i) => Some(*i as f64),
            SettingValue::Float(f) => Some(*f),
            SettingValue::Str(s) => s.trim().parse::<f64>().ok(),
            _ => None,
        }
    }

    pub(super) fn as_bool(&self) -> Option<bool> {
        match self {
            SettingValue::Null => Some(false),
            SettingValue::Bool(b) => Some(*b),
            SettingValue::Int(i) => Some(*i != 0),
            SettingValue::Float(f) => Some(*f != 0.0),
            SettingValue::Str(s) => Some(!(s.is_empty() || s == "0")),
            SettingValue::Compound => None,
        }
    }
}

/// Why one `set()` entry was not applied.
#[derive(Debug, Clone, PartialEq)]
pub enum SettingError {
    /// The key is not a Swoole setting (the entry is still kept in `$server->setting`).
    UnknownKey(String),
    /// The value has a type the key cannot take.
    WrongType { key: String, expected: &'static str, given: &'static str },
    /// The value is outside the range the key allows.
    OutOfRange { key: String, value: String, range: String },
    /// A size setting given as a string PHP cannot read as a quantity
    /// (`'2M'` is one, `'lots'` is not): a fatal error, as in Swoole.
    BadQuantity { key: String, value: String, reason: String },
}

impl SettingError {
    /// Whether `set()` must stop the script here (Swoole raises E_ERROR).
    pub fn is_fatal(&self) -> bool {
        matches!(self, SettingError::BadQuantity { .. })
    }
}

impl fmt::Display for SettingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // Swoole's words (its library's Server\Helper::checkOptions()).
            SettingError::UnknownKey(k) => write!(f, "unsupported option [{k}]"),
            SettingError::WrongType { key, expected, given } => {
                write!(f, "setting '{key}' must be of type {expected}, {given} given")
            }
            SettingError::OutOfRange { key, value, range } => {
                write!(f, "setting '{key}' is out of range: {value} (must be {range})")
            }
            // Swoole's text, with the key it leaves out.
            SettingError::BadQuantity { key, value, reason } => {
                write!(f, "failed to parse '{value}' to size for setting '{key}', Error: {reason}")
            }
        }
    }
}

/// The settings Swoole reads as sizes (`php_swoole_parse_to_size`): a
/// string there is a PHP quantity (`'2M'`), and one PHP cannot read is fatal.
/// The list is what Swoole 6.2.1's `set()` (server, ports and client) parses so.
const SIZE_KEYS: &[&str] = &[
    "socket_buffer_size", "max_queued_bytes", "input_buffer_size", "buffer_input_size", "output_buffer_size",
    "buffer_output_size", "stack_size", "c_stack_size", "http2_header_table_size", "http2_init_window_size",
    "http2_max_frame_size", "http2_max_header_list_size", "http_compression_min_length", "compression_min_length",
    "upload_max_filesize", "kernel_socket_recv_buffer_size", "kernel_socket_send_buffer_size",
    "buffer_high_watermark", "buffer_low_watermark", "package_max_length",
];

/// A size key's string value read as a PHP quantity: `Some(bytes)`, or
/// `None` when `key` is no size key or `value` no string.
pub(super) fn size_value(key: &str, value: &SettingValue) -> Result<Option<i64>, SettingError> {
    let SettingValue::Str(text) = value else { return Ok(None) };
    if !SIZE_KEYS.contains(&key) {
        return Ok(None);
    }
    match crate::quantity::parse(text.as_bytes()) {
        (n, None) => Ok(Some(n)),
        (_, Some(reason)) => Err(SettingError::BadQuantity { key: key.into(), value: text.clone(), reason }),
    }
}

pub(super) fn int_in(key: &str, value: &SettingValue, min: i64, max: i64) -> Result<i64, SettingError> {
    let v = value.as_int().ok_or_else(|| SettingError::WrongType {
        key: key.to_string(),
        expected: "int",
        given: value.type_name(),
    })?;
    if v < min || v > max {
        let range = if max == i64::MAX { format!(">= {min}") } else { format!("between {min} and {max}") };
        return Err(SettingError::OutOfRange { key: key.to_string(), value: v.to_string(), range });
    }
    Ok(v)
}

/// A size in bytes: an int >= 0, or a string with an optional K, M or G
/// suffix ("4M"), as Swoole's `php_swoole_parse_to_size` reads one.
pub(super) fn size_in(key: &str, value: &SettingValue) -> Result<usize, SettingError> {
    let parsed = match value {
        SettingValue::Str(s) => {
            let t = s.trim();
            let (digits, unit) = match t.char_indices().last() {
                Some((i, c)) if c.is_ascii_alphabetic() => (&t[..i], c.to_ascii_lowercase()),
                _ => (t, ' '),
            };
            let shift = match unit {
                ' ' => Some(0),
                'k' => Some(10),
                'm' => Some(20),
                'g' => Some(30),
                _ => None,
            };
            shift.zip(digits.trim().parse::<i64>().ok()).map(|(sh, n)| n.saturating_mul(1 << sh))
        }
        other => other.as_int(),
    };
    let n = parsed.ok_or_else(|| SettingError::WrongType { key: key.into(), expected: "int", given: value.type_name() })?;
    usize::try_from(n).map_err(|_| SettingError::OutOfRange { key: key.into(), value: n.to_string(), range: ">= 0".into() })
}

pub(super) fn float_in(key: &str, value: &SettingValue, min: f64, max: f64) -> Result<f64, SettingError> {
    let v = value.as_float().ok_or_else(|| SettingError::WrongType {
        key: key.to_string(),
        expected: "float",
        given: value.type_name(),
    })?;
    if !(min..=max).contains(&v) {
        return Err(SettingError::OutOfRange {
            key: key.to_string(),
            value: v.to_string(),
            range: format!("between {min} and {max}"),
        });
    }
    Ok(v)
}

pub(super) fn string<'v>(key: &str, value: &'v SettingValue) -> Result<&'v str, SettingError> {
    match value {
        SettingValue::Str(s) => Ok(s),
        other => Err(SettingError::WrongType { key: key.to_string(), expected: "string", given: other.type_name() }),
    }
}

pub(super) fn boolean(key: &str, value: &SettingValue) -> Result<bool, SettingError> {
    value.as_bool().ok_or_else(|| SettingError::WrongType {
        key: key.to_string(),
        expected: "bool",
        given: value.type_name(),
    })
}
