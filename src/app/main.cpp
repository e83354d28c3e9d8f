// brilliant: serve | migrate | seed-demo | user add
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <iostream>

#include "app/app.hpp"
#include "app/seed.hpp"

using namespace brilliant;

int main(int argc, char** argv) {
  CLI::App cli{"Brilliant: the joint-brand commerce platform of the Iksan jewelry cluster"};
  cli.require_subcommand(1);
  cli.fallthrough();  // global options may follow the subcommand
  std::string config_file, db_url, host, root;
  int port = 0;
  cli.add_option("--config", config_file, "TOML settings file");
  cli.add_option("--db", db_url, "database: sqlite:PATH or postgresql://...");
  cli.add_option("--host", host, "address to listen on");
  cli.add_option("--port", port, "port to listen on");
  cli.add_option("--root", root, "folder holding templates/, static/, locales/, migrations/");

  auto* serve = cli.add_subcommand("serve", "migrate, load demo data on first start, and serve HTTP");
  bool no_demo = false;
  serve->add_flag("--no-demo", no_demo, "do not load demo data into an empty database");
  cli.add_subcommand("migrate", "apply pending database migrations");
  auto* seed = cli.add_subcommand("seed-demo", "load demo data into an empty database");
  int demo_products = 300;
  seed->add_option("--products", demo_products, "how many demo products (e.g. 10000 for benchmarks)");
  serve->add_option("--demo-products", demo_products, "how many demo products on first start");
  cli.add_subcommand("reprice", "recompute every formula price from the current metal quotes");
  auto* user = cli.add_subcommand("user", "manage accounts");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "add a user or grant a role to an existing one");
  std::string email, name, role = "shopper", workshop, password;
  user_add->add_option("--email", email, "email address")->required();
  user_add->add_option("--name", name, "display name");
  user_add->add_option("--role", role, "shopper|vendor_staff|operator|auditor|station_staff|buyer");
  user_add->add_option("--workshop", workshop, "workshop slug (vendor_staff)");
  user_add->add_option("--password", password, "password (prompted when absent)");
  CLI11_PARSE(cli, argc, argv);

  try {
    app::Config config;
    if (!config_file.empty()) app::apply_toml(config, config_file);
    app::apply_env(config);
    if (!db_url.empty()) config.database_url = db_url;
    if (!host.empty()) config.server.host = host;
    if (port) config.server.port = static_cast<unsigned short>(port);
    if (!root.empty()) config.root = root;

    SystemClock clock;
    app::App app(config, clock);
    const int applied = app.migrate();
    if (cli.got_subcommand("migrate")) {
      std::cout << "applied " << applied << " migration(s)\n";
      return 0;
    }
    if (cli.got_subcommand("seed-demo")) {
      for (const auto& login : app::seed_demo(app, demo_products))
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
    if (cli.got_subcommand("user")) {
      web::Role parsed;
      if (!web::parse_role(role, parsed)) {
        std::cerr << "error: --role: unknown role '" << role << "'\n";
        return 2;
      }
      if (password.empty()) {
        std::cerr << "password: ";
        std::getline(std::cin, password);
      }
      auto added = app.accounts().add_user(
          {email, name.empty() ? email.substr(0, email.find('@')) : name, password, "ko"}, parsed, workshop);
      if (!added) {
        std::cerr << "error: --" << added.error().field << ": " << added.error().message << "\n";
        return 2;
      }
      std::cout << "user " << added->email << " (id " << added->id << ") now has role " << role << "\n";
      return 0;
    }
    std::vector<app::DemoLogin> logins;
    if (!no_demo) logins = app::seed_demo(app, demo_products);
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
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
}
