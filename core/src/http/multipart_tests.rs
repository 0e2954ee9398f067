//! Multipart bodies as the Swoole probe sent them, in one piece and split
//! everywhere.

use super::super::form::Node;
use super::*;

const B: &str = "----B0undary";

fn part(disp: &str, body: &str, ctype: Option<&str>) -> String {
    let mut s = format!("--{B}\r\nContent-Disposition: {disp}\r\n");
    if let Some(t) = ctype {
        s += &format!("Content-Type: {t}\r\n");
    }
    s + "\r\n" + body + "\r\n"
}

fn probe_body() -> String {
    [
        part(r#"form-data; name="field1""#, "value1", None),
        part(r#"form-data; name="arr[]""#, "v2", None),
        part(r#"form-data; name="arr[k]""#, "v3", None),
        part("form-data; name=unq", "v4", None),
        part(
            r#"form-data; name="up"; filename="hello.txt""#,
            "HELLO",
            Some("text/plain"),
        ),
        part(r#"form-data; name="multi[]"; filename="a.bin""#, "A", None),
        part(
            r#"form-data; name="multi[]"; filename="b.bin""#,
            "BB",
            Some("application/x-b"),
        ),
        part(r#"form-data; name="empty"; filename="""#, "", None),
        part(
            r#"form-data; name="path"; filename="dir/sub/c.txt""#,
            "C",
            Some("text/plain"),
        ),
        part(
            r#"form-data; name="nested[x][y]"; filename="d.txt""#,
            "D",
            Some("text/plain"),
        ),
        part(
            r#"form-data; name="big"; filename="big.txt""#,
            &"Z".repeat(3000),
            Some("text/plain"),
        ),
        part(r#"form-data; name="f2""#, "line1\r\nline2", None),
        format!("--{B}--\r\n"),
    ]
    .concat()
}

fn config(dir: &std::path::Path, max_file: u64) -> MultipartConfig {
    MultipartConfig {
        tmp_dir: dir.to_path_buf(),
        upload_max_filesize: max_file,
        max_field_bytes: 1 << 20,
        max_input_vars: 1000,
        max_input_nesting: 64,
    }
}

fn tmp_dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!(
        "swoole-mp-{}-{}",
        std::process::id(),
        super::super::date::now_nanos()
    ));
    fs::create_dir_all(&d).unwrap();
    d
}

fn file<'a>(m: &'a FormMap<FileInfo>, path: &[&str]) -> &'a FileInfo {
    let (last, inner) = path.split_last().unwrap();
    let mut m = m;
    for k in inner {
        let Some(Node::Map(x)) = m.get_str(k) else {
            panic!("{k}")
        };
        m = x;
    }
    let Some(Node::Leaf(f)) = m.get_str(last) else {
        panic!("{last}")
    };
    f
}

fn parse_in(chunks: &[&[u8]], cfg: MultipartConfig) -> Result<MultipartResult, MultipartError> {
    let mut p = MultipartParser::new(B.as_bytes(), cfg);
    for c in chunks {
        p.feed(c)?;
    }
    p.finish()
}

#[test]
fn the_swoole_probe_body() {
    let dir = tmp_dir();
    let body = probe_body();
    let mut r = parse_in(&[body.as_bytes()], config(&dir, 0)).unwrap();
    let keys: Vec<_> = r
        .post
        .entries()
        .iter()
        .map(|(k, _)| format!("{k:?}"))
        .collect();
    assert_eq!(keys.len(), 4);
    assert_eq!(
        r.post.get_str("f2"),
        Some(&Node::Leaf(b"line1\r\nline2".to_vec()))
    );
    assert_eq!(r.post.get_str("unq"), Some(&Node::Leaf(b"v4".to_vec())));
    let up = file(&r.files, &["up"]);
    assert_eq!(
        (up.name.as_slice(), up.mime.as_slice(), up.size, up.error),
        (&b"hello.txt"[..], &b"text/plain"[..], 5, 0)
    );
    assert_eq!(fs::read(&up.tmp_name).unwrap(), b"HELLO");
    assert!(
        up.tmp_name
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("swoole.upfile.")
    );
    assert_eq!(file(&r.files, &["multi", "1"]).mime, b"application/x-b");
    assert_eq!(file(&r.files, &["multi", "0"]).mime, b"");
    let empty = file(&r.files, &["empty"]);
    assert_eq!(
        (empty.error, empty.size, empty.tmp_name.as_os_str().len()),
        (UPLOAD_ERR_NO_FILE, 0, 0)
    );
    assert_eq!(file(&r.files, &["path"]).name, b"dir/sub/c.txt");
    assert_eq!(file(&r.files, &["nested", "x", "y"]).size, 1);
    assert_eq!(file(&r.files, &["big"]).size, 3000);
    assert_eq!(r.temp_files.len(), 6);
    r.remove_temp_files();
    assert_eq!(fs::read_dir(&dir).unwrap().count(), 0);
    fs::remove_dir(&dir).unwrap();
}

#[test]
fn any_split_gives_the_same_result() {
    let dir = tmp_dir();
    let body = probe_body();
    let whole = parse_in(&[body.as_bytes()], config(&dir, 0)).unwrap();
    for step in [1, 2, 3, 7, 13, 64, 1000] {
        let chunks: Vec<&[u8]> = body.as_bytes().chunks(step).collect();
        let mut split = parse_in(&chunks, config(&dir, 0)).unwrap();
        assert_eq!(split.post, whole.post);
        assert_eq!(file(&split.files, &["big"]).size, 3000);
        assert_eq!(
            fs::read(&file(&split.files, &["f2"].map(|_| "up")).tmp_name).unwrap(),
            b"HELLO"
        );
        split.remove_temp_files();
    }
    let mut whole = whole;
    whole.remove_temp_files();
    fs::remove_dir(&dir).unwrap();
}

#[test]
fn limits_and_errors() {
    let dir = tmp_dir();
    let body = probe_body();
    let mut r = parse_in(&[body.as_bytes()], config(&dir, 2000)).unwrap();
    let big = file(&r.files, &["big"]);
    assert_eq!(
        (big.error, big.size, big.tmp_name.as_os_str().len()),
        (UPLOAD_ERR_INI_SIZE, 0, 0)
    );
    assert_eq!(file(&r.files, &["up"]).error, UPLOAD_ERR_OK);
    r.remove_temp_files();
    // Truncated: an error, and no temp file left behind.
    assert_eq!(
        parse_in(&[&body.as_bytes()[..400]], config(&dir, 0)).unwrap_err(),
        MultipartError::Truncated
    );
    let mut small = config(&dir, 0);
    small.max_field_bytes = 10;
    assert_eq!(
        parse_in(&[body.as_bytes()], small).unwrap_err(),
        MultipartError::TooLarge
    );
    let nameless = format!("--{B}\r\nContent-Disposition: form-data\r\n\r\nx\r\n--{B}--\r\n");
    assert_eq!(
        parse_in(&[nameless.as_bytes()], config(&dir, 0)).unwrap_err(),
        MultipartError::BadPart
    );
    assert_eq!(fs::read_dir(&dir).unwrap().count(), 0);
    fs::remove_dir(&dir).unwrap();
}

#[test]
fn boundaries_as_swoole_reads_them() {
    assert_eq!(
        boundary_of(b"multipart/form-data; boundary=----B0undary"),
        Some(&b"----B0undary"[..])
    );
    assert_eq!(
        boundary_of(b"multipart/form-data; boundary=\"----B0undary\""),
        Some(&b"----B0undary"[..])
    );
    assert_eq!(
        boundary_of(b"Multipart/Form-Data;charset=x; boundary=abc; x=y"),
        Some(&b"abc"[..])
    );
    assert_eq!(boundary_of(b"multipart/form-data"), None);
    assert_eq!(boundary_of(b"multipart/form-data; boundary=\"\""), None);
    assert_eq!(boundary_of(b"text/plain; boundary=x"), None);
}
