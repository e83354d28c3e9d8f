#include "orders/ledger.hpp"

#include <algorithm>

#include "core/checks.hpp"
#include "core/csv.hpp"
#include "core/text.hpp"
#include "db/database.hpp"
#include "orders/settlements.hpp"
#include "vendors/brand/brand.hpp"

namespace brilliant::orders {

namespace {

LedgerEntry entry(long long workshop, const std::string& kind, long long amount, const std::string& number,
                  const std::string& source, int rate_bp = 0) {
  LedgerEntry e;
  e.workshop_id = workshop;
  e.kind = kind;
  e.amount = amount;
  e.order_number = number;
  e.source = source;
  e.rate_bp = rate_bp;
  return e;
}

void insert(soci::session& sql, const LedgerEntry& e, long long actor_id, const std::string& at) {
  soci::indicator source_ind = e.source.empty() ? soci::i_null : soci::i_ok;
  soci::indicator actor_ind = actor_id ? soci::i_ok : soci::i_null;
  sql << "INSERT INTO ledger_entries (workshop_id, kind, amount, order_number, source, rate_bp, memo, "
         "actor_id, "
         "created_at) VALUES (:w, :k, :a, :n, :s, :r, :m, :ac, :at)",
      soci::use(e.workshop_id), soci::use(e.kind), soci::use(e.amount), soci::use(e.order_number),
      soci::use(e.source, source_ind), soci::use(e.rate_bp), soci::use(e.memo),
      soci::use(actor_id, actor_ind), soci::use(at);
}

constexpr char entry_columns[] =
    "SELECT e.id, e.workshop_id, e.kind, e.amount, e.order_number, COALESCE(e.source, ''), e.rate_bp, "
    "e.memo, "
    "COALESCE(u.name, ''), e.created_at FROM ledger_entries e LEFT JOIN users u ON u.id = e.actor_id ";

std::vector<LedgerEntry> read_entries(soci::rowset<soci::row>& rows) {
  std::vector<LedgerEntry> out;
  for (const auto& r : rows) {
    LedgerEntry e;
    e.id = db::row_int(r, 0);
    e.workshop_id = db::row_int(r, 1);
    e.kind = db::row_text(r, 2);
    e.amount = db::row_int(r, 3);
    e.order_number = db::row_text(r, 4);
    e.source = db::row_text(r, 5);
    e.rate_bp = static_cast<int>(db::row_int(r, 6));
    e.memo = db::row_text(r, 7);
    e.actor = db::row_text(r, 8);
    e.created_at = db::row_text(r, 9);
    out.push_back(std::move(e));
  }
  return out;
}

// Every workshop's entries in [from, to), by workshop.
std::vector<std::vector<LedgerEntry>> entries_between(soci::session& sql, const std::string& from,
                                                      const std::string& to, long long workshop_id) {
  soci::rowset<soci::row> rows =
      (sql.prepare
           << std::string(entry_columns) +
                  "WHERE e.created_at >= :f AND e.created_at < :t AND (:w = 0 OR e.workshop_id = :w2) "
                  "ORDER BY e.workshop_id, e.id",
       soci::use(from), soci::use(to), soci::use(workshop_id), soci::use(workshop_id));
  std::vector<std::vector<LedgerEntry>> out;
  for (auto& e : read_entries(rows)) {
    if (out.empty() || out.back().front().workshop_id != e.workshop_id) out.emplace_back();
    out.back().push_back(std::move(e));
  }
  return out;
}

// The workshop's names and the settlement account of its approved application.
void describe(soci::session& sql, PayoutStatement& s) {
  soci::rowset<soci::row> rows =
      (sql.prepare
           << "SELECT w.slug, w.name, w.name_en, COALESCE(a.bank_name, ''), COALESCE(a.bank_account, ''), "
              "COALESCE(a.account_holder, '') FROM workshops w LEFT JOIN workshop_applications a ON "
              "a.workshop_id = w.id AND a.status = 'approved' WHERE w.id = :w ORDER BY a.id DESC",
       soci::use(s.workshop_id));
  for (const auto& r : rows) {
    s.workshop_slug = db::row_text(r, 0);
    s.workshop_ko = db::row_text(r, 1);
    s.workshop_en = db::row_text(r, 2);
    s.bank_name = db::row_text(r, 3);
    s.bank_account = db::row_text(r, 4);
    s.account_holder = db::row_text(r, 5);
    break;
  }
}

std::optional<PayoutPeriod> load_period(soci::session& sql, const std::string& month, long long workshop_id) {
  PayoutPeriod p;
  soci::indicator paid_ind;
  std::string paid;
  sql << "SELECT p.id, p.month, p.closed_at, COALESCE(u.name, ''), p.total, p.paid_at FROM payout_periods p "
         "LEFT JOIN users u ON u.id = p.closed_by WHERE p.month = :m",
      soci::use(month), soci::into(p.id), soci::into(p.month), soci::into(p.closed_at),
      soci::into(p.closed_by), soci::into(p.total), soci::into(paid, paid_ind);
  if (!sql.got_data()) return std::nullopt;
  if (paid_ind == soci::i_ok) p.paid_at = paid;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT workshop_id, sales, commission, shipping, other, payout, entries FROM "
                      "payout_statements WHERE period_id = :p AND (:w = 0 OR workshop_id = :w2) ORDER BY "
                      "payout DESC, "
                      "workshop_id",
       soci::use(p.id), soci::use(workshop_id), soci::use(workshop_id));
  for (const auto& r : rows) {
    PayoutStatement s;
    s.workshop_id = db::row_int(r, 0);
    s.sales = db::row_int(r, 1);
    s.commission = db::row_int(r, 2);
    s.shipping = db::row_int(r, 3);
    s.other = db::row_int(r, 4);
    s.payout = db::row_int(r, 5);
    s.entries = static_cast<int>(db::row_int(r, 6));
    p.statements.push_back(std::move(s));
  }
  for (auto& s : p.statements) describe(sql, s);
  return p;
}

}  // namespace

