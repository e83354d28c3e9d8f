#include "web/static_files.hpp"

#include <zlib.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/secret.hpp"

namespace brilliant::web {
namespace {

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

bool is_text(std::string_view type) {
  return type.starts_with("text/") || type.starts_with("application/javascript") ||
         type.starts_with("application/json") || type.starts_with("image/svg+xml");
}

std::string with_fingerprint(const std::string& relative, const std::string& fingerprint) {
  auto dot = relative.rfind('.');
  auto slash = relative.rfind('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash))
    return relative + "." + fingerprint;
  return relative.substr(0, dot) + "." + fingerprint + relative.substr(dot);
}

bool etag_matches(std::string_view header, std::string_view etag) {
  if (header == "*") return true;
  return header.find(etag) != std::string_view::npos;
}

}  // namespace

std::string_view content_type_for(std::string_view ext) {
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "application/javascript; charset=utf-8";
  if (ext == ".json") return "application/json";
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
  if (ext == ".webp") return "image/webp";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  return "application/octet-stream";
}

std::string gzip_compress(std::string_view data) {
  z_stream zs{};
  if (deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("deflateInit2 failed");
  std::string out(deflateBound(&zs, data.size()), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&zs, Z_FINISH);
  deflateEnd(&zs);
  if (rc != Z_STREAM_END) throw std::runtime_error("gzip failed");
  out.resize(zs.total_out);
  return out;
}

StaticFiles::StaticFiles(const std::filesystem::path& dir) {
  if (!std::filesystem::is_directory(dir)) return;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    auto relative = std::filesystem::relative(entry.path(), dir).generic_string();
    File& file = files_[relative];  // in place: a File holds a once_flag, which cannot move
    file.body = read_all(entry.path());
    file.type = std::string(content_type_for(entry.path().extension().string()));
    auto digest = sha256_hex(file.body);
    file.fingerprint = digest.substr(0, 10);
    file.etag = "\"" + digest.substr(0, 32) + "\"";
    fingerprinted_.emplace(with_fingerprint(relative, file.fingerprint), relative);
  }
}

const std::string& StaticFiles::File::gzip() const {
  std::call_once(packed_once_, [this] {
    if (!is_text(type) || body.size() <= 256) return;
    auto packed = gzip_compress(body);
    if (packed.size() < body.size() * 9 / 10) gzip_ = std::move(packed);
  });
  return gzip_;
}

std::string StaticFiles::url(std::string_view relative) const {
  auto it = files_.find(relative);
  if (it == files_.end()) return "/static/" + std::string(relative);
  return "/static/" + with_fingerprint(std::string(relative), it->second.fingerprint);
}

std::optional<Response> StaticFiles::serve(const Request& request) const {
  std::string_view relative = request.path;
  if (!relative.starts_with("/static/")) return std::nullopt;
  relative.remove_prefix(8);
  bool immutable = false;
  auto it = files_.find(relative);
  if (it == files_.end()) {
    auto fp = fingerprinted_.find(relative);
    if (fp == fingerprinted_.end()) return std::nullopt;
    it = files_.find(fp->second);
    immutable = true;
  }
  const File& file = it->second;
  Response response;
  response.add("ETag", file.etag);
  response.add("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "public, no-cache");
  response.add("Vary", "Accept-Encoding");
  // A service worker (static/js/*-sw.js) may control pages outside /static/ (the booth app's offline copy).
  if (relative.ends_with("-sw.js")) response.add("Service-Worker-Allowed", "/");
  if (etag_matches(request.header("if-none-match"), file.etag)) {
    response.status = 304;
    return response;
  }
  response.add("Content-Type", file.type);
  if (request.header("accept-encoding").find("gzip") != std::string_view::npos && !file.gzip().empty()) {
    response.add("Content-Encoding", "gzip");
    response.body = file.gzip();
  } else {
    response.body = file.body;
  }
  return response;
}

}  // namespace brilliant::web
