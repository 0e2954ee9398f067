//! The PHP methods of `Swoole\Server` (one `#[php_impl]` block, as
//! ext-php-rs registers a class's methods from one block). The class, its
//! state and the bodies of the longer methods are in [`crate::server`].

use crate::args::{setting_value_of, ArrayArg, BoolArg, CallableArg, IntArg, Opt, StrArg};
use crate::events::{self, Event};
use crate::props::{self};
use crate::control;
use crate::process_state::{self, Role};
use crate::zend::{self, warning};
use ext_php_rs::convert::IntoZval;
use ext_php_rs::exception::PhpResult;
use ext_php_rs::ffi::zend_object;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendClassObject, ZendHashTable, Zval};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use swoole_core::error::ErrorCode;
use swoole_core::listener::SockType;
use swoole_core::settings::ServerSettings;
use swoole_core::stats::WorkerStatus;
use swoole_core::{worker, SessionId};
use crate::server::{fail, Lifecycle, Server, MODE_BASE, MODE_PROCESS, MAX_FIND_COUNT};
use crate::zend::constructing_object;


#[php_impl]
impl Server {
    pub fn __construct(
        host: Opt<StrArg>,
        port: Opt<IntArg>,
        mode: Opt<IntArg>,
        sock_type: Opt<IntArg>,
    ) -> PhpResult<Self> {
        crate::exception::constructed_once::<Server>(|_| true)?;
        let host = crate::port::c_host(&host.or(1, "0.0.0.0")?).to_string();
        let port = port.or(2, 0)?;
        let mode = mode.or(3, MODE_BASE)?;
        let sock_type_raw = sock_type.or(4, 1)?;
        if mode != MODE_BASE && mode != MODE_PROCESS {
            return Err(ext_php_rs::exception::PhpException::new(
                format!("invalid $mode parameters {mode}"),
                0,
                ext_php_rs::zend::ce::error(),
            ));
        }
        let ssl = SockType::wants_ssl(sock_type_raw);
        if ssl && SockType::from_raw(sock_type_raw).is_some_and(SockType::is_datagram) {
            return Err(crate::exception::swoole_exception(swoole_core::listener::DTLS_NOT_IMPLEMENTED, 505));
        }
        // A port that cannot be bound fails here, as in Swoole 6.
        let listener = crate::port::bind_port(&host, port, sock_type_raw)
            .map_err(|f| crate::exception::swoole_exception(&f.message, f.code as i64))?;
        let listener = Some(listener);
        let real_port = listener.as_ref().map(|l| l.port() as i64).unwrap_or(port);
        let fd = listener.as_ref().map_or(-1, |l| l.raw_fd() as i64);
        if let Some(obj) = constructing_object() {
            props::set(obj, "host", host.as_str());
            props::set(obj, "port", real_port);
            props::set(obj, "type", sock_type_raw & !swoole_core::listener::SSL_FLAG);
            props::set(obj, "ssl", ssl);
            props::set(obj, "mode", mode);
            props::set(obj, "connections", crate::connections::ConnectionIterator::new_object());
            let mut ports = ZendHashTable::new();
            let _ = ports.push(crate::port::Port::new_object(&host, real_port, sock_type_raw, fd, None));
            props::set(obj, "ports", ports);
        }
        Ok(Server {
            callbacks: RefCell::new(HashMap::new()),
            settings: RefCell::new(if mode == MODE_PROCESS {
                ServerSettings::for_process_mode()
            } else {
                ServerSettings::new()
            }),
            listener: RefCell::new(listener),
            host,
            mode,
            state: Cell::new(Lifecycle::Created),
            user_processes: RefCell::new(Vec::new()),
            commands: RefCell::new(HashMap::new()),
        })
    }

