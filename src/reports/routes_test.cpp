// The program report's routes as the operator calls them: the page in both languages with its chart, the
// JSON figures, the CSV (a spreadsheet's BOM, "not yet in use") and the PDF; a bad year is refused by name.
#include "reports/routes.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "db/database.hpp"
#include "db/testing.hpp"
#include "web/testing.hpp"

namespace brilliant::reports {
namespace {
namespace json = boost::json;
using web::Method;

class ReportRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db->write([](soci::session& sql) {
      sql << "INSERT INTO workshops (slug, name, status, created_at, updated_at) VALUES ('g', '금 공방', "
             "'active', "
             "'2026-01-01T00:00:00Z', 'x')";
      sql << "INSERT INTO users (email, name, password_hash, created_at, updated_at) VALUES ('u@x', 'U', '', "
             "'x', "
             "'x')";
      sql << "INSERT INTO orders (number, user_id, checkout_key, request_hash, status, payment_method, "
             "subtotal, "
             "shipping_fee, total, recipient, phone, postcode, address, locale, pay_by, paid_at, created_at, "
             "updated_at) VALUES ('BR-1', 1, 'k', '', 'paid', 'bank_transfer', 120000, 0, 120000, 'R', "
             "'010', "
             "'1', 'A', 'ko', 'x', '2026-05-05T03:00:00Z', 'x', 'x')";
      sql << "INSERT INTO fulfilments (order_id, workshop_id, status, subtotal, shipping_fee, created_at, "
             "updated_at) VALUES (1, 1, 'to_ship', 120000, 0, 'x', 'x')";
    });
    add_routes(router,
               {*db, pages.renderer, clock, [](const std::string& l) { return l == "en" ? "B" : "비"; }});
  }
  web::Response call(const std::string& pattern, const std::string& query, bool json = true,
                     const std::string& locale = "ko") {
    const auto* route = web::find_route(router, Method::get, pattern);
    EXPECT_NE(route, nullptr) << pattern;
    web::Request req;
    req.method = Method::get;
    req.path = pattern;
    req.query = query;
    req.locale = locale;
    req.user = web::person(1, web::Role::operator_);
    if (json) req.headers.push_back({"Accept", "application/json"});
    return route->handler(req);
  }
  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
  FixedClock clock{TimePoint{} + std::chrono::hours(24 * (365 * 56 + 14 + 300))};  // in 2026
  web::TestPages pages;
  web::Router router;
};

TEST_F(ReportRoutesTest, FiguresAsJsonForTheAskedYear) {
  auto r = call("/api/v1/operator/reports/program", "year=2026");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto o = json::parse(r.body).as_object();
  EXPECT_EQ(o.at("year").as_int64(), 2026);
  EXPECT_EQ(o.at("total").at("gmv").as_int64(), 120000);
  EXPECT_EQ(o.at("months").as_array().at(4).at("orders").as_int64(), 1);
  EXPECT_TRUE(o.at("total").at("trainees").is_null());  // the academy is not in use
  EXPECT_TRUE(o.at("total").at("channels").at("b2b").is_null());
  EXPECT_FALSE(o.contains("chart"));
  EXPECT_EQ(json::parse(call("/api/v1/operator/reports/program", "").body).at("year").as_int64(), 2026);
  r = call("/api/v1/operator/reports/program", "year=1999");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("year"), std::string::npos);
}

TEST_F(ReportRoutesTest, ThePageDrawsItsChartInBothLanguages) {
  for (const char* locale : {"ko", "en"}) {
    const auto r = call("/operator/reports/program", "year=2026", false, locale);
    ASSERT_EQ(r.status, 200);
    EXPECT_NE(r.body.find("<svg"), std::string::npos);
    EXPECT_NE(r.body.find(std::string(locale) == "ko" ? "아직 사용 전" : "not yet in use"),
              std::string::npos);
    EXPECT_NE(r.body.find(std::string(locale) == "ko" ? "120,000원" : "₩120,000"), std::string::npos);
  }
}

TEST_F(ReportRoutesTest, CsvAndPdfDownloads) {
  auto r = call("/operator/reports/program.csv", "year=2026", false);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(r.body.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(r.body.find("2026-05,1,120000,120000"), std::string::npos) << r.body;
  EXPECT_NE(r.header("Content-Disposition").find("program-2026.csv"), std::string::npos);
  r = call("/operator/reports/program.pdf", "year=2026", false, "en");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body.substr(0, 5), "%PDF-");
}

}  // namespace
}  // namespace brilliant::reports
