// A campaign to a large segment (issue 13; floor: 100,000 mails queued in under 10 s). Makes CUSTOMERS
// shopper accounts who agreed to marketing, a segment of them all, and a campaign with an A/B test, then
// times Campaigns::send: the customers scored and selected, a recipient row with its token and a rendered
// mail (text and HTML) per person, all queued in the outbox in one transaction.
// Usage: campaign_bench [CUSTOMERS, default 100000] [DB URL, default a temporary SQLite file]
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "app/app.hpp"
#include "bench_app.hpp"
#include "core/secret.hpp"
#include "db/database.hpp"
#include "marketing/customer_repo.hpp"

using namespace brilliant;

int main(int argc, char** argv) {
  const long long customers = argc > 1 ? std::atoll(argv[1]) : 100000;
  const bench::BenchFolder folder("campaign");
  auto config = folder.config(argc > 2 ? argv[2] : nullptr);
  config.password_cost = accounts::Cost::minimum;
  SystemClock clock;
  {
    app::App app(config, clock);
    app.migrate();
    const auto now = format_utc(clock.now());
    const auto setup = std::chrono::steady_clock::now();
    long long segment = 0;
    app.database().write([&](soci::session& sql) {
      long long id = 0;
      std::string email, name = "고객";
      soci::statement user =
          (sql.prepare << "INSERT INTO users (email, name, password_hash, created_at, "
                          "updated_at) VALUES (:e, :n, '!', :c, :u) RETURNING id",
           soci::use(email), soci::use(name), soci::use(now), soci::use(now), soci::into(id));
      soci::statement role = (sql.prepare << "INSERT INTO user_roles (user_id, role, created_at) VALUES (:u, "
                                             "'shopper', :c)",
                              soci::use(id), soci::use(now));
      soci::statement consent =
          (sql.prepare << "INSERT INTO consents (user_id, item, version, agreed, source, "
                          "created_at) VALUES (:u, 'marketing', 'bench', 1, 'signup', :c)",
           soci::use(id), soci::use(now));
      for (long long i = 0; i < customers; ++i) {
        email = "customer" + std::to_string(i) + "@bench.example";
        user.execute(true);
        role.execute(true);
        consent.execute(true);
      }
      segment = marketing::repo::save_segment(sql, "all", "marketing = yes", id, now);
    });
    const double setup_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - setup).count();
    auto operator_id = app.database().read([](soci::session& sql) {
      long long id = 0;
      sql << "SELECT MIN(id) FROM users", soci::into(id);
      return id;
    });
    auto made = app.campaigns().create({.name = "bench",
                                        .subject_a = "겨울 반지",
                                        .body_a = "{name} 님,\n\n새 반지를 보세요.",
                                        .subject_b = "{name} 님께 어울릴 반지",
                                        .link_path = "/shop",
                                        .coupon_code = "WELCOME10",
                                        .segment_id = segment},
                                       operator_id);
    if (!made) {
      std::fprintf(stderr, "campaign: %s\n", made.error().message.c_str());
      return 1;
    }
    const auto start = std::chrono::steady_clock::now();
    auto sent = app.campaigns().send(made->id);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!sent) {
      std::fprintf(stderr, "send: %s\n", sent.error().message.c_str());
      return 1;
    }
    if (sent->status != "sent") {
      std::fprintf(stderr, "it is night in Seoul: the campaign was scheduled for 08:00, run again by day\n");
      return 1;
    }
    std::printf("campaign to %lld customers (%s): %lld mails queued in %.2f s (%.0f mails/s); setup %.1f s\n",
                customers, app.database().backend() == db::Backend::sqlite ? "SQLite" : "PostgreSQL",
                sent->recipients, seconds, sent->recipients / seconds, setup_s);
  }
  return 0;
}
