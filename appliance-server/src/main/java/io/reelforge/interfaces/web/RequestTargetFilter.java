package io.reelforge.interfaces.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.Protocol;
import org.glassfish.grizzly.memory.Buffers;

/**
 * A Grizzly filter right above the HTTP/1.x codec ({@link ListenerGuard} puts it there): refuses a request whose path
 * Catalina could not serve ({@link RequestTargets#problem}) with the API's JSON error, before the servlet container
 * sees it. Catalina decodes the path before any filter or error page of the WAR runs: on {@code %zz} or a lone
 * {@code %} its decoder throws, the container logs a stack trace and answers 200 with an empty body; on bytes that
 * are not UTF-8, {@code %5c} or a path not starting with {@code /} it answers an empty 400 ("Invalid URI").
 */
final class RequestTargetFilter extends BaseFilter {

    private final Attribute<Boolean> refused = Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(
            RequestTargetFilter.class.getName() + ".refused");

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        if (!(ctx.getMessage() instanceof HttpContent content)
                || !(content.getHttpHeader() instanceof HttpRequestPacket request)) {
            return ctx.getInvokeAction();
        }
        Connection<?> connection = ctx.getConnection();
        if (refused.isSet(connection)) {
            return ctx.getStopAction(); // the rest of a refused request's body, until the connection closes
        }
        Protocol protocol = request.getProtocol();
        if (protocol != Protocol.HTTP_1_1 && protocol != Protocol.HTTP_1_0 && protocol != Protocol.HTTP_0_9) {
            return ctx.getInvokeAction(); // HTTP/2 streams are framed: not answered with raw bytes here
        }
        // checked on every chunk of a request: a few comparisons, and no state that a recycled packet could carry over
        String problem = RequestTargets.problem(request.getRequestURIRef().getRequestURIBC()
                .toString(StandardCharsets.ISO_8859_1));
        if (problem == null) {
            return ctx.getInvokeAction();
        }
        refused.set(connection, Boolean.TRUE);
        ctx.write(Buffers.wrap(ctx.getMemoryManager(),
                JsonErrors.httpAnswer(400, "Bad Request", "invalid_request_error", "invalid_path", problem)));
        connection.closeSilently(); // after the answer is written, as the codec does after its own refusals
        return ctx.getStopAction();
    }
}
