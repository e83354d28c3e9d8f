// The program report's arithmetic: months in Seoul time, channels, the workshops' and channels' rows adding
// up to the totals, states at the year's end, and "not yet in use" for parts nobody has used.
#include "reports/program.hpp"

#include <gtest/gtest.h>

#include <numeric>

#include "core/csv.hpp"

namespace brilliant::reports {
namespace {

Facts sample_facts() {
  Facts f;
  f.year = 2026;
  // Order 1: two workshops, paid on 1 January 00:30 Seoul (still 2025 in UTC).
  f.sales.push_back({1, "2025-12-31T15:30:00Z", 10, "금 공방", 100000, "store"});
  f.sales.push_back({1, "2025-12-31T15:30:00Z", 20, "은 공방", 50000, "store"});
  f.sales.push_back({2, "2026-03-10T01:00:00Z", 10, "금 공방", 70000, "marketplaces"});
  f.sales.push_back({3, "2026-03-11T01:00:00Z", 20, "은 공방", 30000, "live"});
  f.sales.push_back({4, "2026-12-31T15:00:00Z", 20, "은 공방", 99999, "store"});  // 2027 in Seoul: left out
  f.workshops = {{10, "2025-06-01T00:00:00Z"}, {20, "2026-02-15T00:00:00Z"}};
  f.published = {"2026-01-05T00:00:00Z", "2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z"};
  f.certificates = {{10, "2026-04-01T00:00:00Z", "2029-04-01T00:00:00Z", "active", "2026-04-01T00:00:00Z"}};
  f.in_use.live = true;
  f.in_use.certification = true;
  return f;
}

TEST(ProgramReport, AnOrderCountsInTheSeoulMonthItWasPaid) {
  EXPECT_EQ(seoul_month("2025-12-31T15:30:00Z", 2026), 1);
  EXPECT_EQ(seoul_month("2025-12-31T14:59:00Z", 2026), 0);
  EXPECT_EQ(seoul_month("2026-12-31T15:00:00Z", 2026), 0);
  EXPECT_EQ(seoul_month("not a time", 2026), 0);
  EXPECT_EQ(year_bounds(2026),
            (std::pair<std::string, std::string>{"2025-12-31T15:00:00Z", "2026-12-31T15:00:00Z"}));
}

TEST(ProgramReport, ChannelsComeFromLiveDealsAndTheFeedsLinks) {
  EXPECT_EQ(channel_of(true, false, "b2b", "quote"), "b2b");
  EXPECT_EQ(channel_of(true, true, "", ""), "b2b");
  EXPECT_EQ(channel_of(false, true, "naver", "shopping_feed"), "live");
  EXPECT_EQ(channel_of(false, false, "naver", "shopping_feed"), "marketplaces");
  EXPECT_EQ(channel_of(false, false, "kakao", "catalog_feed"), "marketplaces");
  EXPECT_EQ(channel_of(false, false, "naver", "blog"), "store");
  EXPECT_EQ(channel_of(false, false, "mail", "email"), "store");
}

TEST(ProgramReport, TotalsAreTheSumsOfTheirRows) {
  const auto r = build_report(sample_facts());
  EXPECT_EQ(r.months[0].orders, 1);
  EXPECT_EQ(r.months[0].gmv, 150000);
  EXPECT_EQ(r.months[2].orders, 2);
  EXPECT_EQ(r.total.orders, 3);
  EXPECT_EQ(r.total.gmv, 250000);
  EXPECT_EQ(r.total.aov(), 83333);
  long long months_gmv = 0, months_orders = 0;
  for (const auto& m : r.months) {
    months_gmv += m.gmv;
    months_orders += m.orders;
    EXPECT_EQ(std::accumulate(m.channel_gmv.begin(), m.channel_gmv.end(), 0LL), m.gmv);
    EXPECT_EQ(std::accumulate(m.channel_orders.begin(), m.channel_orders.end(), 0LL), m.orders);
  }
  EXPECT_EQ(months_gmv, r.total.gmv);
  EXPECT_EQ(months_orders, r.total.orders);
  long long workshops_gmv = 0;
  for (const auto& w : r.workshops) workshops_gmv += w.gmv;
  EXPECT_EQ(workshops_gmv, r.total.gmv);
  ASSERT_EQ(r.workshops.size(), 2u);
  EXPECT_EQ(r.workshops[0].name, "금 공방");  // the larger first
  EXPECT_EQ(r.workshops[0].orders, 2);
  EXPECT_EQ(r.total.channel_gmv[1], 70000);  // marketplaces
  EXPECT_EQ(r.total.channel_gmv[2], 30000);  // live
  EXPECT_EQ(r.total.new_products, 3);
  EXPECT_EQ(r.months[2].new_products, 2);
}

TEST(ProgramReport, ExhibitionLeadsAndB2bContractsCountInTheirSeoulMonthsAndAddUp) {
  auto f = sample_facts();
  f.sales.push_back({5, "2026-05-02T01:00:00Z", 10, "금 공방", 450000, "b2b"});
  f.leads = {"2026-03-05T02:00:00Z", "2026-03-06T02:00:00Z", "2026-03-31T16:00:00Z"};  // the last: April
  f.contracts = {"2026-05-01T03:00:00Z"};
  f.in_use.exhibitions = f.in_use.b2b = true;
  const auto r = build_report(f);
  EXPECT_EQ(r.months[2].leads, 2);
  EXPECT_EQ(r.months[3].leads, 1);
  EXPECT_EQ(r.months[4].contracts, 1);
  EXPECT_EQ(r.total.leads, 3);
  EXPECT_EQ(r.total.contracts, 1);
  EXPECT_EQ(r.total.channel_gmv[3], 450000);  // B2B
  EXPECT_EQ(r.total.channel_orders[3], 1);
  const auto csv = report_csv(r, [](const std::string& key) { return key; });
  EXPECT_NE(csv.find("reports.exhibitions,reports.leads,reports.contracts\r\nreports.total,3,1"),
            std::string::npos);
}

TEST(ProgramReport, StatesAreCountedAtEachMonthsEnd) {
  const auto r = build_report(sample_facts());
  EXPECT_EQ(r.months[0].workshops, 1);  // the second joined in February
  EXPECT_EQ(r.months[1].workshops, 2);
  EXPECT_EQ(r.total.workshops, 2);
  EXPECT_EQ(r.months[0].active_workshops, 2);
  EXPECT_EQ(r.months[1].active_workshops, 0);
  EXPECT_EQ(r.total.active_workshops, 2);
  EXPECT_EQ(r.months[2].certified_workshops, 0);
  EXPECT_EQ(r.months[3].certified_workshops, 1);
  EXPECT_EQ(r.total.certified_workshops, 1);
  EXPECT_EQ(r.total.certificates_issued, 1);
}

TEST(ProgramReport, TheCsvSaysNotYetInUseRatherThanZero) {
  const auto csv = report_csv(build_report(sample_facts()), [](const std::string& key) { return key; });
  auto rows = parse_csv(csv);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  const auto& head = (*rows)[1].fields;
  const auto column = [&](const std::string& name) {
    return static_cast<size_t>(std::find(head.begin(), head.end(), name) - head.begin());
  };
  const auto& january = (*rows)[2].fields;
  EXPECT_EQ(january[0], "2026-01");
  EXPECT_EQ(january[column("reports.gmv")], "150000");
  EXPECT_EQ(january[column("reports.channel.b2b")], "reports.not_in_use");
  EXPECT_EQ(january[column("reports.channel.live")], "0");
  EXPECT_EQ(january[column("reports.trainees")], "reports.not_in_use");
  const auto& total = (*rows)[14].fields;
  EXPECT_EQ(total[0], "reports.total");
  EXPECT_EQ(total[column("reports.orders")], "3");
  EXPECT_NE(
      csv.find("reports.exhibitions,reports.leads,reports.contracts\r\nreports.total,reports.not_in_use,"
               "reports.not_in_use"),
      std::string::npos);
  EXPECT_NE(csv.find("금 공방,2,170000"), std::string::npos);
}

}  // namespace
}  // namespace brilliant::reports
