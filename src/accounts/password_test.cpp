#include "accounts/password.hpp"

#include <gtest/gtest.h>

namespace brilliant::accounts {

TEST(PasswordHash, IsArgon2idAndVerifies) {
  auto hash = hash_password("correct horse battery", Cost::minimum);
  EXPECT_TRUE(hash.starts_with("$argon2id$"));
  EXPECT_TRUE(verify_password("correct horse battery", hash));
  EXPECT_FALSE(verify_password("correct horse batterY", hash));
  EXPECT_NE(hash, hash_password("correct horse battery", Cost::minimum));  // salted
}

TEST(PasswordHash, GarbageHashNeverVerifies) { EXPECT_FALSE(verify_password("x", "not a hash")); }

}  // namespace brilliant::accounts
