#include "app/api_summaries.hpp"

#include <gtest/gtest.h>

namespace brilliant::app {

// Describing routes that do not exist fails loudly (the app starts with every described route present:
// every HTTP test constructs it).
TEST(ApiSummaries, AMissingRouteStopsTheStart) {
  web::Router router;
  EXPECT_THROW(describe_api(router), std::logic_error);
}

}  // namespace brilliant::app
