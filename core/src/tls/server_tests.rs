//! Server sessions end to end over socket pairs: versions, mutual TLS, SNI,
//! bad clients beside good ones, reload, sendfile, backpressure, close.

use super::connection::{Flush, Handshake, MAX_WRITE, ReadOutcome, TlsState, WriteOutcome};
use super::failure::HandshakeFailure;
use super::protocols::{SSL_TLSV1_2, SSL_TLSV1_3};
use super::test_support::*;
use super::*;
use std::io::Write;
use std::os::fd::{AsFd, AsRawFd};

fn acceptor(settings: TlsSettings) -> TlsAcceptor {
    TlsAcceptor::new(settings).unwrap()
}

#[test]
fn the_engine_is_shared_across_threads() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<TlsAcceptor>();
    send_sync::<TlsConnector>();
    fn send<T: Send>() {}
    send::<TlsConnection>();
}

#[test]
fn echo_over_a_verified_session_then_close_notify() {
    let dir = TempDir::new("echo");
    let pki = Pki::new(&dir);
    let server = acceptor(TlsSettings::new(&pki.cert, &pki.key));
    let (mut s, server_done, client_done) = session(&server, &verifying_client(&pki));
    assert_eq!((server_done, client_done), (Ok(()), Ok(())));
    assert_eq!(s.server.state(), TlsState::Established);
    let info = s.server.peer_info().unwrap();
    assert_eq!(info.protocol, "TLSv1.3");
    assert!(info.cipher.starts_with("TLS_AES_"), "{}", info.cipher);
    assert!(info.cipher_bits >= 128);
    assert_eq!(info.client_cert, None, "no client certificate is asked for by default");
    assert_eq!(info.server_name.as_deref(), Some("localhost"));

    write_all(&mut s.client, b"hello over tls");
    assert_eq!(read_exactly(&mut s.server, 14), b"hello over tls");
    write_all(&mut s.server, b"echo:hello over tls");
    assert_eq!(read_exactly(&mut s.client, 19), b"echo:hello over tls");

    assert_eq!(s.server.close_notify(), Flush::Done);
    assert_eq!(s.server.state(), TlsState::Closed);
    assert_eq!(s.server.fd(), None, "a closed session holds no libssl state");
    let mut buf = [0u8; 64];
    wait_readable(&[s.sockets.1.as_fd()]);
    assert_eq!(s.client.read_into(&mut buf), ReadOutcome::Eof, "close_notify reads as the end");
    assert_eq!(s.client.write(b"x"), WriteOutcome::Accepted(1), "a half-closed TLS 1.3 session may still write");
}

#[test]
fn a_peer_that_just_closes_reads_as_eof() {
    let dir = TempDir::new("eof");
    let pki = Pki::new(&dir);
    let server = acceptor(TlsSettings::new(&pki.cert, &pki.key));
    let (mut s, ..) = session(&server, &verifying_client(&pki));
    // The client takes its session tickets (unread bytes would make its
    // close a reset), then hangs up without close_notify.
    assert_eq!(s.client.read_into(&mut [0u8; 64]), ReadOutcome::WouldBlock);
    drop(s.client);
    drop(s.sockets.1);
    let mut buf = [0u8; 64];
    wait_readable(&[s.sockets.0.as_fd()]);
    assert_eq!(s.server.read_into(&mut buf), ReadOutcome::Eof);
    assert_eq!(s.server.close_notify(), Flush::Done, "nothing is sent to a peer that is gone");
}

