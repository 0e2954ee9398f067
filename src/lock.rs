//! `Swoole\Lock`: a thin face over the core's pid-stamped locks
//! ([`swoole_core::lock`]). A lock made before `start()` (or before
//! `Swoole\Process::start()`) is shared by every process forked after.
//!
//! Past Swoole: a lock whose holder died is taken over by the next locker
//! (with a warning naming the dead process) instead of blocking everyone for
//! ever; `unlock()` of a lock the caller does not hold returns false with
//! `errCode` EPERM (Swoole returns true, and an rwlock unlocked that way is
//! corrupted); the holder locking again fails at once with EDEADLK instead
//! of deadlocking itself.

use crate::args::{FloatArg, IntArg, Opt};
use crate::props::{self, Default as P};
use crate::zend::warning;
use ext_php_rs::builders::ClassBuilder;
use ext_php_rs::ffi::zend_object;
use ext_php_rs::exception::PhpResult;
use ext_php_rs::prelude::*;
use ext_php_rs::types::ZendClassObject;
use swoole_core::lock::{self as core, timeout_from_secs, Acquired, LockKind};

/// `LOCK_EX`, `lock()`'s default operation.
const LOCK_EX: i64 = 2;

/// Swoole's signatures (see [`crate::arginfo`]).
const LOCK_API: &[&str] = &[
    "__construct(int $type = SWOOLE_MUTEX)",
    "lock(int $operation = LOCK_EX, float $timeout = -1): bool",
    "unlock(): bool",
];

/// Rewrites the class's arginfo to Swoole's (once, at the first request).
pub fn fix_signatures() {
    use ext_php_rs::class::RegisteredClass;
    crate::shape::shape(Lock::get_metadata().ce(), LOCK_API);
    crate::subclass::install::<Lock>();
}

fn lock_class(builder: ClassBuilder) -> ClassBuilder {
    props::declare(builder, &[("errCode", P::Int(0))])
}

#[php_class]
#[php(name = "Swoole\\Lock")]
#[php(modifier = lock_class)]
#[derive(Default)]
pub struct Lock {
    /// The shared lock; None until the constructor ran.
    inner: Option<core::Lock>,
}

impl Lock {
    fn get_inner(&self) -> PhpResult<&core::Lock> {
        self.inner.as_ref().ok_or_else(|| crate::exception::swoole_error("must call constructor first"))
    }
}

impl Lock {
    /// The shared lock, once constructed (for [`crate::fast`]).
    pub(crate) fn cell(&self) -> Option<&core::Lock> {
        self.inner.as_ref()
    }
}

/// The outcome of unlock() (or of a lock() that took nothing over) as PHP
/// sees it: the errno into `$errCode` of `obj` on failure.
#[inline]
pub(crate) fn finish(obj: *mut zend_object, result: Result<(), core::LockError>) -> bool {
    match result {
        Ok(()) => true,
        Err(e) => {
            props::set(obj, "errCode", e.errno() as i64);
            false
        }
    }
}

/// The outcome of lock(): a recovered lock warns with the dead holder's pid.
#[inline]
pub(crate) fn finish_lock(obj: *mut zend_object, result: core::LockResult) -> bool {
    if let Ok(Acquired::Recovered { dead }) = result {
        warn_recovered(dead);
    }
    finish(obj, result.map(|_| ()))
}

#[cold]
fn warn_recovered(dead: u32) {
    warning(&format!("the holder of this lock, process {dead}, died without unlocking it: the lock was recovered"));
}

#[php_impl]
impl Lock {
    pub const MUTEX: i64 = 3;
    pub const RWLOCK: i64 = 1;
    pub const SPINLOCK: i64 = 5;

    pub fn __construct(r#type: Opt<IntArg>) -> PhpResult<Self> {
        crate::exception::constructed_once::<Lock>(|l| l.inner.is_some())?;
        let ty = r#type.or(1, Self::MUTEX)?;
        let Some(kind) = LockKind::from_swoole(ty) else {
            return Err(crate::exception::swoole_exception(&format!("lock type[{ty}] is not support"), ty));
        };
        let lock = core::Lock::new(kind).map_err(|e| {
            crate::exception::swoole_exception(&format!("global memory allocation failure: {e}"), 501)
        })?;
        Ok(Lock { inner: Some(lock) })
    }

    /// `lock($operation, $timeout)`: `LOCK_NB` does not wait, `LOCK_SH`
    /// takes an rwlock shared; `$timeout` > 0 limits the wait (seconds).
    pub fn lock(self_: &mut ZendClassObject<Lock>, operation: Opt<IntArg>, timeout: Opt<FloatArg>) -> PhpResult<bool> {
        let op = operation.or(1, LOCK_EX)?;
        let secs = timeout.or(2, -1.0)?;
        let result = self_.get_inner()?.lock(op, timeout_from_secs(secs));
        Ok(finish_lock(self_.get_mut_zend_obj(), result))
    }

    pub fn unlock(self_: &mut ZendClassObject<Lock>) -> PhpResult<bool> {
        let result = self_.get_inner()?.unlock();
        Ok(finish(self_.get_mut_zend_obj(), result))
    }
}
