<?php
/**
 * IDE stubs for the `swoole` extension written in Rust (Swoole 6.2.1 API level).
 * Only what this build implements is listed; see docs/COMPATIBILITY.md. Every global function and constant is
 * here with Swoole's signature and value, and the classes' methods, properties and constants are what the
 * extension's Reflection shows, in its order (tests-phpt/api_stubs.phpt checks it).
 *
 * @noinspection PhpUnused
 */

namespace {
    // Every constant this build defines, with Swoole 6.2.1's value. Not defined here (this build lacks the
    // feature): SWOOLE_USE_HTTP2. Without
    // ext-sockets, its AF_*, SOCK_*, SO_*, SOL_*, MSG_*, SOCKET_E*, IP* constants are defined too (as Swoole does).
    const SWOOLE_VERSION_ID = 60201;
    const SWOOLE_MAJOR_VERSION = 6;
    const SWOOLE_MINOR_VERSION = 2;
    const SWOOLE_RELEASE_VERSION = 1;
    const SWOOLE_SOCK_TCP = 1;
    const SWOOLE_SOCK_TCP6 = 3;
    const SWOOLE_SOCK_UDP = 2;
    const SWOOLE_SOCK_UDP6 = 4;
    const SWOOLE_SOCK_UNIX_DGRAM = 6;
    const SWOOLE_SOCK_UNIX_STREAM = 5;
    const SWOOLE_SOCK_RAW = 7;
    const SWOOLE_SOCK_RAW6 = 8;
    const SWOOLE_TCP = 1;
    const SWOOLE_TCP6 = 3;
    const SWOOLE_UDP = 2;
    const SWOOLE_UDP6 = 4;
    const SWOOLE_UNIX_DGRAM = 6;
    const SWOOLE_UNIX_STREAM = 5;
    const SWOOLE_RAW = 7;
    const SWOOLE_RAW6 = 8;
    const SWOOLE_SSL = 512;
    const SWOOLE_SSLv3_METHOD = 1;
    const SWOOLE_SSLv3_SERVER_METHOD = 2;
    const SWOOLE_SSLv3_CLIENT_METHOD = 3;
    const SWOOLE_TLSv1_METHOD = 6;
    const SWOOLE_TLSv1_SERVER_METHOD = 7;
    const SWOOLE_TLSv1_CLIENT_METHOD = 8;
    const SWOOLE_TLSv1_1_METHOD = 9;
    const SWOOLE_TLSv1_1_SERVER_METHOD = 10;
    const SWOOLE_TLSv1_1_CLIENT_METHOD = 11;
    const SWOOLE_TLSv1_2_METHOD = 12;
    const SWOOLE_TLSv1_2_SERVER_METHOD = 13;
    const SWOOLE_TLSv1_2_CLIENT_METHOD = 14;
    const SWOOLE_DTLS_SERVER_METHOD = 16;
    const SWOOLE_DTLS_CLIENT_METHOD = 15;
    const SWOOLE_SSLv23_METHOD = 0;
    const SWOOLE_SSLv23_SERVER_METHOD = 4;
    const SWOOLE_SSLv23_CLIENT_METHOD = 5;
    const SWOOLE_TLS_METHOD = 0;
    const SWOOLE_TLS_SERVER_METHOD = 4;
    const SWOOLE_TLS_CLIENT_METHOD = 5;
    const SWOOLE_SSL_TLSv1 = 8;
    const SWOOLE_SSL_TLSv1_1 = 16;
    const SWOOLE_SSL_TLSv1_2 = 32;
    const SWOOLE_SSL_TLSv1_3 = 64;
    const SWOOLE_SSL_DTLS = 128;
    const SWOOLE_SSL_SSLv2 = 2;
    const SWOOLE_EVENT_READ = 512;
    const SWOOLE_EVENT_WRITE = 1024;
    const SWOOLE_STRERROR_SYSTEM = 0;
    const SWOOLE_STRERROR_GAI = 1;
    const SWOOLE_STRERROR_DNS = 2;
    const SWOOLE_STRERROR_SWOOLE = 9;
    const SWOOLE_TRACE_SERVER = 2;
    const SWOOLE_TRACE_CLIENT = 4;
    const SWOOLE_TRACE_BUFFER = 8;
    const SWOOLE_TRACE_CONN = 16;
    const SWOOLE_TRACE_EVENT = 32;
    const SWOOLE_TRACE_WORKER = 64;
    const SWOOLE_TRACE_MEMORY = 128;
    const SWOOLE_TRACE_REACTOR = 256;
    const SWOOLE_TRACE_PHP = 512;
    const SWOOLE_TRACE_HTTP = 1024;
    const SWOOLE_TRACE_HTTP2 = 2048;
    const SWOOLE_TRACE_EOF_PROTOCOL = 4096;
    const SWOOLE_TRACE_LENGTH_PROTOCOL = 8192;
    const SWOOLE_TRACE_CLOSE = 16384;
    const SWOOLE_TRACE_WEBSOCKET = 32768;
    const SWOOLE_TRACE_REDIS_CLIENT = 65536;
    const SWOOLE_TRACE_MYSQL_CLIENT = 131072;
    const SWOOLE_TRACE_HTTP_CLIENT = 262144;
    const SWOOLE_TRACE_AIO = 524288;
    const SWOOLE_TRACE_SSL = 1048576;
    const SWOOLE_TRACE_NORMAL = 2097152;
    const SWOOLE_TRACE_CHANNEL = 4194304;
    const SWOOLE_TRACE_TIMER = 8388608;
    const SWOOLE_TRACE_SOCKET = 16777216;
    const SWOOLE_TRACE_COROUTINE = 33554432;
    const SWOOLE_TRACE_CONTEXT = 67108864;
    const SWOOLE_TRACE_CO_HTTP_SERVER = 134217728;
    const SWOOLE_TRACE_TABLE = 268435456;
    const SWOOLE_TRACE_CO_CURL = 536870912;
    const SWOOLE_TRACE_CARES = 1073741824;
    const SWOOLE_TRACE_ZLIB = 2147483648;
    const SWOOLE_TRACE_CO_PGSQL = 4294967296;
    const SWOOLE_TRACE_CO_ODBC = 8589934592;
    const SWOOLE_TRACE_CO_ORACLE = 17179869184;
    const SWOOLE_TRACE_CO_SQLITE = 34359738368;
    const SWOOLE_TRACE_CO_FIREBIRD = 68719476736;
    const SWOOLE_TRACE_CO_SSH2 = 137438953472;
    const SWOOLE_TRACE_THREAD = 1099511627776;
    const SWOOLE_TRACE_ALL = 9223372036854775807;
    const SWOOLE_LOG_DEBUG = 0;
    const SWOOLE_LOG_TRACE = 1;
    const SWOOLE_LOG_INFO = 2;
    const SWOOLE_LOG_NOTICE = 3;
    const SWOOLE_LOG_WARNING = 4;
    const SWOOLE_LOG_ERROR = 5;
    const SWOOLE_LOG_NONE = 6;
    const SWOOLE_LOG_ROTATION_SINGLE = 0;
    const SWOOLE_LOG_ROTATION_MONTHLY = 1;
    const SWOOLE_LOG_ROTATION_DAILY = 2;
    const SWOOLE_LOG_ROTATION_HOURLY = 3;
    const SWOOLE_LOG_ROTATION_EVERY_MINUTE = 4;
    const SWOOLE_IPC_NONE = 0;
    const SWOOLE_IPC_UNIXSOCK = 1;
    const SWOOLE_IPC_SOCKET = 3;
    const SWOOLE_IOV_MAX = 1024;
    const SWOOLE_MSGQUEUE_ORIENT = 1;
    const SWOOLE_MSGQUEUE_BALANCE = 2;
    const SWOOLE_TIMER_MIN_MS = 1;
    const SWOOLE_TIMER_MAX_MS = 9223372036854775807;
    const SWOOLE_DEFAULT_MAX_CORO_NUM = 100000;
    const SWOOLE_CORO_MAX_NUM_LIMIT = 9223372036854775807;
    const SWOOLE_CORO_INIT = 0;
    const SWOOLE_CORO_WAITING = 1;
    const SWOOLE_CORO_RUNNING = 2;
    const SWOOLE_CORO_END = 3;
    const SWOOLE_EXIT_IN_COROUTINE = 2;
    const SWOOLE_EXIT_IN_SERVER = 4;
    const FILE_LOCK = 2;
    const SWOOLE_CHANNEL_OK = 0;
    const SWOOLE_CHANNEL_TIMEOUT = -1;
    const SWOOLE_CHANNEL_CLOSED = -2;
    const SWOOLE_CHANNEL_CANCELED = -3;
    const SWOOLE_HOOK_TCP = 2;
    const SWOOLE_HOOK_UDP = 4;
    const SWOOLE_HOOK_UNIX = 8;
    const SWOOLE_HOOK_UDG = 16;
    const SWOOLE_HOOK_SSL = 32;
    const SWOOLE_HOOK_TLS = 64;
    const SWOOLE_HOOK_STREAM_FUNCTION = 128;
    const SWOOLE_HOOK_STREAM_SELECT = 128;
    const SWOOLE_HOOK_FILE = 256;
    const SWOOLE_HOOK_STDIO = 32768;
    const SWOOLE_HOOK_SLEEP = 512;
    const SWOOLE_HOOK_PROC = 1024;
    const SWOOLE_HOOK_CURL = 2048;
    const SWOOLE_HOOK_NATIVE_CURL = 4096;
    const SWOOLE_HOOK_SOCKETS = 16384;
    const SWOOLE_HOOK_NET_FUNCTION = 2097152;
    const SWOOLE_HOOK_MONGODB = 4194304;
    const SWOOLE_HOOK_ALL = 2143285247;
    const SOCKET_ECANCELED = 125;
    const TCP_INFO = 11;
    const SWOOLE_SYNC = 2048;
    const SWOOLE_ASYNC = 1024;
    const SWOOLE_KEEP = 4096;
    const SWOOLE_HTTP_CLIENT_ESTATUS_CONNECT_FAILED = -1;
    const SWOOLE_HTTP_CLIENT_ESTATUS_REQUEST_TIMEOUT = -2;
    const SWOOLE_HTTP_CLIENT_ESTATUS_SERVER_RESET = -3;
    const SWOOLE_HTTP_CLIENT_ESTATUS_SEND_FAILED = -4;
    const SWOOLE_HTTP2_TYPE_DATA = 0;
    const SWOOLE_HTTP2_TYPE_HEADERS = 1;
    const SWOOLE_HTTP2_TYPE_PRIORITY = 2;
    const SWOOLE_HTTP2_TYPE_RST_STREAM = 3;
    const SWOOLE_HTTP2_TYPE_SETTINGS = 4;
    const SWOOLE_HTTP2_TYPE_PUSH_PROMISE = 5;
    const SWOOLE_HTTP2_TYPE_PING = 6;
    const SWOOLE_HTTP2_TYPE_GOAWAY = 7;
    const SWOOLE_HTTP2_TYPE_WINDOW_UPDATE = 8;
    const SWOOLE_HTTP2_TYPE_CONTINUATION = 9;
    const SWOOLE_HTTP2_ERROR_NO_ERROR = 0;
    const SWOOLE_HTTP2_ERROR_PROTOCOL_ERROR = 1;
    const SWOOLE_HTTP2_ERROR_INTERNAL_ERROR = 2;
    const SWOOLE_HTTP2_ERROR_FLOW_CONTROL_ERROR = 3;
    const SWOOLE_HTTP2_ERROR_SETTINGS_TIMEOUT = 4;
    const SWOOLE_HTTP2_ERROR_STREAM_CLOSED = 5;
    const SWOOLE_HTTP2_ERROR_FRAME_SIZE_ERROR = 6;
    const SWOOLE_HTTP2_ERROR_REFUSED_STREAM = 7;
    const SWOOLE_HTTP2_ERROR_CANCEL = 8;
    const SWOOLE_HTTP2_ERROR_COMPRESSION_ERROR = 9;
    const SWOOLE_HTTP2_ERROR_CONNECT_ERROR = 10;
    const SWOOLE_HTTP2_ERROR_ENHANCE_YOUR_CALM = 11;
    const SWOOLE_HTTP2_ERROR_INADEQUATE_SECURITY = 12;
    const SWOOLE_HTTP2_ERROR_HTTP_1_1_REQUIRED = 13;
    const SWOOLE_BASE = 1;
    const SWOOLE_PROCESS = 2;
    const SWOOLE_IPC_UNSOCK = 1;
    const SWOOLE_IPC_MSGQUEUE = 2;
    const SWOOLE_IPC_PREEMPTIVE = 3;
    const SWOOLE_SERVER_COMMAND_MASTER = 2;
    const SWOOLE_SERVER_COMMAND_MANAGER = 32;
    const SWOOLE_SERVER_COMMAND_REACTOR_THREAD = 4;
    const SWOOLE_SERVER_COMMAND_EVENT_WORKER = 8;
    const SWOOLE_SERVER_COMMAND_WORKER = 8;
    const SWOOLE_SERVER_COMMAND_TASK_WORKER = 16;
    const SWOOLE_DISPATCH_ROUND = 1;
    const SWOOLE_DISPATCH_FDMOD = 2;
    const SWOOLE_DISPATCH_IDLE_WORKER = 3;
    const SWOOLE_DISPATCH_IPMOD = 4;
    const SWOOLE_DISPATCH_UIDMOD = 5;
    const SWOOLE_DISPATCH_USERFUNC = 6;
    const SWOOLE_DISPATCH_STREAM = 7;
    const SWOOLE_DISPATCH_CO_CONN_LB = 8;
    const SWOOLE_DISPATCH_CO_REQ_LB = 9;
    const SWOOLE_DISPATCH_CONCURRENT_LB = 10;
    const SWOOLE_DISPATCH_RESULT_DISCARD_PACKET = -1;
    const SWOOLE_DISPATCH_RESULT_CLOSE_CONNECTION = -2;
    const SWOOLE_DISPATCH_RESULT_USERFUNC_FALLBACK = -3;
    const SWOOLE_TASK_TMPFILE = 1;
    const SWOOLE_TASK_SERIALIZE = 2;
    const SWOOLE_TASK_NONBLOCK = 4;
    const SWOOLE_TASK_CALLBACK = 8;
    const SWOOLE_TASK_WAITALL = 16;
    const SWOOLE_TASK_COROUTINE = 32;
    const SWOOLE_TASK_PEEK = 64;
    const SWOOLE_TASK_NOREPLY = 128;
    const SWOOLE_WORKER_BUSY = 1;
    const SWOOLE_WORKER_IDLE = 2;
    const SWOOLE_WORKER_EXIT = 3;
    const SWOOLE_WEBSOCKET_STATUS_CONNECTION = 1;
    const SWOOLE_WEBSOCKET_STATUS_HANDSHAKE = 2;
    const SWOOLE_WEBSOCKET_STATUS_ACTIVE = 3;
    const SWOOLE_WEBSOCKET_STATUS_CLOSING = 4;
    const SWOOLE_WEBSOCKET_OPCODE_CONTINUATION = 0;
    const SWOOLE_WEBSOCKET_OPCODE_TEXT = 1;
    const SWOOLE_WEBSOCKET_OPCODE_BINARY = 2;
    const SWOOLE_WEBSOCKET_OPCODE_CLOSE = 8;
    const SWOOLE_WEBSOCKET_OPCODE_PING = 9;
    const SWOOLE_WEBSOCKET_OPCODE_PONG = 10;
    const SWOOLE_WEBSOCKET_FLAG_FIN = 1;
    const SWOOLE_WEBSOCKET_FLAG_RSV1 = 4;
    const SWOOLE_WEBSOCKET_FLAG_RSV2 = 8;
    const SWOOLE_WEBSOCKET_FLAG_RSV3 = 16;
    const SWOOLE_WEBSOCKET_FLAG_MASK = 32;
    const SWOOLE_WEBSOCKET_FLAG_COMPRESS = 2;
    const SWOOLE_WEBSOCKET_CLOSE_NORMAL = 1000;
    const SWOOLE_WEBSOCKET_CLOSE_GOING_AWAY = 1001;
    const SWOOLE_WEBSOCKET_CLOSE_PROTOCOL_ERROR = 1002;
    const SWOOLE_WEBSOCKET_CLOSE_DATA_ERROR = 1003;
    const SWOOLE_WEBSOCKET_CLOSE_STATUS_ERROR = 1005;
    const SWOOLE_WEBSOCKET_CLOSE_ABNORMAL = 1006;
    const SWOOLE_WEBSOCKET_CLOSE_MESSAGE_ERROR = 1007;
    const SWOOLE_WEBSOCKET_CLOSE_POLICY_ERROR = 1008;
    const SWOOLE_WEBSOCKET_CLOSE_MESSAGE_TOO_BIG = 1009;
    const SWOOLE_WEBSOCKET_CLOSE_EXTENSION_MISSING = 1010;
    const SWOOLE_WEBSOCKET_CLOSE_SERVER_ERROR = 1011;
    const SWOOLE_WEBSOCKET_CLOSE_CLOSE_SERVICE_RESTART = 1012;
    const SWOOLE_WEBSOCKET_CLOSE_TRY_AGAIN_LATER = 1013;
    const SWOOLE_WEBSOCKET_CLOSE_BAD_GATEWAY = 1014;
    const SWOOLE_WEBSOCKET_CLOSE_TLS = 1015;
    const WEBSOCKET_STATUS_CONNECTION = 1;
    const WEBSOCKET_STATUS_HANDSHAKE = 2;
    const WEBSOCKET_STATUS_FRAME = 3;
    const WEBSOCKET_STATUS_ACTIVE = 3;
    const WEBSOCKET_STATUS_CLOSING = 4;
    const WEBSOCKET_STATUS_HANDSHAKE_FAILED = 5;
    const WEBSOCKET_OPCODE_CONTINUATION = 0;
    const WEBSOCKET_OPCODE_TEXT = 1;
    const WEBSOCKET_OPCODE_BINARY = 2;
    const WEBSOCKET_OPCODE_CLOSE = 8;
    const WEBSOCKET_OPCODE_PING = 9;
    const WEBSOCKET_OPCODE_PONG = 10;
    const WEBSOCKET_CLOSE_NORMAL = 1000;
    const WEBSOCKET_CLOSE_GOING_AWAY = 1001;
    const WEBSOCKET_CLOSE_PROTOCOL_ERROR = 1002;
    const WEBSOCKET_CLOSE_DATA_ERROR = 1003;
    const WEBSOCKET_CLOSE_STATUS_ERROR = 1005;
    const WEBSOCKET_CLOSE_ABNORMAL = 1006;
    const WEBSOCKET_CLOSE_MESSAGE_ERROR = 1007;
    const WEBSOCKET_CLOSE_POLICY_ERROR = 1008;
    const WEBSOCKET_CLOSE_MESSAGE_TOO_BIG = 1009;
    const WEBSOCKET_CLOSE_EXTENSION_MISSING = 1010;
    const WEBSOCKET_CLOSE_SERVER_ERROR = 1011;
    const WEBSOCKET_CLOSE_CLOSE_SERVICE_RESTART = 1012;
    const WEBSOCKET_CLOSE_TRY_AGAIN_LATER = 1013;
    const WEBSOCKET_CLOSE_BAD_GATEWAY = 1014;
    const WEBSOCKET_CLOSE_TLS = 1015;
    const SWOOLE_ERROR_MALLOC_FAIL = 501;
    const SWOOLE_ERROR_SYSTEM_CALL_FAIL = 502;
    const SWOOLE_ERROR_PHP_FATAL_ERROR = 503;
    const SWOOLE_ERROR_NAME_TOO_LONG = 504;
    const SWOOLE_ERROR_INVALID_PARAMS = 505;
    const SWOOLE_ERROR_QUEUE_FULL = 506;
    const SWOOLE_ERROR_OPERATION_NOT_SUPPORT = 507;
    const SWOOLE_ERROR_PROTOCOL_ERROR = 508;
    const SWOOLE_ERROR_WRONG_OPERATION = 509;
    const SWOOLE_ERROR_PHP_RUNTIME_NOTICE = 510;
    const SWOOLE_ERROR_FOR_TEST = 511;
    const SWOOLE_ERROR_NO_PAYLOAD = 550;
    const SWOOLE_ERROR_UNDEFINED_BEHAVIOR = 600;
    const SWOOLE_ERROR_NOT_THREAD_SAFETY = 601;
    const SWOOLE_ERROR_FILE_NOT_EXIST = 700;
    const SWOOLE_ERROR_FILE_TOO_LARGE = 701;
    const SWOOLE_ERROR_FILE_EMPTY = 702;
    const SWOOLE_ERROR_DIR_NOT_EXIST = 703;
    const SWOOLE_ERROR_DNSLOOKUP_DUPLICATE_REQUEST = 710;
    const SWOOLE_ERROR_DNSLOOKUP_RESOLVE_FAILED = 711;
    const SWOOLE_ERROR_DNSLOOKUP_RESOLVE_TIMEOUT = 712;
    const SWOOLE_ERROR_DNSLOOKUP_UNSUPPORTED = 713;
    const SWOOLE_ERROR_DNSLOOKUP_NO_SERVER = 714;
    const SWOOLE_ERROR_BAD_IPV6_ADDRESS = 720;
    const SWOOLE_ERROR_UNREGISTERED_SIGNAL = 721;
    const SWOOLE_ERROR_BAD_HOST_ADDR = 722;
    const SWOOLE_ERROR_BAD_PORT = 723;
    const SWOOLE_ERROR_BAD_SOCKET_TYPE = 724;
    const SWOOLE_ERROR_EVENT_REMOVE_FAILED = 800;
    const SWOOLE_ERROR_EVENT_ADD_FAILED = 801;
    const SWOOLE_ERROR_EVENT_UPDATE_FAILED = 802;
    const SWOOLE_ERROR_EVENT_UNKNOWN_DATA = 803;
    const SWOOLE_ERROR_SESSION_CLOSED_BY_SERVER = 1001;
    const SWOOLE_ERROR_SESSION_CLOSED_BY_CLIENT = 1002;
    const SWOOLE_ERROR_SESSION_CLOSING = 1003;
    const SWOOLE_ERROR_SESSION_CLOSED = 1004;
    const SWOOLE_ERROR_SESSION_NOT_EXIST = 1005;
    const SWOOLE_ERROR_SESSION_INVALID_ID = 1006;
    const SWOOLE_ERROR_SESSION_DISCARD_TIMEOUT_DATA = 1007;
    const SWOOLE_ERROR_SESSION_DISCARD_DATA = 1008;
    const SWOOLE_ERROR_OUTPUT_BUFFER_OVERFLOW = 1009;
    const SWOOLE_ERROR_OUTPUT_SEND_YIELD = 1010;
    const SWOOLE_ERROR_SSL_NOT_READY = 1011;
    const SWOOLE_ERROR_SSL_CANNOT_USE_SENFILE = 1012;
    const SWOOLE_ERROR_SSL_EMPTY_PEER_CERTIFICATE = 1013;
    const SWOOLE_ERROR_SSL_VERIFY_FAILED = 1014;
    const SWOOLE_ERROR_SSL_BAD_CLIENT = 1015;
    const SWOOLE_ERROR_SSL_BAD_PROTOCOL = 1016;
    const SWOOLE_ERROR_SSL_RESET = 1017;
    const SWOOLE_ERROR_SSL_HANDSHAKE_FAILED = 1018;
    const SWOOLE_ERROR_SSL_CREATE_CONTEXT_FAILED = 1019;
    const SWOOLE_ERROR_SSL_CREATE_SESSION_FAILED = 1020;
    const SWOOLE_ERROR_PACKAGE_LENGTH_TOO_LARGE = 1201;
    const SWOOLE_ERROR_PACKAGE_LENGTH_NOT_FOUND = 1202;
    const SWOOLE_ERROR_DATA_LENGTH_TOO_LARGE = 1203;
    const SWOOLE_ERROR_PACKAGE_MALFORMED_DATA = 1204;
    const SWOOLE_ERROR_TASK_PACKAGE_TOO_BIG = 2001;
    const SWOOLE_ERROR_TASK_DISPATCH_FAIL = 2002;
    const SWOOLE_ERROR_TASK_TIMEOUT = 2003;
    const SWOOLE_ERROR_HTTP2_STREAM_ID_TOO_BIG = 3001;
    const SWOOLE_ERROR_HTTP2_STREAM_NO_HEADER = 3002;
    const SWOOLE_ERROR_HTTP2_STREAM_NOT_FOUND = 3003;
    const SWOOLE_ERROR_HTTP2_STREAM_IGNORE = 3004;
    const SWOOLE_ERROR_HTTP2_SEND_CONTROL_FRAME_FAILED = 3005;
    const SWOOLE_ERROR_HTTP2_INTERNAL_ERROR = 3006;
    const SWOOLE_ERROR_AIO_BAD_REQUEST = 4001;
    const SWOOLE_ERROR_AIO_CANCELED = 4002;
    const SWOOLE_ERROR_AIO_TIMEOUT = 4003;
    const SWOOLE_ERROR_CLIENT_NO_CONNECTION = 5001;
    const SWOOLE_ERROR_SOCKET_CLOSED = 6001;
    const SWOOLE_ERROR_SOCKET_POLL_TIMEOUT = 6002;
    const SWOOLE_ERROR_SOCKET_NOT_EXISTS = 6003;
    const SWOOLE_ERROR_SOCKS5_UNSUPPORT_VERSION = 7001;
    const SWOOLE_ERROR_SOCKS5_UNSUPPORT_METHOD = 7002;
    const SWOOLE_ERROR_SOCKS5_AUTH_FAILED = 7003;
    const SWOOLE_ERROR_SOCKS5_SERVER_ERROR = 7004;
    const SWOOLE_ERROR_SOCKS5_HANDSHAKE_FAILED = 7005;
    const SWOOLE_ERROR_SOCKS5_CONNECT_FAILED = 7006;
    const SWOOLE_ERROR_HTTP_PROXY_HANDSHAKE_ERROR = 7101;
    const SWOOLE_ERROR_HTTP_INVALID_PROTOCOL = 7102;
    const SWOOLE_ERROR_HTTP_PROXY_HANDSHAKE_FAILED = 7103;
    const SWOOLE_ERROR_HTTP_PROXY_BAD_RESPONSE = 7104;
    const SWOOLE_ERROR_HTTP_CONFLICT_HEADER = 7105;
    const SWOOLE_ERROR_HTTP_CONTEXT_UNAVAILABLE = 7106;
    const SWOOLE_ERROR_HTTP_COOKIE_UNAVAILABLE = 7107;
    const SWOOLE_ERROR_WEBSOCKET_BAD_CLIENT = 8501;
    const SWOOLE_ERROR_WEBSOCKET_BAD_OPCODE = 8502;
    const SWOOLE_ERROR_WEBSOCKET_UNCONNECTED = 8503;
    const SWOOLE_ERROR_WEBSOCKET_HANDSHAKE_FAILED = 8504;
    const SWOOLE_ERROR_WEBSOCKET_PACK_FAILED = 8505;
    const SWOOLE_ERROR_WEBSOCKET_UNPACK_FAILED = 8506;
    const SWOOLE_ERROR_WEBSOCKET_INCOMPLETE_PACKET = 8507;
    const SWOOLE_ERROR_SERVER_MUST_CREATED_BEFORE_CLIENT = 9001;
    const SWOOLE_ERROR_SERVER_TOO_MANY_SOCKET = 9002;
    const SWOOLE_ERROR_SERVER_WORKER_TERMINATED = 9003;
    const SWOOLE_ERROR_SERVER_INVALID_LISTEN_PORT = 9004;
    const SWOOLE_ERROR_SERVER_TOO_MANY_LISTEN_PORT = 9005;
    const SWOOLE_ERROR_SERVER_PIPE_BUFFER_FULL = 9006;
    const SWOOLE_ERROR_SERVER_NO_IDLE_WORKER = 9007;
    const SWOOLE_ERROR_SERVER_ONLY_START_ONE = 9008;
    const SWOOLE_ERROR_SERVER_SEND_IN_MASTER = 9009;
    const SWOOLE_ERROR_SERVER_INVALID_REQUEST = 9010;
    const SWOOLE_ERROR_SERVER_CONNECT_FAIL = 9011;
    const SWOOLE_ERROR_SERVER_INVALID_COMMAND = 9012;
    const SWOOLE_ERROR_SERVER_IS_NOT_REGULAR_FILE = 9013;
    const SWOOLE_ERROR_SERVER_SEND_TO_WOKER_TIMEOUT = 9014;
    const SWOOLE_ERROR_SERVER_INVALID_CALLBACK = 9015;
    const SWOOLE_ERROR_SERVER_UNRELATED_THREAD = 9016;
    const SWOOLE_ERROR_SERVER_WORKER_EXIT_TIMEOUT = 9101;
    const SWOOLE_ERROR_SERVER_WORKER_ABNORMAL_PIPE_DATA = 9102;
    const SWOOLE_ERROR_SERVER_WORKER_UNPROCESSED_DATA = 9103;
    const SWOOLE_ERROR_CO_OUT_OF_COROUTINE = 10001;
    const SWOOLE_ERROR_CO_HAS_BEEN_BOUND = 10002;
    const SWOOLE_ERROR_CO_HAS_BEEN_DISCARDED = 10003;
    const SWOOLE_ERROR_CO_MUTEX_DOUBLE_UNLOCK = 10004;
    const SWOOLE_ERROR_CO_BLOCK_OBJECT_LOCKED = 10005;
    const SWOOLE_ERROR_CO_BLOCK_OBJECT_WAITING = 10006;
    const SWOOLE_ERROR_CO_YIELD_FAILED = 10007;
    const SWOOLE_ERROR_CO_GETCONTEXT_FAILED = 10008;
    const SWOOLE_ERROR_CO_SWAPCONTEXT_FAILED = 10009;
    const SWOOLE_ERROR_CO_MAKECONTEXT_FAILED = 10010;
    const SWOOLE_ERROR_CO_IOCPINIT_FAILED = 10011;
    const SWOOLE_ERROR_CO_PROTECT_STACK_FAILED = 10012;
    const SWOOLE_ERROR_CO_STD_THREAD_LINK_ERROR = 10013;
    const SWOOLE_ERROR_CO_DISABLED_MULTI_THREAD = 10014;
    const SWOOLE_ERROR_CO_CANNOT_CANCEL = 10015;
    const SWOOLE_ERROR_CO_NOT_EXISTS = 10016;
    const SWOOLE_ERROR_CO_CANCELED = 10017;
    const SWOOLE_ERROR_CO_TIMEDOUT = 10018;
    const SWOOLE_ERROR_CO_SOCKET_CLOSE_WAIT = 10019;
    const SWOOLE_DEBUG = false;
    const SWOOLE_SOCK_SYNC = false;
    const SWOOLE_SOCK_ASYNC = true;
    const SWOOLE_HAVE_COMPRESSION = true;
    const SWOOLE_HAVE_ZLIB = true;
    const SWOOLE_HAVE_BROTLI = true;
    const SWOOLE_USE_SHORTNAME = true;
    const SWOOLE_TIMER_MIN_SEC = 0.001;
    const SWOOLE_TIMER_MAX_SEC = 9223372036854776.0;
    const SWOOLE_VERSION = '6.2.1';
    const SWOOLE_EXTRA_VERSION = '';

