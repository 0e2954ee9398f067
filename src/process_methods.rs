//! The PHP methods of `Swoole\Process` (one `#[php_impl]` block, as
//! ext-php-rs registers a class's methods from one block). The class, its
//! child's life and the pool's views of it are in [`crate::process`].

use crate::args::{ArrayArg, BoolArg, CallableArg, IntArg, Opt, StrArg};
use crate::loop_php;
use crate::props;
use crate::functions::{notice_warning, sys_warning};
use crate::zend;
use ext_php_rs::convert::IntoZval;
use ext_php_rs::exception::PhpResult;
use ext_php_rs::ffi::zend_object;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendClassObject, ZendHashTable, Zval};
use std::cell::{Cell, RefCell};
use std::os::fd::AsRawFd;
use swoole_core::fd::FdSlot;
use swoole_core::event_loop;
use swoole_core::process::{self as sys, MsgQueue, PipeType, MSG_MAX};
use crate::args::nullable_int;
use crate::process::{false_zv, process_ce, script_path, Process, IPC_NOWAIT, MSGQUEUE_BALANCE, NEXT_ID, SOCKET_POLL_TIMEOUT};
use crate::zend::truthy;
use swoole_core::fork::{ForkOptions, ParentSignals};

#[php_impl]
impl Process {
    pub const IPC_NOWAIT: i64 = 256;
    pub const PIPE_MASTER: i64 = 1;
    pub const PIPE_WORKER: i64 = 2;
    pub const PIPE_READ: i64 = 3;
    pub const PIPE_WRITE: i64 = 4;
    pub const PIPE_TYPE_NONE: i64 = 0;
    pub const PIPE_TYPE_STREAM: i64 = 1;
    pub const PIPE_TYPE_DGRAM: i64 = 2;

