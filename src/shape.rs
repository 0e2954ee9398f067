//! A registered class made to look, to Reflection and to `new`, as Swoole's:
//! every method declared with its exact signature and listed in Swoole's
//! order, no constructor where Swoole has none, `new` refused where Swoole
//! refuses it, and a `__destruct` where Swoole has one.
//!
//! ext-php-rs always gives a class a public `__construct` (which throws "You
//! cannot instantiate this class from PHP" when the Rust type has no
//! constructor) and lists the methods in the order of the `impl` block, the
//! constructor last. The class only exists once the module started, so what
//! needs the registered class ([`shape`], [`remove_method`], [`deny_new`],
//! [`replace_handler`]) runs at the first request, before any script
//! compiles a subclass; what must be there at registration (a method the
//! engine has to know in MINIT, [`with_destructor`]) goes through the class
//! modifier.
//!
//! Internal subclasses registered in MINIT copy their parent's methods, so a
//! class extending one of ours is shaped with its own call (its inherited
//! methods included).

use ext_php_rs::builders::{ClassBuilder, FunctionBuilder};
use ext_php_rs::ffi::{zend_class_entry, zend_function, zend_hash_str_find_ptr_lc, zend_object, Bucket, HashTable};
use ext_php_rs::flags::MethodFlags;
use ext_php_rs::types::{ZendStr, Zval};
use ext_php_rs::zend::{ClassEntry, ExecuteData, ExecutorGlobals};
use std::cell::RefCell;
use std::collections::HashMap;
use std::ffi::{c_char, c_int, c_void, CString};

unsafe extern "C" {
    fn zend_hash_sort_ex(
        ht: *mut HashTable,
        sort: unsafe extern "C" fn(*mut c_void, usize, usize, *const c_void, *const c_void),
        compare: unsafe extern "C" fn(*mut Bucket, *mut Bucket) -> c_int,
        renumber: bool,
    );
    /// The engine's hybrid insertion sort (what `ksort()` uses).
    fn zend_sort(base: *mut c_void, nmemb: usize, size: usize, cmp: *const c_void, swp: *const c_void);
    fn zend_hash_str_del(ht: *mut HashTable, key: *const c_char, len: usize) -> c_int;
    fn zend_objects_new(ce: *mut zend_class_entry) -> *mut zend_object;
    fn object_properties_init(object: *mut zend_object, class_type: *mut zend_class_entry);
    fn zend_throw_error(exception_ce: *mut zend_class_entry, format: *const c_char, ...);
}

/// A `zif` handler (`ZEND_FUNCTION` signature).
pub type Handler = unsafe extern "C" fn(*mut ext_php_rs::ffi::zend_execute_data, *mut ext_php_rs::ffi::zval);

/// The class entry to write to, as the engine's class table holds it (Rust
/// may assume that memory behind a `&ClassEntry` never changes, so writes go
/// through the engine's own pointer).
fn entry(ce: &ClassEntry) -> *mut zend_class_entry {
    let name = ce.name().unwrap_or_default();
    let table = ExecutorGlobals::get().class_table;
    // SAFETY: looking a registered class up in the engine's class table.
    let found = unsafe { zend_hash_str_find_ptr_lc(table, name.as_ptr().cast(), name.len()) }.cast::<zend_class_entry>();
    assert!(std::ptr::eq(found.cast_const(), std::ptr::from_ref(ce)), "shape: {name} is not in the class table");
    found
}

/// Gives every method of `ce` its declaration ([`crate::arginfo::apply`]) and
/// lists them in the order of `decls`, which must name every method the
/// class has (a method Swoole lacks is removed first, or declared at the end
/// with the reason next to it). Panics when one is missing (a bug of ours).
pub fn shape(ce: &ClassEntry, decls: &[&str]) {
    crate::arginfo::apply(ce, decls);
    let names: Vec<String> = decls
        .iter()
        .map(|d| crate::arginfo::parse(d).map(|s| s.name.to_ascii_lowercase()).unwrap_or_default())
        .collect();
    assert_eq!(
        ce.function_table.nNumOfElements as usize,
        names.len(),
        "shape: {} has methods its declarations do not list",
        ce.name().unwrap_or("?")
    );
    RANKS.with(|r| *r.borrow_mut() = names.into_iter().enumerate().map(|(i, n)| (n, i)).collect());
    let ce = entry(ce);
    // SAFETY: sorting the function table of a registered class, keys kept
    // (no renumbering); nothing holds a position in it, only the functions.
    unsafe { zend_hash_sort_ex(&mut (*ce).function_table, zend_sort, by_rank, false) };
    RANKS.with(|r| r.borrow_mut().clear());
}

thread_local! {
    /// Position of each method (lower-case name) while [`shape`] sorts.
    static RANKS: RefCell<HashMap<String, usize>> = RefCell::new(HashMap::new());
}

fn rank(b: *mut Bucket) -> usize {
    // SAFETY: a bucket of a function table: its key is a live string.
    let key = unsafe { (*b).key.cast::<ZendStr>().as_ref() }.and_then(|k| k.as_str().ok()).unwrap_or("");
    RANKS.with(|r| r.borrow().get(key).copied().unwrap_or(usize::MAX))
}

