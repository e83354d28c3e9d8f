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
std::vector<DemoLogin> seed_demo(App& app);

}  // namespace brilliant::app
