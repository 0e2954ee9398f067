//! `start()`: from the server object's settings, callbacks and ports to a
//! running server, in the shape [`crate::shapes`] picks; and what comes
//! before the first fork (pid file, daemonize, log, privileges preflight).

use swoole_core::topology::Shape;
use crate::events::Event;
use crate::host::{PortRuntime, ProcessHost};
use crate::process_state::{self, Role};
use crate::props;
use crate::server::Server;
use crate::zend::{self, warning, Callback};
use ext_php_rs::types::Zval;
use swoole_core::worker;
use ext_php_rs::ffi::zend_object;
use std::collections::HashMap;
use std::sync::atomic::Ordering;
use swoole_core::listener::SockType;
use swoole_core::reactor::ServerShared;
use swoole_core::settings::ServerSettings;
use swoole_core::stats::now_f64;

/// The `pid_file`: written when the server starts, removed when start()
/// returns (only if it still holds our pid).
struct PidFile {
    path: Option<String>,
    pid: i32,
}

impl PidFile {
    fn write(path: Option<&str>) -> std::io::Result<PidFile> {
        let pid = nix::unistd::getpid().as_raw();
        if let Some(p) = path {
            swoole_core::pid_file::create(p, pid)?;
        }
        Ok(PidFile { path: path.map(str::to_string), pid })
    }
}

impl Drop for PidFile {
    fn drop(&mut self) {
        if nix::unistd::getpid().as_raw() != self.pid {
            return; // a forked child leaving: the file is the master's
        }
        if let Some(p) = &self.path {
            swoole_core::pid_file::remove(p, self.pid);
        }
    }
}

