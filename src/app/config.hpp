// Settings: a TOML file, then BRILLIANT_* environment variables, then command-line flags (later wins).
#pragma once
#include <filesystem>
#include <string>

#include "accounts/password.hpp"
#include "mail/outbox.hpp"
#include "marketing/model.hpp"
#include "net/server.hpp"
#include "ops/backup.hpp"
#include "payments/toss.hpp"

namespace brilliant::app {

struct Config {
  net::ServerOptions server;
  std::string base_url;  // empty: http://host:port
  bool secure_cookies = false;
  bool access_log = true;
  // Empty: the access log goes to standard output (the system's log keeps it); a folder: one file a day,
  // days older than access_log_days deleted by the server itself.
  std::filesystem::path access_log_dir;
  int access_log_days = 90;
  std::string metrics_token;  // empty: /metrics answers only loopback callers
  std::string database_url = "sqlite:var/brilliant.db";
  int database_readers = 8;
  std::filesystem::path root = ".";               // templates/, static/, locales/, migrations/ live here
  std::filesystem::path blob_root = "var/blobs";  // content-addressed photos and evidence
  int photo_workers = 0;                          // 0: one per core
  // The certificate issuer's Ed25519 key (made at first start; never in the repository). Empty:
  // issuer.key beside the blobs folder (var/issuer.key by default).
  std::filesystem::path issuer_key;
  accounts::Cost password_cost = accounts::Cost::interactive;
  int login_per_ip_per_minute = 30;
  int login_per_account_per_minute = 5;
  int signup_per_ip_per_hour = 20;
  int checkout_per_hour = 30;  // order attempts per account, or per IP for guests (stock is held 3 days)
#ifdef NDEBUG
  bool reload_templates = false;
#else
  bool reload_templates = true;  // debug builds pick up edited templates without a restart
#endif
  mail::SmtpSettings smtp;
  // Where shoppers send bank transfers (무통장입금), shown at checkout and in the order mail.
  std::string bank_account = "KB국민은행 123401-04-567890 (주)브릴리언트 공동브랜드";
  // Card payments through Toss Payments ([payments.toss]: api_url, client_key, secret_key, window_url,
  // timeout_seconds). Without both keys the card option is hidden and bank transfer works alone.
  payments::TossSettings toss;
  // Scheduled backups ([backup] dir, every_hours, keep; BRILLIANT_BACKUP_DIR): none when dir is empty.
  struct Backups {
    std::filesystem::path dir;
    int every_hours = 24;
    int keep = 7;
  } backup;
  // Live shows ([live] redis_url, hls_dir, rtmp_url, callback_secret, batch_ms; BRILLIANT_REDIS_URL,
  // BRILLIANT_LIVE_HLS_DIR, BRILLIANT_LIVE_RTMP_URL, BRILLIANT_LIVE_CALLBACK_SECRET). Without redis_url
  // events stay on this node; hls_dir is where nginx-rtmp writes HLS (served at /live/hls/ when set);
  // batch_ms is the window in which a busy show's events are sent to viewers as one message (0: each
  // event alone).
  struct Live {
    std::string redis_url;
    int batch_ms = 80;
    std::filesystem::path hls_dir;
    std::string rtmp_url = "rtmp://127.0.0.1:1935/live";
    std::string callback_secret;
  } live;
  // Several nodes on one PostgreSQL database ([cluster] name, node; BRILLIANT_CLUSTER, BRILLIANT_NODE):
  // nodes with the same cluster name tell each other of changes, share rate limits and run each
  // background job once; node names this process in logs and job claims (empty: host name and pid).
  struct Cluster {
    std::string name = "brilliant";
    std::string node;
  } cluster;
  // The copy assistant's language model ([marketing] llm_url, llm_model, llm_api_key,
  // llm_timeout_seconds; BRILLIANT_LLM_URL, BRILLIANT_LLM_MODEL, BRILLIANT_LLM_API_KEY): any
  // OpenAI-compatible chat-completions server. Without llm_url only our own generator writes copy.
  marketing::ModelSettings llm;
};

// Where this installation keeps its data (the issuer key beside the blobs unless set).
ops::Places places_of(const Config& config);

// Reads a TOML file over the defaults; throws std::runtime_error naming the key on a bad value.
void apply_toml(Config& config, const std::filesystem::path& file);
// Applies BRILLIANT_DB, BRILLIANT_HOST, BRILLIANT_PORT, BRILLIANT_ROOT, BRILLIANT_BASE_URL,
// BRILLIANT_SMTP_URL, BRILLIANT_SMTP_USER, BRILLIANT_SMTP_PASSWORD, BRILLIANT_PASSWORD_COST,
// BRILLIANT_ACCESS_LOG, BRILLIANT_METRICS_TOKEN, BRILLIANT_IO_THREADS, BRILLIANT_POOL_THREADS,
// BRILLIANT_TOSS_API_URL, BRILLIANT_TOSS_CLIENT_KEY, BRILLIANT_TOSS_SECRET_KEY, BRILLIANT_TOSS_WINDOW_URL,
// BRILLIANT_REDIS_URL, BRILLIANT_LIVE_HLS_DIR, BRILLIANT_LIVE_RTMP_URL, BRILLIANT_LIVE_CALLBACK_SECRET,
// BRILLIANT_BACKUP_DIR, BRILLIANT_CLUSTER, BRILLIANT_NODE, BRILLIANT_TRUSTED_PROXIES (comma-separated) when
// set.
void apply_env(Config& config);
accounts::Cost parse_cost(const std::string& text);
// A cluster's name: 1 to 40 ASCII letters, digits, '-' or '_' (it names a PostgreSQL notice channel).
bool valid_cluster_name(std::string_view name);

}  // namespace brilliant::app
