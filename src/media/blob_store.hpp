// Files addressed by their SHA-256 (DESIGN.md §5): var/blobs/ab/cdef... Storing the same bytes twice
// stores them once. Writes go to a temporary file that is renamed into place, so a crash never leaves a
// half-written blob under its name. One interface, so an object store can replace the folder at scale.
// Thread safe.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace brilliant::media {

class BlobStore {
 public:
  virtual ~BlobStore() = default;
  // Stores bytes and returns their lower-case hex SHA-256. Throws std::runtime_error on I/O failure.
  virtual std::string put(std::string_view bytes) = 0;
  virtual std::optional<std::string> get(const std::string& hash) const = 0;
  virtual bool has(const std::string& hash) const = 0;
};

class FolderBlobStore final : public BlobStore {
 public:
  explicit FolderBlobStore(std::filesystem::path root);
  std::string put(std::string_view bytes) override;
  std::optional<std::string> get(const std::string& hash) const override;
  bool has(const std::string& hash) const override;
  std::filesystem::path path_of(const std::string& hash) const;

 private:
  std::filesystem::path root_;
};

// True for 64 lower-case hex digits (so a hash from a URL cannot walk the file system).
bool valid_hash(std::string_view hash);

}  // namespace brilliant::media
