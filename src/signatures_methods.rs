//! The method declarations of `Swoole\Server` and `Swoole\Process`, exactly
//! as Swoole 6.2.1's Reflection shows them and in its order (see
//! [`crate::shape`]). They live here rather than next to their classes so
//! that those files can change shape without touching them; the other
//! classes keep their lists at the end of their own files.

use ext_php_rs::class::RegisteredClass;

/// `Swoole\Server`.
pub(crate) const SERVER: &[&str] = &[
    "__construct(string $host = '0.0.0.0', int $port = 0, int $mode = SWOOLE_BASE, int $sock_type = SWOOLE_SOCK_TCP)",
    "__destruct()",
    "listen(string $host, int $port, int $sock_type): Swoole\\Server\\Port|false",
    "addlistener(string $host, int $port, int $sock_type): Swoole\\Server\\Port|false",
    "on(string $event_name, callable $callback): bool",
    "getCallback(string $event_name): Closure|array|string|null",
    "set(array $settings): bool",
    "start(): bool",
    "send(string|int $fd, string $send_data, int $serverSocket = -1): bool",
    "sendto(string $ip, int $port, string $send_data, int $server_socket = -1): bool",
    "sendwait(int $conn_fd, string $send_data): bool",
    "exists(int $fd): bool",
    "exist(int $fd): bool",
    "protect(int $fd, bool $is_protected = true): bool",
    "sendfile(int $conn_fd, string $filename, int $offset = 0, int $length = 0): bool",
    "close(int $fd, bool $reset = false): bool",
    "confirm(int $fd): bool",
    "pause(int $fd): bool",
    "resume(int $fd): bool",
    "task(mixed $data, int $taskWorkerIndex = -1, ?callable $finishCallback = null): int|false",
    "taskwait(mixed $data, float $timeout = 0.5, int $taskWorkerIndex = -1): mixed",
    "taskWaitMulti(array $tasks, float $timeout = 0.5): array|false",
    "taskCo(array $tasks, float $timeout = 0.5): array|false",
    "finish(mixed $data): bool",
    "reload(bool $only_reload_taskworker = false): bool",
    "shutdown(): bool",
    "stop(int $workerId = -1): bool",
    "getLastError(): int",
    // Declared `= true` as in Swoole; omitted, it closes nothing, as
    // Swoole's C code does (see `Server::heartbeat`).
    "heartbeat(bool $ifCloseConnection = true): array|false",
    "getClientInfo(int $fd, int $reactor_id = -1, bool $ignoreError = false): array|false",
    "getClientList(int $start_fd = 0, int $find_count = 10): array|false",
    "getWorkerId(): int|false",
    "getWorkerPid(int $worker_id = -1): int|false",
    "getWorkerStatus(int $worker_id = -1): int|false",
    "getManagerPid(): int",
    "getMasterPid(): int",
    "connection_info(int $fd, int $reactor_id = -1, bool $ignoreError = false): array|false",
    "connection_list(int $start_fd = 0, int $find_count = 10): array|false",
    "sendMessage(mixed $message, int $dst_worker_id): bool",
    "command(string $name, int $process_id, int $process_type, mixed $data, bool $json_decode = true): array|string|false",
    "addCommand(string $name, int $accepted_process_types, callable $callback): bool",
    "addProcess(Swoole\\Process $process): int|false",
    "stats(): array",
    "bind(int $fd, int $uid): bool",
    // Swoole 4's timer methods, which Swoole 5 removed: kept, the seed
    // documents use them (their signatures as Swoole 4.8 declared them).
    "tick(int $ms, callable $callback, mixed ...$params): int|false",
    "after(int $ms, callable $callback, mixed ...$params): int|false",
    "clearTimer(int $timer_id): bool",
    "defer(callable $callback): bool",
];

/// `Swoole\Process`.
const PROCESS: &[&str] = &[
    "__construct(callable $callback, bool $redirect_stdin_and_stdout = false, int $pipe_type = SOCK_DGRAM, bool $enable_coroutine = false)",
    "__destruct()",
    "static wait(bool $blocking = true): array|false",
    "static signal(int $signal_no, ?callable $callback = null): bool",
    "static alarm(int $usec, int $type = 0): bool",
    "static kill(int $pid, int $signal_no = SIGTERM): bool",
    "static daemon(bool $nochdir = true, bool $noclose = true, array $pipes = []): bool",
    "static setAffinity(array $cpu_settings): bool",
    "static getAffinity(): array",
    "setPriority(int $which, int $priority, ?int $who = null): bool",
    "getPriority(int $which, ?int $who = null): int|false",
    "set(array $settings): void",
    "setTimeout(float $seconds): bool",
    "setBlocking(bool $blocking): bool",
    "useQueue(int $key = 0, int $mode = 2, int $capacity = -1): bool",
    "statQueue(): array|false",
    "freeQueue(): bool",
    "start(): int|bool",
    "write(string $data): int|false",
    "close(int $which = 0): bool",
    "read(int $size = 8192): string|false",
    "push(string $data): bool",
    "pop(int $size = 65536): string|false",
    "exit(int $exit_code = 0): void",
    "exec(string $exec_file, array $args): bool",
    "exportSocket(): Swoole\\Coroutine\\Socket|false",
    "name(string $process_name): bool",
];

/// Shapes `Swoole\Server` and `Swoole\Process` (first request).
pub fn fix_signatures() {
    crate::shape::shape(crate::server::Server::get_metadata().ce(), SERVER);
    crate::shape::shape(crate::process::Process::get_metadata().ce(), PROCESS);
}
