//! Streaming `multipart/form-data`: fields into `$request->post`, files
//! into temp files under `upload_tmp_dir` as `$request->files` entries.
//!
//! Bytes may come in any pieces ([`MultipartParser::feed`]); only a
//! delimiter's length is held back between pieces, so a large upload goes to
//! disk as it arrives. Entries are as Swoole 6.2.1 makes them: keys `type`,
//! `tmp_name`, `size`, `name`, `error` (and `full_path` here, which Swoole
//! does not send: the name as the client gave it, which Swoole also keeps in
//! `name`); an empty `filename=""` is error 4 (no file); a file over
//! `upload_max_filesize` is error 1 (Swoole answers 413 in its streaming
//! mode and does not check it otherwise).

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::PathBuf;

use super::form::{FormMap, Outcome};

/// `UPLOAD_ERR_OK`.
pub const UPLOAD_ERR_OK: u8 = 0;
/// `UPLOAD_ERR_INI_SIZE`: over `upload_max_filesize`.
pub const UPLOAD_ERR_INI_SIZE: u8 = 1;
/// `UPLOAD_ERR_NO_FILE`: an empty file input.
pub const UPLOAD_ERR_NO_FILE: u8 = 4;
/// `UPLOAD_ERR_CANT_WRITE`: the temp file could not be written.
pub const UPLOAD_ERR_CANT_WRITE: u8 = 7;

/// The longest header block of one part.
const PART_HEAD_MAX: usize = 16 * 1024;

/// One uploaded file, as a `$request->files` entry.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FileInfo {
    /// `name`: the file name as sent (with any directories, as Swoole).
    pub name: Vec<u8>,
    /// `full_path`: the name as sent.
    pub full_path: Vec<u8>,
    /// `type`: the part's `Content-Type`, or empty.
    pub mime: Vec<u8>,
    /// `tmp_name`: the temp file, or empty when there is none.
    pub tmp_name: PathBuf,
    /// `error`: one of the `UPLOAD_ERR_*` codes.
    pub error: u8,
    /// `size`: bytes written (0 on error).
    pub size: u64,
}

/// Settings of one parse.
#[derive(Debug, Clone)]
pub struct MultipartConfig {
    /// `upload_tmp_dir`.
    pub tmp_dir: PathBuf,
    /// `upload_max_filesize`; 0: no limit.
    pub upload_max_filesize: u64,
    /// Bytes of field values held in memory at most (`package_max_length`).
    pub max_field_bytes: usize,
    /// `max_input_vars`.
    pub max_input_vars: usize,
    /// `max_input_nesting_level`.
    pub max_input_nesting: usize,
}

/// Why a body was refused (400, or 413 for [`MultipartError::TooLarge`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MultipartError {
    /// A part's head is missing, too long, or has no `name`.
    BadPart,
    /// The body ended before the closing delimiter.
    Truncated,
    /// Field values past [`MultipartConfig::max_field_bytes`].
    TooLarge,
}

/// What a body gave.
#[derive(Debug, Default)]
pub struct MultipartResult {
    /// `$request->post`.
    pub post: FormMap<Vec<u8>>,
    /// `$request->files`.
    pub files: FormMap<FileInfo>,
    /// A name nested too deep was dropped (the PHP layer warns).
    pub too_deep: bool,
    /// Every temp file made, removed after the request.
    pub temp_files: Vec<PathBuf>,
}

impl MultipartResult {
    /// Removes the temp files still there (after the request, as Swoole).
    pub fn remove_temp_files(&mut self) {
        for f in self.temp_files.drain(..) {
            let _ = fs::remove_file(f);
        }
    }
}

/// The boundary of a `Content-Type: multipart/form-data; boundary=...`
/// value (quotes stripped), as Swoole reads it.
pub fn boundary_of(content_type: &[u8]) -> Option<&[u8]> {
    let rest = content_type
        .get(..19)
        .filter(|p| p.eq_ignore_ascii_case(b"multipart/form-data"))
        .map(|_| &content_type[19..])?;
    let value = rest
        .split(|&c| c == b';')
        .map(super::request::trim)
        .find_map(|p| {
            (p.len() > 9 && p[..9].eq_ignore_ascii_case(b"boundary=")).then(|| &p[9..])
        })?;
    let value = if value.len() >= 2 && value[0] == b'"' && value[value.len() - 1] == b'"' {
        &value[1..value.len() - 1]
    } else {
        value
    };
    (!value.is_empty() && value.len() <= 200).then_some(value)
}

