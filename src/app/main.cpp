// brilliant: serve | migrate | seed-demo | reprice | verify | user add | backup | restore | check
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "app/app.hpp"
#include "app/seed.hpp"
#include "app/tuning.hpp"
#include "db/database.hpp"
#include "ops/backup.hpp"
#include "ops/check.hpp"
#include "ops/migrate_to.hpp"
#include "trust/verify.hpp"

using namespace brilliant;

namespace {

// What the command line says.
struct Options {
  std::string config_file, db_url, host, root;
  std::optional<int> port;  // 0: a free port of the system's choosing (printed)
  bool no_demo = false;
  int demo_products = 300;
  std::string email, name, role = "shopper", workshop, password;  // user add
  std::string credential, proof, key;                             // verify
  std::vector<std::string> photos;                                // verify (evidence)
  std::string backup_dir;                                         // backup, restore
  std::string target_url;                                         // migrate-to
  int keep = 0;                                                   // backup
};

void describe(CLI::App& cli, Options& o) {
  cli.require_subcommand(1);
  cli.fallthrough();  // global options may follow the subcommand
  cli.add_option("--config", o.config_file, "TOML settings file");
  cli.add_option("--db", o.db_url, "database: sqlite:PATH or postgresql://...");
  cli.add_option("--host", o.host, "address to listen on");
  cli.add_option("--port", o.port, "port to listen on (0: any free port, printed)")
      ->check(CLI::Range(0, 65535));
  cli.add_option("--root", o.root, "folder holding templates/, static/, locales/, migrations/");
  auto* serve = cli.add_subcommand("serve", "migrate, load demo data on first start, and serve HTTP");
  serve->add_flag("--no-demo", o.no_demo, "do not load demo data into an empty database");
  serve->add_option("--demo-products", o.demo_products, "how many demo products on first start");
  cli.add_subcommand("migrate", "apply pending database migrations");
  auto* seed = cli.add_subcommand("seed-demo", "load demo data into an empty database");
  seed->add_option("--products", o.demo_products, "how many demo products (e.g. 10000 for benchmarks)");
  cli.add_subcommand("reprice", "recompute every formula price from the current metal quotes");
  auto* verify =
      cli.add_subcommand("verify", "check a downloaded certificate or an order's evidence offline");
  verify
      ->add_option("file", o.credential, "a certificate's credential.json, or an order's evidence proof.json")
      ->required();
  verify->add_option("--proof", o.proof,
                     "a certificate's proof.json (its inclusion in the transparency log)");
  verify->add_option("--key", o.key, "the issuer's public key (z6Mk..., from /.well-known/did.json)");
  verify->add_option("--photo", o.photos, "evidence photos downloaded from the order's evidence page");
  auto* backup = cli.add_subcommand("backup", "take a consistent backup while the server runs");
  backup->add_option("dir", o.backup_dir, "backup folder (one snapshot folder per backup, blobs shared)")
      ->required();
  backup->add_option("--keep", o.keep, "then keep only the newest N snapshots");
  auto* restore = cli.add_subcommand("restore", "restore a backup into an empty database and blob folder");
  restore->add_option("dir", o.backup_dir, "a snapshot folder, or a backup folder (its newest snapshot)")
      ->required();
  cli.add_subcommand("check", "check the database's integrity and that every referenced blob is whole");
  cli.add_subcommand("migrate-to",
                     "copy this SQLite hub into a new PostgreSQL database and verify every table")
      ->add_option("url", o.target_url, "postgresql://user@host:port/database (empty of people and orders)")
      ->required();
  auto* user = cli.add_subcommand("user", "manage accounts");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "add a user or grant a role to an existing one");
  user_add->add_option("--email", o.email, "email address")->required();
  user_add->add_option("--name", o.name, "display name");
  user_add->add_option("--role", o.role, "shopper|vendor_staff|operator|auditor|station_staff|buyer");
  user_add->add_option("--workshop", o.workshop, "workshop slug (vendor_staff)");
  user_add->add_option("--password", o.password, "password (prompted when absent)");
}

app::Config config_of(const Options& o) {
  app::Config config;
  if (!o.config_file.empty()) app::apply_toml(config, o.config_file);
  app::apply_env(config);
  if (!o.db_url.empty()) config.database_url = o.db_url;
  if (!o.host.empty()) config.server.host = o.host;
  if (o.port) config.server.port = static_cast<unsigned short>(*o.port);
  if (!o.root.empty()) config.root = o.root;
  return config;
}

int add_user(app::App& app, Options& o) {
  web::Role parsed;
  if (!web::parse_role(o.role, parsed)) {
    std::cerr << "error: --role: unknown role '" << o.role << "'\n";
    return 2;
  }
  if (o.password.empty()) {
    std::cerr << "password: ";
    std::getline(std::cin, o.password);
  }
  auto added = app.accounts().add_user(
      {o.email, o.name.empty() ? o.email.substr(0, o.email.find('@')) : o.name, o.password, "ko"}, parsed,
      o.workshop);
  if (!added) {
    std::cerr << "error: --" << added.error().field << ": " << added.error().message << "\n";
    return 2;
  }
  std::cout << "user " << added->email << " (id " << added->id << ") now has role " << o.role << "\n";
  return 0;
}

