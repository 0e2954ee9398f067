//! The ring's tests: messages that wrap around, read copied out and in place,
//! a reader killed mid-read, shared packets waiting for room, doorbells.

use super::*;

/// The messages a wrap test expects, oldest first: (id, payload).
type Expected = VecDeque<(u64, Vec<u8>)>;

/// Sends `count` messages of the sizes in turn through one ring, reading
/// some as it goes (every `drain_every`-th send drains the ring) so it
/// wraps many times, then reads the rest; `read` takes one message off
/// (checking it against the oldest expected one) and says whether it did.
/// Returns how many were read.
fn cross_wrapping(count: u64, sizes: &[usize], drain_every: u64, mut read: impl FnMut(&mut Inlet, Ring<'_>, &mut Expected) -> bool) -> u64 {
    let set = RingSet::new(1).unwrap();
    let ring = set.ring(0);
    let mut out = Outlet::default();
    let mut inlet = Inlet::default();
    let mut expect = Expected::new();
    let mut got = 0;
    for i in 0..count {
        let len = sizes[(i % sizes.len() as u64) as usize];
        let payload: Vec<u8> = (0..len).map(|b| (b as u64 * 7 + i) as u8).collect();
        out.send(ring, Kind::Receive, (i % 5) as u16, SessionId(i), &payload);
        expect.push_back((i, payload));
        while !out.pump(ring) || (i % drain_every == 0 && !ring.is_empty()) {
            got += u64::from(read(&mut inlet, ring, &mut expect));
        }
    }
    while read(&mut inlet, ring, &mut expect) {
        got += 1;
    }
    assert!(expect.is_empty() && ring.is_empty());
    got
}

#[test]
fn messages_of_every_size_cross_in_order_and_wrap() {
    let got = cross_wrapping(3000, &[0, 1, 7, 100, 5000, 70_000, 300_000], 3, |inlet, ring, expect| {
        let Some(m) = inlet.next(ring) else { return false };
        let (id, payload) = expect.pop_front().unwrap();
        assert_eq!((m.kind, m.session, m.aux), (Kind::Receive, SessionId(id), (id % 5) as u16));
        assert_eq!(m.payload, payload);
        true
    });
    assert_eq!(got, 3000);
}

#[test]
fn a_lost_beginning_drops_the_tail_only() {
    let set = RingSet::new(1).unwrap();
    let ring = set.ring(0);
    let big = vec![9u8; 3 * MAX_RECORD];
    let mut out = Outlet::default();
    out.send(ring, Kind::Receive, 0, SessionId(1), &big);
    out.send(ring, Kind::Receive, 0, SessionId(2), b"next");
    // A reader took the first record and died.
    assert!(ring.pop(&mut Vec::new()).is_some_and(|r| r.flags & FIRST != 0));
    let mut successor = Inlet::default();
    let m = loop {
        // (The records that did not fit yet follow as the ring empties.)
        out.pump(ring);
        if let Some(m) = successor.next(ring) {
            break m;
        }
    };
    assert_eq!((m.session, m.payload.as_slice()), (SessionId(2), &b"next"[..]));
    assert!(ring.is_empty() && out.pump(ring));
}

/// Whether `bytes` lie in `set`'s mapping.
fn in_mapping(set: &RingSet, bytes: &[u8]) -> bool {
    let start = set.base.as_ptr() as usize;
    (start..start + RING_STRIDE * set.count).contains(&(bytes.as_ptr() as usize))
}

#[test]
fn a_one_record_message_is_read_in_place_and_taken_once_read() {
    let set = RingSet::new(1).unwrap();
    let ring = set.ring(0);
    let mut out = Outlet::default();
    let mut inlet = Inlet::default();
    let packet = vec![7u8; 64 * 1024 + 9];
    // A 64 KiB packet with its framing or prefix is one record.
    for i in 0..20u64 {
        out.send(ring, Kind::Receive, 3, SessionId(i), &packet);
        assert!(out.pump(ring));
        let seen = inlet.next_with(ring, |m| {
            assert!(in_mapping(&set, m.payload), "seen where it lies, not copied");
            assert!(!ring.is_empty(), "still the ring's while it is looked at");
            (m.kind, m.session, m.aux, m.payload == &packet[..])
        });
        assert_eq!(seen, Some((Kind::Receive, SessionId(i), 3, true)));
        assert!(ring.is_empty(), "taken as soon as it was read");
    }
}

#[test]
fn a_message_of_several_records_is_handed_over_whole_after_its_last_record() {
    let set = RingSet::new(1).unwrap();
    let ring = set.ring(0);
    let mut out = Outlet::default();
    let mut inlet = Inlet::default();
    let big: Vec<u8> = (0..2 * MAX_RECORD + 5).map(|b| b as u8).collect();
    out.send(ring, Kind::Send, 0, SessionId(1), &big);
    out.send(ring, Kind::Send, 0, SessionId(2), b"small");
    let mut got = Vec::new();
    while got.len() < 2 {
        out.pump(ring);
        if let Some(m) = inlet.next_with(ring, |m| (m.session, m.payload.to_vec(), in_mapping(&set, m.payload))) {
            got.push(m);
        }
    }
    assert_eq!(got[0], (SessionId(1), big, false), "put together in the inlet's buffer");
    assert_eq!(got[1], (SessionId(2), b"small".to_vec(), true), "the next one in place again");
    assert!(ring.is_empty());
}

#[test]
fn in_place_reads_wrap_around_the_ring_in_order() {
    // Sizes that leave every remainder at the end of the data area.
    let got = cross_wrapping(2000, &[3, 65_545, 40_000, 0, 131_000, 9], 2, |inlet, ring, expect| {
        inlet
            .next_with(ring, |m| {
                let (id, payload) = expect.pop_front().unwrap();
                assert_eq!(m.session, SessionId(id));
                assert!(m.payload == &payload[..], "message {id}'s bytes");
            })
            .is_some()
    });
    assert_eq!(got, 2000);
}

#[test]
fn a_reader_killed_while_it_reads_in_place_leaves_the_message_to_its_successor() {
    let set = RingSet::new(1).unwrap();
    let ring = set.ring(0);
    let mut out = Outlet::default();
    out.send(ring, Kind::Receive, 0, SessionId(1), b"first");
    out.send(ring, Kind::Receive, 0, SessionId(2), b"second");
    // Dies inside the look (before the head moved): the message stays.
    let died = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        Inlet::default().next_with(ring, |_| panic!("killed while copying out"))
    }));
    assert!(died.is_err());
    // Dies after it (while handling): that message is gone, the next is not.
    let mut successor = Inlet::default();
    assert_eq!(successor.next_with(ring, |m| m.session), Some(SessionId(1)));
    let mut third = Inlet::default();
    assert_eq!(third.next(ring).map(|m| (m.session, m.payload)), Some((SessionId(2), b"second".to_vec())));
}

