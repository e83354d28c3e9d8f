// Account values: plain structs, no SQL, no HTTP.
#pragma once
#include <cstdint>
#include <string>

#include "web/principal.hpp"

namespace brilliant::accounts {

// An API token as its owner sees it listed (never the token itself: only its hash is stored).
struct ApiToken {
  long long id = 0;
  std::string name, created_at, expires_at, revoked_at;  // UTC; revoked_at empty: not revoked
  bool live = false;                                     // neither revoked nor expired
};

struct User {
  long long id = 0;
  std::string email;
  std::string name;
  std::string password_hash;
  std::string locale = "ko";
  std::string status = "active";  // active | disabled | deleted (closed by its owner; personal data erased)
  std::string created_at;
  uint32_t roles = 0;
  long long workshop_id = 0;
  bool workshop_owner = false;
  bool workshop_suspended = false;
};

struct SignupInput {
  std::string email;
  std::string name;
  std::string password;
  std::string locale = "ko";
  // What the person agreed to (issue 15): the versions of the terms and privacy policy the page showed
  // (empty: a command-line account, no consent recorded) and the optional marketing opt-in, off unless
  // ticked.
  std::string terms_version, privacy_version;
  bool marketing = false;
};

// One consent decision, never changed (PIPA §22): the latest per item is what holds.
struct Consent {
  std::string item;  // terms | privacy | marketing
  std::string version;
  bool agreed = false;
  std::string source;  // signup | account | api
  std::string created_at;
};

web::Principal to_principal(const User& user);

}  // namespace brilliant::accounts
