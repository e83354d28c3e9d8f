#include "catalog/repo.hpp"

#include "db/kept.hpp"

#include <sstream>

#include <boost/json.hpp>

#include <unordered_map>

#include "catalog/stock_repo.hpp"
#include "core/text.hpp"
#include "db/bulk.hpp"

namespace brilliant::catalog::repo {
namespace {

using db::row_int;
using db::row_text;

// A listed piece's card; load_cards adds which pieces, then `cards_order` (the listing's: newest first).
constexpr char select_cards[] =
    "SELECT p.id, p.slug, p.title_ko, p.title_en, p.category, p.metal, p.colour, p.purity, p.price, "
    "p.weight_mg, "
    "w.slug, w.name, w.name_en, p.eco_certified, p.made_to_order, p.popularity, COALESCE(p.published_at, "
    "''), "
    "COALESCE((SELECT MIN(i.id) FROM product_images i WHERE i.product_id = p.id), 0) "
    "FROM products p JOIN workshops w ON w.id = p.workshop_id "
    "WHERE p.status = 'published' AND w.status = 'active'";
constexpr char cards_order[] = " ORDER BY COALESCE(p.published_at, '') DESC, p.id DESC";
// The cards' stones, stock and collections, each in an order of its own so a card reads the same however
// many are read at once (load_cards adds which pieces before GROUP BY / ORDER BY).
constexpr char select_card_stones[] =
    "SELECT s.product_id, s.kind, s.origin FROM product_stones s JOIN products p ON p.id = s.product_id "
    "WHERE p.status = 'published'";
constexpr char card_stones_order[] = " ORDER BY s.product_id, s.id";
constexpr char select_card_stock[] =
    "SELECT v.product_id, SUM(v.stock) FROM variants v JOIN products p ON p.id = v.product_id "
    "WHERE p.status = 'published'";
constexpr char card_stock_group[] = " GROUP BY v.product_id";
constexpr char select_card_collections[] =
    "SELECT pc.product_id, c.slug FROM product_collections pc JOIN collections c ON c.id = pc.collection_id "
    "WHERE 1 = 1";
constexpr char card_collections_order[] = " ORDER BY pc.product_id, c.id";
// A workshop with its seller particulars (columns 10-15, NULL when none), then its English location and
// specialities.
const std::string workshop_columns =
    "SELECT w.id, w.slug, w.name, w.name_en, w.story_ko, w.story_en, w.location, w.specialities, w.founded, "
    "w.status, s.company, s.representative, s.registration_no, s.address, s.phone, s.email, w.location_en, "
    "w.specialities_en FROM workshops w "
    "LEFT JOIN workshop_sellers s ON s.workshop_id = w.id ";
const std::string select_workshops = workshop_columns + "ORDER BY w.name";
constexpr char select_collections[] =
    "SELECT id, slug, name_ko, name_en, description_ko, description_en, featured FROM collections ORDER BY "
    "id";
constexpr char product_columns[] =
    "id, workshop_id, slug, status, category, title_ko, title_en, story_ko, story_en, care_ko, care_en, "
    "tags, metal, "
    "purity, colour, weight_mg, plating_metal, plating_process, plating_microns_x100, pricing, fixed_price, "
    "labour_fee, stone_cost, loss_bp, margin_bp, price, COALESCE(quote_id, 0), made_to_order, lead_days, "
    "engraving_max_chars, engraving_fee, gift_wrap_fee, eco_certified, popularity, created_at, "
    "COALESCE(published_at, ''), eco_claims, eco_certificate, per_customer_limit";

Workshop workshop_from(const soci::row& r) {
  Workshop w{row_int(r, 0),  row_text(r, 1), row_text(r, 2),
             row_text(r, 3), row_text(r, 4), row_text(r, 5),
             row_text(r, 6), row_text(r, 7), static_cast<int>(row_int(r, 8)),
             row_text(r, 9), std::nullopt};
  if (r.get_indicator(10) == soci::i_ok)
    w.seller = Seller{row_text(r, 10), row_text(r, 11), row_text(r, 12),
                      row_text(r, 13), row_text(r, 14), row_text(r, 15)};
  w.location_en = row_text(r, 16);
  w.specialities_en = row_text(r, 17);
  return w;
}

Product product_from(const soci::row& r) {
  Product p;
  size_t i = 0;
  p.id = row_int(r, i++);
  p.workshop_id = row_int(r, i++);
  p.slug = row_text(r, i++);
  p.status = product_status(row_text(r, i++)).value_or(ProductStatus::draft);
  for (auto* s : {&p.category, &p.title_ko, &p.title_en, &p.story_ko, &p.story_en, &p.care_ko, &p.care_en,
                  &p.tags, &p.metal})
    *s = row_text(r, i++);
  p.purity = static_cast<int>(row_int(r, i++));
  p.colour = row_text(r, i++);
  p.weight_mg = row_int(r, i++);
  p.plating_metal = row_text(r, i++);
  p.plating_process = row_text(r, i++);
  p.plating_microns_x100 = static_cast<int>(row_int(r, i++));
  p.pricing = row_text(r, i++);
  p.fixed_price = row_int(r, i++);
  p.labour_fee = row_int(r, i++);
  p.stone_cost = row_int(r, i++);
  p.loss_bp = static_cast<int>(row_int(r, i++));
  p.margin_bp = static_cast<int>(row_int(r, i++));
  p.price = row_int(r, i++);
  p.quote_id = row_int(r, i++);
  p.made_to_order = row_int(r, i++) != 0;
  p.lead_days = static_cast<int>(row_int(r, i++));
  p.engraving_max_chars = static_cast<int>(row_int(r, i++));
  p.engraving_fee = row_int(r, i++);
  p.gift_wrap_fee = row_int(r, i++);
  p.eco_certified = row_int(r, i++) != 0;
  p.popularity = static_cast<int>(row_int(r, i++));
  p.created_at = row_text(r, i++);
  p.published_at = row_text(r, i++);
  std::istringstream claims(row_text(r, i++));
  for (std::string claim; claims >> claim;) p.eco_claims.push_back(claim);
  p.eco_certificate = row_text(r, i++);
  p.per_customer_limit = static_cast<int>(row_int(r, i++));
  return p;
}

// The cards of listed pieces into s (cards, by_id, by_slug) with their stones, stock and collections: all
// of them, or with `only` (an id_list) those pieces.
void read_cards(soci::session& sql, const std::string& only, Snapshot& s) {
  soci::rowset<soci::row> cards = sql.prepare << select_cards + db::and_in("p.id", only) + cards_order;
  for (const auto& r : cards) {
    Card c;
    c.id = row_int(r, 0);
    c.slug = row_text(r, 1);
    c.title_ko = row_text(r, 2);
    c.title_en = row_text(r, 3);
    c.category = row_text(r, 4);
    c.metal = row_text(r, 5);
    c.colour = row_text(r, 6);
    c.purity = static_cast<int>(row_int(r, 7));
    c.price = row_int(r, 8);
    c.weight_mg = row_int(r, 9);
    c.workshop_slug = row_text(r, 10);
    c.workshop_ko = row_text(r, 11);
    c.workshop_en = row_text(r, 12);
    c.eco = row_int(r, 13) != 0;
    c.made_to_order = row_int(r, 14) != 0;
    c.popularity = static_cast<int>(row_int(r, 15));
    c.published_at = row_text(r, 16);
    c.image_id = row_int(r, 17);
    s.by_id[c.id] = s.cards.size();
    s.by_slug[c.slug] = s.cards.size();
    s.cards.push_back(std::move(c));
  }
  auto card_of = [&s](long long id) -> Card* {
    auto it = s.by_id.find(id);
    return it == s.by_id.end() ? nullptr : &s.cards[it->second];
  };
  soci::rowset<soci::row> stones =
      sql.prepare << select_card_stones + db::and_in("s.product_id", only) + card_stones_order;
  for (const auto& r : stones)
    if (Card* c = card_of(row_int(r, 0))) {
      auto kind = row_text(r, 1);
      if (std::find(c->stone_kinds.begin(), c->stone_kinds.end(), kind) == c->stone_kinds.end())
        c->stone_kinds.push_back(kind);
      auto origin = row_text(r, 2);
      c->origins |= origin == "natural" ? 1u : origin == "lab_grown" ? 2u : origin == "simulant" ? 4u : 0u;
    }
  soci::rowset<soci::row> stock = sql.prepare
                                  << select_card_stock + db::and_in("v.product_id", only) + card_stock_group;
  for (const auto& r : stock)
    if (Card* c = card_of(row_int(r, 0))) c->in_stock = row_int(r, 1) > 0;
  for (auto& c : s.cards)
    if (!c.in_stock) c.made_to_order = true;  // 0 in stock but orderable means made to order
  soci::rowset<soci::row> collections =
      sql.prepare << select_card_collections + db::and_in("pc.product_id", only) + card_collections_order;
  for (const auto& r : collections)
    if (Card* c = card_of(row_int(r, 0))) c->collections.push_back(row_text(r, 1));
}

}  // namespace

Snapshot load_snapshot(soci::session& sql) {
  Snapshot s;
  read_cards(sql, "", s);
  soci::rowset<soci::row> workshops = sql.prepare << select_workshops;
  for (const auto& r : workshops) s.workshops.push_back(workshop_from(r));
  soci::rowset<soci::row> cols = sql.prepare << select_collections;
  for (const auto& r : cols)
    s.collections.push_back({row_int(r, 0), row_text(r, 1), row_text(r, 2), row_text(r, 3), row_text(r, 4),
                             row_text(r, 5), row_int(r, 6) != 0});
  index_snapshot(s);
  return s;
}

std::vector<Card> load_cards(soci::session& sql, const std::vector<long long>& ids) {
  if (ids.empty()) return {};
  Snapshot s;
  read_cards(sql, db::id_list(ids), s);
  return std::move(s.cards);
}

std::optional<Product> find_product(soci::session& sql, const std::string& slug) {
  std::optional<Product> found;
  db::each(
      sql, "SELECT " + std::string(product_columns) + " FROM products WHERE slug = :s",
      [&](const soci::row& r) { found = product_from(r); }, soci::use(slug));
  if (!found) return found;
  Product& p = *found;
  std::string workshop_status;
  db::run(sql, "SELECT status FROM workshops WHERE id = :w", soci::use(p.workshop_id),
          soci::into(workshop_status));
  p.workshop_active = workshop_status != "suspended";
  db::each(
      sql,
      "SELECT kind, origin, count, carat_x1000, shape, colour, clarity, cut, lab, report_no "
      "FROM product_stones WHERE product_id = :id ORDER BY id",
      [&](const soci::row& r) {
        p.stones.push_back({row_text(r, 0), row_text(r, 1), static_cast<int>(row_int(r, 2)),
                            static_cast<int>(row_int(r, 3)), row_text(r, 4), row_text(r, 5), row_text(r, 6),
                            row_text(r, 7), row_text(r, 8), row_text(r, 9)});
      },
      soci::use(p.id));
  db::each(
      sql,
      "SELECT id, sku, position, ring_circ_x10, length_mm, colour, weight_mg, stock, price "
      "FROM variants WHERE product_id = :id ORDER BY position, id",
      [&](const soci::row& r) {
        p.variants.push_back({row_int(r, 0), row_text(r, 1), static_cast<int>(row_int(r, 2)),
                              static_cast<int>(row_int(r, 3)), static_cast<int>(row_int(r, 4)),
                              row_text(r, 5), row_int(r, 6), static_cast<int>(row_int(r, 7)), row_int(r, 8)});
      },
      soci::use(p.id));
  db::each(
      sql, "SELECT id FROM product_images WHERE product_id = :id ORDER BY position, id",
      [&](const soci::row& r) { p.image_ids.push_back(row_int(r, 0)); }, soci::use(p.id));
  db::each(
      sql,
      "SELECT c.slug FROM product_collections pc JOIN collections c ON c.id = pc.collection_id "
      "WHERE pc.product_id = :id",
      [&](const soci::row& r) { p.collections.push_back(row_text(r, 0)); }, soci::use(p.id));
  long long last = -1;
  db::each(
      sql,
      "SELECT ph.id, ph.alt_ko, ph.alt_en, r.name, r.format, r.width, r.hash FROM product_photos ph "
      "JOIN photo_renditions r ON r.photo_id = ph.id WHERE ph.product_id = :id "
      "ORDER BY ph.position, ph.id, r.width, r.format",
      [&](const soci::row& r) {
        if (row_int(r, 0) != last) {
          last = row_int(r, 0);
          p.photos.push_back({row_text(r, 1), row_text(r, 2), {}});
        }
        p.photos.back().renditions.push_back(
            {row_text(r, 3), row_text(r, 4), row_text(r, 6), static_cast<int>(row_int(r, 5))});
      },
      soci::use(p.id));
  return found;
}

std::optional<Workshop> find_workshop(soci::session& sql, const std::string& slug) {
  soci::rowset<soci::row> rows = (sql.prepare << workshop_columns + "WHERE w.slug = :s", soci::use(slug));
  for (const auto& r : rows) return workshop_from(r);
  return std::nullopt;
}

std::vector<std::pair<long long, Product::Photo>> workshop_photos(soci::session& sql, long long workshop_id) {
  std::vector<std::pair<long long, Product::Photo>> out;
  soci::rowset<soci::row> rows =
      (sql.prepare
           << "SELECT id, alt_ko, alt_en, renditions FROM workshop_photos WHERE workshop_id = :w ORDER BY id",
       soci::use(workshop_id));
  for (const auto& r : rows) {
    Product::Photo photo{row_text(r, 1), row_text(r, 2), {}};
    boost::system::error_code ec;
    auto parsed = boost::json::parse(row_text(r, 3), ec);
    if (!ec && parsed.is_array())
      for (const auto& v : parsed.as_array()) {
        const auto& o = v.as_object();
        photo.renditions.push_back(
            {std::string(o.at("name").as_string()), std::string(o.at("format").as_string()),
             std::string(o.at("hash").as_string()), static_cast<int>(o.at("width").as_int64())});
      }
    out.emplace_back(row_int(r, 0), std::move(photo));
  }
  return out;
}

long long insert_product(soci::session& sql, const Product& p, const std::string& now) {
  long long id = 0;
  const int mto = p.made_to_order, eco = p.eco_certified;
  const std::string status_name = to_string(p.status);
  soci::indicator published_ind = p.published_at.empty() ? soci::i_null : soci::i_ok;
  sql << "INSERT INTO products (workshop_id, slug, status, category, title_ko, title_en, story_ko, story_en, "
         "care_ko, "
         "care_en, tags, metal, purity, colour, weight_mg, plating_metal, plating_process, "
         "plating_microns_x100, pricing, "
         "fixed_price, labour_fee, stone_cost, loss_bp, margin_bp, price, made_to_order, lead_days, "
         "engraving_max_chars, "
         "engraving_fee, gift_wrap_fee, eco_certified, popularity, created_at, updated_at, published_at, "
         "per_customer_limit) "
         "VALUES "
         "(:w, :slug, :status, :cat, :tko, :ten, :sko, :sen, :cko, :cen, :tags, :metal, :purity, :colour, "
         ":weight, :pm, "
         ":pp, :pmic, :pricing, :fixed, :labour, :stone, :loss, :margin, :price, :mto, :lead, :engr, "
         ":engrfee, :wrap, "
         ":eco, :pop, :now, :now2, :pub, :limit) RETURNING id",
      soci::use(p.workshop_id), soci::use(p.slug), soci::use(status_name), soci::use(p.category),
      soci::use(p.title_ko), soci::use(p.title_en), soci::use(p.story_ko), soci::use(p.story_en),
      soci::use(p.care_ko), soci::use(p.care_en), soci::use(p.tags), soci::use(p.metal), soci::use(p.purity),
      soci::use(p.colour), soci::use(p.weight_mg), soci::use(p.plating_metal), soci::use(p.plating_process),
      soci::use(p.plating_microns_x100), soci::use(p.pricing), soci::use(p.fixed_price),
      soci::use(p.labour_fee), soci::use(p.stone_cost), soci::use(p.loss_bp), soci::use(p.margin_bp),
      soci::use(p.price), soci::use(mto), soci::use(p.lead_days), soci::use(p.engraving_max_chars),
      soci::use(p.engraving_fee), soci::use(p.gift_wrap_fee), soci::use(eco), soci::use(p.popularity),
      soci::use(now), soci::use(now), soci::use(p.published_at, published_ind),
      soci::use(p.per_customer_limit), soci::into(id);
  for (const auto& s : p.stones)
    sql << "INSERT INTO product_stones (product_id, kind, origin, count, carat_x1000, shape, colour, "
           "clarity, cut, lab, "
           "report_no) VALUES (:p, :k, :o, :n, :c, :sh, :co, :cl, :cu, :lab, :rep)",
        soci::use(id), soci::use(s.kind), soci::use(s.origin), soci::use(s.count), soci::use(s.carat_x1000),
        soci::use(s.shape), soci::use(s.colour), soci::use(s.clarity), soci::use(s.cut), soci::use(s.lab),
        soci::use(s.report_no);
  for (const auto& v : p.variants)
    sql << "INSERT INTO variants (product_id, sku, position, ring_circ_x10, length_mm, colour, weight_mg, "
           "stock, price, "
           "created_at, updated_at) VALUES (:p, :sku, :pos, :ring, :len, :col, :w, :stock, :price, :now, "
           ":now2)",
        soci::use(id), soci::use(v.sku), soci::use(v.position), soci::use(v.ring_circ_x10),
        soci::use(v.length_mm), soci::use(v.colour), soci::use(v.weight_mg), soci::use(v.stock),
        soci::use(v.price), soci::use(now), soci::use(now);
  int position = 0;
  for (const auto& image : p.new_images)
    insert_image(sql, id, position++, image.content_type, image.body, image.alt_ko, image.alt_en);
  for (const auto& slug : p.collections)
    sql << "INSERT INTO product_collections (product_id, collection_id) SELECT :p, id FROM collections WHERE "
           "slug = :s",
        soci::use(id), soci::use(slug);
  return id;
}

void set_status(soci::session& sql, long long product_id, ProductStatus to, const std::string& now) {
  const std::string status = to_string(to);
  sql << "UPDATE products SET status = :s, updated_at = :now, published_at = CASE WHEN :s2 = 'published' AND "
         "published_at IS NULL THEN :now2 ELSE published_at END WHERE id = :id",
      soci::use(status), soci::use(now), soci::use(status), soci::use(now), soci::use(product_id);
}

long long insert_workshop(soci::session& sql, const Workshop& w, const std::string& now) {
  long long id = 0;
  sql << "INSERT INTO workshops (slug, name, name_en, story_ko, story_en, location, specialities, founded, "
         "status, created_at, updated_at, location_en, specialities_en) VALUES (:slug, :name, :en, :sko, "
         ":sen, "
         ":loc, :spec, :f, :st, :now, :now2, :loc_en, :spec_en) RETURNING id",
      soci::use(w.slug), soci::use(w.name_ko), soci::use(w.name_en), soci::use(w.story_ko),
      soci::use(w.story_en), soci::use(w.location), soci::use(w.specialities), soci::use(w.founded),
      soci::use(w.status), soci::use(now), soci::use(now), soci::use(w.location_en),
      soci::use(w.specialities_en), soci::into(id);
  return id;
}

void set_seller(soci::session& sql, long long workshop_id, const Seller& s, const std::string& now) {
  sql << "DELETE FROM workshop_sellers WHERE workshop_id = :w", soci::use(workshop_id);
  sql << "INSERT INTO workshop_sellers (workshop_id, company, representative, registration_no, address, "
         "phone, "
         "email, updated_at) VALUES (:w, :c, :r, :n, :a, :p, :e, :now)",
      soci::use(workshop_id), soci::use(s.company), soci::use(s.representative), soci::use(s.registration_no),
      soci::use(s.address), soci::use(s.phone), soci::use(s.email), soci::use(now);
}

long long insert_collection(soci::session& sql, const Collection& c, const std::string& now) {
  long long id = 0;
  const int featured = c.featured;
  sql << "INSERT INTO collections (slug, name_ko, name_en, description_ko, description_en, featured, "
         "created_at, "
         "updated_at) VALUES (:s, :ko, :en, :dko, :den, :f, :now, :now2) RETURNING id",
      soci::use(c.slug), soci::use(c.name_ko), soci::use(c.name_en), soci::use(c.description_ko),
      soci::use(c.description_en), soci::use(featured), soci::use(now), soci::use(now), soci::into(id);
  return id;
}

long long insert_image(soci::session& sql, long long product_id, int position,
                       const std::string& content_type, const std::string& body, const std::string& alt_ko,
                       const std::string& alt_en) {
  long long id = 0;
  sql << "INSERT INTO product_images (product_id, position, content_type, body, alt_ko, alt_en) "
         "VALUES (:p, :pos, :t, :b, :ako, :aen) RETURNING id",
      soci::use(product_id), soci::use(position), soci::use(content_type), soci::use(body), soci::use(alt_ko),
      soci::use(alt_en), soci::into(id);
  return id;
}

std::optional<Image> find_image(soci::session& sql, long long image_id) {
  Image image;
  sql << "SELECT content_type, body FROM product_images WHERE id = :id", soci::use(image_id),
      soci::into(image.content_type), soci::into(image.body);
  if (!sql.got_data()) return std::nullopt;
  return image;
}

Result<void> update_product(soci::session& sql, const Product& p, const std::string& now) {
  const int mto = p.made_to_order;
  const std::string status_name = to_string(p.status);
  sql << "UPDATE products SET status = :status, category = :cat, title_ko = :tko, title_en = :ten, story_ko "
         "= "
         ":sko, story_en = :sen, care_ko = :cko, care_en = :cen, tags = :tags, metal = :metal, purity = "
         ":purity, colour = :colour, weight_mg = :weight, plating_metal = :pm, plating_process = :pp, "
         "plating_microns_x100 = :pmic, pricing = :pricing, fixed_price = :fixed, labour_fee = :labour, "
         "stone_cost = :stone, loss_bp = :loss, margin_bp = :margin, price = :price, made_to_order = :mto, "
         "lead_days = :lead, engraving_max_chars = :engr, engraving_fee = :engrfee, gift_wrap_fee = :wrap, "
         "per_customer_limit = :limit, updated_at = :now WHERE id = :id",
      soci::use(status_name), soci::use(p.category), soci::use(p.title_ko), soci::use(p.title_en),
      soci::use(p.story_ko), soci::use(p.story_en), soci::use(p.care_ko), soci::use(p.care_en),
      soci::use(p.tags), soci::use(p.metal), soci::use(p.purity), soci::use(p.colour), soci::use(p.weight_mg),
      soci::use(p.plating_metal), soci::use(p.plating_process), soci::use(p.plating_microns_x100),
      soci::use(p.pricing), soci::use(p.fixed_price), soci::use(p.labour_fee), soci::use(p.stone_cost),
      soci::use(p.loss_bp), soci::use(p.margin_bp), soci::use(p.price), soci::use(mto),
      soci::use(p.lead_days), soci::use(p.engraving_max_chars), soci::use(p.engraving_fee),
      soci::use(p.gift_wrap_fee), soci::use(p.per_customer_limit), soci::use(now), soci::use(p.id);
  sql << "DELETE FROM product_stones WHERE product_id = :id", soci::use(p.id);
  for (const auto& s : p.stones)
    sql << "INSERT INTO product_stones (product_id, kind, origin, count, carat_x1000, shape, colour, "
           "clarity, cut, lab, report_no) VALUES (:p, :k, :o, :n, :c, :sh, :co, :cl, :cu, :lab, :rep)",
        soci::use(p.id), soci::use(s.kind), soci::use(s.origin), soci::use(s.count), soci::use(s.carat_x1000),
        soci::use(s.shape), soci::use(s.colour), soci::use(s.clarity), soci::use(s.cut), soci::use(s.lab),
        soci::use(s.report_no);
  // Variants are updated in place (carts and orders point at their ids) or added; never deleted here.
  for (const auto& v : p.variants) {
    if (v.id > 0) {
      sql << "UPDATE variants SET sku = :sku, position = :pos, ring_circ_x10 = :ring, length_mm = :len, "
             "colour = :col, weight_mg = :w, price = :price, updated_at = :now WHERE id = :id AND product_id "
             "= :p",
          soci::use(v.sku), soci::use(v.position), soci::use(v.ring_circ_x10), soci::use(v.length_mm),
          soci::use(v.colour), soci::use(v.weight_mg), soci::use(v.price), soci::use(now), soci::use(v.id),
          soci::use(p.id);
      TRY(set_stock(sql, v.id, v.stock_seen, v.stock, now, "variant " + v.sku + " stock"));
    } else {
      sql << "INSERT INTO variants (product_id, sku, position, ring_circ_x10, length_mm, colour, weight_mg, "
             "stock, price, created_at, updated_at) VALUES (:p, :sku, :pos, :ring, :len, :col, :w, :stock, "
             ":price, :now, :now2)",
          soci::use(p.id), soci::use(v.sku), soci::use(v.position), soci::use(v.ring_circ_x10),
          soci::use(v.length_mm), soci::use(v.colour), soci::use(v.weight_mg), soci::use(v.stock),
          soci::use(v.price), soci::use(now), soci::use(now);
    }
  }
  return {};
}

void set_eco(soci::session& sql, long long product_id, const std::string& claims,
             const std::string& certificate) {
  const int eco = claims.empty() ? 0 : 1;
  sql << "UPDATE products SET eco_certified = :e, eco_claims = :c, eco_certificate = :n WHERE id = :id",
      soci::use(eco), soci::use(claims), soci::use(certificate), soci::use(product_id);
}

}  // namespace brilliant::catalog::repo