namespace {
// The part of a discount the workshop bears (its own coupon, or the hub's charged to it).
long long workshop_borne(const Order& order, long long discount) {
  return order.discount_bearer == "workshop" ? discount : 0;
}
}  // namespace

std::vector<LedgerEntry> confirmation_entries(const Order& order, const Fulfilment& parcel) {
  std::vector<LedgerEntry> out;
  for (const auto& l : order.lines) {
    // An exchange's replacement was paid for as the line it replaces, credited with that line's parcel.
    if (l.fulfilment_id != parcel.id || l.replaces_line_id) continue;
    const auto line = "line:" + std::to_string(l.id);
    // Commission is on what the piece sold for: after a discount the workshop bore, before the hub's.
    const long long sold_for = l.line_total - workshop_borne(order, l.discount);
    out.push_back(
        entry(parcel.workshop_id, "sale", l.line_total, order.number, line + ":sale", l.commission_bp));
    out.push_back(entry(parcel.workshop_id, "commission", -vendors::commission_won(sold_for, l.commission_bp),
                        order.number, line + ":commission", l.commission_bp));
  }
  const auto base = "parcel:" + std::to_string(parcel.id);
  if (parcel.shipping_fee > 0)
    out.push_back(
        entry(parcel.workshop_id, "shipping", parcel.shipping_fee, order.number, base + ":shipping"));
  if (const long long borne = workshop_borne(order, parcel.discount); borne > 0)
    out.push_back(entry(parcel.workshop_id, "discount", -borne, order.number, base + ":discount"));
  return out;
}

PayoutStatement sum_entries(const std::vector<LedgerEntry>& entries) {
  PayoutStatement s;
  for (const auto& e : entries) {
    s.workshop_id = e.workshop_id;
    if (e.kind == "sale")
      s.sales += e.amount;
    else if (e.kind == "commission")
      s.commission += e.amount;
    else if (e.kind == "shipping")
      s.shipping += e.amount;
    else
      s.other += e.amount;
    s.payout += e.amount;
    ++s.entries;
  }
  return s;
}

std::string bank_code(std::string_view bank_name) {
  static const std::pair<std::string_view, std::string_view> banks[] = {
      {"산업", "002"},   {"기업", "003"}, {"국민", "004"}, {"KB", "004"},       {"수협", "007"},
      {"농협", "011"},   {"NH", "011"},   {"우리", "020"}, {"SC", "023"},       {"제일", "023"},
      {"씨티", "027"},   {"대구", "031"}, {"iM", "031"},   {"부산", "032"},     {"광주", "034"},
      {"제주", "035"},   {"전북", "037"}, {"경남", "039"}, {"새마을", "045"},   {"신협", "048"},
      {"우체국", "071"}, {"하나", "081"}, {"신한", "088"}, {"케이뱅크", "089"}, {"카카오", "090"},
      {"토스", "092"}};
  for (const auto& [name, code] : banks)
    if (bank_name.find(name) != std::string_view::npos) return std::string(code);
  return "";
}

std::string payout_csv(const PayoutPeriod& period) {
  std::string out = csv_line({"은행코드", "계좌번호", "예금주", "금액", "메모"});
  for (const auto& s : period.statements) {
    if (s.payout <= 0) continue;  // nothing to send (a negative balance carries over as an adjustment)
    std::string account;
    for (char c : s.bank_account)
      if (c >= '0' && c <= '9') account += c;
    out += csv_line({bank_code(s.bank_name), account, s.account_holder, std::to_string(s.payout),
                     "브릴리언트 " + period.month + " 정산"});
  }
  return out;
}

