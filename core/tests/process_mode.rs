//! SWOOLE_PROCESS mode without PHP: a reactor thread holds the connections
//! and dispatches packets over the worker's ring; the "worker" (the test
//! thread here) answers over its ring to the reactor thread, as `send()` does
//! in a worker.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;
use swoole_core::dispatch::{DispatchMode, Dispatcher};
use swoole_core::inbox::{Kind, Message};
use swoole_core::reactor::ServerShared as Shared;
use swoole_core::listener::SockType;
use swoole_core::port::{PortSpec, StdStream};
use swoole_core::ring::Reader;
use swoole_core::reactor::{ReactorConfig, ServerShared};
use swoole_core::reactor_thread::{ReactorThread, ThreadConfig};

fn config(listener: &TcpListener, delay_receive: bool) -> ThreadConfig {
    use std::os::fd::AsRawFd;
    ThreadConfig {
        reactor: ReactorConfig { delay_receive, ..ReactorConfig::default() },
        ports: vec![PortSpec {
            sock_type: SockType::Tcp,
            port: listener.local_addr().unwrap().port(),
            framing: Default::default(),
            nodelay: true,
            options: Default::default(),
            socket: None,
            raw_fd: listener.as_raw_fd(),
            proxy: None,
            tls: None,
        }],
        dispatcher: std::sync::Arc::new(Dispatcher::new(DispatchMode::FdMod, 1)),
        unsafe_events: false,
        max_queued_bytes: 0,
    }
}

/// The next message on worker 0's rings, waiting up to `timeout`.
fn next(shared: &Shared, reader: &mut Reader, timeout: Duration) -> Option<Message> {
    let links = shared.links.as_ref().unwrap();
    let deadline = std::time::Instant::now() + timeout;
    loop {
        if let Some(m) = reader.next(|r| links.to_worker(r, 0)) {
            return Some(m);
        }
        if std::time::Instant::now() >= deadline {
            return None;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
}

/// What the master's main thread does for an accepted connection.
fn hand_over(shared: &Shared, thread: &ReactorThread, listener: &TcpListener) {
    let (accepted, peer) = listener.accept().unwrap();
    let session = shared.table.open(&shared.sessions, 0);
    thread.adopt(StdStream::Tcp(accepted), Some(peer), 0, session);
}

#[test]
fn packets_reach_the_worker_and_replies_reach_the_client() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let shared = ServerShared::new(1, 0, 0, 0, 1).unwrap();
    let thread = ReactorThread::spawn(0, shared.clone(), config(&listener, false)).unwrap();
    let mut client = TcpStream::connect(addr).unwrap();
    client.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    hand_over(&shared, &thread, &listener);

    let mut re = Reader::new(1);
    let next = |re: &mut Reader| next(&shared, re, Duration::from_secs(5)).expect("a message");
    let connect = next(&mut re);
    assert_eq!((connect.kind, connect.aux), (Kind::Connect, 0));
    let session = connect.session;
    assert_eq!(shared.table.facts(session).unwrap().remote, client.local_addr().unwrap());

    client.write_all(b"hello").unwrap();
    let data = next(&mut re);
    assert_eq!((data.kind, data.session, data.payload.as_slice()), (Kind::Receive, session, &b"hello"[..]));
    assert!(shared.forward_from(Some(0), Kind::Send, session, b"echo: hello"));
    let mut buf = [0u8; 64];
    let n = client.read(&mut buf).unwrap();
    assert_eq!(&buf[..n], b"echo: hello");

    drop(client);
    let closed = next(&mut re);
    assert_eq!((closed.kind, closed.session), (Kind::Closed, session));
    assert!(shared.table.facts(session).unwrap().closing, "kept for the worker's onClose");
    assert!(!shared.forward_from(Some(0), Kind::Send, session, b"late"), "a closed session takes no sends");
    shared.table.close(session);
    thread.stop();
}

#[test]
fn delayed_receive_waits_for_resume() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let shared = ServerShared::new(1, 0, 0, 0, 1).unwrap();
    let thread = ReactorThread::spawn(0, shared.clone(), config(&listener, true)).unwrap();
    let mut client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
    hand_over(&shared, &thread, &listener);
    let mut re = Reader::new(1);
    let connect = next(&shared, &mut re, Duration::from_secs(5)).unwrap();
    client.write_all(b"early").unwrap();
    assert_eq!(next(&shared, &mut re, Duration::from_millis(200)), None, "not read before confirm");
    assert!(shared.forward_from(Some(0), Kind::Resume, connect.session, &[]));
    let data = next(&shared, &mut re, Duration::from_secs(5)).unwrap();
    assert_eq!(data.payload, b"early");
    thread.stop();
}
