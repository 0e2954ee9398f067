//! The worker loop end to end on real sockets, with a fake handler standing in
//! for the PHP callbacks (it calls back into `worker::send`/`close` the way a
//! PHP callback calls `$server->send()`).

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::atomic::Ordering;
use std::time::Duration;
use swoole_core::error::ErrorCode;
use swoole_core::listener::{BoundListener, SockType};
use swoole_core::port::PortSpec;
use swoole_core::reactor::{Reactor, ReactorConfig, ServerShared};
use swoole_core::worker::{self, EventHandler, Flow, LoopEnd, LoopHandler};
use swoole_core::SessionId;

/// Records what happened and answers like the seed echo server.
#[derive(Default)]
struct Echo {
    log: Vec<String>,
    first_session: Option<SessionId>,
}

impl LoopHandler for Echo {}

impl EventHandler for Echo {
    fn on_connect(&mut self, session: SessionId, reactor_id: i32) -> Flow {
        self.first_session.get_or_insert(session);
        self.log.push(format!("connect {session} {reactor_id}"));
        Flow::Continue
    }

    fn on_receive(&mut self, session: SessionId, _reactor_id: i32, data: &[u8]) -> Flow {
        let text = String::from_utf8_lossy(data).to_string();
        self.log.push(format!("receive {session} {text}"));
        match text.as_str() {
            "close" => {
                worker::close(session, false).unwrap();
                // A second close of the same session fails: it is closing now.
                assert_eq!(worker::close(session, false), Err(ErrorCode::SESSION_CLOSING));
            }
            "stale" => {
                // The first client is gone: its id must not reach anyone else.
                let first = self.first_session.unwrap();
                assert_eq!(worker::send(first, b"x"), Err(ErrorCode::SESSION_NOT_EXIST));
                assert!(!worker::exists(first));
                worker::send(session, b"stale ok").unwrap();
            }
            "stop" => {
                worker::send(session, b"bye").unwrap();
                worker::request_stop(true);
            }
            _ => worker::send(session, format!("Server: {text}").as_bytes()).unwrap(),
        }
        Flow::Continue
    }

    fn on_close(&mut self, session: SessionId, _reactor_id: i32) -> Flow {
        // The connection's info stays readable inside onClose.
        assert!(worker::info(session).is_some());
        self.log.push(format!("close {session}"));
        Flow::Continue
    }
}

fn round_trip(c: &mut TcpStream, msg: &str) -> String {
    c.write_all(msg.as_bytes()).unwrap();
    let mut buf = [0u8; 256];
    let n = c.read(&mut buf).unwrap();
    String::from_utf8_lossy(&buf[..n]).to_string()
}

#[test]
fn echo_close_stale_ids_and_stop() {
    let bound = BoundListener::bind("127.0.0.1", 0, SockType::Tcp).unwrap();
    bound.listen(64).unwrap();
    let port = bound.local.port();
    let shared = ServerShared::new(1, 0, 0, 0, 0).unwrap();
    let cfg = ReactorConfig::default();
    let socket = bound.try_clone_fd().unwrap();
    let raw_fd = std::os::fd::AsRawFd::as_raw_fd(&socket);
    let spec = PortSpec { nodelay: true, socket: Some(socket), ..PortSpec::plain(SockType::Tcp, port, raw_fd) };
    worker::install(Reactor::new(vec![spec], shared.clone(), cfg).unwrap());
    worker::join_server(shared.clone());

    let client = std::thread::spawn(move || {
        let mut a = TcpStream::connect(("127.0.0.1", port)).unwrap();
        a.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        assert_eq!(round_trip(&mut a, "hello"), "Server: hello");
        a.write_all(b"close").unwrap();
        let mut rest = Vec::new();
        a.read_to_end(&mut rest).unwrap();
        assert!(rest.is_empty(), "server closed the connection");
        let mut b = TcpStream::connect(("127.0.0.1", port)).unwrap();
        b.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        assert_eq!(round_trip(&mut b, "stale"), "stale ok");
        assert_eq!(round_trip(&mut b, "stop"), "bye");
        let mut rest = Vec::new();
        b.read_to_end(&mut rest).unwrap();
    });

    let mut handler = Echo::default();
    assert_eq!(worker::run(&mut handler), LoopEnd::Stopped);
    client.join().unwrap();
    drop(worker::uninstall());
    worker::leave_server();
    drop(swoole_core::event_loop::uninstall());

    assert_eq!(
        handler.log,
        vec![
            "connect 1 0",
            "receive 1 hello",
            "receive 1 close",
            "close 1",
            "connect 2 0",
            "receive 2 stale",
            "receive 2 stop",
            "close 2",
        ]
    );
    let c = shared.stats.counters();
    assert_eq!(c.accept_count.load(Ordering::Relaxed), 2);
    assert_eq!(c.close_count.load(Ordering::Relaxed), 2);
    assert_eq!(c.connection_num.load(Ordering::Relaxed), 0);
    assert_eq!(c.request_count.load(Ordering::Relaxed), 4);
    assert_eq!(shared.sessions.round(), 2, "ids are 1 and 2, never reused");
}
