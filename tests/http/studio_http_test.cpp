// Brilliant Studio over HTTP on both databases (issue 17, first part): intake gives a piece a serial
// and a label, stations record their events with evidence photos that land in the transparency log, an
// item's history shows it all, and stations and consoles stay apart. (Evidence, returns, the demo and
// shoots: studio_evidence_http_test.cpp.)
#include "http/studio_testing.hpp"

namespace brilliant::test {

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

}  // namespace brilliant::test
