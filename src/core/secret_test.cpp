#include "core/secret.hpp"

#include <gtest/gtest.h>

namespace brilliant {

TEST(Secret, ASealedSecretOpensOnlyUnderItsKeyAndUnchanged) {
  std::array<unsigned char, 32> master{};
  master[0] = 7;
  const auto key = derive_key(master, "livepush");
  EXPECT_NE(key, derive_key(master, "otherkey"));  // purposes kept apart
  EXPECT_EQ(key, derive_key(master, "livepush"));  // and the same every time
  const auto sealed = seal("live_abcd-1234", key);
  EXPECT_EQ(sealed.find("live_abcd"), std::string::npos);
  EXPECT_NE(sealed, seal("live_abcd-1234", key));  // a fresh nonce each time
  EXPECT_EQ(open_sealed(sealed, key).value(), "live_abcd-1234");
  EXPECT_FALSE(open_sealed(sealed, derive_key(master, "otherkey")));
  auto changed = *from_base64(sealed);
  changed.back() ^= 1;
  EXPECT_FALSE(open_sealed(base64(changed), key));
  EXPECT_FALSE(open_sealed("not base64 at all", key));
  EXPECT_THROW(derive_key(master, "short"), std::invalid_argument);
}

TEST(Secret, TokensAreUrlSafeAndUnique) {
  auto a = random_token(), b = random_token();
  EXPECT_NE(a, b);
  EXPECT_EQ(a.size(), 43u);  // 32 bytes base64url without padding
  EXPECT_EQ(a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
}

TEST(Secret, Sha256KnownVector) {
  // FIPS 180-2 test vector for "abc".
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Secret, Base64RoundTripsAndRefusesWhatIsNotBase64) {
  EXPECT_EQ(base64("Brilliant"), "QnJpbGxpYW50");
  EXPECT_EQ(base64(std::string("\0\xff", 2)), "AP8=");
  EXPECT_EQ(from_base64("AP8=").value(), std::string("\0\xff", 2));
  EXPECT_EQ(from_base64(""), std::string());
  EXPECT_FALSE(from_base64("AP8").has_value());
  EXPECT_FALSE(from_base64("A*8=").has_value());
  EXPECT_FALSE(from_base64("AP8=x").has_value());
}

TEST(Secret, ConstantTimeEquality) {
  EXPECT_TRUE(secrets_equal("abc", "abc"));
  EXPECT_FALSE(secrets_equal("abc", "abd"));
  EXPECT_FALSE(secrets_equal("abc", "abcd"));
}

}  // namespace brilliant

namespace brilliant {
namespace {

TEST(Secret, RandomCodesUseOnlyTheAlphabetAndDiffer) {
  const std::string alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  const auto a = random_code(12, alphabet), b = random_code(12, alphabet);
  EXPECT_EQ(a.size(), 12u);
  EXPECT_NE(a, b);
  for (char c : a + b) EXPECT_NE(alphabet.find(c), std::string::npos) << c;
  EXPECT_THROW(random_code(4, "ABC"), std::invalid_argument);  // 3 does not divide 256: biased
}

TEST(Secret, OnlyTokensOfOurOwnFormAreRecognised) {
  EXPECT_TRUE(is_random_token(random_token()));
  EXPECT_TRUE(is_random_token(random_token(6), 6));
  EXPECT_FALSE(is_random_token(random_token(6)));
  EXPECT_FALSE(is_random_token(std::string(43, 'a') + "b"));
  EXPECT_FALSE(is_random_token("<div class=\"card\"><a href=\"/products/x\">ring</a></div>"));
  EXPECT_FALSE(is_random_token(std::string(42, 'a') + "="));
  EXPECT_FALSE(is_random_token(""));
}

}  // namespace
}  // namespace brilliant

namespace brilliant {

TEST(Secret, PrintableCodesHaveTheirPrefixAndCrockfordGroups) {
  const auto code = printable_code("IT");
  EXPECT_EQ(code.size(), 12u);
  EXPECT_TRUE(is_printable_code(code, "IT"));
  EXPECT_FALSE(is_printable_code(code, "ECO"));
  EXPECT_NE(printable_code("IT"), code);
  EXPECT_TRUE(is_printable_code("IT-0123-4567", "IT"));
  EXPECT_FALSE(is_printable_code("IT-0123-456O", "IT"));  // O is not in Crockford's alphabet
  EXPECT_FALSE(is_printable_code("IT-0123-45678", "IT"));
  EXPECT_FALSE(is_printable_code("IT_0123-4567", "IT"));
  EXPECT_FALSE(is_printable_code("", "IT"));
}

}  // namespace brilliant
