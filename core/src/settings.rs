//! The `set()` array: which keys exist, what type and range each takes, and the
//! typed settings the rest of the core reads.
//!
//! `apply` checks one key at a time, so a bad entry is reported by name and
//! skipped while the good entries around it still take effect.

use crate::framing::{Framing, LengthType};
use std::fmt;

#[path = "settings_ssl.rs"]
mod ssl;

/// A PHP value from the `set()` array, reduced to what settings need.
#[derive(Debug, Clone, PartialEq)]
pub enum SettingValue {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    /// An array or object: only keys documented as taking one accept it.
    Compound,
}

impl SettingValue {
    /// The name PHP's type errors use for this value.
    pub fn type_name(&self) -> &'static str {
        match self {
            SettingValue::Null => "null",
            SettingValue::Bool(_) => "bool",
            SettingValue::Int(_) => "int",
            SettingValue::Float(_) => "float",
            SettingValue::Str(_) => "string",
            SettingValue::Compound => "array",
        }
    }

    /// The value as an error message shows it.
    pub fn describe(&self) -> String {
        match self {
            SettingValue::Null => "null".into(),
            SettingValue::Bool(b) => b.to_string(),
            SettingValue::Int(i) => i.to_string(),
            SettingValue::Float(f) => f.to_string(),
            SettingValue::Str(s) => format!("'{s}'"),
            SettingValue::Compound => "an array".into(),
        }
    }

    /// Integer value with the lenient conversion Swoole applies (`zval_get_long`
    /// on numbers, bools and numeric strings); `None` for anything else.
    fn as_int(&self) -> Option<i64> {
        match self {
            SettingValue::Bool(b) => Some(*b as i64),
            SettingValue::Int(i) => Some(*i),
            SettingValue::Float(f) if f.is_finite() => Some(*f as i64),
            SettingValue::Str(s) => {
                let t = s.trim();
                t.parse::<i64>()
                    .ok()
                    .or_else(|| t.parse::<f64>().ok().filter(|f| f.is_finite()).map(|f| f as i64))
            }
            _ => None,
        }
    }

    fn as_float(&self) -> Option<f64> {
        match self {
            SettingValue::Bool(b) => Some(*b as i64 as f64),
            SettingValue::Int(i) => Some(*i as f64),
            SettingValue::Float(f) => Some(*f),
            SettingValue::Str(s) => s.trim().parse::<f64>().ok(),
            _ => None,
        }
    }

    fn as_bool(&self) -> Option<bool> {
        match self {
            SettingValue::Null => Some(false),
            SettingValue::Bool(b) => Some(*b),
            SettingValue::Int(i) => Some(*i != 0),
            SettingValue::Float(f) => Some(*f != 0.0),
            SettingValue::Str(s) => Some(!(s.is_empty() || s == "0")),
            SettingValue::Compound => None,
        }
    }
}

/// Why one `set()` entry was not applied.
#[derive(Debug, Clone, PartialEq)]
pub enum SettingError {
    /// The key is not a Swoole setting (the entry is still kept in `$server->setting`).
    UnknownKey(String),
    /// The value has a type the key cannot take.
    WrongType { key: String, expected: &'static str, given: &'static str },
    /// The value is outside the range the key allows.
    OutOfRange { key: String, value: String, range: String },
    /// A size setting given as a string PHP cannot read as a quantity
    /// (`'2M'` is one, `'lots'` is not): a fatal error, as in Swoole.
    BadQuantity { key: String, value: String, reason: String },
}

impl SettingError {
    /// Whether `set()` must stop the script here (Swoole raises E_ERROR).
    pub fn is_fatal(&self) -> bool {
        matches!(self, SettingError::BadQuantity { .. })
    }
}

impl fmt::Display for SettingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // Swoole's words (its library's Server\Helper::checkOptions()).
            SettingError::UnknownKey(k) => write!(f, "unsupported option [{k}]"),
            SettingError::WrongType { key, expected, given } => {
                write!(f, "setting '{key}' must be of type {expected}, {given} given")
            }
            SettingError::OutOfRange { key, value, range } => {
                write!(f, "setting '{key}' is out of range: {value} (must be {range})")
            }
            // Swoole's text, with the key it leaves out.
            SettingError::BadQuantity { key, value, reason } => {
                write!(f, "failed to parse '{value}' to size for setting '{key}', Error: {reason}")
            }
        }
    }
}

/// The most worker processes one CPU may have (Swoole's `SW_MAX_WORKER_NCPU`).
pub const MAX_WORKERS_PER_CPU: i64 = 1000;
/// Swoole's upper bound for `max_connection` (`SW_MAX_CONNECTION`).
pub const MAX_CONNECTION: i64 = 100_000;
/// The default `package_max_length` (Swoole's `SW_INPUT_BUFFER_SIZE`).
pub const DEFAULT_PACKAGE_MAX_LENGTH: usize = 2 * 1024 * 1024;
/// The default `socket_buffer_size` (Swoole's `SW_SOCKET_BUFFER_SIZE`).
pub const DEFAULT_SOCKET_BUFFER_SIZE: usize = 8 * 1024 * 1024;

/// The default `max_queued_bytes` (Swoole has none: a PROCESS master's
/// memory then grows without bound behind a slow worker).
pub const DEFAULT_MAX_QUEUED_BYTES: usize = 4 * 1024 * 1024;

/// The longest `package_eof` Swoole accepts.
pub const MAX_EOF_LENGTH: usize = 8;

/// Swoole's `SW_OUTPUT_BUFFER_SIZE`: the default `output_buffer_size`.
pub const DEFAULT_OUTPUT_BUFFER_SIZE: usize = 2 * 1024 * 1024;

/// The default `max_wait_time`, in seconds, before a stopping worker is killed.
pub const DEFAULT_MAX_WAIT_TIME: f64 = 3.0;

