// The eco certification over HTTP on both databases (issue 11): a workshop applies with evidence, an
// auditor scores and issues, anyone verifies the signed credential and its log proof with the issuer's
// published key alone; claims show in the store only while the certificate is active, and every status
// change (suspend, reinstate, withdraw, expire) is public and takes the claims out at once.
#include <boost/json.hpp>

#include "certification/credential.hpp"
#include "http/harness.hpp"
#include "trust/signing.hpp"
#include "trust/verify.hpp"

namespace brilliant::test {
namespace json = boost::json;
using namespace std::chrono_literals;

class CertificationHttp : public ServerTest {
 protected:
  static std::vector<std::string> json_headers(HttpClient& c) {
    return {"Content-Type: application/json", "X-CSRF-Token: " + c.cookie("csrf")};
  }
  static json::value body_of(const HttpResponse& r) { return json::parse(r.body); }

  // A workshop of the test's own with a silver ring, its staff member, and a submitted application.
  struct Applicant {
    catalog::Workshop shop;
    catalog::Product ring;
    std::unique_ptr<HttpClient> maker;
    long long application = 0;
  };
  Applicant apply(int self_score = 90) {
    Applicant a;
    a.shop = own_workshop("eco", "초록 공방", "Green Atelier");
    a.ring = own_ring(a.shop, "Green Ring", 3);
    a.maker = logged_in(web::Role::vendor_staff, a.shop.slug);
    auto dossier = a.maker->get("/api/v1/console/certification");
    EXPECT_EQ(dossier.status, 200) << dossier.body;
    json::array answers;
    const auto current = body_of(dossier);
    for (const auto& c : current.at("application").at("criteria").as_array())
      answers.push_back(
          json::object{{"code", c.at("code")}, {"self_score", self_score}, {"self_note", "자가진단"}});
    auto saved =
        a.maker->request("POST", "/api/v1/console/certification",
                         json::serialize(json::object{
                             {"product_lines", "은 반지"}, {"validity_years", 3}, {"answers", answers}}),
                         json_headers(*a.maker));
    EXPECT_EQ(saved.status, 200) << saved.body;
    for (const char* code : {"legal_compliance", "disclosure", "makers_mark", "wastewater"}) {
      auto file = a.maker->request(
          "POST",
          std::string("/api/v1/console/certification/evidence?code=") + code + "&name=" + code + ".jpg",
          test_jpeg(200, 150, 40), {"Content-Type: image/jpeg", "X-CSRF-Token: " + a.maker->cookie("csrf")});
      EXPECT_EQ(file.status, 201) << file.body;
    }
    auto submitted =
        a.maker->request("POST", "/api/v1/console/certification/submit", "", json_headers(*a.maker));
    EXPECT_EQ(submitted.status, 200) << submitted.body;
    a.application = body_of(submitted).at("application").at("id").as_int64();
    EXPECT_EQ(body_of(submitted).at("application").at("status").as_string(), "submitted");
    return a;
  }

  // Scores every criterion (baseline 100, the rest `scored`) and issues; returns the certificate number.
  std::string issue(HttpClient& auditor, long long application, int scored) {
    const auto path = "/api/v1/audit/applications/" + std::to_string(application);
    json::array scores;
    const auto current = body_of(auditor.get(path));
    for (const auto& c : current.at("criteria").as_array())
      scores.push_back(json::object{{"code", c.at("code")},
                                    {"score", c.at("kind").as_string() == "baseline" ? 100 : scored},
                                    {"note", "checked"}});
    auto scored_answer = auditor.request(
        "POST", path + "/scores", json::serialize(json::object{{"scores", scores}}), json_headers(auditor));
    EXPECT_EQ(scored_answer.status, 200) << scored_answer.body;
    auto decided = auditor.request("POST", path + "/decision", R"({"decision":"issue","reason":""})",
                                   json_headers(auditor));
    EXPECT_EQ(decided.status, 201) << decided.body;
    return std::string(body_of(decided).at("certificate").as_string());
  }

  std::array<unsigned char, 32> issuer_key() {
    auto did = body_of(client()->get("/.well-known/did.json"));
    return trust::public_key_of(did.at("verificationMethod").at(0).at("publicKeyMultibase").as_string())
        .value();
  }

