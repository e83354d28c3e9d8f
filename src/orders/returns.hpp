// Returns and exchanges of delivered pieces (issue 12, Article 17; the rules are in returns_rules.hpp).
// requested -> approved (who pays the return shipping follows the reason) or rejected -> shipped_back
// (the shopper's waybill) -> received (inspected: accepted) or declined -> refunded (card: through the
// payment provider; bank transfer: to the account the shopper gave, in the operator's refund batch) or,
// for an exchange, exchanged. Every step is an order event written in the same transaction.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/fwd.hpp"
#include "orders/orders.hpp"

namespace brilliant::media {
class BlobStore;
}

namespace brilliant::orders {

struct OrderReturn {
  long long id = 0, order_id = 0, fulfilment_id = 0, workshop_id = 0;
  std::string order_number, workshop_ko, workshop_en;
  std::string kind, reason, details, status, shipping_payer, deadline, exchange_note;
  std::string carrier, tracking, refund_due, refund_method, refund_account, note;
  std::string created_at, received_at, refunded_at;
  std::string transferred_at;   // when its money left by bank transfer (the operator marked it); "" if not
  long long refund_amount = 0;  // won: refunded, or what will be once received
  // An exchange: the size wanted (a variant of the piece's product), the units of it held from stock until
  // the exchange ends, and the replacement parcel once it is opened (migrations/047_exchanges.sql).
  long long exchange_variant_id = 0, replacement_id = 0;
  int exchange_units = 0;
  std::vector<long long> line_ids;
  std::vector<long long> photo_ids;  // photos the shopper sent with the request, in order
};

struct ReturnRequest {
  std::vector<long long> line_ids;  // lines of one delivered parcel
  std::string kind = "return";      // return | exchange
  std::string reason, details;
  long long exchange_variant_id = 0;  // an exchange: the size wanted (exactly one line)
  std::string refund_account;         // a bank transfer order: "은행 계좌번호 예금주"
};

// One line of the refund file: a transfer refund (with its delay interest when late), or a card or virtual
// account refund's delay interest alone, to the account the shopper gave.
struct RefundTransfer {
  OrderReturn x;
  long long amount = 0, interest = 0;  // won: what leaves, and the delay interest within it
  std::string memo;
};

// What a return refunds (pure): the lines' totals, less the return shipping when it is the shopper's choice.
long long refund_for(const Order& order, const std::vector<long long>& line_ids, bool shopper_pays_shipping);

class Returns {
 public:
  // Refunds part of a card or virtual-account payment through its provider (payments::Payments::refund,
  // wired by the app; a virtual account's money goes to the account the shopper typed); absent: such
  // orders cannot be refunded here.
  using CardRefund =
      std::function<Result<void>(const std::string& number, long long amount, const std::string& reason,
                                 long long actor, const std::string& refund_account)>;
  Returns(db::Database& db, Orders& orders, const Clock& clock) : db_(db), orders_(orders), clock_(clock) {}
  void set_card_refund(CardRefund refund) { card_refund_ = std::move(refund); }
  // The shopper's mail at each step (event: return_requested, exchange_requested, return_approved,
  // return_rejected, return_shipped, return_received, return_declined, exchanged, return_refunded,
  // return_refund_queued; note: the step's note); the app renders it. Queued in the step's transaction.
  using ReturnMail = std::function<mail::Mail(const Order&, const OrderReturn&, const std::string& event,
                                              const std::string& note)>;
  void set_mail(ReturnMail compose) { mail_ = std::move(compose); }
  // When a piece of the return came back to the hub (UTC: the studio's returns station took it in), or ""
  // when that was not recorded; wired by the app. The refund's 3 business days run from then when it is
  // earlier than the inspection that accepts the return.
  using Arrival = std::function<std::string(const Order&, const OrderReturn&)>;
  void set_arrival(Arrival arrival) { arrival_ = std::move(arrival); }
  // Where return photos are kept (without it, photos are refused).
  void set_blobs(media::BlobStore* blobs) { blobs_ = blobs; }

