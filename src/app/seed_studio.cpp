#include "app/seed_studio.hpp"

#include <spdlog/spdlog.h>

#include "app/app.hpp"
#include "app/seed.hpp"
#include "db/database.hpp"
#include "media/samples.hpp"

namespace brilliant::app {

namespace {

struct Piece {
  std::string sku;
  long long variant_id = 0, mg = 0;
};

std::string grams_text(long long mg) {
  return std::to_string(mg / 1000) + "." + std::to_string(mg % 1000 / 100) + std::to_string(mg % 100 / 10);
}

// An order of one `piece` for the shopper, paid by the operator: its number.
Result<std::string> paid_order(App& app, const Piece& piece, long long shopper, long long op, int n) {
  auto added = TRY(app.carts().add("", shopper, {piece.variant_id, 1, "", false}));
  auto order =
      TRY(app.orders().place({.cart_token = added.token,
                              .user_id = shopper,
                              .address = {"김지민", "010-2345-6789", "54538", "전북 익산시 보석로 1", "", ""},
                              .key = "demo-studio-order-" + std::to_string(n)}));
  TRY(app.orders().mark_paid(order.number, op));
  return order.number;
}

// Packs the order's parcel with `serial`: the piece, its serial, the open box, the sealed parcel.
Result<void> pack(App& app, const web::Principal& station, const std::string& number,
                  const std::string& serial, int n) {
  auto& studio = app.studio();
  const auto s = TRY(studio.open_packing(station, number, ""));
  TRY(studio.pack(station, s.id, serial));
  TRY(studio.add_packing_photo(s.id, "piece", media::sample_piece_photo(360 + 20 * n, 300, 120), serial));
  TRY(studio.add_packing_photo(s.id, "serial", media::sample_piece_photo(400, 300, 200), serial));
  TRY(studio.add_packing_photo(s.id, "box", media::sample_piece_photo(400, 300, 210)));
  TRY(studio.add_packing_photo(s.id, "sealed", media::sample_piece_photo(400, 300, 230, true)));
  TRY(studio.close_packing(station, s.id, "cj", "6" + std::to_string(100000000000LL + 7 * n)));
  return {};
}

Result<void> seed_orders(App& app, const StudioDemo& who,
                         const std::vector<std::pair<Piece, std::string>>& items) {
  const auto shopper = demo_user_id(app, who.shopper_email), op = demo_user_id(app, who.operator_email);
  const web::Principal station{demo_user_id(app, who.station_email), who.station_email, "스튜디오 촬영팀"};
  if (items.size() < 3 || !shopper || !op || !station.user_id) return {};
  // One order packed and shipped; another packed, shipped and sent back, its return inspected.
  for (int n = 1; n <= 2; ++n) {
    const auto& [piece, serial] = items[static_cast<size_t>(n)];
    const auto number = TRY(paid_order(app, piece, shopper, op, n));
    TRY(pack(app, station, number, serial, n));
    if (n == 1) continue;
    auto r = TRY(app.studio().open_return(station.user_id, serial, grams_text(piece.mg)));
    TRY(app.studio().add_return_photo(r.id, "piece", media::sample_piece_photo(470, 280, 130, false, 226)));
    TRY(app.studio().add_return_photo(r.id, "serial", media::sample_piece_photo(390, 310, 210, false, 228)));
    TRY(app.studio().decide(station.user_id, r.id, "accept", "단순 변심 반품, 사진·무게 일치"));
  }
  return {};
}

}  // namespace

void seed_studio(App& app, const StudioDemo& who) {
  const auto pieces = app.database().read([](soci::session& sql) {
    std::vector<Piece> out;
    long long items = 0;
    sql << "SELECT COUNT(*) FROM items", soci::into(items);
    if (items > 0) return out;
    soci::rowset<soci::row> rows =
        (sql.prepare
         << "SELECT v.sku, v.id, CASE WHEN v.weight_mg > 0 THEN v.weight_mg ELSE p.weight_mg END "
            "FROM variants v JOIN products p ON p.id = v.product_id WHERE v.stock > 0 ORDER BY v.id "
            "LIMIT 12");
    for (const auto& r : rows) out.push_back({db::row_text(r, 0), db::row_int(r, 1), db::row_int(r, 2)});
    return out;
  });
  const auto station = demo_user_id(app, who.station_email);
  std::vector<std::pair<Piece, std::string>> items;
  int n = 0;
  for (const auto& piece : pieces) {
    const long long measured =
        ++n == 5 ? piece.mg * 13 / 10 : piece.mg + (n % 3) * 10;  // the fifth: 30 % heavier
    auto item = app.studio().intake(station, piece.sku, grams_text(measured), "925", "");
    if (!item)
      spdlog::warn("demo item {}: {}", piece.sku, item.error().message);
    else
      items.emplace_back(piece, item->serial);
  }
  if (auto done = seed_orders(app, who, items); !done)
    spdlog::warn("demo studio orders: {}", done.error().message);
}

}  // namespace brilliant::app
