// The routes' input reading (routes.cpp); the routes themselves are tested over HTTP
// (tests/http/recommendations_http_test.cpp).
#include "marketing/routes.hpp"

#include <gtest/gtest.h>

namespace brilliant::marketing {
namespace {

catalog::Snapshot snapshot() {
  catalog::Snapshot s;
  for (long long i = 1; i <= 3; ++i) {
    catalog::Card c;
    c.id = i * 10;
    c.slug = "piece-" + std::to_string(i);
    s.by_slug[c.slug] = s.cards.size();
    s.by_id[c.id] = s.cards.size();
    s.cards.push_back(c);
  }
  return s;
}

TEST(SlugsToIds, KnownSlugsInOrderOnceAndAtMostMax) {
  const auto s = snapshot();
  EXPECT_EQ(slugs_to_ids(s, "piece-2,nope,piece-1,piece-2", "seen").value(),
            (std::vector<long long>{20, 10}));
  EXPECT_TRUE(slugs_to_ids(s, "", "seen").value().empty());
  EXPECT_EQ(slugs_to_ids(s, "piece-1,piece-2,piece-3", "before", 2).value().size(), 2u);
  EXPECT_EQ(slugs_to_ids(s, ",,piece-3,", "seen").value(), std::vector<long long>{30});
}

TEST(SlugsToIds, TooLongIsRefusedNamingTheField) {
  auto r = slugs_to_ids(snapshot(), std::string(2001, 'a'), "seen");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "seen");
  EXPECT_EQ(r.error().kind, ErrorKind::invalid);
}

}  // namespace
}  // namespace brilliant::marketing
