//! Objects of a PHP subclass keep their class. ext-php-rs's `create_object`
//! builds an object of a `Default` class from its `Default` value with the
//! base class's entry, so `new T(8)` for `class T extends Swoole\Table`
//! gave a plain `Swoole\Table` (no `T` methods or properties). [`install`]
//! replaces the class's `create_object` with one that uses the class asked
//! for, still starting from the `Default` value (so a subclass that skips
//! `parent::__construct()` gets the base's "constructor first" state, as
//! Swoole's objects have).
//!
//! Call it before any script runs: a PHP subclass copies its parent's
//! `create_object` when it is declared.

use ext_php_rs::class::RegisteredClass;
use ext_php_rs::ffi::{zend_class_entry, zend_object};
use ext_php_rs::types::ZendClassObject;

/// Makes objects of `T`'s subclasses be of their own class.
pub fn install<T: RegisteredClass + Default>() {
    let ce: *mut zend_class_entry = std::ptr::from_ref(T::get_metadata().ce()).cast_mut();
    // SAFETY: the class's entry, registered at module startup and written
    // once here before any script (so before any subclass copies the slot);
    // for a class (not an interface) the union holds `create_object`.
    unsafe { (*ce).__bindgen_anon_2.create_object = Some(create_object::<T>) };
}

/// `T`'s objects, of class `ce` (`T`'s own or a subclass's).
unsafe extern "C" fn create_object<T: RegisteredClass + Default>(ce: *mut zend_class_entry) -> *mut zend_object {
    // SAFETY: the engine passes the entry of the class being instantiated,
    // `T`'s or one inheriting this handler, which lives as long as the class.
    let mut obj = unsafe { ZendClassObject::<T>::new_uninit(ce.cast_const().as_ref()) };
    obj.initialize(T::default());
    let raw = obj.into_raw();
    // SAFETY: `into_raw` gives the object to the engine, which frees it
    // through the class's `free_obj`.
    unsafe { (*raw).get_mut_zend_obj() }
}
