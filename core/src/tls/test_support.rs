//! Test helpers: a throwaway PKI made with libssl (a CA, leaves it signs,
//! self-signed certificates) written to a temporary directory, non-blocking
//! socket pairs, and a loop that drives both ends of a handshake.

use super::connection::{Handshake, ReadOutcome, TlsConnection, WriteOutcome};
use super::failure::HandshakeFailure;
use openssl::asn1::Asn1Time;
use openssl::bn::{BigNum, MsbOption};
use openssl::ec::{EcGroup, EcKey};
use openssl::hash::MessageDigest;
use openssl::nid::Nid;
use openssl::pkey::{PKey, Private};
use openssl::x509::extension::{BasicConstraints, ExtendedKeyUsage, KeyUsage, SubjectAlternativeName};
use openssl::x509::{X509, X509NameBuilder};
use std::os::fd::{AsRawFd, RawFd};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A temporary directory, removed on drop.
pub(crate) struct TempDir(pub(crate) PathBuf);

impl TempDir {
    pub(crate) fn new(name: &str) -> TempDir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let n = N.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("swoole-tls-{}-{name}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    pub(crate) fn path(&self, file: &str) -> PathBuf {
        self.0.join(file)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A certificate and its key.
pub(crate) struct Issued {
    pub(crate) cert: X509,
    pub(crate) key: PKey<Private>,
}

/// What a certificate is for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Usage {
    Ca,
    Server,
    Client,
}

fn new_key() -> PKey<Private> {
    let group = EcGroup::from_curve_name(Nid::X9_62_PRIME256V1).unwrap();
    PKey::from_ec_key(EcKey::generate(&group).unwrap()).unwrap()
}

/// A certificate for `cn` (with DNS names `sans`), signed by `issuer` or by
/// itself.
pub(crate) fn issue(cn: &str, sans: &[&str], usage: Usage, issuer: Option<&Issued>) -> Issued {
    let key = new_key();
    let mut name = X509NameBuilder::new().unwrap();
    name.append_entry_by_nid(Nid::COMMONNAME, cn).unwrap();
    name.append_entry_by_nid(Nid::ORGANIZATIONNAME, "swoole-rs tests").unwrap();
    let name = name.build();
    let mut b = X509::builder().unwrap();
    b.set_version(2).unwrap();
    let mut serial = BigNum::new().unwrap();
    serial.rand(64, MsbOption::MAYBE_ZERO, false).unwrap();
    b.set_serial_number(&serial.to_asn1_integer().unwrap()).unwrap();
    b.set_subject_name(&name).unwrap();
    b.set_issuer_name(issuer.map_or(&name, |i| i.cert.subject_name())).unwrap();
    b.set_pubkey(&key).unwrap();
    b.set_not_before(&Asn1Time::days_from_now(0).unwrap()).unwrap();
    b.set_not_after(&Asn1Time::days_from_now(2).unwrap()).unwrap();
    match usage {
        Usage::Ca => {
            b.append_extension(BasicConstraints::new().critical().ca().build().unwrap()).unwrap();
            b.append_extension(KeyUsage::new().key_cert_sign().crl_sign().build().unwrap()).unwrap();
        }
        Usage::Server | Usage::Client => {
            b.append_extension(BasicConstraints::new().build().unwrap()).unwrap();
            let mut eku = ExtendedKeyUsage::new();
            if usage == Usage::Server { eku.server_auth() } else { eku.client_auth() };
            b.append_extension(eku.build().unwrap()).unwrap();
            if !sans.is_empty() {
                let mut san = SubjectAlternativeName::new();
                for s in sans {
                    san.dns(s);
                }
                let ext = san.build(&b.x509v3_context(issuer.map(|i| &*i.cert), None)).unwrap();
                b.append_extension(ext).unwrap();
            }
        }
    }
    b.sign(issuer.map_or(&key, |i| &i.key), MessageDigest::sha256()).unwrap();
    Issued { cert: b.build(), key }
}

impl Issued {
    /// Writes `name.crt` and `name.key` in `dir`.
    pub(crate) fn write(&self, dir: &TempDir, name: &str) -> (PathBuf, PathBuf) {
        let (cert, key) = (dir.path(&format!("{name}.crt")), dir.path(&format!("{name}.key")));
        self.write_to(&cert, &key);
        (cert, key)
    }

