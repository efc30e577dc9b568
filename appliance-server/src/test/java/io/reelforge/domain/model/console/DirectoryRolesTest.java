package io.reelforge.domain.model.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DirectoryRolesTest {

    private final DirectoryRoles roles = new DirectoryRoles(
            List.of("cn=rf-admins,ou=groups,dc=example,dc=org"),
            List.of("Video Operators"),
            List.of("rf-viewers", "CN=Everyone , OU=Groups, DC=corp"));

    @Test
    void theHighestMappedGroupWins() {
        assertEquals(Optional.of(ConsoleRole.ADMIN), roles.roleFor(List.of("rf-viewers",
                "cn=rf-admins,ou=groups,dc=example,dc=org", "video operators")));
        assertEquals(Optional.of(ConsoleRole.OPERATOR), roles.roleFor(List.of("rf-viewers", "Video Operators")));
    }

    @Test
    void dnsMatchWholeIgnoringCaseAndSpacesAndPlainNamesMatchTheFirstRdn() {
        assertEquals(Optional.of(ConsoleRole.ADMIN), roles.roleFor(List.of("CN=RF-Admins, OU=Groups, DC=Example, DC=Org")));
        assertEquals(Optional.of(ConsoleRole.VIEWER), roles.roleFor(List.of("cn=everyone,ou=groups,dc=corp")));
        // An AD memberOf DN against a configured plain name: its CN counts.
        assertEquals(Optional.of(ConsoleRole.OPERATOR), roles.roleFor(List.of("CN=Video Operators,OU=Groups,DC=corp,DC=example")));
        assertEquals(Optional.of(ConsoleRole.VIEWER), roles.roleFor(List.of("rf-viewers")));
    }

    @Test
    void aFullDnIsNotMatchedByAGroupOfTheSameNameElsewhere() {
        assertEquals(Optional.empty(), roles.roleFor(List.of("cn=rf-admins,ou=elsewhere,dc=example,dc=org")));
        // nor is a plain name containing a configured one
        assertEquals(Optional.empty(), roles.roleFor(List.of("rf-viewers-old", "cn=rf-viewers-old,dc=x")));
    }

    @Test
    void noMappedGroupMeansNoRole() {
        assertEquals(Optional.empty(), roles.roleFor(List.of()));
        assertEquals(Optional.empty(), roles.roleFor(List.of("staff", "cn=staff,dc=example,dc=org")));
        assertTrue(new DirectoryRoles(List.of(" "), List.of(), List.of()).isEmpty());
        assertEquals(Optional.empty(), new DirectoryRoles(List.of(), List.of(), List.of()).roleFor(List.of("")));
    }

    @Test
    void anEscapedCommaInAGroupNameIsPartOfTheName() {
        DirectoryRoles r = new DirectoryRoles(List.of("Ops, Video"), List.of(), List.of());
        assertEquals(Optional.of(ConsoleRole.ADMIN), r.roleFor(List.of("cn=Ops\\, Video,ou=groups,dc=corp")));
    }
}
