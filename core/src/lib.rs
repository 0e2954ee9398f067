//! The Zend-free core of the `swoole` PHP extension.
//!
//! Nothing in this crate knows about PHP: the binding layer (`src/` of the
//! `swoole` crate) converts PHP values into the types here, calls in, and turns
//! the results back into PHP values, warnings and exceptions. Everything here is
//! tested with plain `cargo test -p swoole-core`.
//!
//! # Layout
//!
//! - [`client`]: the blocking client behind `Swoole\Client`.
//! - [`command`]: `addCommand()`/`command()` requests and replies between processes.
//! - [`error`]: Swoole's numeric error codes and their messages (`swoole_strerror`).
//! - [`event_loop`]: the event loop of one process: timers, `Swoole\Event` fds
//!   (`event_loop/user_fd.rs`), signals, deferred callbacks; the server worker
//!   runs its sockets on it.
//! - [`settings`]: the `set()` array: known keys (`settings/keys.rs`), their
//!   types and ranges (`settings/value.rs`), the typed
//!   [`settings::ServerSettings`] the rest of the core reads.
//! - [`quantity`]: PHP's quantity strings (`'2M'`), as size settings take them.
//! - [`shared`]: [`shared::ServerShared`], the state every process of one server
//!   shares (sessions, inboxes, stats, rings), and `command()`'s inboxes.
//! - [`shm`]: anonymous shared memory, mapped before fork so every process sees it.
//! - [`futex`]: sleeping on shared words, and the pid stamps that tell a
//!   dead holder from a live one.
//! - [`lock`]: `Swoole\Lock` (mutex, rwlock, spinlock), recovered when its
//!   holder dies.
//! - [`atomic`]: `Swoole\Atomic` and `Swoole\Atomic\Long`, with `wait`/`wakeup`.
//! - [`table`]: `Swoole\Table`: typed rows in shared memory that hold
//!   exactly the rows they were made for, read without locks.
//! - [`session`]: [`session::SessionId`], the `$fd` users see, allocated from a
//!   counter in shared memory so it is unique across workers and never reused.
//! - [`stats`]: the counters behind `stats()`, and the per-worker status table.
//! - [`signals`]: signals turned into a small enum, delivered through a self-pipe
//!   the event loop polls.
//! - [`reactor`]: the connections of one worker (BASE) or one reactor thread
//!   (PROCESS): accept and read (`reactor.rs`), output (`reactor/output.rs`),
//!   close (`reactor/close.rs`), requests from other processes
//!   (`reactor/remote.rs`), datagrams, heartbeat, stopping, TLS and the PROXY
//!   stage, each in its own file under `reactor/`.
//! - [`connection`]: one connection as a reactor holds it, and its
//!   [`connection::ConnectionInfo`] (`getClientInfo()`).
//! - [`dispatch`]: `dispatch_mode`, which worker gets a PROCESS-mode packet.
//! - [`reactor_thread`]: a PROCESS-mode reactor thread: holds connections,
//!   dispatches packets to workers, writes their replies; never calls PHP.
//! - [`master`]: the PROCESS-mode master's main thread: accept, hand
//!   connections to reactor threads, signals, shutdown.
//! - [`message`]: the message vocabulary of inboxes and rings ([`message::Kind`],
//!   [`message::Message`], [`message::TaskHeader`], ...).
//! - [`ring`]: shared-memory rings and doorbells between reactor threads and
//!   workers.
//! - [`worker`]: what the PHP methods (`send`, `close`, `exist`, ...) reach
//!   while a worker runs; [`worker_context`]: the worker's thread-local state;
//!   [`worker_loop`]: its loop.
//! - [`timer`]: the timers of one process (`Swoole\Timer`).
//! - [`tokens`]: every mio token of the core, in one table per poller.
//! - [`privileges`]: user/group/chroot for worker processes.
//! - [`process`]: socket pairs, waitpid, SysV message queues, affinity (`Swoole\Process`).
//! - [`manager`]: the process that forks workers, replaces the ones that die
//!   and stops them all on shutdown.
//! - [`fork`]: the one fork sequence every child of the server goes through
//!   (signals held, parent-death signal, panic caught, `_exit`).
//! - [`task_route`]: which task worker a task goes to, the task flags, and
//!   where a result goes back (inbox or reply lane), as Swoole's `task_worker.cc`.
//! - [`topology`]: `start()`'s three process shapes (single, BASE manager +
//!   workers, PROCESS master + manager + workers): the fork order, the
//!   signal holding, the exit codes; the PHP layer implements its `Steps`.
//! - [`output`]: a connection's output queue: bytes and files (`sendfile`).
//! - [`framing`]: packet framing of a TCP stream (length field or EOF), check-then-parse.
//! - [`master_ask`]: PROCESS mode's PHP questions (`package_length_func`, `dispatch_func`): reactor threads ask the master's main thread.
//! - [`http`]: the HTTP/1 engine: request parsing, bodies, forms, uploads,
//!   cookies, responses, compression and static files, all Zend-free.
//! - [`inbox`]: every worker's datagram inbox, so send()/close() from any process
//!   reach the worker that owns the connection.
//! - [`listener`]: binding the listening sockets before any fork.
//! - [`port`]: the server's ports (`$server->ports`) and the socket types
//!   their connections and datagrams come in.
//! - [`log`]: log lines in Swoole's format, on stdout or in `log_file`;
//!   ignored error codes.
//! - [`global_options`]: the process-global options of `swoole_async_set()`.
//! - [`mime`]: the suffix → MIME type table of `swoole_mime_type_*()`.
//! - [`hashcode`]: the two hashes of `swoole_hashcode()`.
//! - [`netif`]: this host's interface addresses (IP and MAC).
//! - [`select`]: the poll behind `swoole_client_select()`.
//! - [`pid_file`]: the master's `pid_file`, created exclusively, never through a symlink.
//! - [`websocket`]: the WebSocket protocol engine: handshake, frames,
//!   messages, close codes, `pack()`/`unpack()`, permessage-deflate.
//! - [`proxy`]: the PROXY protocol v1/v2 header a load balancer sends first,
//!   and the trusted-sources matcher.
//! - [`pool`]: `Swoole\Process\Pool`'s IPC (datagram pairs, message queue,
//!   listening socket) and its shared worker table; [`pool_master`]: its
//!   master (fork, replace, reload one by one, shutdown); [`pool_worker`]:
//!   a worker's loop; [`pool_socket`]: one request per connection.
//! - [`tls`]: the TLS engine: contexts from `ssl_*` settings, certificate
//!   reload, the non-blocking session state machine, the client connector.

