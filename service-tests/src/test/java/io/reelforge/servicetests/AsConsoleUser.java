package io.reelforge.servicetests;

import java.util.concurrent.Callable;

import org.apache.shiro.mgt.DefaultSecurityManager;
import org.apache.shiro.subject.SimplePrincipalCollection;
import org.apache.shiro.subject.Subject;

import io.reelforge.domain.model.console.ConsoleUserRepository;
import io.reelforge.infrastructure.security.ConsoleRealm;

/** Calls made as a console user, signed in, with the permissions the console's realm (reading the database) gives them. */
final class AsConsoleUser {

    /** A call that answers nothing. */
    interface Action {
        void run() throws Exception;
    }

    private AsConsoleUser() {
    }

    static <T> T call(ConsoleUserRepository users, String username, Callable<T> call) throws Exception {
        ConsoleRealm realm = new ConsoleRealm(users);
        Subject subject = new Subject.Builder(new DefaultSecurityManager(realm))
                .principals(new SimplePrincipalCollection(username, realm.getName()))
                .authenticated(true)
                .buildSubject();
        try {
            return subject.execute(call);
        } catch (org.apache.shiro.subject.ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    static void run(ConsoleUserRepository users, String username, Action action) throws Exception {
        call(users, username, () -> {
            action.run();
            return null;
        });
    }
}
