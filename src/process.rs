//! `Swoole\Process`: fork a PHP callback into a child, talk to it over a
//! unix socket pair or a SysV message queue, wait for it, signal it.
//!
//! The child does not return into the parent's script: after its callback
//! (and any event loop it started) it flushes its output and `_exit`s, so the
//! parent's shutdown functions and destructors never run twice.

use crate::loop_php::{self, PlainLoop};
use crate::props::{self, Default as P};
use crate::zend::{self, warning, CallOutcome, Callback};
use ext_php_rs::builders::ClassBuilder;
use ext_php_rs::convert::IntoZval;
use ext_php_rs::exception::PhpResult;
use ext_php_rs::ffi::zend_object;
use ext_php_rs::flags::ClassFlags;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendClassObject, ZendObject, Zval};
use std::cell::{Cell, RefCell};
use std::cell::Ref;
use std::os::fd::{AsRawFd, BorrowedFd, OwnedFd};
use swoole_core::fd::FdSlot;
use swoole_core::event_loop;
use swoole_core::process::{self as sys, MsgQueue, PipeType};

/// `Swoole\Process::IPC_NOWAIT`: the queue flag that makes push/pop non-blocking.
pub(crate) const IPC_NOWAIT: i64 = 256;
/// `SWOOLE_MSGQUEUE_BALANCE`: any process pops any message.
pub(crate) const MSGQUEUE_BALANCE: i64 = 2;

#[php_class]
#[php(name = "Swoole\\Process")]
#[php(flags = ClassFlags::from_bits_retain(1 << 15))]
#[php(modifier = process_class)]
pub struct Process {
    /// The function the child runs.
    pub(crate) callback: RefCell<Option<Callback>>,
    /// The child's stdin, stdout and stderr are its end of the pipe.
    pub(crate) redirect: bool,
    /// What kind of pipe the constructor made.
    pub(crate) pipe_type: PipeType,
    /// The parent's end of the pipe (empty when closed/none).
    pub(crate) master_fd: FdSlot,
    /// The child's end of the pipe (empty when closed/none).
    pub(crate) worker_fd: FdSlot,
    /// True inside the child: the child's end is the current one.
    pub(crate) in_child: Cell<bool>,
    /// The child's pid once started.
    pub(crate) pid: Cell<i32>,
    /// The message queue from useQueue().
    pub(crate) queue: Cell<Option<MsgQueue>>,
    /// Queue mode 2: pop takes any message type.
    pub(crate) queue_balance: Cell<bool>,
    /// The object exportSocket() returned (the same one each time).
    pub(crate) exported: RefCell<Option<Zval>>,
    /// setTimeout() gave the pipe a timeout: a read that would block then
    /// timed out (`swoole_last_error()` 6002, as Swoole).
    pub(crate) timeout_set: Cell<bool>,
    /// `setBlocking(false)` was called: EAGAIN is no timeout then.
    pub(crate) nonblocking: Cell<bool>,
}

fn process_class(builder: ClassBuilder) -> ClassBuilder {
    let builder = props::declare(
        crate::shape::with_destructor(builder),
        &[("pipe", P::Null), ("msgQueueId", P::Null), ("msgQueueKey", P::Null), ("pid", P::Null), ("id", P::Null)],
    );
    // Swoole keeps the callable in a private property; start() reads it there.
    props::declare_private(builder, "callback")
}

/// The `$id` of the next `new Swoole\Process` (subclasses too): 1, 2, 3, ...
/// in creation order, per process, as Swoole counts them.
pub(crate) static NEXT_ID: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(1);

/// `Swoole\Process`'s class entry: the scope of its private `callback`.
pub(crate) fn process_ce() -> *mut ext_php_rs::ffi::zend_class_entry {
    use ext_php_rs::class::RegisteredClass;
    Process::get_metadata().ce() as *const _ as *mut _
}

/// `SWOOLE_ERROR_SOCKET_POLL_TIMEOUT`: a read that timed out.
pub(crate) const SOCKET_POLL_TIMEOUT: i32 = 6002;

