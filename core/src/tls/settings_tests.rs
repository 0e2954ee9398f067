//! Every kind of bad server setting is its own error, naming the setting,
//! and the good variants of each file work.

use super::error::TlsError;
use super::test_support::*;
use super::*;
use openssl::symm::Cipher;

fn build(settings: TlsSettings) -> Result<TlsAcceptor, TlsError> {
    TlsAcceptor::new(settings)
}

/// The error of `settings`, checked to name `setting` and to mention `words`.
fn error(settings: TlsSettings, setting: &str, words: &[&str]) -> TlsError {
    let e = build(settings).expect_err("the settings should be refused");
    assert_eq!(e.setting(), setting, "{e}");
    let text = e.to_string();
    for w in words {
        assert!(text.contains(w), "'{text}' should mention '{w}'");
    }
    assert_eq!(e.code(), super::error::codes::SSL_CREATE_CONTEXT_FAILED);
    e
}

#[test]
fn certificate_and_key_are_both_required() {
    let dir = TempDir::new("required");
    let pki = Pki::new(&dir);
    error(TlsSettings::default(), "ssl_cert_file", &["ssl_cert_file", "ssl_key_file"]);
    let cert_only = TlsSettings { cert_file: Some(pki.cert.clone()), ..Default::default() };
    error(cert_only, "ssl_key_file", &["ssl_key_file is required"]);
    let key_only = TlsSettings { key_file: Some(pki.key.clone()), ..Default::default() };
    error(key_only, "ssl_cert_file", &["ssl_cert_file is required"]);
}

#[test]
fn missing_unreadable_and_wrong_files_are_told_apart() {
    let dir = TempDir::new("files");
    let pki = Pki::new(&dir);
    let nowhere = dir.path("nope.crt");
    let e = error(TlsSettings::new(&nowhere, &pki.key), "ssl_cert_file", &["does not exist", "nope.crt"]);
    assert!(matches!(e, TlsError::FileNotFound { .. }));
    let e = error(TlsSettings::new(&pki.cert, dir.path("nope.key")), "ssl_key_file", &["does not exist"]);
    assert!(matches!(e, TlsError::FileNotFound { .. }));
    let e = error(TlsSettings::new(&dir.0, &pki.key), "ssl_cert_file", &["cannot be read", "Is a directory"]);
    assert!(matches!(e, TlsError::FileUnreadable { .. }));
    if !nix::unistd::geteuid().is_root() {
        use std::os::unix::fs::PermissionsExt;
        let locked = dir.path("locked.key");
        std::fs::copy(&pki.key, &locked).unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        error(TlsSettings::new(&pki.cert, &locked), "ssl_key_file", &["cannot be read", "Permission denied"]);
    }
    let e = error(TlsSettings::new(&pki.key, &pki.key), "ssl_cert_file", &["does not hold a PEM certificate"]);
    assert!(matches!(e, TlsError::BadFile { .. }));
    error(TlsSettings::new(&pki.cert, &pki.cert), "ssl_key_file", &["does not hold a PEM private key"]);
    let junk = dir.path("junk.pem");
    std::fs::write(&junk, b"not pem at all").unwrap();
    error(TlsSettings::new(&junk, &pki.key), "ssl_cert_file", &["does not hold a PEM certificate"]);
}

#[test]
fn a_key_of_another_certificate_is_a_mismatch() {
    let dir = TempDir::new("mismatch");
    let pki = Pki::new(&dir);
    let (_, other_key) = issue("other", &[], Usage::Server, Some(&pki.ca)).write(&dir, "other");
    let words = ["is not the private key of", "server.crt"];
    let e = error(TlsSettings::new(&pki.cert, &other_key), "ssl_key_file", &words);
    assert!(matches!(e, TlsError::KeyMismatch { .. }));
}

#[test]
fn encrypted_keys_need_their_passphrase() {
    let dir = TempDir::new("passphrase");
    let pki = Pki::new(&dir);
    let key = openssl::pkey::PKey::private_key_from_pem(&std::fs::read(&pki.key).unwrap()).unwrap();
    let encrypted = dir.path("encrypted.key");
    std::fs::write(&encrypted, key.private_key_to_pem_pkcs8_passphrase(Cipher::aes_256_cbc(), b"s3cret").unwrap())
        .unwrap();
    let e = error(TlsSettings::new(&pki.cert, &encrypted), "ssl_passphrase", &["is encrypted", "set ssl_passphrase"]);
    assert!(matches!(e, TlsError::EncryptedKey { .. }));
    let wrong = TlsSettings { passphrase: Some("guess".into()), ..TlsSettings::new(&pki.cert, &encrypted) };
    assert!(matches!(error(wrong, "ssl_passphrase", &["does not decrypt"]), TlsError::BadPassphrase { .. }));
    let right = TlsSettings { passphrase: Some("s3cret".into()), ..TlsSettings::new(&pki.cert, &encrypted) };
    assert!(build(right).is_ok());
}