std::string tax_invoice_csv(const PayoutPeriod& period) {
  std::string out = csv_line({"공방", "공방 코드", "기간", "수수료 합계", "공급가액", "부가세"});
  for (const auto& s : period.statements) {
    const long long commission = -s.commission;
    const long long supply = (commission * 10 + 5) / 11;  // VAT included in the rate: supply = total / 1.1
    out += csv_line({s.workshop_ko, s.workshop_slug, period.month, std::to_string(commission),
                     std::to_string(supply), std::to_string(commission - supply)});
  }
  return out;
}

void Ledger::credit_confirmed(soci::session& sql, const Order& order, const Fulfilment& parcel,
                              const std::string& at) {
  for (const auto& e : confirmation_entries(order, parcel)) {
    int seen = 0;
    sql << "SELECT COUNT(*) FROM ledger_entries WHERE source = :s", soci::use(e.source), soci::into(seen);
    if (seen == 0) insert(sql, e, 0, at);
  }
}

void Ledger::reverse_returned(soci::session& sql, const Order& order, const std::vector<long long>& line_ids,
                              long long return_id, const std::string& at) {
  for (const auto& returned : order.lines) {
    if (std::find(line_ids.begin(), line_ids.end(), returned.id) == line_ids.end()) continue;
    const auto& l = paid_line(order, returned);  // a replacement returned: the sale it came from
    int credited = 0;
    const auto sale_source = "line:" + std::to_string(l.id) + ":sale";
    sql << "SELECT COUNT(*) FROM ledger_entries WHERE source = :s", soci::use(sale_source),
        soci::into(credited);
    if (!credited) continue;
    const auto base = "return:" + std::to_string(return_id) + ":line:" + std::to_string(returned.id);
    long long workshop = 0;
    sql << "SELECT workshop_id FROM fulfilments WHERE id = :f", soci::use(l.fulfilment_id),
        soci::into(workshop);
    const long long borne = workshop_borne(order, l.discount);
    for (const auto& e :
         {entry(workshop, "refund", -l.line_total, order.number, base + ":sale", l.commission_bp),
          entry(workshop, "refund", vendors::commission_won(l.line_total - borne, l.commission_bp),
                order.number, base + ":commission", l.commission_bp),
          entry(workshop, "refund", borne, order.number, base + ":discount")}) {
      if (e.amount == 0) continue;
      int seen = 0;
      sql << "SELECT COUNT(*) FROM ledger_entries WHERE source = :s", soci::use(e.source), soci::into(seen);
      if (!seen) insert(sql, e, 0, at);
    }
  }
}

Result<LedgerEntry> Ledger::adjust(long long workshop_id, long long amount, const std::string& raw_memo,
                                   long long actor_id) {
  const std::string memo(trim(raw_memo));
  if (amount == 0)
    return Error::invalid("amount", "number_invalid", "an adjustment is a non-zero number of won");
  if (memo.empty()) return Error::invalid("memo", "memo_required", "say what the adjustment is for");
  TRY(check_length("memo", memo, 300));
  const auto at = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<LedgerEntry> {
    int known = 0;
    sql << "SELECT COUNT(*) FROM workshops WHERE id = :w", soci::use(workshop_id), soci::into(known);
    if (!known) return Error::not_found("workshop");
    auto e = entry(workshop_id, "adjustment", amount, "", "");
    e.memo = memo;
    insert(sql, e, actor_id, at);
    e.created_at = at;
    return e;
  });
}

std::vector<LedgerEntry> Ledger::entries(long long workshop_id, const std::string& month) {
  auto bounds = month_bounds(month);
  if (!bounds) return {};
  return db_.read([&](soci::session& sql) {
    auto all = entries_between(sql, bounds->first, bounds->second, workshop_id);
    return all.empty() ? std::vector<LedgerEntry>{} : all.front();
  });
}

Result<std::vector<PayoutStatement>> Ledger::open_statements(const std::string& month,
                                                             long long workshop_id) {
  const auto bounds = TRY(month_bounds(month));
  return db_.read([&](soci::session& sql) {
    std::vector<PayoutStatement> out;
    for (const auto& list : entries_between(sql, bounds.first, bounds.second, workshop_id)) {
      out.push_back(sum_entries(list));
      describe(sql, out.back());
    }
    return out;
  });
}