    /// `set(array $settings): bool`
    pub fn set(self_: &mut ZendClassObject<Server>, settings: ArrayArg) -> PhpResult<bool> {
        let array = settings.get(1)?;
        if !self_.check_configurable("set") {
            return Ok(false);
        }
        let obj: *mut zend_object = self_.get_mut_zend_obj();
        let settings = &self_.settings;
        crate::options::apply_each(obj, array, |key, value| {
            crate::tls_settings::sni_certs(&mut settings.borrow_mut().ssl, key, value);
            if key == "display_errors" {
                // As Swoole's set(): `swoole.display_errors` (Swoole's own warnings), at once; PHP's stays.
                swoole_core::global_options::set_display_errors(value.coerce_to_bool());
            }
            if key == crate::dispatch_func::KEY {
                crate::dispatch_func::check(value);
            }
            if key == crate::length_func::KEY {
                crate::length_func::check(value);
            }
            let value_in = setting_value_of(key, value);
            // (no borrow is held while PHP reports: a warning may run user code)
            let applied = settings.borrow_mut().apply(key, &value_in);
            if applied.is_ok()
                && let Some(note) = swoole_core::settings::not_yet_effective(key, &value_in)
            {
                zend::error_docref(zend::E_NOTICE, &note);
            }
            applied
        });
        Ok(true)
    }

    /// `on(string $event_name, callable $callback): bool`
    pub fn on(&self, event_name: StrArg, callback: &Zval) -> PhpResult<bool> {
        let name = event_name.string(1)?;
        match self.state.get() {
            Lifecycle::Created => {}
            Lifecycle::Running => return Ok(zend::fatal_warning("server is running, unable to register event callback function")),
            Lifecycle::Shutdown => {
                return Ok(zend::fatal_warning("server have been shutdown, unable to register event callback function"));
            }
        }
        let ev = events::parse(&name);
        // Swoole's Server::on() checks its own events; the rest are Port::on()'s.
        let method = if ev.is_some_and(crate::events::is_port_event) { crate::port::PORT_ON } else { "Swoole\\Server::on" };
        Ok(crate::port::register_callback(&self.callbacks, ev, &name, callback, method))
    }

    /// `addListener(string $host, int $port, int $sock_type): Swoole\Server\Port|false`
    /// — one more port, with its own callbacks and settings if given.
    #[php(name = "addListener")]
    pub fn add_listener(self_: &mut ZendClassObject<Server>, host: StrArg, port: IntArg, sock_type: IntArg) -> PhpResult<Zval> {
        let host = crate::port::c_host(&host.string(1)?).to_string();
        let port = port.get(2)?;
        let raw_type = sock_type.get(3)?;
        if self_.state.get() != Lifecycle::Created {
            zend::fatal_warning("server is running, cannot add listener");
            return Ok(false.into_zval(false)?);
        }
        if SockType::wants_ssl(raw_type) && SockType::from_raw(raw_type).is_some_and(SockType::is_datagram) {
            warning(swoole_core::listener::DTLS_NOT_IMPLEMENTED);
            return Ok(false.into_zval(false)?);
        }
        // As Swoole: false, with the reason in the log (bad type, port or
        // address) and its code as the last error; no PHP warning.
        let bound = match crate::port::bind_port(&host, port, raw_type) {
            Ok(b) => b,
            Err(f) => {
                process_state::set_last_error(f.code);
                return Ok(false.into_zval(false)?);
            }
        };
        let (real_port, fd) = (bound.port() as i64, bound.raw_fd() as i64);
        let port_zv = crate::port::Port::new_object(&host, real_port, raw_type, fd, Some(bound));
        let obj: *mut zend_object = self_.get_mut_zend_obj();
        if SockType::wants_ssl(raw_type) {
            props::set(obj, "ssl", true);
        }
        let mut ports = props::array_copy(obj, "ports");
        let _ = ports.push(port_zv.shallow_clone());
        props::set(obj, "ports", ports);
        Ok(port_zv)
    }

    /// `listen(string $host, int $port, int $sock_type): Swoole\Server\Port|false` (alias of addListener)
    pub fn listen(self_: &mut ZendClassObject<Server>, host: StrArg, port: IntArg, sock_type: IntArg) -> PhpResult<Zval> {
        Self::add_listener(self_, host, port, sock_type)
    }

    /// `getCallback(string $event_name): Closure|array|string|null`
    #[php(name = "getCallback")]
    pub fn get_callback(&self, event_name: StrArg) -> PhpResult<Zval> {
        Ok(crate::port::callback_of(&self.callbacks, &event_name.string(1)?))
    }

