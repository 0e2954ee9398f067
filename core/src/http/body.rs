//! Request bodies: the chunked decoder (with chunk extensions and trailers).
//!
//! A `Content-Length` body needs no decoder: the parser waits for the bytes
//! and splits them off its buffer without a copy. A chunked body is decoded
//! incrementally, so a body that arrives in many reads is scanned once.

use bytes::BytesMut;

use super::limits::HEAD_MAX;
use super::request::trim;

/// Why a chunked body was refused (answered 400 and closed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyError {
    /// A size line without hex digits, with too many, or with junk after them.
    ChunkSize,
    /// Chunk data not followed by CRLF.
    ChunkEnd,
    /// A trailer section that does not parse, or longer than a head may be.
    Trailer,
}

/// Where the decoder is inside the chunked stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Reading the hex digits of a size line.
    Size,
    /// After the digits: whitespace or a `;extension` up to CR LF.
    Extension,
    /// Saw CR at the end of a size line; LF must follow.
    SizeLf,
    /// Inside chunk data, `remaining` bytes left.
    Data,
    /// After chunk data: CR (or a bare LF).
    DataCr,
    /// After chunk data and CR: LF.
    DataLf,
    /// After the last chunk: trailer lines up to an empty line.
    Trailers,
    /// The body is complete.
    Done,
}

/// Decodes one chunked body.
#[derive(Debug, Clone)]
pub struct ChunkedDecoder {
    /// Where the decoder is.
    state: State,
    /// The size being read, then the data bytes left in the current chunk.
    remaining: u64,
    /// Hex digits read on the current size line (at most 15: no overflow).
    digits: u8,
    /// The trailer section as received, up to its blank line.
    trailer_block: Vec<u8>,
}

impl Default for ChunkedDecoder {
    fn default() -> Self {
        ChunkedDecoder {
            state: State::Size,
            remaining: 0,
            digits: 0,
            trailer_block: Vec::new(),
        }
    }
}

impl ChunkedDecoder {
    /// Decodes as much of `input` as it can, appending the data to `out`.
    /// Returns how many input bytes were consumed and whether the body is
    /// complete (the bytes after the end belong to the next request).
    pub fn decode(&mut self, input: &[u8], out: &mut BytesMut) -> Result<(usize, bool), BodyError> {
        let mut i = 0;
        while i < input.len() {
            let c = input[i];
            match self.state {
                State::Size => match super::url::hex_value(c) {
                    Some(v) if self.digits < 15 => {
                        self.remaining = self.remaining << 4 | u64::from(v);
                        self.digits += 1;
                    }
                    _ if self.digits == 0 => return Err(BodyError::ChunkSize),
                    None if c == b';' || c == b' ' || c == b'\t' => self.state = State::Extension,
                    None if c == b'\r' => self.state = State::SizeLf,
                    None if c == b'\n' => self.end_size_line(),
                    _ => return Err(BodyError::ChunkSize),
                },
                State::Extension => match c {
                    b'\r' => self.state = State::SizeLf,
                    b'\n' => self.end_size_line(),
                    // An extension is a token list; control bytes are not.
                    0..=8 | 11..=31 | 127 => return Err(BodyError::ChunkSize),
                    _ => {}
                },
                State::SizeLf => {
                    if c != b'\n' {
                        return Err(BodyError::ChunkSize);
                    }
                    self.end_size_line();
                }
                State::Data => {
                    let n = (input.len() - i)
                        .min(usize::try_from(self.remaining).unwrap_or(usize::MAX));
                    out.extend_from_slice(&input[i..i + n]);
                    self.remaining -= n as u64;
                    i += n;
                    if self.remaining == 0 {
                        self.state = State::DataCr;
                    }
                    continue;
                }
                State::DataCr => match c {
                    b'\r' => self.state = State::DataLf,
                    b'\n' => self.next_chunk(),
                    _ => return Err(BodyError::ChunkEnd),
                },
                State::DataLf => {
                    if c != b'\n' {
                        return Err(BodyError::ChunkEnd);
                    }
                    self.next_chunk();
                }
                State::Trailers => {
                    self.trailer_block.push(c);
                    if self.trailer_block.len() > HEAD_MAX {
                        return Err(BodyError::Trailer);
                    }
                    let b = &self.trailer_block;
                    if b == b"\r\n"
                        || b == b"\n"
                        || b.ends_with(b"\r\n\r\n")
                        || b.ends_with(b"\n\n")
                    {
                        self.check_trailers()?;
                        self.state = State::Done;
                        return Ok((i + 1, true));
                    }
                }
                State::Done => return Ok((i, true)),
            }
            i += 1;
        }
        Ok((i, self.state == State::Done))
    }

