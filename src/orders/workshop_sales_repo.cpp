#include "orders/workshop_sales_repo.hpp"

namespace brilliant::orders::repo {

vendors::WorkshopSales workshop_sales(db::Database& db, long long workshop, const std::string& since_7,
                                      const std::string& since_30) {
  return db.read([&](soci::session& sql) {
    vendors::WorkshopSales s;
    constexpr const char* placed_since =
        "SELECT COUNT(*) FROM fulfilments f JOIN orders o ON o.id = f.order_id WHERE f.workshop_id = :w "
        "AND o.status <> 'cancelled' AND o.created_at >= :since";
    sql << placed_since, soci::use(workshop), soci::use(since_7), soci::into(s.orders_7);
    sql << placed_since, soci::use(workshop), soci::use(since_30), soci::into(s.orders_30);
    // CAST: PostgreSQL's SUM(bigint) is numeric.
    sql << "SELECT CAST(COALESCE(SUM(f.subtotal), 0) AS BIGINT) FROM fulfilments f JOIN orders o ON o.id = "
           "f.order_id WHERE f.workshop_id = :w AND o.status = 'paid' AND o.paid_at >= :since",
        soci::use(workshop), soci::use(since_30), soci::into(s.revenue_30);
    sql << "SELECT COUNT(*) FROM fulfilments WHERE workshop_id = :w AND status = 'to_ship'",
        soci::use(workshop), soci::into(s.to_ship);
    // Put in a cart: the lines in carts now, and those that left a cart for an order (placing empties the
    // cart), whatever became of the order; not an exchange's replacement line, which no cart held.
    soci::rowset<soci::row> adds =
        (sql.prepare << "SELECT cl.product_id, cl.created_at FROM cart_lines cl JOIN products p ON p.id = "
                        "cl.product_id WHERE p.workshop_id = :w AND cl.created_at >= :since UNION ALL "
                        "SELECT ol.product_id, o.created_at FROM order_lines ol JOIN orders o ON o.id = "
                        "ol.order_id JOIN products p ON p.id = ol.product_id WHERE p.workshop_id = :w2 AND "
                        "o.created_at >= :since2 AND ol.replaces_line_id IS NULL",
         soci::use(workshop), soci::use(since_30), soci::use(workshop), soci::use(since_30));
    for (const auto& row : adds) {
      ++s.adds_30;
      if (db::row_text(row, 1) >= since_7) ++s.adds_7;
      ++s.adds_by_product[db::row_int(row, 0)];
    }
    return s;
  });
}

}  // namespace brilliant::orders::repo
