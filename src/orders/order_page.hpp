// What the order page shows beside the order itself (order_routes.cpp's order_page): its card payment and
// what came back from the payment window, its returns and whether one may be asked for.
#pragma once
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "orders/routes.hpp"

namespace brilliant::orders {

// An order for pages and the API in the reader's language, with its parcels' tracking pages and its
// pieces' pictures (the cart's thumbnails, read from the catalog's memory: on each line, and on the
// order its first piece bought's).
boost::json::object order_shown(const Deps& d, const web::Request& req, const Order& order);
// A list of them: the tracking pages and each product's picture read once for the whole list.
boost::json::array orders_shown(const Deps& d, const web::Request& req, const std::vector<Order>& orders);
// The same without the tracking pages, from the parts (the account page's latest orders, wired by the app).
boost::json::array order_rows(const std::vector<Order>& orders, const std::string& locale,
                              const catalog::Messages& t, catalog::Catalog& catalog,
                              const std::string& bank_account);

// "/en/orders/BR-…/pay?key=…": a page of the order for its shopper, in the reader's language (a guest's
// key carried along).
std::string order_path(const web::Request& req, const Order& order, const std::string& tail);
// card_enabled, pay_url (awaiting payment), card (payments::payment_json), paid_now, payment_problem (only
// codes with words; anything else reads as the general message).
void add_card_payment(const Deps& d, const web::Request& req, const Order& order, boost::json::object& model);
// returns, has_returns, return_url (a parcel was delivered and the viewer is its shopper), return_requested.
void add_returns(const Deps& d, const web::Request& req, const Order& order, boost::json::object& model);

}  // namespace brilliant::orders
