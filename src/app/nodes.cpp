// Several nodes on one PostgreSQL database (issue 16): what a node changes in memory it tells the others
// (db::Notices, PostgreSQL's LISTEN/NOTIFY), rate limits live in the database, and each background job's
// run is claimed once across nodes (app/nodes_repo); the minute's and the hour's jobs themselves.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include "app/app.hpp"
#include "app/nodes_repo.hpp"
#include "app/stock_relay.hpp"
#include "core/secret.hpp"
#include "db/database.hpp"

namespace brilliant::app {

namespace {

std::string default_node_name() {
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) != 0) host[0] = 0;
  return std::string(*host ? host : "node") + ":" + std::to_string(::getpid()) + ":" + random_token(3);
}

// "1 2 3/3": the pieces whose stock changed and, after the slash, those that may have sold out or come back.
// (The ids are written as db/notices writes them, in one piece.)
std::string stock_notice(const std::vector<long long>& ids, const std::vector<long long>& may_flip) {
  auto whole = [](const std::vector<long long>& list) {
    auto pieces = db::id_chunks(list, std::string::npos);
    return pieces.empty() ? std::string() : pieces.front();
  };
  return whole(ids) + "/" + whole(may_flip);
}

// One housekeeping job: how many things it did is logged when it did any; a failure is logged and the
// loop goes on.
void housekeep(const char* failing, const char* done, const std::function<int()>& job) {
  try {
    if (int n = job()) spdlog::info("{} {}", n, done);
  } catch (const std::exception& e) {
    spdlog::error("{}: {}", failing, e.what());
  }
}

}  // namespace

std::string App::node_name(const Config& config) {
  return config.cluster.node.empty() ? default_node_name() : config.cluster.node;
}

void App::join_cluster() {
  if (database_->backend() != db::Backend::postgresql) return;  // one node per SQLite file
  const std::string& cluster = config_.cluster.name;
  buckets_ = std::make_unique<DatabaseBuckets>(*database_);
  limits_.login_by_ip.share(buckets_.get(), cluster + ":login-ip");
  limits_.login_by_account.share(buckets_.get(), cluster + ":login-account");
  limits_.signup_by_ip.share(buckets_.get(), cluster + ":signup-ip");
  checkout_limit_.share(buckets_.get(), cluster + ":checkout");
  booth_visitor_limit_.share(buckets_.get(), cluster + ":booth-visitor");
  notices_ = std::make_unique<db::Notices>(*database_, config_.database_url, cluster, node_);
  // Stock notices leave from a thread of their own, merged while one is on its way and for 50 ms after
  // (app/stock_relay): other nodes hear of a sale within a twentieth of a second, and a busy sale costs
  // each node at most twenty wake-ups a second. stop() lets the relay go, and so sends what is left,
  // before the notices stop.
  auto stock = std::make_shared<StockRelay>(
      [this](const std::vector<long long>& ids, const std::vector<long long>& may_flip) {
        const auto text = stock_notice(ids, may_flip);
        if (text.size() <= 7000) return notices_->publish("stock", text);
        for (const auto& chunk : db::id_chunks(ids))  // a huge change: every piece may flip
          notices_->publish("stock", chunk + "/" + chunk);
      },
      std::chrono::milliseconds(50));
  catalog_.relay_to({[this] { notices_->publish("catalog"); },
                     [stock](const std::vector<long long>& ids, const std::vector<long long>& may_flip) {
                       stock->tell(ids, may_flip);
                     },
                     [this](const std::vector<long long>& ids) {  // a few pieces: those; many: all
                       const auto chunks = db::id_chunks(ids);
                       if (chunks.size() == 1) return notices_->publish("pieces", chunks.front());
                       notices_->publish("catalog");
                     }});
}

void App::tell_nodes(const std::string& topic) {
  if (notices_) notices_->publish(topic);
}

