#include "vendors/events.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "db/testing.hpp"

namespace brilliant::vendors {
namespace {

class EventsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db->write([](soci::session& s) {
      s << "INSERT INTO workshops (slug, name, created_at, updated_at) VALUES ('moon', 'Moon', 'x', 'x')";
      s << "INSERT INTO users (email, name, password_hash, created_at, updated_at) VALUES ('a@x.example', "
           "'Ahn', 'h', 'x', 'x')";
      s << "INSERT INTO workshop_applications (applicant_id, business_name, registration_no, representative, "
           "address, phone, bank_name, bank_account, account_holder, created_at, updated_at) VALUES "
           "(1, 'Moon', '1234567890', 'Ahn', 'Iksan', '010', 'Bank', '1', 'Ahn', 'x', 'x')";
    });
  }
  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
};

TEST_F(EventsTest, EachHistoryKeepsItsOwnEventsInTheOrderAsked) {
  db->write([](soci::session& s) {
    record_event(s, workshop_log, 1, 1, "invited", "b@x.example", "2026-12-01T00:00:00Z");
    record_event(s, workshop_log, 1, 0, "suspended", "", "2026-12-02T00:00:00Z");  // by the system
    record_event(s, application_log, 1, 1, "submitted", "", "2026-12-03T00:00:00Z");
  });
  auto workshop = db->read([](soci::session& s) { return read_events(s, workshop_log, 1, true); });
  ASSERT_EQ(workshop.size(), 2u);
  EXPECT_EQ(workshop[0].kind, "suspended");  // newest first
  EXPECT_EQ(workshop[0].author, "");         // no one: the system
  EXPECT_EQ(workshop[1].kind, "invited");
  EXPECT_EQ(workshop[1].author, "Ahn");
  EXPECT_EQ(workshop[1].message, "b@x.example");
  auto oldest_first = db->read([](soci::session& s) { return read_events(s, workshop_log, 1, false); });
  ASSERT_EQ(oldest_first.size(), 2u);
  EXPECT_EQ(oldest_first[0].kind, "invited");
  auto application = db->read([](soci::session& s) { return read_events(s, application_log, 1, false); });
  ASSERT_EQ(application.size(), 1u);
  EXPECT_EQ(application[0].kind, "submitted");
  EXPECT_EQ(application[0].created_at, "2026-12-03T00:00:00Z");
}

TEST(EventsJson, NamesTheKindShowsSeoulTimeAndLeavesOutAnEmptyMessage) {
  const std::vector<VendorEvent> events{{"invited", "b@x.example", "Ahn", "2026-12-01T00:00:00Z"},
                                        {"reinstated", "", "", "2026-12-01T15:30:00Z"}};
  auto out = events_json(events, [](const std::string& kind) { return "text of " + kind; });
  ASSERT_EQ(out.size(), 2u);
  const auto& first = out[0].as_object();
  EXPECT_EQ(first.at("kind_text").as_string(), "text of invited");
  EXPECT_EQ(first.at("message").as_string(), "b@x.example");
  EXPECT_EQ(first.at("at").as_string(), "2026-12-01 09:00");
  const auto& second = out[1].as_object();
  EXPECT_FALSE(second.contains("message"));  // {{#message}} would open on an empty string
  EXPECT_EQ(second.at("at").as_string(), "2026-12-02 00:30");
}

}  // namespace
}  // namespace brilliant::vendors
