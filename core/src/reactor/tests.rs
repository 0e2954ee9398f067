//! A reactor driven directly over socket pairs: no event loop, no PHP. The
//! test is the poller (a reactor thread's way: [`Reactor::in_thread`]) and
//! reads, sends and closes as the loop would on readiness.

use super::*;
use crate::framing::Framing;
use std::io::{Read, Write};
use std::sync::atomic::Ordering::Relaxed;
use std::os::unix::net::UnixStream as StdUnix;

/// A Unix stream port (the peer is a socket pair's other end).
fn port(framing: Framing) -> PortSpec {
    PortSpec { framing, ..PortSpec::plain(SockType::UnixStream, 0, -1) }
}

fn config(buffer_limits: (usize, usize, usize)) -> ReactorConfig {
    ReactorConfig { buffer_limits, max_connection: 16, ..ReactorConfig::default() }
}

/// A reactor serving one port, its poll, and one connection adopted on it:
/// (reactor, poll, the connection's slab key, its session, the client end).
fn reactor_with_client(framing: Framing, limits: (usize, usize, usize)) -> (Reactor, mio::Poll, usize, SessionId, StdUnix) {
    let poll = mio::Poll::new().unwrap();
    let shared = ServerShared::new(1, 0, 0, 1, 1).unwrap();
    let mut reactor =
        Reactor::in_thread(poll.registry().try_clone().unwrap(), vec![port(framing)], shared, config(limits)).unwrap();
    let (key, session, client) = adopt_client(&mut reactor);
    (reactor, poll, key, session, client)
}

/// A Unix socket pair, one end adopted by `reactor` as a connection: its
/// key, its session and the client's end.
fn adopt_client(reactor: &mut Reactor) -> (usize, SessionId, StdUnix) {
    let (ours, client) = StdUnix::pair().unwrap();
    ours.set_nonblocking(true).unwrap();
    let stream = Stream::Unix(mio::net::UnixStream::from_std(ours));
    let key = reactor.conns.vacant_key();
    let session = reactor.adopt(stream, None, 0, None).expect("adopted");
    (key, session, client)
}

fn eof_split() -> Framing {
    Framing::Eof { eof: b"\n".to_vec(), split: true, max: 1 << 20 }
}

/// The frames of one read, or a panic naming what came instead.
fn frames(outcome: ReadOutcome) -> Vec<Bytes> {
    match outcome {
        ReadOutcome::Frames { frames, .. } => frames,
        ReadOutcome::Data { n, .. } => panic!("raw data ({n} bytes) on a framed port"),
        ReadOutcome::Connected { .. } => panic!("a connect event"),
        ReadOutcome::Done => panic!("nothing read"),
    }
}

#[test]
fn a_packet_split_across_reads_is_handed_out_whole() {
    let (mut r, _poll, key, session, mut client) = reactor_with_client(eof_split(), (usize::MAX, usize::MAX, 0));
    let mut buf = vec![0u8; READ_CHUNK];
    client.write_all(b"ab").unwrap();
    assert!(frames(r.read(key, &mut buf)).is_empty(), "no packet yet");
    assert_eq!(r.info(session).unwrap().recv_queued_bytes, 2);
    client.write_all(b"c\nd").unwrap();
    let got = frames(r.read(key, &mut buf));
    assert_eq!(got, vec![Bytes::from_static(b"abc\n")]);
    assert_eq!(r.info(session).unwrap().recv_queued_bytes, 1, "the start of the next packet waits");
    client.write_all(b"\ne\nf\n").unwrap();
    assert_eq!(frames(r.read(key, &mut buf)), vec![&b"d\n"[..], b"e\n", b"f\n"]);
    assert_eq!(r.info(session).unwrap().recv_queued_bytes, 0);
}

#[test]
fn a_connection_stopped_mid_packet_keeps_no_read_sized_buffer() {
    let (mut r, _poll, key, session, mut client) = reactor_with_client(eof_split(), (usize::MAX, usize::MAX, 0));
    let mut buf = vec![0u8; READ_CHUNK];
    client.write_all(b"half a pack").unwrap();
    assert!(frames(r.read(key, &mut buf)).is_empty());
    let held = &r.conns[key].inbuf;
    assert_eq!(held.len(), 11);
    assert!(held.capacity() < READ_CHUNK / 4, "idle with {} bytes of room", held.capacity());
    client.write_all(b"et\n").unwrap();
    assert_eq!(frames(r.read(key, &mut buf)), vec![Bytes::from_static(b"half a packet\n")]);
    assert_eq!(r.conns[key].inbuf.capacity(), 0, "drained: no buffer at all");
    assert!(r.exists(session));
}

