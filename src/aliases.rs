//! Swoole 4's lower-case class names (`swoole_server` ...), which old code and
//! the seeds still use. Swoole 6 dropped them; we keep them. And the short
//! name `Co\Socket` of the classes here that have one, while
//! `swoole.use_shortname` is On, as in Swoole.
//!
//! ext-php-rs has no alias API, and an alias needs its class registered. Each
//! class's modifier runs just before that class is registered, so the modifier
//! of the class registered last (`Swoole\Connection\Iterator`) adds them all.

// The class-registration hook: the one import that runs back up the layers
// (connections -> aliases -> port/server), because ext-php-rs gives no later
// point at which every class exists (module startup runs before any).
use crate::port::Port;
use crate::server::Server;
use ext_php_rs::builders::ClassBuilder;
use ext_php_rs::class::RegisteredClass;

/// Looks a registered class's entry up (run once every class exists).
type ClassEntryFn = fn() -> *mut ext_php_rs::ffi::zend_class_entry;

pub fn register_after_last_class(builder: ClassBuilder) -> ClassBuilder {
    let pairs: [(&str, ClassEntryFn); 6] = [
        ("swoole_client", || crate::client::Client::get_metadata().ce() as *const _ as *mut _),
        ("swoole_process", || crate::process::Process::get_metadata().ce() as *const _ as *mut _),
        ("swoole_server", || Server::get_metadata().ce() as *const _ as *mut _),
        ("swoole_server_port", || Port::get_metadata().ce() as *const _ as *mut _),
        ("swoole_exception", || crate::exception::exception_ce() as *const _ as *mut _),
        ("swoole_error", || crate::exception::error_ce() as *const _ as *mut _),
    ];
    for (alias, ce) in pairs {
        crate::zend::register_class_alias(alias, ce());
    }
    if crate::ini::is_on(&crate::ini::USE_SHORTNAME) {
        let socket = crate::socket::Socket::get_metadata().ce() as *const _ as *mut _;
        crate::zend::register_class_alias("Co\\Socket", socket);
    }
    builder
}