    /**
     * The Swoole API level this extension implements ("6.2.1").
     */
    function swoole_version(): string {}

    /**
     * The number of CPUs online.
     */
    function swoole_cpu_num(): int {}

    /**
     * The last Swoole error code of this process (SWOOLE_ERROR_*), 0 when none.
     */
    function swoole_last_error(): int {}

    /**
     * Not supported (no coroutines): warns and returns false. Use gethostbyname().
     */
    function swoole_async_dns_lookup_coro(string $domain_name, float $timeout = 60, int $type = AF_INET): string|false {}

    /**
     * Sets the process-global options (log_file, log_level, log_date_format, log_date_with_microseconds,
     * log_rotation, display_errors, trace_flags, dns_server, socket_*_timeout, socket_buffer_size, enable_signalfd,
     * wait_signal, enable_coroutine, ...), read loosely; unknown keys are ignored. False (with a warning) once this
     * process's event loop exists.
     */
    function swoole_async_set(array $settings): bool {}

    /**
     * Not supported (no coroutines): warns and returns false; the callable does not run.
     */
    function swoole_coroutine_create(callable $func, mixed ...$params): int|false {}

    /**
     * Not supported (no coroutines): warns.
     */
    function swoole_coroutine_defer(callable $callback): void {}

    /**
     * A connected pair of (blocking) Swoole\Coroutine\Socket objects; false with a warning on failure.
     */
    function swoole_coroutine_socketpair(int $domain, int $type, int $protocol): array|false {}

