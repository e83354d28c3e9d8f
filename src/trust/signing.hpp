// Signed credentials anyone can check without us: Ed25519 keys (libsodium) written as Multikey
// (multibase base58btc with the ed25519-pub / ed25519-priv multicodec prefixes, as did:key uses them),
// and W3C Data Integrity proofs with the eddsa-jcs-2022 cryptosuite: the proof options and the document
// are each canonicalised with JCS (RFC 8785) and hashed with SHA-256, and Ed25519 signs the proof hash
// followed by the document hash. Pure: the key's storage lives with whoever holds it.
#pragma once
#include <array>
#include <boost/json/object.hpp>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace brilliant::trust {

struct KeyPair {
  std::array<unsigned char, 32> public_key{};
  std::array<unsigned char, 64> secret_key{};  // libsodium's: the seed followed by the public key
};

KeyPair key_from_seed(const std::array<unsigned char, 32>& seed);
KeyPair new_key();  // from the system's random source

std::string base58btc(std::string_view bytes);
Result<std::string> from_base58btc(std::string_view text);

// "z6Mk...": the public key as a Multikey; "z3u2...": the seed as a private Multikey.
std::string public_multikey(const KeyPair& key);
std::string private_multikey(const KeyPair& key);
Result<std::array<unsigned char, 32>> public_key_of(std::string_view multikey);
Result<KeyPair> key_of_private_multikey(std::string_view multikey);

// The bytes eddsa-jcs-2022 signs: SHA-256(JCS(proof options)) || SHA-256(JCS(document without proof)).
// The proof options take the document's @context when it has one.
Result<std::string> jcs_2022_hash_data(const boost::json::object& document,
                                       const boost::json::object& options);

// The document with a DataIntegrityProof added: `options` holds type, cryptosuite, created,
// verificationMethod and proofPurpose; proofValue is the signature in base58btc multibase.
Result<boost::json::object> sign_jcs_2022(boost::json::object document, boost::json::object options,
                                          const KeyPair& key);
// The proof options the hub's credentials use: eddsa-jcs-2022 by `did`'s "#issuer-key", for assertions.
boost::json::object issuer_proof_options(const std::string& did, const std::string& created);
// Checks a secured document's proof with `public_key`; the error says which part failed (no proof, the
// cryptosuite, the proof value's encoding, the signature).
Result<void> verify_jcs_2022(const boost::json::object& secured,
                             const std::array<unsigned char, 32>& public_key);

}  // namespace brilliant::trust
