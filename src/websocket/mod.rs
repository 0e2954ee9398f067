//! `Swoole\WebSocket\Server`, `Swoole\WebSocket\Frame`, `Swoole\WebSocket\CloseFrame`:
//! the PHP face of the Zend-free engine in `swoole_core::websocket`.
//!
//! Where it runs: in the worker, as HTTP does ([`crate::http`], on which this
//! room builds): a request with `Upgrade: websocket` on a port with
//! `open_websocket_protocol` is answered with the handshake and the
//! connection leaves the HTTP parser for a frame
//! [`Reader`](swoole_core::websocket::Reader) ([`conn`]); [`crate::web`]
//! makes that switch.
//!
//! - [`config`]: the WebSocket settings of a port, read at `start()`.
//! - [`conn`]: a worker's WebSocket connections: handshake, frames in, events.
//! - [`server`]: the class `Swoole\WebSocket\Server`: push, disconnect, pack.
//! - [`frame`]: `Frame` and `CloseFrame` objects.

pub mod config;
pub mod conn;
pub mod frame;
pub mod server;

use ext_php_rs::prelude::ModuleBuilder;

/// Adds the WebSocket classes (after `Swoole\Http\Server`, which
/// `Swoole\WebSocket\Server` extends).
pub fn register(module: ModuleBuilder) -> ModuleBuilder {
    module.class::<server::WebSocketServer>().class::<frame::Frame>().class::<frame::CloseFrame>()
}

/// Gives the WebSocket classes Swoole's shape (first request).
pub fn fix_signatures() {
    server::fix_signatures();
    frame::fix_signatures();
}