    /**
     * Swoole's test helper; not supported (no coroutines): warns.
     */
    function swoole_test_kernel_coroutine(int $count = 100, float $sleep_time = 1.0): void {}

    /**
     * Waits until entries of $read/$write/$except (Swoole\Client, Swoole\Process, Swoole\Coroutine\Socket,
     * PHP streams, ext-sockets Socket, int fds) are ready, and leaves only those in each non-empty array (keys kept).
     * @param float|null $timeout seconds; negative waits for ever
     * @return int|false the number of poll entries with an event
     */
    function swoole_client_select(?array &$read, ?array &$write, ?array &$except, ?float $timeout = 0.5): int|false {}

    /**
     * Alias of swoole_client_select().
     */
    function swoole_select(?array &$read, ?array &$write, ?array &$except, ?float $timeout = 0.5): int|false {}

    /**
     * Sets the process title (cli_set_process_title()).
     */
    function swoole_set_process_name(string $process_name): bool {}

    /**
     * Non-loopback addresses of this host, interface name => address.
     * @param int $family AF_INET (2, the default) or AF_INET6
     */
    function swoole_get_local_ip(int $family = 2): array {}

    /**
     * MAC addresses (02:FC:00:00:00:01) of the interfaces that have an IPv4 address, loopback left out.
     */
    function swoole_get_local_mac(): array {}

    /**
     * The message for an error code: getaddrinfo's (SWOOLE_STRERROR_GAI), the resolver's (SWOOLE_STRERROR_DNS),
     * Swoole's (codes above 500, or SWOOLE_STRERROR_SWOOLE) or the OS's.
     */
    function swoole_strerror(int $errno, int $error_type = SWOOLE_STRERROR_SYSTEM): string {}

    /**
     * The C library's errno.
     */
    function swoole_errno(): int {}

    /**
     * Resets swoole_last_error() to 0.
     */
    function swoole_clear_error(): void {}

    /**
     * Writes a line in Swoole's log format at a SWOOLE_LOG_* level (dropped below the current log_level).
     */
    function swoole_error_log(int $level, string $msg): void {}

    /**
     * Like swoole_error_log(), naming Swoole error $error; dropped when swoole_ignore_error() named it.
     */
    function swoole_error_log_ex(int $level, int $error, string $msg): void {}

    /**
     * Log lines carrying this error code are no longer written (in this process and later children).
     */
    function swoole_ignore_error(int $error): void {}

    /**
     * Type 0: PHP's string hash; type 1: the one-at-a-time hash; any other type: false.
     */
    function swoole_hashcode(string $data, int $type = 0): int|false {}

    /**
     * Adds a suffix (as given); false when it exists.
     */
    function swoole_mime_type_add(string $suffix, string $mime_type): bool {}

    /**
     * Adds a suffix or replaces its type.
     */
    function swoole_mime_type_set(string $suffix, string $mime_type): void {}

    /**
     * Removes a suffix; false when it was not there.
     */
    function swoole_mime_type_delete(string $suffix): bool {}

    /**
     * The type of a file name's suffix (after its last dot, lower-cased); application/octet-stream when unknown.
     */
    function swoole_mime_type_get(string $filename): string {}

    /**
     * Alias of swoole_mime_type_get().
     */
    function swoole_get_mime_type(string $filename): string {}

    /**
     * Whether a file name's suffix is known.
     */
    function swoole_mime_type_exists(string $filename): bool {}

    /**
     * Every type, one per suffix.
     */
    function swoole_mime_type_list(): array {}

    /**
     * There is no coroutine DNS cache here: nothing to clear.
     */
    function swoole_clear_dns_cache(): void {}

    /**
     * unserialize() of a byte window: negative $offset counts from the end, $length <= 0 means to the end;
     * false for an empty string or an offset outside it.
     */
    function swoole_substr_unserialize(string $str, int $offset, int $length = 0, array $options = []): mixed {}

    /**
     * json_decode() of a byte window (as swoole_substr_unserialize()); null with a warning for a bad window or depth.
     * An omitted $associative is false; null leaves JSON_OBJECT_AS_ARRAY to $flags.
     */
    function swoole_substr_json_decode(string $str, int $offset, int $length = 0, bool $associative = false, int $depth = 512, int $flags = 0): mixed {}

    /**
     * Called by PHP first among the shutdown functions; from a script: a warning and false.
     */
    function swoole_internal_call_user_shutdown_begin(): bool {}

    /**
     * Swoole's test hook: 'fatal_error', 'bailout', 'abort', 'refcount', 'func_handler'; unknown names throw Swoole\Exception.
     */
    function swoole_implicit_fn(string $fn, mixed $args = null): mixed {}

    /**
     * Every live object (false before the first one was created).
     */
    function swoole_get_objects(): array|false {}

    /**
     * ['object_num' => live objects, 'resource_num' => live resources].
     */
    function swoole_get_vm_status(): array {}

    /**
     * The live object with this handle (spl_object_id()), false if none.
     */
    function swoole_get_object_by_handle(int $handle): object|false {}

    /**
     * Not supported (name resolvers are Swoole library classes): TypeError, or a warning.
     */
    function swoole_name_resolver_lookup(string $name, \Swoole\NameResolver\Context $ctx): string {}

    /**
     * Not supported (name resolvers are Swoole library classes): TypeError, or a warning and false.
     */
    function swoole_name_resolver_add(\Swoole\NameResolver $ns): bool {}

    /**
     * Not supported (name resolvers are Swoole library classes): TypeError, or a warning and false.
     */
    function swoole_name_resolver_remove(\Swoole\NameResolver $ns): bool {}

    /**
     * Does nothing (with swoole.leak_detection On: warns, not supported).
     */
    function swoole_tracer_leak_detect(int $threshold = 64): void {}

    /**
     * False (with swoole.profile On, also a warning: not supported).
     */
    function swoole_tracer_prof_begin(?array $options = null): bool {}

    /**
     * False (with swoole.profile On, also a warning: not supported).
     */
    function swoole_tracer_prof_end(string $output_file): bool {}

    /**
     * Short name of swoole_coroutine_create() (with swoole.use_shortname On); not supported: warns, false.
     */
    function go(callable $func): int|false {}

    /**
     * Short name of swoole_coroutine_defer() (with swoole.use_shortname On); not supported: warns.
     */
    function defer(callable $callback): void {}

    /**
     * Alias of Swoole\Event::add().
     */
    function swoole_event_add(mixed $fd, ?callable $read_callback = null, ?callable $write_callback = null, int $events = SWOOLE_EVENT_READ): int|false {}

    /**
     * Alias of Swoole\Event::del().
     */
    function swoole_event_del(mixed $fd): bool {}

    /**
     * Alias of Swoole\Event::set().
     */
    function swoole_event_set(mixed $fd, ?callable $read_callback = null, ?callable $write_callback = null, int $events = 0): bool {}

    /**
     * Alias of Swoole\Event::wait().
     */
    function swoole_event_wait(): void {}

    /**
     * Alias of Swoole\Event::isset().
     */
    function swoole_event_isset(mixed $fd, int $events = SWOOLE_EVENT_READ | SWOOLE_EVENT_WRITE): bool {}

    /**
     * Alias of Swoole\Event::dispatch().
     */
    function swoole_event_dispatch(): bool {}

    /**
     * Alias of Swoole\Event::defer().
     */
    function swoole_event_defer(callable $callback): bool {}

    /**
     * Alias of Swoole\Event::cycle() ($callback required; null removes it).
     */
    function swoole_event_cycle(?callable $callback, bool $before = false): bool {}

    /**
     * Alias of Swoole\Event::write().
     */
    function swoole_event_write(mixed $fd, string $data): bool {}

    /**
     * Alias of Swoole\Event::exit().
     */
    function swoole_event_exit(): void {}

    /**
     * Runs the event loop to its end (PHP calls it at shutdown).
     */
    function swoole_event_rshutdown(): void {}

    /**
     * Alias of Swoole\Timer::after() (extra arguments are passed to $callback).
     */
    function swoole_timer_after(int $ms, callable $callback): int|false {}

    /**
     * Alias of Swoole\Timer::tick() (extra arguments are passed to $callback after the timer id).
     */
    function swoole_timer_tick(int $ms, callable $callback): int|false {}

    /**
     * Alias of Swoole\Timer::info().
     */
    function swoole_timer_info(int $timer_id): ?array {}

    /**
     * Alias of Swoole\Timer::list().
     */
    function swoole_timer_list(): \Swoole\Timer\Iterator {}

    /**
     * Alias of Swoole\Timer::exists().
     */
    function swoole_timer_exists(int $timer_id): bool {}

    /**
     * Alias of Swoole\Timer::stats().
     */
    function swoole_timer_stats(): array {}

    /**
     * Alias of Swoole\Timer::clear().
     */
    function swoole_timer_clear(int $timer_id): bool {}

    /**
     * Alias of Swoole\Timer::clearAll().
     */
    function swoole_timer_clear_all(): bool {}

    /** Swoole 4 name of Swoole\Server (dropped by Swoole 6, kept here). */
    class swoole_server extends \Swoole\Server {}
    /** Swoole 4 name of Swoole\Server\Port. */
    class swoole_server_port extends \Swoole\Server\Port {}
    /** Swoole 4 name of Swoole\Exception. */
    class swoole_exception extends \Swoole\Exception {}
    /** Swoole 4 name of Swoole\Error. */
    class swoole_error extends \Swoole\Error {}
}

namespace Swoole {
    /** Thrown for invalid constructor arguments and by Swoole-specific failures. */
    class Exception extends \Exception {}

    /** Thrown for misuse that cannot continue (e.g. writing to the connection iterator). */
    class Error extends \Error {}

    /**
     * An asynchronous TCP server. `start()` runs the event loop and, with
     * `worker_num` > 1 (or `max_request` > 0), forks worker processes that each
     * accept on the shared listening socket.
     */
    class Server
    {
        // on()'s callbacks, where Swoole keeps them.
        private $onStart = null;
        private $onBeforeShutdown = null;
        private $onShutdown = null;
        private $onWorkerStart = null;
        private $onWorkerStop = null;
        private $onBeforeReload = null;
        private $onAfterReload = null;
        private $onWorkerExit = null;
        private $onWorkerError = null;
        private $onTask = null;
        private $onFinish = null;
        private $onManagerStart = null;
        private $onManagerStop = null;
        private $onPipeMessage = null;

