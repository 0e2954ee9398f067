use super::*;
use crate::websocket::deflate::{self, Deflater, Policy};
use proptest::prelude::*;

const KEY: [u8; 4] = [0x11, 0x22, 0x33, 0x44];

/// A frame as a client sends it: `b0` is byte 0 (FIN, RSV, opcode).
fn client(b0: u8, payload: &[u8]) -> Vec<u8> {
    frame(b0, payload, Some(KEY))
}

fn frame(b0: u8, payload: &[u8], mask: Option<[u8; 4]>) -> Vec<u8> {
    let m = if mask.is_some() { 0x80 } else { 0 };
    let mut out = vec![b0];
    match payload.len() {
        n if n < 126 => out.push(m | n as u8),
        n if n < 65536 => {
            out.push(m | 126);
            out.extend_from_slice(&(n as u16).to_be_bytes());
        }
        n => {
            out.push(m | 127);
            out.extend_from_slice(&(n as u64).to_be_bytes());
        }
    }
    let start = out.len();
    if let Some(key) = mask {
        out.extend_from_slice(&key);
    }
    out.extend_from_slice(payload);
    if let Some(key) = mask {
        header::apply_mask(&mut out[start + 4..], key);
    }
    out
}

fn config(max: usize) -> ReaderConfig {
    ReaderConfig { max_message: max, role: Role::Server, deflate: None }
}

fn with_deflate(max: usize, policy: Policy) -> ReaderConfig {
    let agreement = deflate::negotiate([&b"permessage-deflate"[..]], policy);
    ReaderConfig { deflate: agreement, ..config(max) }
}

/// An event, owned, for comparing.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Got {
    Message(Opcode, Vec<u8>, u8),
    Ping(Vec<u8>, u8),
    Pong(Vec<u8>, u8),
    Close(Option<u16>, String, Vec<u8>),
    Failed(Failure),
}

fn own(e: Event<'_>) -> Got {
    match e {
        Event::Message { opcode, data, flags } => Got::Message(opcode, data.to_vec(), flags),
        Event::Ping { data, flags } => Got::Ping(data.to_vec(), flags),
        Event::Pong { data, flags } => Got::Pong(data.to_vec(), flags),
        Event::Close { code, reason, payload, .. } => Got::Close(code, reason.to_string(), payload.to_vec()),
    }
}

/// Feeds `chunks` one after the other as reads would bring them, and
/// collects the events; checks the parser never wants more than the limit.
fn drive(cfg: ReaderConfig, chunks: &[&[u8]]) -> Vec<Got> {
    let mut reader = Reader::new(cfg);
    let mut buf = bytes::BytesMut::new();
    let mut got = Vec::new();
    for chunk in chunks {
        buf.extend_from_slice(chunk);
        loop {
            match reader.read(&mut buf) {
                Err(f) => {
                    got.push(Got::Failed(f));
                    return got;
                }
                Ok(Read::Incomplete { need }) => {
                    assert!(need > buf.len(), "need {need} with {} buffered", buf.len());
                    assert!(need <= cfg.max_message.max(header::MAX_HEADER_LEN + MAX_CONTROL_PAYLOAD));
                    break;
                }
                Ok(Read::Frame { consumed, event }) => {
                    if let Some(e) = event {
                        got.push(own(e));
                    }
                    bytes::Buf::advance(&mut buf, consumed);
                    if buf.is_empty() {
                        break;
                    }
                }
            }
        }
    }
    got
}

fn one(cfg: ReaderConfig, input: &[u8]) -> Vec<Got> {
    drive(cfg, &[input])
}

fn failed(code: u16) -> impl Fn(&Got) -> bool {
    move |g| matches!(g, Got::Failed(f) if f.code == code)
}

const M: usize = 1 << 20;