/// The settings the core acts on. Every other known key is accepted and kept in
/// `$server->setting` (see `docs/COMPATIBILITY.md` for which ones act).
#[derive(Debug, Clone, PartialEq)]
pub struct ServerSettings {
    /// How many event workers serve connections.
    pub worker_num: usize,
    /// Requests after which a worker is replaced (0 = never).
    pub max_request: u64,
    /// Extra random slack on `max_request`, so workers do not restart together.
    pub max_request_grace: Option<u64>,
    /// Connections one server accepts at most before refusing new ones.
    pub max_connection: usize,
    /// Seconds a stopping worker gets before it is killed.
    pub max_wait_time: f64,
    /// `socket_send_timeout` (or `socket_write_timeout`), in seconds: how
    /// long a task worker's `finish()` waits for room in the source worker's
    /// inbox before it gives up (ERRNO 9014). None: as long as it takes.
    pub socket_send_timeout: Option<f64>,
    /// The listen backlog passed to `listen(2)`.
    pub backlog: i32,
    /// Disable Nagle on accepted connections.
    pub open_tcp_nodelay: bool,
    /// Every worker binds its own listening socket with SO_REUSEPORT.
    pub enable_reuse_port: bool,
    /// Task workers the manager forks.
    pub task_worker_num: usize,
    /// Tasks after which a task worker is replaced (0 = never).
    pub task_max_request: u64,
    /// onTask gets a `Swoole\Server\Task` object (task_enable_coroutine,
    /// task_use_object or task_object).
    pub task_object: bool,
    /// `event_object`: every data callback (onConnect, onReceive, onClose,
    /// onPacket, onPipeMessage, onFinish, onWorkerError) gets one object
    /// instead of scalars; it turns `task_object` on too.
    pub event_object: bool,
    /// PROCESS-mode dispatch strategy (kept for the process-mode issue).
    pub dispatch_mode: i64,
    /// The first session id is `start_session_id + 1`.
    pub start_session_id: u64,
    /// `open_length_check`: packets carry their length.
    pub open_length_check: bool,
    /// `package_length_type` (a `pack()` code, default 'N').
    pub package_length_type: LengthType,
    /// `package_length_offset`: where the length field starts.
    pub package_length_offset: usize,
    /// `package_body_offset` / `package_body_start`: where the body starts
    /// (the length counts the body only).
    pub package_body_offset: usize,
    /// `package_max_length`: the largest packet (framed modes), default 2 MiB.
    pub package_max_length: usize,
    /// `open_eof_check`: packets end with `package_eof`.
    pub open_eof_check: bool,
    /// `open_eof_split`: one onReceive per EOF-terminated packet.
    pub open_eof_split: bool,
    /// `package_eof`: 1 to 8 bytes, default "\r\n\r\n".
    pub package_eof: Vec<u8>,
    /// `open_proxy_protocol`: the PROXY header versions this port requires
    /// first on every connection (`None`: off).
    pub open_proxy_protocol: Option<crate::proxy::Versions>,
    /// `proxy_protocol_timeout`, in seconds: how long the header may take.
    pub proxy_protocol_timeout: f64,
    /// `proxy_protocol_trusted`: the peers allowed to connect to a PROXY
    /// port (`None`: every peer).
    pub proxy_protocol_trusted: Option<crate::proxy::TrustedSources>,
    /// `socket_buffer_size`: most bytes one connection may have queued; at
    /// or past it the next send() fails with 1009. Default 8 MiB.
    pub socket_buffer_size: usize,
    /// `buffer_high_watermark`: onBufferFull fires when the queue reaches it
    /// (default 80% of socket_buffer_size).
    pub buffer_high_watermark: Option<usize>,
    /// `buffer_low_watermark`: onBufferEmpty fires when the queue falls to it.
    pub buffer_low_watermark: usize,
    /// `daemonize`: detach from the terminal at start().
    pub daemonize: bool,
    /// `log_file`: where log lines go (stdout when unset, as in Swoole).
    pub log_file: Option<String>,
    /// `log_level`: the lowest `SWOOLE_LOG_*` level written.
    pub log_level: i32,
    /// `pid_file`: the master's pid, written at start, removed at the end.
    pub pid_file: Option<String>,
    /// `user`, `group`, `chroot`: what workers switch to after fork.
    pub user: Option<String>,
    pub group: Option<String>,
    pub chroot: Option<String>,
    /// PROCESS mode: reactor threads in the master (default min(CPU, 8)).
    pub reactor_num: usize,
    /// PROCESS mode: onConnect/onClose even in dispatch modes 1 and 3.
    pub enable_unsafe_event: bool,
    /// PROCESS mode: a new connection is not read until `confirm()`.
    pub enable_delay_receive: bool,
    /// `heartbeat_check_interval` / `heartbeat_idle_time`, in seconds.
    pub heartbeat_check_interval: Option<f64>,
    pub heartbeat_idle_time: Option<f64>,
    /// `log_date_format`, `log_date_with_microseconds`, `log_rotation`.
    pub log_format: crate::log::LogFormat,
    /// `display_errors`: PHP's display_errors in the server's processes.
    pub display_errors: Option<bool>,
    /// Options of each accepted socket (keepalive, kernel buffers) and of
    /// the listening ones (defer accept, fast open).
    pub socket_options: crate::port::SocketOptions,
    /// `open_cpu_affinity`: worker `i` runs on CPU `i % cpus`.
    pub open_cpu_affinity: bool,
    /// `output_buffer_size`: the largest single send() in PROCESS mode (1203
    /// past it, as Swoole; default 2 MiB).
    pub output_buffer_size: usize,
    /// `max_queued_bytes` (PROCESS mode): reading from a connection pauses
    /// while more of its bytes than this wait for a worker; 0 = no limit.
    pub max_queued_bytes: usize,
    /// The `ssl_*` settings: a `SWOOLE_SSL` port's certificate, protocols,
    /// ciphers and client-certificate policy.
    pub ssl: crate::tls::TlsSettings,
}

impl Default for ServerSettings {
    fn default() -> Self {
        Self::new()
    }
}