unsafe extern "C" fn by_rank(a: *mut Bucket, b: *mut Bucket) -> c_int {
    rank(a).cmp(&rank(b)) as c_int
}

/// Drops method `name` (ext-php-rs's `__construct` where Swoole's class has
/// no constructor): the engine then creates objects without one.
pub fn remove_method(ce: &ClassEntry, name: &str) {
    let f = crate::arginfo::method(ce, name) as *mut ext_php_rs::ffi::zend_internal_function as *mut zend_function;
    let ce = entry(ce);
    // SAFETY: the class's own function table and constructor slot; the
    // table's destructor frees the function.
    unsafe {
        if (*ce).constructor == f {
            (*ce).constructor = std::ptr::null_mut();
        }
        let lower = name.to_ascii_lowercase();
        zend_hash_str_del(&mut (*ce).function_table, lower.as_ptr().cast(), lower.len());
    }
}

/// Shapes a class of static methods only (`Swoole\Timer`, `Swoole\Event`):
/// no constructor, `new` refused as Swoole refuses it, then [`shape`].
pub fn static_only(ce: &ClassEntry, decls: &[&str]) {
    remove_method(ce, "__construct");
    deny_new(ce);
    shape(ce, decls);
}

/// Swaps the handler of method `name` (a constructor that only throws, as
/// Swoole's `Connection\Iterator::__construct`).
pub fn replace_handler(ce: &ClassEntry, name: &str, handler: Handler) {
    crate::arginfo::method(ce, name).handler = Some(handler);
}

/// `new` of `ce` throws Swoole's `Error: The object of <class> can not be
/// created for security reasons` (its classes of static methods only).
pub fn deny_new(ce: &ClassEntry) {
    // SAFETY: the creation hook of a registered class, set before any script runs.
    unsafe { (*entry(ce)).__bindgen_anon_2.create_object = Some(deny_create) };
}

unsafe extern "C" fn deny_create(ce: *mut zend_class_entry) -> *mut zend_object {
    // SAFETY: a plain object of `ce` (with the standard handlers, as nothing
    // of ours lives in it), which the engine releases once `new` has thrown.
    unsafe {
        let obj = zend_objects_new(ce);
        object_properties_init(obj, ce);
        let name = (*ce).name.cast::<ZendStr>().as_ref().and_then(|n| n.as_str().ok()).unwrap_or("");
        throw_error(&format!("The object of {name} can not be created for security reasons"));
        obj
    }
}

/// Throws `Error` with `message`.
pub fn throw_error(message: &str) {
    let msg = CString::new(message).unwrap_or_default();
    // SAFETY: a "%s" format with one C string argument.
    unsafe { zend_throw_error(std::ptr::null_mut(), c"%s".as_ptr(), msg.as_ptr()) };
}

/// Adds Swoole's `__destruct` to a class being built. It does nothing, as
/// Swoole's own (their objects' resources go when the object is freed), and
/// it is there so that a subclass's `parent::__destruct()` works.
pub fn with_destructor(builder: ClassBuilder) -> ClassBuilder {
    builder.method(FunctionBuilder::new("__destruct", destruct), MethodFlags::Public)
}

extern "C" fn destruct(_ex: &mut ExecuteData, _retval: &mut Zval) {}

/// Methods that are another method under a second name, as Swoole's
/// `PHP_MALIAS` makes them (`Http\Response::setCookie()` is `cookie()`):
/// `(alias, method)` pairs. ext-php-rs has no alias, and a Rust method per
/// name would repeat the method's whole parameter list: [`with_aliases`]
/// adds each alias to the class being built, [`point_aliases`] then makes it
/// the method (handler, parameters), before [`shape`] declares it.
pub type Aliases = [(&'static str, &'static str)];

/// Adds the aliases' names to a class being built (each runs nothing until
/// [`point_aliases`], at the first request, before any script).
pub fn with_aliases(builder: ClassBuilder, aliases: &Aliases) -> ClassBuilder {
    aliases.iter().fold(builder, |b, &(alias, _)| b.method(FunctionBuilder::new(alias, not_yet_pointed), MethodFlags::Public))
}

extern "C" fn not_yet_pointed(_ex: &mut ExecuteData, _retval: &mut Zval) {}

/// Gives each alias of `ce` its method's handler, parameter count and flags.
pub fn point_aliases(ce: &ClassEntry, aliases: &Aliases) {
    for &(alias, of) in aliases {
        let method = crate::arginfo::method(ce, of);
        let (handler, num_args, fn_flags) = (method.handler, method.num_args, method.fn_flags);
        let f = crate::arginfo::method(ce, alias);
        f.handler = handler;
        f.num_args = num_args;
        f.fn_flags = fn_flags;
    }
}

/// Objects of `child` (an internal subclass registered with ext-php-rs) are
/// made by `parent`'s creation handler: they are the parent's Rust type, so
/// every inherited method finds its state (`Swoole\Http\Server`'s objects
/// are `Swoole\Server`'s).
pub fn inherit_object(child: &ClassEntry, parent: &ClassEntry) {
    // SAFETY: the creation hooks of two registered classes, set before any script runs.
    unsafe { (*entry(child)).__bindgen_anon_2.create_object = (*entry(parent)).__bindgen_anon_2.create_object };
}
