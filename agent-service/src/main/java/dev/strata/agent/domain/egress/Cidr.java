package dev.strata.agent.domain.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** An address block ({@code 10.0.0.0/8}, {@code fc00::/7}); an IPv4 block never holds an IPv6 address and vice versa. */
public record Cidr(byte[] network, int prefix) {

  public Cidr {
    network = network.clone();
    if (prefix < 0 || prefix > network.length * 8) {
      throw new IllegalArgumentException("prefix out of range: " + prefix);
    }
  }

  /** {@code address/prefix} of literal addresses only (a name here would need DNS at parse time). */
  public static Cidr parse(String text) {
    String[] parts = text.trim().split("/", 2);
    byte[] address = literal(parts[0]);
    int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
    return new Cidr(address, prefix);
  }

  public boolean contains(InetAddress address) {
    byte[] candidate = address.getAddress();
    if (candidate.length != network.length) {
      return false;
    }
    int full = prefix / 8;
    if (!Arrays.equals(candidate, 0, full, network, 0, full)) {
      return false;
    }
    int rest = prefix % 8;
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return rest == 0 || (candidate[full] & mask) == (network[full] & mask);
  }

  static byte[] literal(String text) {
    String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    if (!bare.matches("[0-9a-fA-F:.]+") || !(bare.contains(".") || bare.contains(":"))) {
      throw new IllegalArgumentException("not an IP address literal: " + text);
    }
    try {
      // a literal is parsed without any lookup
      return InetAddress.getByName(bare).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address literal: " + text, e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cidr cidr && prefix == cidr.prefix && Arrays.equals(network, cidr.network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + prefix;
  }

  @Override
  public String toString() {
    try {
      return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
