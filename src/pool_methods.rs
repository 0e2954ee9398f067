//! The PHP methods of `Swoole\Process\Pool` (one `#[php_impl]` block, as
//! ext-php-rs registers a class's methods from one block). The class is in
//! [`crate::pool`]; what `start()` runs in [`crate::pool_run`], which reads
//! the class: keeping the methods here keeps the two files out of a cycle.

use crate::args::{ArrayArg, BoolArg, CallableArg, Dflt, IntArg, StrArg};
use crate::exception::swoole_exception;
use crate::pool_run::{self, Role};
use crate::props;
use crate::functions::notice_warning;
use crate::zend::{self, warning};
use swoole_core::ErrorCode;
use ext_php_rs::exception::{PhpException, PhpResult};
use ext_php_rs::ffi::zend_object;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendClassObject, Zval};
use std::cell::{Cell, RefCell};
use std::time::Duration;
use swoole_core::pool::{IpcType, Pool as CorePool, PoolListenError, PoolSettings};
use crate::pool::{Callbacks, ERROR_INVALID_PARAMS, ERROR_WRONG_OPERATION, NullOrFalse, Pool, ProcessOrFalse, SWOOLE_IPC_NONE, parse_size};

#[php_impl]
impl Pool {
    /// `__construct(int $worker_num, int $ipc_type = SWOOLE_IPC_NONE,
    /// int $msgqueue_key = 0, bool $enable_coroutine = false)`
    #[php(defaults(ipc_type = SWOOLE_IPC_NONE, msgqueue_key = 0, enable_coroutine = false))]
    pub fn __construct(
        worker_num: IntArg,
        ipc_type: Dflt<IntArg>,
        msgqueue_key: Dflt<IntArg>,
        enable_coroutine: Dflt<BoolArg>,
    ) -> PhpResult<Self> {
        if crate::process_state::role() != crate::process_state::Role::None {
            return Err(PhpException::new(
                "Swoole\\Process\\Pool cannot use in server process".into(),
                0,
                ext_php_rs::zend::ce::error(),
            ));
        }
        let worker_num = worker_num.get(1)?;
        let raw_ipc = ipc_type.or(2, 0)?;
        let key = msgqueue_key.or(3, 0)?;
        let coroutine = enable_coroutine.or(4, false)?;
        if worker_num <= 0 {
            return Err(swoole_exception("the parameter $worker_num must be greater than 0", 0));
        }
        let ipc = IpcType::from_raw(raw_ipc);
        if coroutine && raw_ipc > 0 && ipc != IpcType::UnixSock {
            return Err(PhpException::new(
                "the parameter $ipc_type must be SWOOLE_IPC_UNIXSOCK when enable coroutine".into(),
                0,
                ext_php_rs::zend::ce::error(),
            ));
        }
        let core = CorePool::new(worker_num as usize, ipc, key as i32).map_err(|e| {
            swoole_exception(&format!("failed to create process pool: {e}"), e.raw_os_error().unwrap_or(0) as i64)
        })?;
        Ok(Pool {
            core: RefCell::new(core),
            callbacks: RefCell::new(Callbacks::default()),
            settings: Cell::new(PoolSettings::default()),
            enable_coroutine: Cell::new(coroutine),
            started: Cell::new(false),
        })
    }

    /// `__destruct()`: the pool's resources go with the object.
    pub fn __destruct(&self) {}

    /// `set(array $settings): void` — `max_wait_time`, `max_package_size`,
    /// `enable_coroutine`, `log_file`/`log_level`; Swoole's other global
    /// options are accepted without effect, unknown keys get a warning.
    pub fn set(&self, settings: ArrayArg) -> PhpResult<()> {
        let table = settings.get(1)?;
        let mut s = self.settings.get();
        let mut log = (None::<String>, None::<i32>);
        let mut fatal = None;
        for (key, v) in table.iter() {
            let key = key.to_string();
            match key.as_str() {
                "max_wait_time" => {
                    let secs = v.coerce_to_double().unwrap_or(0.0);
                    if secs.is_finite() && secs >= 0.0 {
                        s.max_wait = Duration::from_secs_f64(secs);
                    }
                }
                // Swoole's checks: a negative size warns (503); 0 is taken
                // silently (here it leaves the limit as it was).
                "max_package_size" => match parse_size(v) {
                    Ok(n) if n > 0 => s.max_package_size = n as usize,
                    Ok(0) => {}
                    Ok(n) => {
                        zend::fatal_warning(&format!("max_package_size must be greater than or equal to 0, got {n}"));
                    }
                    Err(msg) => {
                        fatal = Some(msg);
                        break;
                    }
                },
                "enable_coroutine" => self.enable_coroutine.set(v.coerce_to_bool()),
                "log_file" => log.0 = v.coerce_to_string(),
                "log_level" => log.1 = v.coerce_to_long().map(|l| l as i32),
                "enable_message_bus" => {}
                // Swoole's own warnings on or off, as the server's set() (Swoole's php_swoole_set_global_option).
                "display_errors" => swoole_core::global_options::set_display_errors(v.coerce_to_bool()),
                k if swoole_core::settings::is_known_key(k) => {}
                k => warning(&format!("unknown setting '{k}' (ignored; check its spelling)")),
            }
        }
        self.settings.set(s);
        if let Some(msg) = fatal {
            // Swoole's fatal error: the script ends here.
            drop(log);
            zend::fatal(&msg);
            return Ok(());
        }
        if log.0.is_some() || log.1.is_some() {
            let level = log.1.unwrap_or(swoole_core::log::LOG_DEBUG);
            swoole_core::log::set_level(level);
            match log.0.as_deref() {
                // As Swoole's logger: a file that cannot be opened is a log
                // line (the log goes to stdout) and last error 502, no warning.
                Some(path) => {
                    swoole_core::log::open_or_report(path);
                    if swoole_core::log::file_fd().is_none() {
                        crate::process_state::set_last_error(ErrorCode::SYSTEM_CALL_FAIL.0);
                    }
                }
                None => {
                    let _ = swoole_core::log::open(None);
                }
            }
        }
        Ok(())
    }

