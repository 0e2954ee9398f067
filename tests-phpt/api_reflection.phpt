--TEST--
API surface: Reflection of every global function, every constant, Swoole\Constant and the classes (methods, properties, constants, parents, interfaces, final), as in Swoole 6.2.1 (its feature flag for HTTP/2, Server's Swoole 4 timer methods, Client's errMsg aside)
--EXTENSIONS--
swoole
--FILE--
<?php
require __DIR__ . '/include/api_dump.php';
?>
--EXPECT--
functions:
  swoole_version(): string [required 0]
  swoole_cpu_num(): int [required 0]
  swoole_last_error(): int [required 0]
  swoole_async_dns_lookup_coro(string $domain_name, float $timeout = 60, int $type = AF_INET): string|false [required 1]
  swoole_async_set(array $settings): bool [required 1]
  swoole_coroutine_create(callable $func, mixed ...$params): int|false [required 1]
  swoole_coroutine_defer(callable $callback): void [required 1]
  swoole_coroutine_socketpair(int $domain, int $type, int $protocol): array|false [required 3]
  swoole_test_kernel_coroutine(int $count = 100, float $sleep_time = 1.0): void [required 0]
  swoole_client_select(?array &$read, ?array &$write, ?array &$except, ?float $timeout = 0.5): int|false [required 3]
  swoole_select(?array &$read, ?array &$write, ?array &$except, ?float $timeout = 0.5): int|false [required 3]
  swoole_set_process_name(string $process_name): bool [required 1]
  swoole_get_local_ip(int $family = 2): array [required 0]
  swoole_get_local_mac(): array [required 0]
  swoole_strerror(int $errno, int $error_type = SWOOLE_STRERROR_SYSTEM): string [required 1]
  swoole_errno(): int [required 0]
  swoole_clear_error(): void [required 0]
  swoole_error_log(int $level, string $msg): void [required 2]
  swoole_error_log_ex(int $level, int $error, string $msg): void [required 3]
  swoole_ignore_error(int $error): void [required 1]
  swoole_hashcode(string $data, int $type = 0): int|false [required 1]
  swoole_mime_type_add(string $suffix, string $mime_type): bool [required 2]
  swoole_mime_type_set(string $suffix, string $mime_type): void [required 2]
  swoole_mime_type_delete(string $suffix): bool [required 1]
  swoole_mime_type_get(string $filename): string [required 1]
  swoole_get_mime_type(string $filename): string [required 1]
  swoole_mime_type_exists(string $filename): bool [required 1]
  swoole_mime_type_list(): array [required 0]
  swoole_clear_dns_cache(): void [required 0]
  swoole_substr_unserialize(string $str, int $offset, int $length = 0, array $options = array ()): mixed [required 2]
  swoole_substr_json_decode(string $str, int $offset, int $length = 0, bool $associative = false, int $depth = 512, int $flags = 0): mixed [required 2]
  swoole_internal_call_user_shutdown_begin(): bool [required 0]
  swoole_implicit_fn(string $fn, mixed $args = NULL): mixed [required 1]
  swoole_get_objects(): array|false [required 0]
  swoole_get_vm_status(): array [required 0]
  swoole_get_object_by_handle(int $handle): object|false [required 1]
  swoole_name_resolver_lookup(string $name, Swoole\NameResolver\Context $ctx): string [required 2]
  swoole_name_resolver_add(Swoole\NameResolver $ns): bool [required 1]
  swoole_name_resolver_remove(Swoole\NameResolver $ns): bool [required 1]
  swoole_tracer_leak_detect(int $threshold = 64): void [required 0]
  swoole_tracer_prof_begin(?array $options = NULL): bool [required 0]
  swoole_tracer_prof_end(string $output_file): bool [required 1]
  go(callable $func): int|false [required 1]
  defer(callable $callback): void [required 1]
  swoole_event_add(mixed $fd, ?callable $read_callback = NULL, ?callable $write_callback = NULL, int $events = SWOOLE_EVENT_READ): int|false [required 1]
  swoole_event_del(mixed $fd): bool [required 1]
  swoole_event_set(mixed $fd, ?callable $read_callback = NULL, ?callable $write_callback = NULL, int $events = 0): bool [required 1]
  swoole_event_wait(): void [required 0]
  swoole_event_isset(mixed $fd, int $events = 1536): bool [required 1]
  swoole_event_dispatch(): bool [required 0]
  swoole_event_defer(callable $callback): bool [required 1]
  swoole_event_cycle(?callable $callback, bool $before = false): bool [required 1]
  swoole_event_write(mixed $fd, string $data): bool [required 2]
  swoole_event_exit(): void [required 0]
  swoole_event_rshutdown(): void [required 0]
  swoole_timer_after(int $ms, callable $callback): int|false [required 2]
  swoole_timer_tick(int $ms, callable $callback): int|false [required 2]
  swoole_timer_info(int $timer_id): ?array [required 1]
  swoole_timer_list(): Swoole\Timer\Iterator [required 0]
  swoole_timer_exists(int $timer_id): bool [required 1]
  swoole_timer_stats(): array [required 0]
  swoole_timer_clear(int $timer_id): bool [required 1]
  swoole_timer_clear_all(): bool [required 0]

