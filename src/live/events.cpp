#include "live/events.hpp"

#include <boost/json.hpp>

namespace brilliant::live {

namespace json = boost::json;

namespace {
// "type" comes first, so a node can tell its own events (presence, moderation) by the text's start.
std::string event(std::string_view type, const json::object& body) {
  json::object out{{"type", type}};
  for (const auto& [key, value] : body) out.emplace(key, value);
  return json::serialize(out);
}
}  // namespace

json::object deal_json(const Deal& d, TimePoint now) {
  return {{"id", d.id},
          {"product_id", d.product_id},
          {"product_slug", d.product_slug},
          {"product_name", d.product_name},
          {"variant_id", d.variant_id},
          {"variant", d.variant_label},
          {"price", d.price},
          {"regular_price", d.regular_price},
          {"quantity", d.quantity},
          {"sold", d.sold},
          {"left", std::max(0, d.quantity - d.sold)},
          {"per_customer", d.per_customer},
          {"duration_seconds", d.duration_seconds},
          {"phase", phase_name(phase_of(d, now))},
          {"seconds_left", seconds_left(d, now)},
          {"ends_at", d.ends_at}};
}

json::object chat_json(const repo::ChatLine& l) {
  return {{"id", l.id},     {"user_id", l.user_id}, {"name", l.name},
          {"text", l.text}, {"at", l.at},           {"host", l.host}};
}

json::object piece_json(const catalog::Card& c) {
  json::object o{
      {"id", c.id},       {"slug", c.slug},        {"title_ko", c.title_ko}, {"title_en", c.title_en},
      {"price", c.price}, {"in_stock", c.in_stock}};
  if (c.image_id) o["image_url"] = "/media/images/" + std::to_string(c.image_id);
  return o;
}

std::string chat_event(const repo::ChatLine& line) { return event("chat", chat_json(line)); }
std::string deleted_event(long long id) { return event("deleted", {{"id", id}}); }
std::string showing_event(const catalog::Card& card) {
  return event("showing", {{"piece", piece_json(card)}});
}
std::string deal_event(const Deal& d, TimePoint now) { return event("deal", {{"deal", deal_json(d, now)}}); }
std::string state_event(State s) { return event("state", {{"state", state_name(s)}}); }
std::string notice_event(const std::string& text) { return event("notice", {{"text", text}}); }
std::string tick_event(int viewers, int hearts) {
  return event("tick", {{"viewers", viewers}, {"hearts", hearts}});
}
std::string sales_event(long long orders, long long revenue) {
  return event("sales", {{"orders", orders}, {"revenue", revenue}});
}
std::string error_event(const std::string& code, const std::string& message) {
  return event("error", {{"code", code}, {"message", message}});
}
std::string presence_event(const std::string& node, int viewers, int hearts) {
  return event("presence", {{"node", node}, {"viewers", viewers}, {"hearts", hearts}});
}
std::string moderation_event(long long user_id, const std::string& muted_until, bool banned) {
  return event("moderation", {{"user_id", user_id}, {"muted_until", muted_until}, {"banned", banned}});
}
bool internal_event(std::string_view text) {
  return text.starts_with(R"({"type":"presence")") || text.starts_with(R"({"type":"moderation")");
}

}  // namespace brilliant::live
