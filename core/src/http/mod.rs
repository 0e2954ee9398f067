//! The HTTP/1 engine behind `Swoole\Http\Server`, with no PHP in it.
//!
//! The reactor feeds a connection's bytes to a [`parser::Http1Parser`], which
//! frames them check-then-parse into [`request::RequestHead`]s and bodies. The
//! worker turns a request into PHP values through [`form`] (query strings and
//! urlencoded bodies, PHP's `parse_str` rules), [`cookie`] and [`multipart`]
//! (uploads streamed into temp files), then builds the answer with
//! [`response`] and [`compress`]. [`static_files`] answers `document_root`
//! requests without a worker. Swoole's exact bytes, as observed, are written
//! down in `docs/HTTP-NOTES.md`.
//!
//! # Layout
//!
//! - [`limits`]: the sizes a connection may use (head, body, form variables,
//!   nesting, uploads) and Swoole's canned error answers.
//! - [`request`]: one request head parsed over `httparse`, with the
//!   framing facts (length, chunked, keep-alive, `Expect`) and the values of
//!   `$request->server`.
//! - [`body`]: request bodies: `Content-Length` and the chunked decoder with
//!   trailers.
//! - [`parser`]: a connection's state machine: pipelining, keep-alive,
//!   `100-continue`, limits.
//! - [`form`]: urlencoded data into a neutral tree with PHP's key rules.
//! - [`multipart`]: streaming `multipart/form-data`: fields, and files into a
//!   temp dir, as `$_FILES` entries.
//! - [`cookie`]: the `Cookie` header, and `Set-Cookie` lines with every attribute.
//! - [`date`]: the HTTP date formats (IMF-fixdate, the cookie form) and parsing.
//! - [`response`]: status line, headers with Swoole's formatting and
//!   defaults, chunked bodies and trailers.
//! - [`compress`]: `Accept-Encoding` negotiation; gzip, deflate, brotli.
//! - [`mime`]: file extension to MIME type, Swoole's table.
//! - [`static_files`]: `document_root` lookups that cannot escape the root,
//!   index files, autoindex.
//! - [`static_answer`]: the answer for a static file: `200`, `206` (one
//!   range or `multipart/byteranges`), `304`, in Swoole's header order.
//! - [`url`]: PHP's `urlencode`/`rawurlencode` and their decoders, which
//!   the request, forms, cookies and static files share.

pub mod body;
pub mod compress;
pub mod cookie;
pub mod date;
pub mod form;
pub mod limits;
pub mod mime;
pub mod multipart;
pub mod parser;
pub mod request;
pub mod response;
pub mod static_answer;
pub mod static_files;
pub mod url;

pub use limits::Limits;
pub use parser::{Event, Http1Parser, ParseError, Request};
pub use request::{Method, RequestHead, Version};
pub use url::{raw_url_encode, url_decode, url_encode};
