// Live shows in the database (SQL only; the rules are in show.hpp, chat.hpp and deal.hpp).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "db/fwd.hpp"
#include "live/show.hpp"
#include "live/simulcast.hpp"

namespace brilliant::live::repo {

struct NewShow {
  std::string slug, key_hash, at;
  long long workshop_id = 0, created_by = 0;
  ShowInput input;
};
long long insert_show(soci::session& sql, const NewShow& show);
void update_show(soci::session& sql, long long id, const ShowInput& input);

// A show with its line-up, chapters and deals; nothing when no show has that slug.
std::optional<Show> find(soci::session& sql, const std::string& slug);
std::optional<Show> find_by_key(soci::session& sql, const std::string& key_hash);
// Shows without their parts, soonest first; workshop_id > 0: only that host's.
std::vector<Show> list(soci::session& sql, long long workshop_id = 0, int limit = 200);

void set_key(soci::session& sql, long long show_id, const std::string& key_hash);
void set_state(soci::session& sql, long long show_id, State state, const std::string& at);
void set_replay(soci::session& sql, long long show_id, const std::string& url);
void add_chapter(soci::session& sql, long long show_id, long long product_id, const std::string& at);
// Adds watch time and raises the peak (the room's tick, once a second).
void add_watch(soci::session& sql, long long show_id, int viewers, long long seconds);

struct NewDeal {
  long long show_id = 0, variant_id = 0, price = 0;
  int quantity = 0, per_customer = 1, duration_seconds = 0;
  std::string at;
};
long long insert_deal(soci::session& sql, const NewDeal& deal);
std::optional<Deal> deal(soci::session& sql, long long deal_id);
// Opens the countdown; false when the deal had started already.
bool start_deal(soci::session& sql, long long deal_id, const std::string& starts, const std::string& ends);
// Takes `quantity` units if that many are left and the countdown runs at `now`: one statement, so two
// buyers (on any node) never get the same unit. False when not.
bool claim_units(soci::session& sql, long long deal_id, int quantity, const std::string& now);
int bought_by(soci::session& sql, long long deal_id, long long user_id);
void record_purchase(soci::session& sql, long long deal_id, long long user_id, long long order_id,
                     int quantity, const std::string& at);

// A show's chat moderators: the account that was named, and who it is.
struct Moderator {
  long long user_id = 0;
  std::string name, email;
};
long long user_by_email(soci::session& sql, const std::string& email);  // 0: no such account
void add_moderator(soci::session& sql, long long show_id, long long user_id, long long by,
                   const std::string& at);
bool remove_moderator(soci::session& sql, long long show_id, long long user_id);
// True when the person runs shows of this workshop: its staff (workshop_id 0: nobody's) or an operator.
bool runs_shows_of(soci::session& sql, long long user_id, long long workshop_id);
std::vector<Moderator> moderators(soci::session& sql, long long show_id);

// Simulcast push targets (simulcast.hpp); the key only sealed, read back only to start a relay.
long long insert_push_target(soci::session& sql, long long show_id, const PushTargetInput& input,
                             const std::string& key_sealed, long long by, const std::string& at);
std::vector<PushTarget> push_targets(soci::session& sql, long long show_id);
struct SealedTarget {
  long long id = 0;
  std::string url, key_sealed;
};
std::vector<SealedTarget> sealed_targets(soci::session& sql, long long show_id, long long target_id = 0);
bool remove_push_target(soci::session& sql, long long show_id, long long target_id);
void set_push_state(soci::session& sql, long long target_id, const std::string& state,
                    const std::string& detail, const std::string& at);

struct ChatLine {
  long long id = 0, user_id = 0;
  std::string name, text, at;
  bool host = false;
};
long long insert_chat(soci::session& sql, long long show_id, const ChatLine& line);
// The newest `limit` visible messages, oldest first (after_id > 0: only those after it).
std::vector<ChatLine> chat(soci::session& sql, long long show_id, int limit, long long after_id = 0);
bool delete_chat(soci::session& sql, long long show_id, long long message_id, long long by);

struct Moderation {
  std::string muted_until;
  bool banned = false;
};
Moderation moderation_of(soci::session& sql, long long show_id, long long user_id);
void moderate(soci::session& sql, long long show_id, long long user_id, const Moderation& m, long long by,
              const std::string& at);

// True when the reminder was new.
bool add_reminder(soci::session& sql, long long show_id, long long user_id, const std::string& at);
bool has_reminder(soci::session& sql, long long show_id, long long user_id);
struct Due {
  Show show;
  std::vector<std::pair<std::string, std::string>> people;  // email, locale
};
// Scheduled shows starting before `before` whose reminders were not sent; marks them sent.
std::vector<Due> take_due_reminders(soci::session& sql, const std::string& before, const std::string& at);

struct Totals {
  long long orders = 0, revenue = 0, chat_messages = 0;
};
Totals totals(soci::session& sql, long long show_id);

}  // namespace brilliant::live::repo