/// `start()`. Returns true after the server has shut down.
pub fn start(server: &Server, obj: *mut zend_object) -> Result<bool, String> {
    let settings = server.settings.borrow().clone();
    let callbacks: HashMap<Event, Callback> =
        server.callbacks.borrow().iter().map(|(e, cb)| (*e, cb.clone())).collect();
    // enable_reuse_port: each BASE worker accepts on a socket of its own.
    let reuse_port = settings.enable_reuse_port && server.mode != crate::server::MODE_PROCESS && settings.worker_num > 1;
    // package_length_func callables, kept while the server runs.
    let _length_funcs = crate::length_func::Installed::new();
    let mut fatal = None;
    let Some(ports) = collect_ports(server, obj, &settings, &callbacks, reuse_port, &mut fatal) else {
        return fatal.map_or(Ok(false), Err);
    };
    let tls_ports = ports.iter().filter_map(|p| p.spec.tls.clone().map(|a| (p.spec.port.to_string(), a))).collect();
    if let Err(e) = swoole_core::tls::registry::install(tls_ports) {
        warning(&format!("failed to create shared memory: {e}"));
        return Ok(false);
    }
    let user_processes: Vec<Zval> = server.user_processes.borrow().iter().map(Zval::shallow_clone).collect();
    let commands = server.commands.borrow().clone();
    if settings.task_worker_num > 0 && !callbacks.contains_key(&Event::Task) {
        // Swoole's log line, then its fatal error.
        let code = swoole_core::error::ErrorCode::SERVER_INVALID_CALLBACK.0;
        let why = format!("Server::start_check() (ERRNO {code}): require 'onTask' callback");
        swoole_core::log::put_code(swoole_core::log::LOG_WARNING, code, &why);
        return Err(format!("failed to start server. Error: {why}"));
    }
    swoole_core::log::set_format(settings.log_format.clone());
    if let Err(e) = swoole_core::log::configure(settings.log_file.as_deref(), settings.log_level) {
        warning(&format!("log_file [{}] cannot be opened: {e}", settings.log_file.as_deref().unwrap_or("")));
        return Ok(false);
    }
    // An unknown user or group, or a switch only root may make, stops the
    // server here (Swoole warns and serves on as root).
    let identity = match swoole_core::privileges::Identity::resolve(settings.user.as_deref(), settings.group.as_deref())
        .and_then(|id| id.preflight(settings.chroot.as_deref()).map(|()| id))
    {
        Ok(id) => id,
        Err(e) => {
            warning(&format!("failed to start the server: {e} (the user/group/chroot settings)"));
            return Ok(false);
        }
    };
    if settings.daemonize {
        zend::flush_output();
        swoole_core::process::daemonize(zend::end_output);
    }
    let _pid_file = match PidFile::write(settings.pid_file.as_deref()) {
        Ok(p) => p,
        Err(e) => {
            warning(&format!("pid_file [{}] cannot be written: {e}", settings.pid_file.as_deref().unwrap_or("")));
            return Ok(false);
        }
    };
    // Datagram ports are served by the workers in both modes (the master's
    // reactor threads hold stream connections only).
    let process_mode = server.mode == crate::server::MODE_PROCESS;
    let mut settings = settings;
    if crate::http::config::any_port() && !swoole_core::dispatch::DispatchMode::from_setting(settings.dispatch_mode).is_hash() {
        // HTTP is parsed in the worker: every byte of a connection must reach one worker.
        settings.dispatch_mode = 2;
    }
    if process_mode {
        // Swoole: never more reactor threads than workers.
        settings.reactor_num = settings.reactor_num.min(settings.worker_num).max(1);
    }
    let shared = match ServerShared::new(
        settings.worker_num,
        settings.task_worker_num,
        user_processes.len(),
        settings.start_session_id,
        if process_mode { settings.reactor_num } else { 0 },
    ) {
        Ok(s) => s,
        Err(e) => {
            warning(&format!("failed to create shared memory: {e}"));
            return Ok(false);
        }
    };
    let pid = nix::unistd::getpid().as_raw();
    let single = !process_mode
        && settings.worker_num == 1
        && settings.max_request == 0
        && settings.task_worker_num == 0
        && user_processes.is_empty();
    let counters = shared.stats.counters();
    counters.start_time.store(now_f64() as u64, Ordering::Relaxed);
    counters.master_pid.store(pid, Ordering::Relaxed);
    counters.manager_pid.store(if single { 0 } else { pid }, Ordering::Relaxed);
    fill_setting_defaults(obj, &settings);
    process_state::enter_server(
        shared.clone(),
        pid,
        if single { 0 } else { pid },
        if single { Role::Worker(0) } else { Role::Manager },
    );
    worker::join_server(shared.clone());
    props::set(obj, "master_pid", pid as i64);
    props::set(obj, "manager_pid", if single { 0 } else { pid as i64 });
    server.state.set(crate::server::Lifecycle::Running);

    let mut host =
        ProcessHost { obj, callbacks, settings, shared, ports, single, process_mode, user_processes, commands, identity };
    let shape = if single {
        Shape::Single
    } else if process_mode {
        Shape::Process
    } else {
        Shape::Base
    };
    let ok = swoole_core::topology::run(&mut host, shape);

    server.state.set(crate::server::Lifecycle::Shutdown);
    process_state::leave_server();
    worker::leave_server();
    swoole_core::tls::registry::clear();
    swoole_core::log::set_format(Default::default());
    let _ = swoole_core::log::configure(None, swoole_core::log::LOG_INFO);
    Ok(ok)
}