impl ServerSettings {
    /// Swoole's defaults for SWOOLE_BASE mode (one worker).
    pub fn new() -> Self {
        ServerSettings {
            worker_num: 1,
            max_request: 0,
            max_request_grace: None,
            max_connection: default_max_connection(),
            max_wait_time: DEFAULT_MAX_WAIT_TIME,
            socket_send_timeout: None,
            backlog: 512,
            open_tcp_nodelay: true,
            enable_reuse_port: false,
            task_worker_num: 0,
            task_max_request: 0,
            task_object: false,
            event_object: false,
            dispatch_mode: 2,
            start_session_id: 0,
            open_length_check: false,
            package_length_type: LengthType::U32Be,
            package_length_offset: 0,
            package_body_offset: 4,
            package_max_length: DEFAULT_PACKAGE_MAX_LENGTH,
            open_eof_check: false,
            open_eof_split: false,
            package_eof: b"\r\n\r\n".to_vec(),
            open_proxy_protocol: None,
            proxy_protocol_timeout: crate::proxy::DEFAULT_TIMEOUT_SECS,
            proxy_protocol_trusted: None,
            socket_buffer_size: DEFAULT_SOCKET_BUFFER_SIZE,
            buffer_high_watermark: None,
            buffer_low_watermark: 0,
            daemonize: false,
            log_file: None,
            log_level: crate::log::LOG_INFO,
            pid_file: None,
            user: None,
            group: None,
            chroot: None,
            reactor_num: default_reactor_num(),
            enable_unsafe_event: false,
            enable_delay_receive: false,
            heartbeat_check_interval: None,
            heartbeat_idle_time: None,
            log_format: crate::log::LogFormat::default(),
            display_errors: None,
            socket_options: Default::default(),
            open_cpu_affinity: false,
            output_buffer_size: DEFAULT_OUTPUT_BUFFER_SIZE,
            max_queued_bytes: DEFAULT_MAX_QUEUED_BYTES,
            ssl: crate::tls::TlsSettings::default(),
        }
    }

    /// Swoole's defaults for SWOOLE_PROCESS mode: one event worker per CPU.
    pub fn for_process_mode() -> Self {
        ServerSettings { worker_num: crate::stats::cpu_num(), ..Self::new() }
    }

    /// Heartbeat checks, if `heartbeat_check_interval` or
    /// `heartbeat_idle_time` asks for them.
    pub fn heartbeat(&self) -> Option<crate::reactor::Heartbeat> {
        crate::reactor::Heartbeat::from_settings(self.heartbeat_check_interval, self.heartbeat_idle_time)
    }

    /// The onBufferFull threshold.
    pub fn high_watermark(&self) -> usize {
        self.buffer_high_watermark.unwrap_or(if self.socket_buffer_size == usize::MAX {
            usize::MAX
        } else {
            self.socket_buffer_size / 5 * 4
        })
    }

    /// How connections' bytes become onReceive calls (EOF framing wins over
    /// length framing, as in Swoole).
    pub fn framing(&self) -> Framing {
        if self.open_eof_check || self.open_eof_split {
            Framing::Eof { eof: self.package_eof.clone(), split: self.open_eof_split, max: self.package_max_length }
        } else if self.open_length_check {
            Framing::Length {
                len_type: self.package_length_type,
                len_offset: self.package_length_offset,
                body_offset: self.package_body_offset,
                max: self.package_max_length,
            }
        } else {
            Framing::Raw
        }
    }

    /// How a port with these settings reads PROXY headers, if it does.
    pub fn proxy_stage(&self) -> Option<crate::proxy::stage::PortProxy> {
        Some(crate::proxy::stage::PortProxy {
            config: crate::proxy::ProxyConfig::new(self.open_proxy_protocol?),
            timeout: std::time::Duration::from_secs_f64(self.proxy_protocol_timeout),
            trusted: self.proxy_protocol_trusted.clone(),
        })
    }

    /// The request limit for one worker: `max_request` plus a random part of the
    /// grace (Swoole: grace defaults to max_request/2 when max_request > 10).
    pub fn worker_request_limit(&self, random: u64) -> u64 {
        if self.max_request == 0 {
            return 0;
        }
        let grace = self
            .max_request_grace
            .unwrap_or(if self.max_request > 10 { self.max_request / 2 } else { 0 });
        if grace == 0 { self.max_request } else { self.max_request + 1 + random % grace }
    }