    /// `__construct(callable $callback, bool $redirect_stdin_and_stdout = false,
    /// int $pipe_type = SOCK_DGRAM, bool $enable_coroutine = false)`
    pub fn __construct(
        callback: CallableArg,
        redirect_stdin_and_stdout: Opt<BoolArg>,
        pipe_type: Opt<IntArg>,
        enable_coroutine: Opt<BoolArg>,
    ) -> PhpResult<Self> {
        crate::exception::constructed_once::<Process>(|_| true)?;
        let callback = callback.get(1)?;
        let redirect = redirect_stdin_and_stdout.or(2, false)?;
        let raw_type = pipe_type.or(3, libc::SOCK_DGRAM as i64)?;
        let _ = enable_coroutine.or(4, false)?;
        // Redirecting stdio needs a byte stream.
        let kind = if redirect { PipeType::Stream } else { PipeType::from_raw(raw_type) };
        let (master, worker) = match kind {
            PipeType::None => (None, None),
            _ => sys::socket_pair(kind)
                .map(|(m, w)| (Some(m), Some(w)))
                .map_err(|e| crate::exception::swoole_exception(&format!("failed to create unix socket: {e}"), 502))?,
        };
        if let Some(obj) = crate::zend::constructing_object() {
            if let Some(master) = &master {
                props::set(obj, "pipe", master.as_raw_fd() as i64);
            }
            props::set_private(process_ce(), obj, "callback", callback.zval());
            props::set(obj, "id", NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed));
        }
        Ok(Process {
            callback: RefCell::new(Some(callback)),
            redirect,
            pipe_type: kind,
            master_fd: FdSlot::new(master),
            worker_fd: FdSlot::new(worker),
            in_child: Cell::new(false),
            pid: Cell::new(0),
            queue: Cell::new(None),
            queue_balance: Cell::new(true),
            exported: RefCell::new(None),
            timeout_set: Cell::new(false),
            nonblocking: Cell::new(false),
        })
    }

    /// `start(): int|bool` — forks; the parent gets the child's pid.
    pub fn start(self_: &mut ZendClassObject<Process>) -> PhpResult<Zval> {
        let pid = self_.pid.get();
        // Signal 0 only checks that the process exists.
        if pid > 0 && sys::send_signal(pid, 0).is_ok() {
            zend::fatal_warning("process has already been started");
            return false_zv();
        }
        let obj: *mut zend_object = self_.get_mut_zend_obj();
        // The callable as the private property holds it now. Checked before
        // fork (Swoole warns in the child, which then runs on in the script).
        let callable = props::get_private(process_ce(), obj, "callback").map(Zval::shallow_clone);
        let Some(callable) = callable.filter(truthy) else {
            zend::fatal_warning("illegal callback function");
            return false_zv();
        };
        let Some(cb) = zend::resolve_or_warn(&callable, None) else { return false_zv() };
        *self_.callback.borrow_mut() = Some(cb);
        // As Swoole: the child keeps the parent's signal handlers and mask,
        // and does not die with it. PHP is single-threaded here (rule 2).
        let opts = ForkOptions { name: "process", id: None, signals: ParentSignals::Untouched, die_with_parent: false };
        let child = match zend::fork_php_child(opts, &mut (), |_| {
            swoole_core::signals::unhold_in_child();
            self_.run_child(obj, || {})
        }) {
            Ok(pid) => pid,
            Err(e) => {
                sys_warning("fork() failed", &e);
                return false_zv();
            }
        };
        // The parent keeps only its end: the child's end would hide EOF.
        self_.worker_fd.close();
        self_.pid.set(child);
        props::set(obj, "pid", child as i64);
        Ok((child as i64).into_zval(false)?)
    }

    /// `read(int $size = 8192): string|false`
    /// A read that fails or times out is false without a warning, as in
    /// Swoole (`swoole_last_error()` says why).
    pub fn read(&self, size: Opt<IntArg>) -> PhpResult<Zval> {
        let size = size.or(1, 8192)?;
        if size <= 0 {
            zend::fatal_warning("size must be greater than 0");
            return false_zv();
        }
        let Some(fd) = self.current_fd_or_warn("read from pipe") else { return false_zv() };
        let read = sys::read_some(&*fd, size.min(MSG_MAX as i64) as usize);
        drop(fd);
        match read {
            Ok(bytes) => Ok(zend::bytes_zval(&bytes)),
            // As Swoole: a non-blocking pipe with nothing to read leaves the
            // last error alone.
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock && self.nonblocking.get() => false_zv(),
            Err(e) => {
                let timed_out = e.kind() == std::io::ErrorKind::WouldBlock && self.timeout_set.get();
                crate::process_state::set_last_error(if timed_out {
                    SOCKET_POLL_TIMEOUT
                } else {
                    e.raw_os_error().unwrap_or(libc::EIO)
                });
                false_zv()
            }
        }
    }

    /// `write(string $data): int|false`
    pub fn write(&self, data: StrArg) -> PhpResult<Zval> {
        let data = data.bytes(1)?;
        if data.is_empty() {
            zend::fatal_warning("the data to send is empty");
            return false_zv();
        }
        let Some(fd) = self.current_fd_or_warn("write into pipe") else { return false_zv() };
        let written = sys::write_all(&*fd, &data);
        drop(fd);
        match written {
            Ok(n) => Ok((n as i64).into_zval(false)?),
            Err(e) => {
                sys_warning("write() failed", &e);
                false_zv()
            }
        }
    }

    /// `close(int $which = 0): bool` — 0 both ends, PIPE_MASTER/PIPE_WORKER one
    /// end, PIPE_READ/PIPE_WRITE shut one direction of the current end.
    pub fn close(&self, which: Opt<IntArg>) -> PhpResult<bool> {
        let which = which.or(1, 0)?;
        if !self.master_fd.is_open() && !self.worker_fd.is_open() {
            zend::fatal_warning("no pipe, cannot close the pipe");
            return Ok(false);
        }
        Ok(match which {
            1 => self.master_fd.close(),
            2 => self.worker_fd.close(),
            3 | 4 => self.current_fd().is_some_and(|fd| sys::shutdown_socket(&*fd, which == 3)),
            _ => {
                let a = self.master_fd.close();
                let b = self.worker_fd.close();
                a || b
            }
        })
    }

    /// `exit(int $exit_code = 0): void` — ends the child (only there).
    pub fn exit(&self, exit_code: Opt<IntArg>) -> PhpResult<()> {
        let code = exit_code.or(1, 0)?;
        if !self.in_child.get() || self.pid.get() != nix::unistd::getpid().as_raw() {
            zend::fatal_warning("not current process");
            return Ok(());
        }
        let code = if (0..=255).contains(&code) {
            code as i32
        } else {
            // Swoole's words, its trailing space too.
            zend::fatal_warning("exit ret_code range is [>0 and <255] ");
            1
        };
        zend::exit_child(code)
    }

    /// `exec(string $exec_file, array $args): bool`
    pub fn exec(&self, exec_file: StrArg, args: ArrayArg) -> PhpResult<bool> {
        let file = exec_file.string(1)?;
        let args = args.get(2)?;
        if file.is_empty() {
            zend::fatal_warning("exec file name is empty");
            return Ok(false);
        }
        let mut argv: Vec<std::ffi::CString> = vec![std::ffi::CString::new(file.clone()).unwrap_or_default()];
        for (_, v) in args.iter() {
            let s = v.coerce_to_string().unwrap_or_default();
            argv.push(std::ffi::CString::new(s).unwrap_or_default());
        }
        zend::flush_output();
        let Err(e) = nix::unistd::execv(&argv[0], &argv);
        sys_warning(&format!("execv({file}) failed"), &std::io::Error::from(e));
        Ok(false)
    }

    /// `name(string $process_name): bool`
    pub fn name(&self, process_name: StrArg) -> PhpResult<bool> {
        Ok(crate::functions::set_process_title(&process_name.string(1)?))
    }

    /// `static wait(bool $blocking = true): array|false`
    pub fn wait(blocking: Opt<BoolArg>) -> PhpResult<Zval> {
        let blocking = blocking.or(1, true)?;
        match sys::wait_any(blocking) {
            Some(r) => {
                let mut a = ZendHashTable::new();
                let _ = a.insert("pid", r.pid as i64);
                let _ = a.insert("code", r.code as i64);
                let _ = a.insert("signal", r.signal as i64);
                Ok(a.into_zval(false)?)
            }
            None => false_zv(),
        }
    }

    /// `static kill(int $pid, int $signal_no = SIGTERM): bool`. A pid or
    /// signal number that does not fit the kernel's is refused (EINVAL):
    /// Swoole truncates them, so `kill(PHP_INT_MAX)` became `kill(-1,
    /// SIGTERM)`, every process the user may signal.
    pub fn kill(pid: IntArg, signal_no: Opt<IntArg>) -> PhpResult<bool> {
        let pid = pid.get(1)?;
        let signo = signal_no.or(2, libc::SIGTERM as i64)?;
        let e = match (i32::try_from(pid), i32::try_from(signo)) {
            (Ok(p), Ok(s)) => {
                match sys::send_signal(p, s) {
                    Ok(()) => return Ok(true),
                    Err(e) => e,
                }
            }
            _ => std::io::Error::from_raw_os_error(libc::EINVAL),
        };
        if !(signo == 0 && e.raw_os_error() == Some(libc::ESRCH)) {
            sys_warning(&format!("kill({pid}, {signo}) failed"), &e);
        }
        Ok(false)
    }

    /// `static signal(int $signal_no, ?callable $callback = null): bool` — the
    /// callback runs on the event loop with `($signo)`; null removes it.
    pub fn signal(signal_no: IntArg, callback: Opt<CallableArg>) -> PhpResult<bool> {
        let signo = signal_no.get(1)?;
        // Swoole takes any value here and refuses one that is not callable
        // with its warning (no TypeError), after the signal number's checks.
        let callback = callback.0.map(|a| a.0).filter(|z| !z.is_null());
        if !(1..=64).contains(&signo) || signo == libc::SIGKILL as i64 || signo == libc::SIGSTOP as i64 {
            zend::fatal_warning(&format!("invalid signal number [{signo}]"));
            return Ok(false);
        }
        let signo = signo as i32;
        if callback.is_some() && crate::process_state::keeps_signal(signo) {
            zend::fatal_warning(&format!("signal [{signo}] processor has been registered by the system"));
            return Ok(false);
        }
        let callback = match callback {
            Some(zv) => match zend::resolve_or_warn(zv, None) {
                Some(cb) => Some(cb),
                None => return Ok(false),
            },
            None => None,
        };
        match callback {
            None => {
                event_loop::unwatch_signal(signo);
                if !loop_php::set_signal(signo, None) {
                    notice_warning(&format!("unable to find the callback of signal [{signo}]"));
                    return Ok(false);
                }
                Ok(true)
            }
            Some(cb) => {
                if let Err(e) = event_loop::watch_signal(signo) {
                    sys_warning(&format!("failed to watch signal [{signo}]"), &e);
                    return Ok(false);
                }
                loop_php::set_signal(signo, Some(cb));
                loop_php::ensure_shutdown_hook();
                Ok(true)
            }
        }
    }

    /// `static alarm(int $usec, int $type = 0): bool` — setitimer: 0 real
    /// (SIGALRM), 1 virtual (SIGVTALRM), 2 profiling (SIGPROF); 0 usec clears.
    pub fn alarm(usec: IntArg, r#type: Opt<IntArg>) -> PhpResult<bool> {
        let usec = usec.get(1)?.max(0);
        // Any other type goes to setitimer() as Swoole passes it (EINVAL).
        let which = match r#type.or(2, 0)? {
            0 => libc::ITIMER_REAL,
            1 => libc::ITIMER_VIRTUAL,
            2 => libc::ITIMER_PROF,
            _ => -1,
        };
        if let Err(e) = sys::set_interval_timer(which, usec) {
            sys_warning("setitimer() failed", &e);
            return Ok(false);
        }
        Ok(true)
    }

    /// `static daemon(bool $nochdir = true, bool $noclose = true, array $pipes = []): bool`
    pub fn daemon(nochdir: Opt<BoolArg>, noclose: Opt<BoolArg>, pipes: Opt<ArrayArg>) -> PhpResult<bool> {
        let nochdir = nochdir.or(1, true)?;
        let noclose = noclose.or(2, true)?;
        let pipes = match pipes.0 {
            Some(p) => Some(p.get(3)?),
            None => None,
        };
        zend::flush_output();
        if nix::unistd::daemon(nochdir, noclose).is_err() {
            return Ok(false);
        }
        if let Some(pipes) = pipes {
            for (target, (_, v)) in pipes.iter().take(3).enumerate() {
                if let Some(fd) = loop_php::fd_of(v) {
                    // fd becomes the process's stdin/out/err.
                    let _ = swoole_core::fd::borrowed(fd, |fd| sys::dup_onto(fd, target as i32));
                }
            }
        }
        Ok(true)
    }

    /// `static setAffinity(array $cpu_settings): bool`
    #[php(name = "setAffinity")]
    pub fn set_affinity(cpu_settings: ArrayArg) -> PhpResult<bool> {
        let cpus = cpu_settings.get(1)?;
        let n = swoole_core::stats::cpu_num();
        // Swoole counts the entries before it reads them.
        if cpus.is_empty() {
            return Ok(false);
        }
        if cpus.len() > n {
            zend::fatal_warning("More than the number of CPU");
            return Ok(false);
        }
        let mut ids = Vec::new();
        for (_, v) in cpus.iter() {
            // An int or a numeric string: "x" is not CPU 0.
            let id = v.long().or_else(|| v.string().and_then(|s| s.trim().parse::<i64>().ok()));
            let Some(id) = id.filter(|&id| id >= 0 && (id as usize) < n) else {
                let shown = id.map(|id| id.to_string()).or_else(|| v.string()).unwrap_or_else(|| v.get_type().to_string());
                zend::fatal_warning(&format!("invalid cpu id [{shown}]"));
                return Ok(false);
            };
            ids.push(id as usize);
        }
        if let Err(e) = sys::set_affinity(&ids) {
            return Ok(sys_warning("sched_setaffinity() failed", &e));
        }
        Ok(true)
    }

    /// `static getAffinity(): array`
    #[php(name = "getAffinity")]
    pub fn get_affinity() -> PhpResult<Zval> {
        let mut a = ZendHashTable::new();
        for c in sys::affinity().unwrap_or_default() {
            let _ = a.push(c as i64);
        }
        Ok(a.into_zval(false)?)
    }

    /// `setPriority(int $which, int $priority, ?int $who = null): bool` — a
    /// null `$who` (this Process's child) only with PRIO_PROCESS.
    #[php(name = "setPriority")]
    pub fn set_priority(&self, which: IntArg, priority: IntArg, who: Opt<IntArg>) -> PhpResult<bool> {
        let which = which.get(1)?;
        let priority = priority.get(2)?;
        let Some(who) = self.priority_target(which, nullable_int(who, 3)?) else { return Ok(false) };
        if let Err(e) = sys::set_priority(which, who, priority as i32) {
            crate::process_state::set_last_error(e.raw_os_error().unwrap_or(0));
            return Ok(false);
        }
        Ok(true)
    }

    /// `getPriority(int $which, ?int $who = null): int|false`
    #[php(name = "getPriority")]
    pub fn get_priority(&self, which: IntArg, who: Opt<IntArg>) -> PhpResult<Zval> {
        let which = which.get(1)?;
        let Some(who) = self.priority_target(which, nullable_int(who, 2)?) else { return false_zv() };
        let p = match sys::get_priority(which, who) {
            Ok(p) => p,
            Err(e) => {
                crate::process_state::set_last_error(e.raw_os_error().unwrap_or(0));
                return false_zv();
            }
        };
        Ok((p as i64).into_zval(false)?)
    }

    /// `set(array $settings): void` — only `enable_coroutine`, which has no
    /// effect (no coroutines in this extension).
    pub fn set(&self, settings: ArrayArg) -> PhpResult<()> {
        let _ = settings.get(1)?;
        Ok(())
    }

    /// `setTimeout(float $seconds): bool` — read/write timeout of the pipe.
    #[php(name = "setTimeout")]
    pub fn set_timeout(&self, seconds: &Zval) -> PhpResult<bool> {
        let seconds = zend::arg_double(seconds, 1)?;
        let Some(fd) = self.current_fd_or_warn("setTimeout the pipe") else { return Ok(false) };
        self.timeout_set.set(seconds > 0.0);
        Ok(sys::set_timeout(&*fd, seconds).is_ok())
    }

    /// `setBlocking(bool $blocking): bool`
    #[php(name = "setBlocking")]
    pub fn set_blocking(&self, blocking: BoolArg) -> PhpResult<bool> {
        let blocking = blocking.get(1)?;
        let Some(fd) = self.current_fd_or_warn("setBlocking the pipe") else { return Ok(false) };
        let done = sys::set_blocking(&*fd, blocking).is_ok();
        if done {
            self.nonblocking.set(!blocking);
        }
        Ok(done)
    }

    /// `useQueue(int $key = 0, int $mode = 2, int $capacity = -1): bool`
    #[php(name = "useQueue")]
    pub fn use_queue(self_: &mut ZendClassObject<Process>, key: Opt<IntArg>, mode: Opt<IntArg>, capacity: Opt<IntArg>)
        -> PhpResult<bool> {
        let key = key.or(1, 0)?;
        let mode = mode.or(2, MSGQUEUE_BALANCE)?;
        let capacity = capacity.or(3, -1)?;
        let key = if key <= 0 {
            match script_path().map(|p| MsgQueue::key_of(&p)) {
                Some(Ok(k)) => k,
                _ => {
                    zend::fatal_warning("ftok() failed: cannot make a key from the script's path");
                    return Ok(false);
                }
            }
        } else {
            key as i32
        };
        match MsgQueue::open(key, mode & IPC_NOWAIT != 0, capacity) {
            Ok(q) => {
                self_.queue.set(Some(q));
                self_.queue_balance.set(mode & !IPC_NOWAIT == MSGQUEUE_BALANCE);
                let obj: *mut zend_object = self_.get_mut_zend_obj();
                props::set(obj, "msgQueueId", q.id as i64);
                props::set(obj, "msgQueueKey", q.key as i64);
                Ok(true)
            }
            Err(e) => {
                sys_warning("msgget() failed", &e);
                Ok(false)
            }
        }
    }

    /// `push(string $data): bool`
    pub fn push(&self, data: StrArg) -> PhpResult<bool> {
        let data = data.bytes(1)?;
        if data.is_empty() {
            zend::fatal_warning("the data to push is empty");
            return Ok(false);
        }
        if data.len() >= MSG_MAX {
            zend::fatal_warning("the data to push is too big");
            return Ok(false);
        }
        let Some(q) = self.queue_or_warn("push") else { return Ok(false) };
        match q.push(1, &data) {
            Ok(sent) => Ok(sent),
            Err(e) => {
                sys_warning("msgsnd() failed", &e);
                Ok(false)
            }
        }
    }

    /// `pop(int $size = 65536): string|false`
    pub fn pop(&self, size: Opt<IntArg>) -> PhpResult<Zval> {
        let size = size.or(1, MSG_MAX as i64)?;
        let size = if size <= 0 || size > MSG_MAX as i64 { MSG_MAX } else { size as usize };
        let Some(q) = self.queue_or_warn("pop") else { return false_zv() };
        let mtype = if self.queue_balance.get() { 0 } else { 1 };
        match q.pop(mtype, size) {
            Ok(Some(bytes)) => Ok(zend::bytes_zval(&bytes)),
            Ok(None) => false_zv(),
            Err(e) => {
                sys_warning("msgrcv() failed", &e);
                false_zv()
            }
        }
    }

    /// `statQueue(): array|false`
    #[php(name = "statQueue")]
    pub fn stat_queue(&self) -> PhpResult<Zval> {
        let Some(q) = self.queue.get() else {
            zend::fatal_warning("no queue, can't get stats of the queue");
            return false_zv();
        };
        let Ok((num, bytes)) = q.stat() else { return false_zv() };
        let mut a = ZendHashTable::new();
        let _ = a.insert("queue_num", num as i64);
        let _ = a.insert("queue_bytes", bytes as i64);
        Ok(a.into_zval(false)?)
    }

    /// `freeQueue(): bool`
    #[php(name = "freeQueue")]
    pub fn free_queue(&self) -> bool {
        match self.queue.take() {
            Some(q) => match q.free() {
                Ok(()) => true,
                Err(e) => {
                    sys_warning(&format!("msgctl({}, IPC_RMID) failed", q.id), &e);
                    false
                }
            },
            None => false,
        }
    }

    /// `exportSocket(): Swoole\Coroutine\Socket|false` — a blocking socket over
    /// a dup of the current end of the pipe (the same object on every call).
    #[php(name = "exportSocket")]
    pub fn export_socket(&self) -> PhpResult<Zval> {
        if let Some(zv) = self.exported.borrow().as_ref() {
            return Ok(zv.shallow_clone());
        }
        let Some(fd) = self.current_fd_or_warn("export stream") else { return false_zv() };
        let Ok(dup) = sys::dup_cloexec(&*fd) else { return false_zv() };
        drop(fd);
        let stream = self.pipe_type == PipeType::Stream;
        let zv = crate::socket::Socket::wrap(dup, if stream { libc::SOCK_STREAM } else { libc::SOCK_DGRAM });
        *self.exported.borrow_mut() = Some(zv.shallow_clone());
        Ok(zv)
    }
}
