package io.reelforge.console;

import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebInitParam;
import jakarta.servlet.annotation.WebServlet;

import com.vaadin.cdi.CdiVaadinServlet;

/**
 * Mounts Vaadin under /admin (its own static files under /admin/VAADIN), leaving / and /v1 to the REST API.
 * Declaring it stops Vaadin from registering its default servlet at /*.
 */
// closeIdleSessions: Vaadin's heartbeat (an open tab pings every 5 minutes) must not keep an idle session alive;
// the session ends after the console's session timeout of no user action, open tab or not.
// MultipartConfig: Vaadin's Upload (the Models page's package upload) reads its file through the servlet
// container's multipart parts, which the container gives only to a servlet configured for them. No size limit
// here: the page's upload handler and the import itself enforce reelforge.models.upload.max-bytes.
@WebServlet(urlPatterns = "/admin/*", asyncSupported = true,
        initParams = @WebInitParam(name = "closeIdleSessions", value = "true"))
@MultipartConfig(fileSizeThreshold = 1 << 20)
public class ConsoleServlet extends CdiVaadinServlet {
}