#[test]
fn tls12_only_and_tls13_only_ports() {
    let dir = TempDir::new("versions");
    let pki = Pki::new(&dir);
    let client = verifying_client(&pki);
    for (mask, version) in [(SSL_TLSV1_2, "TLSv1.2"), (SSL_TLSV1_3, "TLSv1.3")] {
        let server = acceptor(TlsSettings { protocols: mask, ..TlsSettings::new(&pki.cert, &pki.key) });
        let (mut s, a, b) = session(&server, &client);
        assert_eq!((a, b), (Ok(()), Ok(())), "{version}");
        assert_eq!(s.server.peer_info().unwrap().protocol, version);
        assert_eq!(s.client.peer_info().unwrap().protocol, version);
        write_all(&mut s.client, b"ping");
        assert_eq!(read_exactly(&mut s.server, 4), b"ping");
    }
    // A TLS 1.2 client on a TLS 1.3 port is refused, with the reason.
    let server = acceptor(TlsSettings { protocols: SSL_TLSV1_3, ..TlsSettings::new(&pki.cert, &pki.key) });
    let old_client = TlsConnector::new(ClientTlsSettings { protocols: SSL_TLSV1_2, ..Default::default() }).unwrap();
    let (_s, server_done, client_done) = session(&server, &old_client);
    assert_eq!(server_done, Err(HandshakeFailure::Protocol { reason: "unsupported protocol".into() }));
    assert!(client_done.is_err());
    // The TLS 1.2 suites follow Swoole's default cipher list.
    let server = acceptor(TlsSettings { protocols: SSL_TLSV1_2, ..TlsSettings::new(&pki.cert, &pki.key) });
    let (s, ..) = session(&server, &client);
    assert_eq!(s.server.peer_info().unwrap().cipher, "ECDHE-ECDSA-AES256-GCM-SHA384");
}

fn mtls_settings(pki: &Pki) -> TlsSettings {
    TlsSettings {
        client_cert_file: Some(pki.ca_file.clone()),
        verify_peer: true,
        ..TlsSettings::new(&pki.cert, &pki.key)
    }
}

fn client_with_cert(pki: &Pki, cert: &std::path::Path, key: &std::path::Path) -> TlsConnector {
    TlsConnector::new(ClientTlsSettings {
        cert_file: Some(cert.to_path_buf()),
        key_file: Some(key.to_path_buf()),
        cafile: Some(pki.ca_file.clone()),
        ..Default::default()
    })
    .unwrap()
}

#[test]
fn mutual_tls_accepts_a_client_the_ca_signed_and_reports_it() {
    let dir = TempDir::new("mtls-ok");
    let pki = Pki::new(&dir);
    let (cert, key) = issue("client1", &[], Usage::Client, Some(&pki.ca)).write(&dir, "client1");
    let server = acceptor(mtls_settings(&pki));
    let (mut s, a, b) = session(&server, &client_with_cert(&pki, &cert, &key));
    assert_eq!((a, b), (Ok(()), Ok(())));
    let reported = s.server.peer_info().unwrap().client_cert.clone().unwrap();
    assert_eq!(reported.subject, "/CN=client1/O=swoole-rs tests");
    assert_eq!(reported.issuer, "/CN=Test CA/O=swoole-rs tests");
    assert!(reported.verified);
    assert_eq!(reported.pem, std::fs::read_to_string(&cert).unwrap(), "the PEM Swoole puts in ssl_client_cert");
    write_all(&mut s.client, b"authenticated");
    assert_eq!(read_exactly(&mut s.server, 13), b"authenticated");
}

#[test]
fn mutual_tls_refuses_a_missing_foreign_or_self_signed_certificate() {
    let dir = TempDir::new("mtls-refused");
    let pki = Pki::new(&dir);
    let server = acceptor(mtls_settings(&pki));

    let anonymous = TlsConnector::new(ClientTlsSettings::default()).unwrap();
    let (_s, refused, _) = session(&server, &anonymous);
    assert_eq!(refused, Err(HandshakeFailure::PeerCertificateMissing));
    assert_eq!(refused.unwrap_err().code(), super::error::codes::SSL_EMPTY_PEER_CERTIFICATE);

    let other_ca = issue("Other CA", &[], Usage::Ca, None);
    let (cert, key) = issue("intruder", &[], Usage::Client, Some(&other_ca)).write(&dir, "intruder");
    let (_s, refused, _) = session(&server, &client_with_cert(&pki, &cert, &key));
    let Err(HandshakeFailure::PeerCertificateRejected { reason }) = refused else { panic!("{refused:?}") };
    assert_eq!(reason, "unable to get local issuer certificate");

    let (cert, key) = issue("selfie", &[], Usage::Client, None).write(&dir, "selfie");
    let (_s, refused, _) = session(&server, &client_with_cert(&pki, &cert, &key));
    let Err(HandshakeFailure::PeerCertificateRejected { reason }) = refused else { panic!("{refused:?}") };
    assert_eq!(reason, "self-signed certificate");

    let lenient = acceptor(TlsSettings { allow_self_signed: true, ..mtls_settings(&pki) });
    let (s, accepted, _) = session(&lenient, &client_with_cert(&pki, &cert, &key));
    assert_eq!(accepted, Ok(()), "ssl_allow_self_signed lets a self-signed client in");
    assert_eq!(s.server.peer_info().unwrap().client_cert.as_ref().unwrap().subject, "/CN=selfie/O=swoole-rs tests");
}

