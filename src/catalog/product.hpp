// Catalog values: plain structs, no SQL, no HTTP.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace brilliant::catalog {

struct Stone {
  std::string kind;    // diamond, ruby, sapphire, emerald, pearl, amethyst, cubic_zirconia, moissanite
  std::string origin;  // natural | lab_grown | simulant
  int count = 1;
  int carat_x1000 = 0;
  std::string shape, colour, clarity, cut, lab, report_no;
};

struct Variant {
  long long id = 0;
  std::string sku;
  int position = 0;
  int ring_circ_x10 = 0;  // rings: inner circumference in tenths of a mm
  int length_mm = 0;      // chains, bracelets
  std::string colour;
  long long weight_mg = 0;  // 0: the product's
  int stock = 0;
  long long price = 0;
  // The stock the editor saw when an edit of this variant was made (-1: not known; stock is then set as
  // given). A save changes the stock only if it still is what the editor saw (compare-and-set): a sale
  // made meanwhile is never undone by a stale form (repo::set_stock).
  int stock_seen = -1;
};

// A workshop's particulars as a seller (issue 15): shown on its pieces while the hub mediates the sale.
struct Seller {
  std::string company, representative, registration_no, address, phone, email;
};

struct Workshop {
  long long id = 0;
  std::string slug, name_ko, name_en, story_ko, story_en, location, specialities;
  int founded = 0;
  std::string status = "active";
  std::optional<Seller> seller;              // none until its particulars are known
  std::string location_en, specialities_en;  // empty: the Korean ones serve English pages too
};

// Where a piece is in the brand's review (issue 4): a workshop's draft goes in_review; the operator
// publishes it, asks for changes_requested or archives it. Names only in SQL and JSON.
enum class ProductStatus { draft, in_review, changes_requested, published, archived };
inline constexpr ProductStatus product_statuses[] = {ProductStatus::draft, ProductStatus::in_review,
                                                     ProductStatus::changes_requested,
                                                     ProductStatus::published, ProductStatus::archived};
constexpr std::string_view name_of(ProductStatus s) {
  switch (s) {
    case ProductStatus::draft:
      return "draft";
    case ProductStatus::in_review:
      return "in_review";
    case ProductStatus::changes_requested:
      return "changes_requested";
    case ProductStatus::published:
      return "published";
    case ProductStatus::archived:
      return "archived";
  }
  return "";
}
inline std::string to_string(ProductStatus s) { return std::string(name_of(s)); }
// The state a stored name names; nothing for a name that is not one.
constexpr std::optional<ProductStatus> product_status(std::string_view name) {
  for (auto s : product_statuses)
    if (name_of(s) == name) return s;
  return std::nullopt;
}

struct Product {
  long long id = 0;
  long long workshop_id = 0;
  std::string slug;
  ProductStatus status = ProductStatus::draft;
  bool workshop_active = true;  // false while the operator has suspended the workshop
  // Shown in the store and sold: published, and its workshop is not suspended.
  bool on_sale() const { return status == ProductStatus::published && workshop_active; }
  std::string category;
  std::string title_ko, title_en, story_ko, story_en, care_ko, care_en, tags;
  std::string metal;
  int purity = 0;
  std::string colour = "yellow";
  long long weight_mg = 0;
  std::string plating_metal, plating_process;
  int plating_microns_x100 = 0;
  std::string pricing = "formula";  // fixed | formula
  long long fixed_price = 0, labour_fee = 0, stone_cost = 0;
  int loss_bp = 0, margin_bp = 0;
  long long price = 0;
  long long quote_id = 0;
  bool made_to_order = false;
  int lead_days = 0;
  int engraving_max_chars = 0;
  long long engraving_fee = 0, gift_wrap_fee = 0;
  int per_customer_limit = 0;           // the most one customer may buy, over all their orders (0: no limit)
  bool eco_certified = false;           // it has claims backed by its workshop's active certificate
  std::vector<std::string> eco_claims;  // those claims (recycled_silver, ...); written by certification
  std::string eco_certificate;          // the certificate's number
  int popularity = 0;
  std::string created_at, published_at;
  std::vector<Stone> stones;
  std::vector<Variant> variants;
  std::vector<long long> image_ids;
  struct NewImage {
    std::string content_type, body, alt_ko, alt_en;
  };
  std::vector<NewImage> new_images;  // stored with the product by create()
  struct PhotoRendition {
    std::string name, format, hash;
    int width = 0;
  };
  struct Photo {
    std::string alt_ko, alt_en;
    std::vector<PhotoRendition> renditions;
  };
  std::vector<Photo> photos;             // photographs from the photo pipeline, in order
  std::vector<std::string> collections;  // slugs
};

// What listings, facets and search results need of a published product, held in memory.
struct Card {
  long long id = 0;
  std::string slug, title_ko, title_en, category, metal, colour;
  int purity = 0;
  long long price = 0;
  long long weight_mg = 0;
  std::string workshop_slug, workshop_ko, workshop_en;
  std::vector<std::string> stone_kinds;
  unsigned origins = 0;  // bit 0 natural, 1 lab_grown, 2 simulant
  bool eco = false;
  bool in_stock = false;
  bool made_to_order = false;
  int popularity = 0;
  std::string published_at;
  long long image_id = 0;
  std::vector<std::string> collections;
  bool operator==(const Card&) const = default;
};

// A drawn product image (the demo's art) as stored.
struct Image {
  std::string content_type;
  std::string body;
};

}  // namespace brilliant::catalog
