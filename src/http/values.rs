//! The HTTP engine's neutral trees as PHP arrays: form variables and cookies
//! (`FormMap<Vec<u8>>`), uploads (`FormMap<FileInfo>`), request headers.

use ext_php_rs::boxed::ZBox;
use ext_php_rs::types::{ZendHashTable, Zval};
use swoole_core::http::form::{FormMap, Key, Node};
use swoole_core::http::multipart::FileInfo;
use swoole_core::http::request::{HeaderValue, RequestHead};

/// A PHP string of raw bytes.
pub fn bytes(b: &[u8]) -> Zval {
    crate::zend::bytes_zval(b)
}

/// An array zval.
pub fn array(table: ZBox<ZendHashTable>) -> Zval {
    let mut z = Zval::new();
    z.set_hashtable(table);
    z
}

/// Inserts `value` under a form key.
fn put(table: &mut ZendHashTable, key: &Key, value: Zval) {
    let _ = match key {
        Key::Int(i) => table.insert_at_index(*i, value),
        Key::Str(s) => table.insert(String::from_utf8_lossy(s).as_ref(), value),
    };
}

/// A tree of leaves as a PHP array, `leaf` converting each leaf.
pub fn tree<T>(map: &FormMap<T>, leaf: &dyn Fn(&T) -> Zval) -> ZBox<ZendHashTable> {
    let mut out = ZendHashTable::new();
    for (key, node) in map.entries() {
        let value = match node {
            Node::Leaf(v) => leaf(v),
            Node::Map(m) => array(tree(m, leaf)),
        };
        put(&mut out, key, value);
    }
    out
}

/// `$request->get`, `->post`, `->cookie`.
pub fn form(map: &FormMap<Vec<u8>>) -> Zval {
    array(tree(map, &|v| bytes(v)))
}

/// One `$request->files` entry, keys in Swoole 6.2.1's order.
fn file_entry(f: &FileInfo) -> Zval {
    let mut t = ZendHashTable::new();
    let _ = t.insert("type", bytes(&f.mime));
    let tmp = if f.error == 4 { String::new() } else { f.tmp_name.to_string_lossy().into_owned() };
    let _ = t.insert("tmp_name", tmp);
    let _ = t.insert("size", f.size as i64);
    let _ = t.insert("name", bytes(&f.name));
    let _ = t.insert("error", i64::from(f.error));
    array(t)
}

/// `$request->files`.
pub fn files(map: &FormMap<FileInfo>) -> Zval {
    array(tree(map, &file_entry))
}

/// `$request->header`: lower-case names, a list for a header sent twice.
pub fn headers(head: &RequestHead) -> Zval {
    let groups = head.header_groups();
    let mut t = ZendHashTable::with_capacity(u32::try_from(groups.len()).unwrap_or(u32::MAX));
    for (name, value) in groups {
        let v = match value {
            HeaderValue::One(v) => bytes(v),
            HeaderValue::Many(list) => {
                let mut l = ZendHashTable::with_capacity(u32::try_from(list.len()).unwrap_or(u32::MAX));
                for v in list {
                    let _ = l.push(bytes(v));
                }
                array(l)
            }
        };
        crate::known::insert_header(&mut t, &name, v);
    }
    array(t)
}

/// Byte offsets of the declared properties `names` in objects of `ce` (from
/// its property table, read once per class): the per-request objects write
/// their properties straight into these slots instead of looking each name
/// up through the engine and ext-php-rs's handlers.
pub fn property_offsets<const N: usize>(ce: &ext_php_rs::zend::ClassEntry, names: [&str; N]) -> [usize; N] {
    names.map(|name| {
        // SAFETY: the property table of a registered class; its entries are
        // IS_PTR zvals holding the property's info.
        unsafe {
            let zv = ext_php_rs::ffi::zend_hash_str_find(&ce.properties_info, name.as_ptr().cast(), name.len());
            let info = zv.as_ref().map(|z| z.value.ptr.cast::<ext_php_rs::ffi::zend_property_info>());
            (*info.unwrap_or_else(|| panic!("no declared property {name}"))).offset as usize
        }
    })
}

/// Writes `value` into the declared property at byte `offset` of `obj` (an
/// offset from [`property_offsets`] of `obj`'s class); the old value is released.
///
/// # Safety
/// `obj` is a live object of the class the offset was read from.
pub unsafe fn write_slot(obj: *mut ext_php_rs::ffi::zend_object, offset: usize, value: Zval) {
    // SAFETY: a declared property's slot inside the object (see the caller's contract).
    unsafe {
        let slot = obj.cast::<u8>().add(offset).cast::<Zval>();
        drop(std::ptr::replace(slot, value));
    }
}

/// An int zval.
pub fn long(v: i64) -> Zval {
    let mut z = Zval::new();
    z.set_long(v);
    z
}

/// A float zval.
pub fn double(v: f64) -> Zval {
    let mut z = Zval::new();
    z.set_double(v);
    z
}
