// Starts tests/fake_toss/server.mjs (a stand-in for Toss Payments' API and payment window, on Node) on a
// free port for one test, and talks to its control API. Stopped (SIGTERM) when the object goes away.
#pragma once
#include <string>

#include "http/http_client.hpp"

namespace brilliant::test {

class FakeToss {
 public:
  static constexpr const char* client_key = "test_ck_brilliant_demo";
  static constexpr const char* secret_key = "test_sk_brilliant_demo";

  FakeToss();
  ~FakeToss();
  FakeToss(const FakeToss&) = delete;
  FakeToss& operator=(const FakeToss&) = delete;

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  // POST /__control/{what} with a JSON body; returns the answer.
  HttpResponse control(const std::string& what, const std::string& json);
  HttpResponse get(const std::string& path);

 private:
  int pid_ = 0;
  int port_ = 0;
};

}  // namespace brilliant::test
