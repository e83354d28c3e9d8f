#include "web/page_cache.hpp"

#include <algorithm>

namespace brilliant::web {
namespace {

// The body cut at each placeholder (the token's, and the account area's when given), with which one
// stood in each gap.
void split(std::string_view body, std::string_view token_mark, std::string_view account_mark,
           std::vector<std::string>& parts, std::vector<bool>& account_after) {
  size_t start = 0;
  while (true) {
    const size_t token_at = token_mark.empty() ? std::string_view::npos : body.find(token_mark, start);
    const size_t account_at = account_mark.empty() ? std::string_view::npos : body.find(account_mark, start);
    const size_t found = std::min(token_at, account_at);
    if (found == std::string_view::npos) break;
    const bool account = found == account_at;
    parts.emplace_back(body.substr(start, found - start));
    account_after.push_back(account);
    start = found + (account ? account_mark.size() : token_mark.size());
  }
  parts.emplace_back(body.substr(start));
}

std::string join(const std::vector<std::string>& parts, const std::vector<bool>& account_after,
                 std::string_view token, std::string_view account) {
  std::string out;
  size_t size = 0;
  for (const auto& part : parts) size += part.size() + std::max(token.size(), account.size());
  out.reserve(size);
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += account_after[i - 1] ? account : token;
    out += parts[i];
  }
  return out;
}

std::string without_query(const std::string& key) { return key.substr(0, key.find('?')); }

}  // namespace

std::optional<Response> PageCache::get(const std::string& key, const std::string& token,
                                       std::string_view account) const {
  std::shared_lock lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  Response response;
  response.headers = it->second.headers;
  response.body = join(it->second.parts, it->second.account_after, token, account);
  return response;
}

std::string PageCache::put(const std::string& key, const Response& response, const std::string& placeholder,
                           const std::string& token, const std::string& account_placeholder,
                           std::string_view account) {
  Entry entry;
  split(response.body, placeholder, account_placeholder, entry.parts, entry.account_after);
  std::string filled = join(entry.parts, entry.account_after, token, account);
  if (response.status != 200 || placeholder.empty()) return filled;
  for (const auto& h : response.headers)
    if (h.name != "Set-Cookie") entry.headers.push_back(h);
  const int segment = key.find('?') == std::string::npos ? 0 : 1;
  std::unique_lock lock(mutex_);
  auto [it, inserted] = entries_.insert_or_assign(key, std::move(entry));
  if (!inserted) return filled;
  auto& order = order_[segment];
  order.push_back(key);
  if (segment == 1) ++query_pages_[without_query(key)];
  while (order.size() > limits_[segment]) {
    if (entries_.erase(order.front()) && segment == 1) {
      auto counted = query_pages_.find(without_query(order.front()));
      if (counted != query_pages_.end() && --counted->second == 0) query_pages_.erase(counted);
    }
    order.pop_front();
  }
  return filled;
}

void PageCache::forget(const std::vector<std::string>& keys) {
  std::unique_lock lock(mutex_);
  for (const auto& key : keys) {
    entries_.erase(key);
    auto counted = query_pages_.find(key);
    if (counted == query_pages_.end()) continue;
    // Rare (a piece's page with a query string): scan the smaller segment for its variants.
    const std::string prefix = key + "?";
    for (const auto& k : order_[1])
      if (k.compare(0, prefix.size(), prefix) == 0) entries_.erase(k);
    query_pages_.erase(counted);
  }
}

void PageCache::clear() {
  std::unique_lock lock(mutex_);
  entries_.clear();
  order_[0].clear();
  order_[1].clear();
  query_pages_.clear();
}

bool PageCache::claim(const std::string& key, std::chrono::milliseconds patience) {
  std::unique_lock lock(filling_mutex_);
  if (filling_.insert(key).second) return true;
  ++waiting_;
  filled_.wait_for(lock, patience, [&] { return !filling_.contains(key); });
  --waiting_;
  return false;
}

void PageCache::release(const std::string& key) {
  {
    std::lock_guard lock(filling_mutex_);
    filling_.erase(key);
  }
  filled_.notify_all();
}

size_t PageCache::waiting() const {
  std::lock_guard lock(filling_mutex_);
  return waiting_;
}

size_t PageCache::size() const {
  std::shared_lock lock(mutex_);
  return entries_.size();
}

}  // namespace brilliant::web
