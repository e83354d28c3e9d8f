// The whole program wired together: the only place objects are created (STYLE.md "No singletons").
// main.cpp and the HTTP tests build an App from a Config and start it.
#pragma once
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "academy/academy.hpp"
#include "accounts/routes.hpp"
#include "accounts/service.hpp"
#include "app/backup_schedule.hpp"
#include "app/config.hpp"
#include "audit/log.hpp"
#include "b2b/b2b.hpp"
#include "catalog/page_views.hpp"
#include "catalog/routes.hpp"
#include "catalog/service.hpp"
#include "certification/routes.hpp"
#include "certification/service.hpp"
#include "channels/channels.hpp"
#include "core/clock.hpp"
#include "db/fwd.hpp"
#include "db/notices.hpp"
#include "exhibitions/exhibitions.hpp"
#include "exhibitions/leads.hpp"
#include "legal/store.hpp"
#include "live/routes.hpp"
#include "live/service.hpp"
#include "mail/outbox.hpp"
#include "marketing/campaigns.hpp"
#include "marketing/coupons.hpp"
#include "marketing/recommendations.hpp"
#include "marketing/traffic.hpp"
#include "media/photos.hpp"
#include "net/server.hpp"
#include "orders/carts.hpp"
#include "orders/ledger.hpp"
#include "orders/orders.hpp"
#include "orders/returns.hpp"
#include "orders/settlements.hpp"
#include "payments/payments.hpp"
#include "payments/routes.hpp"
#include "pricing/quotes.hpp"
#include "studio/routes.hpp"
#include "studio/service.hpp"
#include "trust/log.hpp"
#include "vendors/brand/brand_store.hpp"
#include "vendors/deps.hpp"
#include "vendors/joining/application_files.hpp"
#include "vendors/joining/service.hpp"
#include "vendors/staff/staff.hpp"
#include "web/i18n.hpp"
#include "web/metrics.hpp"
#include "web/page_cache.hpp"
#include "web/pipeline.hpp"
#include "web/render.hpp"
#include "web/router.hpp"
#include "web/static_files.hpp"

namespace brilliant::app {

class App {
 public:
  // Opens the database and loads templates, catalogs and static files. Throws on any of them failing.
  App(Config config, const Clock& clock);
  ~App();

  int migrate();  // applies pending migrations; returns how many ran
  // Binds and serves in the background; returns the port. Starts the mail sender when configured.
  unsigned short start();
  void stop();
  void run_until_signal();

  const Config& config() const { return config_; }
  db::Database& database() { return *database_; }
  accounts::Accounts& accounts() { return accounts_; }
  catalog::Catalog& catalog() { return catalog_; }
  pricing::Quotes& quotes() { return quotes_; }
  vendors::Applications& applications() { return applications_; }
  web::PageCache& page_cache() { return page_cache_; }
  vendors::BrandStore& brand() { return brand_; }
  orders::Orders& orders() { return orders_; }
  orders::Carts& carts() { return carts_; }
  const Clock& clock() const { return clock_; }
  web::Metrics& metrics() { return *metrics_; }
  trust::TransparencyLog& log() { return *log_; }
  certification::Certification& certification() { return *certification_; }
  studio::Studio& studio() { return *studio_; }
  payments::Payments& payments() { return *payments_; }
  payments::Deposits& deposits() { return *deposits_; }
  orders::Ledger& ledger() { return ledger_; }
  orders::Returns& returns() { return returns_; }
  BackupSchedule& backups() { return *backups_; }
  legal::LegalStore& legal() { return legal_; }
  audit::Log& audit() { return audit_; }
  live::Live& live() { return *live_; }
  marketing::Recommendations& recommendations() { return *recommendations_; }
  marketing::Coupons& coupons() { return *coupons_; }
  marketing::Campaigns& campaigns() { return *campaigns_; }
  academy::Academy& academy() { return *academy_; }
  channels::Channels& channels() { return *channels_; }
  exhibitions::Exhibitions& exhibitions() { return *exhibitions_; }
  b2b::B2b& b2b() { return *b2b_; }
  // A workshop's reminder of a quote it has not answered (b2b), in its staff member's language.
  mail::Mail quote_reminder_mail(const b2b::Quote& q, const std::string& email,
                                 const std::string& locale) const;
  exhibitions::Leads& leads() { return *leads_; }
  // The shop as the channels' feeds name it: the brand's Korean name, the base URL, the tagline.
  channels::Shop feed_shop() const;  // channels_wiring.cpp
  // The audit trail's listener on the pipeline (web::PipelineOptions::observe; running.cpp): a staff
  // member's successful change, or their opening of a personal-data route, is appended.
  // A change whose route names its state_from also records what it changed (before → after).
  void audit_request(const web::Request& req, const web::Route& route, int status,
                     const web::StateChange& state = {});
  const trust::KeyPair& issuer_key() const { return issuer_key_; }
  const web::Router& router() const { return router_; }
  const std::string& node() const { return node_; }
  const db::Notices* notices() const { return notices_.get(); }

