//! `Swoole\Http\Cookie`: a `Set-Cookie` built with `with*()` calls (each
//! returns the same object), turned into its line by `toString()` or given
//! to `Response::cookie()` and its aliases. The line itself is built by
//! `swoole_core::http::cookie::SetCookie`, as for `cookie($name, ...)`.

use crate::args::{BoolArg, IntArg, Opt, StrArg};
use ext_php_rs::class::RegisteredClass;
use ext_php_rs::convert::IntoZval;
use ext_php_rs::exception::PhpResult;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendClassObject, ZendHashTable, Zval};
use std::cell::RefCell;
use swoole_core::http::cookie::SetCookie;
use swoole_core::http::date;

/// Swoole's method declarations, in its order.
const COOKIE_API: &[&str] = &[
    "__construct(bool $encode = true)",
    "withName(string $name): Swoole\\Http\\Cookie",
    "withValue(string $value = ''): Swoole\\Http\\Cookie",
    "withExpires(int $expires = 0): Swoole\\Http\\Cookie",
    "withPath(string $path = '/'): Swoole\\Http\\Cookie",
    "withDomain(string $domain = ''): Swoole\\Http\\Cookie",
    "withSecure(bool $secure = false): Swoole\\Http\\Cookie",
    "withHttpOnly(bool $httpOnly = false): Swoole\\Http\\Cookie",
    "withSameSite(string $sameSite = ''): Swoole\\Http\\Cookie",
    "withPriority(string $priority = ''): Swoole\\Http\\Cookie",
    "withPartitioned(bool $partitioned = false): Swoole\\Http\\Cookie",
    "toString(): string|false",
    "toArray(): array",
    "reset(): void",
];

/// What a cookie object holds (`toArray()`'s keys).
#[derive(Debug, Clone)]
struct Fields {
    /// The cookie's name.
    name: Vec<u8>,
    /// Its value (url-encoded in the line when [`Fields::encode`]).
    value: Vec<u8>,
    /// `path=`, when not empty.
    path: Vec<u8>,
    /// `domain=`, when not empty.
    domain: Vec<u8>,
    /// `SameSite=`, when not empty.
    same_site: Vec<u8>,
    /// `Priority=`, when not empty.
    priority: Vec<u8>,
    /// The constructor's `$encode`: `cookie()` (true) or `rawCookie()` (false) semantics,
    /// whichever of the response's methods is given the object.
    encode: bool,
    /// Unix time of expiry; 0 or less: a session cookie.
    expires: i64,
    /// `secure`.
    secure: bool,
    /// `HttpOnly`.
    http_only: bool,
    /// `Partitioned`.
    partitioned: bool,
}

impl Default for Fields {
    fn default() -> Self {
        Fields {
            name: Vec::new(),
            value: Vec::new(),
            path: Vec::new(),
            domain: Vec::new(),
            same_site: Vec::new(),
            priority: Vec::new(),
            encode: true,
            expires: 0,
            secure: false,
            http_only: false,
            partitioned: false,
        }
    }
}

#[php_class]
#[php(name = "Swoole\\Http\\Cookie")]
#[derive(Default)]
pub struct Cookie {
    /// The attributes set so far.
    fields: RefCell<Fields>,
}

/// Gives the class Swoole's shape.
pub fn fix_signatures() {
    crate::shape::shape(Cookie::get_metadata().ce(), COOKIE_API);
    crate::subclass::install::<Cookie>();
}

/// The `Set-Cookie` line of `obj` if it is a `Swoole\Http\Cookie`: None when
/// it is not one; `Err` with Swoole's message when the cookie is refused
/// (the object is then emptied, as Swoole's is).
pub fn line_of(obj: &Zval) -> Option<Result<Vec<u8>, &'static str>> {
    let cookie = obj.object().and_then(ZendClassObject::<Cookie>::from_zend_obj)?;
    Some(cookie.line())
}

impl Cookie {
    /// Sets one field and gives the object back (the `with*()` methods).
    fn with(self_: &mut ZendClassObject<Cookie>, f: impl FnOnce(&mut Fields)) -> &mut ZendClassObject<Cookie> {
        f(&mut self_.fields.borrow_mut());
        self_
    }

    /// The line, or the refusal's message (and the fields reset).
    fn line(&self) -> Result<Vec<u8>, &'static str> {
        let built = {
            let f = self.fields.borrow();
            SetCookie {
                name: &f.name,
                value: &f.value,
                expires: f.expires,
                path: &f.path,
                domain: &f.domain,
                secure: f.secure,
                http_only: f.http_only,
                same_site: &f.same_site,
                priority: &f.priority,
                partitioned: f.partitioned,
                raw: !f.encode,
            }
            .build(date::now())
        };
        built.map_err(|e| {
            *self.fields.borrow_mut() = Fields::default();
            e.message()
        })
    }
}

#[php_impl]
impl Cookie {
    pub fn __construct(encode: Opt<BoolArg>) -> PhpResult<Self> {
        let encode = encode.or(1, true)?;
        Ok(Cookie { fields: RefCell::new(Fields { encode, ..Fields::default() }) })
    }

