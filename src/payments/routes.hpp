// Card payments on pages and in the JSON API:
//   GET  /orders/{number}/pay                  the shopper opens the payment window (a guest with ?key=)
//   GET  /payments/toss/success, /payments/toss/fail   where the window sends the shopper back
//   POST /api/v1/payments/toss/webhook         Toss's PAYMENT_STATUS_CHANGED (no session, no CSRF)
//   POST /api/v1/orders/{number}/payment-window   the same window's parameters for app clients
//   POST /api/v1/payments/toss/confirm         an app client's confirmation after the window
//   GET|POST /orders/{number}/virtual-account, POST /api/v1/orders/{number}/virtual-account {bank}
//                                              a virtual account (가상계좌) to send the money to
//   POST /operator/orders/{number}/refund, POST /api/v1/operator/orders/{number}/refunds   refunds
//   GET  /api/v1/operator/orders/{number}/payments   every attempt with its recorded transitions
//   /operator/deposits and /api/v1/operator/deposits...   bank-transfer deposits (deposit_routes.cpp)
#pragma once
#include "orders/orders.hpp"
#include "payments/deposits.hpp"
#include "payments/payments.hpp"
#include "web/render.hpp"
#include "web/router.hpp"

namespace brilliant::payments {

struct Deps {
  Payments& payments;
  orders::Orders& orders;
  const web::Renderer& renderer;
  Deposits& deposits;
};

// Every route above and the deposits' (deposit_routes.cpp).
void add_routes(web::Router& router, Deps& deps);
void add_deposit_routes(web::Router& router, Deps& deps);

}  // namespace brilliant::payments
