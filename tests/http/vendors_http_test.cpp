// Joining the joint brand end to end: apply with checked fields, operator asks for changes, the
// workshop resubmits, the operator approves, and the applicant becomes the new workshop's staff.
#include <boost/json.hpp>
#include <regex>

#include <vips/vips8>

#include "http/harness.hpp"

namespace brilliant::test {
namespace json = boost::json;

using VendorsHttp = ServerTest;

namespace {

std::vector<std::pair<std::string, std::string>> application_form(const std::string& csrf,
                                                                  const std::string& name) {
  return {{"_csrf", csrf},
          {"business_name", name},
          {"registration_no", "220-81-62517"},
          {"representative", "김장인"},
          {"address", "전북 익산시 왕궁면 보석로 7"},
          {"phone", "063-123-4567"},
          {"bank_name", "전북은행"},
          {"bank_account", "1234-567-890"},
          {"account_holder", "김장인"},
          {"story", "삼대째 금을 다룹니다."}};
}

// A maker's mark: a grey ring on white, as a PNG.
std::string mark_png() {
  auto xy = vips::VImage::xyz(500, 500);
  auto d = ((xy[0] - 250).pow(2) + (xy[1] - 250).pow(2)).pow(0.5);
  auto ring = ((d < 220) & (d > 160)).ifthenelse(90, 255).cast(VIPS_FORMAT_UCHAR);
  void* buf = nullptr;
  size_t size = 0;
  ring.write_to_buffer(".png", &buf, &size);
  std::string out(static_cast<char*>(buf), size);
  g_free(buf);
  return out;
}

HttpResponse attach(HttpClient& c, const std::string& kind, const std::string& name,
                    const std::string& bytes) {
  return c.request("POST", "/api/v1/applications/files?kind=" + kind + "&name=" + HttpClient::encode(name),
                   bytes, {"Content-Type: application/octet-stream", "X-CSRF-Token: " + c.cookie("csrf")});
}

}  // namespace

TEST_F(VendorsHttp, ApplyReviewResubmitApprove) {
  const auto applicant_email = unique_email("maker");
  auto applicant = signed_up(applicant_email);
  auto csrf = applicant->csrf_from("/join");
  const std::string name = "달빛 금공방 " + applicant_email.substr(6, 4);

  auto bad = application_form(csrf, name);
  bad[2].second = "220-81-62518";  // wrong check digit
  auto refused = applicant->post_form("/join", bad);
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("id=\"registration-error\""), std::string::npos);
  EXPECT_NE(refused.body.find("value=\"" + name + "\""), std::string::npos);  // nothing typed is lost

  EXPECT_EQ(applicant->post_form("/join", application_form(csrf, name)).status, 303);
  EXPECT_NE(applicant->get("/join").body.find("심사 중"), std::string::npos);
  EXPECT_EQ(applicant->post_form("/join", application_form(csrf, name)).status, 409);
  EXPECT_EQ(applicant->get("/operator/applications").status, 403);

  auto op = app->accounts().add_user({unique_email("op"), "심사 운영자", "operator-password", "ko"},
                                     web::Role::operator_, "");
  ASSERT_TRUE(op.ok());
  auto operator_client = client();
  auto token = operator_client->csrf_from("/login");
  ASSERT_EQ(
      operator_client
          ->post_form("/login", {{"_csrf", token}, {"email", op->email}, {"password", "operator-password"}})
          .status,
      303);
  auto queue = operator_client->get("/operator/applications");
  EXPECT_EQ(queue.status, 200);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(
      queue.body, m,
      std::regex(name +
                 R"(</td><td>220-81-62517</td><td>[^<]*</td><td><a href="/operator/applications/(\d+))")));
  const std::string id = m[1];
  token = operator_client->csrf_from("/operator/applications/" + id);
  auto no_reason = operator_client->post_form("/operator/applications/" + id + "/decision",
                                              {{"_csrf", token}, {"decision", "request_changes"}});
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_EQ(operator_client
                ->post_form("/operator/applications/" + id + "/decision",
                            {{"_csrf", token},
                             {"decision", "request_changes"},
                             {"reason", "통장 사본 이름을 확인해 주세요"}})
                .status,
            303);
  auto status = applicant->get("/join");
  EXPECT_NE(status.body.find("수정 요청됨"), std::string::npos);
  EXPECT_NE(status.body.find("통장 사본 이름을 확인해 주세요"), std::string::npos);

  EXPECT_EQ(applicant->post_form("/join", application_form(csrf, name)).status, 303);
  // No maker's mark yet: approval is refused with the reason on the page.
  auto unmarked = operator_client->post_form("/operator/applications/" + id + "/decision",
                                             {{"_csrf", token}, {"decision", "approve"}});
  EXPECT_EQ(unmarked.status, 422);
  EXPECT_NE(unmarked.body.find("id=\"mark-missing\""), std::string::npos);
  ASSERT_EQ(attach(*applicant, "mark", "도장.png", mark_png()).status, 201);
  auto again = operator_client->post_form("/operator/applications/" + id + "/decision",
                                          {{"_csrf", token}, {"decision", "approve"}});
  EXPECT_EQ(again.status, 303);
  // Decided: the files no longer change.
  EXPECT_EQ(attach(*applicant, "document", "late.png", mark_png()).status, 409);
  EXPECT_EQ(operator_client
                ->post_form("/operator/applications/" + id + "/decision",
                            {{"_csrf", token}, {"decision", "reject"}, {"reason", "x"}})
                .status,
            409);

  auto me = json::parse(applicant->get("/api/v1/me").body);
  bool vendor = false;
  for (const auto& role : me.at("roles").as_array()) vendor = vendor || role.as_string() == "vendor_staff";
  EXPECT_TRUE(vendor);
  EXPECT_GT(me.at("workshop_id").as_int64(), 0);
  auto mine = json::parse(applicant->get("/api/v1/applications/mine").body);
  EXPECT_EQ(mine.at("status").as_string(), "approved");
  EXPECT_EQ(mine.at("events").as_array().size(), 4u);  // submitted, changes requested, resubmitted, approved
  auto listed = json::parse(operator_client->get("/api/v1/applications?status=approved").body);
  EXPECT_FALSE(listed.at("applications").as_array().empty());
  EXPECT_NE(client()->get("/workshops").body.find(name), std::string::npos);  // the new workshop is listed
}

TEST_F(VendorsHttp, ApplicationFieldsAreChecked) {
  auto c = signed_up(unique_email("checks"));
  auto csrf = c->csrf_from("/join");
  auto form = application_form(csrf, "서울 공방");
  form[4].second = "서울시 강남구";
  auto outside = c->post_form("/en/join", form);
  EXPECT_EQ(outside.status, 422);
  EXPECT_NE(outside.body.find("Iksan address"), std::string::npos);
  EXPECT_EQ(client()->get("/join").status, 303);  // log in first
}

}  // namespace brilliant::test

