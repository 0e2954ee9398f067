//! The blocking client (`Swoole\Client`) against a server thread over
//! loopback TCP: verification, host names, self-signed servers, client
//! certificates, the handshake timeout, bad settings.

use super::connection::{Handshake, ReadOutcome};
use super::error::{TlsError, codes};
use super::failure::HandshakeFailure;
use super::test_support::*;
use super::*;
use std::net::{TcpListener, TcpStream};
use std::os::fd::{AsFd, AsRawFd};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

type Outcome = Result<Option<PeerCert>, HandshakeFailure>;

/// A server thread serving `count` connections one after the other: the
/// handshake, then an echo of everything until the client closes.
fn echo_server(acceptor: Arc<TlsAcceptor>, count: usize) -> (u16, JoinHandle<Vec<Outcome>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let handle = std::thread::spawn(move || {
        let mut outcomes = Vec::new();
        for _ in 0..count {
            let (stream, _) = listener.accept().unwrap();
            stream.set_nonblocking(true).unwrap();
            let mut conn = acceptor.accept(stream.as_raw_fd()).unwrap();
            let handshake = loop {
                match conn.handshake() {
                    Ok(Handshake::Done) => break Ok(conn.peer_info().unwrap().client_cert.clone()),
                    Ok(Handshake::Pending) => wait_readable(&[stream.as_fd()]),
                    Err(e) => break Err(e),
                }
            };
            let serve = handshake.is_ok();
            outcomes.push(handshake);
            let mut buf = vec![0u8; 4096];
            if serve {
                loop {
                    match conn.read_into(&mut buf) {
                        ReadOutcome::Data(n) => write_all(&mut conn, &buf[..n]),
                        ReadOutcome::WouldBlock => wait_readable(&[stream.as_fd()]),
                        ReadOutcome::Eof | ReadOutcome::Error(_) => break,
                    }
                }
            }
            conn.close_notify();
        }
        outcomes
    });
    (port, handle)
}

fn connect(port: u16, settings: ClientTlsSettings) -> (TcpStream, Result<TlsClient, ClientError>) {
    let stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let client = TlsConnector::new(settings).unwrap().connect(stream.as_raw_fd(), Duration::from_secs(5));
    (stream, client)
}

fn trusting(pki: &Pki, host: &str) -> ClientTlsSettings {
    ClientTlsSettings {
        host_name: Some(host.into()),
        verify_peer: true,
        cafile: Some(pki.ca_file.clone()),
        ..Default::default()
    }
}

#[test]
fn a_verified_client_talks_and_sees_the_server_certificate() {
    let dir = TempDir::new("client-ok");
    let pki = Pki::new(&dir);
    let (port, server) = echo_server(Arc::new(TlsAcceptor::new(TlsSettings::new(&pki.cert, &pki.key)).unwrap()), 1);
    let (_stream, client) = connect(port, trusting(&pki, "localhost"));
    let mut client = client.unwrap();
    assert_eq!(client.peer_cert().unwrap(), std::fs::read_to_string(&pki.cert).unwrap(), "getPeerCert(): PEM");
    assert_eq!(client.verify_peer_cert(false), Ok(()));
    assert_eq!(client.peer_info().unwrap().protocol, "TLSv1.3");
    let timeout = Some(Duration::from_secs(5));
    assert_eq!(client.send_all(b"hi", timeout).unwrap(), 2);
    let mut buf = [0u8; 16];
    assert_eq!(client.recv(&mut buf, timeout).unwrap(), 2);
    assert_eq!(&buf[..2], b"hi");
    client.close(Duration::from_secs(1));
    assert_eq!(server.join().unwrap(), vec![Ok(None)]);
}

#[test]
fn verification_fails_on_an_unknown_ca_or_another_host() {
    let dir = TempDir::new("client-refused");
    let pki = Pki::new(&dir);
    let (port, server) = echo_server(Arc::new(TlsAcceptor::new(TlsSettings::new(&pki.cert, &pki.key)).unwrap()), 2);
    // Only the system's CAs: the test CA is unknown.
    let system = ClientTlsSettings { host_name: Some("localhost".into()), verify_peer: true, ..Default::default() };
    let (_s, refused) = connect(port, system);
    let Err(ClientError::Handshake(failure)) = refused else { panic!("should be refused") };
    let unknown_ca = "unable to get local issuer certificate".to_string();
    assert_eq!(failure, HandshakeFailure::PeerCertificateRejected { reason: unknown_ca });
    assert_eq!(failure.code(), codes::SSL_VERIFY_FAILED);
    let (_s, refused) = connect(port, trusting(&pki, "example.com"));
    let Err(ClientError::Handshake(failure)) = refused else { panic!("should be refused") };
    assert_eq!(failure, HandshakeFailure::PeerCertificateRejected { reason: "hostname mismatch".into() });
    // The server saw the client give up with an alert.
    for outcome in server.join().unwrap() {
        let Err(HandshakeFailure::Protocol { reason }) = outcome else { panic!("{outcome:?}") };
        assert!(reason.contains("alert"), "{reason}");
    }
}

