#include "http/harness.hpp"

#include "db/database.hpp"

#include <spdlog/spdlog.h>

#include <boost/json.hpp>
#include <vips/vips8>

#include <cstdlib>
#include <filesystem>

#include "core/secret.hpp"

namespace brilliant::test {

void ServerTest::SetUp() {
  spdlog::set_level(spdlog::level::warn);
  const char* backend = std::getenv("BRILLIANT_TEST_BACKEND");
  app::Config config;
  config.root = BRILLIANT_SOURCE_DIR;
  config.server.port = 0;
  config.server.io_threads = 2;
  config.server.pool_threads = 4;
  config.server.write_pool_threads = 4;  // (a served hub on SQLite runs 64: app/tuning.hpp)
  config.server.body_limit = 64 * 1024;
  config.server.header_limit = 8 * 1024;
  config.password_cost = accounts::Cost::minimum;
  config.access_log = false;
  config.database_readers = 4;
  config.photo_workers = 1;
  blob_dir = (std::filesystem::temp_directory_path() / ("brilliant-blobs-" + random_token(8))).string();
  config.blob_root = blob_dir;
  config.issuer_key = blob_dir + ".issuer.key";  // one per test database (below: one for the shared PG)
  if (backend && std::string(backend) == "pg") {
    const char* url = std::getenv("BRILLIANT_TEST_PG_URL");
    if (!url || !*url) {
      const char* required = std::getenv("BRILLIANT_REQUIRE_PG");
      if (required && std::string(required) == "1") FAIL() << "BRILLIANT_TEST_PG_URL is not set";
      GTEST_SKIP() << "no PostgreSQL for this run (BRILLIANT_TEST_PG_URL unset)";
    }
    config.database_url = url;
    // Every test of a run shares the PostgreSQL database: its log's checkpoints must verify with the key of
    // whichever test starts next.
    config.issuer_key = (std::filesystem::temp_directory_path() /
                         ("brilliant-test-issuer-" + sha256_hex(url).substr(0, 16) + ".key"))
                            .string();
  } else {
    sqlite_file =
        (std::filesystem::temp_directory_path() / ("brilliant-http-" + random_token(8) + ".db")).string();
    config.database_url = "sqlite:" + sqlite_file;
  }
  // Tests running at once share the PostgreSQL database: each is a cluster of its own (its rate limits,
  // job claims and notices apart from the others'); a test's second node copies its config.
  config.cluster.name = "test-" + random_token(6);
  configure(config);
  TimePoint start;
  parse_utc("2026-11-25T00:00:00Z", start);
  clock = std::make_unique<FixedClock>(start);
  app = std::make_unique<app::App>(config, *clock);
  app->migrate();
  port = app->start();
}

void ServerTest::TearDown() {
  app.reset();
  if (!blob_dir.empty()) std::filesystem::remove_all(blob_dir);
  if (!blob_dir.empty()) std::filesystem::remove(blob_dir + ".issuer.key");
  if (!sqlite_file.empty())
    for (auto suffix : {"", "-wal", "-shm"}) std::filesystem::remove(sqlite_file + suffix);
}

std::string ServerTest::unique_email(const std::string& hint) {
  auto token = random_token(6);
  for (auto& c : token) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return hint + "-" + token + "@example.com";
}

std::unique_ptr<HttpClient> ServerTest::logged_in(web::Role role, const std::string& workshop_slug,
                                                  std::string* email) {
  auto user = app->accounts().add_user({unique_email("user"), "테스트 사용자", "user-password", "ko"}, role,
                                       workshop_slug);
  EXPECT_TRUE(user.ok()) << (user.ok() ? "" : user.error().message);
  if (!user.ok()) return client();
  if (email) *email = user->email;
  auto c = client();
  auto token = c->csrf_from("/login");
  EXPECT_EQ(c->post_form("/login", {{"_csrf", token}, {"email", user->email}, {"password", "user-password"}})
                .status,
            303);
  return c;
}

catalog::Workshop ServerTest::own_workshop(const std::string& prefix, const std::string& name_ko,
                                           const std::string& name_en) {
  const std::string slug = prefix + "-" + random_code(10, "abcdefghijklmnopqrstuvwxyz234567");
  app->database().write([&](soci::session& s) {
    s << "INSERT INTO workshops (slug, name, name_en, created_at, updated_at) VALUES (:s, :n, :e, 'x', 'x')",
        soci::use(slug), soci::use(name_ko), soci::use(name_en);
  });
  auto shop = app->catalog().workshop(slug);
  EXPECT_TRUE(shop.has_value());
  return shop.value_or(catalog::Workshop{});
}

catalog::Product ServerTest::own_ring(const catalog::Workshop& workshop, const std::string& title_en,
                                      int stock, const std::string& title_ko) {
  if (!app->quotes().current().contains("silver")) {  // a fresh SQLite file has none; the demo seeder's value
    EXPECT_TRUE(app->quotes().set_quote("silver", "2026-11-25", 2300, 0, "seed").ok());
  }
  catalog::Product p;
  p.workshop_id = workshop.id;
  p.slug = workshop.slug + "-" + random_code(6, "abcdefghijklmnopqrstuvwxyz234567");
  p.status = catalog::ProductStatus::published;
  p.published_at = "2026-11-25T00:00:00Z";
  p.category = "ring";
  p.title_ko = title_ko.empty() ? "은반지 " + title_en : title_ko;
  p.title_en = title_en;
  p.metal = "silver";
  p.purity = 925;
  p.colour = "white";
  p.weight_mg = 3000;
  p.labour_fee = 40000;
  p.margin_bp = 2000;
  p.engraving_max_chars = 6;
  p.engraving_fee = 10000;
  p.gift_wrap_fee = 3000;
  p.variants.push_back({0, p.slug + "-13", 0, 520, 0, "", 0, stock, 0});
  p.variants.push_back({0, p.slug + "-15", 1, 540, 0, "", 0, 0, 0});
  auto created = app->catalog().create(p, workshop);
  EXPECT_TRUE(created.ok()) << (created.ok() ? "" : created.error().message);
  app->quotes().reprice();
  auto stored = app->catalog().product(p.slug);
  EXPECT_TRUE(stored.has_value());
  return stored.value_or(catalog::Product{});
}

std::unique_ptr<HttpClient> ServerTest::signed_up(const std::string& email, const std::string& password,
                                                  const std::string& name) {
  auto c = client();
  auto csrf = c->csrf_from("/signup");
  auto r =
      c->post_form("/signup", {{"_csrf", csrf}, {"email", email}, {"name", name}, {"password", password}});
  EXPECT_EQ(r.status, 303) << r.body;
  return c;
}

std::string ServerTest::test_jpeg(int width, int height, int shade) {
  vips::VImage xy = vips::VImage::xyz(width, height);
  auto img = (xy[0] * (255.0 / width))
                 .bandjoin(xy[1] * (255.0 / height))
                 .bandjoin(shade % 256)
                 .cast(VIPS_FORMAT_UCHAR);
  void* buf = nullptr;
  size_t size = 0;
  img.write_to_buffer(".jpg", &buf, &size);
  std::string out(static_cast<char*>(buf), size);
  g_free(buf);
  return out;
}

std::string ServerTest::bearer_for(const std::string& email, const std::string& password) {
  auto issued = client()->request(
      "POST", "/api/v1/tokens",
      boost::json::serialize(boost::json::object{{"email", email}, {"password", password}, {"name", "test"}}),
      {"Content-Type: application/json"});
  EXPECT_EQ(issued.status, 201) << issued.body;
  if (issued.status != 201) return "";
  return "Authorization: Bearer " + std::string(boost::json::parse(issued.body).at("token").as_string());
}

}  // namespace brilliant::test