  Result<OrderReturn> request(const Order& order, const ReturnRequest& request, long long actor_id);
  // workshop_id: the parcel's workshop; 0: the operator (any parcel).
  Result<OrderReturn> approve(long long id, long long workshop_id, const std::string& note,
                              long long actor_id);
  Result<OrderReturn> reject(long long id, long long workshop_id, const std::string& reason,
                             long long actor_id);
  // The shopper's return parcel (the route checks it is theirs).
  Result<OrderReturn> ship_back(long long id, const std::string& carrier, const std::string& tracking,
                                long long actor_id);
  // The piece arrived and was inspected: accepted (the refund falls due in 3 business days; an exchange is
  // done; its units go back to stock unless the hub holds the piece) or declined with a reason (it goes
  // back to the shopper).
  Result<OrderReturn> receive(long long id, long long workshop_id, bool accepted, const std::string& note,
                              long long actor_id);
  // The operator refunds an accepted return: to the card or, for a virtual account, through the provider
  // to the shopper's account; a bank transfer into the operator's transfer batch.
  Result<OrderReturn> refund(long long id, long long actor_id);
  // The account a card refund made after its due day sends its delay interest to (Article 18(2): the card
  // cancellation cannot carry more than was paid, so the hub transfers the interest; field
  // "refund_account", as typed: bank, number and holder). The route checks the return is the shopper's.
  Result<OrderReturn> give_interest_account(long long id, std::string_view account, long long actor_id);

  // A photo the shopper sends with the request, while it is requested or approved (at most 8): checked by
  // decoding (an image up to 10 MB, field "photo"), kept whole with a preview. Returns the photo's id.
  Result<long long> add_photo(long long id, std::string_view bytes, long long actor_id);
  // The preview (PNG) of one of this return's photos.
  std::optional<std::string> photo_preview(long long id, long long photo_id);
  std::optional<OrderReturn> find(long long id);
  std::vector<OrderReturn> of_order(long long order_id);
  // A workshop's returns (0: every return, for the operator), newest first.
  std::vector<OrderReturn> of_workshop(long long workshop_id, int limit = 200);
  // Returns on their way back (approved, or sent back with a waybill), those sent back first, then by age.
  std::vector<OrderReturn> on_the_way(int limit = 50);
  // Transfer refunds for the bank's bulk transfer: 은행코드, 계좌번호, 예금주, 금액, 메모 (the account as
  // typed is split into bank, number and holder). A refund queued after its due day carries its delay
  // interest in the amount (Article 18(2); the hub's, not the workshop's: the ledger reverses the refund);
  // a card or virtual-account refund made late has a line of its own for the interest, to the account the
  // shopper gave (a card's: give_interest_account; none given yet: no line).
  std::string transfer_batch_csv();
  // The refund file's lines: refunds whose money has not yet left by transfer, oldest first.
  std::vector<RefundTransfer> transfers_to_make();
  // The bank made these lines' transfers (the ids of their returns, as the file lists them): each is marked
  // transferred with its order event (return_refund_transferred, or return_interest_paid for a card's or a
  // virtual account's interest) and mail, and leaves the file. Returns how many were marked; ids no longer
  // in the file (marked already) are passed over, so that marking twice pays nothing twice.
  Result<int> mark_transferred(const std::vector<long long>& ids, long long actor_id);

 private:
  // Loads a return the caller may act on (its workshop's, or any for the operator) in one of `from`.
  Result<OrderReturn> open(long long id, long long workshop_id, std::initializer_list<std::string_view> from);
  // Saves the changed return and appends its order event in one transaction.
  Result<OrderReturn> save(const OrderReturn& changed, const std::string& event, const std::string& note,
                           long long actor_id,
                           const std::function<void(soci::session&, const Order&)>& also = {});

  // Rejected or declined: saved with what an exchange held given back to stock.
  Result<OrderReturn> finish_without_exchange(const OrderReturn& x, const std::string& event,
                                              long long actor_id);

  db::Database& db_;
  Orders& orders_;
  const Clock& clock_;
  CardRefund card_refund_;
  ReturnMail mail_;
  Arrival arrival_;
  media::BlobStore* blobs_ = nullptr;
};

}  // namespace brilliant::orders
