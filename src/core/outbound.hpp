// Outbound HTTP(S) requests over libcurl, for the few places the server calls out (the payment
// provider, a language-model endpoint): one request, a whole-request timeout, http and https only.
// Blocking; call from the blocking pool, never from an I/O thread.
#pragma once
#include <string>
#include <vector>

namespace brilliant {

struct OutboundRequest {
  std::string method = "GET";  // GET, or POST / PUT with `body`
  std::string url;
  std::vector<std::string> headers;  // "Name: value"
  std::string body;
  long timeout_seconds = 10;
};
struct OutboundAnswer {
  int status = 0;  // 0: no answer (unreachable, timed out, or not http(s))
  std::string body;
};
OutboundAnswer send(const OutboundRequest& request);

}  // namespace brilliant
