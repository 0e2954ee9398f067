//! The `swoole` PHP extension: Swoole 6's server API, in Rust.
//!
//! This crate is the thin PHP-facing layer; the work happens in the Zend-free
//! `swoole-core` crate. Each module here is one PHP-facing concept:
//!
//! - [`server`]: `Swoole\Server`: argument conversion, state checks, delegation.
//! - What `start()` runs, one room each: [`process_state`] (the leaf: role,
//!   pids, last error), [`control`] (shutdown, reload, stop, sendMessage,
//!   stats), [`host`] (`$this`, the callbacks, the failure policy),
//!   [`handler`] (the core's events as PHP calls), [`serve`] (one worker's
//!   life), [`shapes`] (single process, BASE manager, PROCESS master) and
//!   [`start`] (`start()` itself, up to the first fork).
//! - [`connections`]: `Swoole\Connection\Iterator` (`$server->connections`).
//! - [`port`]: `Swoole\Server\Port` (`$server->ports`); [`reuse_port`]: a new
//!   instance binding beside a running one (`enable_reuse_port`).
//! - [`http`]: `Swoole\Http\Server`, `Swoole\Http\Request`, `Swoole\Http\Response`;
//!   [`websocket`]: `Swoole\WebSocket\Server` and its frames, built on HTTP;
//!   [`web`]: a web connection's bytes to HTTP or, after the handshake, to WebSocket.
//! - [`client`]: the synchronous `Swoole\Client`.
//! - [`command`]: the methods `addCommand()` and `command()`.
//! - [`exception`]: `Swoole\Exception`, `Swoole\Error`.
//! - [`events`]: the event names `on()` accepts; [`event_objects`]: the
//!   callbacks' objects of `event_object` (`Swoole\Server\Event`, ...).
//! - [`task`]: task workers: task/taskwait/taskWaitMulti/finish, `Swoole\Server\Task`.
//! - [`process`]: `Swoole\Process` (fork, pipe, queue, signals); [`socket`]:
//!   the blocking `Swoole\Coroutine\Socket` its `exportSocket()` returns.
//! - [`pool`]: `Swoole\Process\Pool`; [`pool_run`]: what its `start()` runs
//!   (master and workers); `Swoole\Process\Manager` is PHP source
//!   (`src/library/`) declared at each request startup by [`request`].
//! - [`timer`], [`event`]: `Swoole\Timer`, `Swoole\Event` and their function
//!   aliases; [`loop_php`] holds their PHP callbacks and runs them on the
//!   core's event loop.
//! - [`table`], [`atomic`], [`lock`]: `Swoole\Table`, `Swoole\Atomic`
//!   (and `\Long`), `Swoole\Lock`, over the core's shared memory;
//!   [`table_values`] converts rows to and from PHP arrays.
//! - [`arginfo`]: functions and methods with Swoole's exact signatures
//!   (hand-written arginfo); [`shape`]: classes with Swoole's method order,
//!   visibility, constructors and destructors; [`signatures`]: the
//!   functions' order; [`signatures_methods`]: `Swoole\Server`'s and
//!   `Swoole\Process`'s method declarations (the other classes keep theirs
//!   in their own files);
//!   [`fast`]: engine-level handlers for the methods whose cost is the call.
//! - [`options`]: how refused `set()` entries are reported (Swoole's words and levels).
//! - [`functions`]: `swoole_version()`, `swoole_strerror()`, ...;
//!   [`logging`]: `swoole_error_log()` and ignored codes; [`global_options`]:
//!   `swoole_async_set()`; [`select`]: `swoole_client_select()`; [`mime`]:
//!   `swoole_mime_type_*()`; [`substr`]: `swoole_substr_*()`; [`vm`]: the
//!   engine's objects; [`unsupported`]: coroutine, DNS, tracer functions.
//! - [`constants`]: the `SWOOLE_*` constants; [`ini`]: the `swoole.*` INI
//!   entries; [`request`]: what each request starts with (`Swoole\Constant`).
//! - [`stats_file`]: `stats_file`/`$server->stats_timer`, calling the hooks of the
//!   library's `Swoole\Server\Helper` (`src/library/`) around worker 0's events.
//! - [`aliases`]: Swoole 4's `swoole_server`-style class names.
//! - [`props`]: declared public properties (engine slots); [`unset_deny`]:
//!   Swoole's refusal to `unset()` them; [`subclass`]: objects of a PHP
//!   subclass keep their class.
//! - [`zend`], [`args`]: raw engine calls: warnings, weak-mode arguments,
//!   cached callable calls, output flushing.

pub mod aliases;
pub mod arginfo;
pub mod args;
pub mod atomic;
pub mod client;
pub mod client_tls;
pub mod command;
pub mod connections;
pub mod constants;
pub mod control;
pub mod event;
pub mod event_objects;
pub mod events;
pub mod exception;
pub mod fast;
pub mod functions;
pub mod global_options;
pub mod handler;
pub mod host;
pub mod http;
pub mod web;
pub mod websocket;
pub mod ini;
pub mod known;
pub mod logging;
pub mod length_func;
pub mod dispatch_func;
pub mod lock;
pub mod loop_php;
pub mod mime;
pub mod pool;
pub mod pool_methods;
// `php_loop_callbacks!` (defined there) serves the side loop too.
#[macro_use]
pub mod pool_run;
pub mod options;
pub mod port;
pub mod process;
pub mod process_methods;
pub mod process_state;
pub mod props;
pub mod request;
pub mod reuse_port;
pub mod select;
pub mod serve;
pub mod server;
pub mod server_methods;
pub mod shapes;
pub mod shape;
pub mod side_loop;
pub mod signatures;
pub mod signatures_methods;
pub mod socket;
pub mod start;
pub mod stats_file;
pub mod substr;
pub mod subclass;
pub mod table;
pub mod table_values;
pub mod task;
pub mod timer;
pub mod tls_settings;
pub mod unsupported;
pub mod unset_deny;
pub mod vm;
pub mod zend;

