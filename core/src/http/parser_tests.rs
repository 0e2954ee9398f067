//! Tests of the connection state machine: Swoole's answers as observed, and a
//! bounded property run (random splits and garbage). The longer run:
//! `PROPTEST_CASES=100000 cargo test -p swoole-core --release http::parser`.

use super::*;
use proptest::prelude::*;

fn parse_all(parser: &mut Http1Parser) -> (Vec<String>, Option<ParseError>) {
    let mut out = Vec::new();
    loop {
        match parser.poll() {
            Ok(Some(Event::Continue)) => out.push("continue".to_string()),
            Ok(Some(Event::Request(r))) => out.push(describe(&r)),
            Ok(None) => return (out, None),
            Err(e) => return (out, Some(e)),
        }
    }
}

fn describe(r: &Request) -> String {
    format!(
        "{} {} ka={} body={:?} trailers={}",
        r.head.method.as_str(),
        String::from_utf8_lossy(r.head.target()),
        r.head.keep_alive,
        String::from_utf8_lossy(&r.body),
        r.trailers.len()
    )
}

fn run(input: &[u8]) -> (Vec<String>, Option<ParseError>) {
    let mut p = Http1Parser::new(Limits::default());
    p.feed(input);
    parse_all(&mut p)
}

#[test]
fn pipelined_requests_come_in_order() {
    let (events, err) = run(b"GET /1 HTTP/1.1\r\n\r\nGET /2 HTTP/1.1\r\n\r\nGET /3 HTTP/1.1\r\nConnection: close\r\n\r\nGET /4 HTTP/1.1\r\n\r\n");
    assert_eq!(err, None);
    assert_eq!(
        events,
        [
            "GET /1 ka=true body=\"\" trailers=0",
            "GET /2 ka=true body=\"\" trailers=0",
            "GET /3 ka=false body=\"\" trailers=0"
        ]
    );
}

#[test]
fn requests_after_a_body_are_kept() {
    // Swoole drops what follows a request with a body; we answer it.
    let (events, _) = run(b"POST /a HTTP/1.1\r\nContent-Length: 1\r\n\r\nxGET /b HTTP/1.1\r\n\r\n");
    assert_eq!(
        events,
        [
            "POST /a ka=true body=\"x\" trailers=0",
            "GET /b ka=true body=\"\" trailers=0"
        ]
    );
}

#[test]
fn http10_closes_unless_keep_alive() {
    let (events, _) = run(b"GET /x HTTP/1.0\r\n\r\nGET /y HTTP/1.0\r\n\r\n");
    assert_eq!(events, ["GET /x ka=false body=\"\" trailers=0"]);
    let (events, _) =
        run(b"GET /x HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET /y HTTP/1.0\r\n\r\n");
    assert_eq!(events.len(), 2);
}

#[test]
fn chunked_body_with_trailers() {
    let (events, err) =
        run(b"POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\na=1\r\n4;e=1\r\n&b=2\r\n0\r\nX-T: t\r\n\r\nGET /n HTTP/1.1\r\n\r\n");
    assert_eq!(err, None);
    assert_eq!(
        events,
        [
            "POST /c ka=true body=\"a=1&b=2\" trailers=1",
            "GET /n ka=true body=\"\" trailers=0"
        ]
    );
}

#[test]
fn expect_continue_only_while_the_body_is_missing() {
    let mut p = Http1Parser::new(Limits::default());
    p.feed(b"POST /e HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");
    assert_eq!(parse_all(&mut p).0, ["continue"]);
    p.feed(b"body");
    assert_eq!(
        parse_all(&mut p).0,
        ["POST /e ka=true body=\"body\" trailers=0"]
    );
    let (events, _) =
        run(b"POST /e HTTP/1.1\r\nexpect: 100-continue\r\nContent-Length: 4\r\n\r\nbody");
    assert_eq!(events, ["POST /e ka=true body=\"body\" trailers=0"]);
    let (events, _) =
        run(b"POST /e HTTP/1.1\r\nExpect: 100-continue\r\nTransfer-Encoding: chunked\r\n\r\n");
    assert_eq!(events, ["continue"]);
}

#[test]
fn malformed_heads_get_400() {
    for input in [
        &b"FOO / HTTP/1.1\r\n\r\n"[..],
        b"get / HTTP/1.1\r\n\r\n",
        b"GET / HTTP/2.0\r\n\r\n",
        b"GET / HTTP/1.1\r\nNoColon\r\n\r\n",
        b"\x00\x01\x02 hello\r\n",
        b"POST / HTTP/1.1\r\nContent-Length: abc\r\n\r\n",
        b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    ] {
        let (events, err) = run(input);
        assert!(events.is_empty());
        assert_eq!(
            err.expect("an error").answer(),
            b"HTTP/1.1 400 Bad Request\r\n\r\n",
            "{input:?}"
        );
    }
}

#[test]
fn head_limit_is_64k_and_answered_400() {
    let ok = format!("GET / HTTP/1.1\r\nX-Big: {}\r\n\r\n", "a".repeat(65400));
    assert_eq!(run(ok.as_bytes()).0.len(), 1);
    let big = format!("GET / HTTP/1.1\r\nX-Big: {}\r\n\r\n", "a".repeat(65600));
    assert_eq!(
        run(big.as_bytes()).1,
        Some(ParseError::Head(HeadError::TooLarge))
    );
    // Without the end of the head: refused once 64 KiB are held.
    let mut p = Http1Parser::new(Limits::default());
    p.feed(b"GET / HTTP/1.1\r\nX-Big: ");
    p.feed(&vec![b'a'; 70000]);
    assert_eq!(
        parse_all(&mut p).1.map(ParseError::answer),
        Some(limits::BAD_REQUEST)
    );
}

