#include "trust/key_file.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "core/secret.hpp"

namespace brilliant::trust {

TEST(KeyFile, MadeOnceReadByItsOwnerOnlyAndReadBackTheSame) {
  const auto dir = std::filesystem::temp_directory_path() / ("brilliant-key-" + random_token(8));
  const auto file = dir / "issuer.key";
  auto made = load_or_create_key(file);
  ASSERT_TRUE(made.ok()) << made.error().message;
  EXPECT_EQ(std::filesystem::status(file).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  auto again = load_or_create_key(file);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->public_key, made->public_key);
  std::ofstream(file) << "not a key\n";
  EXPECT_EQ(load_or_create_key(file).error().code, "key_file_invalid");
  std::filesystem::remove_all(dir);
}

}  // namespace brilliant::trust
