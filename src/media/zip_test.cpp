#include "media/zip.hpp"

#include <gtest/gtest.h>
#include <zip.h>

namespace brilliant::media {

TEST(Zip, FilesComeBackByNameWithTheirBytes) {
  const std::string photo(5000, '\xAB');
  const auto made = zip_files({{"BR-1_front_1.jpg", photo}, {"BR-1_side_1.jpg", "side"}}).value();
  EXPECT_EQ(made.substr(0, 2), "PK");
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(made.data(), made.size(), 0, &error);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  ASSERT_NE(archive, nullptr);
  EXPECT_EQ(zip_get_num_entries(archive, 0), 2);
  zip_stat_t stat;
  ASSERT_EQ(zip_stat(archive, "BR-1_front_1.jpg", 0, &stat), 0);
  EXPECT_EQ(stat.size, photo.size());
  EXPECT_EQ(stat.comp_method, ZIP_CM_STORE);
  zip_file_t* file = zip_fopen(archive, "BR-1_side_1.jpg", 0);
  ASSERT_NE(file, nullptr);
  char text[8] = {};
  EXPECT_EQ(zip_fread(file, text, sizeof text), 4);
  EXPECT_EQ(std::string(text), "side");
  zip_fclose(file);
  zip_close(archive);
  // The same name twice is refused.
  EXPECT_FALSE(zip_files({{"a.jpg", "1"}, {"a.jpg", "2"}}).ok());
}

}  // namespace brilliant::media
