#include "media/zip.hpp"

#include <zip.h>

#include <memory>

namespace brilliant::media {

namespace {

Error zip_failed(const std::string& what) {
  return Error::invalid("zip", "zip_failed", "the archive could not be made: " + what);
}

}  // namespace

Result<std::string> zip_files(const std::vector<std::pair<std::string, std::string>>& files) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!buffer) return zip_failed(zip_error_strerror(&error));
  const std::unique_ptr<zip_source_t, decltype(&zip_source_free)> keep(buffer, &zip_source_free);
  zip_source_keep(buffer);  // survives zip_close, to be read back
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (!archive) return zip_failed(zip_error_strerror(&error));
  for (const auto& [name, bytes] : files) {
    zip_source_t* file = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
    const auto index = file ? zip_file_add(archive, name.c_str(), file, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      if (file) zip_source_free(file);
      const std::string why = zip_strerror(archive);
      zip_discard(archive);
      return zip_failed(name + ": " + why);
    }
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  if (zip_close(archive) != 0) {
    const std::string why = zip_strerror(archive);
    zip_discard(archive);
    return zip_failed(why);
  }
  zip_stat_t stat;
  if (zip_source_stat(buffer, &stat) != 0 || zip_source_open(buffer) != 0) return zip_failed("read back");
  std::string out(static_cast<size_t>(stat.size), '\0');
  const auto read = zip_source_read(buffer, out.data(), out.size());
  zip_source_close(buffer);
  if (read < 0 || static_cast<size_t>(read) != out.size()) return zip_failed("read back");
  return out;
}

}  // namespace brilliant::media
