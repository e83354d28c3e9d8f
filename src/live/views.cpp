#include "live/views.hpp"

#include <boost/json.hpp>

#include "catalog/views.hpp"
#include "live/events.hpp"

namespace brilliant::live {

namespace json = boost::json;

namespace {
catalog::Messages messages(const web::Renderer& r, const web::Request& req) {
  return [&r, locale = req.locale](const std::string& key) { return r.message(locale, key); };
}
}  // namespace

long long offset_seconds(const std::string& started_at, const std::string& at) {
  TimePoint start, then;
  if (!parse_utc(started_at, start) || !parse_utc(at, then) || then < start) return 0;
  return std::chrono::duration_cast<std::chrono::seconds>(then - start).count();
}

json::object show_summary_json(const Show& s, const web::Renderer& r, const web::Request& req) {
  const auto prefix = req.locale_prefix();
  json::object o{{"slug", s.slug},
                 {"url", prefix + "/live/" + s.slug},
                 {"title", s.title(req.locale)},
                 {"title_ko", s.title_ko},
                 {"title_en", s.title_en},
                 {"description", s.description(req.locale)},
                 {"host", s.workshop_id ? s.host(req.locale) : r.message(req.locale, "live.hub_host")},
                 {"workshop_id", s.workshop_id},
                 {"state", state_name(s.state)},
                 {"state_text", r.message(req.locale, "live.state." + std::string(state_name(s.state)))},
                 {"scheduled_at", s.scheduled_at},
                 {"scheduled_text", format_seoul(s.scheduled_at)},
                 {"started_at", s.started_at},
                 {"ended_at", s.ended_at},
                 {"is_live", s.state == State::live},
                 {"is_upcoming", s.state == State::scheduled},
                 {"is_over", s.state == State::ended || s.state == State::cancelled},
                 {"pieces", s.lineup.size()},
                 {"ws_url", "/live/" + s.slug + "/ws"},
                 {"playlist", "/live/hls/" + s.slug + "/index.m3u8"}};
  if (!s.replay_url.empty()) o["replay_url"] = s.replay_url;
  o["rehearsal"] = s.rehearsal;
  return o;
}

json::object show_json(const Show& s, const catalog::Snapshot& snap, TimePoint now, const web::Renderer& r,
                       const web::Request& req) {
  auto o = show_summary_json(s, r, req);
  const auto t = messages(r, req);
  json::array lineup, deals, chapters;
  for (long long id : s.lineup)
    if (auto it = snap.by_id.find(id); it != snap.by_id.end()) {
      auto card = catalog::card_json(snap.cards[it->second], req.locale, t);
      card["id"] = id;
      lineup.push_back(std::move(card));
    }
  for (const auto& d : s.deals) {
    auto deal = deal_json(d, now);
    deal["price_text"] = catalog::format_won(d.price, req.locale);
    deal["regular_price_text"] = catalog::format_won(d.regular_price, req.locale);
    deal["percent_off"] = d.regular_price > 0 ? (100 * (d.regular_price - d.price)) / d.regular_price : 0;
    deal["open"] = phase_of(d, now) == DealPhase::open;
    deal["phase_text"] =
        r.message(req.locale, "live.deal_phase." + std::string(phase_name(phase_of(d, now))));
    deals.push_back(std::move(deal));
  }
  for (const auto& c : s.chapters) {
    json::object chapter{
        {"product_id", c.product_id}, {"at", c.at}, {"offset", offset_seconds(s.started_at, c.at)}};
    if (auto it = snap.by_id.find(c.product_id); it != snap.by_id.end()) {
      const auto& card = snap.cards[it->second];
      chapter["title"] = req.locale == "en" ? card.title_en : card.title_ko;
      chapter["url"] = req.locale_prefix() + "/products/" + card.slug;
    }
    chapters.push_back(std::move(chapter));
  }
  o["description"] = s.description(req.locale);
  o["notice"] = s.notice;
  o["slow_mode_seconds"] = s.slow_mode_seconds;
  o["has_deals"] = !deals.empty();
  o["has_chapters"] = !chapters.empty();
  o["lineup"] = std::move(lineup);
  o["deals"] = std::move(deals);
  o["chapters"] = std::move(chapters);
  return o;
}

json::array targets_json(const std::vector<PushTarget>& targets) {
  json::array out;
  for (const auto& t : targets)
    out.push_back(json::object{{"id", t.id},
                               {"label", t.label},
                               {"url", t.url},
                               {"key_hint", t.key_hint},
                               {"state", t.state},
                               {"detail", t.detail},
                               {"updated_at", t.updated_at}});
  return out;
}

json::object analytics_json(const Analytics& a, const std::string& locale) {
  char average[32], conversion[32];
  std::snprintf(average, sizeof average, "%.1f", a.average_viewers);
  std::snprintf(conversion, sizeof conversion, "%.1f%%", a.conversion * 100);
  return {{"peak_viewers", a.peak_viewers},
          {"average_viewers", a.average_viewers},
          {"average_viewers_text", average},
          {"watch_seconds", a.watch_seconds},
          {"watch_minutes", a.watch_seconds / 60},
          {"chat_messages", a.chat_messages},
          {"orders", a.orders},
          {"revenue", a.revenue},
          {"revenue_text", catalog::format_won(a.revenue, locale)},
          {"conversion", a.conversion},
          {"conversion_text", conversion}};
}

}  // namespace brilliant::live
