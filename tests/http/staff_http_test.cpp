// A workshop's people and standing over HTTP on both databases: the owner invites by email, the invited

#include "db/database.hpp"
// account accepts and works inside that workshop only, staff cannot manage people, another workshop
// cannot touch them; the operator suspends a workshop (its pieces leave the store, its console becomes
// read-only) and reinstates it. Each test makes its own workshop, so the shared PostgreSQL database
// keeps its seeded workshops untouched.
#include <boost/json.hpp>
#include <regex>

#include "app/seed_catalog.hpp"
#include "core/secret.hpp"
#include "http/harness.hpp"
#include "mail/outbox.hpp"

namespace brilliant::test {

class StaffHttp : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    if (IsSkipped() || HasFailure()) return;
    app::seed_catalog(app->database(), app->catalog(), app->quotes(), *clock, 24);
    app->catalog().refresh();
    // A fresh workshop with one published piece copied from the seed.
    auto token = random_token(6);
    for (auto& c : token) c = std::isalnum(static_cast<unsigned char>(c)) ? std::tolower(c) : 'x';
    workshop = "atelier-" + token;
    const std::string name = "아틀리에 " + token;
    const auto now = format_utc(clock->now());
    app->database().write([&](soci::session& sql) {
      sql << "INSERT INTO workshops (slug, name, status, created_at, updated_at) VALUES (:s, :n, 'active', "
             ":t, :t2)",
          soci::use(workshop), soci::use(name), soci::use(now), soci::use(now);
    });
    app->catalog().refresh();
    auto ws = app->catalog().workshop(workshop);
    ASSERT_TRUE(ws);
    // A copy of a piece on sale, under this workshop. On the shared PostgreSQL database the listing also
    // holds other tests' pieces (some with eco claims this workshop is not certified for, or priced from
    // quotes another test moved): the first that copies cleanly is taken.
    std::string last_error;
    bool made = false;
    for (const auto& card : app->catalog().snapshot()->cards) {
      auto source = app->catalog().product(card.slug);
      if (!source) continue;
      catalog::Product copy = *source;
      copy.id = 0;
      copy.workshop_id = ws->id;
      copy.slug = workshop + "-ring";
      copy.image_ids.clear();
      copy.photos.clear();
      copy.eco_certified = false;
      copy.eco_claims.clear();
      copy.eco_certificate.clear();
      copy.collections.clear();
      for (auto& v : copy.variants) {
        v.id = 0;
        v.sku += "-" + token;
      }
      auto created = app->catalog().create(copy, *ws);
      made = created.ok();
      if (made) break;
      last_error = card.slug + ": " + created.error().field + " " + created.error().message;
    }
    ASSERT_TRUE(made) << last_error;
    piece = workshop + "-ring";
    app->catalog().refresh();
  }
  std::string invitation_token_for(const std::string& email) {
    auto mails = app->database().read([](soci::session& s) { return mail::recent(s, 50); });
    for (const auto& m : mails) {
      std::smatch match;
      if (m.mail.to == email &&
          std::regex_search(m.mail.body, match, std::regex("/invitations/([A-Za-z0-9_-]+)")))
        return match[1];
    }
    return {};
  }
  static HttpResponse json_call(HttpClient& c, const std::string& method, const std::string& path,
                                const std::string& body) {
    return c.request(method, path, body,
                     {"Content-Type: application/json", "X-CSRF-Token: " + c.cookie("csrf")});
  }
  std::string workshop, piece;
};