#[test]
fn plain_frames_are_lent_from_the_buffer() {
    let mut buf = client(0x81, b"hello");
    let start = buf.as_ptr() as usize;
    let mut r = Reader::new(config(M));
    match r.read(&mut buf).unwrap() {
        Read::Frame { consumed, event: Some(Event::Message { opcode, data, flags }) } => {
            assert_eq!((consumed, opcode, data, flags), (11, Opcode::Text, &b"hello"[..], 33));
            // No copy: the payload is the buffer, unmasked in place.
            assert_eq!(data.as_ptr() as usize, start + 6);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn text_binary_empty_and_back_to_back() {
    let mut input = client(0x81, b"a");
    input.extend(client(0x82, &[0, 255]));
    input.extend(client(0x81, b""));
    input.extend(client(0x82, &[7; 300]));
    input.extend(client(0x82, &vec![9; 70000]));
    assert_eq!(
        one(config(M), &input),
        [
            Got::Message(Opcode::Text, b"a".to_vec(), 33),
            Got::Message(Opcode::Binary, vec![0, 255], 33),
            Got::Message(Opcode::Text, vec![], 33),
            Got::Message(Opcode::Binary, vec![7; 300], 33),
            Got::Message(Opcode::Binary, vec![9; 70000], 33),
        ]
    );
}

#[test]
fn masking_follows_the_role() {
    assert!(failed(1002)(&one(config(M), &frame(0x81, b"x", None))[0]));
    let client_cfg = ReaderConfig { role: Role::Client, ..config(M) };
    assert!(failed(1002)(&one(client_cfg, &client(0x81, b"x"))[0]));
    assert_eq!(one(client_cfg, &frame(0x81, b"x", None)), [Got::Message(Opcode::Text, b"x".to_vec(), 1)]);
}

#[test]
fn reserved_opcodes_and_bits_fail_with_1002() {
    for op in [3u8, 4, 5, 6, 7, 11, 12, 13, 14, 15] {
        assert!(failed(1002)(&one(config(M), &client(0x80 | op, b"x"))[0]), "opcode {op}");
    }
    for rsv in [0x40u8, 0x20, 0x10] {
        let got = one(config(M), &client(0x81 | rsv, b"x"));
        assert!(failed(1002)(&got[0]), "rsv {rsv:x}");
    }
    // RSV1 is allowed once permessage-deflate is agreed, RSV2/3 never.
    assert!(failed(1002)(&one(with_deflate(M, Policy::Swoole), &client(0xa1, b"x"))[0]));
}

#[test]
fn lengths_over_the_limit_fail_from_the_header_alone() {
    // A 2^63 length: 1009, with only the 14 header bytes sent.
    let mut h = vec![0x81, 0xff];
    h.extend_from_slice(&(1u64 << 63).to_be_bytes());
    h.extend_from_slice(&KEY);
    assert!(failed(1009)(&one(config(M), &h)[0]));
    let mut h = vec![0x82, 0xff];
    h.extend_from_slice(&u64::MAX.to_be_bytes());
    h.extend_from_slice(&KEY);
    assert!(failed(1009)(&one(config(M), &h)[0]));
    // Over package_max_length, the header counted as Swoole counts it.
    let max = 1000;
    assert_eq!(one(config(max), &client(0x82, &[1; 992])).len(), 1);
    let big = client(0x82, &[1; 993]);
    assert!(failed(1009)(&one(config(max), &big[..8])[0]));
}

#[test]
fn control_frame_rules() {
    assert_eq!(one(config(M), &client(0x89, b"p1")), [Got::Ping(b"p1".to_vec(), 33)]);
    assert_eq!(one(config(M), &client(0x89, b"")), [Got::Ping(vec![], 33)]);
    assert_eq!(one(config(M), &client(0x8a, b"q")), [Got::Pong(b"q".to_vec(), 33)]);
    assert_eq!(one(config(M), &client(0x89, &[b'a'; 125])), [Got::Ping(vec![b'a'; 125], 33)]);
    assert!(failed(1002)(&one(config(M), &client(0x89, &[b'a'; 126]))[0]));
    assert!(failed(1002)(&one(config(M), &client(0x09, b"a"))[0]));
    assert!(failed(1002)(&one(config(M), &client(0x88, &[0; 126]))[0]));
    assert!(failed(1002)(&one(with_deflate(M, Policy::Swoole), &client(0xc9, b"pp"))[0]));
}

#[test]
fn close_frames() {
    let close = |p: &[u8]| one(config(M), &client(0x88, p));
    assert_eq!(close(b""), [Got::Close(None, String::new(), vec![])]);
    assert_eq!(close(b"\x03\xe8bye"), [Got::Close(Some(1000), "bye".into(), b"\x03\xe8bye".to_vec())]);
    assert_eq!(close(b"\x0f\xa0r"), [Got::Close(Some(4000), "r".into(), b"\x0f\xa0r".to_vec())]);
    assert!(failed(1002)(&close(b"\x03")[0]));
    for code in [0u16, 999, 1004, 1005, 1006, 1015, 2000, 5000] {
        assert!(failed(1002)(&close(&code.to_be_bytes())[0]), "{code}");
    }
    assert!(failed(1007)(&close(b"\x03\xe8\xff\xfe")[0]));
    // After a close, what follows is not read.
    let mut input = client(0x88, b"\x03\xe8");
    input.extend(client(0x81, b"late"));
    input.extend(b"\xff\xff garbage");
    assert_eq!(one(config(M), &input), [Got::Close(Some(1000), String::new(), b"\x03\xe8".to_vec())]);
}

#[test]
fn fragments_with_control_frames_between() {
    let mut input = client(0x01, b"hel");
    input.extend(client(0x89, b"pp"));
    input.extend(client(0x8a, b""));
    input.extend(client(0x00, b""));
    input.extend(client(0x80, b"lo"));
    assert_eq!(
        one(config(M), &input),
        [Got::Ping(b"pp".to_vec(), 33), Got::Pong(vec![], 33), Got::Message(Opcode::Text, b"hello".to_vec(), 33)]
    );
    let mut input = client(0x02, b"a");
    input.extend(client(0x00, b"b"));
    input.extend(client(0x80, b"c"));
    input.extend(client(0x82, b"next"));
    assert_eq!(
        one(config(M), &input),
        [Got::Message(Opcode::Binary, b"abc".to_vec(), 33), Got::Message(Opcode::Binary, b"next".to_vec(), 33)]
    );
    // A close in the middle of a message ends the connection there.
    let mut input = client(0x01, b"hel");
    input.extend(client(0x88, b"\x03\xe8"));
    input.extend(client(0x80, b"lo"));
    assert_eq!(one(config(M), &input), [Got::Close(Some(1000), String::new(), b"\x03\xe8".to_vec())]);
}

#[test]
fn continuation_out_of_place() {
    assert!(failed(1002)(&one(config(M), &client(0x80, b"lo"))[0]));
    let mut input = client(0x01, b"hel");
    input.extend(client(0x81, b"lo"));
    assert!(failed(1002)(&one(config(M), &input)[0]));
    let mut input = client(0x01, b"hel");
    input.extend(client(0x02, b"lo"));
    assert!(failed(1002)(&one(config(M), &input)[0]));
}

#[test]
fn utf8_is_checked_as_fragments_come() {
    assert!(failed(1007)(&one(config(M), &client(0x81, b"\xff\xfe"))[0]));
    let mut ok = client(0x01, b"\xce");
    ok.extend(client(0x80, b"\xba"));
    assert_eq!(one(config(M), &ok), [Got::Message(Opcode::Text, "κ".as_bytes().to_vec(), 33)]);
    // The bad byte fails its fragment, before the message's last one comes.
    let mut bad = client(0x01, b"ok");
    bad.extend(client(0x00, b"\xce\xff"));
    assert!(failed(1007)(&one(config(M), &bad)[0]));
    // A character cut off by the end of the message.
    let mut cut = client(0x01, b"ok");
    cut.extend(client(0x80, b"\xce"));
    assert!(failed(1007)(&one(config(M), &cut)[0]));
    // Binary messages are not text.
    assert_eq!(one(config(M), &client(0x82, b"\xff")).len(), 1);
}

#[test]
fn message_limit_counts_every_fragment() {
    let max = 100;
    let mut input = client(0x02, &[1; 50]);
    input.extend(client(0x80, &[2; 50]));
    assert_eq!(one(config(max), &input), [Got::Message(Opcode::Binary, [[1; 50], [2; 50]].concat(), 33)]);
    let mut input = client(0x02, &[1; 50]);
    input.extend(client(0x00, &[2; 50]));
    let third = client(0x80, &[3; 1]);
    input.extend(&third[..6]); // only its header: enough to refuse it
    assert!(failed(1009)(&one(config(max), &input)[0]));
}

fn compressed(d: &mut Deflater, data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    d.compress(data, &mut out);
    out
}

#[test]
fn compressed_messages() {
    let cfg = with_deflate(M, Policy::Swoole);
    // "hi" as Swoole's pack() compresses it: flags 39, as Swoole shows.
    assert_eq!(one(cfg, &client(0xc1, &[0xca, 0xc8, 0x04, 0x00])), [Got::Message(Opcode::Text, b"hi".to_vec(), 39)]);
    // Fragmented: RSV1 on the first frame only.
    let text = b"fragmented compressed ".repeat(10);
    let c = compressed(&mut Deflater::swoole(), &text);
    let mut input = client(0x41, &c[..5]);
    input.extend(client(0x89, b"p"));
    input.extend(client(0x80, &c[5..]));
    assert_eq!(one(cfg, &input), [Got::Ping(b"p".to_vec(), 33), Got::Message(Opcode::Text, text.clone(), 39)]);
    let mut input = client(0x41, &c[..5]);
    input.extend(client(0xc0, &c[5..]));
    assert!(failed(1002)(&one(cfg, &input)[0]));
    // Not deflate, or inflating to bad text.
    assert!(failed(1007)(&one(cfg, &client(0xc2, &[0xff, 0xff]))[0]));
    let bad_text = compressed(&mut Deflater::swoole(), b"\xff");
    assert!(failed(1007)(&one(cfg, &client(0xc1, &bad_text))[0]));
    assert_eq!(one(cfg, &client(0xc2, &bad_text)), [Got::Message(Opcode::Binary, vec![0xff], 39)]);
}

#[test]
fn zip_bomb_closes_with_1009() {
    let max = 64 * 1024;
    let bomb = compressed(&mut Deflater::swoole(), &vec![0; 10 << 20]);
    assert!(bomb.len() < max);
    assert!(failed(1009)(&one(with_deflate(max, Policy::Swoole), &client(0xc2, &bomb))[0]));
}

#[test]
fn context_takeover_across_messages() {
    let cfg = with_deflate(M, Policy::ContextTakeover);
    let mut d = Deflater::new(15, false);
    let mut input = Vec::new();
    for _ in 0..3 {
        input.extend(client(0xc1, &compressed(&mut d, b"abcabcabcabc again and again")));
    }
    let got = one(cfg, &input);
    assert_eq!(got.len(), 3);
    assert!(got.iter().all(|g| *g == Got::Message(Opcode::Text, b"abcabcabcabc again and again".to_vec(), 39)));
    // The same stream under "no context takeover" cannot be read past the first.
    let got = one(with_deflate(M, Policy::Swoole), &input);
    assert_eq!(got.len(), 2);
    assert!(failed(1007)(&got[1]));
}

#[test]
fn incomplete_says_what_it_needs() {
    let f = client(0x82, &[5; 300]);
    let mut r = Reader::new(config(M));
    assert_eq!(r.read(&mut f.clone()[..1]).unwrap(), Read::Incomplete { need: 2 });
    assert_eq!(r.read(&mut f.clone()[..3]).unwrap(), Read::Incomplete { need: 8 });
    assert_eq!(r.read(&mut f.clone()[..100]).unwrap(), Read::Incomplete { need: 308 });
    // The masked bytes are left alone until the frame is whole.
    let mut part = f[..100].to_vec();
    let _ = r.read(&mut part).unwrap();
    assert_eq!(part, f[..100]);
}

#[test]
fn reassembly_buffer_is_reused_and_trimmed() {
    let mut r = Reader::new(config(1 << 22));
    let mut input = client(0x02, &vec![1; 200_000]);
    input.extend(client(0x80, b"x"));
    let mut at = 0;
    while at < input.len() {
        let Read::Frame { consumed, .. } = r.read(&mut input[at..]).unwrap() else { panic!() };
        at += consumed;
    }
    assert!(r.message.capacity() >= 200_001);
    let mut small = client(0x02, b"a");
    small.extend(client(0x80, b"b"));
    let _ = r.read(&mut small).unwrap();
    assert!(r.message.capacity() < 64);
}

/// Well-formed traffic: a mix of everything a client may send.
fn session() -> Vec<u8> {
    let mut s = Vec::new();
    s.extend(client(0x81, "héllo".as_bytes()));
    s.extend(client(0x01, b"\xce"));
    s.extend(client(0x89, b"ping"));
    s.extend(client(0x80, b"\xba!"));
    s.extend(client(0x82, &[3; 200]));
    s.extend(client(0x02, &[4; 10]));
    s.extend(client(0x00, &[5; 70_000]));
    s.extend(client(0x8a, b""));
    s.extend(client(0x80, &[6; 3]));
    s.extend(client(0xc1, &compressed(&mut Deflater::swoole(), b"squeezed squeezed squeezed")));
    s.extend(client(0x88, b"\x03\xe8done"));
    s
}

fn split_at_all(input: &[u8], cuts: &[usize]) -> Vec<Vec<u8>> {
    let mut cuts: Vec<usize> = cuts.iter().map(|c| c % (input.len() + 1)).collect();
    cuts.sort_unstable();
    let mut out = Vec::new();
    let mut prev = 0;
    for c in cuts.into_iter().chain([input.len()]) {
        out.push(input[prev..c].to_vec());
        prev = c;
    }
    out
}

// 256 cases each by default; PROPTEST_CASES=N runs N (see docs/WEBSOCKET-NOTES.md).
proptest! {
    /// However the reads cut the stream, the events are the same.
    #[test]
    fn random_splits_read_the_same(cuts in proptest::collection::vec(any::<usize>(), 0..40)) {
        let input = session();
        let cfg = with_deflate(M, Policy::Swoole);
        let whole = one(cfg, &input);
        prop_assert_eq!(whole.len(), 8);
        let pieces = split_at_all(&input, &cuts);
        let refs: Vec<&[u8]> = pieces.iter().map(|p| &p[..]).collect();
        prop_assert_eq!(drive(cfg, &refs), whole);
    }

    /// Garbage never panics, and never makes the reader want more than the
    /// limit (`drive` asserts it on every `Incomplete`).
    #[test]
    fn garbage_is_refused_within_the_limit(data in proptest::collection::vec(any::<u8>(), 0..2048),
                                           cuts in proptest::collection::vec(any::<usize>(), 0..8),
                                           deflate in any::<bool>()) {
        let cfg = if deflate { with_deflate(512, Policy::Swoole) } else { config(512) };
        let pieces = split_at_all(&data, &cuts);
        let refs: Vec<&[u8]> = pieces.iter().map(|p| &p[..]).collect();
        let _ = drive(cfg, &refs);
    }

    /// Garbage after a valid prefix: headers that look right, payloads that do not.
    #[test]
    fn mutated_sessions_never_panic(flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..16)) {
        let mut input = session();
        for (at, x) in flips {
            let i = at % input.len();
            input[i] ^= x;
        }
        let _ = one(with_deflate(4096, Policy::ContextTakeover), &input);
    }
}
