#include "orders/returns.hpp"

#include <algorithm>

#include "catalog/stock_repo.hpp"
#include "core/checks.hpp"
#include "core/csv.hpp"
#include "core/text.hpp"
#include "db/database.hpp"
#include "media/blob_store.hpp"
#include "media/documents.hpp"
#include "orders/checkout.hpp"
#include "orders/exchanges.hpp"
#include "orders/ledger.hpp"
#include "orders/returns_rules.hpp"

namespace brilliant::orders {

namespace {

constexpr char columns[] =
    "SELECT r.id, r.order_id, r.fulfilment_id, f.workshop_id, o.number, w.name, w.name_en, r.kind, r.reason, "
    "r.details, r.status, r.shipping_payer, r.deadline, r.exchange_note, r.carrier, r.tracking, "
    "r.refund_due, "
    "r.refund_method, r.refund_account, r.note, r.created_at, COALESCE(r.received_at, ''), "
    "COALESCE(r.refunded_at, ''), r.refund_amount, COALESCE(r.exchange_variant_id, 0), r.exchange_units, "
    "COALESCE(r.replacement_id, 0), COALESCE(r.transferred_at, '') FROM order_returns r JOIN orders o ON "
    "o.id = r.order_id "
    "JOIN "
    "fulfilments f ON f.id = r.fulfilment_id JOIN workshops w ON w.id = f.workshop_id ";

std::vector<OrderReturn> read(soci::session& sql, soci::rowset<soci::row>& rows) {
  std::vector<OrderReturn> out;
  for (const auto& r : rows) {
    OrderReturn x;
    x.id = db::row_int(r, 0);
    x.order_id = db::row_int(r, 1);
    x.fulfilment_id = db::row_int(r, 2);
    x.workshop_id = db::row_int(r, 3);
    std::string* texts[] = {&x.order_number, &x.workshop_ko,   &x.workshop_en,    &x.kind,
                            &x.reason,       &x.details,       &x.status,         &x.shipping_payer,
                            &x.deadline,     &x.exchange_note, &x.carrier,        &x.tracking,
                            &x.refund_due,   &x.refund_method, &x.refund_account, &x.note,
                            &x.created_at,   &x.received_at,   &x.refunded_at};
    for (size_t i = 0; i < std::size(texts); ++i) *texts[i] = db::row_text(r, 4 + i);
    x.refund_amount = db::row_int(r, 23);
    x.exchange_variant_id = db::row_int(r, 24);
    x.exchange_units = static_cast<int>(db::row_int(r, 25));
    x.replacement_id = db::row_int(r, 26);
    x.transferred_at = db::row_text(r, 27);
    out.push_back(std::move(x));
  }
  for (auto& x : out) {
    soci::rowset<long long> lines =
        (sql.prepare
             << "SELECT order_line_id FROM order_return_lines WHERE return_id = :r ORDER BY order_line_id",
         soci::use(x.id));
    for (auto l : lines) x.line_ids.push_back(l);
    soci::rowset<long long> photos =
        (sql.prepare << "SELECT id FROM order_return_photos WHERE return_id = :r ORDER BY id",
         soci::use(x.id));
    for (auto p : photos) x.photo_ids.push_back(p);
  }
  return out;
}

// An account as the shopper typed it (bank, number and holder): one line of at most 100 characters.
Result<std::string> typed_account(std::string_view typed) {
  std::string account(trim(typed));
  TRY(check_length("refund_account", account, 100));
  if (!single_line(account))
    return Error::invalid("refund_account", "text_invalid",
                          "refund_account is one line: bank, number and holder");
  return account;
}

constexpr std::array<std::string_view, 4> open_states = {"requested", "approved", "shipped_back", "received"};

}  // namespace

long long refund_for(const Order& order, const std::vector<long long>& line_ids, bool shopper_pays_shipping) {
  long long total = 0;
  for (const auto& l : order.lines)
    if (std::find(line_ids.begin(), line_ids.end(), l.id) != line_ids.end())
      total += paid_line(order, l).line_total - paid_line(order, l).discount;
  if (shopper_pays_shipping) total -= return_shipping_fee;
  return std::max(total, 0LL);
}

Result<OrderReturn> Returns::request(const Order& order, const ReturnRequest& req, long long actor_id) {
  const auto reason = TRY(return_reason(req.reason));
  if (req.kind != "return" && req.kind != "exchange")
    return Error::invalid("kind", "kind_invalid", "kind must be return or exchange");
  if (req.line_ids.empty())
    return Error::invalid("lines", "lines_required", "choose the pieces to send back");
  const std::string details(trim(req.details));
  TRY(check_length("details", details, 1000));
  const auto account = TRY(typed_account(req.refund_account));
  if (req.kind == "return" && order.payment_method != "card" && account.size() < 8)
    return Error::invalid("refund_account", "refund_account_required",
                          "give the account for the refund: bank, account number and holder");
  // Every line of one parcel that has been delivered, each returnable now, none in another open return.
  long long parcel = 0;
  bool final_sale = false;
  for (auto id : req.line_ids) {
    const auto* line = find_line(order, id);
    if (!line) return Error::invalid("lines", "line_unknown", "a chosen piece is not in this order");
    if (parcel && line->fulfilment_id != parcel)
      return Error::invalid("lines", "one_parcel", "ask for one workshop's parcel at a time");
    parcel = line->fulfilment_id;
    final_sale = final_sale || line->final_sale;
  }
  const auto f = std::find_if(order.fulfilments.begin(), order.fulfilments.end(),
                              [&](const Fulfilment& x) { return x.id == parcel; });
  TRY(may_return(f->delivered_at, reason, final_sale, clock_.now()));
  for (const auto& earlier : of_order(order.id)) {
    if (earlier.status == "rejected" || earlier.status == "declined") continue;  // the shopper kept it
    const bool open = std::find(open_states.begin(), open_states.end(), earlier.status) != open_states.end();
    for (auto id : req.line_ids)
      if (std::find(earlier.line_ids.begin(), earlier.line_ids.end(), id) != earlier.line_ids.end())
        return Error::conflict("lines", open ? "return_open" : "return_done",
                               open ? "a return of this piece is already under way"
                                    : "this piece was already returned or exchanged");
  }
  std::optional<SizeChoice> wanted;
  if (req.kind == "exchange")
    wanted = TRY(exchanges::choose(orders_, order, req.line_ids, req.exchange_variant_id));
  const std::string size = !wanted ? "" : order.locale == "en" ? wanted->label_en : wanted->label_ko;
  const auto at = format_utc(clock_.now());
  const std::string payer = sellers_fault(reason) ? "seller" : "shopper";
  const std::string deadline = return_deadline(f->delivered_at, reason);
  const std::string reason_name(name_of(reason));
  const long long amount = req.kind == "exchange" ? 0LL : refund_for(order, req.line_ids, payer == "shopper");
  long long id = 0;
  auto done = orders_.record_event_if(
      order.number, actor_id, req.kind == "exchange" ? "exchange_requested" : "return_requested",
      std::string(name_of(reason)) + (size.empty() ? "" : " · " + size) +
          (details.empty() ? "" : " · " + details),
      [&](soci::session& sql, const Order&) -> Result<void> {
        // An exchange holds its size from stock now (refused, and nothing written, if it just sold out).
        const int held =
            wanted ? TRY(exchanges::hold(sql, *find_line(order, req.line_ids.front()), *wanted, at)) : 0;
        const long long variant = wanted ? wanted->variant_id : 0;
        soci::indicator variant_ind = wanted ? soci::i_ok : soci::i_null;
        sql << "INSERT INTO order_returns (order_id, fulfilment_id, kind, reason, details, status, "
               "shipping_payer, deadline, exchange_note, refund_account, refund_amount, created_at, "
               "updated_at, "
               "exchange_variant_id, exchange_units) VALUES (:o, :f, :k, :r, :d, 'requested', :p, :dl, :x, "
               ":a, "
               ":amt, :c, :u, :v, :h) RETURNING id",
            soci::use(order.id), soci::use(parcel), soci::use(req.kind), soci::use(reason_name),
            soci::use(details), soci::use(payer), soci::use(deadline), soci::use(size), soci::use(account),
            soci::use(amount), soci::use(at), soci::use(at), soci::use(variant, variant_ind), soci::use(held),
            soci::into(id);
        for (auto line : req.line_ids)
          sql << "INSERT INTO order_return_lines (return_id, order_line_id) VALUES (:r, :l)", soci::use(id),
              soci::use(line);
        if (!mail_) return {};
        OrderReturn asked;
        asked.id = id;
        asked.order_number = order.number;
        asked.kind = req.kind;
        asked.reason = reason_name;
        asked.status = "requested";
        asked.shipping_payer = payer;
        asked.deadline = deadline;
        asked.exchange_note = size;
        asked.refund_amount = amount;
        mail::enqueue(
            sql,
            mail_(order, asked, req.kind == "exchange" ? "exchange_requested" : "return_requested", details),
            clock_);
        return {};
      });
  if (!done) return done.error();
  if (wanted) orders_.stock_changed({find_line(order, req.line_ids.front())->product_id});
  return *find(id);
}

Result<OrderReturn> Returns::open(long long id, long long workshop_id,
                                  std::initializer_list<std::string_view> from) {
  auto r = find(id);
  if (!r || (workshop_id && r->workshop_id != workshop_id)) return Error::not_found("return");
  if (std::find(from.begin(), from.end(), r->status) == from.end())
    return Error::conflict("status", "return_state", "this return is " + r->status);
  return *r;
}

Result<OrderReturn> Returns::save(const OrderReturn& x, const std::string& event, const std::string& note,
                                  long long actor_id,
                                  const std::function<void(soci::session&, const Order&)>& also) {
  const auto at = format_utc(clock_.now());
  auto done =
      orders_.record_event(x.order_number, actor_id, event, note, [&](soci::session& sql, const Order& o) {
        soci::indicator received = x.received_at.empty() ? soci::i_null : soci::i_ok;
        soci::indicator refunded = x.refunded_at.empty() ? soci::i_null : soci::i_ok;
        soci::indicator transferred = x.transferred_at.empty() ? soci::i_null : soci::i_ok;
        sql << "UPDATE order_returns SET status = :s, carrier = :c, tracking = :t, refund_due = :d, "
               "refund_method = :m, refund_account = :ac, "
               "refund_amount = :a, note = :n, received_at = :ra, refunded_at = :fa, transferred_at = :ta, "
               "updated_at = :u WHERE id = :id",
            soci::use(x.status), soci::use(x.carrier), soci::use(x.tracking), soci::use(x.refund_due),
            soci::use(x.refund_method), soci::use(x.refund_account), soci::use(x.refund_amount),
            soci::use(x.note), soci::use(x.received_at, received), soci::use(x.refunded_at, refunded),
            soci::use(x.transferred_at, transferred), soci::use(at), soci::use(x.id);
        if (also) also(sql, o);
        if (mail_) mail::enqueue(sql, mail_(o, x, event, note), clock_);
      });
  if (!done) return done.error();
  return *find(x.id);
}

Result<OrderReturn> Returns::approve(long long id, long long workshop_id, const std::string& note,
                                     long long actor_id) {
  auto x = TRY(open(id, workshop_id, {"requested"}));
  x.status = "approved";
  x.note = std::string(trim(note)).substr(0, 1000);
  return save(x, "return_approved", std::string(approval_note(x.shipping_payer)), actor_id);
}

Result<OrderReturn> Returns::reject(long long id, long long workshop_id, const std::string& reason,
                                    long long actor_id) {
  const std::string why(trim(reason));
  if (why.empty()) return Error::invalid("note", "reason_required", "say why the return is refused");
  auto x = TRY(open(id, workshop_id, {"requested"}));
  x.status = "rejected";
  x.note = why.substr(0, 1000);
  return finish_without_exchange(x, "return_rejected", actor_id);
}

Result<OrderReturn> Returns::finish_without_exchange(const OrderReturn& x, const std::string& event,
                                                     long long actor_id) {
  const auto at = format_utc(clock_.now());
  long long product = 0;  // the piece whose size went back on the shelf, read in the step's transaction
  auto saved = save(x, event, x.note, actor_id, [&](soci::session& sql, const Order& o) {
    exchanges::release(sql, x.id, at);
    if (const auto* line = x.line_ids.empty() ? nullptr : find_line(o, x.line_ids.front()))
      product = line->product_id;
  });
  if (saved && x.exchange_units > 0 && product) orders_.stock_changed({product});
  return saved;
}

Result<OrderReturn> Returns::ship_back(long long id, const std::string& carrier,
                                       const std::string& raw_tracking, long long actor_id) {
  if (std::find(std::begin(carriers), std::end(carriers), carrier) == std::end(carriers))
    return Error::invalid("carrier", "carrier_invalid",
                          "carrier must be one of cj, post, hanjin, lotte, logen");
  const auto tracking = waybill_number(raw_tracking);
  if (!tracking)
    return Error::invalid("tracking", "tracking_invalid",
                          "tracking must be the waybill number: 8 to 14 digits");
  auto x = TRY(open(id, 0, {"approved"}));
  x.status = "shipped_back";
  x.carrier = carrier;
  x.tracking = *tracking;
  return save(x, "return_shipped", carrier + " " + *tracking, actor_id);
}

Result<OrderReturn> Returns::receive(long long id, long long workshop_id, bool accepted,
                                     const std::string& note, long long actor_id) {
  const std::string why(trim(note));
  if (!accepted && why.empty())
    return Error::invalid("note", "reason_required", "say what the inspection found");
  auto x = TRY(open(id, workshop_id, {"shipped_back", "approved"}));
  const auto now = format_utc(clock_.now());
  x.received_at = now;
  x.note = why.empty() ? x.note : why.substr(0, 1000);
  if (!accepted) {
    x.status = "declined";
    return finish_without_exchange(x, "return_declined", actor_id);
  }
  // The piece is back on the workshop's shelf: its units return to stock (a hub-held piece's stock follows
  // the studio's items instead: the return station restocks it).
  std::vector<long long> restocked;
  const auto restock = [&](soci::session& sql, const Order& o) {
    restocked.clear();  // the transaction may run again
    for (const auto& l : o.lines) {
      if (l.reserved <= 0 || std::find(x.line_ids.begin(), x.line_ids.end(), l.id) == x.line_ids.end())
        continue;
      int hub_held = 0;
      sql << "SELECT hub_held FROM products WHERE id = :p", soci::use(l.product_id), soci::into(hub_held);
      if (hub_held) continue;
      catalog::repo::give_back_stock(sql, l.variant_id, l.reserved, now);
      restocked.push_back(l.product_id);
    }
  };
  if (x.kind == "exchange") {
    // The size held for it leaves in a replacement parcel that the workshop ships like any other.
    x.status = "exchanged";
    auto saved = save(x, "exchanged", x.exchange_note, actor_id, [&](soci::session& sql, const Order& o) {
      restock(sql, o);
      exchanges::open_replacement(sql, o, x, exchanges::size_of(orders_, o, x), now);
    });
    if (saved && !restocked.empty()) orders_.stock_changed(restocked);
    return saved;
  }
  x.status = "received";
  std::string back = now;  // the law's days run from the piece's return, not from its inspection
  if (arrival_)
    if (const auto order = orders_.find(x.order_number))
      if (const auto arrived = arrival_(*order, x); !arrived.empty() && arrived < back) back = arrived;
  x.refund_due = add_business_days(back, 3);
  auto saved =
      save(x, "return_received", std::string(received_note_opening) + x.refund_due, actor_id, restock);
  if (saved && !restocked.empty()) orders_.stock_changed(restocked);
  return saved;
}

Result<OrderReturn> Returns::refund(long long id, long long actor_id) {
  auto x = TRY(open(id, 0, {"received"}));
  const auto order = orders_.find(x.order_number);
  if (!order) return Error::not_found("order");
  // A card or a Toss virtual account is refunded through the provider; a plain transfer by the batch.
  const bool card = order->payment_method == "card" || order->payment_method == "virtual_account";
  if (card) {
    if (!card_refund_)
      return Error::conflict("payment", "card_unavailable", "card refunds are not configured");
    if (x.refund_amount > 0)
      TRY(card_refund_(x.order_number, x.refund_amount, "반품 환불 (return)", actor_id, x.refund_account));
  }
  x.status = "refunded";
  x.refund_method = !card ? "transfer" : order->payment_method == "card" ? "card" : "virtual_account";
  x.refunded_at = format_utc(clock_.now());
  const auto at = x.refunded_at;
  // A confirmed parcel's sale was credited to the workshop: the returned lines are reversed in its ledger.
  return save(
      x, card ? "return_refunded" : "return_refund_queued", std::to_string(x.refund_amount) + "원", actor_id,
      [&](soci::session& sql, const Order& o) { Ledger::reverse_returned(sql, o, x.line_ids, x.id, at); });
}

Result<OrderReturn> Returns::give_interest_account(long long id, std::string_view typed, long long actor_id) {
  auto x = TRY(open(id, 0, {"refunded"}));
  if (x.refund_method != "card" || days_late(x.refund_due, x.refunded_at) <= 0)
    return Error::conflict("refund_account", "interest_not_owed",
                           "only a card refund made after its due day sends delay interest to an account");
  if (!x.transferred_at.empty())
    return Error::conflict("refund_account", "interest_paid",
                           "the delay interest has been transferred already");
  const auto account = TRY(typed_account(typed));
  if (account.size() < 8)
    return Error::invalid("refund_account", "refund_account_required",
                          "give the account for the delay interest: bank, account number and holder");
  x.refund_account = account;
  return save(x, "return_interest_account", "", actor_id);
}

std::optional<OrderReturn> Returns::find(long long id) {
  return db_.read([&](soci::session& sql) -> std::optional<OrderReturn> {
    soci::rowset<soci::row> rows = (sql.prepare << std::string(columns) + "WHERE r.id = :id", soci::use(id));
    auto all = read(sql, rows);
    if (all.empty()) return std::nullopt;
    return all.front();
  });
}

std::vector<OrderReturn> Returns::of_order(long long order_id) {
  return db_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(columns) + "WHERE r.order_id = :o ORDER BY r.id", soci::use(order_id));
    return read(sql, rows);
  });
}

