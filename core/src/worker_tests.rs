//! Where `send()`/`close()`/`exist()` go from a process that does not hold
//! the connection: the owner's inbox (BASE mode), the reactor thread's inbox
//! (PROCESS mode, from a process with no ring), or nowhere (9009 outside the
//! server). Each test runs on its own thread: the server is thread-local.

use super::*;
use crate::inbox::{Message, Reassembler};
use crate::reactor::ServerShared;
use std::time::Duration;

/// The next message in inbox `id` of `inboxes`.
fn received(inboxes: &crate::inbox::Inboxes, id: usize) -> Option<Message> {
    let fd = inboxes.read_end(id).expect("an inbox");
    crate::inbox::recv_timeout(fd, &mut Reassembler::default(), Duration::from_secs(5))
}

/// Runs `f` on a fresh thread (a process's thread-locals, fresh).
fn on_own_thread(f: impl FnOnce() + Send + 'static) {
    std::thread::spawn(f).join().expect("the test thread");
}

#[test]
fn outside_a_server_sends_are_refused_as_in_the_master() {
    on_own_thread(|| {
        assert_eq!(send(SessionId(1), b"x"), Err(ErrorCode::SERVER_SEND_IN_MASTER));
        assert_eq!(close(SessionId(1), false), Err(ErrorCode::SERVER_SEND_IN_MASTER));
        assert!(!exists(SessionId(1)));
    });
}

#[test]
fn base_mode_sends_go_to_the_inbox_of_the_worker_that_owns_the_session() {
    on_own_thread(|| {
        let shared = ServerShared::new(3, 0, 0, 1, 0).unwrap();
        let session = shared.table.open(&shared.sessions, 2);
        join_server(shared.clone());
        assert!(exists(session));
        send(session, b"to worker 2").unwrap();
        let msg = received(&shared.inboxes, 2).expect("worker 2's inbox has it");
        assert_eq!((msg.kind, msg.session, msg.payload.as_slice()), (Kind::Send, session, &b"to worker 2"[..]));
        close(session, true).unwrap();
        assert_eq!(received(&shared.inboxes, 2).map(|m| (m.kind, m.session)), Some((Kind::Reset, session)));
        shared.table.close(session);
        assert_eq!(send(session, b"late"), Err(ErrorCode::SESSION_NOT_EXIST));
        assert!(!exists(session));
        leave_server();
    });
}

#[test]
fn process_mode_sends_from_a_process_without_rings_go_to_the_reactor_threads_inbox() {
    on_own_thread(|| {
        // 1 worker, 2 reactor threads; the session is held by thread 1.
        let shared = ServerShared::new(1, 0, 0, 1, 2).unwrap();
        let session = shared.table.open(&shared.sessions, 1);
        join_server(shared.clone());
        send(session, b"via the inbox").unwrap();
        let reactors = shared.reactors.as_ref().unwrap();
        let msg = received(reactors, 1).expect("reactor thread 1's inbox has it");
        assert_eq!((msg.kind, msg.payload.as_slice()), (Kind::Send, &b"via the inbox"[..]));
        // The published queue size is checked here, before anything is sent.
        shared.table.set_queued(session, usize::MAX / 2);
        assert_eq!(send(session, b"x"), Ok(()), "no worker: no socket_buffer_size to check against");
        let _ = received(reactors, 1);
        shared.table.mark_closing(session);
        assert_eq!(send(session, b"x"), Err(ErrorCode::SESSION_CLOSED));
        shared.table.close(session);
        assert_eq!(send(session, b"x"), Err(ErrorCode::SESSION_NOT_EXIST));
        leave_server();
    });
}

#[test]
fn pipe_messages_reach_the_named_worker_with_the_sender() {
    on_own_thread(|| {
        let shared = ServerShared::new(2, 1, 0, 1, 0).unwrap();
        join_server(shared.clone());
        pipe_message(0, 2, b"to the task worker").unwrap();
        let msg = received(&shared.inboxes, 2).unwrap();
        assert_eq!((msg.kind, msg.session, msg.payload.as_slice()), (Kind::PipeMessage, SessionId(0), &b"to the task worker"[..]));
        leave_server();
    });
}