int serve(app::App& app, const app::Config& config, const Options& o) {
  std::vector<app::DemoLogin> logins;
  if (!o.no_demo) logins = app::seed_demo(app, o.demo_products);
  app::keep_freed_memory();  // the serving process's allocator setting (app/tuning.hpp)
  const auto bound = app.start();
  std::cout << "\n  Brilliant is running at http://" << config.server.host << ":" << bound << "/\n";
  if (!logins.empty()) {
    std::cout << "  Demo logins (password \"" << app::demo_password << "\"):\n";
    for (const auto& login : logins) std::cout << "    " << login.role << "\t" << login.email << "\n";
  }
  std::cout << "  Press Ctrl-C to stop.\n" << std::endl;
  app.run_until_signal();
  spdlog::info("stopped");
  return 0;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Offline: needs no database, no server, nothing of ours but the issuer's key.
int verify(const Options& o) {
  const auto file = read_file(o.credential);
  std::vector<std::pair<std::string, std::string>> photos;
  for (const auto& path : o.photos) photos.emplace_back(path, read_file(path));
  // An order's evidence bundle lists its entries; a certificate is a credential with a proof.
  const bool evidence = file.find("\"BrilliantOrderEvidence\"") != std::string::npos;
  const auto result = evidence
                          ? trust::verify_evidence(file, o.key, photos)
                          : trust::verify_credential(file, o.proof.empty() ? "" : read_file(o.proof), o.key);
  for (const auto& check : result.checks)
    std::cout << (check.ok ? "ok    " : "FAILED") << "  " << check.name << ": " << check.detail << "\n";
  std::cout << (result.ok() ? "verified\n" : "NOT verified\n");
  return result.ok() ? 0 : 1;
}

int backup(const app::Config& config, const Options& o) {
  SystemClock clock;
  auto database = db::Database::open(config.database_url, 2);
  const auto report = ops::take_backup(*database, app::places_of(config), o.backup_dir, clock);
  std::cout << "backup " << report.folder.string() << ": " << report.manifest.tables.size() << " tables, "
            << report.manifest.blobs.size() << " blobs (" << report.blobs_copied << " new)\n";
  if (o.keep > 0) std::cout << "removed " << ops::prune_backups(o.backup_dir, o.keep) << " older backup(s)\n";
  for (const auto& problem : report.problems) std::cout << "NOT SAVED  " << problem << "\n";
  return report.problems.empty() ? 0 : 1;
}

int restore(const app::Config& config, const Options& o) {
  const auto restored = ops::restore_backup(o.backup_dir, app::places_of(config));
  if (!restored) {
    std::cerr << "error: " << restored.error().message << "\n";
    return 1;
  }
  long long rows = 0;
  for (const auto& t : restored->tables) rows += t.rows;
  std::cout << "restored the backup of " << restored->created_at << ": " << restored->tables.size()
            << " tables, " << rows << " rows, " << restored->blobs.size() << " blobs, all checksums match\n";
  return 0;
}

int check(const app::Config& config) {
  auto database = db::Database::open(config.database_url, 2);
  const auto report = ops::check_installation(*database, config.blob_root);
  for (const auto& problem : report.problems) std::cout << "PROBLEM  " << problem << "\n";
  std::cout << (report.ok() ? "ok" : "NOT ok") << ": " << report.tables << " tables, " << report.rows
            << " rows, " << report.blobs << " referenced blobs checked\n";
  return report.ok() ? 0 : 1;
}

// Every table copied and compared: row counts and checksums on both sides.
int migrate_to(const app::Config& config, const Options& o) {
  auto from = db::Database::open(config.database_url, 2);
  auto to = db::Database::open(o.target_url, 2);
  const auto copied = ops::copy_database(*from, *to, config.root / "migrations");
  if (!copied) {
    std::cerr << "error: " << copied.error().message << "\n";
    return 2;
  }
  long long rows = 0;
  for (const auto& t : copied->tables) {
    rows += t.source_rows;
    std::cout << (t.matches() ? "ok        " : "DIFFERENT ") << t.table << ": " << t.source_rows << " -> "
              << t.target_rows << " rows, checksum " << t.source_checksum.substr(0, 16) << " -> "
              << t.target_checksum.substr(0, 16) << "\n";
  }
  for (const auto& t : copied->skipped) std::cout << "skipped   " << t << " (this installation's own)\n";
  std::cout << (copied->ok() ? "copied and verified: " : "NOT verified: ") << copied->tables.size()
            << " tables, " << rows << " rows\n";
  return copied->ok() ? 0 : 1;
}

int run(const CLI::App& cli, Options& o) {
  if (cli.got_subcommand("verify")) return verify(o);
  const auto config = config_of(o);
  // These never migrate or create anything in the installation they read.
  if (cli.got_subcommand("backup")) return backup(config, o);
  if (cli.got_subcommand("restore")) return restore(config, o);
  if (cli.got_subcommand("check")) return check(config);
  if (cli.got_subcommand("migrate-to")) return migrate_to(config, o);
  SystemClock clock;
  app::App app(config, clock);
  const int applied = app.migrate();
  if (cli.got_subcommand("migrate")) {
    std::cout << "applied " << applied << " migration(s)\n";
    return 0;
  }
  if (cli.got_subcommand("seed-demo")) {
    for (const auto& login : app::seed_demo(app, o.demo_products))
      std::cout << login.role << ": " << login.email << "\n";
    return 0;
  }
  if (cli.got_subcommand("reprice")) {
    auto report = app.quotes().reprice();
    std::cout << "repriced " << report.products << " products and " << report.variants << " variants in "
              << static_cast<long long>(report.seconds * 1000.0 + 0.5) << " ms (" << report.refused
              << " refused)\n";
    return 0;
  }
  if (cli.got_subcommand("user")) return add_user(app, o);
  return serve(app, config, o);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Brilliant: the joint-brand commerce platform of the Iksan jewelry cluster"};
  Options options;
  describe(cli, options);
  CLI11_PARSE(cli, argc, argv);
  try {
    return run(cli, options);
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
}