  bool listed_as_eco(const std::string& slug) {
    auto listing = client()->get("/api/v1/products?eco=1&q=Green+Ring&per_page=100");
    return listing.body.find(slug) != std::string::npos;
  }
  std::string status_of(HttpClient& who, const std::string& number, const std::string& action,
                        const std::string& reason, int expect) {
    auto r =
        who.request("POST", "/api/v1/certificates/" + number + "/status",
                    json::serialize(json::object{{"action", action}, {"reason", reason}}), json_headers(who));
    EXPECT_EQ(r.status, expect) << r.body;
    return r.body;
  }
};

TEST_F(CertificationHttp, AWorkshopAppliesAnAuditorIssuesAndAnyoneVerifiesOffline) {
  auto a = apply();
  // Bad input names its field and loses nothing.
  auto bad = a.maker->request("POST", "/api/v1/console/certification",
                              R"({"answers":[{"code":"energy","self_score":101}]})", json_headers(*a.maker));
  EXPECT_EQ(bad.status, 400) << bad.body;
  EXPECT_EQ(body_of(bad).at("error").at("field").as_string(), "self_score_energy");
  auto late = a.maker->request("POST", "/api/v1/console/certification",
                               R"({"answers":[{"code":"energy","self_score":10}]})", json_headers(*a.maker));
  EXPECT_EQ(late.status, 409) << late.body;  // submitted: no longer editable
  auto not_image = a.maker->request("POST", "/api/v1/console/certification/evidence?code=energy&name=x.jpg",
                                    "not an image",
                                    {"Content-Type: image/jpeg", "X-CSRF-Token: " + a.maker->cookie("csrf")});
  EXPECT_EQ(not_image.status, 400) << not_image.body;
  EXPECT_EQ(body_of(not_image).at("error").at("field").as_string(), "file");

  auto auditor = logged_in(web::Role::auditor);
  auto queue = auditor->get("/api/v1/audit/applications");
  ASSERT_EQ(queue.status, 200) << queue.body;
  EXPECT_NE(queue.body.find(a.shop.slug), std::string::npos);
  // Deciding before scoring says what is missing.
  auto early =
      auditor->request("POST", "/api/v1/audit/applications/" + std::to_string(a.application) + "/decision",
                       R"({"decision":"issue"})", json_headers(*auditor));
  EXPECT_EQ(early.status, 422) << early.body;
  const auto number = issue(*auditor, a.application, 88);
  ASSERT_TRUE(certification::valid_certificate_number(number)) << number;

  // The public page, in Korean and English, and the JSON.
  auto page = client()->get("/certificates/" + number);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("초록 공방"), std::string::npos);
  EXPECT_NE(page.body.find("★★★"), std::string::npos);
  EXPECT_NE(client()->get("/en/certificates/" + number).body.find("Green Atelier"), std::string::npos);
  auto api = body_of(client()->get("/api/v1/certificates/" + number));
  EXPECT_EQ(api.at("status").as_string(), "active");
  EXPECT_EQ(api.at("evidence").as_array().size(), 4u);
  EXPECT_FALSE(api.at("evidence").at(0).as_object().contains("name"));  // hashes, never the files

  // Offline verification with the issuer's published key: the credential and its proof bundle.
  auto credential = client()->get("/certificates/" + number + "/credential.json");
  ASSERT_EQ(credential.status, 200);
  auto proof = client()->get("/certificates/" + number + "/proof.json");
  ASSERT_EQ(proof.status, 200) << proof.body;
  const auto key = trust::public_multikey(trust::KeyPair{issuer_key(), {}});
  const auto verified = trust::verify_credential(credential.body, proof.body, key);
  for (const auto& c : verified.checks) EXPECT_TRUE(c.ok) << c.name << ": " << c.detail;
  EXPECT_EQ(verified.checks.size(), 6u);
  // One changed byte fails it, naming what failed.
  auto tampered = credential.body;
  tampered.replace(tampered.find("\"level\":3"), 9, "\"level\":2");
  EXPECT_FALSE(trust::verify_credential(tampered, proof.body, key).ok());