#[derive(Debug)]
enum State {
    /// Before the first delimiter.
    Preamble,
    /// Right after a delimiter: `--` ends, CRLF starts a part.
    AfterDelimiter,
    /// Reading a part's headers.
    PartHead,
    /// Reading a part's data.
    Data,
    /// After the closing delimiter.
    End,
}

/// The part being read.
#[derive(Debug)]
enum Part {
    /// A field: its name and value so far.
    Field(Vec<u8>, Vec<u8>),
    /// A file: its field name, entry, and open temp file (if writing).
    File(Vec<u8>, FileInfo, Option<File>),
}

/// A streaming parser of one body.
#[derive(Debug)]
pub struct MultipartParser {
    /// `\r\n--boundary`.
    delimiter: Vec<u8>,
    /// The settings.
    config: MultipartConfig,
    /// Where the parser is.
    state: State,
    /// Bytes received but not yet consumed.
    pending: Vec<u8>,
    /// The part being read.
    part: Option<Part>,
    /// Field bytes held so far.
    field_bytes: usize,
    /// Variables registered, for `max_input_vars`.
    vars: usize,
    /// What the body gave so far.
    result: MultipartResult,
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

impl MultipartParser {
    /// A parser for a body with `boundary`.
    pub fn new(boundary: &[u8], config: MultipartConfig) -> Self {
        let mut delimiter = b"\r\n--".to_vec();
        delimiter.extend_from_slice(boundary);
        MultipartParser {
            delimiter,
            config,
            state: State::Preamble,
            // The first delimiter has no CRLF before it.
            pending: b"\r\n".to_vec(),
            part: None,
            field_bytes: 0,
            vars: 0,
            result: MultipartResult::default(),
        }
    }

    /// Parses the next piece of the body.
    pub fn feed(&mut self, data: &[u8]) -> Result<(), MultipartError> {
        self.pending.extend_from_slice(data);
        let mut at = 0;
        loop {
            let rest = &self.pending[at..];
            match self.state {
                State::Preamble => match find(rest, &self.delimiter) {
                    Some(p) => {
                        at += p + self.delimiter.len();
                        self.state = State::AfterDelimiter;
                    }
                    None => {
                        at += rest.len().saturating_sub(self.delimiter.len());
                        break;
                    }
                },
                State::AfterDelimiter => {
                    if rest.len() < 2 {
                        break;
                    }
                    if rest.starts_with(b"--") {
                        self.state = State::End;
                    } else if rest.starts_with(b"\r\n") {
                        at += 2;
                        self.state = State::PartHead;
                    } else {
                        return Err(MultipartError::BadPart);
                    }
                }
                State::PartHead => match find(rest, b"\r\n\r\n") {
                    Some(p) => {
                        let head = rest[..p].to_vec();
                        at += p + 4;
                        self.start_part(&head)?;
                        self.state = State::Data;
                    }
                    None if rest.len() > PART_HEAD_MAX => return Err(MultipartError::BadPart),
                    None => break,
                },
                State::Data => match find(rest, &self.delimiter) {
                    Some(p) => {
                        let chunk = rest[..p].to_vec();
                        at += p + self.delimiter.len();
                        self.data(&chunk)?;
                        self.end_part();
                        self.state = State::AfterDelimiter;
                    }
                    None => {
                        let keep = self.delimiter.len() - 1;
                        let n = rest.len().saturating_sub(keep);
                        let chunk = rest[..n].to_vec();
                        at += n;
                        self.data(&chunk)?;
                        break;
                    }
                },
                State::End => {
                    at = self.pending.len();
                    break;
                }
            }
        }
        self.pending.drain(..at);
        Ok(())
    }

    /// Ends the body: the result, or an error when the closing delimiter
    /// never came.
    pub fn finish(mut self) -> Result<MultipartResult, MultipartError> {
        if !matches!(self.state, State::End) {
            return Err(MultipartError::Truncated);
        }
        Ok(std::mem::take(&mut self.result))
    }