    /// `start(): bool`
    pub fn start(self_: &mut ZendClassObject<Server>) -> bool {
        match self_.state.get() {
            Lifecycle::Created => {}
            Lifecycle::Running => return zend::fatal_warning("The server is running, unable to execute Swoole\\Server->start()"),
            Lifecycle::Shutdown => {
                return zend::fatal_warning("The server have been shutdown, unable to execute Swoole\\Server->start()");
            }
        }
        let obj: *mut zend_object = self_.get_mut_zend_obj();
        let started = crate::start::start(self_, obj);
        if self_.state.get() == Lifecycle::Shutdown {
            self_.release_ports(obj);
        }
        match started {
            Ok(ok) => ok,
            // E_ERROR ends the script, as Swoole's; start() dropped all it held.
            Err(why) => {
                crate::zend::fatal(&why);
                false
            }
        }
    }

    /// `send(int|string $fd, string $send_data, int $serverSocket = -1): bool`
    /// — `$fd` a session id, or a Unix datagram client's path (a datagram
    /// from the Unix datagram port `$serverSocket`, or the first one).
    pub fn send(&self, fd: &Zval, send_data: StrArg, server_socket: Opt<IntArg>) -> PhpResult<bool> {
        self.do_send(fd, send_data, server_socket)
    }

    /// `sendto(string $ip, int $port, string $send_data, int $server_socket = -1): bool`
    /// — a datagram from a UDP server's socket (in a worker).
    pub fn sendto(&self, ip: StrArg, port: IntArg, send_data: StrArg, server_socket: Opt<IntArg>) -> PhpResult<bool> {
        self.do_sendto(ip, port, send_data, server_socket)
    }

    /// `sendfile(int $conn_fd, string $filename, int $offset = 0, int $length = 0): bool`
    /// — the kernel copies the file into the connection (no PHP copy).
    pub fn sendfile(&self, conn_fd: IntArg, filename: StrArg, offset: Opt<IntArg>, length: Opt<IntArg>) -> PhpResult<bool> {
        self.do_sendfile(conn_fd, filename, offset, length)
    }

    /// `sendwait(int $conn_fd, string $send_data): bool` — BASE mode: sends and
    /// returns once the kernel took every byte.
    pub fn sendwait(&self, conn_fd: IntArg, send_data: StrArg) -> PhpResult<bool> {
        self.do_sendwait(conn_fd, send_data)
    }

    /// `close(int $fd, bool $reset = false): bool`
    pub fn close(&self, fd: IntArg, reset: Opt<BoolArg>) -> PhpResult<bool> {
        let fd = fd.get(1)?;
        let reset = reset.or(2, false)?;
        if self.not_running() {
            return Ok(false);
        }
        if fd <= 0 {
            return Ok(fail(ErrorCode::SESSION_INVALID_ID));
        }
        Ok(match worker::close(SessionId(fd as u64), reset) {
            Ok(()) => true,
            Err(code) => fail(code),
        })
    }

    /// `exists(int $fd): bool`
    pub fn exists(&self, fd: IntArg) -> PhpResult<bool> {
        let fd = fd.get(1)?;
        Ok(!self.not_running() && fd > 0 && worker::exists(SessionId(fd as u64)))
    }

    /// `exist(int $fd): bool` (alias of `exists`)
    pub fn exist(&self, fd: IntArg) -> PhpResult<bool> {
        self.exists(fd)
    }

    /// `getClientInfo(int $fd, int $reactor_id = -1, bool $ignoreError = false): array|false`
    #[php(name = "getClientInfo")]
    pub fn get_client_info(&self, fd: IntArg, reactor_id: Opt<IntArg>, ignore_error: Opt<BoolArg>) -> PhpResult<Zval> {
        let fd = fd.get(1)?;
        let _ = reactor_id.or(2, -1)?;
        let ignore_error = ignore_error.or(3, false)?;
        // Only open connections (and one whose onClose is running) have info;
        // with nothing kept of closed ones, $ignoreError changes nothing.
        let _ = ignore_error;
        if self.not_running() {
            return Ok(false.into_zval(false)?);
        }
        let info = if fd > 0 { worker::info(SessionId(fd as u64)) } else { None };
        let Some(info) = info else {
            process_state::set_last_error(ErrorCode::SESSION_NOT_EXIST.0);
            return Ok(false.into_zval(false)?);
        };
        let uid_dispatch = self.mode == MODE_PROCESS && self.settings.borrow().dispatch_mode == 5;
        Ok(crate::connections::info_array(&info, uid_dispatch).into_zval(false)?)
    }

