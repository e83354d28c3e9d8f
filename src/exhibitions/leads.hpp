// Leads met at a fair's booth (issue 19). A phone at the booth captures them, offline when the hall's
// network fails, and syncs later: each lead carries the id its device made, so a retried sync changes
// nothing (duplicate), and an edit made on a stale copy (its base version older than the stored one) is
// kept beside the current lead as a conflict instead of overwriting it, until someone chooses. A visitor
// can also leave their own details through the booth's QR code (consent required). Thread safe.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/fwd.hpp"

namespace brilliant::exhibitions {

struct LeadInput {
  std::string client_id;  // 8-64 of [A-Za-z0-9-]
  int base_version = 0;   // the version the device edited; 0 for a new lead
  std::string name, company, email, phone, country, notes, captured_at;
  std::vector<long long> interests;  // product ids
  int rating = 0;
  bool consent = false;
};

struct Lead {
  long long id = 0, exhibition_id = 0;
  LeadInput fields;
  std::string source;  // booth | visitor
  int version = 1;
  std::string conflict;  // JSON of the edit kept beside it; empty when none
  std::string created_at, updated_at;
};

enum class Synced { created, unchanged, updated, conflict };

struct SyncResult {
  Synced outcome = Synced::created;
  Lead lead;  // as stored now
};

// Checked and trimmed; errors name the field (client_id, name, email, country, rating, notes, consent,
// interests). A visitor's own lead must give consent.
Result<LeadInput> checked_lead(LeadInput in, bool visitor);

class Leads {
 public:
  Leads(db::Database& db, const Clock& clock);
  // From the booth (by `user`) or a visitor (user 0). Interests must be pieces shown at the fair.
  Result<SyncResult> sync(long long exhibition_id, const LeadInput& in, long long user, bool visitor,
                          const std::vector<long long>& pieces_at_fair);
  std::vector<Lead> of(long long exhibition_id);
  // Keeps the stored lead or takes the conflicting edit ("kept" | "theirs"); clears the conflict.
  Result<Lead> resolve(long long exhibition_id, long long lead_id, const std::string& choice);

 private:
  db::Database& db_;
  const Clock& clock_;
};

}  // namespace brilliant::exhibitions