/// The server's ports at start: each in listen state, with its framing
/// (its own settings, or the server's) and callbacks. Warns and gives None
/// when one cannot serve (not bound); a port without the callback its kind
/// needs (onReceive, onPacket, onRequest, onMessage) gives None with
/// `fatal` set: Swoole's fatal error, raised once start() has returned.
fn collect_ports(
    server: &Server,
    obj: *mut zend_object,
    settings: &ServerSettings,
    callbacks: &HashMap<Event, Callback>,
    reuse_port: bool,
    fatal: &mut Option<String>,
) -> Option<Vec<PortRuntime>> {
    let port_objects = props::array_copy(obj, "ports");
    let mut out = Vec::new();
    let mut web_ports = Vec::new();
    for (i, (_, zv)) in port_objects.iter().enumerate() {
        let port = crate::port::Port::from_zval(zv)?;
        port.started.set(true);
        let slot = if i == 0 { &server.listener } else { &port.listener };
        let shared_port = reuse_port && slot.borrow().as_ref().is_some_and(|b| matches!(b.sock_type, SockType::Tcp | SockType::Tcp6));
        if !crate::reuse_port::may_listen(slot, settings, &server.host) {
            return None;
        }
        if shared_port || crate::reuse_port::needs_rebind(slot, settings) {
            // The workers bind the address too: this socket needs SO_REUSEPORT
            // from its bind on, so it is made again.
            let old = slot.borrow_mut().take()?;
            match old.into_reuse_port() {
                Ok(b) => *slot.borrow_mut() = Some(b),
                Err(e) => {
                    warning(&crate::port::listen_error(&server.host, 0, &e));
                    return None;
                }
            }
        }
        let bound = slot.borrow();
        let Some(bound) = bound.as_ref() else {
            warning("no listening socket");
            return None;
        };
        let s = port.settings.borrow().clone().unwrap_or_else(|| settings.clone());
        if shared_port {
            // Not listening: it only holds the address; connections go to the workers' sockets.
        } else if let Err(e) = bound.listen(s.backlog) {
            warning(&format!("failed to listen server port[{}:{}], Error: {e:?}", server.host, bound.port()));
            return None;
        }
        let socket = match bound.try_clone_fd() {
            Ok(fd) => fd,
            Err(e) => {
                warning(&format!("failed to duplicate the listening socket: {e}"));
                return None;
            }
        };
        let own: HashMap<Event, Callback> = port.callbacks.borrow().iter().map(|(e, cb)| (*e, cb.clone())).collect();
        let datagram = bound.sock_type.is_datagram();
        let port_obj = zv.object().map_or(std::ptr::null_mut(), |o| o as *const _ as *mut zend_object);
        let web = (!datagram).then(|| crate::web::of_port(obj, port_obj, i, (s.package_max_length, s.output_buffer_size))).flatten();
        let (needed, why) = match (datagram, web.is_some()) {
            (true, _) => (Event::Packet, "require onPacket callback"),
            (false, true) if web.as_ref().is_some_and(|w| w.websocket.is_some()) => {
                (Event::Message, "require onMessage callback")
            }
            (false, true) => (Event::Request, "require onRequest callback"),
            (false, false) => (Event::Receive, "require onReceive callback"),
        };
        web_ports.push(web);
        if !own.contains_key(&needed) && !callbacks.contains_key(&needed) {
            *fatal = Some(why.to_string());
            return None;
        }
        let raw_fd = std::os::fd::AsRawFd::as_raw_fd(&socket);
        if matches!(bound.sock_type, SockType::Tcp | SockType::Tcp6) {
            s.socket_options.apply_listener(raw_fd);
        }
        let port_obj = zv.object().map_or(std::ptr::null_mut(), |o| o as *const _ as *mut zend_object);
        let framing = crate::length_func::framing_for(i, port_obj, obj, &s).unwrap_or_else(|| s.framing());
        let proxy = (!datagram).then(|| s.proxy_stage()).flatten();
        let tls = if port.ssl.get() {
            match crate::tls_settings::acceptor(&bound.local.to_string(), &s.ssl) {
                Ok(a) => Some(a),
                Err(e) => {
                    warning(&e);
                    return None;
                }
            }
        } else {
            None
        };
        let spec = swoole_core::port::PortSpec {
            tls,
            sock_type: bound.sock_type,
            port: bound.port(),
            framing,
            nodelay: s.open_tcp_nodelay,
            options: s.socket_options.clone(),
            socket: Some(socket),
            raw_fd,
            proxy,
        };
        let reuse_port = shared_port.then_some((bound.local, s.backlog));
        out.push(PortRuntime { spec, callbacks: own, reuse_port });
    }
    crate::web::configure(web_ports);
    (!out.is_empty()).then_some(out)
}

/// Fills the keys Swoole adds to `$server->setting` at start.
fn fill_setting_defaults(obj: *mut zend_object, settings: &ServerSettings) {
    let mut merged = props::array_copy(obj, "setting");
    for (key, value) in [
        ("worker_num", settings.worker_num as i64),
        ("task_worker_num", settings.task_worker_num as i64),
        ("output_buffer_size", settings.output_buffer_size as i64),
        ("max_connection", settings.max_connection as i64),
    ] {
        if merged.get(key).is_none() {
            let _ = merged.insert(key, value);
        }
    }
    props::set(obj, "setting", merged);
}

