package io.reelforge.infrastructure.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

import io.reelforge.application.console.ConsoleSessionRegistry;

/** Tells the console's session registry when a session ends, however it ends (sign-out, timeout, an admin). */
@WebListener
public class ConsoleSessionListener implements HttpSessionListener {

    @Inject
    ConsoleSessionRegistry registry;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        registry.ended(event.getSession());
    }
}