  // The shopper's mail at a step of a return or exchange (returns_wiring.cpp).
  mail::Mail return_mail(const orders::Order& order, const orders::OrderReturn& r, const std::string& event,
                         const std::string& note) const;
  // The returns station's inspections of an order's pieces with these SKUs, for a return row
  // (orders::Deps::studio_inspections; returns_wiring.cpp).
  boost::json::array studio_inspections(const std::string& number, const std::vector<std::string>& skus,
                                        const std::string& locale) const;

 private:
  void use_brand_synonyms();
  void watch_catalog();
  // Several nodes (nodes.cpp): shared limits and notices on PostgreSQL; what another node told; a job's
  // run claimed for a time slot (true: this node runs it).
  static std::string node_name(const Config& config);
  void join_cluster();
  void tell_nodes(const std::string& topic);
  void hear(const db::Notice& notice);
  bool claim(const std::string& job, const std::string& slot);
  void add_all_routes();
  void add_system_routes();
  void add_money_routes();
  void start_trust();
  std::vector<vendors::EcoClaimChoice> eco_claim_choices(long long product);
  studio::OrderAccess order_access();
  std::optional<studio::Parcel> parcel_of(const std::string& number, const std::string& workshop_slug);
  std::vector<studio::Parcel> parcels_to_ship(int limit, const std::string& number,
                                              const std::string& workshop_slug);
  std::vector<studio::WaitingCount> parcels_waiting_by_workshop();
  std::vector<studio::Returning> returns_on_the_way(int limit);
  web::Response health() const;
  mail::Mail order_mail(const orders::Order& order, const std::string& event) const;
  void probe_database();  // the health probe thread's loop
  void housekeep_minutely();
  void housekeep_hourly(TimePoint now);
  void add_running_routes();                                              // running.cpp
  void add_live_routes();                                                 // live_wiring.cpp
  void add_marketing_routes();                                            // marketing_wiring.cpp
  mail::Mail campaign_mail(const marketing::CampaignMailModel& m) const;  // marketing_wiring.cpp
  long long customer_of(const web::Request& req);                         // marketing_wiring.cpp
  void add_academy_routes();                                              // academy_wiring.cpp
  mail::Mail academy_mail(const academy::AcademyMail& m) const;           // academy_wiring.cpp
  void add_channel_routes();                                              // channels_wiring.cpp
  void tick_live();                                                       // the live ticker thread's loop
  mail::Mail live_reminder_mail(const live::Show& show, const std::string& email,
                                const std::string& locale) const;
  boost::json::array orders_export(long long user, const std::string& locale);  // a person's own orders
  // Each parcel's seller particulars for the order mails while the hub mediates (empty otherwise).
  boost::json::array sellers_json(const orders::Order& order, bool en) const;

