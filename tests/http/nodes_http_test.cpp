// Two app nodes on one PostgreSQL database (issue 16): a price changed on one node shows on the other's
// pages, so does a piece edited on one; a piece sold out on one is sold out on the other, login limits
// and the booth visitors' form count on both together, what is bought on one teaches the other's
// recommendations (after its listener reconnects too), and each minute's housekeeping runs on one of them.
#include <algorithm>
#include <chrono>
#include <thread>

#include "core/secret.hpp"
#include "core/text.hpp"
#include "db/database.hpp"
#include "http/shop_testing.hpp"

namespace brilliant::test {
namespace {

class NodesHttp : public ShopTest {
 protected:
  void SetUp() override {
    ShopTest::SetUp();
    if (IsSkipped() || HasFailure()) return;
    if (app->database().backend() != db::Backend::postgresql)
      GTEST_SKIP() << "several nodes share a PostgreSQL database (SQLite serves one node)";
    second = std::make_unique<app::App>(app->config(), *clock);  // the same database and cluster
    second_port = second->start();
  }
  void TearDown() override {
    second.reset();
    ShopTest::TearDown();
  }
  std::unique_ptr<HttpClient> on_second() {
    return std::make_unique<HttpClient>("http://127.0.0.1:" + std::to_string(second_port));
  }
  // Asks until the page has `text` (bounded: 10 s); true when it came.
  static bool shows(HttpClient& c, const std::string& path, const std::string& text) {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < give_up) {
      if (c.get(path).body.find(text) != std::string::npos) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
  }

  // Two rings of a new workshop, bought together in the tests: their ids, and the pair's (a < b).
  struct Paired {
    long long ring, band, a, b;
  };
  Paired paired(const std::string& slug, const std::string& korean, const std::string& english) {
    const auto shop = own_workshop(slug, korean, english);
    const auto ring = own_ring(shop, english + " Ring", 3).id, band = own_ring(shop, english + " Band", 3).id;
    return {ring, band, std::min(ring, band), std::max(ring, band)};
  }
  // What `node`'s recommender counts for the pair bought together.
  static float bought_together(app::App& node, const Paired& pair) {
    for (const auto& p : node.recommendations().strongest(marketing::Signal::purchase, 100000))
      if (p.a == pair.a && p.b == pair.b) return p.count;
    return 0.0f;
  }
  // The same, once `node` counts it at all (asked until then; bounded: 15 s).
  static float bought_together_soon(app::App& node, const Paired& pair) {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    while (bought_together(node, pair) == 0.0f && std::chrono::steady_clock::now() < give_up)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    return bought_together(node, pair);
  }

