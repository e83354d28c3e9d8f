#include "net/forwarded.hpp"

#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/network_v4.hpp>
#include <boost/asio/ip/network_v6.hpp>
#include <stdexcept>

namespace brilliant::net {

namespace ip = boost::asio::ip;

struct TrustedProxies::Networks {
  std::vector<ip::network_v4> v4;
  std::vector<ip::network_v6> v6;
};

namespace {

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

TrustedProxies::TrustedProxies(const std::vector<std::string>& entries)
    : networks_(std::make_unique<Networks>()) {
  for (const auto& entry : entries) {
    boost::system::error_code ec;
    const auto slash = entry.find('/');
    const auto address = ip::make_address(entry.substr(0, slash), ec);
    if (ec) throw std::invalid_argument("trusted_proxies: '" + entry + "' is not an address or network");
    int bits = address.is_v4() ? 32 : 128;
    if (slash != std::string::npos) {
      const auto text = entry.substr(slash + 1);
      bits = -1;
      if (!text.empty() && text.size() <= 3 && text.find_first_not_of("0123456789") == std::string::npos)
        bits = std::stoi(text);
      if (bits < 0 || bits > (address.is_v4() ? 32 : 128))
        throw std::invalid_argument("trusted_proxies: '" + entry + "' has no valid prefix length");
    }
    if (address.is_v4())
      networks_->v4.push_back(ip::make_network_v4(address.to_v4(), bits).canonical());
    else
      networks_->v6.push_back(ip::make_network_v6(address.to_v6(), bits).canonical());
  }
}

TrustedProxies::~TrustedProxies() = default;
TrustedProxies::TrustedProxies(TrustedProxies&&) noexcept = default;
TrustedProxies& TrustedProxies::operator=(TrustedProxies&&) noexcept = default;

bool TrustedProxies::empty() const { return networks_->v4.empty() && networks_->v6.empty(); }

bool TrustedProxies::trusts(std::string_view text) const {
  boost::system::error_code ec;
  auto address = ip::make_address(std::string(trimmed(text)), ec);
  if (ec) return false;
  if (address.is_v6() && address.to_v6().is_v4_mapped())
    address = ip::make_address_v4(ip::v4_mapped, address.to_v6());
  if (address.is_v4()) {
    for (const auto& n : networks_->v4)
      if (ip::make_network_v4(address.to_v4(), n.prefix_length()).canonical() == n) return true;
    return false;
  }
  for (const auto& n : networks_->v6)
    if (ip::make_network_v6(address.to_v6(), n.prefix_length()).canonical() == n) return true;
  return false;
}

std::string TrustedProxies::client(const std::string& peer, std::string_view forwarded_for) const {
  if (empty() || forwarded_for.empty() || !trusts(peer)) return peer;
  std::string_view rest = forwarded_for;
  while (!rest.empty()) {  // right to left
    const auto comma = rest.rfind(',');
    const auto item = trimmed(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
    boost::system::error_code ec;
    const auto address = ip::make_address(std::string(item), ec);
    if (ec) return peer;  // an unreadable entry: believe nothing further left
    if (!trusts(item)) return address.to_string();
  }
  return peer;  // every hop is a trusted proxy
}

}  // namespace brilliant::net
