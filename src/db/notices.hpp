// Notices between the nodes that share one PostgreSQL database (issue 16, DESIGN.md §7): PostgreSQL's
// LISTEN/NOTIFY on one channel. A node that changed something every node keeps in memory (the catalog's
// snapshot, a piece's stock, the brand, the legal footer) publishes a short notice; every other node hears
// it within milliseconds and reloads what it names. A node never hears its own notices back.
// A notice can be missed only while a listener's connection is down; after reconnecting the listener
// hands its handler "resync" (reload everything), so nothing stays stale.
// Thread safe. SQLite has no such channel: one node per SQLite file, so nothing is published there.
#pragma once
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "db/fwd.hpp"

struct pg_conn;  // libpq's PGconn

namespace brilliant::db {

struct Notice {
  std::string node;   // who sent it
  std::string topic;  // "catalog", "pieces", "stock", "brand", "legal", "counts"; "resync" after a reconnect
  std::string data;   // what the topic needs (pieces, stock: product ids, space-separated; counts: the pairs)
};

// "node\ttopic\tdata", and back (nothing for text that is not a notice).
std::string notice_text(const Notice& notice);
std::optional<Notice> parse_notice(const std::string& text);
// Space-separated ids in pieces that each fit a notice (PostgreSQL's payload limit is 8,000 bytes); each
// `group` numbers in a row stay in one piece (a record of several numbers is never cut).
std::vector<std::string> id_chunks(const std::vector<long long>& ids, std::size_t max_bytes = 7000,
                                   std::size_t group = 1);
std::vector<long long> parse_ids(const std::string& data);

class Notices {
 public:
  using Handler = std::function<void(const Notice&)>;
  // url: the PostgreSQL database's URL (the listener opens a connection of its own); channel: the
  // cluster's name (letters, digits, '-', '_'); node: this node's name in notices (made unique per
  // process when empty).
  Notices(Database& db, std::string url, std::string channel, std::string node = "");
  ~Notices();
  Notices(const Notices&) = delete;
  Notices& operator=(const Notices&) = delete;

  // Listens on a thread of its own; returns once listening (or after 5 s when the database is not there:
  // it keeps trying). The handler runs on that thread, one notice at a time.
  void start(Handler handler);
  void stop();
  // Tells the other nodes (outside any transaction: at once). Failures are logged, never thrown: the
  // change itself is already committed.
  void publish(const std::string& topic, const std::string& data = "");
  const std::string& node() const { return node_; }
  bool listening() const { return listening_; }
  long long heard() const { return heard_; }  // notices handed to the handler (for /metrics and tests)

 private:
  void listen();
  // One connection's life: LISTEN, then hand over notices until it breaks or stop() is called.
  void listen_on(pg_conn* connection, bool first);
  Database& db_;
  std::string url_;
  std::string channel_;
  std::string node_;
  Handler handler_;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> listening_{false};
  std::atomic<long long> heard_{0};
  std::mutex mutex_;
  std::condition_variable changed_;
};

}  // namespace brilliant::db
