//! Urlencoded data (`$request->get`, `$request->post`, `$request->cookie`)
//! into a neutral tree, with PHP's own rules for variable names, as
//! `parse_str` and `php_register_variable_ex` apply them:
//!
//! - leading spaces of a name are dropped, a NUL ends it, `' '` and `'.'`
//!   in the base name become `'_'`;
//! - `a[]` appends, `a[x][y]` nests, text after a `]` that is not `[` is
//!   ignored, an unmatched `[` makes the rest part of a plain name (`z[a`
//!   is `z_a`);
//! - keys that are canonical decimal integers become integer keys, and an
//!   append takes the next integer key as PHP 8.2 computes it;
//! - nesting deeper than `max_input_nesting_level` drops the variable with
//!   a warning; variables past `max_input_vars` are dropped silently.
//!
//! The PHP layer walks the tree into arrays: [`Key::Int`] with
//! `zend_hash_index_update`, [`Key::Str`] with `zend_hash_str_update` (it
//! is never numeric), in order.

use super::url::url_decode;

/// A key of a PHP array.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Key {
    /// An integer key (from a canonical decimal string).
    Int(i64),
    /// A string key that is not a canonical integer.
    Str(Vec<u8>),
}

impl Key {
    /// The key PHP's symbol tables make of `s` (`ZEND_HANDLE_NUMERIC_STR`).
    pub fn from_php(s: &[u8]) -> Key {
        let digits = s.strip_prefix(b"-").unwrap_or(s);
        let canonical = !digits.is_empty()
            && digits.len() <= 19
            && digits.iter().all(u8::is_ascii_digit)
            && (digits[0] != b'0' || s.len() == 1);
        if canonical
            && let Some(n) = std::str::from_utf8(s)
                .ok()
                .and_then(|t| t.parse::<i64>().ok())
        {
            return Key::Int(n);
        }
        Key::Str(s.to_vec())
    }
}

/// A value of the tree: a leaf, or a nested array.
#[derive(Debug, Clone, PartialEq)]
pub enum Node<T> {
    /// A value (a string for forms, a file entry for uploads).
    Leaf(T),
    /// A nested array.
    Map(FormMap<T>),
}

/// An ordered PHP array of `T` leaves.
#[derive(Debug, Clone, PartialEq)]
pub struct FormMap<T> {
    /// Entries in insertion order (an update keeps the position).
    entries: Vec<(Key, Node<T>)>,
    /// PHP's `nNextFreeElement`: `None` until an integer key is used.
    next_free: Option<i64>,
}

impl<T> Default for FormMap<T> {
    fn default() -> Self {
        FormMap {
            entries: Vec::new(),
            next_free: None,
        }
    }
}

/// What happened to one variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Stored.
    Stored,
    /// Dropped silently (empty name, cookie already set, append overflow).
    Dropped,
    /// Dropped: nested deeper than allowed (PHP warns "Input variable
    /// nesting level exceeded N. To increase the limit change
    /// max_input_nesting_level in php.ini.").
    TooDeep,
}

impl<T> FormMap<T> {
    /// The entries, in order.
    pub fn entries(&self) -> &[(Key, Node<T>)] {
        &self.entries
    }

    /// How many entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry at `key`.
    pub fn get(&self, key: &Key) -> Option<&Node<T>> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The entry at string key `key` (numeric strings as PHP would index).
    pub fn get_str(&self, key: &str) -> Option<&Node<T>> {
        self.get(&Key::from_php(key.as_bytes()))
    }

    fn position(&self, key: &Key) -> Option<usize> {
        self.entries.iter().position(|(k, _)| k == key)
    }

    fn note_int(&mut self, key: &Key) {
        if let Key::Int(h) = *key
            && self.next_free.is_none_or(|n| h >= n)
        {
            self.next_free = Some(h.saturating_add(1));
        }
    }

    /// `zend_hash_next_index_insert`: `None` when the next key is taken.
    fn append(&mut self, node: Node<T>) -> Option<usize> {
        let key = Key::Int(self.next_free.unwrap_or(0));
        if self.position(&key).is_some() {
            return None;
        }
        self.note_int(&key);
        self.entries.push((key, node));
        Some(self.entries.len() - 1)
    }

