#include "db/database.hpp"
#include "db/group_commit.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace brilliant::db {
namespace {

constexpr int max_attempts = 5;

// A busy SQLite; on PostgreSQL a serialization failure, a deadlock, or a unique violation (23505): a
// check-then-insert (is the email taken? then add the account) that lost a race to another transaction
// inserting the same key, as two tabs submitting at once do. Run again, the check sees the other's row and
// answers as it would have (a conflict naming the field), instead of the race reaching the person as a 500.
// SQLite's one writer never races that way.
bool retryable(const soci::soci_error& e) {
  if (auto* lite = dynamic_cast<const soci::sqlite3_soci_error*>(&e))
    return lite->result() == SQLITE_BUSY || lite->result() == SQLITE_LOCKED;
  if (auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e)) {
    auto state = pg->sqlstate();
    return state == "40001" || state == "40P01" || state == "23505";
  }
  return false;
}

// Runs `once` (a whole transaction) again while it fails in a way worth retrying (a busy database, a
// serialization failure or deadlock), up to max_attempts, backing off a little longer each time.
template <class Once>
void with_retries(Once&& once) {
  for (int attempt = 1;; ++attempt) {
    try {
      once();
      return;
    } catch (const soci::soci_error& e) {
      if (!retryable(e) || attempt >= max_attempts) throw;
      spdlog::warn("transaction retried after: {}", e.what());
      std::this_thread::sleep_for(std::chrono::milliseconds(5 * attempt));
    }
  }
}

void configure_sqlite(soci::session& s) {
  s << "PRAGMA journal_mode=WAL";
  s << "PRAGMA foreign_keys=ON";
  s << "PRAGMA busy_timeout=5000";
  s << "PRAGMA synchronous=FULL";  // an accepted order survives a crash or power cut
}

std::unique_ptr<soci::connection_pool> make_pool(std::size_t size, const soci::backend_factory& factory,
                                                 const std::string& connect, bool sqlite) {
  auto pool = std::make_unique<soci::connection_pool>(size);
  for (std::size_t i = 0; i < size; ++i) {
    pool->at(i).open(factory, connect);
    if (sqlite) configure_sqlite(pool->at(i));
  }
  return pool;
}

}  // namespace

std::string pg_keywords(const std::string& url) {
  auto parsed = boost::urls::parse_uri(url);
  if (!parsed) throw std::runtime_error("database url is not a valid URI: " + url);
  std::string out;
  auto add = [&out](const char* key, std::string value) {
    if (value.empty()) return;
    std::string quoted;
    for (char c : value) {
      if (c == '\\' || c == '\'') quoted.push_back('\\');
      quoted.push_back(c);
    }
    out += std::string(out.empty() ? "" : " ") + key + "='" + quoted + "'";
  };
  add("host", parsed->host_address());
  add("port", parsed->port());
  add("user", parsed->user());
  add("password", parsed->password());
  std::string path = parsed->path();
  add("dbname", path.size() > 1 ? path.substr(1) : "");
  for (auto param : parsed->params()) add(std::string(param.key).c_str(), std::string(param.value));
  return out;
}

// Group commit on SQLite's one writer. Writers queue their transactions; whoever finds no transaction being
// written takes every one queued (up to `most_at_once`) and runs them as one: each inside a SAVEPOINT of
// its own (a transaction that fails or asks to roll back undoes only its own work), then one COMMIT, one
// sync of the log. Each caller returns once the COMMIT that holds its transaction is durable, as before;
// a busy day's commits cost one disk sync for many orders instead of one each.
struct Database::Queued {
  const std::function<bool(soci::session&)>* fn;
  std::exception_ptr error;
  bool done = false;
};

struct Database::Group {
  static constexpr std::size_t most_at_once = group_commit_most;
  std::mutex mutex;
  std::condition_variable written;
  std::deque<Queued*> queue;
  bool writing = false;
};

Database::Database(Backend backend, std::unique_ptr<soci::connection_pool> readers, std::size_t readers_size,
                   std::unique_ptr<soci::connection_pool> writers, std::size_t writers_size)
    : backend_(backend), readers_(std::move(readers)), writers_(std::move(writers)) {
  const bool sqlite = backend == Backend::sqlite;
  if (sqlite) group_ = std::make_unique<Group>();
  for (std::size_t i = 0; i < readers_size; ++i)
    kept_readers_.push_back(std::make_unique<Kept>(readers_->at(i), sqlite));
  if (!writers_) return;
  for (std::size_t i = 0; i < writers_size; ++i)
    kept_writers_.push_back(std::make_unique<Kept>(writers_->at(i), sqlite));
}

Database::~Database() {
  kept_readers_.clear();
  kept_writers_.clear();
}

