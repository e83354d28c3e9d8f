#include "vendors/pieces/review_repo.hpp"

#include "catalog/repo.hpp"

namespace brilliant::vendors::repo {

ProductRef product_ref(db::Database& db, const std::string& slug) {
  return db.read([&](soci::session& sql) {
    ProductRef ref;
    std::string status;
    sql << "SELECT id, workshop_id, status FROM products WHERE slug = :s", soci::use(slug),
        soci::into(ref.id), soci::into(ref.workshop), soci::into(status);
    if (!sql.got_data()) return ProductRef{};
    ref.status = catalog::product_status(status).value_or(catalog::ProductStatus::draft);
    return ref;
  });
}

void record_review(soci::session& sql, long long product, long long user, const std::string& decision,
                   const std::string& comment, const std::string& now) {
  sql << "INSERT INTO product_reviews (product_id, reviewer_id, decision, comment, created_at) VALUES (:p, "
         ":u, :d, :c, :now)",
      soci::use(product), soci::use(user), soci::use(decision), soci::use(comment), soci::use(now);
}

void move_piece(db::Database& db, long long product, catalog::ProductStatus status, long long user,
                const std::string& decision, const std::string& comment, const std::string& now) {
  db.write([&](soci::session& sql) {
    catalog::repo::set_status(sql, product, status, now);
    record_review(sql, product, user, decision, comment, now);
  });
}

void record_submissions(db::Database& db, const std::vector<long long>& products, long long user,
                        const std::string& comment, const std::string& now) {
  if (products.empty()) return;
  db.write([&](soci::session& sql) {
    for (const auto product : products) record_review(sql, product, user, "submitted", comment, now);
  });
}

std::vector<ReviewEntry> reviews_of(db::Database& db, long long product) {
  return db.read([&](soci::session& sql) {
    std::vector<ReviewEntry> out;
    soci::rowset<soci::row> rows = (sql.prepare << "SELECT v.decision, v.comment, u.name, v.created_at FROM "
                                                   "product_reviews v JOIN users u ON u.id = v.reviewer_id "
                                                   "WHERE v.product_id = :p ORDER BY v.id",
                                    soci::use(product));
    for (const auto& row : rows)
      out.push_back({db::row_text(row, 0), db::row_text(row, 1), db::row_text(row, 2), db::row_text(row, 3)});
    return out;
  });
}

std::vector<Waiting> review_queue(db::Database& db) {
  return db.read([&](soci::session& sql) {
    std::vector<Waiting> out;
    soci::rowset<soci::row> rows =
        sql.prepare << "SELECT p.slug, p.title_ko, p.title_en, w.name, w.name_en FROM products p "
                       "JOIN workshops w ON w.id = p.workshop_id WHERE p.status = 'in_review' "
                       "ORDER BY p.updated_at";
    for (const auto& row : rows)
      out.push_back({db::row_text(row, 0), db::row_text(row, 1), db::row_text(row, 2), db::row_text(row, 3),
                     db::row_text(row, 4)});
    return out;
  });
}

}  // namespace brilliant::vendors::repo
