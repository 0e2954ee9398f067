//! Packet framing of a TCP stream (`open_length_check`, `open_eof_check`,
//! `open_eof_split`): check-then-parse over the connection's input buffer, as
//! mini-redis frames its protocol. [`Framing::check`] says whether a whole
//! packet is buffered and how long it is; nothing is copied until it is.

use bytes::{Bytes, BytesMut};
use std::cell::RefCell;
use std::fmt;

/// `package_length_type`: a `pack()` code for the length field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LengthType {
    /// c, C: signed, unsigned 8 bits.
    I8,
    U8,
    /// s, S: 16 bits, machine order.
    I16Ne,
    U16Ne,
    /// n, v: unsigned 16 bits, big / little endian.
    U16Be,
    U16Le,
    /// i, I, l, L: 32 bits, machine order.
    I32Ne,
    U32Ne,
    /// N, V: unsigned 32 bits, big / little endian.
    U32Be,
    U32Le,
    /// q, Q: 64 bits, machine order.
    I64Ne,
    U64Ne,
    /// J, P: unsigned 64 bits, big / little endian.
    U64Be,
    U64Le,
}

impl LengthType {
    /// The type for a `pack()` code, as Swoole accepts them.
    pub fn from_code(code: &str) -> Option<LengthType> {
        Some(match code {
            "c" => LengthType::I8,
            "C" => LengthType::U8,
            "s" => LengthType::I16Ne,
            "S" => LengthType::U16Ne,
            "n" => LengthType::U16Be,
            "v" => LengthType::U16Le,
            "i" | "l" => LengthType::I32Ne,
            "I" | "L" => LengthType::U32Ne,
            "N" => LengthType::U32Be,
            "V" => LengthType::U32Le,
            "q" => LengthType::I64Ne,
            "Q" => LengthType::U64Ne,
            "J" => LengthType::U64Be,
            "P" => LengthType::U64Le,
            _ => return None,
        })
    }

    /// Bytes the length field takes.
    pub fn size(self) -> usize {
        match self {
            LengthType::I8 | LengthType::U8 => 1,
            LengthType::I16Ne | LengthType::U16Ne | LengthType::U16Be | LengthType::U16Le => 2,
            LengthType::I32Ne | LengthType::U32Ne | LengthType::U32Be | LengthType::U32Le => 4,
            _ => 8,
        }
    }

    /// Decodes the field (exactly `size()` bytes); negative for a signed
    /// field with its sign bit set.
    fn decode(self, b: &[u8]) -> i128 {
        match self {
            LengthType::I8 => b[0] as i8 as i128,
            LengthType::U8 => b[0] as i128,
            LengthType::I16Ne => i16::from_ne_bytes([b[0], b[1]]) as i128,
            LengthType::U16Ne => u16::from_ne_bytes([b[0], b[1]]) as i128,
            LengthType::U16Be => u16::from_be_bytes([b[0], b[1]]) as i128,
            LengthType::U16Le => u16::from_le_bytes([b[0], b[1]]) as i128,
            LengthType::I32Ne => i32::from_ne_bytes(b[..4].try_into().unwrap()) as i128,
            LengthType::U32Ne => u32::from_ne_bytes(b[..4].try_into().unwrap()) as i128,
            LengthType::U32Be => u32::from_be_bytes(b[..4].try_into().unwrap()) as i128,
            LengthType::U32Le => u32::from_le_bytes(b[..4].try_into().unwrap()) as i128,
            LengthType::I64Ne => i64::from_ne_bytes(b[..8].try_into().unwrap()) as i128,
            LengthType::U64Ne => u64::from_ne_bytes(b[..8].try_into().unwrap()) as i128,
            LengthType::U64Be => u64::from_be_bytes(b[..8].try_into().unwrap()) as i128,
            LengthType::U64Le => u64::from_le_bytes(b[..8].try_into().unwrap()) as i128,
        }
    }
}

/// How a connection's bytes become onReceive calls.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Framing {
    /// One read, one onReceive (no framing settings).
    #[default]
    Raw,
    /// `open_length_check`: packet = body_offset + the length field's value.
    Length { len_type: LengthType, len_offset: usize, body_offset: usize, max: usize },
    /// `open_eof_check`: dispatch when the buffer ends with `eof` (one
    /// onReceive may then hold several packets, as in Swoole); with `split`
    /// (`open_eof_split`), one onReceive per packet.
    Eof { eof: Vec<u8>, split: bool, max: usize },
    /// `package_length_func` (with `open_length_check`): the function of
    /// port `port` says how long each packet is. It runs through this
    /// thread's [`set_length_fn`] (PHP in a BASE worker; a request to the
    /// master's main thread in a PROCESS reactor thread).
    Func { port: usize, max: usize },
}

