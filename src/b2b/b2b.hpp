// B2B buyers and quotes (issue 19). A shopper applies to buy wholesale and the operator approves (the
// buyer role) or refuses; an approved buyer asks a workshop for a quote on one published piece; the
// workshop answers (unit price, minimum quantity, lead time, validity) and sends it; the buyer accepts
// and orders: a bank-transfer order through orders::Orders at the quoted price, marked on the quote in
// the order's own transaction, so a quote is ordered once or not at all. A quote with a lead time is made
// for the order (the shop's stock is left alone); one from stock (lead time 0) takes stock. Workshops that
// have not answered are reminded by mail. Thread safe (state lives in the database).
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "b2b/rules.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/fwd.hpp"
#include "orders/checkout.hpp"

namespace brilliant::catalog {
class Catalog;
}
namespace brilliant::orders {
class Orders;
struct Order;
}  // namespace brilliant::orders
namespace brilliant::mail {
struct Mail;
}

namespace brilliant::b2b {

struct Application {
  long long user_id = 0;
  std::string name, email;  // the person's
  ApplicationInput info;
  std::string status;  // pending | approved | refused
  std::string applied_at, decided_at;
};

struct Quote {
  long long id = 0;
  std::string number;
  long long buyer_id = 0, workshop_id = 0, product_id = 0, variant_id = 0, exhibition_id = 0;
  std::string buyer_name, buyer_email, buyer_company, buyer_country;
  std::string workshop, product_slug, title_ko, title_en, exhibition_slug, exhibition_ko, exhibition_en;
  int quantity = 1;
  std::string buyer_note;
  std::string status;  // as a reader sees it (a sent quote past its validity is expired)
  long long unit_price = 0;
  int min_quantity = 1, lead_days = 0;
  std::string valid_until, answer_note;
  std::string requested_at, sent_at, updated_at;
  std::string reminded_at;
  std::string order_number;  // when ordered
  std::string workshop_en;   // the workshop's English name (workshop: its Korean one)
  long long total() const { return unit_price * quantity; }
};

struct QuoteRequest {
  std::string product_slug;
  long long variant_id = 0;  // 0: the piece's first variant
  long long quantity = 1;
  std::string note;
  std::string exhibition_slug;  // asked from this fair's line sheet ("" none)
};

struct Ordering {
  orders::Address address;
  long long quantity = 0;  // 0: the quote's quantity; at least the minimum
  std::string key;         // the form's one-time key or the API's Idempotency-Key
  std::string locale = "ko";
};

class B2b {
 public:
  using ReminderMail =
      std::function<mail::Mail(const Quote&, const std::string& email, const std::string& locale)>;
  B2b(db::Database& db, const Clock& clock, catalog::Catalog& catalog, orders::Orders& orders);
  void set_reminder_mail(ReminderMail compose) { reminder_mail_ = std::move(compose); }

  // Buyers. apply: a new or refused application (again) becomes pending; an approved one is a conflict.
  Result<Application> apply(long long user_id, const ApplicationInput& in);
  std::optional<Application> application(long long user_id);
  std::vector<Application> applications();
  // decision: approved (grants the buyer role) or refused (takes it away). Errors: not_found, "decision".
  Result<Application> decide(long long user_id, const std::string& decision, long long operator_id);

  // Quotes. request: a buyer asks about a published piece of an active workshop (else not_found).
  Result<Quote> request(long long buyer_id, const QuoteRequest& in);
  std::vector<Quote> of_buyer(long long buyer_id);
  std::vector<Quote> of_workshop(long long workshop_id);
  std::vector<Quote> all();
  // The quote when this party may see it: its buyer, its workshop, or the operator (ids 0 when not).
  std::optional<Quote> visible(const std::string& number, long long buyer_id, long long workshop_id,
                               bool is_operator);
  // The workshop answers (send: false keeps it a draft). Errors: not_found, the answer's fields, status.
  Result<Quote> answer(long long workshop_id, const std::string& number, const Answer& a, bool send,
                       long long actor);
  Result<Quote> accept(long long buyer_id, const std::string& number);
  // Places the order (orders::Orders::place; the quote is marked ordered in its transaction). Errors:
  // status, quantity (below the minimum), the order's own (address, out_of_stock, a withdrawn piece).
  Result<orders::Order> order(long long buyer_id, const std::string& number, const Ordering& how);
  // The order placed from an ordered quote.
  std::optional<orders::Order> order_of(const Quote& q);
  // By the buyer (withdrawn) or the workshop (declined); the note says why.
  Result<Quote> decline(long long buyer_id, long long workshop_id, const std::string& number,
                        const std::string& note, long long actor);

  // Mails workshops about quotes they have not answered (rules' reminder_due); how many mails.
  int send_reminders();

 private:
  Result<Quote> change(const std::string& number, long long buyer_id, long long workshop_id,
                       const std::function<Result<void>(soci::session&, const Quote&)>& fn);

  db::Database& db_;
  const Clock& clock_;
  catalog::Catalog& catalog_;
  orders::Orders& orders_;
  ReminderMail reminder_mail_;
};

}  // namespace brilliant::b2b
