//! The HTTP settings of one port, read once at `start()` from the server's
//! `$setting` array with the port's own `set()` entries over it (as Swoole,
//! a port without them inherits the server's). [`Lookup`] is that reading,
//! which the WebSocket settings (`crate::websocket::config`) share.

use ext_php_rs::ffi::zend_object;
use ext_php_rs::types::{ZendHashTable, Zval};
use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;
use swoole_core::http::compress::{DEFAULT_LEVEL, DEFAULT_MIN_LENGTH};
use swoole_core::http::static_files::StaticConfig;
use swoole_core::http::Limits;

thread_local! {
    /// Each port's HTTP configuration (None: not HTTP), set by `start()`
    /// before any fork.
    static PORTS: RefCell<Vec<Option<Rc<HttpConfig>>>> = const { RefCell::new(Vec::new()) };
}

/// Records the ports' HTTP configurations; returns whether any port speaks HTTP.
pub fn set_ports(ports: Vec<Option<HttpConfig>>) -> bool {
    let any = ports.iter().any(Option::is_some);
    PORTS.with(|p| *p.borrow_mut() = ports.into_iter().map(|c| c.map(Rc::new)).collect());
    any
}

/// The HTTP configuration of port `port`, if it speaks HTTP.
pub fn port_config(port: usize) -> Option<Rc<HttpConfig>> {
    PORTS.with(|p| p.borrow().get(port).cloned().flatten())
}

/// Whether some port speaks HTTP.
pub fn any_port() -> bool {
    PORTS.with(|p| p.borrow().iter().any(Option::is_some))
}

/// Swoole's default `upload_tmp_dir`.
const DEFAULT_UPLOAD_TMP_DIR: &str = "/tmp";
/// The largest piece an answer is sent in (2 MiB; less when
/// `output_buffer_size` is less): Swoole sends an answer whole, a split one
/// goes out the same, and pieces keep a worker's ring moving.
const DEFAULT_SEND_PIECE: usize = 2 * 1024 * 1024;
/// The highest zlib level (`http_compression_level` is clamped to it).
const MAX_LEVEL: i64 = 9;

/// What a worker needs to serve HTTP on one port.
#[derive(Debug, Clone)]
pub struct HttpConfig {
    /// Head, body and form limits (`package_max_length`, `upload_max_filesize`).
    pub limits: Limits,
    /// `http_parse_post`: `$request->post` from urlencoded and multipart bodies.
    pub parse_post: bool,
    /// `http_parse_cookie`: `$request->cookie`.
    pub parse_cookie: bool,
    /// `http_parse_files`: uploads into `$request->files`.
    pub parse_files: bool,
    /// `http_compression`: `end()` bodies compressed by `Accept-Encoding`.
    pub compression: bool,
    /// `http_compression_level` (`compression_level`, `http_gzip_level`).
    pub compression_level: u32,
    /// `compression_min_length`: shorter bodies go as they are.
    pub compression_min_length: usize,
    /// `http_compression_types`: the content types compressed (empty: all).
    pub compression_types: Vec<Vec<u8>>,
    /// `document_root` with `enable_static_handler`: files answered without PHP.
    pub static_files: Option<StaticConfig>,
    /// `upload_tmp_dir`: where uploaded files are written.
    pub upload_tmp_dir: PathBuf,
    /// The address the port is bound to (`$request->server['server_addr']`).
    pub host: String,
    /// `output_buffer_size`: the largest piece one send may take in PROCESS
    /// mode (an answer is sent in pieces of at most this).
    pub send_piece: usize,
    /// `open_websocket_protocol`: a request with `Upgrade: websocket` leaves
    /// HTTP, handed back to the caller ([`super::server::Served::Upgrade`]),
    /// which holds the WebSocket settings (false: plain HTTP).
    pub upgrade: bool,
    /// `http_header_timeout` (ours): how long a begun request head may take
    /// to complete before `408` and the close (None: no limit). The idle
    /// timeout cannot catch a head trickled a byte at a time.
    pub header_timeout: Option<std::time::Duration>,
}

/// `http_header_timeout`'s default, in seconds (nginx's `client_header_timeout`).
const DEFAULT_HEADER_TIMEOUT: f64 = 60.0;

/// `http_header_timeout` as a duration: 0 or less turns it off.
fn header_timeout(seconds: f64) -> Option<std::time::Duration> {
    (seconds > 0.0).then(|| std::time::Duration::from_secs_f64(seconds.min(1e9)))
}

/// The settings of one port: its own `set()` entries first, then the server's.
pub struct Lookup<'a> {
    /// The port's `$setting` (null for port 0 or a port without `set()`).
    port: Option<&'a ZendHashTable>,
    /// The server's `$setting`.
    server: Option<&'a ZendHashTable>,
}

impl<'a> Lookup<'a> {
    /// The settings of port `port_obj` (index `index`) of the server `server_obj`.
    pub fn of_port(server_obj: *mut zend_object, port_obj: *mut zend_object, index: usize) -> Self {
        let server = crate::props::get(server_obj, "setting").and_then(|z| z.array());
        let port = if index == 0 { None } else { crate::props::get(port_obj, "setting").and_then(|z| z.array()) };
        Lookup { port, server }
    }