    /// Applies one `set()` entry. `Err` names the key and why it was refused; the
    /// settings are unchanged then.
    pub fn apply(&mut self, key: &str, value: &SettingValue) -> Result<(), SettingError> {
        let cpu = crate::stats::cpu_num() as i64;
        if !is_known_key(key) {
            return Err(SettingError::UnknownKey(key.to_string()));
        }
        let size;
        let value = match size_value(key, value)? {
            Some(n) => {
                size = SettingValue::Int(n);
                &size
            }
            None => value,
        };
        if key.starts_with("ssl_") {
            return ssl::apply(&mut self.ssl, key, value);
        }
        match key {
            // 0 means "one per CPU", as in Swoole; negatives are refused.
            "worker_num" => {
                let n = int_in(key, value, 0, cpu * MAX_WORKERS_PER_CPU)?;
                self.worker_num = if n == 0 { cpu as usize } else { n as usize };
            }
            "max_request" => self.max_request = int_in(key, value, 0, i64::MAX)? as u64,
            "max_request_grace" => self.max_request_grace = Some(int_in(key, value, 0, i64::MAX)? as u64),
            "max_connection" | "max_conn" => {
                self.max_connection = int_in(key, value, 1, MAX_CONNECTION)? as usize
            }
            "max_wait_time" => self.max_wait_time = float_in(key, value, 0.0, 86_400.0)?,
            "socket_send_timeout" | "socket_write_timeout" => {
                // Swoole: a negative timeout waits for ever.
                let secs = float_in(key, value, f64::MIN, 86_400.0)?;
                self.socket_send_timeout = (secs >= 0.0).then_some(secs);
            }
            "backlog" => self.backlog = int_in(key, value, 0, i32::MAX as i64)? as i32,
            "open_tcp_nodelay" => self.open_tcp_nodelay = boolean(key, value)?,
            "enable_reuse_port" => self.enable_reuse_port = boolean(key, value)?,
            "task_worker_num" => self.task_worker_num = int_in(key, value, 0, cpu * MAX_WORKERS_PER_CPU)? as usize,
            "dispatch_mode" => self.dispatch_mode = int_in(key, value, 1, 10)?,
            "start_session_id" => self.start_session_id = int_in(key, value, 0, i64::MAX / 2)? as u64,
            // 0 means the default, as in Swoole.
            "reactor_num" => {
                let n = int_in(key, value, 0, cpu * MAX_WORKERS_PER_CPU)?;
                self.reactor_num = if n == 0 { default_reactor_num() } else { n as usize };
            }
            "enable_unsafe_event" => self.enable_unsafe_event = boolean(key, value)?,
            "log_date_format" => {
                let f = string(key, value)?;
                if f.is_empty() {
                    return Err(SettingError::OutOfRange { key: key.into(), value: "''".into(), range: "a non-empty strftime format".into() });
                }
                self.log_format.date_format = f.to_string();
            }
            "log_date_with_microseconds" => self.log_format.microseconds = boolean(key, value)?,
            "log_rotation" => self.log_format.rotation = int_in(key, value, 0, 4)? as i32,
            "display_errors" => self.display_errors = Some(boolean(key, value)?),
            "open_tcp_keepalive" => self.socket_options.keepalive = boolean(key, value)?,
            "tcp_keepidle" => self.socket_options.keep_idle = int_in(key, value, 1, 32767)? as i32,
            "tcp_keepinterval" => self.socket_options.keep_interval = int_in(key, value, 1, 32767)? as i32,
            "tcp_keepcount" => self.socket_options.keep_count = int_in(key, value, 1, 127)? as i32,
            "tcp_defer_accept" => self.socket_options.defer_accept = int_in(key, value, 0, i32::MAX as i64)? as i32,
            "tcp_fastopen" => {
                // true means Swoole's default queue of 5 pending fast opens.
                self.socket_options.fastopen = match value {
                    SettingValue::Bool(b) => if *b { 5 } else { 0 },
                    _ => int_in(key, value, 0, i32::MAX as i64)? as i32,
                }
            }
            "tcp_user_timeout" => self.socket_options.user_timeout_ms = int_in(key, value, 0, i32::MAX as i64)? as i32,
            "kernel_socket_recv_buffer_size" => {
                self.socket_options.recv_buffer = int_in(key, value, 0, i32::MAX as i64)? as i32
            }
            "kernel_socket_send_buffer_size" => {
                self.socket_options.send_buffer = int_in(key, value, 0, i32::MAX as i64)? as i32
            }
            "open_cpu_affinity" => self.open_cpu_affinity = boolean(key, value)?,
            "enable_delay_receive" => self.enable_delay_receive = boolean(key, value)?,
            "heartbeat_check_interval" => self.heartbeat_check_interval = Some(float_in(key, value, 0.0, 86_400.0)?),
            "heartbeat_idle_time" | "max_idle_time" => {
                self.heartbeat_idle_time = Some(float_in(key, value, 0.0, 86_400.0 * 365.0)?)
            }
            "task_max_request" => self.task_max_request = int_in(key, value, 0, i64::MAX)? as u64,
            "daemonize" => self.daemonize = boolean(key, value)?,
            // 0 means no limit, as in Swoole (which warns about negatives too).
            "socket_buffer_size" => {
                let n = size_in(key, value)?;
                self.socket_buffer_size = if n == 0 { usize::MAX } else { n };
            }
            "max_queued_bytes" => self.max_queued_bytes = size_in(key, value)?,
            "buffer_high_watermark" => self.buffer_high_watermark = Some(int_in(key, value, 0, i64::MAX)? as usize),
            "buffer_low_watermark" => self.buffer_low_watermark = int_in(key, value, 0, i64::MAX)? as usize,
            "log_level" => self.log_level = int_in(key, value, 0, 6)? as i32,
            "log_file" | "pid_file" | "user" | "group" | "chroot" => {
                let text = if matches!(value, SettingValue::Null) { "" } else { string(key, value)? };
                let text = (!text.is_empty()).then(|| text.to_string());
                match key {
                    "log_file" => self.log_file = text,
                    "pid_file" => self.pid_file = text,
                    "user" => self.user = text,
                    "group" => self.group = text,
                    _ => self.chroot = text,
                }
            }
            "open_length_check" => self.open_length_check = boolean(key, value)?,
            "open_eof_check" => self.open_eof_check = boolean(key, value)?,
            "open_eof_split" => self.open_eof_split = boolean(key, value)?,
            "package_length_offset" => self.package_length_offset = int_in(key, value, 0, 1 << 20)? as usize,
            "package_body_offset" | "package_body_start" => {
                self.package_body_offset = int_in(key, value, 0, 1 << 20)? as usize
            }
            "package_max_length" => self.package_max_length = int_in(key, value, 1, i32::MAX as i64)? as usize,
            "package_length_type" => {
                let code = string(key, value)?;
                self.package_length_type = LengthType::from_code(code).ok_or_else(|| SettingError::OutOfRange {
                    key: key.into(),
                    value: format!("'{code}'"),
                    range: "one of the pack() codes c C s S n v i I l L N V q Q J P".into(),
                })?;
            }
            "package_eof" => {
                let eof = string(key, value)?;
                if eof.is_empty() || eof.len() > MAX_EOF_LENGTH {
                    return Err(SettingError::OutOfRange {
                        key: key.into(),
                        value: format!("{} bytes", eof.len()),
                        range: format!("1 to {MAX_EOF_LENGTH} bytes"),
                    });
                }
                self.package_eof = eof.as_bytes().to_vec();
            }
            "task_enable_coroutine" | "task_use_object" | "task_object" => self.task_object = boolean(key, value)?,
            "event_object" => {
                self.event_object = boolean(key, value)?;
                self.task_object |= self.event_object;
            }
            "enable_coroutine" | "reload_async" | "send_yield" | "discard_timeout_request" | "single_thread" => {
                boolean(key, value)?;
            }
            "output_buffer_size" | "buffer_output_size" => {
                self.output_buffer_size = int_in(key, value, 1, i32::MAX as i64)? as usize
            }
            "input_buffer_size" | "buffer_input_size" | "task_max_request_grace" => {
                int_in(key, value, 0, i64::MAX)?;
            }
            "task_ipc_mode" => {
                int_in(key, value, 1, 4)?;
            }
            "open_proxy_protocol" => {
                self.open_proxy_protocol = crate::proxy::Versions::from_setting(value).map_err(|_| SettingError::OutOfRange {
                    key: key.into(),
                    value: value.describe(),
                    range: "true (either version), 1 or 2 (that version only), or false".into(),
                })?
            }
            "proxy_protocol_timeout" => {
                let secs = float_in(key, value, 0.0, 86_400.0)?;
                if secs <= 0.0 {
                    return Err(SettingError::OutOfRange { key: key.into(), value: secs.to_string(), range: "more than 0 seconds".into() });
                }
                self.proxy_protocol_timeout = secs;
            }
            // A list (the PHP layer passes an array as its entries joined
            // by commas) or one comma-separated string; null or '' trusts
            // every peer again.
            "proxy_protocol_trusted" => {
                let text = match value {
                    SettingValue::Null => "",
                    SettingValue::Str(s) => s,
                    other => {
                        return Err(SettingError::WrongType {
                            key: key.into(),
                            expected: "array of IP addresses and CIDR ranges",
                            given: other.type_name(),
                        })
                    }
                };
                let items: Vec<&str> = text.split(',').map(str::trim).filter(|t| !t.is_empty()).collect();
                self.proxy_protocol_trusted = if items.is_empty() {
                    None
                } else {
                    Some(crate::proxy::TrustedSources::parse(items).map_err(|e| SettingError::OutOfRange {
                        key: key.into(),
                        value: format!("'{}'", e.0),
                        range: "IP addresses or CIDR ranges such as 10.0.0.0/8".into(),
                    })?)
                };
            }
            // Known to Swoole, without effect here (see docs/COMPATIBILITY.md).
            _ => {}
        }
        Ok(())
    }
}

