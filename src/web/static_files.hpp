// Files under static/, held in memory from start: content type, strong ETag, a gzip copy of text
// files, and fingerprinted URLs ("/static/css/app.1a2b3c4d.css") that may be cached for a year.
// Thread safety: read-only after construction.
#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "web/request.hpp"
#include "web/response.hpp"

namespace brilliant::web {

class StaticFiles {
 public:
  explicit StaticFiles(const std::filesystem::path& dir);

  // "/static/css/app.<hash>.css" for "css/app.css"; the plain path when the file is unknown.
  std::string url(std::string_view relative) const;
  // Answers GET/HEAD of a "/static/..." path: 200, 304 on a matching If-None-Match, or nullopt for 404.
  std::optional<Response> serve(const Request& request) const;
  size_t size() const { return files_.size(); }

  struct File {
    std::string body;
    std::string gzip;  // empty when not worth compressing
    std::string type;
    std::string etag;
    std::string fingerprint;
  };

 private:
  std::map<std::string, File, std::less<>> files_;                 // by relative path
  std::map<std::string, std::string, std::less<>> fingerprinted_;  // fingerprinted relative -> relative
};

std::string_view content_type_for(std::string_view extension);
// Gzip (RFC 1952) of data through zlib.
std::string gzip_compress(std::string_view data);

}  // namespace brilliant::web
