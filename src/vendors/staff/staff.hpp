// A workshop's people and standing: the owner invites staff by email (a one-time token link, 7 days,
// only its SHA-256 stored; accepted only by an account with the invited address), removes them, and
// sees who is in; the operator suspends and reinstates workshops (a suspended workshop's products
// leave the store and its console is read-only: web::Pipeline refuses console writes). Every step is
// a workshop event (history). Thread safe.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/fwd.hpp"
#include "mail/outbox.hpp"
#include "vendors/events.hpp"
#include "web/principal.hpp"

namespace brilliant::vendors {

struct StaffMember {
  long long user_id = 0;
  std::string email, name;
  std::string role;  // owner | staff
  std::string since;
};

struct Invitation {
  long long id = 0;
  long long workshop_id = 0;
  std::string workshop_slug, workshop_name;
  std::string email;
  std::string created_at, expires_at;
  std::string status;  // pending | accepted | revoked | expired
};

struct WorkshopStanding {
  long long id = 0;
  std::string slug, name, status;  // active | suspended
  long long products = 0;          // published
  long long staff = 0;
  std::string name_en;
};

// Who may invite and remove a workshop's staff: its owner (while the workshop is not suspended) or an
// operator.
bool may_manage_staff(const web::Principal& who, long long workshop_id);
// An invitation's state at `now` from its stored times.
std::string invitation_status(const std::string& expires_at, const std::string& accepted_at,
                              const std::string& revoked_at, const std::string& now);

class Staff {
 public:
  static constexpr std::chrono::hours invitation_lifetime{24 * 7};
  // Composes the invitation mail for the raw token (the web layer knows URLs and languages).
  using InviteMail = std::function<mail::Mail(const Invitation&, const std::string& token)>;

  Staff(db::Database& db, const Clock& clock);

  // Queues the mail in the same transaction. Errors: forbidden (not the owner), invalid email,
  // conflict when the address already belongs to the workshop's staff or has a pending invitation.
  Result<Invitation> invite(const web::Principal& by, long long workshop_id, const std::string& email,
                            const InviteMail& compose);
  // The invitation a token names, in any state; nullopt for an unknown token.
  std::optional<Invitation> invitation(const std::string& token);
  // Binds the user to the workshop as staff. Errors: not found, expired/used/revoked (conflict), the
  // account's email is not the invited one (forbidden), already staff of a workshop (conflict).
  Result<Invitation> accept(const std::string& token, long long user_id);
  Result<void> revoke(const web::Principal& by, long long workshop_id, long long invitation_id);
  // Removes a staff member (never the owner). Takes effect on their next request.
  Result<void> remove(const web::Principal& by, long long workshop_id, long long user_id);
  std::vector<StaffMember> members(long long workshop_id);
  std::vector<Invitation> pending(long long workshop_id);

  std::vector<WorkshopStanding> workshops();
  std::optional<WorkshopStanding> workshop(const std::string& slug);
  std::optional<WorkshopStanding> workshop(long long id);
  // Operator: suspend (a reason is required) or reinstate.
  Result<WorkshopStanding> set_suspended(long long operator_id, const std::string& slug, bool suspended,
                                         const std::string& reason);
  std::vector<VendorEvent> history(long long workshop_id);

 private:
  std::string now() const { return format_utc(clock_.now()); }
  db::Database& db_;
  const Clock& clock_;
};

}  // namespace brilliant::vendors