    /// `zend_symtable_update`: replaces in place or adds at the end.
    fn update(&mut self, key: Key, node: Node<T>) -> usize {
        match self.position(&key) {
            Some(i) => {
                self.entries[i].1 = node;
                i
            }
            None => {
                self.note_int(&key);
                self.entries.push((key, node));
                self.entries.len() - 1
            }
        }
    }

    /// The array at `key` (created, or replacing a leaf), for descending.
    fn child(&mut self, key: Option<Key>) -> Option<&mut FormMap<T>> {
        let i = match key {
            None => self.append(Node::Map(FormMap::default()))?,
            Some(key) => match self.position(&key) {
                Some(i) => {
                    if !matches!(self.entries[i].1, Node::Map(_)) {
                        self.entries[i].1 = Node::Map(FormMap::default());
                    }
                    i
                }
                None => self.update(key, Node::Map(FormMap::default())),
            },
        };
        match &mut self.entries[i].1 {
            Node::Map(m) => Some(m),
            Node::Leaf(_) => None,
        }
    }

    fn remove(&mut self, key: &Key) {
        self.entries.retain(|(k, _)| k != key);
    }

    /// Stores `value` under the variable name `name` (already decoded), as
    /// `php_register_variable_ex` does. `keep_first`: a plain name already
    /// present is not overwritten (cookies).
    pub fn register(
        &mut self,
        name: &[u8],
        value: T,
        max_nesting: usize,
        keep_first: bool,
    ) -> Outcome {
        let Some((base, indexes)) = split_name(name, max_nesting) else {
            return Outcome::Dropped;
        };
        let Ok(indexes) = indexes else {
            self.remove(&Key::from_php(&base));
            return Outcome::TooDeep;
        };
        let mut map = self;
        let mut key = Some(base);
        for index in indexes {
            match map.child(key.map(|k| Key::from_php(&k))) {
                Some(m) => map = m,
                None => return Outcome::Dropped,
            }
            key = index;
        }
        match key {
            None => match map.append(Node::Leaf(value)) {
                Some(_) => Outcome::Stored,
                None => Outcome::Dropped,
            },
            Some(k) => {
                let k = Key::from_php(&k);
                if keep_first && map.position(&k).is_some() {
                    return Outcome::Dropped;
                }
                map.update(k, Node::Leaf(value));
                Outcome::Stored
            }
        }
    }
}

/// A variable name's base and its `[index]` list (`None`: `[]`), or `Err`
/// when nested deeper than `max_nesting`; `None` for an empty base name.
type Indexes = Result<Vec<Option<Vec<u8>>>, ()>;

fn split_name(name: &[u8], max_nesting: usize) -> Option<(Vec<u8>, Indexes)> {
    let start = name.iter().position(|&c| c != b' ').unwrap_or(name.len());
    let end = name
        .iter()
        .position(|&c| c == 0)
        .unwrap_or(name.len())
        .max(start);
    let mut var = name[start..end].to_vec();
    let mut p = 0;
    while p < var.len() && var[p] != b'[' {
        if var[p] == b' ' || var[p] == b'.' {
            var[p] = b'_';
        }
        p += 1;
    }
    if p == 0 {
        return None;
    }
    if p == var.len() {
        return Some((var, Ok(Vec::new())));
    }
    let mut indexes = Vec::new();
    let mut ip = p; // at a '['
    loop {
        if indexes.len() + 1 > max_nesting {
            return Some((var[..p].to_vec(), Err(())));
        }
        let index_s = ip + 1;
        let close = if var.get(index_s) == Some(&b']') {
            indexes.push(None);
            index_s
        } else if let Some(c) = var[index_s.min(var.len())..]
            .iter()
            .position(|&c| c == b']')
        {
            indexes.push(Some(var[index_s..index_s + c].to_vec()));
            index_s + c
        } else {
            // Not an index: at the first level the whole rest joins the
            // plain name, `[ . space` made `_`; deeper, the rest is ignored.
            if indexes.is_empty() {
                for c in &mut var[p..] {
                    if matches!(*c, b' ' | b'.' | b'[') {
                        *c = b'_';
                    }
                }
                return Some((var, Ok(Vec::new())));
            }
            return Some((var[..p].to_vec(), Ok(indexes)));
        };
        if var.get(close + 1) == Some(&b'[') {
            ip = close + 1;
        } else {
            return Some((var[..p].to_vec(), Ok(indexes)));
        }
    }
}

