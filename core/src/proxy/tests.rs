use super::v2::{Crc32c, SIGNATURE};
use super::*;
use proptest::prelude::*;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

fn both() -> ProxyConfig {
    ProxyConfig::new(Versions::Any)
}

fn done(buf: &[u8]) -> (ProxyHeader, usize) {
    match parse(buf, &both()) {
        Parse::Done { header, consumed } => (header, consumed),
        other => panic!("{:?}: {other:?}", String::from_utf8_lossy(buf)),
    }
}

fn invalid(buf: &[u8]) -> &'static str {
    match parse(buf, &both()) {
        Parse::Invalid(r) => r,
        other => panic!("{:?}: {other:?}", String::from_utf8_lossy(buf)),
    }
}

fn inet(src: &str, dst: &str) -> Addresses {
    Addresses::Inet { source: src.parse().unwrap(), destination: dst.parse().unwrap() }
}

#[test]
fn v1_tcp4_tcp6_unknown() {
    let (h, n) = done(b"PROXY TCP4 192.0.2.1 198.51.100.7 56324 443\r\nGET /");
    assert_eq!(n, 45);
    assert_eq!((h.version, h.command, h.transport), (1, Command::Proxy, Transport::Stream));
    assert_eq!(h.addresses, inet("192.0.2.1:56324", "198.51.100.7:443"));
    assert_eq!(h.source(), Some("192.0.2.1:56324".parse().unwrap()));
    let (h, _) = done(b"PROXY TCP6 2001:db8::1 ::1 65535 0\r\n");
    assert_eq!(h.addresses, inet("[2001:db8::1]:65535", "[::1]:0"));
    let (h, _) = done(b"PROXY TCP6 ::ffff:192.0.2.1 ::1 1 2\r\n");
    assert_eq!(h.source().unwrap().ip(), "::ffff:192.0.2.1".parse::<IpAddr>().unwrap());
    let (h, n) = done(b"PROXY UNKNOWN\r\nrest");
    assert_eq!((&h.addresses, h.transport, n), (&Addresses::Unknown, Transport::Unspec, 15));
    let (h, _) = done(b"PROXY UNKNOWN ffff:f...f:ffff ffff:f...f:fff0 65535 65535\r\n");
    assert_eq!(h.addresses, Addresses::Unknown);
    // Leading zeros in a port are read as HAProxy reads them.
    assert_eq!(done(b"PROXY TCP4 1.2.3.4 5.6.7.8 00080 443\r\n").0.source().unwrap().port(), 80);
}

#[test]
fn v1_length_limit() {
    let longest = b"PROXY TCP6 ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff 65535 65535\r\n";
    assert_eq!(longest.len(), 104);
    assert_eq!(done(longest).1, 104);
    // UNKNOWN may fill the line up to 107 bytes, not one more.
    let mut line = b"PROXY UNKNOWN ".to_vec();
    line.resize(105, b'x');
    line.extend(b"\r\n");
    assert_eq!(done(&line).1, 107);
    let mut over = b"PROXY UNKNOWN ".to_vec();
    over.resize(106, b'x');
    assert_eq!(parse(&over, &both()), Parse::Incomplete);
    over.push(b'\r');
    assert_eq!(parse(&over, &both()), Parse::Invalid("PROXY v1 line longer than 107 bytes"));
    over.push(b'\n');
    assert!(matches!(parse(&over, &both()), Parse::Invalid(_)));
    let mut no_end = b"PROXY UNKNOWN ".to_vec();
    no_end.resize(200, b'x');
    assert!(matches!(parse(&no_end, &both()), Parse::Invalid(_)));
}

#[test]
fn v1_refusals() {
    for bad in [
        &b"PROXY TCP4  1.2.3.4 5.6.7.8 1 2\r\n"[..],
        b"PROXY TCP4 1.2.3.4 5.6.7.8 1 2 \r\n",
        b"PROXY TCP4 1.2.3.4 5.6.7.8 1\r\n",
        b"PROXY tcp4 1.2.3.4 5.6.7.8 1 2\r\n",
        b"PROXY TCP5 1.2.3.4 5.6.7.8 1 2\r\n",
        b"PROXY TCP4 1.2.3.4\t5.6.7.8 1 2\r\n",
        b"PROXY TCP4 ::1 5.6.7.8 1 2\r\n",
        b"PROXY TCP6 1.2.3.4 ::1 1 2\r\n",
        b"PROXY TCP4 01.2.3.4 5.6.7.8 1 2\r\n",
        b"PROXY TCP4 1.2.3.256 5.6.7.8 1 2\r\n",
        b"PROXY TCP4 1.2.3.4 5.6.7.8 65536 2\r\n",
        b"PROXY TCP4 1.2.3.4 5.6.7.8 -1 2\r\n",
        b"PROXY TCP4 1.2.3.4 5.6.7.8 +1 2\r\n",
        b"PROXY TCP4 1.2.3.4 5.6.7.8 000001 2\r\n",
        b"PROXY TCP6 fe80::1%eth0 ::1 1 2\r\n",
        b"PROXY TCP4 1.2.3.4 5.6.7.8 1 2\n",
        b"PROXY TCP4 1.2.3.4 5.6.7.8 1 2\rX",
        b"PROXY \r\n",
        b"PROXY UNKNOWN\xff\r\n",
        b"PROXYTCP4 1.2.3.4 5.6.7.8 1 2\r\n",
        b"proxy TCP4 1.2.3.4 5.6.7.8 1 2\r\n",
        b"GET / HTTP/1.1\r\n",
        b"\x16\x03\x01\x02\x00",
    ] {
        invalid(bad);
    }
    // Refused at the first byte that cannot belong to a header.
    assert!(matches!(parse(b"PROXZ", &both()), Parse::Invalid(_)));
    assert_eq!(parse(b"PROX", &both()), Parse::Incomplete);
    assert_eq!(parse(b"", &both()), Parse::Incomplete);
}

