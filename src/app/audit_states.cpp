#include "app/audit_states.hpp"

namespace brilliant::app {

using web::Method;

namespace {

constexpr auto post = Method::post, put = Method::put, del = Method::delete_;

// The operator's changes and auditors': orders, refunds, returns, deposits, payouts, quotes, workshops,
// settings, certificates.
std::vector<AuditState> operator_states() {
  return {
      {post, "/operator/orders/{number}/paid", "/api/v1/orders/{number}"},
      {post, "/operator/orders/{number}/cancel", "/api/v1/orders/{number}"},
      {put, "/api/v1/operator/orders/{number}/status", "/api/v1/orders/{number}"},
      {post, "/operator/orders/{number}/delivered", "/api/v1/orders/{number}"},
      {post, "/api/v1/operator/orders/{number}/delivery", "/api/v1/orders/{number}"},
      {post, "/operator/orders/{number}/refund", "/api/v1/operator/orders/{number}/payments"},
      {post, "/api/v1/operator/orders/{number}/refunds", "/api/v1/operator/orders/{number}/payments"},
      {post, "/operator/returns/{id}/decision", "/api/v1/operator/returns"},
      {post, "/api/v1/operator/returns/{id}/decision", "/api/v1/operator/returns"},
      {post, "/operator/returns/{id}/refund", "/api/v1/operator/returns"},
      {post, "/api/v1/operator/returns/{id}/refund", "/api/v1/operator/returns"},
      {post, "/operator/returns/transferred", "/api/v1/operator/returns/transfers"},
      {post, "/api/v1/operator/returns/transferred", "/api/v1/operator/returns/transfers"},
      {post, "/operator/deposits/{id}/confirm", "/api/v1/operator/deposits"},
      {post, "/api/v1/operator/deposits/{id}/confirmation", "/api/v1/operator/deposits"},
      {post, "/operator/payouts/{month}/close", "/api/v1/operator/payouts"},
      {post, "/api/v1/operator/payouts/{month}/close", "/api/v1/operator/payouts"},
      {post, "/operator/payouts/{month}/paid", "/api/v1/operator/payouts"},
      {post, "/api/v1/operator/payouts/{month}/paid", "/api/v1/operator/payouts"},
      {post, "/operator/quotes", "/api/v1/quotes"},
      {post, "/api/v1/quotes", "/api/v1/quotes"},
      {post, "/operator/workshops/{slug}/status", "/api/v1/operator/workshops"},
      {put, "/api/v1/operator/workshops/{slug}/status", "/api/v1/operator/workshops"},
      {post, "/operator/buyers/{id}/decision", "/api/v1/operator/buyers"},
      {post, "/api/v1/operator/buyers/{id}/decision", "/api/v1/operator/buyers"},
      {post, "/operator/marketing/coupons/{id}/pause", "/api/v1/operator/coupons"},
      {post, "/api/v1/operator/coupons/{id}/pause", "/api/v1/operator/coupons"},
      {post, "/operator/brand", "/api/v1/operator/brand"},
      {put, "/api/v1/operator/brand", "/api/v1/operator/brand"},
      {post, "/operator/legal", "/api/v1/operator/legal"},
      {put, "/api/v1/operator/legal", "/api/v1/operator/legal"},
      {post, "/operator/delivery/links", "/api/v1/operator/carriers"},
      {put, "/api/v1/operator/carriers", "/api/v1/operator/carriers"},
      {post, "/operator/channels", "/api/v1/operator/channels"},
      {put, "/api/v1/operator/channels/{channel}/categories/{category}", "/api/v1/operator/channels"},
      // Auditors and the operator: a certificate's status.
      {post, "/audit/certificates/{certificate}/status", "/api/v1/certificates/{certificate}"},
      {post, "/api/v1/certificates/{certificate}/status", "/api/v1/certificates/{certificate}"},
  };
}

}  // namespace

std::vector<AuditState> audit_states() {
  std::vector<AuditState> states{
      // A workshop's pieces: prices, stock, claims, its profile, seller particulars and people.
      {post, "/console/products/{slug}/edit", "/api/v1/console/products/{slug}"},
      {put, "/api/v1/console/products/{slug}", "/api/v1/console/products/{slug}"},
      {post, "/console/products/{slug}/submit", "/api/v1/console/products/{slug}"},
      {post, "/console/products/{slug}/claims", "/api/v1/console/products/{slug}/claims"},
      {put, "/api/v1/console/products/{slug}/claims", "/api/v1/console/products/{slug}/claims"},
      {post, "/console/stock", "/api/v1/console/stock"},
      {post, "/console/profile", "/api/v1/console/profile"},
      {put, "/api/v1/console/profile", "/api/v1/console/profile"},
      {post, "/console/seller", "/api/v1/console/seller"},
      {put, "/api/v1/console/seller", "/api/v1/console/seller"},
      {post, "/console/staff/invitations", "/api/v1/console/staff"},
      {post, "/api/v1/console/staff/invitations", "/api/v1/console/staff"},
      {post, "/console/staff/members/{id}/remove", "/api/v1/console/staff"},
      {del, "/api/v1/console/staff/members/{id}", "/api/v1/console/staff"},
      {del, "/api/v1/console/staff/invitations/{id}", "/api/v1/console/staff"},
      // A workshop's orders, returns, coupons, B2B quotes and certification.
      {post, "/console/orders/{number}/ship", "/api/v1/console/orders/{number}"},
      {post, "/api/v1/console/orders/{number}/shipment", "/api/v1/console/orders/{number}"},
      {post, "/console/orders/{number}/delivered", "/api/v1/console/orders/{number}"},
      {post, "/api/v1/console/orders/{number}/delivery", "/api/v1/console/orders/{number}"},
      {post, "/console/returns/{id}/decision", "/api/v1/console/returns"},
      {post, "/api/v1/console/returns/{id}/decision", "/api/v1/console/returns"},
      {post, "/console/marketing/coupons/{id}/pause", "/api/v1/console/coupons"},
      {post, "/api/v1/console/coupons/{id}/pause", "/api/v1/console/coupons"},
      {post, "/console/quotes/{number}/answer", "/api/v1/console/quotes/{number}"},
      {post, "/api/v1/console/quotes/{number}/answer", "/api/v1/console/quotes/{number}"},
      {post, "/console/quotes/{number}/decline", "/api/v1/console/quotes/{number}"},
      {post, "/api/v1/console/quotes/{number}/decline", "/api/v1/console/quotes/{number}"},
      {post, "/console/certification", "/api/v1/console/certification"},
      {post, "/api/v1/console/certification", "/api/v1/console/certification"},
      {post, "/api/v1/console/certification/submit", "/api/v1/console/certification"},
      // A show's simulcast targets (their keys never in the trail: only the hint is in the state).
      {post, "/console/live/{slug}/targets", "/api/v1/console/live/{slug}/targets"},
      {post, "/api/v1/console/live/{slug}/targets", "/api/v1/console/live/{slug}/targets"},
      {post, "/console/live/{slug}/targets/{id}/remove", "/api/v1/console/live/{slug}/targets"},
      {del, "/api/v1/console/live/{slug}/targets/{id}", "/api/v1/console/live/{slug}/targets"},
  };
  const auto more = operator_states();
  states.insert(states.end(), more.begin(), more.end());
  return states;
}

void name_audit_states(web::Router& router) {
  for (const auto& s : audit_states()) {
    router.find(Method::get, s.state);  // throws when the state's route is gone
    router.find(s.method, s.change).state_from = s.state;
  }
}

}  // namespace brilliant::app