constants:
  FILE_LOCK = 2
  SOCKET_ECANCELED = 125
  SWOOLE_ASYNC = 1024
  SWOOLE_BASE = 1
  SWOOLE_CHANNEL_CANCELED = -3
  SWOOLE_CHANNEL_CLOSED = -2
  SWOOLE_CHANNEL_OK = 0
  SWOOLE_CHANNEL_TIMEOUT = -1
  SWOOLE_CORO_END = 3
  SWOOLE_CORO_INIT = 0
  SWOOLE_CORO_MAX_NUM_LIMIT = 9223372036854775807
  SWOOLE_CORO_RUNNING = 2
  SWOOLE_CORO_WAITING = 1
  SWOOLE_DEBUG = false
  SWOOLE_DEFAULT_MAX_CORO_NUM = 100000
  SWOOLE_DISPATCH_CONCURRENT_LB = 10
  SWOOLE_DISPATCH_CO_CONN_LB = 8
  SWOOLE_DISPATCH_CO_REQ_LB = 9
  SWOOLE_DISPATCH_FDMOD = 2
  SWOOLE_DISPATCH_IDLE_WORKER = 3
  SWOOLE_DISPATCH_IPMOD = 4
  SWOOLE_DISPATCH_RESULT_CLOSE_CONNECTION = -2
  SWOOLE_DISPATCH_RESULT_DISCARD_PACKET = -1
  SWOOLE_DISPATCH_RESULT_USERFUNC_FALLBACK = -3
  SWOOLE_DISPATCH_ROUND = 1
  SWOOLE_DISPATCH_STREAM = 7
  SWOOLE_DISPATCH_UIDMOD = 5
  SWOOLE_DISPATCH_USERFUNC = 6
  SWOOLE_DTLS_CLIENT_METHOD = 15
  SWOOLE_DTLS_SERVER_METHOD = 16
  SWOOLE_ERROR_AIO_BAD_REQUEST = 4001
  SWOOLE_ERROR_AIO_CANCELED = 4002
  SWOOLE_ERROR_AIO_TIMEOUT = 4003
  SWOOLE_ERROR_BAD_HOST_ADDR = 722
  SWOOLE_ERROR_BAD_IPV6_ADDRESS = 720
  SWOOLE_ERROR_BAD_PORT = 723
  SWOOLE_ERROR_BAD_SOCKET_TYPE = 724
  SWOOLE_ERROR_CLIENT_NO_CONNECTION = 5001
  SWOOLE_ERROR_CO_BLOCK_OBJECT_LOCKED = 10005
  SWOOLE_ERROR_CO_BLOCK_OBJECT_WAITING = 10006
  SWOOLE_ERROR_CO_CANCELED = 10017
  SWOOLE_ERROR_CO_CANNOT_CANCEL = 10015
  SWOOLE_ERROR_CO_DISABLED_MULTI_THREAD = 10014
  SWOOLE_ERROR_CO_GETCONTEXT_FAILED = 10008
  SWOOLE_ERROR_CO_HAS_BEEN_BOUND = 10002
  SWOOLE_ERROR_CO_HAS_BEEN_DISCARDED = 10003
  SWOOLE_ERROR_CO_IOCPINIT_FAILED = 10011
  SWOOLE_ERROR_CO_MAKECONTEXT_FAILED = 10010
  SWOOLE_ERROR_CO_MUTEX_DOUBLE_UNLOCK = 10004
  SWOOLE_ERROR_CO_NOT_EXISTS = 10016
  SWOOLE_ERROR_CO_OUT_OF_COROUTINE = 10001
  SWOOLE_ERROR_CO_PROTECT_STACK_FAILED = 10012
  SWOOLE_ERROR_CO_SOCKET_CLOSE_WAIT = 10019
  SWOOLE_ERROR_CO_STD_THREAD_LINK_ERROR = 10013
  SWOOLE_ERROR_CO_SWAPCONTEXT_FAILED = 10009
  SWOOLE_ERROR_CO_TIMEDOUT = 10018
  SWOOLE_ERROR_CO_YIELD_FAILED = 10007
  SWOOLE_ERROR_DATA_LENGTH_TOO_LARGE = 1203
  SWOOLE_ERROR_DIR_NOT_EXIST = 703
  SWOOLE_ERROR_DNSLOOKUP_DUPLICATE_REQUEST = 710
  SWOOLE_ERROR_DNSLOOKUP_NO_SERVER = 714
  SWOOLE_ERROR_DNSLOOKUP_RESOLVE_FAILED = 711
  SWOOLE_ERROR_DNSLOOKUP_RESOLVE_TIMEOUT = 712
  SWOOLE_ERROR_DNSLOOKUP_UNSUPPORTED = 713
  SWOOLE_ERROR_EVENT_ADD_FAILED = 801
  SWOOLE_ERROR_EVENT_REMOVE_FAILED = 800
  SWOOLE_ERROR_EVENT_UNKNOWN_DATA = 803
  SWOOLE_ERROR_EVENT_UPDATE_FAILED = 802
  SWOOLE_ERROR_FILE_EMPTY = 702
  SWOOLE_ERROR_FILE_NOT_EXIST = 700
  SWOOLE_ERROR_FILE_TOO_LARGE = 701
  SWOOLE_ERROR_FOR_TEST = 511
  SWOOLE_ERROR_HTTP2_INTERNAL_ERROR = 3006
  SWOOLE_ERROR_HTTP2_SEND_CONTROL_FRAME_FAILED = 3005
  SWOOLE_ERROR_HTTP2_STREAM_ID_TOO_BIG = 3001
  SWOOLE_ERROR_HTTP2_STREAM_IGNORE = 3004
  SWOOLE_ERROR_HTTP2_STREAM_NOT_FOUND = 3003
  SWOOLE_ERROR_HTTP2_STREAM_NO_HEADER = 3002
  SWOOLE_ERROR_HTTP_CONFLICT_HEADER = 7105
  SWOOLE_ERROR_HTTP_CONTEXT_UNAVAILABLE = 7106
  SWOOLE_ERROR_HTTP_COOKIE_UNAVAILABLE = 7107
  SWOOLE_ERROR_HTTP_INVALID_PROTOCOL = 7102
  SWOOLE_ERROR_HTTP_PROXY_BAD_RESPONSE = 7104
  SWOOLE_ERROR_HTTP_PROXY_HANDSHAKE_ERROR = 7101
  SWOOLE_ERROR_HTTP_PROXY_HANDSHAKE_FAILED = 7103
  SWOOLE_ERROR_INVALID_PARAMS = 505
  SWOOLE_ERROR_MALLOC_FAIL = 501
  SWOOLE_ERROR_NAME_TOO_LONG = 504
  SWOOLE_ERROR_NOT_THREAD_SAFETY = 601
  SWOOLE_ERROR_NO_PAYLOAD = 550
  SWOOLE_ERROR_OPERATION_NOT_SUPPORT = 507
  SWOOLE_ERROR_OUTPUT_BUFFER_OVERFLOW = 1009
  SWOOLE_ERROR_OUTPUT_SEND_YIELD = 1010
  SWOOLE_ERROR_PACKAGE_LENGTH_NOT_FOUND = 1202
  SWOOLE_ERROR_PACKAGE_LENGTH_TOO_LARGE = 1201
  SWOOLE_ERROR_PACKAGE_MALFORMED_DATA = 1204
  SWOOLE_ERROR_PHP_FATAL_ERROR = 503
  SWOOLE_ERROR_PHP_RUNTIME_NOTICE = 510
  SWOOLE_ERROR_PROTOCOL_ERROR = 508
  SWOOLE_ERROR_QUEUE_FULL = 506
  SWOOLE_ERROR_SERVER_CONNECT_FAIL = 9011
  SWOOLE_ERROR_SERVER_INVALID_CALLBACK = 9015
  SWOOLE_ERROR_SERVER_INVALID_COMMAND = 9012
  SWOOLE_ERROR_SERVER_INVALID_LISTEN_PORT = 9004
  SWOOLE_ERROR_SERVER_INVALID_REQUEST = 9010
  SWOOLE_ERROR_SERVER_IS_NOT_REGULAR_FILE = 9013
  SWOOLE_ERROR_SERVER_MUST_CREATED_BEFORE_CLIENT = 9001
  SWOOLE_ERROR_SERVER_NO_IDLE_WORKER = 9007
  SWOOLE_ERROR_SERVER_ONLY_START_ONE = 9008
  SWOOLE_ERROR_SERVER_PIPE_BUFFER_FULL = 9006
  SWOOLE_ERROR_SERVER_SEND_IN_MASTER = 9009
  SWOOLE_ERROR_SERVER_SEND_TO_WOKER_TIMEOUT = 9014
  SWOOLE_ERROR_SERVER_TOO_MANY_LISTEN_PORT = 9005
  SWOOLE_ERROR_SERVER_TOO_MANY_SOCKET = 9002
  SWOOLE_ERROR_SERVER_UNRELATED_THREAD = 9016
  SWOOLE_ERROR_SERVER_WORKER_ABNORMAL_PIPE_DATA = 9102
  SWOOLE_ERROR_SERVER_WORKER_EXIT_TIMEOUT = 9101
  SWOOLE_ERROR_SERVER_WORKER_TERMINATED = 9003
  SWOOLE_ERROR_SERVER_WORKER_UNPROCESSED_DATA = 9103
  SWOOLE_ERROR_SESSION_CLOSED = 1004
  SWOOLE_ERROR_SESSION_CLOSED_BY_CLIENT = 1002
  SWOOLE_ERROR_SESSION_CLOSED_BY_SERVER = 1001
  SWOOLE_ERROR_SESSION_CLOSING = 1003
  SWOOLE_ERROR_SESSION_DISCARD_DATA = 1008
  SWOOLE_ERROR_SESSION_DISCARD_TIMEOUT_DATA = 1007
  SWOOLE_ERROR_SESSION_INVALID_ID = 1006
  SWOOLE_ERROR_SESSION_NOT_EXIST = 1005
  SWOOLE_ERROR_SOCKET_CLOSED = 6001
  SWOOLE_ERROR_SOCKET_NOT_EXISTS = 6003
  SWOOLE_ERROR_SOCKET_POLL_TIMEOUT = 6002
  SWOOLE_ERROR_SOCKS5_AUTH_FAILED = 7003
  SWOOLE_ERROR_SOCKS5_CONNECT_FAILED = 7006
  SWOOLE_ERROR_SOCKS5_HANDSHAKE_FAILED = 7005
  SWOOLE_ERROR_SOCKS5_SERVER_ERROR = 7004
  SWOOLE_ERROR_SOCKS5_UNSUPPORT_METHOD = 7002
  SWOOLE_ERROR_SOCKS5_UNSUPPORT_VERSION = 7001
  SWOOLE_ERROR_SSL_BAD_CLIENT = 1015
  SWOOLE_ERROR_SSL_BAD_PROTOCOL = 1016
  SWOOLE_ERROR_SSL_CANNOT_USE_SENFILE = 1012
  SWOOLE_ERROR_SSL_CREATE_CONTEXT_FAILED = 1019
  SWOOLE_ERROR_SSL_CREATE_SESSION_FAILED = 1020
  SWOOLE_ERROR_SSL_EMPTY_PEER_CERTIFICATE = 1013
  SWOOLE_ERROR_SSL_HANDSHAKE_FAILED = 1018
  SWOOLE_ERROR_SSL_NOT_READY = 1011
  SWOOLE_ERROR_SSL_RESET = 1017
  SWOOLE_ERROR_SSL_VERIFY_FAILED = 1014
  SWOOLE_ERROR_SYSTEM_CALL_FAIL = 502
  SWOOLE_ERROR_TASK_DISPATCH_FAIL = 2002
  SWOOLE_ERROR_TASK_PACKAGE_TOO_BIG = 2001
  SWOOLE_ERROR_TASK_TIMEOUT = 2003
  SWOOLE_ERROR_UNDEFINED_BEHAVIOR = 600
  SWOOLE_ERROR_UNREGISTERED_SIGNAL = 721
  SWOOLE_ERROR_WEBSOCKET_BAD_CLIENT = 8501
  SWOOLE_ERROR_WEBSOCKET_BAD_OPCODE = 8502
  SWOOLE_ERROR_WEBSOCKET_HANDSHAKE_FAILED = 8504
  SWOOLE_ERROR_WEBSOCKET_INCOMPLETE_PACKET = 8507
  SWOOLE_ERROR_WEBSOCKET_PACK_FAILED = 8505
  SWOOLE_ERROR_WEBSOCKET_UNCONNECTED = 8503
  SWOOLE_ERROR_WEBSOCKET_UNPACK_FAILED = 8506
  SWOOLE_ERROR_WRONG_OPERATION = 509
  SWOOLE_EVENT_READ = 512
  SWOOLE_EVENT_WRITE = 1024
  SWOOLE_EXIT_IN_COROUTINE = 2
  SWOOLE_EXIT_IN_SERVER = 4
  SWOOLE_EXTRA_VERSION = ''
  SWOOLE_HAVE_BROTLI = true
  SWOOLE_HAVE_COMPRESSION = true
  SWOOLE_HAVE_ZLIB = true
  SWOOLE_HOOK_ALL = 2143285247
  SWOOLE_HOOK_CURL = 2048
  SWOOLE_HOOK_FILE = 256
  SWOOLE_HOOK_MONGODB = 4194304
  SWOOLE_HOOK_NATIVE_CURL = 4096
  SWOOLE_HOOK_NET_FUNCTION = 2097152
  SWOOLE_HOOK_PROC = 1024
  SWOOLE_HOOK_SLEEP = 512
  SWOOLE_HOOK_SOCKETS = 16384
  SWOOLE_HOOK_SSL = 32
  SWOOLE_HOOK_STDIO = 32768
  SWOOLE_HOOK_STREAM_FUNCTION = 128
  SWOOLE_HOOK_STREAM_SELECT = 128
  SWOOLE_HOOK_TCP = 2
  SWOOLE_HOOK_TLS = 64
  SWOOLE_HOOK_UDG = 16
  SWOOLE_HOOK_UDP = 4
  SWOOLE_HOOK_UNIX = 8
  SWOOLE_HTTP2_ERROR_CANCEL = 8
  SWOOLE_HTTP2_ERROR_COMPRESSION_ERROR = 9
  SWOOLE_HTTP2_ERROR_CONNECT_ERROR = 10
  SWOOLE_HTTP2_ERROR_ENHANCE_YOUR_CALM = 11
  SWOOLE_HTTP2_ERROR_FLOW_CONTROL_ERROR = 3
  SWOOLE_HTTP2_ERROR_FRAME_SIZE_ERROR = 6
  SWOOLE_HTTP2_ERROR_HTTP_1_1_REQUIRED = 13
  SWOOLE_HTTP2_ERROR_INADEQUATE_SECURITY = 12
  SWOOLE_HTTP2_ERROR_INTERNAL_ERROR = 2
  SWOOLE_HTTP2_ERROR_NO_ERROR = 0
  SWOOLE_HTTP2_ERROR_PROTOCOL_ERROR = 1
  SWOOLE_HTTP2_ERROR_REFUSED_STREAM = 7
  SWOOLE_HTTP2_ERROR_SETTINGS_TIMEOUT = 4
  SWOOLE_HTTP2_ERROR_STREAM_CLOSED = 5
  SWOOLE_HTTP2_TYPE_CONTINUATION = 9
  SWOOLE_HTTP2_TYPE_DATA = 0
  SWOOLE_HTTP2_TYPE_GOAWAY = 7
  SWOOLE_HTTP2_TYPE_HEADERS = 1
  SWOOLE_HTTP2_TYPE_PING = 6
  SWOOLE_HTTP2_TYPE_PRIORITY = 2
  SWOOLE_HTTP2_TYPE_PUSH_PROMISE = 5
  SWOOLE_HTTP2_TYPE_RST_STREAM = 3
  SWOOLE_HTTP2_TYPE_SETTINGS = 4
  SWOOLE_HTTP2_TYPE_WINDOW_UPDATE = 8
  SWOOLE_HTTP_CLIENT_ESTATUS_CONNECT_FAILED = -1
  SWOOLE_HTTP_CLIENT_ESTATUS_REQUEST_TIMEOUT = -2
  SWOOLE_HTTP_CLIENT_ESTATUS_SEND_FAILED = -4
  SWOOLE_HTTP_CLIENT_ESTATUS_SERVER_RESET = -3
  SWOOLE_IOV_MAX = 1024
  SWOOLE_IPC_MSGQUEUE = 2
  SWOOLE_IPC_NONE = 0
  SWOOLE_IPC_PREEMPTIVE = 3
  SWOOLE_IPC_SOCKET = 3
  SWOOLE_IPC_UNIXSOCK = 1
  SWOOLE_IPC_UNSOCK = 1
  SWOOLE_KEEP = 4096
  SWOOLE_LOG_DEBUG = 0
  SWOOLE_LOG_ERROR = 5
  SWOOLE_LOG_INFO = 2
  SWOOLE_LOG_NONE = 6
  SWOOLE_LOG_NOTICE = 3
  SWOOLE_LOG_ROTATION_DAILY = 2
  SWOOLE_LOG_ROTATION_EVERY_MINUTE = 4
  SWOOLE_LOG_ROTATION_HOURLY = 3
  SWOOLE_LOG_ROTATION_MONTHLY = 1
  SWOOLE_LOG_ROTATION_SINGLE = 0
  SWOOLE_LOG_TRACE = 1
  SWOOLE_LOG_WARNING = 4
  SWOOLE_MAJOR_VERSION = 6
  SWOOLE_MINOR_VERSION = 2
  SWOOLE_MSGQUEUE_BALANCE = 2
  SWOOLE_MSGQUEUE_ORIENT = 1
  SWOOLE_PROCESS = 2
  SWOOLE_RAW = 7
  SWOOLE_RAW6 = 8
  SWOOLE_RELEASE_VERSION = 1
  SWOOLE_SERVER_COMMAND_EVENT_WORKER = 8
  SWOOLE_SERVER_COMMAND_MANAGER = 32
  SWOOLE_SERVER_COMMAND_MASTER = 2
  SWOOLE_SERVER_COMMAND_REACTOR_THREAD = 4
  SWOOLE_SERVER_COMMAND_TASK_WORKER = 16
  SWOOLE_SERVER_COMMAND_WORKER = 8
  SWOOLE_SOCK_ASYNC = true
  SWOOLE_SOCK_RAW = 7
  SWOOLE_SOCK_RAW6 = 8
  SWOOLE_SOCK_SYNC = false
  SWOOLE_SOCK_TCP = 1
  SWOOLE_SOCK_TCP6 = 3
  SWOOLE_SOCK_UDP = 2
  SWOOLE_SOCK_UDP6 = 4
  SWOOLE_SOCK_UNIX_DGRAM = 6
  SWOOLE_SOCK_UNIX_STREAM = 5
  SWOOLE_SSL = 512
  SWOOLE_SSL_DTLS = 128
  SWOOLE_SSL_SSLv2 = 2
  SWOOLE_SSL_TLSv1 = 8
  SWOOLE_SSL_TLSv1_1 = 16
  SWOOLE_SSL_TLSv1_2 = 32
  SWOOLE_SSL_TLSv1_3 = 64
  SWOOLE_SSLv23_CLIENT_METHOD = 5
  SWOOLE_SSLv23_METHOD = 0
  SWOOLE_SSLv23_SERVER_METHOD = 4
  SWOOLE_SSLv3_CLIENT_METHOD = 3
  SWOOLE_SSLv3_METHOD = 1
  SWOOLE_SSLv3_SERVER_METHOD = 2
  SWOOLE_STRERROR_DNS = 2
  SWOOLE_STRERROR_GAI = 1
  SWOOLE_STRERROR_SWOOLE = 9
  SWOOLE_STRERROR_SYSTEM = 0
  SWOOLE_SYNC = 2048
  SWOOLE_TASK_CALLBACK = 8
  SWOOLE_TASK_COROUTINE = 32
  SWOOLE_TASK_NONBLOCK = 4
  SWOOLE_TASK_NOREPLY = 128
  SWOOLE_TASK_PEEK = 64
  SWOOLE_TASK_SERIALIZE = 2
  SWOOLE_TASK_TMPFILE = 1
  SWOOLE_TASK_WAITALL = 16
  SWOOLE_TCP = 1
  SWOOLE_TCP6 = 3
  SWOOLE_TIMER_MAX_MS = 9223372036854775807
  SWOOLE_TIMER_MAX_SEC = 9223372036854776.0
  SWOOLE_TIMER_MIN_MS = 1
  SWOOLE_TIMER_MIN_SEC = 0.001
  SWOOLE_TLS_CLIENT_METHOD = 5
  SWOOLE_TLS_METHOD = 0
  SWOOLE_TLS_SERVER_METHOD = 4
  SWOOLE_TLSv1_1_CLIENT_METHOD = 11
  SWOOLE_TLSv1_1_METHOD = 9
  SWOOLE_TLSv1_1_SERVER_METHOD = 10
  SWOOLE_TLSv1_2_CLIENT_METHOD = 14
  SWOOLE_TLSv1_2_METHOD = 12
  SWOOLE_TLSv1_2_SERVER_METHOD = 13
  SWOOLE_TLSv1_CLIENT_METHOD = 8
  SWOOLE_TLSv1_METHOD = 6
  SWOOLE_TLSv1_SERVER_METHOD = 7
  SWOOLE_TRACE_AIO = 524288
  SWOOLE_TRACE_ALL = 9223372036854775807
  SWOOLE_TRACE_BUFFER = 8
  SWOOLE_TRACE_CARES = 1073741824
  SWOOLE_TRACE_CHANNEL = 4194304
  SWOOLE_TRACE_CLIENT = 4
  SWOOLE_TRACE_CLOSE = 16384
  SWOOLE_TRACE_CONN = 16
  SWOOLE_TRACE_CONTEXT = 67108864
  SWOOLE_TRACE_COROUTINE = 33554432
  SWOOLE_TRACE_CO_CURL = 536870912
  SWOOLE_TRACE_CO_FIREBIRD = 68719476736
  SWOOLE_TRACE_CO_HTTP_SERVER = 134217728
  SWOOLE_TRACE_CO_ODBC = 8589934592
  SWOOLE_TRACE_CO_ORACLE = 17179869184
  SWOOLE_TRACE_CO_PGSQL = 4294967296
  SWOOLE_TRACE_CO_SQLITE = 34359738368
  SWOOLE_TRACE_CO_SSH2 = 137438953472
  SWOOLE_TRACE_EOF_PROTOCOL = 4096
  SWOOLE_TRACE_EVENT = 32
  SWOOLE_TRACE_HTTP = 1024
  SWOOLE_TRACE_HTTP2 = 2048
  SWOOLE_TRACE_HTTP_CLIENT = 262144
  SWOOLE_TRACE_LENGTH_PROTOCOL = 8192
  SWOOLE_TRACE_MEMORY = 128
  SWOOLE_TRACE_MYSQL_CLIENT = 131072
  SWOOLE_TRACE_NORMAL = 2097152
  SWOOLE_TRACE_PHP = 512
  SWOOLE_TRACE_REACTOR = 256
  SWOOLE_TRACE_REDIS_CLIENT = 65536
  SWOOLE_TRACE_SERVER = 2
  SWOOLE_TRACE_SOCKET = 16777216
  SWOOLE_TRACE_SSL = 1048576
  SWOOLE_TRACE_TABLE = 268435456
  SWOOLE_TRACE_THREAD = 1099511627776
  SWOOLE_TRACE_TIMER = 8388608
  SWOOLE_TRACE_WEBSOCKET = 32768
  SWOOLE_TRACE_WORKER = 64
  SWOOLE_TRACE_ZLIB = 2147483648
  SWOOLE_UDP = 2
  SWOOLE_UDP6 = 4
  SWOOLE_UNIX_DGRAM = 6
  SWOOLE_UNIX_STREAM = 5
  SWOOLE_USE_SHORTNAME = true
  SWOOLE_VERSION = '6.2.1'
  SWOOLE_VERSION_ID = 60201
  SWOOLE_WEBSOCKET_CLOSE_ABNORMAL = 1006
  SWOOLE_WEBSOCKET_CLOSE_BAD_GATEWAY = 1014
  SWOOLE_WEBSOCKET_CLOSE_CLOSE_SERVICE_RESTART = 1012
  SWOOLE_WEBSOCKET_CLOSE_DATA_ERROR = 1003
  SWOOLE_WEBSOCKET_CLOSE_EXTENSION_MISSING = 1010
  SWOOLE_WEBSOCKET_CLOSE_GOING_AWAY = 1001
  SWOOLE_WEBSOCKET_CLOSE_MESSAGE_ERROR = 1007
  SWOOLE_WEBSOCKET_CLOSE_MESSAGE_TOO_BIG = 1009
  SWOOLE_WEBSOCKET_CLOSE_NORMAL = 1000
  SWOOLE_WEBSOCKET_CLOSE_POLICY_ERROR = 1008
  SWOOLE_WEBSOCKET_CLOSE_PROTOCOL_ERROR = 1002
  SWOOLE_WEBSOCKET_CLOSE_SERVER_ERROR = 1011
  SWOOLE_WEBSOCKET_CLOSE_STATUS_ERROR = 1005
  SWOOLE_WEBSOCKET_CLOSE_TLS = 1015
  SWOOLE_WEBSOCKET_CLOSE_TRY_AGAIN_LATER = 1013
  SWOOLE_WEBSOCKET_FLAG_COMPRESS = 2
  SWOOLE_WEBSOCKET_FLAG_FIN = 1
  SWOOLE_WEBSOCKET_FLAG_MASK = 32
  SWOOLE_WEBSOCKET_FLAG_RSV1 = 4
  SWOOLE_WEBSOCKET_FLAG_RSV2 = 8
  SWOOLE_WEBSOCKET_FLAG_RSV3 = 16
  SWOOLE_WEBSOCKET_OPCODE_BINARY = 2
  SWOOLE_WEBSOCKET_OPCODE_CLOSE = 8
  SWOOLE_WEBSOCKET_OPCODE_CONTINUATION = 0
  SWOOLE_WEBSOCKET_OPCODE_PING = 9
  SWOOLE_WEBSOCKET_OPCODE_PONG = 10
  SWOOLE_WEBSOCKET_OPCODE_TEXT = 1
  SWOOLE_WEBSOCKET_STATUS_ACTIVE = 3
  SWOOLE_WEBSOCKET_STATUS_CLOSING = 4
  SWOOLE_WEBSOCKET_STATUS_CONNECTION = 1
  SWOOLE_WEBSOCKET_STATUS_HANDSHAKE = 2
  SWOOLE_WORKER_BUSY = 1
  SWOOLE_WORKER_EXIT = 3
  SWOOLE_WORKER_IDLE = 2
  TCP_INFO = 11
  WEBSOCKET_CLOSE_ABNORMAL = 1006
  WEBSOCKET_CLOSE_BAD_GATEWAY = 1014
  WEBSOCKET_CLOSE_CLOSE_SERVICE_RESTART = 1012
  WEBSOCKET_CLOSE_DATA_ERROR = 1003
  WEBSOCKET_CLOSE_EXTENSION_MISSING = 1010
  WEBSOCKET_CLOSE_GOING_AWAY = 1001
  WEBSOCKET_CLOSE_MESSAGE_ERROR = 1007
  WEBSOCKET_CLOSE_MESSAGE_TOO_BIG = 1009
  WEBSOCKET_CLOSE_NORMAL = 1000
  WEBSOCKET_CLOSE_POLICY_ERROR = 1008
  WEBSOCKET_CLOSE_PROTOCOL_ERROR = 1002
  WEBSOCKET_CLOSE_SERVER_ERROR = 1011
  WEBSOCKET_CLOSE_STATUS_ERROR = 1005
  WEBSOCKET_CLOSE_TLS = 1015
  WEBSOCKET_CLOSE_TRY_AGAIN_LATER = 1013
  WEBSOCKET_OPCODE_BINARY = 2
  WEBSOCKET_OPCODE_CLOSE = 8
  WEBSOCKET_OPCODE_CONTINUATION = 0
  WEBSOCKET_OPCODE_PING = 9
  WEBSOCKET_OPCODE_PONG = 10
  WEBSOCKET_OPCODE_TEXT = 1
  WEBSOCKET_STATUS_ACTIVE = 3
  WEBSOCKET_STATUS_CLOSING = 4
  WEBSOCKET_STATUS_CONNECTION = 1
  WEBSOCKET_STATUS_FRAME = 3
  WEBSOCKET_STATUS_HANDSHAKE = 2
  WEBSOCKET_STATUS_HANDSHAKE_FAILED = 5

