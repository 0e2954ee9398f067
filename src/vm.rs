//! Looking into the running PHP engine: `swoole_get_objects()`,
//! `swoole_get_vm_status()`, `swoole_get_object_by_handle()`, and Swoole's
//! test hook `swoole_implicit_fn()`.

use crate::declare;
use crate::args::{IntArg, Opt, StrArg};
use crate::unsupported;
use ext_php_rs::convert::IntoZval;
use ext_php_rs::exception::PhpResult;
use ext_php_rs::ffi::{executor_globals, zend_object, zval};
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendHashTable, ZendObject, Zval};

/// `OBJ_BUCKET_INVALID`: a free slot of the object store.
const BUCKET_INVALID: usize = 1;
/// `IS_TYPE_REFCOUNTED << Z_TYPE_FLAGS_SHIFT`.
const REFCOUNTED: u32 = 1 << 8;

/// The object store's buckets and its `top` (handles start at 1).
fn store() -> (*mut *mut zend_object, u32) {
    // SAFETY: reading two fields of EG on the main thread.
    unsafe {
        let store = &raw const executor_globals.objects_store;
        ((*store).object_buckets, (*store).top)
    }
}

/// The live object of `handle`, if any.
fn object_at(handle: i64) -> Option<*mut zend_object> {
    let (buckets, top) = store();
    if handle < 1 || handle >= i64::from(top) {
        return None;
    }
    // SAFETY: a bucket below `top` holds an object or a free-slot marker.
    let obj = unsafe { *buckets.add(handle as usize) };
    (!obj.is_null() && obj as usize & BUCKET_INVALID == 0).then_some(obj)
}

/// Every live object, by handle.
fn live_objects() -> Vec<*mut zend_object> {
    (1..i64::from(store().1)).filter_map(object_at).collect()
}

fn object_zval(obj: *mut zend_object) -> Zval {
    let mut zv = Zval::new();
    // SAFETY: a live object of the store; set_object takes a reference.
    zv.set_object(unsafe { &mut *(obj as *mut ZendObject) });
    zv
}

/// `swoole_get_objects(): array|false`: every live object (false before
/// the first one was created).
#[php_function]
pub fn swoole_get_objects() -> PhpResult<Zval> {
    if store().1 <= 1 {
        return Ok(false.into_zval(false)?);
    }
    let mut out = ZendHashTable::new();
    for obj in live_objects() {
        let _ = out.push(object_zval(obj));
    }
    Ok(out.into_zval(false)?)
}

/// `swoole_get_vm_status(): array`: how many objects and resources exist.
#[php_function]
pub fn swoole_get_vm_status() -> PhpResult<Zval> {
    let mut out = ZendHashTable::new();
    let _ = out.insert("object_num", live_objects().len() as i64);
    // SAFETY: reading the resource list's element count.
    let resources = unsafe { executor_globals.regular_list.nNumOfElements };
    let _ = out.insert("resource_num", i64::from(resources));
    Ok(out.into_zval(false)?)
}

/// `swoole_get_object_by_handle(int $handle): object|false`
#[php_function]
pub fn swoole_get_object_by_handle(handle: IntArg) -> PhpResult<Zval> {
    match object_at(handle.get(1)?) {
        Some(obj) => Ok(object_zval(obj)),
        None => Ok(false.into_zval(false)?),
    }
}

/// The refcount of a value (0 for one that is not counted).
fn refcount(value: &Zval) -> i64 {
    let raw = value as *const Zval as *const zval;
    // SAFETY: a counted value's `counted` points at its header.
    unsafe {
        if (*raw).u1.type_info & REFCOUNTED == 0 {
            return 0;
        }
        i64::from((*(*raw).value.counted).gc.refcount)
    }
}

unsafe extern "C" {
    fn _zend_bailout(filename: *const std::ffi::c_char, lineno: u32) -> !;
}

/// `swoole_implicit_fn(string $fn, mixed $args = null): mixed`: Swoole's
/// hook for its own tests: `fatal_error`, `bailout`, `abort`, `refcount`,
/// `func_handler` (`aio_task` needs coroutines).
#[php_function]
pub fn swoole_implicit_fn(r#fn: StrArg, args: Opt<&Zval>) -> PhpResult<Zval> {
    let name = r#fn.string(1)?;
    match name.as_str() {
        "fatal_error" => {
            crate::zend::throw(crate::exception::error_ce(), "test", 0);
            crate::zend::report_pending_exception();
            // SAFETY: ending the script as a fatal error does; the engine's
            // catch around this call takes over.
            unsafe {
                executor_globals.exit_status = 255;
                _zend_bailout(c"swoole_implicit_fn".as_ptr(), 0)
            }
        }
        // SAFETY: as above, with the exit status left alone.
        "bailout" => unsafe { _zend_bailout(c"swoole_implicit_fn".as_ptr(), 0) },
        "abort" => std::process::abort(),
        "refcount" => Ok(args.0.map_or(0, refcount).into_zval(false)?),
        "func_handler" => {
            let target = args.0.and_then(|a| a.coerce_to_string()).unwrap_or_default();
            match ext_php_rs::types::ZendCallable::try_from_name(&target) {
                Ok(_) => {
                    println!("zif_handler={target}");
                    Ok(Zval::new())
                }
                Err(_) => Ok(false.into_zval(false)?),
            }
        }
        "aio_task" => {
            unsupported::no_coroutines();
            Ok(Zval::new())
        }
        other => Err(crate::exception::swoole_exception(&format!("unknown fn '{other}'"), 0)),
    }
}

/// The global functions of this module, with Swoole's signatures.
pub fn declarations() -> Vec<crate::arginfo::Declaration> {
    vec![
        declare!("swoole_implicit_fn(string $fn, mixed $args = null): mixed", swoole_implicit_fn),
        declare!("swoole_get_objects(): array|false", swoole_get_objects),
        declare!("swoole_get_vm_status(): array", swoole_get_vm_status),
        declare!("swoole_get_object_by_handle(int $handle): object|false", swoole_get_object_by_handle),
    ]
}
