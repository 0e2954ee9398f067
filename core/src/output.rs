//! A connection's output queue: bytes `send()` accepted and files
//! `sendfile()` queued, in order, written as the socket takes them (files
//! with `sendfile(2)`: the kernel copies them, PHP never sees their bytes).

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, Write};
use std::os::fd::AsFd;

/// Bytes of a file given to one `sendfile(2)` call.
const FILE_STEP: usize = 1 << 20;

/// The log line of a send refused because `session`'s queue is at
/// `socket_buffer_size` (Swoole's words; it names the socket, here the
/// session id, which is what the PHP code knows).
pub fn log_overflow(session: crate::SessionId) {
    let code = crate::ErrorCode::OUTPUT_BUFFER_OVERFLOW.0;
    crate::log::put_code(
        crate::log::LOG_WARNING,
        code,
        &format!("Server::send_to_connection() (ERRNO {code}): connection#{} output buffer overflow", session.0),
    );
}

/// Opens the range `sendfile($fd, $path, $offset, $length)` asks for
/// (`length` 0: to the end): the file and the bytes to send, or the error for
/// a missing file (700), one that is not a regular file (9013, as Swoole: a
/// directory, a FIFO, a device), an empty range (702) or one past the end (505).
pub fn open_file_range(path: &str, offset: u64, length: u64) -> Result<(File, u64), crate::ErrorCode> {
    use crate::ErrorCode;
    // stat() before open(): opening a FIFO would block the worker.
    let meta = std::fs::metadata(path).map_err(|_| ErrorCode::FILE_NOT_EXIST)?;
    if !meta.is_file() {
        return Err(ErrorCode::SERVER_IS_NOT_REGULAR_FILE);
    }
    let file = File::open(path).map_err(|_| ErrorCode::FILE_NOT_EXIST)?;
    let size = file.metadata().map_err(|_| ErrorCode::SYSTEM_CALL_FAIL)?.len();
    if offset > size || (length > 0 && offset + length > size) {
        return Err(ErrorCode::INVALID_PARAMS);
    }
    if size == 0 || offset == size {
        return Err(ErrorCode::FILE_EMPTY);
    }
    Ok((file, if length == 0 { size - offset } else { length }))
}

/// One queued piece of output.
enum Item {
    /// Bytes, written from `pos` on.
    Bytes { data: Vec<u8>, pos: usize },
    /// A file's range `offset..end`, still to send.
    File { file: File, offset: u64, end: u64 },
}

/// The queue of one connection.
#[derive(Default)]
pub struct Output {
    items: VecDeque<Item>,
    /// Bytes of data (not of files: those never take memory, as in Swoole)
    /// not written yet.
    queued: usize,
}

impl Output {
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Bytes of data not written yet (`send_queued_bytes`, the measure of
    /// `socket_buffer_size` and the watermarks).
    pub fn queued(&self) -> usize {
        self.queued
    }

    /// Queues bytes after everything already queued.
    pub fn push_bytes(&mut self, data: &[u8]) {
        self.queued += data.len();
        // Append to the last piece only while none of it was written: a
        // piece being written would otherwise keep every byte ever sent.
        if let Some(Item::Bytes { data: last, pos: 0 }) = self.items.back_mut() {
            last.extend_from_slice(data);
            return;
        }
        self.items.push_back(Item::Bytes { data: data.to_vec(), pos: 0 });
    }

    /// Queues `len` bytes of `file` from `offset`.
    pub fn push_file(&mut self, file: File, offset: u64, len: u64) {
        if len == 0 {
            return;
        }
        self.items.push_back(Item::File { file, offset, end: offset + len });
    }

    /// Writes what `sock` takes now: `Ok(true)` when the queue is empty,
    /// `Ok(false)` when the socket is full.
    pub fn write_to<S: Write + AsFd>(&mut self, sock: &mut S) -> io::Result<bool> {
        self.write_to_sink(&mut Plain(sock))
    }

    /// [`Output::write_to`] through any [`Sink`] (a TLS session encrypts
    /// what it takes).
    pub fn write_to_sink<S: Sink>(&mut self, sink: &mut S) -> io::Result<bool> {
        while let Some(item) = self.items.front_mut() {
            let (progressed, done) = match item {
                Item::Bytes { data, pos } => match sink.write_bytes(&data[*pos..]) {
                    Ok(n) => {
                        *pos += n;
                        self.queued -= n;
                        (n > 0, *pos == data.len())
                    }
                    Err(e) => return blocked(e),
                },
                Item::File { file, offset, end } => {
                    let step = ((*end - *offset) as usize).min(FILE_STEP);
                    match sink.write_file(file, *offset, step) {
                        // 0: the file shrank; what is left of the range cannot be sent.
                        Ok(0) => *offset = *end,
                        Ok(n) => *offset += n as u64,
                        Err(e) => return blocked(e),
                    }
                    (true, *offset == *end)
                }
            };
            if done {
                self.items.pop_front();
            } else if !progressed {
                return Ok(false);
            }
        }
        Ok(true)
    }
}

/// Where queued output goes: a socket as it is, or a TLS session over it.
pub trait Sink {
    /// Writes a prefix of `data`; `WouldBlock` when nothing fits now.
    fn write_bytes(&mut self, data: &[u8]) -> io::Result<usize>;
    /// Writes up to `len` bytes of `file` from `offset`: how many went (0:
    /// the file ended early).
    fn write_file(&mut self, file: &File, offset: u64, len: usize) -> io::Result<usize>;
}

/// A plain socket: bytes with `write(2)`, files with `sendfile(2)`.
struct Plain<'a, S>(&'a mut S);