ext-sockets names:
  AF_UNIX ok
  AF_INET ok
  AF_INET6 ok
  SOCK_STREAM ok
  SOCK_DGRAM ok
  SOL_SOCKET ok
  SO_REUSEADDR ok
  SO_REUSEPORT ok
  MSG_DONTWAIT ok
  SOCKET_EAGAIN ok
  SOCKET_ECONNREFUSED ok
  TCP_NODELAY ok
  IPPROTO_TCP MISSING or wrong

class Swoole\Constant:
  final=false internal=false parent=false
  public EVENT_START = 'start'
  public EVENT_BEFORE_SHUTDOWN = 'beforeShutdown'
  public EVENT_SHUTDOWN = 'shutdown'
  public EVENT_WORKER_START = 'workerStart'
  public EVENT_WORKER_STOP = 'workerStop'
  public EVENT_BEFORE_RELOAD = 'beforeReload'
  public EVENT_AFTER_RELOAD = 'afterReload'
  public EVENT_TASK = 'task'
  public EVENT_FINISH = 'finish'
  public EVENT_WORKER_EXIT = 'workerExit'
  public EVENT_WORKER_ERROR = 'workerError'
  public EVENT_MANAGER_START = 'managerStart'
  public EVENT_MANAGER_STOP = 'managerStop'
  public EVENT_PIPE_MESSAGE = 'pipeMessage'
  public EVENT_CONNECT = 'connect'
  public EVENT_RECEIVE = 'receive'
  public EVENT_CLOSE = 'close'
  public EVENT_PACKET = 'packet'
  public EVENT_BUFFER_FULL = 'bufferFull'
  public EVENT_BUFFER_EMPTY = 'bufferEmpty'
  public EVENT_REQUEST = 'request'
  public EVENT_HANDSHAKE = 'handshake'
  public EVENT_BEFORE_HANDSHAKE_RESPONSE = 'beforeHandshakeResponse'
  public EVENT_OPEN = 'open'
  public EVENT_MESSAGE = 'message'
  public EVENT_DISCONNECT = 'disconnect'
  public EVENT_ERROR = 'error'
  public OPTION_DEBUG_MODE = 'debug_mode'
  public OPTION_TRACE_FLAGS = 'trace_flags'
  public OPTION_LOG_FILE = 'log_file'
  public OPTION_LOG_LEVEL = 'log_level'
  public OPTION_LOG_DATE_FORMAT = 'log_date_format'
  public OPTION_LOG_DATE_WITH_MICROSECONDS = 'log_date_with_microseconds'
  public OPTION_LOG_ROTATION = 'log_rotation'
  public OPTION_DISPLAY_ERRORS = 'display_errors'
  public OPTION_DNS_SERVER = 'dns_server'
  public OPTION_SOCKET_DNS_TIMEOUT = 'socket_dns_timeout'
  public OPTION_SOCKET_CONNECT_TIMEOUT = 'socket_connect_timeout'
  public OPTION_SOCKET_WRITE_TIMEOUT = 'socket_write_timeout'
  public OPTION_SOCKET_SEND_TIMEOUT = 'socket_send_timeout'
  public OPTION_SOCKET_READ_TIMEOUT = 'socket_read_timeout'
  public OPTION_SOCKET_RECV_TIMEOUT = 'socket_recv_timeout'
  public OPTION_SOCKET_TIMEOUT = 'socket_timeout'
  public OPTION_SOCKET_BUFFER_SIZE = 'socket_buffer_size'
  public OPTION_HTTP2_HEADER_TABLE_SIZE = 'http2_header_table_size'
  public OPTION_HTTP2_ENABLE_PUSH = 'http2_enable_push'
  public OPTION_HTTP2_MAX_CONCURRENT_STREAMS = 'http2_max_concurrent_streams'
  public OPTION_HTTP2_INIT_WINDOW_SIZE = 'http2_init_window_size'
  public OPTION_HTTP2_MAX_FRAME_SIZE = 'http2_max_frame_size'
  public OPTION_HTTP2_MAX_HEADER_LIST_SIZE = 'http2_max_header_list_size'
  public OPTION_HTTP2_MAX_HEADERS = 'http2_max_headers'
  public OPTION_AIO_CORE_WORKER_NUM = 'aio_core_worker_num'
  public OPTION_AIO_WORKER_NUM = 'aio_worker_num'
  public OPTION_AIO_MAX_WAIT_TIME = 'aio_max_wait_time'
  public OPTION_AIO_MAX_IDLE_TIME = 'aio_max_idle_time'
  public OPTION_IOURING_ENTRIES = 'iouring_entries'
  public OPTION_IOURING_WORKERS = 'iouring_workers'
  public OPTION_IOURING_FLAG = 'iouring_flag'
  public OPTION_ENABLE_SIGNALFD = 'enable_signalfd'
  public OPTION_ENABLE_KQUEUE = 'enable_kqueue'
  public OPTION_WAIT_SIGNAL = 'wait_signal'
  public OPTION_DNS_CACHE_REFRESH_TIME = 'dns_cache_refresh_time'
  public OPTION_THREAD_NUM = 'thread_num'
  public OPTION_MIN_THREAD_NUM = 'min_thread_num'
  public OPTION_MAX_THREAD_NUM = 'max_thread_num'
  public OPTION_SOCKET_DONTWAIT = 'socket_dontwait'
  public OPTION_DNS_LOOKUP_RANDOM = 'dns_lookup_random'
  public OPTION_USE_ASYNC_RESOLVER = 'use_async_resolver'
  public OPTION_ENABLE_COROUTINE = 'enable_coroutine'
  public OPTION_SSL_PROTOCOLS = 'ssl_protocols'
  public OPTION_SSL_COMPRESS = 'ssl_compress'
  public OPTION_SSL_CERT_FILE = 'ssl_cert_file'
  public OPTION_SSL_KEY_FILE = 'ssl_key_file'
  public OPTION_SSL_PASSPHRASE = 'ssl_passphrase'
  public OPTION_SSL_HOST_NAME = 'ssl_host_name'
  public OPTION_SSL_VERIFY_PEER = 'ssl_verify_peer'
  public OPTION_SSL_ALLOW_SELF_SIGNED = 'ssl_allow_self_signed'
  public OPTION_SSL_CAFILE = 'ssl_cafile'
  public OPTION_SSL_CAPATH = 'ssl_capath'
  public OPTION_SSL_VERIFY_DEPTH = 'ssl_verify_depth'
  public OPTION_SSL_CIPHERS = 'ssl_ciphers'
  public OPTION_OPEN_EOF_CHECK = 'open_eof_check'
  public OPTION_OPEN_EOF_SPLIT = 'open_eof_split'
  public OPTION_PACKAGE_EOF = 'package_eof'
  public OPTION_OPEN_MQTT_PROTOCOL = 'open_mqtt_protocol'
  public OPTION_OPEN_LENGTH_CHECK = 'open_length_check'
  public OPTION_PACKAGE_LENGTH_TYPE = 'package_length_type'
  public OPTION_PACKAGE_LENGTH_OFFSET = 'package_length_offset'
  public OPTION_PACKAGE_BODY_OFFSET = 'package_body_offset'
  public OPTION_PACKAGE_LENGTH_FUNC = 'package_length_func'
  public OPTION_PACKAGE_MAX_LENGTH = 'package_max_length'
  public OPTION_BUFFER_HIGH_WATERMARK = 'buffer_high_watermark'
  public OPTION_BUFFER_LOW_WATERMARK = 'buffer_low_watermark'
  public OPTION_BIND_PORT = 'bind_port'
  public OPTION_BIND_ADDRESS = 'bind_address'
  public OPTION_OPEN_TCP_NODELAY = 'open_tcp_nodelay'
  public OPTION_SOCKS5_HOST = 'socks5_host'
  public OPTION_SOCKS5_PORT = 'socks5_port'
  public OPTION_SOCKS5_USERNAME = 'socks5_username'
  public OPTION_SOCKS5_PASSWORD = 'socks5_password'
  public OPTION_HTTP_PROXY_HOST = 'http_proxy_host'
  public OPTION_HTTP_PROXY_PORT = 'http_proxy_port'
  public OPTION_HTTP_PROXY_USERNAME = 'http_proxy_username'
  public OPTION_HTTP_PROXY_USER = 'http_proxy_user'
  public OPTION_HTTP_PROXY_PASSWORD = 'http_proxy_password'
  public OPTION_MAX_CORO_NUM = 'max_coro_num'
  public OPTION_MAX_COROUTINE = 'max_coroutine'
  public OPTION_ENABLE_DEADLOCK_CHECK = 'enable_deadlock_check'
  public OPTION_HOOK_FLAGS = 'hook_flags'
  public OPTION_ENABLE_PREEMPTIVE_SCHEDULER = 'enable_preemptive_scheduler'
  public OPTION_C_STACK_SIZE = 'c_stack_size'
  public OPTION_STACK_SIZE = 'stack_size'
  public OPTION_NAME_RESOLVER = 'name_resolver'
  public OPTION_DNS_CACHE_EXPIRE = 'dns_cache_expire'
  public OPTION_DNS_CACHE_CAPACITY = 'dns_cache_capacity'
  public OPTION_CONNECT_TIMEOUT = 'connect_timeout'
  public OPTION_TIMEOUT = 'timeout'
  public OPTION_MAX_RETRIES = 'max_retries'
  public OPTION_DEFER = 'defer'
  public OPTION_LOWERCASE_HEADER = 'lowercase_header'
  public OPTION_KEEP_ALIVE = 'keep_alive'
  public OPTION_WEBSOCKET_MASK = 'websocket_mask'
  public OPTION_HTTP_COMPRESSION = 'http_compression'
  public OPTION_BODY_DECOMPRESSION = 'body_decompression'
  public OPTION_WEBSOCKET_COMPRESSION = 'websocket_compression'
  public OPTION_WRITE_FUNC = 'write_func'
  public OPTION_HTTP_PARSE_COOKIE = 'http_parse_cookie'
  public OPTION_HTTP_PARSE_POST = 'http_parse_post'
  public OPTION_HTTP_PARSE_FILES = 'http_parse_files'
  public OPTION_HTTP_COMPRESSION_LEVEL = 'http_compression_level'
  public OPTION_COMPRESSION_LEVEL = 'compression_level'
  public OPTION_HTTP_GZIP_LEVEL = 'http_gzip_level'
  public OPTION_HTTP_COMPRESSION_MIN_LENGTH = 'http_compression_min_length'
  public OPTION_COMPRESSION_MIN_LENGTH = 'compression_min_length'
  public OPTION_HTTP_COMPRESSION_TYPES = 'http_compression_types'
  public OPTION_COMPRESSION_TYPES = 'compression_types'
  public OPTION_UPLOAD_TMP_DIR = 'upload_tmp_dir'
  public OPTION_ENABLE_MESSAGE_BUS = 'enable_message_bus'
  public OPTION_MAX_PACKAGE_SIZE = 'max_package_size'
  public OPTION_SSL = 'ssl'
  public OPTION_CHROOT = 'chroot'
  public OPTION_USER = 'user'
  public OPTION_GROUP = 'group'
  public OPTION_DAEMONIZE = 'daemonize'
  public OPTION_PID_FILE = 'pid_file'
  public OPTION_REACTOR_NUM = 'reactor_num'
  public OPTION_SINGLE_THREAD = 'single_thread'
  public OPTION_WORKER_NUM = 'worker_num'
  public OPTION_MAX_WAIT_TIME = 'max_wait_time'
  public OPTION_MAX_QUEUED_BYTES = 'max_queued_bytes'
  public OPTION_MAX_CONCURRENCY = 'max_concurrency'
  public OPTION_WORKER_MAX_CONCURRENCY = 'worker_max_concurrency'
  public OPTION_SEND_TIMEOUT = 'send_timeout'
  public OPTION_DISPATCH_MODE = 'dispatch_mode'
  public OPTION_SEND_YIELD = 'send_yield'
  public OPTION_DISPATCH_FUNC = 'dispatch_func'
  public OPTION_DISCARD_TIMEOUT_REQUEST = 'discard_timeout_request'
  public OPTION_ENABLE_UNSAFE_EVENT = 'enable_unsafe_event'
  public OPTION_ENABLE_DELAY_RECEIVE = 'enable_delay_receive'
  public OPTION_ENABLE_REUSE_PORT = 'enable_reuse_port'
  public OPTION_TASK_USE_OBJECT = 'task_use_object'
  public OPTION_TASK_OBJECT = 'task_object'
  public OPTION_EVENT_OBJECT = 'event_object'
  public OPTION_TASK_ENABLE_COROUTINE = 'task_enable_coroutine'
  public OPTION_TASK_WORKER_NUM = 'task_worker_num'
  public OPTION_TASK_IPC_MODE = 'task_ipc_mode'
  public OPTION_TASK_TMPDIR = 'task_tmpdir'
  public OPTION_TASK_MAX_REQUEST = 'task_max_request'
  public OPTION_TASK_MAX_REQUEST_GRACE = 'task_max_request_grace'
  public OPTION_MAX_CONNECTION = 'max_connection'
  public OPTION_MAX_CONN = 'max_conn'
  public OPTION_START_SESSION_ID = 'start_session_id'
  public OPTION_HEARTBEAT_CHECK_INTERVAL = 'heartbeat_check_interval'
  public OPTION_HEARTBEAT_IDLE_TIME = 'heartbeat_idle_time'
  public OPTION_MAX_REQUEST = 'max_request'
  public OPTION_MAX_REQUEST_GRACE = 'max_request_grace'
  public OPTION_RELOAD_ASYNC = 'reload_async'
  public OPTION_OPEN_CPU_AFFINITY = 'open_cpu_affinity'
  public OPTION_CPU_AFFINITY_IGNORE = 'cpu_affinity_ignore'
  public OPTION_UPLOAD_MAX_FILESIZE = 'upload_max_filesize'
  public OPTION_ENABLE_STATIC_HANDLER = 'enable_static_handler'
  public OPTION_DOCUMENT_ROOT = 'document_root'
  public OPTION_HTTP_AUTOINDEX = 'http_autoindex'
  public OPTION_HTTP_INDEX_FILES = 'http_index_files'
  public OPTION_STATIC_HANDLER_LOCATIONS = 'static_handler_locations'
  public OPTION_URL_REWRITE_RULES = 'url_rewrite_rules'
  public OPTION_INPUT_BUFFER_SIZE = 'input_buffer_size'
  public OPTION_BUFFER_INPUT_SIZE = 'buffer_input_size'
  public OPTION_OUTPUT_BUFFER_SIZE = 'output_buffer_size'
  public OPTION_BUFFER_OUTPUT_SIZE = 'buffer_output_size'
  public OPTION_MESSAGE_QUEUE_KEY = 'message_queue_key'
  public OPTION_BOOTSTRAP = 'bootstrap'
  public OPTION_INIT_ARGUMENTS = 'init_arguments'
  public OPTION_BACKLOG = 'backlog'
  public OPTION_KERNEL_SOCKET_RECV_BUFFER_SIZE = 'kernel_socket_recv_buffer_size'
  public OPTION_KERNEL_SOCKET_SEND_BUFFER_SIZE = 'kernel_socket_send_buffer_size'
  public OPTION_TCP_DEFER_ACCEPT = 'tcp_defer_accept'
  public OPTION_OPEN_TCP_KEEPALIVE = 'open_tcp_keepalive'
  public OPTION_OPEN_HTTP_PROTOCOL = 'open_http_protocol'
  public OPTION_OPEN_WEBSOCKET_PROTOCOL = 'open_websocket_protocol'
  public OPTION_WEBSOCKET_SUBPROTOCOL = 'websocket_subprotocol'
  public OPTION_OPEN_WEBSOCKET_CLOSE_FRAME = 'open_websocket_close_frame'
  public OPTION_OPEN_WEBSOCKET_PING_FRAME = 'open_websocket_ping_frame'
  public OPTION_OPEN_WEBSOCKET_PONG_FRAME = 'open_websocket_pong_frame'
  public OPTION_OPEN_HTTP2_PROTOCOL = 'open_http2_protocol'
  public OPTION_OPEN_REDIS_PROTOCOL = 'open_redis_protocol'
  public OPTION_MAX_IDLE_TIME = 'max_idle_time'
  public OPTION_TCP_KEEPIDLE = 'tcp_keepidle'
  public OPTION_TCP_KEEPINTERVAL = 'tcp_keepinterval'
  public OPTION_TCP_KEEPCOUNT = 'tcp_keepcount'
  public OPTION_TCP_USER_TIMEOUT = 'tcp_user_timeout'
  public OPTION_TCP_FASTOPEN = 'tcp_fastopen'
  public OPTION_PACKAGE_BODY_START = 'package_body_start'
  public OPTION_SSL_CLIENT_CERT_FILE = 'ssl_client_cert_file'
  public OPTION_SSL_PREFER_SERVER_CIPHERS = 'ssl_prefer_server_ciphers'
  public OPTION_SSL_ECDH_CURVE = 'ssl_ecdh_curve'
  public OPTION_SSL_DHPARAM = 'ssl_dhparam'
  public OPTION_SSL_SNI_CERTS = 'ssl_sni_certs'
  public OPTION_OPEN_SSL = 'open_ssl'
  public OPTION_OPEN_FASTCGI_PROTOCOL = 'open_fastcgi_protocol'
  public OPTION_READ_TIMEOUT = 'read_timeout'
  public OPTION_WRITE_TIMEOUT = 'write_timeout'
  public OPTION_SSL_DISABLE_COMPRESSION = 'ssl_disable_compression'
  public OPTION_SSL_GREASE = 'ssl_grease'
  public OPTION_EXIT_CONDITION = 'exit_condition'
  public OPTION_DEADLOCK_CHECK_DISABLE_TRACE = 'deadlock_check_disable_trace'
  public OPTION_DEADLOCK_CHECK_LIMIT = 'deadlock_check_limit'
  public OPTION_DEADLOCK_CHECK_DEPTH = 'deadlock_check_depth'
  public OPTION_STATS_FILE = 'stats_file'
  public OPTION_STATS_TIMER_INTERVAL = 'stats_timer_interval'
  public OPTION_ADMIN_SERVER = 'admin_server'
  public OPTION_HTTP_CLIENT_DRIVER = 'http_client_driver'