/// A query string or urlencoded body parsed into a tree, and whether a
/// nesting warning is due.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parsed {
    /// The variables.
    pub vars: FormMap<Vec<u8>>,
    /// Some variable nested too deep (the PHP layer warns once, with PHP's text).
    pub too_deep: bool,
}

/// Parses `a=1&b[]=2` as PHP's `parse_str` does (separator `&`, `+` is a
/// space), keeping at most `max_vars` variables.
pub fn parse_urlencoded(input: &[u8], max_vars: usize, max_nesting: usize) -> Parsed {
    let mut out = Parsed::default();
    let mut count = 0;
    for pair in input.split(|&c| c == b'&') {
        if pair.is_empty() {
            continue;
        }
        count += 1;
        if count > max_vars {
            break;
        }
        let (name, value) = match pair.iter().position(|&c| c == b'=') {
            Some(eq) => (&pair[..eq], &pair[eq + 1..]),
            None => (pair, &b""[..]),
        };
        let name = url_decode(name, true);
        let value = url_decode(value, true);
        if out.vars.register(&name, value, max_nesting, false) == Outcome::TooDeep {
            out.too_deep = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaf<'a>(m: &'a FormMap<Vec<u8>>, path: &[&str]) -> Option<&'a [u8]> {
        let (last, inner) = path.split_last()?;
        let mut m = m;
        for k in inner {
            match m.get_str(k)? {
                Node::Map(x) => m = x,
                Node::Leaf(_) => return None,
            }
        }
        match m.get_str(last)? {
            Node::Leaf(v) => Some(v),
            Node::Map(_) => None,
        }
    }

    fn keys(m: &FormMap<Vec<u8>>) -> Vec<String> {
        m.entries()
            .iter()
            .map(|(k, _)| match k {
                Key::Int(i) => format!("#{i}"),
                Key::Str(s) => String::from_utf8_lossy(s).into_owned(),
            })
            .collect()
    }

    fn map<'a>(m: &'a FormMap<Vec<u8>>, k: &str) -> &'a FormMap<Vec<u8>> {
        match m.get_str(k) {
            Some(Node::Map(x)) => x,
            other => panic!("{k}: {other:?}"),
        }
    }

    #[test]
    fn the_swoole_probe_query() {
        // The query string sent to Swoole 6.2.1; the tree is what it gave.
        let q = "a[]=1&a[]=2&a[x]=3&b[c][d]=4&%20%20sp.ce=5&x[=6&y]=7&z[a=8&n[0]=9&n[5]=10&n[]=11&n[-3]=12&n[]=13\
                 &m[01]=14&m[1]=15&e=&=noname&f=1&f=2&g[][]=16&h[a]b=17&k%5Bq%5D=18&p%00q=19&arr=1&arr[x]=2\
                 &i[%20sp%20]=20&dot.x[a.b]=21&plus=a+b%2Bc&neg[-0]=22&z[a]x[=23&big[9223372036854775807]=1\
                 &big[]=2&w[a][b=24&&&q[]&bad%zz=1&t[a]=1&t=2";
        let p = parse_urlencoded(q.as_bytes(), 1000, 64);
        let v = &p.vars;
        assert_eq!(
            keys(v),
            [
                "a", "b", "sp_ce", "x_", "y]", "z_a", "n", "m", "e", "f", "g", "h", "k", "p",
                "arr", "i", "dot_x", "plus", "neg", "z", "big", "w", "q", "bad%zz", "t"
            ]
        );
        assert_eq!(keys(map(v, "a")), ["#0", "#1", "x"]);
        assert_eq!(leaf(v, &["b", "c", "d"]), Some(&b"4"[..]));
        assert_eq!(keys(map(v, "n")), ["#0", "#5", "#6", "#-3", "#7"]);
        assert_eq!(leaf(v, &["n", "7"]), Some(&b"13"[..]));
        assert_eq!(keys(map(v, "m")), ["01", "#1"]);
        assert_eq!(leaf(v, &["f"]), Some(&b"2"[..]));
        assert_eq!(leaf(v, &["g", "0", "0"]), Some(&b"16"[..]));
        assert_eq!(leaf(v, &["h", "a"]), Some(&b"17"[..]));
        assert_eq!(leaf(v, &["k", "q"]), Some(&b"18"[..]));
        assert_eq!(leaf(v, &["p"]), Some(&b"19"[..]));
        assert_eq!(keys(map(v, "arr")), ["x"]);
        assert_eq!(leaf(v, &["i", " sp "]), Some(&b"20"[..]));
        assert_eq!(leaf(v, &["dot_x", "a.b"]), Some(&b"21"[..]));
        assert_eq!(leaf(v, &["plus"]), Some(&b"a b+c"[..]));
        assert_eq!(keys(map(v, "neg")), ["-0"]);
        assert_eq!(leaf(v, &["z", "a"]), Some(&b"23"[..]));
        assert_eq!(keys(map(v, "big")), ["#9223372036854775807"]);
        assert_eq!(leaf(v, &["w", "a"]), Some(&b"24"[..]));
        assert_eq!(leaf(v, &["q", "0"]), Some(&b""[..]));
        assert_eq!(leaf(v, &["t"]), Some(&b"2"[..]));
        assert!(!p.too_deep);
    }

    #[test]
    fn negative_keys_then_append_as_php_82() {
        let p = parse_urlencoded(b"x[-5]=1&x[]=2", 1000, 64);
        assert_eq!(keys(map(&p.vars, "x")), ["#-5", "#-4"]);
    }

    #[test]
    fn limits() {
        let many: Vec<String> = (0..1005).map(|i| format!("v{i}={i}")).collect();
        assert_eq!(
            parse_urlencoded(many.join("&").as_bytes(), 1000, 64)
                .vars
                .len(),
            1000
        );
        let deep = format!("keep=1&d{}=1", "[a]".repeat(70));
        let p = parse_urlencoded(deep.as_bytes(), 1000, 64);
        assert!(p.too_deep);
        assert_eq!(keys(&p.vars), ["keep"]);
        let ok = format!("d{}=1", "[a]".repeat(64));
        assert!(!parse_urlencoded(ok.as_bytes(), 1000, 64).too_deep);
        // Too deep removes an earlier variable of the same base, as PHP.
        let p = parse_urlencoded(format!("d=1&d{}=1", "[a]".repeat(65)).as_bytes(), 1000, 64);
        assert!(p.vars.is_empty());
    }

    #[test]
    fn semicolons_are_not_separators() {
        let p = parse_urlencoded(b"a=1;b=2", 1000, 64);
        assert_eq!(leaf(&p.vars, &["a"]), Some(&b"1;b=2"[..]));
    }

    #[test]
    fn keys_follow_php_numeric_rules() {
        assert_eq!(Key::from_php(b"0"), Key::Int(0));
        assert_eq!(Key::from_php(b"-3"), Key::Int(-3));
        assert_eq!(Key::from_php(b"-0"), Key::Str(b"-0".to_vec()));
        assert_eq!(Key::from_php(b"01"), Key::Str(b"01".to_vec()));
        assert_eq!(
            Key::from_php(b"9223372036854775808"),
            Key::Str(b"9223372036854775808".to_vec())
        );
        assert_eq!(Key::from_php(b"-9223372036854775808"), Key::Int(i64::MIN));
        assert_eq!(Key::from_php(b""), Key::Str(Vec::new()));
        assert_eq!(Key::from_php(b"1 "), Key::Str(b"1 ".to_vec()));
    }
}
