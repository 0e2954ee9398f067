//! The handler adapter: the core's worker events (connect, receive, close,
//! packet, messages, timers, signals) as calls of the PHP callbacks, looked up
//! once per worker, with the host's failure policy.

use crate::control::pipe_message_value;
use crate::events::Event;
use crate::host::{double, long, object_zval, Failure, ProcessHost};
use crate::loop_php;
use crate::process_state::{role, Role};
use crate::zend::{self, warning, CallOutcome, Callback};
use ext_php_rs::types::{ZendHashTable, Zval};
use swoole_core::worker::{self, EventHandler, Flow, LoopHandler};
use swoole_core::SessionId;

/// The loop's per-event callbacks (onConnect, onReceive, onClose, onPacket),
/// looked up once per worker rather than per event.
pub(crate) struct PhpHandler<'a> {
    pub(crate) host: &'a ProcessHost,
    pub(crate) on_connect: Option<&'a Callback>,
    pub(crate) on_receive: Option<&'a Callback>,
    pub(crate) on_close: Option<&'a Callback>,
    pub(crate) on_packet: Option<&'a Callback>,
    /// Some port has callbacks of its own: look up each event's port.
    pub(crate) per_port: bool,
    /// Some port speaks HTTP: its bytes go to [`crate::http::server`].
    pub(crate) http: bool,
    /// Set when a callback failed; the loop then aborts.
    pub(crate) failure: Option<Failure>,
    /// PROCESS mode: the packet `stage_receive` copied out of the ring, as
    /// the PHP string the next `on_receive_staged` passes to onReceive.
    pub(crate) staged: Option<Zval>,
}

impl<'a> PhpHandler<'a> {
    /// The callback for `ev` on `port`: the port's own, else the server's
    /// (`server`, looked up once per worker).
    fn pick(&self, ev: Event, server: Option<&'a Callback>, port: Option<usize>) -> Option<&'a Callback> {
        let host: &'a ProcessHost = self.host;
        match port.and_then(|p| host.ports.get(p)).and_then(|p| p.callbacks.get(&ev)) {
            Some(own) => Some(own),
            None => server,
        }
    }

    /// `pick()` for a connection's event.
    fn pick_for(&self, ev: Event, server: Option<&'a Callback>, session: SessionId) -> Option<&'a Callback> {
        if !self.per_port {
            return server;
        }
        self.pick(ev, server, worker::port_of(session))
    }

    /// onConnect/onReceive/onClose: `($server, $fd, $reactorId[, $data])`, or
    /// `($server, Swoole\Server\Event)` with `event_object`.
    fn call_session_event(&self, cb: Option<&Callback>, session: SessionId, reactor_id: i32, data: Option<Zval>) -> CallOutcome {
        let (fd, reactor) = (session.0 as i64, reactor_id as i64);
        if self.host.settings.event_object {
            let event = crate::event_objects::event(fd, reactor, data);
            return self.host.call_with(cb, &mut [Zval::new(), event]);
        }
        match data {
            Some(payload) => self.host.call_with(cb, &mut [Zval::new(), long(fd), long(reactor), payload]),
            None => self.host.call_with(cb, &mut [Zval::new(), long(fd), long(reactor)]),
        }
    }

    /// onReceive with `payload`, the packet as a PHP string.
    fn receive(&mut self, session: SessionId, reactor_id: i32, payload: Zval) -> Flow {
        let cb = self.pick_for(Event::Receive, self.on_receive, session);
        let outcome = self.call_session_event(cb, session, reactor_id, Some(payload));
        self.flow(outcome)
    }

    fn flow(&mut self, outcome: CallOutcome) -> Flow {
        match self.host.failure_of(outcome) {
            None => Flow::Continue,
            Some(f) => {
                self.failure = Some(f);
                Flow::Abort
            }
        }
    }
}

/// Timers, `Swoole\Event` fds, defers and signals inside a worker: the same
/// PHP callbacks as in a plain script, with a worker's failure handling.
impl LoopHandler for PhpHandler<'_> {
    fn on_signal(&mut self, signo: i32) -> Flow {
        if !loop_php::has_signal(signo) {
            // A single-process server routes SIGHUP and SIGPIPE here: the
            // first is logged as Swoole logs it, the second ignored. SIGCHLD
            // (a child the script forked) and SIGWINCH are ignored by default,
            // and Swoole's workers say nothing of them either.
            if ![libc::SIGPIPE, libc::SIGCHLD, libc::SIGWINCH].contains(&signo) {
                swoole_core::signals::log_no_callback(crate::side_loop::MASTER_SIGNAL_FUNC, signo);
            }
            return Flow::Continue;
        }
        let outcome = loop_php::fire_signal(signo);
        self.flow(outcome)
    }

    fn on_user_fd(&mut self, fd: std::os::fd::RawFd, readable: bool, writable: bool) -> Flow {
        let outcome = loop_php::fire_fd(fd, readable, writable);
        self.flow(outcome)
    }

    fn on_timer(&mut self, due: swoole_core::timer::Due) -> Flow {
        let outcome = loop_php::fire_timer(due);
        self.flow(outcome)
    }

    fn on_defer(&mut self) -> Flow {
        let outcome = loop_php::fire_defers();
        self.flow(outcome)
    }

    fn on_cycle(&mut self) -> Flow {
        let outcome = loop_php::fire_cycle();
        self.flow(outcome)
    }
}

impl EventHandler for PhpHandler<'_> {
    fn deadlines(&mut self) -> Option<std::time::Duration> {
        crate::http::server::head_deadlines()
    }

