// Leads synced from the booth: a retried sync adds nothing, an edit on the current version updates it, an
// edit on an older copy is kept beside it until someone chooses; a visitor must consent and give a way to
// reach them; interests must be pieces at the fair.
#include "exhibitions/leads.hpp"

#include <gtest/gtest.h>

#include "exhibitions/testing.hpp"

namespace brilliant::exhibitions {
namespace {

LeadInput tanaka() {
  return {"device-1-lead-0001",
          0,
          "Tanaka Yui",
          "Ginza Jewels",
          "yui@ginza.example",
          "+81 3 0000 0000",
          "jp",
          "wants 50 rings",
          "2026-03-05T02:00:00Z",
          {1, 1},
          4,
          true};
}

TEST_F(ExhibitionsTest, ASyncRetriedOrEditedOnAStaleCopyLosesNothing) {
  const long long fair = exhibitions.create(hong_kong())->id;
  Leads leads(*db, clock);
  auto first = leads.sync(fair, tanaka(), 1, false, {1});
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->outcome, Synced::created);
  EXPECT_EQ(first->lead.fields.country, "JP");
  EXPECT_EQ(first->lead.fields.interests, std::vector<long long>{1});
  EXPECT_EQ(leads.sync(fair, tanaka(), 1, false, {1})->outcome, Synced::unchanged);  // a retried sync
  auto edit = tanaka();
  edit.base_version = 1;
  edit.notes = "wants 80 rings";
  auto updated = leads.sync(fair, edit, 1, false, {1});
  EXPECT_EQ(updated->outcome, Synced::updated);
  EXPECT_EQ(updated->lead.version, 2);
  auto stale = tanaka();
  stale.base_version = 1;  // another phone edited version 1 meanwhile
  stale.rating = 2;
  auto conflict = leads.sync(fair, stale, 1, false, {1});
  ASSERT_TRUE(conflict.ok());
  EXPECT_EQ(conflict->outcome, Synced::conflict);
  EXPECT_EQ(conflict->lead.fields.notes, "wants 80 rings");  // the stored one stays
  EXPECT_NE(conflict->lead.conflict.find("\"rating\":2"), std::string::npos);
  ASSERT_EQ(leads.of(fair).size(), 1u);
  EXPECT_EQ(leads.resolve(fair, conflict->lead.id, "mine").error().field, "choice");
  auto chosen = leads.resolve(fair, conflict->lead.id, "theirs");
  ASSERT_TRUE(chosen.ok());
  EXPECT_EQ(chosen->fields.rating, 2);
  EXPECT_TRUE(chosen->conflict.empty());
  EXPECT_EQ(chosen->version, 3);
  EXPECT_EQ(leads.resolve(fair, conflict->lead.id, "kept").error().code, "no_conflict");
}

TEST_F(ExhibitionsTest, BadLeadsAreRefusedByField) {
  const long long fair = exhibitions.create(hong_kong())->id;
  Leads leads(*db, clock);
  const std::pair<void (*)(LeadInput&), const char*> bad[] = {
      {[](LeadInput& l) { l.client_id = "short"; }, "client_id"},
      {[](LeadInput& l) { l.name = ""; }, "name"},
      {[](LeadInput& l) { l.email = "not an address"; }, "email"},
      {[](LeadInput& l) { l.country = "JPN"; }, "country"},
      {[](LeadInput& l) { l.rating = 6; }, "rating"},
      {[](LeadInput& l) { l.interests = {2}; }, "interests"}};
  for (const auto& [spoil, field] : bad) {
    auto in = tanaka();
    spoil(in);
    auto refused = leads.sync(fair, in, 1, false, {1});
    ASSERT_FALSE(refused.ok()) << field;
    EXPECT_EQ(refused.error().field, field);
  }
  auto visitor = tanaka();
  visitor.consent = false;
  EXPECT_EQ(leads.sync(fair, visitor, 0, true, {1}).error().field, "consent");
  visitor.consent = true;
  visitor.email = visitor.phone = "";
  EXPECT_EQ(leads.sync(fair, visitor, 0, true, {1}).error().field, "email");
  visitor.email = "v@x.example";
  auto left = leads.sync(fair, visitor, 0, true, {1});
  ASSERT_TRUE(left.ok());
  EXPECT_EQ(left->lead.source, "visitor");
  EXPECT_EQ(leads.sync(fair, visitor, 0, true, {1}).error().code, "lead_exists");  // a double submit
  EXPECT_TRUE(leads.of(fair + 1).empty());
}

}  // namespace
}  // namespace brilliant::exhibitions