  // QR codes; an unknown number is a 404 that reveals nothing.
  EXPECT_EQ(client()->get("/certificates/" + number + "/qr.svg").header("content-type"), "image/svg+xml");
  EXPECT_EQ(client()->get("/certificates/" + number + "/qr.png").header("content-type"), "image/png");
  EXPECT_EQ(client()->get("/certificates/ECO-0000-0000").status, 404);
  EXPECT_EQ(client()->get("/certificates/nonsense/credential.json").status, 404);
  EXPECT_NE(client()->get("/certificates?q=" + number).body.find(number), std::string::npos);
  auto found = body_of(client()->get("/api/v1/certificates?q=" + number));
  ASSERT_EQ(found.at("certificates").as_array().size(), 1u);
  EXPECT_EQ(found.at("certificates").at(0).at("workshop").at("slug").as_string(), a.shop.slug);
}

TEST_F(CertificationHttp, ClaimsShowOnlyWhileTheCertificateIsActive) {
  auto a = apply();
  auto auditor = logged_in(web::Role::auditor);
  const auto claims_path = "/api/v1/console/products/" + a.ring.slug + "/claims";
  // No certificate yet: nothing may be claimed.
  auto refused =
      a.maker->request("PUT", claims_path, R"({"claims":[{"claim":"recycled_silver","evidence":"lot 7"}]})",
                       json_headers(*a.maker));
  EXPECT_EQ(refused.status, 422) << refused.body;
  const auto number = issue(*auditor, a.application, 90);
  auto wrong_metal =
      a.maker->request("PUT", claims_path, R"({"claims":[{"claim":"recycled_gold","evidence":"lot 7"}]})",
                       json_headers(*a.maker));
  EXPECT_EQ(wrong_metal.status, 422) << wrong_metal.body;
  auto set = a.maker->request("PUT", claims_path,
                              R"({"claims":[{"claim":"recycled_silver","evidence":"재생 은 로트 A17"}]})",
                              json_headers(*a.maker));
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(body_of(set).at("shown").at(0).at("code").as_string(), "recycled_silver");
  auto product = client()->get("/products/" + a.ring.slug);
  EXPECT_NE(product.body.find("id=\"eco-claims\""), std::string::npos);
  // The piece's edit page offers the claims its certificate allows, the chosen one ticked, and saving
  // them there comes back to it.
  const auto edit = a.maker->get("/console/products/" + a.ring.slug + "/edit");
  ASSERT_EQ(edit.status, 200);
  EXPECT_NE(edit.body.find("name=\"claim_recycled_silver\" checked"), std::string::npos);
  EXPECT_EQ(edit.body.find("name=\"claim_recycled_gold\""),
            std::string::npos);  // a gold claim on silver: not offered
  auto from_edit =
      a.maker->post_form("/console/products/" + a.ring.slug + "/claims",
                         {{"claim_recycled_silver", "on"},
                          {"evidence_recycled_silver", "재생 은 로트 A18"},
                          {"claim_cyanide_free_plating", "on"},
                          {"evidence_cyanide_free_plating", "도금액 MSDS"},
                          {"back", "edit"},
                          {"_csrf", a.maker->csrf_from("/console/products/" + a.ring.slug + "/edit")}});
  EXPECT_EQ(from_edit.status, 303);
  EXPECT_NE(from_edit.header("location").find("/edit?saved=1"), std::string::npos);
  EXPECT_EQ(body_of(a.maker->get(claims_path)).at("claims").as_array().size(), 2u);
  EXPECT_NE(product.body.find(number), std::string::npos);
  EXPECT_TRUE(listed_as_eco(a.ring.slug));
  // Another workshop's staff cannot touch the piece's claims.
  auto stranger = logged_in(web::Role::vendor_staff, own_workshop("eco-x", "남의 공방", "Other").slug);
  EXPECT_EQ(stranger->get(claims_path).status, 404);

  // Suspend: a reason is required; the claims leave the store at once.
  EXPECT_EQ(json::parse(status_of(*auditor, number, "suspend", " ", 400)).at("error").at("field").as_string(),
            "reason");
  status_of(*auditor, number, "suspend", "도금 폐수 기준 초과", 200);
  EXPECT_EQ(client()->get("/products/" + a.ring.slug).body.find("id=\"eco-claims\""), std::string::npos);
  EXPECT_FALSE(listed_as_eco(a.ring.slug));
  auto page = client()->get("/certificates/" + number);
  EXPECT_NE(page.body.find("도금 폐수 기준 초과"), std::string::npos);  // public, with its reason
  // The suspension list has the certificate's bit set.
  auto list = body_of(client()->get("/certificates/status/suspension"));
  const auto set_bits = certification::decode_status_list(
                            std::string(list.at("credentialSubject").at("encodedList").as_string()))
                            .value();
  const auto index = body_of(client()->get("/certificates/" + number + "/credential.json"))
                         .at("credentialStatus")
                         .at(1)
                         .at("statusListIndex")
                         .as_string();
  EXPECT_NE(std::find(set_bits.begin(), set_bits.end(), std::stoll(std::string(index))), set_bits.end());
  EXPECT_TRUE(trust::verify_jcs_2022(list.as_object(), issuer_key()).ok());

  status_of(*auditor, number, "reinstate", "재검사 결과 기준 이내", 200);
  EXPECT_TRUE(listed_as_eco(a.ring.slug));
  auto op = logged_in(web::Role::operator_);
  status_of(*op, number, "withdraw", "허위 표시 확인", 200);
  EXPECT_FALSE(listed_as_eco(a.ring.slug));
  status_of(*op, number, "reinstate", "다시", 409);
  // Shoppers may not change a status.
  auto shopper = signed_up(unique_email("eco-shopper"));
  EXPECT_EQ(shopper
                ->request("POST", "/api/v1/certificates/" + number + "/status",
                          R"({"action":"reinstate","reason":"x"})", json_headers(*shopper))
                .status,
            403);
}