    fn on_connect(&mut self, session: SessionId, reactor_id: i32) -> Flow {
        let cb = self.pick_for(Event::Connect, self.on_connect, session);
        let outcome = self.call_session_event(cb, session, reactor_id, None);
        self.flow(outcome)
    }

    fn on_receive(&mut self, session: SessionId, reactor_id: i32, data: &[u8]) -> Flow {
        if self.http
            && let Some(cfg) = worker::port_of(session).and_then(crate::http::server::port_config)
        {
            let this = &*self;
            let outcome = crate::web::on_data(session, &cfg, data, &mut |ev, args| {
                let cb = this.pick_for(ev, this.host.callbacks.get(&ev), session)?;
                // onRequest and onHandShake take (request, response); the others the server first.
                Some(if matches!(ev, Event::Request | Event::HandShake) { cb.call(args) } else { this.host.call_with(Some(cb), args) })
            });
            return self.flow(outcome);
        }
        let payload = crate::zend::bytes_zval(data);
        self.receive(session, reactor_id, payload)
    }

    fn stage_receive(&mut self, _session: SessionId, data: &[u8]) -> bool {
        // An HTTP port's bytes go to its parser, which takes a slice.
        if self.http {
            return false;
        }
        self.staged = Some(crate::zend::bytes_zval(data));
        true
    }

    fn on_receive_staged(&mut self, session: SessionId, reactor_id: i32) -> Flow {
        match self.staged.take() {
            Some(payload) => self.receive(session, reactor_id, payload),
            None => Flow::Continue,
        }
    }

    fn on_close(&mut self, session: SessionId, reactor_id: i32) -> Flow {
        let mut cb = self.pick_for(Event::Close, self.on_close, session);
        if self.http {
            crate::http::server::forget(session);
            // A WebSocket connection closed before its handshake: onDisconnect when there is one.
            if crate::websocket::conn::on_websocket_port(session) && !crate::websocket::conn::forget(session) {
                cb = self.pick_for(Event::Disconnect, self.host.callbacks.get(&Event::Disconnect), session).or(cb);
            }
        }
        let outcome = self.call_session_event(cb, session, reactor_id, None);
        self.flow(outcome)
    }

