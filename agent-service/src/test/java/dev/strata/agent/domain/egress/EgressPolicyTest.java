package dev.strata.agent.domain.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EgressPolicyTest {

  private final EgressPolicy policy = EgressPolicy.publicOnly();

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
      "127.0.0.1, loopback", "127.9.9.9, loopback", "::1, loopback",
      "169.254.169.254, link-local", "fe80::1, link-local",
      "10.1.2.3, private", "172.16.0.1, private", "172.31.255.255, private", "192.168.1.1, private",
      "100.64.0.1, shared address space (CGNAT)", "fc00::1, unique-local", "fd12:3456::1, unique-local",
      "224.0.0.1, multicast", "ff02::1, multicast", "0.0.0.0, unspecified", "::, unspecified",
      "::ffff:127.0.0.1, loopback", "::ffff:169.254.169.254, link-local", "::ffff:10.0.0.1, private",
      "255.255.255.255, broadcast"})
  void deniesInternalAddressesByDefault(String address, String kind) throws Exception {
    assertThat(policy.refusal("target", 80, InetAddress.getByName(address))).hasValueSatisfying(reason -> assertThat(reason).endsWith(" is " + kind));
  }

  @ParameterizedTest
  @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:2800:220:1::1"})
  void allowsPublicAddresses(String address) throws Exception {
    assertThat(policy.refusal("target", 443, InetAddress.getByName(address))).isEmpty();
  }

  @Test
  void namesTheAddressANameResolvedTo() throws Exception {
    assertThatThrownBy(() -> policy.require("localhost", 80, List.of(InetAddress.getByName("127.0.0.1"))))
        .isInstanceOf(EgressRefused.class).hasMessage("egress refused: localhost (127.0.0.1) is loopback");
  }

  @Test
  void aNameWithOnePublicAndOneInternalAddressIsRefused() throws Exception {
    assertThatThrownBy(() -> policy.require("mixed.example", 80,
        List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.5")))).isInstanceOf(EgressRefused.class);
  }

  @Test
  void anAllowListOpensBlocksAndExactEndpoints() throws Exception {
    var allowing = EgressPolicy.allowing(List.of("10.20.0.0/16", " hooks.internal:8443", "127.0.0.1:9000"));
    assertThat(allowing.refusal("x", 80, InetAddress.getByName("10.20.7.7"))).isEmpty();
    assertThat(allowing.refusal("x", 80, InetAddress.getByName("10.21.0.1"))).isPresent();
    assertThat(allowing.refusal("hooks.internal", 8443, InetAddress.getByName("192.168.0.9"))).isEmpty();
    assertThat(allowing.refusal("hooks.internal", 8444, InetAddress.getByName("192.168.0.9"))).isPresent();
    assertThat(allowing.refusal("127.0.0.1", 9000, InetAddress.getByName("127.0.0.1"))).isEmpty();
    assertThat(allowing.refusal("127.0.0.1", 9001, InetAddress.getByName("127.0.0.1"))).isPresent();
  }

  @Test
  void aMalformedAllowEntryIsRefusedAtStart() {
    assertThatThrownBy(() -> EgressPolicy.allowing(List.of("*.internal"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EgressPolicy.allowing(List.of("intranet/8"))).isInstanceOf(IllegalArgumentException.class);
  }
}
