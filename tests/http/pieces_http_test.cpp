// Listing a piece and brand review over HTTP: drafts stay hidden, staff act only for their own
// workshop, the operator's decisions need reasons (except approval) and approval publishes.
#include "app/seed_catalog.hpp"
#include "http/harness.hpp"

namespace brilliant::test {

class PiecesHttp : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    if (IsSkipped() || HasFailure()) return;
    app::seed_catalog(app->database(), app->catalog(), app->quotes(), *clock, 24);
    app->catalog().refresh();
  }
  std::string slug_of(const std::string& title_ko) {
    return app->database().read([&](soci::session& sql) {
      std::string slug;
      sql << "SELECT slug FROM products WHERE title_ko = :t", soci::use(title_ko), soci::into(slug);
      return slug;
    });
  }
};

TEST_F(PiecesHttp, DraftReviewApprovePublish) {
  auto vendor = logged_in(web::Role::vendor_staff, "iksan-gold");
  auto token = vendor->cookie("csrf");
  const std::string title = "별빛 펜던트 " + unique_email("t").substr(2, 5);
  std::vector<std::pair<std::string, std::string>> form = {{"_csrf", token},
                                                           {"title_ko", title},
                                                           {"title_en", "Starlight Pendant"},
                                                           {"category", "pendant"},
                                                           {"metal", "gold"},
                                                           {"purity", "750"},
                                                           {"colour", "yellow"},
                                                           {"weight_g", "1.8"},
                                                           {"labour_fee", "70000"},
                                                           {"margin_pct", "25"},
                                                           {"stock", "3"},
                                                           {"story_ko", "별을 담았습니다."},
                                                           {"story_en", "A star to wear."}};
  auto bad = form;
  bad[6].second = "123";
  auto refused = vendor->post_form("/console/products", bad);
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("value=\"" + title + "\""), std::string::npos);
  ASSERT_EQ(vendor->post_form("/console/products", form).status, 303);
  const auto slug = slug_of(title);
  ASSERT_FALSE(slug.empty());
  EXPECT_EQ(client()->get("/products/" + slug).status, 404);  // drafts are not in the store

  auto stranger = logged_in(web::Role::vendor_staff, "mireuk-jewelry");
  EXPECT_EQ(
      stranger->post_form("/console/products/" + slug + "/submit", {{"_csrf", stranger->cookie("csrf")}})
          .status,
      403);
  auto shopper = signed_up(unique_email("s"));
  EXPECT_EQ(shopper->get("/console/products").status, 403);
  EXPECT_EQ(shopper->get("/operator/reviews").status, 403);

  ASSERT_EQ(vendor->post_form("/console/products/" + slug + "/submit", {{"_csrf", token}}).status, 303);
  EXPECT_EQ(vendor->post_form("/console/products/" + slug + "/submit", {{"_csrf", token}}).status, 409);

  auto op = logged_in(web::Role::operator_, "");
  const auto op_token = op->cookie("csrf");
  auto review = op->get("/operator/reviews/" + slug);
  EXPECT_EQ(review.status, 200);
  EXPECT_NE(review.body.find("data-check=\"photos\""), std::string::npos);
  EXPECT_EQ(op->post_form("/operator/reviews/" + slug + "/decision",
                          {{"_csrf", op_token}, {"decision", "request_changes"}})
                .status,
            400);
  ASSERT_EQ(
      op->post_form("/operator/reviews/" + slug + "/decision",
                    {{"_csrf", op_token}, {"decision", "request_changes"}, {"comment", "사진을 더 밝게"}})
          .status,
      303);
  ASSERT_EQ(vendor->post_form("/console/products/" + slug + "/submit", {{"_csrf", token}}).status, 303);
  ASSERT_EQ(
      op->post_form("/operator/reviews/" + slug + "/decision", {{"_csrf", op_token}, {"decision", "approve"}})
          .status,
      303);
  auto page = client()->get("/products/" + slug);
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find(title), std::string::npos);
  auto history = op->get("/operator/reviews/" + slug);
  EXPECT_NE(history.body.find("사진을 더 밝게"), std::string::npos);
}

}  // namespace brilliant::test
