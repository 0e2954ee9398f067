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
    /** Master (reactor threads hold the connections) + manager + workers. */
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
    /** Swoole\Event::add()/set()/isset(): wait for the fd to be readable. */
    const SWOOLE_EVENT_READ = 512;
    /** Swoole\Event::add()/set()/isset(): wait for the fd to be writable. */
    const SWOOLE_EVENT_WRITE = 1024;
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

    /**
     * Alias of Swoole\Timer::tick(): runs $callback($timer_id, ...$params) every $ms.
     * @param int $ms interval in milliseconds, at least 1 (less: warning "Timer must be greater than or equal to 1", false)
     * @return int|false the timer id
     */
    function swoole_timer_tick(int $ms, callable $callback, mixed ...$params): int|false {}

    /**
     * Alias of Swoole\Timer::after(): runs $callback(...$params) once, $ms from now.
     * @param int $ms delay in milliseconds, at least 1 (less: warning "Timer must be greater than or equal to 1", false)
     * @return int|false the timer id
     */
    function swoole_timer_after(int $ms, callable $callback, mixed ...$params): int|false {}

    /** Alias of Swoole\Timer::exists(). */
    function swoole_timer_exists(int $timer_id): bool {}

    /** Alias of Swoole\Timer::info(). */
    function swoole_timer_info(int $timer_id): ?array {}

    /** Alias of Swoole\Timer::stats(). */
    function swoole_timer_stats(): array {}

    /** Alias of Swoole\Timer::list(). */
    function swoole_timer_list(): \Swoole\Timer\Iterator {}

    /** Alias of Swoole\Timer::clear(). */
    function swoole_timer_clear(int $timer_id): bool {}

    /** Alias of Swoole\Timer::clearAll(). */
    function swoole_timer_clear_all(): bool {}

    /**
     * Alias of Swoole\Event::add().
     * @param mixed $fd a PHP stream, an ext-sockets Socket, an int fd or a Swoole\Process (its pipe)
     * @param int $events SWOOLE_EVENT_READ, SWOOLE_EVENT_WRITE or both
     * @return int|false the fd number
     */
    function swoole_event_add(mixed $fd, ?callable $read_callback = null, ?callable $write_callback = null, int $events = SWOOLE_EVENT_READ): int|false {}

    /**
     * Alias of Swoole\Event::set().
     * @param int $events 0 keeps what the fd waits for
     */
    function swoole_event_set(mixed $fd, ?callable $read_callback = null, ?callable $write_callback = null, int $events = 0): bool {}

    /** Alias of Swoole\Event::del(). */
    function swoole_event_del(mixed $fd): bool {}

    /**
     * Alias of Swoole\Event::isset().
     * @param int $events SWOOLE_EVENT_READ | SWOOLE_EVENT_WRITE (1536) by default
     */
    function swoole_event_isset(mixed $fd, int $events = SWOOLE_EVENT_READ | SWOOLE_EVENT_WRITE): bool {}

    /** Alias of Swoole\Event::write(). */
    function swoole_event_write(mixed $fd, string $data): bool {}

    /** Alias of Swoole\Event::defer(). */
    function swoole_event_defer(callable $callback): bool {}

    /** Alias of Swoole\Event::cycle(). */
    function swoole_event_cycle(?callable $callback, bool $before = false): bool {}

    /** Alias of Swoole\Event::wait(). */
    function swoole_event_wait(): void {}

    /** Alias of Swoole\Event::dispatch(). */
    function swoole_event_dispatch(): bool {}

    /** Alias of Swoole\Event::exit(). */
    function swoole_event_exit(): void {}

    /** Alias of Swoole\Event::rshutdown(). */
    function swoole_event_rshutdown(): void {}

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
         * @param int $mode SWOOLE_BASE (each worker serves its own connections) or SWOOLE_PROCESS (a master's reactor threads hold them)
         * @param int $sock_type SWOOLE_SOCK_TCP, TCP6, UDP, UDP6, SWOOLE_UNIX_STREAM or SWOOLE_UNIX_DGRAM (then $host is the path)
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
         * ManagerStart, ManagerStop, PipeMessage, Connect, Receive, Close. Unknown names warn
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

        /** The error code of the last failed call in this process. */
        public function getLastError(): int {}

        /** Sends a file (or the range $offset, $length; 0 = to its end) zero-copy, in order with send(). */
        public function sendfile(int $conn_fd, string $filename, int $offset = 0, int $length = 0): bool {}

        /** SWOOLE_BASE only: sends and returns once the kernel took every byte. */
        public function sendwait(int $conn_fd, string $send_data): bool {}

        /**
         * One more port (TCP, TCP6, UDP, UDP6, or a Unix socket at the path
         * $host), with its own callbacks and settings if given; false (and a
         * warning) when it cannot be bound or the server runs.
         */
        public function addListener(string $host, int $port, int $sock_type): \Swoole\Server\Port|false {}

        /** Alias of addListener(). */
        public function listen(string $host, int $port, int $sock_type): \Swoole\Server\Port|false {}

        /**
         * Ties connection $fd to user id $uid, once per connection (a second
         * call returns false). With dispatch_mode 5 (SWOOLE_PROCESS) the uid,
         * not the fd, picks the worker of its later packets. A negative uid is
         * kept as its 32-bit unsigned form; out of [-2147483648, 4294967295]
         * warns and returns false. getClientInfo($fd)['uid'] shows it.
         */
        public function bind(int $fd, int $uid): bool {}

        /**
         * Registers a command command() can run in the processes of
         * $accepted_process_types (SWOOLE_SERVER_COMMAND_MASTER | MANAGER |
         * EVENT_WORKER | TASK_WORKER): $callback($server, string $json_data)
         * returns the answer, a string. Before start() only.
         */
        public function addCommand(string $name, int $accepted_process_types, callable $callback): bool {}

        /**
         * Runs command $name in one process (the master, the manager, event
         * worker $process_id or task worker number $process_id) and returns
         * its answer, json_decode()d unless $json_decode is false. Callable
         * from the master (SWOOLE_PROCESS) or worker 0 (SWOOLE_BASE).
         */
        public function command(string $name, int $process_id, int $process_type, mixed $data, bool $json_decode = true): array|string|false {}

        /** Exempts $fd from heartbeat checks (or ends the exemption). */
        public function protect(int $fd, bool $is_protected = true): bool {}

        /** Stops reading $fd (its data waits in the kernel) until resume(). */
        public function pause(int $fd): bool {}

        /** Reads a paused connection again; what arrived meanwhile is delivered. */
        public function resume(int $fd): bool {}

        /** With enable_delay_receive: starts reading a new connection. */
        public function confirm(int $fd): bool {}

        /**
         * Replaces every event and task worker (or only the task workers),
         * one after another, by sending SIGUSR1 (SIGUSR2) to the manager;
         * onBeforeReload/onAfterReload run there. In SWOOLE_PROCESS mode no
         * connection is dropped; a BASE worker first drains its connections.
         */
        public function reload(bool $only_reload_taskworker = false): bool {}

        /**
         * The connections without input for heartbeat_idle_time seconds (not
         * protected), closed when $ifCloseConnection is true; false when
         * heartbeat checks are off. In BASE mode only the calling worker's.
         * Called without the argument they are not closed: Swoole 6.2's C
         * code defaults to false, whatever its stub says, and so does this.
         */
        public function heartbeat(bool $ifCloseConnection = true): array|false {}

        public function getMasterPid(): int {}

        /** 0 in single-process mode. */
        public function getManagerPid(): int {}

        /** The worker id, or false outside a worker. */
        public function getWorkerId(): int|false {}

        /** The pid of worker $worker_id (-1: the calling worker). */
        public function getWorkerPid(int $worker_id = -1): int|false {}

        /** SWOOLE_WORKER_BUSY, SWOOLE_WORKER_IDLE or SWOOLE_WORKER_EXIT; false if unknown. */
        public function getWorkerStatus(int $worker_id = -1): int|false {}

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
         * Adds a user process, started with the workers by start(): its
         * callback runs in a child the server supervises (restarted when it
         * exits, SIGTERM on shutdown, untouched by worker restarts). Inside it
         * $process->id is its id after the workers (worker_num, worker_num + 1,
         * ...), and send(), close(), $server->connections, stats() and
         * sendMessage() work. Only before start() (warning + false after).
         * @return int|false its position: 1, 2, ...
         */
        public function addProcess(Process $process): int|false {}

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
        public function clearTimer(int $timerId): bool {}

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
        public static function add(mixed $fd, ?callable $read_callback = null, ?callable $write_callback = null, int $events = SWOOLE_EVENT_READ): int|false {}

        /**
         * Changes a watched fd: a null callback keeps the current one.
         * Warning + false if $fd is not watched or a requested event has no callback.
         * @param int $events the new mask; 0 keeps what the fd waits for
         */
        public static function set(mixed $fd, ?callable $read_callback = null, ?callable $write_callback = null, int $events = 0): bool {}

        /** Stops watching $fd; false if it was not watched. */
        public static function del(mixed $fd): bool {}

        /**
         * Whether $fd is watched for any of $events.
         * @param int $events SWOOLE_EVENT_READ | SWOOLE_EVENT_WRITE (1536) by default
         */
        public static function isset(mixed $fd, int $events = SWOOLE_EVENT_READ | SWOOLE_EVENT_WRITE): bool {}

        /**
         * Writes what $fd takes now and queues the rest, sent as it becomes
         * writable. $fd must be watched (add()); warning + false otherwise or
         * for empty $data.
         */
        public static function write(mixed $fd, string $data): bool {}

        /** Runs $callback after the current loop round (at the end of the script outside a loop). */
        public static function defer(callable $callback): bool {}

        /**
         * Runs $callback after every loop round; null removes it.
         * @param bool $before accepted; the callback still runs after the round
         * @return bool true if a callback was set or removed
         */
        public static function cycle(?callable $callback, bool $before = false): bool {}

        /**
         * Runs the loop until no timer, fd or deferred callback is left, or
         * exit(). A no-op inside a server worker, whose loop already runs.
         */
        public static function wait(): void {}

        /** Runs one round of the loop (waiting for the next event or timer); false if this process has no event loop. */
        public static function dispatch(): bool {}

        /** Clears this process's timers and ends the running loop after the current round. */
        public static function exit(): void {}

        /** Same as wait(): what runs the loop at the end of a plain script (Swoole's shutdown hook). */
        public static function rshutdown(): void {}
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
        /** @var int|null In a Server::addProcess() process: its id after the workers. */
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
        public function __construct(callable $callback, bool $redirect_stdin_and_stdout = false, int $pipe_type = SOCK_DGRAM, bool $enable_coroutine = false) {}

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
        public static function kill(int $pid, int $signal_no = SIGTERM): bool {}

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
        public function exportSocket(): Coroutine\Socket|false {}

        /** Sets the process title shown by ps (as swoole_set_process_name()). */
        public function name(string $process_name): bool {}
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
        public $host = null;
        public $port = 0;
        public $type = 0;
        public $sock = -1;
        public $ssl = false;
        public $setting = null;
        public $connections = null;

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

        /** Sends a result to the task's source. */
        public function finish(mixed $data): bool {}

        /** The task payload format of $data (a flags byte, then the string or its serialize()d form). */
        public static function pack(mixed $data): string|false {}

        /** Back from pack(). */
        public static function unpack(string $data): mixed {}
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
        public function __construct(int $type, bool $async = SWOOLE_SOCK_SYNC, string $id = '') {}
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
        /** Not supported: warns, false. */
        public function enableSSL(?callable $onSslReady = null): bool {}
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