class Swoole\Server:
  class Swoole\Server
  constructor: public Swoole\Server::__construct, instantiable: true
  private $onStart = NULL
  private $onBeforeShutdown = NULL
  private $onShutdown = NULL
  private $onWorkerStart = NULL
  private $onWorkerStop = NULL
  private $onBeforeReload = NULL
  private $onAfterReload = NULL
  private $onWorkerExit = NULL
  private $onWorkerError = NULL
  private $onTask = NULL
  private $onFinish = NULL
  private $onManagerStart = NULL
  private $onManagerStop = NULL
  private $onPipeMessage = NULL
  public $setting = NULL
  public $connections = NULL
  public $host = ''
  public $port = 0
  public $type = 0
  public $ssl = false
  public $mode = 0
  public $ports = NULL
  public $master_pid = 0
  public $manager_pid = 0
  public $worker_id = -1
  public $taskworker = false
  public $worker_pid = 0
  public $stats_timer = NULL
  public $admin_server = NULL
  public __construct(string $host = '0.0.0.0', int $port = 0, int $mode = SWOOLE_BASE, int $sock_type = SWOOLE_SOCK_TCP) [required 0]
  public __destruct() [required 0]
  public listen(string $host, int $port, int $sock_type): Swoole\Server\Port|false [required 3]
  public addlistener(string $host, int $port, int $sock_type): Swoole\Server\Port|false [required 3]
  public on(string $event_name, callable $callback): bool [required 2]
  public getCallback(string $event_name): Closure|array|string|null [required 1]
  public set(array $settings): bool [required 1]
  public start(): bool [required 0]
  public send(string|int $fd, string $send_data, int $serverSocket = -1): bool [required 2]
  public sendto(string $ip, int $port, string $send_data, int $server_socket = -1): bool [required 3]
  public sendwait(int $conn_fd, string $send_data): bool [required 2]
  public exists(int $fd): bool [required 1]
  public exist(int $fd): bool [required 1]
  public protect(int $fd, bool $is_protected = true): bool [required 1]
  public sendfile(int $conn_fd, string $filename, int $offset = 0, int $length = 0): bool [required 2]
  public close(int $fd, bool $reset = false): bool [required 1]
  public confirm(int $fd): bool [required 1]
  public pause(int $fd): bool [required 1]
  public resume(int $fd): bool [required 1]
  public task(mixed $data, int $taskWorkerIndex = -1, ?callable $finishCallback = NULL): int|false [required 1]
  public taskwait(mixed $data, float $timeout = 0.5, int $taskWorkerIndex = -1): mixed [required 1]
  public taskWaitMulti(array $tasks, float $timeout = 0.5): array|false [required 1]
  public taskCo(array $tasks, float $timeout = 0.5): array|false [required 1]
  public finish(mixed $data): bool [required 1]
  public reload(bool $only_reload_taskworker = false): bool [required 0]
  public shutdown(): bool [required 0]
  public stop(int $workerId = -1): bool [required 0]
  public getLastError(): int [required 0]
  public heartbeat(bool $ifCloseConnection = true): array|false [required 0]
  public getClientInfo(int $fd, int $reactor_id = -1, bool $ignoreError = false): array|false [required 1]
  public getClientList(int $start_fd = 0, int $find_count = 10): array|false [required 0]
  public getWorkerId(): int|false [required 0]
  public getWorkerPid(int $worker_id = -1): int|false [required 0]
  public getWorkerStatus(int $worker_id = -1): int|false [required 0]
  public getManagerPid(): int [required 0]
  public getMasterPid(): int [required 0]
  public connection_info(int $fd, int $reactor_id = -1, bool $ignoreError = false): array|false [required 1]
  public connection_list(int $start_fd = 0, int $find_count = 10): array|false [required 0]
  public sendMessage(mixed $message, int $dst_worker_id): bool [required 2]
  public command(string $name, int $process_id, int $process_type, mixed $data, bool $json_decode = true): array|string|false [required 4]
  public addCommand(string $name, int $accepted_process_types, callable $callback): bool [required 3]
  public addProcess(Swoole\Process $process): int|false [required 1]
  public stats(): array [required 0]
  public bind(int $fd, int $uid): bool [required 2]
  public tick(int $ms, callable $callback, mixed ...$params): int|false [required 2]
  public after(int $ms, callable $callback, mixed ...$params): int|false [required 2]
  public clearTimer(int $timer_id): bool [required 1]
  public defer(callable $callback): bool [required 1]

