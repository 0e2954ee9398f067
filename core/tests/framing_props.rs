//! Property tests of the packet framers (`framing::Framing`): length fields
//! of every type, offset and limit, EOF markers with and without split, fed
//! whole and in arbitrary pieces, valid streams and garbage.
//!
//! 256 cases per property in `cargo test`; a longer run:
//! `PROPTEST_CASES=100000 cargo test --release -p swoole-core --test framing_props`.

use proptest::prelude::*;
use swoole_core::framing::{take_frames, take_frames_from, FrameError, Framing, LengthType};

/// 256 cases in `cargo test`; `PROPTEST_CASES=N` for a longer run.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256)
}

const TYPES: [(&str, LengthType); 14] = [
    ("c", LengthType::I8),
    ("C", LengthType::U8),
    ("s", LengthType::I16Ne),
    ("S", LengthType::U16Ne),
    ("n", LengthType::U16Be),
    ("v", LengthType::U16Le),
    ("l", LengthType::I32Ne),
    ("L", LengthType::U32Ne),
    ("N", LengthType::U32Be),
    ("V", LengthType::U32Le),
    ("q", LengthType::I64Ne),
    ("Q", LengthType::U64Ne),
    ("J", LengthType::U64Be),
    ("P", LengthType::U64Le),
];

/// The length field `value` in `t`'s encoding, or None when it does not fit.
fn encode(t: LengthType, value: u64) -> Option<Vec<u8>> {
    Some(match t {
        LengthType::I8 => i8::try_from(value).ok()?.to_ne_bytes().to_vec(),
        LengthType::U8 => u8::try_from(value).ok()?.to_ne_bytes().to_vec(),
        LengthType::I16Ne => i16::try_from(value).ok()?.to_ne_bytes().to_vec(),
        LengthType::U16Ne => u16::try_from(value).ok()?.to_ne_bytes().to_vec(),
        LengthType::U16Be => u16::try_from(value).ok()?.to_be_bytes().to_vec(),
        LengthType::U16Le => u16::try_from(value).ok()?.to_le_bytes().to_vec(),
        LengthType::I32Ne => i32::try_from(value).ok()?.to_ne_bytes().to_vec(),
        LengthType::U32Ne => u32::try_from(value).ok()?.to_ne_bytes().to_vec(),
        LengthType::U32Be => u32::try_from(value).ok()?.to_be_bytes().to_vec(),
        LengthType::U32Le => u32::try_from(value).ok()?.to_le_bytes().to_vec(),
        LengthType::I64Ne => i64::try_from(value).ok()?.to_ne_bytes().to_vec(),
        LengthType::U64Ne => value.to_ne_bytes().to_vec(),
        LengthType::U64Be => value.to_be_bytes().to_vec(),
        LengthType::U64Le => value.to_le_bytes().to_vec(),
    })
}

/// A length framing: type index, field offset, bytes between the field and the body, limit.
fn length_framing() -> impl Strategy<Value = Framing> {
    (0..TYPES.len(), 0usize..8, 0usize..8, 16usize..4096).prop_map(|(t, len_offset, gap, max)| {
        let len_type = TYPES[t].1;
        Framing::Length { len_type, len_offset, body_offset: len_offset + len_type.size() + gap, max }
    })
}

/// A packet of `framing` with `body`, its other header bytes from `filler`;
/// None when it cannot be one (over the limit, or the field is too narrow).
fn packet(framing: &Framing, body: &[u8], filler: u8) -> Option<Vec<u8>> {
    let Framing::Length { len_type, len_offset, body_offset, max } = framing else { return None };
    if body_offset + body.len() > *max {
        return None;
    }
    let mut p = vec![filler; *body_offset];
    p[*len_offset..len_offset + len_type.size()].copy_from_slice(&encode(*len_type, body.len() as u64)?);
    p.extend_from_slice(body);
    Some(p)
}

