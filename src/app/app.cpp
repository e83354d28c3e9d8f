#include "app/app.hpp"

#include "core/text.hpp"
#include "db/database.hpp"

#include "app/api_summaries.hpp"
#include "app/audit_states.hpp"
#include "app/nodes_repo.hpp"
#include "app/operator_home.hpp"
#include "app/operator_todo_repo.hpp"
#include "app/returns_wiring.hpp"
#include "app/tuning.hpp"
#include "payments/payment_events.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include <boost/json.hpp>

#include "core/secret.hpp"
#include "db/migrate.hpp"
#include "exhibitions/routes.hpp"
#include "media/routes.hpp"
#include "orders/order_views.hpp"
#include "orders/routes.hpp"
#include "orders/workshop_sales_repo.hpp"
#include "payments/views.hpp"
#include "pricing/routes.hpp"
#include "trust/key_file.hpp"
#include "trust/routes.hpp"
#include "web/openapi.hpp"

namespace brilliant::app {
using namespace std::chrono_literals;

namespace {

std::string base_url_of(const Config& config) {
  if (!config.base_url.empty()) return config.base_url;
  return "http://" + config.server.host + ":" + std::to_string(config.server.port);
}

// /metrics shows traffic and internals: with a token configured only a caller presenting it
// ("Authorization: Bearer ..."), else only callers on this machine (a scraper beside the server).
bool metrics_allowed(const web::Request& req, const std::string& token) {
  if (!token.empty()) {
    auto header = req.header("authorization");
    return header.starts_with("Bearer ") && secrets_equal(header.substr(7), token);
  }
  return req.remote_ip.starts_with("127.") || req.remote_ip == "::1";
}

}  // namespace

App::App(Config config, const Clock& clock)
    : config_(std::move(config)),
      clock_(clock),
      node_(node_name(config_)),
      database_(db::Database::open(config_.database_url, config_.database_readers)),
      i18n_(config_.root / "locales"),
      static_files_(config_.root / "static"),
      renderer_(config_.root / "templates", i18n_, static_files_,
                config_.reload_templates ? web::Reload::when_changed : web::Reload::never),
      accounts_(*database_, clock_, {.password_cost = config_.password_cost}),
      limits_{web::RateLimiter(clock_, config_.login_per_ip_per_minute, 60s),
              web::RateLimiter(clock_, config_.login_per_account_per_minute, 60s),
              web::RateLimiter(clock_, config_.signup_per_ip_per_hour, 3600s)},
      mail_sender_(*database_, clock_, config_.smtp),
      account_deps_{accounts_, renderer_,    limits_, base_url_of(config_), config_.secure_cookies,
                    24h * 30,  &mail_sender_},
      sessions_(accounts_),
      catalog_(*database_, clock_,
               [this](const std::string& locale, const std::string& key) { return i18n_.text(locale, key); }),
      quotes_(*database_, clock_, [this] { catalog_.refresh(); }),
      storefront_(catalog_, quotes_, renderer_, i18n_, base_url_of(config_)),
      applications_(*database_, clock_),
      blobs_(config_.blob_root),
      photo_pipeline_(blobs_, media::PhotoLimits{}, config_.photo_workers),
      photos_(*database_, blobs_, photo_pipeline_, clock_),
      carts_(*database_, catalog_, clock_),
      brand_(*database_, clock_),
      legal_(*database_, clock_),
      audit_(*database_, clock_),
      orders_(*database_, catalog_, carts_, brand_, clock_,
              [this](const catalog::Product& p, const catalog::Variant& v, const std::string& locale) {
                return catalog::option_label(p, v, locale, [this, &locale](const std::string& key) {
                  return renderer_.message(locale, key);
                });
              }),
      checkout_limit_(clock_, config_.checkout_per_hour, 3600s),
      booth_visitor_limit_(clock_, exhibitions::visitor_forms_burst, exhibitions::visitor_forms_period),
      settlements_(*database_),
      ledger_(*database_, clock_),
      returns_(*database_, orders_, clock_),
      staff_(*database_, clock_),
      application_files_(*database_, blobs_, clock_),
      page_views_(*database_, clock_),
      vendors_deps_{catalog_,
                    quotes_,
                    photos_,
                    blobs_,
                    *database_,
                    renderer_,
                    clock_,
                    page_views_,
                    applications_,
                    application_files_,
                    staff_,
                    brand_,
                    [this] { catalog_.refresh(); },
                    [this] {
                      use_brand_synonyms();
                      pages_changed();
                      tell_nodes("brand");
                    },
                    [this](long long workshop, const std::string& since_7, const std::string& since_30) {
                      return orders::repo::workshop_sales(*database_, workshop, since_7, since_30);
                    },
                    [this](long long product) { return eco_claim_choices(product); }} {
  watch_catalog();
  join_cluster();
  start_trust();
  // With several nodes (PostgreSQL) each period's backup is claimed; SQLite serves one node, which takes all.
  BackupSchedule::Claim backup_claim;
  if (database_->backend() == db::Backend::postgresql)
    backup_claim = [this](const std::string& slot) { return claim("backup", slot); };
  backups_ = std::make_unique<BackupSchedule>(*database_, places_of(config_), config_.backup, clock_,
                                              std::move(backup_claim));
  add_all_routes();
  renderer_.set_brand([this](const std::string& locale, boost::json::object& model) {
    auto brand = brand_.current();
    model["brand_name"] = locale == "en" ? brand->name_en : brand->name_ko;
    model["brand_css"] = "/brand.css?v=" + std::to_string(brand_.version());
    if (!brand->logo_hash.empty())
      model["brand_logo"] = "/brand/logo.png?v=" + std::to_string(brand_.version());
    model["business"] = *legal_.footer();
  });
  describe_api(router_);
  name_audit_states(router_);
  storefront_.set_generated_api(web::describe_routes(router_.routes(), "/api/v1/"),
                                api_contract(config_.root));
  std::vector<std::string> names;
  for (const auto& route : router_.routes())
    names.push_back(std::string(web::method_name(route.method)) + " " + route.pattern);
  metrics_ = std::make_unique<web::Metrics>(std::move(names));
  web::PipelineOptions options{
      config_.secure_cookies,
      config_.access_log,
      [this](const web::Request& req, const web::Route& route, int status, const web::StateChange& state) {
        audit_request(req, route, status, state);
      },
      [](const web::Request& req) { return req.user && audit::audited(req.user->roles); },
      config_.access_log_dir,
      config_.access_log_days};
  pipeline_ = std::make_unique<web::Pipeline>(router_, renderer_, static_files_, *metrics_, sessions_,
                                              std::move(options), &page_cache_);
}

App::~App() { stop(); }

// Every module's routes on the one router (the API description and metrics are made from it after).
void App::add_all_routes() {
  add_system_routes();
  add_operator_home_routes(
      router_, [this] { return operator_todo(*database_, format_seoul(clock_.now()).substr(0, 10)); },
      [this] { return backup_json(backups_->status()); }, renderer_);
  add_running_routes();  // accounts with personal data, legal pages, the audit trail (running.cpp)
  storefront_.add_routes(router_);
  pricing::add_routes(router_, {quotes_, renderer_});
  vendors::add_all_routes(router_, vendors_deps_);
  media::add_routes(router_, {photos_, renderer_});
  trust::add_routes(router_, {*log_, trust::public_multikey(issuer_key_),
                              trust::did_web(base_url_of(config_)), renderer_, clock_});
  certification::add_all_routes(router_, *certification_deps_);
  studio::add_routes(router_, *studio_deps_);
  add_money_routes();
  add_live_routes();
  add_marketing_routes();  // and the academy that practises on them (academy_wiring.cpp)
  add_channel_routes();
}

// Pages showing prices and stock follow the catalog: a change reprices and empties the page cache; a stock
// count changing (nothing sold out) forgets only those pieces' own pages.
void App::watch_catalog() {
  catalog_.on_change([this] {
    storefront_.refresh_prices();
    pages_changed();
  });
  catalog_.on_stock_change([this](const std::vector<std::string>& slugs) {
    std::vector<std::string> pages;  // the page cache's keys: locale|path (see web/pipeline.cpp)
    for (const auto& slug : slugs)
      for (const char* locale : {"ko", "en"}) pages.push_back(std::string(locale) + "|/products/" + slug);
    page_cache_.forget(pages);
  });
}

// Who may see an order's evidence: as who may see the order itself.
studio::OrderAccess App::order_access() {
  return {[this](const web::Request& req, const std::string& number) -> std::optional<std::string> {
            const auto key = req.query_params().get("key");
            auto order = orders_.visible(number, req.user ? req.user->user_id : 0,
                                         req.user && req.user->has(web::Role::operator_), std::string(key));
            if (!order) return std::nullopt;
            return order->user_id || order->guest_key.empty() ? std::string() : "key=" + order->guest_key;
          },
          [this](long long workshop_id, const std::string& number) {
            return orders_.of_workshop(workshop_id, number).has_value();
          },
          [this](const std::string& number) { return orders_.find(number).has_value(); }};
}

// What a piece's edit form offers of eco claims: those its workshop's active certificate allows.
std::vector<vendors::EcoClaimChoice> App::eco_claim_choices(long long product) {
  std::vector<vendors::EcoClaimChoice> out;
  auto piece = certification_->product_brief(product);
  if (!piece) return out;
  const auto chosen = certification_->claims_of(product);
  for (const auto& code : certification_->allowed_claims(piece->workshop_id, piece->metal)) {
    auto it = std::find_if(chosen.begin(), chosen.end(), [&](const auto& c) { return c.claim == code; });
    out.push_back({code, it != chosen.end(), it == chosen.end() ? "" : it->evidence});
  }
  return out;
}

// The issuer's key (created at first start, kept in a file outside the database), the transparency log
// and the certification that signs with the one and appends to the other (issue 11).
void App::start_trust() {
  const auto key_file = places_of(config_).issuer_key;
  auto key = trust::load_or_create_key(key_file);
  if (!key) throw std::runtime_error(key.error().message);
  issuer_key_ = *key;
  const auto base = base_url_of(config_);
  const auto host = base.substr(base.find("://") == std::string::npos ? 0 : base.find("://") + 3);
  log_ = std::make_unique<trust::TransparencyLog>(*database_, issuer_key_,
                                                  host.substr(0, host.find('/')) + "/log");
  certification_ = std::make_unique<certification::Certification>(
      *database_, blobs_, clock_, certification::Issuer{base, trust::did_web(base), issuer_key_});
  certification_->on_store_change([this] { catalog_.refresh(); });
  certification_deps_ =
      std::make_unique<certification::Deps>(certification::Deps{*certification_, *log_, renderer_, clock_});
  studio_ = std::make_unique<studio::Studio>(*database_, blobs_, photo_pipeline_, clock_);
  studio_->set_photos(photos_);
  studio_->on_stock([this](long long product) { catalog_.stock_changed({product}, {product}); });
  studio_deps_ = std::make_unique<studio::Deps>(
      studio::Deps{*studio_, renderer_, *log_, trust::public_multikey(issuer_key_), order_access()});
  studio_->set_orders(
      {[this](const std::string& number, const std::string& slug) { return parcel_of(number, slug); },
       [this](const std::string& number, long long workshop, long long actor, const std::string& carrier,
              const std::string& tracking) -> Result<void> {
         TRY(orders_.ship(number, workshop, actor, carrier, tracking));
         return {};
       },
       [this](int limit, const std::string& number, const std::string& workshop) {
         return parcels_to_ship(limit, number, workshop);
       },
       [this] { return parcels_waiting_by_workshop(); },
       [this](int limit) { return returns_on_the_way(limit); }});
}

int App::migrate() {
  const int applied = db::migrate(*database_, config_.root / "migrations");
  certification_->ensure_scheme();
  catalog_.refresh();
  // The brand's rates and rules before anything is sold: the demo's seeding places its orders before
  // start() (which loads them again, for what other nodes changed meanwhile).
  brand_.load();
  return applied;
}

// The shopper's mail in their language: what was ordered and how to pay (placed), that the payment
// arrived (paid), or that the order was cancelled and why (cancelled).
mail::Mail App::order_mail(const orders::Order& o, const std::string& event) const {
  const std::string& locale = o.locale == "en" ? o.locale : std::string("ko");
  const bool en = locale == "en";
  boost::json::array lines;
  for (const auto& l : o.lines) {
    boost::json::object line{{"title", en ? l.title_en : l.title_ko},
                             {"variant", en ? l.variant_en : l.variant_ko},
                             {"quantity", l.quantity},
                             {"total_text", catalog::format_won(l.line_total, locale)}};
    if (!l.engraving.empty()) line["engraving"] = l.engraving;  // a section over "" would still show
    lines.push_back(std::move(line));
  }
  boost::json::object model{
      {"name", o.customer_name},
      {"number", o.number},
      {"lines", std::move(lines)},
      {"subtotal_text", catalog::format_won(o.subtotal, locale)},
      {"shipping_fee_text",
       orders::shipping_text(o.shipping_fee, locale,
                             [&](const std::string& key) { return renderer_.message(locale, key); })},
      {"total_text", catalog::format_won(o.total, locale)},
      {"bank_account", config_.bank_account},
      {"recipient", o.address.recipient},
      {"pay_by", format_seoul(o.pay_by)},
      {"link", renderer_.base_url() + (en ? "/en" : "") + "/orders/" + o.number +
                   (o.guest_key.empty() ? "" : "?key=" + o.guest_key)}};
  if (!o.cancel_reason.empty()) model["reason"] = o.cancel_reason;  // a section over "" would still show
  orders::add_discount(model, o.discount, o.coupon_code, o.coupon_name, locale);
  if (auto sellers = sellers_json(o, en); !sellers.empty()) model["sellers"] = std::move(sellers);
  boost::json::array shipped;
  for (const auto& f : o.fulfilments)
    if (orders::has_left(f.status))
      shipped.push_back(
          boost::json::object{{"workshop", in_language(en, f.workshop_ko, f.workshop_en)},
                              {"carrier", renderer_.message(locale, "orders.carrier." + f.carrier)},
                              {"tracking", f.tracking}});
  model["shipped"] = std::move(shipped);
  boost::json::array delivered;
  for (const auto& f : o.fulfilments)
    if (f.status == orders::ParcelStatus::delivered)
      delivered.push_back(
          boost::json::object{{"workshop", in_language(en, f.workshop_ko, f.workshop_en)},
                              {"carrier", renderer_.message(locale, "orders.carrier." + f.carrier)},
                              {"tracking", f.tracking}});
  model["delivered"] = std::move(delivered);
  const std::string kind =
      event == "paid" || event == "cancelled" || event == "shipped" || event == "delivered" ? event
                                                                                            : "placed";
  return {o.customer_email,
          catalog::fill(renderer_.message(locale, "orders.mail_subject_" + kind), {{"number", o.number}}),
          renderer_.fragment("email/order_" + kind + (en ? "_en" : "_ko"), model)};
}

// Orders and the money around them: card payments (Toss), checkout and orders, delivery, returns, the
// ledger; the orders module reaches payments only through its Deps hooks.
void App::add_money_routes() {
  orders_.set_mail([this](const orders::Order& o, const std::string& event) { return order_mail(o, event); });
  payment_provider_ = std::make_unique<payments::TossClient>(config_.toss);
  payments_ = std::make_unique<payments::Payments>(*database_, orders_, payment_provider_.get(), clock_,
                                                   config_.toss);
  deposits_ = std::make_unique<payments::Deposits>(*database_, orders_, clock_);
  payments_deps_ =
      std::make_unique<payments::Deps>(payments::Deps{*payments_, orders_, renderer_, *deposits_});
  payments::add_routes(router_, *payments_deps_);
  orders::add_all_routes(
      router_,
      {carts_, orders_, settlements_, catalog_, storefront_, renderer_, clock_, config_.bank_account,
       &checkout_limit_, config_.secure_cookies,
       [this](const std::string& number) {
         std::vector<std::pair<std::string, std::string>> out;
         for (const auto& p : studio_->packing_photos_of(number)) out.emplace_back(p.hash, p.view);
         return out;
       },
       payments_->card_enabled(), web::origin_of(config_.toss.window_url),
       [this](const orders::Order& o, const std::string& locale) -> std::optional<boost::json::object> {
         auto attempts = payments_->of_order(o.id);
         if (attempts.empty()) return std::nullopt;
         return payments::payment_json(attempts.back(), locale, [this, &locale](const std::string& key) {
           return renderer_.message(locale, key);
         });
       },
       [this](const std::string& number, const std::string& reason, long long actor) {
         return payments_->cancel_order(number, reason, actor);
       },
       [this](const auto& number, const auto& skus, const auto& l) {
         return studio_inspections(number, skus, l);
       },
       &ledger_, &returns_, &cart_pages_});
  returns_.set_blobs(&blobs_);
  // The refund's 3 business days run from when the studio's returns station took the piece in, if it did.
  returns_.set_arrival([this](const orders::Order& o, const orders::OrderReturn& r) {
    return first_arrival(studio_->returns_of_order(o.number), o, r);
  });
  returns_.set_mail([this](const orders::Order& o, const orders::OrderReturn& r, const std::string& event,
                           const std::string& note) { return return_mail(o, r, event, note); });
  returns_.set_card_refund([this](const std::string& number, long long amount, const std::string& reason,
                                  long long actor, const std::string& account) -> Result<void> {
    TRY(payments_->refund(number, amount, reason, actor, payments::refund_account_of(account)));
    return {};
  });
}

// The operator's search synonyms (checked when saved; a line that no longer reads is skipped whole).
void App::use_brand_synonyms() {
  auto synonyms = catalog::parse_synonyms(brand_.current()->search_synonyms);
  catalog_.set_synonyms(synonyms.ok() ? *synonyms : catalog::Synonyms{});
}

// /healthz: the latest probe's answer, without touching the database on the request path.
web::Response App::health() const {
  const bool up = database_up_.load();
  const auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::steady_clock::now().time_since_epoch())
                          .count();
  const long long age = now_ms - probed_at_ms_.load();
  auto response =
      web::Response::json(boost::json::serialize(boost::json::object{{"status", up ? "ok" : "unavailable"},
                                                                     {"database", up},
                                                                     {"checked_ms_ago", age}}),
                          up ? 200 : 503);
  response.add("Cache-Control", "no-store");
  return response;
}

