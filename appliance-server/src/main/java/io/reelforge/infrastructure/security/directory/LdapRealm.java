package io.reelforge.infrastructure.security.directory;

import java.util.ArrayList;
import java.net.URI;
import java.util.Hashtable;
import java.util.List;

import javax.naming.Context;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.naming.ldap.Rdn;
import javax.naming.spi.NamingManager;

import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authc.IncorrectCredentialsException;
import org.apache.shiro.authc.SimpleAuthenticationInfo;
import org.apache.shiro.authc.UnknownAccountException;
import org.apache.shiro.authc.credential.AllowAllCredentialsMatcher;
import org.apache.shiro.authz.AuthorizationInfo;
import org.apache.shiro.realm.ldap.DefaultLdapRealm;
import org.apache.shiro.realm.ldap.LdapContextFactory;
import org.apache.shiro.subject.PrincipalCollection;
import org.apache.shiro.subject.SimplePrincipalCollection;

import io.reelforge.application.console.DirectoryPrincipal;
import io.reelforge.application.console.LdapToken;
import io.reelforge.domain.model.console.ConsoleUserSource;

/**
 * LDAP / Active Directory users, on Shiro's LDAP realm. The password is proved by a
 * bind as the user: directly with {@code user-dn-template} (OpenLDAP's {@code uid={0},ou=people,...}, AD's
 * {@code {0}@corp.example.com}), or after a service account ({@code bind-dn}) found the user's entry. The
 * user's groups come from a group search ({@code group-search-base}) or their entry's {@code memberOf}, and
 * {@link io.reelforge.domain.model.console.DirectoryRoles} turns them into a role. Every value put into a filter
 * is escaped ({@link LdapFilters}), into a DN too ({@link Rdn#escapeValue}); an empty password is refused before
 * any bind (an LDAP "unauthenticated bind" would succeed). Roles are not read here: the console user's row holds
 * the role the last sign-in gave.
 */
public class LdapRealm extends DefaultLdapRealm {

    private final DirectorySettings.Ldap config;

    public LdapRealm(DirectorySettings.Ldap config) {
        this.config = config;
        setName("ldap");
        setCredentialsMatcher(new AllowAllCredentialsMatcher()); // the bind checked the password
        setAuthenticationCachingEnabled(false);
        setAuthorizationCachingEnabled(false);
    }

    /**
     * A connection bound as {@code principal}: an LDAP URL context from the JDK's own factory, whose names are
     * {@code ldap://host:port/<dn>} URLs. Not an InitialContext: Payara installs its own initial context factory
     * builder, which answers every InitialLdapContext with its naming service instead of the directory.
     */
    private DirContext bind(String principal, String password) throws NamingException {
        Hashtable<String, Object> env = new Hashtable<>();
        if (principal.isEmpty()) {
            env.put(Context.SECURITY_AUTHENTICATION, "none"); // no service account: search anonymously
        } else {
            env.put(Context.SECURITY_AUTHENTICATION, "simple");
            env.put(Context.SECURITY_PRINCIPAL, principal);
            env.put(Context.SECURITY_CREDENTIALS, password);
        }
        env.put(Context.REFERRAL, "ignore");
        env.put("com.sun.jndi.ldap.connect.timeout", Long.toString(config.connectTimeout().toMillis()));
        env.put("com.sun.jndi.ldap.read.timeout", Long.toString(config.readTimeout().toMillis()));
        Context ctx = NamingManager.getURLContext(server().getScheme(), env);
        if (!(ctx instanceof DirContext dir)) {
            throw new javax.naming.NotContextException("no LDAP URL context for " + server().getScheme());
        }
        // The bind happens at the first operation: read nothing from the root DSE to make it now.
        dir.getAttributes(url(""), new String[] {"1.1"});
        return dir;
    }

    private URI server() {
        return URI.create(config.url());
    }

    /** The LDAP URL of a DN on the configured server (RFC 4516: the DN is the path, percent-encoded as needed). */
    private String url(String dn) throws NamingException {
        URI s = server();
        try {
            return new URI(s.getScheme(), null, s.getHost(), s.getPort(), "/" + dn, null, null).toASCIIString();
        } catch (java.net.URISyntaxException e) {
            throw new javax.naming.InvalidNameException("not usable in an LDAP URL: " + dn);
        }
    }

    @Override
    public boolean supports(AuthenticationToken token) {
        return token instanceof LdapToken;
    }

