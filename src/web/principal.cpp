#include "web/principal.hpp"

namespace brilliant::web {

std::string_view role_name(Role role) {
  switch (role) {
    case Role::shopper:
      return "shopper";
    case Role::vendor_staff:
      return "vendor_staff";
    case Role::operator_:
      return "operator";
    case Role::auditor:
      return "auditor";
    case Role::station_staff:
      return "station_staff";
    case Role::buyer:
      return "buyer";
  }
  return "unknown";
}

bool parse_role(std::string_view name, Role& out) {
  for (Role role : all_roles)
    if (role_name(role) == name) {
      out = role;
      return true;
    }
  return false;
}

}  // namespace brilliant::web
