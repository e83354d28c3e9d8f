#include "core/secret.hpp"

#include <sodium.h>

#include <stdexcept>
#include <vector>

namespace brilliant {
namespace {

void ensure_sodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium failed to initialise");
}

}  // namespace

std::string random_token(size_t bytes) {
  ensure_sodium();
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.find('\0'));
  return out;
}

bool is_random_token(std::string_view text, size_t bytes) {
  const size_t length = (bytes * 4 + 2) / 3;  // base64 without padding
  if (text.size() != length) return false;
  for (char ch : text)
    if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' ||
          ch == '_'))
      return false;
  return true;
}

std::string random_code(size_t count, std::string_view alphabet) {
  if (alphabet.empty() || 256 % alphabet.size() != 0)
    throw std::invalid_argument("random_code: the alphabet's size must divide 256");
  ensure_sodium();
  std::vector<unsigned char> raw(count);
  randombytes_buf(raw.data(), raw.size());
  std::string out;
  for (unsigned char byte : raw) out += alphabet[byte % alphabet.size()];
  return out;
}

namespace {
constexpr std::string_view crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
}

std::string printable_code(std::string_view prefix) {
  const auto code = random_code(8, crockford);
  return std::string(prefix) + "-" + code.substr(0, 4) + "-" + code.substr(4);
}

bool is_printable_code(std::string_view text, std::string_view prefix) {
  if (text.size() != prefix.size() + 10 || !text.starts_with(prefix)) return false;
  text.remove_prefix(prefix.size());
  if (text[0] != '-' || text[5] != '-') return false;
  for (size_t i = 1; i < 10; ++i)
    if (i != 5 && crockford.find(text[i]) == std::string_view::npos) return false;
  return true;
}

std::string sha256_hex(std::string_view data) {
  ensure_sodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

bool secrets_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string base64(std::string_view bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.pop_back();  // the terminating NUL
  return out;
}

std::optional<std::string> from_base64(std::string_view text) {
  std::string out(text.size(), '\0');
  size_t len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(),
                        nullptr, &len, &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != text.data() + text.size())
    return std::nullopt;
  out.resize(len);
  return out;
}

std::string seal(std::string_view plain, const SealKey& key) {
  ensure_sodium();
  std::string out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size(), '\0');
  auto* nonce = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(plain.data()), plain.size(), nonce,
                        key.data());
  return base64(out);
}

std::optional<std::string> open_sealed(std::string_view sealed, const SealKey& key) {
  ensure_sodium();
  const auto raw = from_base64(sealed);
  if (!raw || raw->size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) return std::nullopt;
  const auto* nonce = reinterpret_cast<const unsigned char*>(raw->data());
  const auto box_size = raw->size() - crypto_secretbox_NONCEBYTES;
  std::string plain(box_size - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()),
                                 nonce + crypto_secretbox_NONCEBYTES, box_size, nonce, key.data()) != 0)
    return std::nullopt;
  return plain;
}

SealKey derive_key(const std::array<unsigned char, 32>& master, std::string_view context,
                   unsigned long long id) {
  ensure_sodium();
  if (context.size() != crypto_kdf_CONTEXTBYTES)
    throw std::invalid_argument("a key's context is 8 characters");
  const std::string ctx(context);
  SealKey key{};
  crypto_kdf_derive_from_key(key.data(), key.size(), id, ctx.c_str(), master.data());
  return key;
}

}  // namespace brilliant
