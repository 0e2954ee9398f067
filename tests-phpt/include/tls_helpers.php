<?php
/**
 * Certificates for the TLS tests, made by the test itself with the openssl
 * CLI: a throw-away CA, and leaf certificates it signs (or that sign
 * themselves). Everything lives in one temporary directory, removed at exit.
 */

/** A fresh directory for one test's certificates. */
function tls_dir(): string
{
    $dir = sys_get_temp_dir() . '/swoole-tls-' . getmypid() . '-' . bin2hex(random_bytes(3));
    mkdir($dir);
    register_shutdown_function(function () use ($dir) {
        foreach (glob("$dir/*") as $f) {
            @unlink($f);
        }
        @rmdir($dir);
    });
    return $dir;
}

/** Runs an openssl command; throws with its output when it fails. */
function openssl_cli(string $args): void
{
    exec("openssl $args 2>&1", $out, $rc);
    if ($rc !== 0) {
        throw new RuntimeException("openssl $args failed:\n" . implode("\n", $out));
    }
}

/** Makes "$dir/$name.crt" and "$dir/$name.key": a CA (self-signed). */
function tls_make_ca(string $dir, string $name = 'ca'): void
{
    openssl_cli("req -x509 -newkey rsa:2048 -nodes -days 2 -subj '/CN=$name' "
        . "-keyout $dir/$name.key -out $dir/$name.crt");
}

/**
 * Makes "$dir/$name.crt" and "$dir/$name.key" for CN $cn (also its DNS
 * name, with localhost and 127.0.0.1), signed by the CA "$dir/$ca" (or
 * self-signed when $ca is null).
 */
function tls_make_cert(string $dir, string $name, string $cn, ?string $ca = 'ca'): void
{
    $san = "subjectAltName=DNS:$cn,DNS:localhost,IP:127.0.0.1";
    if ($ca === null) {
        openssl_cli("req -x509 -newkey rsa:2048 -nodes -days 2 -subj '/CN=$cn' -addext '$san' "
            . "-keyout $dir/$name.key -out $dir/$name.crt");
        return;
    }
    file_put_contents("$dir/$name.ext", $san);
    openssl_cli("req -newkey rsa:2048 -nodes -subj '/CN=$cn' -keyout $dir/$name.key -out $dir/$name.csr");
    openssl_cli("x509 -req -days 2 -in $dir/$name.csr -CA $dir/$ca.crt -CAkey $dir/$ca.key -CAcreateserial "
        . "-extfile $dir/$name.ext -out $dir/$name.crt");
}

/**
 * A TLS connection made by PHP's own stream layer, trusting "$dir/ca.crt".
 * $ssl adds stream context options (peer_name, crypto_method, local_cert...).
 * Returns the stream, or the error text when the handshake fails.
 */
function tls_connect(int $port, string $dir, array $ssl = [])
{
    $ctx = stream_context_create(['ssl' => $ssl + ['cafile' => "$dir/ca.crt", 'peer_name' => 'localhost',
        'capture_peer_cert' => true]]);
    $errno = 0;
    $errstr = '';
    $s = @stream_socket_client("ssl://127.0.0.1:$port", $errno, $errstr, TEST_TIMEOUT, STREAM_CLIENT_CONNECT, $ctx);
    if ($s === false) {
        return "refused";
    }
    stream_set_timeout($s, (int)TEST_TIMEOUT);
    return $s;
}

/** The CN of the certificate the server presented on stream $s. */
function tls_peer_cn($s): string
{
    $cert = stream_context_get_options($s)['ssl']['peer_certificate'] ?? null;
    return $cert ? (openssl_x509_parse($cert)['subject']['CN'] ?? '?') : 'none';
}

/** Sends a line and reads one line back over stream $s ('' at EOF). */
function tls_ask($s, string $line): string
{
    fwrite($s, "$line\n");
    $got = fgets($s);
    return $got === false ? '' : rtrim($got, "\n");
}
