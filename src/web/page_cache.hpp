// Full-page cache for anonymous visitors: a rendered page is kept per locale and URL, with the
// visitor's CSRF token cut out so each hit gets its own token put back. Cleared whenever the catalog
// changes. Only routes that opt in (Route::cacheable) and only requests without a session or token.
// Thread safe.
#pragma once
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "web/response.hpp"

namespace brilliant::web {

class PageCache {
 public:
  explicit PageCache(size_t max_entries = 20000) : max_entries_(max_entries) {}

  // The cached response with `token` wherever the original token stood; nullopt on a miss.
  std::optional<Response> get(const std::string& key, const std::string& token) const;
  // Keeps a 200 response, cutting out `token` (the CSRF token it was rendered with).
  void put(const std::string& key, const Response& response, const std::string& token);
  void clear();
  size_t size() const;

 private:
  struct Entry {
    std::vector<Header> headers;
    std::vector<std::string> parts;  // the body split at the token
  };
  size_t max_entries_;
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace brilliant::web
