#include "orders/order_views.hpp"

#include "core/text.hpp"
#include "web/json_input.hpp"
#include "web/rows.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#include "orders/delivery_rules.hpp"
#include "orders/returns_rules.hpp"
#include "orders/routes.hpp"

#include <boost/json.hpp>

namespace brilliant::orders {
namespace json = boost::json;

namespace {

std::string prefix_of(const std::string& locale) { return locale == "en" ? "/en" : ""; }

}  // namespace

std::string chip_state(const std::string& status) {
  if (status == "paid" || status == "to_ship" || status == "shipped" || status == "delivered" ||
      status == "confirmed")
    return "published";
  if (status == "cancelled") return "rejected";
  return "in_review";
}

std::string shipping_text(long long fee, const std::string& locale, const catalog::Messages& t) {
  return fee ? catalog::format_won(fee, locale) : t("orders.free");
}

json::object line_json(const OrderLine& l, const std::string& locale, const catalog::Messages& t) {
  const bool en = locale == "en";
  json::object o{{"title", en ? l.title_en : l.title_ko},
                 {"variant", en ? l.variant_en : l.variant_ko},
                 {"slug", l.slug},
                 {"url", prefix_of(locale) + "/products/" + l.slug},
                 {"sku", l.sku},
                 {"show_sku", l.sku != (en ? l.variant_en : l.variant_ko)},
                 {"quantity", l.quantity},
                 {"engraving", l.engraving},
                 {"engraved", !l.engraving.empty()},
                 {"has_options", l.options_fee > 0},
                 {"gift_wrap", l.gift_wrap},
                 {"final_sale", l.final_sale},
                 {"made_to_order", l.made_to_order},
                 {"unit_price", l.unit_price},
                 {"unit_price_text", catalog::format_won(l.unit_price, locale)},
                 {"options_fee", l.options_fee},
                 {"options_fee_text", catalog::format_won(l.options_fee, locale)},
                 {"total", l.line_total},
                 {"total_text", catalog::format_won(l.line_total, locale)},
                 {"pricing", l.pricing}};
  if (l.discount > 0) o["discount"] = l.discount;
  if (l.replaces_line_id) o["replaces_line"] = l.replaces_line_id;  // an exchange's piece, at no charge
  if (l.made_to_order)
    o["lead_text"] = catalog::fill(t("catalog.made_to_order_days"), {{"days", std::to_string(l.lead_days)}});
  // The line's small print, its parts between dots: no stray dot where one is missing (a line written
  // without its option's name, such as the demo's or one copied in).
  std::string details;
  for (const auto* part :
       {&o.at("variant"), o.at("show_sku").as_bool() ? &o.at("sku") : nullptr, o.if_contains("lead_text")}) {
    if (!part || part->as_string().empty()) continue;
    details += (details.empty() ? "" : " · ") + std::string(part->as_string());
  }
  o["details"] = details;
  if (l.pricing == "formula")
    o["quote"] =
        json::object{{"id", l.quote_id},
                     {"metal", l.quote_metal},
                     {"day", l.quote_day},
                     {"won_per_gram", l.quote_won_per_gram},
                     {"text", catalog::fill(t("orders.quote_text"),
                                            {{"metal", t("catalog.metal." + l.quote_metal)},
                                             {"day", l.quote_day},
                                             {"won", catalog::format_won(l.quote_won_per_gram, locale)}})}};
  return o;
}

void add_discount(json::object& out, long long discount, const std::string& code, const std::string& name,
                  const std::string& locale) {
  if (discount <= 0) return;
  out["discount"] = discount;
  out["discount_text"] = "-" + catalog::format_won(discount, locale);
  if (!code.empty() || !name.empty()) out["coupon"] = json::object{{"code", code}, {"name", name}};
}

namespace {

// One workshop's parcel with its lines, and its shipment once sent.
json::object parcel_json(const Order& o, const Fulfilment& f, const std::string& locale,
                         const catalog::Messages& t) {
  const bool en = locale == "en";
  json::array lines;
  for (const auto& l : o.lines)
    if (l.fulfilment_id == f.id) lines.push_back(line_json(l, locale, t));
  json::object parcel{{"workshop", in_language(en, f.workshop_ko, f.workshop_en)},
                      {"workshop_slug", f.workshop_slug},
                      {"status", to_string(f.status)},
                      {"status_text", t("orders.parcel." + to_string(f.status))},
                      {"state", chip_state(to_string(f.status))},
                      {"to_ship", f.status == ParcelStatus::to_ship},
                      {"in_transit", f.status == ParcelStatus::shipped},
                      {"delivered", f.status == ParcelStatus::delivered},
                      {"subtotal", f.subtotal},
                      {"subtotal_text", catalog::format_won(f.subtotal, locale)},
                      {"shipping_fee", f.shipping_fee},
                      {"shipping_fee_text", shipping_text(f.shipping_fee, locale, t)},
                      {"lines", std::move(lines)}};
  add_discount(parcel, f.discount, "", "", locale);
  if (f.replaces_return_id) parcel["replaces_return"] = f.replaces_return_id;  // an exchange's parcel
  if (has_left(f.status))
    parcel["shipment"] = json::object{{"carrier", f.carrier},
                                      {"carrier_text", t("orders.carrier." + f.carrier)},
                                      {"tracking", f.tracking},
                                      {"shipped_at", format_seoul(f.shipped_at)}};
  // Absent rather than "" (a section over "" still shows).
  if (!f.delivered_at.empty()) parcel["shipment"].as_object()["delivered_at"] = format_seoul(f.delivered_at);
  if (!f.confirmed_at.empty()) parcel["shipment"].as_object()["confirmed_at"] = format_seoul(f.confirmed_at);
  return parcel;
}

// Notes join their parts with " · " ("서동 금방 · cj 612345670001", "wrong_size · 50 cm").
constexpr std::string_view note_sep = " · ";

// A carrier's code in a parcel's note ("서동 금방 · cj 612345670001", "cj 698765430002") by its name.
std::string carrier_named(const std::string& note, const catalog::Messages& t) {
  const auto sep = note.rfind(note_sep);
  const size_t start = sep == std::string::npos ? 0 : sep + note_sep.size();
  const auto space = note.find(' ', start);
  if (space == std::string::npos) return note;
  const std::string code = note.substr(start, space - start);
  if (std::find(std::begin(carriers), std::end(carriers), code) == std::end(carriers)) return note;
  return note.substr(0, start) + t("orders.carrier." + code) + note.substr(space);
}

// A parcel's note begins with its workshop's Korean name ("서동 금방 · cj ..."): on English pages, its
// English name.
std::string workshop_named(std::string note, const Order& o) {
  for (const auto& f : o.fulfilments) {
    const auto& ko = f.workshop_ko;
    if (f.workshop_en.empty() || ko.empty() || !note.starts_with(ko)) continue;
    if (note.size() == ko.size() || std::string_view(note).substr(ko.size()).starts_with(note_sep))
      return f.workshop_en + note.substr(ko.size());
  }
  return note;
}

// A refund's note opens with the amount as payments and returns write it ("150000원", "150000원 · 단순
// 변심"): the amount formatted for the reader; the rest, the operator's reason, as written.
std::string amount_named(const std::string& note, const std::string& locale) {
  static const std::string won = "원";
  const auto digits = note.find_first_not_of("0123456789");
  if (digits == 0 || digits == std::string::npos || digits > 15 || note.compare(digits, won.size(), won) != 0)
    return note;
  const auto rest = digits + won.size();
  if (rest != note.size() && note.compare(rest, note_sep.size(), note_sep) != 0) return note;
  return catalog::format_won(std::stoll(note.substr(0, digits)), locale) + note.substr(rest);
}

// A note as written (in Korean, or with codes), in the reader's words where its parts are known: a
// parcel's carrier and workshop, who pays a return's shipping, a return request's reason, a refund's amount
// and when it is due.
std::string event_note(const OrderEvent& e, const Order& o, const std::string& locale,
                       const catalog::Messages& t) {
  if (e.kind == "refunded" || e.kind == "return_refunded" || e.kind == "return_refund_queued" ||
      e.kind == "return_refund_transferred" || e.kind == "return_interest_paid")
    return amount_named(e.note, locale);
  if (e.kind == "return_received" && e.note.starts_with(received_note_opening))
    return t("returns.refund_due") + " " + e.note.substr(received_note_opening.size());
  if (e.kind == "shipped" || e.kind == "delivered") {
    auto note = carrier_named(e.note, t);
    return locale == "en" ? workshop_named(std::move(note), o) : note;
  }
  if (e.kind == "return_shipped") return carrier_named(e.note, t);
  if (e.kind == "return_approved")
    for (const char* payer : {"seller", "shopper"})
      if (e.note == approval_note(payer)) return t(std::string("returns.payer.") + payer);
  if (e.kind != "return_requested" && e.kind != "exchange_requested") return e.note;
  const auto cut = e.note.find(note_sep);
  const std::string code = e.note.substr(0, cut);
  if (!return_reason(code).ok()) return e.note;
  return t("returns.reason." + code) + (cut == std::string::npos ? "" : e.note.substr(cut));
}

json::array events_json(const Order& o, const std::string& locale, const catalog::Messages& t) {
  json::array events;
  for (const auto& e : o.events) {
    json::object event{{"kind", e.kind},
                       {"text", t("orders.event." + e.kind)},
                       {"actor", e.actor},
                       {"at", format_seoul(e.created_at)}};
    // Absent, not "": a section over "" shows.
    if (!e.note.empty()) event["note"] = event_note(e, o, locale, t);
    events.push_back(std::move(event));
  }
  return events;
}

json::object address_json(const Order& o) {
  json::object address{{"recipient", o.address.recipient},
                       {"phone", o.address.phone},
                       {"postcode", o.address.postcode},
                       {"address", o.address.address},
                       {"address_detail", o.address.address_detail},
                       // A gift: the parcel goes to someone other than the one who ordered.
                       {"other_recipient", o.address.recipient != o.customer_name}};
  if (!o.address.note.empty()) address["note"] = o.address.note;
  return address;
}

json::object transfer_json(const TransferDetails& d, const catalog::Messages& t) {
  json::object out{{"depositor", d.depositor}};
  if (!d.cash_receipt.empty()) {
    out["cash_receipt"] = d.cash_receipt;
    out["cash_receipt_text"] = t("deposits.receipt." + d.cash_receipt);
    out["cash_receipt_id"] = d.cash_receipt_id;
  }
  return out;
}

// The lines the shopper bought: an exchange's replacement, sent at no charge, is the same purchase and is
// not counted again ("3 pieces", "and 2 more").
std::vector<const OrderLine*> bought_lines(const Order& o) {
  std::vector<const OrderLine*> bought;
  for (const auto& l : o.lines)
    if (!l.replaces_line_id) bought.push_back(&l);
  return bought;
}

// How far a paid order has come: its least advanced parcel still on its way to the shopper (to ship,
// shipped, delivered, confirmed), so that a list can say "배송 중" where the payment says "결제 완료". None
// for an order not paid or cancelled, or with no such parcel.
std::optional<ParcelStatus> progress_of(const Order& o) {
  std::optional<ParcelStatus> least;
  if (o.status != OrderStatus::paid) return least;
  for (const auto& f : o.fulfilments)
    if (f.status != ParcelStatus::cancelled && f.status != ParcelStatus::awaiting_payment &&
        (!least || f.status < *least))
      least = f.status;
  return least;
}

// Where the latest return or exchange stands, read from the order's events (every step of one is an event):
// asked, approved, on its way back, received, its refund queued or paid (a queued transfer once made). None
// before any, and none once one ends without a refund (rejected, declined, or exchanged: the replacement
// parcel then tells how far the order has come), unless an earlier return of the order was refunded.
std::optional<std::string> return_step_of(const Order& o) {
  std::optional<std::string> step, refunded;
  bool exchange = false;
  for (const auto& e : o.events) {
    const auto& k = e.kind;
    if (k == "return_requested" || k == "exchange_requested") {
      exchange = k == "exchange_requested";
      step = k;
    } else if (k == "return_approved") {
      step = exchange ? "exchange_approved" : k;
    } else if (k == "return_shipped" || k == "return_received") {
      step = k;
    } else if (k == "return_refund_queued" || k == "return_refunded") {
      step = refunded = k;
    } else if (k == "return_refund_transferred") {  // the queued transfer made: refunded
      step = refunded = "return_refunded";
    } else if (k == "return_rejected" || k == "return_declined" || k == "exchanged") {
      step = refunded;
    }
  }
  return step;
}

}  // namespace

bool any_parcel_left(const Order& order) {
  return std::any_of(order.fulfilments.begin(), order.fulfilments.end(),
                     [](const Fulfilment& f) { return has_left(f.status); });
}

json::object order_json(const Order& o, const std::string& locale, const catalog::Messages& t,
                        const std::string& bank_account) {
  const bool en = locale == "en";
  json::array parcels;
  for (const auto& f : o.fulfilments) parcels.push_back(parcel_json(o, f, locale, t));
  json::array events = events_json(o, locale, t);
  json::object out{
      {"number", o.number},
      {"url", prefix_of(locale) + "/orders/" + o.number},
      {"status", to_string(o.status)},
      {"status_text", t("orders.status." + to_string(o.status))},
      {"state", chip_state(to_string(o.status))},
      {"awaiting_payment", o.status == OrderStatus::awaiting_payment},
      {"paid", o.status == OrderStatus::paid},
      {"cancelled", o.status == OrderStatus::cancelled},
      {"in_transit", std::any_of(o.fulfilments.begin(), o.fulfilments.end(),
                                 [](const Fulfilment& f) { return f.status == ParcelStatus::shipped; })},
      {"can_confirm", std::any_of(o.fulfilments.begin(), o.fulfilments.end(),
                                  [](const Fulfilment& f) { return f.status == ParcelStatus::delivered; })},
      // Orders::cancel's rule: once a parcel has left its workshop, it comes back only as a return.
      {"can_cancel", o.status != OrderStatus::cancelled && !any_parcel_left(o)},
      {"payment_method", o.payment_method},
      {"currency", "KRW"},
      {"subtotal", o.subtotal},
      {"subtotal_text", catalog::format_won(o.subtotal, locale)},
      {"shipping_fee", o.shipping_fee},
      {"shipping_fee_text", shipping_text(o.shipping_fee, locale, t)},
      {"total", o.total},
      {"total_text", catalog::format_won(o.total, locale)},
      {"placed_at", format_seoul(o.created_at)},
      {"pay_by", format_seoul(o.pay_by)},
      {"paid_at", format_seoul(o.paid_at)},
      {"cancelled_at", format_seoul(o.cancelled_at)},
      {"cancel_reason", o.cancel_reason},
      {"pieces",
       [&] {
         long long n = 0;
         for (const auto* l : bought_lines(o)) n += l->quantity;
         return n;
       }()},
      {"parcels", std::move(parcels)},
      {"events", std::move(events)}};
  add_discount(out, o.discount, o.coupon_code, o.coupon_name, locale);
  if (!o.address.address.empty()) out["address"] = address_json(o);
  if (o.cancel_reason.empty()) out.erase("cancel_reason");
  if (!o.customer_email.empty())
    out["customer"] = json::object{{"name", o.customer_name}, {"email", o.customer_email}};
  if (o.status == OrderStatus::awaiting_payment) out["bank_account"] = bank_account;
  if (!o.transfer.depositor.empty() || !o.transfer.cash_receipt.empty())
    out["transfer"] = transfer_json(o.transfer, t);
  if (const auto bought = bought_lines(o); !bought.empty()) {
    const auto& first = *bought.front();
    out["summary"] =
        (en ? first.title_en : first.title_ko) +
        (bought.size() > 1 ? catalog::fill(t("orders.and_more"), {{"n", std::to_string(bought.size() - 1)}})
                           : std::string());
  }
  if (const auto progress = progress_of(o)) {
    out["progress"] = to_string(*progress);
    out["progress_text"] = t("orders.parcel." + to_string(*progress));
  }
  if (const auto step = return_step_of(o)) {
    out["return_step"] = *step;
    out["return_step_text"] = t("orders.return_step." + *step);
    // The chip's colour: a return under way reads as waiting (gold), a refunded one as settled (grey).
    out["return_state"] = step->starts_with("return_refund") ? "returned" : "in_review";
  }
  return out;
}

json::object checkout_json(const Preview& p, const std::string& locale, const catalog::Messages& t,
                           const std::function<catalog::Workshop(long long)>& workshop) {
  const bool en = locale == "en";
  json::array parcels;
  for (const auto& parcel : p.plan.parcels) {
    const auto w = workshop(parcel.workshop_id);
    json::array lines;
    for (size_t i : parcel.lines) lines.push_back(cart_line_json(p.lines[i], locale, t));
    json::object one{{"workshop", in_language(en, w.name_ko, w.name_en)},
                     {"workshop_slug", w.slug},
                     {"subtotal", parcel.subtotal},
                     {"subtotal_text", catalog::format_won(parcel.subtotal, locale)},
                     {"shipping_fee", parcel.shipping_fee},
                     {"shipping_fee_text", shipping_text(parcel.shipping_fee, locale, t)},
                     {"lines", std::move(lines)}};
    add_discount(one, parcel.discount, "", "", locale);
    parcels.push_back(std::move(one));
  }
  bool final_sale = false;
  for (const auto& l : p.lines) final_sale = final_sale || l.now->final_sale;
  json::object out{{"parcels", std::move(parcels)},
                   {"parcel_count", static_cast<long long>(p.plan.parcels.size())},
                   {"subtotal", p.plan.subtotal},
                   {"subtotal_text", catalog::format_won(p.plan.subtotal, locale)},
                   {"shipping_fee", p.plan.shipping_fee},
                   {"shipping_fee_text", shipping_text(p.plan.shipping_fee, locale, t)},
                   {"total", p.plan.total},
                   {"total_text", catalog::format_won(p.plan.total, locale)},
                   {"price_changed", p.price_changed},
                   {"has_final_sale", final_sale},
                   {"payment_days", payment_days},
                   {"currency", "KRW"}};
  if (const auto& c = p.plan.coupon)
    add_discount(out, p.plan.discount, c->code, en ? c->name_en : c->name_ko, locale);
  return out;
}

void add_tracking_links(json::object& order, const std::vector<std::pair<std::string, std::string>>& links) {
  auto* parcels = order.if_contains("parcels");
  if (!parcels || !parcels->is_array()) return;
  for (auto& p : parcels->as_array()) {
    auto* shipment = p.as_object().if_contains("shipment");
    if (!shipment) continue;
    auto& s = shipment->as_object();
    for (const auto& [carrier, url_template] : links)
      if (s.at("carrier").as_string() == carrier) {
        const auto url = tracking_url(url_template, std::string(s.at("tracking").as_string()));
        if (!url.empty()) s["tracking_url"] = url;
      }
  }
}

Address address_from(const web::Form& form) {
  return {form.get("recipient"), form.get("phone"),          form.get("postcode"),
          form.get("address"),   form.get("address_detail"), form.get("note")};
}

Result<Address> address_from(const boost::json::object& body) {
  Address typed;
  for (auto [field, target] : {std::pair{"recipient", &typed.recipient},
                               {"phone", &typed.phone},
                               {"postcode", &typed.postcode},
                               {"address", &typed.address},
                               {"address_detail", &typed.address_detail},
                               {"note", &typed.note}})
    *target = TRY(web::json_string(body, field));
  return typed;
}

TransferDetails transfer_from(const web::Form& form) {
  return {form.get("depositor"), form.get("cash_receipt"), form.get("cash_receipt_id")};
}

Result<TransferDetails> transfer_from(const boost::json::object& body) {
  TransferDetails typed;
  for (auto [field, target] : {std::pair{"depositor", &typed.depositor},
                               {"cash_receipt", &typed.cash_receipt},
                               {"cash_receipt_id", &typed.cash_receipt_id}})
    *target = TRY(web::json_string(body, field));
  return typed;
}

void keep_refused_shipment(boost::json::object& model, const std::string& number, const std::string& carrier,
                           const std::string& tracking, const std::string& message) {
  auto* orders = model.if_contains("orders");
  if (!orders || !orders->is_array()) return;
  boost::json::object typed{{"typed_tracking", tracking}, {"ship_error", message}};
  if (!carrier.empty()) typed["carrier_" + carrier] = true;
  web::keep_in_row(orders->as_array(), "number", boost::json::string(number), typed);
}

Result<ListAsked> list_asked(const web::Form& query, const std::function<long long(std::string_view)>& count,
                             size_t per_page) {
  std::string show = query.get("show");
  if (show.empty()) show = "all";
  if (std::find(list_states.begin(), list_states.end(), show) == list_states.end())
    return Error::invalid("show", "choice_invalid", "show must be all, to_ship, shipped or awaiting_payment");
  return ListAsked{show, TRY(web::page_window(query, count(show), per_page))};
}

std::string list_query(std::string_view state, long long page) {
  std::string q = state == "all" ? "" : "show=" + std::string(state);
  if (page > 1) q += (q.empty() ? "page=" : "&page=") + std::to_string(page);
  return q.empty() ? q : "?" + q;
}

json::object list_json(const std::string& list_url, const ListAsked& asked,
                       const std::function<long long(std::string_view)>& count, const catalog::Messages& t) {
  json::array tabs;
  for (const auto state : list_states)
    tabs.push_back(json::object{{"show", state},
                                {"text", t(state == "all"       ? "orders.show_all"
                                           : state == "shipped" ? "orders.parcel.shipped"
                                           : state == "to_ship" ? "orders.to_ship"
                                                                : "orders.status.awaiting_payment")},
                                {"count", count(state)},
                                {"url", list_url + list_query(state, 1)},
                                {"current", state == asked.show}});
  const auto& w = asked.window;
  json::object m{{"show", asked.show},
                 {"all_shown", asked.show == "all"},
                 {"tabs", std::move(tabs)},
                 {"page", w.page},
                 {"pages", w.pages},
                 {"paged", w.pages > 1},
                 {"list_query", list_query(asked.show, w.page)}};
  if (w.page > 1) m["prev_url"] = list_url + list_query(asked.show, w.page - 1);
  if (w.page < w.pages) m["next_url"] = list_url + list_query(asked.show, w.page + 1);
  return m;
}

}  // namespace brilliant::orders
