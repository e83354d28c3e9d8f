#include "app/config.hpp"

#include <toml++/toml.h>
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <stdexcept>

namespace brilliant::app {

accounts::Cost parse_cost(const std::string& text) {
  if (text == "interactive") return accounts::Cost::interactive;
  if (text == "minimum") return accounts::Cost::minimum;
  throw std::runtime_error("password_cost must be \"interactive\" or \"minimum\", not \"" + text + "\"");
}

void apply_toml(Config& c, const std::filesystem::path& file) {
  toml::table t;
  try {
    t = toml::parse_file(file.string());
  } catch (const toml::parse_error& e) {
    throw std::runtime_error(file.string() + ": " + std::string(e.description()));
  }
  c.server.host = t["server"]["host"].value_or(c.server.host);
  c.server.port = static_cast<unsigned short>(t["server"]["port"].value_or(static_cast<int>(c.server.port)));
  c.server.io_threads = t["server"]["io_threads"].value_or(c.server.io_threads);
  c.server.pool_threads = t["server"]["pool_threads"].value_or(c.server.pool_threads);
  c.server.write_pool_threads = t["server"]["write_pool_threads"].value_or(c.server.write_pool_threads);
  c.server.body_limit = t["server"]["body_limit"].value_or(static_cast<int64_t>(c.server.body_limit));
  c.base_url = t["server"]["base_url"].value_or(c.base_url);
  c.secure_cookies = t["server"]["secure_cookies"].value_or(c.secure_cookies);
  c.access_log = t["server"]["access_log"].value_or(c.access_log);
  c.access_log_dir = t["server"]["access_log_dir"].value_or(c.access_log_dir.string());
  c.access_log_days = t["server"]["access_log_days"].value_or(c.access_log_days);
  c.metrics_token = t["server"]["metrics_token"].value_or(c.metrics_token);
  c.server.max_connections_per_ip =
      t["server"]["max_connections_per_ip"].value_or(c.server.max_connections_per_ip);
  if (auto* proxies = t["server"]["trusted_proxies"].as_array()) {
    c.server.trusted_proxies.clear();
    for (const auto& entry : *proxies) {
      auto text = entry.value<std::string>();
      if (!text) throw std::runtime_error("server.trusted_proxies must be a list of addresses or networks");
      c.server.trusted_proxies.push_back(*text);
    }
  }
  c.reload_templates = t["server"]["reload_templates"].value_or(c.reload_templates);
  c.database_url = t["database"]["url"].value_or(c.database_url);
  c.database_readers = t["database"]["readers"].value_or(c.database_readers);
  c.root = t["paths"]["root"].value_or(c.root.string());
  c.blob_root = t["paths"]["blobs"].value_or(c.blob_root.string());
  c.issuer_key = t["paths"]["issuer_key"].value_or(c.issuer_key.string());
  c.photo_workers = t["media"]["workers"].value_or(c.photo_workers);
  if (auto cost = t["security"]["password_cost"].value<std::string>()) c.password_cost = parse_cost(*cost);
  c.login_per_ip_per_minute = t["security"]["login_per_ip_per_minute"].value_or(c.login_per_ip_per_minute);
  c.login_per_account_per_minute =
      t["security"]["login_per_account_per_minute"].value_or(c.login_per_account_per_minute);
  c.signup_per_ip_per_hour = t["security"]["signup_per_ip_per_hour"].value_or(c.signup_per_ip_per_hour);
  c.checkout_per_hour = t["security"]["checkout_per_hour"].value_or(c.checkout_per_hour);
  c.smtp.url = t["smtp"]["url"].value_or(c.smtp.url);
  c.smtp.user = t["smtp"]["user"].value_or(c.smtp.user);
  c.smtp.password = t["smtp"]["password"].value_or(c.smtp.password);
  c.smtp.from = t["smtp"]["from"].value_or(c.smtp.from);
  c.bank_account = t["payments"]["bank_account"].value_or(c.bank_account);
  auto toss = t["payments"]["toss"];
  c.toss.api_url = toss["api_url"].value_or(c.toss.api_url);
  c.toss.client_key = toss["client_key"].value_or(c.toss.client_key);
  c.toss.secret_key = toss["secret_key"].value_or(c.toss.secret_key);
  c.toss.window_url = toss["window_url"].value_or(c.toss.window_url);
  c.toss.timeout_seconds = toss["timeout_seconds"].value_or(c.toss.timeout_seconds);
  if (c.toss.timeout_seconds < 1 || c.toss.timeout_seconds > 120)
    throw std::runtime_error("payments.toss.timeout_seconds must be between 1 and 120");
  c.backup.dir = t["backup"]["dir"].value_or(c.backup.dir.string());
  c.backup.every_hours = t["backup"]["every_hours"].value_or(c.backup.every_hours);
  c.backup.keep = t["backup"]["keep"].value_or(c.backup.keep);
  if (c.backup.every_hours < 1) throw std::runtime_error("backup.every_hours must be at least 1");
  if (c.backup.keep < 1) throw std::runtime_error("backup.keep must be at least 1");
  auto live = t["live"];
  c.live.redis_url = live["redis_url"].value_or(c.live.redis_url);
  c.live.hls_dir = live["hls_dir"].value_or(c.live.hls_dir.string());
  c.live.rtmp_url = live["rtmp_url"].value_or(c.live.rtmp_url);
  c.live.callback_secret = live["callback_secret"].value_or(c.live.callback_secret);
  c.live.batch_ms = live["batch_ms"].value_or(c.live.batch_ms);
  c.cluster.name = t["cluster"]["name"].value_or(c.cluster.name);
  c.cluster.node = t["cluster"]["node"].value_or(c.cluster.node);
  if (!valid_cluster_name(c.cluster.name))
    throw std::runtime_error("cluster.name must be 1 to 40 letters, digits, '-' or '_'");
  auto marketing = t["marketing"];
  c.llm.url = marketing["llm_url"].value_or(c.llm.url);
  c.llm.model = marketing["llm_model"].value_or(c.llm.model);
  c.llm.api_key = marketing["llm_api_key"].value_or(c.llm.api_key);
  c.llm.timeout_seconds = marketing["llm_timeout_seconds"].value_or(c.llm.timeout_seconds);
  if (c.llm.timeout_seconds < 1 || c.llm.timeout_seconds > 600)
    throw std::runtime_error("marketing.llm_timeout_seconds must be between 1 and 600");
}

bool valid_cluster_name(std::string_view name) {
  return !name.empty() && name.size() <= 40 && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
  });
}

