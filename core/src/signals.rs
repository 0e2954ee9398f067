//! Signals turned into a small enum and delivered through a self-pipe.
//!
//! The handler only writes the signal number to a non-blocking pipe; the event
//! loop (or the supervisor) polls the read end and acts on the main thread.
//! Each process installs its own pipe after fork, so a parent's pending signals
//! never leak into a child.

use nix::sys::signal::{pthread_sigmask, SigSet, SigmaskHow, Signal as Sig};
use std::io;
use std::os::fd::{AsFd, AsRawFd, OwnedFd, RawFd};
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

/// What a received signal asks the process to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// SIGTERM or SIGINT: stop gracefully.
    Terminate,
    /// SIGCHLD: a child changed state (or a worker asked to be replaced).
    Child,
    /// SIGUSR1: reload all workers.
    Reload,
    /// SIGUSR2: reload task workers only.
    ReloadTasks,
    /// SIGWINCH: reopen the log file (logrotate).
    ReopenLog,
}

impl Signal {
    /// The server meaning of a raw signal number, if it has one.
    pub fn from_raw(signo: i32) -> Option<Signal> {
        match signo {
            libc::SIGTERM | libc::SIGINT => Some(Signal::Terminate),
            libc::SIGCHLD => Some(Signal::Child),
            libc::SIGUSR1 => Some(Signal::Reload),
            libc::SIGUSR2 => Some(Signal::ReloadTasks),
            libc::SIGWINCH => Some(Signal::ReopenLog),
            _ => None,
        }
    }
}

/// Tests that install a pipe take this: a process has one pipe at a time.
#[cfg(test)]
pub(crate) static TEST_LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Write end of the current process's pipe, read by the signal handler.
static WRITE_FD: AtomicI32 = AtomicI32::new(-1);

/// Set by the handler as soon as SIGTERM or SIGINT arrives, cleared when the
/// pipe is read: a worker in the middle of a batch of events or messages
/// (each of which may block, in `taskwait()`) handles the signal before the
/// rest of the batch, instead of after it, when it may be killed for taking
/// too long.
static TERMINATE_SEEN: AtomicBool = AtomicBool::new(false);

/// Whether SIGTERM or SIGINT arrived and the pipe has not been read since.
pub fn terminate_seen() -> bool {
    TERMINATE_SEEN.load(Ordering::Relaxed)
}

extern "C" fn on_signal(signo: libc::c_int) {
    if signo == libc::SIGTERM || signo == libc::SIGINT {
        TERMINATE_SEEN.store(true, Ordering::Relaxed);
    }
    let fd = WRITE_FD.load(Ordering::Relaxed);
    if fd >= 0 {
        let byte = signo as u8;
        let saved = nix::errno::Errno::last_raw();
        // SAFETY: write(2) of one byte of ours, async-signal-safe (a handler
        // may do nothing else); `fd` is the pipe's write end, published in
        // WRITE_FD only while the pipe owns it. A full pipe just drops the
        // byte (the reader is already due to wake). libc, not nix: nix's
        // write needs a BorrowedFd, which a handler cannot hold.
        unsafe { libc::write(fd, (&byte as *const u8).cast(), 1) };
        nix::errno::Errno::set_raw(saved);
    }
}

/// The read end of this process's signal pipe.
pub struct SignalPipe {
    /// The end the loop (or the supervisor) reads (`None`: [`SignalPipe::none`]).
    read_fd: Option<OwnedFd>,
    /// The end the handler writes (its number also in [`WRITE_FD`]).
    write_fd: Option<OwnedFd>,
    /// Signals routed into the pipe (restored to default on drop).
    watched: Vec<i32>,
    /// Signals the server itself serves in this process: removing a user
    /// callback of one keeps it routed (it is logged, not fatal).
    owned: Vec<i32>,
    /// Signals a user callback (`Process::signal`) was set for at some
    /// point: SIGINT then means the user's, not the server's shutdown.
    claimed: Vec<i32>,
}

