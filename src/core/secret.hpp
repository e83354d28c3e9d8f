// Random tokens and hashes through libsodium (never hand-written crypto).
#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace brilliant {

// A URL-safe random token carrying `bytes` bytes of entropy (base64url, no padding).
std::string random_token(size_t bytes = 32);
// True when text has exactly the form random_token(bytes) gives (length and base64url alphabet): how a
// token that a client sends back is told from anything else it could send.
bool is_random_token(std::string_view text, size_t bytes = 32);
// `count` characters drawn uniformly from `alphabet` (whose size must divide 256), e.g. order numbers.
std::string random_code(size_t count, std::string_view alphabet);
// A short printable code for paper and people: `prefix`, "-", then two groups of four characters of
// Crockford's base32 (no I, L, O, U), 40 random bits: "ECO-7K2M-Q9PX" for certificates, "IT-..." for
// items. is_printable_code checks that exact form (so a code from a URL is safe to use as a key).
std::string printable_code(std::string_view prefix);
bool is_printable_code(std::string_view text, std::string_view prefix);
// Lower-case hex SHA-256 of data: how tokens are stored (the database never holds a live token).
std::string sha256_hex(std::string_view data);
// Standard base64 with padding (RFC 4648 §4), as mail headers and the transparency log's JSON carry bytes;
// from_base64 gives nothing for text that is not exactly that.
std::string base64(std::string_view bytes);
std::optional<std::string> from_base64(std::string_view text);
// Constant-time equality for secrets of any length.
bool secrets_equal(std::string_view a, std::string_view b);

// A secret this installation must use again (a simulcast target's stream key), kept encrypted at rest:
// libsodium's secretbox (XSalsa20-Poly1305) under a 32-byte key, as base64 of a random nonce and the
// box. open_sealed gives nothing when the text was not sealed under that key or was changed.
using SealKey = std::array<unsigned char, 32>;
std::string seal(std::string_view plain, const SealKey& key);
std::optional<std::string> open_sealed(std::string_view sealed, const SealKey& key);
// A key for one purpose (`context`: exactly 8 characters) derived from a 32-byte master secret
// (libsodium's crypto_kdf), so one secret the installation keeps can serve several purposes apart.
SealKey derive_key(const std::array<unsigned char, 32>& master, std::string_view context,
                   unsigned long long id = 1);

}  // namespace brilliant
