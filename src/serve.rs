//! One worker's life in its process: privileges, identity, its reactor,
//! onStart/onWorkerStart, the loop, onWorkerStop; and a user process's.

use crate::events::Event;
use crate::handler::PhpHandler;
use crate::host::{long, Failure, ProcessHost};
use crate::loop_php;
use crate::process_state::{self, manager_pid, Role};
use crate::props;
use crate::zend::warning;
use ext_php_rs::ffi::zend_object;
use ext_php_rs::types::{ZendClassObject, ZendObject};
use std::sync::atomic::Ordering;
use std::time::Duration;
use swoole_core::reactor::{Reactor, ReactorConfig};
use swoole_core::stats::WorkerStatus;
use swoole_core::worker::{self, LoopEnd};
use swoole_core::SessionId;

/// `enable_reuse_port`: this worker's own listening socket for `spec`'s
/// address (SO_REUSEPORT), in listen state.
pub(crate) fn own_reuse_port_socket(spec: &swoole_core::port::PortSpec, addr: std::net::SocketAddr, backlog: i32)
    -> std::io::Result<swoole_core::port::PortSpec> {
    let to_io = |e: swoole_core::listener::ListenError| std::io::Error::other(format!("{e:?}"));
    let own = swoole_core::listener::BoundListener::bind_shared(addr, spec.sock_type).map_err(to_io)?;
    own.listen(backlog).map_err(to_io)?;
    spec.options.apply_listener(own.raw_fd());
    let socket = own.try_clone_fd()?;
    let mut out = spec.try_clone(false)?;
    out.raw_fd = std::os::fd::AsRawFd::as_raw_fd(&socket);
    out.socket = Some(socket);
    Ok(out)
}

impl ProcessHost {
    /// `user`/`group`/`chroot` in a worker, task worker or user process
    /// (after binding; in single-process mode after onStart, as Swoole). A
    /// process that cannot switch does not serve as root: a forked one exits
    /// and asks for the server's shutdown (its successors would fail the
    /// same way), the single process returns from start() with a warning.
    pub(crate) fn drop_privileges(&self) -> Result<(), Failure> {
        let s = &self.settings;
        if let Err(e) = self.identity.apply(s.chroot.as_deref()) {
            let msg = format!("failed to switch to user/group/chroot, the server stops: {e}");
            if self.single {
                warning(&msg);
                return Err(Failure::Pending);
            }
            swoole_core::log::error(&msg);
            let _ = self.shared.commands.manager.send(0, swoole_core::inbox::Kind::Shutdown, SessionId(0), &[]);
            return Err(Failure::Exit(1));
        }
        // setuid() cleared the parent-death signal: arm it again, and
        // check the parent did not die meanwhile.
        if !self.single && !self.identity.is_unchanged() {
            swoole_core::fork::die_with_parent(manager_pid());
        }
        Ok(())
    }

    /// Sets the identity properties of a worker process.
    pub(crate) fn become_worker(&self, id: usize) {
        let pid = nix::unistd::getpid().as_raw();
        let task = id >= self.settings.worker_num;
        process_state::set_role(if task { Role::Task(id) } else { Role::Worker(id) });
        if let Some(slot) = self.shared.stats.worker(id) {
            slot.pid.store(pid, Ordering::SeqCst);
        }
        props::set(self.obj, "worker_id", id as i64);
        props::set(self.obj, "worker_pid", pid as i64);
        props::set(self.obj, "taskworker", task);
        crate::task::set_send_timeout(self.settings.socket_send_timeout);
    }

    /// What worker `id`'s reactor (or, with `id` a reactor thread's, a
    /// PROCESS-mode reactor thread) is built with.
    pub(crate) fn reactor_config(&self, id: usize) -> ReactorConfig {
        let s = &self.settings;
        let task = id >= s.worker_num;
        ReactorConfig {
            buffer_limits: (s.socket_buffer_size, s.high_watermark(), s.buffer_low_watermark),
            worker_id: id,
            max_connection: s.max_connection,
            max_wait: Duration::from_secs_f64(s.max_wait_time),
            request_limit: if task { s.task_max_request } else { s.worker_request_limit(random_u64()) },
            delay_receive: s.enable_delay_receive,
            output_limit: s.output_buffer_size,
            heartbeat: s.heartbeat(),
        }
    }

