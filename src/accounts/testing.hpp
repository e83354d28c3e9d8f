// For the accounts module's tests: a migrated temporary database, a clock fixed at 2026-11-25 and an
// Accounts service over them that hashes passwords at the cheapest cost.
#pragma once
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

#include "accounts/service.hpp"
#include "core/clock.hpp"
#include "db/testing.hpp"

namespace brilliant::accounts {

class AccountsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    TimePoint start;
    parse_utc("2026-11-25T00:00:00Z", start);
    clock = std::make_unique<FixedClock>(start);
    accounts = std::make_unique<Accounts>(*db, *clock, AccountsSettings{.password_cost = Cost::minimum});
  }
  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
  std::unique_ptr<FixedClock> clock;
  std::unique_ptr<Accounts> accounts;
};

}  // namespace brilliant::accounts