class Swoole\Server\Port:
  class Swoole\Server\Port
  constructor: private Swoole\Server\Port::__construct, instantiable: false
  private $onConnect = NULL
  private $onReceive = NULL
  private $onClose = NULL
  private $onPacket = NULL
  private $onBufferFull = NULL
  private $onBufferEmpty = NULL
  private $onRequest = NULL
  private $onHandshake = NULL
  private $onOpen = NULL
  private $onMessage = NULL
  private $onDisconnect = NULL
  private $onBeforeHandshakeResponse = NULL
  public $host = NULL
  public $port = 0
  public $type = 0
  public $sock = -1
  public $ssl = false
  public $setting = NULL
  public $connections = NULL
  private __construct() [required 0]
  public __destruct() [required 0]
  public set(array $settings): void [required 1]
  public on(string $event_name, callable $callback): bool [required 2]
  public getCallback(string $event_name): ?Closure [required 1]

class Swoole\Server\Task:
  final class Swoole\Server\Task
  constructor: none, instantiable: true
  public $data = NULL
  public $dispatch_time = 0.0
  public $id = -1
  public $worker_id = -1
  public $flags = 0
  public finish(mixed $data): bool [required 1]
  public static pack(mixed $data): string|false [required 1]
  public static unpack(string $data): mixed [required 1]