#[test]
fn a_packet_handed_out_is_not_touched_by_the_reads_after_it() {
    let (mut r, _poll, key, _session, mut client) = reactor_with_client(eof_split(), (usize::MAX, usize::MAX, 0));
    let mut buf = vec![0u8; READ_CHUNK];
    client.write_all(b"first\nsec").unwrap();
    let kept = frames(r.read(key, &mut buf));
    // The next read lands in the same buffer the packet was split from.
    client.write_all(b"ond\nthird\n").unwrap();
    let next = frames(r.read(key, &mut buf));
    assert_eq!(kept, vec![Bytes::from_static(b"first\n")]);
    assert_eq!(next, vec![&b"second\n"[..], b"third\n"]);
}

#[test]
fn an_oversized_packet_closes_its_connection_with_no_packet() {
    let framing = Framing::Eof { eof: b"\n".to_vec(), split: true, max: 8 };
    let (mut r, _poll, key, session, mut client) = reactor_with_client(framing, (usize::MAX, usize::MAX, 0));
    let mut buf = vec![0u8; READ_CHUNK];
    client.write_all(b"far more than eight bytes").unwrap();
    assert!(matches!(r.read(key, &mut buf), ReadOutcome::Done));
    assert!(!r.exists(session));
    let closed = r.take_closed();
    assert_eq!(closed.iter().map(|i| i.session).collect::<Vec<_>>(), vec![session]);
    // The client sees the connection go.
    client.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    assert!(matches!(client.read(&mut [0u8; 8]), Ok(0) | Err(_)));
}

#[test]
fn data_and_eof_in_one_wakeup_give_the_data_then_the_close() {
    let (mut r, _poll, key, session, mut client) = reactor_with_client(Framing::Raw, (usize::MAX, usize::MAX, 0));
    let mut buf = vec![0u8; READ_CHUNK];
    client.write_all(b"bye").unwrap();
    client.shutdown(std::net::Shutdown::Write).unwrap();
    match r.read(key, &mut buf) {
        ReadOutcome::Data { session: s, n, more } => {
            assert_eq!((s, &buf[..n], more), (session, &b"bye"[..], false));
        }
        _ => panic!("the data first"),
    }
    // Reading on past the short read (the event said the peer closed) finds the EOF.
    assert!(matches!(r.read(key, &mut buf), ReadOutcome::Done));
    assert_eq!(r.next_closed(), Some((session, false)), "closed by the client");
    assert!(r.has_pending());
    r.closed_delivered();
    assert!(!r.has_pending());
}

#[test]
fn output_the_kernel_refuses_is_queued_with_watermark_events_and_a_limit() {
    // socket_buffer_size 256 KiB, onBufferFull at 64 KiB, onBufferEmpty at 0.
    let limits = (256 * 1024, 64 * 1024, 0);
    let (mut r, _poll, key, session, mut client) = reactor_with_client(Framing::Raw, limits);
    let chunk = vec![7u8; 512 * 1024];
    r.send(session, &chunk).unwrap();
    let queued = r.info(session).unwrap().send_queued_bytes;
    assert!(queued > 64 * 1024, "the peer reads nothing: most is queued ({queued})");
    assert_eq!(r.take_buffer_events(), vec![(session, BufferEvent::Full)]);
    // Past socket_buffer_size: the next send fails, nothing is queued.
    assert_eq!(r.send(session, b"more"), Err(ErrorCode::OUTPUT_BUFFER_OVERFLOW));
    assert_eq!(r.info(session).unwrap().send_queued_bytes, queued);
    // The peer reads; each WRITABLE flushes what the kernel takes.
    let mut got = 0;
    let mut sink = vec![0u8; 64 * 1024];
    client.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    while got < chunk.len() {
        got += client.read(&mut sink).unwrap();
        r.flush(key);
    }
    assert_eq!(r.info(session).unwrap().send_queued_bytes, 0);
    assert_eq!(r.take_buffer_events(), vec![(session, BufferEvent::Empty)]);
    r.send(session, b"more").unwrap();
}

