// Live's chat, moderation, counts and the bus (service.hpp).
#include <soci/soci.h>

#include <boost/json.hpp>

#include "core/text.hpp"
#include "db/database.hpp"
#include "live/events.hpp"
#include "live/service.hpp"

namespace brilliant::live {

namespace {
constexpr auto count_fresh = std::chrono::seconds(5);  // a node's count older than this is gone
}

Result<repo::ChatLine> Live::say(const Show& show, const web::Principal& who, const std::string& text) {
  if (show.state == State::ended || show.state == State::cancelled)
    return Error::rule_broken("state", "show_over", "this show's chat is closed");
  ChatRules rules;
  rules.slow_mode_seconds = show.slow_mode_seconds;
  rules.banned_words = banned_word_list(show.banned_words);
  rules.moderator = may_moderate(show, who);
  const auto now = clock_.now();
  auto room = rooms_.of(show.id);
  auto checked =
      room->with_chatter(who.user_id, [&](const Chatter& c) { return check_text(rules, c, text, now); });
  if (!checked) return checked.error();
  auto paced = bus_->pace(show.id, who.user_id, rules, now);  // shared by every node, where there are
  if (!paced)
    paced = room->with_chatter(who.user_id, [&](Chatter& c) { return check_pace(rules, c.recent, now); });
  if (!*paced) return paced->error();
  repo::ChatLine line{0, who.user_id, who.name, *checked, format_utc(now), may_manage(show, who)};
  line.id = db_.write([&](soci::session& sql) { return repo::insert_chat(sql, show.id, line); });
  publish(show.id, chat_event(line));
  return line;
}

std::vector<repo::ChatLine> Live::chat(long long show_id, int limit, long long after_id) {
  return db_.read([&](soci::session& sql) { return repo::chat(sql, show_id, limit, after_id); });
}

Result<void> Live::delete_message(const std::string& slug, const web::Principal& who, long long message_id) {
  auto show = TRY(moderated(slug, who));
  const bool deleted =
      db_.write([&](soci::session& sql) { return repo::delete_chat(sql, show.id, message_id, who.user_id); });
  if (!deleted) return Error::not_found("message");
  publish(show.id, deleted_event(message_id));
  return {};
}

Result<void> Live::mute(const std::string& slug, const web::Principal& who, long long user_id, int seconds) {
  auto show = TRY(moderated(slug, who));
  TRY(may_silence(show, who, user_id));
  if (seconds < 0 || seconds > 24 * 3600)
    return Error::invalid("seconds", "seconds_invalid", "seconds: 0 (lift the mute) to 86,400");
  const auto until = seconds ? format_utc(clock_.now() + std::chrono::seconds(seconds)) : std::string();
  db_.write([&](soci::session& sql) {
    repo::moderate(sql, show.id, user_id, {until, false}, who.user_id, format_utc(clock_.now()));
  });
  publish(show.id, moderation_event(user_id, until, false));
  return {};
}

Result<void> Live::ban(const std::string& slug, const web::Principal& who, long long user_id) {
  auto show = TRY(moderated(slug, who));
  TRY(may_silence(show, who, user_id));
  if (user_id == who.user_id)
    return Error::invalid("user_id", "ban_self", "user_id: you cannot ban yourself");
  db_.write([&](soci::session& sql) {
    repo::moderate(sql, show.id, user_id, {"", true}, who.user_id, format_utc(clock_.now()));
  });
  publish(show.id, moderation_event(user_id, "", true));
  return {};
}

Result<Show> Live::moderated(const std::string& slug, const web::Principal& who) {
  auto show = TRY(find_or_error(slug));
  if (!may_moderate(show, who))
    return Error::forbidden("only the show's host and its moderators moderate its chat");
  return show;
}

Result<void> Live::may_silence(const Show& show, const web::Principal& who, long long user_id) {
  if (may_manage(show, who)) return {};
  if (db_.read([&](soci::session& sql) { return repo::runs_shows_of(sql, user_id, show.workshop_id); }))
    return Error::forbidden("a moderator cannot mute or ban the show's host or an operator");
  return {};
}

Result<std::vector<repo::Moderator>> Live::add_moderator(const std::string& slug, const web::Principal& who,
                                                         const std::string& raw_email) {
  const auto show = TRY(managed(slug, who));
  const std::string email(trim(raw_email));
  if (email.empty()) return Error::invalid("email", "email_required", "email: the moderator's account email");
  return db_.write([&](soci::session& sql) -> Result<std::vector<repo::Moderator>> {
    const long long user = repo::user_by_email(sql, email);
    if (!user)
      return Error::invalid("email", "user_unknown", "email: no account has it; ask them to join first");
    repo::add_moderator(sql, show.id, user, who.user_id, format_utc(clock_.now()));
    return repo::moderators(sql, show.id);
  });
}

Result<std::vector<repo::Moderator>> Live::remove_moderator(const std::string& slug,
                                                            const web::Principal& who, long long user_id) {
  const auto show = TRY(managed(slug, who));
  return db_.write([&](soci::session& sql) -> Result<std::vector<repo::Moderator>> {
    if (!repo::remove_moderator(sql, show.id, user_id)) return Error::not_found("moderator");
    return repo::moderators(sql, show.id);
  });
}

std::vector<repo::Moderator> Live::moderators(long long show_id) {
  return db_.read([&](soci::session& sql) { return repo::moderators(sql, show_id); });
}

bool Live::banned(long long show_id, long long user_id) {
  if (!user_id) return false;
  const auto m = db_.read([&](soci::session& sql) { return repo::moderation_of(sql, show_id, user_id); });
  if (m.banned || !m.muted_until.empty()) {
    TimePoint until{};
    parse_utc(m.muted_until, until);
    rooms_.of(show_id)->with_chatter(user_id, [&](Chatter& c) {
      c.banned = m.banned;
      c.muted_until = until;
      return 0;
    });
  }
  return m.banned;
}

void Live::heart(long long show_id) {
  if (auto room = rooms_.find(show_id)) room->heart();
}

Analytics Live::analytics(const Show& show) {
  Analytics a;
  const auto totals = db_.read([&](soci::session& sql) { return repo::totals(sql, show.id); });
  a.peak_viewers = show.peak_viewers;
  a.watch_seconds = show.watch_seconds;
  a.chat_messages = totals.chat_messages;
  a.orders = totals.orders;
  a.revenue = totals.revenue;
  TimePoint start, end;
  if (parse_utc(show.started_at, start)) {
    if (!parse_utc(show.ended_at, end)) end = clock_.now();
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(end - start).count();
    if (seconds > 0)
      a.average_viewers = static_cast<double>(show.watch_seconds) / static_cast<double>(seconds);
  }
  if (a.peak_viewers > 0) a.conversion = static_cast<double>(a.orders) / a.peak_viewers;
  return a;
}

int Live::viewers(long long show_id) {
  const auto now = clock_.now();
  std::lock_guard lock(counts_mutex_);
  int total = 0;
  for (const auto& [node, count] : counts_[show_id])
    if (now - count.at < count_fresh) total += count.viewers;
  return total;
}

void Live::tick() {
  for (const auto& [show_id, room] : rooms_.all()) {
    const int here = static_cast<int>(room->viewers());
    const int hearts = room->take_hearts();
    bus_->publish(show_id, presence_event(node_, here, hearts));
    if (here == 0) continue;
    int hearts_everywhere = 0;
    {
      std::lock_guard lock(counts_mutex_);
      hearts_everywhere = std::exchange(remote_hearts_[show_id], 0);
    }
    const int everywhere = viewers(show_id);
    rooms_.deliver(show_id, tick_event(everywhere, hearts_everywhere));
    db_.write([&](soci::session& sql) { repo::add_watch(sql, show_id, everywhere, here); });
  }
  rooms_.drop_unused();  // after the empty ones told the other nodes they have nobody here
}

void Live::publish(long long show_id, const std::string& event) { bus_->publish(show_id, event); }

// Every event, from this node or another: counts and moderation are kept here, the rest goes to the
// viewers connected to this node.
void Live::deliver(long long show_id, const std::string& event) {
  if (!internal_event(event)) {
    rooms_.deliver(show_id, event);
    return;
  }
  boost::system::error_code ec;
  const auto value = boost::json::parse(event, ec);
  if (ec || !value.is_object()) return;
  const auto& o = value.as_object();
  if (o.at("type") == "presence") {
    std::lock_guard lock(counts_mutex_);
    counts_[show_id][std::string(o.at("node").as_string())] = {static_cast<int>(o.at("viewers").as_int64()),
                                                               clock_.now()};
    remote_hearts_[show_id] += static_cast<int>(o.at("hearts").as_int64());
    return;
  }
  auto room = rooms_.find(show_id);
  if (!room) return;
  const long long user_id = o.at("user_id").as_int64();
  TimePoint until{};
  parse_utc(std::string(o.at("muted_until").as_string()), until);
  const bool is_banned = o.at("banned").as_bool();
  room->with_chatter(user_id, [&](Chatter& c) {
    c.muted_until = until;
    c.banned = is_banned;
    return 0;
  });
  if (is_banned) room->kick(user_id);
}

}  // namespace brilliant::live
