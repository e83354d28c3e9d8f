#include "vendors/staff/staff.hpp"

#include "db/database.hpp"

#include "accounts/rules.hpp"
#include "core/checks.hpp"
#include "core/secret.hpp"
#include "core/text.hpp"

namespace brilliant::vendors {
namespace {

constexpr char invitation_columns[] =
    "i.id, i.workshop_id, w.slug, w.name, i.email, i.created_at, i.expires_at, COALESCE(i.accepted_at, ''), "
    "COALESCE(i.revoked_at, '') FROM staff_invitations i JOIN workshops w ON w.id = i.workshop_id ";

Invitation invitation_from(const soci::row& r, const std::string& now) {
  Invitation i;
  i.id = db::row_int(r, 0);
  i.workshop_id = db::row_int(r, 1);
  i.workshop_slug = db::row_text(r, 2);
  i.workshop_name = db::row_text(r, 3);
  i.email = db::row_text(r, 4);
  i.created_at = db::row_text(r, 5);
  i.expires_at = db::row_text(r, 6);
  i.status = invitation_status(i.expires_at, db::row_text(r, 7), db::row_text(r, 8), now);
  return i;
}

template <class Key>
std::vector<Invitation> select_invitations(soci::session& sql, const std::string& where, const Key& key,
                                           const std::string& now) {
  std::vector<Invitation> out;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT " + std::string(invitation_columns) + where, soci::use(key));
  for (const auto& r : rows) out.push_back(invitation_from(r, now));
  return out;
}

constexpr char standing_columns[] =
    "SELECT w.id, w.slug, w.name, w.status, "
    "(SELECT COUNT(*) FROM products p WHERE p.workshop_id = w.id AND p.status = 'published'), "
    "(SELECT COUNT(*) FROM user_roles r WHERE r.workshop_id = w.id AND r.role = 'vendor_staff'), w.name_en "
    "FROM workshops w ";

WorkshopStanding standing_from(const soci::row& r) {
  return {db::row_int(r, 0), db::row_text(r, 1), db::row_text(r, 2), db::row_text(r, 3),
          db::row_int(r, 4), db::row_int(r, 5),  db::row_text(r, 6)};
}

template <class Key>
std::optional<WorkshopStanding> standing_where(soci::session& sql, const char* where, const Key& key) {
  soci::rowset<soci::row> rows = (sql.prepare << std::string(standing_columns) + where, soci::use(key));
  for (const auto& r : rows) return standing_from(r);
  return std::nullopt;
}

// The workshop a user is vendor staff of (0 when none) and their role there.
std::pair<long long, std::string> membership(soci::session& sql, long long user_id) {
  long long workshop = 0;
  std::string role;
  soci::indicator ind = soci::i_ok;
  sql << "SELECT workshop_id, workshop_role FROM user_roles WHERE user_id = :u AND role = 'vendor_staff'",
      soci::use(user_id), soci::into(workshop, ind), soci::into(role);
  if (!sql.got_data() || ind != soci::i_ok) return {0, ""};
  return {workshop, role};
}

}  // namespace

bool may_manage_staff(const web::Principal& who, long long workshop_id) {
  if (who.has(web::Role::operator_)) return true;
  return who.has(web::Role::vendor_staff) && who.workshop_owner && !who.workshop_suspended &&
         who.workshop_id == workshop_id && workshop_id != 0;
}

std::string invitation_status(const std::string& expires_at, const std::string& accepted_at,
                              const std::string& revoked_at, const std::string& now) {
  if (!accepted_at.empty()) return "accepted";
  if (!revoked_at.empty()) return "revoked";
  if (expires_at <= now) return "expired";  // ISO-8601 UTC text sorts as time
  return "pending";
}

Staff::Staff(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

Result<Invitation> Staff::invite(const web::Principal& by, long long workshop_id,
                                 const std::string& raw_email, const InviteMail& compose) {
  if (!may_manage_staff(by, workshop_id))
    return Error::forbidden("only the workshop's owner may invite staff");
  const auto email = TRY(accounts::normalize_email(raw_email));
  const auto at = now();
  return db_.write([&](soci::session& sql) -> Result<Invitation> {
    long long members = 0;
    sql << "SELECT COUNT(*) FROM user_roles r JOIN users u ON u.id = r.user_id WHERE r.workshop_id = :w AND "
           "r.role = 'vendor_staff' AND u.email = :e",
        soci::use(workshop_id), soci::use(email), soci::into(members);
    if (members > 0)
      return Error::conflict("email", "staff_exists", email + " is already in this workshop's staff");
    for (const auto& i : select_invitations(sql, "WHERE i.workshop_id = :w", workshop_id, at))
      if (i.email == email && i.status == "pending")
        return Error::conflict("email", "invitation_pending",
                               email + " already has an invitation waiting (revoke it to send a new one)");
    const auto token = random_token();
    const auto expires = format_utc(clock_.now() + invitation_lifetime);
    const auto token_hash = sha256_hex(token);
    long long id = 0;
    sql << "INSERT INTO staff_invitations (workshop_id, email, token_hash, invited_by, created_at, "
           "expires_at) "
           "VALUES (:w, :e, :h, :by, :now, :exp) RETURNING id",
        soci::use(workshop_id), soci::use(email), soci::use(token_hash), soci::use(by.user_id), soci::use(at),
        soci::use(expires), soci::into(id);
    record_event(sql, workshop_log, workshop_id, by.user_id, "invited", email, at);
    auto found = select_invitations(sql, "WHERE i.id = :id", id, at);
    mail::enqueue(sql, compose(found.front(), token), clock_);
    return found.front();
  });
}

std::optional<Invitation> Staff::invitation(const std::string& token) {
  if (token.empty() || token.size() > 128) return std::nullopt;
  return db_.read([&](soci::session& sql) -> std::optional<Invitation> {
    auto found = select_invitations(sql, "WHERE i.token_hash = :h", sha256_hex(token), now());
    if (found.empty()) return std::nullopt;
    return found.front();
  });
}

Result<Invitation> Staff::accept(const std::string& token, long long user_id) {
  const auto at = now();
  return db_.write([&](soci::session& sql) -> Result<Invitation> {
    auto found = select_invitations(sql, "WHERE i.token_hash = :h", sha256_hex(token), at);
    if (token.empty() || found.empty()) return Error::not_found("invitation");
    auto invitation = found.front();
    if (invitation.status != "pending")
      return Error::conflict("token", "invitation_" + invitation.status,
                             "this invitation is " + invitation.status + "; ask the workshop for a new one");
    std::string email;
    sql << "SELECT email FROM users WHERE id = :u", soci::use(user_id), soci::into(email);
    if (email != invitation.email)
      return Error{ErrorKind::forbidden, "invitation_other_email",
                   "this invitation was sent to " + invitation.email + ": log in with that address", "email"};
    auto [workshop, role] = membership(sql, user_id);
    if (workshop != 0)
      return Error::conflict("email", "already_staff",
                             "this account already works for a workshop; one account serves one workshop");
    sql << "INSERT INTO user_roles (user_id, role, workshop_id, workshop_role, created_at) VALUES (:u, "
           "'vendor_staff', :w, 'staff', :now)",
        soci::use(user_id), soci::use(invitation.workshop_id), soci::use(at);
    sql << "UPDATE staff_invitations SET accepted_by = :u, accepted_at = :now WHERE id = :id",
        soci::use(user_id), soci::use(at), soci::use(invitation.id);
    record_event(sql, workshop_log, invitation.workshop_id, user_id, "joined", email, at);
    invitation.status = "accepted";
    return invitation;
  });
}

Result<void> Staff::revoke(const web::Principal& by, long long workshop_id, long long invitation_id) {
  if (!may_manage_staff(by, workshop_id))
    return Error::forbidden("only the workshop's owner may revoke invitations");
  const auto at = now();
  return db_.write([&](soci::session& sql) -> Result<void> {
    auto found = select_invitations(sql, "WHERE i.id = :id", invitation_id, at);
    // Another workshop's invitation is as unknown as a missing one.
    if (found.empty() || found.front().workshop_id != workshop_id) return Error::not_found("invitation");
    if (found.front().status != "pending")
      return Error::conflict("invitation", "invitation_" + found.front().status,
                             "this invitation is already " + found.front().status);
    sql << "UPDATE staff_invitations SET revoked_at = :now WHERE id = :id", soci::use(at),
        soci::use(invitation_id);
    record_event(sql, workshop_log, workshop_id, by.user_id, "invitation_revoked", found.front().email, at);
    return {};
  });
}

Result<void> Staff::remove(const web::Principal& by, long long workshop_id, long long user_id) {
  if (!may_manage_staff(by, workshop_id))
    return Error::forbidden("only the workshop's owner may remove staff");
  const auto at = now();
  return db_.write([&](soci::session& sql) -> Result<void> {
    auto [workshop, role] = membership(sql, user_id);
    if (workshop != workshop_id) return Error::not_found("staff member");
    if (role == "owner")
      return Error::rule_broken("user", "owner_stays", "the owner cannot be removed from the workshop");
    std::string email;
    sql << "SELECT email FROM users WHERE id = :u", soci::use(user_id), soci::into(email);
    sql << "DELETE FROM user_roles WHERE user_id = :u AND role = 'vendor_staff'", soci::use(user_id);
    record_event(sql, workshop_log, workshop_id, by.user_id, "removed", email, at);
    return {};
  });
}

std::vector<StaffMember> Staff::members(long long workshop_id) {
  return db_.read([&](soci::session& sql) {
    std::vector<StaffMember> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT u.id, u.email, u.name, r.workshop_role, r.created_at FROM user_roles r JOIN "
                        "users u ON u.id = r.user_id WHERE r.workshop_id = :w AND r.role = 'vendor_staff' "
                        "ORDER BY CASE r.workshop_role WHEN 'owner' THEN 0 ELSE 1 END, r.created_at, u.id",
         soci::use(workshop_id));
    for (const auto& r : rows)
      out.push_back({db::row_int(r, 0), db::row_text(r, 1), db::row_text(r, 2), db::row_text(r, 3),
                     db::row_text(r, 4)});
    return out;
  });
}

std::vector<Invitation> Staff::pending(long long workshop_id) {
  return db_.read([&](soci::session& sql) {
    std::vector<Invitation> out;
    for (auto& i : select_invitations(sql, "WHERE i.workshop_id = :w ORDER BY i.id DESC", workshop_id, now()))
      if (i.status == "pending") out.push_back(std::move(i));
    return out;
  });
}

std::vector<WorkshopStanding> Staff::workshops() {
  return db_.read([&](soci::session& sql) {
    std::vector<WorkshopStanding> out;
    soci::rowset<soci::row> rows = sql.prepare
                                   << std::string(standing_columns) +
                                          "ORDER BY CASE w.status WHEN 'suspended' THEN 0 ELSE 1 END, w.name";
    for (const auto& r : rows) out.push_back(standing_from(r));
    return out;
  });
}

std::optional<WorkshopStanding> Staff::workshop(const std::string& slug) {
  return db_.read([&](soci::session& sql) { return standing_where(sql, "WHERE w.slug = :s", slug); });
}

Result<WorkshopStanding> Staff::set_suspended(long long operator_id, const std::string& slug, bool suspended,
                                              const std::string& raw_reason) {
  const std::string reason(trim(raw_reason));
  if (suspended && reason.empty())
    return Error::invalid("reason", "reason_required", "say why, so the workshop knows what to fix");
  TRY(check_length("reason", reason, 2000, "reason_too_long"));
  const auto at = now();
  return db_.write([&](soci::session& sql) -> Result<WorkshopStanding> {
    auto found = standing_where(sql, "WHERE w.slug = :s", slug);
    if (!found) return Error::not_found("workshop");
    const std::string status = suspended ? "suspended" : "active";
    if (found->status == status)
      return Error::conflict("status", "workshop_already_" + status, "the workshop is already " + status);
    sql << "UPDATE workshops SET status = :s, updated_at = :now WHERE id = :id", soci::use(status),
        soci::use(at), soci::use(found->id);
    record_event(sql, workshop_log, found->id, operator_id, suspended ? "suspended" : "reinstated", reason,
                 at);
    found->status = status;
    return *found;
  });
}

std::optional<WorkshopStanding> Staff::workshop(long long id) {
  return db_.read([&](soci::session& sql) { return standing_where(sql, "WHERE w.id = :id", id); });
}

std::vector<VendorEvent> Staff::history(long long workshop_id) {
  return db_.read([&](soci::session& sql) { return read_events(sql, workshop_log, workshop_id, true); });
}

}  // namespace brilliant::vendors