/// Swoole's default `reactor_num`: one per CPU, at most 8.
pub fn default_reactor_num() -> usize {
    crate::stats::cpu_num().min(8)
}

/// Swoole's default `max_connection`: `min(SW_MAX_CONNECTION, ulimit -n)`.
pub fn default_max_connection() -> usize {
    let mut lim = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: getrlimit writes into the struct we own.
    let soft = if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) } == 0 {
        lim.rlim_cur as i64
    } else {
        MAX_CONNECTION
    };
    soft.clamp(1, MAX_CONNECTION) as usize
}

/// The settings Swoole reads as sizes (`php_swoole_parse_to_size`): a
/// string there is a PHP quantity (`'2M'`), and one PHP cannot read is fatal.
/// The list is what Swoole 6.2.1's `set()` (server, ports and client) parses so.
const SIZE_KEYS: &[&str] = &[
    "socket_buffer_size", "max_queued_bytes", "input_buffer_size", "buffer_input_size", "output_buffer_size",
    "buffer_output_size", "stack_size", "c_stack_size", "http2_header_table_size", "http2_init_window_size",
    "http2_max_frame_size", "http2_max_header_list_size", "http_compression_min_length", "compression_min_length",
    "upload_max_filesize", "kernel_socket_recv_buffer_size", "kernel_socket_send_buffer_size",
    "buffer_high_watermark", "buffer_low_watermark", "package_max_length",
];

/// A size key's string value read as a PHP quantity: `Some(bytes)`, or
/// `None` when `key` is no size key or `value` no string.
fn size_value(key: &str, value: &SettingValue) -> Result<Option<i64>, SettingError> {
    let SettingValue::Str(text) = value else { return Ok(None) };
    if !SIZE_KEYS.contains(&key) {
        return Ok(None);
    }
    match crate::quantity::parse(text.as_bytes()) {
        (n, None) => Ok(Some(n)),
        (_, Some(reason)) => Err(SettingError::BadQuantity { key: key.into(), value: text.clone(), reason }),
    }
}

fn int_in(key: &str, value: &SettingValue, min: i64, max: i64) -> Result<i64, SettingError> {
    let v = value.as_int().ok_or_else(|| SettingError::WrongType {
        key: key.to_string(),
        expected: "int",
        given: value.type_name(),
    })?;
    if v < min || v > max {
        let range = if max == i64::MAX { format!(">= {min}") } else { format!("between {min} and {max}") };
        return Err(SettingError::OutOfRange { key: key.to_string(), value: v.to_string(), range });
    }
    Ok(v)
}

/// A size in bytes: an int >= 0, or a string with an optional K, M or G
/// suffix ("4M"), as Swoole's `php_swoole_parse_to_size` reads one.
fn size_in(key: &str, value: &SettingValue) -> Result<usize, SettingError> {
    let parsed = match value {
        SettingValue::Str(s) => {
            let t = s.trim();
            let (digits, unit) = match t.char_indices().last() {
                Some((i, c)) if c.is_ascii_alphabetic() => (&t[..i], c.to_ascii_lowercase()),
                _ => (t, ' '),
            };
            let shift = match unit {
                ' ' => Some(0),
                'k' => Some(10),
                'm' => Some(20),
                'g' => Some(30),
                _ => None,
            };
            shift.zip(digits.trim().parse::<i64>().ok()).map(|(sh, n)| n.saturating_mul(1 << sh))
        }
        other => other.as_int(),
    };
    let n = parsed.ok_or_else(|| SettingError::WrongType { key: key.into(), expected: "int", given: value.type_name() })?;
    usize::try_from(n).map_err(|_| SettingError::OutOfRange { key: key.into(), value: n.to_string(), range: ">= 0".into() })
}

fn float_in(key: &str, value: &SettingValue, min: f64, max: f64) -> Result<f64, SettingError> {
    let v = value.as_float().ok_or_else(|| SettingError::WrongType {
        key: key.to_string(),
        expected: "float",
        given: value.type_name(),
    })?;
    if !(min..=max).contains(&v) {
        return Err(SettingError::OutOfRange {
            key: key.to_string(),
            value: v.to_string(),
            range: format!("between {min} and {max}"),
        });
    }
    Ok(v)
}

fn string<'v>(key: &str, value: &'v SettingValue) -> Result<&'v str, SettingError> {
    match value {
        SettingValue::Str(s) => Ok(s),
        other => Err(SettingError::WrongType { key: key.to_string(), expected: "string", given: other.type_name() }),
    }
}

fn boolean(key: &str, value: &SettingValue) -> Result<bool, SettingError> {
    value.as_bool().ok_or_else(|| SettingError::WrongType {
        key: key.to_string(),
        expected: "bool",
        given: value.type_name(),
    })
}

