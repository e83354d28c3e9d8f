// Brilliant Studio over HTTP on both databases (issue 17, first part): intake gives a piece a serial
// and a label, stations record their events with evidence photos that land in the transparency log, an
// item's history shows it all, and stations and consoles stay apart.
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

TEST_F(StudioHttp, IntakeStationEventsPhotosAndHistory) {
  const auto shop = own_workshop("studio", "스튜디오 공방", "Studio Atelier");
  const auto ring = own_ring(shop, "Studio Ring", 2);
  const auto sku = ring.variants.front().sku;
  auto station = logged_in(web::Role::station_staff);

  auto unknown = station->request("POST", "/api/v1/station/items", R"({"sku":"NO-SUCH-SKU","weight":"3.2"})",
                                  json_headers(*station));
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(json::parse(unknown.body).at("error").at("field").as_string(), "sku");
  auto made =
      station->request("POST", "/api/v1/station/items",
                       json::serialize(json::object{{"sku", sku}, {"weight", "3.21"}, {"hallmark", "925"}}),
                       json_headers(*station));
  ASSERT_EQ(made.status, 201) << made.body;
  const std::string serial(json::parse(made.body).at("serial").as_string());

  auto bad_kind = station->request("POST", "/api/v1/items/" + serial + "/events",
                                   R"({"station":"qa","kind":"shipped","note":""})", json_headers(*station));
  EXPECT_EQ(bad_kind.status, 400);
  auto qa = station->request("POST", "/api/v1/items/" + serial + "/events",
                             R"({"station":"qa","kind":"qa_passed","note":"hallmark clear"})",
                             json_headers(*station));
  ASSERT_EQ(qa.status, 201) << qa.body;
  const auto event = json::parse(qa.body).at("id").as_int64();
  auto photo = station->request(
      "POST", "/api/v1/items/" + serial + "/events/" + std::to_string(event) + "/photos?view=front",
      piece_jpeg(), {"Content-Type: image/jpeg", "X-CSRF-Token: " + station->cookie("csrf")});
  ASSERT_EQ(photo.status, 201) << photo.body;
  const auto sha = std::string(json::parse(photo.body).at("sha256").as_string());
  // The photo's hash is in the public log.
  const auto index = json::parse(photo.body).at("log_index").as_int64();
  auto logged = client()->get("/api/v1/log/inclusion?index=" + std::to_string(index) +
                              "&size=" + std::to_string(index + 1));
  ASSERT_EQ(logged.status, 200) << logged.body;

  auto item = json::parse(station->get("/api/v1/items/" + serial).body);
  EXPECT_EQ(item.at("status").as_string(), "qa_passed");
  ASSERT_EQ(item.at("events").as_array().size(), 2u);
  EXPECT_EQ(item.at("events").at(1).at("photos").at(0).at("sha256").as_string(), sha);
  // The photo made ready for a channel: a square JPEG of the channel's size.
  const auto photo_id = std::to_string(json::parse(photo.body).at("id").as_int64());
  auto amazon = station->get("/operator/items/photos/" + photo_id + "/channel/amazon");
  ASSERT_EQ(amazon.status, 200);
  EXPECT_EQ(amazon.header("content-type"), "image/jpeg");
  EXPECT_EQ(station->get("/operator/items/photos/" + photo_id + "/channel/etsy").status, 404);

  // Pages: the intake form, a station's scan, the history and the label sheet.
  auto form = station->post_form("/station/intake", {{"sku", sku},
                                                     {"weight", "9.99"},
                                                     {"hallmark", ""},
                                                     {"inscription", ""},
                                                     {"_csrf", station->csrf_from("/station/intake")}});
  ASSERT_EQ(form.status, 303);
  auto done = station->get(form.header("location"));
  EXPECT_NE(done.body.find("id=\"weight-flag\""),
            std::string::npos);  // 9.99 g against the ring's stated weight
  EXPECT_NE(station->get("/station/qa?serial=" + serial).body.find(serial), std::string::npos);
  EXPECT_EQ(station->get("/station/qa?serial=IT-0000-0000").status, 400);
  auto history = station->get("/operator/items/" + serial);
  ASSERT_EQ(history.status, 200);
  EXPECT_NE(history.body.find("hallmark clear"), std::string::npos);
  auto labels = station->get("/operator/items/labels");
  EXPECT_NE(labels.body.find(serial), std::string::npos);
  EXPECT_NE(labels.body.find("<svg"), std::string::npos);
  EXPECT_NE(labels.body.find("layout-3x7"), std::string::npos);  // 21 a sheet unless asked
  auto forty = station->get("/operator/items/labels?layout=4x10");
  EXPECT_NE(forty.body.find("layout-4x10"), std::string::npos);
  EXPECT_NE(forty.body.find(serial), std::string::npos);
  EXPECT_EQ(station->get("/station").status, 200);
  EXPECT_EQ(station->get("/en/station/returns").status, 200);
}

