#include "media/blob_store.hpp"

#include <gtest/gtest.h>

#include "core/secret.hpp"

namespace brilliant::media {

class BlobStoreTest : public ::testing::Test {
 protected:
  std::filesystem::path root = std::filesystem::temp_directory_path() / ("blobs-" + random_token(6));
  void TearDown() override { std::filesystem::remove_all(root); }
};

TEST_F(BlobStoreTest, ContentAddressedAndIdempotent) {
  FolderBlobStore store(root);
  const auto a = store.put("ring photo bytes");
  EXPECT_EQ(a, sha256_hex("ring photo bytes"));
  EXPECT_EQ(store.put("ring photo bytes"), a);
  EXPECT_TRUE(store.has(a));
  EXPECT_EQ(store.get(a).value(), "ring photo bytes");
  EXPECT_TRUE(std::filesystem::exists(root / a.substr(0, 2) / a.substr(2)));
  size_t files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(root)) files += e.is_regular_file();
  EXPECT_EQ(files, 1u);  // no temporary files left behind
}

TEST_F(BlobStoreTest, RefusesHashesThatAreNotHashes) {
  FolderBlobStore store(root);
  EXPECT_FALSE(store.get("../../etc/passwd").has_value());
  EXPECT_FALSE(store.has(std::string(64, 'g')));
  EXPECT_FALSE(store.get(std::string(64, 'a')).has_value());
}

}  // namespace brilliant::media
