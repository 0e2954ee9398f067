//! The three shapes `start()` runs: single process, manager + workers
//! (BASE), master + reactor threads + manager + workers (PROCESS); and the
//! PHP side of the manager (its factory) and of the PROCESS master's loop.

use crate::events::Event;
use crate::host::{long, Failure, ProcessHost};
use crate::loop_php;
use crate::process_state::{self, Role};
use crate::props;
use crate::zend::{self, warning};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;
use nix::sys::signal::{kill, Signal};
use nix::unistd::Pid;
use swoole_core::fork::{ForkOptions, ParentSignals};
use swoole_core::manager::{Supervisor, WorkerFactory};

impl ProcessHost {
    /// Single-process mode.
    pub(crate) fn run_single(&mut self) -> bool {
        match self.run_worker(0) {
            Ok(()) => {}
            Err(Failure::Pending) => return false,
            Err(Failure::Bailout) => {
                self.callbacks.clear();
                // SAFETY: re-raising the fatal error's bailout; our state is dropped.
                unsafe { ext_php_rs::zend::bailout() }
            }
            Err(Failure::Exit(_)) => return false,
        }
        self.call_in_master(Event::Shutdown, vec![]);
        true
    }

    /// SWOOLE_PROCESS: fork the manager (which forks the workers), then run
    /// the master: onStart, the accept loop and reactor threads until
    /// shutdown, onShutdown.
    pub(crate) fn run_process_mode(&mut self) -> bool {
        let s = &self.settings;
        let dispatch = swoole_core::dispatch::DispatchMode::from_setting(s.dispatch_mode);
        if !dispatch.is_hash() && !s.enable_unsafe_event {
            let dropped: Vec<&str> = [
                (Event::Connect, "onConnect"),
                (Event::Close, "onClose"),
                (Event::BufferFull, "onBufferFull"),
                (Event::BufferEmpty, "onBufferEmpty"),
            ]
            .iter()
            .filter(|(e, _)| self.callbacks.contains_key(e))
            .map(|&(_, n)| n)
            .collect();
            if !dropped.is_empty() {
                warning(&format!(
                    "cannot set {} with dispatch_mode={}: packets of one connection may reach different workers \
                     (set enable_unsafe_event to receive them anyway)",
                    dropped.join("/"),
                    s.dispatch_mode
                ));
            }
        }
        // The master accepts on the stream ports; datagram ports are the workers'.
        let mut listeners = Vec::new();
        let mut thread_ports = Vec::new();
        for (i, p) in self.ports.iter().enumerate() {
            let mut spec = match p.spec.try_clone(true) {
                Ok(spec) => spec,
                Err(e) => {
                    warning(&format!("failed to duplicate the listening socket: {e}"));
                    return false;
                }
            };
            // The master accepts on the dup; the threads keep the rest of the spec.
            if let Some(fd) = spec.socket.take().filter(|_| !p.spec.sock_type.is_datagram()) {
                listeners.push((i, match p.spec.sock_type {
                    swoole_core::listener::SockType::UnixStream => swoole_core::master::StdListener::Unix(fd.into()),
                    _ => swoole_core::master::StdListener::Tcp(fd.into()),
                }));
            }
            thread_ports.push(spec);
        }
        let thread = swoole_core::reactor_thread::ThreadConfig {
            reactor: self.reactor_config(0),
            ports: thread_ports,
            dispatcher: Arc::new(swoole_core::dispatch::Dispatcher::new(dispatch, s.worker_num)),
            unsafe_events: s.enable_unsafe_event,
            max_queued_bytes: s.max_queued_bytes,
        };
        let cfg = swoole_core::master::MasterConfig { reactor_num: s.reactor_num, max_connection: s.max_connection, thread };
        // Workers must not run onStart: the master does.
        self.shared.stats.counters().onstart_called.store(1, Ordering::SeqCst);
        // The manager forks and supervises the workers, and stops them if
        // the master dies. The master is still single-threaded here (rule
        // 2): the reactor threads start after this fork. Its signals stay
        // blocked until its loop owns them (below).
        let opts = ForkOptions { name: "manager", id: None, signals: ParentSignals::KeepBlocked, die_with_parent: true };
        let forked = zend::fork_php_child(opts, self, |host| {
            host.know_manager(nix::unistd::getpid().as_raw(), Role::Manager);
            loop_php::reset_after_fork();
            if host.run_manager() { 0 } else { 1 }
        });
        let pid = match forked {
            Ok(pid) => pid,
            Err(e) => {
                warning(&format!("failed to fork the manager: {e}"));
                return false;
            }
        };
        // onStart's timers live on the process's event loop, which the master
        // serves; the master's signals go to that loop from now on (this
        // unblocks them): SIGTERM, even from onStart's shutdown(), stops the
        // server in order, and SIGHUP/SIGPIPE without a callback are logged.
        let master_signals: Vec<i32> =
            swoole_core::signals::SERVER_SIGNALS.into_iter().chain(swoole_core::signals::LOGGED_SIGNALS).collect();
        match swoole_core::event_loop::own_signals(&master_signals) {
            Ok(()) => {}
            Err(e) => {
                let _ = kill(Pid::from_raw(pid), Signal::SIGTERM);
                warning(&format!("failed to install the signal handlers: {e}"));
                return false;
            }
        };
        self.know_manager(pid, Role::Master);
        if !self.call_in_master(Event::Start, vec![]) {
            zend::report_pending_exception();
        }
        let ended = swoole_core::master::run(listeners, self.shared.clone(), cfg, pid, &mut MasterLoop { host: self, linger: Vec::new(), linger_until: None });
        // The master's timers end with the server, as a worker's do.
        loop_php::reset_after_fork();
        match ended {
            Ok(swoole_core::master::MasterEnd::Shutdown) => {}
            Ok(swoole_core::master::MasterEnd::ManagerLost) => {
                swoole_core::log::error("the manager process exited unexpectedly; the server stops")
            }
            Err(e) => warning(&format!("the master failed: {e}")),
        }
        self.call_in_master(Event::Shutdown, vec![]);
        true
    }

