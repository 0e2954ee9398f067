//! `Swoole\Process\Pool`: a supervised pool of PHP worker processes without a
//! server (queue consumers, cron-like jobs, daemons), optionally fed over a
//! unix socket pair, a SysV message queue or a listening socket.
//!
//! This is the PHP face: arguments, Swoole's warnings and exceptions, the
//! declared properties. The pool's IPC, master and worker loops are the
//! core's (`swoole_core::pool*`); what `start()` runs is [`crate::pool_run`].

use crate::args::Lit;
use crate::props::{self, Default as P};
use crate::zend::Callback;
use ext_php_rs::builders::ClassBuilder;
use ext_php_rs::convert::IntoZval;
use ext_php_rs::flags::DataType;
use ext_php_rs::prelude::*;
use ext_php_rs::types::Zval;
use std::cell::{Cell, RefCell};
use swoole_core::pool::{Pool as CorePool, PoolSettings};

/// The constructor's `$ipc_type` default, as Reflection shows it.
pub(crate) const SWOOLE_IPC_NONE: Lit = Lit("SWOOLE_IPC_NONE");
/// `SW_ERROR_INVALID_PARAMS`, the code of Swoole's pool exceptions.
pub(crate) const ERROR_INVALID_PARAMS: i64 = 505;
/// `SW_ERROR_WRONG_OPERATION`.
pub(crate) const ERROR_WRONG_OPERATION: i32 = 509;

/// The callbacks `on()` registered.
#[derive(Default)]
pub(crate) struct Callbacks {
    pub start: Option<Callback>,
    pub shutdown: Option<Callback>,
    pub worker_start: Option<Callback>,
    pub worker_stop: Option<Callback>,
    pub worker_exit: Option<Callback>,
    pub message: Option<Callback>,
}

impl Callbacks {
    /// Copies for `start()`, which must not hold a borrow across PHP calls.
    pub(crate) fn copy(&self) -> Callbacks {
        Callbacks {
            start: self.start.clone(),
            shutdown: self.shutdown.clone(),
            worker_start: self.worker_start.clone(),
            worker_stop: self.worker_stop.clone(),
            worker_exit: self.worker_exit.clone(),
            message: self.message.clone(),
        }
    }
}

#[php_class]
#[php(name = "Swoole\\Process\\Pool")]
#[php(modifier = pool_class)]
pub struct Pool {
    /// The pool's IPC and shared worker table.
    pub(crate) core: RefCell<CorePool>,
    /// What `on()` registered.
    pub(crate) callbacks: RefCell<Callbacks>,
    /// `set()`: `max_wait_time`, `max_package_size`.
    pub(crate) settings: Cell<PoolSettings>,
    /// The constructor's `$enable_coroutine` (or `set()`'s): lets
    /// `onWorkerExit` be set, as in Swoole (there are no coroutines here).
    pub(crate) enable_coroutine: Cell<bool>,
    /// `start()` runs in this process (the master, and every worker).
    pub(crate) started: Cell<bool>,
}

pub(crate) fn pool_class(builder: ClassBuilder) -> ClassBuilder {
    props::declare(
        builder,
        &[
            ("master_pid", P::Int(-1)),
            ("workerPid", P::Int(-1)),
            ("workerId", P::Int(-1)),
            ("workers", P::Null),
            ("workerRunning", P::Bool(true)),
            ("running", P::Bool(true)),
        ],
    )
}

/// `start()`'s `?false`: null once the pool ran and stopped, false when it
/// could not start.
pub struct NullOrFalse(pub bool);

impl IntoZval for NullOrFalse {
    const TYPE: DataType = DataType::False;
    const NULLABLE: bool = true;
    fn set_zval(self, zv: &mut Zval, _persistent: bool) -> ext_php_rs::error::Result<()> {
        if self.0 {
            zv.set_bool(false);
        } else {
            zv.set_null();
        }
        Ok(())
    }
}

/// `getProcess()`'s `Swoole\Process|false` (the `|false` is added to the
/// arginfo at the first request, see [`crate::pool_run::fix_arginfo`]).
pub struct ProcessOrFalse(pub Option<Zval>);

impl IntoZval for ProcessOrFalse {
    const TYPE: DataType = DataType::object("Swoole\\Process");
    const NULLABLE: bool = false;
    fn set_zval(self, zv: &mut Zval, _persistent: bool) -> ext_php_rs::error::Result<()> {
        match self.0 {
            Some(p) => *zv = p,
            None => zv.set_bool(false),
        }
        Ok(())
    }
}

/// A size setting: an int, or a string such as `"2M"` (Swoole's
/// `php_swoole_parse_to_size`).
pub(crate) fn parse_size(v: &Zval) -> Option<usize> {
    if let Some(n) = v.long() {
        return usize::try_from(n).ok();
    }
    let s = v.string()?;
    let s = s.trim();
    let (num, unit) = s.split_at(s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len()));
    let n: usize = num.parse().ok()?;
    let mul = match unit.to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" => 1 << 10,
        "m" | "mb" => 1 << 20,
        "g" | "gb" => 1 << 30,
        _ => return None,
    };
    n.checked_mul(mul)
}

impl Pool {
    pub(crate) fn core(&self) -> std::cell::Ref<'_, CorePool> {
        self.core.borrow()
    }

    pub(crate) fn callbacks(&self) -> Callbacks {
        self.callbacks.borrow().copy()
    }

    pub(crate) fn settings(&self) -> PoolSettings {
        self.settings.get()
    }

    pub(crate) fn enable_coroutine(&self) -> bool {
        self.enable_coroutine.get()
    }

    pub(crate) fn set_started(&self, started: bool) {
        self.started.set(started);
    }

    pub(crate) fn ipc_warning(&self) {
        crate::zend::fatal_warning(&format!("unsupported ipc type[{}]", self.core.borrow().ipc().raw()));
    }
}
