// Photos through the console: a workshop's staff upload to their own pieces only; bad uploads are
// refused with nothing stored; renditions are served by hash and shown on the product page.
#include <boost/json.hpp>
#include <vips/vips8>

#include "app/seed_catalog.hpp"
#include "http/harness.hpp"

namespace brilliant::test {
namespace json = boost::json;

class PhotosHttp : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    if (IsSkipped() || HasFailure()) return;
    app::seed_catalog(app->database(), app->catalog(), app->quotes(), *clock, 30);
    app->catalog().refresh();
    auto snap = app->catalog().snapshot();
    // Two products of two different workshops.
    for (const auto& c : snap->cards) {
      if (mine.empty() && c.workshop_slug == "iksan-gold") mine = c.slug;
      if (theirs.empty() && c.workshop_slug != "iksan-gold") theirs = c.slug;
    }
  }

  // A phone photo's size: 12 megapixels of noise at quality 95 is some 10 MB of JPEG.
  static std::string phone_jpeg() {
    auto noise =
        vips::VImage::gaussnoise(4032, 3024, vips::VImage::option()->set("sigma", 60.0)->set("mean", 128.0));
    auto img = noise.bandjoin(noise.rot180()).bandjoin(noise.fliphor()).cast(VIPS_FORMAT_UCHAR);
    void* buf = nullptr;
    size_t size = 0;
    img.write_to_buffer(".jpg", &buf, &size, vips::VImage::option()->set("Q", 95));
    std::string out(static_cast<char*>(buf), size);
    g_free(buf);
    return out;
  }

  HttpResponse upload(HttpClient& c, const std::string& slug, const std::string& bytes) {
    return c.request("POST",
                     "/api/v1/console/products/" + slug + "/photos?alt_ko=" + HttpClient::encode("정면"),
                     bytes, {"Content-Type: image/jpeg", "X-CSRF-Token: " + c.cookie("csrf")});
  }

  std::string mine, theirs;
};

TEST_F(PhotosHttp, StaffUploadToTheirOwnPiecesOnly) {
  ASSERT_FALSE(mine.empty());
  ASSERT_FALSE(theirs.empty());
  auto vendor = logged_in(web::Role::vendor_staff, "iksan-gold");
  const auto bytes = test_jpeg(1800, 1200);
  auto ok = upload(*vendor, mine, bytes);
  ASSERT_EQ(ok.status, 201) << ok.body;
  auto photo = json::parse(ok.body);
  EXPECT_EQ(photo.at("renditions").as_array().size(), 9u);
  auto again = upload(*vendor, mine, bytes);  // the same file twice is one photo
  EXPECT_EQ(json::parse(again.body).at("id").as_int64(), photo.at("id").as_int64());

  auto other = upload(*vendor, theirs, bytes);
  EXPECT_EQ(other.status, 403);
  EXPECT_EQ(vendor->get("/api/v1/console/products/" + theirs + "/photos").status, 403);
  auto shopper = signed_up(unique_email("shopper"));
  EXPECT_EQ(upload(*shopper, mine, bytes).status, 403);
  // A stranger's browser upload has neither a session nor a CSRF token: refused before anything is read.
  EXPECT_EQ(client()
                ->request("POST", "/api/v1/console/products/" + mine + "/photos", bytes,
                          {"Content-Type: image/jpeg"})
                .status,
            403);
  auto operator_client = logged_in(web::Role::operator_, "");
  EXPECT_EQ(upload(*operator_client, theirs, test_jpeg(900, 900)).status, 201);

  // The console lists only the workshop's own pieces.
  auto console = vendor->get("/console/products");
  EXPECT_EQ(console.status, 200);
  EXPECT_NE(console.body.find("/products/" + mine), std::string::npos);
  EXPECT_EQ(console.body.find("/products/" + theirs + "\""), std::string::npos);

  // Renditions are public by hash, cached for a year; the product page uses them with srcset.
  const auto url = std::string(photo.at("renditions").as_array()[0].at("url").as_string());
  auto served = client()->get(url);
  EXPECT_EQ(served.status, 200);
  EXPECT_NE(served.header("cache-control").find("immutable"), std::string::npos);
  EXPECT_TRUE(served.header("content-type") == "image/webp" || served.header("content-type") == "image/jpeg");
  auto page = client()->get("/products/" + mine);
  EXPECT_NE(page.body.find("srcset=\"/media/photos/"), std::string::npos);
  EXPECT_NE(page.body.find("alt=\"정면\""), std::string::npos);
  EXPECT_EQ(client()->get("/media/photos/" + std::string(64, 'a')).status, 404);
  EXPECT_EQ(client()->get("/media/photos/../../etc/passwd").status, 404);
}