namespace {

// A workshop that owes money at the end of a month (its refunds outweighed its sales) is paid nothing and
// its debt moves into the next month, as two entries: "carry" +debt at the month's last second (its
// statement ends at 0) and "carry" -debt at the next month's first (taken from what it earns next). Once
// per workshop and month (their sources are unique).
void carry_over_debts(soci::session& sql, const std::string& month,
                      const std::pair<std::string, std::string>& bounds, long long actor_id) {
  TimePoint next_start;
  if (!parse_utc(bounds.second, next_start)) return;
  const auto last_second = format_utc(next_start - std::chrono::seconds(1));
  for (const auto& list : entries_between(sql, bounds.first, bounds.second, 0)) {
    const auto owed = sum_entries(list);
    if (owed.payout >= 0) continue;
    const auto tag = "carry:" + month + ":" + std::to_string(owed.workshop_id);
    insert(sql,
           {0, owed.workshop_id, "carry", -owed.payout, "", tag + ":out", month + " → 다음 달로 이월", "", "",
            0},
           actor_id, last_second);
    insert(sql,
           {0, owed.workshop_id, "carry", owed.payout, "", tag + ":in", month + "에서 이월된 미정산액", "",
            "", 0},
           actor_id, bounds.second);
  }
}

}  // namespace

Result<PayoutPeriod> Ledger::close(const std::string& month, long long actor_id, bool* already) {
  const auto bounds = TRY(month_bounds(month));
  const auto at = format_utc(clock_.now());
  if (at < bounds.second)
    return Error::conflict("month", "month_not_over", month + " has not ended yet (Seoul time)");
  return db_.write([&](soci::session& sql) -> Result<PayoutPeriod> {
    if (auto closed = load_period(sql, month, 0)) {
      if (already) *already = true;
      return *closed;
    }
    carry_over_debts(sql, month, bounds, actor_id);
    std::vector<PayoutStatement> statements;
    long long total = 0;
    for (const auto& list : entries_between(sql, bounds.first, bounds.second, 0)) {
      statements.push_back(sum_entries(list));
      total += statements.back().payout;
    }
    long long id = 0;
    soci::indicator actor_ind = actor_id ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO payout_periods (month, closed_at, closed_by, total) VALUES (:m, :c, :b, :t) "
           "RETURNING id",
        soci::use(month), soci::use(at), soci::use(actor_id, actor_ind), soci::use(total), soci::into(id);
    for (const auto& s : statements)
      sql << "INSERT INTO payout_statements (period_id, workshop_id, sales, commission, shipping, other, "
             "payout, "
             "entries) VALUES (:p, :w, :s, :c, :sh, :o, :pay, :n)",
          soci::use(id), soci::use(s.workshop_id), soci::use(s.sales), soci::use(s.commission),
          soci::use(s.shipping), soci::use(s.other), soci::use(s.payout), soci::use(s.entries);
    // Checked on every close: what was frozen is what the ledger holds for the month.
    long long frozen = 0, held = 0;
    soci::indicator ind;
    sql << "SELECT SUM(payout) FROM payout_statements WHERE period_id = :p", soci::use(id),
        soci::into(frozen, ind);
    sql << "SELECT SUM(amount) FROM ledger_entries WHERE created_at >= :f AND created_at < :t",
        soci::use(bounds.first), soci::use(bounds.second), soci::into(held, ind);
    if (frozen != total || (ind == soci::i_ok && held != total))
      return Error::conflict("month", "ledger_mismatch",
                             "the statements do not add up to the ledger: not closed");
    if (already) *already = false;
    return *load_period(sql, month, 0);
  });
}

Result<PayoutPeriod> Ledger::mark_paid(const std::string& month, long long actor_id) {
  TRY(month_bounds(month));
  const auto at = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<PayoutPeriod> {
    auto p = load_period(sql, month, 0);
    if (!p) return Error::conflict("month", "period_open", month + " is not closed yet: close it first");
    if (!p->paid_at.empty()) return *p;  // paid once
    sql << "UPDATE payout_periods SET paid_at = :a, paid_by = :b WHERE id = :id AND paid_at IS NULL",
        soci::use(at), soci::use(actor_id), soci::use(p->id);
    return *load_period(sql, month, 0);
  });
}

std::optional<PayoutPeriod> Ledger::period(const std::string& month, long long workshop_id) {
  return db_.read([&](soci::session& sql) { return load_period(sql, month, workshop_id); });
}

std::vector<PayoutPeriod> Ledger::periods(long long workshop_id) {
  return db_.read([&](soci::session& sql) {
    std::vector<std::string> months;
    soci::rowset<std::string> rows = (sql.prepare << "SELECT month FROM payout_periods ORDER BY month DESC");
    for (const auto& m : rows) months.push_back(m);
    std::vector<PayoutPeriod> out;
    for (const auto& m : months) out.push_back(*load_period(sql, m, workshop_id));
    return out;
  });
}

}  // namespace brilliant::orders