TEST_F(StudioHttp, StationsAndConsolesStayApart) {
  auto station = logged_in(web::Role::station_staff);
  EXPECT_EQ(station->get("/console").status, 403);
  EXPECT_EQ(station->get("/operator").status, 403);
  auto maker = logged_in(web::Role::vendor_staff, own_workshop("studio-x", "공방", "Atelier").slug);
  EXPECT_EQ(maker->get("/station").status, 403);
  EXPECT_EQ(maker->get("/api/v1/items/IT-0000-0000").status, 403);
  auto shopper = signed_up(unique_email("studio-shopper"));
  EXPECT_EQ(shopper->get("/station/intake").status, 403);
  auto op = logged_in(web::Role::operator_);
  EXPECT_EQ(op->get("/station").status, 200);
  EXPECT_EQ(op->get("/api/v1/items/IT-0000-0000").status, 404);
}

TEST_F(StudioHttp, PackingChecksEverySerialNeedsTheShotsAndShipsTheParcel) {
  const auto shop = own_workshop("pack", "포장 공방", "Packing Atelier");
  const auto ring = own_ring(shop, "Packing Ring", 3);
  const auto other = own_ring(shop, "Other Ring", 3);
  // A shopper orders one ring; the operator confirms the transfer.
  auto shopper = signed_up(unique_email("pack-shopper"));
  auto line =
      shopper->request("POST", "/api/v1/cart/lines",
                       R"({"variant_id":)" + std::to_string(ring.variants.at(0).id) + R"(,"quantity":1})",
                       json_headers(*shopper));
  ASSERT_EQ(line.status, 201) << line.body;
  auto headers = json_headers(*shopper);
  headers.push_back("Idempotency-Key: pack-" + shop.slug);
  auto placed = shopper->request(
      "POST", "/api/v1/orders",
      R"({"recipient":"Kim","phone":"01023456789","postcode":"54538","address":"1 Boseok-ro, Iksan"})",
      headers);
  ASSERT_EQ(placed.status, 201) << placed.body;
  const std::string number(json::parse(placed.body).at("number").as_string());
  auto op = logged_in(web::Role::operator_);
  auto station = logged_in(web::Role::station_staff);
  const auto open = R"({"order":")" + number + R"(","workshop":""})";
  EXPECT_EQ(station->request("POST", "/api/v1/packing/sessions", open, json_headers(*station)).status,
            409);  // unpaid
  const auto waiting = [&] {
    auto r = station->get("/api/v1/packing/waiting?order=" + number);
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body).at("parcels").as_array();
  };
  EXPECT_TRUE(waiting().empty());  // nothing to pack before it is paid
  ASSERT_EQ(op->request("PUT", "/api/v1/operator/orders/" + number + "/status", R"({"status":"paid"})",
                        json_headers(*op))
                .status,
            200);
  // Two pieces of the ring and one of another are received at intake.
  auto intake = [&](const std::string& sku) {
    auto r = station->request("POST", "/api/v1/station/items",
                              json::serialize(json::object{{"sku", sku}, {"weight", "3.2"}}),
                              json_headers(*station));
    EXPECT_EQ(r.status, 201) << r.body;
    return std::string(json::parse(r.body).at("serial").as_string());
  };
  const auto first = intake(ring.variants.at(0).sku), second = intake(ring.variants.at(0).sku);
  // Paid, the parcel waits at the packing station, named with its workshop and pieces.
  const auto listed = waiting();
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed.at(0).at("workshop_slug").as_string(), shop.slug);
  EXPECT_EQ(listed.at(0).at("count").as_int64(), 1);
  // The workshop's own filter lists it, with its count; another workshop's does not.
  auto own = json::parse(station->get("/api/v1/packing/waiting?workshop=" + shop.slug).body);
  ASSERT_EQ(own.at("parcels").as_array().size(), 1u);
  EXPECT_EQ(own.at("parcels").at(0).at("order").as_string(), number);
  bool counted = false;
  for (const auto& w : own.at("workshops").as_array())
    if (w.at("slug").as_string() == shop.slug) {
      counted = true;
      EXPECT_EQ(w.at("parcels").as_int64(), 1);
      EXPECT_TRUE(w.at("current").as_bool());
    }
  EXPECT_TRUE(counted);
  EXPECT_EQ(own.at("total").as_int64(), 1);
  EXPECT_EQ(own.at("more_url").as_string(), "");  // everything waiting is listed
  // One order's parcels at a time (`show`), with the count of all and the link to 50 more orders.
  auto one = json::parse(station->get("/api/v1/packing/waiting?show=1").body);
  const auto& first_parcels = one.at("parcels").as_array();
  ASSERT_FALSE(first_parcels.empty());
  for (const auto& p : first_parcels) EXPECT_EQ(p.at("order"), first_parcels.at(0).at("order"));
  EXPECT_GE(one.at("total").as_int64(), static_cast<long long>(first_parcels.size()));
  EXPECT_EQ(one.at("more_url").as_string().empty(),
            one.at("total").as_int64() == static_cast<long long>(first_parcels.size()));
  EXPECT_EQ(station->get("/api/v1/packing/waiting?show=0").status, 400);
  auto filtered = station->get("/station/packing?workshop=" + shop.slug);
  EXPECT_NE(filtered.body.find("data-order=\"" + number + "\""), std::string::npos);
  auto theirs = json::parse(station->get("/api/v1/packing/waiting?workshop=no-such-workshop").body);
  EXPECT_TRUE(theirs.at("parcels").as_array().empty());
  EXPECT_EQ(logged_in(web::Role::shopper)->get("/api/v1/packing/waiting").status, 403);
  const auto stranger = intake(other.variants.at(0).sku);

  auto opened = station->request("POST", "/api/v1/packing/sessions", open, json_headers(*station));
  ASSERT_EQ(opened.status, 201) << opened.body;
  const auto id = std::to_string(json::parse(opened.body).at("id").as_int64());
  // Another station cannot take the same parcel while it is being packed.
  auto rival = logged_in(web::Role::station_staff);
  auto held = rival->request("POST", "/api/v1/packing/sessions", open, json_headers(*rival));
  EXPECT_EQ(held.status, 409);
  EXPECT_EQ(json::parse(held.body).at("error").at("code").as_string(), "parcel_held");

  auto pack = [&](const std::string& serial) {
    return station->request("POST", "/api/v1/packing/sessions/" + id + "/items",
                            json::serialize(json::object{{"serial", serial}}), json_headers(*station));
  };
  EXPECT_EQ(pack(stranger).status, 422);  // not in this parcel
  ASSERT_EQ(pack(first).status, 200);
  EXPECT_EQ(pack(first).status, 409);   // packed already
  EXPECT_EQ(pack(second).status, 422);  // the parcel has its one ring
  EXPECT_EQ(pack("IT-0000-0000").status, 400);
  const auto close = R"({"carrier":"cj","tracking":"123456789012"})";
  auto early =
      station->request("POST", "/api/v1/packing/sessions/" + id + "/close", close, json_headers(*station));
  EXPECT_EQ(early.status, 422);
  EXPECT_EQ(json::parse(early.body).at("error").at("code").as_string(), "shot_missing");
  // An upload that breaks halfway is refused and leaves the session open to go on.
  const auto whole = piece_jpeg();
  auto broken = station->request("POST", "/api/v1/packing/sessions/" + id + "/photos?view=box",
                                 whole.substr(0, whole.size() / 2), jpeg_headers(*station));
  EXPECT_EQ(broken.status, 400);
  EXPECT_EQ(json::parse(station->get("/api/v1/packing/sessions/" + id).body).at("status").as_string(),
            "open");
  for (const char* view : {"box", "sealed"}) {
    auto shot = station->request("POST", "/api/v1/packing/sessions/" + id + "/photos?view=" + view,
                                 piece_jpeg(), jpeg_headers(*station));
    ASSERT_EQ(shot.status, 201) << shot.body;
  }
  // The piece's own shots are still missing: the piece and its serial close-up.
  auto no_piece =
      station->request("POST", "/api/v1/packing/sessions/" + id + "/close", close, json_headers(*station));
  EXPECT_EQ(no_piece.status, 422);
  EXPECT_NE(no_piece.body.find("piece " + first), std::string::npos) << no_piece.body;
  EXPECT_EQ(station
                ->request("POST", "/api/v1/packing/sessions/" + id + "/photos?view=piece&serial=" + second,
                          piece_jpeg(), jpeg_headers(*station))
                .status,
            400);  // not packed in this parcel
  for (const char* view : {"piece", "serial"})
    ASSERT_EQ(
        station
            ->request("POST", "/api/v1/packing/sessions/" + id + "/photos?view=" + view + "&serial=" + first,
                      piece_jpeg(), jpeg_headers(*station))
            .status,
        201);
  auto closed =
      station->request("POST", "/api/v1/packing/sessions/" + id + "/close", close, json_headers(*station));
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(json::parse(closed.body).at("status").as_string(), "closed");
  EXPECT_TRUE(waiting().empty());  // shipped: no longer waiting
  // The parcel is shipped with its waybill; the item records it.
  auto order = json::parse(op->get("/api/v1/orders/" + number).body);
  EXPECT_EQ(order.at("parcels").at(0).at("status").as_string(), "shipped");
  EXPECT_EQ(json::parse(station->get("/api/v1/items/" + first).body).at("status").as_string(), "shipped");
  EXPECT_EQ(station->get("/api/v1/packing/sessions/" + id).status, 200);
  EXPECT_EQ(station->get("/station/packing/sessions/" + id).status, 200);
  // The shopper sees the packing photos on the order page; nobody else can open them.
  auto page = shopper->get("/orders/" + number);
  ASSERT_NE(page.body.find("id=\"packing-photos\""), std::string::npos);
  const std::string hash(json::parse(closed.body).at("photos").at(0).at("sha256").as_string());
  auto mine = shopper->get("/orders/" + number + "/evidence/photos/" + hash + "?thumb=1");
  EXPECT_EQ(mine.status, 200);
  EXPECT_EQ(mine.header("content-type"), "image/jpeg");
  auto nosy = signed_up(unique_email("pack-nosy"));
  EXPECT_EQ(nosy->get("/orders/" + number + "/evidence/photos/" + hash).status, 404);
}

