#!/usr/bin/env python3
"""Lists the import edges between the files of a Rust crate and prints its cycles.

Usage: scripts/import-cycles.py [SRC_DIR] [--edges] [--modules]

An edge A -> B means a file A names something of the module file B by a path:
`use crate::x::y`, an inline `crate::x::f()`, `super::x`, `self::x`, or a
child module's bare name (`server::f()` in a `mod.rs`). A path resolves to the
longest prefix that is a module file (`crate::http::server::send` -> the file
of `crate::http::server`). A name a module file brings in with a file-level
`use` (a re-export such as lib.rs's `pub use error::ErrorCode`, or a private
import a child reaches with `super::`) resolves to where that `use` points, so
`crate::ErrorCode` is an edge to `crate::error`, not to lib.rs: a façade that
only re-exports is nobody's dependency. Inside an inline `mod tests { ... }`,
`super::` is the file's own module. Comments and string literals are skipped,
so doc links (`[`crate::x`]`) are not edges. A file declaring `mod x;` is not
by that an importer of x: only the paths it writes count.

Prints each strongly connected component of two or more files (a cycle), then
the same at the level of top-level modules (`crate::http` as one node) when
`--modules` is given. Exits 1 when a file-level cycle exists that is not
listed in ALLOWED (exactly: one that grew fails), so the check can run in
scripts/test.sh. Needs only the standard library.
"""

import os
import re
import sys

# Cycles accepted on purpose, per crate (the SRC_DIR as given, relative to
# the repository root), each as the exact set of its files and the reason,
# printed with it. A cycle that grows past its set is not accepted any more.
ALLOWED = {
    "src": [
        # The class-registration hook (src/aliases.rs says why): ext-php-rs gives
        # no point after every class is registered, so the modifier of the class
        # registered last (`Swoole\Connection\Iterator`, src/connections.rs)
        # adds the aliases, naming the classes (`Port`, ...) that name it.
        ({"crate::aliases", "crate::connections", "crate::port"},
         "the class-registration hook: ext-php-rs has no point after every class is registered"),
    ],
    "core/src": [
        # None. The one room there was (reactor.rs with reactor/heartbeat.rs
        # and stop.rs, which defined the types of its fields) was broken by
        # moving those types, `Heartbeat` and `StopMode`, into the leaves
        # heartbeat.rs and stop_mode.rs: the `impl Reactor` files import
        # reactor.rs, reactor.rs imports only the leaves.
    ],
}

IDENT = r"[A-Za-z_][A-Za-z0-9_]*"