TEST_F(CertificationHttp, ARefusalNeedsAReasonAndCertificatesExpire) {
  auto a = apply();
  auto auditor = logged_in(web::Role::auditor);
  const auto number = issue(*auditor, a.application, 70);
  EXPECT_EQ(body_of(client()->get("/api/v1/certificates/" + number)).at("level").as_int64(), 2);
  clock->advance(std::chrono::duration_cast<std::chrono::seconds>(24h * (365 * 3 + 2)));
  EXPECT_GE(app->certification().housekeeping(), 1);
  auto cert = body_of(client()->get("/api/v1/certificates/" + number));
  EXPECT_EQ(cert.at("status").as_string(), "expired");
  EXPECT_EQ(cert.at("events").as_array().back().at("kind").as_string(), "expired");

  // A new application is refused with a reason; without one it is a 400 naming the field.
  auto b = apply(40);
  auditor = logged_in(web::Role::auditor);  // three years on: a fresh session
  const auto path = "/api/v1/audit/applications/" + std::to_string(b.application) + "/decision";
  auto blank = auditor->request("POST", path, R"({"decision":"refuse","reason":""})", json_headers(*auditor));
  EXPECT_EQ(blank.status, 400) << blank.body;
  EXPECT_EQ(body_of(blank).at("error").at("field").as_string(), "reason");
  auto refused =
      auditor->request("POST", path, R"({"decision":"refuse","reason":"기준 미달"})", json_headers(*auditor));
  EXPECT_EQ(refused.status, 200) << refused.body;
  EXPECT_EQ(body_of(refused).at("certificate").as_string(), "");
}

