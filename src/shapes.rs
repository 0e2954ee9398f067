//! The PHP side of the three shapes `start()` runs (single process; manager
//! and workers in BASE mode; master, reactor threads, manager and workers in
//! PROCESS mode): the steps `core/src/topology.rs` calls in its order, the
//! manager's worker factory and the PROCESS master's loop.

use crate::events::Event;
use crate::host::{long, Failure, ProcessHost};
use crate::loop_php;
use crate::process_state::{self, Role};
use crate::props;
use crate::zend::{self, warning};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;
use swoole_core::event_loop::LoopHandler;
use swoole_core::manager::WorkerFactory;
use swoole_core::master::StdListener;
use swoole_core::topology::{Seat, Steps};

impl ProcessHost {
    /// The PROCESS master's listeners (a dup of each stream port's socket)
    /// and its reactor threads' configuration; warns about the callbacks
    /// the dispatch mode drops.
    fn master_plan(&mut self) -> Option<(Vec<(usize, StdListener)>, swoole_core::master::MasterConfig)> {
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
                    return None;
                }
            };
            // The master accepts on the dup; the threads keep the rest of the spec.
            if let Some(fd) = spec.socket.take().filter(|_| !p.spec.sock_type.is_datagram()) {
                listeners.push((i, match p.spec.sock_type {
                    swoole_core::listener::SockType::UnixStream => StdListener::Unix(fd.into()),
                    _ => StdListener::Tcp(fd.into()),
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
            dispatch_func: self.dispatch_func().map(|f| f.spec()),
        };
        Some((listeners, swoole_core::master::MasterConfig { reactor_num: s.reactor_num, max_connection: s.max_connection, thread }))
    }

    /// The `dispatch_func` the master calls. None on a server with an HTTP
    /// port: HTTP is parsed in the worker, so every byte of a connection
    /// must reach one worker (the reason `dispatch_mode` becomes 2 there).
    fn dispatch_func(&self) -> Option<crate::dispatch_func::DispatchFunc> {
        if crate::http::config::any_port() {
            return None;
        }
        crate::dispatch_func::DispatchFunc::of(self.obj, self.settings.worker_num)
    }

    /// Records the manager's pid everywhere it is read, and this process's role.
    pub(crate) fn know_manager(&self, manager: i32, role: Role) {
        self.shared.stats.counters().manager_pid.store(manager, Ordering::Relaxed);
        process_state::set_manager(manager, role);
        props::set(self.obj, "manager_pid", manager as i64);
    }
}

/// The steps of `core/src/topology.rs`'s shapes that call PHP.
impl Steps for ProcessHost {
    fn shared(&self) -> Arc<swoole_core::shared::ServerShared> {
        self.shared.clone()
    }

    fn max_wait(&self) -> Duration {
        Duration::from_secs_f64(self.settings.max_wait_time)
    }

    fn warn(&mut self, msg: &str) {
        warning(msg);
    }

    fn run_alone(&mut self) -> bool {
        match ProcessHost::run_worker(self, 0) {
            Ok(()) => true,
            Err(Failure::Pending) | Err(Failure::Exit(_)) => false,
            Err(Failure::Bailout) => {
                self.callbacks.clear();
                // SAFETY: re-raising the fatal error's bailout; our state is dropped.
                unsafe { ext_php_rs::zend::bailout() }
            }
        }
    }

    fn know_manager(&mut self, manager_pid: i32, seat: Seat) {
        let role = match seat {
            Seat::Manager => Role::Manager,
            Seat::Master => Role::Master,
        };
        ProcessHost::know_manager(self, manager_pid, role);
    }

    fn end_loop(&mut self) {
        loop_php::reset_after_fork();
    }

    fn on_manager_start(&mut self) -> bool {
        self.call_in_master(Event::ManagerStart, vec![])
    }

    fn on_manager_stop(&mut self) {
        self.call_in_master(Event::ManagerStop, vec![]);
    }

    fn on_start(&mut self) {
        if !self.call_in_master(Event::Start, vec![]) {
            zend::report_pending_exception();
        }
    }

    fn on_shutdown(&mut self) {
        self.call_in_master(Event::Shutdown, vec![]);
    }

    fn manager_side(&mut self) -> Box<dyn LoopHandler> {
        Box::new(crate::side_loop::SideHandler::new(crate::side_loop::MANAGER_SIGNAL_FUNC))
    }

    fn master_plan(&mut self) -> Option<(Vec<(usize, StdListener)>, swoole_core::master::MasterConfig)> {
        ProcessHost::master_plan(self)
    }

    fn master_side(&mut self) -> Box<dyn swoole_core::master::MasterSide + '_> {
        let dispatch = self.dispatch_func();
        Box::new(MasterLoop { host: self, linger: Vec::new(), linger_until: None, dispatch })
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
    /// `dispatch_func`, which the reactor threads ask about each event.
    dispatch: Option<crate::dispatch_func::DispatchFunc>,
}

impl swoole_core::master::MasterSide for MasterLoop<'_> {
    fn loop_fd(&mut self) -> Option<std::os::fd::RawFd> {
        swoole_core::event_loop::poll_fd()
    }

    fn length_func(&mut self, port: usize, data: &[u8]) -> swoole_core::client::Length {
        crate::length_func::call(port, data)
    }

    fn dispatch_func(&mut self, session: swoole_core::session::SessionId, event: i64, data: Option<&[u8]>)
        -> swoole_core::dispatch::FuncChoice {
        self.dispatch.as_ref().map_or(swoole_core::dispatch::FuncChoice::Fallback, |f| f.call(session, event, data))
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