def strip(text):
    """Removes comments, string and char literals, keeping line structure."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            depth, i = 1, i + 2
            while i < n and depth:
                if text.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif text.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    i += 1
        elif c == "r" and re.match(r'r#*"', text[i:i + 10]) and (i == 0 or not re.match(r"\w", text[i - 1])):
            m = re.match(r'r(#*)"', text[i:])
            end = text.find('"' + m.group(1), i + len(m.group(0)))
            i = n if end < 0 else end + 1 + len(m.group(1))
            out.append('""')
        elif c == '"' and not (i > 0 and text[i - 1] == "b" and i > 1 and re.match(r"\w", text[i - 2])):
            i += 1
            while i < n and text[i] != '"':
                i += 2 if text[i] == "\\" else 1
            i += 1
            out.append('""')
        elif c == "'" and re.match(r"'(\\.|[^\\'])'|'\\u\{[0-9a-fA-F]+\}'|'\\x[0-9a-fA-F]{2}'", text[i:i + 12]):
            m = re.match(r"'(\\.|[^\\'])'|'\\u\{[0-9a-fA-F]+\}'|'\\x[0-9a-fA-F]{2}'", text[i:i + 12])
            i += len(m.group(0))
            out.append("' '")
        else:
            out.append(c)
            i += 1
    return "".join(out)


def module_files(src):
    """Maps module path tuples (('crate', 'http', 'server')) to file paths."""
    mods = {}
    for root, _, files in os.walk(src):
        for f in files:
            if not f.endswith(".rs"):
                continue
            rel = os.path.relpath(os.path.join(root, f), src)
            parts = rel[:-3].split(os.sep)
            if parts[-1] in ("mod", "lib", "main"):
                parts = parts[:-1]
            mods[("crate", *parts)] = rel
    return mods


def expand_use(tree):
    """`a::{b, c::{d, e}}` -> ['a::b', 'a::c::d', 'a::c::e'] (no `as` renames)."""
    return [p.split("@")[0] for p in expand_use_named(tree)]


def expand_use_named(tree):
    """Like expand_use, keeping a rename as `path@name` (`a::b as c` -> 'a::b@c')."""
    tree = re.sub(r"\s+as\s+(%s)" % IDENT, r"@\1", tree)
    tree = re.sub(r"\s+", "", tree)
    depth, start, i = 0, None, 0
    for i, c in enumerate(tree):
        if c == "{":
            if depth == 0:
                start = i
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                prefix = tree[:start]
                inner, rest = tree[start + 1:i], tree[i + 1:]
                items, d, s = [], 0, 0
                for j, ch in enumerate(inner + ","):
                    if ch == "{":
                        d += 1
                    elif ch == "}":
                        d -= 1
                    elif ch == "," and d == 0:
                        if inner[s:j]:
                            items.append(inner[s:j])
                        s = j + 1
                out = []
                for it in items:
                    if it == "self" or it.startswith("self@"):
                        out.append(prefix.rstrip(":") + it[4:])
                    else:
                        out.extend(expand_use_named(prefix + it + rest))
                return out
    return [tree]


def exported_macros(src, mods):
    """`#[macro_export]` macros live at the crate root by path but in their file."""
    out = {}
    for mod, rel in mods.items():
        text = open(os.path.join(src, rel), encoding="utf-8").read()
        for m in re.finditer(r"#\[macro_export\]\s*macro_rules!\s*(%s)" % IDENT, text):
            out[m.group(1)] = mod
    return out


def resolve(path, here, mods, children, macros=None, aliases=None, depth=0):
    """Turns a written path into the module tuple it names, or None (extern).

    A segment that is not a module file but a name the module so far imports
    (`aliases`) is followed to where its `use` points, from that module."""
    parts = [p for p in path.split("::") if p]
    if not parts:
        return None
    if macros and len(parts) == 2 and parts[0] == "crate" and parts[1] in macros:
        return macros[parts[1]]
    if parts[0] == "crate":
        base, parts = ("crate",), parts[1:]
    elif parts[0] == "super":
        base = here
        while parts and parts[0] == "super":
            base, parts = base[:-1], parts[1:]
    elif parts[0] == "self":
        base, parts = here, parts[1:]
    elif parts[0] in children.get(here, ()):
        base = here
    else:
        return None
    best = base if base in mods else None
    cur = base
    for i, p in enumerate(parts):
        if cur + (p,) in mods:
            cur = best = cur + (p,)
            continue
        target = (aliases or {}).get(cur, {}).get(p)
        if target is not None and cur in mods and depth < 8:
            rest = "::".join([target] + parts[i + 1:])
            found = resolve(rest, cur, mods, children, macros, aliases, depth + 1)
            return found if found is not None else best
        break
    return best


def inline_modules(text):
    """(start, end, name) of each inline `mod name { ... }` in stripped text."""
    out = []
    for m in re.finditer(r"\bmod\s+(%s)\s*\{" % IDENT, text):
        depth, i = 1, m.end()
        while i < len(text) and depth:
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            i += 1
        out.append((m.start(), i, m.group(1)))
    return out


def scope_at(pos, mod, inline):
    """The module a position of a file is in: the file's, or an inline one's."""
    return mod + tuple(name for start, end, name in inline if start < pos < end)


def file_level_uses(text):
    """The `use` statements at brace depth 0 of a stripped file."""
    out, depth, last = [], 0, 0
    for m in re.finditer(r"[{}]|\buse\s+([^;]+);", text):
        if m.group(0) == "{":
            depth += 1
        elif m.group(0) == "}":
            depth -= 1
        elif depth == 0:
            out.append(m.group(1))
    return out


def edges_of(src):
    mods = module_files(src)
    children = {}
    for m in mods:
        if len(m) > 1:
            children.setdefault(m[:-1], set()).add(m[-1])
    macros = exported_macros(src, mods)
    texts = {mod: strip(open(os.path.join(src, rel), encoding="utf-8").read()) for mod, rel in mods.items()}
    aliases = {}
    for mod, text in texts.items():
        for tree in file_level_uses(text):
            for p in expand_use_named(tree):
                path, _, rename = p.partition("@")
                last = path.split("::")[-1]
                if last not in ("*", "self", "super", "crate"):
                    aliases.setdefault(mod, {})[rename or last] = path
    edges = {}
    for mod, text in texts.items():
        inline = inline_modules(text)
        found = set()
        for m in re.finditer(r"\buse\s+([^;]+);", text):
            here = scope_at(m.start(), mod, inline)
            for p in expand_use(m.group(1)):
                found.add((p, here))
        blanked = re.sub(r"\buse\s+[^;]+;", lambda m: " " * len(m.group(0)), text)
        for m in re.finditer(r"(?<![\w:])((?:%s)(?:::%s)+)" % (IDENT, IDENT), blanked):
            found.add((m.group(1), scope_at(m.start(), mod, inline)))
        for p, here in found:
            t = resolve(p, here, mods, children, macros, aliases)
            if t is not None and t != mod:
                edges.setdefault(mod, set()).add(t)
    return mods, edges


def sccs(nodes, edges):
    """Tarjan's strongly connected components (iterative)."""
    index, low, on, stack, out, counter = {}, {}, set(), [], [], [0]
    for root in sorted(nodes):
        if root in index:
            continue
        work = [(root, iter(sorted(edges.get(root, ()))))]
        index[root] = low[root] = counter[0]
        counter[0] += 1
        stack.append(root)
        on.add(root)
        while work:
            v, it = work[-1]
            for w in it:
                if w not in index:
                    index[w] = low[w] = counter[0]
                    counter[0] += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(edges.get(w, ())))))
                    break
                if w in on:
                    low[v] = min(low[v], index[w])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[v])
                if low[v] == index[v]:
                    comp = []
                    while True:
                        w = stack.pop()
                        on.discard(w)
                        comp.append(w)
                        if w == v:
                            break
                    if len(comp) > 1:
                        out.append(sorted(comp))
    return out