/// Cuts `data` at the given points (taken modulo its length).
fn pieces(data: &[u8], points: &[usize]) -> Vec<Vec<u8>> {
    let mut cuts: Vec<usize> = points.iter().map(|p| p % (data.len() + 1)).collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::new();
    let mut last = 0;
    for c in cuts {
        out.push(data[last..c].to_vec());
        last = c;
    }
    out.push(data[last..].to_vec());
    out
}

/// Feeds `chunks` as successive reads would: the frames taken, what is left
/// buffered, the error that ended it (if one did), and the most the buffer
/// held after a successful take.
fn feed(framing: &Framing, chunks: &[Vec<u8>]) -> (Vec<Vec<u8>>, Vec<u8>, Option<i32>, usize) {
    let (mut buf, mut scanned, mut frames, mut held) = (Vec::new(), 0, Vec::new(), 0);
    for chunk in chunks {
        buf.extend_from_slice(chunk);
        match take_frames_from(framing, &mut buf, &mut scanned) {
            Ok(got) => frames.extend(got),
            Err(e) => return (frames, buf, Some(e.code()), held),
        }
        held = held.max(buf.len());
    }
    (frames, buf, None, held)
}

/// An EOF framing: a marker of 1-4 bytes from a small alphabet (so it turns
/// up in random data), split or not, and a limit.
fn eof_framing() -> impl Strategy<Value = Framing> {
    (proptest::collection::vec(prop_oneof![Just(b'\r'), Just(b'\n'), Just(b'x')], 1..5), any::<bool>(), 8usize..512)
        .prop_map(|(eof, split, max)| Framing::Eof { eof, split, max })
}