#[test]
fn without_verify_peer_verify_peer_cert_tells_the_verdict_afterwards() {
    let dir = TempDir::new("client-later");
    let pki = Pki::new(&dir);
    let (port, server) = echo_server(Arc::new(TlsAcceptor::new(TlsSettings::new(&pki.cert, &pki.key)).unwrap()), 3);
    {
        let (_s, client) = connect(port, ClientTlsSettings::default());
        let verdict = client.unwrap().verify_peer_cert(false).unwrap_err();
        assert_eq!((verdict.code, verdict.reason.as_str()), (20, "unable to get local issuer certificate"));
    }
    let lax = |host: &str| ClientTlsSettings { verify_peer: false, ..trusting(&pki, host) };
    {
        let (_s, client) = connect(port, lax("localhost"));
        assert_eq!(client.unwrap().verify_peer_cert(false), Ok(()));
    }
    {
        let (_s, client) = connect(port, lax("example.com"));
        let verdict = client.unwrap().verify_peer_cert(false).unwrap_err();
        assert_eq!(verdict.reason, "the certificate is not for 'example.com'");
    }
    server.join().unwrap();
}

#[test]
fn a_self_signed_server_passes_only_when_allowed() {
    let dir = TempDir::new("client-selfsigned");
    let (cert, key) = issue("localhost", &["localhost"], Usage::Server, None).write(&dir, "self");
    let (port, server) = echo_server(Arc::new(TlsAcceptor::new(TlsSettings::new(&cert, &key)).unwrap()), 3);
    let strict = ClientTlsSettings { host_name: Some("localhost".into()), verify_peer: true, ..Default::default() };
    let (_s, refused) = connect(port, strict.clone());
    let Err(ClientError::Handshake(HandshakeFailure::PeerCertificateRejected { reason })) = refused else {
        panic!("a self-signed server is refused by default")
    };
    assert_eq!(reason, "self-signed certificate");
    {
        let (_s, allowed) = connect(port, ClientTlsSettings { allow_self_signed: true, ..strict });
        assert!(allowed.is_ok());
    }
    {
        let (_s, lax) = connect(port, ClientTlsSettings::default());
        let lax = lax.unwrap();
        assert_eq!(lax.verify_peer_cert(false).unwrap_err().code, 18);
        assert_eq!(lax.verify_peer_cert(true), Ok(()));
    }
    server.join().unwrap();
}

#[test]
fn a_client_certificate_reaches_a_mutual_tls_server() {
    let dir = TempDir::new("client-cert");
    let pki = Pki::new(&dir);
    let (cert, key) = issue("client7", &[], Usage::Client, Some(&pki.ca)).write(&dir, "client7");
    let settings = TlsSettings {
        client_cert_file: Some(pki.ca_file.clone()),
        verify_peer: true,
        ..TlsSettings::new(&pki.cert, &pki.key)
    };
    let (port, server) = echo_server(Arc::new(TlsAcceptor::new(settings).unwrap()), 1);
    let with_cert = ClientTlsSettings { cert_file: Some(cert), key_file: Some(key), ..trusting(&pki, "localhost") };
    let (_s, client) = connect(port, with_cert);
    let mut client = client.unwrap();
    client.send_all(b"x", None).unwrap();
    let mut buf = [0u8; 1];
    client.recv(&mut buf, Some(Duration::from_secs(5))).unwrap();
    drop(client);
    drop(_s);
    let outcomes = server.join().unwrap();
    assert_eq!(outcomes[0].as_ref().unwrap().as_ref().unwrap().subject, "/CN=client7/O=swoole-rs tests");
}

#[test]
fn a_server_that_never_answers_times_the_handshake_out() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let stream = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
    let connector = TlsConnector::new(ClientTlsSettings::default()).unwrap();
    let started = Instant::now();
    let result = connector.connect(stream.as_raw_fd(), Duration::from_millis(200));
    let elapsed = started.elapsed();
    assert_eq!(result.err(), Some(ClientError::Handshake(HandshakeFailure::TimedOut)));
    assert!(elapsed >= Duration::from_millis(190) && elapsed < Duration::from_secs(2), "{elapsed:?}");
}

#[test]
fn bad_client_settings_name_the_setting() {
    let dir = TempDir::new("client-settings");
    let pki = Pki::new(&dir);
    let refused = |s: ClientTlsSettings| TlsConnector::new(s).err().expect("should be refused");
    let e = refused(ClientTlsSettings { cafile: Some(dir.path("nope.crt")), ..Default::default() });
    assert!(matches!(&e, TlsError::FileNotFound { setting: "ssl_cafile", .. }), "{e}");
    let e = refused(ClientTlsSettings { capath: Some(dir.path("nodir")), ..Default::default() });
    assert_eq!(e.setting(), "ssl_capath");
    let e = refused(ClientTlsSettings { cert_file: Some(pki.cert.clone()), ..Default::default() });
    assert_eq!(e.setting(), "ssl_key_file");
    let e = refused(ClientTlsSettings { ciphers: "NOPE".into(), ..Default::default() });
    assert_eq!(e.setting(), "ssl_ciphers");
    let e = refused(ClientTlsSettings { protocols: 1 << 20, ..Default::default() });
    assert_eq!(e.setting(), "ssl_protocols");
    assert!(TlsConnector::new(ClientTlsSettings { capath: Some(dir.0.clone()), ..Default::default() }).is_ok());
}