class Swoole\Server\Event:
  class Swoole\Server\Event
  constructor: none, instantiable: true
  public $reactor_id = 0
  public $fd = 0
  public $dispatch_time = 0.0
  public $data = NULL

class Swoole\Server\Packet:
  class Swoole\Server\Packet
  constructor: none, instantiable: true
  public $server_socket = 0
  public $server_port = 0
  public $dispatch_time = 0.0
  public $address = NULL
  public $port = 0

class Swoole\Server\PipeMessage:
  class Swoole\Server\PipeMessage
  constructor: none, instantiable: true
  public $source_worker_id = 0
  public $worker_id = 0
  public $dispatch_time = 0.0
  public $data = NULL

class Swoole\Server\TaskResult:
  class Swoole\Server\TaskResult
  constructor: none, instantiable: true
  public $task_id = 0
  public $task_worker_id = 0
  public $dispatch_time = 0.0
  public $data = NULL

class Swoole\Server\StatusInfo:
  class Swoole\Server\StatusInfo
  constructor: none, instantiable: true
  public $worker_id = 0
  public $worker_pid = 0
  public $status = 0
  public $exit_code = 0
  public $signal = 0

class Swoole\Process:
  class Swoole\Process
  constructor: public Swoole\Process::__construct, instantiable: true
  const IPC_NOWAIT = 256
  const PIPE_MASTER = 1
  const PIPE_WORKER = 2
  const PIPE_READ = 3
  const PIPE_WRITE = 4
  const PIPE_TYPE_NONE = 0
  const PIPE_TYPE_STREAM = 1
  const PIPE_TYPE_DGRAM = 2
  public $pipe = NULL
  public $msgQueueId = NULL
  public $msgQueueKey = NULL
  public $pid = NULL
  public $id = NULL
  private $callback = NULL
  public __construct(callable $callback, bool $redirect_stdin_and_stdout = false, int $pipe_type = SOCK_DGRAM, bool $enable_coroutine = false) [required 1]
  public __destruct() [required 0]
  public static wait(bool $blocking = true): array|false [required 0]
  public static signal(int $signal_no, ?callable $callback = NULL): bool [required 1]
  public static alarm(int $usec, int $type = 0): bool [required 1]
  public static kill(int $pid, int $signal_no = SIGTERM): bool [required 1]
  public static daemon(bool $nochdir = true, bool $noclose = true, array $pipes = array ()): bool [required 0]
  public static setAffinity(array $cpu_settings): bool [required 1]
  public static getAffinity(): array [required 0]
  public setPriority(int $which, int $priority, ?int $who = NULL): bool [required 2]
  public getPriority(int $which, ?int $who = NULL): int|false [required 1]
  public set(array $settings): void [required 1]
  public setTimeout(float $seconds): bool [required 1]
  public setBlocking(bool $blocking): bool [required 1]
  public useQueue(int $key = 0, int $mode = 2, int $capacity = -1): bool [required 0]
  public statQueue(): array|false [required 0]
  public freeQueue(): bool [required 0]
  public start(): int|bool [required 0]
  public write(string $data): int|false [required 1]
  public close(int $which = 0): bool [required 0]
  public read(int $size = 8192): string|false [required 0]
  public push(string $data): bool [required 1]
  public pop(int $size = 65536): string|false [required 0]
  public exit(int $exit_code = 0): void [required 0]
  public exec(string $exec_file, array $args): bool [required 2]
  public exportSocket(): Swoole\Coroutine\Socket|false [required 0]
  public name(string $process_name): bool [required 1]

class Swoole\Timer:
  class Swoole\Timer
  constructor: none, instantiable: true
  public static tick(int $ms, callable $callback, mixed ...$params): int|false [required 2]
  public static after(int $ms, callable $callback, mixed ...$params): int|false [required 2]
  public static exists(int $timer_id): bool [required 1]
  public static info(int $timer_id): ?array [required 1]
  public static stats(): array [required 0]
  public static list(): Swoole\Timer\Iterator [required 0]
  public static clear(int $timer_id): bool [required 1]
  public static clearAll(): bool [required 0]

class Swoole\Event:
  class Swoole\Event
  constructor: none, instantiable: true
  public static add(mixed $fd, ?callable $read_callback = NULL, ?callable $write_callback = NULL, int $events = SWOOLE_EVENT_READ): int|false [required 1]
  public static del(mixed $fd): bool [required 1]
  public static set(mixed $fd, ?callable $read_callback = NULL, ?callable $write_callback = NULL, int $events = 0): bool [required 1]
  public static isset(mixed $fd, int $events = 1536): bool [required 1]
  public static dispatch(): bool [required 0]
  public static defer(callable $callback): bool [required 1]
  public static cycle(?callable $callback, bool $before = false): bool [required 1]
  public static write(mixed $fd, string $data): bool [required 2]
  public static wait(): void [required 0]
  public static rshutdown(): void [required 0]
  public static exit(): void [required 0]

class Swoole\Client:
  class Swoole\Client
  constructor: public Swoole\Client::__construct, instantiable: true
  const MSG_OOB = 1
  const MSG_PEEK = 2
  const MSG_DONTWAIT = 64
  const MSG_WAITALL = 256
  const SHUT_RDWR = 2
  const SHUT_RD = 0
  const SHUT_WR = 1
  public $errCode = 0
  public $errMsg = ''
  public $sock = -1
  public $reuse = false
  public $reuseCount = 0
  public $type = 0
  public $id = NULL
  public $setting = NULL
  public __construct(int $type, bool $async = SWOOLE_SOCK_SYNC, string $id = '') [required 1]
  public __destruct() [required 0]
  public set(array $settings): bool [required 1]
  public connect(string $host, int $port = 0, float $timeout = 0.5, int $sock_flag = 0): bool [required 1]
  public recv(int $size = 65536, int $flag = 0): string|false [required 0]
  public send(string $data, int $flag = 0): int|false [required 1]
  public sendfile(string $filename, int $offset = 0, int $length = 0): bool [required 1]
  public sendto(string $ip, int $port, string $data): bool [required 3]
  public shutdown(int $how): bool [required 1]
  public enableSSL(?callable $onSslReady = NULL): bool [required 0]
  public getPeerCert(): string|bool [required 0]
  public verifyPeerCert(): bool [required 0]
  public isConnected(): bool [required 0]
  public getsockname(): array|false [required 0]
  public getpeername(): array|false [required 0]
  public close(bool $force = false): bool [required 0]

class Swoole\Connection\Iterator:
  class Swoole\Connection\Iterator implements ArrayAccess, Countable, Iterator, Traversable
  constructor: public Swoole\Connection\Iterator::__construct, instantiable: true
  public __construct() [required 0]
  public __destruct() [required 0]
  public rewind(): void [required 0]
  public next(): void [required 0]
  public current(): mixed [required 0]
  public key(): mixed [required 0]
  public valid(): bool [required 0]
  public count(): int [required 0]
  public offsetExists(mixed $fd): bool [required 1]
  public offsetGet(mixed $fd): mixed [required 1]
  public offsetSet(mixed $fd, mixed $value): void [required 2]
  public offsetUnset(mixed $fd): void [required 1]

class Swoole\Timer\Iterator:
  class Swoole\Timer\Iterator extends ArrayIterator implements ArrayAccess, Countable, Iterator, SeekableIterator, Serializable, Traversable
  constructor: public ArrayIterator::__construct, instantiable: true
  const STD_PROP_LIST = 1
  const ARRAY_AS_PROPS = 2
  inherited: ArrayIterator::__construct, ArrayIterator::offsetExists, ArrayIterator::offsetGet, ArrayIterator::offsetSet, ArrayIterator::offsetUnset, ArrayIterator::append, ArrayIterator::getArrayCopy, ArrayIterator::count, ArrayIterator::getFlags, ArrayIterator::setFlags, ArrayIterator::asort, ArrayIterator::ksort, ArrayIterator::uasort, ArrayIterator::uksort, ArrayIterator::natsort, ArrayIterator::natcasesort, ArrayIterator::unserialize, ArrayIterator::serialize, ArrayIterator::__serialize, ArrayIterator::__unserialize, ArrayIterator::rewind, ArrayIterator::current, ArrayIterator::key, ArrayIterator::next, ArrayIterator::valid, ArrayIterator::seek, ArrayIterator::__debugInfo

