//! Building a server port's libssl context from its [`TlsSettings`]: the
//! checks Swoole's `SSLContext::create()` makes, in an order that reports the
//! setting at fault, and the `ssl_sni_certs` contexts behind it.

use super::connection::ClientCertPolicy;
use super::error::{TlsError, library, reason};
use super::peer::CertSummary;
use super::settings::TlsSettings;
use super::sni::{self, SniTable};
use super::{pem, protocols};
use openssl::ssl::{
    AlpnError, NameType, SniError, SslAlert, SslContext, SslContextBuilder, SslMethod, SslMode, SslOptions,
    SslVerifyMode,
};
use openssl::x509::{X509StoreContextRef, X509VerifyResult};
use std::path::Path;
use std::sync::Arc;

/// `X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT`: the peer's certificate signs itself.
const SELF_SIGNED: i32 = 18;

/// The session id context: sessions resume only on contexts that set one
/// (libssl refuses to resume a verified client session without it).
const SESSION_ID_CONTEXT: &[u8] = b"swoole-rs";

/// A built server context and what was loaded into it.
pub(crate) struct ServerContext {
    /// The context new handshakes start from (it picks an SNI context itself).
    pub(crate) ctx: SslContext,
    /// The default certificate.
    pub(crate) certificate: CertSummary,
    /// The `ssl_sni_certs` certificates, by host pattern.
    pub(crate) sni: Vec<(String, CertSummary)>,
    /// What the server does with client certificates.
    pub(crate) policy: ClientCertPolicy,
}

/// Builds the context of `settings`, reading every file it names.
pub(crate) fn build(settings: &TlsSettings) -> Result<ServerContext, TlsError> {
    if settings.verify_peer && settings.client_cert_file.is_none() {
        return Err(TlsError::VerifyPeerWithoutCa);
    }
    // The port's own certificate, or (as nginx does with its first server)
    // the first SNI entry's for clients that ask for no known name.
    let default = match settings.sni_certs.first() {
        Some(first) if settings.cert_file.is_none() && settings.key_file.is_none() => settings.for_sni(first),
        _ => settings.clone(),
    };
    let mut sni_contexts = Vec::new();
    let mut sni = Vec::new();
    for entry in &settings.sni_certs {
        sni::check_pattern(&entry.host)?;
        let entry_settings = settings.for_sni(entry);
        let (builder, summary) = certified_builder(&entry_settings).map_err(|e| e.in_sni(&entry.host))?;
        sni_contexts.push((entry.host.clone(), builder.build()));
        sni.push((entry.host.clone(), summary));
    }
    let (mut builder, certificate) = certified_builder(&default)?;
    if !sni_contexts.is_empty() {
        let table = Arc::new(SniTable::new(sni_contexts));
        builder.set_servername_callback(move |ssl, _alert: &mut SslAlert| {
            let Some(name) = ssl.servername(NameType::HOST_NAME) else { return Err(SniError::NOACK) };
            match table.lookup(name) {
                Some(ctx) => ssl.set_ssl_context(ctx).map_err(|_| SniError::ALERT_FATAL),
                None => Err(SniError::NOACK),
            }
        });
    }
    let policy = ClientCertPolicy { capture: settings.client_cert_file.is_some(), required: settings.verify_peer };
    Ok(ServerContext { ctx: builder.build(), certificate, sni, policy })
}

/// A builder with every setting of `settings` and its certificate and key.
fn certified_builder(settings: &TlsSettings) -> Result<(SslContextBuilder, CertSummary), TlsError> {
    let mut builder = base_builder(settings)?;
    let (Some(cert), Some(key)) = (&settings.cert_file, &settings.key_file) else {
        let missing = if settings.cert_file.is_none() { "ssl_cert_file" } else { "ssl_key_file" };
        return Err(TlsError::Missing {
            setting: missing,
            why: "a SWOOLE_SSL port needs both ssl_cert_file and ssl_key_file",
        });
    };
    let summary = use_certificate(&mut builder, cert, key, settings.passphrase.as_deref())?;
    Ok((builder, summary))
}

/// A server builder with everything but the certificate.
fn base_builder(settings: &TlsSettings) -> Result<SslContextBuilder, TlsError> {
    let range = protocols::parse(settings.protocols, &settings.ciphers)?;
    let mut builder = new_builder(SslMethod::tls_server(), range)?;
    let mut options = SslOptions::NO_RENEGOTIATION | SslOptions::SINGLE_ECDH_USE | SslOptions::SINGLE_DH_USE;
    if settings.prefer_server_ciphers {
        options |= SslOptions::CIPHER_SERVER_PREFERENCE;
    }
    builder.set_options(options);
    set_ciphers(&mut builder, &settings.ciphers)?;
    if !settings.ecdh_curve.is_empty() && settings.ecdh_curve != "auto" {
        builder.set_groups_list(&settings.ecdh_curve).map_err(|stack| TlsError::BadCurve {
            curves: settings.ecdh_curve.clone(),
            reason: reason(&stack),
        })?;
    }
    if let Some(path) = &settings.dhparam {
        let dh = pem::dh_params(path)?;
        builder.set_tmp_dh(&dh).map_err(library("SSL_CTX_set_tmp_dh"))?;
    }
    builder.set_session_id_context(SESSION_ID_CONTEXT).map_err(library("SSL_CTX_set_session_id_context"))?;
    if let Some(ca) = &settings.client_cert_file {
        trust_client_ca(&mut builder, ca)?;
        let (required, allow_self_signed) = (settings.verify_peer, settings.allow_self_signed);
        let mode = if required {
            SslVerifyMode::PEER | SslVerifyMode::FAIL_IF_NO_PEER_CERT
        } else {
            SslVerifyMode::PEER
        };
        // Without ssl_verify_peer any certificate is taken (and reported),
        // as in Swoole.
        builder.set_verify_callback(mode, move |ok, chain| !required || accept(ok, chain, allow_self_signed));
    }
    if settings.verify_depth > 0 {
        builder.set_verify_depth(settings.verify_depth);
    }
    if !settings.alpn.is_empty() {
        let wire = alpn_wire(&settings.alpn);
        builder.set_alpn_select_callback(move |_, client| select_alpn(&wire, client).ok_or(AlpnError::NOACK));
    }
    Ok(builder)
}