std::vector<OrderReturn> Returns::of_workshop(long long workshop_id, int limit) {
  return db_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(columns) +
                            "WHERE (:w = 0 OR f.workshop_id = :w2) ORDER BY r.id DESC "
                            "LIMIT :l",
         soci::use(workshop_id), soci::use(workshop_id), soci::use(limit));
    return read(sql, rows);
  });
}

std::vector<OrderReturn> Returns::on_the_way(int limit) {
  return db_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(columns) +
                            "WHERE r.status IN ('approved', 'shipped_back') ORDER BY CASE r.status WHEN "
                            "'shipped_back' THEN 0 ELSE 1 END, r.id LIMIT :l",
         soci::use(limit));
    return read(sql, rows);
  });
}

Result<long long> Returns::add_photo(long long id, std::string_view bytes, long long actor_id) {
  const auto x = find(id);
  if (!x) return Error::not_found("return");
  if (x->status != "requested" && x->status != "approved")
    return Error::conflict("status", "return_state",
                           "photos are sent with the request, before the piece comes back");
  if (x->photo_ids.size() >= max_return_photos)
    return Error::conflict("photo", "too_many_photos",
                           "at most " + std::to_string(max_return_photos) + " photos for one request");
  if (!blobs_) return Error::invalid("photo", "photos_off", "photos cannot be kept here");
  const auto checked = TRY(media::check_file(bytes, media::Accepts::images, "photo"));
  const auto hash = blobs_->put(bytes), preview = blobs_->put(checked.preview_png);
  const auto at = format_utc(clock_.now());
  long long uploader = actor_id;  // 0: a guest with the order's key
  soci::indicator uploader_ind = actor_id ? soci::i_ok : soci::i_null;
  return db_.write([&](soci::session& sql) -> Result<long long> {
    long long photo = 0;
    sql << "INSERT INTO order_return_photos (return_id, hash, preview_hash, content_type, width, height, "
           "uploaded_by, created_at) VALUES (:r, :h, :p, :t, :w, :ht, :u, :at) RETURNING id",
        soci::use(id), soci::use(hash), soci::use(preview), soci::use(checked.content_type),
        soci::use(checked.width), soci::use(checked.height), soci::use(uploader, uploader_ind), soci::use(at),
        soci::into(photo);
    return photo;
  });
}

