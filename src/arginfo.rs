//! Functions and methods with Swoole's exact signatures (hand-written arginfo).
//!
//! ext-php-rs derives arginfo from Rust signatures, which cannot say
//! `int|false`, `int|float $incrby = 1`, `?array &$read`, a default that is a
//! constant (`= SWOOLE_STRERROR_SYSTEM`) or an array (`= []`), and which make
//! an optional weak-mode parameter `?int $x = null`. Reflection, named
//! arguments and by-reference passing all read the arginfo, so each function
//! and method is declared by its PHP signature, exactly as Swoole 6.2.1's
//! Reflection shows it; the Rust function only supplies the handler, which
//! keeps parsing the arguments as before (the engine does not check an
//! internal function's arginfo types at run time).
//!
//! - [`register`] turns declarations into global functions in MINIT
//!   (`zend_register_functions`, which then belong to this module).
//! - [`apply`] rewrites the arginfo of methods of an already registered class
//!   (at the first request, once every class exists); [`crate::shape`] goes
//!   on from there to the class's other traits (method order, visibility,
//!   constructors).
//!
//! A method's declaration may start with modifiers: `private` / `protected` /
//! `public` set its visibility, `static` must match the Rust method (a static
//! handler never reads `$this`). Its name may differ from the registered one
//! in case only (`addlistener`): Reflection then shows the declared spelling.

use ext_php_rs::builders::FunctionBuilder;
use ext_php_rs::ffi::{
    _ZEND_IS_VARIADIC_BIT, _ZEND_SEND_MODE_SHIFT, _ZEND_TYPE_ITERABLE_BIT, _ZEND_TYPE_NAME_BIT, HashTable, IS_ARRAY,
    IS_CALLABLE, IS_DOUBLE, IS_FALSE, IS_LONG, IS_NULL, IS_OBJECT, IS_STRING, IS_TRUE, IS_VOID, MAY_BE_ANY,
    MAY_BE_BOOL, zend_class_entry, zend_function_entry, zend_internal_arg_info, zend_type,
};
use ext_php_rs::ffi::{
    ZEND_ACC_HAS_TYPE_HINTS, ZEND_ACC_PRIVATE, ZEND_ACC_PROTECTED, ZEND_ACC_PUBLIC, ZEND_ACC_STATIC, ZEND_ACC_VARIADIC,
    zend_function, zend_hash_str_find_ptr_lc, zend_internal_function,
};
use ext_php_rs::types::ZendStr;
use ext_php_rs::zend::ClassEntry;
use std::ffi::{CString, c_char, c_void};

/// `ZEND_ACC_HAS_RETURN_TYPE`.
const ACC_HAS_RETURN_TYPE: u32 = 1 << 13;

/// How a class name in a type is stored: a C string for tables that
/// `zend_register_functions` will convert, an interned `zend_string` for
/// tables put straight into a registered function.
#[derive(Clone, Copy)]
enum ClassNames {
    Literal,
    Interned,
}

/// One global function: its PHP declaration and the Rust handler.
pub struct Declaration {
    /// `name(type $param = default, ...): return-type`, as Reflection prints it.
    pub decl: &'static str,
    /// The `#[php_function]` whose handler runs the call.
    pub handler: fn() -> FunctionBuilder<'static>,
}

/// Declares one function: `declare!("swoole_x(int $a): bool", swoole_x)`,
/// the `#[php_function]` (and what it generates) imported by name.
#[macro_export]
macro_rules! declare {
    ($decl:literal, $func:ident) => {
        $crate::arginfo::Declaration { decl: $decl, handler: || ::ext_php_rs::wrap_function!($func) }
    };
}

unsafe extern "C" {
    fn zend_register_functions(
        scope: *mut zend_class_entry,
        functions: *const zend_function_entry,
        function_table: *mut HashTable,
        type_: i32,
    ) -> i32;
    /// Recomputes a function's by-reference bitset from its arginfo.
    fn zend_set_function_arg_flags(func: *mut zend_function);
}

