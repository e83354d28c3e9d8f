#include "b2b/b2b.hpp"

#include "accounts/repo.hpp"
#include "b2b/repo.hpp"
#include "catalog/page_views.hpp"
#include "catalog/service.hpp"
#include "core/secret.hpp"
#include "db/database.hpp"
#include "exhibitions/repo.hpp"
#include "mail/outbox.hpp"
#include "orders/orders.hpp"

namespace brilliant::b2b {
namespace {

// A stored quote as a reader sees it.
Quote seen(Quote q, TimePoint now) {
  q.status = effective_status(q.status, q.valid_until, now);
  return q;
}

std::vector<Quote> seen(std::vector<Quote> list, TimePoint now) {
  for (auto& q : list) q.status = effective_status(q.status, q.valid_until, now);
  return list;
}

}  // namespace

B2b::B2b(db::Database& db, const Clock& clock, catalog::Catalog& catalog, orders::Orders& orders)
    : db_(db), clock_(clock), catalog_(catalog), orders_(orders) {}

Result<Application> B2b::apply(long long user_id, const ApplicationInput& raw) {
  const auto in = TRY(check_application(raw));
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<Application> {
    const auto before = repo::application(sql, user_id);
    if (before && before->status == "approved")
      return Error::conflict("status", "already_buyer", "you are an approved buyer already");
    repo::save_application(sql, user_id, in, now);
    return *repo::application(sql, user_id);
  });
}

std::optional<Application> B2b::application(long long user_id) {
  return db_.read([&](soci::session& sql) { return repo::application(sql, user_id); });
}

std::vector<Application> B2b::applications() {
  return db_.read([](soci::session& sql) { return repo::applications(sql); });
}

Result<Application> B2b::decide(long long user_id, const std::string& decision, long long operator_id) {
  if (decision != "approved" && decision != "refused")
    return Error::invalid("decision", "decision_invalid", "decision must be approved or refused");
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<Application> {
    if (!repo::application(sql, user_id)) return Error::not_found("application");
    repo::decide_application(sql, user_id, decision, operator_id, now);
    if (decision == "approved")
      accounts::repo::grant_role(sql, user_id, web::Role::buyer, 0, now);
    else
      sql << "DELETE FROM user_roles WHERE user_id = :u AND role = 'buyer'", soci::use(user_id);
    return *repo::application(sql, user_id);
  });
}

Result<Quote> B2b::request(long long buyer_id, const QuoteRequest& in) {
  const int quantity = TRY(check_quantity(in.quantity));
  const auto note = TRY(check_note(in.note, "note"));
  const auto product = catalog_.product(in.product_slug);
  if (!product || !product->on_sale() || product->variants.empty()) return Error::not_found("piece");
  long long variant = in.variant_id ? 0 : product->variants.front().id;
  for (const auto& v : product->variants)
    if (v.id == in.variant_id) variant = v.id;
  if (!variant)
    return Error::invalid("variant_id", "variant_invalid", "variant_id is not one of the piece's");
  const auto now = clock_.now();
  const auto at = format_utc(now);
  return db_.write([&](soci::session& sql) -> Result<Quote> {
    Quote q;
    q.number = quote_number(catalog::seoul_day(now), random_code(6, quote_alphabet));
    q.buyer_id = buyer_id;
    q.workshop_id = product->workshop_id;
    q.product_id = product->id;
    q.variant_id = variant;
    q.quantity = quantity;
    q.buyer_note = note;
    if (!in.exhibition_slug.empty()) {
      const auto fair = exhibitions::repo::find(sql, in.exhibition_slug);
      if (!fair) return Error::invalid("exhibition", "exhibition_invalid", "no exhibition has this slug");
      q.exhibition_id = fair->id;
    }
    q.id = repo::insert_quote(sql, q, at);
    repo::event(sql, q.id, "draft", buyer_id, note, at);
    return seen(*repo::quote(sql, q.number), now);
  });
}

std::vector<Quote> B2b::of_buyer(long long buyer_id) {
  return seen(db_.read([&](soci::session& sql) { return repo::quotes(sql, buyer_id, 0); }), clock_.now());
}

std::vector<Quote> B2b::of_workshop(long long workshop_id) {
  if (!workshop_id) return {};
  return seen(db_.read([&](soci::session& sql) { return repo::quotes(sql, 0, workshop_id); }), clock_.now());
}

std::vector<Quote> B2b::all() {
  return seen(db_.read([&](soci::session& sql) { return repo::quotes(sql, 0, 0); }), clock_.now());
}

std::optional<Quote> B2b::visible(const std::string& number, long long buyer_id, long long workshop_id,
                                  bool is_operator) {
  if (!looks_like_quote_number(number)) return std::nullopt;
  auto q = db_.read([&](soci::session& sql) { return repo::quote(sql, number); });
  if (!q) return std::nullopt;
  const bool mine = (buyer_id && q->buyer_id == buyer_id) || (workshop_id && q->workshop_id == workshop_id);
  if (!mine && !is_operator) return std::nullopt;
  return seen(*q, clock_.now());
}

Result<Quote> B2b::change(const std::string& number, long long buyer_id, long long workshop_id,
                          const std::function<Result<void>(soci::session&, const Quote&)>& fn) {
  if (!looks_like_quote_number(number)) return Error::not_found("quote");
  const auto now = clock_.now();
  return db_.write([&](soci::session& sql) -> Result<Quote> {
    auto q = repo::quote(sql, number);
    if (!q || (buyer_id && q->buyer_id != buyer_id) || (workshop_id && q->workshop_id != workshop_id))
      return Error::not_found("quote");
    TRY(fn(sql, seen(*q, now)));
    return seen(*repo::quote(sql, number), now);
  });
}

