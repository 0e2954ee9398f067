//! SWOOLE_PROCESS mode without PHP: a reactor thread holds the connections
//! and dispatches packets over the worker's ring; the "worker" (the test
//! thread here) answers over its ring to the reactor thread, as `send()` does
//! in a worker.

mod common;

use common::{next_message, thread_config, EVENT_WAIT};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::fd::AsRawFd;
use std::time::Duration;
use swoole_core::dispatch::DispatchMode;
use swoole_core::inbox::{Kind, Message};
use swoole_core::listener::SockType;
use swoole_core::port::{PortSpec, StdStream};
use swoole_core::reactor::ServerShared as Shared;
use swoole_core::reactor::{ReactorConfig, ServerShared};
use swoole_core::reactor_thread::{ReactorThread, ThreadConfig};
use swoole_core::ring::Reader;

fn config(listener: &TcpListener, delay_receive: bool) -> ThreadConfig {
    let port = listener.local_addr().unwrap().port();
    let spec = PortSpec { nodelay: true, ..PortSpec::plain(SockType::Tcp, port, listener.as_raw_fd()) };
    thread_config(ReactorConfig { delay_receive, ..ReactorConfig::default() }, vec![spec], DispatchMode::FdMod, 1)
}

/// The next message on worker 0's rings, waiting up to `timeout`.
fn next(shared: &Shared, reader: &mut Reader, timeout: Duration) -> Option<Message> {
    next_message(shared, std::slice::from_mut(reader), timeout).map(|(_, m)| m)
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
    let next = |re: &mut Reader| next(&shared, re, EVENT_WAIT).expect("a message");
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
    let connect = next(&shared, &mut re, EVENT_WAIT).unwrap();
    client.write_all(b"early").unwrap();
    assert_eq!(next(&shared, &mut re, Duration::from_millis(200)), None, "not read before confirm");
    assert!(shared.forward_from(Some(0), Kind::Resume, connect.session, &[]));
    let data = next(&shared, &mut re, EVENT_WAIT).unwrap();
    assert_eq!(data.payload, b"early");
    thread.stop();
}
