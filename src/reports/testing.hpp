// For the program report's tests: a database with an active workshop (1, "금 공방"), a suspended one (2) and
// a shopper (1), and paid or unpaid orders of workshop 1 made on demand.
#pragma once
#include <gtest/gtest.h>

#include "db/database.hpp"
#include "db/testing.hpp"

namespace brilliant::reports {

class ReportRepoTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db->write([](soci::session& sql) {
      sql << "INSERT INTO workshops (slug, name, name_en, status, created_at, updated_at) VALUES ('g', "
             "'금 공방', 'Gold Workshop', 'active', '2026-01-01T00:00:00Z', 'x')";
      sql << "INSERT INTO workshops (slug, name, status, created_at, updated_at) VALUES ('s', '은 공방', "
             "'suspended', '2026-01-01T00:00:00Z', 'x')";
      sql << "INSERT INTO users (email, name, password_hash, created_at, updated_at) VALUES ('u@x', 'U', '', "
             "'x', "
             "'x')";
    });
  }
  // An order of `amount` won from workshop 1, in that status, paid at `paid` (empty: unpaid).
  long long order(const std::string& status, const std::string& paid, long long amount,
                  const std::string& source = "", const std::string& medium = "") {
    return db->write([&](soci::session& sql) {
      long long id = 0;
      const std::string number = "BR-" + std::to_string(++n_), key = "k" + std::to_string(n_);
      soci::indicator paid_ind = paid.empty() ? soci::i_null : soci::i_ok;
      sql << "INSERT INTO orders (number, user_id, checkout_key, request_hash, status, payment_method, "
             "subtotal, "
             "shipping_fee, total, recipient, phone, postcode, address, locale, pay_by, paid_at, created_at, "
             "updated_at, utm_source, utm_medium) VALUES (:n, 1, :k, '', :st, 'bank_transfer', :s, 0, :t, "
             "'R', "
             "'010', '1', 'A', 'ko', 'x', :p, 'x', 'x', :us, :um) RETURNING id",
          soci::use(number), soci::use(key), soci::use(status), soci::use(amount), soci::use(amount),
          soci::use(paid, paid_ind), soci::use(source), soci::use(medium), soci::into(id);
      sql << "INSERT INTO fulfilments (order_id, workshop_id, status, subtotal, shipping_fee, created_at, "
             "updated_at) VALUES (:o, 1, 'to_ship', :s, 0, 'x', 'x')",
          soci::use(id), soci::use(amount);
      return id;
    });
  }
  db::TempDatabase db{std::filesystem::path(BRILLIANT_SOURCE_DIR) / "migrations"};
  int n_ = 0;
};

}  // namespace brilliant::reports
