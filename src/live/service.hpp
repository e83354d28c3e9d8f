// Live shows as a service: hosts create and run shows, nginx-rtmp tells us when the stream starts and
// ends, viewers chat, send hearts, ask for reminders and buy live-only deals. Every event goes out
// through the bus, so it reaches viewers on every node; the tick (once a second) sends viewer counts
// and hearts and records watch time.
#pragma once
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "catalog/service.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/secret.hpp"
#include "db/fwd.hpp"
#include "live/bus.hpp"
#include "live/deal.hpp"
#include "live/relays.hpp"
#include "live/repo.hpp"
#include "live/room.hpp"
#include "live/show.hpp"
#include "live/simulcast.hpp"
#include "mail/outbox.hpp"
#include "orders/orders.hpp"
#include "web/principal.hpp"

namespace brilliant::live {

struct Purchase {
  int quantity = 1;
  orders::Address address;
  std::string key;  // the drawer's one-time key (Idempotency-Key): a second tap makes no second order
  std::string locale = "ko";
};

// Simulcast on this node: how a relay is made (ffmpeg by default, relay_command), where the show's stream
// is read (the ingest URL, relay_source) and the key that seals the platforms' stream keys.
struct SimulcastSettings {
  std::string rtmp_url = "rtmp://127.0.0.1:1935/live";
  SealKey key{};
  std::function<std::vector<std::string>(const std::string& source, const std::string& url,
                                         const std::string& key)>
      command = [](const std::string& source, const std::string& url, const std::string& key) {
        return relay_command("ffmpeg", source, url, key);
      };
};

struct Analytics {
  int peak_viewers = 0;
  long long watch_seconds = 0;
  double average_viewers = 0;  // watch time over the show's length
  long long chat_messages = 0, orders = 0, revenue = 0;
  double conversion = 0;  // orders per peak viewer
};

class Live {
 public:
  using ReminderMail =
      std::function<mail::Mail(const Show&, const std::string& email, const std::string& locale)>;
  Live(db::Database& db, catalog::Catalog& catalog, orders::Orders& orders, const Clock& clock,
       std::unique_ptr<Bus> bus = std::make_unique<LocalBus>(), std::chrono::milliseconds batch_window = {});
  ~Live();
  void set_reminder_mail(ReminderMail compose) { reminder_mail_ = std::move(compose); }

  struct Created {
    Show show;
    std::string stream_key;  // shown once
  };
  // workshop_id 0: the hub hosts (operators only). Line-up pieces must be on sale (and the host's own).
  Result<Created> create(const web::Principal& who, long long workshop_id, const ShowInput& input);
  Result<Show> update(const std::string& slug, const web::Principal& who, const ShowInput& input);
  Result<std::string> rotate_key(const std::string& slug, const web::Principal& who);
  std::optional<Show> find(const std::string& slug);
  std::vector<Show> list(long long workshop_id = 0);
  // The show if `who` may run it (its workshop's staff, or an operator), else not found / forbidden.
  Result<Show> managed(const std::string& slug, const web::Principal& who);
  static bool may_manage(const Show& show, const web::Principal& who);
  // Who may delete, mute and ban in its chat: those who may run it, and the moderators its host named.
  static bool may_moderate(const Show& show, const web::Principal& who);
  // The host names a chat moderator by their account's email (400 naming email when no account has it),
  // or takes one back; the show's moderators, for the host's panel.
  Result<std::vector<repo::Moderator>> add_moderator(const std::string& slug, const web::Principal& who,
                                                     const std::string& email);
  Result<std::vector<repo::Moderator>> remove_moderator(const std::string& slug, const web::Principal& who,
                                                        long long user_id);
  std::vector<repo::Moderator> moderators(long long show_id);

  // nginx-rtmp's on_publish (the stream key is the stream's name) and on_publish_done (the name is the
  // show's slug by then: on_publish renamed the stream; a key is taken too).
  Result<Show> stream_started(const std::string& key);
  Result<Show> stream_ended(const std::string& name);
  Result<Show> end(const std::string& slug, const web::Principal& who);
  // The replay's playlist, once the show's HLS is kept.
  void set_replay(const std::string& slug, const std::string& url);