        /** @var array|null Everything passed to set(), plus worker_num, task_worker_num and max_connection once started. */
        public $setting = null;
        /** @var Connection\Iterator Open connections of the calling worker: foreach, count(), isset($c[$fd]), $c[$fd]. */
        public $connections = null;
        public $host = '';
        /** @var int The real port (the kernel's choice when 0 was asked). */
        public $port = 0;
        public $type = 0;
        public $ssl = false;
        public $mode = 0;
        /** @var Server\Port[] */
        public $ports = null;
        public $master_pid = 0;
        /** @var int 0 in single-process mode; the master's pid when it supervises workers. */
        public $manager_pid = 0;
        /** @var int -1 outside a worker. */
        public $worker_id = -1;
        public $taskworker = false;
        public $worker_pid = 0;
        public $stats_timer = null;
        public $admin_server = null;

        /**
         * Creates the server and binds its listening socket at once (listening
         * starts in start()), as Swoole 6: a port it cannot bind throws.
         * @param int $mode SWOOLE_BASE (each worker serves its own connections) or SWOOLE_PROCESS (a master's reactor threads hold them)
         * @param int $sock_type SWOOLE_SOCK_TCP, TCP6, UDP, UDP6, SWOOLE_UNIX_STREAM or SWOOLE_UNIX_DGRAM (then $host is the path)
         * @throws Exception "failed to listen server port[host:port], Error: <reason>[<code>]" with that code (the
         *     errno; 9004 for a port out of range, 94 for an unknown socket type)
         * @throws \Error for an unknown mode, or when called a second time on the object
         */
        public function __construct(string $host = '0.0.0.0', int $port = 0, int $mode = \SWOOLE_BASE, int $sock_type = \SWOOLE_SOCK_TCP) {}

        /** Does nothing (the server is released with the object); there for a subclass's parent::__destruct(). */
        public function __destruct() {}

        /**
         * One more port (TCP, TCP6, UDP, UDP6, or a Unix socket at the path
         * $host), with its own callbacks and settings if given; false when it
         * cannot be bound (swoole_last_error() tells why, as the constructor's
         * code) or (with a warning) when the server runs.
         */
        public function listen(string $host, int $port, int $sock_type): \Swoole\Server\Port|false {}

        /** Alias of listen(). */
        public function addlistener(string $host, int $port, int $sock_type): \Swoole\Server\Port|false {}

        /**
         * Registers a callback. Event names are case-insensitive, without "on":
         * Start, Shutdown, WorkerStart, WorkerStop, WorkerExit, WorkerError,
         * ManagerStart, ManagerStop, PipeMessage, Connect, Receive, Close. Unknown names warn
         * and return false. Only before start().
         */
        public function on(string $event_name, callable $callback): bool {}

        /** The callback registered for an event, or null. */
        public function getCallback(string $event_name): \Closure|array|string|null {}

        /**
         * Merges settings (see docs/COMPATIBILITY.md for which keys act). Unknown
         * keys and out-of-range values give a warning naming the key; a refused
         * value is not applied. Only before start().
         */
        public function set(array $settings): bool {}

        /**
         * Runs the server. Returns false (with a warning) if it cannot start
         * (no onReceive, ...); returns true after the server has shut down, its
         * listening sockets closed (the ports can be bound again). Once more
         * after that: a warning and false.
         */
        public function start(): bool {}

        /**
         * Sends data to a connection of this worker. False with getLastError()
         * 1005 for an unknown or closed $fd, 1003 while it is closing, 1001 after
         * close() was called.
         */
        public function send(string|int $fd, string $send_data, int $serverSocket = -1): bool {}

        /**
         * One datagram to $ip:$port from a UDP port's socket ($server_socket,
         * or the first UDP port of the address family); in a worker.
         */
        public function sendto(string $ip, int $port, string $send_data, int $server_socket = -1): bool {}

        /** SWOOLE_BASE only: sends and returns once the kernel took every byte. */
        public function sendwait(int $conn_fd, string $send_data): bool {}

        /** Whether $fd is an open connection of this worker. */
        public function exists(int $fd): bool {}

        /** Alias of exists(). */
        public function exist(int $fd): bool {}

        /** Exempts $fd from heartbeat checks (or ends the exemption). */
        public function protect(int $fd, bool $is_protected = true): bool {}

        /** Sends a file (or the range $offset, $length; 0 = to its end) zero-copy, in order with send(). */
        public function sendfile(int $conn_fd, string $filename, int $offset = 0, int $length = 0): bool {}

        /** Closes a connection (after its pending output, or at once with RST if $reset); onClose follows. */
        public function close(int $fd, bool $reset = false): bool {}

        /** With enable_delay_receive: starts reading a new connection. */
        public function confirm(int $fd): bool {}

        /** Stops reading $fd (its data waits in the kernel) until resume(). */
        public function pause(int $fd): bool {}

        /** Reads a paused connection again; what arrived meanwhile is delivered. */
        public function resume(int $fd): bool {}

        /**
         * Sends a task to a task worker (an idle one unless $taskWorkerIndex, 0..task_worker_num-1, is given).
         * Non-strings travel serialized. The result comes back to onFinish, or to $finishCallback
         * ($server, $task_id, $data) for the first result. From a user process the task is one-way.
         * @return int|false the task id (counted per process from 0)
         */
        public function task(mixed $data, int $taskWorkerIndex = -1, ?callable $finishCallback = null): int|false {}

        /**
         * Sends a task and blocks until its result or the timeout: the result, or false (getLastError() 2003).
         * Results of earlier, timed-out calls are recognised and dropped. Only in event workers.
         */
        public function taskwait(mixed $data, float $timeout = 0.5, int $taskWorkerIndex = -1): mixed {}

        /**
         * Sends every task and waits for all until the timeout; results keyed like $tasks,
         * tasks that did not finish in time are absent.
         */
        public function taskWaitMulti(array $tasks, float $timeout = 0.5): array|false {}

        /** Needs coroutines, which this extension does not provide: warns and returns false. */
        public function taskCo(array $tasks, float $timeout = 0.5): array|false {}

        /** Inside onTask: sends a result to the task's source (may be called several times). */
        public function finish(mixed $data): bool {}

        /**
         * Replaces every event and task worker (or only the task workers),
         * one after another, by sending SIGUSR1 (SIGUSR2) to the manager;
         * onBeforeReload/onAfterReload run there. In SWOOLE_PROCESS mode no
         * connection is dropped; a BASE worker first drains its connections.
         */
        public function reload(bool $only_reload_taskworker = false): bool {}

        /** Stops every process of the server (SIGTERM to the master); callable from any worker. */
        public function shutdown(): bool {}

        /** Stops the calling worker (it finishes its connections and is replaced), or sends SIGTERM to worker $workerId. */
        public function stop(int $workerId = -1): bool {}

        /** The error code of the last failed call in this process. */
        public function getLastError(): int {}

        /**
         * The connections without input for heartbeat_idle_time seconds (not
         * protected), closed when $ifCloseConnection is true; false when
         * heartbeat checks are off. In BASE mode only the calling worker's.
         * Called without the argument they are not closed: Swoole 6.2's C
         * code defaults to false, whatever its stub says, and so does this.
         */
        public function heartbeat(bool $ifCloseConnection = true): array|false {}

        /**
         * server_port, server_fd, socket_fd, socket_type, remote_port, remote_ip,
         * reactor_id, connect_time, last_time, last_recv_time, last_send_time,
         * last_dispatch_time, close_errno, recv_queued_bytes, send_queued_bytes.
         */
        public function getClientInfo(int $fd, int $reactor_id = -1, bool $ignoreError = false): array|false {}

        /**
         * Up to $find_count (at most 100) open $fd after $start_fd, ascending;
         * the connections of the calling worker, as in Swoole's BASE mode.
         * @return int[]|false
         */
        public function getClientList(int $start_fd = 0, int $find_count = 10): array|false {}

        /** The worker id, or false outside a worker. */
        public function getWorkerId(): int|false {}

        /** The pid of worker $worker_id (-1: the calling worker). */
        public function getWorkerPid(int $worker_id = -1): int|false {}

        /** SWOOLE_WORKER_BUSY, SWOOLE_WORKER_IDLE or SWOOLE_WORKER_EXIT; false if unknown. */
        public function getWorkerStatus(int $worker_id = -1): int|false {}

        /** 0 in single-process mode. */
        public function getManagerPid(): int {}

        public function getMasterPid(): int {}

        /** Alias of getClientInfo(). */
        public function connection_info(int $fd, int $reactor_id = -1, bool $ignoreError = false): array|false {}

        /** Alias of getClientList(). */
        public function connection_list(int $start_fd = 0, int $find_count = 10): array|false {}

        /**
         * Runs onPipeMessage($server, $src_worker_id, $message) in worker
         * $dst_worker_id. Callable from a worker or from a user process
         * (addProcess(), whose $src_worker_id is its $process->id). Strings
         * arrive as they are; other values are serialized and arrive
         * unserialized. Warning + false when the server is not running,
         * without an onPipeMessage callback, to the calling worker itself, or
         * to an id that is neither a worker nor a task worker.
         */
        public function sendMessage(mixed $message, int $dst_worker_id): bool {}

        /**
         * Runs command $name in one process (the master, the manager, event
         * worker $process_id or task worker number $process_id) and returns
         * its answer, json_decode()d unless $json_decode is false. Callable
         * from the master (SWOOLE_PROCESS) or worker 0 (SWOOLE_BASE).
         */
        public function command(string $name, int $process_id, int $process_type, mixed $data, bool $json_decode = true): array|string|false {}

        /**
         * Registers a command command() can run in the processes of
         * $accepted_process_types (SWOOLE_SERVER_COMMAND_MASTER | MANAGER |
         * EVENT_WORKER | TASK_WORKER): $callback($server, string $json_data)
         * returns the answer, a string. Before start() only.
         */
        public function addCommand(string $name, int $accepted_process_types, callable $callback): bool {}

        /**
         * Adds a user process, started with the workers by start(): its
         * callback runs in a child the server supervises (restarted when it
         * exits, SIGTERM on shutdown, untouched by worker restarts). Inside it
         * $process->id is its id after the workers (worker_num, worker_num + 1,
         * ...), and send(), close(), $server->connections, stats() and
         * sendMessage() work. Only before start() (warning + false after).
         * Takes any Swoole\Process, subclasses too, and sets its $id to the index.
         * @return int|false its 0-based index among the user processes
         */
        public function addProcess(\Swoole\Process $process): int|false {}

        /** Counters with Swoole 6's keys (start_time, connection_num, accept_count, ...). */
        public function stats(): array {}

        /**
         * Ties connection $fd to user id $uid, once per connection (a second
         * call returns false). With dispatch_mode 5 (SWOOLE_PROCESS) the uid,
         * not the fd, picks the worker of its later packets. A negative uid is
         * kept as its 32-bit unsigned form; out of [-2147483648, 4294967295]
         * warns and returns false. getClientInfo($fd)['uid'] shows it.
         */
        public function bind(int $fd, int $uid): bool {}

        /**
         * Swoole 4's alias of Timer::tick() (removed in Swoole 5, kept here):
         * runs $callback($timer_id, ...$params) every $ms in the calling
         * process's event loop (typically set in onWorkerStart or onReceive).
         * $ms < 1: warning "Timer must be greater than or equal to 1", false.
         * @return int|false the timer id
         */
        public function tick(int $ms, callable $callback, mixed ...$params): int|false {}

        /**
         * Swoole 4's alias of Timer::after() (removed in Swoole 5, kept here):
         * runs $callback(...$params) once, $ms from now, in the calling process.
         * $ms < 1: warning "Timer must be greater than or equal to 1", false.
         * @return int|false the timer id
         */
        public function after(int $ms, callable $callback, mixed ...$params): int|false {}

        /** Swoole 4's alias of Timer::clear() (removed in Swoole 5, kept here): false for an unknown id. */
        public function clearTimer(int $timer_id): bool {}

        /** Swoole 4's alias of Event::defer() (removed in Swoole 5, kept here): runs $callback after the current loop round. */
        public function defer(callable $callback): bool {}
    }

    /**
     * Timers of the calling process's event loop: a server worker's, a user
     * process's, a Process child's, or a plain script's, which then stays
     * alive after its last line until no timer, event or deferred callback is
     * left (as Swoole, without its E_DEPRECATED about it). Timers die with
     * their process; a forked child starts with none.
     */
    class Timer
    {
        /**
         * Runs $callback($timer_id, ...$params) every $ms until cleared (the
         * callback may clear its own timer). Late ticks are skipped, not run
         * in a burst.
         * @param int $ms interval in milliseconds, at least 1 (less: warning "Timer must be greater than or equal to 1", false)
         * @param mixed ...$params passed to the callback after the timer id
         * @return int|false the timer id
         */
        public static function tick(int $ms, callable $callback, mixed ...$params): int|false {}

        /**
         * Runs $callback(...$params) once, $ms from now.
         * @param int $ms delay in milliseconds, at least 1 (less: warning "Timer must be greater than or equal to 1", false)
         * @param mixed ...$params passed to the callback
         * @return int|false the timer id
         */
        public static function after(int $ms, callable $callback, mixed ...$params): int|false {}

        /** Whether $timer_id is an active timer of this process. */
        public static function exists(int $timer_id): bool {}

        /**
         * exec_msec (ms until the next run), exec_count, interval, round and
         * removed; null for an unknown id (false while this process has no
         * event loop yet).
         */
        public static function info(int $timer_id): ?array {}

        /** initialized (whether this process has an event loop), num (active timers) and round (loop rounds). */
        public static function stats(): array {}

        /** The ids of this process's active timers. */
        public static function list(): Timer\Iterator {}

        /** Cancels a timer; false for an unknown id. */
        public static function clear(int $timer_id): bool {}

        /** Cancels every timer of this process; false while it has no event loop. */
        public static function clearAll(): bool {}
    }

    /**
     * Streams, sockets and fds on the calling process's event loop (a server
     * worker's, or one made on first use that a plain script runs after its
     * last line), plus deferred and per-round callbacks. Watches are
     * level-triggered: a callback runs on every round while its fd stays
     * readable (writable).
     */
    class Event
    {
        /**
         * Watches $fd and makes it non-blocking. The callbacks get the value
         * given as $fd. Warning + false if it is not a stream, socket, fd or
         * process, is already watched ("fd [N] already exist"), $events is
         * empty, or the callback for a requested event is missing.
         * @param mixed $fd a PHP stream, an ext-sockets Socket, an int fd or a Swoole\Process (its pipe)
         * @param int $events SWOOLE_EVENT_READ, SWOOLE_EVENT_WRITE or both
         * @return int|false the fd number
         */
        public static function add(mixed $fd, ?callable $read_callback = null, ?callable $write_callback = null, int $events = \SWOOLE_EVENT_READ): int|false {}

