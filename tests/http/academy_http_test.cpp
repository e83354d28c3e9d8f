// The academy over HTTP (issue 13) on SQLite and PostgreSQL: the operator makes a course (a bad slug is
// refused by name and the form keeps what was typed), a session and a material; a workshop's owner enrols
// their staff (a full session puts the next on the waiting list; another workshop's owner may not); the
// trainee sees the QR for the door; the instructor checks them in; the practice task is recognised from
// what the trainee did with the real tool (a coupon made in the console); the certificate is a page, a
// PDF, a credential that verifies with the hub's key and a log proof. Course slugs are unique per run:
// the PostgreSQL database is shared.
#include <boost/json.hpp>
#include <vips/vips8>

#include "core/secret.hpp"
#include "core/text.hpp"
#include "db/database.hpp"
#include "http/shop_testing.hpp"

namespace brilliant::test {
namespace {

namespace json = boost::json;

class AcademyHttp : public ShopTest {
 protected:
  long long user_id(const std::string& email) {
    return app->database().read([&](soci::session& sql) {
      long long id = 0;
      sql << "SELECT id FROM users WHERE email = :e", soci::use(email), soci::into(id);
      return id;
    });
  }
  json::object api(HttpClient& who, const std::string& method, const std::string& path,
                   const std::string& body, int status) {
    auto r = who.request(method, path, body, json_headers(who));
    EXPECT_EQ(r.status, status) << method << " " << path << ": " << r.body;
    auto parsed = json::parse(r.body.empty() ? "{}" : r.body);
    return parsed.is_object() ? parsed.as_object() : json::object{};
  }
};

TEST_F(AcademyHttp, FromEnrolmentToAVerifiedCertificate) {
  auto op = logged_in(web::Role::operator_);
  std::string op_email;
  auto instructor = logged_in(web::Role::operator_, "", &op_email);
  const std::string slug = "coupons-" + ascii_lower(random_code(6, "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"));
  std::vector<std::pair<std::string, std::string>> form{{"_csrf", op->cookie("csrf")},
                                                        {"slug", "Bad Slug"},
                                                        {"title_ko", "쿠폰 실습"},
                                                        {"title_en", "Coupon practice"},
                                                        {"summary_ko", "요약"},
                                                        {"summary_en", "Summary"},
                                                        {"tasks", "coupon"}};
  auto refused = op->post_form("/operator/academy/courses", form);
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("쿠폰 실습"), std::string::npos);  // kept as typed
  form[1].second = slug;
  ASSERT_EQ(op->post_form("/operator/academy/courses", form).status, 303);
  const auto course = api(*op, "GET", "/api/v1/academy/courses/" + slug, "", 200);
  ASSERT_TRUE(course.contains("course"));
  const auto listed = api(*op, "GET", "/api/v1/academy/courses", "", 200);
  EXPECT_NE(json::serialize(listed).find(slug), std::string::npos);
  const auto course_id = app->academy().course(slug)->id;
  const auto session = api(*op, "POST", "/api/v1/operator/academy/sessions",
                           R"({"course_id":)" + std::to_string(course_id) +
                               R"(,"starts_at":"2026-12-10T14:00","place":"익산 주얼리센터","capacity":1,)"
                               R"("instructor_email":")" +
                               op_email + R"("})",
                           201);
  const auto session_id = std::to_string(session.at("id").as_int64());
  api(*op, "POST", "/api/v1/operator/academy/sessions", R"({"course_id":1,"starts_at":"soon","capacity":5})",
      400);
  ASSERT_EQ(op->post_form("/operator/academy/materials", {{"_csrf", op->cookie("csrf")},
                                                          {"course_id", std::to_string(course_id)},
                                                          {"title", "쿠폰 교재"},
                                                          {"url", "/console/marketing/coupons"},
                                                          {"kind", "link"}})
                .status,
            303);

  const auto shop = own_workshop("academy", "교육 공방", "Academy Atelier");
  std::string trainee_email, second_email;
  auto owner = logged_in(web::Role::vendor_staff, shop.slug);
  auto trainee = logged_in(web::Role::vendor_staff, shop.slug, &trainee_email);
  auto second = logged_in(web::Role::vendor_staff, shop.slug, &second_email);
  const auto other = own_workshop("academy-other", "다른 공방", "Other Atelier");
  auto stranger = logged_in(web::Role::vendor_staff, other.slug);
  const auto trainee_id = std::to_string(user_id(trainee_email));
  // The owner enrols on the course page; the next one waits; a stranger may not enrol them.
  auto page = owner->get("/academy/courses/" + slug);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("enrol-form"), std::string::npos);
  EXPECT_NE(page.body.find("쿠폰 교재"), std::string::npos);
  auto enrolled = owner->post_form(
      "/academy/courses/" + slug + "/enrol",
      {{"_csrf", owner->cookie("csrf")}, {"session_id", session_id}, {"user_id", trainee_id}});
  ASSERT_EQ(enrolled.status, 303) << enrolled.body;
  api(*stranger, "POST", "/api/v1/academy/enrolments",
      R"({"session_id":)" + session_id + R"(,"user_id":)" + std::to_string(user_id(second_email)) + "}", 403);
  const auto waiting = api(
      *owner, "POST", "/api/v1/academy/enrolments",
      R"({"session_id":)" + session_id + R"(,"user_id":)" + std::to_string(user_id(second_email)) + "}", 201);
  EXPECT_EQ(waiting.at("state").as_string(), "waiting");
  api(*owner, "POST", "/api/v1/academy/enrolments",
      R"({"session_id":)" + session_id + R"(,"user_id":)" + trainee_id + "}", 409);
  api(*owner, "POST", "/api/v1/academy/enrolments", R"({"user_id":)" + trainee_id + "}", 400);
  const auto cancelled =
      api(*second, "POST",
          "/api/v1/academy/enrolments/" + std::to_string(waiting.at("id").as_int64()) + "/cancel", "", 200);
  EXPECT_EQ(cancelled.at("state").as_string(), "cancelled");

  // The trainee's page: the QR for the door and a task not yet done.
  auto mine = trainee->get("/console/academy");
  ASSERT_EQ(mine.status, 200);
  EXPECT_NE(mine.body.find("<svg"), std::string::npos);
  const auto console = api(*trainee, "GET", "/api/v1/console/academy", "", 200);
  const auto& enrolment = console.at("enrolments").as_array().at(0);
  const std::string token(enrolment.at("checkin_token").as_string());
  EXPECT_FALSE(enrolment.at("progress").at("complete").as_bool());
  api(*trainee, "POST", "/api/v1/console/academy/courses/" + slug + "/certificate", "", 422);

  // At the door.
  auto door = instructor->get("/academy/checkin/" + token);
  ASSERT_EQ(door.status, 200);
  EXPECT_NE(door.body.find("checkin-button"), std::string::npos);
  EXPECT_EQ(owner->post_form("/academy/checkin/" + token, {{"_csrf", owner->cookie("csrf")}}).status, 403);
  auto checked = instructor->post_form("/academy/checkin/" + token, {{"_csrf", instructor->cookie("csrf")}});
  ASSERT_EQ(checked.status, 200);
  EXPECT_NE(checked.body.find("checked-in"), std::string::npos);
  EXPECT_TRUE(api(*instructor, "POST", "/api/v1/academy/checkin/" + token, "", 200).at("attended").as_bool());
  const auto teach = api(*instructor, "GET", "/api/v1/academy/teach", "", 200);
  EXPECT_NE(json::serialize(teach).find(slug), std::string::npos);

  // The practice task, done with the real tool: a coupon for the workshop, made in the console.
  const auto code = "ACAD" + random_code(6, "23456789ABCDEFGHJKLMNPQRSTUVWXYZ");
  api(*trainee, "POST", "/api/v1/console/coupons",
      R"({"code":")" + code +
          R"(","name_ko":"연습","name_en":"Practice","kind":"fixed","value":1000,)"
          R"("starts_at":"2026-11-25"})",
      201);
  const auto done = api(*trainee, "GET", "/api/v1/console/academy", "", 200);
  const auto& progress = done.at("enrolments").as_array().at(0).at("progress");
  EXPECT_TRUE(progress.at("complete").as_bool());
  EXPECT_EQ(progress.at("tasks").as_array().at(0).at("evidence").as_string(), code);

  auto claimed = trainee->post_form("/console/academy/courses/" + slug + "/certificate",
                                    {{"_csrf", trainee->cookie("csrf")}});
  ASSERT_EQ(claimed.status, 303) << claimed.body;
  const auto location = claimed.header("location");
  ASSERT_NE(location.find("/academy/certificates/AC-"), std::string::npos) << location;
  const auto number = location.substr(location.rfind('/') + 1);
  auto again = api(*trainee, "POST", "/api/v1/console/academy/courses/" + slug + "/certificate", "", 201);
  EXPECT_EQ(again.at("number").as_string(), number);  // the same certificate
  auto anyone = client();
  auto cert_page = anyone->get("/academy/certificates/" + number);
  ASSERT_EQ(cert_page.status, 200);
  EXPECT_NE(cert_page.body.find("verify"), std::string::npos);
  auto pdf = anyone->get("/academy/certificates/" + number + ".pdf");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.header("content-type"), "application/pdf");
  EXPECT_EQ(pdf.body.substr(0, 5), "%PDF-");
  auto credential = anyone->get("/academy/certificates/" + number + "/credential.json");
  ASSERT_EQ(credential.status, 200);
  EXPECT_TRUE(trust::verify_jcs_2022(json::parse(credential.body).as_object(),
                                     app->certification().issuer().key.public_key)
                  .ok());
  auto proof = anyone->get("/academy/certificates/" + number + "/proof.json");
  ASSERT_EQ(proof.status, 200);
  EXPECT_EQ(json::parse(proof.body).at("certificate").as_string(), number);

  const auto totals = api(*op, "GET", "/api/v1/operator/academy", "", 200);
  bool counted = false;
  for (const auto& c : totals.at("courses").as_array())
    if (c.at("slug").as_string() == slug)
      counted = c.at("certified").as_int64() == 1 && c.at("attended").as_int64() == 1;
  EXPECT_TRUE(counted);
  auto operator_page = op->get("/operator/academy");
  EXPECT_EQ(operator_page.status, 200);
  EXPECT_NE(operator_page.body.find("교육 공방"), std::string::npos);
}

