package io.reelforge.net;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

class AddressPolicyTest {

    static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void refusesLoopbackLinkLocalMetadataUnspecifiedAndMulticast() throws Exception {
        AddressPolicy p = new AddressPolicy(List.of());
        for (String s : List.of("127.0.0.1", "127.9.9.9", "::1", "169.254.169.254", "169.254.0.1", "fe80::1",
                "fd00:ec2::254", "0.0.0.0", "::", "224.0.0.1", "::ffff:127.0.0.1", "::ffff:169.254.169.254")) {
            assertNotNull(p.refusal(ip(s)), s);
        }
    }

    @Test
    void allowsPrivateAndPublicRanges() throws Exception {
        AddressPolicy p = new AddressPolicy(List.of());
        for (String s : List.of("10.0.0.1", "172.16.5.4", "192.168.1.1", "fd12::1", "8.8.8.8", "2001:db8::1")) {
            assertNull(p.refusal(ip(s)), s);
        }
    }

    @Test
    void theAllowListOpensExactlyWhatItNames() throws Exception {
        AddressPolicy p = new AddressPolicy(List.of("127.0.0.1", "169.254.10.0/24"));
        assertNull(p.refusal(ip("127.0.0.1")));
        assertNotNull(p.refusal(ip("127.0.0.2")));
        assertNull(p.refusal(ip("169.254.10.77")));
        assertNotNull(p.refusal(ip("169.254.169.254")));
        assertNotNull(p.refusal(ip("::1")));
        assertThrows(IllegalArgumentException.class, () -> new AddressPolicy(List.of("evil.example.com")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AddressPolicy("reelforge.engine.remote.allow-addresses", List.of("gpu-1")));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("reelforge.engine.remote.allow-addresses"));
    }
}
