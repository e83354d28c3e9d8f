// The copy assistant over HTTP (issue 13): drafts from the facts, a language model's drafts checked and
// refused when they contradict the facts, publishing reviewed copy, and who may; on SQLite and
// PostgreSQL, against a stand-in model server (tests/fake_llm/server.mjs).
#include <boost/json.hpp>

#include "http/harness.hpp"
#include "http/node_stub.hpp"

namespace brilliant::test {
namespace {

namespace json = boost::json;

class CopyHttp : public ServerTest {
 protected:
  void configure(app::Config& config) override {
    config.llm = {llm.url(), "local-model", "test-llm-key", 10};
  }
  static std::vector<std::string> json_headers(HttpClient& c) {
    return {"Content-Type: application/json", "X-CSRF-Token: " + c.cookie("csrf")};
  }
  void SetUp() override {
    ServerTest::SetUp();
    shop = own_workshop("copy", "문구 공방", "Copy Atelier");
    ring = own_ring(shop, "Copy Ring", 3);
    maker = logged_in(web::Role::vendor_staff, shop.slug);
  }
  json::object drafts(const std::string& query = "") {
    auto r = maker->get("/api/v1/console/products/" + ring.slug + "/copy" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body).as_object();
  }
  FakeLlm llm;
  catalog::Workshop shop;
  catalog::Product ring;
  std::unique_ptr<HttpClient> maker;
};

TEST_F(CopyHttp, DraftsSayThePiecesFactsInBothLanguagesOnThePageAndInJson) {
  auto d = drafts();
  EXPECT_EQ(d.at("ko").at("title"), "925 실버 반지");
  EXPECT_EQ(d.at("en").at("title"), "925 Silver Ring");
  EXPECT_NE(std::string(d.at("ko").at("description").as_string()).find("3.00 g"), std::string::npos);
  EXPECT_TRUE(d.at("problems").as_array().empty());
  EXPECT_EQ(d.at("model_configured"), true);
  EXPECT_FALSE(d.contains("model"));  // the model is asked only when asked for
  auto page = maker->get("/console/products/" + ring.slug + "/copy");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("상품 문구 도우미"), std::string::npos);
  EXPECT_NE(page.body.find("925 실버 반지"), std::string::npos);
  EXPECT_NE(maker->get("/en/console/products/" + ring.slug + "/copy").body.find("Copy assistant"),
            std::string::npos);
}

TEST_F(CopyHttp, AModelDraftThatContradictsTheFactsIsRefusedWithTheReason) {
  // The model says 18K gold about a 925 silver ring.
  ASSERT_EQ(
      llm.control("next", R"({"content":"{\"title_ko\":\"18K 골드 반지\",\"title_en\":\"18K Gold Ring\",)"
                          R"(\"description_ko\":\"18K 골드\",\"description_en\":\"18K gold.\"}"})")
          .status,
      200);
  auto d = drafts("?model=1");
  const auto& problems = d.at("model").at("problems").as_array();
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems[0].at("code"), "karat");
  // The page keeps our own draft in the form when the model's is refused... and says why.
  ASSERT_EQ(llm.control("next", R"({"content":"{\"title_ko\":\"18K 반지\",\"title_en\":\"18K Ring\",)"
                                R"(\"description_ko\":\"x\",\"description_en\":\"y\"}"})")
                .status,
            200);
  auto page = maker->get("/console/products/" + ring.slug + "/copy?model=1");
  EXPECT_NE(page.body.find("id=\"model-problems\""), std::string::npos);
  EXPECT_NE(page.body.find("says 18K"), std::string::npos);
  // A faithful answer comes back clean, and the request carried the model, the key and the facts.
  d = drafts("?model=1");
  EXPECT_TRUE(d.at("model").at("problems").as_array().empty()) << json::serialize(d.at("model"));
  auto calls = json::parse(llm.get("/__control/calls").body).as_array();
  ASSERT_EQ(calls.size(), 3u);
  EXPECT_EQ(calls[2].at("authorization"), "Bearer test-llm-key");
  EXPECT_EQ(calls[2].at("body").at("model"), "local-model");
  EXPECT_NE(
      std::string(calls[2].at("body").at("messages").as_array()[1].at("content").as_string()).find("925"),
      std::string::npos);
  // A model that fails is said to have failed; our drafts are still there.
  ASSERT_EQ(llm.control("next", R"({"status":503})").status, 200);
  d = drafts("?model=1");
  EXPECT_TRUE(d.at("model").as_object().contains("error"));
  EXPECT_EQ(d.at("ko").at("title"), "925 실버 반지");
}

