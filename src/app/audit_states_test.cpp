// The table of audited states against the app's real routes: every change and state route exists (the
// app starts), each state is a GET whose parameters the change supplies, and no change is named twice.
#include "app/audit_states.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <set>

#include "app/app.hpp"
#include "app/testing.hpp"

namespace brilliant::app {

TEST(AuditStates, EveryChangeNamesAStateItsParametersCanFill) {
  FixedClock clock(TimePoint{} + std::chrono::hours(24 * 365 * 57));
  TempApp temp(clock, "audit-states");
  std::set<std::string> seen;
  const std::regex param("\\{[a-z_]+\\}");
  for (const auto& s : audit_states()) {
    const std::string change = s.change, state = s.state;
    EXPECT_TRUE(seen.insert(std::string(web::method_name(s.method)) + " " + change).second) << change;
    for (auto it = std::sregex_iterator(state.begin(), state.end(), param); it != std::sregex_iterator();
         ++it)
      EXPECT_NE(change.find(it->str()), std::string::npos) << change << " cannot fill " << it->str();
    const auto& routes = temp->router().routes();
    const auto route = std::find_if(routes.begin(), routes.end(), [&](const web::Route& r) {
      return r.method == s.method && r.pattern == change;
    });
    ASSERT_NE(route, routes.end()) << change;
    EXPECT_EQ(route->state_from, state);
  }
  EXPECT_GE(seen.size(), 60u);
}

}  // namespace brilliant::app
