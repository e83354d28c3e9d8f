#include "b2b/repo.hpp"

#include "b2b/testing.hpp"

namespace brilliant::b2b {
namespace {

using Repo = B2bFixture;

TEST_F(Repo, AStatusChangeHappensOnlyFromTheStatusTheCallerSaw) {
  const auto q = sent_quote();
  db->write([&](soci::session& sql) {
    EXPECT_FALSE(repo::move(sql, q.id, "draft", "declined", "t"));  // it is sent, not draft
    EXPECT_TRUE(repo::move(sql, q.id, "sent", "accepted", "t"));
    EXPECT_FALSE(repo::mark_ordered(sql, q.id + 1, 1, "t"));
    EXPECT_FALSE(repo::answer(sql, q.id, "sent", "sent", {1, 1, 0, 1, ""}, "t", "t"));
  });
  EXPECT_EQ(db->read([&](soci::session& sql) { return repo::quote(sql, q.number)->status; }), "accepted");
}

TEST_F(Repo, QuotesAreListedByBuyerWorkshopAndStatusWithTheBuyersCompany) {
  sent_quote();
  ASSERT_TRUE(b2b.request(buyer, {"sun-chain", 0, 4, "", ""}).ok());
  db->read([&](soci::session& sql) {
    EXPECT_EQ(repo::quotes(sql, buyer, 0).size(), 2u);
    EXPECT_EQ(repo::quotes(sql, 0, 2).size(), 1u);
    EXPECT_EQ(repo::quotes(sql, 0, 0, 10, "draft").size(), 1u);
    EXPECT_EQ(repo::quotes(sql, 0, 0, 10, "draft").at(0).product_slug, "sun-chain");
    EXPECT_EQ(repo::quotes(sql, 0, 1).at(0).buyer_company, "Siam Gems");
    EXPECT_EQ(repo::quotes(sql, 0, 1).at(0).buyer_country, "TH");
    EXPECT_EQ(repo::workshop_people(sql, 1).size(), 1u);
    EXPECT_EQ(repo::workshop_people(sql, 2).size(), 0u);
  });
}

}  // namespace
}  // namespace brilliant::b2b