std::optional<std::string> Returns::photo_preview(long long id, long long photo_id) {
  const auto hash = db_.read([&](soci::session& sql) {
    std::string preview;
    sql << "SELECT preview_hash FROM order_return_photos WHERE id = :p AND return_id = :r",
        soci::use(photo_id), soci::use(id), soci::into(preview);
    return preview;
  });
  if (hash.empty() || !blobs_) return std::nullopt;
  return blobs_->get(hash);
}

std::vector<RefundTransfer> Returns::transfers_to_make() {
  // Transfer refunds, and card or virtual-account refunds made after their due Seoul day (past 15:00 UTC
  // of it) with an account: on-time card refunds, which never leave by transfer, are not read at all.
  const auto refunded = db_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(columns) +
                            "WHERE r.status = 'refunded' AND r.transferred_at IS NULL AND (r.refund_method = "
                            "'transfer' OR (r.refund_account <> '' AND r.refunded_at >= (r.refund_due || "
                            "'T15:00:00Z'))) ORDER BY r.id");
    return read(sql, rows);
  });
  std::vector<RefundTransfer> out;
  for (const auto& x : refunded) {
    // Refunded after its due day: the delay interest (Article 18(2)) is the hub's to pay, with a transfer
    // refund or, for a card or virtual account, on a line of its own to the account the shopper gave.
    const long long interest = delay_interest(x.refund_amount, days_late(x.refund_due, x.refunded_at));
    if (x.refund_method == "transfer")
      out.push_back({x, x.refund_amount + interest, interest,
                     "브릴리언트 반품 환불 " + x.order_number +
                         (interest ? " (지연배상금 " + std::to_string(interest) + "원 포함)" : "")});
    else if (interest > 0 && !x.refund_account.empty())
      out.push_back({x, interest, interest, "브릴리언트 반품 지연배상금 " + x.order_number});
  }
  return out;
}

