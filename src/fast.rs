//! Engine-level handlers for the few methods whose whole cost is the call:
//! `Swoole\Atomic(\Long)::add/sub/get/set/cmpset`, `Swoole\Lock::lock/unlock`
//! and `Swoole\Server::send($fd, $data)`, the call of every echo's onReceive.
//!
//! Measured: an ext-php-rs method call costs 15–30 ns more than a C
//! extension's (argument parsing into Rust types, a `zend_try` per call),
//! which made `$atomic->add()` half as fast as Swoole's although the atomic
//! add itself is one instruction. So at the first request these methods'
//! handlers are replaced by plain `zif` handlers that read `$this` and the
//! arguments straight from the call frame when they are what the fast path
//! expects (no argument, or exact ints), and otherwise call the original
//! ext-php-rs handler, which does PHP's weak-mode conversions and errors.
//! Nothing here calls PHP code.

use crate::atomic::{Atomic, AtomicLong};
use crate::lock::Lock;
use crate::server::{Lifecycle, Server};
use ext_php_rs::class::RegisteredClass;
use ext_php_rs::ffi::{zend_execute_data, zval};
use ext_php_rs::types::ZendClassObject;
use ext_php_rs::zend::{ClassEntry, ExecuteData};
use std::ffi::c_void;
use std::sync::atomic::{AtomicPtr, Ordering};
use std::sync::OnceLock;

/// A `zif` handler (`ZEND_FUNCTION` signature).
type Handler = unsafe extern "C" fn(*mut zend_execute_data, *mut zval);

/// The ext-php-rs handlers replaced, by method, for the slow path.
struct Originals {
    /// `Swoole\Atomic`'s, in [`ATOMIC_METHODS`] order.
    atomic: [Option<Handler>; 5],
    /// `Swoole\Atomic\Long`'s, in the same order.
    long: [Option<Handler>; 5],
    /// `Swoole\Lock`'s, in [`LOCK_METHODS`] order.
    lock: [Option<Handler>; 2],
    /// `Swoole\Server::send`'s.
    send: Option<Handler>,
}

static ORIGINALS: OnceLock<Originals> = OnceLock::new();

/// The methods served here, in the order of [`Originals`]' arrays.
const ATOMIC_METHODS: [&str; 5] = ["add", "sub", "get", "set", "cmpset"];
const LOCK_METHODS: [&str; 2] = ["lock", "unlock"];

fn swap<const N: usize>(ce: &ClassEntry, names: [&str; N], fast: [Handler; N]) -> [Option<Handler>; N] {
    let mut originals: [Option<Handler>; N] = [None; N];
    for (i, name) in names.iter().enumerate() {
        let f = crate::arginfo::method(ce, name);
        originals[i] = f.handler;
        f.handler = Some(fast[i]);
    }
    originals
}

/// Installs the fast handlers (once, at the first request).
pub fn install() {
    note_handlers::<Atomic>(ATOMIC);
    note_handlers::<AtomicLong>(LONG);
    note_handlers::<Lock>(LOCK);
    note_handlers::<Server>(SERVER);
    ORIGINALS.get_or_init(|| Originals {
        atomic: swap(Atomic::get_metadata().ce(), ATOMIC_METHODS, [atomic_add, atomic_sub, atomic_get, atomic_set, atomic_cmpset]),
        long: swap(AtomicLong::get_metadata().ce(), ATOMIC_METHODS, [long_add, long_sub, long_get, long_set, long_cmpset]),
        lock: swap(Lock::get_metadata().ce(), LOCK_METHODS, [lock_lock, lock_unlock]),
        send: swap(Server::get_metadata().ce(), ["send"], [server_send])[0],
    });
}

/// The call's arguments as exact ints, when there are `min..=max` of them
/// and all are ints (None: leave the call to the slow path).
fn int_args<const N: usize>(ex: &ExecuteData, min: usize) -> Option<([i64; N], usize)> {
    // SAFETY: reading the argument count of the running call frame.
    let n = unsafe { ex.This.u2.num_args } as usize;
    if n < min || n > N {
        return None;
    }
    let mut out = [0i64; N];
    for (i, slot) in out.iter_mut().enumerate().take(n) {
        // SAFETY: i < num_args, so the argument slot exists.
        *slot = unsafe { ex.zend_call_arg(i) }?.long()?;
    }
    Some((out, n))
}

/// The handlers of each class's objects, noted at install (a plain load per
/// call instead of ext-php-rs's lazily initialised lookup).
static HANDLERS: [AtomicPtr<c_void>; 4] = [const { AtomicPtr::new(std::ptr::null_mut()) }; 4];
const ATOMIC: usize = 0;
const LONG: usize = 1;
const LOCK: usize = 2;
const SERVER: usize = 3;

