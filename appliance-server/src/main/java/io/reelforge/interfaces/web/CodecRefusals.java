package io.reelforge.interfaces.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpPacket;
import org.glassfish.grizzly.http.HttpProbe;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.util.HttpStatus;
import org.glassfish.grizzly.memory.Buffers;

/**
 * The requests Grizzly's HTTP codec refuses itself (a malformed request line or header, an HTTP version it does not
 * speak, a missing Host, Content-Length beside Transfer-Encoding, a broken chunk): the codec answers 400 or 505 with
 * an empty body and closes the connection, before anything of the WAR runs, and offers no hook for the body. Its
 * monitoring probe does say when it refuses; this filter, just below the codec ({@link ListenerGuard}), then puts the
 * API's JSON error with the same status in place of the empty answer the codec writes next.
 */
final class CodecRefusals extends BaseFilter {

    private final Attribute<Boolean> refusing = Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(
            CodecRefusals.class.getName() + ".refusing");

    /** Registered on the codec: it reports a refusal just before it writes its answer on the same thread. */
    final HttpProbe probe = new HttpProbe.Adapter() {
        @Override
        public void onErrorEvent(Connection connection, HttpPacket packet, Throwable error) {
            if (packet instanceof HttpRequestPacket request && !request.getResponse().isCommitted()) {
                refusing.set(connection, Boolean.TRUE);
            }
        }
    };

    @Override
    public NextAction handleWrite(FilterChainContext ctx) throws IOException {
        Connection<?> connection = ctx.getConnection();
        if (!refusing.isSet(connection) || !(ctx.getMessage() instanceof Buffer written)) {
            return ctx.getInvokeAction();
        }
        refusing.remove(connection);
        int status = emptyErrorStatus(written);
        if (status > 0) {
            ctx.setMessage(Buffers.wrap(ctx.getMemoryManager(), JsonErrors.httpAnswer(status,
                    HttpStatus.getHttpStatus(status).getReasonPhrase(), ContainerErrorServlet.type(status),
                    ContainerErrorServlet.code(status), ContainerErrorServlet.message(status))));
            written.tryDispose();
        }
        return ctx.getInvokeAction();
    }

    /** The status of the codec's own error answer (a status line of 4xx/5xx, {@code Content-Length: 0}), or 0. */
    static int emptyErrorStatus(Buffer written) {
        int end = Math.min(written.limit(), written.position() + 2048);
        String head = written.toStringContent(StandardCharsets.ISO_8859_1, written.position(), end);
        if (!head.startsWith("HTTP/1.") || head.length() < 12 || !head.endsWith("\r\n\r\n")
                || !head.toLowerCase(Locale.ROOT).contains("\r\ncontent-length: 0\r\n")) {
            return 0;
        }
        try {
            int status = Integer.parseInt(head.substring(9, 12));
            return status >= 400 && status <= 599 ? status : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