    #[php(name = "withName")]
    pub fn with_name<'a>(self_: &'a mut ZendClassObject<Cookie>, name: StrArg) -> PhpResult<&'a mut ZendClassObject<Cookie>> {
        let name = name.bytes(1)?.into_owned();
        Ok(Cookie::with(self_, |f| f.name = name))
    }

    #[php(name = "withValue")]
    pub fn with_value<'a>(self_: &'a mut ZendClassObject<Cookie>, value: Opt<StrArg>) -> PhpResult<&'a mut ZendClassObject<Cookie>> {
        let value = value.or(1, "")?.into_bytes();
        Ok(Cookie::with(self_, |f| f.value = value))
    }

    #[php(name = "withExpires")]
    pub fn with_expires<'a>(self_: &'a mut ZendClassObject<Cookie>, expires: Opt<IntArg>) -> PhpResult<&'a mut ZendClassObject<Cookie>> {
        let expires = expires.or(1, 0)?;
        Ok(Cookie::with(self_, |f| f.expires = expires))
    }

    #[php(name = "withPath")]
    pub fn with_path<'a>(self_: &'a mut ZendClassObject<Cookie>, path: Opt<StrArg>) -> PhpResult<&'a mut ZendClassObject<Cookie>> {
        let path = path.or(1, "/")?.into_bytes();
        Ok(Cookie::with(self_, |f| f.path = path))
    }

    #[php(name = "withDomain")]
    pub fn with_domain<'a>(self_: &'a mut ZendClassObject<Cookie>, domain: Opt<StrArg>) -> PhpResult<&'a mut ZendClassObject<Cookie>> {
        let domain = domain.or(1, "")?.into_bytes();
        Ok(Cookie::with(self_, |f| f.domain = domain))
    }

    #[php(name = "withSecure")]
    pub fn with_secure<'a>(self_: &'a mut ZendClassObject<Cookie>, secure: Opt<BoolArg>) -> PhpResult<&'a mut ZendClassObject<Cookie>> {
        let secure = secure.or(1, false)?;
        Ok(Cookie::with(self_, |f| f.secure = secure))
    }

    #[php(name = "withHttpOnly")]
    pub fn with_http_only<'a>(self_: &'a mut ZendClassObject<Cookie>, http_only: Opt<BoolArg>) -> PhpResult<&'a mut ZendClassObject<Cookie>> {
        let http_only = http_only.or(1, false)?;
        Ok(Cookie::with(self_, |f| f.http_only = http_only))
    }

    #[php(name = "withSameSite")]
    pub fn with_same_site<'a>(self_: &'a mut ZendClassObject<Cookie>, same_site: Opt<StrArg>) -> PhpResult<&'a mut ZendClassObject<Cookie>> {
        let same_site = same_site.or(1, "")?.into_bytes();
        Ok(Cookie::with(self_, |f| f.same_site = same_site))
    }

    #[php(name = "withPriority")]
    pub fn with_priority<'a>(self_: &'a mut ZendClassObject<Cookie>, priority: Opt<StrArg>) -> PhpResult<&'a mut ZendClassObject<Cookie>> {
        let priority = priority.or(1, "")?.into_bytes();
        Ok(Cookie::with(self_, |f| f.priority = priority))
    }

    #[php(name = "withPartitioned")]
    pub fn with_partitioned<'a>(self_: &'a mut ZendClassObject<Cookie>, partitioned: Opt<BoolArg>) -> PhpResult<&'a mut ZendClassObject<Cookie>> {
        let partitioned = partitioned.or(1, false)?;
        Ok(Cookie::with(self_, |f| f.partitioned = partitioned))
    }

    /// `toString(): string|false` — the `Set-Cookie` value; false (with
    /// Swoole's warning, the object emptied) when it is refused.
    #[php(name = "toString")]
    pub fn to_string(&self) -> Zval {
        match self.line() {
            Ok(line) => super::values::bytes(&line),
            Err(why) => {
                crate::zend::warning(why);
                false.into_zval(false).unwrap_or_default()
            }
        }
    }

    /// `toArray(): array` — the fields, keys in Swoole's order.
    #[php(name = "toArray")]
    pub fn to_array(&self) -> Zval {
        let f = self.fields.borrow();
        let mut t = ZendHashTable::with_capacity(11);
        for (key, value) in [
            ("name", &f.name),
            ("value", &f.value),
            ("path", &f.path),
            ("domain", &f.domain),
            ("sameSite", &f.same_site),
            ("priority", &f.priority),
        ] {
            let _ = t.insert(key, super::values::bytes(value));
        }
        let _ = t.insert("encode", f.encode);
        let _ = t.insert("expires", f.expires);
        let _ = t.insert("secure", f.secure);
        let _ = t.insert("httpOnly", f.http_only);
        let _ = t.insert("partitioned", f.partitioned);
        super::values::array(t)
    }

    /// `reset(): void` — every field back to the constructor's defaults (`encode` too).
    pub fn reset(&self) {
        *self.fields.borrow_mut() = Fields::default();
    }
}