TEST_F(StudioHttp, EvidenceIsTheShoppersTheWorkshopsAndTheOperatorsAndVerifiesOffline) {
  auto sale = paid_sale("evid");
  const auto& [shop, ring, shopper, op, number] = sale;
  auto station = logged_in(web::Role::station_staff);
  const auto serial = intake(*station, ring.variants.at(0).sku);
  // Before packing there is nothing to show, said plainly.
  auto empty = shopper->get("/orders/" + number + "/evidence");
  EXPECT_EQ(empty.status, 200);
  EXPECT_NE(empty.body.find("id=\"no-evidence\""), std::string::npos);
  pack_and_ship(*station, number, serial);

  // The shopper's evidence: the page, its JSON, every photo, and the proof bundle.
  auto page = shopper->get("/orders/" + number + "/evidence");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("id=\"evidence-photos\""), std::string::npos);
  EXPECT_EQ(page.body.find("Station"), std::string::npos);  // no staff names for the shopper
  auto mine = shopper->get("/api/v1/orders/" + number + "/evidence");
  ASSERT_EQ(mine.status, 200) << mine.body;
  const auto e = json::parse(mine.body);
  ASSERT_EQ(e.at("photos").as_array().size(), 4u);
  auto proof = shopper->get("/orders/" + number + "/evidence/proof.json");
  ASSERT_EQ(proof.status, 200);
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& p : e.at("photos").as_array()) {
    auto photo = shopper->get(std::string(p.at("url").as_string()));
    ASSERT_EQ(photo.status, 200);
    files.emplace_back(std::string(p.at("view").as_string()), photo.body);
  }
  const auto key = json::parse(shopper->get("/.well-known/did.json").body);
  auto checked = trust::verify_evidence(proof.body, "", files);
  for (const auto& c : checked.checks) EXPECT_TRUE(c.ok) << c.name << ": " << c.detail;
  EXPECT_TRUE(checked.ok());
  EXPECT_NE(
      proof.body.find(std::string(key.at("verificationMethod").at(0).at("publicKeyMultibase").as_string())),
      std::string::npos);  // the bundle names the key the hub publishes

  // Someone else sees none of it; the workshop sees its parcel; another workshop does not; the operator does.
  auto nosy = signed_up(unique_email("evid-nosy"));
  for (const auto& path : {"/orders/" + number + "/evidence", "/api/v1/orders/" + number + "/evidence",
                           "/orders/" + number + "/evidence/proof.json"})
    EXPECT_EQ(nosy->get(path).status, 404) << path;
  auto vendor = logged_in(web::Role::vendor_staff, shop.slug);
  auto theirs = vendor->get("/api/v1/console/orders/" + number + "/evidence");
  ASSERT_EQ(theirs.status, 200) << theirs.body;
  EXPECT_EQ(json::parse(theirs.body).at("photos").as_array().size(), 4u);
  EXPECT_EQ(vendor->get("/console/orders/" + number + "/evidence").status, 200);
  const auto rival_shop = own_workshop("evid-rival", "경쟁 공방", "Rival Atelier");
  auto rival = logged_in(web::Role::vendor_staff, rival_shop.slug);
  EXPECT_EQ(rival->get("/api/v1/console/orders/" + number + "/evidence").status, 404);
  EXPECT_EQ(op->get("/operator/orders/" + number + "/evidence").status, 200);
  EXPECT_EQ(op->get("/api/v1/operator/orders/" + number + "/evidence").status, 200);
  EXPECT_EQ(op->get("/operator/orders/" + number + "/evidence/proof.json").status, 200);
  EXPECT_EQ(station->get("/api/v1/operator/orders/" + number + "/evidence").status, 403);
}

