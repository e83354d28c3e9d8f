// Password hashing with argon2id through libsodium (crypto_pwhash_str).
// Cost::interactive is libsodium's interactive limits (64 MiB); Cost::minimum exists only so test
// suites that create many users stay fast, and is refused by `serve` unless set explicitly.
#pragma once
#include <string>
#include <string_view>

namespace brilliant::accounts {

enum class Cost { interactive, minimum };

// Returns the encoded hash ("$argon2id$v=19$..."). Throws std::runtime_error when out of memory.
std::string hash_password(std::string_view password, Cost cost);
// True when password matches the encoded hash.
bool verify_password(std::string_view password, const std::string& encoded);

}  // namespace brilliant::accounts
