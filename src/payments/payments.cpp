#include "payments/payments.hpp"

#include <boost/json.hpp>
#include <boost/url.hpp>

#include "core/checks.hpp"
#include "core/text.hpp"
#include "db/database.hpp"
#include "payments/payment_events.hpp"
#include "payments/payment_repo.hpp"

namespace brilliant::payments {
namespace json = boost::json;
using orders::Order;
using orders::OrderStatus;

std::string Window::stand_in_url() const {
  boost::urls::url url(window_url);
  auto params = url.params();
  for (auto [k, v] : {std::pair<const char*, std::string>{"clientKey", client_key},
                      {"orderId", order_id},
                      {"orderName", order_name},
                      {"amount", std::to_string(amount)},
                      {"customerName", customer_name},
                      {"successUrl", success_url},
                      {"failUrl", fail_url}})
    params.append({k, v});
  return std::string(url.buffer());
}

Payments::Payments(db::Database& db, orders::Orders& orders, Provider* provider, const Clock& clock,
                   TossSettings settings)
    : db_(db), orders_(orders), provider_(provider), clock_(clock), settings_(std::move(settings)) {}

std::string Payments::now() const { return format_utc(clock_.now()); }

std::optional<Payment> Payments::find(const std::string& provider_order_id) {
  if (!looks_like_provider_order_id(provider_order_id)) return std::nullopt;
  return db_.read([&](soci::session& sql) { return repo::by_provider_order(sql, provider_order_id); });
}

std::vector<Payment> Payments::of_order(long long order_id) {
  return db_.read([&](soci::session& sql) { return repo::of_order(sql, order_id); });
}

std::vector<PaymentEvent> Payments::history(long long payment_id) {
  return db_.read([&](soci::session& sql) { return repo::events(sql, payment_id); });
}

std::optional<Payment> Payments::holding(long long order_id) {
  for (const auto& p : of_order(order_id))
    if (holds_money(p.status)) return p;
  return std::nullopt;
}

void Payments::note(const Payment& p, const std::string& kind, const Answer& answer, PaymentStatus to,
                    long long amount, long long actor_id) {
  const auto at = now();
  db_.write([&](soci::session& sql) {
    repo::record(sql, p.id, event_of(kind, answer, p.status, to, amount), actor_id, at);
  });
}

bool Payments::move(const Payment& p, PaymentStatus from, const std::string& kind, const Answer& answer,
                    long long amount, long long actor_id) {
  const auto at = now();
  return db_.write([&](soci::session& sql) {
    if (!repo::move(sql, p, from, at)) return false;
    repo::record(sql, p.id, event_of(kind, answer, from, p.status, amount), actor_id, at);
    return true;
  });
}

Result<Window> Payments::open(const Order& order, const std::string& site, const std::string& key) {
  if (!card_enabled())
    return Error::conflict("payment_method", "card_unavailable", "card payments are not offered here");
  if (order.status != OrderStatus::awaiting_payment)
    return Error::conflict(
        "status", "order_not_awaiting_payment",
        "order " + order.number + " is " + orders::to_string(order.status) + ", not awaiting payment");
  const auto at = now();
  auto p = db_.write([&](soci::session& sql) {
    for (const auto& earlier : repo::of_order(sql, order.id))
      if (earlier.status == PaymentStatus::ready && earlier.amount == order.total) return earlier;
    auto fresh = repo::insert(sql, order.id, order.number, order.total, at);
    repo::record(sql, fresh.id,
                 event_of("opened", {}, PaymentStatus::ready, PaymentStatus::ready, order.total), 0, at);
    return fresh;
  });
  const std::string back = key.empty() ? "" : "?key=" + key;
  return Window{settings_.client_key,
                settings_.window_url,
                p.provider_order_id,
                order_name(order),
                order.customer_name,
                order.customer_email,
                order.total,
                site + "/payments/toss/success" + back,
                site + "/payments/toss/fail" + back,
                settings_.test_mode()};
}

Result<Order> Payments::confirm(const std::string& provider_order_id, const std::string& payment_key,
                                long long amount) {
  if (!card_enabled()) return Error::not_found("payment");
  auto found = find(provider_order_id);
  if (!found) {
    const auto at = now();
    db_.write([&](soci::session& sql) {
      repo::record(sql, 0,
                   event_of("refused", our_refusal("unknown_order", provider_order_id), PaymentStatus::ready,
                            PaymentStatus::ready, amount),
                   0, at);
    });
    return Error::not_found("payment");
  }
  Payment p = *found;
  if (holds_money(p.status)) return *orders_.find(p.order_number);  // the success page again
  if (payment_key.empty() || payment_key.size() > 200)
    return Error::invalid("paymentKey", "payment_key_invalid", "paymentKey is missing");
  if (amount != p.amount) {
    note(p, "refused",
         our_refusal("amount_mismatch", "the window returned " + std::to_string(amount) + " won"), p.status,
         amount);
    return Error::invalid("amount", "amount_mismatch",
                          "the amount paid is not the order's total of " + std::to_string(p.amount) + " won");
  }
  auto order = orders_.find(p.order_number);
  if (!order || order->status != OrderStatus::awaiting_payment || order->total != p.amount) {
    note(p, "refused", our_refusal("order_not_awaiting_payment", "not confirmed"), p.status);
    return Error::conflict("status", "order_not_awaiting_payment",
                           "order " + p.order_number + " no longer awaits payment; nothing was charged");
  }
  if (p.status == PaymentStatus::in_progress) {
    // A confirm was sent before and never answered: ask what became of it before sending another.
    auto asked = provider_->by_order(p.provider_order_id);
    if (asked.ok()) return settle(p, asked, "looked_up");
    if (asked.kind == Answer::Kind::unreachable) return ask_after_silence(p, asked);
  } else {
    if (!may_move(p.status, PaymentStatus::in_progress))
      return Error::conflict("status", "payment_closed", "this payment window was closed; open a new one");
    Payment sent = p;
    sent.status = PaymentStatus::in_progress;
    sent.payment_key = payment_key;
    if (!move(sent, p.status, "confirm_sent", {}, amount))
      return Error::conflict("status", "payment_busy", "try again");
    p = sent;
  }
  auto answer =
      provider_->confirm(payment_key, p.provider_order_id, p.amount, "confirm-" + p.provider_order_id);
  if (answer.ok()) return settle(p, answer, "confirmed");
  if (answer.kind == Answer::Kind::unreachable) return ask_after_silence(p, answer);
  if (answer.code == "ALREADY_PROCESSED_PAYMENT") {
    auto asked = provider_->by_order(p.provider_order_id);
    if (asked.ok()) return settle(p, asked, "looked_up");
  }
  Payment declined = p;
  declined.status = PaymentStatus::aborted;
  (void)move(declined, p.status, "declined", answer);
  return Error::conflict("payment", answer.code.empty() ? "payment_declined" : answer.code,
                         answer.message.empty() ? "the card company declined the payment" : answer.message);
}

Result<Order> Payments::ask_after_silence(const Payment& p, const Answer& silence) {
  note(p, "unreachable", silence, p.status);
  auto asked = provider_->by_order(p.provider_order_id);
  if (asked.ok()) return settle(p, asked, "looked_up");
  return Error::conflict("payment", "payment_pending",
                         "the card company has not answered yet; the order will show as paid once it does");
}

Result<Order> Payments::settle(const Payment& p, const Answer& answer, const std::string& kind) {
  const auto to = from_toss(answer.payment.status);
  if (!to) {
    note(p, "refused", answer, p.status);
    return Error::conflict("payment", "status_unknown", "the provider answered an unknown status");
  }
  if (answer.payment.order_id != p.provider_order_id || answer.payment.total != p.amount) {
    const bool charged = holds_money(*to);
    give_back(p, answer, "amount_mismatch",
              charged ? "결제 금액이 주문과 달라 취소합니다 (amount did not match the order)" : "");
    return Error::conflict("amount", "amount_mismatch", "the provider's payment is not this order's total");
  }
  if (*to == PaymentStatus::done) return settle_done(p, answer, kind);
  Payment next = p;
  next.status = *to;
  next.balance = answer.payment.balance;
  const bool refund =
      holds_money(p.status) && (*to == PaymentStatus::canceled || *to == PaymentStatus::partial_canceled);
  if (!may_move(p.status, *to) || (refund && answer.payment.balance == p.balance)) {
    note(p, kind + "_no_change", answer, p.status);
    return *orders_.find(p.order_number);
  }
  if (refund) {  // cancelled at the provider's side (its console): the order's history says so
    const auto at = now();
    const long long given = p.balance - answer.payment.balance;
    return orders_.record_event(
        p.order_number, 0, "refunded", std::to_string(given) + "원", [&](soci::session& sql, const Order&) {
          if (repo::move(sql, next, p.status, at))
            repo::record(sql, p.id, event_of(kind, answer, p.status, *to, given), 0, at);
        });
  }
  (void)move(next, p.status, kind, answer);
  return *orders_.find(p.order_number);
}

Result<Order> Payments::settle_done(const Payment& p, const Answer& answer, const std::string& kind) {
  if (holds_money(p.status)) {
    note(p, kind + "_no_change", answer, p.status);
    return *orders_.find(p.order_number);
  }
  Payment done = p;
  done.status = PaymentStatus::done;
  done.payment_key = answer.payment.payment_key;
  done.method = answer.payment.method;
  done.balance = answer.payment.total;
  done.approved_at = answer.payment.approved_at;
  const auto at = now();
  auto paid = orders_.mark_paid(
      p.order_number, 0,
      {.method = done.method == "가상계좌" ? "virtual_account" : "card",
       .note = (done.method.empty() ? std::string("카드") : done.method) + " · " + p.provider_order_id,
       .also = [&](soci::session& sql, const Order&) {
         repo::move(sql, done, p.status, at);
         repo::record(sql, p.id, event_of(kind, answer, p.status, PaymentStatus::done, answer.payment.total),
                      0, at);
       }});
  if (paid.ok()) return paid;
  // Not paid now: another request paid it with this payment first, or the order was paid otherwise or
  // cancelled meanwhile, and then the money goes back.
  auto again = find(p.provider_order_id);
  if (again && holds_money(again->status)) return *orders_.find(p.order_number);
  give_back(done, answer, "order_not_awaiting_payment",
            "주문이 이미 결제되었거나 취소되어 환불합니다 (order already paid or cancelled)");
  return Error::conflict(
      "status", "order_not_awaiting_payment",
      "order " + p.order_number + " was already paid or cancelled; the card payment is refunded");
}

void Payments::give_back(const Payment& p, const Answer& answer, const std::string& code,
                         const std::string& why) {
  note(p, "refused", our_refusal(code, answer.raw.substr(0, 2000)), p.status, answer.payment.total);
  if (why.empty() || answer.payment.payment_key.empty()) return;
  auto back = provider_->cancel(answer.payment.payment_key, why, 0, "refuse-" + p.provider_order_id);
  Payment gone = p;
  gone.payment_key = answer.payment.payment_key;
  gone.status = PaymentStatus::canceled;
  gone.balance = 0;
  if (back.ok()) {
    const auto at = now();
    db_.write([&](soci::session& sql) {
      // Whatever state it is recorded in, it ends cancelled.
      sql << "UPDATE payments SET status = 'canceled', balance = 0, payment_key = :k, updated_at = :u WHERE "
             "id = :id",
          soci::use(gone.payment_key), soci::use(at), soci::use(p.id);
      repo::record(sql, p.id,
                   event_of("cancelled", back, p.status, PaymentStatus::canceled, answer.payment.total), 0,
                   at);
    });
  } else {
    note(p, "cancel_failed", back, p.status);
  }
}

Result<Order> Payments::window_failed(const std::string& provider_order_id, const std::string& code,
                                      const std::string& message) {
  auto p = find(provider_order_id);
  if (!p) return Error::not_found("payment");
  Answer a = our_refusal(code.substr(0, 100), message.substr(0, 500));
  if (p->status == PaymentStatus::ready) {
    Payment failed = *p;
    failed.status = PaymentStatus::aborted;
    (void)move(failed, PaymentStatus::ready, "failed_in_window", a);
  } else {
    note(*p, "failed_in_window", a, p->status);
  }
  auto order = orders_.find(p->order_number);
  if (!order) return Error::not_found("order");
  return *order;
}

Result<Order> Payments::refund(const std::string& number, long long amount, const std::string& raw_reason,
                               long long actor_id, const RefundAccount& to) {
  const std::string reason(trim(raw_reason));
  if (reason.empty()) return Error::invalid("reason", "reason_required", "say why the money is refunded");
  TRY(check_length("reason", reason, 200));
  auto order = orders_.find(number);
  if (!order) return Error::not_found("order");
  auto p = holding(order->id);
  if (!p)
    return Error::conflict("payment", "no_card_payment",
                           "order " + number + " holds no card payment: refund it by bank transfer");
  if (!card_enabled())
    return Error::conflict("payment", "card_unavailable", "card payments are not configured");
  if (p->is_account() && to.empty())
    return Error::invalid(
        "refund_account", "refund_account_required",
        "a virtual account's payment goes back to a bank account: give bank, number and holder");
  if (amount < 0 || amount > p->balance)
    return Error::invalid(
        "amount", "refund_above_paid",
        "at most " + std::to_string(p->balance) + " won can be refunded (what the card paid, less refunds)");
  const long long given = amount == 0 ? p->balance : amount;
  note(*p, "cancel_sent", {}, p->status, given, actor_id);
  // The key names this refund by what it starts from and takes: asked again after a crash or a lost answer
  // (our balance unchanged), the provider replays its first answer instead of refunding twice.
  const auto key =
      "refund-" + p->provider_order_id + "-" + std::to_string(p->balance) + "-" + std::to_string(given);
  auto answer = provider_->cancel(p->payment_key, reason, given == p->balance ? 0 : given, key, to);
  if (answer.kind == Answer::Kind::unreachable) {
    note(*p, "unreachable", answer, p->status, given, actor_id);
    auto asked = provider_->by_key(p->payment_key);
    if (!asked.ok() || asked.payment.balance == p->balance)
      return Error::conflict("payment", "provider_unreachable",
                             "the card company did not answer; nothing was refunded yet: try again");
    answer = asked;
  }
  if (!answer.ok()) {
    note(*p, "cancel_refused", answer, p->status, given, actor_id);
    return Error::conflict("amount", answer.code.empty() ? "refund_refused" : answer.code, answer.message);
  }
  Payment next = *p;
  next.balance = answer.payment.balance;
  next.status = from_toss(answer.payment.status).value_or(p->status);
  const auto at = now();
  const long long refunded = p->balance - answer.payment.balance;
  return orders_.record_event(number, actor_id, "refunded", std::to_string(refunded) + "원 · " + reason,
                              [&](soci::session& sql, const Order&) {
                                repo::move(sql, next, p->status, at);
                                repo::record(sql, p->id,
                                             event_of("cancelled", answer, p->status, next.status, refunded),
                                             actor_id, at);
                              });
}

Result<Order> Payments::cancel_order(const std::string& number, const std::string& reason,
                                     long long actor_id) {
  if (trim(reason).empty())
    return Error::invalid("reason", "reason_required", "say why the order is cancelled");
  auto order = orders_.find(number);
  if (!order) return Error::not_found("order");
  for (const auto& f : order->fulfilments)
    if (orders::has_left(f.status))
      return Error::conflict("status", "order_shipped",
                             "a parcel of order " + number + " has shipped: handle it as a return");
  if (order->status == OrderStatus::paid && holding(order->id)) TRY(refund(number, 0, reason, actor_id));
  return orders_.cancel(number, actor_id, orders::CancelledBy::operator_, reason);
}

WebhookOutcome Payments::webhook(const std::string& body) {
  boost::system::error_code ec;
  auto value = json::parse(body, ec);
  if (ec || !value.is_object()) return {"ignored", "", false};
  const auto& o = value.as_object();
  const auto* type = o.if_contains("eventType");
  const auto* data = o.if_contains("data");
  const auto text_in = [](const json::object& from, const char* k) {
    const auto* v = from.if_contains(k);
    return v && v->is_string() ? std::string(v->as_string()) : std::string();
  };
  // A virtual account's deposit callback: its older form has the secret at the top.
  if (!type && o.contains("secret")) return deposit_callback(text_in(o, "orderId"), text_in(o, "secret"));
  if (type && type->is_string() && type->as_string() == "DEPOSIT_CALLBACK" && data && data->is_object())
    return deposit_callback(text_in(data->as_object(), "orderId"), text_in(data->as_object(), "secret"));
  if (!type || !type->is_string() || type->as_string() != "PAYMENT_STATUS_CHANGED" || !data ||
      !data->is_object())
    return {"ignored", "", false};
  const auto& d = data->as_object();
  const std::string order_id = text_in(d, "orderId"), key = text_in(d, "paymentKey");
  auto p = card_enabled() ? find(order_id) : std::nullopt;
  if (!p) return unknown_order(body.substr(0, 2000));
  if (!p->payment_key.empty() && p->payment_key != key) {
    note(*p, "webhook_refused", our_refusal("payment_key_mismatch", body.substr(0, 2000)), p->status);
    return {"refused", p->order_number, false};
  }
  return settle_as_provider_says(*p, key, "webhook");  // the body is only a hint
}

WebhookOutcome Payments::unknown_order(const std::string& what) {
  const auto at = now();
  db_.write([&](soci::session& sql) {
    repo::record(sql, 0,
                 event_of("webhook_refused", our_refusal("unknown_order", what), PaymentStatus::ready,
                          PaymentStatus::ready, 0),
                 0, at);
  });
  return {"unknown_order", "", false};
}

WebhookOutcome Payments::settle_as_provider_says(const Payment& p, const std::string& payment_key,
                                                 const std::string& kind) {
  auto asked = provider_->by_key(payment_key);
  if (asked.kind == Answer::Kind::unreachable) {
    note(p, "unreachable", asked, p.status);
    return {"retry_later", p.order_number, true};
  }
  if (!asked.ok()) {
    note(p, "webhook_refused", asked, p.status);
    return {"refused", p.order_number, false};
  }
  if (!settle(p, asked, kind).ok()) return {"refused", p.order_number, false};
  const auto after = find(p.provider_order_id);
  return {after && after->status != p.status ? "applied" : "no_change", p.order_number, false};
}

int Payments::reconcile(std::chrono::seconds min_age) {
  if (!card_enabled()) return 0;
  const auto at = clock_.now();
  const auto busy_before = format_utc(at - min_age);
  const auto idle_before = format_utc(at - std::chrono::hours(1));
  auto [busy, idle] = db_.read([&](soci::session& sql) {
    return std::pair{repo::stuck(sql, "in_progress", busy_before), repo::stuck(sql, "ready", idle_before)};
  });
  int changed = 0;
  for (const auto& list : {busy, idle})
    for (const auto& p : list) {
      auto asked = provider_->by_order(p.provider_order_id);
      if (asked.ok()) {
        (void)settle(p, asked, "reconciled");  // refusals are recorded by settle itself
      } else if (asked.kind == Answer::Kind::refused && p.updated_at < idle_before) {
        Payment gone = p;  // the provider never saw it confirmed, and an hour has passed
        gone.status = PaymentStatus::expired;
        (void)move(gone, p.status, "expired", asked);
      } else {
        continue;
      }
      auto now_p = find(p.provider_order_id);
      if (now_p && now_p->status != p.status) ++changed;
    }
  return changed;
}

}  // namespace brilliant::payments
