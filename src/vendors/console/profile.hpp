// The workshop's public profile from its console: /console/profile (story, location and specialities in
// both languages, English name, founding year, photos) and /api/v1/console/profile. The business name
// stays the registered one from the application. Shown at /workshops/{slug}.
#pragma once
#include "catalog/service.hpp"
#include "media/photos.hpp"
#include "vendors/deps.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::vendors {

struct Profile {
  std::string name_en, story_ko, story_en, location, location_en, specialities, specialities_en;
  int founded = 0;
};
// The profile as the workshop has it now.
Profile profile_of(const catalog::Workshop& w);
// Checks and trims; errors name the field. Founded is a year from 1900 to `this_year`, or 0 (unknown).
Result<Profile> check_profile(Profile profile, int this_year);

void add_profile_routes(web::Router& router, Deps& deps);
// The workshop's seller particulars (seller_routes.cpp).
void add_seller_routes(web::Router& router, Deps& deps);

}  // namespace brilliant::vendors
