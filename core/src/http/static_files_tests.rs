//! Static lookups over a real directory tree, with Swoole's answers as
//! observed (and where we refuse more: symlinks out of the root, NUL).

use super::*;

struct Tree {
    top: PathBuf,
}

impl Drop for Tree {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.top);
    }
}

fn tree() -> (Tree, StaticConfig) {
    let top = std::env::temp_dir().join(format!(
        "swoole-static-{}-{}",
        std::process::id(),
        crate::http::date::now_nanos()
    ));
    let root = top.join("root");
    for d in ["sub", "dir/child", "a", "empty"] {
        fs::create_dir_all(root.join(d)).unwrap();
    }
    for (f, body) in [
        ("a.txt", "hello static"),
        ("sub/index.html", "<b>idx</b>\n"),
        ("dir/f1.css", "x\n"),
        ("dir/sp ace.js", "yy\n"),
        ("x.unknownext", "u\n"),
        ("a/page.php", "p\n"),
    ] {
        fs::write(root.join(f), body).unwrap();
    }
    fs::write(top.join("secret.txt"), "sec\n").unwrap();
    std::os::unix::fs::symlink(top.join("secret.txt"), root.join("link.txt")).unwrap();
    std::os::unix::fs::symlink(root.join("a.txt"), root.join("inner.txt")).unwrap();
    let cfg = StaticConfig {
        root: fs::canonicalize(&root).unwrap(),
        locations: Vec::new(),
        index_files: vec!["index.html".into()],
        autoindex: true,
    };
    (Tree { top }, cfg)
}

fn file_name(l: &Lookup) -> String {
    match l {
        Lookup::File(f) => f.path.file_name().unwrap().to_string_lossy().into_owned(),
        other => format!("{other:?}"),
    }
}

#[test]
fn files_and_index_files() {
    let (_t, cfg) = tree();
    let Lookup::File(f) = cfg.lookup(b"/a.txt") else {
        panic!()
    };
    assert_eq!((f.size, f.mime), (12, "text/plain"));
    assert_eq!(file_name(&cfg.lookup(b"/sub/")), "index.html");
    assert_eq!(file_name(&cfg.lookup(b"/sub")), "index.html");
    assert_eq!(file_name(&cfg.lookup(b"/dir/sp%20ace.js")), "sp ace.js");
    assert_eq!(file_name(&cfg.lookup(b"/sub/../a.txt")), "a.txt");
    assert_eq!(file_name(&cfg.lookup(b"/inner.txt")), "a.txt");
    assert_eq!(cfg.lookup(b"/nope.txt"), Lookup::Dynamic);
    assert_eq!(cfg.lookup(b"/x.unknownext"), Lookup::Dynamic);
    assert_eq!(cfg.lookup(b"/a/page.php"), Lookup::Dynamic);
}

#[test]
fn nothing_escapes_the_root() {
    let (_t, cfg) = tree();
    for path in [
        &b"/../secret.txt"[..],
        b"/%2e%2e/secret.txt",
        b"/sub/../../secret.txt",
        b"/sub%2f..%2f..%2fsecret.txt",
        b"/link.txt",
        b"/a.txt%00.html",
        b"/..%5csecret.txt",
    ] {
        assert_eq!(
            cfg.lookup(path),
            Lookup::Dynamic,
            "{}",
            String::from_utf8_lossy(path)
        );
    }
}

#[test]
fn locations_match_at_segment_boundaries() {
    let (_t, mut cfg) = tree();
    cfg.locations = vec![b"/dir".to_vec()];
    assert_eq!(file_name(&cfg.lookup(b"/dir/f1.css")), "f1.css");
    assert_eq!(cfg.lookup(b"/dir/nope.css"), Lookup::NotFound);
    assert_eq!(cfg.lookup(b"/a.txt"), Lookup::Dynamic);
    // Swoole matches "/dirx" by plain prefix and answers 404; and serves
    // "/dir/../a.txt" though it is outside the location.
    assert_eq!(cfg.lookup(b"/dirx/a"), Lookup::Dynamic);
    assert_eq!(cfg.lookup(b"/dir/../a.txt"), Lookup::Dynamic);
}

#[test]
fn autoindex_as_swoole_formats_it() {
    let (_t, cfg) = tree();
    let Lookup::Listing(page, _) = cfg.lookup(b"/dir/") else {
        panic!()
    };
    let expected = format!(
        "<html>\n<head>\n\t<meta charset='UTF-8'>\n<title>Index of /dir/</title></head>\n<body>\n{STYLE}<h1>Index of /dir/</h1>\t<ul>\n\
         \t\t<li><a href=\"/dir/..\">..</a></li>\n\t\t<li><a href=\"/dir/child\">child</a></li>\n\
         \t\t<li><a href=\"/dir/f1.css\">f1.css</a></li>\n\t\t<li><a href=\"/dir/sp%20ace.js\">sp ace.js</a></li>\n\
         \t</ul>\n<footer><i>Powered by Swoole</i></footer></body>\n</html>\n"
    );
    assert_eq!(String::from_utf8(page).unwrap(), expected);
    assert_eq!(expected.len(), 576);
    let Lookup::Listing(page, _) = cfg.lookup(b"/dir") else {
        panic!()
    };
    assert!(
        String::from_utf8(page)
            .unwrap()
            .contains("<title>Index of /dir/</title>")
    );
    let Lookup::Listing(page, _) = cfg.lookup(b"/") else {
        panic!()
    };
    let page = String::from_utf8(page).unwrap();
    assert!(page.contains("<li><a href=\"/a\">a</a></li>") && !page.contains(".."));
    let mut cfg = cfg;
    cfg.autoindex = false;
    assert_eq!(cfg.lookup(b"/dir/"), Lookup::Dynamic);
}

#[test]
fn the_404_page_is_swoole_s() {
    assert_eq!(NOT_FOUND_PAGE.len(), 321);
}
