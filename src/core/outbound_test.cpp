// Outbound HTTP (outbound.cpp) against a one-shot server on a loopback socket.
#include "core/outbound.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

namespace brilliant {
namespace {

// Answers one request (once its body, "hello", has arrived) with `answer`.
class OneShot {
 public:
  explicit OneShot(std::string answer) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    EXPECT_EQ(bind(fd_, reinterpret_cast<sockaddr*>(&addr), len), 0);
    EXPECT_EQ(listen(fd_, 1), 0);
    getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this, answer = std::move(answer)] {
      const int c = accept(fd_, nullptr, nullptr);
      char buffer[4096];
      std::string received;
      while (received.find("\r\n\r\n") == std::string::npos || received.find("hello") == std::string::npos) {
        const auto n = read(c, buffer, sizeof buffer);
        if (n <= 0) break;
        received.append(buffer, static_cast<size_t>(n));
      }
      (void)!write(c, answer.data(), answer.size());
      close(c);
    });
  }
  ~OneShot() {
    thread_.join();
    close(fd_);
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/v1/x"; }

 private:
  int fd_ = -1, port_ = 0;
  std::thread thread_;
};

TEST(Outbound, SendsTheBodyAndHeadersAndReadsTheAnswer) {
  OneShot server("HTTP/1.1 201 Created\r\nContent-Length: 7\r\nConnection: close\r\n\r\n{\"a\":1}");
  auto answer = send({"POST", server.url(), {"X-Test: yes", "Content-Type: application/json"}, "hello", 5});
  EXPECT_EQ(answer.status, 201);
  EXPECT_EQ(answer.body, "{\"a\":1}");
}

TEST(Outbound, NoAnswerIsStatusZero) {
  EXPECT_EQ(send({"GET", "http://127.0.0.1:1/nothing", {}, "", 2}).status, 0);
  EXPECT_EQ(send({"GET", "file:///etc/hostname", {}, "", 2}).status, 0);  // http and https only
}

}  // namespace
}  // namespace brilliant
