// Full-page cache for anonymous visitors: a rendered page is kept per locale and URL, with the CSRF
// token it was rendered with cut out so each hit gets the visitor's own token put back. Cleared
// whenever the catalog changes. Only routes that opt in (Route::cacheable) and only requests without a
// session or token.
//
// Pages are rendered for the cache with a placeholder token that only the server knows (never with the
// visitor's cookie), so nothing a visitor sends decides where the cache cuts a page. Pages whose URL has
// a query string live in a smaller segment of their own: a flood of unique query strings evicts only
// the oldest of those (first in, first out), never the plain pages. Thread safe.
#pragma once
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "web/response.hpp"

namespace brilliant::web {

class PageCache {
 public:
  explicit PageCache(size_t max_pages = 20000, size_t max_query_pages = 4000)
      : limits_{max_pages, max_query_pages} {}

  // The cached response with `token` wherever the placeholder stood and `account` where the account
  // placeholder stood; nullopt on a miss.
  std::optional<Response> get(const std::string& key, const std::string& token,
                              std::string_view account = {}) const;
  // Keeps a 200 response rendered with `placeholder` as its token (and `account_placeholder` for the
  // header's account area, when given), cut at both (keys holding '?' go to the query segment), and
  // returns its body with `token` and `account` in their places (for any status: the page goes to the
  // visitor who asked for it). The body is cut once.
  std::string put(const std::string& key, const Response& response, const std::string& placeholder,
                  const std::string& token, const std::string& account_placeholder = {},
                  std::string_view account = {});
  void clear();
  // Forgets the pages at these keys (locale|path, no query) and the same pages with any query string:
  // a piece's stock changed, and only the pages that show its count need to go.
  void forget(const std::vector<std::string>& keys);
  size_t size() const;

  // One render per missing page: the first caller to miss `key` claims it (true) and must release it
  // once it has put the page (or failed); a caller that misses while another renders it waits for that
  // render (at most `patience`) and gets false: it should get() again, and render only if the page is
  // still not there (a page that is not a 200 is never kept). After a catalog change empties the cache,
  // 64 visitors asking for one search page cost one search, not 64.
  bool claim(const std::string& key, std::chrono::milliseconds patience = std::chrono::seconds(5));
  void release(const std::string& key);
  size_t waiting() const;  // callers waiting for another's render, now

 private:
  struct Entry {
    std::vector<Header> headers;
    std::vector<std::string> parts;   // the body split at the placeholders
    std::vector<bool> account_after;  // per gap between parts: the account area (else the token)
  };
  size_t limits_[2];
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::deque<std::string> order_[2];  // keys per segment, oldest first (a forgotten key may linger)
  std::unordered_map<std::string, size_t> query_pages_;  // locale|path -> its pages in the query segment
  mutable std::mutex filling_mutex_;
  std::condition_variable filled_;
  std::unordered_set<std::string> filling_;  // keys being rendered by the caller that claimed them
  size_t waiting_ = 0;
};

}  // namespace brilliant::web
