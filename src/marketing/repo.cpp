#include "marketing/repo.hpp"

#include <soci/soci.h>

#include "db/database.hpp"

namespace brilliant::marketing::repo {

namespace {
std::string signal_name(Signal s) { return s == Signal::view ? "view" : "purchase"; }
}  // namespace

void add_counts(soci::session& sql, Signal signal, const Counts& counts) {
  const std::string name = signal_name(signal);
  long long a = 0, b = 0, n = 0;
  soci::statement st =
      (sql.prepare
           << "INSERT INTO co_counts (signal, product_a, product_b, n) SELECT :s, :a, :b, :n WHERE "
              "(SELECT COUNT(*) FROM products WHERE id IN (:a2, :b2)) = (CASE WHEN :a3 = :b3 THEN 1 ELSE 2 "
              "END) ON CONFLICT (signal, product_a, product_b) DO UPDATE SET n = co_counts.n + excluded.n",
       soci::use(name), soci::use(a), soci::use(b), soci::use(n), soci::use(a), soci::use(b), soci::use(a),
       soci::use(b));
  for (const auto& [pair, count] : counts) {
    a = pair.first;
    b = pair.second;
    n = count;
    st.execute(true);
  }
}

bool any_counts(soci::session& sql, Signal signal) {
  long long n = 0;
  const std::string name = signal_name(signal);
  sql << "SELECT COUNT(*) FROM (SELECT 1 FROM co_counts WHERE signal = :s LIMIT 1) AS x", soci::use(name),
      soci::into(n);
  return n > 0;
}

void load_counts(soci::session& sql, const std::function<void(Signal, const Pair&)>& each) {
  soci::rowset<soci::row> rows = sql.prepare << "SELECT signal, product_a, product_b, n FROM co_counts";
  for (const auto& r : rows)
    each(r.get<std::string>(0) == "view" ? Signal::view : Signal::purchase,
         {db::row_int(r, 1), db::row_int(r, 2), static_cast<float>(db::row_int(r, 3))});
}

std::vector<long long> purchased(soci::session& sql, long long user_id, long long except_order_id) {
  std::vector<long long> out;
  soci::rowset<soci::row> rows =
      (sql.prepare
           << "SELECT l.product_id, MAX(o.id) FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE "
              "o.user_id = :u AND o.status = 'paid' AND o.id <> :e GROUP BY l.product_id ORDER BY MAX(o.id) "
              "DESC",
       soci::use(user_id), soci::use(except_order_id));
  for (const auto& r : rows) out.push_back(db::row_int(r, 0));
  return out;
}

}  // namespace brilliant::marketing::repo
