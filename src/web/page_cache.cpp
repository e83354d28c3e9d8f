#include "web/page_cache.hpp"

namespace brilliant::web {
namespace {

std::vector<std::string> split(std::string_view body, std::string_view placeholder) {
  std::vector<std::string> parts;
  size_t start = 0, found;
  while (!placeholder.empty() && (found = body.find(placeholder, start)) != std::string_view::npos) {
    parts.emplace_back(body.substr(start, found - start));
    start = found + placeholder.size();
  }
  parts.emplace_back(body.substr(start));
  return parts;
}

std::string join(const std::vector<std::string>& parts, std::string_view token) {
  std::string out;
  size_t size = 0;
  for (const auto& part : parts) size += part.size() + token.size();
  out.reserve(size);
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += token;
    out += parts[i];
  }
  return out;
}

std::string without_query(const std::string& key) { return key.substr(0, key.find('?')); }

}  // namespace

std::optional<Response> PageCache::get(const std::string& key, const std::string& token) const {
  std::shared_lock lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  Response response;
  response.headers = it->second.headers;
  response.body = join(it->second.parts, token);
  return response;
}

std::string PageCache::put(const std::string& key, const Response& response, const std::string& placeholder,
                           const std::string& token) {
  Entry entry;
  entry.parts = split(response.body, placeholder);
  std::string filled = join(entry.parts, token);
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

size_t PageCache::size() const {
  std::shared_lock lock(mutex_);
  return entries_.size();
}

}  // namespace brilliant::web
