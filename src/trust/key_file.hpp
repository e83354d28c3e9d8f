// The issuer's signing key, kept in a file outside the database (never in the repository): created at
// first start with a new Ed25519 key, readable by its owner only (0600), as one line holding the private
// Multikey. A key file that does not read back is an error, never silently replaced.
#pragma once
#include <filesystem>

#include "core/result.hpp"
#include "trust/signing.hpp"

namespace brilliant::trust {

Result<KeyPair> load_or_create_key(const std::filesystem::path& file);

}  // namespace brilliant::trust