TEST_F(CertificationHttp, EvidenceIsPrivateAndAuditorsNeverAuditTheirOwnWorkshop) {
  auto a = apply();
  const auto dossier = body_of(a.maker->get("/api/v1/console/certification"));
  const std::string url(
      dossier.at("application").at("criteria").at(0).at("files").at(0).at("url").as_string());
  EXPECT_EQ(a.maker->get(url).status, 200);
  auto auditor = logged_in(web::Role::auditor);
  EXPECT_EQ(auditor->get(url).status, 200);
  auto stranger = logged_in(web::Role::vendor_staff, own_workshop("eco-y", "다른 공방", "Another").slug);
  EXPECT_EQ(stranger->get(url).status, 404);
  EXPECT_NE(client()->get(url).status, 200);
  // The workshop's own staff member made an auditor too: refused.
  std::string email;
  auto insider = logged_in(web::Role::vendor_staff, a.shop.slug, &email);
  ASSERT_TRUE(
      app->accounts().add_user({email, "Insider", "a-long-password", "ko"}, web::Role::auditor, "").ok());
  insider = client();
  insider->post_form(
      "/login", {{"email", email}, {"password", "a-long-password"}, {"_csrf", insider->csrf_from("/login")}});
  auto own =
      insider->request("POST", "/api/v1/audit/applications/" + std::to_string(a.application) + "/scores",
                       R"({"scores":[{"code":"energy","score":50}]})", json_headers(*insider));
  EXPECT_EQ(own.status, 403) << own.body;
}

