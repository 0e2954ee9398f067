//! SWOOLE_PROCESS mode without PHP: a reactor thread holds the connections
//! and dispatches packets to a worker's inbox; the "worker" (a plain thread
//! here) answers through the session table, as `send()` does in a worker.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;
use swoole_core::dispatch::{DispatchMode, Dispatcher};
use swoole_core::inbox::{self, Kind, Reassembler};
use swoole_core::reactor::{ReactorConfig, ServerShared};
use swoole_core::reactor_thread::{ReactorThread, ThreadConfig};

fn config(listener: &TcpListener, delay_receive: bool) -> ThreadConfig {
    use std::os::fd::AsRawFd;
    ThreadConfig {
        reactor: ReactorConfig {
            buffer_limits: (usize::MAX, usize::MAX, 0),
            framing: Default::default(),
            worker_id: 0,
            max_connection: 100,
            nodelay: true,
            max_wait: Duration::from_secs(1),
            request_limit: 0,
            delay_receive,
            heartbeat: None,
        },
        listener: (listener.as_raw_fd(), listener.local_addr().unwrap().port()),
        dispatcher: std::sync::Arc::new(Dispatcher::new(DispatchMode::FdMod, 1)),
        unsafe_events: false,
    }
}

#[test]
fn packets_reach_the_worker_and_replies_reach_the_client() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let shared = ServerShared::new(1, 0, 0, 0, 1).unwrap();
    let thread = ReactorThread::spawn(0, shared.clone(), config(&listener, false)).unwrap();
    let worker_inbox = shared.inboxes.read_end(0).unwrap();
    swoole_core::process::set_blocking(worker_inbox, false).unwrap();

    let mut client = TcpStream::connect(addr).unwrap();
    client.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let (accepted, peer) = listener.accept().unwrap();
    thread.adopt(accepted, peer);

    let mut re = Reassembler::default();
    let next = |re: &mut Reassembler| inbox::recv_timeout(worker_inbox, re, Duration::from_secs(5)).expect("a message");
    let connect = next(&mut re);
    assert_eq!((connect.kind, connect.aux), (Kind::Connect, 0));
    let session = connect.session;
    assert_eq!(shared.table.facts(session).unwrap().remote, client.local_addr().unwrap());

    client.write_all(b"hello").unwrap();
    let data = next(&mut re);
    assert_eq!((data.kind, data.session, data.payload.as_slice()), (Kind::Receive, session, &b"hello"[..]));
    assert!(shared.forward(Kind::Send, session, b"echo: hello"));
    let mut buf = [0u8; 64];
    let n = client.read(&mut buf).unwrap();
    assert_eq!(&buf[..n], b"echo: hello");

    drop(client);
    let closed = next(&mut re);
    assert_eq!((closed.kind, closed.session), (Kind::Closed, session));
    assert!(shared.table.facts(session).unwrap().closing, "kept for the worker's onClose");
    assert!(!shared.forward(Kind::Send, session, b"late"), "a closed session takes no sends");
    shared.table.close(session);
    thread.stop();
}

#[test]
fn delayed_receive_waits_for_resume() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let shared = ServerShared::new(1, 0, 0, 0, 1).unwrap();
    let thread = ReactorThread::spawn(0, shared.clone(), config(&listener, true)).unwrap();
    let worker_inbox = shared.inboxes.read_end(0).unwrap();
    swoole_core::process::set_blocking(worker_inbox, false).unwrap();
    let mut client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
    let (accepted, peer) = listener.accept().unwrap();
    thread.adopt(accepted, peer);
    let mut re = Reassembler::default();
    let connect = inbox::recv_timeout(worker_inbox, &mut re, Duration::from_secs(5)).unwrap();
    client.write_all(b"early").unwrap();
    assert_eq!(inbox::recv_timeout(worker_inbox, &mut re, Duration::from_millis(200)), None, "not read before confirm");
    assert!(shared.forward(Kind::Resume, connect.session, &[]));
    let data = inbox::recv_timeout(worker_inbox, &mut re, Duration::from_secs(5)).unwrap();
    assert_eq!(data.payload, b"early");
    thread.stop();
}
