// Starts a stand-in server written for Node (tests/fake_toss/server.mjs, tests/fake_llm/server.mjs) on a
// free port for one test, and talks to its control API (/__control/...). Stopped (SIGTERM) when the
// object goes away.
#pragma once
#include <string>

#include "http/http_client.hpp"

namespace brilliant::test {

class NodeStub {
 public:
  // script: relative to the source tree. It prints "... listening on http://127.0.0.1:PORT".
  explicit NodeStub(const std::string& script);
  ~NodeStub();
  NodeStub(const NodeStub&) = delete;
  NodeStub& operator=(const NodeStub&) = delete;

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  // POST /__control/{what} with a JSON body; returns the answer.
  HttpResponse control(const std::string& what, const std::string& json);
  HttpResponse get(const std::string& path);

 private:
  int pid_ = 0;
  int port_ = 0;
};

// Toss Payments' API and payment window (tests/fake_toss/server.mjs).
class FakeToss : public NodeStub {
 public:
  static constexpr const char* client_key = "test_ck_brilliant_demo";
  static constexpr const char* secret_key = "test_sk_brilliant_demo";
  FakeToss() : NodeStub("tests/fake_toss/server.mjs") {}
};

// An OpenAI-compatible chat-completions server (tests/fake_llm/server.mjs).
class FakeLlm : public NodeStub {
 public:
  FakeLlm() : NodeStub("tests/fake_llm/server.mjs") {}
};

}  // namespace brilliant::test