    fn get(&self, keys: &[&str]) -> Option<&'a Zval> {
        [self.port, self.server]
            .into_iter()
            .flatten()
            .find_map(|t| keys.iter().find_map(|k| t.get(*k)))
    }

    pub fn bool(&self, keys: &[&str], default: bool) -> bool {
        self.get(keys).map_or(default, |z| z.bool().unwrap_or_else(|| crate::zend::cast_long(z) != 0))
    }

    pub fn int(&self, keys: &[&str], default: i64) -> i64 {
        self.get(keys).map_or(default, crate::zend::cast_long)
    }

    pub fn float(&self, keys: &[&str], default: f64) -> f64 {
        self.get(keys).map_or(default, crate::zend::cast_double)
    }

    pub fn string(&self, keys: &[&str]) -> Option<String> {
        self.get(keys).and_then(|z| z.string()).filter(|s| !s.is_empty())
    }

    /// An array of strings, or one string (Swoole takes both for lists).
    pub fn list(&self, keys: &[&str]) -> Vec<String> {
        match self.get(keys) {
            Some(z) if z.is_array() => {
                z.array().map(|a| a.values().filter_map(|v| v.string()).collect()).unwrap_or_default()
            }
            Some(z) => z.string().into_iter().filter(|s| !s.is_empty()).collect(),
            None => Vec::new(),
        }
    }
}

/// The HTTP configuration of port `port_obj` (index `index` of the server
/// `server_obj`, settings `l`), or None when it does not speak HTTP: port 0
/// of a `Swoole\Http\Server`, any port with `open_http_protocol`, or one
/// that speaks WebSocket (`upgrade`, whose handshake is an HTTP request).
/// `http_server`: the server is a `Swoole\Http\Server`.
pub fn of_port(l: &Lookup<'_>, server_obj: *mut zend_object, port_obj: *mut zend_object, index: usize, sizes: (usize, usize), http_server: bool, upgrade: bool) -> Option<HttpConfig> {
    let (package_max_length, send_piece) = sizes;
    if !l.bool(&["open_http_protocol"], http_server) && !upgrade {
        return None;
    }
    let mut limits = Limits::new(package_max_length);
    limits.upload_max_filesize = l.int(&["upload_max_filesize"], 0).max(0) as u64;
    let static_files = l
        .string(&["document_root"])
        .filter(|_| l.bool(&["enable_static_handler"], false))
        .and_then(|root| std::fs::canonicalize(&root).ok())
        .map(|root| StaticConfig {
            root,
            locations: l.list(&["static_handler_locations"]).into_iter().map(String::into_bytes).collect(),
            index_files: l.list(&["http_index_files"]),
            autoindex: l.bool(&["http_autoindex"], false),
        });
    Some(HttpConfig {
        limits,
        parse_post: l.bool(&["http_parse_post"], true),
        parse_cookie: l.bool(&["http_parse_cookie"], true),
        parse_files: l.bool(&["http_parse_files"], true),
        compression: l.bool(&["http_compression"], true),
        compression_level: l
            .int(&["http_compression_level", "compression_level", "http_gzip_level"], DEFAULT_LEVEL as i64)
            .clamp(1, MAX_LEVEL) as u32,
        compression_min_length: l
            .int(&["compression_min_length", "http_compression_min_length"], DEFAULT_MIN_LENGTH as i64)
            .max(0) as usize,
        compression_types: l
            .list(&["http_compression_types", "compression_types"])
            .into_iter()
            .map(String::into_bytes)
            .collect(),
        static_files,
        upload_tmp_dir: PathBuf::from(l.string(&["upload_tmp_dir"]).unwrap_or_else(|| DEFAULT_UPLOAD_TMP_DIR.into())),
        host: crate::props::get(if index == 0 { server_obj } else { port_obj }, "host")
            .and_then(|z| z.string())
            .unwrap_or_default(),
        send_piece: send_piece.clamp(1, DEFAULT_SEND_PIECE),
        upgrade,
        header_timeout: header_timeout(l.float(&["http_header_timeout"], DEFAULT_HEADER_TIMEOUT)),
    })
}

impl Default for HttpConfig {
    /// The defaults, for a `Response::create()` outside any HTTP port.
    fn default() -> Self {
        HttpConfig {
            limits: Limits::default(),
            parse_post: true,
            parse_cookie: true,
            parse_files: true,
            compression: true,
            compression_level: DEFAULT_LEVEL,
            compression_min_length: DEFAULT_MIN_LENGTH,
            compression_types: Vec::new(),
            static_files: None,
            upload_tmp_dir: PathBuf::from(DEFAULT_UPLOAD_TMP_DIR),
            host: String::new(),
            send_piece: DEFAULT_SEND_PIECE,
            upgrade: false,
            header_timeout: header_timeout(DEFAULT_HEADER_TIMEOUT),
        }
    }
}
