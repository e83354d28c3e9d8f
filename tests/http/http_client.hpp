// A small HTTP client for tests, over libcurl: keeps cookies like a browser, never follows redirects,
// and can pull the CSRF token out of a page.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace brilliant::test {

struct HttpResponse {
  long status = 0;
  std::multimap<std::string, std::string> headers;  // names lower-cased
  std::string body;
  long connects = 0;  // new TCP connections this request opened (0: keep-alive reused one)

  std::string header(const std::string& name) const;
};

class HttpClient {
 public:
  explicit HttpClient(std::string base);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  HttpResponse get(const std::string& path, const std::vector<std::string>& headers = {});
  HttpResponse post_form(const std::string& path,
                         const std::vector<std::pair<std::string, std::string>>& fields,
                         const std::vector<std::string>& headers = {});
  HttpResponse request(const std::string& method, const std::string& path, const std::string& body,
                       const std::vector<std::string>& headers);
  std::string cookie(const std::string& name) const;
  void clear_cookies();
  // Another client with this one's cookies (the same session and CSRF token): a second tab.
  std::unique_ptr<HttpClient> twin() const;
  // GETs a page and returns the _csrf value of its first form.
  std::string csrf_from(const std::string& path);
  static std::string encode(const std::string& value);

 private:
  std::string base_;
  void* curl_;
};

// Sends raw bytes to host:port and returns what the server answers before it closes (or 5 s).
std::string raw_exchange(int port, const std::string& bytes);

}  // namespace brilliant::test