/// Every key Swoole 6.2.1's `set()` accepts without a warning: the lists of
/// its library's `Swoole\Server\Helper::checkOptions()` (the same for the
/// server and its ports), compared case-insensitively as it does. Which of
/// them act here is recorded in `docs/COMPATIBILITY.md`; `debug_mode` (Swoole
/// 1.x, used by old examples) is one of them.
const KNOWN_KEYS: &[&str] = &[
    // global
    "debug_mode", "trace_flags", "log_file", "log_level", "log_date_format", "log_date_with_microseconds",
    "log_rotation", "display_errors", "dns_server", "socket_dns_timeout", "socket_connect_timeout",
    "socket_write_timeout", "socket_send_timeout", "socket_read_timeout", "socket_recv_timeout",
    "socket_buffer_size", "socket_timeout", "http2_header_table_size", "http2_enable_push",
    "http2_max_concurrent_streams", "http2_init_window_size", "http2_max_frame_size", "http2_max_header_list_size",
    "http2_max_headers",
    // server
    "chroot", "user", "group", "daemonize", "pid_file", "reactor_num", "single_thread", "worker_num",
    "max_wait_time", "max_queued_bytes", "max_concurrency", "worker_max_concurrency", "enable_coroutine",
    "send_timeout", "dispatch_mode", "send_yield", "dispatch_func", "discard_timeout_request",
    "enable_unsafe_event", "enable_delay_receive", "enable_reuse_port", "task_use_object", "task_object",
    "event_object", "task_enable_coroutine", "task_worker_num", "task_ipc_mode", "task_tmpdir", "task_max_request",
    "task_max_request_grace", "max_connection", "max_conn", "start_session_id", "heartbeat_check_interval",
    "heartbeat_idle_time", "max_request", "max_request_grace", "reload_async", "open_cpu_affinity",
    "cpu_affinity_ignore", "http_parse_cookie", "http_parse_post", "http_parse_files", "http_compression",
    "http_compression_level", "compression_level", "http_gzip_level", "http_compression_min_length",
    "compression_min_length", "websocket_compression", "upload_tmp_dir", "upload_max_filesize",
    "enable_static_handler", "document_root", "http_autoindex", "http_index_files", "http_compression_types",
    "compression_types", "static_handler_locations", "input_buffer_size", "buffer_input_size", "output_buffer_size",
    "buffer_output_size", "message_queue_key", "bootstrap", "init_arguments", "url_rewrite_rules",
    // port
    "ssl_cert_file", "ssl_key_file", "backlog", "kernel_socket_recv_buffer_size", "kernel_socket_send_buffer_size",
    "buffer_high_watermark", "buffer_low_watermark", "open_tcp_nodelay", "tcp_defer_accept", "open_tcp_keepalive",
    "open_eof_check", "open_eof_split", "package_eof", "open_http_protocol", "open_websocket_protocol",
    "websocket_subprotocol", "open_websocket_close_frame", "open_websocket_ping_frame", "open_websocket_pong_frame",
    "open_http2_protocol", "open_mqtt_protocol", "open_redis_protocol", "max_idle_time", "tcp_keepidle",
    "tcp_keepinterval", "tcp_keepcount", "tcp_user_timeout", "tcp_fastopen", "open_length_check",
    "package_length_type", "package_length_offset", "package_body_offset", "package_body_start",
    "package_length_func", "package_max_length", "ssl_compress", "ssl_protocols", "ssl_verify_peer",
    "ssl_allow_self_signed", "ssl_client_cert_file", "ssl_cafile", "ssl_capath", "ssl_verify_depth",
    "ssl_prefer_server_ciphers", "ssl_ciphers", "ssl_ecdh_curve", "ssl_dhparam", "ssl_sni_certs",
    // aio
    "aio_core_worker_num", "aio_worker_num", "aio_max_wait_time", "aio_max_idle_time", "iouring_entries",
    "iouring_workers", "iouring_flag", "enable_signalfd", "wait_signal", "dns_cache_refresh_time", "thread_num",
    "min_thread_num", "max_thread_num", "socket_dontwait", "dns_lookup_random", "use_async_resolver",
    // coroutine
    "max_coro_num", "max_coroutine", "enable_deadlock_check", "hook_flags", "enable_preemptive_scheduler",
    "c_stack_size", "stack_size", "name_resolver", "dns_cache_expire", "dns_cache_capacity",
    // helper
    "stats_file", "stats_timer_interval", "admin_server",
];

/// Settings of this extension that Swoole does not have (see
/// docs/COMPATIBILITY.md, "Beyond Swoole").
pub const OWN_KEYS: &[&str] = &["open_proxy_protocol", "proxy_protocol_timeout", "proxy_protocol_trusted", "http_header_timeout"];

/// Settings Swoole acts on that this build accepts but does not act on yet,
/// with what will bring them. A value that asks for the feature gets a notice,
/// so nobody relies on, say, framing or daemonizing that silently is not there.
const NOT_YET: &[(&str, &str)] = &[
    ("task_ipc_mode", "modes 2 and 3 (SysV message queues) are not implemented; tasks travel over unix sockets (mode 1)"),
    ("open_websocket_protocol", "the WebSocket server is not provided by this extension"),
];

/// The notice for a setting this build accepts without acting on it, if the
/// value asks for the feature (`'daemonize' => false` gets none).
pub fn not_yet_effective(key: &str, value: &SettingValue) -> Option<String> {
    let (_, why) = NOT_YET.iter().find(|(k, _)| *k == key)?;
    let asks = match (key, value) {
        // Mode 1 (unix sockets) is what runs; only the queue modes ask for more.
        ("task_ipc_mode", v) => v.as_int().is_some_and(|m| m >= 2),
        (_, SettingValue::Str(s)) => !s.is_empty(),
        (_, other) => other.as_bool().unwrap_or(true),
    };
    asks.then(|| format!("setting '{key}' has no effect yet: {why} (see docs/COMPATIBILITY.md)"))
}

