//! The answer to a static file request, as Swoole's static handler sends
//! it: `If-Modified-Since` gives `304`, `Range: bytes=` gives `206` (one
//! range, or `multipart/byteranges` for several), a range that cannot be
//! satisfied or a unit other than bytes gives the whole file (`200`), as
//! Swoole does. Headers come in Swoole's order for each case.

use super::date;
use super::static_files::StaticFile;

/// What the request asks of the file.
#[derive(Debug, Clone, Copy, Default)]
pub struct Request<'a> {
    /// `If-Modified-Since`, as sent.
    pub if_modified_since: Option<&'a [u8]>,
    /// `Range`, as sent.
    pub range: Option<&'a [u8]>,
    /// Whether the connection stays open.
    pub keep_alive: bool,
    /// A HEAD request: the head only.
    pub head_only: bool,
}

/// A piece of the body: bytes to send, or a span of the file (`sendfile`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Bytes (multipart framing).
    Bytes(Vec<u8>),
    /// `length` bytes of the file from `offset`.
    File {
        /// Where the span starts.
        offset: u64,
        /// How long it is.
        length: u64,
    },
}

/// The answer: the head, then the parts in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The status.
    pub status: u16,
    /// Status line and headers, ending with the blank line.
    pub head: Vec<u8>,
    /// The body.
    pub body: Vec<Part>,
}

/// Builds the answer for `file`; `now` is the current unix time, `boundary`
/// the multipart boundary to use if several ranges are asked.
pub fn answer(file: &StaticFile, req: &Request<'_>, now: i64, boundary: &str) -> Answer {
    let connection = if req.keep_alive {
        "keep-alive"
    } else {
        "close"
    };
    let date = date::http_date(now);
    let modified = date::http_date(file.mtime);
    let not_modified = req
        .if_modified_since
        .and_then(date::parse_http_date)
        .is_some_and(|ims| file.mtime <= ims);
    if not_modified {
        let head = format!(
            "HTTP/1.1 304 Not Modified\r\nConnection: {connection}\r\nDate: {date}\r\nLast-Modified: {modified}\r\nServer: {}\r\n\r\n",
            super::response::SERVER
        );
        return Answer {
            status: 304,
            head: head.into_bytes(),
            body: Vec::new(),
        };
    }
    let ranges = req
        .range
        .and_then(|r| parse_ranges(r, file.size))
        .unwrap_or_default();
    let tail = format!(
        "Date: {date}\r\nLast-Modified: {modified}\r\nServer: {}\r\n\r\n",
        super::response::SERVER
    );
    let (status, head, body) = match ranges.as_slice() {
        [] => (
            200,
            format!(
                "HTTP/1.1 200 OK\r\nConnection: {connection}\r\nContent-Length: {}\r\nContent-Type: {}\r\nAccept-Ranges: bytes\r\n{tail}",
                file.size, file.mime
            ),
            vec![Part::File {
                offset: 0,
                length: file.size,
            }],
        ),
        [(start, end)] => (
            206,
            format!(
                "HTTP/1.1 206 Partial Content\r\nConnection: {connection}\r\nContent-Length: {}\r\nContent-Type: {}\r\nContent-Range: bytes {start}-{end}/{}\r\n{tail}",
                end - start + 1,
                file.mime,
                file.size
            ),
            vec![Part::File {
                offset: *start,
                length: end - start + 1,
            }],
        ),
        many => {
            let mut body = Vec::with_capacity(many.len() * 2 + 1);
            let mut length = 0u64;
            for (i, (start, end)) in many.iter().enumerate() {
                let lead = if i == 0 { "" } else { "\r\n" };
                let part = format!(
                    "{lead}--{boundary}\r\nContent-Type: {}\r\nContent-Range: bytes {start}-{end}/{}\r\n\r\n",
                    file.mime, file.size
                );
                length += part.len() as u64 + (end - start + 1);
                body.push(Part::Bytes(part.into_bytes()));
                body.push(Part::File {
                    offset: *start,
                    length: end - start + 1,
                });
            }
            let last = format!("\r\n--{boundary}--\r\n");
            length += last.len() as u64;
            body.push(Part::Bytes(last.into_bytes()));
            (
                206,
                format!(
                    "HTTP/1.1 206 Partial Content\r\nConnection: {connection}\r\nContent-Length: {length}\r\nContent-Type: multipart/byteranges; boundary={boundary}\r\n{tail}"
                ),
                body,
            )
        }
    };
    Answer {
        status,
        head: head.into_bytes(),
        body: if req.head_only { Vec::new() } else { body },
    }
}

