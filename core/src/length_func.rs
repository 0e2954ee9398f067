//! `package_length_func` in SWOOLE_PROCESS mode. The connections live in the
//! master's reactor threads, which never call PHP (rule 1); a port whose
//! packets a PHP function cuts makes each reactor thread ask the master's
//! main thread, which runs the function between its polls, and wait for the
//! answer. The function thus runs in the master (`worker_id` -1), as in
//! Swoole, whose master runs single-threaded for it.

use crate::client::Length;
use mio::{Registry, Token, Waker};
use std::io;
use std::sync::mpsc::{self, sync_channel, Receiver, Sender, SyncSender};
use std::sync::Arc;

/// One question of a reactor thread: how long is the packet starting at
/// `data` on port `port`?
pub struct Ask {
    /// The port's index.
    pub port: usize,
    /// What the connection has buffered from the packet's first byte on.
    pub data: Vec<u8>,
    /// Where the thread waits for the answer.
    reply: SyncSender<Length>,
}

impl Ask {
    /// Sends the answer back to the waiting thread.
    pub fn answer(self, length: Length) {
        let _ = self.reply.send(length);
    }
}

/// A reactor thread's end: asks and waits.
#[derive(Clone)]
pub struct Asker {
    /// Where questions go.
    asks: Sender<Ask>,
    /// Wakes the main thread's poll after a question.
    waker: Arc<Waker>,
}

impl Asker {
    /// Asks the main thread and waits for its answer; `Failed` once the main
    /// thread stopped answering (the server is stopping).
    pub fn ask(&self, port: usize, data: &[u8]) -> Length {
        let (reply, answer) = sync_channel(1);
        if self.asks.send(Ask { port, data: data.to_vec(), reply }).is_err() {
            return Length::Failed;
        }
        let _ = self.waker.wake();
        answer.recv().unwrap_or(Length::Failed)
    }

    /// Makes this the calling thread's length function.
    pub fn install(self) {
        crate::framing::set_length_fn(Some(Box::new(move |port, data| self.ask(port, data))));
    }
}

/// The main thread's end: the questions waiting, readable when `token`
/// fires on the poll of `registry`. Dropping it fails every question still
/// waiting, so no reactor thread waits past the main thread's loop.
pub fn channel(registry: &Registry, token: Token) -> io::Result<(Asker, Receiver<Ask>)> {
    let waker = Arc::new(Waker::new(registry, token)?);
    let (asks, questions) = mpsc::channel();
    Ok((Asker { asks, waker }, questions))
}

#[cfg(test)]
mod tests {
    use super::*;
    use mio::{Events, Poll};

    #[test]
    fn a_thread_asks_the_main_thread_and_gets_failed_once_it_stops_answering() {
        let mut poll = Poll::new().unwrap();
        let (asker, questions) = channel(poll.registry(), Token(9)).unwrap();
        let other = asker.clone();
        let t = std::thread::spawn(move || (other.ask(1, b"3ab"), other.ask(1, b"x")));
        let mut events = Events::with_capacity(4);
        poll.poll(&mut events, Some(std::time::Duration::from_secs(5))).unwrap();
        assert_eq!(events.iter().next().map(|e| e.token()), Some(Token(9)));
        let q = questions.recv().unwrap();
        assert_eq!((q.port, q.data.as_slice()), (1, &b"3ab"[..]));
        q.answer(Length::Packet(3));
        let second = questions.recv().unwrap();
        drop(second); // never answered
        drop(questions);
        assert_eq!(t.join().unwrap(), (Length::Packet(3), Length::Failed));
        assert_eq!(asker.ask(1, b"y"), Length::Failed, "nobody answers any more");
    }
}