#[test]
fn without_verify_peer_a_client_certificate_is_taken_and_reported_unverified() {
    let dir = TempDir::new("mtls-capture");
    let pki = Pki::new(&dir);
    let server = acceptor(TlsSettings { verify_peer: false, ..mtls_settings(&pki) });
    let other_ca = issue("Other CA", &[], Usage::Ca, None);
    let (cert, key) = issue("stranger", &[], Usage::Client, Some(&other_ca)).write(&dir, "stranger");
    let (s, accepted, _) = session(&server, &client_with_cert(&pki, &cert, &key));
    assert_eq!(accepted, Ok(()));
    let reported = s.server.peer_info().unwrap().client_cert.clone().unwrap();
    assert_eq!((reported.subject.as_str(), reported.verified), ("/CN=stranger/O=swoole-rs tests", false));

    let (s, accepted, _) = session(&server, &TlsConnector::new(ClientTlsSettings::default()).unwrap());
    assert_eq!(accepted, Ok(()));
    assert_eq!(s.server.peer_info().unwrap().client_cert, None);
}

#[test]
fn sni_picks_the_certificate_for_the_name_the_client_asks_for() {
    let dir = TempDir::new("sni");
    let pki = Pki::new(&dir);
    let (a_cert, a_key) = issue("a.test", &["a.test"], Usage::Server, Some(&pki.ca)).write(&dir, "a");
    let (w_cert, w_key) = issue("wild", &["*.wild.test"], Usage::Server, Some(&pki.ca)).write(&dir, "wild");
    let settings = TlsSettings {
        sni_certs: vec![SniCert::new("*.wild.test", &w_cert, &w_key), SniCert::new("a.test", &a_cert, &a_key)],
        ..TlsSettings::new(&pki.cert, &pki.key)
    };
    let server = acceptor(settings);
    for (name, subject) in [
        (Some("a.test"), "/CN=a.test/O=swoole-rs tests"),
        (Some("A.Test"), "/CN=a.test/O=swoole-rs tests"),
        (Some("x.wild.test"), "/CN=wild/O=swoole-rs tests"),
        (Some("b.test"), "/CN=localhost/O=swoole-rs tests"),
        (None, "/CN=localhost/O=swoole-rs tests"),
    ] {
        let client = TlsConnector::new(ClientTlsSettings {
            host_name: name.map(str::to_string),
            verify_peer: name != Some("b.test"),
            cafile: Some(pki.ca_file.clone()),
            ..Default::default()
        })
        .unwrap();
        let (s, a, b) = session(&server, &client);
        assert_eq!((a, b), (Ok(()), Ok(())), "{name:?}");
        let pem = s.client.peer_certificate_pem().unwrap();
        let cert = openssl::x509::X509::from_pem(pem.as_bytes()).unwrap();
        assert_eq!(super::peer::one_line(cert.subject_name()), subject, "{name:?}");
    }
}