TEST_F(CertificationHttp, PagesRenderForEveryRole) {
  auto a = apply();
  EXPECT_EQ(a.maker->get("/console/certification").status, 200);
  EXPECT_EQ(a.maker->get("/en/console/certification").status, 200);
  EXPECT_EQ(a.maker->get("/console/products/" + a.ring.slug + "/claims").status, 200);
  auto auditor = logged_in(web::Role::auditor);
  auto queue = auditor->get("/audit");
  ASSERT_EQ(queue.status, 200);
  EXPECT_NE(queue.body.find("초록 공방"), std::string::npos);
  EXPECT_EQ(auditor->get("/audit/applications/" + std::to_string(a.application)).status, 200);
  // A form with a bad date shows the error next to the field.
  const auto csrf = auditor->csrf_from("/audit/applications/" + std::to_string(a.application));
  auto bad = auditor->post_form("/audit/applications/" + std::to_string(a.application) + "/audits",
                                {{"kind", "on_site"},
                                 {"held_on", "어제"},
                                 {"note", "작업장 두 곳 확인, 폐수 기록 <양호>"},
                                 {"_csrf", csrf}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("field-error"), std::string::npos);
  EXPECT_NE(bad.body.find(">작업장 두 곳 확인, 폐수 기록 &lt;양호&gt;</textarea>"),
            std::string::npos);  // kept
  EXPECT_EQ(bad.body.find(csrf + "</"), std::string::npos);
  EXPECT_EQ(client()->get("/eco").status, 200);
  EXPECT_EQ(client()->get("/en/eco").status, 200);
  EXPECT_EQ(client()->get("/certificates").status, 200);
  auto op = logged_in(web::Role::operator_);
  EXPECT_EQ(op->get("/operator/certification").status, 200);
  EXPECT_EQ(body_of(op->get("/api/v1/certification/schemes")).at("versions").as_array().empty(), false);
  EXPECT_EQ(client()->get("/api/v1/certification/scheme").status, 200);
  EXPECT_EQ(a.maker->get("/audit").status, 403);

  // The printable tag card names the piece and its claims beside the certificate's QR code.
  const auto number = issue(*auditor, a.application, 90);
  auto set =
      a.maker->request("PUT", "/api/v1/console/products/" + a.ring.slug + "/claims",
                       R"({"claims":[{"claim":"plastic_free_packaging","evidence":"종이 상자 사양서"}]})",
                       json_headers(*a.maker));
  ASSERT_EQ(set.status, 200) << set.body;
  auto tag = client()->get("/certificates/" + number + "/tag?product=" + a.ring.slug);
  ASSERT_EQ(tag.status, 200);
  EXPECT_NE(tag.body.find("<svg"), std::string::npos);
  EXPECT_NE(tag.body.find("플라스틱 없는 포장"), std::string::npos);
  EXPECT_NE(tag.body.find(a.ring.title_ko), std::string::npos);
}

// The workshop answers each nonconformity in a form of its own: a refused answer keeps what was typed in
// that form, the error beside it, and the other forms stay empty.
TEST_F(CertificationHttp, ARefusedCorrectiveActionStaysInItsOwnForm) {
  auto a = apply();
  auto auditor = logged_in(web::Role::auditor);
  const auto page = "/audit/applications/" + std::to_string(a.application);
  for (const char* description : {"폐수 기록 누락", "원산지 표기 불명확"}) {
    auto added = auditor->post_form(page + "/nonconformities", {{"_csrf", auditor->csrf_from(page)},
                                                                {"code", "wastewater"},
                                                                {"severity", "minor"},
                                                                {"description", description},
                                                                {"due_on", "2027-01-31"}});
    ASSERT_EQ(added.status, 303) << added.body;
  }
  const auto dossier = body_of(a.maker->get("/api/v1/console/certification"));
  const auto& ncs = dossier.at("application").at("nonconformities").as_array();
  ASSERT_EQ(ncs.size(), 2u);
  const auto first = std::to_string(ncs[0].at("id").as_int64());
  const auto second = std::to_string(ncs[1].at("id").as_int64());
  std::string long_answer;
  for (int i = 0; i < 200; ++i) long_answer += "폐수 처리 일지를 매일 적습니다. ";
  auto refused = a.maker->post_form("/console/certification/nonconformities/" + second,
                                    {{"_csrf", a.maker->cookie("csrf")}, {"corrective_action", long_answer}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("id=\"ca-error-" + second + "\""), std::string::npos);
  EXPECT_EQ(refused.body.find("id=\"ca-error-" + first + "\""), std::string::npos);  // not under the other
  EXPECT_NE(refused.body.find(">" + long_answer + "</textarea>"), std::string::npos);
  EXPECT_NE(refused.body.find("name=\"corrective_action\" rows=\"2\"></textarea>"), std::string::npos);
  auto answered =
      a.maker->post_form("/console/certification/nonconformities/" + second,
                         {{"_csrf", a.maker->cookie("csrf")}, {"corrective_action", "매일 기록"}});
  EXPECT_EQ(answered.status, 303);
}

TEST_F(CertificationHttp, TheOperatorEditsADraftVersionAndPublishedOnesStayAsTheyWere) {
  auto op = logged_in(web::Role::operator_);
  const auto before = body_of(op->get("/api/v1/certification/schemes"));
  const auto latest = before.at("versions").at(0).at("version").as_int64();
  const bool draft_open = !before.at("versions").at(0).at("published").as_bool();
  if (!draft_open) {  // (the PostgreSQL database is shared: an earlier run may have left a draft)
    auto made = op->post_form("/operator/certification/drafts",
                              {{"_csrf", op->csrf_from("/operator/certification")}});
    EXPECT_EQ(made.status, 303) << made.body;
  }
  const auto draft = draft_open ? latest : latest + 1;
  // A published version refuses edits; a bad weight names the field.
  auto published = op->post_form("/operator/certification/1/criteria",
                                 {{"code", "energy"},
                                  {"kind", "scored"},
                                  {"weight", "15"},
                                  {"title_ko", "에너지"},
                                  {"title_en", "Energy"},
                                  {"_csrf", op->csrf_from("/operator/certification")}});
  EXPECT_EQ(published.status, 409);
  auto bad = op->post_form("/operator/certification/" + std::to_string(draft) + "/criteria",
                           {{"code", "energy"},
                            {"kind", "scored"},
                            {"weight", "많이"},
                            {"title_ko", "에너지"},
                            {"title_en", "Energy"},
                            {"_csrf", op->csrf_from("/operator/certification")}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("alert-error"), std::string::npos);
  auto after = body_of(op->get("/api/v1/certification/schemes"));
  EXPECT_EQ(after.at("versions").at(0).at("version").as_int64(), draft);
  EXPECT_FALSE(after.at("versions").at(0).at("published").as_bool());
  // Each version's state is said in the page's words
  const auto page = op->get("/operator/certification").body;
  EXPECT_NE(page.find("<span class=\"chip\">초안</span>"), std::string::npos);
  EXPECT_NE(page.find("<span class=\"chip\">발행됨</span>"), std::string::npos);
  EXPECT_NE(op->get("/en/operator/certification").body.find("<span class=\"chip\">Draft</span>"),
            std::string::npos);
}

}  // namespace brilliant::test
