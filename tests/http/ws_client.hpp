// A WebSocket client for tests (Beast, compiled once here): connects with the headers a browser sends
// (Cookie, Origin), sends text, and waits, with a deadline, for the server's messages.
#pragma once
#include <boost/json/object.hpp>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace brilliant::test {

class WsClient {
 public:
  using Headers = std::vector<std::pair<std::string, std::string>>;
  // Connects to ws://127.0.0.1:port/path; nothing when the handshake is refused or fails.
  static std::unique_ptr<WsClient> connect(int port, const std::string& path, const Headers& headers = {});
  ~WsClient();

  void send(const std::string& text);
  // Bytes straight onto the socket, as a broken or hostile client would send them (unmasked frames,
  // reserved opcodes, a continuation without a start).
  void send_raw(const std::string& bytes);
  // The next event, or nothing when none comes within `wait` or the connection closed. A batch (a JSON
  // array of events in one message) is handed out one event at a time.
  std::optional<std::string> receive(std::chrono::milliseconds wait = std::chrono::seconds(5));
  // Reads until a message of this "type" comes (others are skipped); nothing when none comes in `wait`.
  std::optional<boost::json::object> until(const std::string& type,
                                           std::chrono::milliseconds wait = std::chrono::seconds(5));
  // True when the server ends the connection within `wait` (messages before that are skipped).
  bool closed_by_server(std::chrono::milliseconds wait = std::chrono::seconds(5));

 private:
  struct Impl;
  explicit WsClient(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The "Cookie" header value of a logged-in HttpClient's session, for WsClient::connect.
std::string session_cookie_header(const std::string& sid);

}  // namespace brilliant::test
