package io.reelforge.console;

import jakarta.servlet.annotation.WebServlet;

import com.vaadin.cdi.CdiVaadinServlet;

/**
 * Mounts Vaadin under /admin (its own static files under /admin/VAADIN), leaving / and /v1 to the REST API.
 * Declaring it stops Vaadin from registering its default servlet at /*.
 */
@WebServlet(urlPatterns = "/admin/*", asyncSupported = true)
public class ConsoleServlet extends CdiVaadinServlet {
}