/// Gives `signo` its default action back (the twin of [`route_to_pipe`]);
/// for SIGPIPE that is PHP's: the CLI ignores it (a write to a closed
/// socket returns EPIPE instead of ending the script).
fn restore_default(signo: i32) {
    set_action(signo, if signo == libc::SIGPIPE { libc::SIG_IGN } else { libc::SIG_DFL });
}

fn route_to_pipe(signo: i32) {
    set_action(signo, on_signal as *const () as libc::sighandler_t);
}

/// sigaction(signo): `handler` (SIG_DFL, SIG_IGN or [`on_signal`]) with
/// SA_RESTART and nothing else masked; an invalid number is refused by the
/// kernel. libc, not nix: nix's `sigaction` is as unsafe and its `Signal`
/// has no real-time signals, which `Swoole\Process::signal()` takes.
fn set_action(signo: i32, handler: libc::sighandler_t) {
    // SAFETY: an all-zero sigaction is valid (an empty mask, no flags) and
    // is filled before use; the handlers installed are SIG_DFL, SIG_IGN and
    // `on_signal`, which is async-signal-safe (one write(2)).
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = handler;
        sa.sa_flags = libc::SA_RESTART;
        libc::sigemptyset(&mut sa.sa_mask);
        libc::sigaction(signo, &sa, std::ptr::null_mut());
    }
}

/// The signals a server process listens to.
pub const SERVER_SIGNALS: [i32; 6] =
    [libc::SIGTERM, libc::SIGINT, libc::SIGCHLD, libc::SIGUSR1, libc::SIGUSR2, libc::SIGWINCH];

/// Signals a process of the server keeps for itself: `Process::signal()`
/// there refuses them with Swoole's warning `signal [N] processor has been
/// registered by the system`.
pub mod refused {
    /// The manager (Swoole's manager loop owns SIGIO and SIGALRM too).
    pub const MANAGER: [i32; 7] =
        [libc::SIGTERM, libc::SIGUSR1, libc::SIGUSR2, libc::SIGCHLD, libc::SIGIO, libc::SIGALRM, libc::SIGWINCH];
    /// The master of SWOOLE_PROCESS mode.
    pub const MASTER: [i32; 5] = [libc::SIGTERM, libc::SIGUSR1, libc::SIGUSR2, libc::SIGCHLD, libc::SIGWINCH];
    /// The one process of a single-process SWOOLE_BASE server.
    pub const SINGLE: [i32; 3] = [libc::SIGTERM, libc::SIGWINCH, libc::SIGPIPE];
}

/// Besides [`SERVER_SIGNALS`], what a PROCESS master and a single-process
/// BASE server route into their loop, so that one arriving without a user
/// callback is only logged (Swoole: `Unable to find callback function for
/// signal ...`, ERRNO 721) instead of ending the process.
pub const LOGGED_SIGNALS: [i32; 2] = [libc::SIGHUP, libc::SIGPIPE];

/// The error Swoole logs for a signal that arrived without a callback.
pub const ERROR_NO_CALLBACK: i32 = 721;

/// A signal's description (`strsignal`: "Interrupt", "Hangup", ...).
pub fn describe(signo: i32) -> String {
    // SAFETY: strsignal returns a pointer to a static (or thread-local)
    // string, copied at once.
    unsafe {
        let p = libc::strsignal(signo);
        if p.is_null() {
            return format!("Unknown signal {signo}");
        }
        std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
    }
}

/// The log line of a signal that arrived without a callback, as Swoole
/// writes it (`func` is Swoole's function name for the process kind).
pub fn log_no_callback(func: &str, signo: i32) {
    crate::log::put_code(
        crate::log::LOG_WARNING,
        ERROR_NO_CALLBACK,
        &format!("{func}() (ERRNO {ERROR_NO_CALLBACK}): Unable to find callback function for signal {}: {signo}", describe(signo)),
    );
}