    /// `connection_info()`: alias of `getClientInfo()`.
    #[php(name = "connection_info")]
    pub fn connection_info(&self, fd: IntArg, reactor_id: Opt<IntArg>, ignore_error: Opt<BoolArg>) -> PhpResult<Zval> {
        self.get_client_info(fd, reactor_id, ignore_error)
    }

    /// `getClientList(int $start_fd = 0, int $find_count = 10): array|false`
    #[php(name = "getClientList")]
    pub fn get_client_list(&self, start_fd: Opt<IntArg>, find_count: Opt<IntArg>) -> PhpResult<Zval> {
        let start = start_fd.or(1, 0)?;
        let count = find_count.or(2, 10)?;
        if self.not_running() {
            return Ok(false.into_zval(false)?);
        }
        if count > MAX_FIND_COUNT {
            zend::fatal_warning(&format!("swoole connection list max_find_count={MAX_FIND_COUNT}"));
            return Ok(false.into_zval(false)?);
        }
        if self.state.get() != Lifecycle::Running || worker::current_server().is_none() {
            return Ok(false.into_zval(false)?);
        }
        let mut a = ZendHashTable::new();
        for s in worker::client_list(start.max(0) as u64, count.max(0) as usize) {
            let _ = a.push(s.0 as i64);
        }
        Ok(a.into_zval(false)?)
    }

    /// `connection_list()`: alias of `getClientList()`.
    #[php(name = "connection_list")]
    pub fn connection_list(&self, start_fd: Opt<IntArg>, find_count: Opt<IntArg>) -> PhpResult<Zval> {
        self.get_client_list(start_fd, find_count)
    }

    /// `stats(): array`
    pub fn stats(&self) -> PhpResult<Zval> {
        if self.not_running() {
            return Ok(false.into_zval(false)?);
        }
        Ok(control::stats_array(&self.settings.borrow()).into_zval(false)?)
    }

    /// `shutdown(): bool` — stops every process of the server (SIGTERM to the master).
    pub fn shutdown(&self) -> bool {
        if self.state.get() != Lifecycle::Running {
            // Swoole's: no warning, only the code.
            return fail(ErrorCode::WRONG_OPERATION);
        }
        control::shutdown()
    }

    /// `stop(int $workerId = -1): bool` (Swoole 4's `$waitEvent` went in 5.0).
    pub fn stop(&self, worker_id: Opt<IntArg>) -> PhpResult<bool> {
        let id = worker_id.or(1, -1)?;
        if self.not_running() {
            return Ok(false);
        }
        Ok(control::stop_worker(id))
    }

    /// `tick(int $ms, callable $callback, mixed ...$params): int|false` —
    /// Swoole 4's alias of `Swoole\Timer::tick` (removed in Swoole 5, kept
    /// here: the seed documents use it).
    pub fn tick(&self, ms: IntArg, callback: CallableArg, params: &[&Zval]) -> PhpResult<Zval> {
        crate::timer::id_or_false(crate::timer::add(ms.get(1)?, callback.get(2)?, params, true))
    }

    /// `after(int $ms, callable $callback, mixed ...$params): int|false` (alias of `Swoole\Timer::after`).
    pub fn after(&self, ms: IntArg, callback: CallableArg, params: &[&Zval]) -> PhpResult<Zval> {
        crate::timer::id_or_false(crate::timer::add(ms.get(1)?, callback.get(2)?, params, false))
    }

    /// `clearTimer(int $timerId): bool` (alias of `Swoole\Timer::clear`).
    #[php(name = "clearTimer")]
    pub fn clear_timer(&self, timer_id: IntArg) -> PhpResult<bool> {
        Ok(crate::timer::clear(timer_id.get(1)?))
    }

