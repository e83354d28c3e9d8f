#include "web/page_cache.hpp"

namespace brilliant::web {

std::optional<Response> PageCache::get(const std::string& key, const std::string& token) const {
  std::shared_lock lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  Response response;
  response.headers = it->second.headers;
  size_t size = 0;
  for (const auto& part : it->second.parts) size += part.size() + token.size();
  response.body.reserve(size);
  for (size_t i = 0; i < it->second.parts.size(); ++i) {
    if (i) response.body += token;
    response.body += it->second.parts[i];
  }
  return response;
}

void PageCache::put(const std::string& key, const Response& response, const std::string& token) {
  if (response.status != 200 || token.empty()) return;
  Entry entry;
  for (const auto& h : response.headers)
    if (h.name != "Set-Cookie") entry.headers.push_back(h);
  size_t start = 0, found;
  while ((found = response.body.find(token, start)) != std::string::npos) {
    entry.parts.push_back(response.body.substr(start, found - start));
    start = found + token.size();
  }
  entry.parts.push_back(response.body.substr(start));
  std::unique_lock lock(mutex_);
  if (entries_.size() >= max_entries_) entries_.clear();
  entries_[key] = std::move(entry);
}

void PageCache::clear() {
  std::unique_lock lock(mutex_);
  entries_.clear();
}

size_t PageCache::size() const {
  std::shared_lock lock(mutex_);
  return entries_.size();
}

}  // namespace brilliant::web
