// The program report's routes as the operator calls them: the page in both languages with its chart, the
// JSON figures, the CSV (a spreadsheet's BOM, "not yet in use") and the PDF; a bad year is refused by name.
#include "reports/routes.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "db/database.hpp"
#include "reports/testing.hpp"
#include "web/testing.hpp"

namespace brilliant::reports {
namespace {
namespace json = boost::json;
using web::Method;

class ReportRoutesTest : public ReportRepoTest {
 protected:
  void SetUp() override {
    ReportRepoTest::SetUp();
    order("paid", "2026-05-05T03:00:00Z", 120000);
    add_routes(router,
               {*db, pages.renderer, clock, [](const std::string& l) { return l == "en" ? "B" : "비"; }});
  }
  web::Response call(const std::string& pattern, const std::string& query, bool json = true,
                     const std::string& locale = "ko") {
    return web::call_route(router, Method::get, pattern, {}, web::person(1, web::Role::operator_), "", query,
                           json, locale);
  }
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
