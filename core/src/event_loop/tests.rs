//! The event loop's own tests: timers, fds, defer and signals in Swoole's order.

use super::*;
use std::io::{Read, Write};
use std::os::fd::AsRawFd;
use std::os::unix::net::UnixStream;

#[derive(Default)]
struct Recorder {
    log: Vec<String>,
    reader: Option<UnixStream>,
}

impl LoopHandler for Recorder {
    fn on_signal(&mut self, signo: i32) -> Flow {
        self.log.push(format!("signal {signo}"));
        unwatch_signal(signo);
        // The long timer only kept the loop up until now; one more short
        // timer after the signal shows the loop goes on serving timers.
        assert!(timer_clear(crate::timer::TimerId(2)), "the keep-alive timer was pending");
        timer_add(1, false).unwrap();
        Flow::Continue
    }
    fn on_user_fd(&mut self, fd: RawFd, readable: bool, _writable: bool) -> Flow {
        let mut buf = [0u8; 2];
        // Read only 2 bytes at a time: level-triggered, so we are called again.
        let n = self.reader.as_mut().unwrap().read(&mut buf).unwrap();
        self.log.push(format!("fd {readable} {}", String::from_utf8_lossy(&buf[..n])));
        if self.log.iter().filter(|l| l.starts_with("fd")).count() == 3 {
            user_del(fd);
        }
        Flow::Continue
    }
    fn on_timer(&mut self, due: Due) -> Flow {
        self.log.push(format!("timer {}", due.id.0));
        if due.id.0 == 1 {
            nix::sys::signal::raise(nix::sys::signal::Signal::SIGUSR2).unwrap();
        }
        Flow::Continue
    }
    fn on_defer(&mut self) -> Flow {
        self.log.push("defer".into());
        set_defer_pending(false);
        Flow::Continue
    }
}

#[test]
fn timers_fds_defer_and_signals_until_nothing_is_left() {
    let _one_signal_pipe_at_a_time = crate::signals::TEST_LOCK.lock();
    let (mut a, b) = UnixStream::pair().unwrap();
    b.set_nonblocking(true).unwrap();
    a.write_all(b"abcdef").unwrap();
    user_add(b.as_raw_fd(), Interest2 { read: true, write: false }).unwrap();
    assert!(user_add(b.as_raw_fd(), Interest2 { read: true, write: false }).is_err(), "twice");
    timer_add(20, false).unwrap();
    // Keeps the loop up while the signal arrives; far enough that a loaded
    // machine cannot make it due in the same pass as timer 1 (then it would
    // rightly run before the signal is served).
    timer_add(10_000, false).unwrap();
    watch_signal(libc::SIGUSR2).unwrap();
    set_defer_pending(true);
    let mut h = Recorder { reader: Some(b), ..Default::default() };
    assert_eq!(run(&mut h), LoopEnd::Stopped);
    assert_eq!(h.log, vec!["fd true ab", "defer", "fd true cd", "fd true ef", "timer 1", "signal 12", "timer 3"]);
    assert!(!has_work());
    drop(uninstall());
}

/// Logs every callback with the slot of each cycle call.
#[derive(Default)]
struct Order {
    log: Vec<&'static str>,
}

impl LoopHandler for Order {
    fn on_signal(&mut self, _signo: i32) -> Flow {
        self.log.push("signal");
        Flow::Continue
    }
    fn on_user_fd(&mut self, fd: RawFd, _readable: bool, _writable: bool) -> Flow {
        let mut buf = [0u8; 16];
        let _ = crate::fd::borrowed(fd, |fd| Ok(nix::unistd::read(fd, &mut buf)));
        self.log.push("io");
        Flow::Continue
    }
    fn on_timer(&mut self, _due: Due) -> Flow {
        self.log.push("timer");
        Flow::Continue
    }
    fn on_defer(&mut self) -> Flow {
        self.log.push("defer");
        set_defer_pending(false);
        Flow::Continue
    }
    fn on_cycle(&mut self) -> Flow {
        self.log.push(match cycle_slot() {
            CycleSlot::Before => "cycle(before)",
            CycleSlot::After => "cycle",
        });
        Flow::Continue
    }
}