/// A v2 header: command byte, family byte, address block, TLVs.
fn v2(ver_cmd: u8, fam: u8, addrs: &[u8], tlvs: &[(u8, &[u8])]) -> Vec<u8> {
    let mut body = addrs.to_vec();
    for (kind, value) in tlvs {
        body.push(*kind);
        body.extend((value.len() as u16).to_be_bytes());
        body.extend(*value);
    }
    let mut out = SIGNATURE.to_vec();
    out.extend([ver_cmd, fam]);
    out.extend((body.len() as u16).to_be_bytes());
    out.extend(body);
    out
}

fn inet4_block() -> Vec<u8> {
    [[192, 0, 2, 1], [198, 51, 100, 7]].concat().into_iter().chain(56324u16.to_be_bytes()).chain(443u16.to_be_bytes()).collect()
}

fn inet6_block() -> Vec<u8> {
    let src: Ipv6Addr = "2001:db8::1".parse().unwrap();
    let dst: Ipv6Addr = "2001:db8::2".parse().unwrap();
    [&src.octets()[..], &dst.octets(), &1234u16.to_be_bytes(), &80u16.to_be_bytes()].concat()
}

#[test]
fn v2_families() {
    let (h, n) = done(&[v2(0x21, 0x11, &inet4_block(), &[]), b"app".to_vec()].concat());
    assert_eq!(n, 28);
    assert_eq!((h.version, h.command, h.transport), (2, Command::Proxy, Transport::Stream));
    assert_eq!(h.addresses, inet("192.0.2.1:56324", "198.51.100.7:443"));
    let (h, _) = done(&v2(0x21, 0x12, &inet4_block(), &[]));
    assert_eq!(h.transport, Transport::Datagram);
    let (h, n) = done(&v2(0x21, 0x21, &inet6_block(), &[]));
    assert_eq!(n, 52);
    assert_eq!(h.addresses, inet("[2001:db8::1]:1234", "[2001:db8::2]:80"));
    let mut unix = [0u8; 216];
    unix[..8].copy_from_slice(b"/run/src");
    unix[108..116].copy_from_slice(b"\0abstrac");
    let (h, _) = done(&v2(0x21, 0x31, &unix, &[]));
    let Addresses::Unix { source, destination } = h.addresses else { panic!("{h:?}") };
    assert_eq!((source.path(), destination.path()), (&b"/run/src"[..], &b"\0abstrac"[..]));
}

#[test]
fn v2_local_and_unspec_ignore_the_block() {
    // LOCAL (health checks): the block is skipped, whatever it holds.
    let (h, n) = done(&v2(0x20, 0x00, b"", &[]));
    assert_eq!((h.command, &h.addresses, n), (Command::Local, &Addresses::Unknown, 16));
    let (h, n) = done(&v2(0x20, 0x11, &inet4_block(), &[(0xe0, b"x")]));
    assert_eq!((h.command, &h.addresses, h.tlvs.len(), n), (Command::Local, &Addresses::Unknown, 0, 32));
    let (h, n) = done(&v2(0x21, 0x00, b"\x01\x02\x03", &[]));
    assert_eq!((&h.addresses, h.source(), n), (&Addresses::Unknown, None, 19));
}

#[test]
fn v2_tlvs_are_returned() {
    let (h, _) = done(&v2(0x21, 0x11, &inet4_block(), &[(0x01, b"h2"), (0x04, b""), (0xe3, b"custom")]));
    assert_eq!(h.tlvs, [
        Tlv { kind: 0x01, value: b"h2".to_vec() },
        Tlv { kind: 0x04, value: vec![] },
        Tlv { kind: 0xe3, value: b"custom".to_vec() }
    ]);
    assert_eq!(h.tlv(0xe3), Some(&b"custom"[..]));
    assert_eq!(h.tlv(0x05), None);
}

