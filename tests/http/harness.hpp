// Starts the real server in-process on a free port for one test, against the backend the test run
// names: BRILLIANT_TEST_BACKEND=sqlite (a fresh temporary file) or pg (BRILLIANT_TEST_PG_URL, a
// throwaway cluster that scripts/test.sh creates; the tests skip without it unless
// BRILLIANT_REQUIRE_PG=1, which make test sets).
#pragma once
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "app/app.hpp"
#include "http/http_client.hpp"

namespace brilliant::test {

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;
  // Lets a test change the settings before the server starts.
  virtual void configure(app::Config&) {}

  std::string base() const { return "http://127.0.0.1:" + std::to_string(port); }
  std::unique_ptr<HttpClient> client() { return std::make_unique<HttpClient>(base()); }
  // An email no other test (or earlier run on the same database) has used.
  static std::string unique_email(const std::string& hint);
  // Signs up through the page and returns the logged-in client.
  // Adds a user with the role (vendor staff bound to workshop_slug) and returns a client logged in as them.
  std::unique_ptr<HttpClient> logged_in(web::Role role, const std::string& workshop_slug = "",
                                        std::string* email = nullptr);
  std::unique_ptr<HttpClient> signed_up(const std::string& email,
                                        const std::string& password = "a-long-password",
                                        const std::string& name = "테스트 고객");

  // A workshop of this test's own (a unique slug, so the shared PostgreSQL database never collides).
  catalog::Workshop own_workshop(const std::string& prefix, const std::string& name_ko,
                                 const std::string& name_en);
  // A published silver ring of that workshop, priced by formula from today's silver quote, engravable (6
  // characters, 10,000 won) and gift-wrappable (3,000 won), in two sizes: 13호 with `stock` pieces and
  // 15호 sold out; returns it as stored (with ids and price).
  catalog::Product own_ring(const catalog::Workshop& workshop, const std::string& title_en, int stock,
                            const std::string& title_ko = "");

  // A JPEG photo of a gradient (libvips), its blue channel set by `shade`, so that photos can differ.
  static std::string test_jpeg(int width, int height, int shade = 128);
  // "Authorization: Bearer ..." for a new API token of the account (POST /api/v1/tokens).
  std::string bearer_for(const std::string& email, const std::string& password = "a-long-password");

  std::unique_ptr<FixedClock> clock;
  std::unique_ptr<app::App> app;
  int port = 0;
  std::string sqlite_file;
  std::string blob_dir;
};

}  // namespace brilliant::test