fn handled_set() -> SigSet {
    let mut set = SigSet::empty();
    // The logged ones too: a reactor thread's write to a closed peer
    // raises SIGPIPE in that thread, which must not reach the pipe.
    for signo in SERVER_SIGNALS.into_iter().chain(LOGGED_SIGNALS) {
        set.add(Sig::try_from(signo).expect("a standard signal"));
    }
    set
}

/// Holds the server's signals pending (not lost) until this process has its
/// own pipe: call before `fork()`. The parent calls [`unblock`] right after
/// the fork; the child's [`SignalPipe::install`] unblocks them, and a SIGTERM
/// sent in between is delivered then instead of into the parent's pipe.
pub fn block() {
    let _ = pthread_sigmask(SigmaskHow::SIG_BLOCK, Some(&handled_set()), None);
}

/// Gives the server's signals their default actions again (a forked child
/// that runs no server loop: SIGTERM must end it).
pub fn reset_defaults() {
    WRITE_FD.store(-1, Ordering::SeqCst);
    for signo in SERVER_SIGNALS {
        restore_default(signo);
    }
}

/// Lets `signo` through this thread's mask (where [`block`] held it: a
/// real-time signal, which nix's `Signal` cannot name, is never held).
fn unblock_one(signo: i32) {
    if let Ok(sig) = Sig::try_from(signo) {
        let _ = pthread_sigmask(SigmaskHow::SIG_UNBLOCK, Some(&SigSet::from(sig)), None);
    }
}

/// Undoes [`block`].
pub fn unblock() {
    let _ = pthread_sigmask(SigmaskHow::SIG_UNBLOCK, Some(&handled_set()), None);
}

impl SignalPipe {
    /// Creates this process's pipe and routes the server's signals into it,
    /// replacing any pipe inherited from the parent.
    pub fn install() -> io::Result<SignalPipe> {
        Self::install_for(&SERVER_SIGNALS)
    }

    /// Creates this process's pipe and routes `signals` into it (none for a
    /// plain script: Ctrl-C keeps its default meaning there).
    pub fn install_for(signals: &[i32]) -> io::Result<SignalPipe> {
        use nix::fcntl::OFlag;
        let (read_fd, write_fd) = nix::unistd::pipe2(OFlag::O_NONBLOCK | OFlag::O_CLOEXEC)?;
        WRITE_FD.store(write_fd.as_raw_fd(), Ordering::SeqCst);
        TERMINATE_SEEN.store(false, Ordering::SeqCst);
        for &signo in signals {
            route_to_pipe(signo);
        }
        // Signals held by `block()` across a fork arrive now, into this pipe.
        // A pipe routing none (a plain script's loop) leaves the mask alone:
        // the PROCESS master makes its loop while it holds the server's
        // signals for its own pipe, and a SIGTERM let through then would meet
        // PHP's default handler and kill it.
        if !signals.is_empty() {
            unblock();
        }
        Ok(SignalPipe {
            read_fd: Some(read_fd),
            write_fd: Some(write_fd),
            watched: signals.to_vec(),
            owned: signals.to_vec(),
            claimed: Vec::new(),
        })
    }

    /// A pipe that is none: what stands in for one handed to [`abandon`].
    ///
    /// [`abandon`]: SignalPipe::abandon
    pub fn none() -> SignalPipe {
        SignalPipe { read_fd: None, write_fd: None, watched: Vec::new(), owned: Vec::new(), claimed: Vec::new() }
    }

    /// Routes `signo` into this pipe for the server's own use.
    pub fn own(&mut self, signo: i32) {
        if !self.owned.contains(&signo) {
            self.owned.push(signo);
        }
        self.route(signo);
    }

    fn route(&mut self, signo: i32) {
        if !self.watched.contains(&signo) {
            self.watched.push(signo);
        }
        route_to_pipe(signo);
        // Held by `block()` across a fork (a worker whose loop routes the
        // server's signals only now): it may arrive from here on.
        unblock_one(signo);
    }