void App::add_system_routes() {
  router_.get("/healthz", [this](web::Request&) { return health(); }).runs = web::Runs::inline_;
  router_
      .get("/metrics",
           [this](web::Request& req) {
             if (!metrics_allowed(req, config_.metrics_token)) return web::Response::text("not found\n", 404);
             return web::Response::text(metrics_->prometheus_text() + backups_->prometheus_text(), 200,
                                        "text/plain; version=0.0.4; charset=utf-8");
           })
      .runs = web::Runs::inline_;
  router_
      .get("/robots.txt",
           [this](web::Request&) {
             return web::Response::text(
                 "User-agent: *\nDisallow: /account\nDisallow: /console/\nDisallow: /operator/\n"
                 "Disallow: /search\nDisallow: /api/\nSitemap: " +
                 account_deps_.base_url + "/sitemap.xml\n");
           })
      .runs = web::Runs::inline_;
}

unsigned short App::start() {
  // The log's entries must still give every checkpoint the issuer signed (issue 11).
  if (auto checked = log_->check(); !checked) throw std::runtime_error(checked.error().message);
  database_up_ = database_->ping();
  probed_at_ms_ = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now().time_since_epoch())
                      .count();
  probe_thread_ = std::thread([this] { probe_database(); });
  live_thread_ = std::thread([this] { tick_live(); });
  auto server_options = config_.server;
  const bool sqlite = database_->backend() == db::Backend::sqlite;
  server_options.write_pool_threads = write_pool_threads(server_options.write_pool_threads, sqlite);
  server_options.pool_threads =
      pool_threads(server_options.pool_threads, sqlite, std::thread::hardware_concurrency());
  server_ = std::make_unique<net::Server>(*pipeline_, *metrics_, server_options);
  const auto port = server_->start();
  if (account_deps_.base_url.ends_with(":0")) {
    account_deps_.base_url = "http://" + config_.server.host + ":" + std::to_string(port);
    storefront_.set_base_url(account_deps_.base_url);
    certification_->set_base_url(account_deps_.base_url);
  }
  renderer_.set_base_url(account_deps_.base_url);
  academy_->set_issuer({certification_->issuer().base_url, certification_->issuer().did, issuer_key_});
  // Listening before loading: a change another node makes from here on is heard, none falls between.
  if (notices_) notices_->start([this](const db::Notice& notice) { hear(notice); });
  // Alone, the snapshot migrate() loaded (and the demo's seeding kept current) is the database's: loading
  // it again would compete with the first visitors for seconds at 100,000 pieces. With other nodes,
  // what they changed before this one listened is loaded now.
  if (notices_ || catalog_.snapshot()->cards.empty()) catalog_.refresh();
  brand_.load();
  legal_.load();
  use_brand_synonyms();
  mail_sender_.start();
  backups_->start();
  return port;
}

void App::stop() {
  if (server_) server_->stop();
  {
    std::lock_guard lock(probe_mutex_);
    probe_stop_ = true;
  }
  probe_cv_.notify_all();
  if (probe_thread_.joinable()) probe_thread_.join();
  if (live_thread_.joinable()) live_thread_.join();
  mail_sender_.stop();
  catalog_.relay_to({});   // the stock relay sends what is waiting and stops, while the notices still can
  if (recommendations_) {  // so do the recommendation counts
    try {
      recommendations_->flush();
    } catch (const std::exception& e) {  // counts steer suggestions; a lost batch owes nobody anything
      spdlog::warn("writing the last recommendation counts: {}", e.what());
    }
    recommendations_->relay_to(nullptr);
  }
  if (notices_) notices_->stop();
}

void App::run_until_signal() {
  server_->run_until_signal();
  stop();
}

}  // namespace brilliant::app