TEST_F(StudioHttp, AReturnIsComparedWithItsPackingShotsAndDecided) {
  auto sale = paid_sale("ret");
  const auto& [shop, ring, shopper, op, number] = sale;
  auto station = logged_in(web::Role::station_staff);
  const auto serial = intake(*station, ring.variants.at(0).sku, "3.20");
  const auto unshipped = intake(*station, ring.variants.at(0).sku, "3.20");
  pack_and_ship(*station, number, serial);

  auto receive = [&](const std::string& code, const std::string& weight) {
    return station->request("POST", "/api/v1/returns",
                            json::serialize(json::object{{"serial", code}, {"weight", weight}}),
                            json_headers(*station));
  };
  EXPECT_EQ(receive("IT-0000-0000", "3.2").status, 400);
  EXPECT_EQ(receive(unshipped, "3.2").status, 422);  // never shipped
  EXPECT_EQ(receive(serial, "3.2 g").status, 400);   // the weight is unreadable
  auto opened = receive(serial, "3.19");
  ASSERT_EQ(opened.status, 201) << opened.body;
  const auto id = std::to_string(json::parse(opened.body).at("id").as_int64());
  EXPECT_EQ(json::parse(opened.body).at("order").as_string(), number);
  // The same piece, re-shot moved and under other light.
  for (const auto& [view, photo] : {std::pair{"piece", studio::piece_photo(470, 280, 140, false, 224)},
                                    std::pair{"serial", studio::piece_photo(360, 330, 100, true, 226)}})
    ASSERT_EQ(
        station
            ->request("POST", "/api/v1/returns/" + id + "/photos?view=" + view, photo, jpeg_headers(*station))
            .status,
        201);
  auto inspected = json::parse(station->get("/api/v1/returns/" + id).body);
  EXPECT_TRUE(inspected.at("match").as_bool()) << json::serialize(inspected);
  EXPECT_GE(inspected.at("score").as_int64(), 75);
  auto page = station->get("/station/returns/" + id);
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("id=\"match-summary\""), std::string::npos);
  auto decide = [&](const std::string& decision, const std::string& reason) {
    return station->request("POST", "/api/v1/returns/" + id + "/decision",
                            json::serialize(json::object{{"decision", decision}, {"reason", reason}}),
                            json_headers(*station));
  };
  EXPECT_EQ(decide("perhaps", "").status, 400);
  auto accepted = decide("accept", "");
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(json::parse(accepted.body).at("decision").as_string(), "accept");
  EXPECT_EQ(decide("reject", "no").status, 409);
  // The return and its shots join the order's evidence; consoles cannot reach the station.
  auto e = json::parse(shopper->get("/api/v1/orders/" + number + "/evidence").body);
  EXPECT_EQ(e.at("returns").as_array().size(), 1u);
  EXPECT_EQ(e.at("photos").as_array().size(), 6u);
  auto vendor = logged_in(web::Role::vendor_staff, shop.slug);
  EXPECT_EQ(vendor->get("/station/returns/" + id).status, 403);
  EXPECT_EQ(vendor->get("/api/v1/returns/" + id).status, 403);
}

}  // namespace brilliant::test

