// `brilliant verify`: checks a downloaded credential offline, trusting nothing of ours but the issuer's
// public key. Each check is reported with what it found; any failure fails the whole.
//   1. the file is JSON, and its proof is an eddsa-jcs-2022 Data Integrity proof whose signature verifies
//      over the JCS form of the credential with the issuer's key;
//   2. with a proof bundle (the certificate page's proof.json): the checkpoint is signed by the same key,
//      the audit path leads from the logged entry to the checkpoint's root (RFC 9162 §2.1.3.2), and the
//      entry names this credential (its "credential_sha256" is SHA-256 of the credential's JCS form).
#pragma once
#include <array>
#include <string>
#include <utility>
#include <vector>

namespace brilliant::trust {

struct Check {
  std::string name;  // "signature", "checkpoint", "inclusion", ...
  bool ok = false;
  std::string detail;
};

struct Verification {
  std::vector<Check> checks;
  bool ok() const;
};

// key: the issuer's public key as a Multikey ("z6Mk..."); empty: taken from a did:key verificationMethod
// in the credential's proof (a did:web issuer's key must be given: offline, nothing is fetched).
Verification verify_credential(const std::string& credential_json, const std::string& proof_bundle_json,
                               const std::string& key);

// Checks an order's evidence bundle (the evidence page's proof.json) offline: the checkpoint signed with
// the key (given, or the bundle's own, which the report says to compare with the hub's published one),
// every entry in the log under it, every listed photo named by its entry; and each given file (name,
// bytes) is one of those photos by its SHA-256.
Verification verify_evidence(const std::string& bundle_json, const std::string& key,
                             const std::vector<std::pair<std::string, std::string>>& files);

// The text of the log entry that records a credential's issue: canonical JSON naming its hash.
std::string credential_entry(const std::string& event, const std::string& credential_sha256_hex);

}  // namespace brilliant::trust
