package io.reelforge.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Which addresses the appliance may connect to on someone's say-so (a webhook URL, a remote engine's upstream). Internal apps live on private networks, so private ranges are
 * allowed; loopback, link-local (cloud metadata services live there: 169.254.169.254, fd00:ec2::254), the
 * unspecified address and multicast are refused unless an allow-list entry (an address or a CIDR range) covers
 * them. Checked on the resolved address the socket connects to, so DNS cannot swap in another one later.
 */
public final class AddressPolicy {

    private static final byte[] AWS_IPV6_METADATA = parse("fd00:ec2::254");

    private final List<Cidr> allowed;

    /** A policy for webhooks, allow-listed by {@code reelforge.webhooks.allow-addresses}. */
    public AddressPolicy(List<String> allowList) {
        this("reelforge.webhooks.allow-addresses", allowList);
    }

    /** @param setting the setting the allow-list comes from, named when an entry is unreadable */
    public AddressPolicy(String setting, List<String> allowList) {
        this.allowed = allowList.stream().map(s -> Cidr.parse(setting, s)).toList();
    }

    /** Why this address is refused, or null when it may be reached. */
    public String refusal(InetAddress a) {
        if (allowed.stream().anyMatch(c -> c.contains(a))) {
            return null;
        }
        if (a.isLoopbackAddress()) {
            return "loopback address " + a.getHostAddress();
        }
        if (a.isLinkLocalAddress() || java.util.Arrays.equals(a.getAddress(), AWS_IPV6_METADATA)) {
            return "link-local or metadata address " + a.getHostAddress();
        }
        if (a.isAnyLocalAddress()) {
            return "unspecified address " + a.getHostAddress();
        }
        if (a.isMulticastAddress()) {
            return "multicast address " + a.getHostAddress();
        }
        if (a instanceof Inet6Address && isMappedV4(a.getAddress())) {
            try {
                byte[] b = a.getAddress();
                return refusal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
            } catch (UnknownHostException e) {
                return "unusable address";
            }
        }
        return null;
    }

    private static boolean isMappedV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b.length == 16 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    private static byte[] parse(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    /** An address range; a bare address is a range of one. */
    record Cidr(byte[] network, int bits) {

        static Cidr parse(String setting, String s) {
            String[] parts = s.split("/", 2);
            if (!parts[0].matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException(setting + ": '" + s + "' is not an address or CIDR range");
            }
            byte[] net = AddressPolicy.parse(parts[0]);
            int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : net.length * 8;
            if (bits < 0 || bits > net.length * 8) {
                throw new IllegalArgumentException(setting + ": bad prefix length in '" + s + "'");
            }
            return new Cidr(net, bits);
        }

        boolean contains(InetAddress a) {
            byte[] b = a.getAddress();
            if (b.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((b[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
