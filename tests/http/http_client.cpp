#include "http/http_client.hpp"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>
#include <algorithm>
#include <boost/json.hpp>
#include <cstdlib>
#include <fstream>
#include <mutex>

#include <regex>
#include <stdexcept>

namespace brilliant::test {
namespace {

size_t on_body(char* data, size_t size, size_t n, void* user) {
  static_cast<std::string*>(user)->append(data, size * n);
  return size * n;
}

size_t on_header(char* data, size_t size, size_t n, void* user) {
  std::string line(data, size * n);
  auto colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(" \t"));
    value.erase(value.find_last_not_of("\r\n") + 1);
    static_cast<HttpResponse*>(user)->headers.emplace(name, value);
  }
  return size * n;
}

}  // namespace

std::string HttpResponse::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

HttpClient::HttpClient(std::string base) : base_(std::move(base)), curl_(curl_easy_init()) {
  curl_easy_setopt(curl_, CURLOPT_COOKIEFILE, "");  // in-memory cookie engine
  // Slow builds (ThreadSanitizer decodes a phone photo some twenty times slower) set a longer limit.
  const char* limit = std::getenv("BRILLIANT_TEST_HTTP_TIMEOUT");
  curl_easy_setopt(curl_, CURLOPT_TIMEOUT, limit ? std::atol(limit) : 30L);
}

HttpClient::~HttpClient() { curl_easy_cleanup(curl_); }

namespace {

// With BRILLIANT_API_RECORD set to a path prefix, every JSON answer of the API (/api/v1/...,
// /en/api/v1/...) is appended to PREFIX.<pid>.jsonl (one file per test process) as one line: method,
// path without its query, status and body. tests/api/validate.mjs then checks each against
// /api/v1/openapi.json, so the document can never drift from what is served.
void record_api_answer(const std::string& method, const std::string& path, const std::string& body,
                       const std::vector<std::string>& headers, const HttpResponse& response) {
  static const char* file = std::getenv("BRILLIANT_API_RECORD");
  if (!file) return;
  std::string bare = path.substr(0, path.find('?'));
  if (bare.starts_with("/en/")) bare = bare.substr(3);
  if (method == "HEAD" || !bare.starts_with("/api/v1/") || bare == "/api/v1/openapi.json") return;
  if (!response.header("content-type").starts_with("application/json")) return;
  static std::mutex mutex;
  boost::json::object record{
      {"method", method}, {"path", bare}, {"status", response.status}, {"body", response.body}};
  // A JSON request body is kept too: its schema is checked when it was accepted. Not a body sent as junk
  // (the X-Junk header, junk_http_test.cpp): what the server ignores is no example of what it takes.
  const bool junk = std::any_of(headers.begin(), headers.end(), [](const std::string& h) {
    return strncasecmp(h.c_str(), "x-junk:", 7) == 0;
  });
  for (const auto& h : headers)
    if (!junk && h.size() > 13 && strncasecmp(h.c_str(), "content-type:", 13) == 0 &&
        h.find("application/json") != std::string::npos)
      record["request"] = body;
  const auto line = boost::json::serialize(record);
  std::lock_guard lock(mutex);
  std::ofstream(std::string(file) + "." + std::to_string(getpid()) + ".jsonl", std::ios::app) << line << "\n";
}

}  // namespace

HttpResponse HttpClient::request(const std::string& method, const std::string& path, const std::string& body,
                                 const std::vector<std::string>& headers) {
  HttpResponse response;
  const std::string url = base_ + path;
  curl_easy_setopt(curl_, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl_, CURLOPT_CUSTOMREQUEST, method == "GET" ? nullptr : method.c_str());
  curl_easy_setopt(curl_, CURLOPT_HTTPGET, 1L);
  if (method == "HEAD")
    curl_easy_setopt(curl_, CURLOPT_NOBODY, 1L);
  else
    curl_easy_setopt(curl_, CURLOPT_NOBODY, 0L);
  if (method != "GET" && method != "HEAD") {
    curl_easy_setopt(curl_, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(curl_, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  }
  curl_slist* list = nullptr;
  for (const auto& h : headers) list = curl_slist_append(list, h.c_str());
  curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, list);
  curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(curl_, CURLOPT_WRITEDATA, &response.body);
  curl_easy_setopt(curl_, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(curl_, CURLOPT_HEADERDATA, &response);
  const CURLcode rc = curl_easy_perform(curl_);
  curl_slist_free_all(list);
  if (rc != CURLE_OK) throw std::runtime_error(std::string("curl: ") + curl_easy_strerror(rc));
  curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &response.status);
  curl_easy_getinfo(curl_, CURLINFO_NUM_CONNECTS, &response.connects);
  record_api_answer(method, path, body, headers, response);
  return response;
}

HttpResponse HttpClient::get(const std::string& path, const std::vector<std::string>& headers) {
  return request("GET", path, "", headers);
}

std::string HttpClient::encode(const std::string& value) {
  char* escaped = curl_easy_escape(nullptr, value.c_str(), static_cast<int>(value.size()));
  std::string out(escaped);
  curl_free(escaped);
  return out;
}

HttpResponse HttpClient::post_form(const std::string& path,
                                   const std::vector<std::pair<std::string, std::string>>& fields,
                                   const std::vector<std::string>& headers) {
  std::string body;
  for (const auto& [k, v] : fields) body += (body.empty() ? "" : "&") + encode(k) + "=" + encode(v);
  auto all = headers;
  all.push_back("Content-Type: application/x-www-form-urlencoded");
  return request("POST", path, body, all);
}

std::string HttpClient::cookie(const std::string& name) const {
  curl_slist* cookies = nullptr;
  curl_easy_getinfo(curl_, CURLINFO_COOKIELIST, &cookies);
  std::string value;
  for (auto* c = cookies; c; c = c->next) {
    // Netscape format: domain, flag, path, secure, expiry, name, value (tab separated).
    std::string line = c->data;
    std::vector<std::string> parts;
    size_t start = 0, tab;
    while ((tab = line.find('\t', start)) != std::string::npos) {
      parts.push_back(line.substr(start, tab - start));
      start = tab + 1;
    }
    parts.push_back(line.substr(start));
    if (parts.size() >= 7 && parts[5] == name) value = parts[6];
  }
  curl_slist_free_all(cookies);
  return value;
}

void HttpClient::clear_cookies() { curl_easy_setopt(curl_, CURLOPT_COOKIELIST, "ALL"); }

std::unique_ptr<HttpClient> HttpClient::twin() const {
  auto other = std::make_unique<HttpClient>(base_);
  curl_slist* cookies = nullptr;
  curl_easy_getinfo(curl_, CURLINFO_COOKIELIST, &cookies);
  for (auto* c = cookies; c; c = c->next) curl_easy_setopt(other->curl_, CURLOPT_COOKIELIST, c->data);
  curl_slist_free_all(cookies);
  return other;
}

std::string HttpClient::csrf_from(const std::string& path) {
  auto page = get(path);
  static const std::regex field(R"re(name="_csrf" value="([^"]+)")re");
  std::smatch m;
  if (!std::regex_search(page.body, m, field)) throw std::runtime_error("no _csrf field on " + path);
  return m[1];
}

std::string raw_exchange(int port, const std::string& bytes) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    throw std::runtime_error("connect failed");
  }
  timeval tv{5, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  size_t sent = 0;
  while (sent < bytes.size()) {
    auto n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<size_t>(n);
  }
  std::string out;
  char buf[4096];
  ssize_t n;
  while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0) out.append(buf, static_cast<size_t>(n));
  ::close(fd);
  return out;
}

}  // namespace brilliant::test
