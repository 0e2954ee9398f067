//! The WebSocket protocol engine (RFC 6455, RFC 7692), free of PHP and of
//! sockets: the server feeds it bytes and asks it for bytes.
//!
//! - [`handshake`]: is an HTTP request an upgrade, is it a valid one, and the
//!   `101 Switching Protocols` (or refusal) bytes Swoole answers with.
//! - [`flags`]: opcodes and Swoole's `SWOOLE_WEBSOCKET_FLAG_*` bits.
//! - [`header`]: one frame header, check-then-parse, and masking.
//! - [`reader`]: a connection's incoming frames become messages: fragments
//!   reassembled, control frames between them, limits, UTF-8, inflation.
//! - [`utf8`]: UTF-8 validation that can stop in the middle of a character.
//! - [`close`]: close codes, which may travel on the wire, close payloads.
//! - [`encode`]: server frames, with `Swoole\WebSocket\Server::pack()`'s rules.
//! - [`unpack`]: `Swoole\WebSocket\Server::unpack()`: one frame, as lenient as Swoole.
//! - [`deflate`]: permessage-deflate: the offer and the answer, compression
//!   and decompression with or without context takeover, bounded.
//! - [`retained`]: how much a reusable buffer keeps between messages.
//!
//! What Swoole 6.2.1 does on the wire, observed, is written down in
//! `docs/WEBSOCKET-NOTES.md`; where this engine is stricter (RFC 6455's
//! close codes on bad input instead of a silent close), the notes say so.

pub mod close;
pub mod deflate;
pub mod encode;
pub mod flags;
pub mod handshake;
pub mod header;
pub mod reader;
pub mod unpack;
pub mod utf8;

pub mod retained;
#[cfg(test)]
mod test_support;

pub use close::CloseCode;
pub use flags::Opcode;
pub use retained::RETAINED_CAPACITY;

pub use reader::{Event, Failure, Read, Reader, ReaderConfig, Role};
