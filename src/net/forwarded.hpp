// The client's address behind the load balancer (issue 16): nodes behind nginx see every connection
// come from nginx, so per-address limits would lump every shopper together. When the peer is a trusted
// proxy, the client is the right-most X-Forwarded-For address that is not itself a trusted proxy (each
// proxy appends the address it got the request from; what the client wrote is further left and is not
// believed). Without trusted proxies the header is ignored.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace brilliant::net {

class TrustedProxies {
 public:
  // Addresses ("10.0.0.5", "::1") or networks ("10.0.0.0/8", "fd00::/8"); throws std::invalid_argument
  // naming an entry that is neither.
  explicit TrustedProxies(const std::vector<std::string>& entries);
  ~TrustedProxies();
  TrustedProxies(TrustedProxies&&) noexcept;
  TrustedProxies& operator=(TrustedProxies&&) noexcept;

  bool empty() const;
  bool trusts(std::string_view address) const;
  // The client's address for a request from peer carrying this X-Forwarded-For value ("" when absent).
  std::string client(const std::string& peer, std::string_view forwarded_for) const;

 private:
  struct Networks;
  std::unique_ptr<Networks> networks_;
};

}  // namespace brilliant::net