/// `_ZEND_TYPE_MASK`: the bits of a `zend_type` that say it is set (below
/// the send mode and variadic flags).
const TYPE_MASK: u32 = (1 << _ZEND_SEND_MODE_SHIFT) - 1;

/// The visibility bits of `fn_flags`.
const ACC_PPP_MASK: u32 = ZEND_ACC_PUBLIC | ZEND_ACC_PROTECTED | ZEND_ACC_PRIVATE;

/// A parsed parameter.
#[derive(Debug, PartialEq)]
pub struct Param {
    pub name: String,
    pub ty: String,
    pub by_ref: bool,
    pub variadic: bool,
    pub default: Option<String>,
}

/// A parsed declaration.
#[derive(Debug, PartialEq)]
pub struct Signature {
    /// `private`, `static`, ... as written before the name.
    pub modifiers: Vec<String>,
    pub name: String,
    pub params: Vec<Param>,
    pub ret: String,
}

/// Splits at the commas not nested in brackets or parentheses.
fn split_top(s: &str) -> Vec<&str> {
    let (mut out, mut depth, mut start) = (Vec::new(), 0i32, 0);
    for (i, c) in s.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            ',' if depth == 0 => {
                out.push(s[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    if !s[start..].trim().is_empty() {
        out.push(s[start..].trim());
    }
    out
}

fn parse_param(text: &str) -> Result<Param, String> {
    let (head, default) = match text.split_once(" = ") {
        Some((h, d)) => (h.trim(), Some(d.trim().to_string())),
        None => (text.trim(), None),
    };
    let dollar = head.find('$').ok_or_else(|| format!("no parameter name in {text:?}"))?;
    let name = head[dollar + 1..].to_string();
    let mut before = head[..dollar].trim_end();
    let variadic = before.ends_with("...");
    if variadic {
        before = before[..before.len() - 3].trim_end();
    }
    let by_ref = before.ends_with('&');
    if by_ref {
        before = before[..before.len() - 1].trim_end();
    }
    Ok(Param { name, ty: before.to_string(), by_ref, variadic, default })
}

/// Parses `name(params): ret`.
pub fn parse(decl: &str) -> Result<Signature, String> {
    let open = decl.find('(').ok_or_else(|| format!("no '(' in {decl:?}"))?;
    let close = decl.rfind(')').ok_or_else(|| format!("no ')' in {decl:?}"))?;
    let params = split_top(&decl[open + 1..close]).into_iter().map(parse_param).collect::<Result<_, _>>()?;
    let ret = decl[close + 1..].trim().trim_start_matches(':').trim().to_string();
    let mut words: Vec<String> = decl[..open].split_whitespace().map(str::to_string).collect();
    let name = words.pop().ok_or_else(|| format!("no name in {decl:?}"))?;
    Ok(Signature { modifiers: words, name, params, ret })
}

/// A C string that lives for the rest of the process (the engine keeps
/// pointers to arginfo names and defaults).
fn leak(s: &str) -> *const c_char {
    Box::leak(CString::new(s).unwrap_or_default().into_boxed_c_str()).as_ptr()
}

/// The engine's type for `ty` (`?int`, `int|false`, `Swoole\Timer\Iterator`).
fn zend_type_of(ty: &str, by_ref: bool, variadic: bool, names: ClassNames) -> Result<zend_type, String> {
    let mut mask = (u32::from(by_ref) << _ZEND_SEND_MODE_SHIFT) | if variadic { _ZEND_IS_VARIADIC_BIT } else { 0 };
    let mut class: *mut c_void = std::ptr::null_mut();
    let (nullable, body) = match ty.strip_prefix('?') {
        Some(rest) => (true, rest),
        None => (false, ty),
    };
    if nullable {
        mask |= 1 << IS_NULL;
    }
    for part in body.split('|').filter(|p| !p.is_empty()) {
        mask |= match part {
            "int" => 1 << IS_LONG,
            "float" => 1 << IS_DOUBLE,
            "string" => 1 << IS_STRING,
            "bool" => MAY_BE_BOOL,
            "false" => 1 << IS_FALSE,
            "true" => 1 << IS_TRUE,
            "null" => 1 << IS_NULL,
            "array" => 1 << IS_ARRAY,
            "object" => 1 << IS_OBJECT,
            "callable" => 1 << IS_CALLABLE,
            "iterable" => _ZEND_TYPE_ITERABLE_BIT,
            "void" => 1 << IS_VOID,
            "mixed" => MAY_BE_ANY,
            name if name.starts_with(|c: char| c.is_ascii_uppercase()) && class.is_null() => {
                class = match names {
                    ClassNames::Literal => leak(name) as *mut c_void,
                    ClassNames::Interned => interned(name)? as *mut c_void,
                };
                _ZEND_TYPE_NAME_BIT
            }
            other => return Err(format!("unsupported type {other:?} in {ty:?}")),
        };
    }
    Ok(zend_type { ptr: class, type_mask: mask })
}

/// An interned string for a class name (what the engine keeps in the types
/// of registered functions).
fn interned(name: &str) -> Result<*mut ext_php_rs::ffi::zend_string, String> {
    // SAFETY: the engine's interning function, set up before any module starts;
    // persistent, as arginfo lives for the process.
    unsafe { ext_php_rs::ffi::zend_string_init_interned }
        .map(|init| unsafe { init(name.as_ptr().cast(), name.len(), true) })
        .ok_or_else(|| "no zend_string_init_interned".to_string())
}

/// The arginfo table of `sig`: the return-type header, then one entry per
/// parameter.
fn arginfo(sig: &Signature, names: ClassNames) -> Result<&'static [zend_internal_arg_info], String> {
    let required = sig.params.iter().take_while(|p| p.default.is_none() && !p.variadic).count();
    let mut table = vec![zend_internal_arg_info {
        // The header's name field holds the number of required parameters.
        name: required as *const c_char,
        type_: zend_type_of(&sig.ret, false, false, names)?,
        default_value: std::ptr::null(),
    }];
    for p in &sig.params {
        table.push(zend_internal_arg_info {
            name: leak(&p.name),
            type_: zend_type_of(&p.ty, p.by_ref, p.variadic, names)?,
            default_value: p.default.as_deref().map_or(std::ptr::null(), leak),
        });
    }
    Ok(Box::leak(table.into_boxed_slice()))
}

/// Registers `decls` as global functions of this module (call in MINIT).
pub fn register(decls: &[Declaration], module_type: i32) -> Result<(), String> {
    let mut entries = Vec::with_capacity(decls.len() + 1);
    for d in decls {
        let sig = parse(d.decl)?;
        let (built, _) = (d.handler)().build().map_err(|e| format!("{}: {e}", sig.name))?;
        let info = arginfo(&sig, ClassNames::Literal)?;
        entries.push(zend_function_entry {
            fname: leak(&sig.name),
            handler: built.handler,
            arg_info: info.as_ptr(),
            num_args: (info.len() - 1) as u32,
            flags: 0,
        });
    }
    entries.push(zend_function_entry {
        fname: std::ptr::null(),
        handler: None,
        arg_info: std::ptr::null(),
        num_args: 0,
        flags: 0,
    });
    let entries: &'static [zend_function_entry] = Box::leak(entries.into_boxed_slice());
    // SAFETY: a NUL-terminated table whose strings and arginfo live for the
    // process; registered in MINIT as the running module's functions.
    let rc = unsafe { zend_register_functions(std::ptr::null_mut(), entries.as_ptr(), std::ptr::null_mut(), module_type) };
    if rc == 0 { Ok(()) } else { Err("zend_register_functions failed".into()) }
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

/// Gives every method of `ce` listed in `signatures` (`"name(type $param =
/// default, ...): return"`) that signature: parameter names (the engine maps
/// named arguments to positions with them), types, by-reference and variadic
/// flags, defaults, the required count, the return type, and the modifiers
/// and spelling the declaration gives.
///
/// A declaration may list fewer parameters than the Rust method takes: the
/// last ones stay accepted but undeclared, as Swoole's `Table::count()` takes
/// a `$mode` its arginfo omits. Panics on a malformed declaration (a bug of ours).
pub fn apply(ce: &ClassEntry, signatures: &[&str]) {
    for decl in signatures {
        let sig = parse(decl).unwrap_or_else(|e| panic!("arginfo: {e}"));
        let f = method(ce, &sig.name);
        let takes = f.num_args as usize + usize::from(f.fn_flags & ZEND_ACC_VARIADIC != 0);
        assert!(sig.params.len() <= takes, "arginfo: {} takes {takes} parameters", sig.name);
        let table = arginfo(&sig, ClassNames::Interned).unwrap_or_else(|e| panic!("arginfo: {}: {e}", sig.name));
        let variadic = sig.params.last().is_some_and(|p| p.variadic);
        // SAFETY: an internal function's arg_info points past its return slot.
        f.arg_info = unsafe { table.as_ptr().add(1) }.cast_mut();
        // As zend_register_functions counts: the variadic parameter is not one of num_args.
        f.num_args = (sig.params.len() - usize::from(variadic)) as u32;
        f.required_num_args = table[0].name as usize as u32;
        let typed = table.iter().skip(1).any(|a| a.type_.type_mask & TYPE_MASK != 0);
        set_flag(&mut f.fn_flags, ACC_HAS_RETURN_TYPE, !sig.ret.is_empty());
        set_flag(&mut f.fn_flags, ZEND_ACC_VARIADIC, variadic);
        set_flag(&mut f.fn_flags, ZEND_ACC_HAS_TYPE_HINTS, typed);
        for m in &sig.modifiers {
            match m.as_str() {
                "public" => f.fn_flags = (f.fn_flags & !ACC_PPP_MASK) | ZEND_ACC_PUBLIC,
                "protected" => f.fn_flags = (f.fn_flags & !ACC_PPP_MASK) | ZEND_ACC_PROTECTED,
                "private" => f.fn_flags = (f.fn_flags & !ACC_PPP_MASK) | ZEND_ACC_PRIVATE,
                "static" => assert!(f.fn_flags & ZEND_ACC_STATIC != 0, "arginfo: {} is not static in Rust", sig.name),
                other => panic!("arginfo: unsupported modifier {other:?} of {}", sig.name),
            }
        }
        if !sig.modifiers.iter().any(|m| m == "static") {
            assert!(f.fn_flags & ZEND_ACC_STATIC == 0, "arginfo: {} is static in Rust", sig.name);
        }
        rename(f, &sig.name);
        // SAFETY: the by-reference bitset the engine reads before each call,
        // recomputed from the arginfo just written.
        unsafe { zend_set_function_arg_flags((f as *mut zend_internal_function).cast()) };
    }
}

fn set_flag(flags: &mut u32, bit: u32, on: bool) {
    if on {
        *flags |= bit;
    } else {
        *flags &= !bit;
    }
}

/// Gives `f` the declared spelling of its name (the function table's key
/// stays the lower-case name).
fn rename(f: &mut zend_internal_function, name: &str) {
    // SAFETY: a registered function's name is a live interned string.
    let current = unsafe { f.function_name.cast::<ZendStr>().as_ref() }.and_then(|s| s.as_str().ok());
    if current == Some(name) {
        return;
    }
    assert!(current.is_some_and(|c| c.eq_ignore_ascii_case(name)), "arginfo: {name} renames {current:?}");
    if let Ok(interned) = interned(name) {
        // The old name is interned too: it stays with the engine's other
        // interned strings until the process ends.
        f.function_name = interned;
    }
}