Result<Quote> B2b::answer(long long workshop_id, const std::string& number, const Answer& raw, bool send,
                          long long actor) {
  if (!workshop_id) return Error::not_found("quote");
  const auto a = TRY(check_answer(raw));
  const auto now = clock_.now();
  const auto at = format_utc(now);
  const auto until = format_utc(now + std::chrono::hours(24 * a.valid_days));
  return change(number, 0, workshop_id, [&](soci::session& sql, const Quote& q) -> Result<void> {
    TRY(allowed(send ? Action::send : Action::answer, q.status));
    if (!send && q.status == "sent")
      return Error::rule_broken("status", "quote_sent", "a sent answer is revised by sending it again");
    const std::string to = send ? "sent" : "draft";
    if (!repo::answer(sql, q.id, q.status, to, a, until, at))
      return Error::conflict("status", "quote_changed", "the quote changed meanwhile: reload it");
    repo::event(sql, q.id, to, actor, a.note, at);
    return {};
  });
}

Result<Quote> B2b::accept(long long buyer_id, const std::string& number) {
  if (!buyer_id) return Error::not_found("quote");
  const auto at = format_utc(clock_.now());
  return change(number, buyer_id, 0, [&](soci::session& sql, const Quote& q) -> Result<void> {
    TRY(allowed(Action::accept, q.status));
    if (!repo::move(sql, q.id, "sent", "accepted", at))
      return Error::conflict("status", "quote_changed", "the quote changed meanwhile: reload it");
    repo::event(sql, q.id, "accepted", buyer_id, "", at);
    return {};
  });
}

Result<orders::Order> B2b::order(long long buyer_id, const std::string& number, const Ordering& how) {
  auto q = visible(number, buyer_id, 0, false);
  if (!q || !buyer_id) return Error::not_found("quote");
  // The status is checked again in the order's transaction. An ordered quote still goes to
  // orders::Orders::place, which answers a second submit of the same form (its key) with the order it made.
  if (q->status != "ordered") TRY(allowed(Action::order, q->status));
  const long long quantity = how.quantity ? how.quantity : q->quantity;
  if (quantity < q->min_quantity || quantity > 100000)
    return Error::invalid(
        "quantity", "below_minimum",
        "quantity must be at least the quote's minimum of " + std::to_string(q->min_quantity));
  orders::Checkout checkout;
  checkout.user_id = buyer_id;
  checkout.address = how.address;
  checkout.key = how.key;
  checkout.locale = how.locale;
  checkout.utm = {"b2b", "quote", q->exhibition_slug, q->number};
  const auto at = format_utc(clock_.now());
  checkout.direct = orders::DirectLine{q->product_slug,
                                       {q->variant_id, static_cast<int>(quantity), "", false},
                                       q->unit_price,
                                       [&](soci::session& sql, long long order_id) -> Result<void> {
                                         const auto now_q = repo::quote(sql, q->number);
                                         if (!now_q) return Error::not_found("quote");
                                         TRY(allowed(Action::order, now_q->status));
                                         if (!repo::mark_ordered(sql, q->id, order_id, at))
                                           return Error::conflict("status", "quote_changed",
                                                                  "the quote changed meanwhile: reload it");
                                         repo::event(sql, q->id, "ordered", buyer_id, "", at);
                                         return {};
                                       },
                                       q->lead_days > 0,
                                       100000,
                                       true,
                                       q->lead_days};
  auto placed = orders_.place(checkout);
  if (!placed && q->status == "ordered") return allowed(Action::order, q->status).error();
  return placed;
}

std::optional<orders::Order> B2b::order_of(const Quote& q) {
  if (q.order_number.empty()) return std::nullopt;
  return orders_.find(q.order_number);
}

Result<Quote> B2b::decline(long long buyer_id, long long workshop_id, const std::string& number,
                           const std::string& raw_note, long long actor) {
  if (!buyer_id && !workshop_id) return Error::not_found("quote");
  const auto note = TRY(check_note(raw_note, "note"));
  const auto at = format_utc(clock_.now());
  return change(number, buyer_id, workshop_id, [&](soci::session& sql, const Quote& q) -> Result<void> {
    TRY(allowed(Action::decline, q.status));
    if (!repo::move(sql, q.id, q.status, "declined", at))
      return Error::conflict("status", "quote_changed", "the quote changed meanwhile: reload it");
    repo::event(sql, q.id, "declined", actor, note, at);
    return {};
  });
}

int B2b::send_reminders() {
  if (!reminder_mail_) return 0;
  const auto now = clock_.now();
  const auto at = format_utc(now);
  return db_.write([&](soci::session& sql) {
    int queued = 0;
    for (const auto& q : repo::quotes(sql, 0, 0, 100000, "draft")) {
      if (!reminder_due(q.status, q.requested_at, q.reminded_at, now)) continue;
      for (const auto& [email, locale] : repo::workshop_people(sql, q.workshop_id)) {
        mail::enqueue(sql, reminder_mail_(q, email, locale), clock_);
        ++queued;
      }
      repo::mark_reminded(sql, q.id, at);
    }
    return queued;
  });
}

}  // namespace brilliant::b2b