#[test]
fn plaintext_and_stalled_clients_fail_without_harming_a_handshake_beside_them() {
    let dir = TempDir::new("bad-clients");
    let pki = Pki::new(&dir);
    let server = acceptor(TlsSettings::new(&pki.cert, &pki.key));
    let (plain_srv, mut plain_cli) = pair();
    let (stall_srv, mut stall_cli) = pair();
    let (quit_srv, mut quit_cli) = pair();
    let (good_srv, good_cli) = pair();
    let mut plain = server.accept(plain_srv.as_raw_fd()).unwrap();
    let mut stalled = server.accept(stall_srv.as_raw_fd()).unwrap();
    let mut quitter = server.accept(quit_srv.as_raw_fd()).unwrap();
    let mut good = server.accept(good_srv.as_raw_fd()).unwrap();
    let mut client = verifying_client(&pki).start(good_cli.as_raw_fd()).unwrap();

    plain_cli.write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
    // The start of a ClientHello record, then silence (or a hang-up).
    stall_cli.write_all(&[0x16, 0x03, 0x01, 0x00, 0x50, 0x01]).unwrap();
    quit_cli.write_all(&[0x16, 0x03, 0x01, 0x00, 0x50, 0x01]).unwrap();
    drop(quit_cli);

    let failure = plain.handshake().unwrap_err();
    assert!(failure.is_plain_http(), "{failure:?}");
    assert_eq!(failure.to_string(), "the client sent a plain HTTP request to a TLS port");
    assert_eq!((plain.state(), plain.fd()), (TlsState::Closed, None), "freed at once");
    assert_eq!(quitter.handshake(), Err(HandshakeFailure::PeerClosed));
    assert_eq!(quitter.fd(), None);

    let (mut server_done, mut client_done) = (false, false);
    for _ in 0..200 {
        assert_eq!(stalled.handshake(), Ok(Handshake::Pending));
        server_done |= good.handshake().unwrap() == Handshake::Done;
        client_done |= client.handshake().unwrap() == Handshake::Done;
        if server_done && client_done {
            break;
        }
        wait_readable(&[good_srv.as_fd(), good_cli.as_fd(), stall_srv.as_fd()]);
    }
    assert!(server_done && client_done);
    assert!(stalled.is_handshaking(), "a stalled client waits for the server's handshake timeout");
    write_all(&mut client, b"still fine");
    assert_eq!(read_exactly(&mut good, 10), b"still fine");

    let mut garbage = server.accept(plain_srv.as_raw_fd()).unwrap();
    plain_cli.write_all(&[0u8; 8]).unwrap();
    let failure = garbage.handshake().unwrap_err();
    assert_eq!(failure.to_string(), "the client does not speak TLS (its first byte is 0x00)");
    assert_eq!(failure.code(), super::error::codes::SSL_BAD_PROTOCOL);
    drop(stall_cli);
}

#[test]
fn reload_serves_the_new_certificate_while_old_sessions_go_on() {
    let dir = TempDir::new("reload");
    let pki = Pki::new(&dir);
    let server = acceptor(TlsSettings::new(&pki.cert, &pki.key));
    let client = verifying_client(&pki);
    let before = server.certificate();
    assert_eq!((server.generation(), before.subject.as_str()), (1, "/CN=localhost/O=swoole-rs tests"));
    let (mut old, ..) = session(&server, &client);

    let renewed = issue("localhost", &["localhost"], Usage::Server, Some(&pki.ca));
    renewed.write_to(&pki.cert, &pki.key);
    let report = server.reload().unwrap();
    assert!(report.changed);
    assert_eq!(report.generation, 2);
    assert_ne!(report.certificate.fingerprint, before.fingerprint);
    assert_eq!(server.certificate(), report.certificate);

    let (mut new, a, b) = session(&server, &client);
    assert_eq!((a, b), (Ok(()), Ok(())));
    assert_eq!(new.client.peer_certificate_pem().unwrap().as_bytes(), renewed.cert.to_pem().unwrap());
    assert_ne!(old.client.peer_certificate_pem(), new.client.peer_certificate_pem());
    // The old session, made with the old certificate, still works both ways.
    write_all(&mut old.client, b"old session");
    assert_eq!(read_exactly(&mut old.server, 11), b"old session");
    write_all(&mut old.server, b"still served");
    assert_eq!(read_exactly(&mut old.client, 12), b"still served");
    write_all(&mut new.client, b"new");
    assert_eq!(read_exactly(&mut new.server, 3), b"new");

    // A bad file on disk: the reload fails, says why, and changes nothing.
    std::fs::write(&pki.cert, b"-----BEGIN CERTIFICATE-----\ntruncated").unwrap();
    let error = server.reload().unwrap_err();
    assert_eq!(error.setting(), "ssl_cert_file");
    assert_eq!((server.generation(), server.certificate()), (2, report.certificate.clone()));
    let (third, a, _) = session(&server, &client);
    assert_eq!(a, Ok(()));
    assert_eq!(third.client.peer_certificate_pem(), new.client.peer_certificate_pem());

    // A reload of unchanged files says so.
    renewed.write_to(&pki.cert, &pki.key);
    assert!(!server.reload().unwrap().changed);
}

