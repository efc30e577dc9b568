package io.reelforge.console.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a view's page needs: a user without it is sent to the dashboard instead of seeing a page
 * whose every call would be refused. Navigation only; the services check the permission on every call anyway.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RequiresPermission {
    String value();
}