    /// `on(string $name, callable $callback): bool` — `WorkerStart`,
    /// `WorkerStop`, `Message`, `Start`, `Shutdown`, `WorkerExit`.
    pub fn on(&self, name: StrArg, callback: CallableArg) -> PhpResult<bool> {
        if self.started.get() {
            zend::fatal_warning("process pool is started. unable to register event callback function");
            return Ok(false);
        }
        let name = name.string(1)?;
        let event = name.to_ascii_lowercase();
        let slot = match event.as_str() {
            "workerstart" | "workerstop" | "workerexit" | "start" | "shutdown" => event.as_str(),
            "message" if self.core.borrow().ipc() == IpcType::None => {
                return Err(swoole_exception("cannot set `onMessage` event with ipc_type=0", ERROR_INVALID_PARAMS));
            }
            "message" => "message",
            _ => {
                notice_warning(&format!("unknown event type[{name}]"));
                return Ok(false);
            }
        };
        let Some(cb) = crate::zend::resolve_or_warn(callback.0, None) else { return Ok(false) };
        let mut cbs = self.callbacks.borrow_mut();
        let target = match slot {
            "workerstart" => &mut cbs.worker_start,
            "workerstop" => &mut cbs.worker_stop,
            "workerexit" => &mut cbs.worker_exit,
            "start" => &mut cbs.start,
            "shutdown" => &mut cbs.shutdown,
            _ => &mut cbs.message,
        };
        // The old callback is dropped after the borrow: its destructor may run PHP.
        let old = target.replace(cb);
        drop(cbs);
        drop(old);
        Ok(true)
    }

    /// `getProcess(int $work_id = -1): Swoole\Process|false` — a
    /// `Swoole\Process` for worker `$work_id` (-1: this worker), kept in
    /// `$pool->workers`; its pipe reaches that worker (`SWOOLE_IPC_UNIXSOCK`).
    #[php(name = "getProcess")]
    #[php(defaults(work_id = -1))]
    pub fn get_process(self_: &mut ZendClassObject<Pool>, work_id: Dflt<IntArg>) -> PhpResult<ProcessOrFalse> {
        let id = work_id.or(1, -1)?;
        let Some(role) = pool_run::role() else { return Ok(ProcessOrFalse(None)) };
        let n = self_.core.borrow().worker_num() as i64;
        if id >= n {
            notice_warning(&format!("invalid worker_id[{id}]"));
            return Ok(ProcessOrFalse(None));
        }
        let id = if id >= 0 {
            id as usize
        } else {
            match role {
                Role::Worker(own) => own,
                Role::Master => 0,
            }
        };
        let obj: *mut zend_object = self_.get_mut_zend_obj();
        Ok(ProcessOrFalse(Some(pool_run::process_view(self_, obj, id, role))))
    }

