#include "app/operator_todo_repo.hpp"

namespace brilliant::app {

OperatorTodo operator_todo(db::Database& db, const std::string& today) {
  return db.read([&today](soci::session& sql) {
    OperatorTodo todo;
    const auto count = [&sql](const char* query) {
      long long n = 0;
      sql << query, soci::into(n);
      return n;
    };
    todo.transfers = count("SELECT COUNT(*) FROM orders WHERE status = 'awaiting_payment'");
    todo.to_ship = count("SELECT COUNT(*) FROM fulfilments WHERE status = 'to_ship'");
    todo.reviews = count("SELECT COUNT(*) FROM products WHERE status = 'in_review'");
    todo.applications = count("SELECT COUNT(*) FROM workshop_applications WHERE status = 'submitted'");
    // The refunds to make and, of them, those past their due day, in one reading.
    sql << "SELECT COUNT(*), COALESCE(SUM(CASE WHEN refund_due < :d THEN 1 ELSE 0 END), 0) FROM "
           "order_returns WHERE status = 'received'",
        soci::use(today), soci::into(todo.refunds), soci::into(todo.refunds_late);
    constexpr const char* low =
        " FROM variants v JOIN products p ON p.id = v.product_id JOIN workshops w ON w.id = p.workshop_id "
        "WHERE p.status = 'published' AND p.made_to_order = 0 AND v.stock <= 2";
    todo.low_stock = count((std::string("SELECT COUNT(*)") + low).c_str());
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(
                            "SELECT p.slug, p.title_ko, p.title_en, w.name, w.name_en, v.sku, v.stock") +
                            low + " ORDER BY v.stock, p.title_ko, v.sku LIMIT 10");
    for (const auto& r : rows)
      todo.lowest.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                             r.get<std::string>(3), r.get<std::string>(4), r.get<std::string>(5),
                             db::row_int(r, 6)});
    return todo;
  });
}

}  // namespace brilliant::app
