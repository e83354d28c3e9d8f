// The bank deposits' SQL (migration 043). Only the deposits service calls it, inside its transactions.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "db/fwd.hpp"
#include "payments/deposit_rules.hpp"

namespace brilliant::payments {

// A deposit as kept: what the statement said, and what became of it.
struct Deposit {
  long long id = 0, statement_id = 0;
  int line = 0;
  std::string at, depositor, memo;
  long long amount = 0;
  std::string status;        // open | confirmed | set_aside
  std::string order_number;  // once confirmed
  std::string decided_at, decided_by, note;
};
struct StatementUpload {
  long long id = 0;
  std::string file_name, uploaded_at, uploaded_by;
  int rows_read = 0, deposits_new = 0;
};

namespace deposit_repo {

long long insert_statement(soci::session& sql, const std::string& file_name, int rows_read, long long actor,
                           const std::string& at);
void set_new_count(soci::session& sql, long long statement_id, int deposits_new);
// False when the statement's row was uploaded before (its fingerprint is known).
bool insert_deposit(soci::session& sql, long long statement_id, const StatementDeposit& d);
std::optional<Deposit> find(soci::session& sql, long long id);
std::vector<Deposit> open(soci::session& sql);
std::vector<Deposit> decided(soci::session& sql, int limit);
std::vector<StatementUpload> statements(soci::session& sql, int limit);
// Moves an open deposit to confirmed (with its order) or set_aside; false when it was no longer open.
bool confirm(soci::session& sql, long long id, long long order_id, long long actor, const std::string& at);
bool set_aside(soci::session& sql, long long id, const std::string& note, long long actor,
               const std::string& at);

}  // namespace deposit_repo
}  // namespace brilliant::payments
