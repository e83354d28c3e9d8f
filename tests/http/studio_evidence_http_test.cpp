// Brilliant Studio's evidence over HTTP on both databases: the shopper's, the workshop's and the
// operator's view of an order's photos (verifiable offline), a return compared with its packing shots,
// the demo's station, and a camera folder's shoot published per channel.
#include "http/studio_testing.hpp"
#include "orders/returns_rules.hpp"

namespace brilliant::test {

class StudioEvidenceHttp : public StudioHttp {};

TEST_F(StudioEvidenceHttp, EvidenceIsTheShoppersTheWorkshopsAndTheOperatorsAndVerifiesOffline) {
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

TEST_F(StudioEvidenceHttp, AReturnIsComparedWithItsPackingShotsAndDecided) {
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

// Article 18(2) counts the refund's 3 business days from the piece's return: the day the hub's returns
// station took it in, though the operator inspected it five days later.
TEST_F(StudioEvidenceHttp, TheRefundIsDueFromTheDayTheReturnsStationTookThePieceIn) {
  auto sale = paid_sale("due");
  const auto& [shop, ring, shopper, op, number] = sale;
  auto station = logged_in(web::Role::station_staff);
  const auto serial = intake(*station, ring.variants.at(0).sku, "3.20");
  pack_and_ship(*station, number, serial);
  const std::vector<std::string> oh{"Content-Type: application/json", "X-CSRF-Token: " + op->cookie("csrf")};
  ASSERT_EQ(op->request("POST", "/api/v1/operator/orders/" + number + "/delivery", "{}", oh).status, 200);
  const auto line = std::to_string(app->orders().find(number)->lines.at(0).id);
  auto asked = shopper->request(
      "POST", "/api/v1/orders/" + number + "/returns",
      R"({"lines":[)" + line + R"(],"reason":"defective","refund_account":"국민은행 123401-04-567890 김"})",
      json_headers(*shopper));
  ASSERT_EQ(asked.status, 201) << asked.body;
  const auto id = std::to_string(json::parse(asked.body).at("id").as_int64());
  const auto decide = [&](const std::string& action) {
    return op->request("POST", "/api/v1/operator/returns/" + id + "/decision",
                       R"({"action":")" + action + R"("})", oh);
  };
  ASSERT_EQ(decide("approve").status, 200);
  const auto taken_in = format_utc(clock->now());
  auto opened = station->request("POST", "/api/v1/returns",
                                 json::serialize(json::object{{"serial", serial}, {"weight", "3.19"}}),
                                 json_headers(*station));
  ASSERT_EQ(opened.status, 201) << opened.body;
  clock->advance(std::chrono::hours(24 * 5));
  auto received = decide("receive");
  ASSERT_EQ(received.status, 200) << received.body;
  EXPECT_EQ(json::parse(received.body).at("refund_due").as_string(), orders::add_business_days(taken_in, 3));
  EXPECT_NE(json::parse(received.body).at("refund_due").as_string(),
            orders::add_business_days(format_utc(clock->now()), 3));
}

// `make run`'s demo (app/seed_studio.cpp): the station login, a dozen items, and the demo shopper's one
// packed and one returned order with their evidence. SQLite only: the demo loads into an empty database.
TEST_F(StudioEvidenceHttp, TheDemoHasAStationLoginItemsAPackedAndAReturnedOrder) {
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
  // Two workshops' staff log in: each edits its own pieces and is refused the other's.
  const auto snapshot = app->catalog().snapshot();
  const auto piece_of = [&](const std::string& workshop) {
    for (const auto& card : snapshot->cards)
      if (card.workshop_slug == workshop) return card.slug;
    return std::string();
  };
  const std::string gold = piece_of("iksan-gold"), mireuk = piece_of("mireuk-jewelry");
  ASSERT_FALSE(gold.empty());
  ASSERT_FALSE(mireuk.empty());
  for (const auto& [email, own, other] : {std::tuple{"maker@brilliant.example", gold, mireuk},
                                          std::tuple{"mireuk@brilliant.example", mireuk, gold}}) {
    ASSERT_TRUE(std::any_of(logins.begin(), logins.end(), [&](const auto& l) { return l.email == email; }));
    auto staff = client();
    const auto csrf = staff->csrf_from("/login");
    ASSERT_EQ(
        staff->post_form("/login", {{"_csrf", csrf}, {"email", email}, {"password", app::demo_password}})
            .status,
        303)
        << email;
    EXPECT_EQ(staff->get("/api/v1/console/products/" + own).status, 200) << email;
    EXPECT_EQ(staff->get("/api/v1/console/products/" + other).status, 403) << email;
  }
}

TEST_F(StudioEvidenceHttp, AShootFromTheCameraFolderIsZippedPerChannelAndPublishedWithA360View) {
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
