//! The PHP callables that decide about connections in SWOOLE_PROCESS mode:
//! `package_length_func` (how long is this packet?) and `dispatch_func`
//! (which worker gets this event?). The connections live in the master's
//! reactor threads, which never call PHP (rule 1); a thread that needs an
//! answer asks the master's main thread, which runs the callable between its
//! polls, and waits for the answer. The callables thus run in the master
//! (`worker_id` -1), as in Swoole, whose master runs single-threaded for them.
//! One channel carries both questions; a server without either callable has
//! no channel, and its threads never ask.

use crate::client::Length;
use crate::dispatch::FuncChoice;
use crate::session::SessionId;
use mio::{Registry, Token, Waker};
use std::io;
use std::sync::mpsc::{self, sync_channel, Receiver, Sender, SyncSender};
use std::sync::Arc;

/// What a reactor thread asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    /// `package_length_func`: how long is the packet starting at `data`
    /// (what the connection has buffered from its first byte on) on port
    /// `port` (its index)?
    Length { port: usize, data: Vec<u8> },
    /// `dispatch_func`: which worker gets event `event` (a
    /// [`crate::dispatch::event_type`]) of `session`? `data` is the start of
    /// the packet (at most [`crate::dispatch::FUNC_DATA_MAX`] bytes, empty
    /// for connection events), None when the callable takes no `$data`.
    Worker { session: SessionId, event: i64, data: Option<Vec<u8>> },
}

/// The main thread's answer to a [`Question`] of the same kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Length(Length),
    Worker(FuncChoice),
}

/// One question and where its thread waits.
pub struct Ask {
    /// What is asked.
    pub question: Question,
    /// Where the thread waits for the answer.
    reply: SyncSender<Answer>,
}

impl Ask {
    /// Sends the answer back to the waiting thread.
    pub fn answer(self, answer: Answer) {
        let _ = self.reply.send(answer);
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
    /// Asks the main thread and waits for its answer; None once the main
    /// thread stopped answering (the server is stopping).
    fn ask(&self, question: Question) -> Option<Answer> {
        let (reply, answer) = sync_channel(1);
        self.asks.send(Ask { question, reply }).ok()?;
        let _ = self.waker.wake();
        answer.recv().ok()
    }

    /// `package_length_func` on port `port`'s buffered `data`; `Failed` once
    /// nobody answers.
    pub fn length(&self, port: usize, data: &[u8]) -> Length {
        match self.ask(Question::Length { port, data: data.to_vec() }) {
            Some(Answer::Length(l)) => l,
            _ => Length::Failed,
        }
    }

    /// `dispatch_func` for `event` of `session`; the event is dropped once
    /// nobody answers.
    pub fn worker(&self, session: SessionId, event: i64, data: Option<&[u8]>) -> FuncChoice {
        let data = data.map(|d| d[..d.len().min(crate::dispatch::FUNC_DATA_MAX)].to_vec());
        match self.ask(Question::Worker { session, event, data }) {
            Some(Answer::Worker(c)) => c,
            _ => FuncChoice::Discard,
        }
    }

    /// Makes this the calling thread's length function.
    pub fn install(self) {
        crate::framing::set_length_fn(Some(Box::new(move |port, data| self.length(port, data))));
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
        let t = std::thread::spawn(move || (other.length(1, b"3ab"), other.length(1, b"x")));
        let mut events = Events::with_capacity(4);
        poll.poll(&mut events, Some(std::time::Duration::from_secs(5))).unwrap();
        assert_eq!(events.iter().next().map(|e| e.token()), Some(Token(9)));
        let q = questions.recv().unwrap();
        assert_eq!(q.question, Question::Length { port: 1, data: b"3ab".to_vec() });
        q.answer(Answer::Length(Length::Packet(3)));
        let second = questions.recv().unwrap();
        drop(second); // never answered
        drop(questions);
        assert_eq!(t.join().unwrap(), (Length::Packet(3), Length::Failed));
        assert_eq!(asker.length(1, b"y"), Length::Failed, "nobody answers any more");
    }

    #[test]
    fn the_same_channel_asks_for_workers_with_at_most_the_data_swoole_shows() {
        let poll = Poll::new().unwrap();
        let (asker, questions) = channel(poll.registry(), Token(9)).unwrap();
        let big = vec![7u8; crate::dispatch::FUNC_DATA_MAX + 100];
        let t = std::thread::spawn(move || {
            let a = asker.worker(SessionId(5), crate::dispatch::event_type::RECEIVE, Some(&big));
            let b = asker.worker(SessionId(5), crate::dispatch::event_type::CLOSE, None);
            (a, b)
        });
        let q = questions.recv().unwrap();
        match &q.question {
            Question::Worker { session, event, data } => {
                assert_eq!((*session, *event), (SessionId(5), 0));
                assert_eq!(data.as_ref().map(Vec::len), Some(crate::dispatch::FUNC_DATA_MAX));
            }
            other => panic!("{other:?}"),
        }
        q.answer(Answer::Worker(FuncChoice::Worker(2)));
        let q = questions.recv().unwrap();
        assert_eq!(q.question, Question::Worker { session: SessionId(5), event: 4, data: None });
        q.answer(Answer::Length(Length::NeedMore)); // the wrong kind: dropped
        assert_eq!(t.join().unwrap(), (FuncChoice::Worker(2), FuncChoice::Discard));
    }
}
