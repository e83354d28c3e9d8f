#include "vendors/joining/application_files.hpp"

#include <gtest/gtest.h>

#include <vips/vips8>

#include "core/secret.hpp"
#include "db/testing.hpp"
#include "media/photo_pipeline.hpp"

namespace brilliant::vendors {
namespace {

std::string png(int size) {
  media::start_libvips();
  auto xy = vips::VImage::xyz(size, size);
  auto v = (xy[0] * (255.0 / size)).cast(VIPS_FORMAT_UCHAR);
  void* buf = nullptr;
  size_t n = 0;
  v.write_to_buffer(".png", &buf, &n);
  std::string out(static_cast<char*>(buf), n);
  g_free(buf);
  return out;
}

}  // namespace

class ApplicationFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db->write([](soci::session& s) {
      for (const std::string e : {"a@x.example", "b@x.example"})
        s << "INSERT INTO users (email, name, password_hash, created_at, updated_at) VALUES (:e, 'N', 'h', "
             "'x', 'x')",
            soci::use(e);
    });
  }
  void TearDown() override { std::filesystem::remove_all(root); }
  void set_status(const std::string& status) {
    db->write([&](soci::session& s) {
      s << "DELETE FROM workshop_applications";
      s << "INSERT INTO workshop_applications (applicant_id, business_name, registration_no, representative, "
           "address, phone, bank_name, bank_account, account_holder, status, created_at, updated_at) VALUES "
           "(1, 'B', "
           "'2208162517', 'R', 'A', 'P', 'BN', 'BA', 'AH', :s, 'x', 'x')",
          soci::use(status);
    });
  }
  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
  std::filesystem::path root = std::filesystem::temp_directory_path() / ("app-files-" + random_token(6));
  media::FolderBlobStore blobs{root};
  FixedClock clock{TimePoint{}};
  ApplicationFiles files{*db, blobs, clock};
};

TEST_F(ApplicationFilesTest, ANewMarkReplacesTheOldAndKeepsAPreview) {
  auto first = files.add(1, "mark", "../../etc/stamp.png", png(300));
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->name, "stamp.png");  // no path
  EXPECT_FALSE(first->preview_hash.empty());
  auto second = files.add(1, "mark", "stamp2.png", png(400));
  ASSERT_TRUE(second.ok());
  auto mine = files.of(1);
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].id, second->id);
  EXPECT_TRUE(files.content(mine[0], true).has_value());
  EXPECT_TRUE(db->read([](soci::session& s) { return has_mark(s, 1); }));
  EXPECT_FALSE(db->read([](soci::session& s) { return has_mark(s, 2); }));
}

TEST_F(ApplicationFilesTest, DocumentsAreLimitedAndOnlyTheirApplicantRemovesThem) {
  for (size_t i = 0; i < ApplicationFiles::max_documents; ++i)
    ASSERT_TRUE(files.add(1, "document", "doc.png", png(100 + static_cast<int>(i))).ok());
  EXPECT_EQ(files.add(1, "document", "one-more.png", png(90)).error().code, "too_many_documents");
  EXPECT_EQ(files.add(1, "photo", "x.png", png(90)).error().field, "kind");
  const auto id = files.of(1).front().id;
  EXPECT_EQ(files.remove(2, id).error().kind, ErrorKind::not_found);
  EXPECT_TRUE(files.remove(1, id).ok());
  EXPECT_EQ(files.of(1).size(), ApplicationFiles::max_documents - 1);
}

TEST_F(ApplicationFilesTest, ADecidedApplicationsFilesNoLongerChange) {
  set_status("changes_requested");
  auto added = files.add(1, "mark", "m.png", png(200));
  ASSERT_TRUE(added.ok());
  set_status("approved");
  EXPECT_EQ(files.add(1, "document", "late.png", png(210)).error().code, "application_decided");
  EXPECT_EQ(files.remove(1, added->id).error().code, "application_decided");
}

}  // namespace brilliant::vendors
