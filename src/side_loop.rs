//! The PHP side of the loop of the manager and of the PROCESS master: the
//! timers and `Process::signal` callbacks created in onManagerStart /
//! onStart (and, in the master, before `start()`).
//!
//! The core's [`swoole_core::side_loop::SideLoop`] keeps the server's own
//! signals; this handler runs the rest. A callback that fails is reported
//! and the process goes on supervising (rule 4: it must not take the server
//! down with it); a signal without a callback is logged as Swoole logs it.

use crate::loop_php;
use crate::zend::{self, CallOutcome};
use std::os::fd::RawFd;
use std::time::Duration;
use swoole_core::event_loop::{self, Flow, LoopHandler};
use swoole_core::signals::Signal;
use swoole_core::side_loop::SideLoop;
use swoole_core::timer::Due;

/// Swoole's function name in the "Unable to find callback function" line
/// of the manager (its signals go through a handler)...
pub const MANAGER_SIGNAL_FUNC: &str = "swoole_signal_callback";
/// ... and of the PROCESS master (its signals go through a signalfd).
pub const MASTER_SIGNAL_FUNC: &str = "swoole_signalfd_event_callback";

/// The PHP handler of one iteration.
pub struct SideHandler {
    /// Swoole's function name for the log line of an unhandled signal.
    func: &'static str,
}

impl SideHandler {
    pub fn new(func: &'static str) -> Self {
        SideHandler { func }
    }

    /// Reports a failed callback; the loop always goes on.
    fn flow(&mut self, outcome: CallOutcome) -> Flow {
        match outcome {
            CallOutcome::Returned | CallOutcome::Bailout => {}
            CallOutcome::Exception => zend::report_pending_exception(),
            CallOutcome::Exit(_) => {
                // exit() in a timer of the manager or master: the process
                // serves the server and stays (use $server->shutdown()).
                zend::clear_pending_exception();
                swoole_core::log::warning("exit() in the manager or master process is ignored; use Server::shutdown()");
            }
        }
        Flow::Continue
    }
}

impl LoopHandler for SideHandler {
    fn on_signal(&mut self, signo: i32) -> Flow {
        if !loop_php::has_signal(signo) {
            swoole_core::signals::log_no_callback(self.func, signo);
            return Flow::Continue;
        }
        let o = loop_php::fire_signal(signo);
        self.flow(o)
    }
    php_loop_callbacks!();
}

/// One pass of the PROCESS master's loop, without waiting (its main thread
/// polls the loop's epoll fd with its listeners): the server signals that
/// arrived are handed back for the master to act on.
pub fn run_master_once() -> Vec<Signal> {
    let mut php = SideHandler::new(MASTER_SIGNAL_FUNC);
    let mut side = SideLoop::new(&mut php, Some(Duration::ZERO));
    if event_loop::run_once(&mut side, Some(Duration::ZERO)).is_some() {
        event_loop::clear_exit();
    }
    let received = side.received;
    // The master's poller sleeps until the loop's epoll fd is ready: the
    // timerfd must be armed for the deadlines the callbacks moved.
    event_loop::arm_next_timer();
    received
}