#[test]
fn a_shared_packet_waits_for_room_as_a_view_and_arrives_whole() {
    let set = RingSet::new(1).unwrap();
    let ring = set.ring(0);
    let mut out = Outlet::default();
    let packets: Vec<Bytes> = (0..6u8).map(|i| Bytes::from(vec![i; 65_537])).collect();
    for (i, p) in packets.iter().enumerate() {
        out.send_shared(ring, Kind::Receive, 0, SessionId(i as u64), p);
    }
    assert!(out.is_backed_up(), "six 64 KiB packets do not fit a 256 KiB ring");
    let waiting = &out.overflow.back().unwrap().4;
    assert_eq!(waiting.as_ptr(), packets[5].as_ptr(), "kept as a view, not copied");
    let mut inlet = Inlet::default();
    for (i, p) in packets.iter().enumerate() {
        let got = loop {
            out.pump(ring);
            if let Some(m) = inlet.next(ring) {
                break m;
            }
        };
        assert_eq!((got.session, &got.payload[..]), (SessionId(i as u64), &p[..]));
    }
    assert!(ring.is_empty() && !out.is_backed_up());
}

#[test]
fn doorbell_rings_only_a_sleeping_reader() {
    let bells = doorbells(1).unwrap();
    let bell = &bells[0];
    bell.ring();
    assert_eq!(bell.efd.read(), Err(nix::errno::Errno::EAGAIN), "awake: no write");
    bell.prepare_sleep();
    bell.ring();
    bell.ring();
    assert_eq!(bell.efd.read(), Ok(1), "one wake-up per sleep");
}

#[test]
fn a_doorbell_wakes_an_edge_triggered_poll_each_time_without_being_read() {
    let bells = doorbells(1).unwrap();
    let bell = &bells[0];
    let mut poll = mio::Poll::new().unwrap();
    let token = mio::Token(7);
    poll.registry().register(&mut mio::unix::SourceFd(&bell.fd()), token, mio::Interest::READABLE).unwrap();
    let mut events = mio::Events::with_capacity(4);
    for sleep in 0..3 {
        bell.prepare_sleep();
        bell.ring();
        poll.poll(&mut events, Some(std::time::Duration::from_secs(5))).unwrap();
        assert!(events.iter().any(|e| e.token() == token), "sleep {sleep}: woken");
        bell.awake();
        // Nothing new: no event, although the counter was never read.
        poll.poll(&mut events, Some(std::time::Duration::ZERO)).unwrap();
        assert!(events.is_empty(), "sleep {sleep}: no second wake-up");
    }
}
