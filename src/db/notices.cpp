#include "db/notices.hpp"

#include <libpq-fe.h>
#include <poll.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>

#include "core/secret.hpp"
#include "db/database.hpp"
#include "db/kept.hpp"

namespace brilliant::db {

namespace {

using Connection = std::unique_ptr<PGconn, decltype(&PQfinish)>;

}  // namespace

std::string notice_text(const Notice& notice) {
  return notice.node + '\t' + notice.topic + '\t' + notice.data;
}

std::optional<Notice> parse_notice(const std::string& text) {
  const auto first = text.find('\t');
  if (first == std::string::npos || first == 0) return std::nullopt;
  const auto second = text.find('\t', first + 1);
  if (second == std::string::npos || second == first + 1) return std::nullopt;
  return Notice{text.substr(0, first), text.substr(first + 1, second - first - 1), text.substr(second + 1)};
}

std::vector<std::string> id_chunks(const std::vector<long long>& ids, std::size_t max_bytes,
                                   std::size_t group) {
  std::vector<std::string> chunks;
  std::string chunk;
  for (std::size_t i = 0; i < ids.size(); i += group) {
    std::string text = std::to_string(ids[i]);
    for (std::size_t j = i + 1; j < std::min(i + group, ids.size()); ++j)
      text += " " + std::to_string(ids[j]);
    if (!chunk.empty() && chunk.size() + 1 + text.size() > max_bytes)
      chunks.push_back(std::move(chunk)), chunk.clear();
    chunk += (chunk.empty() ? "" : " ") + text;
  }
  if (!chunk.empty()) chunks.push_back(std::move(chunk));
  return chunks;
}

std::vector<long long> parse_ids(const std::string& data) {
  std::vector<long long> ids;
  const char* p = data.data();
  const char* end = p + data.size();
  while (p < end) {
    while (p < end && *p == ' ') ++p;
    long long id = 0;
    auto [next, ec] = std::from_chars(p, end, id);
    if (ec != std::errc() || next == p) break;
    ids.push_back(id);
    p = next;
  }
  return ids;
}

Notices::Notices(Database& db, std::string url, std::string channel, std::string node)
    : db_(db),
      url_(std::move(url)),
      channel_(std::move(channel)),
      node_(node.empty() ? random_token(6) : std::move(node)) {}

Notices::~Notices() { stop(); }

void Notices::start(Handler handler) {
  handler_ = std::move(handler);
  stopping_ = false;
  thread_ = std::thread([this] { listen(); });
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, std::chrono::seconds(5), [this] { return listening_.load(); });
}

void Notices::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Notices::publish(const std::string& topic, const std::string& data) {
  const std::string payload = notice_text({node_, topic, data});
  try {
    db_.read([&](soci::session& sql) {  // kept prepared: a busy sale sends one per order
      db::run(sql, "SELECT pg_notify(:channel, :payload)", soci::use(channel_), soci::use(payload));
    });
  } catch (const std::exception& e) {
    spdlog::warn("could not tell the other nodes of '{}': {}", topic, e.what());
  }
}

void Notices::listen() {
  const std::string keywords = pg_keywords(url_);
  bool first = true;
  while (!stopping_) {
    Connection connection(PQconnectdb(keywords.c_str()), &PQfinish);
    if (connection && PQstatus(connection.get()) == CONNECTION_OK) {
      listen_on(connection.get(), first);
      first = false;
    } else if (first) {
      spdlog::warn("notices: cannot reach the database yet; trying again");
    }
    listening_ = false;
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, std::chrono::seconds(1), [this] { return stopping_.load(); });
  }
}

void Notices::listen_on(PGconn* connection, bool first) {
  PGresult* listened = PQexec(connection, ("LISTEN \"" + channel_ + "\"").c_str());
  const bool ok = PQresultStatus(listened) == PGRES_COMMAND_OK;
  PQclear(listened);
  if (!ok) return;
  {
    std::lock_guard lock(mutex_);
    listening_ = true;
  }
  changed_.notify_all();
  // Notices sent while this node was not listening are lost: reload everything once.
  if (!first && handler_) handler_({node_, "resync", ""});
  const int fd = PQsocket(connection);
  while (!stopping_) {
    pollfd watched{fd, POLLIN, 0};
    const int ready = ::poll(&watched, 1, 200);  // wakes to see stop() within a fifth of a second
    if (ready < 0 && errno != EINTR) return;
    if (ready <= 0) continue;
    if (!PQconsumeInput(connection)) {
      spdlog::warn("notices: the database connection broke ({}); reconnecting", PQerrorMessage(connection));
      return;
    }
    while (PGnotify* raw_notice = PQnotifies(connection)) {
      std::unique_ptr<PGnotify, decltype(&PQfreemem)> owned(raw_notice, &PQfreemem);
      auto notice = parse_notice(raw_notice->extra ? raw_notice->extra : "");
      if (!notice || notice->node == node_ || !handler_) continue;
      ++heard_;
      try {
        handler_(*notice);
      } catch (const std::exception& e) {
        spdlog::error("notices: handling '{}' failed: {}", notice->topic, e.what());
      }
    }
  }
}

}  // namespace brilliant::db
