// Live commerce's wiring (issue 18): the service with its bus (Redis across nodes when configured),
// simulcast relays, the routes, the reminder mail, and the ticker thread.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/json.hpp>

#include "app/app.hpp"
#include "app/nodes_repo.hpp"
#include "catalog/views.hpp"

namespace brilliant::app {

void App::add_live_routes() {
  auto bus = config_.live.redis_url.empty() ? std::unique_ptr<live::Bus>(std::make_unique<live::LocalBus>())
                                            : live::redis_bus(config_.live.redis_url);
  live_ = std::make_unique<live::Live>(*database_, catalog_, orders_, clock_, std::move(bus),
                                       std::chrono::milliseconds(std::max(0, config_.live.batch_ms)));
  // Simulcast: relays read the show's stream from nginx beside the ingest URL; the platforms' stream keys
  // are sealed under a key derived from the issuer's (the one secret every node and backup already has).
  live::SimulcastSettings simulcast;
  simulcast.rtmp_url = config_.live.rtmp_url;
  std::array<unsigned char, 32> seed{};
  std::copy_n(issuer_key_.secret_key.begin(), seed.size(), seed.begin());
  simulcast.key = derive_key(seed, "livepush");
  live_->set_simulcast(std::move(simulcast));
  live_->set_reminder_mail(
      [this](const live::Show& show, const std::string& email, const std::string& locale) {
        return live_reminder_mail(show, email, locale);
      });
  live_deps_ = std::make_unique<live::Deps>(live::Deps{*live_, renderer_, orders_, config_.bank_account,
                                                       config_.live.hls_dir, config_.live.rtmp_url,
                                                       config_.live.callback_secret});
  live::add_routes(router_, *live_deps_);
  live::add_console_routes(router_, *live_deps_);
}

mail::Mail App::live_reminder_mail(const live::Show& show, const std::string& email,
                                   const std::string& locale) const {
  const bool en = locale == "en";
  const std::string lang = en ? "en" : "ko";
  boost::json::object model{
      {"title", show.title(lang)},
      {"host", show.workshop_id ? show.host_name : renderer_.message(lang, "live.hub_host")},
      {"starts", format_seoul(show.scheduled_at)},
      {"link", renderer_.base_url() + (en ? "/en" : "") + "/live/" + show.slug}};
  return {email,
          catalog::fill(renderer_.message(lang, "live.reminder_subject"), {{"title", show.title(lang)}}),
          renderer_.fragment(std::string("email/live_reminder_") + lang, model)};
}

void App::tick_live() {
  std::unique_lock lock(probe_mutex_);
  std::string minute;
  while (!probe_stop_) {
    lock.unlock();
    try {
      live_->tick();
      // reminders once a minute, by whichever node claims the minute
      if (const auto slot = minute_slot(std::chrono::system_clock::now()); slot != minute) {
        minute = slot;
        if (claim("live-reminders", minute))
          if (int n = live_->send_reminders()) spdlog::info("{} live-show reminders queued", n);
      }
    } catch (const std::exception& e) {
      spdlog::error("live ticker: {}", e.what());
    }
    lock.lock();
    probe_cv_.wait_for(lock, std::chrono::seconds(1), [this] { return probe_stop_; });
  }
}

}  // namespace brilliant::app