        /** Stops watching $fd; false if it was not watched. */
        public static function del(mixed $fd): bool {}

        /**
         * Changes a watched fd: a null callback keeps the current one.
         * Warning + false if $fd is not watched or a requested event has no callback.
         * @param int $events the new mask; 0 keeps what the fd waits for
         */
        public static function set(mixed $fd, ?callable $read_callback = null, ?callable $write_callback = null, int $events = 0): bool {}

        /**
         * Whether $fd is watched for any of $events.
         * @param int $events SWOOLE_EVENT_READ | SWOOLE_EVENT_WRITE (1536) by default
         */
        public static function isset(mixed $fd, int $events = 1536): bool {}

        /** Runs one round of the loop (waiting for the next event or timer); false if this process has no event loop. */
        public static function dispatch(): bool {}

        /** Runs $callback after the current loop round (at the end of the script outside a loop). */
        public static function defer(callable $callback): bool {}

        /**
         * Runs $callback after every loop round; null removes it.
         * @param bool $before accepted; the callback still runs after the round
         * @return bool true if a callback was set or removed
         */
        public static function cycle(?callable $callback, bool $before = false): bool {}

        /**
         * Writes what $fd takes now and queues the rest, sent as it becomes
         * writable. $fd must be watched (add()); warning + false otherwise or
         * for empty $data.
         */
        public static function write(mixed $fd, string $data): bool {}

        /**
         * Runs the loop until no timer, fd or deferred callback is left, or
         * exit(). A no-op inside a server worker, whose loop already runs.
         */
        public static function wait(): void {}

        /** Same as wait(): what runs the loop at the end of a plain script (Swoole's shutdown hook). */
        public static function rshutdown(): void {}

        /** Clears this process's timers and ends the running loop after the current round. */
        public static function exit(): void {}
    }

    /**
     * Forks a PHP callback into a child process and talks to it over a unix
     * socket pair (the pipe) or a SysV message queue. The child runs its
     * callback, then any event loop it started, and _exits with its status:
     * the parent's shutdown functions and destructors never run twice. There
     * are no coroutines: $enable_coroutine is accepted and the callback runs
     * plainly. Also what Server::addProcess() takes.
     */
    class Process
    {
        /** useQueue() mode flag: push() and pop() do not block (false when full/empty). */
        const IPC_NOWAIT = 256;
        /** close(): the parent's end of the pipe. */
        const PIPE_MASTER = 1;
        /** close(): the child's end of the pipe. */
        const PIPE_WORKER = 2;
        /** close(): shut down reading on the current end. */
        const PIPE_READ = 3;
        /** close(): shut down writing on the current end. */
        const PIPE_WRITE = 4;
        /** No pipe. */
        const PIPE_TYPE_NONE = 0;
        /** A stream socket pair. */
        const PIPE_TYPE_STREAM = 1;
        /** A datagram socket pair (message boundaries kept). */
        const PIPE_TYPE_DGRAM = 2;

        /** @var int|null The fd of the current end of the pipe (the parent's, or the child's inside the child); null without a pipe. */
        public $pipe = null;
        /** @var int|null The queue id after useQueue(). */
        public $msgQueueId = null;
        /** @var int|null The queue key after useQueue(). */
        public $msgQueueKey = null;
        /** @var int|null The child's pid once started (in the parent and in the child). */
        public $pid = null;
        /**
         * @var int|null 1, 2, 3, ... in creation order; addProcess() sets the index it returns; inside the started
         * user process worker_num + task_worker_num + that index.
         */
        public $id = null;
        /** @var callable|null The callable the child runs; start() reads it here (a falsy one: "illegal callback function"). */
        private $callback = null;

        /**
         * Creates the pipe at once (a failure throws Swoole\Exception); the
         * child is forked by start().
         * @param callable $callback run in the child as $callback(Swoole\Process $process)
         * @param bool $redirect_stdin_and_stdout the pipe becomes the child's stdin, stdout and stderr (forces a stream pipe)
         * @param int $pipe_type PIPE_TYPE_NONE (0), PIPE_TYPE_STREAM (1) or PIPE_TYPE_DGRAM (2)
         * @param bool $enable_coroutine accepted, no effect (no coroutines)
         */
        public function __construct(callable $callback, bool $redirect_stdin_and_stdout = false, int $pipe_type = \SOCK_DGRAM, bool $enable_coroutine = false) {}

        /** Does nothing (pipe and queue go with the object); there for a subclass's parent::__destruct(). */
        public function __destruct() {}

        /**
         * Reaps a child that exited.
         * @param bool $blocking false: return at once when none has exited
         * @return array{pid: int, code: int, signal: int}|false false when there is no child (or none exited, non-blocking)
         */
        public static function wait(bool $blocking = true): array|false {}

        /**
         * Runs $callback($signo) on this process's event loop when the signal
         * arrives; null removes it. A handler alone does not keep a script
         * alive (as Swoole). Warning + false for an invalid signal, SIGKILL or SIGSTOP.
         */
        public static function signal(int $signal_no, ?callable $callback = null): bool {}

        /**
         * A repeating interval timer (setitimer) every $usec microseconds; 0 stops it.
         * @param int $type 0 real time (SIGALRM), 1 virtual (SIGVTALRM), 2 profiling (SIGPROF)
         */
        public static function alarm(int $usec, int $type = 0): bool {}

        /** kill(2); signal 0 only checks that $pid exists (false without a warning if not). */
        public static function kill(int $pid, int $signal_no = \SIGTERM): bool {}

        /**
         * Detaches into the background (daemon(3)).
         * @param array $pipes up to three streams, sockets or fds made the new stdin, stdout and stderr
         */
        public static function daemon(bool $nochdir = true, bool $noclose = true, array $pipes = []): bool {}

        /**
         * Pins the calling process to these CPUs.
         * @param int[] $cpu_settings CPU ids (an id outside 0..cpu_num-1: warning + false)
         */
        public static function setAffinity(array $cpu_settings): bool {}

        /** @return int[] the CPUs the calling process may run on */
        public static function getAffinity(): array {}

        /**
         * setpriority(2).
         * @param int $which PRIO_PROCESS, PRIO_PGRP or PRIO_USER
         * @param int|null $who null: this process's child (the calling process before start()); only with PRIO_PROCESS, else a warning and swoole_last_error() 505
         * @return bool false on an OS failure, swoole_last_error() = errno
         */
        public function setPriority(int $which, int $priority, ?int $who = null): bool {}

        /**
         * getpriority(2); false on error (swoole_last_error() = errno).
         * @param int|null $who null: this process's child (the calling process before start()); only with PRIO_PROCESS
         */
        public function getPriority(int $which, ?int $who = null): int|false {}

        /** Accepts enable_coroutine, which has no effect (no coroutines). */
        public function set(array $settings): void {}

        /** Read/write timeout in seconds of the current end of the pipe (read()/write() then fail after it). */
        public function setTimeout(float $seconds): bool {}

        /** Blocking or non-blocking mode of the current end of the pipe. */
        public function setBlocking(bool $blocking): bool {}

        /**
         * Uses a SysV message queue for push()/pop() (created if needed).
         * @param int $key 0: ftok() of the running script
         * @param int $mode 2 (SWOOLE_MSGQUEUE_BALANCE): pop() takes a message of any type; otherwise only type 1 (what push() sends); | IPC_NOWAIT: non-blocking
         * @param int $capacity the queue's size in bytes (msg_qbytes); -1 keeps the system's
         */
        public function useQueue(int $key = 0, int $mode = 2, int $capacity = -1): bool {}

        /**
         * @return array{queue_num: int, queue_bytes: int}|false false (with a warning) without a queue
         */
        public function statQueue(): array|false {}

        /** Removes the queue from the system; false without one. */
        public function freeQueue(): bool {}

        /**
         * Forks the child, which runs the callback and _exits (it never
         * returns here). Warning + false if it is already running, fork fails,
         * or the private $callback is falsy ("illegal callback function") or
         * not callable (checked before forking).
         * @return int|bool the child's pid in the parent
         */
        public function start(): int|bool {}

        /**
         * Writes all of $data to the current end of the pipe (one message on a
         * datagram pipe). Warning + false for empty data, no pipe, or a failed write.
         * @return int|false bytes written
         */
        public function write(string $data): int|false {}

        /**
         * Closes the pipe.
         * @param int $which 0 both ends, PIPE_MASTER or PIPE_WORKER one end, PIPE_READ or PIPE_WRITE shut one direction of the current end
         */
        public function close(int $which = 0): bool {}

        /**
         * One read from the current end of the pipe (one message on a datagram
         * pipe), blocking unless setBlocking(false); "" when the other side
         * closed. False without a warning when the read fails or times out
         * (swoole_last_error(): 6002 after a setTimeout() timeout, else errno).
         * @param int $size at most this many bytes (up to 65536); <= 0 warns "size must be greater than 0"
         */
        public function read(int $size = 8192): string|false {}

        /**
         * Sends a message to the queue (useQueue() first). Warning + false for
         * empty data or data of 65536 bytes or more; false when full with IPC_NOWAIT.
         */
        public function push(string $data): bool {}

        /**
         * Takes a message from the queue, blocking unless IPC_NOWAIT (then
         * false when empty).
         * @param int $size at most this many bytes (up to 65536)
         */
        public function pop(int $size = 65536): string|false {}

        /**
         * Ends the child with $exit_code (0..255, else 1), flushing its output.
         * Only inside the child; elsewhere it warns "not current process".
         */
        public function exit(int $exit_code = 0): void {}

        /**
         * Replaces the process with a program (execv: no PATH search). Returns
         * only on failure, with a warning.
         * @param string $exec_file absolute path of the program
         * @param array $args its arguments (argv[1..])
         */
        public function exec(string $exec_file, array $args): bool {}

        /**
         * A blocking Swoole\Coroutine\Socket over a dup of the current end of
         * the pipe, the same object on every call; false (with a warning) without a pipe.
         */
        public function exportSocket(): \Swoole\Coroutine\Socket|false {}

        /** Sets the process title shown by ps (as swoole_set_process_name()). */
        public function name(string $process_name): bool {}
    }
}

namespace Swoole\Process {
    /**
     * A supervised pool of worker processes without a server: start() forks
     * $worker_num workers, replaces any that exits or dies (same id), reloads
     * them one at a time on SIGUSR1/SIGUSR2 and stops them all on SIGTERM,
     * SIGINT or shutdown(); then start() returns null.
     *
     * Messages reach onMessage($pool, $data) per $ipc_type: SWOOLE_IPC_UNIXSOCK
     * (sendMessage()), SWOOLE_IPC_MSGQUEUE (a SysV queue at $msgqueue_key any
     * program can feed), SWOOLE_IPC_SOCKET (listen(); one length-prefixed
     * request per connection, answered with write()). Timers, Swoole\Event,
     * Process::signal() and defer work in workers (their event loop runs after
     * onWorkerStart). An uncaught exception, exit() or fatal error ends only
     * that worker, which is replaced.
     */
    class Pool
    {
        /** @var int The master's pid once start() ran (-1 before). */
        public $master_pid = -1;
        /** @var int In a worker: its pid. */
        public $workerPid = -1;
        /** @var int In a worker: its id (0 .. worker_num-1). */
        public $workerId = -1;
        /** @var array|null The Swoole\Process objects getProcess() made, by worker id. */
        public $workers = null;
        /** @var bool False once the worker (or, in the master, the pool) stops. */
        public $workerRunning = true;
        /** @var bool False once the pool (in a worker: this worker) stops. */
        public $running = true;

        /**
         * @param int $worker_num at least 1 (Swoole\Exception otherwise)
         * @param int $ipc_type SWOOLE_IPC_NONE, _UNIXSOCK, _MSGQUEUE or _SOCKET
         * @param int $msgqueue_key the SysV queue's key (0: a private queue)
         * @param bool $enable_coroutine no coroutines here; allows onWorkerExit
         */
        public function __construct(int $worker_num, int $ipc_type = \SWOOLE_IPC_NONE, int $msgqueue_key = 0, bool $enable_coroutine = false) {}

        public function __destruct() {}

        /** max_wait_time (s, default 3), max_package_size (bytes, default 2 MiB), enable_coroutine, log_file, log_level. */
        public function set(array $settings): void {}

        /**
         * WorkerStart($pool, $workerId), WorkerStop($pool, $workerId),
         * Message($pool, $data), Start($pool) and Shutdown($pool) in the master,
         * WorkerExit($pool, $workerId) with enable_coroutine.
         */
        public function on(string $name, callable $callback): bool {}

        /** The Swoole\Process of worker $work_id (-1: this one); its pipe reaches that worker (SWOOLE_IPC_UNIXSOCK). */
        public function getProcess(int $work_id = -1): \Swoole\Process|false {}

        /** SWOOLE_IPC_SOCKET: a TCP socket, or a unix one with "unix:/path". */
        public function listen(string $host, int $port = 0, int $backlog = 2048): bool {}

        /** In onMessage of a socket pool: adds to the answer sent when the callback returns. */
        public function write(string $data): bool {}

        /** SWOOLE_IPC_UNIXSOCK: one message to worker $dst_worker_id's onMessage, from any process of the pool. */
        public function sendMessage(string $data, int $dst_worker_id): bool {}

        /** In a worker: the master starts its replacement now; this process takes no more messages. */
        public function detach(): bool {}

        /** Runs the pool until it stops: null; false when it cannot start. */
        public function start(): ?false {}

        /** In a worker: leave the loop (the worker is replaced); in the master: shut down. */
        public function stop(): void {}

        /** SIGTERM to the pool's master, from any process. */
        public function shutdown(): bool {}
    }

    /**
     * Each add()ed callable runs as one supervised worker of a Pool, called
     * with ($pool, $workerId). PHP source, as Swoole's: subclasses may
     * override start() and use the protected state.
     */
    class Manager
    {
        /** @var Pool|null */
        protected $pool;
        /** @var int */
        protected $ipcType = SWOOLE_IPC_NONE;
        /** @var int */
        protected $msgQueueKey = 0;
        /** @var array one [callable $func, bool $enableCoroutine] per worker */
        protected $startFuncMap = [];

