// Files under static/, held in memory from start: content type, strong ETag, fingerprinted URLs
// ("/static/css/app.1a2b3c4d.css") that may be cached for a year, and a gzip copy of a text file made at its
// first request (at zlib's best level: some 80 ms for the whole folder, which every start and every test's
// App would otherwise pay for files most never serve).
// Thread safety: read-only after construction, but for each file's gzip copy, made once (std::call_once).
#pragma once
#include <filesystem>
#include <map>
#include <mutex>
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
    std::string type;
    std::string etag;
    std::string fingerprint;
    // The gzip copy, made at the first call; empty when not worth compressing (not text, small, or not
    // smaller by a tenth).
    const std::string& gzip() const;

   private:
    mutable std::once_flag packed_once_;
    mutable std::string gzip_;
  };

 private:
  std::map<std::string, File, std::less<>> files_;                 // by relative path
  std::map<std::string, std::string, std::less<>> fingerprinted_;  // fingerprinted relative -> relative
};

std::string_view content_type_for(std::string_view extension);
// Gzip (RFC 1952) of data through zlib.
std::string gzip_compress(std::string_view data);

}  // namespace brilliant::web
