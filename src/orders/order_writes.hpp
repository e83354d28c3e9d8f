// What the two writers of an order share (order_writes.cpp writes in the caller's transaction, one
// statement per table on PostgreSQL; order_at_once.cpp writes the whole order in one statement): the
// order's head as inserted, the refusals, a line as it will be written. Internal to orders/.
#pragma once
#include <soci/soci.h>

#include <string>
#include <tuple>
#include <vector>

#include "db/kept.hpp"
#include "orders/order_repo.hpp"

namespace brilliant::orders::repo::writes {

// The cart's lines deleted (a second checkout of the cart waits on the first's row locks, then deletes
// nothing), the order inserted (nothing on a used key), its event and its parcels written from its row:
// the common part of the statements that write an order's head on PostgreSQL. Binds: the cart's token
// hash and line ids, head_insert's, then the parcels' five arrays (ParcelArrays).
extern const std::string head_ctes;

// The values run_head binds beside the order's own: its customer and its coupon.
struct HeadValues {
  long long user_id;
  soci::indicator user_ind;
  std::string code, name, bearer;
  explicit HeadValues(const NewOrder& o, const OrderPlan& plan)
      : user_id(o.user_id), user_ind(o.user_id ? soci::i_ok : soci::i_null) {
    if (!plan.coupon) return;
    code = plan.coupon->code;
    name = o.locale == "en" ? plan.coupon->name_en : plan.coupon->name_ko;
    bearer = plan.coupon->workshop_bears ? "workshop" : "hub";
  }
};

// Runs a statement whose first binds (after `before`) are head_insert's and that returns the head's row
// (and `after`'s columns), calling on_row with it.
template <class OnRow, class... Before, class... After>
void run_head(soci::session& sql, const std::string& query, const NewOrder& o, const OrderPlan& plan,
              HeadValues& v, OnRow&& on_row, std::tuple<Before...> before, std::tuple<After...> after) {
  std::apply(
      [&](auto&&... b) {
        std::apply(
            [&](auto&&... a) {
              db::each(sql, query, on_row, b..., soci::use(o.number), soci::use(v.user_id, v.user_ind),
                       soci::use(o.guest_email), soci::use(o.guest_key), soci::use(o.key),
                       soci::use(o.fingerprint), soci::use(plan.subtotal), soci::use(plan.shipping_fee),
                       soci::use(plan.discount), soci::use(plan.total), soci::use(v.code), soci::use(v.name),
                       soci::use(v.bearer), soci::use(o.address.recipient), soci::use(o.address.phone),
                       soci::use(o.address.postcode), soci::use(o.address.address),
                       soci::use(o.address.address_detail), soci::use(o.address.note), soci::use(o.locale),
                       soci::use(o.pay_by), soci::use(o.at), soci::use(o.at), soci::use(o.utm.source),
                       soci::use(o.utm.medium), soci::use(o.utm.campaign), soci::use(o.utm.content),
                       soci::use(o.transfer.depositor), soci::use(o.transfer.cash_receipt),
                       soci::use(o.transfer.cash_receipt_id), a...);
            },
            after);
      },
      before);
}

// The refusals, the same on either database and either writer.
Error cart_already_ordered();
Error checkout_key_used();
Error out_of_stock(const NewOrder& o, const OrderLine& line);

// PostgreSQL's array literal of these integers ("{1,2,3}").
std::string pg_array(const std::vector<long long>& values);
// The parcels' arrays head_ctes binds, in the plan's order.
struct ParcelArrays {
  std::string w, s, f, d, sd;
  explicit ParcelArrays(const OrderPlan& plan);
};
// The parcels' ids from "workshop:parcel ..." (head_ctes' parcels aggregated), sorted as load_many reads
// them.
std::vector<Fulfilment> parcels_written(const std::string& pairs);
// An order line as it will be written (its id and the quote as stored now come from the database; until
// then, the quote the cart saw).
Result<OrderLine> line_as_written(long long fulfilment_id, const CartLine& cart_line, long long discount,
                                  const std::vector<vendors::CommissionRate>& rates,
                                  const Orders::VariantLabel& label);

}  // namespace brilliant::orders::repo::writes
