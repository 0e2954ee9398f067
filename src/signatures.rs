//! The order of the global functions: Swoole 6.2.1's, so that
//! `ReflectionExtension::getFunctions()` lists them as Swoole does. Each
//! module declares its own functions with their signatures (next to the
//! code); [`all`] collects them for [`crate::arginfo::register`].

use crate::arginfo::Declaration;

/// Every global function, in Swoole's order.
const ORDER: &[&str] = &[
    "swoole_version",
    "swoole_cpu_num",
    "swoole_last_error",
    "swoole_async_dns_lookup_coro",
    "swoole_async_set",
    "swoole_coroutine_create",
    "swoole_coroutine_defer",
    "swoole_coroutine_socketpair",
    "swoole_test_kernel_coroutine",
    "swoole_client_select",
    "swoole_select",
    "swoole_set_process_name",
    "swoole_get_local_ip",
    "swoole_get_local_mac",
    "swoole_strerror",
    "swoole_errno",
    "swoole_clear_error",
    "swoole_error_log",
    "swoole_error_log_ex",
    "swoole_ignore_error",
    "swoole_hashcode",
    "swoole_mime_type_add",
    "swoole_mime_type_set",
    "swoole_mime_type_delete",
    "swoole_mime_type_get",
    "swoole_get_mime_type",
    "swoole_mime_type_exists",
    "swoole_mime_type_list",
    "swoole_clear_dns_cache",
    "swoole_substr_unserialize",
    "swoole_substr_json_decode",
    "swoole_internal_call_user_shutdown_begin",
    "swoole_implicit_fn",
    "swoole_get_objects",
    "swoole_get_vm_status",
    "swoole_get_object_by_handle",
    "swoole_name_resolver_lookup",
    "swoole_name_resolver_add",
    "swoole_name_resolver_remove",
    "swoole_tracer_leak_detect",
    "swoole_tracer_prof_begin",
    "swoole_tracer_prof_end",
    "go",
    "defer",
    "swoole_event_add",
    "swoole_event_del",
    "swoole_event_set",
    "swoole_event_wait",
    "swoole_event_isset",
    "swoole_event_dispatch",
    "swoole_event_defer",
    "swoole_event_cycle",
    "swoole_event_write",
    "swoole_event_exit",
    "swoole_event_rshutdown",
    "swoole_timer_after",
    "swoole_timer_tick",
    "swoole_timer_info",
    "swoole_timer_list",
    "swoole_timer_exists",
    "swoole_timer_stats",
    "swoole_timer_clear",
    "swoole_timer_clear_all",
];

/// Every function to register; `go()`/`defer()` only with `short_names`.
pub fn all(short_names: bool) -> Vec<Declaration> {
    let mut all: Vec<Declaration> = [
        crate::functions::declarations(),
        crate::global_options::declarations(),
        crate::select::declarations(),
        crate::logging::declarations(),
        crate::mime::declarations(),
        crate::substr::declarations(),
        crate::request::declarations(),
        crate::vm::declarations(),
        crate::unsupported::declarations(),
        crate::event::declarations(),
        crate::timer::declarations(),
    ]
    .into_iter()
    .flatten()
    .collect();
    if short_names {
        all.extend(crate::unsupported::short_names());
    }
    let rank = |d: &Declaration| ORDER.iter().position(|n| d.decl.starts_with(&format!("{n}("))).unwrap_or(ORDER.len());
    all.sort_by_key(rank);
    all
}
