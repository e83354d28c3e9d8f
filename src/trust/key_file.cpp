#include "trust/key_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

namespace brilliant::trust {

Result<KeyPair> load_or_create_key(const std::filesystem::path& file) {
  if (std::filesystem::exists(file)) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    std::string line = text.str();
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r' || line.back() == ' '))
      line.pop_back();
    auto key = key_of_private_multikey(line);
    if (!key)
      return Error::invalid("issuer_key", "key_file_invalid",
                            file.string() + " does not hold an Ed25519 key");
    return key;
  }
  std::error_code ec;
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
  const auto key = new_key();
  const std::string text = private_multikey(key) + "\n";
  // Written whole under a name of its own, then linked into place: a reader never sees half a key, and of
  // two servers starting at once the second finds the first's key (link fails) and uses it.
  std::string temp = file.string() + ".XXXXXX";
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) return Error::invalid("issuer_key", "key_file_unwritable", "cannot create " + file.string());
  const bool written = ::fchmod(fd, 0600) == 0 &&
                       ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                       ::fsync(fd) == 0;
  ::close(fd);
  const bool linked = written && ::link(temp.c_str(), file.c_str()) == 0;
  const int link_error = errno;
  ::unlink(temp.c_str());
  if (!linked && written && link_error == EEXIST) return load_or_create_key(file);
  if (!linked) return Error::invalid("issuer_key", "key_file_unwritable", "cannot write " + file.string());
  return key;
}

}  // namespace brilliant::trust