    fn on_packet(&mut self, port: usize, data: &[u8], from: &swoole_core::port::Peer, server: (i32, u16)) -> Flow {
        use swoole_core::port::Peer;
        let cb = self.pick(Event::Packet, self.on_packet, Some(port));
        if self.host.settings.event_object {
            let (address, peer_port) = match from {
                Peer::Inet(a) => (swoole_core::reactor::ip_string(a), a.port()),
                Peer::Unix(path) => (path.clone(), 0),
            };
            let packet = crate::event_objects::packet(
                server.0 as i64,
                server.1 as i64,
                &address,
                peer_port as i64,
                zend::bytes_zval(data),
            );
            let outcome = self.host.call_with(cb, &mut [Zval::new(), packet]);
            return self.flow(outcome);
        }
        // Swoole's keys, in its order; a Unix datagram peer has no port.
        // (Interned keys: this array is built for every datagram.)
        use crate::known::{insert, Known};
        let mut info = ZendHashTable::new();
        insert(&mut info, Known::ServerSocket, long(server.0 as i64));
        insert(&mut info, Known::DispatchTime, double(swoole_core::stats::now_f64()));
        insert(&mut info, Known::ServerPort, long(server.1 as i64));
        match from {
            Peer::Inet(a) => {
                insert(&mut info, Known::Address, zend::bytes_zval(swoole_core::reactor::ip_string(a).as_bytes()));
                insert(&mut info, Known::Port, long(a.port() as i64));
            }
            Peer::Unix(path) => insert(&mut info, Known::Address, zend::bytes_zval(path.as_bytes())),
        }
        let mut info_zv = Zval::new();
        info_zv.set_hashtable(info);
        let mut args = [Zval::new(), zend::bytes_zval(data), info_zv];
        let outcome = self.host.call_with(cb, &mut args);
        self.flow(outcome)
    }

    fn on_before_shutdown(&mut self) -> Flow {
        // In BASE mode worker 0 runs it (where onStart ran, as in Swoole);
        // in PROCESS mode the master does.
        if self.host.process_mode || role() != Role::Worker(0) {
            return Flow::Continue;
        }
        let outcome = self.host.call(Event::BeforeShutdown, vec![]);
        self.flow(outcome)
    }

    fn on_worker_exit(&mut self) -> Flow {
        let (Role::Worker(id) | Role::Task(id)) = role() else { return Flow::Continue };
        // Swoole's library hook first (the stats_file timer), then the script's.
        if self.flow(crate::stats_file::on_worker_exit(self.host, id)) == Flow::Abort {
            return Flow::Abort;
        }
        let outcome = self.host.call(Event::WorkerExit, vec![long(id as i64)]);
        self.flow(outcome)
    }

    fn on_buffer(&mut self, session: SessionId, reactor_id: i32, full: bool) -> Flow {
        let ev = if full { Event::BufferFull } else { Event::BufferEmpty };
        let cb = self.pick_for(ev, self.host.callbacks.get(&ev), session);
        let mut args = [Zval::new(), long(session.0 as i64), long(reactor_id as i64)];
        let outcome = self.host.call_with(cb, &mut args);
        self.flow(outcome)
    }

    fn on_message(&mut self, msg: swoole_core::inbox::Message) -> Flow {
        use swoole_core::inbox::Kind;
        let host = self.host;
        let outcome = match msg.kind {
            Kind::PipeMessage => {
                let src = msg.session.0 as i64;
                let data = pipe_message_value(&msg.payload);
                let args = if host.settings.event_object {
                    vec![crate::event_objects::pipe_message(src, data)]
                } else {
                    vec![long(src), data]
                };
                host.call(Event::PipeMessage, args)
            }
            Kind::Task => {
                let outcome = crate::task::handle_task(&msg.payload, host.settings.task_object, |args| {
                    host.call_returning(Event::Task, args)
                });
                worker::with(|r| r.count_request());
                if outcome == CallOutcome::Exception && !host.single {
                    // As Swoole outside coroutines: PHP's fatal error for the
                    // uncaught exception, and the task worker goes on serving.
                    zend::report_pending_exception();
                    CallOutcome::Returned
                } else {
                    outcome
                }
            }
            Kind::Command => {
                if let Some(req) = swoole_core::command::parse(&msg) {
                    let answer = crate::command::run(&host.commands, host.obj, &req.name, &req.data);
                    let _ = swoole_core::command::reply(&host.shared, &req, &answer);
                }
                CallOutcome::Returned
            }
            Kind::Finish => crate::task::handle_finish(&msg.payload, object_zval(host.obj), host.settings.event_object, |args| {
                if host.callbacks.contains_key(&Event::Finish) {
                    host.call(Event::Finish, args)
                } else {
                    warning("require onFinish callback: a task finished but the server has no onFinish");
                    CallOutcome::Returned
                }
            }),
            _ => CallOutcome::Returned,
        };
        self.flow(outcome)
    }
}

