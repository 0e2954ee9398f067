//! Declared public properties (Swoole's `zend_declare_property` model): plain
//! engine slots, so `$server->setting['x'] = 1` and references work natively.
//! Rust writes them with `zend_update_property` and reads them back raw.

use ext_php_rs::builders::ClassBuilder;
use ext_php_rs::convert::IntoZval;
use ext_php_rs::ffi::{zend_class_entry, zend_object, zend_read_property, zval};
use ext_php_rs::flags::PropertyFlags;
use ext_php_rs::boxed::ZBox;
use ext_php_rs::types::{ZendHashTable, Zval};
use std::ffi::c_char;

unsafe extern "C" {
    fn zend_update_property(
        scope: *mut zend_class_entry,
        object: *mut zend_object,
        name: *const c_char,
        name_length: usize,
        value: *mut zval,
    );
}

/// A default for a declared property.
#[derive(Clone, Copy)]
pub enum Default {
    Null,
    Int(i64),
    Float(f64),
    Str(&'static str),
    Bool(bool),
}

/// Declares public properties with defaults on a class being built.
pub fn declare(mut builder: ClassBuilder, props: &[(&'static str, Default)]) -> ClassBuilder {
    use ext_php_rs::builders::ClassProperty;
    for &(name, default) in props {
        let make: Box<dyn FnOnce() -> ext_php_rs::error::Result<Zval>> = match default {
            Default::Null => Box::new(|| Ok(Zval::null())),
            Default::Int(i) => Box::new(move || i.into_zval(true)),
            Default::Float(f) => Box::new(move || f.into_zval(true)),
            Default::Str(s) => Box::new(move || s.into_zval(true)),
            Default::Bool(b) => Box::new(move || b.into_zval(true)),
        };
        builder = builder.property(ClassProperty {
            name: name.to_string(),
            flags: PropertyFlags::Public,
            default: Some(make),
            docs: &[],
            ty: None,
            nullable: true,
            readonly: false,
            default_stub: None,
        });
    }
    builder
}

/// Declares a private property (default null) on a class being built: what
/// Swoole keeps there (`Swoole\Process::$callback`) is visible to Reflection
/// and to the cycle collector.
pub fn declare_private(builder: ClassBuilder, name: &'static str) -> ClassBuilder {
    use ext_php_rs::builders::ClassProperty;
    builder.property(ClassProperty {
        name: name.to_string(),
        flags: PropertyFlags::Private,
        default: Some(Box::new(|| Ok(Zval::null()))),
        docs: &[],
        ty: None,
        nullable: true,
        readonly: false,
        default_stub: None,
    })
}

/// Writes private property `name` that class `scope` declared, on `obj`
/// (which may be of a subclass). Like [`set`], it hands the engine pointers
/// to live objects it owns.
#[allow(clippy::not_unsafe_ptr_arg_deref)]
pub fn set_private(scope: *mut zend_class_entry, obj: *mut zend_object, name: &str, value: &Zval) {
    let mut zv = value.shallow_clone();
    // SAFETY: as in `set`, with the declaring class as the scope.
    unsafe { zend_update_property(scope, obj, name.as_ptr().cast(), name.len(), &mut zv as *mut Zval as *mut zval) };
}

/// Reads private property `name` that class `scope` declared.
#[allow(clippy::not_unsafe_ptr_arg_deref)]
pub fn get_private<'a>(scope: *mut zend_class_entry, obj: *mut zend_object, name: &str) -> Option<&'a Zval> {
    let mut rv = Zval::new();
    let name_c = std::ffi::CString::new(name).ok()?;
    // SAFETY: reading a declared property in its class's scope; the result
    // points into the object's slots.
    let p = unsafe { zend_read_property(scope, obj, name_c.as_ptr(), name.len(), true, &mut rv as *mut Zval as *mut zval) };
    // SAFETY: a declared slot, not `rv`.
    unsafe { (p as *const Zval).as_ref() }
}

/// Writes property `name` of `obj`.
#[allow(clippy::not_unsafe_ptr_arg_deref)]
pub fn set(obj: *mut zend_object, name: &str, value: impl IntoZval) {
    let Ok(mut zv) = value.into_zval(false) else { return };
    // SAFETY: obj is a live object; the engine copies the value (refcount +1),
    // and `zv` drops our reference afterwards.
    unsafe {
        zend_update_property((*obj).ce, obj, name.as_ptr().cast(), name.len(), &mut zv as *mut Zval as *mut zval);
    }
}

/// Reads property `name` of `obj` (a borrowed view; copy what you keep).
#[allow(clippy::not_unsafe_ptr_arg_deref)]
pub fn get<'a>(obj: *mut zend_object, name: &str) -> Option<&'a Zval> {
    let mut rv = Zval::new();
    // SAFETY: reading a declared property; the returned pointer is into the object.
    let p = unsafe {
        let name_c = std::ffi::CString::new(name).ok()?;
        zend_read_property((*obj).ce, obj, name_c.as_ptr(), name.len(), true, &mut rv as *mut Zval as *mut zval)
    };
    // SAFETY: declared properties live in the object's slots, not in `rv`.
    unsafe { (p as *const Zval).as_ref() }
}

/// A copy of array property `name` of `obj` (empty when unset or not an
/// array), to extend and write back with [`set`]: how `set()` and `start()`
/// add to `$server->setting` without losing what the script already put there.
pub fn array_copy(obj: *mut zend_object, name: &str) -> ZBox<ZendHashTable> {
    let mut copy = ZendHashTable::new();
    if let Some(old) = get(obj, name).and_then(|z| z.array()) {
        for (k, v) in old.iter() {
            let _ = copy.insert(k.to_string().as_str(), v.shallow_clone());
        }
    }
    copy
}