impl<S: Write + AsFd> Sink for Plain<'_, S> {
    fn write_bytes(&mut self, data: &[u8]) -> io::Result<usize> {
        self.0.write(data)
    }

    fn write_file(&mut self, file: &File, offset: u64, len: usize) -> io::Result<usize> {
        // The kernel copies from the file at `off` into the socket.
        let mut off = offset as libc::off_t;
        Ok(nix::sys::sendfile::sendfile(self.0.as_fd(), file.as_fd(), Some(&mut off), len)?)
    }
}

/// An error of a non-blocking write: the socket is full (not an error), or a real one.
fn blocked(e: io::Error) -> io::Result<bool> {
    match e.kind() {
        io::ErrorKind::WouldBlock | io::ErrorKind::Interrupted => Ok(false),
        _ => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;
    use std::os::unix::net::UnixStream;

    /// A sink that takes at most `room` bytes, then blocks (as a full
    /// socket, or a TLS session with records pending).
    struct Limited {
        got: Vec<u8>,
        room: usize,
    }

    impl Sink for Limited {
        fn write_bytes(&mut self, data: &[u8]) -> io::Result<usize> {
            let n = data.len().min(self.room);
            if n == 0 {
                return Err(io::ErrorKind::WouldBlock.into());
            }
            self.room -= n;
            self.got.extend_from_slice(&data[..n]);
            Ok(n)
        }

        fn write_file(&mut self, file: &File, offset: u64, len: usize) -> io::Result<usize> {
            use std::os::unix::fs::FileExt;
            let mut buf = vec![0u8; len.min(self.room)];
            if buf.is_empty() {
                return Err(io::ErrorKind::WouldBlock.into());
            }
            let n = file.read_at(&mut buf, offset)?;
            self.room -= n;
            self.got.extend_from_slice(&buf[..n]);
            Ok(n)
        }
    }

    #[test]
    fn a_sink_that_blocks_resumes_where_it_stopped() {
        let path = std::env::temp_dir().join(format!("swoole-output-sink-{}", std::process::id()));
        std::fs::write(&path, b"0123456789").unwrap();
        let mut out = Output::default();
        out.push_bytes(b"ab");
        out.push_file(File::open(&path).unwrap(), 2, 6);
        out.push_bytes(b"yz");
        let mut sink = Limited { got: Vec::new(), room: 5 };
        assert!(!out.write_to_sink(&mut sink).unwrap(), "blocked after 5 bytes");
        assert_eq!(sink.got, b"ab234");
        sink.room = 100;
        assert!(out.write_to_sink(&mut sink).unwrap());
        std::fs::remove_file(&path).unwrap();
        assert_eq!(sink.got, b"ab234567yz");
        assert_eq!(out.queued(), 0);
    }

    #[test]
    fn bytes_and_files_leave_in_order() {
        let path = std::env::temp_dir().join(format!("swoole-output-{}", std::process::id()));
        let body: Vec<u8> = (0..3_000_000u32).map(|i| (i % 253) as u8).collect();
        std::fs::write(&path, &body).unwrap();
        let (mut a, mut b) = UnixStream::pair().unwrap();
        a.set_nonblocking(true).unwrap();
        let mut out = Output::default();
        out.push_bytes(b"head:");
        out.push_file(File::open(&path).unwrap(), 10, 2_000_000);
        out.push_bytes(b":tail");
        assert_eq!(out.queued(), 5 + 5, "file bytes are not counted");
        let reader = std::thread::spawn(move || {
            let mut got = Vec::new();
            b.read_to_end(&mut got).unwrap();
            got
        });
        while !out.write_to(&mut a).unwrap() {
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        assert_eq!(out.queued(), 0);
        drop(a);
        let got = reader.join().unwrap();
        std::fs::remove_file(&path).unwrap();
        assert_eq!(&got[..5], b"head:");
        assert_eq!(&got[5..5 + 2_000_000], &body[10..2_000_010]);
        assert_eq!(&got[5 + 2_000_000..], b":tail");
    }

    #[test]
    fn a_range_is_refused_with_swooles_codes() {
        use crate::ErrorCode;
        let dir = std::env::temp_dir().join(format!("swoole-output-range-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("ten");
        std::fs::write(&file, b"0123456789").unwrap();
        let fifo = dir.join("fifo");
        nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::S_IRWXU).unwrap();
        let code = |path: &std::path::Path, offset, length| open_file_range(path.to_str().unwrap(), offset, length).err();
        assert_eq!(code(&file, 2, 0), None);
        assert_eq!(open_file_range(file.to_str().unwrap(), 2, 0).unwrap().1, 8);
        assert_eq!(code(&dir.join("none"), 0, 0), Some(ErrorCode::FILE_NOT_EXIST));
        assert_eq!(code(&dir, 0, 0), Some(ErrorCode::SERVER_IS_NOT_REGULAR_FILE));
        // A FIFO is refused before open(), which would block.
        assert_eq!(code(&fifo, 0, 0), Some(ErrorCode::SERVER_IS_NOT_REGULAR_FILE));
        assert_eq!(code(&file, 10, 0), Some(ErrorCode::FILE_EMPTY));
        assert_eq!(code(&file, 5, 6), Some(ErrorCode::INVALID_PARAMS));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