#[test]
fn cipher_curve_protocol_and_dhparam_mistakes() {
    let dir = TempDir::new("params");
    let pki = Pki::new(&dir);
    let base = || TlsSettings::new(&pki.cert, &pki.key);
    let e = error(TlsSettings { ciphers: "NOPE".into(), ..base() }, "ssl_ciphers", &["'NOPE'", "no cipher match"]);
    assert!(matches!(e, TlsError::BadCiphers { .. }));
    error(TlsSettings { ecdh_curve: "nocurve".into(), ..base() }, "ssl_ecdh_curve", &["'nocurve'"]);
    assert!(build(TlsSettings { ecdh_curve: "X25519:prime256v1".into(), ..base() }).is_ok());
    error(TlsSettings { protocols: 4096, ..base() }, "ssl_protocols", &["unknown bits"]);
    error(TlsSettings { protocols: 8 | 64, ..base() }, "ssl_protocols", &["TLSv1.1 is missing"]);
    error(TlsSettings { dhparam: Some(dir.path("dh.pem")), ..base() }, "ssl_dhparam", &["does not exist"]);
    let not_dh = TlsSettings { dhparam: Some(pki.cert.clone()), ..base() };
    error(not_dh, "ssl_dhparam", &["does not hold PEM DH parameters"]);
    let dh = dir.path("good-dh.pem");
    std::fs::write(&dh, openssl::dh::Dh::get_2048_256().unwrap().params_to_pem().unwrap()).unwrap();
    assert!(build(TlsSettings { dhparam: Some(dh), ..base() }).is_ok());
    assert!(build(TlsSettings { ciphers: String::new(), ..base() }).is_ok(), "empty: libssl's default list");
}

#[test]
fn client_verification_mistakes() {
    let dir = TempDir::new("client-ca");
    let pki = Pki::new(&dir);
    let base = || TlsSettings::new(&pki.cert, &pki.key);
    let e = error(TlsSettings { verify_peer: true, ..base() }, "ssl_verify_peer", &["needs ssl_client_cert_file"]);
    assert_eq!(e, TlsError::VerifyPeerWithoutCa);
    let missing = TlsSettings { client_cert_file: Some(dir.path("ca-nope.crt")), ..base() };
    error(missing, "ssl_client_cert_file", &["does not exist"]);
    let not_a_ca = TlsSettings { client_cert_file: Some(pki.key.clone()), ..base() };
    error(not_a_ca, "ssl_client_cert_file", &["does not hold a PEM certificate"]);
}

#[test]
fn sni_entry_mistakes_name_the_entry() {
    let dir = TempDir::new("sni-errors");
    let pki = Pki::new(&dir);
    let with = |entry: SniCert| TlsSettings { sni_certs: vec![entry], ..TlsSettings::new(&pki.cert, &pki.key) };
    let e = error(with(SniCert::new("a.*.test", &pki.cert, &pki.key)), "ssl_sni_certs", &["'a.*.test'", "left-most"]);
    assert!(matches!(e, TlsError::BadSniHost { .. }));
    let e = error(with(SniCert::new("a.test", dir.path("a.crt"), &pki.key)), "ssl_sni_certs", &["does not exist"]);
    assert!(e.to_string().starts_with("ssl_sni_certs['a.test']: ssl_cert_file '"), "{e}");
    let (other_cert, _) = issue("a.test", &["a.test"], Usage::Server, Some(&pki.ca)).write(&dir, "a");
    // The entry's key defaults to the port's, which is not this certificate's.
    let inherits = SniCert { host: "a.test".into(), cert_file: Some(other_cert), key_file: None, passphrase: None };
    let e = error(with(inherits), "ssl_sni_certs", &["is not the private key of"]);
    assert!(matches!(&e, TlsError::Sni { source, .. } if matches!(**source, TlsError::KeyMismatch { .. })));
}

#[test]
fn good_file_layouts_load() {
    let dir = TempDir::new("layouts");
    let pki = Pki::new(&dir);
    // Certificate and key in one file.
    let combined = dir.path("combined.pem");
    let mut both = std::fs::read(&pki.cert).unwrap();
    both.extend(std::fs::read(&pki.key).unwrap());
    std::fs::write(&combined, both).unwrap();
    assert!(build(TlsSettings::new(&combined, &combined)).is_ok());
    // SNI certificates only: the first one is also the default.
    let (a_cert, a_key) = issue("a.test", &["a.test"], Usage::Server, Some(&pki.ca)).write(&dir, "a");
    let sni_only = TlsSettings { sni_certs: vec![SniCert::new("a.test", &a_cert, &a_key)], ..Default::default() };
    let acceptor = build(sni_only).unwrap();
    assert_eq!(acceptor.certificate().subject, "/CN=a.test/O=swoole-rs tests");
}

#[test]
fn a_chain_file_sends_the_intermediate() {
    let dir = TempDir::new("chain");
    let root = issue("Root CA", &[], Usage::Ca, None);
    let intermediate = issue("Intermediate CA", &[], Usage::Ca, Some(&root));
    let leaf = issue("localhost", &["localhost"], Usage::Server, Some(&intermediate));
    let (cert, key) = leaf.write(&dir, "leaf");
    let mut chain = std::fs::read(&cert).unwrap();
    chain.extend(intermediate.cert.to_pem().unwrap());
    std::fs::write(&cert, chain).unwrap();
    let root_file = dir.path("root.crt");
    std::fs::write(&root_file, root.cert.to_pem().unwrap()).unwrap();
    let server = build(TlsSettings::new(&cert, &key)).unwrap();
    let client = TlsConnector::new(ClientTlsSettings {
        host_name: Some("localhost".into()),
        verify_peer: true,
        cafile: Some(root_file),
        ..Default::default()
    })
    .unwrap();
    let (_s, a, b) = session(&server, &client);
    assert_eq!((a, b), (Ok(()), Ok(())), "the client trusts only the root: the chain came from the file");
}
