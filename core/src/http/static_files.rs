//! Static files under `document_root` (`enable_static_handler`), answered
//! without a worker.
//!
//! A path is url-decoded, refused if it holds a NUL or a backslash,
//! normalised (`.` and `..` resolved; climbing above the root refuses it),
//! matched against `static_handler_locations` at segment boundaries, then
//! resolved on disk with symlinks followed and refused unless the result is
//! still under the (canonical) root. A refused or unknown path goes to the
//! `request` callback, as Swoole does for paths it will not serve.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// The 404 page Swoole sends for a missing file inside a static location.
pub const NOT_FOUND_PAGE: &str = concat!(
    "<html><body>",
    "<style> body { padding: 0.5em; line-height: 2; } h1 { font-size: 1.5em; padding-bottom: 0.3em; ",
    "border-bottom: 1px solid #ccc; } ul { list-style-type: disc; } footer { border-top: 1px solid #ccc; } ",
    "a { color: #0969da; } </style>",
    "<h1>HTTP 404 Not Found</h1><footer><i>Powered by Swoole</i></footer></body></html>"
);

const STYLE: &str = "<style> body { padding: 0.5em; line-height: 2; } h1 { font-size: 1.5em; padding-bottom: 0.3em; border-bottom: 1px solid #ccc; } ul { list-style-type: disc; } footer { border-top: 1px solid #ccc; } a { color: #0969da; } </style>";

/// The static settings of a server.
#[derive(Debug, Clone, Default)]
pub struct StaticConfig {
    /// `document_root`, canonicalised once at start.
    pub root: PathBuf,
    /// `static_handler_locations` (empty: the whole root).
    pub locations: Vec<Vec<u8>>,
    /// `http_index_files`, tried in order for a directory.
    pub index_files: Vec<String>,
    /// `http_autoindex`: list a directory without an index file.
    pub autoindex: bool,
}

/// One file to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaticFile {
    /// Where it is on disk (canonical).
    pub path: PathBuf,
    /// Its size in bytes.
    pub size: u64,
    /// Its modification time, unix seconds.
    pub mtime: i64,
    /// Its `Content-Type`.
    pub mime: &'static str,
}

/// What a request path is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// Not a static file: the request callback answers.
    Dynamic,
    /// Inside a static location but missing: `404` with [`NOT_FOUND_PAGE`].
    NotFound,
    /// A file to send.
    File(StaticFile),
    /// A directory listing (`http_autoindex`): the page and the directory's mtime.
    Listing(Vec<u8>, i64),
}

impl StaticConfig {
    /// Looks up the (still encoded) request path `request_uri`.
    pub fn lookup(&self, request_uri: &[u8]) -> Lookup {
        let decoded = super::url::url_decode(request_uri, false);
        let Some(segments) = normalise(&decoded) else {
            return Lookup::Dynamic;
        };
        let in_location = self.locations.is_empty()
            || self.locations.iter().any(|loc| {
                let Some(loc) = normalise(loc) else {
                    return false;
                };
                segments.len() >= loc.len() && segments[..loc.len()] == loc[..]
            });
        if !in_location {
            return Lookup::Dynamic;
        }
        let missing = if self.locations.is_empty() {
            Lookup::Dynamic
        } else {
            Lookup::NotFound
        };
        let mut path = self.root.clone();
        for s in &segments {
            use std::os::unix::ffi::OsStrExt;
            path.push(std::ffi::OsStr::from_bytes(s));
        }
        let Ok(real) = fs::canonicalize(&path) else {
            return missing;
        };
        if !real.starts_with(&self.root) {
            return Lookup::Dynamic;
        }
        let Ok(meta) = fs::metadata(&real) else {
            return missing;
        };
        if meta.is_dir() {
            for index in &self.index_files {
                if let Some(file) = self.file(&real.join(index)) {
                    return Lookup::File(file);
                }
            }
            if self.autoindex {
                let shown = display_dir(&segments);
                return match listing(&real, &shown) {
                    Some(page) => Lookup::Listing(page, mtime_of(&meta)),
                    None => missing,
                };
            }
            return Lookup::Dynamic;
        }
        self.file(&real).map_or(Lookup::Dynamic, Lookup::File)
    }

    fn file(&self, path: &Path) -> Option<StaticFile> {
        let real = fs::canonicalize(path).ok()?;
        if !real.starts_with(&self.root) {
            return None;
        }
        let meta = fs::metadata(&real).ok()?;
        if !meta.is_file() {
            return None;
        }
        use std::os::unix::ffi::OsStrExt;
        let mime = super::mime::for_path(real.file_name()?.as_bytes())?;
        Some(StaticFile {
            path: real,
            size: meta.len(),
            mtime: mtime_of(&meta),
            mime,
        })
    }
}

fn mtime_of(meta: &fs::Metadata) -> i64 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs() as i64)
}

/// The segments of a decoded path with `.` and `..` resolved; `None` when
/// it climbs above the root or holds a NUL or a backslash.
fn normalise(path: &[u8]) -> Option<Vec<&[u8]>> {
    if path.contains(&0) || path.contains(&b'\\') {
        return None;
    }
    let mut out: Vec<&[u8]> = Vec::new();
    for seg in path.split(|&c| c == b'/') {
        match seg {
            b"" | b"." => {}
            b".." => {
                out.pop()?;
            }
            s => out.push(s),
        }
    }
    Some(out)
}

fn display_dir(segments: &[&[u8]]) -> Vec<u8> {
    let mut shown = vec![b'/'];
    for s in segments {
        shown.extend_from_slice(s);
        shown.push(b'/');
    }
    shown
}

fn html_escape(s: &[u8], out: &mut Vec<u8>) {
    for &c in s {
        match c {
            b'<' => out.extend_from_slice(b"&lt;"),
            b'>' => out.extend_from_slice(b"&gt;"),
            b'&' => out.extend_from_slice(b"&amp;"),
            b'"' => out.extend_from_slice(b"&quot;"),
            _ => out.push(c),
        }
    }
}

/// Swoole's autoindex page for directory `dir` shown as `shown` (`/a/b/`).
fn listing(dir: &Path, shown: &[u8]) -> Option<Vec<u8>> {
    use std::os::unix::ffi::OsStrExt;
    let mut names: Vec<Vec<u8>> = fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.file_name().as_bytes().to_vec())
        .collect();
    names.sort();
    if shown != b"/" {
        names.insert(0, b"..".to_vec());
    }
    let mut out = Vec::with_capacity(512 + names.len() * 64);
    let mut title = Vec::new();
    html_escape(shown, &mut title);
    out.extend_from_slice(b"<html>\n<head>\n\t<meta charset='UTF-8'>\n<title>Index of ");
    out.extend_from_slice(&title);
    out.extend_from_slice(b"</title></head>\n<body>\n");
    out.extend_from_slice(STYLE.as_bytes());
    out.extend_from_slice(b"<h1>Index of ");
    out.extend_from_slice(&title);
    out.extend_from_slice(b"</h1>\t<ul>\n");
    for name in &names {
        out.extend_from_slice(b"\t\t<li><a href=\"");
        html_escape(shown, &mut out);
        if name == b".." {
            out.extend_from_slice(b"..");
        } else {
            super::url::raw_url_encode(name, &mut out);
        }
        out.extend_from_slice(b"\">");
        html_escape(name, &mut out);
        out.extend_from_slice(b"</a></li>\n");
    }
    out.extend_from_slice(b"\t</ul>\n<footer><i>Powered by Swoole</i></footer></body>\n</html>\n");
    Some(out)
}

#[cfg(test)]
#[path = "static_files_tests.rs"]
mod tests;