/// `bytes=a-b,c-,-n` as inclusive spans within `size`; `None` when the unit
/// is not bytes, a spec does not parse, or none can be satisfied.
fn parse_ranges(value: &[u8], size: u64) -> Option<Vec<(u64, u64)>> {
    let specs = std::str::from_utf8(value)
        .ok()?
        .trim()
        .strip_prefix("bytes=")?;
    let mut out = Vec::new();
    for spec in specs.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let (a, b) = spec.split_once('-')?;
        let (start, end) = match (a.trim(), b.trim()) {
            ("", n) => {
                let n: u64 = n.parse().ok()?;
                if n == 0 || size == 0 {
                    continue;
                }
                (size.saturating_sub(n), size - 1)
            }
            (a, "") => (a.parse().ok()?, size.checked_sub(1)?),
            (a, b) => {
                let (a, b): (u64, u64) = (a.parse().ok()?, b.parse().ok()?);
                if b < a {
                    return None;
                }
                (a, b.min(size.checked_sub(1)?))
            }
        };
        if start < size && start <= end {
            out.push((start, end));
        }
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn file() -> StaticFile {
        StaticFile {
            path: PathBuf::from("/x/a.txt"),
            size: 12,
            mtime: 1_704_164_645,
            mime: "text/plain",
        }
    }

    fn text(a: &Answer) -> String {
        String::from_utf8_lossy(&a.head).into_owned()
    }

    const NOW: i64 = 1_796_218_357;
    const TAIL: &str = "Date: Wed, 02 Dec 2026 13:32:37 GMT\r\nLast-Modified: Tue, 02 Jan 2024 03:04:05 GMT\r\nServer: swoole-http-server\r\n\r\n";

    #[test]
    fn whole_file_in_swoole_order() {
        let a = answer(
            &file(),
            &Request {
                keep_alive: true,
                ..Default::default()
            },
            NOW,
            "B",
        );
        assert_eq!(
            text(&a),
            format!(
                "HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nContent-Length: 12\r\nContent-Type: text/plain\r\nAccept-Ranges: bytes\r\n{TAIL}"
            )
        );
        assert_eq!(
            a.body,
            [Part::File {
                offset: 0,
                length: 12
            }]
        );
        // HEAD: the real length, no body (Swoole sends Content-Length: 0).
        let a = answer(
            &file(),
            &Request {
                head_only: true,
                ..Default::default()
            },
            NOW,
            "B",
        );
        assert!(text(&a).contains("Content-Length: 12\r\n") && a.body.is_empty());
    }

    #[test]
    fn if_modified_since() {
        let ims = |v: &'static str| Request {
            if_modified_since: Some(v.as_bytes()),
            ..Default::default()
        };
        let a = answer(&file(), &ims("Tue, 02 Jan 2024 03:04:05 GMT"), NOW, "B");
        assert_eq!(
            text(&a),
            format!("HTTP/1.1 304 Not Modified\r\nConnection: close\r\n{TAIL}")
        );
        assert_eq!(
            answer(&file(), &ims("Wed, 03 Jan 2024 03:04:05 GMT"), NOW, "B").status,
            304
        );
        assert_eq!(
            answer(&file(), &ims("Mon, 01 Jan 2024 03:04:05 GMT"), NOW, "B").status,
            200
        );
        assert_eq!(answer(&file(), &ims("garbage"), NOW, "B").status, 200);
    }

    #[test]
    fn ranges_as_swoole() {
        let range = |v: &'static str| Request {
            range: Some(v.as_bytes()),
            ..Default::default()
        };
        let a = answer(&file(), &range("bytes=0-4"), NOW, "B");
        assert_eq!(
            text(&a),
            format!(
                "HTTP/1.1 206 Partial Content\r\nConnection: close\r\nContent-Length: 5\r\nContent-Type: text/plain\r\nContent-Range: bytes 0-4/12\r\n{TAIL}"
            )
        );
        assert_eq!(
            answer(&file(), &range("bytes=-3"), NOW, "B").body,
            [Part::File {
                offset: 9,
                length: 3
            }]
        );
        assert_eq!(
            answer(&file(), &range("bytes=6-"), NOW, "B").body,
            [Part::File {
                offset: 6,
                length: 6
            }]
        );
        assert_eq!(
            answer(&file(), &range("bytes=100-200"), NOW, "B").status,
            200
        );
        assert_eq!(answer(&file(), &range("items=0-1"), NOW, "B").status, 200);
        assert_eq!(answer(&file(), &range("bytes=5-1"), NOW, "B").status, 200);
        let boundary = "SwooleBoundary23xXO5jLpnWGnwZl3Yca3g33";
        let a = answer(&file(), &range("bytes=0-1,4-5"), NOW, boundary);
        assert!(text(&a).contains("Content-Length: 250\r\nContent-Type: multipart/byteranges; boundary=SwooleBoundary23xXO5jLpnWGnwZl3Yca3g33\r\n"));
        assert_eq!(a.body.len(), 5);
        assert_eq!(
            a.body[0],
            Part::Bytes(format!("--{boundary}\r\nContent-Type: text/plain\r\nContent-Range: bytes 0-1/12\r\n\r\n").into_bytes())
        );
        assert_eq!(
            a.body[4],
            Part::Bytes(format!("\r\n--{boundary}--\r\n").into_bytes())
        );
    }
}
