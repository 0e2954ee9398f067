//! `Swoole\Server\Port`: the listener objects in `$server->ports`.
//!
//! This build has one listener per server; its Port object carries the
//! properties. Per-port settings and callbacks (`addListener`, framing per
//! port) are not implemented yet, and the methods say so instead of
//! pretending.

use crate::props::{self, Default as P};
use crate::zend::warning;
use ext_php_rs::builders::ClassBuilder;
use ext_php_rs::convert::IntoZval;
use ext_php_rs::flags::ClassFlags;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendClassObject, Zval};
use swoole_core::listener::BoundListener;

#[php_class]
#[php(name = "Swoole\\Server\\Port")]
#[php(flags = ClassFlags::from_bits_retain(1 << 15))]
#[php(modifier = port_class)]
#[derive(Default)]
pub struct Port {}

fn port_class(builder: ClassBuilder) -> ClassBuilder {
    props::declare(
        builder,
        &[
            ("host", P::Null),
            ("port", P::Int(0)),
            ("type", P::Int(0)),
            ("sock", P::Int(-1)),
            ("ssl", P::Bool(false)),
            ("setting", P::Null),
            ("connections", P::Null),
        ],
    )
}

impl Port {
    /// The Port object describing the server's listener.
    pub fn new_object(host: &str, port: i64, sock_type: i64, listener: Option<&BoundListener>) -> Zval {
        let mut obj = ZendClassObject::new(Port::default());
        let raw = obj.get_mut_zend_obj() as *mut _;
        props::set(raw, "host", host);
        props::set(raw, "port", port);
        props::set(raw, "type", sock_type);
        props::set(raw, "sock", listener.map(|l| l.raw_fd() as i64).unwrap_or(-1));
        props::set(raw, "connections", crate::connections::ConnectionIterator::new_object());
        obj.into_zval(false).unwrap_or_default()
    }
}

const NOT_YET: &str = "per-port settings and callbacks are not implemented yet in this extension; \
                       use Swoole\\Server::set() and Swoole\\Server::on()";

#[php_impl]
impl Port {
    pub fn set(&self, _settings: &Zval) {
        warning(NOT_YET);
    }

    pub fn on(&self, _event_name: &Zval, _callback: &Zval) -> bool {
        warning(NOT_YET);
        false
    }

    #[php(name = "getCallback")]
    pub fn get_callback(&self, _event_name: &Zval) -> Option<i64> {
        None
    }
}