    pub(crate) fn write_to(&self, cert: &Path, key: &Path) {
        std::fs::write(cert, self.cert.to_pem().unwrap()).unwrap();
        std::fs::write(key, self.key.private_key_to_pem_pkcs8().unwrap()).unwrap();
    }
}

/// A CA, a server certificate for `localhost` it signs, in `dir`.
pub(crate) struct Pki {
    pub(crate) ca: Issued,
    pub(crate) ca_file: PathBuf,
    pub(crate) cert: PathBuf,
    pub(crate) key: PathBuf,
}

impl Pki {
    pub(crate) fn new(dir: &TempDir) -> Pki {
        let ca = issue("Test CA", &[], Usage::Ca, None);
        let ca_file = dir.path("ca.crt");
        std::fs::write(&ca_file, ca.cert.to_pem().unwrap()).unwrap();
        let (cert, key) = issue("localhost", &["localhost"], Usage::Server, Some(&ca)).write(dir, "server");
        Pki { ca, ca_file, cert, key }
    }
}

/// A connected pair of non-blocking sockets.
pub(crate) fn pair() -> (UnixStream, UnixStream) {
    let (a, b) = UnixStream::pair().unwrap();
    a.set_nonblocking(true).unwrap();
    b.set_nonblocking(true).unwrap();
    (a, b)
}

/// Waits up to 20 ms for any of `fds` to be readable.
pub(crate) fn wait_readable(fds: &[std::os::fd::BorrowedFd<'_>]) {
    use nix::poll::{PollFd, PollFlags, poll};
    let mut polls: Vec<PollFd> = fds.iter().map(|&fd| PollFd::new(fd, PollFlags::POLLIN)).collect();
    let _ = poll(&mut polls, 20u8);
}

/// [`wait_readable`] for one or two descriptor numbers the sessions hold
/// open while the test waits on them.
fn wait_readable_numbers(fds: &[RawFd]) {
    use crate::fd::borrowed;
    let _ = match *fds {
        [a] => borrowed(a, |a| {
            wait_readable(&[a]);
            Ok(())
        }),
        [a, b] => borrowed(a, |a| {
            borrowed(b, |b| {
                wait_readable(&[a, b]);
                Ok(())
            })
        }),
        _ => Ok(()),
    };
}

/// Drives both ends of a handshake until each is done or failed.
pub(crate) fn handshake_both(
    server: &mut TlsConnection,
    client: &mut TlsConnection,
) -> (Result<(), HandshakeFailure>, Result<(), HandshakeFailure>) {
    let (mut s, mut c) = (None, None);
    for _ in 0..500 {
        if s.is_none() {
            match server.handshake() {
                Ok(Handshake::Done) => s = Some(Ok(())),
                Ok(Handshake::Pending) => {}
                Err(e) => s = Some(Err(e)),
            }
        }
        if c.is_none() {
            match client.handshake() {
                Ok(Handshake::Done) => c = Some(Ok(())),
                Ok(Handshake::Pending) => {}
                Err(e) => c = Some(Err(e)),
            }
        }
        if s.is_some() && c.is_some() {
            break;
        }
        // Both ends run here: a failed side stops answering, and the other
        // then sees its close or its alert.
        let fds: Vec<RawFd> = [server.fd(), client.fd()].into_iter().flatten().collect();
        wait_readable_numbers(&fds);
    }
    (s.expect("server handshake did not finish"), c.expect("client handshake did not finish"))
}

/// Reads from `conn` until `want` bytes came (or EOF), waiting on its fd.
pub(crate) fn read_exactly(conn: &mut TlsConnection, want: usize) -> Vec<u8> {
    let mut got = Vec::new();
    let mut buf = vec![0u8; 16 * 1024];
    for _ in 0..2000 {
        match conn.read_into(&mut buf) {
            ReadOutcome::Data(n) => got.extend_from_slice(&buf[..n]),
            ReadOutcome::WouldBlock => wait_readable_numbers(&[conn.fd().unwrap()]),
            ReadOutcome::Eof => break,
            ReadOutcome::Error(e) => panic!("read failed: {e}"),
        }
        if got.len() >= want {
            break;
        }
    }
    got
}

/// Writes all of `data` to `conn` (the peer must be reading meanwhile, or
/// the socket buffer must hold it).
pub(crate) fn write_all(conn: &mut TlsConnection, data: &[u8]) {
    let mut sent = 0;
    while sent < data.len() {
        match conn.write(&data[sent..]) {
            WriteOutcome::Accepted(n) => sent += n,
            WriteOutcome::WouldBlock => std::thread::sleep(std::time::Duration::from_millis(1)),
            WriteOutcome::Error(e) => panic!("write failed: {e}"),
        }
    }
    while conn.flush() == super::connection::Flush::WouldBlock {
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
}

/// Both ends of a session over a socket pair, the sockets kept alive with them.
pub(crate) struct Session {
    pub(crate) server: TlsConnection,
    pub(crate) client: TlsConnection,
    /// The sockets (server side, client side): the sessions borrow their fds.
    pub(crate) sockets: (UnixStream, UnixStream),
}

/// A handshake between `acceptor` and `connector` over a fresh socket pair.
pub(crate) fn session(
    acceptor: &super::acceptor::TlsAcceptor,
    connector: &super::client::TlsConnector,
) -> (Session, Result<(), HandshakeFailure>, Result<(), HandshakeFailure>) {
    let sockets = pair();
    let mut server = acceptor.accept(sockets.0.as_raw_fd()).unwrap();
    let mut client = connector.start(sockets.1.as_raw_fd()).unwrap();
    let (s, c) = handshake_both(&mut server, &mut client);
    (Session { server, client, sockets }, s, c)
}

/// A connector trusting the test CA, for `localhost`, verifying.
pub(crate) fn verifying_client(pki: &Pki) -> super::client::TlsConnector {
    super::client::TlsConnector::new(super::client::ClientTlsSettings {
        host_name: Some("localhost".into()),
        verify_peer: true,
        cafile: Some(pki.ca_file.clone()),
        ..Default::default()
    })
    .unwrap()
}

