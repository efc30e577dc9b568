package io.reelforge.interfaces.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Processor;
import org.glassfish.grizzly.Transport;
import org.glassfish.grizzly.filterchain.DefaultFilterChain;
import org.glassfish.grizzly.filterchain.Filter;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;

/**
 * Puts {@link RequestTargetFilter} and {@link CodecRefusals} into the filter chain of each HTTP listener's new
 * connections while the WAR is deployed, so that the requests refused below the servlet container get the API's JSON
 * error too. Payara Micro offers no setting for this: the listeners come from its HK2 service locator, reached here by
 * name. If that fails (another Payara), those refusals keep the container's empty answers and a warning says so;
 * nothing else changes.
 * <p>
 * The listener already serves while the WAR deploys (readiness probes arrive), and Grizzly's filter chain is not safe to
 * change under its worker threads: inserting into the live chain threw {@code ArrayIndexOutOfBoundsException}
 * (GRIZZLY0013) on them. So no chain is ever changed. A new chain is built from the listener's filters plus the two
 * guards, and handed to the listener's server sockets, which give it to each connection they accept from then on (the
 * socket's processor is a volatile field, read once per accept). A connection accepted before that keeps the chain it
 * had, untouched, until it closes: a probe's keep-alive connection from the start is served as before, never half
 * by one chain and half by another.
 */
@WebListener
public class ListenerGuard implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(ListenerGuard.class.getName());

    private final Deque<Runnable> undo = new ArrayDeque<>();

    @Override
    public void contextInitialized(ServletContextEvent event) {
        try {
            int guarded = 0;
            for (Transport transport : httpTransports()) {
                for (Connection<?> server : serverConnections(transport)) {
                    guarded += install(transport, server) ? 1 : 0;
                }
            }
            int sockets = guarded;
            LOG.fine(() -> "request guards on " + sockets + " listener socket(s)");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "requests refused below the servlet container (a malformed request line, header or "
                    + "path) keep the container's empty answers: its listeners could not be reached", e);
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        while (!undo.isEmpty()) {
            undo.pop().run();
        }
    }

    /** Hands the server socket a guarded copy of its chain; false when it has no HTTP/1.x codec. */
    private boolean install(Transport transport, Connection<?> server) {
        Processor<?> own = server.getProcessor();
        Processor<?> current = own != null ? own : transport.getProcessor();
        if (!(current instanceof FilterChain chain)) {
            return false;
        }
        List<Filter> filters = new ArrayList<>(chain); // read only: the live chain is never changed
        int codecAt = -1;
        for (int i = 0; i < filters.size() && codecAt < 0; i++) {
            if (filters.get(i) instanceof HttpServerFilter) {
                codecAt = i;
            }
        }
        if (codecAt < 0) {
            return false; // not an HTTP listener
        }
        HttpServerFilter codec = (HttpServerFilter) filters.get(codecAt);
        CodecRefusals refusals = new CodecRefusals();
        filters.add(codecAt + 1, new RequestTargetFilter());
        filters.add(codecAt, refusals);
        // its probe first (probes are a copy-on-write set): on the old chain's connections it marks a refusal nobody reads
        codec.getMonitoringConfig().addProbes(refusals.probe);
        // built whole, in its constructor (a final list), before any thread can see it
        server.setProcessor(new DefaultFilterChain(filters));
        undo.push(() -> {
            server.setProcessor(own);
            codec.getMonitoringConfig().removeProbes(refusals.probe);
        });
        return true;
    }

    /** The transport of every network listener of the server (GrizzlyService's network proxies). */
    private static List<Transport> httpTransports() throws ReflectiveOperationException {
        ClassLoader loader = Transport.class.getClassLoader();
        Object locator = Class.forName("org.glassfish.internal.api.Globals", true, loader)
                .getMethod("getDefaultHabitat").invoke(null);
        Class<?> serviceType = Class.forName("com.sun.enterprise.v3.services.impl.GrizzlyService", true, loader);
        Object service = Class.forName("org.glassfish.hk2.api.ServiceLocator", true, loader)
                .getMethod("getService", Class.class, Annotation[].class).invoke(locator, serviceType, new Annotation[0]);
        Field proxies = serviceType.getDeclaredField("proxies");
        proxies.setAccessible(true);
        List<Transport> transports = new ArrayList<>();
        for (Object proxy : new ArrayList<>((Collection<?>) proxies.get(service))) {
            Object listener = proxy.getClass().getMethod("getUnderlyingListener").invoke(proxy);
            transports.add((Transport) listener.getClass().getMethod("getTransport").invoke(listener));
        }
        return transports;
    }

    /** The bound server sockets of a TCP transport (Grizzly keeps them in a package-private concurrent queue). */
    private static List<Connection<?>> serverConnections(Transport transport) throws ReflectiveOperationException {
        if (!(transport instanceof TCPNIOTransport)) {
            return List.of();
        }
        Field field = TCPNIOTransport.class.getDeclaredField("serverConnections");
        field.setAccessible(true);
        List<Connection<?>> servers = new ArrayList<>();
        for (Object server : (Collection<?>) field.get(transport)) {
            servers.add((Connection<?>) server);
        }
        return servers;
    }
}
