package io.reelforge.infrastructure.webhooks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import io.reelforge.domain.model.webhook.AttemptOutcome;
import io.reelforge.net.AddressPolicy;

/**
 * POSTs one webhook over HTTP/1.1 on a socket it opens itself: the host is resolved once, every resolved
 * address is checked against the {@link AddressPolicy}, and the socket connects to that checked address (TLS
 * still verifies the certificate against the host name). A 3xx is an answer like any other: never followed.
 * The timeout is the whole call's, connect to last byte: a receiver that drips its answer a byte at a time is cut
 * off at the deadline (the socket is closed under the sender), not after a timeout per read. Reads at most
 * {@value #MAX_HEADERS} header lines of at most {@value #MAX_HEADER_BYTES} bytes in all, and {@value #MAX_BODY}
 * bytes of the answer.
 */
public final class WebhookHttpClient {

    static final int MAX_BODY = 4096;
    static final int MAX_HEADERS = 100;
    static final int MAX_HEADER_BYTES = 16 * 1024;
    /** Closes the sockets of calls past their deadline; one daemon thread for every sender. */
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "webhook-deadlines");
        t.setDaemon(true);
        return t;
    });
    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

    private final AddressPolicy policy;
    private final Duration timeout;

    public WebhookHttpClient(AddressPolicy policy, Duration timeout) {
        this.policy = policy;
        this.timeout = timeout;
    }

    public AttemptOutcome post(URI url, Map<String, String> headers, byte[] body) {
        long start = System.nanoTime();
        try {
            InetAddress address = resolve(url.getHost());
            boolean tls = "https".equalsIgnoreCase(url.getScheme());
            int port = url.getPort() > 0 ? url.getPort() : tls ? 443 : 80;
            Socket plain = new Socket();
            // Marked before the socket is closed: the sender wakes as it closes, before the future counts as done.
            AtomicBoolean expired = new AtomicBoolean();
            ScheduledFuture<?> deadline = DEADLINES.schedule(() -> {
                expired.set(true);
                close(plain);
            }, Math.max(1, timeout.toMillis() - elapsed(start)), TimeUnit.MILLISECONDS);
            try (Socket socket = open(plain, address, url.getHost(), port, tls)) {
                write(socket.getOutputStream(), url, port, tls, headers, body);
                return read(socket.getInputStream(), elapsed(start));
            } catch (IOException e) {
                if (expired.get()) {
                    return timedOut(start);
                }
                throw e;
            } finally {
                deadline.cancel(false);
            }
        } catch (Refused e) {
            return AttemptOutcome.error("refused: " + e.getMessage(), elapsed(start));
        } catch (UnknownHostException e) {
            return AttemptOutcome.error("could not resolve host " + url.getHost(), elapsed(start));
        } catch (SocketTimeoutException e) {
            return timedOut(start);
        } catch (ConnectException e) {
            return AttemptOutcome.error("connection failed: " + e.getMessage(), elapsed(start));
        } catch (SSLException e) {
            return AttemptOutcome.error("TLS failed: " + e.getMessage(), elapsed(start));
        } catch (IOException | RuntimeException e) {
            return AttemptOutcome.error("request failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), elapsed(start));
        }
    }

    /** Refuses the host if any of its addresses is refused, so a mixed DNS answer cannot slip one through. */
    private InetAddress resolve(String host) throws UnknownHostException, Refused {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] all = InetAddress.getAllByName(h);
        for (InetAddress a : all) {
            String why = policy.refusal(a);
            if (why != null) {
                throw new Refused(host + " resolves to a " + why
                        + " (allow it with reelforge.webhooks.allow-addresses)");
            }
        }
        return all[0];
    }

    private AttemptOutcome timedOut(long start) {
        return AttemptOutcome.error("timed out after " + timeout.toSeconds() + " s", elapsed(start));
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing to cut a call off: nothing more to do
        }
    }

    private Socket open(Socket plain, InetAddress address, String host, int port, boolean tls) throws IOException {
        int ms = (int) timeout.toMillis();
        try {
            plain.connect(new InetSocketAddress(address, port), ms);
            plain.setSoTimeout(ms);
            if (!tls) {
                return plain;
            }
            SSLContext ctx = SSLContext.getDefault();
            SSLSocket ssl = (SSLSocket) ctx.getSocketFactory().createSocket(plain, host, port, true);
            SSLParameters p = ssl.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            if (!host.startsWith("[") && !host.matches("[0-9.]+")) {
                p.setServerNames(List.of(new SNIHostName(host)));
            }
            ssl.setSSLParameters(p);
            ssl.startHandshake();
            return ssl;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        } catch (java.security.NoSuchAlgorithmException e) {
            plain.close();
            throw new IOException(e);
        }
    }

    private static void write(OutputStream out, URI url, int port, boolean tls, Map<String, String> headers, byte[] body)
            throws IOException {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) {
            path += "?" + url.getRawQuery();
        }
        boolean defaultPort = port == (tls ? 443 : 80);
        StringBuilder head = new StringBuilder()
                .append("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(url.getHost()).append(defaultPort ? "" : ":" + port).append("\r\n")
                .append("User-Agent: Reelforge-Webhooks/1\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n")
                .append("Connection: close\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private static AttemptOutcome read(InputStream in, long sentMs) throws IOException {
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP response");
        }
        int status = Integer.parseInt(parts[1]);
        long length = -1;
        boolean chunked = false;
        Duration retryAfter = null;
        int count = 0;
        int bytes = statusLine.length();
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            bytes += h.length() + 2;
            if (++count > MAX_HEADERS || bytes > MAX_HEADER_BYTES) {
                throw new IOException("response headers over " + MAX_HEADERS + " lines or " + MAX_HEADER_BYTES + " bytes");
            }
            int colon = h.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "retry-after" -> retryAfter = retryAfter(value);
                default -> { }
            }
        }
        byte[] body = chunked ? chunked(in) : in.readNBytes((int) (length >= 0 ? Math.min(length, MAX_BODY) : MAX_BODY));
        return AttemptOutcome.response(status, new String(body, StandardCharsets.UTF_8), sentMs, retryAfter);
    }

    /** Seconds or an HTTP date; null when unreadable or in the past, capped at a day. */
    static Duration retryAfter(String value) {
        Duration d;
        try {
            d = Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException e) {
            try {
                d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (RuntimeException e2) {
                return null;
            }
        }
        if (d.isNegative() || d.isZero()) {
            return null;
        }
        return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (out.size() < MAX_BODY) {
            String size = line(in);
            int semi = size.indexOf(';');
            int n = Integer.parseInt((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
            if (n == 0) {
                break;
            }
            out.writeBytes(in.readNBytes(Math.min(n, MAX_BODY - out.size())));
            if (out.size() >= MAX_BODY) {
                break;
            }
            line(in);
        }
        return out.toByteArray();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (b.size() > 8192) {
                throw new IOException("response header line too long");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        if (c < 0 && b.size() == 0) {
            throw new IOException("connection closed before a response");
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }
}
