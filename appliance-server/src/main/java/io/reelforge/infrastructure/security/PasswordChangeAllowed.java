package io.reelforge.infrastructure.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An admin API method a console user may call while their password must still be changed (the first admin's
 * printed one): changing it. Every other admin call is refused until then.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PasswordChangeAllowed {
}
