// Live's simulcast (service.hpp): push targets kept with their keys sealed, relays started when the
// show's stream comes in on this node, their states written down as they change.
#include <soci/soci.h>
#include <spdlog/spdlog.h>

#include "db/database.hpp"
#include "live/service.hpp"

namespace brilliant::live {

void Live::set_simulcast(SimulcastSettings settings) {
  relays_.reset();
  simulcast_ = std::move(settings);
  relays_ =
      std::make_unique<Relays>([this](long long target, const std::string& state, const std::string& detail) {
        try {
          db_.write([&](soci::session& sql) {
            repo::set_push_state(sql, target, state, detail, format_utc(clock_.now()));
          });
        } catch (const std::exception& e) {
          spdlog::error("live: a simulcast target's state was not saved: {}", e.what());
        }
      });
}

Result<PushTarget> Live::add_target(const std::string& slug, const web::Principal& who,
                                    const PushTargetInput& raw) {
  auto show = TRY(managed(slug, who));
  if (!relays_) return Error::rule_broken("url", "simulcast_off", "simulcast is not set up on this server");
  if (show.state == State::ended || show.state == State::cancelled)
    return Error::rule_broken("state", "show_over",
                              "this show is over; simulcast targets are for shows to come");
  auto input = TRY(check_push_target(raw));
  const auto sealed = seal(input.key, simulcast_.key);
  const auto id = TRY(db_.write([&](soci::session& sql) -> Result<long long> {
    if (repo::push_targets(sql, show.id).size() >= static_cast<size_t>(max_push_targets))
      return Error::rule_broken(
          "url", "targets_full",
          "a show relays to at most " + std::to_string(max_push_targets) + " platforms");
    return repo::insert_push_target(sql, show.id, input, sealed, who.user_id, format_utc(clock_.now()));
  }));
  if (show.state == State::live) start_relays(show, id);
  for (auto& t : targets(show.id))
    if (t.id == id) return t;
  return Error::not_found("target");
}

Result<void> Live::remove_target(const std::string& slug, const web::Principal& who, long long target_id) {
  auto show = TRY(managed(slug, who));
  if (relays_) relays_->stop(target_id);
  const bool removed =
      db_.write([&](soci::session& sql) { return repo::remove_push_target(sql, show.id, target_id); });
  if (!removed) return Error::not_found("target");
  return {};
}

std::vector<PushTarget> Live::targets(long long show_id) {
  return db_.read([&](soci::session& sql) { return repo::push_targets(sql, show_id); });
}

void Live::start_relays(const Show& show, long long target_id) {
  if (!relays_ || show.rehearsal) return;  // a rehearsal stays private: nothing goes to the platforms
  const auto sealed =
      db_.read([&](soci::session& sql) { return repo::sealed_targets(sql, show.id, target_id); });
  const auto source = relay_source(simulcast_.rtmp_url, show.slug);
  for (const auto& t : sealed) {
    const auto key = open_sealed(t.key_sealed, simulcast_.key);
    if (!key) {
      db_.write([&](soci::session& sql) {
        repo::set_push_state(sql, t.id, "failed", "the stream key cannot be read here: enter it again",
                             format_utc(clock_.now()));
      });
      continue;
    }
    relays_->start(show.id, t.id, simulcast_.command(source, t.url, *key));
  }
}

void Live::stop_relays(long long show_id) {
  if (relays_) relays_->stop_show(show_id);
}

}  // namespace brilliant::live
