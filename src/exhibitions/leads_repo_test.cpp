// The leads' SQL: found by the device's id and by id within their fair only, updated with a version and a
// conflict kept beside.
#include "exhibitions/leads_repo.hpp"

#include <gtest/gtest.h>

#include "exhibitions/testing.hpp"

namespace brilliant::exhibitions {
namespace {

TEST_F(ExhibitionsTest, LeadsAreStoredPerFair) {
  const long long fair = exhibitions.create(hong_kong())->id;
  LeadInput in{"phone-a-0001",         0,      "Kim", "Co", "k@x.example", "", "KR", "",
               "2026-03-05T02:00:00Z", {1, 2}, 3,     true};
  db->write([&](soci::session& sql) {
    const auto id = leads_repo::insert(sql, fair, in, "booth", 0, "t");
    in.notes = "later";
    leads_repo::update(sql, id, in, 2, "{\"name\":\"x\"}", "t2");
  });
  const auto l =
      db->read([&](soci::session& sql) { return leads_repo::by_client(sql, fair, "phone-a-0001"); });
  ASSERT_TRUE(l.has_value());
  EXPECT_EQ(l->fields.notes, "later");
  EXPECT_EQ(l->version, 2);
  EXPECT_EQ(l->fields.interests, (std::vector<long long>{1, 2}));
  EXPECT_EQ(l->conflict, "{\"name\":\"x\"}");
  EXPECT_FALSE(
      db->read([&](soci::session& sql) { return leads_repo::by_id(sql, fair + 1, l->id); }).has_value());
  db->write([&](soci::session& sql) { leads_repo::set_conflict(sql, l->id, "", "t3"); });
  EXPECT_TRUE(db->read([&](soci::session& sql) { return leads_repo::of(sql, fair); }).at(0).conflict.empty());
}

}  // namespace
}  // namespace brilliant::exhibitions
