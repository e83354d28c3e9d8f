// Joint exhibitions over HTTP (issue 19) on SQLite and PostgreSQL: the operator plans a fair (a bad field is
// refused by name) and sets a rate; a workshop applies and, once selected, brings a piece with a wholesale
// price and translates it; another workshop cannot bring it or translate it; the line sheet shows the
// piece in four languages with the price in the visitors' currency, and its wholesale price to an approved
// buyer only; its PDF and the booth poster download. Slugs are unique per run: PostgreSQL is shared.
#include <boost/json.hpp>
#include <regex>

#include "core/secret.hpp"
#include "core/text.hpp"
#include "http/shop_testing.hpp"

namespace brilliant::test {
namespace {

namespace json = boost::json;

class ExhibitionsHttp : public ShopTest {};

TEST_F(ExhibitionsHttp, FromAFairsPlanToItsLineSheet) {
  auto op = logged_in(web::Role::operator_);
  const std::string slug = "hk-" + ascii_lower(random_code(6, "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"));
  auto refused =
      call(*op, "POST", "/api/v1/operator/exhibitions",
           R"({"slug":")" + slug +
               R"(","name_ko":"홍콩 쇼","name_en":"HK Show","city":"Hong Kong",)"
               R"("country":"HKG","starts_on":"2026-03-04","ends_on":"2026-03-08","currency":"HKD"})");
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("country"), std::string::npos);
  auto made = call(
      *op, "POST", "/api/v1/operator/exhibitions",
      R"({"slug":")" + slug +
          R"(","name_ko":"홍콩 주얼리 쇼","name_en":"Hong Kong Jewellery Show",)"
          R"("city":"Hong Kong","country":"HK","venue":"HKCEC","booth":"1B-23","starts_on":"2027-03-04",)"
          R"("ends_on":"2027-03-08","currency":"HKD","cost":12000000})");
  ASSERT_EQ(made.status, 201) << made.body;
  ASSERT_EQ(op->post_form("/operator/rates", {{"_csrf", op->cookie("csrf")}, {"HKD", "176.5"}}).status, 303);

  const auto gold = own_workshop("fair-a", "박람회 공방 가", "Fair Atelier A");
  const auto silver = own_workshop("fair-b", "박람회 공방 나", "Fair Atelier B");
  const auto ring = own_ring(gold, "Fair Ring", 4, "박람회 반지");
  auto maker = logged_in(web::Role::vendor_staff, gold.slug);
  auto other = logged_in(web::Role::vendor_staff, silver.slug);
  // A note too long is refused on the page, and stays in that fair's form.
  const std::string long_note(1100, 'n');
  auto too_long = other->post_form("/console/exhibitions/" + slug + "/application",
                                   {{"_csrf", other->cookie("csrf")}, {"note", long_note}});
  EXPECT_EQ(too_long.status, 400);
  EXPECT_NE(too_long.body.find("id=\"note-" + slug + "\" name=\"note\" rows=\"2\" maxlength=\"1000\">" +
                               long_note + "</textarea>"),
            std::string::npos);
  ASSERT_EQ(call(*maker, "POST", "/api/v1/console/exhibitions/" + slug + "/application", R"({"note":"신작"})")
                .status,
            201);
  const std::string piece = "/api/v1/console/exhibitions/" + slug + "/pieces/" + std::to_string(ring.id);
  EXPECT_EQ(call(*maker, "PUT", piece, R"({"wholesale_price":90000,"min_quantity":5})").status,
            403);  // not yet
  ASSERT_EQ(call(*op, "PUT", "/api/v1/operator/exhibitions/" + slug + "/workshops/" + std::to_string(gold.id),
                 R"({"state":"selected"})")
                .status,
            200);
  auto brought = call(*maker, "PUT", piece, R"({"wholesale_price":90000,"min_quantity":5})");
  ASSERT_EQ(brought.status, 200) << brought.body;
  EXPECT_EQ(call(*other, "PUT", piece, R"({"wholesale_price":1})").status, 403);  // silver is not selected
  const std::string translation = "/api/v1/console/products/" + std::to_string(ring.id) + "/translations/";
  ASSERT_EQ(
      call(*maker, "PUT", translation + "zh", R"({"title":"博览会戒指","story":"金工坊的新作"})").status,
      200);
  EXPECT_EQ(call(*other, "PUT", translation + "ja", R"({"title":"x"})").status, 404);
  EXPECT_EQ(call(*maker, "PUT", translation + "fr", R"({"title":"x"})").status, 400);
  // The title is required; a machine_draft is true or false: refused, the translation kept.
  for (const auto* body :
       {R"({})", R"({"title":null})", R"({"title":5})", R"({"title":"y","machine_draft":"x"})"}) {
    auto refused_body = call(*maker, "PUT", translation + "zh", body);
    EXPECT_EQ(refused_body.status, 400) << body;
    EXPECT_NE(refused_body.body.find("\"field\":"), std::string::npos) << body;
  }
  const auto mine = json::parse(maker->get("/api/v1/console/exhibitions", {"Accept: application/json"}).body);
  bool listed = false;
  for (const auto& e : mine.at("exhibitions").as_array())
    if (e.at("slug").as_string() == slug)
      listed = e.at("own_pieces").as_array().at(0).at("brought").as_bool();
  EXPECT_TRUE(listed);

  auto visitor = client();
  const std::tuple<std::string, std::string> sheets[] = {{"/exhibitions/" + slug, "박람회 반지"},
                                                         {"/en/exhibitions/" + slug, "Fair Ring"},
                                                         {"/zh/exhibitions/" + slug, "博览会戒指"},
                                                         {"/ja/exhibitions/" + slug, "Fair Ring"}};
  for (const auto& [path, title] : sheets) {
    auto page = visitor->get(path);
    ASSERT_EQ(page.status, 200) << path;
    EXPECT_NE(page.body.find(title), std::string::npos) << path;
    EXPECT_TRUE(std::regex_search(page.body, std::regex(R"(HK\$[1-9][0-9]{0,2}(,[0-9]{3})*\.[0-9]{2}\))")))
        << path;
    EXPECT_EQ(page.body.find("₩90,000"), std::string::npos) << path;
  }
  auto buyer = logged_in(web::Role::buyer);
  EXPECT_NE(buyer->get("/zh/exhibitions/" + slug).body.find("₩90,000"), std::string::npos);
  const auto sheet = json::parse(
      visitor->get("/api/v1/exhibitions/" + slug + "?lang=zh", {"Accept: application/json"}).body);
  EXPECT_EQ(sheet.at("pieces").as_array().at(0).at("title").as_string(), "博览会戒指");
  EXPECT_FALSE(sheet.at("pieces").as_array().at(0).as_object().contains("wholesale"));
  auto pdf = visitor->get("/exhibitions/" + slug + "/linesheet.pdf?lang=ja");
  EXPECT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.body.substr(0, 5), "%PDF-");
  EXPECT_EQ(visitor->get("/exhibitions/" + slug + "/poster.pdf").body.substr(0, 5), "%PDF-");
  const auto list = json::parse(visitor->get("/api/v1/exhibitions", {"Accept: application/json"}).body);
  EXPECT_NE(json::serialize(list).find(slug), std::string::npos);
  const auto ops = json::parse(op->get("/api/v1/operator/exhibitions", {"Accept: application/json"}).body);
  EXPECT_NE(json::serialize(ops).find("\"HKD\""), std::string::npos);
  EXPECT_EQ(op->get("/operator/exhibitions").status, 200);
  EXPECT_EQ(maker->get("/console/exhibitions").status, 200);

  // The booth: a lead synced twice is stored once; an edit on a stale copy is kept beside it and chosen.
  const std::string leads = "/api/v1/exhibitions/" + slug + "/leads";
  const std::string lead =
      R"({"client_id":"phone-)" + slug +
      R"(","name":"Tanaka Yui","company":"Ginza",)"
      R"("email":"yui@ginza.example","country":"JP","rating":4,"consent":true,"interests":[)" +
      std::to_string(ring.id) + "]}";
  EXPECT_EQ(call(*other, "POST", leads, lead).status, 403);  // silver is not at the fair
  auto synced = call(*maker, "POST", leads, lead);
  ASSERT_EQ(synced.status, 201) << synced.body;
  const auto lead_id = json::parse(synced.body).at("id").as_int64();
  EXPECT_EQ(call(*maker, "POST", leads, lead).status, 200);  // a retried sync
  std::string stale = lead;
  stale.replace(stale.find(R"("rating":4)"), 10, R"("rating":2)");
  auto crossed = call(*op, "POST", leads, stale);
  EXPECT_EQ(crossed.status, 409);
  const auto listed_leads = json::parse(maker->get(leads, {"Accept: application/json"}).body);
  size_t mine_count = 0;
  for (const auto& l : listed_leads.at("leads").as_array()) mine_count += l.at("id").as_int64() == lead_id;
  EXPECT_EQ(mine_count, 1u);
  auto chosen =
      call(*maker, "POST", leads + "/" + std::to_string(lead_id) + "/resolve", R"({"choice":"theirs"})");
  ASSERT_EQ(chosen.status, 200) << chosen.body;
  EXPECT_EQ(json::parse(chosen.body).at("rating").as_int64(), 2);
  EXPECT_EQ(maker->get("/exhibitions/" + slug + "/booth").status, 200);
  EXPECT_EQ(visitor->get("/exhibitions/" + slug + "/contact").status, 200);

  // The fair's results: the lead, from Japan, interested in the gold workshop's piece; the cost as planned.
  const auto results = json::parse(
      op->get("/api/v1/operator/exhibitions/" + slug + "/results", {"Accept: application/json"}).body);
  EXPECT_EQ(results.at("leads").as_int64(), 1);
  EXPECT_EQ(results.at("countries").as_array().at(0).at("country").as_string(), "JP");
  EXPECT_EQ(results.at("cost").as_int64(), 12000000);
  EXPECT_EQ(results.at("workshops").as_array().at(0).at("leads").as_int64(), 1);
  EXPECT_EQ(
      maker->get("/api/v1/operator/exhibitions/" + slug + "/results", {"Accept: application/json"}).status,
      403);
  EXPECT_EQ(op->get("/operator/exhibitions/" + slug + "/results").status, 200);
}

