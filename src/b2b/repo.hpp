// SQL for B2B buyers and quotes (issue 19).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "b2b/b2b.hpp"
#include "db/database.hpp"

namespace brilliant::b2b::repo {

std::optional<Application> application(soci::session& sql, long long user_id);
std::vector<Application> applications(soci::session& sql);  // pending first, then newest
void save_application(soci::session& sql, long long user_id, const ApplicationInput& in,
                      const std::string& now);
void decide_application(soci::session& sql, long long user_id, const std::string& status, long long by,
                        const std::string& now);

// Whose quotes: buyer_id or workshop_id (0: any), in a stored status ("": any), newest first.
std::vector<Quote> quotes(soci::session& sql, long long buyer_id, long long workshop_id, int limit = 200,
                          const std::string& status = "");
std::optional<Quote> quote(soci::session& sql, const std::string& number);
long long insert_quote(soci::session& sql, const Quote& q, const std::string& now);
// Writes the answer and the status; false when the quote was no longer in `from` (another request won).
bool answer(soci::session& sql, long long id, const std::string& from, const std::string& to, const Answer& a,
            const std::string& valid_until, const std::string& now);
bool move(soci::session& sql, long long id, const std::string& from, const std::string& to,
          const std::string& now);
bool mark_ordered(soci::session& sql, long long id, long long order_id, const std::string& now);
void mark_reminded(soci::session& sql, long long id, const std::string& now);
void event(soci::session& sql, long long quote_id, const std::string& status, long long actor,
           const std::string& note, const std::string& now);
// The emails of a workshop's staff, for reminders.
std::vector<std::pair<std::string, std::string>> workshop_people(soci::session& sql, long long workshop_id);

}  // namespace brilliant::b2b::repo