/// What a `package_length_func` said about the buffered bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Length {
    /// 0: the packet's length is not known yet; read more.
    NeedMore,
    /// The first this many bytes are one packet.
    Packet(usize),
    /// Negative: the input is not valid.
    Invalid,
    /// The function failed (a PHP exception): stop, report nothing more.
    Failed,
}

/// What answers for a [`Framing::Func`] port in this thread: (port, the
/// bytes buffered so far) to the packet's length.
pub type LengthFn = dyn FnMut(usize, &[u8]) -> Length;

thread_local! {
    /// This thread's length function (none: every ask fails).
    static LENGTH_FN: RefCell<Option<Box<LengthFn>>> = RefCell::new(None);
}

/// Sets (or removes) what answers [`Framing::Func`] ports in this thread.
pub fn set_length_fn(f: Option<Box<LengthFn>>) {
    let old = LENGTH_FN.with(|c| c.replace(f));
    drop(old);
}

/// Asks this thread's length function; `Failed` without one (or from inside it).
fn ask_length(port: usize, buf: &[u8]) -> Length {
    LENGTH_FN.with(|c| match c.try_borrow_mut() {
        Ok(mut f) => f.as_mut().map_or(Length::Failed, |f| f(port, buf)),
        Err(_) => Length::Failed,
    })
}

/// Why a connection's input is refused (the connection is closed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameError {
    /// A packet over `package_max_length` (1201).
    TooLarge { length: u64, max: usize },
    /// A negative length (1204).
    Malformed,
    /// A `package_length_func` answered negative (or failed) on `received`
    /// buffered bytes (1204, Swoole's "malformed data").
    Rejected { received: usize },
}

impl FrameError {
    /// Swoole's error code.
    pub fn code(&self) -> i32 {
        match self {
            FrameError::TooLarge { .. } => 1201,
            FrameError::Malformed | FrameError::Rejected { .. } => 1204,
        }
    }
}

impl fmt::Display for FrameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FrameError::TooLarge { length, max } => {
                write!(f, "packet length too large: {length} bytes, package_max_length is {max}")
            }
            FrameError::Malformed => write!(f, "malformed packet: negative length"),
            FrameError::Rejected { received } => write!(f, "received {received} bytes of malformed data"),
        }
    }
}

impl std::error::Error for FrameError {}

impl Framing {
    /// Whether the connection needs an input buffer.
    pub fn is_raw(&self) -> bool {
        matches!(self, Framing::Raw)
    }

    /// Check: `Ok(Some(n))` when the first `n` bytes of `buf` are a whole
    /// packet, `Ok(None)` when more bytes are needed, `Err` when the input
    /// can never be valid.
    pub fn check(&self, buf: &[u8]) -> Result<Option<usize>, FrameError> {
        self.check_from(buf, 0)
    }

    /// [`Framing::check`] knowing that the first `scanned` bytes of `buf`
    /// hold no EOF marker (they were looked at before): the search for it
    /// starts just before them, so a packet arriving in many reads is not
    /// scanned again and again.
    pub fn check_from(&self, buf: &[u8], scanned: usize) -> Result<Option<usize>, FrameError> {
        match self {
            Framing::Raw => Ok((!buf.is_empty()).then_some(buf.len())),
            Framing::Func { port, max } => match ask_length(*port, buf) {
                Length::NeedMore => Ok(None),
                Length::Packet(n) if n > *max => Err(FrameError::TooLarge { length: n as u64, max: *max }),
                Length::Packet(n) => Ok((buf.len() >= n).then_some(n)),
                Length::Invalid | Length::Failed => Err(FrameError::Rejected { received: buf.len() }),
            },
            Framing::Length { len_type, len_offset, body_offset, max } => {
                let head = len_offset + len_type.size();
                if buf.len() < head {
                    return Ok(None);
                }
                let len = len_type.decode(&buf[*len_offset..head]);
                if len < 0 {
                    return Err(FrameError::Malformed);
                }
                let total = *body_offset as i128 + len;
                if total > *max as i128 {
                    return Err(FrameError::TooLarge { length: total as u64, max: *max });
                }
                let total = total as usize;
                Ok((buf.len() >= total).then_some(total))
            }
            // The EOF marker counts toward `package_max_length`, as in
            // Swoole (whose input buffer holds at most that much): a packet
            // of exactly `max` bytes with its marker passes, one more closes.
            Framing::Eof { eof, split, max } => {
                let too_large = || Err(FrameError::TooLarge { length: buf.len() as u64, max: *max });
                if *split {
                    // Only a marker ending within the first `max` bytes makes a packet.
                    let limit = buf.len().min(*max);
                    let from = scanned.saturating_sub(eof.len() - 1).min(limit);
                    if let Some(at) = find(&buf[from..limit], eof) {
                        return Ok(Some(from + at + eof.len()));
                    }
                } else if buf.len() > *max {
                    return too_large();
                } else if buf.ends_with(eof) {
                    return Ok(Some(buf.len()));
                }
                if buf.len() >= *max {
                    return too_large();
                }
                Ok(None)
            }
        }
    }
}