    @Override
    protected AuthenticationInfo doGetAuthenticationInfo(AuthenticationToken token) {
        try {
            return queryForAuthenticationInfo(token, null);
        } catch (javax.naming.AuthenticationException e) {
            throw new IncorrectCredentialsException("the directory refused the bind");
        } catch (NamingException e) {
            throw new DirectoryPrincipal.UnavailableException("the directory could not be asked: " + e, e);
        }
    }

    @Override
    protected AuthenticationInfo queryForAuthenticationInfo(AuthenticationToken token, LdapContextFactory factory)
            throws NamingException {
        LdapToken t = (LdapToken) token;
        if (t.password().length == 0 || t.username().isBlank()) {
            throw new IncorrectCredentialsException("no password: an unauthenticated bind proves nothing");
        }
        String password = new String(t.password());
        Entry entry;
        List<String> groups;
        if (config.userDnTemplate().isPresent()) {
            DirContext mine = bind(config.userDnTemplate().get().replace("{0}", Rdn.escapeValue(t.username())), password);
            try {
                entry = find(mine, t.username());
                groups = groups(mine, entry);
            } finally {
                mine.close();
            }
        } else {
            DirContext system = bind(config.bindDn().orElse(""), config.bindPassword().orElse(""));
            try {
                entry = find(system, t.username());
                bind(entry.dn, password).close();
                groups = groups(system, entry);
            } finally {
                system.close();
            }
        }
        var role = config.roles().roleFor(groups).orElseThrow(() -> new DirectoryPrincipal.NoRoleException(entry.username));
        SimplePrincipalCollection principals = new SimplePrincipalCollection();
        principals.add(entry.username, getName());
        principals.add(new DirectoryPrincipal(ConsoleUserSource.LDAP, entry.username, role), getName());
        return new SimpleAuthenticationInfo(principals, t.getCredentials());
    }

    private record Entry(String dn, String username, List<String> memberOf) {
    }

    /** The one entry the user filter finds under the search base; its name as the directory spells it. */
    private Entry find(DirContext ctx, String username) throws NamingException {
        SearchControls controls = new SearchControls();
        controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
        controls.setReturningAttributes(new String[] {config.usernameAttribute(), "memberOf"});
        controls.setCountLimit(2);
        controls.setTimeLimit((int) config.readTimeout().toMillis());
        List<SearchResult> found = new ArrayList<>();
        NamingEnumeration<SearchResult> results = ctx.search(url(config.userSearchBase()),
                LdapFilters.fill(config.userFilter(), username), controls);
        try {
            while (results.hasMore()) {
                found.add(results.next());
            }
        } catch (javax.naming.SizeLimitExceededException e) {
            throw new UnknownAccountException("more than one directory entry for that name");
        } finally {
            results.close();
        }
        if (found.size() != 1) {
            throw new UnknownAccountException(found.isEmpty() ? "no such directory user" : "ambiguous directory user");
        }
        SearchResult r = found.get(0);
        Attribute name = r.getAttributes().get(config.usernameAttribute());
        return new Entry(r.getNameInNamespace(), name == null ? username : name.get().toString(),
                values(r.getAttributes().get("memberOf")));
    }

    /** The DNs of the groups listing the user (group search), else the entry's memberOf (AD, OpenLDAP's overlay). */
    private List<String> groups(DirContext ctx, Entry entry) throws NamingException {
        if (config.groupSearchBase().isEmpty()) {
            return entry.memberOf;
        }
        SearchControls controls = new SearchControls();
        controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
        controls.setReturningAttributes(new String[] {"cn"});
        controls.setTimeLimit((int) config.readTimeout().toMillis());
        List<String> dns = new ArrayList<>();
        NamingEnumeration<SearchResult> results = ctx.search(url(config.groupSearchBase().get()),
                LdapFilters.fill(config.groupFilter(), entry.dn), controls);
        try {
            while (results.hasMore()) {
                dns.add(results.next().getNameInNamespace());
            }
        } finally {
            results.close();
        }
        return dns;
    }

    private static List<String> values(Attribute a) throws NamingException {
        List<String> v = new ArrayList<>();
        if (a != null) {
            for (NamingEnumeration<?> e = a.getAll(); e.hasMore(); ) {
                v.add(e.next().toString());
            }
        }
        return v;
    }

    /** The console user's row holds the role; the console realm reads it per request. */
    @Override
    protected AuthorizationInfo queryForAuthorizationInfo(PrincipalCollection principals, LdapContextFactory factory) {
        return null;
    }
}
