package io.reelforge.infrastructure.security.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LdapFiltersTest {

    @Test
    void plainNamesAreUnchanged() {
        assertEquals("alice.o'neil-2@corp", LdapFilters.escape("alice.o'neil-2@corp"));
        assertEquals("Zoë", LdapFilters.escape("Zoë"));
    }

    @Test
    void filterSpecialsAreHexEscaped() {
        assertEquals("\\2a", LdapFilters.escape("*"));
        assertEquals("\\2a\\29\\28uid=\\2a", LdapFilters.escape("*)(uid=*"));
        assertEquals("a\\5c29b", LdapFilters.escape("a\\29b"));
        assertEquals("x\\00y\\0a", LdapFilters.escape("x\0y\n"));
    }

    @Test
    void anInjectionCannotWidenTheFilter() {
        assertEquals("(&(objectClass=person)(uid=admin\\29\\28|\\28uid=\\2a\\29))",
                LdapFilters.fill("(&(objectClass=person)(uid={0}))", "admin)(|(uid=*)"));
        // the template is filled literally: a '$' or a '{0}' in the value is not a replacement pattern
        assertEquals("(member=cn=$1 {0},dc=x)", LdapFilters.fill("(member={0})", "cn=$1 {0},dc=x"));
    }
}
