//! Swoole's refusal of `unset($object->property)` (its
//! `sw_zend_class_unset_property_deny`): a property its own class declares
//! (on a subclass: what the extension's root class declares, private ones
//! included) cannot be unset; the `Error` names the object's class:
//! `Property size of class Swoole\Table cannot be unset`. Properties
//! added at run time, and those a PHP subclass declares, unset as usual.
//! Writing to the properties stays allowed, as in Swoole.
//!
//! ext-php-rs gives each class one `zend_object_handlers` and no hook into
//! it, so [`install`] replaces its `unset_property` entry in place, once,
//! before any script runs (see docs/ARCHITECTURE.md, "Rules").

use ext_php_rs::class::RegisteredClass;
use ext_php_rs::ffi::{zend_class_entry, zend_hash_find, zend_object, zend_object_handlers, zend_string, zend_throw_error};
use std::ffi::{c_void, CString};
use std::sync::Mutex;

/// An object handler `unset_property` (PHP 8.2's `zend_object_unset_property_t`).
type UnsetProperty = unsafe extern "C" fn(*mut zend_object, *mut zend_string, *mut *mut c_void);

/// For each class installed: its handlers' address and the `unset_property`
/// they had, which takes every property the refusal lets through.
static PREVIOUS: Mutex<Vec<(usize, UnsetProperty)>> = Mutex::new(Vec::new());

/// The classes whose declared properties Swoole 6.2.1 refuses to unset
/// (measured; `Http\Server` and `WebSocket\Server` objects are `Server`'s
/// here, and a subclass's objects keep their root class's handlers).
/// `Http\Cookie`, `WebSocket\Frame` and `CloseFrame` let theirs go, as
/// Swoole's do. Once, at the first request's startup.
pub fn install_swoole_classes() {
    install::<crate::server::Server>();
    install::<crate::port::Port>();
    install::<crate::client::Client>();
    install::<crate::lock::Lock>();
    install::<crate::process::Process>();
    install::<crate::pool::Pool>();
    install::<crate::table::Table>();
    install::<crate::http::request::Request>();
    install::<crate::http::response::Response>();
}

/// Makes `unset()` of `T`'s declared properties throw, as Swoole. Call once
/// per class, before any script runs (the first request's startup).
fn install<T: RegisteredClass>() {
    let handlers: *mut zend_object_handlers = std::ptr::from_ref(T::get_metadata().handlers()).cast_mut();
    let mut previous = PREVIOUS.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if previous.iter().any(|&(h, _)| h == handlers as usize) {
        return;
    }
    // SAFETY: the handlers are the class's one table, built by ext-php-rs
    // (their first use here initialised them); no script has run yet, so no
    // object uses them, and the engine reads them through each object's
    // raw `handlers` pointer, never through a Rust reference held across
    // this write.
    unsafe {
        let Some(old) = (*handlers).unset_property else { return };
        previous.push((handlers as usize, old));
        (*handlers).unset_property = Some(unset_property);
    }
}

/// The class the extension declared (the top of `ce`'s parents).
///
/// # Safety
/// `ce` is a linked class entry (an object's), whose parents are linked too.
unsafe fn root(mut ce: *const zend_class_entry) -> *const zend_class_entry {
    // SAFETY: a linked class's union holds `parent` (null at the top).
    unsafe {
        while !(*ce).__bindgen_anon_1.parent.is_null() {
            ce = (*ce).__bindgen_anon_1.parent;
        }
    }
    ce
}

/// The replacement `unset_property` handler.
unsafe extern "C" fn unset_property(object: *mut zend_object, member: *mut zend_string, cache_slot: *mut *mut c_void) {
    // SAFETY: the engine passes a live object of an installed class and the
    // property's name as a zend_string; a class entry's name is one too.
    unsafe {
        let declared = !zend_hash_find(&(*root((*object).ce)).properties_info, member).is_null();
        if declared {
            let text = |s: *const zend_string| {
                String::from_utf8_lossy(std::slice::from_raw_parts((*s).val.as_ptr().cast::<u8>(), (*s).len)).into_owned()
            };
            let message = format!("Property {} of class {} cannot be unset", text(member), text((*(*object).ce).name));
            let message = CString::new(message.replace('\0', "\\0")).unwrap_or_default();
            zend_throw_error(std::ptr::null_mut(), c"%s".as_ptr(), message.as_ptr());
            return;
        }
    }
    // SAFETY: a live object (as above).
    let handlers = unsafe { (*object).handlers } as usize;
    let previous = PREVIOUS.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let Some(&(_, old)) = previous.iter().find(|&&(h, _)| h == handlers) else { return };
    drop(previous);
    // SAFETY: the handler these handlers had, with the engine's own arguments.
    unsafe { old(object, member, cache_slot) };
}