// A gold ring that fills a white frame, sharp and well lit: what the photo coach passes.
std::string good_ring_photo() {
  using vips::VImage;
  VImage frame = (VImage::black(1200, 1200, VImage::option()->set("bands", 3)) + 255).cast(VIPS_FORMAT_UCHAR);
  frame.draw_circle({209, 161.5, 76}, 600, 600, 420, VImage::option()->set("fill", true));
  frame.draw_circle({255, 255, 255}, 600, 600, 210, VImage::option()->set("fill", true));
  for (int i = -420; i < 420; i += 12) frame.draw_line({60, 40, 10}, 600 + i, 350, 630 + i, 380);
  void* buf = nullptr;
  size_t size = 0;
  frame.write_to_buffer(".jpg", &buf, &size, VImage::option()->set("Q", 92));
  std::string out(static_cast<char*>(buf), size);
  g_free(buf);
  return out;
}

TEST_F(AcademyHttp, ThePhotosTaskIsDoneWhenThePiecesPhotosPassTheCoach) {
  auto op = logged_in(web::Role::operator_);
  const std::string slug = "photos-" + ascii_lower(random_code(6, "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"));
  const auto course = api(*op, "POST", "/api/v1/operator/academy/courses",
                          R"({"slug":")" + slug +
                              R"(","title_ko":"사진","title_en":"Photos","summary_ko":"",)"
                              R"("summary_en":"","tasks":"photos"})",
                          201);
  const auto course_id = app->academy().course(slug)->id;
  const auto session = api(*op, "POST", "/api/v1/operator/academy/sessions",
                           R"({"course_id":)" + std::to_string(course_id) +
                               R"(,"starts_at":"2026-12-10T14:00","place":"센터","capacity":5})",
                           201);
  const auto shop = own_workshop("academy-photos", "사진 공방", "Photo Atelier");
  const auto ring = own_ring(shop, "Coached Ring", 2);
  std::string email;
  auto trainee = logged_in(web::Role::vendor_staff, shop.slug, &email);
  const auto enrolled = api(*op, "POST", "/api/v1/academy/enrolments",
                            R"({"session_id":)" + std::to_string(session.at("id").as_int64()) +
                                R"(,"user_id":)" + std::to_string(user_id(email)) + "}",
                            201);
  (void)enrolled;
  const auto photos = "/api/v1/console/products/" + ring.slug + "/photos";
  const auto upload = [&](const std::string& bytes) {
    return trainee->request("POST", photos, bytes,
                            {"Content-Type: image/jpeg", "X-CSRF-Token: " + trainee->cookie("csrf")});
  };
  const auto task = [&] {
    const auto mine = api(*trainee, "GET", "/api/v1/console/academy", "", 200);
    for (const auto& e : mine.at("enrolments").as_array())
      if (e.at("course").at("slug").as_string() == slug)
        return e.at("progress").at("tasks").at(0).as_object();
    return json::object{};
  };
  // A dark, small gradient: the coach flags it, so the task is not done.
  ASSERT_EQ(upload(test_jpeg(900, 700, 40)).status, 201);
  EXPECT_FALSE(task().at("done").as_bool());
  // The flagged photo replaced with a good one: done, naming the piece.
  const auto listed = json::parse(trainee->get(photos).body);
  for (const auto& p : listed.at("photos").as_array())
    ASSERT_EQ(trainee
                  ->request("DELETE", photos + "/" + std::to_string(p.at("id").as_int64()), "",
                            {"X-CSRF-Token: " + trainee->cookie("csrf")})
                  .status,
              200);
  ASSERT_EQ(upload(good_ring_photo()).status, 201);
  const auto done = task();
  EXPECT_TRUE(done.at("done").as_bool()) << json::serialize(done);
  EXPECT_EQ(done.at("evidence").as_string(), ring.slug);
}

