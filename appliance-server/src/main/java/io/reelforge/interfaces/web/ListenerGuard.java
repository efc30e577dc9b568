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

import org.glassfish.grizzly.Processor;
import org.glassfish.grizzly.Transport;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.http.HttpServerFilter;

/**
 * Puts {@link RequestTargetFilter} and {@link CodecRefusals} into each HTTP listener's Grizzly filter chain while the
 * WAR is deployed, so that the requests refused below the servlet container get the API's JSON error too. Payara
 * Micro offers no setting for this: the listeners come from its HK2 service locator, reached here by name. If that
 * fails (another Payara), those refusals keep the container's empty answers and a warning says so; nothing else
 * changes. Filters are added once at deployment, before the appliance says it is ready.
 */
@WebListener
public class ListenerGuard implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(ListenerGuard.class.getName());

    private final Deque<Runnable> undo = new ArrayDeque<>();

    @Override
    public void contextInitialized(ServletContextEvent event) {
        try {
            List<FilterChain> chains = httpChains();
            for (FilterChain chain : chains) {
                install(chain);
            }
            LOG.fine(() -> "request guards on " + chains.size() + " listener(s)");
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

    private void install(FilterChain chain) {
        int codecAt = -1;
        for (int i = 0; i < chain.size() && codecAt < 0; i++) {
            if (chain.get(i) instanceof HttpServerFilter) {
                codecAt = i;
            }
        }
        if (codecAt < 0) {
            return; // not an HTTP listener
        }
        HttpServerFilter codec = (HttpServerFilter) chain.get(codecAt);
        RequestTargetFilter targets = new RequestTargetFilter();
        CodecRefusals refusals = new CodecRefusals();
        chain.add(codecAt + 1, targets);
        chain.add(codecAt, refusals);
        codec.getMonitoringConfig().addProbes(refusals.probe);
        undo.push(() -> {
            codec.getMonitoringConfig().removeProbes(refusals.probe);
            chain.remove(refusals);
            chain.remove(targets);
        });
    }

    /** The root filter chain of every network listener of the server (GrizzlyService's network proxies). */
    private static List<FilterChain> httpChains() throws ReflectiveOperationException {
        ClassLoader loader = Transport.class.getClassLoader();
        Object locator = Class.forName("org.glassfish.internal.api.Globals", true, loader)
                .getMethod("getDefaultHabitat").invoke(null);
        Class<?> serviceType = Class.forName("com.sun.enterprise.v3.services.impl.GrizzlyService", true, loader);
        Object service = Class.forName("org.glassfish.hk2.api.ServiceLocator", true, loader)
                .getMethod("getService", Class.class, Annotation[].class).invoke(locator, serviceType, new Annotation[0]);
        Field proxies = serviceType.getDeclaredField("proxies");
        proxies.setAccessible(true);
        List<FilterChain> chains = new ArrayList<>();
        for (Object proxy : new ArrayList<>((Collection<?>) proxies.get(service))) {
            Object listener = proxy.getClass().getMethod("getUnderlyingListener").invoke(proxy);
            Transport transport = (Transport) listener.getClass().getMethod("getTransport").invoke(listener);
            Processor<?> processor = transport.getProcessor();
            if (processor instanceof FilterChain chain) {
                chains.add(chain);
            }
        }
        return chains;
    }
}