  Result<void> pin(const std::string& slug, const web::Principal& who, long long product_id);
  Result<Deal> add_deal(const std::string& slug, const web::Principal& who, const DealInput& input);
  Result<Deal> start_deal(const std::string& slug, const web::Principal& who, long long deal_id);
  // Buys from a started deal through checkout's rules (stock reserved, bank transfer or card after): the
  // units are claimed in the order's transaction, so none is sold twice, on any node.
  Result<orders::Order> buy(const std::string& slug, long long deal_id, const web::Principal& buyer,
                            const Purchase& purchase);
  Result<bool> remind(const std::string& slug, long long user_id);
  bool reminded(long long show_id, long long user_id);
  // Queues reminder mails for shows starting within ten minutes; returns how many were queued.
  int send_reminders();

  // Chat. The text is checked (chat.hpp) and stored, then sent to every viewer.
  Result<repo::ChatLine> say(const Show& show, const web::Principal& who, const std::string& text);
  std::vector<repo::ChatLine> chat(long long show_id, int limit = 50, long long after_id = 0);
  Result<void> delete_message(const std::string& slug, const web::Principal& who, long long message_id);
  // seconds > 0 mutes; seconds == 0 lifts a mute; ban removes the person and keeps them out.
  Result<void> mute(const std::string& slug, const web::Principal& who, long long user_id, int seconds);
  Result<void> ban(const std::string& slug, const web::Principal& who, long long user_id);
  bool banned(long long show_id, long long user_id);
  void heart(long long show_id);

  // Simulcast (simulcast_service.cpp): the host or an operator adds a platform's ingest URL and stream
  // key to a show (at most five); while the show's stream comes in, a relay on the node that took the
  // stream copies it to each target, and the targets' states are written down for every node's panel.
  void set_simulcast(SimulcastSettings settings);
  Result<PushTarget> add_target(const std::string& slug, const web::Principal& who,
                                const PushTargetInput& input);
  Result<void> remove_target(const std::string& slug, const web::Principal& who, long long target_id);
  std::vector<PushTarget> targets(long long show_id);

  Analytics analytics(const Show& show);
  Rooms& rooms() { return rooms_; }
  std::shared_ptr<const catalog::Snapshot> catalog_snapshot() const { return catalog_.snapshot(); }
  catalog::Catalog& catalog() { return catalog_; }
  TimePoint now() const { return clock_.now(); }
  // Viewers now, on every node (this node's count plus the others' last reports).
  int viewers(long long show_id);
  // Once a second (app's ticker): counts and hearts to viewers, watch time to the database.
  void tick();
  // Sends an event to the show's viewers on every node.
  void publish(long long show_id, const std::string& event);

 private:
  // The show if `who` may moderate its chat (may_moderate), else not found / forbidden.
  Result<Show> moderated(const std::string& slug, const web::Principal& who);
  // A named moderator silences viewers, never the show's own people (its workshop's staff, operators).
  Result<void> may_silence(const Show& show, const web::Principal& who, long long user_id);
  void deliver(long long show_id, const std::string& event);
  Result<Show> find_or_error(const std::string& slug);
  // Starts the relays of a show whose stream came in (one target: target_id; 0: all of them).
  void start_relays(const Show& show, long long target_id = 0);
  void stop_relays(long long show_id);
  Result<void> check_lineup(const std::vector<long long>& lineup, long long workshop_id);

  db::Database& db_;
  catalog::Catalog& catalog_;
  orders::Orders& orders_;
  const Clock& clock_;
  std::unique_ptr<Bus> bus_;
  Rooms rooms_;
  ReminderMail reminder_mail_;
  std::string node_;  // this node's random name, for counts across nodes
  std::mutex counts_mutex_;
  struct NodeCount {
    int viewers = 0;
    TimePoint at;
  };
  std::map<long long, std::map<std::string, NodeCount>> counts_;  // show -> node -> last report
  std::map<long long, int> remote_hearts_;
  SimulcastSettings simulcast_;
  std::unique_ptr<Relays>
      relays_;  // last: stopped (their reports write to the database) before the rest goes
};

}  // namespace brilliant::live
