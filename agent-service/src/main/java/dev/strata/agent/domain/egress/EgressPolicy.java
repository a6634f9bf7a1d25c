package dev.strata.agent.domain.egress;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where agent-service may call out to on a user's or producer's behalf ({@code http} steps,
 * webhooks). Denied by default: loopback, link-local (cloud metadata), private (RFC 1918), shared
 * (100.64/10), unique-local (fc00::/7), multicast, unspecified and broadcast addresses, also when
 * wrapped in an IPv4-mapped or -compatible IPv6 address. An explicit allow-list of address blocks
 * and {@code host:port} pairs opens internal targets. It judges resolved addresses: the caller
 * must connect to the address it checked, or a name could resolve differently the second time.
 */
public final class EgressPolicy {

  private static final Map<Cidr, String> DENIED = denied();

  private final List<Cidr> allowedBlocks;
  private final Set<String> allowedEndpoints;

  private EgressPolicy(List<Cidr> allowedBlocks, Set<String> allowedEndpoints) {
    this.allowedBlocks = List.copyOf(allowedBlocks);
    this.allowedEndpoints = Set.copyOf(allowedEndpoints);
  }

  /** Entries like {@code 10.1.0.0/16}, {@code 127.0.0.1/32} or {@code hooks.internal:8443}; blanks are ignored. */
  public static EgressPolicy allowing(List<String> entries) {
    List<Cidr> blocks = new ArrayList<>();
    List<String> endpoints = new ArrayList<>();
    for (String raw : entries) {
      String entry = raw.trim().toLowerCase(Locale.ROOT);
      if (entry.isEmpty()) {
        continue;
      }
      if (entry.contains("/")) {
        blocks.add(Cidr.parse(entry));
      } else if (entry.matches("(\\[[0-9a-f:.]+]|[a-z0-9.-]+):[0-9]{1,5}")) {
        endpoints.add(entry);
      } else {
        throw new IllegalArgumentException("agent.egress.allow entry must be a CIDR block or host:port: " + raw);
      }
    }
    return new EgressPolicy(blocks, Set.copyOf(endpoints));
  }

  /** Nothing but public addresses. */
  public static EgressPolicy publicOnly() {
    return allowing(List.of());
  }

  /** Why a call to {@code host:port}, resolved to {@code address}, may not be made; empty when it may. */
  public Optional<String> refusal(String host, int port, InetAddress address) {
    String name = host.toLowerCase(Locale.ROOT);
    if (allowedEndpoints.contains(name + ":" + port) || allowedEndpoints.contains(address.getHostAddress() + ":" + port)
        || allowedBlocks.stream().anyMatch(block -> block.contains(address))) {
      return Optional.empty();
    }
    InetAddress judged = embeddedIpv4(address).orElse(address);
    return DENIED.entrySet().stream().filter(block -> block.getKey().contains(judged)).findFirst()
        .map(block -> shown(host, address) + " is " + block.getValue());
  }

  /** Throws {@link EgressRefused} unless every one of {@code addresses} may be called (a name must not mix). */
  public void require(String host, int port, List<InetAddress> addresses) {
    for (InetAddress address : addresses) {
      refusal(host, port, address).ifPresent(reason -> {
        throw new EgressRefused(host, reason);
      });
    }
  }

  private static String shown(String host, InetAddress address) {
    String literal = address.getHostAddress();
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    return bare.equalsIgnoreCase(literal) ? literal : host + " (" + literal + ")";
  }

  /** The IPv4 address inside {@code ::ffff:a.b.c.d} or {@code ::a.b.c.d}, which connects to that IPv4 host. */
  private static Optional<InetAddress> embeddedIpv4(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return Optional.empty();
    }
    byte[] bytes = address.getAddress();
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return Optional.empty();
      }
    }
    boolean mapped = bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
    boolean compatible = bytes[10] == 0 && bytes[11] == 0 && (bytes[12] != 0 || bytes[13] != 0);
    if (!mapped && !compatible) {
      return Optional.empty();
    }
    try {
      return Optional.of(Inet4Address.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<Cidr, String> denied() {
    var blocks = new java.util.LinkedHashMap<Cidr, String>();
    blocks.put(Cidr.parse("0.0.0.0/8"), "unspecified");
    blocks.put(Cidr.parse("::/128"), "unspecified");
    blocks.put(Cidr.parse("127.0.0.0/8"), "loopback");
    blocks.put(Cidr.parse("::1/128"), "loopback");
    blocks.put(Cidr.parse("169.254.0.0/16"), "link-local");
    blocks.put(Cidr.parse("fe80::/10"), "link-local");
    blocks.put(Cidr.parse("10.0.0.0/8"), "private");
    blocks.put(Cidr.parse("172.16.0.0/12"), "private");
    blocks.put(Cidr.parse("192.168.0.0/16"), "private");
    blocks.put(Cidr.parse("100.64.0.0/10"), "shared address space (CGNAT)");
    blocks.put(Cidr.parse("fc00::/7"), "unique-local");
    blocks.put(Cidr.parse("fec0::/10"), "site-local");
    blocks.put(Cidr.parse("224.0.0.0/4"), "multicast");
    blocks.put(Cidr.parse("ff00::/8"), "multicast");
    blocks.put(Cidr.parse("255.255.255.255/32"), "broadcast");
    blocks.put(Cidr.parse("240.0.0.0/4"), "reserved");
    return java.util.Collections.unmodifiableMap(blocks);
  }
}
