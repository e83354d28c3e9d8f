#include "app/config.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

namespace brilliant::app {

TEST(Config, TomlThenEnvironment) {
  auto file = std::filesystem::temp_directory_path() / ("cfg-" + std::to_string(::getpid()) + ".toml");
  std::ofstream(file) << "[server]\nport = 9000\nhost = \"0.0.0.0\"\naccess_log_dir = \"var/log\"\n"
                         "access_log_days = 100\n[database]\nurl = \"sqlite:x.db\"\n"
                         "[security]\npassword_cost = \"minimum\"\n";
  Config config;
  apply_toml(config, file);
  EXPECT_EQ(config.server.port, 9000);
  EXPECT_EQ(config.server.host, "0.0.0.0");
  EXPECT_EQ(config.database_url, "sqlite:x.db");
  EXPECT_EQ(config.password_cost, accounts::Cost::minimum);
  EXPECT_EQ(config.access_log_dir, "var/log");
  EXPECT_EQ(config.access_log_days, 100);
  setenv("BRILLIANT_ACCESS_LOG_DIR", "/var/log/brilliant", 1);
  apply_env(config);
  EXPECT_EQ(config.access_log_dir, "/var/log/brilliant");
  unsetenv("BRILLIANT_ACCESS_LOG_DIR");
  setenv("BRILLIANT_PORT", "9100", 1);
  setenv("BRILLIANT_DB", "postgresql://localhost/b", 1);
  apply_env(config);
  EXPECT_EQ(config.server.port, 9100);
  EXPECT_EQ(config.database_url, "postgresql://localhost/b");
  setenv("BRILLIANT_PORT", "abc", 1);
  EXPECT_THROW(apply_env(config), std::runtime_error);
  unsetenv("BRILLIANT_PORT");
  unsetenv("BRILLIANT_DB");
  std::filesystem::remove(file);
}

TEST(Config, BadValuesNameTheKey) {
  auto file = std::filesystem::temp_directory_path() / ("cfg2-" + std::to_string(::getpid()) + ".toml");
  std::ofstream(file) << "[security]\npassword_cost = \"weak\"\n";
  Config config;
  try {
    apply_toml(config, file);
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("password_cost"), std::string::npos);
  }
  std::ofstream(file) << "[server\n";
  EXPECT_THROW(apply_toml(config, file), std::runtime_error);
  std::filesystem::remove(file);
}

TEST(Config, ClusterAndTrustedProxies) {
  auto file = std::filesystem::temp_directory_path() / ("cfg3-" + std::to_string(::getpid()) + ".toml");
  std::ofstream(file) << "[server]\ntrusted_proxies = [\"127.0.0.1\", \"10.0.0.0/8\"]\n"
                         "[cluster]\nname = \"iksan\"\nnode = \"web-1\"\n";
  Config config;
  EXPECT_EQ(config.cluster.name, "brilliant");
  apply_toml(config, file);
  EXPECT_EQ(config.server.trusted_proxies, (std::vector<std::string>{"127.0.0.1", "10.0.0.0/8"}));
  EXPECT_EQ(config.cluster.name, "iksan");
  EXPECT_EQ(config.cluster.node, "web-1");
  setenv("BRILLIANT_TRUSTED_PROXIES", "10.1.0.1,,fd00::/8", 1);
  setenv("BRILLIANT_NODE", "web-2", 1);
  apply_env(config);
  EXPECT_EQ(config.server.trusted_proxies, (std::vector<std::string>{"10.1.0.1", "fd00::/8"}));
  EXPECT_EQ(config.cluster.node, "web-2");
  setenv("BRILLIANT_CLUSTER", "no spaces; please", 1);
  EXPECT_THROW(apply_env(config), std::runtime_error);
  unsetenv("BRILLIANT_CLUSTER");
  unsetenv("BRILLIANT_NODE");
  unsetenv("BRILLIANT_TRUSTED_PROXIES");
  std::ofstream(file) << "[cluster]\nname = \"\"\n";
  EXPECT_THROW(apply_toml(config, file), std::runtime_error);
  std::filesystem::remove(file);
}

TEST(Config, BackupsAndWhereTheDataLives) {
  auto file = std::filesystem::temp_directory_path() / ("cfg3-" + std::to_string(::getpid()) + ".toml");
  std::ofstream(file) << "[backup]\ndir = \"/srv/backups\"\nevery_hours = 6\nkeep = 14\n"
                         "[paths]\nblobs = \"/srv/data/blobs\"\n";
  Config config;
  apply_toml(config, file);
  EXPECT_EQ(config.backup.dir, "/srv/backups");
  EXPECT_EQ(config.backup.every_hours, 6);
  EXPECT_EQ(config.backup.keep, 14);
  EXPECT_EQ(places_of(config).issuer_key, "/srv/data/issuer.key");
  config.issuer_key = "/etc/brilliant/issuer.key";
  EXPECT_EQ(places_of(config).issuer_key, "/etc/brilliant/issuer.key");
  std::ofstream(file) << "[backup]\nkeep = 0\n";
  EXPECT_THROW(apply_toml(config, file), std::runtime_error);
  std::filesystem::remove(file);
}

}  // namespace brilliant::app
