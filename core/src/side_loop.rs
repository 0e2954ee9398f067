//! The event loop of a server process that holds no connections itself:
//! the manager, and the PROCESS master's main thread.
//!
//! Both run the process's ordinary [`event_loop`] (the PHP timers and signal
//! callbacks of onManagerStart / onStart live there), and both receive the
//! server's signals through it: a process has one signal pipe, its loop's.
//! [`SideLoop`] sorts them: the server's are collected for the caller
//! (supervisor or master), everything else goes to the PHP side.

use crate::event_loop::{self, Flow, LoopHandler, Plan};
use crate::signals::Signal;
use std::time::Duration;

/// A [`LoopHandler`] for one iteration of a manager's or master's loop.
pub struct SideLoop<'s> {
    /// The PHP side of the loop (timers, fds, `Process::signal` callbacks).
    side: &'s mut dyn LoopHandler,
    /// Server signals received in this iteration, each once, in order.
    pub received: Vec<Signal>,
    /// The longest the loop may sleep (the supervisor's next deadline).
    timeout: Option<Duration>,
}

impl<'s> SideLoop<'s> {
    pub fn new(side: &'s mut dyn LoopHandler, timeout: Option<Duration>) -> Self {
        SideLoop { side, received: Vec::new(), timeout }
    }
}

impl LoopHandler for SideLoop<'_> {
    fn on_signal(&mut self, signo: i32) -> Flow {
        match server_signal(signo) {
            Some(sig) => {
                if !self.received.contains(&sig) {
                    self.received.push(sig);
                }
                Flow::Continue
            }
            None => self.side.on_signal(signo),
        }
    }
    fn on_user_fd(&mut self, fd: std::os::fd::RawFd, readable: bool, writable: bool) -> Flow {
        self.side.on_user_fd(fd, readable, writable)
    }
    fn on_timer(&mut self, due: crate::timer::Due) -> Flow {
        self.side.on_timer(due)
    }
    fn on_defer(&mut self) -> Flow {
        self.side.on_defer()
    }
    fn on_cycle(&mut self) -> Flow {
        self.side.on_cycle()
    }
    fn on_other(&mut self, token: mio::Token, ev: &mio::event::Event) -> Flow {
        self.side.on_other(token, ev)
    }
    fn plan(&mut self) -> Plan {
        // The process has work of its own (it is serving) until its caller stops.
        Plan { done: false, timeout: self.timeout, keep_alive: true }
    }
}

/// The server meaning of `signo` in a server process: SIGINT is the user's
/// once `Process::signal()` claimed it there (Swoole runs only the callback
/// then, and the server goes on).
pub fn server_signal(signo: i32) -> Option<Signal> {
    if signo == libc::SIGINT && event_loop::signal_claimed(signo) {
        return None;
    }
    Signal::from_raw(signo)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default)]
    struct Php {
        signals: Vec<i32>,
    }

    impl LoopHandler for Php {
        fn on_signal(&mut self, signo: i32) -> Flow {
            self.signals.push(signo);
            Flow::Continue
        }
    }

    /// One pass of the loop with SIGTERM and SIGINT pending.
    fn one_pass(php: &mut Php) -> Vec<Signal> {
        nix::sys::signal::raise(nix::sys::signal::Signal::SIGTERM).unwrap();
        nix::sys::signal::raise(nix::sys::signal::Signal::SIGINT).unwrap();
        let mut side = SideLoop::new(php, Some(Duration::from_millis(200)));
        let _ = event_loop::run_once(&mut side, None);
        side.received
    }

    #[test]
    fn server_signals_are_collected_and_a_claimed_sigint_is_the_users() {
        let _one_signal_pipe_at_a_time = crate::signals::TEST_LOCK.lock();
        event_loop::own_signals(&crate::signals::SERVER_SIGNALS).unwrap();
        let mut php = Php::default();
        assert_eq!(one_pass(&mut php), vec![Signal::Terminate]);
        assert!(php.signals.is_empty());
        event_loop::watch_signal(libc::SIGINT).unwrap();
        // Removing the callback keeps SIGINT routed (and the user's): it is
        // logged by the PHP side, not a shutdown and not fatal.
        event_loop::unwatch_signal(libc::SIGINT);
        assert_eq!(one_pass(&mut php), vec![Signal::Terminate]);
        assert_eq!(php.signals, vec![libc::SIGINT]);
        drop(event_loop::uninstall());
    }
}
