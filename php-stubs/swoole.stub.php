<?php
/**
 * IDE stubs for the `swoole` extension written in Rust (Swoole 6.2.1 API level).
 * Only what this build implements is listed; see docs/COMPATIBILITY.md.
 *
 * @noinspection PhpUnused
 */

namespace {
    /** The Swoole API level this extension implements. */
    const SWOOLE_VERSION = '6.2.1';
    const SWOOLE_VERSION_ID = 60201;
    /** Swoole's test helpers read this: the short class names are available. */
    const SWOOLE_USE_SHORTNAME = true;
    /** Each worker accepts and serves its own connections (the default since Swoole 5). */
    const SWOOLE_BASE = 1;
    /** Master + reactor threads + manager (not implemented yet: falls back to SWOOLE_BASE with a warning). */
    const SWOOLE_PROCESS = 2;
    const SWOOLE_SOCK_TCP = 1;
    const SWOOLE_SOCK_TCP6 = 3;
    const SWOOLE_SOCK_UDP = 2;
    const SWOOLE_SOCK_UDP6 = 4;
    const SWOOLE_SOCK_UNIX_STREAM = 5;
    const SWOOLE_SOCK_UNIX_DGRAM = 6;
    const SWOOLE_WORKER_BUSY = 1;
    const SWOOLE_WORKER_IDLE = 2;
    const SWOOLE_WORKER_EXIT = 3;
    const SWOOLE_ERROR_SESSION_NOT_EXIST = 1005;
    // ... and the rest of the SWOOLE_* server, process, timer, log and error constants.

    /** The Swoole API level implemented ("6.2.1"). */
    function swoole_version(): string {}

    /** Online CPUs. */
    function swoole_cpu_num(): int {}

    /** The error code of the last failed server call in this process (same as Server::getLastError()). */
    function swoole_last_error(): int {}

    /** Resets swoole_last_error() to 0. */
    function swoole_clear_error(): void {}

    /** errno of the last failed system call. */
    function swoole_errno(): int {}

    /**
     * The message for an error code: Swoole's own for codes above 500 (or with
     * SWOOLE_STRERROR_SWOOLE), the operating system's otherwise.
     */
    function swoole_strerror(int $errno, int $error_type = SWOOLE_STRERROR_SYSTEM): string {}

    /** Sets the process title shown by ps (cli_set_process_title). */
    function swoole_set_process_name(string $process_name): bool {}

    /**
     * Non-loopback addresses of this host, interface name => address.
     * @param int $family AF_INET (default) or AF_INET6
     * @return array<string, string>
     */
    function swoole_get_local_ip(int $family = AF_INET): array {}

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
         * starts in start()). A bind failure is reported by start().
         * @param int $mode SWOOLE_BASE (SWOOLE_PROCESS is not implemented yet and runs as SWOOLE_BASE, with a warning)
         * @param int $sock_type SWOOLE_SOCK_TCP or SWOOLE_SOCK_TCP6
         * @throws Exception for an unknown mode or an unsupported socket type
         */
        public function __construct(string $host = '0.0.0.0', int $port = 0, int $mode = SWOOLE_BASE, int $sock_type = SWOOLE_SOCK_TCP) {}

        /**
         * Merges settings (see docs/COMPATIBILITY.md for which keys act). Unknown
         * keys and out-of-range values give a warning naming the key; a refused
         * value is not applied. Only before start().
         */
        public function set(array $settings): bool {}

        /**
         * Registers a callback. Event names are case-insensitive, without "on":
         * Start, Shutdown, WorkerStart, WorkerStop, WorkerExit, WorkerError,
         * ManagerStart, ManagerStop, Connect, Receive, Close. Unknown names warn
         * and return false. Only before start().
         */
        public function on(string $event_name, callable $callback): bool {}

        /** The callback registered for an event, or null. */
        public function getCallback(string $event_name): \Closure|array|string|null {}

        /**
         * Runs the server. Returns false (with a warning) if it cannot start,
         * e.g. "failed to listen server port[127.0.0.1:9501], Error: Address
         * already in use[98]"; returns true after the server has shut down.
         */
        public function start(): bool {}

        /**
         * Sends data to a connection of this worker. False with getLastError()
         * 1005 for an unknown or closed $fd, 1003 while it is closing, 1001 after
         * close() was called.
         */
        public function send(string|int $fd, string $send_data, int $serverSocket = -1): bool {}

        /** Closes a connection (after its pending output, or at once with RST if $reset); onClose follows. */
        public function close(int $fd, bool $reset = false): bool {}

        /** Whether $fd is an open connection of this worker. */
        public function exists(int $fd): bool {}

        /** Alias of exists(). */
        public function exist(int $fd): bool {}

        /**
         * server_port, server_fd, socket_fd, socket_type, remote_port, remote_ip,
         * reactor_id, connect_time, last_time, last_recv_time, last_send_time,
         * last_dispatch_time, close_errno, recv_queued_bytes, send_queued_bytes.
         */
        public function getClientInfo(int $fd, int $reactor_id = -1, bool $ignoreError = false): array|false {}

        /** Alias of getClientInfo(). */
        public function connection_info(int $fd, int $reactor_id = -1, bool $ignoreError = false): array|false {}

        /**
         * Up to $find_count (at most 100) open $fd after $start_fd, ascending;
         * the connections of the calling worker, as in Swoole's BASE mode.
         * @return int[]|false
         */
        public function getClientList(int $start_fd = 0, int $find_count = 10): array|false {}

        /** Alias of getClientList(). */
        public function connection_list(int $start_fd = 0, int $find_count = 10): array|false {}

        /** Counters with Swoole 6's keys (start_time, connection_num, accept_count, ...). */
        public function stats(): array {}

        /** Stops every process of the server (SIGTERM to the master); callable from any worker. */
        public function shutdown(): bool {}

        /** Stops the calling worker (it finishes its connections and is replaced), or sends SIGTERM to worker $workerId. */
        public function stop(int $workerId = -1, bool $waitEvent = false): bool {}

        /** The error code of the last failed call in this process. */
        public function getLastError(): int {}

        public function getMasterPid(): int {}

        /** 0 in single-process mode. */
        public function getManagerPid(): int {}

        /** The worker id, or false outside a worker. */
        public function getWorkerId(): int|false {}

        /** The pid of worker $worker_id (-1: the calling worker). */
        public function getWorkerPid(int $worker_id = -1): int|false {}

        /** SWOOLE_WORKER_BUSY, SWOOLE_WORKER_IDLE or SWOOLE_WORKER_EXIT; false if unknown. */
        public function getWorkerStatus(int $worker_id = -1): int|false {}
    }
}

namespace Swoole\Server {
    /** A listener of a server, as found in $server->ports. Per-port settings and callbacks are not implemented yet. */
    class Port
    {
        public $host = null;
        public $port = 0;
        public $type = 0;
        public $sock = -1;
        public $ssl = false;
        public $setting = null;
        public $connections = null;

        /** Not implemented yet: warns. */
        public function set(array $settings): void {}

        /** Not implemented yet: warns and returns false. */
        public function on(string $event_name, callable $callback): bool {}

        /** Always null for now. */
        public function getCallback(string $event_name): ?\Closure {}
    }
}

namespace Swoole\Connection {
    /** $server->connections: the calling worker's open connections. */
    class Iterator implements \Iterator, \Countable, \ArrayAccess
    {
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