TEST_F(StaffHttp, OwnerInvitesTheInvitedAccountAcceptsAndWorksOnlyInThatWorkshop) {
  std::string owner_email;
  auto owner = logged_in(web::Role::vendor_staff, workshop, &owner_email);
  auto page = owner->get("/en/console/staff");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find(owner_email), std::string::npos);
  EXPECT_NE(page.body.find("action=\"/en/console/staff/invitations\""), std::string::npos);
  const auto csrf = owner->cookie("csrf");

  auto bad =
      owner->post_form("/en/console/staff/invitations", {{"_csrf", csrf}, {"email", "not-an-address"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("value=\"not-an-address\""), std::string::npos);  // the input is kept
  EXPECT_NE(bad.body.find("invite-email-error"), std::string::npos);

  const auto newbie = unique_email("newbie");
  auto sent = owner->post_form("/en/console/staff/invitations", {{"_csrf", csrf}, {"email", newbie}});
  ASSERT_EQ(sent.status, 303);
  const auto token = invitation_token_for(newbie);
  ASSERT_FALSE(token.empty());
  auto again =
      json_call(*owner, "POST", "/api/v1/console/staff/invitations", R"({"email":")" + newbie + "\"}");
  EXPECT_EQ(again.status, 409);

  // Anonymous visitors see whom it is for and are sent to log in.
  auto anonymous = client()->get("/en/invitations/" + token);
  ASSERT_EQ(anonymous.status, 200);
  EXPECT_NE(anonymous.body.find(newbie), std::string::npos);
  EXPECT_NE(anonymous.body.find("/en/login?next="), std::string::npos);
  EXPECT_EQ(client()->get("/en/invitations/not-a-real-token").status, 404);

  // Another account cannot use it.
  auto stranger = signed_up(unique_email("stranger"));
  auto refused = stranger->post_form("/en/invitations/" + token, {{"_csrf", stranger->cookie("csrf")}});
  EXPECT_EQ(refused.status, 403);

  auto member = signed_up(newbie);
  auto invitation = member->get("/en/invitations/" + token);
  EXPECT_NE(invitation.body.find("id=\"accept-invitation\""), std::string::npos);
  auto accepted = member->post_form("/en/invitations/" + token, {{"_csrf", member->cookie("csrf")}});
  ASSERT_EQ(accepted.status, 303);
  EXPECT_EQ(accepted.header("location"), "/en/console/products?joined=" + workshop);
  auto used = member->post_form("/en/invitations/" + token, {{"_csrf", member->cookie("csrf")}});
  EXPECT_EQ(used.status, 409);

  // The new member is staff: works in the workshop's console, cannot manage people.
  auto staff_json = boost::json::parse(member->get("/api/v1/console/staff").body).as_object();
  EXPECT_FALSE(staff_json.at("can_manage").as_bool());
  ASSERT_EQ(staff_json.at("members").as_array().size(), 2u);
  long long member_id = 0;
  for (const auto& m : staff_json.at("members").as_array())
    if (m.at("email").as_string() == newbie) member_id = m.at("user_id").as_int64();
  ASSERT_GT(member_id, 0);
  EXPECT_EQ(
      json_call(*member, "POST", "/api/v1/console/staff/invitations", R"({"email":"x@example.com"})").status,
      403);
  EXPECT_EQ(
      json_call(*member, "DELETE", "/api/v1/console/staff/members/" + std::to_string(member_id), "").status,
      403);
  auto stock = member->get("/console/stock");
  ASSERT_EQ(stock.status, 200);
  EXPECT_NE(stock.body.find(piece), std::string::npos);

  // Another workshop's owner cannot see or remove them, by page or by guessed id.
  auto other = logged_in(web::Role::vendor_staff, "iksan-gold");
  auto theirs = other->get("/api/v1/console/staff").body;
  EXPECT_EQ(theirs.find(newbie), std::string::npos);
  EXPECT_EQ(
      json_call(*other, "DELETE", "/api/v1/console/staff/members/" + std::to_string(member_id), "").status,
      404);
  EXPECT_EQ(other
                ->post_form("/console/staff/members/" + std::to_string(member_id) + "/remove",
                            {{"_csrf", other->cookie("csrf")}})
                .status,
            404);

  // The owner removes them; from the next request on they have no console.
  auto removed =
      json_call(*owner, "DELETE", "/api/v1/console/staff/members/" + std::to_string(member_id), "");
  ASSERT_EQ(removed.status, 200);
  EXPECT_EQ(boost::json::parse(removed.body).at("members").as_array().size(), 1u);
  EXPECT_EQ(member->get("/console/staff").status, 403);
}

// An app (no pages) invites and accepts through the API alone.
TEST_F(StaffHttp, AnInvitationIsSentAndAcceptedThroughTheApi) {
  auto owner = logged_in(web::Role::vendor_staff, workshop);
  const auto email = unique_email("api-invitee");
  auto created =
      json_call(*owner, "POST", "/api/v1/console/staff/invitations", R"({"email":")" + email + "\"}");
  ASSERT_EQ(created.status, 201) << created.body;
  auto member = signed_up(email);
  auto accepted = json_call(*member, "POST", "/api/v1/invitations/accept",
                            R"({"token":")" + invitation_token_for(email) + "\"}");
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(boost::json::parse(accepted.body).at("status").as_string(), "accepted");
  EXPECT_EQ(member->get("/api/v1/console/staff").status, 200);  // staff of the workshop now
}

TEST_F(StaffHttp, RevokedInvitationsCannotBeAcceptedAndAreScopedToTheirWorkshop) {
  auto owner = logged_in(web::Role::vendor_staff, workshop);
  const auto email = unique_email("revoked");
  auto created =
      json_call(*owner, "POST", "/api/v1/console/staff/invitations", R"({"email":")" + email + "\"}");
  ASSERT_EQ(created.status, 201);
  const auto id = boost::json::parse(created.body).at("id").as_int64();
  EXPECT_EQ(json_call(*owner, "POST", "/api/v1/console/staff/invitations", R"({"email":5})").status, 400);
  auto other = logged_in(web::Role::vendor_staff, "mahan-craft");
  EXPECT_EQ(json_call(*other, "DELETE", "/api/v1/console/staff/invitations/" + std::to_string(id), "").status,
            404);
  EXPECT_EQ(json_call(*owner, "DELETE", "/api/v1/console/staff/invitations/" + std::to_string(id), "").status,
            200);
  auto member = signed_up(email);
  auto api = json_call(*member, "POST", "/api/v1/invitations/accept",
                       R"({"token":")" + invitation_token_for(email) + "\"}");
  EXPECT_EQ(api.status, 409);
  EXPECT_NE(api.body.find("invitation_revoked"), std::string::npos);
}