    fn start_part(&mut self, head: &[u8]) -> Result<(), MultipartError> {
        let (mut name, mut filename, mut mime) = (None, None, Vec::new());
        for line in head.split(|&c| c == b'\n') {
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            let Some(colon) = line.iter().position(|&c| c == b':') else {
                continue;
            };
            let (key, value) = (&line[..colon], super::request::trim(&line[colon + 1..]));
            if key.eq_ignore_ascii_case(b"content-disposition") {
                for param in value.split(|&c| c == b';').map(super::request::trim) {
                    let Some(eq) = param.iter().position(|&c| c == b'=') else {
                        continue;
                    };
                    let (k, v) = (
                        super::request::trim(&param[..eq]),
                        super::request::trim(&param[eq + 1..]),
                    );
                    let v = if v.len() >= 2 && v[0] == b'"' && v[v.len() - 1] == b'"' {
                        &v[1..v.len() - 1]
                    } else {
                        v
                    };
                    if k.eq_ignore_ascii_case(b"name") {
                        name = Some(v.to_vec());
                    } else if k.eq_ignore_ascii_case(b"filename") {
                        filename = Some(v.to_vec());
                    }
                }
            } else if key.eq_ignore_ascii_case(b"content-type") {
                mime = value.to_vec();
            }
        }
        let name = name.ok_or(MultipartError::BadPart)?;
        self.part = Some(match filename {
            None => Part::Field(name, Vec::new()),
            Some(filename) => {
                let mut info = FileInfo {
                    full_path: filename.clone(),
                    name: filename,
                    mime,
                    ..FileInfo::default()
                };
                let file = if info.name.is_empty() {
                    info.mime.clear();
                    info.error = UPLOAD_ERR_NO_FILE;
                    None
                } else {
                    match self.temp_file() {
                        Some((path, file)) => {
                            info.tmp_name = path;
                            Some(file)
                        }
                        None => {
                            info.error = UPLOAD_ERR_CANT_WRITE;
                            None
                        }
                    }
                };
                Part::File(name, info, file)
            }
        });
        Ok(())
    }

    fn temp_file(&mut self) -> Option<(PathBuf, File)> {
        const CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        for attempt in 0..16u128 {
            let mut seed = super::date::now_nanos()
                ^ (u128::from(std::process::id()) << 64)
                ^ (attempt * 0x9e37_79b9_7f4a_7c15);
            let suffix: String = (0..6)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1_442_695_040_888_963_407);
                    CHARS[(seed >> 70) as usize % CHARS.len()] as char
                })
                .collect();
            let path = self.config.tmp_dir.join(format!("swoole.upfile.{suffix}"));
            if let Ok(file) = OpenOptions::new().write(true).create_new(true).open(&path) {
                self.result.temp_files.push(path.clone());
                return Some((path, file));
            }
        }
        None
    }

    fn data(&mut self, chunk: &[u8]) -> Result<(), MultipartError> {
        match &mut self.part {
            Some(Part::Field(_, value)) => {
                self.field_bytes += chunk.len();
                if self.field_bytes > self.config.max_field_bytes {
                    return Err(MultipartError::TooLarge);
                }
                value.extend_from_slice(chunk);
            }
            Some(Part::File(_, info, file)) => {
                let Some(f) = file else { return Ok(()) };
                let max = self.config.upload_max_filesize;
                if max > 0 && info.size + chunk.len() as u64 > max {
                    info.error = UPLOAD_ERR_INI_SIZE;
                } else if f.write_all(chunk).is_err() {
                    info.error = UPLOAD_ERR_CANT_WRITE;
                } else {
                    info.size += chunk.len() as u64;
                    return Ok(());
                }
                *file = None;
                let _ = fs::remove_file(&info.tmp_name);
                info.tmp_name = PathBuf::new();
                info.size = 0;
            }
            None => {}
        }
        Ok(())
    }

    fn end_part(&mut self) {
        let Some(part) = self.part.take() else { return };
        self.vars += 1;
        if self.vars > self.config.max_input_vars {
            return;
        }
        let nesting = self.config.max_input_nesting;
        let outcome = match part {
            Part::Field(name, value) => self.result.post.register(&name, value, nesting, false),
            Part::File(name, info, _) => self.result.files.register(&name, info, nesting, false),
        };
        self.result.too_deep |= outcome == Outcome::TooDeep;
    }
}

impl Drop for MultipartParser {
    /// A body that failed leaves no temp file behind.
    fn drop(&mut self) {
        self.result.remove_temp_files();
    }
}

#[cfg(test)]
#[path = "multipart_tests.rs"]
mod tests;
