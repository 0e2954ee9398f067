//! The WebSocket settings of one port (read with the port's HTTP settings).

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
