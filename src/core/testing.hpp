// For tests: a moment from its UTC text ("2026-12-01T00:00:00Z"), failing the test when it does not parse.
#pragma once
#include <gtest/gtest.h>

#include <string>

#include "core/clock.hpp"

namespace brilliant {

inline TimePoint at(const std::string& utc) {
  TimePoint t;
  EXPECT_TRUE(parse_utc(utc, t)) << utc;
  return t;
}

}  // namespace brilliant
