// Campaign rules (pure: no SQL, no HTTP). Korean law on advertising mail (정보통신망법 §50): only to people
// who agreed, "(광고)" at the start of the subject, the sender and a way to refuse in every mail, and none
// sent between 21:00 and 08:00 without a separate consent (we never send then: such a send waits for
// 08:00). A/B variants are assigned by the recipient's random token; results compare them with a
// two-proportion z-test.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace brilliant::marketing {

// What the operator types for a campaign, checked (errors name the field).
struct CampaignInput {
  std::string name, subject_a, body_a, subject_b, body_b, link_path, coupon_code, scheduled_at;
  long long segment_id = 0;
};
// A workshop's campaign (test sends only) needs no segment; the hub's does.
Result<CampaignInput> check_campaign(const CampaignInput& input, bool segment_required = true);

// "(광고) " + subject, unless the operator already wrote it.
std::string ad_subject(std::string_view subject);
// The first moment at or after `t` when advertising mail may go out (08:00-21:00 Seoul time).
TimePoint sending_window(TimePoint t);
// 'a' or 'b' for a recipient's token: b for about `b_percent` of tokens (0: always a).
char variant_of(std::string_view token, int b_percent = 50);

// The two-sided p-value that two rates (successes of trials) differ, by the pooled two-proportion z-test;
// 1 when either side has no trials.
double two_proportion_p(long long successes_a, long long trials_a, long long successes_b, long long trials_b);

// The text with {name} replaced by the recipient's name, as paragraphs (split at blank lines).
std::vector<std::string> paragraphs(std::string_view body, std::string_view name);

}  // namespace brilliant::marketing