#[test]
fn one_iteration_runs_in_swooles_order() {
    let _one_signal_pipe_at_a_time = crate::signals::TEST_LOCK.lock();
    let (mut a, b) = UnixStream::pair().unwrap();
    user_add(b.as_raw_fd(), Interest2 { read: true, write: false }).unwrap();
    watch_signal(libc::SIGUSR1).unwrap();
    set_cycle_slot(CycleSlot::Before, true);
    set_cycle(true);
    timer_add(1, false).unwrap();
    let mut h = Order::default();
    assert_eq!(run_once(&mut h, None), None);
    assert_eq!(h.log, vec!["cycle(before)", "cycle"], "the timer is not due in its own round");
    std::thread::sleep(Duration::from_millis(5));
    h.log.clear();
    set_defer_pending(true);
    a.write_all(b"x").unwrap();
    // A signal the loop's pipe watches.
    nix::sys::signal::raise(nix::sys::signal::Signal::SIGUSR1).unwrap();
    assert_eq!(run_once(&mut h, None), None);
    assert_eq!(h.log, vec!["cycle(before)", "io", "signal", "timer", "defer", "cycle"]);
    unwatch_signal(libc::SIGUSR1);
    user_del(b.as_raw_fd());
    drop(uninstall());
}

/// Runs a timer callback with a closure over the loop's public API.
struct Timers<F: FnMut(Due)>(F);

impl<F: FnMut(Due)> LoopHandler for Timers<F> {
    fn on_timer(&mut self, due: Due) -> Flow {
        (self.0)(due);
        Flow::Continue
    }
}

#[test]
fn a_timer_waits_for_the_next_round_and_stays_listed_while_it_runs() {
    let _one_signal_pipe_at_a_time = crate::signals::TEST_LOCK.lock();
    let started = Instant::now();
    let tick = timer_add(30, true).unwrap();
    let mut seen = Vec::new();
    let mut h = Timers(|due: Due| {
        let info = timer_info(due.id).unwrap();
        seen.push((timer_stats(), timer_ids(), info.exec_count));
        if info.exec_count == 1 {
            assert!(timer_clear(due.id));
            assert!(!timer_exists(due.id));
            assert!(timer_info(due.id).unwrap().removed);
            assert_eq!(timer_stats().0, 1, "still counted until it returns");
        }
    });
    assert_eq!(run_once(&mut h, None), None);
    assert!(started.elapsed() >= Duration::from_millis(30), "the first round waits for the deadline");
    assert_eq!(run_once(&mut h, None), None);
    assert_eq!(run(&mut h), LoopEnd::Stopped);
    assert_eq!(seen, vec![((1, 1), vec![tick], 0), ((1, 2), vec![tick], 1)]);
    assert_eq!(timer_stats().0, 0);
    drop(uninstall());
}

/// Whether thread `tid` of this process sits in an epoll wait (the first
/// field of its `syscall` file is the number of the call it is blocked in).
fn in_epoll_wait(tid: nix::unistd::Pid) -> bool {
    let Ok(text) = std::fs::read_to_string(format!("/proc/self/task/{tid}/syscall")) else { return false };
    let nr: i64 = text.split_whitespace().next().and_then(|n| n.parse().ok()).unwrap_or(-1);
    [libc::SYS_epoll_wait, libc::SYS_epoll_pwait, libc::SYS_epoll_pwait2].contains(&nr)
}

#[test]
fn a_signal_that_interrupts_the_wait_is_served_in_that_turn() {
    use nix::sys::signal::{SigSet, Signal};
    let _one_signal_pipe_at_a_time = crate::signals::TEST_LOCK.lock();
    watch_signal(libc::SIGUSR1).unwrap();
    // The signal must reach this thread, which waits in the loop.
    let mut only = SigSet::empty();
    only.add(Signal::SIGUSR1);
    only.thread_unblock().unwrap();
    let keep_alive = timer_add(10_000, false).unwrap();
    let (tid, me) = (nix::unistd::gettid(), nix::sys::pthread::pthread_self());
    let sender = std::thread::spawn(move || {
        // Sent only once the loop blocks in the wait, so that the wait
        // itself is interrupted (EINTR), not just woken by the pipe.
        while !in_epoll_wait(tid) {
            std::thread::yield_now();
        }
        nix::sys::pthread::pthread_kill(me, Signal::SIGUSR1).unwrap();
    });
    let mut h = Order::default();
    assert_eq!(run_once(&mut h, Some(Duration::from_secs(10))), None);
    sender.join().unwrap();
    assert_eq!(h.log, vec!["signal"], "served in the turn whose wait it interrupted");
    assert!(timer_clear(keep_alive));
    unwatch_signal(libc::SIGUSR1);
    drop(uninstall());
}