    fn end_size_line(&mut self) {
        self.state = if self.remaining == 0 {
            State::Trailers
        } else {
            State::Data
        };
    }

    fn next_chunk(&mut self) {
        self.state = State::Size;
        self.digits = 0;
        self.remaining = 0;
    }

    fn check_trailers(&self) -> Result<(), BodyError> {
        if self.trailer_block.len() <= 2 {
            return Ok(());
        }
        let mut headers = vec![httparse::EMPTY_HEADER; self.trailer_block.len() / 4 + 1];
        match httparse::parse_headers(&self.trailer_block, &mut headers) {
            Ok(httparse::Status::Complete(_)) => Ok(()),
            _ => Err(BodyError::Trailer),
        }
    }

    /// Whether the whole body has been decoded.
    pub fn is_done(&self) -> bool {
        self.state == State::Done
    }

    /// The trailer fields, names as sent, once the body is done.
    pub fn trailers(&self) -> Vec<(Vec<u8>, Vec<u8>)> {
        if self.trailer_block.len() <= 2 {
            return Vec::new();
        }
        let mut headers = vec![httparse::EMPTY_HEADER; self.trailer_block.len() / 4 + 1];
        match httparse::parse_headers(&self.trailer_block, &mut headers) {
            Ok(httparse::Status::Complete((_, list))) => list
                .iter()
                .map(|h| (h.name.as_bytes().to_vec(), trim(h.value).to_vec()))
                .collect(),
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_all(input: &[u8]) -> Result<(Vec<u8>, usize, ChunkedDecoder), BodyError> {
        let mut d = ChunkedDecoder::default();
        let mut out = BytesMut::new();
        let (n, done) = d.decode(input, &mut out)?;
        assert!(done, "not complete");
        Ok((out.to_vec(), n, d))
    }

    #[test]
    fn plain_chunks() {
        let (body, n, _) = decode_all(b"3\r\na=1\r\n4\r\n&b=2\r\n0\r\n\r\nGET").unwrap();
        assert_eq!(body, b"a=1&b=2");
        assert_eq!(n, 22);
        let (body, _, _) = decode_all(b"A\r\n0123456789\r\n0\r\n\r\n").unwrap();
        assert_eq!(body, b"0123456789");
    }

    #[test]
    fn extensions_and_trailers_are_accepted() {
        let (body, _, d) =
            decode_all(b"4;ext=1\r\nabcd\r\n0;last\r\nX-Trailer: t\r\nx-two:  w \r\n\r\n").unwrap();
        assert_eq!(body, b"abcd");
        assert_eq!(
            d.trailers(),
            vec![
                (b"X-Trailer".to_vec(), b"t".to_vec()),
                (b"x-two".to_vec(), b"w".to_vec())
            ]
        );
    }

    #[test]
    fn byte_at_a_time_is_the_same() {
        let input = b"5\r\nhello\r\n1;x\r\n!\r\n0\r\nT: 1\r\n\r\n";
        let mut d = ChunkedDecoder::default();
        let mut out = BytesMut::new();
        for (k, b) in input.iter().enumerate() {
            let (n, done) = d.decode(std::slice::from_ref(b), &mut out).unwrap();
            assert_eq!(n, 1);
            assert_eq!(done, k == input.len() - 1);
        }
        assert_eq!(&out[..], b"hello!");
    }

    #[test]
    fn refusals() {
        let err = |s: &[u8]| {
            let mut out = BytesMut::new();
            ChunkedDecoder::default().decode(s, &mut out).unwrap_err()
        };
        assert_eq!(err(b"zz\r\nabc\r\n"), BodyError::ChunkSize);
        assert_eq!(err(b"\r\n"), BodyError::ChunkSize);
        assert_eq!(err(b"1000000000000000\r\n"), BodyError::ChunkSize);
        assert_eq!(err(b"3\r\nabcX"), BodyError::ChunkEnd);
        assert_eq!(err(b"3x\r\n"), BodyError::ChunkSize);
        assert_eq!(err(b"0\r\nbad trailer\r\n\r\n"), BodyError::Trailer);
    }
}
