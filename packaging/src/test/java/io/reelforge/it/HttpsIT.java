package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;

/**
 * The optional HTTPS listener as an operator sets it up: a PEM certificate and key (made here with openssl), turned
 * into Payara Micro's options by the launcher's own shell function (installer/common.sh, which bin/reelforge-server
 * and packaging/run.sh use). Over HTTPS: HSTS and a Secure session cookie; the plain port keeps working without them.
 */
class HttpsIT {

    @Test
    void anHttpsListenerWithTheOperatorsCertificate() throws Exception {
        Path tls = Files.createTempDirectory("reelforge-tls");
        Path cert = tls.resolve("cert.pem");
        Path key = tls.resolve("key.pem");
        run(Map.of(), "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out",
                cert.toString(), "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1");
        int httpsPort;
        try (ServerSocket s = new ServerSocket(0)) {
            httpsPort = s.getLocalPort();
        }
        try (Appliance appliance = Appliance.create("https", Map.of())) {
            String[] options = run(Map.of("REELFORGE_HTTPS_PORT", String.valueOf(httpsPort),
                            "REELFORGE_TLS_CERT", cert.toString(), "REELFORGE_TLS_KEY", key.toString()),
                    "bash", "-c", ". ../installer/common.sh && rf_tls_opts \"$1\" && rf_tls_args", "tls",
                    appliance.dataDir().toString()).strip().split("\n");
            appliance.launchOptions(Arrays.asList(options[0].split(" ")), Arrays.asList(options[1].split(" ")));
            appliance.boot();

            HttpClient https = HttpClient.newBuilder().sslContext(trusting(cert)).build();
            String base = "https://localhost:" + httpsPort;
            HttpResponse<String> login = https.send(HttpRequest.newBuilder(URI.create(base + "/admin/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, login.statusCode());
            assertEquals("max-age=31536000", login.headers().firstValue("Strict-Transport-Security").orElse(null));
            String cookie = sessionCookie(login.headers().allValues("Set-Cookie"));
            assertTrue(cookie.contains("Secure") && cookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=lax") && cookie.contains("HttpOnly"), cookie);
            HttpResponse<String> api = https.send(HttpRequest.newBuilder(URI.create(base + "/v1/account")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, api.statusCode(), api.body());
            assertTrue(api.headers().firstValue("Strict-Transport-Security").isPresent());

            Api.Resp plain = appliance.api().getUrl(appliance.baseUrl() + "/admin/login", Map.of());
            assertEquals(200, plain.status());
            assertNull(plain.header("Strict-Transport-Security"), "no HSTS over plain HTTP");
            String plainCookie = sessionCookie(plain.headers().allValues("Set-Cookie"));
            assertTrue(!plainCookie.contains("Secure") && plainCookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=lax"), plainCookie);
        }
    }

    private static String sessionCookie(List<String> cookies) {
        return cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trust.setCertificateEntry("appliance", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    private static String run(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ":\n" + out);
        return out;
    }
}
