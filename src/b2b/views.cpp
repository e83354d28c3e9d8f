#include "b2b/views.hpp"

#include <boost/json.hpp>

#include "core/text.hpp"

namespace brilliant::b2b {
namespace json = boost::json;

json::object application_json(const Application& a) {
  return {{"user_id", a.user_id},
          {"name", a.name},
          {"email", a.email},
          {"company", a.info.company},
          {"country", a.info.country},
          {"website", a.info.website},
          {"note", a.info.note},
          {"status", a.status},
          {"pending", a.status == "pending"},
          {"approved", a.status == "approved"},
          {"refused", a.status == "refused"},
          {"applied_at", format_seoul(a.applied_at)},
          {"decided_at", format_seoul(a.decided_at)}};
}

json::object quote_json(const Quote& q, Viewer viewer, const std::string& locale, const std::string& prefix,
                        const catalog::Messages& t) {
  const bool en = locale == "en";
  const std::string base = viewer == Viewer::buyer      ? "/buyer/quotes/"
                           : viewer == Viewer::workshop ? "/console/quotes/"
                                                        : "/operator/quotes/";
  const bool answered = q.status != "draft" && q.status != "declined" && q.unit_price > 0;
  json::object o{{"number", q.number},
                 {"status", q.status},
                 {"status_text", t("b2b.status." + q.status)},
                 {"url", prefix + base + q.number},
                 {"product_slug", q.product_slug},
                 {"title", en ? q.title_en : q.title_ko},
                 {"product_url", prefix + "/products/" + q.product_slug},
                 {"workshop", in_language(en, q.workshop, q.workshop_en)},
                 {"exhibition", q.exhibition_slug},
                 {"exhibition_name", en ? q.exhibition_en : q.exhibition_ko},
                 {"quantity", q.quantity},
                 {"note", q.buyer_note},
                 {"requested_at", format_seoul(q.requested_at)},
                 {"answered", answered}};
  if (viewer != Viewer::buyer) {
    o["buyer"] = q.buyer_name;
    o["company"] = q.buyer_company;
    o["country"] = q.buyer_country;
  }
  if (answered || (viewer == Viewer::workshop && q.unit_price > 0)) {
    o["unit_price"] = q.unit_price;
    o["unit_price_text"] = catalog::format_won(q.unit_price, locale);
    o["total"] = q.total();
    o["total_text"] = catalog::format_won(q.total(), locale);
    o["min_quantity"] = q.min_quantity;
    o["lead_days"] = q.lead_days;
    o["valid_until"] = format_seoul(q.valid_until);
    o["answer_note"] = q.answer_note;
    o["sent_at"] = format_seoul(q.sent_at);
  }
  if (!q.order_number.empty()) {
    o["order_number"] = q.order_number;
    if (viewer != Viewer::workshop) o["invoice_url"] = prefix + "/buyer/quotes/" + q.number + "/invoice";
    o["order_url"] = prefix + (viewer == Viewer::workshop ? "/console/orders" : "/orders/" + q.order_number);
  }
  const bool buyer = viewer == Viewer::buyer, workshop = viewer == Viewer::workshop;
  o["can_answer"] = workshop && bool(allowed(Action::send, q.status));
  o["can_accept"] = buyer && bool(allowed(Action::accept, q.status));
  o["can_order"] = buyer && bool(allowed(Action::order, q.status));
  o["can_decline"] = (buyer || workshop) && bool(allowed(Action::decline, q.status));
  return o;
}

}  // namespace brilliant::b2b