#[test]
fn body_limit_counts_head_and_body() {
    let limits = Limits::new(1024); // raised to 64 KiB, as Swoole does
    let head = |n: usize| format!("POST /e HTTP/1.1\r\nContent-Length: {n}\r\n\r\n");
    let fits = 65536 - head(65491).len();
    let mut p = Http1Parser::new(limits);
    p.feed(head(fits).as_bytes());
    assert_eq!(parse_all(&mut p), (vec![], None));
    let mut p = Http1Parser::new(limits);
    p.feed(head(fits + 1).as_bytes());
    let err = parse_all(&mut p).1.unwrap();
    assert_eq!(
        err.answer(),
        b"HTTP/1.1 413 Request Entity Too Large\r\n\r\n"
    );
    // Chunked: the raw bytes count as they arrive.
    let mut p = Http1Parser::new(limits);
    p.feed(b"POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n");
    for _ in 0..70 {
        p.feed(b"400\r\n");
        p.feed(&[b'z'; 0x400]);
        p.feed(b"\r\n");
        if let (_, Some(e)) = parse_all(&mut p) {
            assert_eq!(e, ParseError::TooLarge);
            return;
        }
    }
    panic!("a chunked body over the limit was accepted");
}

#[test]
fn bare_lf_and_leading_blank_lines_are_accepted() {
    assert_eq!(
        run(b"GET /a HTTP/1.1\nHost: x\n\n").0,
        ["GET /a ka=true body=\"\" trailers=0"]
    );
    assert_eq!(
        run(b"\r\n\r\nGET /lead HTTP/1.1\r\n\r\n").0,
        ["GET /lead ka=true body=\"\" trailers=0"]
    );
}

#[test]
fn content_length_body_is_not_copied() {
    let mut p = Http1Parser::new(Limits::default());
    p.feed(b"POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello");
    let base = p.buf.as_ptr() as usize;
    let Ok(Some(Event::Request(r))) = p.poll() else {
        panic!("no request")
    };
    assert_eq!(&r.body[..], b"hello");
    assert_eq!(r.body.as_ptr() as usize - base, r.head.raw().len());
}

fn sample_stream() -> Vec<u8> {
    [
        &b"GET /a?x=1 HTTP/1.1\r\nHost: h\r\n\r\n"[..],
        b"POST /b HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello",
        b"\r\nPOST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n5\r\nworld\r\n0\r\nT: v\r\n\r\n",
        b"GET /d HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
        b"HEAD /e HTTP/1.1\r\nConnection: close\r\n\r\n",
    ]
    .concat()
}

/// What a stream gave: requests only (a `Continue` depends on how the bytes
/// were split), the error, the most bytes held, and whether a request was
/// left half received.
type Outcome = (Vec<String>, Option<ParseError>, usize, bool);

fn requests_of(chunks: &[&[u8]]) -> Outcome {
    let mut p = Http1Parser::new(Limits::new(0));
    let mut out = Vec::new();
    let mut max_held = 0;
    for chunk in chunks {
        p.feed(chunk);
        let (events, err) = parse_all(&mut p);
        out.extend(events.into_iter().filter(|e| e != "continue"));
        max_held = max_held.max(p.buffered());
        if err.is_some() {
            return (out, err, max_held, false);
        }
    }
    let pending = !p.is_idle() && !p.is_closed();
    (out, None, max_held, pending)
}

fn split_at_points(data: &[u8], mut points: Vec<usize>) -> Vec<&[u8]> {
    points.iter_mut().for_each(|p| *p %= data.len() + 1);
    points.sort_unstable();
    let mut chunks = Vec::new();
    let mut last = 0;
    for p in points {
        chunks.push(&data[last..p]);
        last = p;
    }
    chunks.push(&data[last..]);
    chunks
}

/// 256 cases in `cargo test`; `PROPTEST_CASES=N` for a longer run.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn any_split_gives_the_same_requests(points in proptest::collection::vec(any::<usize>(), 0..40)) {
        let data = sample_stream();
        let whole = requests_of(&[&data]);
        prop_assert_eq!(whole.0.len(), 5);
        let split = requests_of(&split_at_points(&data, points));
        prop_assert_eq!(whole.0, split.0);
        prop_assert_eq!(whole.1, split.1);
    }

    #[test]
    fn garbage_never_panics_and_memory_stays_bounded(
        prefix in proptest::collection::vec(any::<u8>(), 0..64),
        garbage in proptest::collection::vec(any::<u8>(), 0..4096),
        points in proptest::collection::vec(any::<usize>(), 0..16),
    ) {
        let data = [sample_stream(), prefix, garbage].concat();
        let (_, _, held, _) = requests_of(&split_at_points(&data, points));
        prop_assert!(held <= Limits::new(0).package_max + data.len().min(4096 + 64));
    }

    #[test]
    fn mutated_requests_never_panic(flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..8),
                                    points in proptest::collection::vec(any::<usize>(), 0..8)) {
        let mut data = sample_stream();
        for (at, byte) in flips {
            let n = data.len();
            data[at % n] = byte;
        }
        let whole = requests_of(&[&data]);
        let split = requests_of(&split_at_points(&data, points));
        prop_assert_eq!(whole.0, split.0);
        // A head refused at once in one piece may, split, still wait for its
        // end (its first line was checked before the bad byte arrived).
        prop_assert!(whole.1.is_some() == split.1.is_some() || whole.3 || split.3);
    }
}
