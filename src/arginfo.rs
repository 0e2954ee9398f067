//! Swoole's exact method signatures on our classes, as Reflection shows them.
//!
//! ext-php-rs derives a method's arginfo from its Rust types, which cannot say
//! `int|float $incrby = 1` or `: array|string|int|float|false`, and which make
//! an optional weak-mode parameter `?int $x = null`. So each class lists its
//! methods the way Swoole declares them (`"incr(string $key, string $column,
//! int|float $incrby = 1): int|float|false"`), and at the first request the
//! registered arginfo is rewritten to match: parameter names (the engine
//! maps named arguments to positions with them), types, defaults, required
//! counts and return types. Only built-in types are supported.
//!
//! The engine does not check an internal function's arginfo types at run time
//! (release builds), so this changes what Reflection, stubs and IDEs see and
//! nothing of how arguments are parsed: that stays with the Rust signature.

use ext_php_rs::ffi::{zend_function, zend_hash_str_find_ptr_lc, zend_internal_arg_info, zend_internal_function};
use ext_php_rs::zend::ClassEntry;
use std::ffi::{c_char, CStr, CString};

const MAY_BE_NULL: u32 = 1 << 1;
const MAY_BE_FALSE: u32 = 1 << 2;
const MAY_BE_TRUE: u32 = 1 << 3;
const MAY_BE_LONG: u32 = 1 << 4;
const MAY_BE_DOUBLE: u32 = 1 << 5;
const MAY_BE_STRING: u32 = 1 << 6;
const MAY_BE_ARRAY: u32 = 1 << 7;
const MAY_BE_OBJECT: u32 = 1 << 8;
const MAY_BE_RESOURCE: u32 = 1 << 9;
const MAY_BE_CALLABLE: u32 = 1 << 12;
const MAY_BE_VOID: u32 = 1 << 14;
const MAY_BE_ANY: u32 = MAY_BE_NULL
    | MAY_BE_FALSE
    | MAY_BE_TRUE
    | MAY_BE_LONG
    | MAY_BE_DOUBLE
    | MAY_BE_STRING
    | MAY_BE_ARRAY
    | MAY_BE_OBJECT
    | MAY_BE_RESOURCE;
/// `_ZEND_TYPE_MASK`: the type bits; the bits above are flags (by-ref, variadic) to keep.
const TYPE_BITS: u32 = (1 << 25) - 1;
/// `ZEND_ACC_HAS_RETURN_TYPE`.
const ACC_HAS_RETURN_TYPE: u32 = 1 << 13;

/// The type mask of a built-in PHP type such as `?string` or `int|float|false`.
fn type_mask(ty: &str) -> u32 {
    let (nullable, ty) = match ty.strip_prefix('?') {
        Some(rest) => (MAY_BE_NULL, rest),
        None => (0, ty),
    };
    nullable
        | ty.split('|')
            .map(|t| match t {
                "int" => MAY_BE_LONG,
                "float" => MAY_BE_DOUBLE,
                "string" => MAY_BE_STRING,
                "bool" => MAY_BE_FALSE | MAY_BE_TRUE,
                "false" => MAY_BE_FALSE,
                "true" => MAY_BE_TRUE,
                "null" => MAY_BE_NULL,
                "array" => MAY_BE_ARRAY,
                "object" => MAY_BE_OBJECT,
                "callable" => MAY_BE_CALLABLE,
                "mixed" => MAY_BE_ANY,
                "void" => MAY_BE_VOID,
                other => panic!("arginfo: unsupported type {other}"),
            })
            .fold(0, |a, b| a | b)
}

/// One parameter of a signature line: (type, name, default).
fn parse_param(p: &str) -> (Option<&str>, &str, Option<&str>) {
    let (decl, default) = match p.split_once(" = ") {
        Some((d, v)) => (d.trim(), Some(v.trim())),
        None => (p.trim(), None),
    };
    let (ty, name) = match decl.rsplit_once(' ') {
        Some((t, n)) => (Some(t), n),
        None => (None, decl),
    };
    (ty, name.trim_start_matches('$'), default)
}

/// A string for the engine's lifetime (module arginfo lives as long as the process).
fn leak(s: &str) -> *const c_char {
    CString::new(s).expect("no NUL in a signature").into_raw()
}

/// The registered internal function of method `name` of `ce`.
///
/// Panics when there is none (a misspelt name is a bug of ours).
pub fn method(ce: &ClassEntry, name: &str) -> &'static mut zend_internal_function {
    // SAFETY: looking up a method of a registered class by name.
    let func = unsafe { zend_hash_str_find_ptr_lc(&ce.function_table, name.as_ptr().cast(), name.len()) }
        .cast::<zend_function>();
    // SAFETY: the function table of an internal class holds internal functions
    // that live as long as the module.
    match unsafe { func.as_mut() } {
        Some(f) => unsafe { &mut f.internal_function },
        None => panic!("arginfo: no method {name}"),
    }
}

/// Rewrites the arginfo of every method of `ce` listed in `signatures`
/// (`"name(type $param = default, ...): return"`).
pub fn apply(ce: &ClassEntry, signatures: &[&str]) {
    for sig in signatures {
        let (name, rest) = sig.split_once('(').expect("signature: name(");
        let (params, ret) = rest.rsplit_once(')').expect("signature: )");
        let ret = ret.trim().strip_prefix(':').map(str::trim);
        let f = method(ce, name);
        let params: Vec<_> = params.split(", ").filter(|p| !p.is_empty()).map(parse_param).collect();
        // Fewer parameters than the Rust method: the last ones stay accepted
        // but undeclared, as Swoole's `count()` takes a `$mode` its arginfo omits.
        assert!(params.len() <= f.num_args as usize, "arginfo: {name} takes {} parameters", f.num_args);
        // SAFETY: arg_info[-1] is the return slot, then num_args parameters.
        let infos: &mut [zend_internal_arg_info] =
            unsafe { std::slice::from_raw_parts_mut(f.arg_info.sub(1), f.num_args as usize + 1) };
        let mut required = 0;
        for (i, (ty, pname, default)) in params.iter().enumerate() {
            let info = &mut infos[i + 1];
            // SAFETY: ext-php-rs set the name to a C string.
            if unsafe { CStr::from_ptr(info.name) }.to_bytes() != pname.as_bytes() {
                // A Rust keyword (`r#type`), or a Rust name that differs from Swoole's.
                info.name = leak(pname);
            }
            let flags = info.type_.type_mask & !TYPE_BITS;
            info.type_.ptr = std::ptr::null_mut();
            info.type_.type_mask = flags | ty.map_or(0, type_mask);
            info.default_value = default.map_or(std::ptr::null(), leak);
            if default.is_none() {
                required = i as u32 + 1;
            }
        }
        f.required_num_args = required;
        f.num_args = params.len() as u32;
        // The return slot's "name" is the required count (ZEND_BEGIN_ARG_INFO's convention).
        infos[0].name = required as usize as *const c_char;
        let flags = infos[0].type_.type_mask & !TYPE_BITS;
        infos[0].type_.ptr = std::ptr::null_mut();
        infos[0].type_.type_mask = flags | ret.map_or(0, type_mask);
        if ret.is_some() {
            f.fn_flags |= ACC_HAS_RETURN_TYPE;
        } else {
            f.fn_flags &= !ACC_HAS_RETURN_TYPE;
        }
    }
}