#[test]
fn v2_refusals() {
    let good = v2(0x21, 0x11, &inet4_block(), &[]);
    let with = |at: usize, b: u8| {
        let mut v = good.clone();
        v[at] = b;
        v
    };
    invalid(&with(12, 0x11)); // version 1 in a v2 header
    invalid(&with(12, 0x31)); // version 3
    invalid(&with(12, 0x22)); // command 2
    for fam in [0x01u8, 0x10, 0x13, 0x23, 0x40, 0x41, 0xff] {
        invalid(&with(13, fam));
    }
    invalid(&with(3, b'X')); // signature
    // Address block shorter than the family's.
    invalid(&v2(0x21, 0x11, &inet4_block()[..11], &[]));
    invalid(&v2(0x21, 0x21, &inet4_block(), &[]));
    invalid(&v2(0x21, 0x31, &[0; 215], &[]));
    // TLVs that do not fit.
    let mut cut = inet4_block();
    cut.extend([0xe0, 0x00]);
    invalid(&v2(0x21, 0x11, &cut, &[]));
    let mut over = inet4_block();
    over.extend([0xe0, 0x00, 0x05, b'a']);
    invalid(&v2(0x21, 0x11, &over, &[]));
}

#[test]
fn v2_length_limit_is_known_from_16_bytes() {
    let cfg = ProxyConfig { versions: Versions::Any, max_header: 100 };
    let big = v2(0x21, 0x11, &inet4_block(), &[(0xe0, &[0; 200])]);
    assert_eq!(parse(&big[..16], &cfg), Parse::Invalid("PROXY v2 header longer than the limit"));
    let fits = v2(0x21, 0x11, &inet4_block(), &[(0xe0, &[0; 69])]);
    assert_eq!(fits.len(), 100);
    assert!(matches!(parse(&fits, &cfg), Parse::Done { consumed: 100, .. }));
    // The largest a header can be, with the limit raised.
    let cfg = ProxyConfig { versions: Versions::Any, max_header: 16 + 65535 };
    let huge = v2(0x21, 0x11, &inet4_block(), &[(0xe0, &[0; 65520])]);
    assert!(matches!(parse(&huge, &cfg), Parse::Done { consumed: 65551, .. }));
}

#[test]
fn crc32c() {
    let mut c = Crc32c::new();
    c.update(b"123456789");
    assert_eq!(c.finish(), 0xe306_9283);
    // A header carrying its checksum, computed with the value zeroed.
    let mut h = v2(0x21, 0x11, &inet4_block(), &[(0x03, &[0; 4]), (0xe0, b"z")]);
    let mut c = Crc32c::new();
    c.update(&h);
    let sum = c.finish().to_be_bytes();
    h[31..35].copy_from_slice(&sum);
    assert_eq!(done(&h).0.tlv(0x03), Some(&sum[..]));
    h[34] ^= 1;
    assert_eq!(parse(&h, &both()), Parse::Invalid("PROXY v2 CRC32C does not match"));
    invalid(&v2(0x21, 0x11, &inet4_block(), &[(0x03, &[0; 3])]));
}

#[test]
fn versions_accepted() {
    let v1 = b"PROXY UNKNOWN\r\n";
    let v2h = v2(0x20, 0x00, b"", &[]);
    let only = |v| ProxyConfig::new(v);
    assert!(matches!(parse(v1, &only(Versions::V1)), Parse::Done { .. }));
    assert!(matches!(parse(&v2h, &only(Versions::V1)), Parse::Invalid(_)));
    assert!(matches!(parse(&v2h[..1], &only(Versions::V1)), Parse::Invalid(_)));
    assert!(matches!(parse(&v2h, &only(Versions::V2)), Parse::Done { .. }));
    assert!(matches!(parse(v1, &only(Versions::V2)), Parse::Invalid(_)));
}

