#include "app/seed_customers.hpp"

#include <spdlog/spdlog.h>

#include <random>

#include "app/seed.hpp"
#include "catalog/views.hpp"
#include "core/secret.hpp"
#include "db/database.hpp"
#include "legal/business.hpp"
#include "marketing/campaign_rules.hpp"
#include "marketing/customer_repo.hpp"
#include "orders/checkout.hpp"
#include "vendors/brand/brand.hpp"

namespace brilliant::app {
namespace {

constexpr char domain[] = "@customers.brilliant.example";

struct Piece {
  long long product_id = 0, variant_id = 0, workshop_id = 0, price = 0;
  std::string slug, sku, title_ko, title_en, category;
  int commission_bp = 0;  // the brand's rate for its workshop and category, as a placed order keeps it
  std::string variant_ko, variant_en;  // the option as a placed order names it ("기본", "13호 · US 6.5")
};

// The first pieces on sale with a fixed variant to sell.
std::vector<Piece> pieces_of(App& app, size_t most) {
  std::vector<Piece> out;
  const auto rates = app.brand().current()->rates;
  const web::I18n words(app.config().root / "locales");
  const auto label = [&](const catalog::Product& p, const std::string& locale) {
    return catalog::option_label(p, p.variants.front(), locale,
                                 [&](const std::string& key) { return words.text(locale, key); });
  };
  for (const auto& card : app.catalog().snapshot()->cards) {
    if (out.size() >= most) break;
    auto product = app.catalog().product(card.slug);
    if (!product || product->variants.empty() || card.price <= 0) continue;
    out.push_back({product->id, product->variants.front().id, product->workshop_id, card.price, card.slug,
                   product->variants.front().sku, card.title_ko, card.title_en, card.category,
                   vendors::commission_bp(rates, product->workshop_id, card.category).value_or(0),
                   label(*product, "ko"), label(*product, "en")});
  }
  return out;
}

struct DemoOrder {
  long long user_id = 0;
  std::string name;
  TimePoint at;
  const Piece* piece = nullptr;
  orders::Attribution utm;
};

// A paid order of one piece, delivered and confirmed a week after it was paid (or by now).
void insert_order(soci::session& sql, const DemoOrder& o, TimePoint now) {
  const auto at = format_utc(o.at), paid = format_utc(o.at + std::chrono::hours(1));
  const auto done = format_utc(std::min(now, o.at + std::chrono::hours(24 * 7)));
  const auto number =
      orders::order_number(format_seoul(o.at).substr(0, 10), random_code(8, orders::order_alphabet));
  const auto key = "demo-" + random_token(12);
  const auto pay_by = format_utc(o.at + std::chrono::hours(72));
  const auto& p = *o.piece;
  long long order_id = 0, parcel_id = 0;
  sql << "INSERT INTO orders (number, user_id, checkout_key, request_hash, status, payment_method, subtotal, "
         "shipping_fee, total, recipient, phone, postcode, address, locale, pay_by, paid_at, created_at, "
         "updated_at, "
         "utm_source, utm_medium, utm_campaign, utm_content) VALUES (:n, :u, :k, '', 'paid', "
         "'bank_transfer', :s, 0, "
         ":t, :r, '010-0000-0000', '54538', '전북 익산시 데모로 1', 'ko', :pb, :pa, :c, :up, :us, :um, :uc, "
         ":ut) "
         "RETURNING id",
      soci::use(number), soci::use(o.user_id), soci::use(key), soci::use(p.price), soci::use(p.price),
      soci::use(o.name), soci::use(pay_by), soci::use(paid), soci::use(at), soci::use(done),
      soci::use(o.utm.source), soci::use(o.utm.medium), soci::use(o.utm.campaign), soci::use(o.utm.content),
      soci::into(order_id);
  sql << "INSERT INTO fulfilments (order_id, workshop_id, status, subtotal, shipping_fee, carrier, tracking, "
         "shipped_at, delivered_at, confirmed_at, created_at, updated_at) VALUES (:o, :w, 'confirmed', :s, "
         "0, 'cj', "
         "'600000000000', :sh, :d, :cf, :c, :u) RETURNING id",
      soci::use(order_id), soci::use(p.workshop_id), soci::use(p.price), soci::use(paid), soci::use(done),
      soci::use(done), soci::use(at), soci::use(done), soci::into(parcel_id);
  sql << "INSERT INTO order_lines (order_id, fulfilment_id, product_id, variant_id, slug, title_ko, "
         "title_en, variant_ko, variant_en, sku, quantity, reserved, unit_price, line_total, pricing, "
         "category, commission_bp, created_at) VALUES "
         "(:o, :f, :p, :v, :sl, :tk, :te, :vk, :ve, :sku, 1, 0, :u, :lt, 'fixed', :cat, :bp, :c)",
      soci::use(order_id), soci::use(parcel_id), soci::use(p.product_id), soci::use(p.variant_id),
      soci::use(p.slug), soci::use(p.title_ko), soci::use(p.title_en), soci::use(p.variant_ko),
      soci::use(p.variant_en), soci::use(p.sku), soci::use(p.price), soci::use(p.price),
      soci::use(p.category), soci::use(p.commission_bp), soci::use(at);
}

}  // namespace

int seed_customers(App& app, const std::string& operator_email, int customers) {
  auto& db = app.database();
  const bool seeded = db.read([](soci::session& sql) {
    int n = 0;
    const std::string like = std::string("%") + domain;
    sql << "SELECT COUNT(*) FROM users WHERE email LIKE :d", soci::use(like), soci::into(n);
    return n > 0;
  });
  const auto pieces = pieces_of(app, 40);
  if (seeded || pieces.empty()) return 0;
  const long long by = demo_user_id(app, operator_email);
  const TimePoint now = app.clock().now();
  const auto day = std::chrono::hours(24);
  std::mt19937_64 rng(2026);
  const auto pick = [&](long long n) {
    return static_cast<long long>(rng() % static_cast<unsigned long long>(n));
  };
  const char* families[] = {"김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오"};
  const char* givens[] = {"지민", "서연", "하은", "민준", "수아", "지우",
                          "예린", "도윤", "채원", "유나", "서준", "다인"};
  const char* sources[] = {"", "", "", "", "instagram", "instagram", "naver", "naver", "kakao", "mail"};
  int orders = 0;
  db.write([&](soci::session& sql) {
    std::vector<DemoOrder> history;
    std::vector<std::pair<long long, std::string>> agreed;  // who may receive the campaign
    for (int i = 0; i < customers; ++i) {
      const std::string email = "customer" + std::to_string(i + 1) + domain;
      const std::string name = std::string(families[pick(12)]) + givens[pick(12)];
      const TimePoint joined = now - day * (30 + pick(370));
      const auto joined_at = format_utc(joined);
      long long id = 0;
      sql << "INSERT INTO users (email, name, password_hash, created_at, updated_at) VALUES (:e, :n, '!', "
             ":c, :u) "
             "RETURNING id",
          soci::use(email), soci::use(name), soci::use(joined_at), soci::use(joined_at), soci::into(id);
      sql << "INSERT INTO user_roles (user_id, role, created_at) VALUES (:u, 'shopper', :c)", soci::use(id),
          soci::use(joined_at);
      const int marketing = pick(10) < 7;
      const std::string version(legal::privacy_version);
      sql << "INSERT INTO consents (user_id, item, version, agreed, source, created_at) VALUES (:u, "
             "'marketing', "
             ":v, :a, 'signup', :c)",
          soci::use(id), soci::use(version), soci::use(marketing), soci::use(joined_at);
      if (marketing) agreed.push_back({id, name});
      // Six in ten looked at pieces lately: a few pieces on a few days of the last month.
      if (pick(10) < 6)
        for (long long v = 0, looks = 1 + pick(4); v < looks; ++v) {
          const auto& piece = pieces[static_cast<size_t>(pick(static_cast<long long>(pieces.size())))];
          const auto view_day = format_seoul(now - day * (1 + pick(30))).substr(0, 10);
          const long long times = 1 + pick(3);
          sql << "INSERT INTO customer_views (user_id, product_id, day, views) VALUES (:u, :p, :d, :v) "
                 "ON CONFLICT (user_id, product_id, day) DO UPDATE SET views = customer_views.views + "
                 "excluded.views",
              soci::use(id), soci::use(piece.product_id), soci::use(view_day), soci::use(times);
        }
      // Most buy once or twice a year; some are regulars; a quarter have not bought yet.
      const long long roll = pick(100);
      const long long count = roll < 25 ? 0 : roll < 60 ? 1 : roll < 80 ? 2 : 3 + pick(4);
      const auto span = std::chrono::duration_cast<std::chrono::hours>(now - joined).count() / 24;
      for (long long k = 0; k < count; ++k) {
        const auto& piece = pieces[static_cast<size_t>(pick(static_cast<long long>(pieces.size())))];
        const std::string source = sources[pick(10)];
        history.push_back({id,
                           name,
                           now - day * pick(std::max(1L, span)) - std::chrono::hours(pick(12)),
                           &piece,
                           {source,
                            source.empty()      ? ""
                            : source == "mail"  ? "email"
                            : source == "naver" ? "shopping_feed"  // from the Naver Shopping feed's link
                                                : "social",
                            "", ""}});
      }
    }
    for (const auto& o : history) insert_order(sql, o, now);
    orders = static_cast<int>(history.size());
    // A month of piece views, for the dashboard's funnel (today's are counted live).
    for (int d = 1; d <= 30; ++d) {
      const auto view_day = format_seoul(now - day * d).substr(0, 10);
      for (const auto& piece : pieces) {
        const long long views = 5 + pick(40);
        sql << "INSERT INTO product_views (product_id, day, views) SELECT :p, :d, :v WHERE NOT EXISTS "
               "(SELECT 1 FROM "
               "product_views WHERE product_id = :p2 AND day = :d2)",
            soci::use(piece.product_id), soci::use(view_day), soci::use(views), soci::use(piece.product_id),
            soci::use(view_day);
      }
    }
    // A month of visits by traffic source, for the dashboard's sources and their conversion.
    const std::pair<const char*, long long> traffic[] = {{"direct", 140}, {"naver", 110}, {"instagram", 70},
                                                         {"kakao", 35},   {"google", 25}, {"mail", 8}};
    for (int d = 1; d <= 30; ++d) {
      const auto visit_day = format_seoul(now - day * d).substr(0, 10);
      for (const auto& [source, typical] : traffic) {
        const std::string name(source);
        const long long n = typical / 2 + pick(typical);
        sql << "INSERT INTO visits (day, source, visits) VALUES (:d, :s, :n) ON CONFLICT (day, source) DO "
               "NOTHING",
            soci::use(visit_day), soci::use(name), soci::use(n);
      }
    }
    const auto at = format_utc(now);
    const long long segment =
        marketing::repo::save_segment(sql, "마케팅 동의 고객", "marketing = yes", by, at);
    marketing::repo::save_segment(sql, "금을 두 번 이상 산 고객", "metal = gold\norders >= 2", by, at);
    marketing::repo::save_segment(sql, "이탈 위험 고객", "group = at_risk", by, at);
    marketing::repo::save_segment(sql, "반지를 세 번 넘게 보고 사지 않은 고객",
                                  "viewed_category = ring\nviews >= 3\ncategory != ring", by, at);
    // A finished A/B campaign three weeks ago: its opens, clicks and the orders it brought.
    const TimePoint sent = now - day * 21;
    const auto sent_at = format_utc(sent);
    const long long recipients = static_cast<long long>(agreed.size());
    long long campaign = 0;
    const std::string body_a = "{name} 님,\n\n익산 공방들의 가을 신상 반지를 소개합니다.",
                      body_b = "{name} 님,\n\n손에 어울리는 가을 반지를 골라 보세요.";
    sql << "INSERT INTO campaigns (name, segment_id, rules, subject_a, body_a, subject_b, body_b, link_path, "
           "coupon_code, status, scheduled_at, sent_at, recipients, created_by, created_at) VALUES ('가을 "
           "신상 반지 "
           "A/B', :s, 'marketing = yes', '가을 신상 반지가 나왔어요', :b, '{name} 님을 위한 가을 반지', :b2, "
           "'/shop?category=ring', 'WELCOME10', 'sent', '', :sa, :n, :by, :c) RETURNING id",
        soci::use(segment), soci::use(body_a), soci::use(body_b), soci::use(sent_at), soci::use(recipients),
        soci::use(by), soci::use(sent_at), soci::into(campaign);
    for (const auto& [user, name] : agreed) {
      const auto token = random_token(18);
      const char variant = marketing::variant_of(token);
      const bool b = variant == 'b';
      const bool opened = pick(100) < (b ? 52 : 44), clicked = opened && pick(100) < (b ? 30 : 20);
      const auto when = format_utc(sent + std::chrono::hours(1 + pick(48)));
      soci::indicator open_ind = opened ? soci::i_ok : soci::i_null,
                      click_ind = clicked ? soci::i_ok : soci::i_null;
      const std::string v(1, variant);
      sql << "INSERT INTO campaign_recipients (campaign_id, user_id, variant, token, opened_at, clicked_at) "
             "VALUES "
             "(:c, :u, :v, :t, :o, :k)",
          soci::use(campaign), soci::use(user), soci::use(v), soci::use(token), soci::use(when, open_ind),
          soci::use(when, click_ind);
      if (clicked && pick(100) < 35) {
        const auto& piece = pieces[static_cast<size_t>(pick(static_cast<long long>(pieces.size())))];
        insert_order(sql,
                     {user,
                      name,
                      sent + std::chrono::hours(2 + pick(72)),
                      &piece,
                      {"mail", "email", "campaign-" + std::to_string(campaign), v}},
                     now);
        ++orders;
      }
    }
  });
  spdlog::info("demo customers: {} accounts, {} paid orders, a finished campaign", customers, orders);
  return orders;
}

}  // namespace brilliant::app
