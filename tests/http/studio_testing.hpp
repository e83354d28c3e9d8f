// Brilliant Studio's HTTP tests' fixture (studio_http_test.cpp, studio_evidence_http_test.cpp): a
// workshop's piece through the stations, on both databases.
#pragma once
#include <boost/json.hpp>

#include <vips/vips8>

#include "app/seed.hpp"
#include "http/harness.hpp"
#include "media/vips_buffer.hpp"
#include "studio/testing.hpp"
#include "trust/verify.hpp"

namespace brilliant::test {
namespace json = boost::json;

class StudioHttp : public ServerTest {
 protected:
  // A piece (a dark disc) on an off-white background, as a station's camera sees it.
  static std::string piece_jpeg() {
    vips::VImage xy = vips::VImage::xyz(600, 450);
    vips::VImage dx = xy.extract_band(0).linear(1, -260), dy = xy.extract_band(1).linear(1, -240);
    vips::VImage inside = (dx * dx + dy * dy) < 90.0 * 90.0;
    vips::VImage paper = vips::VImage::black(600, 450).new_from_image(std::vector<double>{236, 232, 226});
    vips::VImage image = inside.ifthenelse(paper.new_from_image(std::vector<double>{140, 100, 40}), paper);
    return media::encode_image(
        image.cast(VIPS_FORMAT_UCHAR)
            .copy(vips::VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB)),
        ".jpg");
  }
  static std::vector<std::string> json_headers(HttpClient& c) {
    return {"Content-Type: application/json", "X-CSRF-Token: " + c.cookie("csrf")};
  }
  static std::vector<std::string> jpeg_headers(HttpClient& c) {
    return {"Content-Type: image/jpeg", "X-CSRF-Token: " + c.cookie("csrf")};
  }

  // A shopper's order of one `ring`, placed over the API; its number.
  std::string place_order(HttpClient& shopper, const catalog::Product& ring, const std::string& key) {
    auto line =
        shopper.request("POST", "/api/v1/cart/lines",
                        R"({"variant_id":)" + std::to_string(ring.variants.at(0).id) + R"(,"quantity":1})",
                        json_headers(shopper));
    EXPECT_EQ(line.status, 201) << line.body;
    auto headers = json_headers(shopper);
    headers.push_back("Idempotency-Key: " + key);
    auto placed = shopper.request(
        "POST", "/api/v1/orders",
        R"({"recipient":"Kim","phone":"01023456789","postcode":"54538","address":"1 Boseok-ro, Iksan"})",
        headers);
    EXPECT_EQ(placed.status, 201) << placed.body;
    return std::string(json::parse(placed.body).at("number").as_string());
  }

  // A workshop of its own with a ring, a shopper's order of it, paid: what packing needs.
  struct Sale {
    catalog::Workshop shop;
    catalog::Product ring;
    std::unique_ptr<HttpClient> shopper, op;
    std::string number;
  };
  Sale paid_sale(const std::string& prefix) {
    Sale sale{own_workshop(prefix, "공방 " + prefix, "Atelier " + prefix), {}, nullptr, nullptr, ""};
    sale.ring = own_ring(sale.shop, "Ring " + prefix, 3);
    sale.shopper = signed_up(unique_email(prefix + "-shopper"));
    sale.number = place_order(*sale.shopper, sale.ring, prefix + "-" + sale.shop.slug);
    sale.op = logged_in(web::Role::operator_);
    EXPECT_EQ(sale.op
                  ->request("PUT", "/api/v1/operator/orders/" + sale.number + "/status",
                            R"({"status":"paid"})", json_headers(*sale.op))
                  .status,
              200);
    return sale;
  }

  std::string intake(HttpClient& station, const std::string& sku, const std::string& weight = "3.2") {
    auto r = station.request("POST", "/api/v1/station/items",
                             json::serialize(json::object{{"sku", sku}, {"weight", weight}}),
                             json_headers(station));
    EXPECT_EQ(r.status, 201) << r.body;
    return std::string(json::parse(r.body).at("serial").as_string());
  }

  // Packs the order's only parcel with the piece `serial`, every shot taken, and ships it.
  void pack_and_ship(HttpClient& station, const std::string& number, const std::string& serial) {
    auto opened = station.request("POST", "/api/v1/packing/sessions", R"({"order":")" + number + R"("})",
                                  json_headers(station));
    ASSERT_EQ(opened.status, 201) << opened.body;
    const auto base =
        "/api/v1/packing/sessions/" + std::to_string(json::parse(opened.body).at("id").as_int64());
    ASSERT_EQ(station
                  .request("POST", base + "/items", json::serialize(json::object{{"serial", serial}}),
                           json_headers(station))
                  .status,
              200);
    const std::pair<std::string, std::string> shots[] = {
        {"piece&serial=" + serial, studio::piece_photo(300, 320, 120)},
        {"serial&serial=" + serial, studio::piece_photo(420, 260, 90, true)},
        {"box", studio::piece_photo(400, 300, 200)},
        {"sealed", studio::piece_photo(400, 300, 220, true)}};
    for (const auto& [view, photo] : shots)
      ASSERT_EQ(station.request("POST", base + "/photos?view=" + view, photo, jpeg_headers(station)).status,
                201);
    auto closed = station.request("POST", base + "/close", R"({"carrier":"cj","tracking":"123456789012"})",
                                  json_headers(station));
    ASSERT_EQ(closed.status, 200) << closed.body;
  }
};

}  // namespace brilliant::test
