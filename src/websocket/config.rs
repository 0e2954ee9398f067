//! The WebSocket settings of one port (read with the port's HTTP settings,
//! through the same [`Lookup`]).

use crate::http::config::Lookup;

/// What a worker needs to speak WebSocket on one port.
#[derive(Debug, Clone, Default)]
pub struct WsConfig {
    /// `websocket_compression`: permessage-deflate negotiated when offered.
    pub compression: bool,
    /// `websocket_subprotocol`: answered when the client offers it.
    pub subprotocol: Option<String>,
    /// `open_websocket_close_frame`: close frames reach onMessage.
    pub close_frame: bool,
    /// `open_websocket_ping_frame`: pings reach onMessage (no automatic pong).
    pub ping_frame: bool,
    /// `open_websocket_pong_frame`: pongs reach onMessage.
    pub pong_frame: bool,
    /// `package_max_length`: the largest message (frames and reassembly).
    pub max_message: usize,
}

/// The WebSocket settings of a port with settings `l`, or None when it does
/// not speak WebSocket (`open_websocket_protocol`, on by default on a
/// `Swoole\WebSocket\Server`'s ports: `ws_server`).
pub fn of_port(l: &Lookup<'_>, ws_server: bool, package_max_length: usize) -> Option<WsConfig> {
    l.bool(&["open_websocket_protocol"], ws_server).then(|| WsConfig {
        compression: l.bool(&["websocket_compression"], false),
        subprotocol: l.string(&["websocket_subprotocol"]),
        close_frame: l.bool(&["open_websocket_close_frame"], false),
        ping_frame: l.bool(&["open_websocket_ping_frame"], false),
        pong_frame: l.bool(&["open_websocket_pong_frame"], false),
        max_message: package_max_length,
    })
}
