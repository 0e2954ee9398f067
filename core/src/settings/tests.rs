//! The `set()` keys' checks and the typed settings they make.

use super::*;

#[test]
fn open_proxy_protocol_values() {
    use crate::proxy::Versions;
    let read = |v: SettingValue| proxy_versions(&v);
    assert_eq!(read(SettingValue::Bool(true)), Ok(Some(Versions::Any)));
    assert_eq!(read(SettingValue::Int(1)), Ok(Some(Versions::V1)));
    assert_eq!(read(SettingValue::Int(2)), Ok(Some(Versions::V2)));
    assert_eq!(read(SettingValue::Str("2".into())), Ok(Some(Versions::V2)));
    assert_eq!(read(SettingValue::Bool(false)), Ok(None));
    assert_eq!(read(SettingValue::Int(0)), Ok(None));
    assert_eq!(read(SettingValue::Null), Ok(None));
    assert!(read(SettingValue::Int(3)).is_err());
    assert!(read(SettingValue::Str("3".into())).is_err());
    assert!(read(SettingValue::Compound).is_err());
}

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