class Swoole\Exception:
  class Swoole\Exception extends Exception implements Stringable, Throwable
  constructor: public Exception::__construct, instantiable: true
  protected $message = ''
  protected $code = 0
  protected string $file = ''
  protected int $line = 0
  inherited: Exception::__construct, Exception::__wakeup, Exception::getMessage, Exception::getCode, Exception::getFile, Exception::getLine, Exception::getTrace, Exception::getPrevious, Exception::getTraceAsString, Exception::__toString

class Swoole\Error:
  class Swoole\Error extends Error implements Stringable, Throwable
  constructor: public Error::__construct, instantiable: true
  protected $message = ''
  protected $code = 0
  protected string $file = ''
  protected int $line
  inherited: Error::__construct, Error::__wakeup, Error::getMessage, Error::getCode, Error::getFile, Error::getLine, Error::getTrace, Error::getPrevious, Error::getTraceAsString, Error::__toString

class Swoole\Process\Pool:
  class Swoole\Process\Pool
  constructor: public Swoole\Process\Pool::__construct, instantiable: true
  public $master_pid = -1
  public $workerPid = -1
  public $workerId = -1
  public $workers = NULL
  public $workerRunning = true
  public $running = true
  public __construct(int $worker_num, int $ipc_type = SWOOLE_IPC_NONE, int $msgqueue_key = 0, bool $enable_coroutine = false) [required 1]
  public __destruct() [required 0]
  public set(array $settings): void [required 1]
  public on(string $name, callable $callback): bool [required 2]
  public getProcess(int $work_id = -1): Swoole\Process|false [required 0]
  public listen(string $host, int $port = 0, int $backlog = 2048): bool [required 1]
  public write(string $data): bool [required 1]
  public sendMessage(string $data, int $dst_worker_id): bool [required 2]
  public detach(): bool [required 0]
  public start(): ?false [required 0]
  public stop(): void [required 0]
  public shutdown(): bool [required 0]

class Swoole\Table:
  class Swoole\Table implements Countable, Iterator, Traversable
  constructor: public Swoole\Table::__construct, instantiable: true
  const TYPE_INT = 1
  const TYPE_STRING = 3
  const TYPE_FLOAT = 2
  public $size = NULL
  public $memorySize = NULL
  public __construct(int $table_size, float $conflict_proportion = 0.2) [required 1]
  public column(string $name, int $type, int $size = 0): bool [required 2]
  public create(): bool [required 0]
  public destroy(): bool [required 0]
  public set(string $key, array $value): bool [required 2]
  public add(string $key, array $values): bool [required 2]
  public update(string $key, array $values): bool [required 2]
  public cmpset(string $key, array $expected, array $values): bool [required 3]
  public get(string $key, ?string $field = NULL): array|string|int|float|false [required 1]
  public getdel(string $key, ?string $field = NULL): array|string|int|float|false [required 1]
  public count(): int [required 0]
  public del(string $key): bool [required 1]
  public delete(string $key): bool [required 1]
  public cmpdel(string $key, array $expected): bool [required 2]
  public exists(string $key): bool [required 1]
  public exist(string $key): bool [required 1]
  public incr(string $key, string $column, int|float $incrby = 1): int|float|false [required 2]
  public decr(string $key, string $column, int|float $incrby = 1): int|float|false [required 2]
  public getSize(): int [required 0]
  public getMemorySize(): int [required 0]
  public stats(): array|false [required 0]
  public rewind(): void [required 0]
  public valid(): bool [required 0]
  public next(): void [required 0]
  public current(): mixed [required 0]
  public key(): mixed [required 0]

class Swoole\Atomic:
  class Swoole\Atomic
  constructor: public Swoole\Atomic::__construct, instantiable: true
  public __construct(int $value = 0) [required 0]
  public add(int $add_value = 1): int [required 0]
  public sub(int $sub_value = 1): int [required 0]
  public get(): int [required 0]
  public set(int $value): void [required 1]
  public wait(float $timeout = 1.0): bool [required 0]
  public wakeup(int $count = 1): bool [required 0]
  public cmpset(int $cmp_value, int $new_value): bool [required 2]

class Swoole\Atomic\Long:
  class Swoole\Atomic\Long
  constructor: public Swoole\Atomic\Long::__construct, instantiable: true
  public __construct(int $value = 0) [required 0]
  public add(int $add_value = 1): int [required 0]
  public sub(int $sub_value = 1): int [required 0]
  public get(): int [required 0]
  public set(int $value): void [required 1]
  public cmpset(int $cmp_value, int $new_value): bool [required 2]

class Swoole\Lock:
  class Swoole\Lock
  constructor: public Swoole\Lock::__construct, instantiable: true
  const MUTEX = 3
  const RWLOCK = 1
  const SPINLOCK = 5
  public $errCode = 0
  public __construct(int $type = SWOOLE_MUTEX) [required 0]
  public lock(int $operation = LOCK_EX, float $timeout = -1): bool [required 0]
  public unlock(): bool [required 0]

class Swoole\Http\Server:
  class Swoole\Http\Server extends Swoole\Server
  constructor: public Swoole\Server::__construct, instantiable: true
  public $setting = NULL
  public $connections = NULL
  public $host = ''
  public $port = 0
  public $type = 0
  public $ssl = false
  public $mode = 0
  public $ports = NULL
  public $master_pid = 0
  public $manager_pid = 0
  public $worker_id = -1
  public $taskworker = false
  public $worker_pid = 0
  public $stats_timer = NULL
  public $admin_server = NULL
  (Swoole\Server) public __construct(string $host = '0.0.0.0', int $port = 0, int $mode = SWOOLE_BASE, int $sock_type = SWOOLE_SOCK_TCP) [required 0]
  (Swoole\Server) public __destruct() [required 0]
  (Swoole\Server) public listen(string $host, int $port, int $sock_type): Swoole\Server\Port|false [required 3]
  (Swoole\Server) public addlistener(string $host, int $port, int $sock_type): Swoole\Server\Port|false [required 3]
  (Swoole\Server) public on(string $event_name, callable $callback): bool [required 2]
  (Swoole\Server) public getCallback(string $event_name): Closure|array|string|null [required 1]
  (Swoole\Server) public set(array $settings): bool [required 1]
  (Swoole\Server) public start(): bool [required 0]
  (Swoole\Server) public send(string|int $fd, string $send_data, int $serverSocket = -1): bool [required 2]
  (Swoole\Server) public sendto(string $ip, int $port, string $send_data, int $server_socket = -1): bool [required 3]
  (Swoole\Server) public sendwait(int $conn_fd, string $send_data): bool [required 2]
  (Swoole\Server) public exists(int $fd): bool [required 1]
  (Swoole\Server) public exist(int $fd): bool [required 1]
  (Swoole\Server) public protect(int $fd, bool $is_protected = true): bool [required 1]
  (Swoole\Server) public sendfile(int $conn_fd, string $filename, int $offset = 0, int $length = 0): bool [required 2]
  (Swoole\Server) public close(int $fd, bool $reset = false): bool [required 1]
  (Swoole\Server) public confirm(int $fd): bool [required 1]
  (Swoole\Server) public pause(int $fd): bool [required 1]
  (Swoole\Server) public resume(int $fd): bool [required 1]
  (Swoole\Server) public task(mixed $data, int $taskWorkerIndex = -1, ?callable $finishCallback = NULL): int|false [required 1]
  (Swoole\Server) public taskwait(mixed $data, float $timeout = 0.5, int $taskWorkerIndex = -1): mixed [required 1]
  (Swoole\Server) public taskWaitMulti(array $tasks, float $timeout = 0.5): array|false [required 1]
  (Swoole\Server) public taskCo(array $tasks, float $timeout = 0.5): array|false [required 1]
  (Swoole\Server) public finish(mixed $data): bool [required 1]
  (Swoole\Server) public reload(bool $only_reload_taskworker = false): bool [required 0]
  (Swoole\Server) public shutdown(): bool [required 0]
  (Swoole\Server) public stop(int $workerId = -1): bool [required 0]
  (Swoole\Server) public getLastError(): int [required 0]
  (Swoole\Server) public heartbeat(bool $ifCloseConnection = true): array|false [required 0]
  (Swoole\Server) public getClientInfo(int $fd, int $reactor_id = -1, bool $ignoreError = false): array|false [required 1]
  (Swoole\Server) public getClientList(int $start_fd = 0, int $find_count = 10): array|false [required 0]
  (Swoole\Server) public getWorkerId(): int|false [required 0]
  (Swoole\Server) public getWorkerPid(int $worker_id = -1): int|false [required 0]
  (Swoole\Server) public getWorkerStatus(int $worker_id = -1): int|false [required 0]
  (Swoole\Server) public getManagerPid(): int [required 0]
  (Swoole\Server) public getMasterPid(): int [required 0]
  (Swoole\Server) public connection_info(int $fd, int $reactor_id = -1, bool $ignoreError = false): array|false [required 1]
  (Swoole\Server) public connection_list(int $start_fd = 0, int $find_count = 10): array|false [required 0]
  (Swoole\Server) public sendMessage(mixed $message, int $dst_worker_id): bool [required 2]
  (Swoole\Server) public command(string $name, int $process_id, int $process_type, mixed $data, bool $json_decode = true): array|string|false [required 4]
  (Swoole\Server) public addCommand(string $name, int $accepted_process_types, callable $callback): bool [required 3]
  (Swoole\Server) public addProcess(Swoole\Process $process): int|false [required 1]
  (Swoole\Server) public stats(): array [required 0]
  (Swoole\Server) public bind(int $fd, int $uid): bool [required 2]
  (Swoole\Server) public tick(int $ms, callable $callback, mixed ...$params): int|false [required 2]
  (Swoole\Server) public after(int $ms, callable $callback, mixed ...$params): int|false [required 2]
  (Swoole\Server) public clearTimer(int $timer_id): bool [required 1]
  (Swoole\Server) public defer(callable $callback): bool [required 1]

class Swoole\Http\Request:
  class Swoole\Http\Request
  constructor: none, instantiable: true
  public $fd = 0
  public $streamId = 0
  public $header = NULL
  public $server = NULL
  public $cookie = NULL
  public $get = NULL
  public $files = NULL
  public $post = NULL
  public $tmpfiles = NULL
  public getContent(): string|false [required 0]
  public rawContent(): string|false [required 0]
  public getData(): string|false [required 0]
  public static create(array $options = array ()): Swoole\Http\Request [required 0]
  public parse(string $data): int|false [required 1]
  public isCompleted(): bool [required 0]
  public getMethod(): string|false [required 0]

