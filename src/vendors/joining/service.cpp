#include "vendors/joining/service.hpp"

#include "db/database.hpp"

#include "vendors/joining/application_files.hpp"

#include "catalog/repo.hpp"
#include "catalog/rules.hpp"
#include "core/secret.hpp"
#include "core/text.hpp"

namespace brilliant::vendors {
namespace {

constexpr char columns[] =
    "a.id, a.applicant_id, a.business_name, a.registration_no, a.representative, a.address, a.phone, "
    "a.bank_name, "
    "a.bank_account, a.account_holder, a.story, a.status, COALESCE(a.workshop_id, 0), a.created_at, "
    "a.updated_at, u.email";

Application from_row(const soci::row& r) {
  Application a;
  a.id = db::row_int(r, 0);
  a.applicant_id = db::row_int(r, 1);
  size_t i = 2;
  for (auto* s : {&a.business_name, &a.registration_no, &a.representative, &a.address, &a.phone, &a.bank_name,
                  &a.bank_account, &a.account_holder, &a.story})
    *s = db::row_text(r, i++);
  a.status = application_status(db::row_text(r, i++)).value_or(ApplicationStatus::submitted);
  a.workshop_id = db::row_int(r, i++);
  a.created_at = db::row_text(r, i++);
  a.updated_at = db::row_text(r, i++);
  a.applicant_email = db::row_text(r, i++);
  return a;
}

std::vector<Application> select(soci::session& sql, const std::string& where, const std::string& key) {
  std::vector<Application> out;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT " + std::string(columns) +
                          " FROM workshop_applications a JOIN users u ON u.id = a.applicant_id " + where,
       soci::use(key));
  for (const auto& r : rows) out.push_back(from_row(r));
  return out;
}

}  // namespace

Applications::Applications(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

Result<long long> Applications::submit(long long applicant_id, Application input) {
  auto a = TRY(check_application(std::move(input)));
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<long long> {
    auto mine = select(sql, "WHERE a.applicant_id = CAST(:k AS BIGINT) ORDER BY a.id DESC",
                       std::to_string(applicant_id));
    if (!mine.empty() && (mine.front().status == ApplicationStatus::submitted ||
                          mine.front().status == ApplicationStatus::approved))
      return Error::conflict("status", "application_exists",
                             "you already have an application that is " + to_string(mine.front().status));
    if (!mine.empty() && mine.front().status == ApplicationStatus::changes_requested) {
      const long long id = mine.front().id;
      sql << "UPDATE workshop_applications SET business_name = :b, registration_no = :r, representative = "
             ":rep, "
             "address = :ad, phone = :ph, bank_name = :bn, bank_account = :ba, account_holder = :ah, story = "
             ":st, "
             "status = 'submitted', updated_at = :now WHERE id = :id",
          soci::use(a.business_name), soci::use(a.registration_no), soci::use(a.representative),
          soci::use(a.address), soci::use(a.phone), soci::use(a.bank_name), soci::use(a.bank_account),
          soci::use(a.account_holder), soci::use(a.story), soci::use(now), soci::use(id);
      record_event(sql, application_log, id, applicant_id, "resubmitted", "", now);
      return id;
    }
    long long id = 0;
    sql << "INSERT INTO workshop_applications (applicant_id, business_name, registration_no, representative, "
           "address, "
           "phone, bank_name, bank_account, account_holder, story, status, created_at, updated_at) VALUES "
           "(:u, :b, :r, "
           ":rep, :ad, :ph, :bn, :ba, :ah, :st, 'submitted', :now, :now2) RETURNING id",
        soci::use(applicant_id), soci::use(a.business_name), soci::use(a.registration_no),
        soci::use(a.representative), soci::use(a.address), soci::use(a.phone), soci::use(a.bank_name),
        soci::use(a.bank_account), soci::use(a.account_holder), soci::use(a.story), soci::use(now),
        soci::use(now), soci::into(id);
    record_event(sql, application_log, id, applicant_id, "submitted", "", now);
    return id;
  });
}

std::optional<Application> Applications::latest_of(long long applicant_id) {
  return db_.read([&](soci::session& sql) -> std::optional<Application> {
    auto mine = select(sql, "WHERE a.applicant_id = CAST(:k AS BIGINT) ORDER BY a.id DESC",
                       std::to_string(applicant_id));
    if (mine.empty()) return std::nullopt;
    return mine.front();
  });
}

std::optional<Application> Applications::find(long long id) {
  return db_.read([&](soci::session& sql) -> std::optional<Application> {
    auto found = select(sql, "WHERE a.id = CAST(:k AS BIGINT)", std::to_string(id));
    if (found.empty()) return std::nullopt;
    return found.front();
  });
}

std::vector<Application> Applications::by_status(const std::string& status) {
  return db_.read(
      [&](soci::session& sql) { return select(sql, "WHERE a.status = :k ORDER BY a.id", status); });
}

std::vector<VendorEvent> Applications::history(long long id) {
  return db_.read([&](soci::session& sql) { return read_events(sql, application_log, id, false); });
}

Result<std::string> Applications::decide(long long id, long long operator_id, Decision decision,
                                         const std::string& raw_reason) {
  const std::string reason(trim(raw_reason));
  if (decision != Decision::approve && reason.empty())
    return Error::invalid("reason", "reason_required", "say why, so the workshop knows what to change");
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<std::string> {
    auto found = select(sql, "WHERE a.id = CAST(:k AS BIGINT)", std::to_string(id));
    if (found.empty()) return Error::not_found("application");
    const auto& a = found.front();
    const auto status = to_string(TRY(status_after(a.status, decision)));
    if (decision == Decision::approve && !has_mark(sql, a.applicant_id))
      return Error::rule_broken("mark", "mark_required",
                                "approval needs the workshop's registered maker's mark: ask the applicant to "
                                "upload it");
    std::string slug;
    if (decision == Decision::approve) {
      slug = catalog::slugify(a.business_name);
      if (slug == "item") slug = "workshop";
      slug += "-" + a.registration_no.substr(5);  // unique enough and stable: the business's own number
      long long workshop = 0;
      sql << "INSERT INTO workshops (slug, name, name_en, story_ko, location, status, created_at, "
             "updated_at) "
             "VALUES (:s, :n, '', :st, :loc, 'active', :now, :now2) RETURNING id",
          soci::use(slug), soci::use(a.business_name), soci::use(a.story), soci::use(a.address),
          soci::use(now), soci::use(now), soci::into(workshop);
      sql << "UPDATE workshop_applications SET workshop_id = :w WHERE id = :id", soci::use(workshop),
          soci::use(id);
      // Its particulars as a seller, shown on its pieces while the hub mediates (issue 15).
      catalog::repo::set_seller(
          sql, workshop,
          {a.business_name, a.representative, a.registration_no, a.address, a.phone, a.applicant_email}, now);
      sql << "DELETE FROM user_roles WHERE user_id = :u AND role = 'vendor_staff'", soci::use(a.applicant_id);
      sql << "INSERT INTO user_roles (user_id, role, workshop_id, created_at) VALUES (:u, 'vendor_staff', "
             ":w, :now)",
          soci::use(a.applicant_id), soci::use(workshop), soci::use(now);
    }
    sql << "UPDATE workshop_applications SET status = :s, updated_at = :now WHERE id = :id",
        soci::use(status), soci::use(now), soci::use(id);
    record_event(sql, application_log, id, operator_id, decision_kind(decision), reason, now);
    return slug;
  });
}

}  // namespace brilliant::vendors
