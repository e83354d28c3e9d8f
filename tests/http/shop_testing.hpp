// For HTTP tests that shop: a cart filled over the API, the checkout form as its page gives it, orders
// placed over the API, and reading an order out of a list.
#pragma once
#include <boost/json.hpp>
#include <regex>

#include "core/secret.hpp"
#include "core/text.hpp"
#include "http/harness.hpp"

namespace brilliant::test {

class ShopTest : public ServerTest {
 protected:
  static std::vector<std::string> json_headers(HttpClient& c, const std::string& key = "") {
    std::vector<std::string> h{"Content-Type: application/json", "X-CSRF-Token: " + c.cookie("csrf")};
    if (!key.empty()) h.push_back("Idempotency-Key: " + key);
    return h;
  }

  // A JSON request as `who`, with its CSRF header (and an Idempotency-Key when given).
  static HttpResponse call(HttpClient& who, const std::string& method, const std::string& path,
                           const std::string& body = "", const std::string& key = "") {
    return who.request(method, path, body, json_headers(who, key));
  }

  // A fair of this test's own, made by the operator over the API: `prefix` and six random characters as
  // its slug (the shared PostgreSQL database never collides), `fields` its other JSON members.
  static std::string own_fair(HttpClient& op, const std::string& prefix, const std::string& fields) {
    const std::string slug = prefix + ascii_lower(random_code(6, "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"));
    auto made =
        call(op, "POST", "/api/v1/operator/exhibitions", R"({"slug":")" + slug + "\"," + fields + "}");
    EXPECT_EQ(made.status, 201) << made.body;
    return slug;
  }

  void add_to_cart(HttpClient& c, long long variant, int quantity = 1) {
    auto r = c.request(
        "POST", "/api/v1/cart/lines",
        R"({"variant_id":)" + std::to_string(variant) + R"(,"quantity":)" + std::to_string(quantity) + "}",
        json_headers(c));
    ASSERT_EQ(r.status, 201) << r.body;
  }

  static std::string field_of(const std::string& html, const std::string& name) {
    std::smatch m;
    const std::regex re("name=\"" + name + "\" value=\"([^\"]*)\"");
    return std::regex_search(html, m, re) ? m[1].str() : "";
  }

  static std::vector<std::pair<std::string, std::string>> address_fields() {
    return {{"recipient", "김보석"},
            {"phone", "010-2345-6789"},
            {"postcode", "54538"},
            {"address", "전북 익산시 보석로 1"},
            {"address_detail", "101동 202호"},
            {"note", "문 앞"},
            {"agree", "1"}};
  }

  static std::string address_json() {
    return R"({"recipient":"Kim","phone":"01023456789","postcode":"54538","address":"1 Boseok-ro, Iksan")";
  }

  // The checkout form as its page gives it (the one-time key and the total shown) with the address
  // filled in, for a client whose cart holds something.
  std::vector<std::pair<std::string, std::string>> checkout_form(HttpClient& c) {
    auto page = c.get("/checkout");
    EXPECT_EQ(page.status, 200);
    auto form = address_fields();
    form.push_back({"_csrf", c.cookie("csrf")});
    form.push_back({"checkout_key", field_of(page.body, "checkout_key")});
    form.push_back({"expected_total", field_of(page.body, "expected_total")});
    return form;
  }

  // Places the client's cart through the API; returns the response.
  HttpResponse place(HttpClient& c, const std::string& key) {
    return c.request("POST", "/api/v1/orders", address_json() + "}", json_headers(c, key));
  }

  // The operator confirms the transfer of an order placed with the client's cart (op given), and the
  // workshop ships it with the carrier and waybill; both over the JSON API.
  void pay_and_ship(HttpClient* op, HttpClient& maker, const std::string& number, const std::string& carrier,
                    const std::string& tracking) {
    if (op) {
      auto paid = op->request("PUT", "/api/v1/operator/orders/" + number + "/status", R"({"status":"paid"})",
                              json_headers(*op));
      ASSERT_EQ(paid.status, 200) << paid.body;
    }
    auto shipped = maker.request("POST", "/api/v1/console/orders/" + number + "/shipment",
                                 R"({"carrier":")" + carrier + R"(","tracking":")" + tracking + R"("})",
                                 json_headers(maker));
    ASSERT_EQ(shipped.status, 200) << shipped.body;
  }

  // A ring of a workshop of the test's own (size 13: 3 pieces; size 15: none), ordered by a new shopper
  // (by bank transfer), paid, shipped and delivered.
  struct Delivered {
    catalog::Workshop shop;
    catalog::Product ring;
    std::unique_ptr<HttpClient> shopper, op, maker;
    std::string email, number, line;  // the shopper's, the order and its one line's id
  };
  Delivered delivered(const std::string& prefix, const std::string& carrier, const std::string& tracking) {
    Delivered d;
    d.shop = own_workshop(prefix, prefix + " 공방", prefix + " Atelier");
    d.ring = own_ring(d.shop, prefix + " Ring", 3);
    d.email = unique_email(prefix);
    d.shopper = signed_up(d.email);
    add_to_cart(*d.shopper, d.ring.variants.at(0).id);
    auto placed = place(*d.shopper, prefix + "-" + unique_email("k"));
    EXPECT_EQ(placed.status, 201) << placed.body;
    d.number = std::string(boost::json::parse(placed.body).at("number").as_string());
    d.op = logged_in(web::Role::operator_);
    d.maker = logged_in(web::Role::vendor_staff, d.shop.slug);
    pay_and_ship(d.op.get(), *d.maker, d.number, carrier, tracking);
    EXPECT_EQ(d.maker
                  ->request("POST", "/api/v1/console/orders/" + d.number + "/delivery", "{}",
                            json_headers(*d.maker))
                  .status,
              200);
    d.line = std::to_string(app->orders().find(d.number)->lines.at(0).id);
    return d;
  }

  // The order's status as its shopper reads it over the API.
  static std::string status_of(HttpClient& c, const std::string& number) {
    return std::string(boost::json::parse(c.get("/api/v1/orders/" + number).body).at("status").as_string());
  }

  int stock_of(const std::string& slug) { return app->catalog().product(slug)->variants.at(0).stock; }

  static boost::json::object order_in(const boost::json::value& list, const std::string& number) {
    for (const auto& o : list.at("orders").as_array())
      if (o.at("number").as_string() == number) return o.as_object();
    return {};
  }
};

}  // namespace brilliant::test
