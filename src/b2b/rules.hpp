// B2B's rules (issue 19; pure: no SQL, no HTTP). A buyer's application to buy wholesale, a quote's
// request and the workshop's answer, and the quote's states:
//   draft (asked; the workshop prepares its answer) -> sent (priced, valid until a time) -> accepted (by
//   the buyer) -> ordered (a bank-transfer order placed from it), or expired (sent, validity passed), or
//   declined (by the workshop, or withdrawn by the buyer, before it was ordered).
#pragma once
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace brilliant::b2b {

struct ApplicationInput {
  std::string company, country, website, note;
};
// company required (one line, <= 120), country two letters (upper-cased), website optional http(s) URL,
// note <= 1,000. Errors name the field.
Result<ApplicationInput> check_application(ApplicationInput in);

// 1 to 100,000 pieces.
Result<int> check_quantity(long long quantity, const std::string& field = "quantity");
// The buyer's note with a request: <= 1,000 characters of text.
Result<std::string> check_note(const std::string& note, const std::string& field);

struct Answer {
  long long unit_price = 0;  // won, 1 or more
  long long min_quantity = 1;
  long long lead_days = 0;    // 0: from stock
  long long valid_days = 14;  // the answer holds for 1 to 90 days from when it is sent
  std::string note;
};
Result<Answer> check_answer(Answer in);

enum class Action { answer, send, accept, order, decline };
// Whether `action` may happen to a quote in `status` (as stored); `expired` is the stored status already
// corrected by effective_status. Errors: rule_broken on "status".
Result<void> allowed(Action action, std::string_view status);
// The status a reader sees: a sent quote whose validity has passed is expired.
std::string effective_status(std::string_view stored, const std::string& valid_until, TimePoint now);
// A workshop is reminded of a quote it has not answered (draft) two days after it was asked, and again
// each day after the last reminder.
bool reminder_due(std::string_view status, const std::string& requested_at, const std::string& reminded_at,
                  TimePoint now);

// Public quote numbers: "Q-261130-7KQ4MX" (the Seoul day, six characters of quote_alphabet).
inline constexpr std::string_view quote_alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
std::string quote_number(std::string_view seoul_day, std::string_view random_part);
bool looks_like_quote_number(std::string_view text);

}  // namespace brilliant::b2b