TEST_F(CopyHttp, PublishingChecksTheFactsAgainAndSendsThePieceBackToReview) {
  const std::string lie =
      R"({"title_ko":"925 실버 반지","title_en":"18K Gold Ring","description_ko":"은 반지","description_en":"A ring."})";
  auto refused =
      maker->request("PUT", "/api/v1/console/products/" + ring.slug + "/copy", lie, json_headers(*maker));
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_NE(refused.body.find("title_en"), std::string::npos);
  EXPECT_NE(refused.body.find("says 18K"), std::string::npos);
  EXPECT_EQ(app->catalog().product(ring.slug)->title_en, "Copy Ring");  // nothing saved
  auto missing = maker->request("PUT", "/api/v1/console/products/" + ring.slug + "/copy",
                                R"({"title_ko":"x"})", json_headers(*maker));
  EXPECT_EQ(missing.status, 400);
  EXPECT_NE(missing.body.find("title_en"), std::string::npos);

  auto d = drafts();
  json::object good{{"title_ko", d.at("ko").at("title")},
                    {"title_en", d.at("en").at("title")},
                    {"description_ko", d.at("ko").at("description")},
                    {"description_en", d.at("en").at("description")}};
  auto saved = maker->request("PUT", "/api/v1/console/products/" + ring.slug + "/copy", json::serialize(good),
                              json_headers(*maker));
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(json::parse(saved.body).at("status"), "in_review");  // published, changed: the brand looks again
  const auto stored = app->catalog().product(ring.slug);
  EXPECT_EQ(stored->title_en, "925 Silver Ring");
  EXPECT_EQ(stored->story_ko, std::string(d.at("ko").at("description").as_string()));

  // The page's form: refused with the reasons beside the text kept, then published.
  auto csrf = maker->cookie("csrf");
  auto page = maker->post_form("/console/products/" + ring.slug + "/copy", {{"_csrf", csrf},
                                                                            {"title_ko", "14K 골드 반지"},
                                                                            {"title_en", "925 Silver Ring"},
                                                                            {"description_ko", "은"},
                                                                            {"description_en", "Silver."}});
  EXPECT_EQ(page.status, 422);
  EXPECT_NE(page.body.find("id=\"copy-error\""), std::string::npos);
  EXPECT_NE(page.body.find("14K 골드 반지"), std::string::npos);
  page = maker->post_form("/console/products/" + ring.slug + "/copy", {{"_csrf", csrf},
                                                                       {"title_ko", "925 실버 반지"},
                                                                       {"title_en", "925 Silver Ring"},
                                                                       {"description_ko", "은 반지입니다."},
                                                                       {"description_en", "A silver ring."}});
  EXPECT_EQ(page.status, 303);
  EXPECT_NE(maker->get(page.header("location")).body.find("id=\"copy-saved\""), std::string::npos);
}

TEST_F(CopyHttp, OnlyTheWorkshopsStaffAndTheOperatorWriteItsCopy) {
  auto other = own_workshop("copyother", "다른 공방", "Other");
  auto stranger = logged_in(web::Role::vendor_staff, other.slug);
  EXPECT_EQ(stranger->get("/api/v1/console/products/" + ring.slug + "/copy").status, 403);
  EXPECT_EQ(
      stranger
          ->request("PUT", "/api/v1/console/products/" + ring.slug + "/copy", "{}", json_headers(*stranger))
          .status,
      403);
  EXPECT_EQ(logged_in(web::Role::shopper)->get("/console/products/" + ring.slug + "/copy").status, 403);
  EXPECT_EQ(logged_in(web::Role::operator_)->get("/api/v1/console/products/" + ring.slug + "/copy").status,
            200);
  EXPECT_EQ(maker->get("/api/v1/console/products/no-such-piece-zz/copy").status, 404);
}

}  // namespace
}  // namespace brilliant::test
