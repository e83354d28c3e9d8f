#include "net/forwarded.hpp"

#include <gtest/gtest.h>

namespace brilliant::net {
namespace {

TEST(TrustedProxies, WithoutTrustedProxiesTheHeaderIsIgnored) {
  TrustedProxies none({});
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(none.client("127.0.0.1", "203.0.113.9"), "127.0.0.1");
}

TEST(TrustedProxies, TheRightMostUntrustedAddressIsTheClient) {
  TrustedProxies lb({"127.0.0.1", "10.0.0.0/8"});
  EXPECT_EQ(lb.client("127.0.0.1", "203.0.113.9"), "203.0.113.9");
  // A client writing its own header cannot choose its address: nginx appends the real one.
  EXPECT_EQ(lb.client("127.0.0.1", "1.2.3.4, 203.0.113.9"), "203.0.113.9");
  // Two proxies of ours (an edge at 10.1.2.3, then the balancer): the address before them.
  EXPECT_EQ(lb.client("10.0.0.2", "198.51.100.7, 10.1.2.3"), "198.51.100.7");
  EXPECT_EQ(lb.client("127.0.0.1", " 2001:db8::5 "), "2001:db8::5");
  EXPECT_EQ(lb.client("127.0.0.1", ""), "127.0.0.1") << "no header: the proxy itself";
  EXPECT_EQ(lb.client("127.0.0.1", "10.0.0.9"), "127.0.0.1") << "every hop ours";
  EXPECT_EQ(lb.client("127.0.0.1", "evil, not-an-address"), "127.0.0.1") << "unreadable: believed no further";
}

TEST(TrustedProxies, AnUntrustedPeersHeaderIsNotBelieved) {
  TrustedProxies lb({"10.0.0.0/8"});
  EXPECT_EQ(lb.client("198.51.100.1", "127.0.0.1"), "198.51.100.1");
  EXPECT_TRUE(lb.trusts("10.200.3.4"));
  EXPECT_FALSE(lb.trusts("11.0.0.1"));
  EXPECT_TRUE(lb.trusts("::ffff:10.0.0.1")) << "an IPv4 address seen on an IPv6 socket";
}

TEST(TrustedProxies, EntriesThatAreNeitherAddressNorNetworkAreRefused) {
  EXPECT_THROW(TrustedProxies({"nginx"}), std::invalid_argument);
  EXPECT_THROW(TrustedProxies({"10.0.0.0/33"}), std::invalid_argument);
  EXPECT_THROW(TrustedProxies({"10.0.0.0/"}), std::invalid_argument);
  EXPECT_NO_THROW(TrustedProxies({"fd00::/8", "::1"}));
}

}  // namespace
}  // namespace brilliant::net