use ext_php_rs::constant::IntoConst;
use ext_php_rs::prelude::*;
use ext_php_rs::zend::ModuleEntry;
use ext_php_rs::{info_table_end, info_table_header, info_table_row, info_table_start};

/// `php --ri swoole`.
extern "C" fn module_info(module: *mut ModuleEntry) {
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
    info_table_row!("openssl", swoole_core::tls::library_version());
    info_table_row!("dtls", "not supported");
    info_table_end!();
    info_table_start!();
    info_table_header!("setting", "default");
    for (key, default) in swoole_core::settings::defaults() {
        info_table_row!(key, default.as_str());
    }
    info_table_end!();
    // SAFETY: the module entry the engine passed us.
    unsafe { display_ini_entries(module) };
}

unsafe extern "C" {
    fn display_ini_entries(module: *mut ModuleEntry);
    /// The engine's table of loaded modules.
    static module_registry: ext_php_rs::ffi::HashTable;
}

/// Whether the PHP extension `name` is loaded (started or not).
fn module_loaded(name: &str) -> bool {
    // SAFETY: reading the module table during MINIT, on the main thread.
    unsafe { ext_php_rs::types::ZendHashTable::get(&*(&raw const module_registry).cast(), name).is_some() }
}

/// The global constants (MINIT, after the INI entries they depend on).
fn register_constants(module_number: i32) -> ext_php_rs::error::Result<()> {
    for &(name, value) in constants::INTS {
        value.register_constant(name, module_number)?;
    }
    for &(code, name, _) in swoole_core::error::CODES {
        i64::from(code).register_constant(&format!("SWOOLE_ERROR_{name}"), module_number)?;
    }
    if !module_loaded("sockets") {
        for &(name, value) in constants::SOCKETS_FALLBACK {
            value.register_constant(name, module_number)?;
        }
    }
    for &(name, value) in constants::BOOLS {
        value.register_constant(name, module_number)?;
    }
    ini::is_on(&ini::USE_SHORTNAME).register_constant("SWOOLE_USE_SHORTNAME", module_number)?;
    for &(name, value) in constants::FLOATS {
        value.register_constant(name, module_number)?;
    }
    for &(name, value) in constants::STRS {
        value.register_constant(name, module_number)?;
    }
    Ok(())
}

/// The global functions, with Swoole's signatures (MINIT).
fn register_functions(module_type: i32) -> Result<(), String> {
    arginfo::register(&signatures::all(ini::is_on(&ini::USE_SHORTNAME)), module_type)
}

/// Module startup: INI entries, constants, functions, and the classes that
/// must be plain engine classes.
pub extern "C" fn startup(ty: i32, module_number: i32) -> i32 {
    ini::register(module_number);
    known::intern();
    http::intern_type_names();
    swoole_core::global_options::update(|o| {
        o.socket_buffer_size = ini::SOCKET_BUFFER_SIZE.load(std::sync::atomic::Ordering::Relaxed);
    });
    let registered = register_constants(module_number).map_err(|e| e.to_string()).and_then(|()| register_functions(ty));
    if let Err(e) = registered {
        zend::error_docref(zend::E_WARNING, &format!("swoole: {e}"));
        return -1;
    }
    let ok = exception::register_classes(ty, module_number) == 0
        && timer::register_iterator_class()
        && event_objects::register_classes();
    if ok { 0 } else { -1 }
}

/// Request startup (see [`request`]); the first one also gives our classes
/// Swoole's exact signatures (the classes exist only after module startup).
pub extern "C" fn request_startup(_ty: i32, _module_number: i32) -> i32 {
    static SIGNATURES: std::sync::Once = std::sync::Once::new();
    SIGNATURES.call_once(|| {
        signatures_methods::fix_signatures();
        port::fix_signatures();
        task::fix_signatures();
        timer::fix_signatures();
        event::fix_signatures();
        client::fix_signatures();
        connections::fix_signatures();
        table::fix_signatures();
        atomic::fix_signatures();
        lock::fix_signatures();
        pool_run::fix_signatures();
        http::fix_signatures();
        websocket::fix_signatures();
        fast::install();
        unset_deny::install_swoole_classes();
    });
    request::start();
    0
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
        .request_startup_function(request_startup)
        .request_shutdown_function(request_shutdown)
        .class::<port::Port>()
        .class::<process::Process>()
        .class::<pool::Pool>()
        .class::<socket::Socket>()
        .class::<task::Task>()
        .class::<client::Client>()
        .class::<table::Table>()
        .class::<atomic::Atomic>()
        .class::<atomic::AtomicLong>()
        .class::<lock::Lock>()
        .class::<server::Server>()
        .class::<connections::ConnectionIterator>();
    module = http::register(module);
    module = websocket::register(module);
    module = timer::register(module);
    event::register(module)
}
