// A short concurrent load on one server: anonymous reads (some from the page cache), shoppers checking
// out, the catalog swapped under them (refresh and reprice), and a workshop uploading photos, all at
// once. Under ASan it checks that nothing is lost or oversold; under ThreadSanitizer (make tsan) that no
// two threads touch the same memory unguarded.
#include <atomic>
#include <boost/json.hpp>
#include <thread>

#include "http/harness.hpp"

namespace brilliant::test {
namespace json = boost::json;

class LoadHttp : public ServerTest {
 protected:
  // The access log on, as make run serves: its buffers are filled by the I/O threads and written out
  // by the flusher, which ThreadSanitizer should see too.
  void configure(app::Config& config) override { config.access_log = true; }
  static std::vector<std::string> json_headers(HttpClient& c) {
    return {"Content-Type: application/json", "X-CSRF-Token: " + c.cookie("csrf")};
  }
};

TEST_F(LoadHttp, ReadsCheckoutsCatalogSwapsAndUploadsAtOnce) {
  auto shop = own_workshop("load", "부하 공방", "Load Atelier");
  auto ring = own_ring(shop, "Load Ring", 40, "부하 반지");
  const long long variant = ring.variants.at(0).id;
  auto staff = logged_in(web::Role::vendor_staff, shop.slug);
  std::vector<std::unique_ptr<HttpClient>> shoppers;
  for (int i = 0; i < 2; ++i) shoppers.push_back(signed_up(unique_email("load-" + std::to_string(i))));
  constexpr int orders_each = 5, uploads = 3, reads_each = 25;

  std::atomic<int> placed{0}, uploaded{0};
  std::vector<std::string> problems[6];
  std::vector<std::thread> threads;
  for (int r = 0; r < 2; ++r)
    threads.emplace_back([&, r] {
      auto reader = client();
      const std::string pages[] = {"/", "/shop", "/products/" + ring.slug,
                                   "/search?q=" + HttpClient::encode("반지"), "/en/products/" + ring.slug};
      for (int i = 0; i < reads_each; ++i) {
        const auto& page = pages[(i + r) % 5];
        auto got = reader->get(page);
        if (got.status != 200) problems[r].push_back(page + " " + std::to_string(got.status));
      }
    });
  for (int s = 0; s < 2; ++s)
    threads.emplace_back([&, s] {
      auto& c = *shoppers[s];
      for (int i = 0; i < orders_each; ++i) {
        auto added = c.request("POST", "/api/v1/cart/lines",
                               R"({"variant_id":)" + std::to_string(variant) + "}", json_headers(c));
        auto headers = json_headers(c);
        headers.push_back("Idempotency-Key: load-" + std::to_string(s) + "-" + std::to_string(i) + "-" +
                          ring.slug);
        auto order = c.request(
            "POST", "/api/v1/orders",
            R"({"recipient":"Kim","phone":"01023456789","postcode":"54538","address":"1 Boseok-ro, Iksan"})",
            headers);
        if (added.status == 201 && order.status == 201)
          ++placed;
        else
          problems[2 + s].push_back(std::to_string(added.status) + "/" + std::to_string(order.status) + " " +
                                    order.body);
      }
    });
  threads.emplace_back([&] {
    for (int i = 0; i < 6; ++i) {
      app->catalog().refresh();
      app->quotes().reprice();
    }
  });
  threads.emplace_back([&] {
    for (int i = 0; i < uploads; ++i) {
      auto up = staff->request(
          "POST", "/api/v1/console/products/" + ring.slug + "/photos?alt_ko=" + HttpClient::encode("정면"),
          test_jpeg(640, 480, i * 40),
          {"Content-Type: image/jpeg", "X-CSRF-Token: " + staff->cookie("csrf")});
      if (up.status == 201)
        ++uploaded;
      else
        problems[5].push_back("upload " + std::to_string(up.status) + " " + up.body.substr(0, 200));
    }
  });
  for (auto& t : threads) t.join();

  for (const auto& list : problems)
    for (const auto& p : list) ADD_FAILURE() << p;
  EXPECT_EQ(placed.load(), 2 * orders_each);
  EXPECT_EQ(uploaded.load(), uploads);
  // Nothing lost or oversold: the stock is what it was less what was ordered, and the page says so.
  EXPECT_EQ(app->catalog().product(ring.slug)->variants.at(0).stock, 40 - 2 * orders_each);
  EXPECT_NE(
      client()->get("/products/" + ring.slug).body.find(std::to_string(40 - 2 * orders_each) + "개 남음"),
      std::string::npos);
  auto photos = json::parse(staff->get("/api/v1/console/products/" + ring.slug + "/photos").body);
  EXPECT_EQ(photos.at("photos").as_array().size(), static_cast<size_t>(uploads));
}

}  // namespace brilliant::test