    /// `defer(callable $callback): bool` (alias of `Swoole\Event::defer`).
    pub fn defer(&self, callback: CallableArg) -> PhpResult<bool> {
        crate::loop_php::defer(callback.get(1)?);
        Ok(true)
    }

    /// `addProcess(Swoole\Process $process): int|false` — a user process the
    /// manager starts with the server, restarts when it exits and stops on
    /// shutdown. Any `instanceof Swoole\Process` (a subclass too); returns
    /// its 0-based index among the user processes and sets `$process->id`
    /// to it (inside the started process `$id` is
    /// `worker_num + task_worker_num + index`).
    #[php(name = "addProcess")]
    pub fn add_process(&self, process: &Zval) -> PhpResult<Zval> {
        use ext_php_rs::class::RegisteredClass;
        let process_ce = crate::process::Process::get_metadata().ce();
        let Some(obj) = process.object().filter(|o| o.instance_of(process_ce)) else {
            zend::arg_type_error(1, "Swoole\\Process", process);
            return Err(ext_php_rs::exception::PhpException::from_message(String::new()));
        };
        if self.state.get() != Lifecycle::Created {
            zend::fatal_warning("server is running, cannot add process");
            return Ok(false.into_zval(false)?);
        }
        let mut list = self.user_processes.borrow_mut();
        let index = list.len() as i64;
        list.push(process.shallow_clone());
        props::set(obj as *const ext_php_rs::types::ZendObject as *mut zend_object, "id", index);
        Ok(index.into_zval(false)?)
    }

    /// `task(mixed $data, int $taskWorkerIndex = -1, ?callable $finishCallback = null): int|false`
    pub fn task(&self, data: &Zval, task_worker_index: Opt<IntArg>, finish_callback: Opt<CallableArg>) -> PhpResult<Zval> {
        let dst = task_worker_index.or(2, -1)?;
        let cb = finish_callback.callback(3)?;
        if self.not_running() {
            return Ok(false.into_zval(false)?);
        }
        Ok(match crate::task::task(data, dst, cb) {
            Some(id) => id.into_zval(false)?,
            None => false.into_zval(false)?,
        })
    }

    /// `taskwait(mixed $data, float $timeout = 0.5, int $taskWorkerIndex = -1): mixed`
    pub fn taskwait(&self, data: &Zval, timeout: Option<&Zval>, task_worker_index: Opt<IntArg>) -> PhpResult<Zval> {
        let timeout = timeout.map(|z| zend::arg_double(z, 2)).transpose()?.unwrap_or(0.5);
        let dst = task_worker_index.or(3, -1)?;
        if self.not_running() {
            return Ok(false.into_zval(false)?);
        }
        Ok(crate::task::taskwait(data, timeout, dst))
    }

    /// `taskWaitMulti(array $tasks, float $timeout = 0.5): array|false`
    #[php(name = "taskWaitMulti")]
    pub fn task_wait_multi(&self, tasks: ArrayArg, timeout: Option<&Zval>) -> PhpResult<Zval> {
        let tasks = tasks.get(1)?;
        let timeout = timeout.map(|z| zend::arg_double(z, 2)).transpose()?.unwrap_or(0.5);
        if self.not_running() {
            return Ok(false.into_zval(false)?);
        }
        Ok(crate::task::task_wait_multi(tasks, timeout))
    }

    /// `taskCo(array $tasks, float $timeout = 0.5): array|false` — needs
    /// coroutines, which this extension does not have.
    #[php(name = "taskCo")]
    pub fn task_co(&self, tasks: ArrayArg, timeout: Option<&Zval>) -> PhpResult<bool> {
        let _ = tasks.get(1)?;
        let _ = timeout.map(|z| zend::arg_double(z, 2)).transpose()?;
        warning("taskCo() needs coroutines, which this extension does not provide; use taskWaitMulti()");
        Ok(false)
    }

    /// `finish(mixed $data): bool` — inside onTask.
    pub fn finish(&self, data: &Zval) -> bool {
        crate::task::finish(data)
    }

