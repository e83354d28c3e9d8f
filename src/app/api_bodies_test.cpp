// The request bodies the API document describes (api_bodies.cpp): each is a JSON Schema object for an
// API path, and no route is described twice.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "app/api_summaries.hpp"

namespace brilliant::app {

TEST(ApiBodies, EachIsAnObjectSchemaForOneApiRoute) {
  std::set<std::pair<int, std::string>> seen;
  for (const auto& b : api_bodies()) {
    EXPECT_TRUE(std::string_view(b.pattern).starts_with("/api/v1/")) << b.pattern;
    boost::system::error_code ec;
    auto schema = boost::json::parse(b.body, ec);
    ASSERT_FALSE(ec) << b.pattern << ": " << ec.message();
    EXPECT_EQ(schema.at("type").as_string(), "object") << b.pattern;
    EXPECT_TRUE(seen.insert({static_cast<int>(b.method), b.pattern}).second) << "twice: " << b.pattern;
  }
  EXPECT_GT(seen.size(), 30u);
}

}  // namespace brilliant::app
