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
    /// `Swoole\Http\Server` / `open_http_protocol`: one HTTP request.
    Request,
    /// `Swoole\WebSocket\Server`: the user's own handshake.
    HandShake,
    /// `Swoole\WebSocket\Server`: a connection finished its handshake.
    Open,
    /// `Swoole\WebSocket\Server`: one whole message (a `Frame`).
    Message,
    /// `Swoole\WebSocket\Server`: a connection closed before its handshake.
    Disconnect,
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
    ("request", Event::Request),
    ("handshake", Event::HandShake),
    ("open", Event::Open),
    ("message", Event::Message),
    ("disconnect", Event::Disconnect),
];

/// Looks up an event name case-insensitively, with or without an `on` prefix.
pub fn parse(name: &str) -> Option<Event> {
    let lower = name.to_ascii_lowercase();
    let bare = lower.strip_prefix("on").filter(|rest| ALL.iter().any(|(n, _)| n == rest)).unwrap_or(&lower);
    ALL.iter().find(|(n, _)| *n == bare).map(|&(_, e)| e)
}

/// Where Swoole keeps the callback of `ev`: the private property `on<Event>`
/// of the server for server events, of the port for port events.
pub fn property(ev: Event) -> &'static str {
    match ev {
        Event::Start => "onStart",
        Event::BeforeShutdown => "onBeforeShutdown",
        Event::Shutdown => "onShutdown",
        Event::WorkerStart => "onWorkerStart",
        Event::WorkerStop => "onWorkerStop",
        Event::WorkerExit => "onWorkerExit",
        Event::WorkerError => "onWorkerError",
        Event::ManagerStart => "onManagerStart",
        Event::ManagerStop => "onManagerStop",
        Event::BeforeReload => "onBeforeReload",
        Event::AfterReload => "onAfterReload",
        Event::Task => "onTask",
        Event::Finish => "onFinish",
        Event::PipeMessage => "onPipeMessage",
        Event::Connect => "onConnect",
        Event::Receive => "onReceive",
        Event::Close => "onClose",
        Event::Packet => "onPacket",
        Event::BufferFull => "onBufferFull",
        Event::BufferEmpty => "onBufferEmpty",
        Event::Request => "onRequest",
        Event::HandShake => "onHandshake",
        Event::Open => "onOpen",
        Event::Message => "onMessage",
        Event::Disconnect => "onDisconnect",
    }
}

/// The server's private callback properties, in Swoole's order.
pub const SERVER_PROPERTIES: &[&str] = &[
    "onStart", "onBeforeShutdown", "onShutdown", "onWorkerStart", "onWorkerStop", "onBeforeReload", "onAfterReload",
    "onWorkerExit", "onWorkerError", "onTask", "onFinish", "onManagerStart", "onManagerStop", "onPipeMessage",
];

/// A port's private callback properties, in Swoole's order.
pub const PORT_PROPERTIES: &[&str] = &[
    "onConnect", "onReceive", "onClose", "onPacket", "onBufferFull", "onBufferEmpty", "onRequest", "onHandshake",
    "onOpen", "onMessage", "onDisconnect", "onBeforeHandshakeResponse",
];

/// Whether `ev` is a port's event (kept by the port, port 0's for the server's `on()`).
pub fn is_port_event(ev: Event) -> bool {
    PORT_PROPERTIES.contains(&property(ev))
}