fn note_handlers<T: RegisteredClass>(class: usize) {
    let h: *const _ = T::get_metadata().handlers();
    HANDLERS[class].store(h as *mut c_void, Ordering::Relaxed);
}

/// `$this` as the Rust object of class `T`, constructed: the object must
/// have `T`'s handlers (ext-php-rs gives each class, and the subclasses that
/// inherit its object creation, their own), which makes it a
/// `ZendClassObject<T>` (the check ext-php-rs's `from_zend_obj` does first,
/// without its class-hierarchy walk).
fn this<T: RegisteredClass>(ex: &ExecuteData, class: usize) -> Option<&T> {
    let obj = ex.This.object()?;
    let expected = HANDLERS[class].load(Ordering::Relaxed);
    if expected.is_null() || !std::ptr::eq(obj.handlers.cast::<c_void>(), expected.cast_const()) {
        return None;
    }
    let offset = std::mem::offset_of!(ZendClassObject<T>, std);
    // SAFETY: an object with T's handlers was made by T's create_object, as
    // the `std` field of a ZendClassObject<T>.
    let co = unsafe { &*(obj as *const _ as *const u8).sub(offset).cast::<ZendClassObject<T>>() };
    co.obj.as_ref()
}

/// Calls the original handler (the slow, fully checked path).
///
/// # Safety
/// The arguments are the engine's, passed on unchanged.
unsafe fn slow(original: Option<Handler>, ex: *mut zend_execute_data, retval: *mut zval) {
    if let Some(h) = original {
        // SAFETY: the handler ext-php-rs registered for this very method.
        unsafe { h(ex, retval) };
    }
}

macro_rules! fast_method {
    ($name:ident, $class:ty, $id:expr, $which:ident[$i:expr], $min:expr, $max:expr, |$obj:ident, $args:ident, $n:ident, $ret:ident, $raw:ident| $body:block) => {
        unsafe extern "C" fn $name(ex: *mut zend_execute_data, retval: *mut zval) {
            // SAFETY: the engine passes the live call frame and return slot.
            let (frame, ret) = unsafe { (&*(ex as *const ExecuteData), Ret(retval)) };
            let done = (|| {
                let $obj = this::<$class>(frame, $id)?;
                let _ = &$obj;
                let ($args, $n) = int_args::<$max>(frame, $min)?;
                let $ret = ret;
                // SAFETY: `$this` is an object (this() checked it).
                let $raw = unsafe { frame.This.value.obj };
                let _ = $raw;
                $body
            })();
            if done.is_none() {
                let original = ORIGINALS.get().and_then(|o| o.$which[$i]);
                // SAFETY: passing the engine's own arguments on.
                unsafe { slow(original, ex, retval) };
            }
        }
    };
}

/// The call's return slot, fresh (undefined) on entry: written without
/// releasing anything.
struct Ret(*mut zval);

impl Ret {
    fn set(&self, type_info: u32, lval: i64) {
        // SAFETY: the engine's return slot for this call; a fresh slot holds
        // nothing to release.
        unsafe {
            (*self.0).value.lval = lval;
            (*self.0).u1.type_info = type_info;
        }
    }

    fn set_long(&self, v: i64) {
        self.set(IS_LONG, v);
    }

    fn set_bool(&self, b: bool) {
        self.set(if b { IS_TRUE } else { IS_FALSE }, 0);
    }

    fn set_null(&self) {
        self.set(IS_NULL, 0);
    }
}

const IS_NULL: u32 = 1;
const IS_FALSE: u32 = 2;
const IS_TRUE: u32 = 3;
const IS_LONG: u32 = 4;

/// Swoole keeps an Atomic's int argument's low 32 bits. (The handlers below
/// do on the shared word what `swoole_core::atomic` does, without its two
/// indirections.)
fn low32(v: i64) -> u32 {
    v as u32
}