class Swoole\Http\Response:
  class Swoole\Http\Response
  constructor: none, instantiable: true
  public $fd = 0
  public $socket = NULL
  public $header = NULL
  public $cookie = NULL
  public $trailer = NULL
  public initHeader(): bool [required 0]
  public isWritable(): bool [required 0]
  public cookie(Swoole\Http\Cookie|string $name_or_object, string $value = '', int $expires = 0, string $path = '/', string $domain = '', bool $secure = false, bool $httponly = false, string $samesite = '', string $priority = '', bool $partitioned = false): bool [required 1]
  public setCookie(Swoole\Http\Cookie|string $name_or_object, string $value = '', int $expires = 0, string $path = '/', string $domain = '', bool $secure = false, bool $httponly = false, string $samesite = '', string $priority = '', bool $partitioned = false): bool [required 1]
  public rawcookie(Swoole\Http\Cookie|string $name_or_object, string $value = '', int $expires = 0, string $path = '/', string $domain = '', bool $secure = false, bool $httponly = false, string $samesite = '', string $priority = '', bool $partitioned = false): bool [required 1]
  public setRawCookie(Swoole\Http\Cookie|string $name_or_object, string $value = '', int $expires = 0, string $path = '/', string $domain = '', bool $secure = false, bool $httponly = false, string $samesite = '', string $priority = '', bool $partitioned = false): bool [required 1]
  public status(int $http_code, string $reason = ''): bool [required 1]
  public setStatusCode(int $http_code, string $reason = ''): bool [required 1]
  public header(string $key, array|string $value, bool $format = true): bool [required 2]
  public setHeader(string $key, array|string $value, bool $format = true): bool [required 2]
  public trailer(string $key, string $value): bool [required 2]
  public ping(string $data = ''): bool [required 0]
  public goaway(int $error_code = SWOOLE_HTTP2_ERROR_NO_ERROR, string $debug_data = ''): bool [required 0]
  public write(string $content): bool [required 1]
  public end(?string $content = NULL): bool [required 0]
  public sendfile(string $filename, int $offset = 0, int $length = 0): bool [required 1]
  public redirect(string $location, int $http_code = 302): bool [required 1]
  public detach(): bool [required 0]
  public static create(object|array|int $server = -1, int $fd = -1): Swoole\Http\Response|false [required 0]
  public upgrade(): bool [required 0]
  public push(Swoole\WebSocket\Frame|string $data, int $opcode = SWOOLE_WEBSOCKET_OPCODE_TEXT, int $flags = SWOOLE_WEBSOCKET_FLAG_FIN): bool [required 1]
  public recv(float $timeout = 0): Swoole\WebSocket\Frame|string|false [required 0]
  public close(): bool [required 0]
  public disconnect(int $code = SWOOLE_WEBSOCKET_CLOSE_NORMAL, string $reason = ''): bool [required 0]

class Swoole\Http\Cookie:
  class Swoole\Http\Cookie
  constructor: public Swoole\Http\Cookie::__construct, instantiable: true
  public __construct(bool $encode = true) [required 0]
  public withName(string $name): Swoole\Http\Cookie [required 1]
  public withValue(string $value = ''): Swoole\Http\Cookie [required 0]
  public withExpires(int $expires = 0): Swoole\Http\Cookie [required 0]
  public withPath(string $path = '/'): Swoole\Http\Cookie [required 0]
  public withDomain(string $domain = ''): Swoole\Http\Cookie [required 0]
  public withSecure(bool $secure = false): Swoole\Http\Cookie [required 0]
  public withHttpOnly(bool $httpOnly = false): Swoole\Http\Cookie [required 0]
  public withSameSite(string $sameSite = ''): Swoole\Http\Cookie [required 0]
  public withPriority(string $priority = ''): Swoole\Http\Cookie [required 0]
  public withPartitioned(bool $partitioned = false): Swoole\Http\Cookie [required 0]
  public toString(): string|false [required 0]
  public toArray(): array [required 0]
  public reset(): void [required 0]

class Swoole\WebSocket\Server:
  class Swoole\WebSocket\Server extends Swoole\Http\Server
  constructor: public Swoole\Server::__construct, instantiable: true
  public $setting = NULL
  public $connections = NULL
  public $host = ''
  public $port = 0
  public $type = 0
  public $ssl = false
  public $mode = 0
  public $ports = NULL
  public $master_pid = 0
  public $manager_pid = 0
  public $worker_id = -1
  public $taskworker = false
  public $worker_pid = 0
  public $stats_timer = NULL
  public $admin_server = NULL
  public push(int $fd, Swoole\WebSocket\Frame|string $data, int $opcode = WEBSOCKET_OPCODE_TEXT, int $flags = SWOOLE_WEBSOCKET_FLAG_FIN): bool [required 2]
  public disconnect(int $fd, int $code = SWOOLE_WEBSOCKET_CLOSE_NORMAL, string $reason = ''): bool [required 1]
  public ping(int $fd, string $data = ''): bool [required 1]
  public isEstablished(int $fd): bool [required 1]
  public static pack(Swoole\WebSocket\Frame|string $data, int $opcode = WEBSOCKET_OPCODE_TEXT, int $flags = SWOOLE_WEBSOCKET_FLAG_FIN): string [required 1]
  public static unpack(string $data): Swoole\WebSocket\Frame [required 1]
  (Swoole\Server) public __construct(string $host = '0.0.0.0', int $port = 0, int $mode = SWOOLE_BASE, int $sock_type = SWOOLE_SOCK_TCP) [required 0]
  (Swoole\Server) public __destruct() [required 0]
  (Swoole\Server) public listen(string $host, int $port, int $sock_type): Swoole\Server\Port|false [required 3]
  (Swoole\Server) public addlistener(string $host, int $port, int $sock_type): Swoole\Server\Port|false [required 3]
  (Swoole\Server) public on(string $event_name, callable $callback): bool [required 2]
  (Swoole\Server) public getCallback(string $event_name): Closure|array|string|null [required 1]
  (Swoole\Server) public set(array $settings): bool [required 1]
  (Swoole\Server) public start(): bool [required 0]
  (Swoole\Server) public send(string|int $fd, string $send_data, int $serverSocket = -1): bool [required 2]
  (Swoole\Server) public sendto(string $ip, int $port, string $send_data, int $server_socket = -1): bool [required 3]
  (Swoole\Server) public sendwait(int $conn_fd, string $send_data): bool [required 2]
  (Swoole\Server) public exists(int $fd): bool [required 1]
  (Swoole\Server) public exist(int $fd): bool [required 1]
  (Swoole\Server) public protect(int $fd, bool $is_protected = true): bool [required 1]
  (Swoole\Server) public sendfile(int $conn_fd, string $filename, int $offset = 0, int $length = 0): bool [required 2]
  (Swoole\Server) public close(int $fd, bool $reset = false): bool [required 1]
  (Swoole\Server) public confirm(int $fd): bool [required 1]
  (Swoole\Server) public pause(int $fd): bool [required 1]
  (Swoole\Server) public resume(int $fd): bool [required 1]
  (Swoole\Server) public task(mixed $data, int $taskWorkerIndex = -1, ?callable $finishCallback = NULL): int|false [required 1]
  (Swoole\Server) public taskwait(mixed $data, float $timeout = 0.5, int $taskWorkerIndex = -1): mixed [required 1]
  (Swoole\Server) public taskWaitMulti(array $tasks, float $timeout = 0.5): array|false [required 1]
  (Swoole\Server) public taskCo(array $tasks, float $timeout = 0.5): array|false [required 1]
  (Swoole\Server) public finish(mixed $data): bool [required 1]
  (Swoole\Server) public reload(bool $only_reload_taskworker = false): bool [required 0]
  (Swoole\Server) public shutdown(): bool [required 0]
  (Swoole\Server) public stop(int $workerId = -1): bool [required 0]
  (Swoole\Server) public getLastError(): int [required 0]
  (Swoole\Server) public heartbeat(bool $ifCloseConnection = true): array|false [required 0]
  (Swoole\Server) public getClientInfo(int $fd, int $reactor_id = -1, bool $ignoreError = false): array|false [required 1]
  (Swoole\Server) public getClientList(int $start_fd = 0, int $find_count = 10): array|false [required 0]
  (Swoole\Server) public getWorkerId(): int|false [required 0]
  (Swoole\Server) public getWorkerPid(int $worker_id = -1): int|false [required 0]
  (Swoole\Server) public getWorkerStatus(int $worker_id = -1): int|false [required 0]
  (Swoole\Server) public getManagerPid(): int [required 0]
  (Swoole\Server) public getMasterPid(): int [required 0]
  (Swoole\Server) public connection_info(int $fd, int $reactor_id = -1, bool $ignoreError = false): array|false [required 1]
  (Swoole\Server) public connection_list(int $start_fd = 0, int $find_count = 10): array|false [required 0]
  (Swoole\Server) public sendMessage(mixed $message, int $dst_worker_id): bool [required 2]
  (Swoole\Server) public command(string $name, int $process_id, int $process_type, mixed $data, bool $json_decode = true): array|string|false [required 4]
  (Swoole\Server) public addCommand(string $name, int $accepted_process_types, callable $callback): bool [required 3]
  (Swoole\Server) public addProcess(Swoole\Process $process): int|false [required 1]
  (Swoole\Server) public stats(): array [required 0]
  (Swoole\Server) public bind(int $fd, int $uid): bool [required 2]
  (Swoole\Server) public tick(int $ms, callable $callback, mixed ...$params): int|false [required 2]
  (Swoole\Server) public after(int $ms, callable $callback, mixed ...$params): int|false [required 2]
  (Swoole\Server) public clearTimer(int $timer_id): bool [required 1]
  (Swoole\Server) public defer(callable $callback): bool [required 1]

class Swoole\WebSocket\Frame:
  class Swoole\WebSocket\Frame implements Stringable
  constructor: none, instantiable: true
  public $fd = 0
  public $data = ''
  public $opcode = 1
  public $flags = 1
  public $finish = NULL
  public __toString(): string [required 0]
  public static pack(Swoole\WebSocket\Frame|string $data, int $opcode = WEBSOCKET_OPCODE_TEXT, int $flags = SWOOLE_WEBSOCKET_FLAG_FIN): string [required 1]
  public static unpack(string $data): Swoole\WebSocket\Frame [required 1]

class Swoole\WebSocket\CloseFrame:
  class Swoole\WebSocket\CloseFrame extends Swoole\WebSocket\Frame implements Stringable
  constructor: none, instantiable: true
  public $fd = 0
  public $data = ''
  public $flags = 1
  public $finish = NULL
  public $opcode = 8
  public $code = 1000
  public $reason = ''
  (Swoole\WebSocket\Frame) public __toString(): string [required 0]
  (Swoole\WebSocket\Frame) public static pack(Swoole\WebSocket\Frame|string $data, int $opcode = WEBSOCKET_OPCODE_TEXT, int $flags = SWOOLE_WEBSOCKET_FLAG_FIN): string [required 1]
  (Swoole\WebSocket\Frame) public static unpack(string $data): Swoole\WebSocket\Frame [required 1]

class aliases:
  swoole_server => Swoole\Server
  swoole_server_port => Swoole\Server\Port
  swoole_process => Swoole\Process
  swoole_client => Swoole\Client
  swoole_exception => Swoole\Exception
  swoole_error => Swoole\Error
