//! `Swoole\Http\Server`, `Swoole\Http\Request`, `Swoole\Http\Response`: the
//! PHP face of the Zend-free HTTP engine in `swoole_core::http`.
//!
//! Where the parsing runs: in the worker, on the bytes its reactor (BASE) or
//! the master's reactor threads (PROCESS) deliver unframed. The reactor
//! threads thus stay byte movers with no per-protocol state, and the worker,
//! which must turn each request into PHP values anyway, keeps one
//! [`swoole_core::http::Http1Parser`] per connection (see [`server`]).
//!
//! - [`config`]: the HTTP settings of a port (`open_http_protocol`,
//!   `http_parse_*`, compression, static files, uploads), read at `start()`,
//!   and every port's, kept for the worker.
//! - [`server`]: the class `Swoole\Http\Server` and a worker's connections:
//!   bytes in, requests out in order, 400/413 answers, static files; an
//!   upgrade request handed back to [`crate::web`], which switches the
//!   connection to WebSocket (this room does not know WebSocket's, which
//!   builds on it).
//! - [`request`]: `Swoole\Http\Request` and its properties.
//! - [`response`]: `Swoole\Http\Response`: head, body, chunks, files.
//! - [`cookie`]: `Swoole\Http\Cookie`, a `Set-Cookie` built by parts.
//! - [`known`]: the strings every request repeats, interned once.
//! - [`values`]: the engine's trees (forms, cookies, uploads) as PHP arrays.

pub mod config;
pub mod cookie;
pub mod request;
pub mod response;
pub mod server;
pub mod values;

use ext_php_rs::prelude::ModuleBuilder;

/// Adds the HTTP classes to the module (after `Swoole\Server`, which
/// `Swoole\Http\Server` extends).
pub fn register(module: ModuleBuilder) -> ModuleBuilder {
    module
        .class::<server::HttpServer>()
        .class::<request::Request>()
        .class::<response::Response>()
        .class::<cookie::Cookie>()
}

/// Class names the methods' types mention that this extension does not
/// register (`Swoole\Http\Cookie`, `Swoole\WebSocket\Frame`).
const FOREIGN_TYPE_NAMES: &[&str] = &["Swoole\\WebSocket\\Frame"];

/// Module startup: interns `FOREIGN_TYPE_NAMES` for good. The arginfo
/// written at the first request interns its class names; one interned
/// only then would be freed at the end of that request, while the class
/// still points to it until module shutdown.
pub fn intern_type_names() {
    for name in FOREIGN_TYPE_NAMES {
        // SAFETY: MINIT: the engine's interning function makes permanent strings here.
        if let Some(init) = unsafe { ext_php_rs::ffi::zend_string_init_interned } {
            unsafe { init(name.as_ptr().cast(), name.len(), true) };
        }
    }
}

/// Gives the HTTP classes Swoole's shape (first request, see [`crate::shape`]).
pub fn fix_signatures() {
    server::fix_signatures();
    request::fix_signatures();
    response::fix_signatures();
    cookie::fix_signatures();
}