std::string Returns::transfer_batch_csv() {
  std::string out = csv_line({"은행코드", "계좌(입력한 그대로)", "금액", "메모", "반품"});
  for (const auto& t : transfers_to_make())
    out += csv_line({bank_code(t.x.refund_account), t.x.refund_account, std::to_string(t.amount), t.memo,
                     std::to_string(t.x.id)});
  return out;
}

Result<int> Returns::mark_transferred(const std::vector<long long>& ids, long long actor_id) {
  if (ids.empty()) return Error::invalid("ids", "ids_required", "ids: the returns whose transfers were made");
  int marked = 0;
  for (auto& t : transfers_to_make()) {
    if (std::find(ids.begin(), ids.end(), t.x.id) == ids.end()) continue;
    t.x.transferred_at = format_utc(clock_.now());
    const std::string event =
        t.x.refund_method == "transfer" ? "return_refund_transferred" : "return_interest_paid";
    const std::string note = std::to_string(t.amount) + "원";
    // Marked once: another operator's marking in between wins, and this one's event rolls back.
    auto done = orders_.record_event_if(
        t.x.order_number, actor_id, event, note, [&](soci::session& sql, const Order& o) -> Result<void> {
          soci::statement mark =
              (sql.prepare << "UPDATE order_returns SET transferred_at = :t, updated_at = :u WHERE id = :id "
                              "AND transferred_at IS NULL",
               soci::use(t.x.transferred_at), soci::use(t.x.transferred_at), soci::use(t.x.id));
          mark.execute(true);
          if (mark.get_affected_rows() != 1)
            return Error::conflict("ids", "already_transferred",
                                   "this refund was marked transferred already");
          if (mail_) mail::enqueue(sql, mail_(o, t.x, event, note), clock_);
          return {};
        });
    if (done)
      ++marked;
    else if (done.error().code != "already_transferred")
      return done.error();
  }
  return marked;
}

}  // namespace brilliant::orders