/// Every known setting with its default here, for `php --ri swoole`: the
/// value the core uses, or "(accepted, no effect)" for keys kept only for
/// compatibility.
pub fn defaults() -> Vec<(&'static str, String)> {
    let d = ServerSettings::new();
    let acting: Vec<(&'static str, String)> = vec![
        ("worker_num", d.worker_num.to_string()),
        ("max_request", d.max_request.to_string()),
        ("max_connection", d.max_connection.to_string()),
        ("max_wait_time", d.max_wait_time.to_string()),
        ("backlog", d.backlog.to_string()),
        ("open_tcp_nodelay", d.open_tcp_nodelay.to_string()),
        ("start_session_id", d.start_session_id.to_string()),
        ("task_worker_num", d.task_worker_num.to_string()),
        ("task_max_request", d.task_max_request.to_string()),
        ("task_object", d.task_object.to_string()),
        ("open_length_check", d.open_length_check.to_string()),
        ("package_length_type", "N".into()),
        ("package_length_offset", d.package_length_offset.to_string()),
        ("package_body_offset", d.package_body_offset.to_string()),
        ("package_max_length", d.package_max_length.to_string()),
        ("open_eof_check", d.open_eof_check.to_string()),
        ("open_eof_split", d.open_eof_split.to_string()),
        ("package_eof", "\\r\\n\\r\\n".into()),
        ("socket_buffer_size", d.socket_buffer_size.to_string()),
        ("output_buffer_size", d.output_buffer_size.to_string()),
        ("max_queued_bytes", d.max_queued_bytes.to_string()),
        ("buffer_high_watermark", d.high_watermark().to_string()),
        ("buffer_low_watermark", d.buffer_low_watermark.to_string()),
        ("daemonize", d.daemonize.to_string()),
        ("log_file", "(stdout)".into()),
        ("log_level", d.log_level.to_string()),
        ("pid_file", "(none)".into()),
        ("user", "(unchanged)".into()),
        ("group", "(unchanged)".into()),
        ("chroot", "(none)".into()),
        ("log_date_format", d.log_format.date_format.clone()),
        ("log_date_with_microseconds", d.log_format.microseconds.to_string()),
        ("log_rotation", d.log_format.rotation.to_string()),
        ("display_errors", "(PHP's)".into()),
        ("reactor_num", d.reactor_num.to_string()),
        ("dispatch_mode", d.dispatch_mode.to_string()),
        ("enable_unsafe_event", d.enable_unsafe_event.to_string()),
        ("enable_delay_receive", d.enable_delay_receive.to_string()),
        ("heartbeat_check_interval", "(off)".into()),
        ("heartbeat_idle_time", "(2 x heartbeat_check_interval)".into()),
    ];
    let mut acting = acting;
    acting.extend(ssl::defaults());
    let mut out = acting.clone();
    for &k in KNOWN_KEYS {
        if !acting.iter().any(|(a, _)| *a == k) {
            out.push((k, "(accepted, no effect)".into()));
        }
    }
    out
}