namespace brilliant::test {

// The maker's mark and documents: checked by decoding, private to the applicant and operators.
TEST_F(VendorsHttp, MarkAndDocumentsAreCheckedAndPrivate) {
  auto applicant = signed_up(unique_email("files"));
  applicant->get("/join");
  const std::string pdf =
      "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count "
      "1>>endobj\n"
      "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 280]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
  auto mark = attach(*applicant, "mark", "stamp.png", mark_png());
  ASSERT_EQ(mark.status, 201) << mark.body;
  const auto mark_id = json::parse(mark.body).at("id").as_int64();
  EXPECT_EQ(attach(*applicant, "mark", "stamp.pdf", pdf).status, 400);  // a mark is an image
  auto doc = attach(*applicant, "document", "사업자등록증.pdf", pdf);
  ASSERT_EQ(doc.status, 201) << doc.body;
  EXPECT_EQ(json::parse(doc.body).at("pages").as_int64(), 1);
  auto junk = attach(*applicant, "document", "notes.txt", "just text, not a document");
  EXPECT_EQ(junk.status, 400);
  EXPECT_NE(junk.body.find("file_kind"), std::string::npos);
  EXPECT_EQ(attach(*applicant, "photo", "x.png", mark_png()).status, 400);

  auto page = applicant->get("/join");
  EXPECT_NE(page.body.find("사업자등록증.pdf"), std::string::npos);
  EXPECT_EQ(page.body.find("id=\"mark-missing\""), std::string::npos);
  auto preview = applicant->get("/applications/files/" + std::to_string(mark_id) + "?preview=1");
  ASSERT_EQ(preview.status, 200);
  EXPECT_EQ(preview.header("content-type"), "image/png");
  EXPECT_EQ(preview.header("content-security-policy").rfind("sandbox", 0), 0u);
  // A PDF runs nothing on our origin: sandboxed and downloaded, not shown inline.
  auto pdf_served =
      applicant->get("/applications/files/" + std::to_string(json::parse(doc.body).at("id").as_int64()));
  ASSERT_EQ(pdf_served.status, 200);
  EXPECT_EQ(pdf_served.header("content-security-policy").rfind("sandbox", 0), 0u);
  EXPECT_EQ(pdf_served.header("content-disposition").rfind("attachment;", 0), 0u);
  // Someone else, or nobody: the same 404 as a missing file.
  auto stranger = signed_up(unique_email("stranger"));
  EXPECT_EQ(stranger->get("/applications/files/" + std::to_string(mark_id)).status, 404);
  EXPECT_EQ(client()->get("/applications/files/" + std::to_string(mark_id)).status, 303);  // to log in
  EXPECT_EQ(stranger
                ->request("DELETE", "/api/v1/applications/files/" + std::to_string(mark_id), "",
                          {"X-CSRF-Token: " + stranger->cookie("csrf")})
                .status,
            404);
  auto op = logged_in(web::Role::operator_);
  EXPECT_EQ(op->get("/applications/files/" + std::to_string(mark_id)).status, 200);
  // Removing a document by the page.
  const auto doc_id = json::parse(doc.body).at("id").as_int64();
  EXPECT_EQ(applicant
                ->post_form("/join/files/" + std::to_string(doc_id) + "/remove",
                            {{"_csrf", applicant->cookie("csrf")}})
                .status,
            303);
  EXPECT_EQ(json::parse(applicant->get("/api/v1/applications/files").body).at("files").as_array().size(), 1u);
}

}  // namespace brilliant::test
