#include "app/seed_academy.hpp"

#include <spdlog/spdlog.h>

#include "app/app.hpp"
#include "app/seed.hpp"
#include "core/secret.hpp"
#include "db/database.hpp"

namespace brilliant::app {
namespace {

struct DemoCourse {
  academy::CourseInput input;
  std::vector<std::pair<std::string, std::string>> materials;  // title, url
};

const DemoCourse demo_courses[] = {
    {{"ai-copy-and-photos", "AI 상품 문구와 사진", "AI product copy and photos",
      "사실에서 문구를 만드는 문구 도우미와 팔리는 사진을 알려 주는 사진 코치를 내 공방 상품에 직접 써 "
      "봅니다. "
      "금 함량, 스톤, 랩그로운 표기처럼 틀리면 안 되는 사실을 지키는 법을 배웁니다.",
      "Use the copy assistant, which writes from a piece's facts, and the photo coach, which tells what "
      "sells, on "
      "your own pieces; learn to keep the facts that must never be wrong: purity, stones, lab-grown.",
      "copy photos"},
     {{"문구 도우미와 사진 코치 (콘솔)", "/console/marketing"}}},
    {{"first-live-show", "나의 첫 라이브 방송", "Running your first live show",
      "OBS나 휴대폰으로 방송을 시작하고, 상품을 고정하고, 라이브 특가를 여는 법. 수업 뒤에 5분짜리 리허설 "
      "방송을 "
      "직접 해 봅니다.",
      "Go live from OBS or a phone, pin pieces and open live-only deals; after the session you run a "
      "five-minute "
      "rehearsal show of your own.",
      "live"},
     {{"방송 준비 (콘솔의 라이브)", "/console/live"}}},
    {{"campaigns-and-coupons", "캠페인과 쿠폰", "Campaigns and coupons",
      "누가 다시 살지 세그먼트로 찾고, 우리 공방이 부담하는 쿠폰을 만들어 정산서에서 확인하고, 캠페인 메일을 "
      "써서 "
      "나에게 시험 발송합니다.",
      "Find who will buy again with segments, make a coupon your workshop bears and see it in the settlement "
      "statement, and write a campaign mail and send yourself a test.",
      "coupon campaign"},
     {{"쿠폰 만들기 (콘솔)", "/console/marketing/coupons"}}},
};

}  // namespace

bool seed_academy(App& app, const std::string& workshop_slug, const std::string& owner_email,
                  const std::string& instructor_email) {
  auto& academy = app.academy();
  if (!academy.courses().empty()) return false;
  const long long owner = demo_user_id(app, owner_email);
  if (!owner) return false;
  // Two more people of the demo workshop: an apprentice and a designer.
  std::vector<long long> staff;
  for (const auto& [email, name] :
       {std::pair<std::string, std::string>{"apprentice@brilliant.example", "박견습"},
        {"designer@brilliant.example", "이디자인"}}) {
    if (!demo_user_id(app, email))
      if (auto made = app.accounts().add_user({email, name, demo_password, "ko"}, web::Role::vendor_staff,
                                              workshop_slug);
          !made)
        spdlog::error("demo trainee {}: {}", email, made.error().message);
    staff.push_back(demo_user_id(app, email));
    app.database().write([&](soci::session& sql) {
      sql << "UPDATE user_roles SET workshop_role = 'staff' WHERE user_id = :u AND role = 'vendor_staff'",
          soci::use(staff.back());
    });
  }
  std::vector<academy::Course> courses;
  for (const auto& demo : demo_courses) {
    auto made = academy.create_course(demo.input);
    if (!made) {
      spdlog::error("demo course {}: {}", demo.input.slug, made.error().message);
      return false;
    }
    for (const auto& [title, url] : demo.materials)
      (void)academy.add_material(made->id, title, url, url.ends_with(".pdf") ? "pdf" : "link");
    courses.push_back(*made);
  }
  // Sessions: each course had one three weeks ago and has one coming (the live course's is full).
  const auto now = app.clock().now();
  const auto day = std::chrono::hours(24);
  const auto local = [](TimePoint t) { return format_seoul(t).substr(0, 10) + "T14:00"; };  // 2 pm in Seoul
  std::vector<academy::Session> past, coming;
  for (size_t i = 0; i < courses.size(); ++i) {
    const int seats = i == 1 ? 1 : 12;
    past.push_back(academy
                       .add_session(courses[i].id, {local(now - 21 * day + i * day),
                                                    "익산 주얼리센터 3층 교육실", "", instructor_email, 12})
                       .value());
    coming.push_back(
        academy
            .add_session(courses[i].id, {local(now + 10 * day + i * day), "익산 주얼리센터 3층 교육실",
                                         "https://brilliant.example/academy/live", instructor_email, seats})
            .value());
  }
  // The enrolments were made before the past sessions began, so they are written directly.
  web::Principal op{.roles = static_cast<uint32_t>(web::Role::operator_)};
  op.user_id = demo_user_id(app, instructor_email);
  const auto enrol_past = [&](const academy::Session& session, long long user, const std::string& at) {
    app.database().write([&](soci::session& sql) {
      const auto token = random_token(16);
      sql << "INSERT INTO enrolments (session_id, user_id, enrolled_by, state, checkin_token, attended_at, "
             "created_at) VALUES (:s, :u, :b, 'enrolled', :t, :a, :c)",
          soci::use(session.id), soci::use(user), soci::use(owner), soci::use(token),
          soci::use(session.starts_at), soci::use(at);
    });
  };
  // The owner attended "Campaigns and coupons" and has yet to make a coupon; the designer attended it,
  // made one and holds the certificate; the designer also took the copy course.
  enrol_past(past[2], owner, format_utc(now - 25 * day));
  enrol_past(past[2], staff[1], format_utc(now - 24 * day));
  enrol_past(past[0], staff[1], format_utc(now - 26 * day));
  app.database().write([&](soci::session& sql) {
    const auto at = format_utc(now - 18 * day), starts = at;
    long long workshop = 0;
    sql << "SELECT id FROM workshops WHERE slug = :s", soci::use(workshop_slug), soci::into(workshop);
    sql << "INSERT INTO coupons (code, name_ko, name_en, kind, value, workshop_id, bearer, starts_at, "
           "created_by, "
           "created_at) VALUES ('GOLDFRIEND', '단골 감사 5%', 'Thank-you 5%', 'percent', 5, :w, 'workshop', "
           ":s, :u, :a)",
        soci::use(workshop), soci::use(starts), soci::use(staff[1]), soci::use(at);
    sql << "INSERT INTO campaigns (name, subject_a, body_a, link_path, created_by, created_at, workshop_id, "
           "tested_at) VALUES ('단골 감사 메일', '{name} 님, 늘 고맙습니다', '단골 손님께 5% 감사 쿠폰을 "
           "드립니다.', '/shop', :u, :a, :w, :t)",
        soci::use(staff[1]), soci::use(at), soci::use(workshop), soci::use(at);
  });
  if (auto held = academy.claim(courses[2], staff[1]); !held)
    spdlog::error("demo certificate: {}", held.error().message);
  // Coming: the owner enrols the apprentice in the live course (its one seat) and the designer waits.
  (void)academy.enrol(coming[1].id, staff[0], op);
  (void)academy.enrol(coming[1].id, staff[1], op);
  (void)academy.enrol(coming[0].id, owner, op);
  return true;
}

}  // namespace brilliant::app
