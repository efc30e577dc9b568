package io.reelforge.console;

import java.util.stream.Stream;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebInitParam;
import jakarta.servlet.annotation.WebServlet;

import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletService;

import io.reelforge.application.ops.StartupGate;

/**
 * Mounts Vaadin under /admin (its own static files under /admin/VAADIN), leaving / and /v1 to the REST API.
 * Declaring it stops Vaadin from registering its default servlet at /*.
 *
 * <p>Views, layouts and the access guard are CDI beans: routes are made by CDI (so {@code @Inject} constructors
 * work) and Vaadin's service initialisation is a CDI event ({@code @Observes ServiceInitEvent}). This is the part
 * of vaadin-cdi the console uses; vaadin-cdi itself has no release on Maven Central for Vaadin 25.
 */
// closeIdleSessions: Vaadin's heartbeat (an open tab pings every 5 minutes) must not keep an idle session alive;
// the session ends after the console's session timeout of no user action, open tab or not.
// MultipartConfig: Vaadin's Upload (the Models page's package upload) reads its file through the servlet
// container's multipart parts, which the container gives only to a servlet configured for them. No size limit
// here: the page's upload handler and the import itself enforce reelforge.models.upload.max-bytes.
// loadOnStartup 2: Vaadin initialises while the application deploys, after the API's servlet (1), so the first
// console request is answered at once and the appliance is announced ready only with its console.
@WebServlet(urlPatterns = "/admin/*", asyncSupported = true, loadOnStartup = 2,
        initParams = @WebInitParam(name = "closeIdleSessions", value = "true"))
@MultipartConfig(fileSizeThreshold = 1 << 20)
public class ConsoleServlet extends VaadinServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient StartupGate startup;

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        startup.consoleLoaded();
    }

    @Override
    protected VaadinServletService createServletService(DeploymentConfiguration configuration) throws ServiceException {
        VaadinServletService service = new VaadinServletService(this, configuration) {
            private static final long serialVersionUID = 1L;

            @Override
            protected Instantiator createInstantiator() {
                return new CdiInstantiator(this, CDI.current().getBeanManager());
            }
        };
        service.init();
        return service;
    }

    /** Beans from CDI where CDI knows the type, plain construction otherwise (Vaadin's own classes). */
    static final class CdiInstantiator extends DefaultInstantiator {

        private static final long serialVersionUID = 1L;
        private final transient BeanManager beans;

        CdiInstantiator(VaadinService service, BeanManager beans) {
            super(service);
            this.beans = beans;
        }

        @Override
        public Stream<VaadinServiceInitListener> getServiceInitListeners() {
            return Stream.concat(super.getServiceInitListeners(), Stream.of(event -> beans.getEvent().fire(event)));
        }

        @Override
        public <T> T getOrCreate(Class<T> type) {
            Bean<?> bean = beans.resolve(beans.getBeans(type));
            if (bean == null) {
                return super.getOrCreate(type);
            }
            return type.cast(beans.getReference(bean, type, beans.createCreationalContext(bean)));
        }
    }
}