TEST_F(StaffHttp, SuspendingHidesTheWorkshopsPiecesAndMakesItsConsoleReadOnly) {
  auto op = logged_in(web::Role::operator_);
  auto owner = logged_in(web::Role::vendor_staff, workshop);
  ASSERT_EQ(client()->get("/api/v1/products/" + piece).status, 200);
  ASSERT_EQ(client()->get("/workshops/" + workshop).status, 200);
  ASSERT_NE(client()->get("/api/v1/products?workshop=" + workshop).body.find(piece), std::string::npos);

  auto list = op->get("/en/operator/workshops");
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("/en/operator/workshops/" + workshop), std::string::npos);
  const auto csrf = op->cookie("csrf");
  auto no_reason = op->post_form("/en/operator/workshops/" + workshop + "/status",
                                 {{"_csrf", csrf}, {"status", "suspended"}});
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_NE(no_reason.body.find("field-error"), std::string::npos);
  auto suspended = op->post_form("/en/operator/workshops/" + workshop + "/status",
                                 {{"_csrf", csrf}, {"status", "suspended"}, {"reason", "hallmarks missing"}});
  ASSERT_EQ(suspended.status, 303);

  // Gone from the store: product page and API, workshop page, listing, cart.
  EXPECT_EQ(client()->get("/api/v1/products/" + piece).status, 404);
  EXPECT_EQ(client()->get("/products/" + piece).status, 404);
  EXPECT_EQ(client()->get("/workshops/" + workshop).status, 404);
  EXPECT_EQ(client()->get("/api/v1/products?workshop=" + workshop).body.find(piece), std::string::npos);

  // The console reads but refuses every write, by page and by API.
  auto console = owner->get("/en/console/products");
  ASSERT_EQ(console.status, 200);
  EXPECT_NE(console.body.find("id=\"suspended-banner\""), std::string::npos);
  auto write = owner->post_form("/console/stock", {{"_csrf", owner->cookie("csrf")}});
  EXPECT_EQ(write.status, 403);
  auto api = json_call(*owner, "POST", "/api/v1/console/staff/invitations", R"({"email":"x@example.com"})");
  EXPECT_EQ(api.status, 403);
  EXPECT_NE(api.body.find("workshop_suspended"), std::string::npos);
  // Vendors cannot reach the operator's pages.
  EXPECT_EQ(owner->get("/operator/workshops").status, 403);
  EXPECT_EQ(
      json_call(*owner, "PUT", "/api/v1/operator/workshops/" + workshop + "/status", R"({"status":"active"})")
          .status,
      403);

  auto detail = op->get("/en/operator/workshops/" + workshop);
  EXPECT_NE(detail.body.find("hallmarks missing"), std::string::npos);
  auto again = json_call(*op, "PUT", "/api/v1/operator/workshops/" + workshop + "/status",
                         R"({"status":"suspended","reason":"twice"})");
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(
      json_call(*op, "PUT", "/api/v1/operator/workshops/" + workshop + "/status", R"({"status":"closed"})")
          .status,
      400);
  auto back = json_call(*op, "PUT", "/api/v1/operator/workshops/" + workshop + "/status",
                        R"({"status":"active","reason":""})");
  ASSERT_EQ(back.status, 200);
  EXPECT_EQ(boost::json::parse(back.body).at("status").as_string(), "active");
  EXPECT_EQ(client()->get("/api/v1/products/" + piece).status, 200);
  EXPECT_EQ(owner->post_form("/console/stock", {{"_csrf", owner->cookie("csrf")}}).status, 303);

  // The reinstatement, given no reason, is in the history with no message: the API leaves the field out
  // and the page opens no empty paragraph for it (the suspension's reason is still shown).
  auto history = boost::json::parse(op->get("/api/v1/operator/workshops/" + workshop).body);
  const auto& events = history.at("events").as_array();
  ASSERT_GE(events.size(), 2u);
  EXPECT_EQ(events[0].at("kind").as_string(), "reinstated");  // newest first
  EXPECT_FALSE(events[0].as_object().contains("message"));
  EXPECT_EQ(events[1].at("message").as_string(), "hallmarks missing");
  auto page = op->get("/en/operator/workshops/" + workshop);
  EXPECT_NE(page.body.find("Reinstated"), std::string::npos);
  EXPECT_EQ(page.body.find("<p class=\"event-message\"></p>"), std::string::npos);
}

}  // namespace brilliant::test