fast_method!(atomic_add, Atomic, ATOMIC, atomic[0], 0, 1, |a, args, n, ret, _raw| {
    let n = low32(if n == 0 { 1 } else { args[0] });
    let v = a.word()?.fetch_add(n, Ordering::SeqCst).wrapping_add(n);
    ret.set_long(v as i64);
    Some(())
});
fast_method!(atomic_sub, Atomic, ATOMIC, atomic[1], 0, 1, |a, args, n, ret, _raw| {
    let n = low32(if n == 0 { 1 } else { args[0] });
    let v = a.word()?.fetch_sub(n, Ordering::SeqCst).wrapping_sub(n);
    ret.set_long(v as i64);
    Some(())
});
fast_method!(atomic_get, Atomic, ATOMIC, atomic[2], 0, 0, |a, _args, _n, ret, _raw| {
    ret.set_long(a.word()?.load(Ordering::SeqCst) as i64);
    Some(())
});
fast_method!(atomic_set, Atomic, ATOMIC, atomic[3], 1, 1, |a, args, _n, ret, _raw| {
    a.word()?.store(low32(args[0]), Ordering::SeqCst);
    ret.set_null();
    Some(())
});
fast_method!(atomic_cmpset, Atomic, ATOMIC, atomic[4], 2, 2, |a, args, _n, ret, _raw| {
    let (cmp, new) = (low32(args[0]), low32(args[1]));
    ret.set_bool(a.word()?.compare_exchange(cmp, new, Ordering::SeqCst, Ordering::SeqCst).is_ok());
    Some(())
});
fast_method!(long_add, AtomicLong, LONG, long[0], 0, 1, |a, args, n, ret, _raw| {
    let n = if n == 0 { 1 } else { args[0] };
    ret.set_long(a.word()?.fetch_add(n, Ordering::SeqCst).wrapping_add(n));
    Some(())
});
fast_method!(long_sub, AtomicLong, LONG, long[1], 0, 1, |a, args, n, ret, _raw| {
    let n = if n == 0 { 1 } else { args[0] };
    ret.set_long(a.word()?.fetch_sub(n, Ordering::SeqCst).wrapping_sub(n));
    Some(())
});
fast_method!(long_get, AtomicLong, LONG, long[2], 0, 0, |a, _args, _n, ret, _raw| {
    ret.set_long(a.word()?.load(Ordering::SeqCst));
    Some(())
});
fast_method!(long_set, AtomicLong, LONG, long[3], 1, 1, |a, args, _n, ret, _raw| {
    a.word()?.store(args[0], Ordering::SeqCst);
    ret.set_null();
    Some(())
});
fast_method!(long_cmpset, AtomicLong, LONG, long[4], 2, 2, |a, args, _n, ret, _raw| {
    ret.set_bool(a.word()?.compare_exchange(args[0], args[1], Ordering::SeqCst, Ordering::SeqCst).is_ok());
    Some(())
});
// lock() with no argument: LOCK_EX, no timeout; a recovery's warning and
// errCode are set here as in the slow path (the lock is taken either way).
fast_method!(lock_lock, Lock, LOCK, lock[0], 0, 0, |l, _args, _n, ret, obj| {
    let result = l.cell()?.lock(2, None);
    ret.set_bool(crate::lock::finish_lock(obj, result));
    Some(())
});
fast_method!(lock_unlock, Lock, LOCK, lock[1], 0, 0, |l, _args, _n, ret, obj| {
    let result = l.cell()?.unlock();
    ret.set_bool(crate::lock::finish(obj, result));
    Some(())
});

/// `$server->send($fd, $data)` with an int session id above 0 and a
/// non-empty string, on a running server (the echo's call): straight to
/// `worker::send`. Anything else (a Unix datagram path, a third argument,
/// conversions, the warnings of bad input) takes the slow path, which ends
/// in the same call.
unsafe extern "C" fn server_send(ex: *mut zend_execute_data, retval: *mut zval) {
    // SAFETY: the engine passes the live call frame and return slot.
    let (frame, ret) = unsafe { (&*(ex as *const ExecuteData), Ret(retval)) };
    let done = (|| {
        let server = this::<Server>(frame, SERVER)?;
        // SAFETY: reading the argument count of the running call frame.
        if unsafe { frame.This.u2.num_args } != 2 || server.state.get() != Lifecycle::Running {
            return None;
        }
        // SAFETY: num_args is 2, so both argument slots exist.
        let (fd, data) = unsafe { (frame.zend_call_arg(0)?, frame.zend_call_arg(1)?) };
        let fd = fd.long().filter(|&fd| fd > 0)?;
        let data = data.zend_str().map(|s| s.as_bytes()).filter(|d| !d.is_empty())?;
        // worker::send calls no PHP; a panic in it must not unwind into the
        // engine (it reads as a failed send).
        let sent = std::panic::catch_unwind(|| swoole_core::worker::send(swoole_core::session::SessionId(fd as u64), data));
        ret.set_bool(match sent {
            Ok(Ok(())) => true,
            Ok(Err(code)) => crate::server::fail(code),
            Err(_) => false,
        });
        Some(())
    })();
    if done.is_none() {
        let original = ORIGINALS.get().and_then(|o| o.send);
        // SAFETY: passing the engine's own arguments on.
        unsafe { slow(original, ex, retval) };
    }
}
