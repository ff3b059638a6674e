@testable import EvidenceVerifier
import Testing

@Suite("IPNetwork, AddressPolicy and ProbeTarget")
struct IPNetworkTests {
    @Test("CIDR text parses and normalises", arguments: [
        ("10.0.0.0/8", "10.0.0.0/8"), ("10.1.2.3/8", "10.0.0.0/8"), ("127.0.0.1", "127.0.0.1/32"),
        ("0.0.0.0/0", "0.0.0.0/0"), ("fe80::1/10", "fe80::/10"), ("::1", "::1/128"), (" 192.168.1.0/24 ", "192.168.1.0/24"),
        ("2001:db8::/32", "2001:db8::/32"),
    ])
    func parses(_ text: String, _ expected: String) throws {
        #expect(try #require(IPNetwork(cidr: text)).description == expected)
    }

    @Test("malformed CIDR text is refused", arguments: [
        "", "10.0.0.0/33", "::/129", "10.0.0.0/-1", "10.0.0/8", "localhost/8", "10.0.0.0/8/8", "10.0.0.0/", "/8", "10.0.0.0/+8",
    ])
    func refusesMalformed(_ text: String) {
        #expect(IPNetwork(cidr: text) == nil)
    }

    @Test("membership, across prefix lengths and families")
    func contains() throws {
        let ten = try #require(IPNetwork(cidr: "10.0.0.0/8"))
        #expect(ten.contains(try #require(IPAddress("10.255.1.2"))))
        #expect(!ten.contains(try #require(IPAddress("11.0.0.1"))))
        #expect(ten.contains(try #require(IPAddress("::ffff:10.1.1.1"))), "IPv4-mapped IPv6 counts as IPv4")
        #expect(!ten.contains(try #require(IPAddress("::1"))))
        let twelve = try #require(IPNetwork(cidr: "172.16.0.0/12"))
        #expect(twelve.contains(try #require(IPAddress("172.31.255.255"))))
        #expect(!twelve.contains(try #require(IPAddress("172.32.0.0"))))
        let cgnat = try #require(IPNetwork(cidr: "100.64.0.0/10"))
        #expect(cgnat.contains(try #require(IPAddress("100.127.255.255"))))
        #expect(!cgnat.contains(try #require(IPAddress("100.128.0.0"))))
        let linkLocal6 = try #require(IPNetwork(cidr: "fe80::/10"))
        #expect(linkLocal6.contains(try #require(IPAddress("febf::1"))))
        #expect(!linkLocal6.contains(try #require(IPAddress("fec0::1"))))
        #expect(!linkLocal6.contains(try #require(IPAddress("127.0.0.1"))))
        let everything = try #require(IPNetwork(cidr: "0.0.0.0/0"))
        #expect(everything.contains(try #require(IPAddress("203.0.113.9"))))
    }

    @Test("addresses print canonically, with brackets for IPv6 ports")
    func addressText() throws {
        #expect(try #require(IPAddress("0:0:0:0:0:0:0:1")).description == "::1")
        #expect(try #require(IPAddress("::1")).withPort(443) == "[::1]:443")
        #expect(try #require(IPAddress("127.0.0.1")).withPort(8443) == "127.0.0.1:8443")
        #expect(IPAddress("1.2.3") == nil)
        #expect(IPAddress("fe80::1%eth0") == nil)
    }

