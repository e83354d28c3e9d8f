// For HTTP tests that pay through Toss: the server configured against the stand-in Toss server
// (tests/fake_toss), started for the test.
#pragma once
#include "http/node_stub.hpp"
#include "http/shop_testing.hpp"

namespace brilliant::test {

class TossShopTest : public ShopTest {
 protected:
  void configure(app::Config& config) override {
    config.toss = {.api_url = toss.url(),
                   .client_key = FakeToss::client_key,
                   .secret_key = FakeToss::secret_key,
                   .window_url = toss.url() + "/window",
                   .timeout_seconds = 2};
  }
  FakeToss toss;
};

}  // namespace brilliant::test