def name(m):
    return "::".join(m)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    src = args[0] if args else "src"
    mods, edges = edges_of(src)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    allowed_here = ALLOWED.get(os.path.relpath(os.path.abspath(src), root), [])
    if "--edges" in sys.argv:
        for a in sorted(edges):
            for b in sorted(edges[a]):
                print(f"{name(a)} -> {name(b)}")
    bad = 0
    for comp in sccs(mods, edges):
        inner = {a: sorted(b for b in edges.get(a, ()) if b in comp) for a in comp}
        files = {name(m) for m in comp}
        allowed = next((why for group, why in allowed_here if group == files), None)
        grown = next((group for group, _ in allowed_here if group < files), None)
        print(f"cycle of {len(comp)} files" + (f" (allowed, {allowed})" if allowed else "") + ":")
        if grown:
            print(f"  (grew past the allowed cycle of {', '.join(sorted(grown))})")
        for a in comp:
            print(f"  {name(a)} -> {', '.join(name(b) for b in inner[a])}")
        bad += allowed is None
    if "--modules" in sys.argv:
        top = lambda m: m[:2]
        medges = {}
        for a, bs in edges.items():
            for b in bs:
                if top(a) != top(b) and len(top(a)) > 1 and len(top(b)) > 1:
                    medges.setdefault(top(a), set()).add(top(b))
        for comp in sccs({top(m) for m in mods if len(m) > 1}, medges):
            print(f"module cycle of {len(comp)}: {', '.join(name(m) for m in comp)}")
            for a in comp:
                print(f"  {name(a)} -> {', '.join(name(b) for b in sorted(medges[a]) if b in comp)}")
    if not bad:
        print("no import cycle between files beyond the allowed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