#[test]
fn close_waits_for_pending_output_and_refuses_more() {
    let (mut r, _poll, key, session, mut client) = reactor_with_client(Framing::Raw, (usize::MAX, usize::MAX, 0));
    let chunk = vec![1u8; 512 * 1024];
    r.send(session, &chunk).unwrap();
    r.close(session, false).unwrap();
    assert!(!r.exists(session), "closing: no longer open for the application");
    assert_eq!(r.send(session, b"x"), Err(ErrorCode::SESSION_CLOSED_BY_SERVER));
    assert_eq!(r.next_closed(), None, "not closed before its output is out");
    let mut all = Vec::new();
    let mut sink = vec![0u8; 64 * 1024];
    client.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    loop {
        let n = client.read(&mut sink).unwrap();
        if n == 0 {
            break;
        }
        all.extend_from_slice(&sink[..n]);
        r.flush(key);
    }
    assert_eq!(all.len(), chunk.len(), "every byte before the EOF");
    assert_eq!(r.next_closed(), Some((session, true)), "closed by the server");
}

#[test]
fn requests_from_other_processes_are_applied_and_others_handed_back() {
    let (mut r, _poll, _key, session, mut client) = reactor_with_client(Framing::Raw, (usize::MAX, usize::MAX, 0));
    let msg = |kind, payload: &[u8]| inbox::Message { kind, session, aux: 0, payload: payload.to_vec() };
    assert_eq!(r.apply(msg(Kind::Send, b"from afar")), None);
    let mut got = [0u8; 16];
    let n = client.read(&mut got).unwrap();
    assert_eq!(&got[..n], b"from afar");
    let task = msg(Kind::Task, b"t");
    assert_eq!(r.apply(task.clone()), Some(task), "a task is PHP's");
    assert_eq!(r.apply(msg(Kind::Pause, b"")), None);
    assert!(r.shared.table.is_paused(session));
    let mut buf = vec![0u8; READ_CHUNK];
    client.write_all(b"held").unwrap();
    assert!(matches!(r.read(key_of(&r, session), &mut buf), ReadOutcome::Done), "paused: not read");
    assert_eq!(r.apply(msg(Kind::Resume, b"")), None);
    assert_eq!(r.take_resumed().len(), 1, "the loop reads it once now");
    assert!(matches!(r.read(key_of(&r, session), &mut buf), ReadOutcome::Data { n: 4, .. }));
}

/// The slab key of an open session.
fn key_of(r: &Reactor, session: SessionId) -> usize {
    r.by_session[&session]
}

#[test]
fn max_request_starts_a_drain_that_ends_when_the_connections_are_gone() {
    let (mut r, _poll, key, session, client) = reactor_with_client(Framing::Raw, (usize::MAX, usize::MAX, 0));
    r.request_limit = 2;
    r.count_request();
    assert!(!r.stopping());
    r.count_request();
    assert!(r.draining(), "the limit is reached: drain");
    assert!(!r.poll_plan(false).0, "a connection is still open");
    client.shutdown(std::net::Shutdown::Write).unwrap();
    let mut buf = vec![0u8; READ_CHUNK];
    assert!(matches!(r.read(key, &mut buf), ReadOutcome::Done));
    assert_eq!(r.next_closed(), Some((session, false)));
    r.closed_delivered();
    assert_eq!(r.poll_plan(false), (true, None), "nothing left: the loop ends");
}

#[test]
fn a_read_is_counted_as_a_request_only_once_served_and_sends_count_in_the_process() {
    // A BASE worker's reactor (not a master's reactor thread).
    let poll = mio::Poll::new().unwrap();
    let shared = ServerShared::new(1, 0, 0, 1, 0).unwrap();
    let registry = poll.registry().try_clone().unwrap();
    let mut r = Reactor::build(registry, vec![port(Framing::Raw)], shared.clone(), config((usize::MAX, usize::MAX, 0)), false)
        .unwrap();
    let (key, session, mut client) = adopt_client(&mut r);
    let counters = shared.stats.counters();
    let before = counters.request_count.load(Relaxed);
    client.write_all(b"ping").unwrap();
    let mut buf = vec![0u8; READ_CHUNK];
    assert!(matches!(r.read(key, &mut buf), ReadOutcome::Data { n: 4, .. }));
    assert_eq!(counters.request_count.load(Relaxed), before, "not before its callback ran");
    assert_eq!(r.own_counts(), crate::stats::OwnCounts::default());
    r.send(session, b"pong").unwrap();
    r.count_request();
    assert_eq!(counters.request_count.load(Relaxed), before + 1);
    assert_eq!(counters.dispatch_count.load(Relaxed), 1, "BASE: counted with the request");
    assert_eq!(r.own_counts(), crate::stats::OwnCounts { requests: 1, responses: 1, dispatches: 0 });
}