        public function __construct(int $ipcType = SWOOLE_IPC_NONE, int $msgQueueKey = 0) {}
        public function add(callable $func, bool $enableCoroutine = false): self {}
        public function addBatch(int $workerNum, callable $func, bool $enableCoroutine = false): self {}
        public function start(): void {}
        public function setIPCType(int $ipcType): self {}
        public function getIPCType(): int {}
        public function setMsgQueueKey(int $msgQueueKey): self {}
        public function getMsgQueueKey(): int {}
    }
}

namespace Swoole\Server {
    /**
     * A port of a server, as found in $server->ports and returned by
     * addListener()/listen(): its own callbacks and settings win over the
     * server's.
     */
    class Port
    {
        // on()'s callbacks, where Swoole keeps them (the HTTP and WebSocket ones stay null here).
        private $onConnect = null;
        private $onReceive = null;
        private $onClose = null;
        private $onPacket = null;
        private $onBufferFull = null;
        private $onBufferEmpty = null;
        private $onRequest = null;
        private $onHandshake = null;
        private $onOpen = null;
        private $onMessage = null;
        private $onDisconnect = null;
        private $onBeforeHandshakeResponse = null;

        public $host = null;
        public $port = 0;
        public $type = 0;
        public $sock = -1;
        public $ssl = false;
        public $setting = null;
        public $connections = null;

        /** Ports come from the server (listen(), $server->ports). */
        private function __construct() {}

        public function __destruct() {}

        /** This port's own settings (framing, open_tcp_nodelay, ...); before start(). */
        public function set(array $settings): void {}

        /** connect, receive, close, packet, bufferFull or bufferEmpty for this port only. */
        public function on(string $event_name, callable $callback): bool {}

        /** The callback this port's on() registered, or null. */
        public function getCallback(string $event_name): ?\Closure {}
    }
}

namespace Swoole\Timer {
    /** What Swoole\Timer::list() returns: an ArrayIterator over the active timer ids. */
    class Iterator extends \ArrayIterator {}
}

namespace Swoole\Coroutine {
    /**
     * Only obtained from Swoole\Process::exportSocket(): a socket over the
     * process's pipe. There are no coroutines in this extension, so its calls
     * simply block (up to $timeout when one is given). On failure they return
     * false and set errCode and errMsg.
     */
    class Socket
    {
        /** @var int The descriptor (a dup of the pipe end). */
        public $fd = -1;
        /** @var int AF_UNIX */
        public $domain = 0;
        /** @var int SOCK_STREAM or SOCK_DGRAM, as the process's pipe */
        public $type = 0;
        public $protocol = 0;
        /** @var int errno of the last failed call */
        public $errCode = 0;
        /** @var string message of the last failed call */
        public $errMsg = '';

        /**
         * Refused: Swoole\Coroutine\Socket needs coroutines, which this
         * extension does not provide.
         * @throws \Swoole\Error always
         */
        public function __construct(int $domain, int $type, int $protocol = 0) {}

        /**
         * Writes all of $data (one message on a datagram pipe).
         * @param float $timeout seconds; > 0 sets the socket's send and receive timeout (which stays), 0 leaves it
         * @return int|false bytes written
         */
        public function send(string $data, float $timeout = 0): int|false {}

        /**
         * Same as send(), which already writes everything.
         * @param float $timeout seconds; > 0 sets the socket's send and receive timeout (which stays), 0 leaves it
         * @return int|false bytes written
         */
        public function sendAll(string $data, float $timeout = 0): int|false {}

        /**
         * One read (one message on a datagram pipe); "" when the peer closed.
         * @param int $length at most this many bytes
         * @param float $timeout seconds; > 0 sets the socket's send and receive timeout (which stays), 0 leaves it
         */
        public function recv(int $length = 65536, float $timeout = 0): string|false {}

        /** Closes the descriptor; false if already closed. */
        public function close(): bool {}
    }
}

namespace Swoole\Connection {
    /** $server->connections: the calling worker's open connections. */
    class Iterator implements \Iterator, \Countable, \ArrayAccess
    {
        /** @throws \Error always: the iterator is $server->connections */
        public function __construct() {}
        public function __destruct() {}
        public function rewind(): void {}
        public function next(): void {}
        public function current(): mixed {}
        public function key(): mixed {}
        public function valid(): bool {}
        public function count(): int {}
        public function offsetExists(mixed $fd): bool {}
        /** The getClientInfo() array of $fd, or null. */
        public function offsetGet(mixed $fd): mixed {}
        /** @throws \Swoole\Error always: the iterator is read-only */
        public function offsetSet(mixed $fd, mixed $value): void {}
        /** @throws \Swoole\Error always: the iterator is read-only */
        public function offsetUnset(mixed $fd): void {}
    }
}

namespace Swoole\Server {
    /**
     * onTask's argument when task_object, task_use_object or task_enable_coroutine is set:
     * onTask($server, Swoole\Server\Task $task).
     */
    final class Task
    {
        /** @var mixed The task's data. */
        public $data = null;
        /** @var float When the task reached the task worker. */
        public $dispatch_time = 0.0;
        /** @var int The task id. */
        public $id = -1;
        /** @var int The worker that sent it. */
        public $worker_id = -1;
        /** @var int SWOOLE_TASK_* flags. */
        public $flags = 0;

        /** Sends a result to the task's source; on a task `new` made, throws \Swoole\Error. */
        public function finish(mixed $data): bool {}

        /** The task payload format of $data (a flags byte, then the string or its serialize()d form). */
        public static function pack(mixed $data): string|false {}

        /** Back from pack(). */
        public static function unpack(string $data): mixed {}
    }

    /**
     * With the server setting event_object: the one argument after $server of onConnect, onReceive and onClose
     * (of every port).
     */
    class Event
    {
        /** @var int The reactor thread (SWOOLE_PROCESS) or worker (SWOOLE_BASE) that took the event. */
        public $reactor_id = 0;
        /** @var int The connection's session id. */
        public $fd = 0;
        /** @var float When onReceive's data was dispatched (0.0 for onConnect and onClose). */
        public $dispatch_time = 0.0;
        /** @var string|null onReceive's data (null for onConnect and onClose). */
        public $data = null;
    }

    /**
     * With event_object: onPacket's argument after $server; the datagram is in the dynamic property $data.
     */
    class Packet
    {
        /** @var int The descriptor of the receiving socket. */
        public $server_socket = 0;
        /** @var int The receiving socket's port. */
        public $server_port = 0;
        /** @var float When the datagram was dispatched. */
        public $dispatch_time = 0.0;
        /** @var string|null The sender's address (a Unix datagram peer: its path). */
        public $address = null;
        /** @var int The sender's port (0 for a Unix datagram peer). */
        public $port = 0;
    }

    /** With event_object: onPipeMessage's argument after $server. */
    class PipeMessage
    {
        /** @var int The sending worker's id. */
        public $source_worker_id = 0;
        /** @var int The sending worker's id too (as Swoole 6.2.1 fills it). */
        public $worker_id = 0;
        /** @var float When the message was dispatched. */
        public $dispatch_time = 0.0;
        /** @var mixed The message. */
        public $data = null;
    }

    /** With event_object: the argument after $server of onFinish and of task()'s finish callback. */
    class TaskResult
    {
        /** @var int The id task() returned. */
        public $task_id = 0;
        /** @var int The task worker that ran it (its worker id, from worker_num on). */
        public $task_worker_id = 0;
        /** @var float When the result was dispatched. */
        public $dispatch_time = 0.0;
        /** @var mixed The result. */
        public $data = null;
    }

    /** With event_object: onWorkerError's argument after $server. */
    class StatusInfo
    {
        /** @var int The worker's id. */
        public $worker_id = 0;
        /** @var int The worker's pid. */
        public $worker_pid = 0;
        /** @var int The raw wait status (exit code << 8, or the signal number). */
        public $status = 0;
        /** @var int The exit code. */
        public $exit_code = 0;
        /** @var int The signal that ended it, or 0. */
        public $signal = 0;
    }
}

namespace Swoole {
    /**
     * A blocking client (SWOOLE_SOCK_SYNC). With the server's framing settings
     * (open_length_check, open_eof_check/open_eof_split, package_*) recv() returns
     * exactly one packet.
     */
    class Client
    {
        public const MSG_OOB = 1;
        public const MSG_PEEK = 2;
        public const MSG_DONTWAIT = 64;
        public const MSG_WAITALL = 256;
        public const SHUT_RDWR = 2;
        public const SHUT_RD = 0;
        public const SHUT_WR = 1;
        /** @var int errno of the last failure. */
        public $errCode = 0;
        /** @var string Its message. */
        public $errMsg = '';
        public $sock = -1;
        public $reuse = false;
        public $reuseCount = 0;
        public $type = 0;
        public $id = null;
        public $setting = null;

        /** @throws Exception for SWOOLE_SOCK_ASYNC (removed from Swoole in 4.3) or SWOOLE_SSL */
        public function __construct(int $type, bool $async = \SWOOLE_SOCK_SYNC, string $id = '') {}
        /** The connection closes when the object is freed; there for a subclass's parent::__destruct(). */
        public function __destruct() {}
        /**
         * Merged into $setting; the next connect() reads them (a connected
         * client keeps its own): framing keys, package_length_func (gets the
         * buffered bytes, returns the packet length, 0 = need more, negative =
         * bad), sizes as PHP quantities ('2M'), open_tcp_nodelay, and
         * timeout/connect_timeout/read_timeout/write_timeout (seconds).
         */
        public function set(array $settings): bool {}
        /** A refused or timed-out connect warns, sets errCode/errMsg and returns false. */
        public function connect(string $host, int $port = 0, float $timeout = 0.5, int $sock_flag = 0): bool {}
        /** One read (or $size bytes with MSG_WAITALL); one packet with framing; "" when the server closed. */
        public function recv(int $size = 65536, int $flag = 0): string|false {}
        public function send(string $data, int $flag = 0): int|false {}
        /** Zero-copy; $length 0 = to the end. A negative $offset or $length warns, false. */
        public function sendfile(string $filename, int $offset = 0, int $length = 0): bool {}
        /**
         * One datagram (UDP, UDP6; Unix datagram: $ip is the peer's socket
         * file, $port ignored). False with errCode (no warning) when the peer's
         * queue stays full past the timeout.
         */
        public function sendto(string $ip, int $port, string $data): bool {}
        public function shutdown(int $how): bool {}
        /** Starts TLS on the connected socket with the ssl_* settings of `$client->setting`. */
        public function enableSSL(?callable $onSslReady = null): bool {}
        /** The server's certificate (PEM), false without a TLS session. */
        public function getPeerCert(): string|bool {}
        /** Whether the server's certificate verifies (and names ssl_host_name); optional bool $allow_self_signed. */
        public function verifyPeerCert(): bool {}
        public function isConnected(): bool {}
        /** @return array{port:int,host:string}|false */
        public function getsockname(): array|false {}
        /** @return array{port:int,host:string}|false */
        public function getpeername(): array|false {}
        public function close(bool $force = false): bool {}
    }
}

namespace {
    /** Swoole 4 name of Swoole\Client (dropped by Swoole 6, kept here). */
    class swoole_client extends \Swoole\Client {}
    /** Swoole 4 name of Swoole\Process. */
    class swoole_process extends \Swoole\Process {}
}