    /// Records the manager's pid everywhere it is read, and this process's role.
    pub(crate) fn know_manager(&self, manager: i32, role: Role) {
        self.shared.stats.counters().manager_pid.store(manager, Ordering::Relaxed);
        process_state::set_manager(manager, role);
        props::set(self.obj, "manager_pid", manager as i64);
    }

    /// Manager mode: this process supervises forked workers.
    pub(crate) fn run_manager(&mut self) -> bool {
        let shared = self.shared.clone();
        let max_wait = Duration::from_secs_f64(self.settings.max_wait_time);
        // The supervisor routes the manager's signals into the process's
        // event loop, where onManagerStart's timers and signal callbacks run.
        let mut sup = match Supervisor::new(&shared, max_wait) {
            Ok(sup) => sup,
            Err(e) => {
                warning(&format!("failed to start the manager: {e}"));
                return false;
            }
        };
        if !self.call_in_master(Event::ManagerStart, vec![]) {
            loop_php::reset_after_fork();
            return false;
        }
        sup.run(self, &mut crate::side_loop::SideHandler::new(crate::side_loop::MANAGER_SIGNAL_FUNC));
        drop(sup);
        // The manager's timers end with the server, and its signals get their
        // default actions back (in BASE mode this is the script's process).
        loop_php::reset_after_fork();
        self.call_in_master(Event::ManagerStop, vec![]);
        if !self.process_mode {
            // In PROCESS mode the master runs onShutdown, once the manager is gone.
            self.call_in_master(Event::Shutdown, vec![]);
        }
        true
    }
}

impl WorkerFactory for ProcessHost {
    fn before_fork(&mut self) {
        zend::flush_output();
    }

    fn run_worker(&mut self, worker_id: usize) -> i32 {
        let workers = self.settings.worker_num + self.settings.task_worker_num;
        if worker_id >= workers {
            self.run_user_process(worker_id - workers);
        }
        match ProcessHost::run_worker(self, worker_id) {
            Ok(()) => 0,
            Err(Failure::Exit(code)) => code,
            Err(_) => 255,
        }
    }

    fn exit_child(&mut self, code: i32) -> ! {
        zend::exit_child(code)
    }

    fn on_command(&mut self, request: &swoole_core::command::Request) -> Vec<u8> {
        crate::command::run(&self.commands, self.obj, &request.name, &request.data)
    }

    fn on_reload(&mut self, after: bool) {
        if !after {
            // The workers forked next (and the PROCESS-mode master) serve the new certificates.
            swoole_core::tls::registry::reload_all();
        }
        let ev = if after { Event::AfterReload } else { Event::BeforeReload };
        if !self.call_in_master(ev, vec![]) {
            zend::report_pending_exception();
        }
    }

    fn on_worker_error(&mut self, worker_id: usize, pid: i32, exit_code: i32, signal: i32) {
        let args = if self.settings.event_object {
            vec![crate::event_objects::status_info(worker_id as i64, pid as i64, exit_code, signal)]
        } else {
            vec![long(worker_id as i64), long(pid as i64), long(exit_code as i64), long(signal as i64)]
        };
        if !self.call_in_master(Event::WorkerError, args) {
            zend::report_pending_exception();
        }
    }
}

/// The PROCESS master's event loop: PHP timers, events and signal callbacks
/// created in onStart, run by the master's main thread between accepts.
struct MasterLoop<'h> {
    /// The server's callbacks (onBeforeShutdown).
    host: &'h ProcessHost,
    /// Timers onBeforeShutdown created, which run before the workers stop,
    /// until `max_wait_time` has passed at the latest.
    linger: Vec<swoole_core::timer::TimerId>,
    /// That deadline.
    linger_until: Option<std::time::Instant>,
}

impl swoole_core::master::MasterSide for MasterLoop<'_> {
    fn loop_fd(&mut self) -> Option<std::os::fd::RawFd> {
        swoole_core::event_loop::poll_fd()
    }

    fn length_func(&mut self, port: usize, data: &[u8]) -> swoole_core::client::Length {
        crate::length_func::call(port, data)
    }

    fn run_loop(&mut self) -> Vec<swoole_core::signals::Signal> {
        crate::side_loop::run_master_once()
    }

    fn before_shutdown(&mut self) {
        use swoole_core::event_loop;
        let before = event_loop::timer_ids().into_iter().max();
        if !self.host.call_in_master(Event::BeforeShutdown, vec![]) {
            zend::report_pending_exception();
        }
        self.linger = event_loop::timer_ids().into_iter().filter(|id| Some(*id) > before).collect();
        self.linger_until =
            Some(std::time::Instant::now() + Duration::from_secs_f64(self.host.settings.max_wait_time));
        event_loop::arm_next_timer();
    }

    fn shutdown_ready(&mut self) -> bool {
        if self.linger_until.is_some_and(|t| std::time::Instant::now() >= t) {
            self.linger.clear();
        }
        self.linger.retain(|id| swoole_core::event_loop::timer_exists(*id));
        self.linger.is_empty()
    }
}

