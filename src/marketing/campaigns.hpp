// Campaigns in the database: a mail to a saved segment's members who agree to marketing now, in one or
// two variants, queued in the outbox in one transaction with a recipient row each (its random token opens
// the pixel, the tracked link and the one-click unsubscribe). Sent at once, at a scheduled time, or, when
// asked between 21:00 and 08:00 Seoul time, at 08:00. Results per variant: sent, opened, clicked,
// unsubscribed, paid orders and revenue (orders keep the UTM fields of the visit: utm_campaign
// "campaign-ID", utm_content the variant), with a significance test between the variants.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "db/fwd.hpp"
#include "mail/outbox.hpp"
#include "marketing/campaign_rules.hpp"

namespace brilliant::marketing {

struct Campaign {
  long long id = 0, segment_id = 0;
  std::string name, segment_name, rules, subject_a, body_a, subject_b, body_b, link_path, coupon_code;
  std::string status;  // draft | scheduled | sent
  std::string scheduled_at, sent_at, created_at;
  long long recipients = 0;
  long long workshop_id = 0;  // a workshop's: sent only as tests to its author
  std::string tested_at;      // the latest test send
  bool ab() const { return !subject_b.empty(); }
};

struct VariantResult {
  long long sent = 0, opened = 0, clicked = 0, unsubscribed = 0, orders = 0, revenue = 0;
};
struct CampaignResults {
  VariantResult a, b;
  double click_p = 1, order_p = 1;  // two-sided p-values, B against A
};

// What the app renders into a recipient's mail (templates email/campaign_*).
struct CampaignMailModel {
  std::string subject;  // with "(광고)"
  std::vector<std::string> paragraphs;
  std::string name, coupon_code, click_url, unsubscribe_url, open_pixel_url;
};

// Where a tracked link leads, and what the visit is attributed to.
struct Tracked {
  long long campaign_id = 0;
  char variant = 'a';
  std::string link_path;
};

class Campaigns {
 public:
  using Compose = std::function<mail::Mail(const CampaignMailModel&)>;
  Campaigns(db::Database& db, const Clock& clock, std::string base_url, Compose compose)
      : db_(db), clock_(clock), base_url_(std::move(base_url)), compose_(std::move(compose)) {}
  // Told when someone unsubscribes (accounts withdraws their marketing consent at once).
  void set_on_unsubscribe(std::function<void(long long user_id)> hook) { on_unsubscribe_ = std::move(hook); }

  // workshop_id 0: the hub's (to a segment); else a workshop's, which is only ever sent as a test.
  Result<Campaign> create(const CampaignInput& input, long long actor_id, long long workshop_id = 0);
  // The saved segments a campaign may go to (id, name).
  std::vector<std::pair<long long, std::string>> segments();
  std::vector<Campaign> list(long long workshop_id = 0);  // the hub's, or that workshop's
  std::optional<Campaign> find(long long id);
  CampaignResults results(long long id);
  // Sends a draft now, or schedules it when now is outside 08:00-21:00 Seoul time (or it has a time of its
  // own still to come). Sending twice is refused (409).
  Result<Campaign> send(long long id);
  // A test: each variant to the author alone (`to`, `name`), marked "[TEST]", with no tracking; counts
  // for nobody's results. A workshop's campaign (workshop_id) only goes this way.
  Result<Campaign> send_test(long long id, long long workshop_id, const std::string& to,
                             const std::string& name);
  // Sends the scheduled campaigns whose time has come; returns how many.
  int send_due();

  void opened(const std::string& token);
  std::optional<Tracked> clicked(const std::string& token);
  // The one-click unsubscribe: the recipient's consent is withdrawn at once. Returns false for an unknown
  // token.
  bool unsubscribe(const std::string& token);

 private:
  Result<Campaign> send_now(long long id, const std::vector<std::string>& from_status);
  // A variant's mail rendered once, with markers where each person's name and links go.
  mail::Mail draft(const std::string& subject, const std::string& body, const std::string& coupon) const;
  db::Database& db_;
  const Clock& clock_;
  std::string base_url_;
  Compose compose_;
  std::function<void(long long)> on_unsubscribe_;
};

}  // namespace brilliant::marketing