#[test]
fn trusted_sources() {
    let t = TrustedSources::parse(["10.0.0.0/8", "192.0.2.7", " 2001:db8::/32 ", "::ffff:172.16.0.0/108"]).unwrap();
    let ip = |s: &str| s.parse::<IpAddr>().unwrap();
    assert!(t.allows(ip("10.1.2.3")));
    assert!(t.allows(ip("::ffff:10.1.2.3")));
    assert!(t.allows(ip("192.0.2.7")));
    assert!(!t.allows(ip("192.0.2.8")));
    assert!(t.allows(ip("2001:db8:1::5")));
    assert!(!t.allows(ip("2001:db9::1")));
    assert!(t.allows(ip("172.16.5.5")));
    assert!(t.allows(ip("::ffff:172.31.255.255")));
    assert!(!t.allows(ip("172.32.0.1")));
    assert!(!t.allows(ip("11.0.0.1")));
    assert_eq!(t.ranges()[3].to_string(), "172.16.0.0/12");
    // Host bits are ignored; /0 ranges hold every address of their family.
    assert_eq!("10.9.8.7/8".parse::<Cidr>().unwrap().to_string(), "10.0.0.0/8");
    let all4 = "0.0.0.0/0".parse::<Cidr>().unwrap();
    assert!(all4.contains(ip("203.0.113.9")) && all4.contains(ip("::ffff:1.1.1.1")) && !all4.contains(ip("::1")));
    let all6 = "::/0".parse::<Cidr>().unwrap();
    assert!(all6.contains(ip("::1")) && all6.contains(ip("1.1.1.1")));
    assert!("::1".parse::<Cidr>().unwrap().contains(ip("::1")));
    assert!(!"::1".parse::<Cidr>().unwrap().contains(ip("0.0.0.1")));
    for bad in ["", "10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/+8", "host", "10.0.0/8", "1.2.3.4/8/8"] {
        assert!(bad.parse::<Cidr>().is_err(), "{bad}");
    }
    let e = TrustedSources::parse(["10.0.0.0/8", "nope"]).unwrap_err();
    assert_eq!(e.to_string(), "'nope' is not an IP address or a CIDR range");
    assert!(!TrustedSources::default().allows(IpAddr::V4(Ipv4Addr::LOCALHOST)));
}

fn headers() -> Vec<Vec<u8>> {
    vec![
        b"PROXY TCP4 192.0.2.1 198.51.100.7 56324 443\r\n".to_vec(),
        b"PROXY TCP6 2001:db8::1 ::1 65535 0\r\n".to_vec(),
        b"PROXY UNKNOWN\r\n".to_vec(),
        v2(0x21, 0x11, &inet4_block(), &[(0x01, b"h2"), (0xe0, &[7; 300])]),
        v2(0x21, 0x21, &inet6_block(), &[]),
        v2(0x20, 0x00, b"", &[]),
        v2(0x21, 0x31, &[b'p'; 216], &[(0x05, b"id")]),
    ]
}

/// The parser, fed as reads would bring the bytes: the result once a
/// verdict comes, with the bytes buffered then.
fn feed(input: &[u8], cuts: &[usize], cfg: &ProxyConfig) -> (Parse, usize) {
    let mut cuts: Vec<usize> = cuts.iter().map(|c| c % (input.len() + 1)).collect();
    cuts.sort_unstable();
    let limit = cfg.max_header.max(v1::MAX_LEN);
    for end in cuts.into_iter().chain([input.len()]) {
        let r = parse(&input[..end], cfg);
        if r != Parse::Incomplete {
            return (r, end);
        }
        assert!(end < limit, "Incomplete with {end} bytes buffered");
    }
    (Parse::Incomplete, input.len())
}

// 256 cases each by default; PROPTEST_CASES=N runs N (see docs/WEBSOCKET-NOTES.md).
proptest! {
    /// However the header arrives, the verdict is the one for the whole buffer.
    #[test]
    fn random_splits_parse_the_same(which in 0usize..7, cuts in proptest::collection::vec(any::<usize>(), 0..12)) {
        let mut input = headers()[which].clone();
        let len = input.len();
        input.extend(b"application bytes");
        let cfg = both();
        let (r, _) = feed(&input, &cuts, &cfg);
        prop_assert_eq!(&r, &parse(&input, &cfg));
        let whole = matches!(r, Parse::Done { consumed, .. } if consumed == len);
        prop_assert!(whole);
        // Every strict prefix is Incomplete, never Invalid.
        for end in 0..len {
            prop_assert_eq!(parse(&input[..end], &cfg), Parse::Incomplete);
        }
    }

    /// Garbage never panics and is never buffered past the limit.
    #[test]
    fn garbage_is_refused_within_the_limit(prefix in 0usize..3, data in proptest::collection::vec(any::<u8>(), 0..600),
                                           cuts in proptest::collection::vec(any::<usize>(), 0..8),
                                           max in 16usize..400) {
        let start: &[u8] = match prefix { 0 => b"", 1 => b"PROXY ", _ => &SIGNATURE };
        let input = [start, &data[..]].concat();
        let cfg = ProxyConfig { versions: Versions::Any, max_header: max };
        let _ = feed(&input, &cuts, &cfg);
    }

    /// A valid header with bytes flipped: refused or read, never a panic.
    #[test]
    fn mutated_headers_never_panic(which in 0usize..7, flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..6)) {
        let mut input = headers()[which].clone();
        for (at, x) in flips {
            let i = at % input.len();
            input[i] ^= x;
        }
        let _ = parse(&input, &both());
    }
}