void apply_env(Config& c) {
  auto env = [](const char* name) -> const char* {
    const char* v = std::getenv(name);
    return v && *v ? v : nullptr;
  };
  auto number = [](const char* name, const char* v) {
    try {
      return std::stoi(v);
    } catch (const std::exception&) {
      throw std::runtime_error(std::string(name) + " must be a number");
    }
  };
  if (auto v = env("BRILLIANT_DB")) c.database_url = v;
  if (auto v = env("BRILLIANT_HOST")) c.server.host = v;
  if (auto v = env("BRILLIANT_PORT"))
    c.server.port = static_cast<unsigned short>(number("BRILLIANT_PORT", v));
  if (auto v = env("BRILLIANT_ROOT")) c.root = v;
  if (auto v = env("BRILLIANT_BLOBS")) c.blob_root = v;
  if (auto v = env("BRILLIANT_ISSUER_KEY")) c.issuer_key = v;
  if (auto v = env("BRILLIANT_BASE_URL")) c.base_url = v;
  if (auto v = env("BRILLIANT_SMTP_URL")) c.smtp.url = v;
  if (auto v = env("BRILLIANT_SMTP_USER")) c.smtp.user = v;
  if (auto v = env("BRILLIANT_SMTP_PASSWORD")) c.smtp.password = v;
  if (auto v = env("BRILLIANT_PASSWORD_COST")) c.password_cost = parse_cost(v);
  if (auto v = env("BRILLIANT_METRICS_TOKEN")) c.metrics_token = v;
  if (auto v = env("BRILLIANT_ACCESS_LOG")) c.access_log = std::string(v) != "0" && std::string(v) != "false";
  if (auto v = env("BRILLIANT_ACCESS_LOG_DIR")) c.access_log_dir = v;
  if (auto v = env("BRILLIANT_IO_THREADS")) c.server.io_threads = number("BRILLIANT_IO_THREADS", v);
  if (auto v = env("BRILLIANT_POOL_THREADS")) c.server.pool_threads = number("BRILLIANT_POOL_THREADS", v);
  if (auto v = env("BRILLIANT_WRITE_POOL_THREADS"))
    c.server.write_pool_threads = number("BRILLIANT_WRITE_POOL_THREADS", v);
  if (auto v = env("BRILLIANT_TOSS_API_URL")) c.toss.api_url = v;
  if (auto v = env("BRILLIANT_TOSS_CLIENT_KEY")) c.toss.client_key = v;
  if (auto v = env("BRILLIANT_TOSS_SECRET_KEY")) c.toss.secret_key = v;
  if (auto v = env("BRILLIANT_TOSS_WINDOW_URL")) c.toss.window_url = v;
  if (auto v = env("BRILLIANT_BACKUP_DIR")) c.backup.dir = v;
  if (auto v = env("BRILLIANT_REDIS_URL")) c.live.redis_url = v;
  if (auto v = env("BRILLIANT_LIVE_HLS_DIR")) c.live.hls_dir = v;
  if (auto v = env("BRILLIANT_LIVE_RTMP_URL")) c.live.rtmp_url = v;
  if (auto v = env("BRILLIANT_LIVE_CALLBACK_SECRET")) c.live.callback_secret = v;
  if (auto v = env("BRILLIANT_CLUSTER")) {
    if (!valid_cluster_name(v))
      throw std::runtime_error("BRILLIANT_CLUSTER must be 1 to 40 letters, digits, '-' or '_'");
    c.cluster.name = v;
  }
  if (auto v = env("BRILLIANT_NODE")) c.cluster.node = v;
  if (auto v = env("BRILLIANT_TRUSTED_PROXIES")) {  // "127.0.0.1,10.0.0.0/8"
    c.server.trusted_proxies.clear();
    std::string_view rest = v;
    while (!rest.empty()) {
      const auto comma = rest.find(',');
      if (auto item = rest.substr(0, comma); !item.empty()) c.server.trusted_proxies.emplace_back(item);
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
  }
  if (auto v = env("BRILLIANT_LLM_URL")) c.llm.url = v;
  if (auto v = env("BRILLIANT_LLM_MODEL")) c.llm.model = v;
  if (auto v = env("BRILLIANT_LLM_API_KEY")) c.llm.api_key = v;
}

ops::Places places_of(const Config& c) {
  return {c.database_url, c.blob_root,
          c.issuer_key.empty() ? c.blob_root.parent_path() / "issuer.key" : c.issuer_key};
}

}  // namespace brilliant::app
