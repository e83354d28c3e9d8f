#include "app/seed_certification.hpp"

#include "db/database.hpp"

#include <spdlog/spdlog.h>

#include <map>

#include <vips/vips8>

#include "media/vips_buffer.hpp"

namespace brilliant::app {
namespace {

struct Plan {
  const char* slug;
  int scored;           // the auditor's score on the scored criteria but the strong ones
  const char* strong;   // criteria the workshop excels at (scored 90), space separated
  const char* lines;    // the product lines certified
  const char* suspend;  // a reason to suspend, or null
  bool issue = true;    // false: leave the application waiting for audit
};

const Plan plans[] = {
    {"mireuk-jewelry", 92, "", "백제 문양 은·금 펜던트, 반지", nullptr},
    {"wanggung-silver", 50, "recycled_metal packaging cyanide_free_plating", "은 세공 반지, 필리그리 귀걸이",
     nullptr},
    {"hamra-silver", 40, "recycled_metal packaging", "진주·은 귀걸이", nullptr},
    {"boseok-maeul", 85, "", "다이아몬드 세팅 반지",
     "3분기 도금 폐수 수질 검사에서 구리 농도가 기준을 넘었습니다. 재검사 결과를 6개월 안에 제출해야 "
     "합니다."},
    {"iksan-gold", 0, "", "금 돌반지, 전통 금반지", nullptr, false},
};

int score_for(const Plan& plan, const certification::Criterion& c) {
  if (c.kind == certification::CriterionKind::baseline) return 100;
  const auto strong = certification::split_words(plan.strong);
  return std::find(strong.begin(), strong.end(), c.code) != strong.end() ? 90 : plan.scored;
}

// A small scanned-document stand-in: a pale page with a dark header band (a real PNG, decode-checked).
std::string document_png(int shade) {
  auto page = vips::VImage::black(240, 320).new_from_image(std::vector<double>{250, 248, 240});
  auto band =
      vips::VImage::black(240, 40).new_from_image(std::vector<double>{40, 60, static_cast<double>(shade)});
  auto image = page.insert(band, 0, 0).cast(VIPS_FORMAT_UCHAR);
  return media::encode_image(image, ".png");
}

std::optional<long long> id_of(db::Database& db, const char* sql_text, const std::string& key) {
  return db.read([&](soci::session& sql) -> std::optional<long long> {
    long long id = 0;
    sql << sql_text, soci::use(key), soci::into(id);
    if (!sql.got_data()) return std::nullopt;
    return id;
  });
}

bool certify(certification::Certification& certs, db::Database& db, const Plan& plan,
             const web::Principal& auditor) {
  using namespace certification;
  const auto workshop = id_of(db, "SELECT id FROM workshops WHERE slug = :s", plan.slug);
  if (!workshop) return false;
  auto d = certs.open_application(*workshop);
  if (!d) return false;
  std::vector<Answer> answers;
  for (const auto& c : d->scheme.criteria)
    answers.push_back(
        {c.code, c.kind == CriterionKind::baseline ? 100 : std::max(plan.scored, 60), "", -1, ""});
  if (!certs.save_self_assessment(*workshop, answers, plan.lines, 3)) return false;
  int shade = 60;
  for (const auto& c : d->scheme.criteria)
    if (!certs.add_evidence(*workshop, c.code, c.code + ".png", document_png(shade += 15))) return false;
  if (!certs.submit(*workshop) || !plan.issue) return plan.issue == false;
  const auto id = d->application.id;
  for (const auto& c : d->scheme.criteria)
    if (!certs.score(id, auditor, c.code, score_for(plan, c), "")) return false;
  if (!certs.add_audit(id, auditor, "desk", "2026-10-20", "서류 검토: 증빙 문서가 기준을 모두 다룹니다.") ||
      !certs.add_audit(id, auditor, "on_site", "2026-11-03",
                       "현장 심사: 도금실과 폐수 처리 설비를 확인했습니다."))
    return false;
  auto number = certs.decide(id, auditor, Decision::issue, "");
  if (!number) {
    spdlog::warn("demo certificate for {}: {}", plan.slug, number.error().message);
    return false;
  }
  // Claims on every other piece, each with a lot record.
  const auto pieces = db.read([&](soci::session& sql) {
    std::vector<std::pair<long long, std::string>> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT id, metal FROM products WHERE workshop_id = :w ORDER BY id",
         soci::use(*workshop));
    for (const auto& r : rows) out.emplace_back(db::row_int(r, 0), db::row_text(r, 1));
    return out;
  });
  int lot = 1;
  std::map<std::string, std::vector<std::string>> allowed;  // by metal
  std::vector<std::pair<long long, std::vector<ProductClaim>>> claimed;
  for (size_t i = 0; i < pieces.size(); i += 2) {
    const auto& [id, metal] = pieces[i];
    if (!allowed.contains(metal)) allowed[metal] = certs.allowed_claims(*workshop, metal);
    std::vector<ProductClaim> claims;
    for (const auto& code : allowed[metal])
      if (claims.size() < 2)
        claims.push_back({id, code, "2026-11 로트 #" + std::to_string(lot++) + " (정련소 재생 원료 증명서)"});
    if (!claims.empty()) claimed.emplace_back(id, std::move(claims));
  }
  if (!claimed.empty() && !certs.set_claims(claimed)) return false;  // all at once: one store refresh
  if (plan.suspend)
    return certs.change_status(*number, StatusAction::suspend, plan.suspend, auditor.user_id).ok();
  return true;
}

}  // namespace

int seed_certification(db::Database& db, certification::Certification& certs,
                       const std::string& auditor_email) {
  const bool done = db.read([](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM cert_applications", soci::into(n);
    return n > 0;
  });
  const auto auditor_id = id_of(db, "SELECT id FROM users WHERE email = :e", auditor_email);
  if (done || !auditor_id) return 0;
  web::Principal auditor;
  auditor.user_id = *auditor_id;
  auditor.roles = static_cast<uint32_t>(web::Role::auditor);
  int issued = 0;
  for (const auto& plan : plans) {
    if (!certify(certs, db, plan, auditor))
      spdlog::warn("demo certification of {} did not finish", plan.slug);
    else
      issued += plan.issue;
  }
  return issued;
}

}  // namespace brilliant::app