impl Process {
    /// The end of the pipe this process uses (the child's inside the child).
    pub(crate) fn current_fd(&self) -> Option<Ref<'_, OwnedFd>> {
        if self.in_child.get() { self.worker_fd.get() } else { self.master_fd.get() }
    }

    pub(crate) fn current_fd_or_warn(&self, what: &str) -> Option<Ref<'_, OwnedFd>> {
        let fd = self.current_fd();
        if fd.is_none() {
            zend::fatal_warning(&format!("no pipe, cannot {what}"));
        }
        fd
    }

    /// In the child after fork: runs the callback, then any event loop it
    /// started, and ends the process with the right status. Never returns.
    pub fn run_child(&self, obj: *mut zend_object, before: impl FnOnce()) -> ! {
        loop_php::reset_after_fork();
        crate::process_state::forget_server_after_fork();
        self.in_child.set(true);
        // The parent's end is not ours in the child.
        self.master_fd.close();
        if let (true, Some(worker)) = (self.redirect, self.worker_fd.get()) {
            // The pipe becomes our stdin/stdout/stderr.
            for target in 0..3 {
                let _ = sys::dup_onto(&*worker, target);
            }
        }
        let pid = nix::unistd::getpid().as_raw();
        self.pid.set(pid);
        props::set(obj, "pid", pid as i64);
        if self.worker_fd.is_open() {
            props::set(obj, "pipe", self.worker_fd.raw() as i64);
        }
        before();
        let cb = self.callback.borrow().as_ref().map(Callback::clone);
        let mut outcome = match cb {
            Some(cb) => {
                let mut this = Zval::new();
                // SAFETY: obj is this live Process object.
                this.set_object(unsafe { &mut *(obj as *mut ZendObject) });
                cb.call(&mut [this])
            }
            None => CallOutcome::Returned,
        };
        if outcome == CallOutcome::Returned && event_loop::has_work() {
            let mut h = PlainLoop::default();
            event_loop::run(&mut h);
            outcome = h.failure.unwrap_or(CallOutcome::Returned);
        }
        let code = match outcome {
            CallOutcome::Returned => 0,
            CallOutcome::Exception => {
                zend::report_pending_exception();
                255
            }
            CallOutcome::Exit(code) => {
                zend::clear_pending_exception();
                code
            }
            CallOutcome::Bailout => 255,
        };
        zend::exit_child(code)
    }

    /// The `$who` of get/setPriority(): null means this Process's child, and
    /// is allowed only with PRIO_PROCESS (else Swoole's warning and 505).
    pub(crate) fn priority_target(&self, which: i64, who: Option<i64>) -> Option<i64> {
        match who {
            Some(w) => Some(w),
            None if which == libc::PRIO_PROCESS as i64 => Some(self.pid.get() as i64),
            None => {
                warning("$who parameter must not be null");
                crate::process_state::set_last_error(swoole_core::ErrorCode::INVALID_PARAMS.0);
                None
            }
        }
    }

    pub(crate) fn queue_or_warn(&self, what: &str) -> Option<MsgQueue> {
        let q = self.queue.get();
        if q.is_none() {
            zend::fatal_warning(&format!("no msgqueue, cannot use {what}()"));
        }
        q
    }
}

impl Process {
    /// A `Swoole\Process` standing for pool worker `id` (`Pool::getProcess()`).
    /// Its pipe is a dup of the pool's `fd` (the worker's own end when `own`,
    /// inside that worker), so closing it leaves the pool's alone; `queue` is
    /// the pool's queue when the pool has one but no `onMessage`.
    pub fn pool_view(id: i64, pid: i32, fd: Option<BorrowedFd<'_>>, own: bool, queue: Option<MsgQueue>) -> Zval {
        // A dup of a descriptor the pool keeps open.
        let dup = fd.and_then(|fd| sys::dup_cloexec(fd).ok());
        let pipe_fd = dup.as_ref().map(AsRawFd::as_raw_fd);
        let pipe_type = if dup.is_some() { PipeType::Dgram } else { PipeType::None };
        let (master, worker) = if own { (None, dup) } else { (dup, None) };
        let mut obj = ZendClassObject::new(Process {
            callback: RefCell::new(None),
            redirect: false,
            pipe_type,
            master_fd: FdSlot::new(master),
            worker_fd: FdSlot::new(worker),
            in_child: Cell::new(own),
            pid: Cell::new(pid),
            queue: Cell::new(queue),
            queue_balance: Cell::new(true),
            exported: RefCell::new(None),
            timeout_set: Cell::new(false),
            nonblocking: Cell::new(false),
        });
        let raw: *mut zend_object = obj.get_mut_zend_obj();
        props::set(raw, "id", id);
        props::set(raw, "pid", pid as i64);
        if let Some(fd) = pipe_fd {
            props::set(raw, "pipe", fd as i64);
        }
        if let Some(q) = queue {
            props::set(raw, "msgQueueId", q.id as i64);
            props::set(raw, "msgQueueKey", q.key as i64);
        }
        obj.into_zval(false).unwrap_or_default()
    }

    /// Updates the pid of a [`Process::pool_view`] (the worker was replaced).
    pub fn pool_view_repoint(zv: &Zval, pid: i32) {
        let Some(obj) = zv.object() else { return };
        let raw = obj as *const ZendObject as *mut zend_object;
        // SAFETY: `$pool->workers` holds only objects made by pool_view.
        if let Some(p) = unsafe { ZendClassObject::<Process>::from_zend_obj(&*(raw as *const ZendObject)) } {
            if p.pid.replace(pid) != pid {
                props::set(raw, "pid", pid as i64);
            }
        }
    }
}

/// The running script's path (for `useQueue()`'s default key).
pub(crate) fn script_path() -> Option<String> {
    crate::zend::call_function("get_included_files", vec![])?.array()?.get_index(0)?.string()
}

pub(crate) fn false_zv() -> PhpResult<Zval> {
    Ok(false.into_zval(false)?)
}