TEST_F(AcademyHttp, TheCampaignTaskIsATestSendOfTheWorkshopsOwnCampaign) {
  auto op = logged_in(web::Role::operator_);
  const std::string slug = "mail-" + ascii_lower(random_code(6, "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"));
  api(*op, "POST", "/api/v1/operator/academy/courses",
      R"({"slug":")" + slug +
          R"(","title_ko":"캠페인","title_en":"Campaigns","summary_ko":"","summary_en":"",)"
          R"("tasks":"campaign"})",
      201);
  const auto session = api(*op, "POST", "/api/v1/operator/academy/sessions",
                           R"({"course_id":)" + std::to_string(app->academy().course(slug)->id) +
                               R"(,"starts_at":"2026-12-10T14:00","place":"센터","capacity":5})",
                           201);
  const auto shop = own_workshop("academy-mail", "메일 공방", "Mail Atelier");
  std::string email;
  auto trainee = logged_in(web::Role::vendor_staff, shop.slug, &email);
  api(*op, "POST", "/api/v1/academy/enrolments",
      R"({"session_id":)" + std::to_string(session.at("id").as_int64()) + R"(,"user_id":)" +
          std::to_string(user_id(email)) + "}",
      201);
  // Written in the console (no segment: a workshop never mails the hub's customers) and sent as a test.
  auto page = trainee->post_form("/console/marketing/campaigns", {{"_csrf", trainee->cookie("csrf")},
                                                                  {"name", "첫 캠페인"},
                                                                  {"subject_a", "{name} 님께 겨울 반지"},
                                                                  {"body_a", "새 반지를 보세요."},
                                                                  {"link_path", "/shop"}});
  ASSERT_EQ(page.status, 303) << page.body;
  const auto made = api(*trainee, "POST", "/api/v1/console/campaigns",
                        R"({"name":"둘째","subject_a":"겨울","body_a":"본문","subject_b":"","body_b":"",)"
                        R"("link_path":"/shop","coupon_code":"","scheduled_at":""})",
                        201);
  const auto id = std::to_string(made.at("id").as_int64());
  const auto mine = api(*trainee, "GET", "/api/v1/console/campaigns", "", 200);
  EXPECT_EQ(mine.at("campaigns").as_array().size(), 2u);
  EXPECT_EQ(op->request("POST", "/api/v1/operator/campaigns/" + id + "/test", "{}", json_headers(*op)).status,
            404);
  EXPECT_EQ(op->request("POST", "/api/v1/operator/campaigns/" + id + "/send", "{}", json_headers(*op)).status,
            404);
  const auto tested = api(*trainee, "POST", "/api/v1/console/campaigns/" + id + "/test", "", 200);
  EXPECT_TRUE(tested.at("tested").as_bool());
  const auto outbox = app->database().read([&](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM outbox WHERE to_address = :e AND subject LIKE '[TEST]%'", soci::use(email),
        soci::into(n);
    return n;
  });
  EXPECT_EQ(outbox, 1);
  const auto console = api(*trainee, "GET", "/api/v1/console/academy", "", 200);
  const auto& task = console.at("enrolments").as_array().at(0).at("progress").at("tasks").at(0);
  EXPECT_TRUE(task.at("done").as_bool()) << json::serialize(task);
  EXPECT_EQ(task.at("evidence").as_string(), "둘째");
  EXPECT_EQ(trainee->get("/console/marketing/campaigns").status, 200);
}