    @Test("special-purpose ranges are refused and named", arguments: [
        ("127.0.0.1", "loopback"), ("127.255.0.9", "loopback"), ("::1", "loopback"), ("169.254.169.254", "metadata"),
        ("169.254.1.1", "link-local"), ("fe80::1", "link-local"), ("10.1.1.1", "private"), ("172.20.0.1", "private"),
        ("192.168.0.1", "private"), ("fd00::1", "private"), ("100.64.0.1", "carrier-grade"), ("0.0.0.0", "unspecified"),
        ("0.1.2.3", "this network"), ("224.0.0.1", "multicast"), ("ff02::1", "multicast"), ("::", "unspecified"),
        ("::ffff:127.0.0.1", "loopback"), ("255.255.255.255", "reserved"),
        ("2002:7f00:1::", "loopback range (as the 6to4 form of 127.0.0.1)"), ("2002:a9fe:a9fe::1", "metadata"),
        ("2002:c0a8:101::", "private"), ("64:ff9b::7f00:1", "loopback range (as the NAT64 form of 127.0.0.1)"),
        ("64:ff9b::10.1.2.3", "private"), ("::7f00:1", "loopback range (as the IPv4-compatible form of 127.0.0.1)"),
        ("::10.0.0.1", "private"), ("::ffff:0:a9fe:a9fe", "metadata"), ("64:ff9b:1::cb00:7105", "local-use NAT64"),
    ])
    func refusesSpecialRanges(_ text: String, _ name: String) throws {
        let reason = AddressPolicy(allowedNetworks: []).refusal(for: try #require(IPAddress(text)))
        #expect(reason?.contains(name) == true, "\(text): \(reason ?? "allowed")")
    }

    @Test("public addresses pass; allowed networks open refused ranges, and only those")
    func allowedNetworks() throws {
        let policy = AddressPolicy(allowedNetworks: [try #require(IPNetwork(cidr: "127.0.0.0/8")), try #require(IPNetwork(cidr: "10.20.0.0/16"))])
        #expect(policy.refusal(for: try #require(IPAddress("203.0.113.5"))) == nil)
        #expect(policy.refusal(for: try #require(IPAddress("2001:db8::5"))) == nil)
        #expect(policy.refusal(for: try #require(IPAddress("127.0.0.1"))) == nil)
        #expect(policy.refusal(for: try #require(IPAddress("10.20.3.4"))) == nil)
        #expect(policy.refusal(for: try #require(IPAddress("10.21.0.1"))) != nil)
        #expect(policy.refusal(for: try #require(IPAddress("::1"))) != nil, "an IPv4 allowance does not open IPv6 loopback")
        #expect(policy.refusal(for: try #require(IPAddress("169.254.169.254"))) != nil)
    }

    @Test("IPv6 forms that carry an IPv4 address are judged as that address")
    func embeddedIPv4() throws {
        let none = AddressPolicy(allowedNetworks: [])
        for publicForm in ["2002:cb00:7105::1", "64:ff9b::203.0.113.5", "::203.0.113.5", "::ffff:203.0.113.5"] {
            #expect(none.refusal(for: try #require(IPAddress(publicForm))) == nil, "\(publicForm) carries a public address")
        }
        let loopbackAllowed = AddressPolicy(allowedNetworks: [try #require(IPNetwork(cidr: "127.0.0.0/8"))])
        for loopbackForm in ["2002:7f00:1::", "64:ff9b::7f00:1", "::127.0.0.1"] {
            #expect(loopbackAllowed.refusal(for: try #require(IPAddress(loopbackForm))) == nil, "\(loopbackForm) is allowed as 127.0.0.1")
        }
        #expect(loopbackAllowed.refusal(for: try #require(IPAddress("2002:a00:1::"))) != nil, "6to4 of 10.0.0.1 stays refused")
        #expect(try #require(IPAddress("::1")).embeddedIPv4 == nil, "::1 is the IPv6 loopback, not ::0.0.0.1")
        #expect(try #require(IPAddress("2001:db8::7f00:1")).embeddedIPv4 == nil)
    }

    @Test("endpoint URLs are taken apart", arguments: [
        ("https://Gateway.Example.NHS.uk/", "gateway.example.nhs.uk", 443),
        ("https://gateway.example.nhs.uk:8443/path?q=1", "gateway.example.nhs.uk", 8443),
        ("HTTPS://127.0.0.1:9/", "127.0.0.1", 9), ("https://[::1]:8443/", "::1", 8443),
    ])
    func targets(_ url: String, _ host: String, _ port: Int) throws {
        let target = try ProbeTarget.parse(url).get()
        #expect(target.host == host)
        #expect(target.port == port)
        #expect(target.url == url)
    }

    @Test("the URL libcurl gets is rebuilt from the checked parts")
    func connectURL() throws {
        #expect(try ProbeTarget.parse("https://[::1]:8443/a/b").get().connectURL == "https://[::1]:8443/")
        #expect(try ProbeTarget.parse("https://host.example/x").get().connectURL == "https://host.example:443/")
    }

    @Test("TLS versions read from policy text and compare in order")
    func tlsVersions() {
        #expect(TLSProtocolVersion(policyText: "1.2") == .tls1_2)
        #expect(TLSProtocolVersion(policyText: "TLSv1.3") == .tls1_3)
        #expect(TLSProtocolVersion(policyText: "tls 1.1") == .tls1_1)
        #expect(TLSProtocolVersion(policyText: "1.4") == nil)
        #expect(TLSProtocolVersion.tls1_1 < .tls1_2)
        #expect(TLSProtocolVersion.tls1_3.description == "TLSv1.3")
    }
}
