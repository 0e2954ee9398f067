//! The `swoole` PHP extension: Swoole 6's server API, in Rust.
//!
//! This crate is the thin PHP-facing layer; the work happens in the Zend-free
//! `swoole-core` crate. Each module here is one PHP-facing concept:
//!
//! - [`server`]: `Swoole\Server`: argument conversion, state checks, delegation.
//! - [`runtime`]: what `start()` runs: single-process or supervised workers,
//!   PHP callbacks driven by the core's event loop.
//! - [`connections`]: `Swoole\Connection\Iterator` (`$server->connections`).
//! - [`port`]: `Swoole\Server\Port` (`$server->ports`).
//! - [`client`]: the synchronous `Swoole\Client`.
//! - [`command`]: `addCommand()`/`command()`.
//! - [`exception`]: `Swoole\Exception`, `Swoole\Error`.
//! - [`events`]: the event names `on()` accepts.
//! - [`task`]: task workers: task/taskwait/taskWaitMulti/finish, `Swoole\Server\Task`.
//! - [`process`]: `Swoole\Process` (fork, pipe, queue, signals); [`socket`]:
//!   the blocking `Swoole\Coroutine\Socket` its `exportSocket()` returns.
//! - [`timer`], [`event`]: `Swoole\Timer`, `Swoole\Event` and their function
//!   aliases; [`loop_php`] holds their PHP callbacks and runs them on the
//!   core's event loop.
//! - [`options`]: how refused `set()` entries are reported (Swoole's words and levels).
//! - [`functions`]: `swoole_version()`, `swoole_strerror()`, ...
//! - [`constants`]: the `SWOOLE_*` constants.
//! - [`aliases`]: Swoole 4's `swoole_server`-style class names.
//! - [`props`]: declared public properties (engine slots).
//! - [`zend`], [`args`]: raw engine calls: warnings, weak-mode arguments,
//!   cached callable calls, output flushing.

pub mod aliases;
pub mod args;
pub mod client;
pub mod command;
pub mod connections;
pub mod constants;
pub mod event;
pub mod events;
pub mod exception;
pub mod functions;
pub mod loop_php;
pub mod options;
pub mod port;
pub mod process;
pub mod props;
pub mod runtime;
pub mod server;
pub mod socket;
pub mod task;
pub mod timer;
pub mod zend;

use ext_php_rs::prelude::*;
use ext_php_rs::zend::ModuleEntry;
use ext_php_rs::{info_table_end, info_table_header, info_table_row, info_table_start};

/// `php --ri swoole`.
pub extern "C" fn module_info(_module: *mut ModuleEntry) {
    info_table_start!();
    info_table_row!("Swoole", "enabled");
    info_table_row!("Version", functions::SWOOLE_API_VERSION);
    info_table_row!("Implementation", "Rust (ext-php-rs), swoole-rs");
    info_table_row!("Extension version", functions::EXTENSION_VERSION);
    info_table_row!("Built with", concat!("Rust ", env!("CARGO_PKG_RUST_VERSION"), "+ and ext-php-rs 0.16"));
    info_table_row!("Server modes", "SWOOLE_BASE, SWOOLE_PROCESS");
    info_table_row!("epoll", "enabled");
    info_table_row!("timerfd", "enabled");
    info_table_row!("coroutine", "not supported");
    info_table_end!();
    info_table_start!();
    info_table_header!("setting", "default");
    for (key, default) in swoole_core::settings::defaults() {
        info_table_row!(key, default.as_str());
    }
    info_table_end!();
}

/// Module startup: the classes that must be plain engine classes.
pub extern "C" fn startup(ty: i32, module_number: i32) -> i32 {
    let ok = exception::register_classes(ty, module_number) == 0 && timer::register_iterator_class();
    if ok { 0 } else { -1 }
}

/// Request shutdown: no Zval may outlive the request (timers and event
/// callbacks a script left behind are dropped here).
pub extern "C" fn request_shutdown(_ty: i32, _module_number: i32) -> i32 {
    loop_php::clear_all();
    task::clear_all();
    drop(swoole_core::event_loop::uninstall());
    0
}

#[php_module]
pub fn get_module(module: ModuleBuilder) -> ModuleBuilder {
    let mut module = module
        .name("swoole")
        .version(functions::SWOOLE_API_VERSION)
        .info_function(module_info)
        .startup_function(startup)
        .request_shutdown_function(request_shutdown)
        .class::<port::Port>()
        .class::<process::Process>()
        .class::<socket::Socket>()
        .class::<task::Task>()
        .class::<client::Client>()
        .class::<server::Server>()
        .class::<connections::ConnectionIterator>();
    module = functions::register(module);
    module = timer::register(module);
    module = event::register(module);
    for &(name, value) in constants::INTS {
        module = module.constant((name, value, &[] as &[&str]));
    }
    for &(name, value) in constants::BOOLS {
        module = module.constant((name, value, &[] as &[&str]));
    }
    for &(name, value) in constants::FLOATS {
        module = module.constant((name, value, &[] as &[&str]));
    }
    for &(name, value) in constants::STRS {
        module = module.constant((name, value, &[] as &[&str]));
    }
    module
}