namespace brilliant::test {

// `make run`'s demo (app/seed_studio.cpp): the station login, a dozen items, and the demo shopper's one
// packed and one returned order with their evidence. SQLite only: the demo loads into an empty database.
TEST_F(StudioHttp, TheDemoHasAStationLoginItemsAPackedAndAReturnedOrder) {
  if (sqlite_file.empty()) GTEST_SKIP() << "the demo loads into an empty database (SQLite run)";
  const auto logins = app::seed_demo(*app, 40);
  ASSERT_TRUE(std::any_of(logins.begin(), logins.end(),
                          [](const auto& l) { return l.email == "station@brilliant.example"; }));
  EXPECT_EQ(app->studio().recent(50).size(), 12u);
  auto shopper = client();
  const auto token = shopper->csrf_from("/login");
  ASSERT_EQ(shopper
                ->post_form("/login", {{"_csrf", token},
                                       {"email", "shopper@brilliant.example"},
                                       {"password", app::demo_password}})
                .status,
            303);
  // The shopper's orders packed at the studio (the money loop's demo adds one of last month, not packed).
  const auto orders = json::parse(shopper->get("/api/v1/orders").body).at("orders").as_array();
  int packed = 0, returned = 0;
  for (const auto& o : orders) {
    auto e = json::parse(
        shopper->get("/api/v1/orders/" + std::string(o.at("number").as_string()) + "/evidence").body);
    if (e.at("photos").as_array().empty()) continue;
    ++packed;
    EXPECT_GE(e.at("photos").as_array().size(), 4u);
    returned += static_cast<int>(e.at("returns").as_array().size());
  }
  EXPECT_EQ(packed, 2);
  EXPECT_EQ(returned, 1);
}

}  // namespace brilliant::test

