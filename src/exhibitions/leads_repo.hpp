// SQL for the booth's leads (issue 19).
#pragma once
#include <optional>

#include "db/database.hpp"
#include "exhibitions/leads.hpp"

namespace brilliant::exhibitions::leads_repo {

std::optional<Lead> by_client(soci::session& sql, long long exhibition_id, const std::string& client_id);
std::optional<Lead> by_id(soci::session& sql, long long exhibition_id, long long id);
std::vector<Lead> of(soci::session& sql, long long exhibition_id);
long long insert(soci::session& sql, long long exhibition_id, const LeadInput& in, const std::string& source,
                 long long user, const std::string& now);
// Writes the fields, the next version, and the conflict (empty clears it).
void update(soci::session& sql, long long id, const LeadInput& in, int version, const std::string& conflict,
            const std::string& now);
void set_conflict(soci::session& sql, long long id, const std::string& conflict, const std::string& now);

}  // namespace brilliant::exhibitions::leads_repo