std::unique_ptr<Database> Database::open(const std::string& url, int readers) {
  readers = std::max(1, readers);
  if (url.starts_with("sqlite:")) {
    // SQLite counts its memory under one lock every connection shares (a quarter of a busy checkout's
    // time went to waiting on it); nothing here reads the counts. Only possible before its first use.
    static const bool unshared = sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
    (void)unshared;
    std::filesystem::path file = url.substr(7);
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
    const std::string connect = "db=" + file.string() + " timeout=5";
    // The writer opens first so WAL mode is set before readers attach.
    auto writer = make_pool(1, *soci::factory_sqlite3(), connect, true);
    auto pool = make_pool(static_cast<std::size_t>(readers), *soci::factory_sqlite3(), connect, true);
    return std::unique_ptr<Database>(new Database(Backend::sqlite, std::move(pool),
                                                  static_cast<std::size_t>(readers), std::move(writer), 1));
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    auto pool =
        make_pool(static_cast<std::size_t>(readers), *soci::factory_postgresql(), pg_keywords(url), false);
    return std::unique_ptr<Database>(
        new Database(Backend::postgresql, std::move(pool), static_cast<std::size_t>(readers), nullptr, 0));
  }
  throw std::runtime_error("database url must start with sqlite: or postgresql:// (got '" + url + "')");
}

void Database::run_write(const std::function<bool(soci::session&)>& fn) {
  if (group_) {
    Queued mine{&fn};
    std::unique_lock lock(group_->mutex);
    group_->queue.push_back(&mine);
    while (!mine.done) {
      if (group_->writing) {
        group_->written.wait(lock);
        continue;
      }
      group_->writing = true;
      std::vector<Queued*> batch;
      while (!group_->queue.empty() && batch.size() < Group::most_at_once) {
        batch.push_back(group_->queue.front());
        group_->queue.pop_front();
      }
      lock.unlock();
      run_group(batch);
      lock.lock();
      group_->writing = false;
      group_->written.notify_all();
    }
    if (mine.error) std::rethrow_exception(mine.error);
    return;
  }
  with_retries([&] {
    Lease lease(*readers_, kept_readers_);
    soci::session& s = lease.session();
    soci::transaction tx(s);
    if (fn(s))
      tx.commit();
    else
      tx.rollback();
  });
}

void Database::run_group(std::vector<Queued*>& batch) {
  try {
    with_retries([&] {
      Lease lease(*writers_, kept_writers_);
      soci::session& s = lease.session();
      soci::transaction tx(s);
      for (Queued* q : batch) {
        q->error = nullptr;
        s << "SAVEPOINT queued";
        bool keep = false;
        try {
          keep = (*q->fn)(s);
        } catch (const soci::soci_error& e) {
          if (retryable(e)) throw;  // the database is busy (another process): the whole group again
          q->error = std::current_exception();
        } catch (...) {
          q->error = std::current_exception();
        }
        if (!keep) s << "ROLLBACK TO SAVEPOINT queued";
        s << "RELEASE SAVEPOINT queued";
      }
      tx.commit();
    });
  } catch (const soci::soci_error&) {  // not to be retried, or tried enough: every write in the group hears
    for (Queued* q : batch) q->error = std::current_exception();
  }
  for (Queued* q : batch) q->done = true;
}

void commit_without_waiting(soci::session& sql) {
  static const std::string query = std::string("SELECT 1 FROM ") + pg_no_wait_from;
  if (sql.get_backend_name() == "postgresql") run(sql, query);
}

bool Database::ping() {
  try {
    return read([](soci::session& s) {
      int one = 0;
      s << "SELECT 1", soci::into(one);
      return one == 1;
    });
  } catch (const std::exception&) {
    return false;
  }
}

long long row_int(const soci::row& row, std::size_t column) {
  if (row.get_indicator(column) == soci::i_null) return 0;
  switch (row.get_properties(column).get_data_type()) {
    case soci::dt_integer:
      return row.get<int>(column);
    case soci::dt_long_long:
      return row.get<long long>(column);
    case soci::dt_unsigned_long_long:
      return static_cast<long long>(row.get<unsigned long long>(column));
    case soci::dt_double:
      return static_cast<long long>(row.get<double>(column));
    case soci::dt_string:
      return std::stoll(row.get<std::string>(column));
    default:
      throw std::runtime_error("column " + std::to_string(column) + " is not an integer");
  }
}

}  // namespace brilliant::db

namespace brilliant::db {

std::string row_text(const soci::row& row, std::size_t column) {
  if (row.get_indicator(column) == soci::i_null) return {};
  if (row.get_properties(column).get_data_type() != soci::dt_string)
    return std::to_string(row_int(row, column));
  return row.get<std::string>(column);
}

}  // namespace brilliant::db