TEST_F(PhotosHttp, BadUploadsAreRefusedAndNothingIsStored) {
  auto vendor = logged_in(web::Role::vendor_staff, "iksan-gold");
  auto count = [&] {
    return json::parse(vendor->get("/api/v1/console/products/" + mine + "/photos").body)
        .at("photos")
        .as_array()
        .size();
  };
  const auto before = count();  // PostgreSQL runs share one database
  auto not_image = upload(*vendor, mine, "GIF89a but not really an image at all");
  EXPECT_EQ(not_image.status, 400);
  EXPECT_EQ(json::parse(not_image.body).at("error").at("field").as_string(), "photo");
  const auto good = test_jpeg(1200, 800);
  auto truncated = upload(*vendor, mine, good.substr(0, good.size() / 3));
  EXPECT_EQ(truncated.status, 400);
  EXPECT_EQ(json::parse(truncated.body).at("error").at("code").as_string(), "photo_corrupt");
  EXPECT_EQ(count(), before);
  size_t files = 0;
  if (std::filesystem::exists(blob_dir))
    for (const auto& e : std::filesystem::recursive_directory_iterator(blob_dir))
      files += e.is_regular_file();
  EXPECT_EQ(files, 0u);
}

}  // namespace brilliant::test

namespace brilliant::test {

// Reorder, cover, alt text and removal, by API and by the console's form; another workshop cannot.
TEST_F(PhotosHttp, StaffOrderDescribeAndRemoveTheirPhotos) {
  ASSERT_FALSE(mine.empty());
  auto vendor = logged_in(web::Role::vendor_staff, "iksan-gold");
  for (auto [w, h] : {std::pair{1200, 800}, std::pair{1000, 1000}, std::pair{900, 1200}})
    ASSERT_EQ(upload(*vendor, mine, test_jpeg(w, h)).status, 201);
  const auto base = "/api/v1/console/products/" + mine + "/photos";
  auto call = [](HttpClient& c, const std::string& method, const std::string& path, const std::string& body) {
    return c.request(method, path, body,
                     {"Content-Type: application/json", "X-CSRF-Token: " + c.cookie("csrf")});
  };
  auto order_of = [&](const std::string& body) {
    std::vector<long long> ids;
    const auto parsed = json::parse(body);
    for (const auto& p : parsed.at("photos").as_array()) ids.push_back(p.at("id").as_int64());
    return ids;
  };
  auto ids = order_of(vendor->get(base).body);
  ASSERT_GE(ids.size(), 3u);
  std::vector<long long> reversed(ids.rbegin(), ids.rend());
  auto to_json = [](const std::vector<long long>& v) {
    json::array a;
    for (auto id : v) a.push_back(id);
    return json::serialize(json::object{{"order", a}});
  };
  auto put = call(*vendor, "PUT", base, to_json(reversed));
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(order_of(put.body), reversed);
  EXPECT_EQ(call(*vendor, "PUT", base, to_json({ids[0]})).status, 400);
  EXPECT_EQ(call(*vendor, "PUT", base, R"({"order":"first"})").status, 400);

  // Alt text on the new cover shows on the product page's first photo.
  auto patched =
      call(*vendor, "PATCH", base + "/" + std::to_string(reversed[0]), R"({"alt_ko":"정면에서 본 반지"})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  auto product = json::parse(client()->get("/api/v1/products/" + mine).body);
  EXPECT_EQ(product.at("photos").as_array().front().at("alt").as_string(), "정면에서 본 반지");
  EXPECT_EQ(call(*vendor, "PATCH", base + "/" + std::to_string(reversed[0]), R"({"alt_en":7})").status, 400);
  EXPECT_EQ(call(*vendor, "PATCH", base + "/999999999", R"({"alt_ko":"x"})").status, 404);

  // Another workshop's staff: no page, no API, whatever the ids.
  auto other = logged_in(web::Role::vendor_staff, "mahan-craft");
  EXPECT_EQ(other->get("/console/products/" + mine + "/photos").status, 403);
  EXPECT_EQ(call(*other, "PUT", base, to_json(ids)).status, 403);
  EXPECT_EQ(call(*other, "PATCH", base + "/" + std::to_string(ids[0]), R"({"alt_ko":"x"})").status, 403);
  EXPECT_EQ(call(*other, "DELETE", base + "/" + std::to_string(ids[0]), "").status, 403);
  EXPECT_EQ(order_of(vendor->get(base).body), reversed);

  // The console's form: a too-long alt text changes nothing and keeps what was typed.
  auto page = vendor->get("/en/console/products/" + mine + "/photos");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("data-photo-id=\"" + std::to_string(ids[0]) + "\""), std::string::npos);
  const auto csrf = vendor->cookie("csrf");
  const auto key = "alt_en_" + std::to_string(ids[0]);
  auto refused = vendor->post_form(
      "/en/console/products/" + mine + "/photos",
      {{"_csrf", csrf}, {key, std::string(251, 'x')}, {"action", "cover:" + std::to_string(ids[0])}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("field-error"), std::string::npos);
  EXPECT_NE(refused.body.find(std::string(251, 'x')), std::string::npos);
  EXPECT_EQ(order_of(vendor->get(base).body), reversed);
  auto cover =
      vendor->post_form("/en/console/products/" + mine + "/photos",
                        {{"_csrf", csrf}, {key, "side view"}, {"action", "cover:" + std::to_string(ids[0])}});
  ASSERT_EQ(cover.status, 303);
  const auto after = json::parse(vendor->get(base).body);
  const auto& now = after.at("photos").as_array();
  EXPECT_EQ(now.front().at("id").as_int64(), ids[0]);
  EXPECT_EQ(now.front().at("alt_en").as_string(), "side view");

  auto removed = call(*vendor, "DELETE", base + "/" + std::to_string(ids[0]), "");
  ASSERT_EQ(removed.status, 200);
  EXPECT_EQ(order_of(removed.body).size(), ids.size() - 1);
  EXPECT_EQ(call(*vendor, "DELETE", base + "/" + std::to_string(ids[0]), "").status, 404);
}

}  // namespace brilliant::test

namespace brilliant::test {

// The workshop's profile: texts and photos from the console show on the public page; refusals keep what
// was typed; another workshop cannot remove these photos.
TEST_F(PhotosHttp, WorkshopProfileTextsAndPhotosShowPublicly) {
  auto vendor = logged_in(web::Role::vendor_staff, "iksan-gold");
  const auto before = app->catalog().workshop("iksan-gold");
  ASSERT_TRUE(before);
  auto page = vendor->get("/en/console/profile");
  ASSERT_EQ(page.status, 200);
  const auto csrf = vendor->cookie("csrf");
  auto refused = vendor->post_form("/en/console/profile",
                                   {{"_csrf", csrf}, {"story_ko", "금 이야기"}, {"founded", "1850"}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("금 이야기"), std::string::npos);
  const std::string story =
      "삼대째 금을 두드립니다 " + std::to_string(clock->now().time_since_epoch().count() % 100000);
  auto saved = vendor->post_form("/en/console/profile", {{"_csrf", csrf},
                                                         {"name_en", before->name_en},
                                                         {"story_ko", story},
                                                         {"story_en", before->story_en},
                                                         {"location", before->location},
                                                         {"location_en", before->location_en},
                                                         {"specialities", before->specialities},
                                                         {"specialities_en", before->specialities_en},
                                                         {"founded", "1987"}});
  ASSERT_EQ(saved.status, 303);
  EXPECT_NE(client()->get("/workshops/iksan-gold").body.find(story), std::string::npos);

  auto added =
      vendor->request("POST", "/api/v1/console/profile/photos?alt_ko=" + HttpClient::encode("작업대"),
                      test_jpeg(1600, 1200), {"Content-Type: image/jpeg", "X-CSRF-Token: " + csrf});
  ASSERT_EQ(added.status, 201) << added.body;
  const auto photos = json::parse(added.body).at("photos").as_array();
  ASSERT_FALSE(photos.empty());
  const auto id = photos.back().at("id").as_int64();
  const std::string url(photos.back().at("url").as_string());
  auto public_page = client()->get("/workshops/iksan-gold");
  EXPECT_NE(public_page.body.find(url), std::string::npos);
  EXPECT_NE(public_page.body.find("alt=\"작업대\""), std::string::npos);
  EXPECT_EQ(client()->get(url).status, 200);  // the rendition is served
  auto other = logged_in(web::Role::vendor_staff, "mahan-craft");
  EXPECT_EQ(other
                ->request("DELETE", "/api/v1/console/profile/photos/" + std::to_string(id), "",
                          {"X-CSRF-Token: " + other->cookie("csrf")})
                .status,
            404);
  auto removed = vendor->request("DELETE", "/api/v1/console/profile/photos/" + std::to_string(id), "",
                                 {"X-CSRF-Token: " + csrf});
  ASSERT_EQ(removed.status, 200);
  EXPECT_EQ(client()->get("/workshops/iksan-gold").body.find(url), std::string::npos);
  // Put the seeded story back for the other tests on this database.
  auto restore = vendor->request(
      "PUT", "/api/v1/console/profile",
      json::serialize(json::object{{"story_ko", before->story_ko}, {"founded", before->founded}}),
      {"Content-Type: application/json", "X-CSRF-Token: " + csrf});
  EXPECT_EQ(restore.status, 200) << restore.body;
}

// The location and specialities in both languages: set by API and form, each language's pages show their
// own (the product page's workshop box too), and a bad English field is refused by name, keeping what was
// typed.
TEST_F(PhotosHttp, WorkshopLocationAndSpecialitiesShowInTheReadersLanguage) {
  const auto shop = own_workshop("bilingual", "두 말 공방", "Two Tongues Atelier");
  const auto ring = own_ring(shop, "Two Tongues Ring", 2);
  auto vendor = logged_in(web::Role::vendor_staff, shop.slug);
  const auto csrf = vendor->cookie("csrf");
  auto put = vendor->request("PUT", "/api/v1/console/profile",
                             json::serialize(json::object{{"story_ko", "두 나라 말로 소개합니다."},
                                                          {"location", "익산시 왕궁면"},
                                                          {"location_en", "Wanggung, Iksan"},
                                                          {"specialities", "은 필리그리"},
                                                          {"specialities_en", "Silver filigree"},
                                                          {"founded", 1999}}),
                             {"Content-Type: application/json", "X-CSRF-Token: " + csrf});
  ASSERT_EQ(put.status, 200) << put.body;
  const auto form = json::parse(vendor->get("/api/v1/console/profile").body).at("form");
  EXPECT_EQ(form.at("location_en").as_string(), "Wanggung, Iksan");
  EXPECT_EQ(form.at("specialities_en").as_string(), "Silver filigree");
  for (const auto& path : {"/workshops/" + shop.slug, "/products/" + ring.slug}) {
    const auto english = client()->get("/en" + path).body, korean = client()->get(path).body;
    EXPECT_NE(english.find("Wanggung, Iksan"), std::string::npos) << path;
    EXPECT_EQ(english.find("익산시 왕궁면"), std::string::npos) << path;
    EXPECT_NE(korean.find("익산시 왕궁면"), std::string::npos) << path;
  }
  const auto listing = client()->get("/en/workshops").body;
  EXPECT_NE(listing.find("Silver filigree"), std::string::npos);
  EXPECT_EQ(listing.find("은 필리그리"), std::string::npos);
  EXPECT_NE(client()->get("/workshops").body.find("은 필리그리"), std::string::npos);

  const std::string long_place(121, 'a');
  auto refused = vendor->post_form("/en/console/profile", {{"_csrf", csrf},
                                                           {"story_ko", "두 나라 말로 소개합니다."},
                                                           {"location_en", long_place},
                                                           {"specialities_en", "Kept as typed"}});
  EXPECT_EQ(refused.status, 400);
  // The English location's error sits under it (before the specialities), its long value kept.
  const auto typed = refused.body.find("value=\"" + long_place + "\"");
  ASSERT_NE(typed, std::string::npos);
  EXPECT_LT(refused.body.find("This text is too long.", typed),
            refused.body.find("id=\"specialities\"", typed));
  EXPECT_NE(refused.body.find("value=\"Kept as typed\""), std::string::npos);
  EXPECT_NE(client()->get("/en/workshops/" + shop.slug).body.find("Wanggung, Iksan"), std::string::npos);
}

// Issue 20, defect 4: a real-size phone photo, sent with Content-Length as browsers send it (the
// 2 MiB limit of other requests used to answer 413 before the upload limit was applied).
TEST_F(PhotosHttp, APhonePhotoOfTenMegabytesUploads) {
  auto vendor = logged_in(web::Role::vendor_staff, "iksan-gold");
  const auto bytes = phone_jpeg();
  ASSERT_GT(bytes.size(), 8u * 1024 * 1024);
  auto r = upload(*vendor, mine, bytes);
  EXPECT_EQ(r.status, 201) << r.body.substr(0, 300);
  auto photos =
      json::parse(vendor->get("/api/v1/console/products/" + mine + "/photos").body).at("photos").as_array();
  EXPECT_FALSE(photos.empty());
}

// The photo coach (issue 13) on the console's photo page and in JSON: a gradient with nothing on a white
// background is told so, and the shoot list's missing views are named.
TEST_F(PhotosHttp, TheCoachSaysWhatEachPhotoLacks) {
  auto vendor = logged_in(web::Role::vendor_staff, "iksan-gold");
  auto uploaded = upload(*vendor, mine, test_jpeg(1800, 1200));
  ASSERT_EQ(uploaded.status, 201) << uploaded.body;
  const auto id = std::to_string(json::parse(uploaded.body).at("id").as_int64());
  auto coach = vendor->get("/api/v1/console/products/" + mine + "/photos/coach");
  ASSERT_EQ(coach.status, 200) << coach.body;
  auto body = json::parse(coach.body);
  const auto& report = body.at("photos").at(id);
  EXPECT_EQ(report.at("good"), false);
  bool background = false;
  for (const auto& f : report.at("findings").as_array()) background |= f.at("code") == "background_not_white";
  EXPECT_TRUE(background) << coach.body;
  // The shoot list's five views, less the photos the piece has (other tests on a shared database add some).
  const auto count = json::parse(vendor->get("/api/v1/console/products/" + mine + "/photos").body)
                         .at("photos")
                         .as_array()
                         .size();
  EXPECT_EQ(body.at("missing_views").as_array().size(), count < 5 ? 5 - count : 0);
  auto page = vendor->get("/console/products/" + mine + "/photos");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("class=\"coach-advice\""), std::string::npos);
  EXPECT_NE(page.body.find("배경"), std::string::npos);
  EXPECT_EQ(logged_in(web::Role::shopper)->get("/api/v1/console/products/" + mine + "/photos/coach").status,
            403);
  EXPECT_EQ(vendor->get("/api/v1/console/products/" + theirs + "/photos/coach").status, 403);
  // The operator's brand review shows what the coach found.
  auto review = logged_in(web::Role::operator_)->get("/operator/reviews/" + mine);
  ASSERT_EQ(review.status, 200);
  EXPECT_NE(review.body.find("id=\"review-coach\""), std::string::npos);
  EXPECT_NE(review.body.find("data-code=\"background_not_white\""), std::string::npos);
}

}  // namespace brilliant::test