/// Whether `key` is a setting Swoole knows (in any case, as Swoole compares).
pub fn is_known_key(key: &str) -> bool {
    KNOWN_KEYS.iter().chain(OWN_KEYS).any(|k| k.eq_ignore_ascii_case(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proxy_protocol_settings() {
        let mut s = ServerSettings::new();
        assert!(s.proxy_stage().is_none());
        s.apply("open_proxy_protocol", &SettingValue::Int(2)).unwrap();
        s.apply("proxy_protocol_timeout", &SettingValue::Float(0.25)).unwrap();
        s.apply("proxy_protocol_trusted", &SettingValue::Str("10.0.0.0/8, ::1".into())).unwrap();
        let p = s.proxy_stage().unwrap();
        assert_eq!(p.config.versions, crate::proxy::Versions::V2);
        assert_eq!(p.timeout, std::time::Duration::from_millis(250));
        assert!(p.admits(Some("10.9.9.9:1".parse().unwrap())) && !p.admits(Some("192.0.2.1:1".parse().unwrap())));
        let err = s.apply("open_proxy_protocol", &SettingValue::Int(3)).unwrap_err().to_string();
        assert!(err.contains("true (either version), 1 or 2"), "{err}");
        let err = s.apply("proxy_protocol_trusted", &SettingValue::Str("10.0.0.0/8,nope".into())).unwrap_err();
        assert!(err.to_string().contains("'nope'"), "{err}");
        assert!(s.apply("proxy_protocol_timeout", &SettingValue::Int(0)).is_err());
        assert!(s.apply("proxy_protocol_trusted", &SettingValue::Int(1)).is_err());
        // The refused entries changed nothing; null trusts everyone again, false turns it off.
        assert_eq!(s.proxy_stage().unwrap().timeout, std::time::Duration::from_millis(250));
        s.apply("proxy_protocol_trusted", &SettingValue::Null).unwrap();
        assert!(s.proxy_stage().unwrap().trusted.is_none());
        s.apply("open_proxy_protocol", &SettingValue::Bool(false)).unwrap();
        assert!(s.proxy_stage().is_none());
    }

    #[test]
    fn event_object_turns_task_object_on() {
        let mut s = ServerSettings::new();
        s.apply("event_object", &SettingValue::Bool(false)).unwrap();
        assert!(!s.event_object && !s.task_object);
        s.apply("event_object", &SettingValue::Int(1)).unwrap();
        assert!(s.event_object && s.task_object);
    }

    #[test]
    fn lenient_conversion_like_zval_get_long() {
        let mut s = ServerSettings::new();
        s.apply("worker_num", &SettingValue::Str("4".into())).unwrap();
        assert_eq!(s.worker_num, 4);
        s.apply("worker_num", &SettingValue::Float(3.0)).unwrap();
        assert_eq!(s.worker_num, 3);
    }

    #[test]
    fn out_of_range_is_refused_and_named() {
        let mut s = ServerSettings::new();
        let err = s.apply("worker_num", &SettingValue::Int(-1)).unwrap_err();
        assert_eq!(s.worker_num, 1, "refused value must not be applied");
        assert!(err.to_string().contains("'worker_num'"), "{err}");
        assert!(err.to_string().contains("-1"), "{err}");
    }

    #[test]
    fn unknown_and_legacy_keys() {
        let mut s = ServerSettings::new();
        assert_eq!(
            s.apply("wroker_num", &SettingValue::Int(1)),
            Err(SettingError::UnknownKey("wroker_num".into()))
        );
        assert!(s.apply("debug_mode", &SettingValue::Int(1)).is_ok());
        assert!(s.apply("log_file", &SettingValue::Str("/tmp/x".into())).is_ok());
    }

    #[test]
    fn not_yet_effective_only_when_asked_for() {
        assert_eq!(not_yet_effective("daemonize", &SettingValue::Bool(false)), None);
        assert_eq!(not_yet_effective("task_worker_num", &SettingValue::Int(0)), None);
        // Swoole's default: accepted silently, coroutine features refuse where used.
        assert_eq!(not_yet_effective("enable_coroutine", &SettingValue::Bool(true)), None);
        let note = not_yet_effective("open_websocket_protocol", &SettingValue::Bool(true)).unwrap();
        assert!(note.starts_with("setting 'open_websocket_protocol' has no effect yet"), "{note}");
        assert_eq!(not_yet_effective("open_http_protocol", &SettingValue::Bool(true)), None, "implemented");
        assert_eq!(not_yet_effective("heartbeat_check_interval", &SettingValue::Int(5)), None, "implemented");
        assert_eq!(not_yet_effective("log_file", &SettingValue::Str("/tmp/x.log".into())), None, "implemented");
        assert_eq!(not_yet_effective("open_length_check", &SettingValue::Bool(true)), None, "implemented");
        assert_eq!(not_yet_effective("worker_num", &SettingValue::Int(4)), None);
        assert_eq!(not_yet_effective("task_ipc_mode", &SettingValue::Int(1)), None);
        assert!(not_yet_effective("task_ipc_mode", &SettingValue::Int(3)).is_some());
    }

    #[test]
    fn framing_settings() {
        let mut s = ServerSettings::new();
        assert_eq!(s.framing(), Framing::Raw);
        s.apply("open_length_check", &SettingValue::Bool(true)).unwrap();
        s.apply("package_length_type", &SettingValue::Str("n".into())).unwrap();
        s.apply("package_body_start", &SettingValue::Int(2)).unwrap();
        assert_eq!(
            s.framing(),
            Framing::Length { len_type: LengthType::U16Be, len_offset: 0, body_offset: 2, max: DEFAULT_PACKAGE_MAX_LENGTH }
        );
        let err = s.apply("package_length_type", &SettingValue::Str("x".into())).unwrap_err();
        assert!(err.to_string().contains("'package_length_type'"), "{err}");
        assert!(s.apply("package_eof", &SettingValue::Str("123456789".into())).is_err());
        s.apply("open_eof_split", &SettingValue::Bool(true)).unwrap();
        s.apply("package_eof", &SettingValue::Str("\n".into())).unwrap();
        assert!(matches!(s.framing(), Framing::Eof { split: true, .. }), "EOF wins over length");
    }

    #[test]
    fn sizes_take_suffixes_and_refuse_negatives() {
        let mut s = ServerSettings::new();
        s.apply("max_queued_bytes", &SettingValue::Str("2M".into())).unwrap();
        assert_eq!(s.max_queued_bytes, 2 << 20);
        s.apply("max_queued_bytes", &SettingValue::Str("16k".into())).unwrap();
        assert_eq!(s.max_queued_bytes, 16 << 10);
        s.apply("max_queued_bytes", &SettingValue::Int(0)).unwrap();
        assert_eq!(s.max_queued_bytes, 0, "0: no limit");
        assert!(s.apply("max_queued_bytes", &SettingValue::Str("1.5M".into())).is_err());
        let err = s.apply("socket_buffer_size", &SettingValue::Int(-1)).unwrap_err();
        assert_eq!(err.to_string(), "setting 'socket_buffer_size' is out of range: -1 (must be >= 0)");
        assert_eq!(s.socket_buffer_size, DEFAULT_SOCKET_BUFFER_SIZE, "refused: unchanged");
        s.apply("socket_buffer_size", &SettingValue::Int(0)).unwrap();
        assert_eq!(s.socket_buffer_size, usize::MAX, "0: no limit");
    }

    #[test]
    fn sizes_are_php_quantities() {
        let mut s = ServerSettings::new();
        s.apply("package_max_length", &SettingValue::Str("512K".into())).unwrap();
        assert_eq!(s.package_max_length, 512 << 10);
        s.apply("buffer_output_size", &SettingValue::Str(" 2m ".into())).unwrap();
        assert_eq!(s.output_buffer_size, 2 << 20);
        s.apply("buffer_high_watermark", &SettingValue::Str("1G".into())).unwrap();
        assert_eq!(s.buffer_high_watermark, Some(1 << 30));
        s.apply("stack_size", &SettingValue::Str("2M".into())).unwrap();
        let err = s.apply("package_max_length", &SettingValue::Str("garbage".into())).unwrap_err();
        assert!(err.is_fatal());
        assert_eq!(s.package_max_length, 512 << 10, "refused: unchanged");
        assert_eq!(
            err.to_string(),
            "failed to parse 'garbage' to size for setting 'package_max_length', Error: Invalid quantity \"garbage\": \
             no valid leading digits, interpreting as \"0\" for backwards compatibility"
        );
        assert!(s.apply("stack_size", &SettingValue::Str("1KM".into())).unwrap_err().is_fatal());
        // Not a size key: a string is the lenient integer of before.
        assert!(!s.apply("worker_num", &SettingValue::Str("2M".into())).unwrap_err().is_fatal());
    }

    #[test]
    fn swooles_keys_in_any_case() {
        let mut s = ServerSettings::new();
        for key in ["socket_send_timeout", "wait_signal", "stats_timer_interval", "stack_size", "enable_coroutine", "WORKER_NUM"] {
            assert_eq!(s.apply(key, &SettingValue::Int(1)), Ok(()), "{key}");
        }
        assert_eq!(s.worker_num, 1, "Swoole reads the lower-case key only");
        let err = s.apply("task_worker_max", &SettingValue::Int(1)).unwrap_err();
        assert_eq!(err.to_string(), "unsupported option [task_worker_max]");
    }

    #[test]
    fn wrong_type_is_named() {
        let mut s = ServerSettings::new();
        let err = s.apply("max_request", &SettingValue::Str("lots".into())).unwrap_err();
        assert_eq!(err.to_string(), "setting 'max_request' must be of type int, string given");
        let err = s.apply("daemonize", &SettingValue::Compound).unwrap_err();
        assert!(matches!(err, SettingError::WrongType { .. }));
    }

    #[test]
    fn request_limit_with_grace() {
        let mut s = ServerSettings::new();
        assert_eq!(s.worker_request_limit(7), 0);
        s.max_request = 4;
        assert_eq!(s.worker_request_limit(7), 4, "no grace at or below 10");
        s.max_request = 100;
        let l = s.worker_request_limit(7);
        assert!((101..=150).contains(&l), "{l}");
        s.max_request_grace = Some(0);
        assert_eq!(s.worker_request_limit(7), 100);
    }
}