namespace Swoole {
    /** The names of every event and option (defined while swoole.enable_library is On). */
    class Constant
    {
        public const EVENT_START = 'start';
        public const EVENT_BEFORE_SHUTDOWN = 'beforeShutdown';
        public const EVENT_SHUTDOWN = 'shutdown';
        public const EVENT_WORKER_START = 'workerStart';
        public const EVENT_WORKER_STOP = 'workerStop';
        public const EVENT_BEFORE_RELOAD = 'beforeReload';
        public const EVENT_AFTER_RELOAD = 'afterReload';
        public const EVENT_TASK = 'task';
        public const EVENT_FINISH = 'finish';
        public const EVENT_WORKER_EXIT = 'workerExit';
        public const EVENT_WORKER_ERROR = 'workerError';
        public const EVENT_MANAGER_START = 'managerStart';
        public const EVENT_MANAGER_STOP = 'managerStop';
        public const EVENT_PIPE_MESSAGE = 'pipeMessage';
        public const EVENT_CONNECT = 'connect';
        public const EVENT_RECEIVE = 'receive';
        public const EVENT_CLOSE = 'close';
        public const EVENT_PACKET = 'packet';
        public const EVENT_BUFFER_FULL = 'bufferFull';
        public const EVENT_BUFFER_EMPTY = 'bufferEmpty';
        public const EVENT_REQUEST = 'request';
        public const EVENT_HANDSHAKE = 'handshake';
        public const EVENT_BEFORE_HANDSHAKE_RESPONSE = 'beforeHandshakeResponse';
        public const EVENT_OPEN = 'open';
        public const EVENT_MESSAGE = 'message';
        public const EVENT_DISCONNECT = 'disconnect';
        public const EVENT_ERROR = 'error';
        public const OPTION_DEBUG_MODE = 'debug_mode';
        public const OPTION_TRACE_FLAGS = 'trace_flags';
        public const OPTION_LOG_FILE = 'log_file';
        public const OPTION_LOG_LEVEL = 'log_level';
        public const OPTION_LOG_DATE_FORMAT = 'log_date_format';
        public const OPTION_LOG_DATE_WITH_MICROSECONDS = 'log_date_with_microseconds';
        public const OPTION_LOG_ROTATION = 'log_rotation';
        public const OPTION_DISPLAY_ERRORS = 'display_errors';
        public const OPTION_DNS_SERVER = 'dns_server';
        public const OPTION_SOCKET_DNS_TIMEOUT = 'socket_dns_timeout';
        public const OPTION_SOCKET_CONNECT_TIMEOUT = 'socket_connect_timeout';
        public const OPTION_SOCKET_WRITE_TIMEOUT = 'socket_write_timeout';
        public const OPTION_SOCKET_SEND_TIMEOUT = 'socket_send_timeout';
        public const OPTION_SOCKET_READ_TIMEOUT = 'socket_read_timeout';
        public const OPTION_SOCKET_RECV_TIMEOUT = 'socket_recv_timeout';
        public const OPTION_SOCKET_TIMEOUT = 'socket_timeout';
        public const OPTION_SOCKET_BUFFER_SIZE = 'socket_buffer_size';
        public const OPTION_HTTP2_HEADER_TABLE_SIZE = 'http2_header_table_size';
        public const OPTION_HTTP2_ENABLE_PUSH = 'http2_enable_push';
        public const OPTION_HTTP2_MAX_CONCURRENT_STREAMS = 'http2_max_concurrent_streams';
        public const OPTION_HTTP2_INIT_WINDOW_SIZE = 'http2_init_window_size';
        public const OPTION_HTTP2_MAX_FRAME_SIZE = 'http2_max_frame_size';
        public const OPTION_HTTP2_MAX_HEADER_LIST_SIZE = 'http2_max_header_list_size';
        public const OPTION_HTTP2_MAX_HEADERS = 'http2_max_headers';
        public const OPTION_AIO_CORE_WORKER_NUM = 'aio_core_worker_num';
        public const OPTION_AIO_WORKER_NUM = 'aio_worker_num';
        public const OPTION_AIO_MAX_WAIT_TIME = 'aio_max_wait_time';
        public const OPTION_AIO_MAX_IDLE_TIME = 'aio_max_idle_time';
        public const OPTION_IOURING_ENTRIES = 'iouring_entries';
        public const OPTION_IOURING_WORKERS = 'iouring_workers';
        public const OPTION_IOURING_FLAG = 'iouring_flag';
        public const OPTION_ENABLE_SIGNALFD = 'enable_signalfd';
        public const OPTION_ENABLE_KQUEUE = 'enable_kqueue';
        public const OPTION_WAIT_SIGNAL = 'wait_signal';
        public const OPTION_DNS_CACHE_REFRESH_TIME = 'dns_cache_refresh_time';
        public const OPTION_THREAD_NUM = 'thread_num';
        public const OPTION_MIN_THREAD_NUM = 'min_thread_num';
        public const OPTION_MAX_THREAD_NUM = 'max_thread_num';
        public const OPTION_SOCKET_DONTWAIT = 'socket_dontwait';
        public const OPTION_DNS_LOOKUP_RANDOM = 'dns_lookup_random';
        public const OPTION_USE_ASYNC_RESOLVER = 'use_async_resolver';
        public const OPTION_ENABLE_COROUTINE = 'enable_coroutine';
        public const OPTION_SSL_PROTOCOLS = 'ssl_protocols';
        public const OPTION_SSL_COMPRESS = 'ssl_compress';
        public const OPTION_SSL_CERT_FILE = 'ssl_cert_file';
        public const OPTION_SSL_KEY_FILE = 'ssl_key_file';
        public const OPTION_SSL_PASSPHRASE = 'ssl_passphrase';
        public const OPTION_SSL_HOST_NAME = 'ssl_host_name';
        public const OPTION_SSL_VERIFY_PEER = 'ssl_verify_peer';
        public const OPTION_SSL_ALLOW_SELF_SIGNED = 'ssl_allow_self_signed';
        public const OPTION_SSL_CAFILE = 'ssl_cafile';
        public const OPTION_SSL_CAPATH = 'ssl_capath';
        public const OPTION_SSL_VERIFY_DEPTH = 'ssl_verify_depth';
        public const OPTION_SSL_CIPHERS = 'ssl_ciphers';
        public const OPTION_OPEN_EOF_CHECK = 'open_eof_check';
        public const OPTION_OPEN_EOF_SPLIT = 'open_eof_split';
        public const OPTION_PACKAGE_EOF = 'package_eof';
        public const OPTION_OPEN_MQTT_PROTOCOL = 'open_mqtt_protocol';
        public const OPTION_OPEN_LENGTH_CHECK = 'open_length_check';
        public const OPTION_PACKAGE_LENGTH_TYPE = 'package_length_type';
        public const OPTION_PACKAGE_LENGTH_OFFSET = 'package_length_offset';
        public const OPTION_PACKAGE_BODY_OFFSET = 'package_body_offset';
        public const OPTION_PACKAGE_LENGTH_FUNC = 'package_length_func';
        public const OPTION_PACKAGE_MAX_LENGTH = 'package_max_length';
        public const OPTION_BUFFER_HIGH_WATERMARK = 'buffer_high_watermark';
        public const OPTION_BUFFER_LOW_WATERMARK = 'buffer_low_watermark';
        public const OPTION_BIND_PORT = 'bind_port';
        public const OPTION_BIND_ADDRESS = 'bind_address';
        public const OPTION_OPEN_TCP_NODELAY = 'open_tcp_nodelay';
        public const OPTION_SOCKS5_HOST = 'socks5_host';
        public const OPTION_SOCKS5_PORT = 'socks5_port';
        public const OPTION_SOCKS5_USERNAME = 'socks5_username';
        public const OPTION_SOCKS5_PASSWORD = 'socks5_password';
        public const OPTION_HTTP_PROXY_HOST = 'http_proxy_host';
        public const OPTION_HTTP_PROXY_PORT = 'http_proxy_port';
        public const OPTION_HTTP_PROXY_USERNAME = 'http_proxy_username';
        public const OPTION_HTTP_PROXY_USER = 'http_proxy_user';
        public const OPTION_HTTP_PROXY_PASSWORD = 'http_proxy_password';
        public const OPTION_MAX_CORO_NUM = 'max_coro_num';
        public const OPTION_MAX_COROUTINE = 'max_coroutine';
        public const OPTION_ENABLE_DEADLOCK_CHECK = 'enable_deadlock_check';
        public const OPTION_HOOK_FLAGS = 'hook_flags';
        public const OPTION_ENABLE_PREEMPTIVE_SCHEDULER = 'enable_preemptive_scheduler';
        public const OPTION_C_STACK_SIZE = 'c_stack_size';
        public const OPTION_STACK_SIZE = 'stack_size';
        public const OPTION_NAME_RESOLVER = 'name_resolver';
        public const OPTION_DNS_CACHE_EXPIRE = 'dns_cache_expire';
        public const OPTION_DNS_CACHE_CAPACITY = 'dns_cache_capacity';
        public const OPTION_CONNECT_TIMEOUT = 'connect_timeout';
        public const OPTION_TIMEOUT = 'timeout';
        public const OPTION_MAX_RETRIES = 'max_retries';
        public const OPTION_DEFER = 'defer';
        public const OPTION_LOWERCASE_HEADER = 'lowercase_header';
        public const OPTION_KEEP_ALIVE = 'keep_alive';
        public const OPTION_WEBSOCKET_MASK = 'websocket_mask';
        public const OPTION_HTTP_COMPRESSION = 'http_compression';
        public const OPTION_BODY_DECOMPRESSION = 'body_decompression';
        public const OPTION_WEBSOCKET_COMPRESSION = 'websocket_compression';
        public const OPTION_WRITE_FUNC = 'write_func';
        public const OPTION_HTTP_PARSE_COOKIE = 'http_parse_cookie';
        public const OPTION_HTTP_PARSE_POST = 'http_parse_post';
        public const OPTION_HTTP_PARSE_FILES = 'http_parse_files';
        public const OPTION_HTTP_COMPRESSION_LEVEL = 'http_compression_level';
        public const OPTION_COMPRESSION_LEVEL = 'compression_level';
        public const OPTION_HTTP_GZIP_LEVEL = 'http_gzip_level';
        public const OPTION_HTTP_COMPRESSION_MIN_LENGTH = 'http_compression_min_length';
        public const OPTION_COMPRESSION_MIN_LENGTH = 'compression_min_length';
        public const OPTION_HTTP_COMPRESSION_TYPES = 'http_compression_types';
        public const OPTION_COMPRESSION_TYPES = 'compression_types';
        public const OPTION_UPLOAD_TMP_DIR = 'upload_tmp_dir';
        public const OPTION_ENABLE_MESSAGE_BUS = 'enable_message_bus';
        public const OPTION_MAX_PACKAGE_SIZE = 'max_package_size';
        public const OPTION_SSL = 'ssl';
        public const OPTION_CHROOT = 'chroot';
        public const OPTION_USER = 'user';
        public const OPTION_GROUP = 'group';
        public const OPTION_DAEMONIZE = 'daemonize';
        public const OPTION_PID_FILE = 'pid_file';
        public const OPTION_REACTOR_NUM = 'reactor_num';
        public const OPTION_SINGLE_THREAD = 'single_thread';
        public const OPTION_WORKER_NUM = 'worker_num';
        public const OPTION_MAX_WAIT_TIME = 'max_wait_time';
        public const OPTION_MAX_QUEUED_BYTES = 'max_queued_bytes';
        public const OPTION_MAX_CONCURRENCY = 'max_concurrency';
        public const OPTION_WORKER_MAX_CONCURRENCY = 'worker_max_concurrency';
        public const OPTION_SEND_TIMEOUT = 'send_timeout';
        public const OPTION_DISPATCH_MODE = 'dispatch_mode';
        public const OPTION_SEND_YIELD = 'send_yield';
        public const OPTION_DISPATCH_FUNC = 'dispatch_func';
        public const OPTION_DISCARD_TIMEOUT_REQUEST = 'discard_timeout_request';
        public const OPTION_ENABLE_UNSAFE_EVENT = 'enable_unsafe_event';
        public const OPTION_ENABLE_DELAY_RECEIVE = 'enable_delay_receive';
        public const OPTION_ENABLE_REUSE_PORT = 'enable_reuse_port';
        public const OPTION_TASK_USE_OBJECT = 'task_use_object';
        public const OPTION_TASK_OBJECT = 'task_object';
        public const OPTION_EVENT_OBJECT = 'event_object';
        public const OPTION_TASK_ENABLE_COROUTINE = 'task_enable_coroutine';
        public const OPTION_TASK_WORKER_NUM = 'task_worker_num';
        public const OPTION_TASK_IPC_MODE = 'task_ipc_mode';
        public const OPTION_TASK_TMPDIR = 'task_tmpdir';
        public const OPTION_TASK_MAX_REQUEST = 'task_max_request';
        public const OPTION_TASK_MAX_REQUEST_GRACE = 'task_max_request_grace';
        public const OPTION_MAX_CONNECTION = 'max_connection';
        public const OPTION_MAX_CONN = 'max_conn';
        public const OPTION_START_SESSION_ID = 'start_session_id';
        public const OPTION_HEARTBEAT_CHECK_INTERVAL = 'heartbeat_check_interval';
        public const OPTION_HEARTBEAT_IDLE_TIME = 'heartbeat_idle_time';
        public const OPTION_MAX_REQUEST = 'max_request';
        public const OPTION_MAX_REQUEST_GRACE = 'max_request_grace';
        public const OPTION_RELOAD_ASYNC = 'reload_async';
        public const OPTION_OPEN_CPU_AFFINITY = 'open_cpu_affinity';
        public const OPTION_CPU_AFFINITY_IGNORE = 'cpu_affinity_ignore';
        public const OPTION_UPLOAD_MAX_FILESIZE = 'upload_max_filesize';
        public const OPTION_ENABLE_STATIC_HANDLER = 'enable_static_handler';
        public const OPTION_DOCUMENT_ROOT = 'document_root';
        public const OPTION_HTTP_AUTOINDEX = 'http_autoindex';
        public const OPTION_HTTP_INDEX_FILES = 'http_index_files';
        public const OPTION_STATIC_HANDLER_LOCATIONS = 'static_handler_locations';
        public const OPTION_URL_REWRITE_RULES = 'url_rewrite_rules';
        public const OPTION_INPUT_BUFFER_SIZE = 'input_buffer_size';
        public const OPTION_BUFFER_INPUT_SIZE = 'buffer_input_size';
        public const OPTION_OUTPUT_BUFFER_SIZE = 'output_buffer_size';
        public const OPTION_BUFFER_OUTPUT_SIZE = 'buffer_output_size';
        public const OPTION_MESSAGE_QUEUE_KEY = 'message_queue_key';
        public const OPTION_BOOTSTRAP = 'bootstrap';
        public const OPTION_INIT_ARGUMENTS = 'init_arguments';
        public const OPTION_BACKLOG = 'backlog';
        public const OPTION_KERNEL_SOCKET_RECV_BUFFER_SIZE = 'kernel_socket_recv_buffer_size';
        public const OPTION_KERNEL_SOCKET_SEND_BUFFER_SIZE = 'kernel_socket_send_buffer_size';
        public const OPTION_TCP_DEFER_ACCEPT = 'tcp_defer_accept';
        public const OPTION_OPEN_TCP_KEEPALIVE = 'open_tcp_keepalive';
        public const OPTION_OPEN_HTTP_PROTOCOL = 'open_http_protocol';
        public const OPTION_OPEN_WEBSOCKET_PROTOCOL = 'open_websocket_protocol';
        public const OPTION_WEBSOCKET_SUBPROTOCOL = 'websocket_subprotocol';
        public const OPTION_OPEN_WEBSOCKET_CLOSE_FRAME = 'open_websocket_close_frame';
        public const OPTION_OPEN_WEBSOCKET_PING_FRAME = 'open_websocket_ping_frame';
        public const OPTION_OPEN_WEBSOCKET_PONG_FRAME = 'open_websocket_pong_frame';
        public const OPTION_OPEN_HTTP2_PROTOCOL = 'open_http2_protocol';
        public const OPTION_OPEN_REDIS_PROTOCOL = 'open_redis_protocol';
        public const OPTION_MAX_IDLE_TIME = 'max_idle_time';
        public const OPTION_TCP_KEEPIDLE = 'tcp_keepidle';
        public const OPTION_TCP_KEEPINTERVAL = 'tcp_keepinterval';
        public const OPTION_TCP_KEEPCOUNT = 'tcp_keepcount';
        public const OPTION_TCP_USER_TIMEOUT = 'tcp_user_timeout';
        public const OPTION_TCP_FASTOPEN = 'tcp_fastopen';
        public const OPTION_PACKAGE_BODY_START = 'package_body_start';
        public const OPTION_SSL_CLIENT_CERT_FILE = 'ssl_client_cert_file';
        public const OPTION_SSL_PREFER_SERVER_CIPHERS = 'ssl_prefer_server_ciphers';
        public const OPTION_SSL_ECDH_CURVE = 'ssl_ecdh_curve';
        public const OPTION_SSL_DHPARAM = 'ssl_dhparam';
        public const OPTION_SSL_SNI_CERTS = 'ssl_sni_certs';
        public const OPTION_OPEN_SSL = 'open_ssl';
        public const OPTION_OPEN_FASTCGI_PROTOCOL = 'open_fastcgi_protocol';
        public const OPTION_READ_TIMEOUT = 'read_timeout';
        public const OPTION_WRITE_TIMEOUT = 'write_timeout';
        public const OPTION_SSL_DISABLE_COMPRESSION = 'ssl_disable_compression';
        public const OPTION_SSL_GREASE = 'ssl_grease';
        public const OPTION_EXIT_CONDITION = 'exit_condition';
        public const OPTION_DEADLOCK_CHECK_DISABLE_TRACE = 'deadlock_check_disable_trace';
        public const OPTION_DEADLOCK_CHECK_LIMIT = 'deadlock_check_limit';
        public const OPTION_DEADLOCK_CHECK_DEPTH = 'deadlock_check_depth';
        public const OPTION_STATS_FILE = 'stats_file';
        public const OPTION_STATS_TIMER_INTERVAL = 'stats_timer_interval';
        public const OPTION_ADMIN_SERVER = 'admin_server';
        public const OPTION_HTTP_CLIENT_DRIVER = 'http_client_driver';
    }
}