    /// Also routes `signo` into this pipe for a user callback
    /// (`Swoole\Process::signal`).
    pub fn watch(&mut self, signo: i32) {
        if !self.claimed.contains(&signo) {
            self.claimed.push(signo);
        }
        self.route(signo);
    }

    /// Gives `signo` back its default action, unless the server owns it here.
    pub fn unwatch(&mut self, signo: i32) {
        if self.owned.contains(&signo) {
            return;
        }
        self.watched.retain(|&s| s != signo);
        restore_default(signo);
    }

    /// Whether a user callback was ever set for `signo` in this process.
    pub fn claimed(&self, signo: i32) -> bool {
        self.claimed.contains(&signo)
    }

    /// In a forked child: closes the parent's pipe without touching the
    /// handlers, which keep pointing at it until the child installs its own
    /// pipe (signals are blocked until then, see [`block`]).
    pub fn abandon(mut self) {
        // Until the child's own pipe exists, a signal has nowhere to go (the
        // fd numbers closed below may be reused by anything).
        self.unpublish();
        self.read_fd = None;
        self.write_fd = None;
        // Drop would reset the handlers.
        self.watched.clear();
    }

    /// Takes this pipe's write end out of [`WRITE_FD`], if it is there.
    fn unpublish(&self) {
        if let Some(w) = &self.write_fd {
            let _ = WRITE_FD.compare_exchange(w.as_raw_fd(), -1, Ordering::SeqCst, Ordering::SeqCst);
        }
    }

    /// The fd to poll for readability (-1 for [`SignalPipe::none`]).
    pub fn fd(&self) -> RawFd {
        self.read_fd.as_ref().map_or(-1, AsRawFd::as_raw_fd)
    }

    /// Drains the pipe, returning the server signals received since the last
    /// call, each kind once, in arrival order.
    pub fn take(&self) -> Vec<Signal> {
        let mut out = Vec::new();
        for signo in self.take_raw() {
            if let Some(s) = Signal::from_raw(signo)
                && !out.contains(&s)
            {
                out.push(s);
            }
        }
        out
    }

    /// Drains the pipe, returning the raw signal numbers received, each once,
    /// in arrival order.
    pub fn take_raw(&self) -> Vec<i32> {
        // Cleared before reading: a signal arriving meanwhile sets it again,
        // and its byte is read now or by the next call.
        TERMINATE_SEEN.store(false, Ordering::SeqCst);
        let mut out: Vec<i32> = Vec::new();
        let mut buf = [0u8; 64];
        let Some(fd) = &self.read_fd else { return out };
        loop {
            let n = match nix::unistd::read(fd, &mut buf) {
                Ok(n) if n > 0 => n,
                _ => break,
            };
            for &b in &buf[..n] {
                if !out.contains(&(b as i32)) {
                    out.push(b as i32);
                }
            }
        }
        out
    }

    /// Blocks until a signal arrives or `timeout` passes.
    pub fn wait(&self, timeout: Option<std::time::Duration>) {
        use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
        let Some(fd) = &self.read_fd else { return };
        let ms = timeout.map_or(PollTimeout::NONE, |d| {
            PollTimeout::try_from(d.as_millis().min(i32::MAX as u128) as i32).unwrap_or(PollTimeout::MAX)
        });
        let _ = poll(&mut [PollFd::new(fd.as_fd(), PollFlags::POLLIN)], ms);
    }
}

impl Drop for SignalPipe {
    fn drop(&mut self) {
        self.unpublish();
        for &signo in &self.watched {
            restore_default(signo);
        }
    }
}

// --- SIGTERM/SIGINT held while a pool master runs onStart ---

/// SIGTERM or SIGINT that arrived while [`hold_terminate`] held them (0: none).
static HELD_SIGNAL: AtomicI32 = AtomicI32::new(0);
/// Whether they are held now (a `Swoole\Process` forked meanwhile drops that).
static HOLDING: AtomicBool = AtomicBool::new(false);

