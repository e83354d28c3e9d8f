// Demo data for a new installation: the people who can log in and try each surface.
#pragma once
#include <string>
#include <vector>

#include "app/app.hpp"

namespace brilliant::app {

struct DemoLogin {
  std::string role;
  std::string email;
  std::string password;
};

inline constexpr char demo_password[] = "brilliant-demo";

// Loads the demo data when the database has no users yet; returns the demo logins either way.
// Also adds the demo catalog (`products` pieces) when there are no products yet.
std::vector<DemoLogin> seed_demo(App& app, int products = 300);
// The id of the user with this email (0 when none): how the demo's parts find the demo people.
long long demo_user_id(App& app, const std::string& email);
// A published piece's variant with more than `more_than` in stock, not made to order, the newest first
// (0 when none): what the demo's orders buy.
long long demo_variant_in_stock(App& app, int more_than);

}  // namespace brilliant::app