/// What open_eof_split must give for `data`: every piece up to and with the
/// leftmost marker after the previous one; an error (1201) at the first piece
/// longer than `max`, or when `max` bytes hold no marker.
fn eof_split_model(eof: &[u8], max: usize, data: &[u8]) -> (Vec<Vec<u8>>, Vec<u8>, Option<i32>) {
    let mut frames = Vec::new();
    let mut at = 0;
    loop {
        let rest = &data[at..];
        match rest.windows(eof.len()).position(|w| w == eof) {
            Some(i) if i + eof.len() <= max => {
                frames.push(rest[..i + eof.len()].to_vec());
                at += i + eof.len();
            }
            Some(_) => return (frames, rest.to_vec(), Some(1201)),
            None if rest.len() >= max => return (frames, rest.to_vec(), Some(1201)),
            None => return (frames, rest.to_vec(), None),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    /// Valid length-framed packets, however the stream is cut, come out as
    /// the same packets, and nothing is left.
    #[test]
    fn length_packets_survive_any_split(
        framing in length_framing(),
        bodies in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..300), 1..8),
        filler in any::<u8>(),
        points in proptest::collection::vec(any::<usize>(), 0..32),
    ) {
        let packets: Vec<Vec<u8>> = bodies.iter().filter_map(|b| packet(&framing, b, filler)).collect();
        let stream = packets.concat();
        let (frames, rest, err, _) = feed(&framing, &pieces(&stream, &points));
        prop_assert_eq!(err, None);
        prop_assert_eq!(frames, packets);
        prop_assert!(rest.is_empty());
    }

    /// A packet of exactly package_max_length passes, one byte more is
    /// refused as soon as its header is in (1201), with any field type that
    /// can carry the length.
    #[test]
    fn length_limit_is_exact(framing in length_framing(), filler in any::<u8>()) {
        let Framing::Length { len_type, len_offset, body_offset, max } = framing else { unreachable!() };
        // A limit the field can go one past (an 8-bit field cannot say 4096).
        let widest = [0x7f, 0xff, 0x7fff, 0xffff, 0x7fff_ffff].into_iter().find(|&v| encode(len_type, v + 1).is_none()).unwrap_or(u64::MAX);
        let max = max.max(body_offset).min(body_offset + (widest - 1).min(1 << 20) as usize);
        let framing = Framing::Length { len_type, len_offset, body_offset, max };
        let body_len = max - body_offset;
        let exact = packet(&framing, &vec![b'b'; body_len], filler).unwrap();
        prop_assert_eq!(exact.len(), max);
        let mut buf = exact.clone();
        prop_assert_eq!(take_frames(&framing, &mut buf), Ok(vec![exact]));
        let mut head = vec![filler; body_offset];
        head[len_offset..len_offset + len_type.size()].copy_from_slice(&encode(len_type, body_len as u64 + 1).unwrap());
        let mut buf = head;
        let refused = matches!(take_frames(&framing, &mut buf), Err(FrameError::TooLarge { .. }));
        prop_assert!(refused, "max + 1 taken");
    }

    /// Any bytes, fed whole or in pieces, under any length framing: no
    /// panic; the same packets before the same verdict; the buffer never
    /// holds more than one partial packet (under the limit, or a header).
    #[test]
    fn length_garbage_gives_the_same_verdict_in_any_pieces(
        framing in length_framing(),
        data in proptest::collection::vec(any::<u8>(), 0..2048),
        points in proptest::collection::vec(any::<usize>(), 0..32),
    ) {
        let Framing::Length { body_offset, max, .. } = framing else { unreachable!() };
        let (whole, whole_rest, whole_err, _) = feed(&framing, std::slice::from_ref(&data));
        let (split, split_rest, split_err, held) = feed(&framing, &pieces(&data, &points));
        prop_assert_eq!(whole_err, split_err);
        if whole_err.is_none() {
            prop_assert_eq!(&whole, &split);
            prop_assert_eq!(whole_rest, split_rest);
        } else {
            // Fed whole, the packets before the bad one are dropped with it.
            prop_assert!(split.len() >= whole.len());
        }
        prop_assert!(held < max.max(body_offset));
    }

    /// open_eof_split: any stream, fed in any pieces, gives what the model
    /// gives (every packet up to its marker, the limit counting the marker);
    /// open_eof_check: the same verdict whole or in pieces, and never more
    /// than package_max_length buffered.
    #[test]
    fn eof_framing_matches_its_model_in_any_pieces(
        framing in eof_framing(),
        data in proptest::collection::vec(prop_oneof![Just(b'\r'), Just(b'\n'), Just(b'x'), any::<u8>()], 0..2048),
        points in proptest::collection::vec(any::<usize>(), 0..32),
    ) {
        let Framing::Eof { eof, split, max } = framing.clone() else { unreachable!() };
        let (frames, rest, err, held) = feed(&framing, &pieces(&data, &points));
        if split {
            let (want, want_rest, want_err) = eof_split_model(&eof, max, &data);
            prop_assert_eq!(err, want_err);
            if want_err.is_none() {
                prop_assert_eq!(frames, want);
                prop_assert_eq!(rest, want_rest);
            } else {
                prop_assert!(frames.len() <= want.len());
                prop_assert_eq!(&frames[..], &want[..frames.len()]);
            }
            prop_assert!(held < max);
        } else {
            let (_, _, whole_err, _) = feed(&framing, std::slice::from_ref(&data));
            // Unsplit, a read that ends on a marker makes a packet: the
            // verdict may differ with the cuts, but never the limit.
            prop_assert!(err.is_none() || err == Some(1201));
            prop_assert!(whole_err.is_none() || whole_err == Some(1201));
            prop_assert!(held <= max);
            for f in &frames {
                prop_assert!(f.ends_with(&eof) && f.len() <= max);
            }
        }
    }

    /// Every `package_length_type` code Swoole takes maps to a type of the
    /// right width; anything else is refused.
    #[test]
    fn length_type_codes(code in "[a-zA-Z]{0,2}") {
        match TYPES.iter().find(|(c, _)| *c == code) {
            Some((_, t)) => prop_assert_eq!(LengthType::from_code(&code), Some(*t)),
            None if ["i", "I"].contains(&code.as_str()) => prop_assert_eq!(LengthType::from_code(&code).map(|t| t.size()), Some(4)),
            None => prop_assert_eq!(LengthType::from_code(&code), None),
        }
    }
}