    /// Runs worker `id` in this process until it stops; `Err` says how it failed.
    pub(crate) fn run_worker(&mut self, id: usize) -> Result<(), Failure> {
        if !self.single {
            // A forked worker starts with a loop of its own: the inherited
            // epoll instance is shared with the parent, and timers are per process.
            loop_php::reset_after_fork();
            self.drop_privileges()?;
        }
        self.become_worker(id);
        let task = id >= self.settings.worker_num;
        if self.settings.open_cpu_affinity && !self.single {
            // Worker i on CPU i % cpus, as Swoole's open_cpu_affinity.
            let cpu = id % swoole_core::stats::cpu_num();
            if let Err(e) = swoole_core::process::set_affinity(&[cpu]) {
                swoole_core::log::warning(&format!("worker#{id}: cannot set the CPU affinity: {e}"));
            }
        }
        let cfg = self.reactor_config(id);
        // A task worker serves only its inbox; a PROCESS-mode worker only the
        // datagram ports (reactor threads send it the connection events).
        let specs: std::io::Result<Vec<_>> = self
            .ports
            .iter()
            .map(|p| {
                let serves = !task && (!self.process_mode || p.spec.sock_type.is_datagram());
                match p.reuse_port.filter(|_| serves) {
                    Some((addr, backlog)) => own_reuse_port_socket(&p.spec, addr, backlog),
                    None => p.spec.try_clone(serves),
                }
            })
            .collect();
        let reactor = specs.and_then(|specs| Reactor::new(specs, self.shared.clone(), cfg));
        // A single-process server is the master too: SIGHUP (a closed
        // terminal) and SIGPIPE do not end it.
        let reactor = reactor.and_then(|r| {
            if self.single {
                swoole_core::event_loop::own_signals(&swoole_core::signals::LOGGED_SIGNALS)?;
            }
            Ok(r)
        });
        match reactor {
            Ok(r) => worker::install(r),
            Err(e) => {
                swoole_core::log::warning(&format!("worker#{id}: failed to create the event loop: {e}"));
                return Err(Failure::Exit(1));
            }
        }
        let result = self.serve(id);
        if let Some(slot) = self.shared.stats.worker(id) {
            slot.status.store(WorkerStatus::Exit as u32, Ordering::Relaxed);
        }
        drop(worker::uninstall());
        // The loop took the server's signals; give them back (single process:
        // Ctrl-C after start() returns must work again). Timers die with their worker.
        loop_php::reset_after_fork();
        result
    }

    /// onStart (worker 0, once per server), onWorkerStart, the loop, onWorkerStop.
    pub(crate) fn serve(&mut self, id: usize) -> Result<(), Failure> {
        let counters = self.shared.stats.counters();
        if id == 0 && counters.onstart_called.swap(1, Ordering::SeqCst) == 0 {
            if let Some(f) = self.failure_of(self.call(Event::Start, vec![])) {
                return Err(f);
            }
        }
        if self.single {
            // The one process serves the connections: it switches too, after
            // onStart (which runs as the master, as in Swoole).
            self.drop_privileges()?;
        }
        // Swoole's library hook first (the stats_file timer), then the script's.
        if let Some(f) = self.failure_of(crate::stats_file::on_worker_start(self, id)) {
            return Err(f);
        }
        if let Some(f) = self.failure_of(self.call(Event::WorkerStart, vec![long(id as i64)])) {
            return Err(f);
        }
        let mut handler = PhpHandler {
            host: self,
            on_connect: self.callbacks.get(&Event::Connect),
            on_receive: self.callbacks.get(&Event::Receive),
            on_close: self.callbacks.get(&Event::Close),
            on_packet: self.callbacks.get(&Event::Packet),
            per_port: self.ports.iter().any(|p| !p.callbacks.is_empty()),
            http: crate::http::config::any_port(),
            failure: None,
            staged: None,
        };
        let end = worker::run(&mut handler);
        let failure = handler.failure;
        if end == LoopEnd::Aborted {
            return Err(failure.unwrap_or(Failure::Exit(255)));
        }
        // A stop that ended the loop without onWorkerExit (a second SIGTERM
        // while draining) leaves the stats timer: it is cleared here then,
        // so onWorkerStop sees `stats_timer` null.
        if let Some(f) = self.failure_of(crate::stats_file::on_worker_exit(self, id)) {
            return Err(f);
        }
        if let Some(f) = self.failure_of(self.call(Event::WorkerStop, vec![long(id as i64)])) {
            return Err(f);
        }
        Ok(())
    }

    /// Runs user process `index` in this (forked) process; never returns.
    pub(crate) fn run_user_process(&mut self, index: usize) -> ! {
        let id = self.shared.stats.user_slot(index);
        let shared = self.shared.clone();
        if self.drop_privileges().is_err() {
            crate::zend::exit_child(1);
        }
        let zv = self.user_processes[index].shallow_clone();
        let obj = zv.object().map(|o| o as *const ZendObject as *mut zend_object).expect("addProcess stored an object");
        // SAFETY: addProcess only stores Swoole\Process objects.
        let process = unsafe { ZendClassObject::<crate::process::Process>::from_zend_obj(&*obj) }
            .expect("a Swoole\\Process object");
        process.run_child(obj, move || {
            // The inherited handlers write to the supervisor's pipe, closed
            // here: a user process gets the default actions back (SIGTERM ends
            // it) unless it watches a signal itself. The supervisor blocked
            // them across fork; unblock them now.
            swoole_core::signals::reset_defaults();
            swoole_core::signals::unblock();
            let pid = nix::unistd::getpid().as_raw();
            if let Some(slot) = shared.stats.worker(id) {
                slot.pid.store(pid, Ordering::SeqCst);
            }
            swoole_core::log::set_process(swoole_core::log::ProcessKind::UserWorker, id as i32);
            process_state::enter_user_process(index, shared.clone());
            worker::join_server(shared);
            props::set(obj, "id", id as i64);
        })
    }
}

/// A random number for `max_request_grace` (no crypto needed).
fn random_u64() -> u64 {
    // std's SipHash with random keys, over this process's pid and the time:
    // forked workers inherit the keys, the pid tells them apart.
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_i32(nix::unistd::getpid().as_raw());
    h.write_u128(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos()));
    h.finish()
}

