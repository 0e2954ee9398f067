//! Fixtures shared by the core's integration tests: the PROCESS-mode
//! configuration, a fake worker's wait for its next message on the rings,
//! and forked children that leave no process behind.
// Each test binary uses some of these only.
#![allow(dead_code)]

use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use std::os::fd::BorrowedFd;
use std::sync::Arc;
use std::time::{Duration, Instant};
use swoole_core::dispatch::{DispatchMode, Dispatcher};
use swoole_core::fork;
use swoole_core::message::Message;
use swoole_core::port::PortSpec;
use swoole_core::reactor::{ReactorConfig, ServerShared};
use swoole_core::reactor_thread::ThreadConfig;
use swoole_core::ring::Reader;

/// The same guard as the unit tests' (`fork` above is what it forks with).
#[path = "../../src/test_child.rs"]
pub mod test_child;

/// How long a test waits for an event that is due at once.
pub const EVENT_WAIT: Duration = Duration::from_secs(10);

/// What reactor threads run with for `ports`: `reactor`'s settings, and
/// packets to `workers` workers by `mode`.
pub fn thread_config(reactor: ReactorConfig, ports: Vec<PortSpec>, mode: DispatchMode, workers: usize) -> ThreadConfig {
    ThreadConfig {
        reactor,
        ports,
        dispatcher: Arc::new(Dispatcher::new(mode, workers)),
        dispatch_func: None,
        unsafe_events: false,
        max_queued_bytes: 0,
    }
}

/// The next message on the rings of any worker `w` (read with
/// `readers[w]`), as workers wait for one: each arms its doorbell, looks
/// once more, and sleeps until a reactor thread rings. None if nothing came
/// `within`.
pub fn next_message(shared: &ServerShared, readers: &mut [Reader], within: Duration) -> Option<(usize, Message)> {
    wait_message(shared, readers, within, None)
}

/// [`next_message`], also ending (with None) as soon as `also` is readable
/// (a worker's signal pipe).
pub fn wait_message(shared: &ServerShared, readers: &mut [Reader], within: Duration, also: Option<BorrowedFd>)
    -> Option<(usize, Message)> {
    let links = shared.links.as_ref().expect("PROCESS mode has rings");
    let bells = &links.worker_bells[..readers.len()];
    let deadline = Instant::now() + within;
    loop {
        for (w, reader) in readers.iter_mut().enumerate() {
            if let Some(m) = reader.next(|r| links.to_worker(r, w)) {
                bells.iter().for_each(|b| b.awake());
                return Some((w, m));
            }
        }
        bells.iter().for_each(|b| b.prepare_sleep());
        if !readers.iter().enumerate().all(|(w, reader)| reader.all_empty(|r| links.to_worker(r, w))) {
            continue;
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            bells.iter().for_each(|b| b.awake());
            return None;
        }
        // SAFETY: the bells' eventfds are open as long as `shared` is.
        let fds = bells.iter().map(|b| unsafe { BorrowedFd::borrow_raw(b.fd()) }).chain(also);
        let mut polled: Vec<PollFd> = fds.map(|fd| PollFd::new(fd, PollFlags::POLLIN)).collect();
        let ms = i32::try_from(left.as_millis()).unwrap_or(i32::MAX);
        let _ = poll(&mut polled, PollTimeout::try_from(ms).unwrap_or(PollTimeout::MAX));
        // poll() is level-triggered, unlike the workers' epoll: reset the counters.
        for b in bells {
            // SAFETY: as above.
            let _ = nix::unistd::read(unsafe { BorrowedFd::borrow_raw(b.fd()) }, &mut [0u8; 8]);
        }
        if also.is_some() && polled.last().and_then(|p| p.revents()).is_some_and(|r| !r.is_empty()) {
            bells.iter().for_each(|b| b.awake());
            return None;
        }
    }
}
