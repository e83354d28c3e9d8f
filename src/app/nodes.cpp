// Several nodes on one PostgreSQL database (issue 16): what a node changes in memory it tells the others
// (db::Notices, PostgreSQL's LISTEN/NOTIFY), rate limits live in the database, and each background job's
// run is claimed once across nodes (app/nodes_repo).
#include <spdlog/spdlog.h>
#include <unistd.h>

#include "app/app.hpp"
#include "app/nodes_repo.hpp"
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
std::string stock_notice(const std::vector<long long>& ids, const std::vector<long long>& may_flip) {
  auto join = [](const std::vector<long long>& list) {
    std::string out;
    for (long long id : list) out += (out.empty() ? "" : " ") + std::to_string(id);
    return out;
  };
  return join(ids) + "/" + join(may_flip);
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
  notices_ = std::make_unique<db::Notices>(*database_, config_.database_url, cluster, node_);
  catalog_.relay_to({[this] { notices_->publish("catalog"); },
                     [this](const std::vector<long long>& ids, const std::vector<long long>& may_flip) {
                       const auto text = stock_notice(ids, may_flip);
                       if (text.size() <= 7000) return notices_->publish("stock", text);
                       for (const auto& chunk : db::id_chunks(ids))  // a huge change: every piece may flip
                         notices_->publish("stock", chunk + "/" + chunk);
                     }});
}

void App::tell_nodes(const std::string& topic) {
  if (notices_) notices_->publish(topic);
}

void App::hear(const db::Notice& notice) {
  const auto& topic = notice.topic;
  if (topic == "catalog" || topic == "resync") catalog_.refresh_from_elsewhere();
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
  if (topic == "brand" || topic == "legal" || topic == "resync") page_cache_.clear();
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

}  // namespace brilliant::app
