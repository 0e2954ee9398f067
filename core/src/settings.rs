//! The `set()` array: which keys exist, what type and range each takes, and the
//! typed settings the rest of the core reads.
//!
//! `apply` checks one key at a time, so a bad entry is reported by name and
//! skipped while the good entries around it still take effect.

use crate::framing::{Framing, LengthType};

mod keys;
mod ssl;
mod value;

pub use keys::{is_known_key, not_yet_effective, OWN_KEYS};
pub use value::{SettingError, SettingValue};
use value::{boolean, float_in, int_in, size_in, size_value, string};

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

/// The default `output_buffer_size`: Swoole 6.2.1's, `UINT_MAX` (no limit
/// a real send reaches; older Swoole had 2 MiB).
pub const DEFAULT_OUTPUT_BUFFER_SIZE: usize = u32::MAX as usize;

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
    /// `display_errors`, as read: `set()` applies it at once to
    /// `swoole.display_errors` (Swoole's own warnings; PHP's display_errors
    /// is left alone), see `global_options::set_display_errors`.
    pub display_errors: Option<bool>,
    /// Options of each accepted socket (keepalive, kernel buffers) and of
    /// the listening ones (defer accept, fast open).
    pub socket_options: crate::port::SocketOptions,
    /// `open_cpu_affinity`: worker `i` runs on CPU `i % cpus`.
    pub open_cpu_affinity: bool,
    /// `output_buffer_size`: the largest single send() in PROCESS mode (1203
    /// past it, as Swoole; default `UINT_MAX`, as Swoole 6.2.1).
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
                self.output_buffer_size = int_in(key, value, 1, u32::MAX as i64)? as usize
            }
            "input_buffer_size" | "buffer_input_size" | "task_max_request_grace" => {
                int_in(key, value, 0, i64::MAX)?;
            }
            "task_ipc_mode" => {
                int_in(key, value, 1, 4)?;
            }
            "open_proxy_protocol" => {
                self.open_proxy_protocol = proxy_versions(value).map_err(|()| SettingError::OutOfRange {
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
    use nix::sys::resource::{getrlimit, Resource};
    let soft = getrlimit(Resource::RLIMIT_NOFILE).map_or(MAX_CONNECTION, |(soft, _)| soft as i64);
    soft.clamp(1, MAX_CONNECTION) as usize
}

/// `open_proxy_protocol`: `true` for either version, `1` or `2` for one;
/// `false`, `0` or null turn it off (`None`). Read here rather than in
/// `proxy/`, so the PROXY engine does not depend on the settings.
fn proxy_versions(value: &SettingValue) -> Result<Option<crate::proxy::Versions>, ()> {
    use crate::proxy::Versions;
    match value {
        SettingValue::Null | SettingValue::Bool(false) | SettingValue::Int(0) => Ok(None),
        SettingValue::Bool(true) => Ok(Some(Versions::Any)),
        SettingValue::Int(1) => Ok(Some(Versions::V1)),
        SettingValue::Int(2) => Ok(Some(Versions::V2)),
        SettingValue::Str(s) => match s.trim() {
            "" | "0" => Ok(None),
            "1" => Ok(Some(Versions::V1)),
            "2" => Ok(Some(Versions::V2)),
            _ => Err(()),
        },
        _ => Err(()),
    }
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
        ("display_errors", "(swoole.display_errors)".into()),
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
    for &k in keys::KNOWN_KEYS {
        if !acting.iter().any(|(a, _)| *a == k) {
            out.push((k, "(accepted, no effect)".into()));
        }
    }
    out
}

#[cfg(test)]
mod tests;
