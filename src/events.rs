//! The names `on()` accepts and which of them this build dispatches.

/// A server event a callback can be registered for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Event {
    Start,
    BeforeShutdown,
    Shutdown,
    WorkerStart,
    WorkerStop,
    WorkerExit,
    WorkerError,
    ManagerStart,
    ManagerStop,
    BeforeReload,
    AfterReload,
    Task,
    Finish,
    PipeMessage,
    Connect,
    Receive,
    Close,
    Packet,
    BufferFull,
    BufferEmpty,
}

/// Every event, with its lower-case name (as `on()` matches it).
pub const ALL: &[(&str, Event)] = &[
    ("start", Event::Start),
    ("beforeshutdown", Event::BeforeShutdown),
    ("shutdown", Event::Shutdown),
    ("workerstart", Event::WorkerStart),
    ("workerstop", Event::WorkerStop),
    ("workerexit", Event::WorkerExit),
    ("workererror", Event::WorkerError),
    ("managerstart", Event::ManagerStart),
    ("managerstop", Event::ManagerStop),
    ("beforereload", Event::BeforeReload),
    ("afterreload", Event::AfterReload),
    ("task", Event::Task),
    ("finish", Event::Finish),
    ("pipemessage", Event::PipeMessage),
    ("connect", Event::Connect),
    ("receive", Event::Receive),
    ("close", Event::Close),
    ("packet", Event::Packet),
    ("bufferfull", Event::BufferFull),
    ("bufferempty", Event::BufferEmpty),
];

/// Events of Swoole's HTTP and WebSocket servers, which this extension does
/// not provide: `on()` explains that instead of calling them unknown.
pub const HTTP_EVENTS: &[&str] = &["request", "message", "open", "handshake", "disconnect"];

/// Looks up an event name case-insensitively, with or without an `on` prefix.
pub fn parse(name: &str) -> Option<Event> {
    let lower = name.to_ascii_lowercase();
    let bare = lower.strip_prefix("on").filter(|rest| ALL.iter().any(|(n, _)| n == rest)).unwrap_or(&lower);
    ALL.iter().find(|(n, _)| *n == bare).map(|&(_, e)| e)
}
