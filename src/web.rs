//! Where a web connection's bytes go: to the HTTP room ([`crate::http`])
//! until a request asks for the WebSocket handshake, then to the WebSocket
//! room ([`crate::websocket`]). The two rooms do not import each other in
//! both directions: WebSocket builds on HTTP (its handshake is an HTTP
//! request, its server class extends `Http\Server`), and this room, above
//! both, joins them: a port's settings of each at `start()`, and the switch
//! from one to the other.

use crate::http::config::{HttpConfig, Lookup};
use crate::http::server::{Dispatch, Served};
use crate::zend::CallOutcome;
use ext_php_rs::ffi::zend_object;
use std::rc::Rc;
use swoole_core::{worker, SessionId};

/// The web protocols one port speaks.
pub struct PortProtocols {
    /// Its HTTP settings (a WebSocket port speaks HTTP up to the handshake).
    pub http: HttpConfig,
    /// Its WebSocket settings (None: plain HTTP).
    pub websocket: Option<crate::websocket::config::WsConfig>,
}

/// The web protocols of port `port_obj` (index `index` of the server
/// `server_obj`), or None when it speaks neither. `sizes` are the server's
/// `package_max_length` and `output_buffer_size`.
pub fn of_port(server_obj: *mut zend_object, port_obj: *mut zend_object, index: usize, sizes: (usize, usize)) -> Option<PortProtocols> {
    let l = Lookup::of_port(server_obj, port_obj, index);
    let ws_server = crate::websocket::server::is_websocket_server(server_obj);
    let http_server = crate::http::server::is_http_server(server_obj);
    let websocket = crate::websocket::config::of_port(&l, ws_server, sizes.0);
    let http = crate::http::config::of_port(&l, server_obj, port_obj, index, sizes, http_server, websocket.is_some())?;
    Some(PortProtocols { http, websocket })
}

/// Records every port's protocols (at `start()`, before any fork); returns
/// whether some port speaks HTTP.
pub fn configure(ports: Vec<Option<PortProtocols>>) -> bool {
    let (http, websocket) = ports.into_iter().map(|p| p.map_or((None, None), |p| (Some(p.http), p.websocket))).unzip();
    crate::websocket::conn::configure(websocket);
    crate::http::server::configure(http)
}

/// Bytes of `session` (on HTTP port `cfg`) arrived: an established WebSocket
/// connection's frames, or HTTP requests in order, an upgrade among them
/// going to the WebSocket handshake with the bytes after it. A callback
/// failure ends the loop with its outcome (the worker's failure handling
/// takes over).
pub fn on_data(session: SessionId, cfg: &Rc<HttpConfig>, data: &[u8], dispatch: &mut Dispatch<'_>) -> CallOutcome {
    if cfg.upgrade && crate::websocket::conn::takes_frames(session) {
        return crate::websocket::conn::on_data(session, data, dispatch);
    }
    let outcome = match crate::http::server::serve(session, cfg, data, dispatch) {
        Served::Done(outcome) => outcome,
        Served::Upgrade(req, rest) => match crate::websocket::conn::port_config_of(session) {
            Some(ws) => crate::websocket::conn::upgrade(session, cfg, &ws, *req, rest, dispatch),
            // (An upgrade is served only on a port with WebSocket settings;
            // were they missing, the connection goes as a refused request.)
            None => {
                let _ = worker::send(session, swoole_core::http::limits::BAD_REQUEST);
                let _ = worker::close(session, false);
                CallOutcome::Returned
            }
        },
    };
    // max_request counts the HTTP requests (counted as served), not the reads.
    worker::with(|r| r.skip_next_count());
    outcome
}
