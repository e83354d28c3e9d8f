#include "media/blob_store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/secret.hpp"

namespace brilliant::media {

bool valid_hash(std::string_view hash) {
  if (hash.size() != 64) return false;
  for (char c : hash)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

FolderBlobStore::FolderBlobStore(std::filesystem::path root) : root_(std::move(root)) {
  std::filesystem::create_directories(root_);
}

std::filesystem::path FolderBlobStore::path_of(const std::string& hash) const {
  return root_ / hash.substr(0, 2) / hash.substr(2);
}

std::string FolderBlobStore::put(std::string_view bytes) {
  const auto hash = sha256_hex(bytes);
  const auto final_path = path_of(hash);
  if (std::filesystem::exists(final_path)) return hash;  // idempotent: same bytes, same name
  std::filesystem::create_directories(final_path.parent_path());
  const auto temp = final_path.string() + ".tmp-" + random_token(6);
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0644);
  if (fd < 0) throw std::runtime_error("cannot create " + temp);
  size_t written = 0;
  while (written < bytes.size()) {
    const auto n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n <= 0) {
      ::close(fd);
      std::filesystem::remove(temp);
      throw std::runtime_error("cannot write " + temp);
    }
    written += static_cast<size_t>(n);
  }
  // Durable before it gets its name: evidence must survive a crash.
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    std::filesystem::remove(temp);
    throw std::runtime_error("cannot sync " + temp);
  }
  std::filesystem::rename(temp, final_path);
  return hash;
}

std::optional<std::string> FolderBlobStore::get(const std::string& hash) const {
  if (!valid_hash(hash)) return std::nullopt;
  std::ifstream in(path_of(hash), std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

bool FolderBlobStore::has(const std::string& hash) const {
  return valid_hash(hash) && std::filesystem::exists(path_of(hash));
}

}  // namespace brilliant::media
