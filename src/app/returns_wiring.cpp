// The money loop's returns joined to the rest of the app: the shopper's mail at each step of a return or
// exchange (orders::Returns::set_mail: what happened, the step's note, who pays the return shipping, the
// refund and its due date, a late refund's delay interest, the link to the order), and the studio's
// returns-station inspections shown on a return's row (orders::Deps::studio_inspections), and the parcel the
// studio's packing station packs.
#include <algorithm>

#include <boost/json.hpp>

#include "app/returns_wiring.hpp"

#include "app/app.hpp"
#include "catalog/views.hpp"
#include "core/clock.hpp"
#include "core/text.hpp"
#include "orders/routes.hpp"

namespace brilliant::app {

mail::Mail App::return_mail(const orders::Order& o, const orders::OrderReturn& r, const std::string& event,
                            const std::string& note) const {
  const std::string locale = o.locale == "en" ? "en" : "ko";
  const bool en = locale == "en";
  const auto t = [&](const std::string& key) { return renderer_.message(locale, key); };
  boost::json::object model{{"name", o.customer_name},
                            {"number", o.number},
                            {"step", t("returns.mail_step." + event)},
                            {"kind", t("returns.kind." + r.kind)},
                            {"status", t("returns.status." + r.status)},
                            {"link", renderer_.base_url() + (en ? "/en" : "") + "/orders/" + o.number +
                                         (o.guest_key.empty() ? "" : "?key=" + o.guest_key)}};
  if (!note.empty()) model["note"] = note;
  if (!r.shipping_payer.empty() && r.status == "approved")
    model["payer"] = t("returns.payer." + r.shipping_payer);
  if (r.refund_amount > 0) model["refund"] = catalog::format_won(r.refund_amount, locale);
  if (!r.refund_due.empty() && r.status == "received") model["refund_due"] = r.refund_due;
  if (!r.exchange_note.empty()) model["exchange"] = r.exchange_note;
  // A refund made after its due day: how late, the delay interest and how it reaches the shopper, as the
  // order page says it.
  const auto shown = orders::return_json(r, locale, t, clock_.now(), &o);
  for (auto [from, to] : {std::pair{"late_text", "late"}, {"interest_text", "interest"}})
    if (r.status == "refunded" && shown.contains(from)) model[to] = shown.at(from);
  if (event == "return_interest_account") model["account"] = r.refund_account;
  return {o.customer_email,
          catalog::fill(t("returns.mail_subject"),
                        {{"number", o.number}, {"step", t("returns.mail_step." + event)}}),
          renderer_.fragment(std::string("email/return_step_") + (en ? "en" : "ko"), model)};
}

boost::json::array App::studio_inspections(const std::string& number, const std::vector<std::string>& skus,
                                           const std::string& locale) const {
  boost::json::array out;
  for (const auto& r : studio_->returns_of_order(number)) {
    if (std::find(skus.begin(), skus.end(), r.sku) == skus.end()) continue;
    const std::string decision = r.decision.empty() ? "open" : r.decision;
    out.push_back(boost::json::object{
        {"serial", r.serial},
        {"score", r.open() ? r.match.score : r.score},
        {"match", r.match.match},
        {"weight_ok", r.match.weight_ok},
        {"decision", decision},
        {"decision_text", renderer_.message(locale, "returns.studio_decision." + decision)},
        {"url", std::string(locale == "en" ? "/en" : "") + "/station/returns/" + std::to_string(r.id)}});
  }
  return out;
}

std::string first_arrival(const std::vector<studio::ReturnInspection>& inspections,
                          const orders::Order& order, const orders::OrderReturn& x) {
  std::string first;
  for (const auto& i : inspections) {
    if (i.created_at < x.created_at || (!first.empty() && i.created_at >= first)) continue;
    for (const auto& l : order.lines)
      if (l.sku == i.sku && std::find(x.line_ids.begin(), x.line_ids.end(), l.id) != x.line_ids.end())
        first = i.created_at;
  }
  return first;
}

namespace {

// A parcel of an order as the studio's packing needs it: its workshop, state and lines.
studio::Parcel studio_parcel(const orders::Order& order, const orders::Fulfilment& f) {
  studio::Parcel p{order.number,
                   f.id,
                   f.workshop_id,
                   f.workshop_ko,
                   f.status == orders::ParcelStatus::to_ship,
                   {},
                   f.workshop_slug,
                   f.workshop_en,
                   order.paid_at};
  for (const auto& l : order.lines)
    if (l.fulfilment_id == f.id)
      p.lines.push_back({l.variant_id, l.quantity, l.sku, l.title_ko, 0, l.title_en});
  return p;
}

}  // namespace

// An order's parcel as the studio's packing needs it: the workshop's (or the only) fulfilment and lines.
std::optional<studio::Parcel> App::parcel_of(const std::string& number, const std::string& workshop_slug) {
  auto order = orders_.find(number);
  if (!order) return std::nullopt;
  // The workshop named, or the order's only workshop; its parcel to ship first (an exchange's replacement).
  long long workshop = 0;
  for (const auto& f : order->fulfilments)
    if (f.workshop_slug == workshop_slug || (workshop_slug.empty() && !workshop)) workshop = f.workshop_id;
  for (const auto& f : order->fulfilments)
    if (workshop_slug.empty() && f.workshop_id != workshop) return std::nullopt;  // several: name one
  const auto* chosen = orders::workshop_parcel(*order, workshop);
  if (!chosen) return std::nullopt;
  return studio_parcel(*order, *chosen);
}

std::vector<studio::Parcel> App::parcels_to_ship(int limit, const std::string& number,
                                                 const std::string& workshop_slug) {
  std::vector<studio::Parcel> out;
  for (const auto& o : orders_.to_ship(limit, number, workshop_slug))
    for (const auto& f : o.fulfilments)
      if (f.status == orders::ParcelStatus::to_ship &&
          (workshop_slug.empty() || f.workshop_slug == workshop_slug))
        out.push_back(studio_parcel(o, f));
  return out;
}

std::vector<studio::WaitingCount> App::parcels_waiting_by_workshop() {
  std::vector<studio::WaitingCount> out;
  for (const auto& w : orders_.waiting_by_workshop())
    out.push_back({w.slug, w.name_ko, w.name_en, w.parcels});
  return out;
}

std::vector<studio::Returning> App::returns_on_the_way(int limit) {
  std::vector<studio::Returning> out;
  for (const auto& x : returns_.on_the_way(limit)) {
    studio::Returning r{x.order_number, x.workshop_ko, x.workshop_en, x.status, x.carrier, x.tracking};
    if (const auto order = orders_.find(x.order_number))
      for (const auto& l : order->lines)
        if (std::find(x.line_ids.begin(), x.line_ids.end(), l.id) != x.line_ids.end()) {
          r.pieces += (r.pieces.empty() ? "" : ", ") + l.title_ko;
          r.pieces_en += (r.pieces_en.empty() ? "" : ", ") + in_language(true, l.title_ko, l.title_en);
        }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace brilliant::app
