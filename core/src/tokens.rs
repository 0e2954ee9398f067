//! Every mio token of the core, in one table, per poller.
//!
//! A process has one event loop ([`crate::event_loop`]) whose poller several
//! modules register on (a server worker, the manager, a pool worker, the
//! loop itself): their tokens must never collide, which is only visible
//! when they are side by side. A PROCESS-mode reactor thread and the
//! master's main thread have pollers of their own; their tokens are listed
//! here too so that every number in use is in one place.

use mio::Token;

// ---- A process's event loop ([`crate::event_loop`]) ----

/// The signal pipe ([`crate::signals`]).
pub const SIGNAL_TOKEN: Token = Token(0);
/// The manager's command inbox ([`crate::supervisor`]); the manager serves
/// no worker's inbox, so it may share a worker's range.
pub const COMMANDS_TOKEN: Token = Token(1);
/// This worker's inbox ([`crate::inbox`]); also a reactor thread's inbox on
/// its own poller.
pub const INBOX_TOKEN: Token = Token(2);
/// The timerfd that wakes the loop for the next timer.
pub const TIMERFD_TOKEN: Token = Token(3);
/// A PROCESS-mode event worker's doorbell: its rings have messages.
pub const RING_TOKEN: Token = Token(4);
/// Port `i`'s listening socket has token `PORT_TOKEN_BASE + i`.
pub const PORT_TOKEN_BASE: usize = 32;
/// Connection `key` of a reactor's slab has token `CONN_TOKEN_BASE + key`
/// (in a worker's loop and on a reactor thread's poller).
pub const CONN_TOKEN_BASE: usize = 1024;
/// A `Swoole\Process\Pool` worker's datagram socket.
pub const POOL_PIPE_TOKEN: Token = Token(1 << 40);
/// A `Swoole\Process\Pool` worker's listening socket.
pub const POOL_LISTENER_TOKEN: Token = Token((1 << 40) + 1);
/// A pool worker's connection `k` has token `POOL_CONN_TOKEN_BASE + k`.
pub const POOL_CONN_TOKEN_BASE: usize = 1 << 41;
/// `Swoole\Event::add` fds have token `USER_TOKEN_BASE + fd`.
pub const USER_TOKEN_BASE: usize = 1 << 48;

// ---- A PROCESS-mode reactor thread's poller ([`crate::reactor_thread`]) ----
// (Its inbox is [`INBOX_TOKEN`], its connections from [`CONN_TOKEN_BASE`].)

/// The waker the main thread rings after queueing a command for the thread.
pub const WAKER_TOKEN: Token = Token(3);
/// The thread's doorbell: workers wrote to its rings.
pub const BELL_TOKEN: Token = Token(4);

// ---- The PROCESS-mode master's main thread ([`crate::master`]) ----

/// The process's event loop (its epoll fd; the master's signals arrive there).
pub const MASTER_EVENT_LOOP_TOKEN: Token = Token(2);
/// A reactor thread asks for a `package_length_func` or `dispatch_func`
/// answer ([`crate::master_ask`]).
pub const MASTER_ASKS_TOKEN: Token = Token(3);
/// Stream listener `i` has token `LISTENER_TOKEN_BASE + i`.
pub const LISTENER_TOKEN_BASE: usize = 16;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_event_loops_tokens_do_not_collide() {
        let fixed = [SIGNAL_TOKEN, COMMANDS_TOKEN, INBOX_TOKEN, TIMERFD_TOKEN, RING_TOKEN, POOL_PIPE_TOKEN, POOL_LISTENER_TOKEN];
        for (i, a) in fixed.iter().enumerate() {
            for b in &fixed[i + 1..] {
                assert_ne!(a, b);
            }
            // No fixed token falls in a range.
            assert!(a.0 < PORT_TOKEN_BASE || (a.0 >= POOL_PIPE_TOKEN.0 && a.0 < POOL_CONN_TOKEN_BASE));
        }
        // Ranges in order, each wide enough for its use.
        const { assert!(PORT_TOKEN_BASE + 256 <= CONN_TOKEN_BASE) };
        const { assert!(CONN_TOKEN_BASE < POOL_PIPE_TOKEN.0) };
        const { assert!(POOL_CONN_TOKEN_BASE < USER_TOKEN_BASE) };
    }

    #[test]
    fn the_reactor_thread_and_master_tokens_do_not_collide() {
        let thread = [INBOX_TOKEN, WAKER_TOKEN, BELL_TOKEN];
        assert!(thread.iter().all(|t| t.0 < CONN_TOKEN_BASE));
        assert!(thread[0] != thread[1] && thread[1] != thread[2] && thread[0] != thread[2]);
        assert_ne!(MASTER_EVENT_LOOP_TOKEN, MASTER_ASKS_TOKEN);
        const { assert!(MASTER_ASKS_TOKEN.0 < LISTENER_TOKEN_BASE) };
    }
}
