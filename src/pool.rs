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

/// `max_package_size` as Swoole's `php_swoole_parse_to_size()` reads it: a
/// string is a PHP quantity ("2M"), one PHP cannot read gives the message
/// of Swoole's fatal error; any other value is cast to int.
pub(crate) fn parse_size(v: &Zval) -> Result<i64, String> {
    if v.is_string() {
        let text = v.string().unwrap_or_default();
        return match swoole_core::quantity::parse(text.as_bytes()) {
            (n, None) => Ok(n),
            (_, Some(reason)) => Err(format!("failed to parse '{text}' to size, Error: {reason}")),
        };
    }
    Ok(crate::zend::cast_long(v))
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