    /// `listen(string $host, int $port = 0, int $backlog = 2048): bool` — TCP,
    /// or a unix socket with `unix:/path`.
    #[php(defaults(port = 0, backlog = 2048))]
    pub fn listen(&self, host: StrArg, port: Dflt<IntArg>, backlog: Dflt<IntArg>) -> PhpResult<bool> {
        if self.started.get() {
            zend::fatal_warning("process pool is started. unable to listen");
            return Ok(false);
        }
        let host = host.string(1)?;
        let port = port.or(2, 0)?;
        let backlog = backlog.or(3, 2048)?;
        if self.core.borrow().ipc() != IpcType::Socket {
            self.ipc_warning();
            return Ok(false);
        }
        let Ok(port16) = u16::try_from(port) else {
            zend::fatal_warning(&format!("invalid port [{port}]"));
            return Ok(false);
        };
        let backlog = backlog.clamp(1, i32::MAX as i64) as i32;
        match self.core.borrow_mut().listen(&host, port16, backlog) {
            Ok(()) => Ok(true),
            Err(PoolListenError::AlreadyListening) => {
                swoole_core::log::warning(&format!(
                    "ProcessPool_listen() (ERRNO {ERROR_WRONG_OPERATION}): the process pool is already listening"
                ));
                Ok(false)
            }
            Err(PoolListenError::Listen(e)) => {
                let why = match e {
                    swoole_core::listener::ListenError::Os { errno, message } => {
                        crate::process_state::set_last_error(errno);
                        format!("{message}[{errno}]")
                    }
                    swoole_core::listener::ListenError::BadHost => format!("invalid address [{host}]"),
                    swoole_core::listener::ListenError::Unsupported(t) => format!("unsupported socket type {t:?}"),
                };
                swoole_core::log::warning(&format!("bind({host}:{port}, {backlog}) failed, Error: {why}"));
                Ok(false)
            }
        }
    }

    /// `write(string $data): bool` — in `onMessage` of a socket pool, adds to
    /// the answer sent back when the callback returns.
    pub fn write(&self, data: StrArg) -> PhpResult<bool> {
        let data = data.bytes(1)?;
        if self.core.borrow().ipc() != IpcType::Socket {
            self.ipc_warning();
            return Ok(false);
        }
        if data.is_empty() {
            return Ok(false);
        }
        if !swoole_core::pool_worker::reply_append(&data) {
            // Swoole's answer outside a socket pool's onMessage.
            crate::process_state::set_last_error(ErrorCode::INVALID_PARAMS.0);
            return Ok(false);
        }
        Ok(true)
    }

    /// `sendMessage(string $data, int $dst_worker_id): bool` — one message to
    /// worker `$dst_worker_id`'s `onMessage` (`SWOOLE_IPC_UNIXSOCK`).
    #[php(name = "sendMessage")]
    pub fn send_message(&self, data: StrArg, dst_worker_id: IntArg) -> PhpResult<bool> {
        if !self.started.get() {
            zend::fatal_warning("process pool is not started.");
            return Ok(false);
        }
        if self.core.borrow().ipc() != IpcType::UnixSock {
            let raw = self.core.borrow().ipc().raw();
            zend::fatal_warning(&format!("unsupported ipc type[{raw}], sendMessage requires SWOOLE_IPC_UNIXSOCK"));
            return Ok(false);
        }
        let data = data.bytes(1)?;
        let dst = dst_worker_id.get(2)?;
        let core = self.core.borrow();
        if dst < 0 || dst >= core.worker_num() as i64 {
            zend::fatal_warning(&format!("invalid worker_id[{dst}]"));
            return Ok(false);
        }
        if data.is_empty() {
            return Ok(false);
        }
        let limit = self.settings.get().max_package_size;
        if data.len() > limit {
            zend::fatal_warning(&format!("the message ({} bytes) is larger than max_package_size ({limit})", data.len()));
            return Ok(false);
        }
        match core.send_message(dst as usize, &data) {
            Ok(()) => Ok(true),
            Err(e) => {
                zend::fatal_warning(&format!("failed to send {} bytes to worker#{dst}: {e}", data.len()));
                Ok(false)
            }
        }
    }

    /// `detach(): bool` — in a worker: the master starts its replacement now;
    /// this process takes no more messages and ends when its code returns.
    pub fn detach(&self) -> bool {
        pool_run::detach(&self.core.borrow())
    }

    /// `start(): ?false` — runs the pool in this process until it stops.
    pub fn start(self_: &mut ZendClassObject<Pool>) -> PhpResult<NullOrFalse> {
        if self_.started.get() {
            zend::fatal_warning("process pool is started");
            return Ok(NullOrFalse(true));
        }
        let obj: *mut zend_object = self_.get_mut_zend_obj();
        pool_run::start(self_, obj).map(|ran| NullOrFalse(!ran))
    }

    /// `stop(): void` — in a worker, leave the loop after this callback (the
    /// worker is replaced); in the master, shut the pool down.
    pub fn stop(&self) {
        pool_run::stop();
    }

    /// `shutdown(): bool` — SIGTERM to the pool's master, from any process.
    pub fn shutdown(self_: &mut ZendClassObject<Pool>) -> PhpResult<bool> {
        let obj: *mut zend_object = self_.get_mut_zend_obj();
        let pid = props::get(obj, "master_pid").and_then(Zval::long).unwrap_or(-1);
        if pid <= 0 {
            return Err(swoole_exception("The process pool is not started", ERROR_INVALID_PARAMS));
        }
        Ok(swoole_core::process::send_signal(pid as i32, libc::SIGTERM).is_ok())
    }
}