/// The first `needle` in `hay`: memchr (vectorised in libc) for its first
/// byte, then a comparison of the rest.
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    let mut pos = 0;
    while pos + needle.len() <= hay.len() {
        let left = hay.len() - pos;
        // SAFETY: searching `left` bytes from `pos` inside `hay`.
        let hit = unsafe { libc::memchr(hay.as_ptr().add(pos).cast(), first as i32, left) };
        if hit.is_null() {
            return None;
        }
        let at = hit as usize - hay.as_ptr() as usize;
        if at + needle.len() > hay.len() {
            return None;
        }
        if &hay[at + 1..at + needle.len()] == rest {
            return Some(at);
        }
        pos = at + 1;
    }
    None
}

/// A connection's input buffer that whole packets are taken off the front
/// of. A reactor's is a [`BytesMut`]: a packet leaves it as a [`Bytes`]
/// view of the same memory (`split_to().freeze()`), with no copy and no
/// shifting of what follows. A `Vec<u8>` works too (tests, simple callers).
pub trait FrameBuf: std::ops::Deref<Target = [u8]> {
    /// One packet taken off the buffer.
    type Frame;
    /// Takes the first `n` bytes (`n <= len`) off the front as one packet.
    fn split_frame(&mut self, n: usize) -> Self::Frame;
}

impl FrameBuf for BytesMut {
    type Frame = Bytes;

    fn split_frame(&mut self, n: usize) -> Bytes {
        self.split_to(n).freeze()
    }
}

impl FrameBuf for Vec<u8> {
    type Frame = Vec<u8>;

    fn split_frame(&mut self, n: usize) -> Vec<u8> {
        if n == self.len() {
            // The whole buffer is one packet: hand it over without a copy.
            return std::mem::take(self);
        }
        let rest = self.split_off(n);
        std::mem::replace(self, rest)
    }
}

/// Takes every whole packet from the front of `buf` (leaving a partial one).
pub fn take_frames<B: FrameBuf>(framing: &Framing, buf: &mut B) -> Result<Vec<B::Frame>, FrameError> {
    take_frames_from(framing, buf, &mut 0)
}

/// [`take_frames`] for a buffer whose first `*scanned` bytes were searched
/// before; `*scanned` is brought up to date for the next call.
///
/// For a [`Framing::Func`] port `*scanned` is the length the function gave
/// for the packet still arriving (0: none): as in Swoole, it is not asked
/// again until that packet is whole.
pub fn take_frames_from<B: FrameBuf>(framing: &Framing, buf: &mut B, scanned: &mut usize)
    -> Result<Vec<B::Frame>, FrameError> {
    if let Framing::Func { port, max } = framing {
        return take_by_func(*port, *max, buf, scanned);
    }
    let mut out = Vec::new();
    let mut hint = *scanned;
    while let Some(n) = framing.check_from(buf, hint)? {
        if n == 0 {
            break;
        }
        out.push(buf.split_frame(n));
        hint = 0;
    }
    *scanned = buf.len();
    Ok(out)
}