extern "C" fn note_signal(signo: libc::c_int) {
    HELD_SIGNAL.store(signo, Ordering::Relaxed);
}

const HELD: [nix::sys::signal::Signal; 2] = [nix::sys::signal::Signal::SIGTERM, nix::sys::signal::Signal::SIGINT];

/// SIGTERM and SIGINT noted instead of acted on, until [`HeldTerminate::release`]:
/// a pool master runs onStart before its handlers exist, and a `shutdown()`
/// there must not kill it. A handler, not a blocked mask: a program exec()ed
/// meanwhile gets the default actions back.
pub struct HeldTerminate {
    /// The actions in place before, put back by `release()`.
    old: Vec<(nix::sys::signal::Signal, nix::sys::signal::SigAction)>,
}

pub fn hold_terminate() -> HeldTerminate {
    use nix::sys::signal::{sigaction, SaFlags, SigAction, SigHandler, SigSet};
    HELD_SIGNAL.store(0, Ordering::Relaxed);
    let action = SigAction::new(SigHandler::Handler(note_signal), SaFlags::SA_RESTART, SigSet::empty());
    let mut old = Vec::new();
    for sig in HELD {
        // SAFETY: the handler only stores to an atomic (async-signal-safe).
        if let Ok(prev) = unsafe { sigaction(sig, &action) } {
            old.push((sig, prev));
        }
    }
    HOLDING.store(true, Ordering::Relaxed);
    HeldTerminate { old }
}

impl HeldTerminate {
    /// Puts the previous actions back; the signal that arrived meanwhile, if any.
    pub fn release(self) -> Option<i32> {
        HOLDING.store(false, Ordering::Relaxed);
        for (sig, prev) in &self.old {
            // SAFETY: restoring the action sigaction() gave back above.
            let _ = unsafe { nix::sys::signal::sigaction(*sig, prev) };
        }
        let signo = HELD_SIGNAL.swap(0, Ordering::Relaxed);
        (signo != 0).then_some(signo)
    }
}

/// In a child forked while the signals are held (a `Swoole\Process` made in
/// onStart): their default actions.
pub fn unhold_in_child() {
    if HOLDING.load(Ordering::Relaxed) {
        for sig in HELD {
            // SAFETY: SIG_DFL for a signal of this (new) process.
            let _ = unsafe {
                nix::sys::signal::signal(sig, nix::sys::signal::SigHandler::SigDfl)
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_raised_signal_arrives_through_the_pipe() {
        let _one_signal_pipe_at_a_time = TEST_LOCK.lock();
        let pipe = SignalPipe::install().unwrap();
        nix::sys::signal::raise(Sig::SIGUSR2).unwrap();
        pipe.wait(Some(std::time::Duration::from_secs(2)));
        assert_eq!(pipe.take(), vec![Signal::ReloadTasks]);
        assert!(pipe.take().is_empty());
    }

    /// Whether `signo` is blocked in this thread's mask.
    fn blocked(signo: i32) -> bool {
        SigSet::thread_get_mask().unwrap().contains(Sig::try_from(signo).unwrap())
    }

    #[test]
    fn a_pipe_routing_nothing_keeps_held_signals_held_until_watched() {
        let _one_signal_pipe_at_a_time = TEST_LOCK.lock();
        block();
        let mut pipe = SignalPipe::install_for(&[]).unwrap();
        assert!(blocked(libc::SIGUSR2), "a plain loop's pipe must not let the server's signals through");
        pipe.watch(libc::SIGUSR2);
        assert!(!blocked(libc::SIGUSR2));
        nix::sys::signal::raise(Sig::SIGUSR2).unwrap();
        pipe.wait(Some(std::time::Duration::from_secs(2)));
        assert_eq!(pipe.take(), vec![Signal::ReloadTasks]);
        drop(pipe);
        unblock();
    }
}