  Config config_;
  const Clock& clock_;
  std::string node_;
  std::unique_ptr<db::Database> database_;
  web::I18n i18n_;
  web::StaticFiles static_files_;
  web::Renderer renderer_;
  accounts::Accounts accounts_;
  accounts::RateLimits limits_;
  mail::SmtpSender mail_sender_;
  accounts::WebDeps account_deps_;
  accounts::CookieSessions sessions_;
  web::PageCache page_cache_;
  web::PageCache cart_pages_{500, 500};  // the cart page by what it shows (orders::Deps::cart_pages)
  void pages_changed() {                 // the brand, the legal pages or the catalog changed
    page_cache_.clear();
    cart_pages_.clear();
  }
  catalog::Catalog catalog_;
  pricing::Quotes quotes_;
  catalog::Storefront storefront_;
  vendors::Applications applications_;
  media::FolderBlobStore blobs_;
  media::PhotoPipeline photo_pipeline_;
  media::Photos photos_;
  orders::Carts carts_;
  vendors::BrandStore brand_;
  legal::LegalStore legal_;
  audit::Log audit_;
  orders::Orders orders_;
  web::RateLimiter checkout_limit_;
  web::RateLimiter booth_visitor_limit_;  // exhibitions' contact form (exhibitions::Deps::visitor_forms)
  orders::Settlements settlements_;
  orders::Ledger ledger_;
  orders::Returns returns_;
  vendors::Staff staff_;
  vendors::ApplicationFiles application_files_;
  catalog::PageViews page_views_;  // flushed when the app goes away
  vendors::Deps vendors_deps_;
  trust::KeyPair issuer_key_;
  std::unique_ptr<trust::TransparencyLog> log_;
  std::unique_ptr<certification::Certification> certification_;
  std::unique_ptr<certification::Deps> certification_deps_;
  std::unique_ptr<studio::Studio> studio_;
  std::unique_ptr<studio::Deps> studio_deps_;
  std::unique_ptr<payments::Provider> payment_provider_;
  std::unique_ptr<payments::Payments> payments_;
  std::unique_ptr<payments::Deposits> deposits_;
  std::unique_ptr<payments::Deps> payments_deps_;
  std::unique_ptr<BackupSchedule> backups_;
  std::unique_ptr<live::Live> live_;
  std::unique_ptr<live::Deps> live_deps_;
  std::unique_ptr<marketing::Recommendations> recommendations_;
  std::unique_ptr<marketing::Coupons> coupons_;
  std::unique_ptr<marketing::Campaigns> campaigns_;
  std::unique_ptr<academy::Academy> academy_;
  std::unique_ptr<channels::Channels> channels_;
  std::unique_ptr<exhibitions::Exhibitions> exhibitions_;
  std::unique_ptr<exhibitions::Leads> leads_;
  std::unique_ptr<b2b::B2b> b2b_;
  std::unique_ptr<marketing::Visits> visits_;  // written in batches; flushed when it goes away
  std::unique_ptr<web::BucketStore> buckets_;  // PostgreSQL: the rate limits every node shares
  std::unique_ptr<db::Notices> notices_;       // PostgreSQL: changes told to and heard from other nodes
  web::Router router_;
  std::unique_ptr<web::Metrics> metrics_;
  std::unique_ptr<web::Pipeline> pipeline_;
  std::unique_ptr<net::Server> server_;
  // /healthz answers from the latest probe (at most probe_interval old) without touching the database
  // on the request path, so a load balancer's polling costs no database work.
  std::atomic<bool> database_up_{false};
  std::atomic<long long> probed_at_ms_{0};
  std::thread probe_thread_;
  std::mutex probe_mutex_;
  std::condition_variable probe_cv_;
  bool probe_stop_ = false;
  std::thread live_thread_;  // once a second: viewer counts and hearts; reminders every 30 seconds
};

}  // namespace brilliant::app
