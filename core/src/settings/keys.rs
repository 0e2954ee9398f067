//! Which keys `set()` knows (Swoole 6.2.1's lists) and which are accepted
//! without acting yet. A leaf of `settings`: the defaults `php --ri` shows
//! are read from `ServerSettings`, so `defaults()` lives in `settings.rs`.

use super::value::SettingValue;

/// Every key Swoole 6.2.1's `set()` accepts without a warning: the lists of
/// its library's `Swoole\Server\Helper::checkOptions()` (the same for the
/// server and its ports), compared case-insensitively as it does. Which of
/// them act here is recorded in `docs/COMPATIBILITY.md`; `debug_mode` (Swoole
/// 1.x, used by old examples) is one of them.
pub(super) const KNOWN_KEYS: &[&str] = &[
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

/// Whether `key` is a setting Swoole knows (in any case, as Swoole compares).
pub fn is_known_key(key: &str) -> bool {
    KNOWN_KEYS.iter().chain(OWN_KEYS).any(|k| k.eq_ignore_ascii_case(key))
}