/// [`take_frames_from`] for a [`Framing::Func`] port: each packet's
/// length comes from the function, asked on what is buffered from the
/// packet's first byte on.
fn take_by_func<B: FrameBuf>(port: usize, max: usize, buf: &mut B, known: &mut usize) -> Result<Vec<B::Frame>, FrameError> {
    let mut out = Vec::new();
    while !buf.is_empty() {
        let len = match *known {
            0 => match ask_length(port, buf) {
                Length::NeedMore | Length::Packet(0) => break,
                Length::Packet(n) if n > max => return Err(FrameError::TooLarge { length: n as u64, max }),
                Length::Packet(n) => n,
                Length::Invalid | Length::Failed => return Err(FrameError::Rejected { received: buf.len() }),
            },
            n => n,
        };
        if buf.len() < len {
            *known = len;
            break;
        }
        *known = 0;
        out.push(buf.split_frame(len));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn length_n(max: usize) -> Framing {
        Framing::Length { len_type: LengthType::U32Be, len_offset: 0, body_offset: 4, max }
    }

    fn packet(body: &[u8]) -> Vec<u8> {
        let mut p = (body.len() as u32).to_be_bytes().to_vec();
        p.extend_from_slice(body);
        p
    }

    /// A small deterministic generator (no extra dependency).
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    /// Feeds `stream` to `framing` in random pieces of 1..=`max_piece` bytes, as
    /// reads would; returns the frames taken and what is left in the buffer.
    fn feed_in_pieces(framing: &Framing, stream: &[u8], max_piece: usize, rng: &mut Rng) -> (Vec<Vec<u8>>, Vec<u8>) {
        let mut buf = Vec::new();
        let mut got = Vec::new();
        let mut pos = 0;
        // As a connection does: the search resumes where the last one stopped.
        let mut scanned = 0;
        while pos < stream.len() {
            let n = 1 + rng.below(max_piece.min(stream.len() - pos));
            buf.extend_from_slice(&stream[pos..pos + n]);
            pos += n;
            got.extend(take_frames_from(framing, &mut buf, &mut scanned).unwrap());
        }
        (got, buf)
    }

    #[test]
    fn length_frames_survive_any_split() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for round in 0..300 {
            let bodies: Vec<Vec<u8>> =
                (0..1 + rng.below(8)).map(|_| (0..rng.below(300)).map(|_| rng.next() as u8).collect()).collect();
            let stream: Vec<u8> = bodies.iter().flat_map(|b| packet(b)).collect();
            let framing = length_n(1 << 20);
            let (got, buf) = feed_in_pieces(&framing, &stream, 64, &mut rng);
            let want: Vec<Vec<u8>> = bodies.iter().map(|b| packet(b)).collect();
            assert_eq!(got, want, "round {round}");
            assert!(buf.is_empty());
        }
    }

    #[test]
    fn eof_split_frames_survive_any_split() {
        let mut rng = Rng(42);
        for _ in 0..300 {
            let msgs: Vec<Vec<u8>> = (0..1 + rng.below(6))
                .map(|_| (0..rng.below(50)).map(|_| b'a' + (rng.next() % 26) as u8).collect())
                .collect();
            let stream: Vec<u8> = msgs.iter().flat_map(|m| [m.as_slice(), b"\r\n"].concat()).collect();
            let framing = Framing::Eof { eof: b"\r\n".to_vec(), split: true, max: 1 << 20 };
            let (got, _) = feed_in_pieces(&framing, &stream, 16, &mut rng);
            let want: Vec<Vec<u8>> = msgs.iter().map(|m| [m.as_slice(), b"\r\n"].concat()).collect();
            assert_eq!(got, want);
            // A 4-byte marker in pieces of 1..=7 bytes straddles most reads:
            // the resumed search must look back far enough.
            let long: Vec<u8> = msgs.iter().flat_map(|m| [m.as_slice(), b"\r\n\r\n"].concat()).collect();
            let framing = Framing::Eof { eof: b"\r\n\r\n".to_vec(), split: true, max: 1 << 20 };
            let (got, rest) = feed_in_pieces(&framing, &long, 7, &mut rng);
            let want: Vec<Vec<u8>> = msgs.iter().map(|m| [m.as_slice(), b"\r\n\r\n"].concat()).collect();
            assert_eq!((got, rest), (want, vec![]));
        }
    }

    #[test]
    fn garbage_never_panics_and_errors_are_named() {
        let mut rng = Rng(7);
        let framings = [
            length_n(64 * 1024),
            Framing::Length { len_type: LengthType::I8, len_offset: 3, body_offset: 4, max: 1000 },
            Framing::Length { len_type: LengthType::I64Ne, len_offset: 0, body_offset: 8, max: 1 << 20 },
            Framing::Eof { eof: b"\r\n\r\n".to_vec(), split: false, max: 4096 },
        ];
        for _ in 0..2000 {
            let junk: Vec<u8> = (0..rng.below(200)).map(|_| rng.next() as u8).collect();
            for f in &framings {
                let mut buf = junk.clone();
                let _ = take_frames(f, &mut buf);
            }
        }
        assert_eq!(length_n(100).check(&[0, 0, 1, 0]), Err(FrameError::TooLarge { length: 260, max: 100 }));
        let signed = Framing::Length { len_type: LengthType::I8, len_offset: 0, body_offset: 1, max: 100 };
        assert_eq!(signed.check(&[0xff]), Err(FrameError::Malformed));
        assert_eq!(FrameError::Malformed.code(), 1204);
    }

    #[test]
    fn eof_packets_are_held_to_package_max_length_marker_included() {
        for split in [true, false] {
            let f = Framing::Eof { eof: b"\r\n".to_vec(), split, max: 10 };
            let exactly = b"01234567\r\n";
            assert_eq!(f.check(exactly), Ok(Some(10)), "split={split}: exactly max passes");
            let over = b"012345678\r\n";
            assert!(matches!(f.check(over), Err(FrameError::TooLarge { .. })), "split={split}: max + 1 closes");
            // Byte by byte: the same on both sides of the limit.
            for (stream, ok) in [(&exactly[..], true), (&over[..], false)] {
                let (mut buf, mut scanned, mut got, mut failed) = (Vec::new(), 0, Vec::new(), false);
                for &b in stream {
                    buf.push(b);
                    match take_frames_from(&f, &mut buf, &mut scanned) {
                        Ok(frames) => got.extend(frames),
                        Err(_) => {
                            failed = true;
                            break;
                        }
                    }
                }
                assert_eq!((got.len(), failed), if ok { (1, false) } else { (0, true) }, "split={split} ok={ok}");
            }
            // A marker far past the limit in one read: closed, not taken.
            let mut long = vec![b'a'; 1000];
            long.extend_from_slice(b"\r\n");
            assert!(f.check(&long).is_err(), "split={split}");
        }
        // Split: packets before the limit are taken; the one over it closes.
        let f = Framing::Eof { eof: b"\n".to_vec(), split: true, max: 4 };
        let mut buf = b"ab\nabc\nabcd\n".to_vec();
        assert!(take_frames(&f, &mut buf).is_err());
        let mut buf = b"ab\nabc\nabc".to_vec();
        assert_eq!(take_frames(&f, &mut buf).unwrap(), vec![b"ab\n".to_vec(), b"abc\n".to_vec()]);
    }

    #[test]
    fn eof_without_split_waits_for_the_end_and_may_hold_several() {
        let f = Framing::Eof { eof: b"\n".to_vec(), split: false, max: 10 };
        assert_eq!(f.check(b"a\nb"), Ok(None));
        assert_eq!(f.check(b"a\nb\n"), Ok(Some(4)));
        assert_eq!(f.check(b"0123456789"), Err(FrameError::TooLarge { length: 10, max: 10 }));
        assert_eq!(LengthType::from_code("N"), Some(LengthType::U32Be));
        assert_eq!(LengthType::from_code("x"), None);
    }

    /// A length function like the probe: the first byte (a digit)
    /// is the packet's length, `!` is bad; it logs what it was shown.
    fn digit_length_fn(seen: std::rc::Rc<RefCell<Vec<String>>>) -> Box<LengthFn> {
        Box::new(move |port, buf| {
            seen.borrow_mut().push(format!("{port}:{}", String::from_utf8_lossy(buf)));
            match buf[0] {
                b'!' => Length::Invalid,
                d @ b'0'..=b'9' => Length::Packet((d - b'0') as usize),
                _ => Length::NeedMore,
            }
        })
    }

    #[test]
    fn a_length_function_cuts_packets_and_is_not_asked_again_for_a_known_length() {
        let seen = std::rc::Rc::new(RefCell::new(Vec::new()));
        set_length_fn(Some(digit_length_fn(seen.clone())));
        let f = Framing::Func { port: 2, max: 8 };
        let (mut buf, mut known) = (b"3ab5".to_vec(), 0);
        assert_eq!(take_frames_from(&f, &mut buf, &mut known).unwrap(), vec![b"3ab".to_vec()]);
        assert_eq!((buf.as_slice(), known), (&b"5"[..], 5));
        buf.extend_from_slice(b"cd");
        assert!(take_frames_from(&f, &mut buf, &mut known).unwrap().is_empty());
        buf.extend_from_slice(b"ef2x");
        assert_eq!(take_frames_from(&f, &mut buf, &mut known).unwrap(), vec![b"5cdef".to_vec(), b"2x".to_vec()]);
        assert_eq!(*seen.borrow(), vec!["2:3ab5", "2:5", "2:2x"], "asked once per packet");
        let mut bad = b"!bad".to_vec();
        assert_eq!(take_frames_from(&f, &mut bad, &mut 0), Err(FrameError::Rejected { received: 4 }));
        let mut big = b"9abc".to_vec();
        assert!(matches!(take_frames_from(&f, &mut big, &mut 0), Err(FrameError::TooLarge { length: 9, max: 8 })));
        set_length_fn(None);
        assert_eq!(take_frames_from(&f, &mut b"3ab".to_vec(), &mut 0), Err(FrameError::Rejected { received: 3 }), "no function: refused");
    }
}
