// The SQL of returns and evidence (return_repo.cpp), read back on the test studio's packed order B-1.
#include <gtest/gtest.h>

#include "studio/repo.hpp"
#include "studio/testing.hpp"

namespace brilliant::studio {

using ReturnRepo = StudioFixture;

TEST_F(ReturnRepo, ShippedItemsInspectionsAndEvidencePhotosReadBack) {
  const auto serial = packed_order();
  const auto stay = studio.intake(1, "BR-1-13", "3.20", "", "").value();
  db->write([&](soci::session& sql) {
    const auto item = *repo::item(sql, serial);
    EXPECT_EQ(repo::shipped_order_of(sql, item.id), "B-1");
    EXPECT_FALSE(repo::shipped_order_of(sql, stay.id));
    EXPECT_EQ(repo::order_serials(sql, "B-1", 0), std::vector<std::string>{serial});
    EXPECT_EQ(repo::order_serials(sql, "B-1", 1), std::vector<std::string>{serial});
    EXPECT_TRUE(repo::order_serials(sql, "B-1", 2).empty());
    EXPECT_GT(repo::latest_event(sql, item.id, "packed"), 0);
    EXPECT_EQ(repo::latest_event(sql, item.id, "restocked"), 0);
    EXPECT_FALSE(repo::open_inspection(sql, item.id));
    ReturnInspection r;
    r.item_id = item.id;
    r.order_number = "B-1";
    r.event_id = repo::latest_event(sql, item.id, "shipped");
    r.weight_cg = 318;
    r.created_at = "2026-11-29T10:00:00Z";
    const auto id = repo::insert_inspection(sql, r, 1);
    EXPECT_EQ(repo::open_inspection(sql, item.id), id);
    auto read = repo::inspection(sql, id);
    ASSERT_TRUE(read);
    EXPECT_EQ(read->serial, serial);
    EXPECT_EQ(read->packed_cg, 320);
    EXPECT_EQ(read->weight_cg, 318);
    EXPECT_EQ(read->opened_by, "Station");
    EXPECT_EQ(repo::inspections_of_order(sql, "B-1"), std::vector<long long>{id});
    repo::decide(sql, id, "escalate", "ask", 61, 1, 5, "2026-11-29T11:00:00Z");
    EXPECT_EQ(repo::open_inspection(sql, item.id), id);  // escalated: still open
    repo::decide(sql, id, "reject", "not ours", 40, 1, 6, "2026-11-29T12:00:00Z");
    EXPECT_FALSE(repo::open_inspection(sql, item.id));
    read = repo::inspection(sql, id);
    EXPECT_EQ(read->decision, "reject");
    EXPECT_EQ(read->decided_by, "Station");
    EXPECT_EQ(read->score, 40);
    EXPECT_EQ(repo::recent_inspections(sql, 5).size(), 1u);
  });
  // Every evidence photo is found by its hash for its order (and its workshop's parcel) only.
  for (const auto& p : studio.evidence("B-1").photos)
    db->read([&](soci::session& sql) {
      EXPECT_TRUE(repo::evidence_photo(sql, "B-1", p.hash, 0)) << p.view;
      EXPECT_TRUE(repo::evidence_photo(sql, "B-1", p.hash, 1)) << p.view;
      EXPECT_FALSE(repo::evidence_photo(sql, "B-1", p.hash, 2)) << p.view;
      EXPECT_FALSE(repo::evidence_photo(sql, "B-9", p.hash, 0)) << p.view;
      return 0;
    });
}

}  // namespace brilliant::studio
