#include "live/socket.hpp"

#include <boost/json.hpp>

#include "live/events.hpp"

namespace brilliant::live {

namespace json = boost::json;

namespace {

constexpr int hearts_per_second = 5;

class ViewerSession final : public web::SocketSession {
 public:
  ViewerSession(Live& live, Show show, std::optional<web::Principal> user)
      : live_(live), show_(std::move(show)), user_(std::move(user)) {}

  void opened(std::shared_ptr<web::SocketPeer> peer) override {
    peer_ = std::move(peer);
    room_ = live_.rooms().of(show_.id);
    room_->join(peer_, user_ ? user_->user_id : 0);
    // (Counted before the hello, so the viewer sees themself in the count.)
    peer_->send(
        std::make_shared<const std::string>(hello_event(live_, *live_catalog(), show_, user_, now())));
  }

  void received(std::string_view text) override {
    json::error_code ec;
    auto value = json::parse(text, ec);
    if (ec || !value.is_object() || !value.as_object().contains("type") || !value.at("type").is_string())
      return refuse("message_invalid", "send a JSON object with a \"type\"");
    const auto& o = value.as_object();
    const std::string type(o.at("type").as_string());
    if (type == "heart") return heart();
    if (!user_) return refuse("login_required", "log in to chat");
    if (type == "chat") return chat(o);
    if (type == "delete" || type == "mute" || type == "ban") return moderate(type, o);
    refuse("type_unknown", "unknown message type");
  }

  void closed() override {
    if (room_) room_->leave(peer_.get());
  }

 private:
  TimePoint now() const { return live_.now(); }
  std::shared_ptr<const catalog::Snapshot> live_catalog() const { return live_.catalog_snapshot(); }

  void refuse(const std::string& code, const std::string& message) {
    peer_->send(std::make_shared<const std::string>(error_event(code, message)));
  }
  void refuse(const Error& e) { refuse(e.code.empty() ? "refused" : e.code, e.message); }

  void heart() {
    const auto second = std::chrono::duration_cast<std::chrono::seconds>(now().time_since_epoch()).count();
    if (second != heart_second_) heart_second_ = second, hearts_ = 0;
    if (++hearts_ <= hearts_per_second) live_.heart(show_.id);
  }

  void chat(const json::object& o) {
    const auto* text = o.if_contains("text");
    if (!text || !text->is_string()) return refuse("text_required", "text is required");
    auto show = live_.find(show_.slug);  // slow mode, banned words and state as they are now
    if (!show) return refuse("show_gone", "this show no longer exists");
    auto said = live_.say(*show, *user_, std::string(text->as_string()));
    if (!said) refuse(said.error());
  }

  void moderate(const std::string& type, const json::object& o) {
    auto number = [&](const char* name) -> long long {
      const auto* v = o.if_contains(name);
      return v && v->is_int64() ? v->as_int64() : 0;
    };
    Result<void> done;
    if (type == "delete") done = live_.delete_message(show_.slug, *user_, number("id"));
    if (type == "mute")
      done = live_.mute(show_.slug, *user_, number("user_id"), static_cast<int>(number("seconds")));
    if (type == "ban") done = live_.ban(show_.slug, *user_, number("user_id"));
    if (!done) refuse(done.error());
  }

  Live& live_;
  Show show_;
  std::optional<web::Principal> user_;
  std::shared_ptr<web::SocketPeer> peer_;
  std::shared_ptr<Room> room_;
  long long heart_second_ = 0;
  int hearts_ = 0;
};

}  // namespace

std::shared_ptr<web::SocketSession> viewer_session(Live& live, Show show,
                                                   std::optional<web::Principal> user) {
  return std::make_shared<ViewerSession>(live, std::move(show), std::move(user));
}

std::string hello_event(Live& live, const catalog::Snapshot& snap, const Show& show,
                        const std::optional<web::Principal>& user, TimePoint now) {
  json::array deals, chat;
  for (const auto& d : show.deals) deals.push_back(deal_json(d, now));
  for (const auto& line : live.chat(show.id)) chat.push_back(chat_json(line));
  json::value showing = nullptr;
  if (!show.chapters.empty())
    if (auto it = snap.by_id.find(show.chapters.back().product_id); it != snap.by_id.end())
      showing = piece_json(snap.cards[it->second]);
  json::object o{
      {"type", "hello"},
      {"state", state_name(show.state)},
      {"notice", show.notice},
      {"viewers", std::max(live.viewers(show.id), static_cast<int>(live.rooms().of(show.id)->viewers()))},
      {"showing", showing},
      {"deals", std::move(deals)},
      {"chat", std::move(chat)},
      {"me", json::object{{"user_id", user ? user->user_id : 0},
                          {"moderator", user && Live::may_moderate(show, *user)}}}};
  return json::serialize(o);
}

}  // namespace brilliant::live