namespace Co {
    /** Short name of Swoole\Coroutine\Socket (while swoole.use_shortname is On). */
    class Socket extends \Swoole\Coroutine\Socket {}
}

namespace {
    /** Swoole\Lock types. */
    const SWOOLE_MUTEX = 3;
    const SWOOLE_RWLOCK = 1;
    const SWOOLE_SPINLOCK = 5;
}

namespace Swoole {
    /**
     * Rows of typed columns in shared memory, keyed by strings of 1 to 63 bytes. Created before start()
     * (or Swoole\Process::start()), shared by every process forked after. A table made for N rows holds
     * exactly N keys, whatever their hashes; reads take no lock and never see a half-written row.
     */
    class Table implements \Iterator, \Countable
    {
        public const TYPE_INT = 1;
        public const TYPE_STRING = 3;
        public const TYPE_FLOAT = 2;
        /** Rows (set by create()). */
        public $size = null;
        /** Bytes of shared memory (set by create()). */
        public $memorySize = null;

        /** $table_size is rounded up to a power of two (at least 64); $conflict_proportion is unused. */
        public function __construct(int $table_size, float $conflict_proportion = 0.2) {}
        /** TYPE_STRING needs $size >= 1 (rounded up to 8); before create() only. */
        public function column(string $name, int $type, int $size = 0): bool {}
        /** Maps the memory; too big for memory is a fatal error naming the size. */
        public function create(): bool {}
        public function destroy(): bool {}
        /** A new row starts zeroed; an existing one changes only the columns given. False when full. */
        public function set(string $key, array $value): bool {}
        /** Only if the key is new. */
        public function add(string $key, array $values): bool {}
        /** Only if the key exists. */
        public function update(string $key, array $values): bool {}
        /** Writes $values if every value in $expected matches, atomically. */
        public function cmpset(string $key, array $expected, array $values): bool {}
        /** The row, one column of it ($field), or false. */
        public function get(string $key, ?string $field = null): array|string|int|float|false {}
        /** get(), then deletes the row. */
        public function getdel(string $key, ?string $field = null): array|string|int|float|false {}
        public function count(): int {}
        public function del(string $key): bool {}
        public function delete(string $key): bool {}
        /** Deletes the row if every value in $expected matches, atomically. */
        public function cmpdel(string $key, array $expected): bool {}
        public function exists(string $key): bool {}
        public function exist(string $key): bool {}
        /** Int or float columns; a new key starts at 0. The new value, or false. */
        public function incr(string $key, string $column, int|float $incrby = 1): int|float|false {}
        public function decr(string $key, string $column, int|float $incrby = 1): int|float|false {}
        public function getSize(): int {}
        public function getMemorySize(): int {}
        /** @return array{num:int,conflict_count:int,conflict_max_level:int,insert_count:int,update_count:int,delete_count:int,available_slice_num:int,total_slice_num:int}|false */
        public function stats(): array|false {}
        public function rewind(): void {}
        public function valid(): bool {}
        public function next(): void {}
        public function current(): mixed {}
        public function key(): mixed {}
    }

    /** An unsigned 32-bit counter in shared memory; also an event between processes (wait/wakeup). */
    class Atomic
    {
        public function __construct(int $value = 0) {}
        public function add(int $add_value = 1): int {}
        public function sub(int $sub_value = 1): int {}
        public function get(): int {}
        public function set(int $value): void {}
        /** Sleeps while the value is 0 and takes a 1 set by wakeup(); $timeout <= 0: no limit. */
        public function wait(float $timeout = 1.0): bool {}
        /** Turns a 0 into a 1 and wakes up to $count waiters. */
        public function wakeup(int $count = 1): bool {}
        public function cmpset(int $cmp_value, int $new_value): bool {}
    }

    /**
     * A mutex, read-write lock or spinlock in shared memory, held by processes. A lock whose holder died
     * is taken over by the next locker (with a warning naming the dead process).
     */
    class Lock
    {
        public const MUTEX = 3;
        public const RWLOCK = 1;
        public const SPINLOCK = 5;
        /** The errno of the last failure: 16 EBUSY, 110 ETIMEDOUT, 35 EDEADLK, 1 EPERM. */
        public $errCode = 0;

        public function __construct(int $type = \SWOOLE_MUTEX) {}
        /** LOCK_NB: do not wait; LOCK_SH: shared (RWLOCK); $timeout > 0: seconds at most. */
        public function lock(int $operation = \LOCK_EX, float $timeout = -1): bool {}
        /** False (errCode EPERM) when the caller does not hold it. */
        public function unlock(): bool {}
    }
}

namespace Swoole\Atomic {
    /** A signed 64-bit counter in shared memory. */
    class Long
    {
        public function __construct(int $value = 0) {}
        public function add(int $add_value = 1): int {}
        public function sub(int $sub_value = 1): int {}
        public function get(): int {}
        public function set(int $value): void {}
        public function cmpset(int $cmp_value, int $new_value): bool {}
    }
}

namespace Swoole\Http {
    /**
     * An HTTP/1 server: Swoole\Server with onRequest(Request $request, Response $response) on its
     * port 0 (and on every other port unless that port sets open_http_protocol to false). Requests
     * are parsed in the worker, one at a time per worker, answered in order.
     */
    class Server extends \Swoole\Server
    {
    }

    /** One request: Swoole's public properties, filled before onRequest runs. */
    class Request
    {
        /** @var int The connection's session id. */
        public $fd = 0;
        /** @var int Always 0 (HTTP/1). */
        public $streamId = 0;
        /** @var array|null Header names lower-cased; a header sent twice is a list. */
        public $header = null;
        /** @var array|null request_method, request_uri, path_info, query_string, server_protocol, remote_addr, ... */
        public $server = null;
        /** @var array|null With http_parse_cookie. */
        public $cookie = null;
        /** @var array|null The query string. */
        public $get = null;
        /** @var array|null With http_parse_files: type, tmp_name, size, name, error. */
        public $files = null;
        /** @var array|null With http_parse_post: urlencoded and multipart bodies. */
        public $post = null;
        /** @var array|null The upload temp files (removed when the request goes). */
        public $tmpfiles = null;

        /** The body as received (decoded chunks for a chunked body). */
        public function getContent(): string|false {}
        public function rawContent(): string|false {}
        /** The head and the body. */
        public function getData(): string|false {}
        /** An empty request to parse() into; options parse_cookie, parse_body, parse_files, upload_tmp_dir. */
        public static function create(array $options = []): Request {}
        /** Feeds a piece of a request: the bytes taken, false once complete or malformed. */
        public function parse(string $data): int|false {}
        public function isCompleted(): bool {}
        public function getMethod(): string|false {}
    }

    /** The answer to one request; freed unanswered, it sends 500. */
    class Response
    {
        /** @var int The connection's session id. */
        public $fd = 0;
        /** @var mixed Always null (no coroutine socket). */
        public $socket = null;
        /** @var array|null The headers set, names as sent. */
        public $header = null;
        /** @var array|null The Set-Cookie values. */
        public $cookie = null;
        /** @var array|null The trailers set. */
        public $trailer = null;

        public function initHeader(): bool {}
        public function isWritable(): bool {}
        public function cookie(Cookie|string $name_or_object, string $value = '', int $expires = 0, string $path = '/', string $domain = '', bool $secure = false, bool $httponly = false, string $samesite = '', string $priority = '', bool $partitioned = false): bool {}
        public function setCookie(Cookie|string $name_or_object, string $value = '', int $expires = 0, string $path = '/', string $domain = '', bool $secure = false, bool $httponly = false, string $samesite = '', string $priority = '', bool $partitioned = false): bool {}
        /** The value is sent as given. */
        public function rawcookie(Cookie|string $name_or_object, string $value = '', int $expires = 0, string $path = '/', string $domain = '', bool $secure = false, bool $httponly = false, string $samesite = '', string $priority = '', bool $partitioned = false): bool {}
        public function setRawCookie(Cookie|string $name_or_object, string $value = '', int $expires = 0, string $path = '/', string $domain = '', bool $secure = false, bool $httponly = false, string $samesite = '', string $priority = '', bool $partitioned = false): bool {}
        public function status(int $http_code, string $reason = ''): bool {}
        public function setStatusCode(int $http_code, string $reason = ''): bool {}
        /** $format: Swoole's capitalisation of the name (x-foo: X-Foo). */
        public function header(string $key, array|string $value, bool $format = true): bool {}
        public function setHeader(string $key, array|string $value, bool $format = true): bool {}
        /** Sent after the last chunk of a write() answer. */
        public function trailer(string $key, string $value): bool {}
        /** HTTP/2 and WebSocket only: warns and returns false here. */
        public function ping(string $data = ''): bool {}
        /** HTTP/2 only: warns and returns false here. */
        public function goaway(int $error_code = \SWOOLE_HTTP2_ERROR_NO_ERROR, string $debug_data = ''): bool {}
        /** One chunk (Transfer-Encoding: chunked; the head goes with the first). */
        public function write(string $content): bool {}
        /** The answer (compressed by Accept-Encoding with http_compression), or the last chunk after write(). */
        public function end(?string $content = null): bool {}
        public function sendfile(string $filename, int $offset = 0, int $length = 0): bool {}
        public function redirect(string $location, int $http_code = 302): bool {}
        /** This object stops answering; Response::create($server, $fd) answers instead. */
        public function detach(): bool {}
        public static function create(object|array|int $server = -1, int $fd = -1): Response|false {}
        /** WebSocket only: warns and returns false here. */
        public function upgrade(): bool {}
        public function push(\Swoole\WebSocket\Frame|string $data, int $opcode = \SWOOLE_WEBSOCKET_OPCODE_TEXT, int $flags = \SWOOLE_WEBSOCKET_FLAG_FIN): bool {}
        public function recv(float $timeout = 0): \Swoole\WebSocket\Frame|string|false {}
        /** Closes the connection without an answer. */
        public function close(): bool {}
        public function disconnect(int $code = \SWOOLE_WEBSOCKET_CLOSE_NORMAL, string $reason = ''): bool {}
    }

    /** A Set-Cookie built by parts; give it to Response::cookie() (its $encode decides, not the method). */
    class Cookie
    {
        /** @param bool $encode url-encode the value (cookie()), or send it as given (rawCookie()). */
        public function __construct(bool $encode = true) {}
        public function withName(string $name): \Swoole\Http\Cookie {}
        public function withValue(string $value = ''): \Swoole\Http\Cookie {}
        public function withExpires(int $expires = 0): \Swoole\Http\Cookie {}
        public function withPath(string $path = '/'): \Swoole\Http\Cookie {}
        public function withDomain(string $domain = ''): \Swoole\Http\Cookie {}
        public function withSecure(bool $secure = false): \Swoole\Http\Cookie {}
        public function withHttpOnly(bool $httpOnly = false): \Swoole\Http\Cookie {}
        public function withSameSite(string $sameSite = ''): \Swoole\Http\Cookie {}
        public function withPriority(string $priority = ''): \Swoole\Http\Cookie {}
        public function withPartitioned(bool $partitioned = false): \Swoole\Http\Cookie {}
        /** The Set-Cookie value; false (a warning, the fields emptied) when refused. */
        public function toString(): string|false {}
        public function toArray(): array {}
        /** Every field back to its default, $encode too. */
        public function reset(): void {}
    }
}

namespace Swoole\WebSocket {
    /**
     * A WebSocket server (RFC 6455, permessage-deflate): an Http\Server whose port 0 (and every port
     * with open_websocket_protocol) answers Upgrade requests with the handshake, then calls
     * onOpen($server, $request), onMessage($server, Frame $frame) per whole message, onClose; plain
     * HTTP requests still go to onRequest. Frames are read in the worker that holds the connection.
     */
    class Server extends \Swoole\Http\Server
    {
        /** Sends one frame to $fd from any process; false (8503) if it has not done its handshake. */
        public function push(int $fd, \Swoole\WebSocket\Frame|string $data, int $opcode = \WEBSOCKET_OPCODE_TEXT, int $flags = \SWOOLE_WEBSOCKET_FLAG_FIN): bool {}
        /** Sends a close frame with $code and $reason, then closes (onDisconnect runs, not onClose). */
        public function disconnect(int $fd, int $code = \SWOOLE_WEBSOCKET_CLOSE_NORMAL, string $reason = ''): bool {}
        public function ping(int $fd, string $data = ''): bool {}
        /** Whether $fd finished its handshake (known in every process). */
        public function isEstablished(int $fd): bool {}
        public static function pack(\Swoole\WebSocket\Frame|string $data, int $opcode = \WEBSOCKET_OPCODE_TEXT, int $flags = \SWOOLE_WEBSOCKET_FLAG_FIN): string {}
        public static function unpack(string $data): \Swoole\WebSocket\Frame {}
    }

    /** One message (or a ping/pong/close delivered by open_websocket_*_frame). */
    class Frame implements \Stringable
    {
        public $fd = 0;
        public $data = '';
        public $opcode = 1;
        public $flags = 1;
        public $finish = null;
        public function __toString(): string {}
        public static function pack(\Swoole\WebSocket\Frame|string $data, int $opcode = \WEBSOCKET_OPCODE_TEXT, int $flags = \SWOOLE_WEBSOCKET_FLAG_FIN): string {}
        public static function unpack(string $data): \Swoole\WebSocket\Frame {}
    }

    /** A close frame: $code and $reason. */
    class CloseFrame extends Frame
    {
        public $opcode = 8;
        public $code = 1000;
        public $reason = '';
    }
}