  std::unique_ptr<app::App> second;
  int second_port = 0;
};

TEST_F(NodesHttp, APriceChangedOnOneNodeShowsOnTheOthersPages) {
  const auto shop = own_workshop("nodes", "노드 공방", "Node Atelier");
  const auto ring = own_ring(shop, "Node Ring", 3);
  ASSERT_TRUE(second->notices() && second->notices()->listening());
  auto visitor = on_second();
  const std::string page = "/en/products/" + ring.slug;
  ASSERT_TRUE(shows(*visitor, page, catalog::format_won(ring.price, "en")));  // cached on node 2 now
  const auto today = app->quotes().current().at("silver");
  ASSERT_TRUE(app->quotes().set_quote("silver", today.day, today.won_per_gram + 700, 0, "test").ok());
  const auto repriced = app->catalog().product(ring.slug)->price;
  ASSERT_NE(repriced, ring.price);
  EXPECT_TRUE(shows(*visitor, page, catalog::format_won(repriced, "en")))
      << "node 2 still shows the old price";
  EXPECT_EQ(second->catalog().product(ring.slug)->price, repriced);
  EXPECT_GE(second->notices()->heard(), 1);
  ASSERT_TRUE(app->quotes().set_quote("silver", today.day, today.won_per_gram, 0, today.source).ok());
}

// One piece edited in a workshop's console on node 1: node 2 reads that piece again (a "pieces" notice, not
// the whole catalog) and its page shows the edit.
TEST_F(NodesHttp, APieceEditedOnOneNodeShowsOnTheOthersPages) {
  const auto shop = own_workshop("nodes", "노드 공방", "Node Atelier");
  const auto ring = own_ring(shop, "Edited Node Ring", 3);
  auto visitor = on_second();
  const std::string page = "/en/products/" + ring.slug;
  ASSERT_TRUE(shows(*visitor, page, "3 left"));  // cached on node 2 now
  const auto heard = second->notices()->heard();
  auto maker = logged_in(web::Role::vendor_staff, shop.slug);
  auto edited = maker->request("PUT", "/api/v1/console/products/" + ring.slug,
                               R"({"variant_0_stock":1,"variant_0_stock_seen":3})", json_headers(*maker));
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_TRUE(shows(*visitor, page, "1 left")) << "node 2 still shows the count before the edit";
  EXPECT_GT(second->notices()->heard(), heard);
}

TEST_F(NodesHttp, APieceSoldOutOnOneNodeIsSoldOutOnTheOther) {
  const auto shop = own_workshop("nodes", "노드 공방", "Node Atelier");
  const auto ring = own_ring(shop, "Last Node Ring", 1);
  const auto slug = ring.slug;
  auto visitor = on_second();
  const std::string listing = "/api/v1/products?workshop=" + shop.slug;
  ASSERT_TRUE(shows(*visitor, listing, R"("in_stock":true)"));  // node 2's listing, cached
  auto shopper = signed_up(unique_email("nodes"));
  add_to_cart(*shopper, ring.variants.front().id);
  auto placed = place(*shopper, "nodes-" + slug);
  ASSERT_EQ(placed.status, 201) << placed.body;
  EXPECT_TRUE(shows(*visitor, listing, R"("in_stock":false)"))
      << "node 2 still lists the last piece for sale";
}

TEST_F(NodesHttp, LoginLimitsCountOnBothNodesTogether) {
  const auto email = unique_email("nodes-limit");
  signed_up(email);
  auto one = client();
  auto two = on_second();
  const auto t1 = one->csrf_from("/login"), t2 = two->csrf_from("/login");
  // Five wrong passwords a minute per account: three on one node, two on the other...
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(one->post_form("/login", {{"_csrf", t1}, {"email", email}, {"password", "wrong"}}).status, 401);
  for (int i = 0; i < 2; ++i)
    EXPECT_EQ(two->post_form("/login", {{"_csrf", t2}, {"email", email}, {"password", "wrong"}}).status, 401);
  // ...and the sixth is refused wherever it lands.
  auto sixth = two->post_form("/login", {{"_csrf", t2}, {"email", email}, {"password", "wrong"}});
  EXPECT_EQ(sixth.status, 429);
  EXPECT_FALSE(sixth.header("retry-after").empty());
}

TEST_F(NodesHttp, TheBoothVisitorsFormCountsOnBothNodesTogether) {
  auto op = logged_in(web::Role::operator_);
  const auto slug =
      own_fair(*op, "nodes-fair-",
               R"("name_ko":"노드 박람회","name_en":"Nodes Fair","city":"Seoul","country":"KR",)"
               R"("starts_on":"2027-03-04","ends_on":"2027-03-08","currency":"KRW")");
  const std::string contact = "/exhibitions/" + slug + "/contact";
  auto one = client();
  auto two = on_second();
  const auto t1 = one->csrf_from(contact), t2 = two->csrf_from(contact);
  const auto form = [&](const std::string& token, int i) -> std::vector<std::pair<std::string, std::string>> {
    return {{"_csrf", token},
            {"client_id", "visitor-" + std::to_string(i)},
            {"name", "V"},
            {"email", "v@x.example"},
            {"consent", "1"}};
  };
  // Twenty at once from one address: twelve through one node, eight through the other...
  for (int i = 0; i < 12; ++i) ASSERT_EQ(one->post_form(contact, form(t1, i)).status, 200) << i;
  for (int i = 12; i < 20; ++i) ASSERT_EQ(two->post_form(contact, form(t2, i)).status, 200) << i;
  // ...and the next is asked to wait wherever it lands.
  auto refused = two->post_form(contact, form(t2, 20));
  EXPECT_EQ(refused.status, 429);
  EXPECT_FALSE(refused.header("retry-after").empty());
  EXPECT_EQ(one->post_form(contact, form(t1, 21)).status, 429);
}

// Recommendation counts: a batch written on node 1 is told to node 2, which learns it without writing it
// again (each node's shoppers teach every node's suggestions).
TEST_F(NodesHttp, WhatIsBoughtOnOneNodeTeachesTheOthersRecommendations) {
  const auto pair = paired("nodes", "노드 공방", "Node Atelier");
  ASSERT_EQ(bought_together(*second, pair), 0.0f);  // node 2 has loaded the stored counts
  const auto heard = second->notices()->heard();
  app->recommendations().paid(0, 0, {pair.ring, pair.band});  // what a paid order's pieces do
  EXPECT_EQ(bought_together(*app, pair), 1.0f);
  EXPECT_EQ(bought_together_soon(*second, pair), 1.0f) << "node 2 did not learn node 1's purchase";
  EXPECT_GT(second->notices()->heard(), heard);
  second->recommendations().flush();
  const auto stored = app->database().read([&](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COALESCE(SUM(n), 0) FROM co_counts WHERE signal = 'purchase' AND product_a = :a AND "
           "product_b = :b",
        soci::use(pair.a), soci::use(pair.b), soci::into(n);
    return n;
  });
  EXPECT_EQ(stored, 1) << "heard on node 2 and written again";
}

// A node whose listener's connection broke did not hear the batches told meanwhile; once it has listened
// again it reads the stored counts again, so its suggestions do not lag until a restart.
TEST_F(NodesHttp, ANodeThatListensAgainReadsTheCountsItMissed) {
  const auto pair = paired("relisten", "재연결 공방", "Relisten Atelier");
  ASSERT_EQ(bought_together(*second, pair), 0.0f);  // node 2 has loaded the stored counts
  app->recommendations().relay_to(nullptr);         // node 1 tells no one: as if node 2 were not listening
  app->recommendations().paid(0, 0, {pair.ring, pair.band});
  ASSERT_EQ(bought_together(*app, pair), 1.0f);
  ASSERT_EQ(bought_together(*second, pair), 0.0f);
  // The database ends the cluster's listening connections (as a restart or a failover would).
  const std::string listen = "LISTEN \"" + app->config().cluster.name + "\"";
  app->database().read([&](soci::session& sql) {
    sql << "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = :q AND pid <> "
           "pg_backend_pid()",
        soci::use(listen);
  });
  EXPECT_EQ(bought_together_soon(*second, pair), 1.0f) << "node 2 did not read the count it missed";
  EXPECT_EQ(bought_together(*app, pair), 1.0f);  // node 1 read its own count again, not twice
}

TEST_F(NodesHttp, EachMinutesHousekeepingRunsOnOneNode) {
  // Both nodes started within the test; whatever minute they are in, each housekeeping minute has one
  // claim, by one of the two.
  const auto cluster = app->config().cluster.name;
  auto claims = app->database().read([&](soci::session& sql) {
    std::vector<std::pair<std::string, std::string>> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT slot, node FROM job_runs WHERE job = :job ORDER BY slot",
         soci::use(cluster + ":housekeeping"));
    for (const auto& r : rows) out.push_back({r.get<std::string>(0), r.get<std::string>(1)});
    return out;
  });
  ASSERT_FALSE(claims.empty());
  for (size_t i = 0; i < claims.size(); ++i) {
    if (i) {
      EXPECT_NE(claims[i].first, claims[i - 1].first) << "a minute claimed twice";
    }
    EXPECT_TRUE(claims[i].second == app->node() || claims[i].second == second->node()) << claims[i].second;
  }
}

}  // namespace
}  // namespace brilliant::test