namespace brilliant::test {

TEST_F(StudioHttp, AShootFromTheCameraFolderIsZippedPerChannelAndPublishedWithA360View) {
  const auto shop = own_workshop("shoot", "촬영 공방", "Shoot Atelier");
  const auto ring = own_ring(shop, "Shot Ring", 3);
  auto station = logged_in(web::Role::station_staff);
  const auto sku = ring.variants.at(0).sku;
  const auto serial = intake(*station, sku);
  // The tethered camera's folder: files named {SKU}_{view}_{n}, uploaded one by one.
  auto upload = [&](const std::string& name, const std::string& photo) {
    return station->request("POST", "/api/v1/items/" + serial + "/shots?name=" + name, photo,
                            jpeg_headers(*station));
  };
  int size = 100;
  for (const char* view : {"front", "side", "back"}) {
    auto r = upload(sku + "_" + view + "_1.jpg", studio::piece_photo(300, 300, size += 10));
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(json::parse(r.body).at("view").as_string(), view);
  }
  EXPECT_EQ(upload("IMG_0001.jpg", studio::piece_photo(300, 300, 100)).status, 400);  // no view
  auto early = station->request("POST", "/api/v1/products/" + ring.slug + "/shoot/publish", "{}",
                                json_headers(*station));
  EXPECT_EQ(early.status, 422);  // the detail view is missing
  ASSERT_EQ(upload(sku + "_detail_1.jpg", studio::piece_photo(300, 300, 60, true)).status, 201);
  for (int i = 1; i <= 8; ++i)
    ASSERT_EQ(upload(sku + "_spin_0" + std::to_string(i) + ".jpg",
                     studio::piece_photo(260 + 12 * i, 300, 110, i % 2 == 0))
                  .status,
              201);
  auto list = json::parse(station->get("/api/v1/products/" + ring.slug + "/shoot?serial=" + serial).body);
  EXPECT_TRUE(list.at("ready").as_bool());
  // The studio station shows the list with the item scanned.
  auto page = station->get("/station/studio?serial=" + serial);
  EXPECT_NE(page.body.find("id=\"shoot-list\""), std::string::npos);
  auto zip = station->get("/station/studio/products/" + ring.slug + "/shoot.zip?channel=naver");
  ASSERT_EQ(zip.status, 200);
  EXPECT_EQ(zip.header("content-type"), "application/zip");
  EXPECT_EQ(zip.body.substr(0, 2), "PK");
  EXPECT_NE(zip.body.find(sku + "_front_1.jpg"), std::string::npos);
  auto published = station->request("POST", "/api/v1/products/" + ring.slug + "/shoot/publish", "{}",
                                    json_headers(*station));
  ASSERT_EQ(published.status, 200) << published.body;
  EXPECT_EQ(json::parse(published.body).at("photos_added").as_int64(), 4);
  // Anyone sees the 360° frames of the product page; shoppers cannot shoot or publish.
  auto visitor = client();
  auto spin = json::parse(visitor->get("/api/v1/products/" + ring.slug + "/spin").body);
  ASSERT_EQ(spin.at("frames").as_array().size(), 8u);
  EXPECT_EQ(visitor->get(std::string(spin.at("frames").at(0).as_string())).status, 200);
  EXPECT_NE(visitor->get("/products/" + ring.slug).body.find("data-spin="), std::string::npos);
  auto shopper = signed_up(unique_email("shoot-shopper"));
  EXPECT_EQ(
      shopper
          ->request("POST", "/api/v1/products/" + ring.slug + "/shoot/publish", "{}", json_headers(*shopper))
          .status,
      403);
}

}  // namespace brilliant::test
