// Who is asking: a logged-in user with roles (DESIGN.md §2).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace brilliant::web {

enum class Role : uint32_t {
  shopper = 1u << 0,
  vendor_staff = 1u << 1,
  operator_ = 1u << 2,
  auditor = 1u << 3,
  station_staff = 1u << 4,
  buyer = 1u << 5,
};

std::string_view role_name(Role role);
// Parses "operator", "vendor_staff", ...; false when unknown.
bool parse_role(std::string_view name, Role& out);
inline constexpr Role all_roles[] = {Role::shopper, Role::vendor_staff,  Role::operator_,
                                     Role::auditor, Role::station_staff, Role::buyer};

struct Principal {
  long long user_id = 0;
  std::string email;
  std::string name;
  uint32_t roles = 0;
  long long workshop_id = 0;        // vendor staff act only inside this workshop; 0 when none
  bool workshop_owner = false;      // the workshop's owner (invites and removes staff)
  bool workshop_suspended = false;  // the operator suspended the workshop: its staff may only read

  bool has(Role role) const { return (roles & static_cast<uint32_t>(role)) != 0; }
  // Vendor scope: operators see every workshop, vendor staff only their own.
  bool may_act_for_workshop(long long workshop) const {
    return has(Role::operator_) || (has(Role::vendor_staff) && workshop_id == workshop && workshop != 0);
  }
  // Console writes: refused to the staff of a suspended workshop (operators still act).
  bool console_writes_blocked() const {
    return workshop_suspended && has(Role::vendor_staff) && !has(Role::operator_);
  }
};

}  // namespace brilliant::web