pub mod atomic;
pub mod client;
pub mod command;
pub mod connection;
pub mod dispatch;
pub mod error;
pub mod fork;
pub mod event_loop;
pub mod fd;
pub mod framing;
pub mod futex;
pub mod global_options;
pub mod hashcode;
pub mod heartbeat;
pub mod http;
pub mod inbox;
pub mod listener;
pub mod lock;
pub mod log;
pub mod output;
pub mod master;
pub mod master_ask;
pub mod message;
pub mod mime;
pub mod netif;
pub mod pid_file;
pub mod port;
pub mod pool;
pub mod pool_master;
pub mod pool_socket;
pub mod pool_worker;
pub mod privileges;
pub mod process;
pub mod proxy;
pub mod quantity;
pub mod reactor;
pub mod reuse_port;
pub mod reply_lane;
pub mod reactor_thread;
pub mod ring;
pub mod select;
pub mod session;
pub mod settings;
pub mod shared;
pub mod shm;
pub mod side_loop;
pub mod signals;
pub mod stats;
pub mod stop_mode;
pub mod manager;
pub mod table;
pub mod task_route;
pub mod timer;
pub mod tokens;
pub mod tls;
pub mod topology;
pub mod websocket;
pub mod worker;
pub mod worker_context;
pub mod worker_loop;

pub use error::ErrorCode;

#[cfg(test)]
mod test_fork_lock;
#[cfg(test)]
pub(crate) use test_fork_lock::FORK_LOCK;
pub use session::SessionId;