/// A builder for `method` limited to `range`, with the modes both sides use.
pub(crate) fn new_builder(method: SslMethod, range: protocols::ProtocolRange) -> Result<SslContextBuilder, TlsError> {
    let mut builder = SslContextBuilder::new(method).map_err(library("SSL_CTX_new"))?;
    builder.set_min_proto_version(Some(range.min)).map_err(library("SSL_CTX_set_min_proto_version"))?;
    builder.set_max_proto_version(Some(range.max)).map_err(library("SSL_CTX_set_max_proto_version"))?;
    // No compression (CRIME): Swoole's ssl_compress has nothing to turn on
    // in libssl 3.
    builder.set_options(SslOptions::NO_COMPRESSION);
    // Idle sessions give their 34 KiB of record buffers back, as in Swoole.
    builder.set_mode(SslMode::RELEASE_BUFFERS);
    builder.set_read_ahead(true);
    Ok(builder)
}

/// `ssl_ciphers` (empty: libssl's default list).
pub(crate) fn set_ciphers(builder: &mut SslContextBuilder, ciphers: &str) -> Result<(), TlsError> {
    if ciphers.is_empty() {
        return Ok(());
    }
    builder
        .set_cipher_list(ciphers)
        .map_err(|stack| TlsError::BadCiphers { ciphers: ciphers.to_string(), reason: reason(&stack) })
}

/// Loads the certificate chain of `cert` and the key of `key` into `builder`.
pub(crate) fn use_certificate(
    builder: &mut SslContextBuilder,
    cert: &Path,
    key: &Path,
    passphrase: Option<&str>,
) -> Result<CertSummary, TlsError> {
    let mut chain = pem::certificates("ssl_cert_file", cert)?.into_iter();
    let Some(leaf) = chain.next() else {
        return Err(super::error::bad_file("ssl_cert_file", cert, "a PEM certificate", "empty".into()));
    };
    let key_pair = pem::private_key(key, passphrase)?;
    builder.set_certificate(&leaf).map_err(|stack| {
        super::error::bad_file("ssl_cert_file", cert, "a certificate libssl accepts", reason(&stack))
    })?;
    for intermediate in chain {
        builder.add_extra_chain_cert(intermediate).map_err(library("SSL_CTX_add_extra_chain_cert"))?;
    }
    let mismatch = || TlsError::KeyMismatch { cert: cert.to_path_buf(), key: key.to_path_buf() };
    builder.set_private_key(&key_pair).map_err(|_| mismatch())?;
    builder.check_private_key().map_err(|_| mismatch())?;
    Ok(CertSummary::of(&leaf))
}

/// Client certificates are checked against the CAs of `ssl_client_cert_file`,
/// whose names the server sends with its certificate request.
fn trust_client_ca(builder: &mut SslContextBuilder, path: &Path) -> Result<(), TlsError> {
    for ca in pem::certificates("ssl_client_cert_file", path)? {
        builder.cert_store_mut().add_cert(ca.clone()).map_err(library("X509_STORE_add_cert"))?;
        builder.add_client_ca(&ca).map_err(library("SSL_CTX_add_client_CA"))?;
    }
    Ok(())
}

/// The verification verdict on one certificate of a chain: libssl's, except
/// that a self-signed peer certificate passes with `ssl_allow_self_signed`.
pub(crate) fn accept(ok: bool, chain: &mut X509StoreContextRef, allow_self_signed: bool) -> bool {
    if ok {
        return true;
    }
    if allow_self_signed && chain.error().as_raw() == SELF_SIGNED {
        chain.set_error(X509VerifyResult::OK);
        return true;
    }
    false
}

/// The first of the server's protocols (wire format) the client offers,
/// as a slice of the client's list (Swoole's order: the server's).
fn select_alpn<'a>(server: &[u8], client: &'a [u8]) -> Option<&'a [u8]> {
    let offered: Vec<&'a [u8]> = wire_entries(client).collect();
    wire_entries(server).find_map(|p| offered.iter().copied().find(|c| *c == p))
}

/// The protocol names of an ALPN wire-format list.
fn wire_entries(mut wire: &[u8]) -> impl Iterator<Item = &[u8]> {
    std::iter::from_fn(move || {
        let (&len, rest) = wire.split_first()?;
        let len = (len as usize).min(rest.len());
        let (name, tail) = rest.split_at(len);
        wire = tail;
        Some(name)
    })
}

/// ALPN protocol names in the wire format (each prefixed by its length).
fn alpn_wire(protocols: &[String]) -> Vec<u8> {
    let mut wire = Vec::new();
    for p in protocols.iter().filter(|p| !p.is_empty() && p.len() < 256) {
        wire.push(p.len() as u8);
        wire.extend_from_slice(p.as_bytes());
    }
    wire
}