// A refused pieces or translations form loses nothing: every piece shows what was sent for it, and the
// refused one has the error beside its field; sent again corrected, everything is saved.
TEST_F(ExhibitionsHttp, ARefusedPiecesOrTranslationsFormKeepsEveryPiecesTyping) {
  auto op = logged_in(web::Role::operator_);
  const auto slug =
      own_fair(*op, "tw-",
               R"("name_ko":"타이베이 쇼","name_en":"Taipei Show","city":"Taipei","country":"TW",)"
               R"("starts_on":"2027-05-04","ends_on":"2027-05-08","currency":"TWD")");
  const auto shop = own_workshop("fair-t", "번역 공방", "Translation Atelier");
  const auto ring = own_ring(shop, "Taipei Ring", 4, "타이베이 반지");
  const auto band = own_ring(shop, "Taipei Band", 4, "타이베이 밴드");
  auto maker = logged_in(web::Role::vendor_staff, shop.slug);
  ASSERT_EQ(call(*maker, "POST", "/api/v1/console/exhibitions/" + slug + "/application", "{}").status, 201);
  ASSERT_EQ(call(*op, "PUT", "/api/v1/operator/exhibitions/" + slug + "/workshops/" + std::to_string(shop.id),
                 R"({"state":"selected"})")
                .status,
            200);
  const auto r = std::to_string(ring.id), b = std::to_string(band.id);
  const std::string csrf = maker->cookie("csrf");
  const std::string pieces_url = "/console/exhibitions/" + slug + "/pieces";

  // Pieces: the ring's are fine; the band's wholesale price is not a number (it was taken as 0, "on
  // request", before).
  std::vector<std::pair<std::string, std::string>> pieces_typed = {
      {"_csrf", csrf},   {"listed_" + r, "1"}, {"bring_" + r, "1"}, {"wholesale_" + r, "90,000"},
      {"min_" + r, "7"}, {"listed_" + b, "1"}, {"bring_" + b, "1"}, {"wholesale_" + b, "9만"},
      {"min_" + b, "3"}};
  auto pieces = maker->post_form(pieces_url, pieces_typed);
  EXPECT_EQ(pieces.status, 400);
  const auto has = [](const std::string& body, const std::string& text) {
    return body.find(text) != std::string::npos;
  };
  EXPECT_TRUE(has(pieces.body, R"(name="min_)" + r + R"(" value="7")"));
  EXPECT_TRUE(has(pieces.body, R"(name="min_)" + b + R"(" value="3")"));
  EXPECT_TRUE(has(pieces.body, R"(name="wholesale_)" + b + R"(" value="9만")"));
  EXPECT_TRUE(has(pieces.body, R"(aria-invalid="true" aria-describedby="pieces-error-)" + b + R"(")"));
  EXPECT_TRUE(has(pieces.body, R"(id="pieces-error-)" + b + R"(")"));
  EXPECT_FALSE(has(pieces.body, R"(id="pieces-error-)" + r + R"(")"));
  pieces_typed[7].second = "50000";
  ASSERT_EQ(maker->post_form(pieces_url, pieces_typed).status, 303);

  // Translations: the band's Chinese title is past 120 characters.
  std::string long_title;
  for (int i = 0; i < 121; ++i) long_title += "戒";
  std::vector<std::pair<std::string, std::string>> typed = {{"_csrf", csrf},
                                                            {"title_zh_" + r, "台北戒指"},
                                                            {"story_zh_" + r, "工坊新作"},
                                                            {"title_ja_" + r, "台北リング"},
                                                            {"story_ja_" + r, "工房の新作"},
                                                            {"title_zh_" + b, long_title},
                                                            {"story_zh_" + b, "细戒"},
                                                            {"title_ja_" + b, "台北バンド"},
                                                            {"story_ja_" + b, "細いリング"}};
  const std::string translations_url = "/console/exhibitions/" + slug + "/translations";
  auto refused = maker->post_form(translations_url, typed);
  EXPECT_EQ(refused.status, 400);
  for (const auto& [name, value] : typed) {
    if (name == "_csrf") continue;
    if (name.starts_with("story"))
      EXPECT_TRUE(has(refused.body, R"(name=")" + name + R"(")") &&
                  has(refused.body, ">" + value + "</textarea>"))
          << name;
    else
      EXPECT_TRUE(has(refused.body, R"(name=")" + name + R"(" value=")" + value + R"(")")) << name;
  }
  EXPECT_TRUE(has(refused.body, R"(aria-invalid="true" aria-describedby="translation-error-)" + b + R"(")"));
  EXPECT_FALSE(has(refused.body, R"(id="translation-error-)" + r + R"(")"));
  typed[5].second = "台北细戒";
  ASSERT_EQ(maker->post_form(translations_url, typed).status, 303);

  // Everything sent is saved: the prices and minimums, and all eight translations.
  const auto mine = json::parse(maker->get("/api/v1/console/exhibitions", {"Accept: application/json"}).body);
  int checked = 0;
  for (const auto& e : mine.at("exhibitions").as_array()) {
    if (e.at("slug").as_string() != slug) continue;
    for (const auto& p : e.at("own_pieces").as_array()) {
      const auto id = std::to_string(p.at("product_id").as_int64());
      EXPECT_EQ(p.at("wholesale_price").as_int64(), id == r ? 90000 : 50000);
      EXPECT_EQ(p.at("min_quantity").as_int64(), id == r ? 7 : 3);
      for (const auto& [name, value] : typed)
        if (name.ends_with("_" + id) && !name.starts_with("_")) {
          EXPECT_EQ(p.at(name.substr(0, name.size() - id.size() - 1)).as_string(), value) << name;
          ++checked;
        }
    }
  }
  EXPECT_EQ(checked, 8);
}

}  // namespace
}  // namespace brilliant::test
