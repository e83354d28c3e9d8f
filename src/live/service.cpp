#include "live/service.hpp"

#include <soci/soci.h>

#include <algorithm>

#include "core/secret.hpp"
#include "db/database.hpp"
#include "live/events.hpp"

namespace brilliant::live {

namespace {
constexpr std::string_view slug_alphabet = "abcdefghijkmnpqrstuvwxyz23456789";  // 32: divides 256

// The workshop that makes a published piece; 0 when the piece is not on sale.
long long maker_of(const catalog::Snapshot& snap, long long product_id) {
  auto it = snap.by_id.find(product_id);
  if (it == snap.by_id.end()) return 0;
  const auto& slug = snap.cards[it->second].workshop_slug;
  for (const auto& w : snap.workshops)
    if (w.slug == slug) return w.id;
  return 0;
}
}  // namespace

Live::Live(db::Database& db, catalog::Catalog& catalog, orders::Orders& orders, const Clock& clock,
           std::unique_ptr<Bus> bus, std::chrono::milliseconds batch_window)
    : db_(db),
      catalog_(catalog),
      orders_(orders),
      clock_(clock),
      bus_(std::move(bus)),
      rooms_(batch_window),
      node_(random_token(8)) {
  bus_->start([this](long long show_id, const std::string& event) { deliver(show_id, event); });
}

Live::~Live() { bus_->stop(); }

bool Live::may_manage(const Show& show, const web::Principal& who) {
  if (who.has(web::Role::operator_)) return true;
  return show.workshop_id != 0 && who.may_act_for_workshop(show.workshop_id) && !who.console_writes_blocked();
}

Result<Show> Live::find_or_error(const std::string& slug) {
  if (!valid_slug(slug)) return Error::not_found("show");
  auto show = find(slug);
  if (!show) return Error::not_found("show");
  return std::move(*show);
}

bool Live::may_moderate(const Show& show, const web::Principal& who) {
  return may_manage(show, who) || std::find(show.moderator_ids.begin(), show.moderator_ids.end(),
                                            who.user_id) != show.moderator_ids.end();
}

Result<Show> Live::managed(const std::string& slug, const web::Principal& who) {
  auto show = TRY(find_or_error(slug));
  if (!may_manage(show, who)) return Error::forbidden("only the show's host and operators may run it");
  return show;
}

std::optional<Show> Live::find(const std::string& slug) {
  return db_.read([&](soci::session& sql) { return repo::find(sql, slug); });
}

std::vector<Show> Live::list(long long workshop_id) {
  return db_.read([&](soci::session& sql) { return repo::list(sql, workshop_id); });
}

Result<void> Live::check_lineup(const std::vector<long long>& lineup, long long workshop_id) {
  const auto snap = catalog_.snapshot();
  for (long long id : lineup) {
    const long long maker = maker_of(*snap, id);
    if (maker == 0)
      return Error::invalid("lineup", "lineup_not_on_sale",
                            "lineup: piece " + std::to_string(id) + " is not on sale");
    if (workshop_id != 0 && maker != workshop_id)
      return Error::invalid("lineup", "lineup_not_yours",
                            "lineup: piece " + std::to_string(id) + " is another workshop's");
  }
  return {};
}

Result<Live::Created> Live::create(const web::Principal& who, long long workshop_id, const ShowInput& input) {
  if (workshop_id == 0 ? !who.has(web::Role::operator_) : !who.may_act_for_workshop(workshop_id))
    return Error::forbidden("you may host shows only for your own workshop");
  if (who.console_writes_blocked()) return Error::forbidden("your workshop is suspended");
  auto checked = TRY(check_show(input));
  TRY(check_lineup(checked.lineup, workshop_id));
  Created out;
  out.stream_key = random_token(24);
  repo::NewShow row{make_slug(checked.title_en, random_code(4, slug_alphabet)),
                    sha256_hex(out.stream_key),
                    format_utc(clock_.now()),
                    workshop_id,
                    who.user_id,
                    checked};
  db_.write([&](soci::session& sql) { repo::insert_show(sql, row); });
  out.show = *find(row.slug);
  return out;
}

Result<Show> Live::update(const std::string& slug, const web::Principal& who, const ShowInput& input) {
  auto show = TRY(managed(slug, who));
  auto checked = TRY(check_show(input));
  TRY(check_lineup(checked.lineup, show.workshop_id));
  db_.write([&](soci::session& sql) { repo::update_show(sql, show.id, checked); });
  if (checked.notice != show.notice) publish(show.id, notice_event(checked.notice));
  return *find(slug);
}

Result<std::string> Live::rotate_key(const std::string& slug, const web::Principal& who) {
  auto show = TRY(managed(slug, who));
  auto key = random_token(24);
  db_.write([&](soci::session& sql) { repo::set_key(sql, show.id, sha256_hex(key)); });
  return key;
}

Result<Show> Live::stream_started(const std::string& key) {
  if (!is_random_token(key, 24)) return Error::forbidden("unknown stream key");
  auto show = db_.read([&](soci::session& sql) { return repo::find_by_key(sql, sha256_hex(key)); });
  if (!show) return Error::forbidden("unknown stream key");
  TRY(may_go_live(*show));
  const auto at = format_utc(clock_.now());
  db_.write([&](soci::session& sql) { repo::set_state(sql, show->id, State::live, at); });
  show->state = State::live;
  if (show->started_at.empty()) show->started_at = at;
  publish(show->id, state_event(State::live));
  start_relays(*show);
  return std::move(*show);
}

Result<Show> Live::stream_ended(const std::string& name) {
  auto show = db_.read([&](soci::session& sql) {
    return is_random_token(name, 24) ? repo::find_by_key(sql, sha256_hex(name))
           : valid_slug(name)        ? repo::find(sql, name)
                                     : std::nullopt;
  });
  if (!show) return Error::forbidden("unknown stream key");
  stop_relays(show->id);  // the stream is gone: nothing to relay (ended already or not)
  if (show->state != State::live) return std::move(*show);
  const auto at = format_utc(clock_.now());
  db_.write([&](soci::session& sql) { repo::set_state(sql, show->id, State::ended, at); });
  show->state = State::ended;
  show->ended_at = at;
  publish(show->id, state_event(State::ended));
  return std::move(*show);
}

Result<Show> Live::end(const std::string& slug, const web::Principal& who) {
  auto show = TRY(managed(slug, who));
  if (show.state == State::ended || show.state == State::cancelled) return show;
  const auto next = show.state == State::live ? State::ended : State::cancelled;
  db_.write([&](soci::session& sql) { repo::set_state(sql, show.id, next, format_utc(clock_.now())); });
  publish(show.id, state_event(next));
  stop_relays(show.id);
  return *find(slug);
}

void Live::set_replay(const std::string& slug, const std::string& url) {
  db_.write([&](soci::session& sql) {
    if (auto show = repo::find(sql, slug)) repo::set_replay(sql, show->id, url);
  });
}

Result<void> Live::pin(const std::string& slug, const web::Principal& who, long long product_id) {
  auto show = TRY(managed(slug, who));
  const auto snap = catalog_.snapshot();
  auto it = snap->by_id.find(product_id);
  if (it == snap->by_id.end())
    return Error::invalid("product_id", "product_not_on_sale", "product_id: that piece is not on sale");
  db_.write(
      [&](soci::session& sql) { repo::add_chapter(sql, show.id, product_id, format_utc(clock_.now())); });
  publish(show.id, showing_event(snap->cards[it->second]));
  return {};
}

Result<Deal> Live::add_deal(const std::string& slug, const web::Principal& who, const DealInput& input) {
  auto show = TRY(managed(slug, who));
  long long product_id = 0, regular = 0;
  const auto snap = catalog_.snapshot();
  for (long long id : show.lineup) {
    auto it = snap->by_id.find(id);
    if (it == snap->by_id.end()) continue;
    auto product = catalog_.product(snap->cards[it->second].slug);
    for (const auto& v : product ? product->variants : std::vector<catalog::Variant>{})
      if (v.id == input.variant_id) product_id = id, regular = v.price;
  }
  if (!product_id)
    return Error::invalid("variant_id", "variant_not_in_lineup",
                          "variant_id: not a variant of a piece in the line-up");
  auto checked = TRY(check_deal(input, regular));
  repo::NewDeal row{show.id,
                    checked.variant_id,
                    checked.price,
                    checked.quantity,
                    checked.per_customer,
                    checked.duration_seconds,
                    format_utc(clock_.now())};
  auto deal = db_.write([&](soci::session& sql) { return repo::deal(sql, repo::insert_deal(sql, row)); });
  publish(show.id, deal_event(*deal, clock_.now()));
  return std::move(*deal);
}

Result<Deal> Live::start_deal(const std::string& slug, const web::Principal& who, long long deal_id) {
  auto show = TRY(managed(slug, who));
  if (show.state != State::live)
    return Error::rule_broken("state", "show_not_live", "deals start only while the show is live");
  const auto now = clock_.now();
  auto deal = db_.write([&](soci::session& sql) -> Result<Deal> {
    auto d = repo::deal(sql, deal_id);
    if (!d || d->show_id != show.id) return Error::not_found("deal");
    if (!repo::start_deal(sql, deal_id, format_utc(now),
                          format_utc(now + std::chrono::seconds(d->duration_seconds))))
      return Error::conflict("deal", "deal_started", "this deal has started already");
    return *repo::deal(sql, deal_id);
  });
  if (deal) publish(show.id, deal_event(*deal, now));
  return deal;
}

Result<orders::Order> Live::buy(const std::string& slug, long long deal_id, const web::Principal& buyer,
                                const Purchase& p) {
  auto show = TRY(find_or_error(slug));
  auto deal = db_.read([&](soci::session& sql) { return repo::deal(sql, deal_id); });
  if (!deal || deal->show_id != show.id) return Error::not_found("deal");
  const auto now = clock_.now();
  // (No check before placing: a second tap with the same key must get its order back even when the deal
  // has sold out since. The rules are checked in the order's transaction.)
  orders::Checkout checkout;
  checkout.user_id = buyer.user_id;
  checkout.address = p.address;
  checkout.key = p.key;
  checkout.locale = p.locale;
  const auto at = format_utc(now);
  checkout.direct = orders::DirectLine{
      deal->product_slug,
      {deal->variant_id, p.quantity, "", false},
      deal->price,
      [&](soci::session& sql, long long order_id) -> Result<void> {
        // The units first: the row lock orders two buyers, so the count below sees the other's purchase.
        const bool claimed = repo::claim_units(sql, deal_id, p.quantity, at);
        const int already = repo::bought_by(sql, deal_id, buyer.user_id);
        if (!claimed) {  // why not, as the deal stands now
          TRY(check_purchase(repo::deal(sql, deal_id).value_or(*deal), already, p.quantity, now));
          return Error::conflict("deal", "deal_sold_out", "this deal is sold out");
        }
        if (already + p.quantity > deal->per_customer)
          return Error::rule_broken(
              "quantity", "deal_limit_reached",
              "at most " + std::to_string(deal->per_customer) + " per customer in this deal");
        repo::record_purchase(sql, deal_id, buyer.user_id, order_id, p.quantity, at);
        return {};
      }};
  auto order = orders_.place(checkout);
  if (!order) return order;
  // Viewers see the units left; the host's panel the show's orders and revenue, as they happen.
  auto [now_deal, totals] = db_.read([&](soci::session& sql) {
    return std::pair{repo::deal(sql, deal_id), repo::totals(sql, show.id)};
  });
  if (now_deal) publish(show.id, deal_event(*now_deal, clock_.now()));
  publish(show.id, sales_event(totals.orders, totals.revenue));
  return order;
}

Result<bool> Live::remind(const std::string& slug, long long user_id) {
  auto show = TRY(find_or_error(slug));
  if (show.state != State::scheduled)
    return Error::rule_broken("state", "show_not_upcoming", "reminders are for shows that have not started");
  return db_.write([&](soci::session& sql) {
    return repo::add_reminder(sql, show.id, user_id, format_utc(clock_.now()));
  });
}

bool Live::reminded(long long show_id, long long user_id) {
  return db_.read([&](soci::session& sql) { return repo::has_reminder(sql, show_id, user_id); });
}

int Live::send_reminders() {
  if (!reminder_mail_) return 0;
  const auto now = clock_.now();
  return db_.write([&](soci::session& sql) {
    int queued = 0;
    for (const auto& due :
         repo::take_due_reminders(sql, format_utc(now + std::chrono::minutes(10)), format_utc(now)))
      for (const auto& [email, locale] : due.people) {
        mail::enqueue(sql, reminder_mail_(due.show, email, locale), clock_);
        ++queued;
      }
    return queued;
  });
}

}  // namespace brilliant::live
