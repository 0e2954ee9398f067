//! `Swoole\Exception` and `Swoole\Error`.
//!
//! They are plain engine classes (no Rust state), registered at module
//! startup, so they inherit `create_object` from `Exception`/`Error`: that is
//! what records the file, line and trace where they are thrown. A Rust-backed
//! `#[php_class]` would replace it and leave them empty.

use ext_php_rs::builders::ClassBuilder;
use ext_php_rs::exception::PhpException;
use ext_php_rs::zend::{ce, ClassEntry};
use std::sync::atomic::{AtomicPtr, Ordering};

/// The registered class entries (module lifetime, no Zvals: safe as statics).
static EXCEPTION_CE: AtomicPtr<ClassEntry> = AtomicPtr::new(std::ptr::null_mut());
static ERROR_CE: AtomicPtr<ClassEntry> = AtomicPtr::new(std::ptr::null_mut());

pub const EXCEPTION: &str = "Swoole\\Exception";
pub const ERROR: &str = "Swoole\\Error";

/// Module startup hook: registers both classes.
pub extern "C" fn register_classes(_type: i32, _module_number: i32) -> i32 {
    let ok = ClassBuilder::new(EXCEPTION)
        .extends((ce::exception, "\\Exception"))
        .registration(|ce, _| EXCEPTION_CE.store(ce, Ordering::Release))
        .register()
        .is_ok()
        && ClassBuilder::new(ERROR)
            .extends((ce::error, "\\Error"))
            .registration(|ce, _| ERROR_CE.store(ce, Ordering::Release))
            .register()
            .is_ok();
    if ok { 0 } else { -1 }
}

fn class(slot: &AtomicPtr<ClassEntry>, fallback: fn() -> &'static ClassEntry) -> &'static ClassEntry {
    // SAFETY: set once at module startup to a class entry that lives as long as the module.
    unsafe { slot.load(Ordering::Acquire).as_ref() }.unwrap_or_else(fallback)
}

/// The registered `Swoole\Exception` class.
pub fn exception_ce() -> &'static ClassEntry {
    class(&EXCEPTION_CE, ce::exception)
}

/// The registered `Swoole\Error` class.
pub fn error_ce() -> &'static ClassEntry {
    class(&ERROR_CE, ce::error)
}

/// A `Swoole\Exception` to return as `Err`.
pub fn swoole_exception(message: &str, code: i64) -> PhpException {
    PhpException::new(message.to_string(), code as i32, exception_ce())
}

/// A `Swoole\Error` to return as `Err`.
pub fn swoole_error(message: &str) -> PhpException {
    PhpException::new(message.to_string(), 0, error_ce())
}

/// The Rust state of the object whose `__construct` is running (set when
/// the constructor runs again on an object already constructed).
pub fn constructing_state<T: ext_php_rs::class::RegisteredClass>() -> Option<&'static T> {
    let obj = crate::zend::constructing_object()?;
    // SAFETY: constructing_object() points at the live `$this` of the running
    // constructor, which outlives the constructor call that uses the reference.
    let obj = unsafe { &*(obj as *const ext_php_rs::types::ZendObject) };
    ext_php_rs::types::ZendClassObject::<T>::from_zend_obj(obj).map(|o| &**o)
}

/// `$obj->__construct()` run again on an object already constructed (as
/// `is_constructed` tells from its state): PHP's `Error`, as Swoole throws.
pub fn constructed_once<T: ext_php_rs::class::RegisteredClass>(is_constructed: impl Fn(&T) -> bool) -> ext_php_rs::exception::PhpResult<()> {
    match constructing_state::<T>() {
        Some(o) if is_constructed(o) => {
            let class = crate::zend::constructing_object()
                // SAFETY: as in constructing_state.
                .and_then(|obj| unsafe { (*(obj as *const ext_php_rs::types::ZendObject)).get_class_name().ok() })
                .unwrap_or_default();
            Err(PhpException::new(format!("Constructor of {class} can only be called once"), 0, ce::error()))
        }
        _ => Ok(()),
    }
}
