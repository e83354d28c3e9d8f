// The sales channels' feeds over HTTP (issue 19) on SQLite and PostgreSQL: a crawler reads the Naver,
// Google and Kakao feeds (a piece in stock is listed with its price, a tracked link and a JPEG picture;
// a sold-out one is not; a story with tabs, line breaks and markup stays one TSV row and well-escaped
// XML); the operator maps a category (a shopper may not) and the feeds carry it; a change shows in
// Naver's incremental feed. Slugs are unique per run: the PostgreSQL database is shared.
#include <algorithm>
#include <boost/json.hpp>

#include "catalog/repo.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "http/shop_testing.hpp"

namespace brilliant::test {
namespace {

namespace json = boost::json;

// The TSV row whose first field is `id`, split at tabs; empty when none.
std::vector<std::string> row_of(const std::string& tsv, long long id) {
  const std::string start = "\n" + std::to_string(id) + "\t";
  const auto at = tsv.find(start);
  if (at == std::string::npos) return {};
  const auto line = tsv.substr(at + 1, tsv.find('\n', at + 1) - at - 1);
  std::vector<std::string> fields;
  size_t from = 0;
  for (size_t tab; (tab = line.find('\t', from)) != std::string::npos; from = tab + 1)
    fields.push_back(line.substr(from, tab - from));
  fields.push_back(line.substr(from));
  return fields;
}

// The header row's column count.
size_t columns(const std::string& tsv) {
  const auto header = tsv.substr(0, tsv.find('\n'));
  return static_cast<size_t>(std::count(header.begin(), header.end(), '\t')) + 1;
}

class ChannelsHttp : public ShopTest {};

TEST_F(ChannelsHttp, CrawlersReadTheFeedsAndTheOperatorMapsCategories) {
  const auto w = own_workshop("feeds", "피드 공방", "Feeds Atelier");
  const auto ring = own_ring(w, "Feed Ring", 3, "피드 반지");
  const auto sold = own_ring(w, "Sold Ring", 0, "품절 반지");
  const std::string story = "달빛\t아래\n<b>빛</b> & 별";
  app->database().write([&](soci::session& sql) {
    sql << "UPDATE products SET story_ko = :s WHERE id = :i", soci::use(story), soci::use(ring.id);
    for (long long id : {ring.id, sold.id})
      catalog::repo::insert_image(sql, id, 0, "image/svg+xml",
                                  "<svg xmlns='http://www.w3.org/2000/svg' width='9' height='9'/>", "", "");
  });
  app->catalog().refresh();
  auto crawler = client();

  auto naver = crawler->get("/feeds/naver-ep.tsv");
  ASSERT_EQ(naver.status, 200);
  EXPECT_EQ(naver.header("content-type"), "text/tab-separated-values; charset=utf-8");
  const auto row = row_of(naver.body, ring.id);
  ASSERT_EQ(row.size(), columns(naver.body)) << naver.body.substr(0, 400);
  EXPECT_EQ(row[1], "피드 반지");
  EXPECT_EQ(row[2], std::to_string(app->catalog().product(ring.slug)->price));
  EXPECT_EQ(row[5], base() + "/products/" + ring.slug + "?utm_source=naver&utm_medium=shopping_feed");
  EXPECT_TRUE(row_of(naver.body, sold.id).empty());  // sold out: not listed

  const auto image = crawler->get(row[7].substr(base().size()));
  EXPECT_EQ(image.status, 200);
  EXPECT_EQ(image.header("content-type"), "image/jpeg");

  auto google = crawler->get("/feeds/google.xml");
  ASSERT_EQ(google.status, 200);
  EXPECT_NE(google.body.find("<g:id>" + std::to_string(ring.id) + "</g:id>"), std::string::npos);
  EXPECT_NE(google.body.find("<g:description>달빛\t아래\n&lt;b&gt;빛&lt;/b&gt; &amp; 별</g:description>"),
            std::string::npos);
  EXPECT_EQ(google.body.find("<g:id>" + std::to_string(sold.id) + "</g:id>"), std::string::npos);
  auto kakao = crawler->get("/feeds/kakao.xml");
  EXPECT_NE(kakao.body.find("<id>" + std::to_string(ring.id) + "</id>"), std::string::npos);
  EXPECT_NE(kakao.body.find(ring.slug + "?utm_source=kakao&amp;utm_medium=catalog_feed"), std::string::npos);

  auto shopper = logged_in(web::Role::shopper);
  const std::string put = "/api/v1/operator/channels/google/categories/ring";
  EXPECT_EQ(shopper->request("PUT", put, R"({"external":"200"})", json_headers(*shopper)).status, 403);
  auto op = logged_in(web::Role::operator_);
  auto refused = op->request("PUT", put, R"({"external":"rings"})", json_headers(*op));
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("external"), std::string::npos);
  ASSERT_EQ(op->request("PUT", put, R"({"external":"200"})", json_headers(*op)).status, 200);
  google = crawler->get("/feeds/google.xml");
  EXPECT_NE(google.body.find("<g:google_product_category>200</g:google_product_category>"),
            std::string::npos);
  const auto page = op->get("/operator/channels");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("value=\"200\""), std::string::npos);
  const auto summary = json::parse(op->get("/api/v1/operator/channels", {"Accept: application/json"}).body);
  EXPECT_GE(summary.at("listed").as_int64(), 1);
  EXPECT_GE(summary.at("out_of_stock").as_int64(), 1);
  EXPECT_GE(summary.at("no_picture").as_int64(), 0);

  // A change after `since` is in Naver's incremental feed as an update.
  clock->advance(std::chrono::minutes(10));
  const auto since = format_seoul(clock->now()).replace(10, 1, "T");
  app->database().write([&](soci::session& sql) {
    sql << "UPDATE products SET title_ko = '피드 반지 2' WHERE id = :i", soci::use(ring.id);
  });
  app->catalog().refresh();
  auto incremental = crawler->get("/feeds/naver-ep-incremental.tsv?since=" + since);
  ASSERT_EQ(incremental.status, 200);
  const auto changed = row_of(incremental.body, ring.id);
  ASSERT_EQ(changed.size(), columns(incremental.body)) << incremental.body.substr(0, 600);
  EXPECT_EQ(changed[1], "피드 반지 2");
  EXPECT_EQ(changed[changed.size() - 2], "U");
  EXPECT_EQ(crawler->get("/feeds/naver-ep-incremental.tsv?since=later").status, 400);
}

}  // namespace
}  // namespace brilliant::test