    /// `sendMessage(mixed $message, int $dst_worker_id): bool` — runs
    /// onPipeMessage($server, $src_worker_id, $message) in worker
    /// `$dst_worker_id` (non-strings travel serialized).
    #[php(name = "sendMessage")]
    pub fn send_message(&self, message: &Zval, dst_worker_id: IntArg) -> PhpResult<bool> {
        let dst = dst_worker_id.get(2)?;
        if self.not_running() {
            return Ok(false);
        }
        if !self.callbacks.borrow().contains_key(&Event::PipeMessage) {
            return Ok(zend::fatal_warning("onPipeMessage is null, can't use sendMessage"));
        }
        Ok(control::send_message(message, dst))
    }

    /// `bind(int $fd, int $uid): bool` — ties a connection to a user id,
    /// once; with `dispatch_mode` 5 the uid picks the worker.
    pub fn bind(&self, fd: IntArg, uid: IntArg) -> PhpResult<bool> {
        let fd = fd.get(1)?;
        let uid = uid.get(2)?;
        if self.not_running() {
            return Ok(false);
        }
        if uid > u32::MAX as i64 || uid < i32::MIN as i64 {
            return Ok(zend::fatal_warning(&format!("uid can not be greater than {} or less than {}", u32::MAX, i32::MIN)));
        }
        // A negative uid is kept as its 32-bit unsigned form, as Swoole does.
        let uid = uid as u32 as u64;
        let Some(shared) = worker::current_server() else { return Ok(false) };
        if fd <= 0 {
            return Ok(false);
        }
        let session = SessionId(fd as u64);
        if shared.table.owner(session).is_none() {
            return Ok(fail(ErrorCode::SESSION_NOT_EXIST));
        }
        // Binding 0 changes nothing; Swoole still says true while unbound.
        Ok(if uid == 0 { shared.table.uid(session) == 0 } else { shared.table.bind(session, uid) })
    }

    /// `protect(int $fd, bool $is_protected = true): bool` — exempts a
    /// connection from heartbeat checks.
    pub fn protect(&self, fd: IntArg, is_protected: Opt<BoolArg>) -> PhpResult<bool> {
        let fd = fd.get(1)?;
        let on = is_protected.or(2, true)?;
        if self.not_running() {
            return Ok(false);
        }
        let Some(shared) = worker::current_server() else { return Ok(false) };
        if fd <= 0 || !shared.table.protect(SessionId(fd as u64), on) {
            return Ok(fail(ErrorCode::SESSION_NOT_EXIST));
        }
        Ok(true)
    }

    /// `pause(int $fd): bool` — stop reading a connection.
    pub fn pause(&self, fd: IntArg) -> PhpResult<bool> {
        self.set_paused(fd.get(1)?, true)
    }

    /// `resume(int $fd): bool` — read a paused connection again.
    pub fn resume(&self, fd: IntArg) -> PhpResult<bool> {
        self.set_paused(fd.get(1)?, false)
    }

    /// `confirm(int $fd): bool` — with `enable_delay_receive`, start reading
    /// a new connection.
    pub fn confirm(&self, fd: IntArg) -> PhpResult<bool> {
        self.set_paused(fd.get(1)?, false)
    }

    /// `reload(bool $only_reload_taskworker = false): bool`
    pub fn reload(&self, only_reload_taskworker: Opt<BoolArg>) -> PhpResult<bool> {
        let only_task = only_reload_taskworker.or(1, false)?;
        if self.not_running() {
            return Ok(false);
        }
        Ok(control::reload(only_task))
    }

    /// `heartbeat(bool $ifCloseConnection = true): array|false` — the
    /// connections idle longer than `heartbeat_idle_time`, closed when
    /// `$ifCloseConnection` is true. Called without it they stay open: that
    /// is what Swoole 6.2 does (its C code defaults to false, whatever its
    /// stub declares), and code written for it relies on that.
    pub fn heartbeat(&self, if_close_connection: Opt<BoolArg>) -> PhpResult<Zval> {
        let close = if_close_connection.or(1, false)?;
        if self.not_running() {
            return Ok(false.into_zval(false)?);
        }
        let hb = self.settings.borrow().heartbeat();
        let Some(hb) = hb.filter(|_| self.state.get() == Lifecycle::Running) else {
            return Ok(false.into_zval(false)?);
        };
        let mut a = ZendHashTable::new();
        for s in worker::idle_sessions(hb.idle) {
            if close {
                let _ = worker::close(s, false);
            }
            let _ = a.push(s.0 as i64);
        }
        Ok(a.into_zval(false)?)
    }