TEST_F(AcademyHttp, TheOperatorMakesCoursesOverTheApiAndOthersMayNot) {
  auto op = logged_in(web::Role::operator_);
  const std::string slug = "live-" + ascii_lower(random_code(6, "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"));
  const auto made = api(*op, "POST", "/api/v1/operator/academy/courses",
                        R"({"slug":")" + slug +
                            R"(","title_ko":"첫 라이브","title_en":"First live","summary_ko":"",)"
                            R"("summary_en":"","tasks":"live"})",
                        201);
  EXPECT_EQ(made.at("tasks").as_array().at(0).at("code").as_string(), "live");
  api(*op, "POST", "/api/v1/operator/academy/courses",
      R"({"slug":")" + slug +
          R"(","title_ko":"다시","title_en":"Again",)"
          R"("summary_ko":"","summary_en":"","tasks":""})",
      409);
  api(*op, "POST", "/api/v1/operator/academy/courses",
      R"({"slug":"x","title_ko":"가","title_en":"A",)"
      R"("summary_ko":"","summary_en":"","tasks":"dance"})",
      400);
  auto shopper = signed_up(unique_email("academy"));
  EXPECT_EQ(shopper->request("POST", "/api/v1/operator/academy/courses", "{}", json_headers(*shopper)).status,
            403);
  EXPECT_EQ(shopper->get("/console/academy").status, 403);
  EXPECT_EQ(client()->get("/academy").status, 200);
  EXPECT_EQ(client()->get("/en/academy/courses/" + slug).status, 200);
  EXPECT_EQ(client()->get("/academy/courses/no-such-course").status, 404);
}

}  // namespace
}  // namespace brilliant::test
