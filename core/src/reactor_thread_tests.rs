//! A reactor thread with fake workers: the test reads the workers' rings
//! and answers over its own, as an event worker does. Each holds the fork
//! lock: a test that forks must not do so while these threads run.

use super::*;
use crate::dispatch::DispatchMode;
use crate::framing::Framing;
use crate::listener::SockType;
use crate::message::Message;
use crate::port::PortSpec;
use crate::ring::Reader;
use std::io::{Read, Write};
use std::os::fd::AsRawFd;
use std::os::unix::net::UnixStream as StdUnix;

fn config(workers: usize, mode: DispatchMode, framing: Framing) -> ThreadConfig {
    ThreadConfig {
        reactor: ReactorConfig::default(),
        ports: vec![PortSpec { framing, ..PortSpec::plain(SockType::UnixStream, 0, -1) }],
        dispatcher: Arc::new(Dispatcher::new(mode, workers)),
        dispatch_func: None,
        unsafe_events: false,
        max_queued_bytes: 0,
    }
}

/// The next message on worker `w`'s rings within five seconds.
fn next(shared: &ServerShared, reader: &mut Reader, w: usize) -> Option<Message> {
    let links = shared.links.as_ref().unwrap();
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        if let Some(m) = reader.next(|r| links.to_worker(r, w)) {
            return Some(m);
        }
        if Instant::now() >= deadline {
            return None;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
}

/// Hands the server end of a new socket pair to `thread`, as the master's
/// main thread does after accept; returns (session, fd number, client end).
fn connect(shared: &ServerShared, thread: &ReactorThread) -> (SessionId, i32, StdUnix) {
    let (ours, client) = StdUnix::pair().unwrap();
    let fd = ours.as_raw_fd();
    let session = shared.table.open(&shared.sessions, 0);
    assert!(thread.adopt(StdStream::Unix(ours), None, 0, session));
    (session, fd, client)
}

#[test]
fn each_connection_goes_to_the_worker_its_fd_names() {
    let _no_fork_meanwhile = crate::FORK_LOCK.lock();
    let shared = ServerShared::new(2, 0, 0, 1, 1).unwrap();
    let thread = ReactorThread::spawn(0, shared.clone(), config(2, DispatchMode::FdMod, Framing::Raw)).unwrap();
    let mut readers = [Reader::new(1), Reader::new(1)];
    for _ in 0..4 {
        let (session, fd, mut client) = connect(&shared, &thread);
        let w = fd as usize % 2;
        let connected = next(&shared, &mut readers[w], w).expect("onConnect on the fd's worker");
        assert_eq!((connected.kind, connected.session), (Kind::Connect, session));
        client.write_all(b"ping").unwrap();
        let data = next(&shared, &mut readers[w], w).unwrap();
        assert_eq!((data.kind, data.session, data.payload.as_slice()), (Kind::Receive, session, &b"ping"[..]));
        drop(client);
        assert_eq!(next(&shared, &mut readers[w], w).map(|m| (m.kind, m.session)), Some((Kind::Closed, session)));
        shared.table.close(session);
    }
    let links = shared.links.as_ref().unwrap();
    assert!(readers[0].all_empty(|r| links.to_worker(r, 0)) && readers[1].all_empty(|r| links.to_worker(r, 1)));
    thread.stop();
}

#[test]
fn data_and_the_peers_close_in_one_wakeup_reach_the_worker_both() {
    let _no_fork_meanwhile = crate::FORK_LOCK.lock();
    let shared = ServerShared::new(1, 0, 0, 1, 1).unwrap();
    let thread = ReactorThread::spawn(0, shared.clone(), config(1, DispatchMode::FdMod, Framing::Raw)).unwrap();
    let (ours, mut client) = StdUnix::pair().unwrap();
    // Both are in the kernel before the thread registers the socket: one event.
    client.write_all(b"last words").unwrap();
    client.shutdown(std::net::Shutdown::Write).unwrap();
    let session = shared.table.open(&shared.sessions, 0);
    assert!(thread.adopt(StdStream::Unix(ours), None, 0, session));
    let mut reader = Reader::new(1);
    let kinds: Vec<(Kind, Vec<u8>)> =
        (0..3).map_while(|_| next(&shared, &mut reader, 0)).map(|m| (m.kind, m.payload)).collect();
    assert_eq!(kinds, vec![(Kind::Connect, vec![]), (Kind::Receive, b"last words".to_vec()), (Kind::Closed, vec![])]);
    shared.table.close(session);
    thread.stop();
}

#[test]
fn framed_packets_split_across_reads_reach_the_worker_one_by_one_and_replies_come_back() {
    let _no_fork_meanwhile = crate::FORK_LOCK.lock();
    let shared = ServerShared::new(1, 0, 0, 1, 1).unwrap();
    let framing = Framing::Eof { eof: b"\n".to_vec(), split: true, max: 1 << 20 };
    let thread = ReactorThread::spawn(0, shared.clone(), config(1, DispatchMode::FdMod, framing)).unwrap();
    let (session, _, mut client) = connect(&shared, &thread);
    let mut reader = Reader::new(1);
    assert_eq!(next(&shared, &mut reader, 0).map(|m| m.kind), Some(Kind::Connect));
    // A packet larger than one ring record, then two small ones, in pieces.
    let big: Vec<u8> = (0..200_000u32).map(|i| b'a' + (i % 26) as u8).chain([b'\n']).collect();
    client.write_all(&big[..100_000]).unwrap();
    client.write_all(&big[100_000..]).unwrap();
    client.write_all(b"x\ny").unwrap();
    client.write_all(b"\n").unwrap();
    for want in [&big[..], b"x\n", b"y\n"] {
        let m = next(&shared, &mut reader, 0).expect("a packet");
        assert_eq!((m.kind, m.payload.len()), (Kind::Receive, want.len()));
        assert!(m.payload == want, "the packet's bytes, whole and in order");
        reader.recycle(m.payload);
    }
    // The worker's reply, over its ring to the thread.
    assert!(shared.forward_from(Some(0), Kind::Send, session, b"ok\n"));
    client.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let mut got = [0u8; 3];
    client.read_exact(&mut got).unwrap();
    assert_eq!(&got, b"ok\n");
    drop(client);
    assert_eq!(next(&shared, &mut reader, 0).map(|m| m.kind), Some(Kind::Closed));
    shared.table.close(session);
    thread.stop();
}

#[test]
fn with_dispatch_func_the_main_thread_names_each_events_worker_or_drops_it() {
    use crate::dispatch::{DispatchFunc, FuncChoice};
    use crate::master_ask::{Answer, Question};
    let _no_fork_meanwhile = crate::FORK_LOCK.lock();
    let shared = ServerShared::new(3, 0, 0, 1, 1).unwrap();
    let poll = mio::Poll::new().unwrap();
    let (asker, asks) = crate::master_ask::channel(poll.registry(), mio::Token(1)).unwrap();
    let cfg = ThreadConfig { dispatch_func: Some(DispatchFunc { with_data: true }), ..config(3, DispatchMode::FdMod, Framing::Raw) };
    let thread = ReactorThread::spawn_with(0, shared.clone(), cfg, Some(asker)).unwrap();
    // The main thread's side: the first byte of a packet names the worker,
    // 'd' drops it, 'f' falls back to dispatch_mode; connect goes to 1, close to 2.
    let (seen_tx, seen_rx) = std::sync::mpsc::channel();
    let answering = std::thread::spawn(move || {
        let mut seen = Vec::new();
        while let Ok(ask) = asks.recv() {
            let Question::Worker { event, data, .. } = ask.question.clone() else { panic!("a length question") };
            let data = data.expect("the callable takes $data");
            seen.push((event, data.clone()));
            let _ = seen_tx.send(());
            let choice = match (event, data.first()) {
                (5, _) => FuncChoice::Worker(1),
                (4, _) => FuncChoice::Worker(2),
                (_, Some(b'd')) => FuncChoice::Discard,
                (_, Some(b'f')) => FuncChoice::Fallback,
                (_, Some(c)) => FuncChoice::Worker((c - b'0') as usize),
                _ => FuncChoice::Discard,
            };
            ask.answer(Answer::Worker(choice));
        }
        seen
    });
    let mut readers = [Reader::new(1), Reader::new(1), Reader::new(1)];
    let (session, fd, mut client) = connect(&shared, &thread);
    assert_eq!(next(&shared, &mut readers[1], 1).map(|m| (m.kind, m.session)), Some((Kind::Connect, session)));
    seen_rx.recv_timeout(Duration::from_secs(5)).expect("asked about the connect");
    for (msg, w) in [(&b"0a"[..], 0), (b"2b", 2), (b"dropped", usize::MAX), (b"f", fd as usize % 3), (b"1c", 1)] {
        client.write_all(msg).unwrap();
        // Asked about before the next write (which could join it in one read).
        seen_rx.recv_timeout(Duration::from_secs(5)).expect("a question");
        if w == usize::MAX {
            continue;
        }
        let m = next(&shared, &mut readers[w], w).unwrap_or_else(|| panic!("worker {w} gets {msg:?}"));
        assert_eq!((m.kind, m.payload.as_slice()), (Kind::Receive, msg));
    }
    drop(client);
    assert_eq!(next(&shared, &mut readers[2], 2).map(|m| (m.kind, m.session)), Some((Kind::Closed, session)));
    let links = shared.links.as_ref().unwrap();
    assert!((0..3).all(|w| readers[w].all_empty(|r| links.to_worker(r, w))), "the dropped packet went nowhere");
    shared.table.close(session);
    thread.stop();
    let seen = answering.join().unwrap();
    let events: Vec<i64> = seen.iter().map(|(e, _)| *e).collect();
    assert_eq!(events, vec![5, 0, 0, 0, 0, 0, 4]);
    assert_eq!(seen[3].1, b"dropped".to_vec());
}