    /// `addCommand(string $name, int $accepted_process_types, callable $callback): bool`
    #[php(name = "addCommand")]
    pub fn add_command(&self, name: StrArg, accepted_process_types: IntArg, callback: CallableArg) -> PhpResult<bool> {
        let name = name.string(1)?;
        let accepted = accepted_process_types.get(2)?;
        let cb = callback.get(3)?;
        let running = self.state.get() != Lifecycle::Created;
        Ok(crate::command::add(&mut self.commands.borrow_mut(), running, name, accepted, cb))
    }

    /// `command(string $name, int $process_id, int $process_type, mixed $data, bool $json_decode = true): array|string|false`
    pub fn command(
        self_: &mut ZendClassObject<Server>,
        name: StrArg,
        process_id: IntArg,
        process_type: IntArg,
        data: &Zval,
        json_decode: Opt<BoolArg>,
    ) -> PhpResult<Zval> {
        let name = name.string(1)?;
        let process_id = process_id.get(2)?;
        let process_type = process_type.get(3)?;
        let json_decode = json_decode.or(5, true)?;
        if self_.not_running() {
            return Ok(false.into_zval(false)?);
        }
        let obj: *mut zend_object = self_.get_mut_zend_obj();
        let commands = self_.commands.borrow().clone();
        Ok(crate::command::command(&commands, obj, &name, process_id, process_type, data, json_decode))
    }

    /// `getLastError(): int`
    #[php(name = "getLastError")]
    pub fn get_last_error(&self) -> i64 {
        process_state::last_error() as i64
    }

    /// `getMasterPid(): int`
    #[php(name = "getMasterPid")]
    pub fn get_master_pid(&self) -> i64 {
        process_state::master_pid() as i64
    }

    /// `getManagerPid(): int`
    #[php(name = "getManagerPid")]
    pub fn get_manager_pid(&self) -> i64 {
        process_state::manager_pid() as i64
    }

    /// `getWorkerId(): int|false`
    #[php(name = "getWorkerId")]
    pub fn get_worker_id(&self) -> PhpResult<Zval> {
        Ok(match process_state::role() {
            Role::Worker(id) | Role::Task(id) => (id as i64).into_zval(false)?,
            _ => false.into_zval(false)?,
        })
    }

    /// `getWorkerPid(int $worker_id = -1): int|false`
    #[php(name = "getWorkerPid")]
    pub fn get_worker_pid(&self, worker_id: Opt<IntArg>) -> PhpResult<Zval> {
        let id = worker_id.or(1, -1)?;
        Ok(match control::worker_pid(id) {
            Some(pid) => (pid as i64).into_zval(false)?,
            None => false.into_zval(false)?,
        })
    }

    /// `getWorkerStatus(int $worker_id = -1): int|false`
    #[php(name = "getWorkerStatus")]
    pub fn get_worker_status(&self, worker_id: Opt<IntArg>) -> PhpResult<Zval> {
        let id = worker_id.or(1, -1)?;
        if self.not_running() {
            return Ok(false.into_zval(false)?);
        }
        Ok(match control::worker_status(id) {
            Some(s) if s != WorkerStatus::None => (s as i64).into_zval(false)?,
            _ => false.into_zval(false)?,
        })
    }
}

impl Server {
    /// Once `start()` returned: closes every listening socket (the server's
    /// and its ports'), so the same addresses can be bound again, by a new
    /// server in the same script.
    pub(crate) fn release_ports(&self, obj: *mut zend_object) {
        drop(self.listener.borrow_mut().take());
        for (_, zv) in props::array_copy(obj, "ports").iter() {
            if let Some(port) = crate::port::Port::from_zval(zv) {
                drop(port.listener.borrow_mut().take());
            }
        }
    }
}
