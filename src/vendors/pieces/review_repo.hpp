// The brand review's rows: a product's review history (product_reviews, owned here) and the moves of a
// piece between draft, in_review, published, changes_requested and archived (through catalog::repo).
#pragma once
#include <string>
#include <vector>

#include "catalog/product.hpp"
#include "db/database.hpp"

namespace brilliant::vendors::repo {

struct ProductRef {
  long long id = 0, workshop = 0;
  catalog::ProductStatus status = catalog::ProductStatus::draft;
};
// The product with this slug, or id 0.
ProductRef product_ref(db::Database& db, const std::string& slug);

// A decision or event in a product's review history. Runs in the caller's transaction.
void record_review(soci::session& sql, long long product, long long user, const std::string& decision,
                   const std::string& comment, const std::string& now);
// Sets the product's status and records the review event, in one transaction.
void move_piece(db::Database& db, long long product, catalog::ProductStatus status, long long user,
                const std::string& decision, const std::string& comment, const std::string& now);
// Records "submitted" with the comment for each product, in one transaction.
void record_submissions(db::Database& db, const std::vector<long long>& products, long long user,
                        const std::string& comment, const std::string& now);

struct ReviewEntry {
  std::string decision, comment, author, at;  // at: UTC as stored
};
// The product's history, oldest first.
std::vector<ReviewEntry> reviews_of(db::Database& db, long long product);

struct Waiting {
  std::string slug, title_ko, title_en, workshop, workshop_en;
};
// Pieces in review, longest waiting first.
std::vector<Waiting> review_queue(db::Database& db);

}  // namespace brilliant::vendors::repo