void App::hear(const db::Notice& notice) {
  const auto& topic = notice.topic;
  if (topic == "catalog" || topic == "resync") catalog_.refresh_from_elsewhere();
  if (topic == "pieces") catalog_.refresh_pieces_from_elsewhere(db::parse_ids(notice.data));
  if (topic == "stock") {
    const auto slash = notice.data.find('/');
    catalog_.stock_changed_elsewhere(
        db::parse_ids(notice.data.substr(0, slash)),
        slash == std::string::npos ? std::vector<long long>{} : db::parse_ids(notice.data.substr(slash + 1)));
  }
  if (topic == "brand" || topic == "resync") {
    brand_.load();
    use_brand_synonyms();
  }
  if (topic == "legal" || topic == "resync") legal_.load();
  if (topic == "resync" && recommendations_) recommendations_->resync();
  if (topic == "counts" && recommendations_)
    if (auto counts = marketing::parse_counts_notice(notice.data))
      recommendations_->heard(counts->first, counts->second);
  if (topic == "brand" || topic == "legal" || topic == "resync") pages_changed();
  spdlog::debug("heard '{}' from node {}", topic, notice.node);
}

bool App::claim(const std::string& job, const std::string& slot) {
  try {
    return claim_run(*database_, config_.cluster.name + ":" + job, slot, node_, format_utc(clock_.now()));
  } catch (const std::exception& e) {
    spdlog::error("claiming the job {}: {}", job, e.what());
    return false;
  }
}

// The health probe every half second; background jobs when a new minute (or hour) begins, each minute's
// run claimed so that, with several nodes, one of them runs it.
void App::probe_database() {
  std::unique_lock lock(probe_mutex_);
  std::string minute, hour;
  bool first = true;
  while (!probe_stop_) {
    lock.unlock();
    database_up_ = database_->ping();
    probed_at_ms_ = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now().time_since_epoch())
                        .count();
    if (first)  // card payments this node left in progress when it stopped: looked up at once
      housekeep("reconciling card payments", "card payments reconciled with the provider",
                [&] { return payments_->reconcile(std::chrono::seconds(0)); });
    first = false;
    const auto now = std::chrono::system_clock::now();
    if (minute != minute_slot(now) && database_up_) {
      minute = minute_slot(now);
      if (claim("housekeeping", minute)) housekeep_minutely();
    }
    if (hour != hour_slot(now) && database_up_) {
      hour = hour_slot(now);
      if (claim("housekeeping-hourly", hour)) housekeep_hourly(now);
    }
    lock.lock();
    probe_cv_.wait_for(lock, std::chrono::milliseconds(500), [this] { return probe_stop_; });
  }
}

void App::housekeep_minutely() {
  housekeep("cancelling overdue orders", "unpaid orders past their deadline cancelled",
            [&] { return orders_.cancel_overdue(); });
  // 구매확정 of parcels delivered long enough ago (the ledger is credited)
  housekeep("confirming purchases", "orders' purchases confirmed by themselves",
            [&] { return orders_.auto_confirm(); });
  // card payments left in progress for a minute (a confirm that got no answer)
  housekeep("reconciling card payments", "card payments reconciled with the provider",
            [&] { return payments_->reconcile(std::chrono::seconds(60)); });
  housekeep("sending scheduled campaigns", "scheduled campaigns sent",
            [&] { return campaigns_ ? campaigns_->send_due() : 0; });
  housekeep("quote reminders", "quote reminders queued for workshops",
            [&] { return b2b_->send_reminders(); });
  housekeep("academy reminders", "academy reminders queued", [&] { return academy_->send_reminders(); });
  housekeep("certificate housekeeping", "certificates expired or withdrawn",
            [&] { return certification_->housekeeping(); });
}

void App::housekeep_hourly(TimePoint now) {
  // guests' orders past their retention keep only their record
  housekeep("reducing old guest orders", "guest orders past retention had their personal data reduced",
            [&] { return orders_.reduce_old_guest_orders(); });
  // job claims older than a day, and rate-limit buckets untouched for a day (full again by then)
  // (Claims are named by the wall clock's minutes, buckets timed by the app's clock.)
  housekeep("forgetting old job claims", "old job claims and rate-limit buckets removed", [&] {
    const auto buckets_before = clock_.now() - std::chrono::hours(24);
    return forget_old_claims(
        *database_, minute_slot(now - std::chrono::hours(24)),
        std::chrono::duration_cast<std::chrono::milliseconds>(buckets_before.time_since_epoch()).count());
  });
}

}  // namespace brilliant::app