#[test]
fn write_file_sends_a_range_of_a_file_through_tls() {
    let dir = TempDir::new("sendfile");
    let pki = Pki::new(&dir);
    let server = acceptor(TlsSettings::new(&pki.cert, &pki.key));
    let (mut s, ..) = session(&server, &verifying_client(&pki));
    let body: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
    let path = dir.path("body.bin");
    std::fs::write(&path, &body).unwrap();
    let file = std::fs::File::open(&path).unwrap();
    let (mut offset, end) = (1000u64, 1000u64 + 200_000);
    let reader = std::thread::spawn(move || {
        let got = read_exactly(&mut s.client, 200_000);
        (got, s.client, s.sockets.1)
    });
    while offset < end {
        match s.server.write_file(&file, offset, end - offset) {
            WriteOutcome::Accepted(0) => panic!("the file ended early"),
            WriteOutcome::Accepted(n) => offset += n as u64,
            WriteOutcome::WouldBlock => std::thread::sleep(std::time::Duration::from_millis(1)),
            WriteOutcome::Error(e) => panic!("{e}"),
        }
        assert!(s.server.pending_output() <= MAX_WRITE + 1024, "bounded pending output");
    }
    while s.server.flush() == Flush::WouldBlock {
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    let (got, _client, _socket) = reader.join().unwrap();
    assert_eq!(got, &body[1000..201_000]);
    assert_eq!(s.server.write_file(&file, 299_990, 100), WriteOutcome::Accepted(10), "stops at the end of the file");
}

#[test]
fn a_full_socket_makes_write_wait_with_bounded_pending_output() {
    let dir = TempDir::new("backpressure");
    let pki = Pki::new(&dir);
    let server = acceptor(TlsSettings::new(&pki.cert, &pki.key));
    let (mut s, ..) = session(&server, &verifying_client(&pki));
    let data = vec![7u8; 1 << 20];
    let mut sent = 0;
    loop {
        match s.server.write(&data[sent..]) {
            WriteOutcome::Accepted(n) => sent += n,
            WriteOutcome::WouldBlock => break,
            WriteOutcome::Error(e) => panic!("{e}"),
        }
        assert!(sent < data.len(), "the peer reads nothing: the socket must fill");
    }
    assert!(s.server.pending_output() > 0 && s.server.pending_output() <= MAX_WRITE + 1024);
    assert!(s.server.interest().write, "pending output waits for writable");
    assert_eq!(s.server.write(b"more"), WriteOutcome::WouldBlock, "nothing is taken until it drains");
    let (mut got, mut buf) = (0, vec![0u8; 32 * 1024]);
    for _ in 0..10_000 {
        match s.client.read_into(&mut buf) {
            ReadOutcome::Data(n) => got += n,
            // The peer made room: what was pending can go now.
            ReadOutcome::WouldBlock if got < sent => {
                assert!(!matches!(s.server.flush(), Flush::Error(_)));
            }
            ReadOutcome::WouldBlock => break,
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(got, sent, "every accepted byte arrives once the peer reads");
    assert_eq!(s.server.flush(), Flush::Done);
    assert!(!s.server.interest().write);
}

#[test]
fn alpn_answers_with_the_port_protocol() {
    let dir = TempDir::new("alpn");
    let pki = Pki::new(&dir);
    let server = acceptor(TlsSettings { alpn: vec!["http/1.1".into()], ..TlsSettings::new(&pki.cert, &pki.key) });
    let sockets = pair();
    use openssl::ssl::{Ssl, SslContext, SslMethod};
    let mut ssl = Ssl::new(&SslContext::builder(SslMethod::tls_client()).unwrap().build()).unwrap();
    ssl.set_alpn_protos(b"\x02h2\x08http/1.1").unwrap();
    let mut client = super::connection::TlsConnection::new(
        ssl,
        super::io::FdIo::client(sockets.1.as_raw_fd()),
        super::connection::Role::Client,
        Default::default(),
    )
    .unwrap();
    let mut srv = server.accept(sockets.0.as_raw_fd()).unwrap();
    assert_eq!(handshake_both(&mut srv, &mut client), (Ok(()), Ok(())));
    assert_eq!(srv.peer_info().unwrap().alpn.as_deref(), Some("http/1.1"));
}
