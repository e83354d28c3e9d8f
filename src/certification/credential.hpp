// A certificate as a W3C Verifiable Credential 2.0 (issue 11), signed with the eddsa-jcs-2022
// cryptosuite (trust/signing.hpp), and the Bitstring Status Lists that publish its status: one list for
// revocation (withdrawn) and one for suspension, each bit a certificate's status_index, gzip-compressed
// and base64url-encoded as the Bitstring Status List spec says. Pure: the caller gives the times and key.
#pragma once
#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "trust/signing.hpp"

namespace brilliant::certification {

struct CredentialFacts {
  std::string base_url;  // "https://brilliant.example"
  std::string did;       // "did:web:brilliant.example"
  std::string number;
  std::string workshop_name_ko, workshop_name_en, workshop_slug;
  int level = 0;
  int score = 0;
  int version = 0;
  std::string scope;
  std::vector<std::string> claims;
  long long status_index = 0;
  std::string valid_from, valid_until;  // UTC ISO date-times
};

// The signed credential (with its DataIntegrityProof).
Result<boost::json::object> issue_credential(const CredentialFacts& facts, const trust::KeyPair& key);

// SHA-256 hex of a credential's JCS form: what the log's entries name.
std::string credential_hash(const boost::json::object& credential);

// The text of a log entry recording a certificate event: canonical JSON with the event, the
// credential's hash (as trust::verify_credential looks for it), the number and the time.
std::string certificate_entry(const std::string& event, const std::string& credential_sha256,
                              const std::string& number, const std::string& at);
// The entry recording an evidence file: its SHA-256, the criterion it supports and the application.
std::string evidence_entry(const std::string& sha256, const std::string& code, long long application_id,
                           const std::string& at);

// The status list's bits: gzip, then multibase base64url ("u..."); at least 131,072 bits (16 KB) so
// that a list does not tell how many certificates there are.
std::string encode_status_list(const std::vector<long long>& set_indexes);
// The inverse, for tests and verifiers: the indexes whose bit is set.
Result<std::vector<long long>> decode_status_list(const std::string& encoded);

// The signed BitstringStatusListCredential for `purpose` ("revocation" or "suspension").
Result<boost::json::object> status_list_credential(const std::string& base_url, const std::string& did,
                                                   const std::string& purpose,
                                                   const std::vector<long long>& set_indexes,
                                                   const std::string& now, const trust::KeyPair& key);

}  // namespace brilliant::certification
