// An order as pages and the JSON API show it, in the reader's language: money as text, Seoul times,
// statuses in words, one entry per parcel with its lines, each formula line with the quote it was
// priced at. Pure: no HTTP, no SQL (the messages come from the caller).
#pragma once
#include <array>
#include <boost/json/object.hpp>
#include <functional>
#include <string>
#include <string_view>

#include "catalog/views.hpp"
#include "orders/orders.hpp"
#include "web/form.hpp"

namespace brilliant::orders {

// The chip colour the pages already have for a status: published (green), rejected (red), in_review.
std::string chip_state(const std::string& status);

// A shipping fee as a shopper reads it: "3,000원", or "무료" (free) for none, never "0원".
std::string shipping_text(long long fee, const std::string& locale, const catalog::Messages& t);

// A coupon's discount on an order or a checkout: discount and discount_text ("-5,000원"), and a coupon
// object {code, name} when either is given (nothing is added without a discount).
void add_discount(boost::json::object& out, long long discount, const std::string& code,
                  const std::string& name, const std::string& locale);
// A delivery address as a form or a JSON body gives it (recipient, phone, postcode, address,
// address_detail, note), unchecked (check_address does that). JSON: a member that is not a string is an
// error naming it.
Address address_from(const web::Form& form);
Result<Address> address_from(const boost::json::object& body);
// The transfer's depositor and cash receipt (depositor, cash_receipt, cash_receipt_id), the same way.
TransferDetails transfer_from(const web::Form& form);
Result<TransferDetails> transfer_from(const boost::json::object& body);

boost::json::object line_json(const OrderLine& line, const std::string& locale, const catalog::Messages& t);
// bank_account is shown only while the order awaits payment. Fields absent rather than empty where a
// template tests them (address, its note, an event's note, the cancel reason). A paid order says how far
// its parcels have come (progress); one with a return or exchange under way, or refunded, where that
// stands (return_step: return_requested, exchange_requested, return_approved, exchange_approved,
// return_shipped, return_received, return_refund_queued, return_refunded).
boost::json::object order_json(const Order& order, const std::string& locale, const catalog::Messages& t,
                               const std::string& bank_account);

// A parcel of the order has left its workshop (shipped, delivered or confirmed): it has a tracking page,
// and the order comes back only as a return, no longer by cancelling.
bool any_parcel_left(const Order& order);

// Adds each shipped parcel's tracking page (shipment.tracking_url) from the operator's templates.
void add_tracking_links(boost::json::object& order,
                        const std::vector<std::pair<std::string, std::string>>& links);

// A workshop's orders page after a refused shipment (`orders` as the page lists them): that order's form
// keeps the carrier and waybill typed (`carrier_<name>`, `typed_tracking`) and says beside them what was
// wrong (`ship_error`); the other orders' forms stay empty.
void keep_refused_shipment(boost::json::object& model, const std::string& number, const std::string& carrier,
                           const std::string& tracking, const std::string& message);

// The console's order list: the workshop's orders by the state of its parcel (`show`: all, to_ship, shipped,
// awaiting_payment), a page at a time.
inline constexpr std::array<std::string_view, 4> list_states = {"all", "to_ship", "shipped",
                                                                "awaiting_payment"};
struct ListAsked {
  std::string show;
  web::PageWindow window;
};
// The list a query asks for (`show`, all when absent; `page`), `count` telling how many parcels are in a
// state; an unknown state or a bad page is an error naming the field.
Result<ListAsked> list_asked(const web::Form& query, const std::function<long long(std::string_view)>& count,
                             size_t per_page);
// The query of the list showing `state` at `page`: "?show=to_ship&page=2", "" for the first page of all.
std::string list_query(std::string_view state, long long page);
// The list's tabs (each state with its count), paging and links, the list at `list_url`.
boost::json::object list_json(const std::string& list_url, const ListAsked& asked,
                              const std::function<long long(std::string_view)>& count,
                              const catalog::Messages& t);

}  // namespace brilliant::orders
