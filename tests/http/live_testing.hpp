// For HTTP tests of live shows: a workshop with a ring, its host, a show made over the API, the stream
// started as nginx-rtmp would start it, and WebSocket viewers.
#pragma once
#include <boost/json.hpp>

#include "http/shop_testing.hpp"
#include "http/ws_client.hpp"

namespace brilliant::test {

class LiveTest : public ShopTest {
 protected:
  struct Show {
    std::string slug, key;
  };

  void make_workshop(int stock = 20) {
    workshop = own_workshop("live", "라이브 공방", "Live Workshop");
    ring = own_ring(workshop, "Live ring", stock);
    host = logged_in(web::Role::vendor_staff, workshop.slug);
  }

  Show new_show(HttpClient& who, const std::string& extra = "") {
    auto r =
        who.request("POST", "/api/v1/console/live",
                    R"({"title_ko":"금요 라이브","title_en":"Friday live","scheduled_at":"2026-11-25T20:00",)"
                    R"("lineup":[)" +
                        std::to_string(ring.id) + "]" + extra + "}",
                    json_headers(who));
    EXPECT_EQ(r.status, 201) << r.body;
    if (r.status != 201) return {};
    auto o = boost::json::parse(r.body).as_object();
    return {std::string(o.at("slug").as_string()), std::string(o.at("stream_key").as_string())};
  }

  // The workshop's show, gone live (its stream key published).
  Show live_show() {
    make_workshop();
    auto show = new_show(*host);
    EXPECT_EQ(publish(show.key), 302);
    return show;
  }

  // nginx-rtmp's on_publish with this stream name; its status (302 accepted, 403 refused).
  long publish(const std::string& name) {
    return client()->post_form("/live/rtmp/publish", {{"name", name}}).status;
  }

  std::unique_ptr<WsClient> viewer(const std::string& slug, HttpClient* who = nullptr) {
    WsClient::Headers h{{"Origin", base()}};
    if (who) h.push_back({"Cookie", session_cookie_header(who->cookie("sid"))});
    return WsClient::connect(port, "/live/" + slug + "/ws", h);
  }

  long long deal(HttpClient& who, const std::string& slug, long long price, int quantity, int per_customer,
                 int seconds = 300) {
    auto r = who.request("POST", "/api/v1/console/live/" + slug + "/deals",
                         R"({"variant_id":)" + std::to_string(ring.variants.at(0).id) + R"(,"price":)" +
                             std::to_string(price) + R"(,"quantity":)" + std::to_string(quantity) +
                             R"(,"per_customer":)" + std::to_string(per_customer) +
                             R"(,"duration_seconds":)" + std::to_string(seconds) + "}",
                         json_headers(who));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? boost::json::parse(r.body).at("id").as_int64() : 0;
  }

  // The host starts a deal's countdown; the answer's status.
  long start_deal(const std::string& slug, long long deal_id) {
    return host
        ->request("POST", "/api/v1/console/live/" + slug + "/deals/" + std::to_string(deal_id) + "/start",
                  "{}", json_headers(*host))
        .status;
  }

  HttpResponse buy(HttpClient& who, const std::string& slug, long long deal_id, const std::string& key,
                   int quantity = 1) {
    return who.request("POST", "/api/v1/live/" + slug + "/deals/" + std::to_string(deal_id) + "/orders",
                       address_json() + R"(,"quantity":)" + std::to_string(quantity) + "}",
                       json_headers(who, key));
  }

  catalog::Workshop workshop;
  catalog::Product ring;
  std::unique_ptr<HttpClient> host;
};

}  // namespace brilliant::test
