#include "exhibitions/leads.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "core/text.hpp"
#include "exhibitions/leads_repo.hpp"

namespace brilliant::exhibitions {
namespace json = boost::json;
namespace {

Result<std::string> text(std::string value, const char* field, size_t most, bool one_line) {
  value = std::string(trim(value));
  if (!valid_utf8(value) || !safe_text_input(value) || utf8_length(value) > most ||
      (one_line && !single_line(value)))
    return Error::invalid(field, std::string(field) + "_invalid",
                          std::string(field) + " must be " + (one_line ? "one line of " : "") + "at most " +
                              std::to_string(most) + " characters");
  return value;
}

bool same(const LeadInput& a, const LeadInput& b) {
  return a.name == b.name && a.company == b.company && a.email == b.email && a.phone == b.phone &&
         a.country == b.country && a.notes == b.notes && a.interests == b.interests && a.rating == b.rating &&
         a.consent == b.consent;
}

std::string conflict_json(const LeadInput& in) {
  json::array interests;
  for (long long id : in.interests) interests.push_back(id);
  return json::serialize(json::object{{"name", in.name},
                                      {"company", in.company},
                                      {"email", in.email},
                                      {"phone", in.phone},
                                      {"country", in.country},
                                      {"notes", in.notes},
                                      {"interests", interests},
                                      {"rating", in.rating},
                                      {"consent", in.consent},
                                      {"base_version", in.base_version}});
}

LeadInput from_conflict(const std::string& text, LeadInput base) {
  const auto o = json::parse(text).as_object();
  for (auto [key, field] : {std::pair{"name", &base.name},
                            {"company", &base.company},
                            {"email", &base.email},
                            {"phone", &base.phone},
                            {"country", &base.country},
                            {"notes", &base.notes}})
    *field = std::string(o.at(key).as_string());
  base.interests.clear();
  for (const auto& id : o.at("interests").as_array()) base.interests.push_back(id.as_int64());
  base.rating = static_cast<int>(o.at("rating").as_int64());
  base.consent = o.at("consent").as_bool();
  return base;
}

}  // namespace

Result<LeadInput> checked_lead(LeadInput in, bool visitor) {
  in.client_id = std::string(trim(in.client_id));
  if (in.client_id.size() < 8 || in.client_id.size() > 64 ||
      !std::all_of(in.client_id.begin(), in.client_id.end(),
                   [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; }))
    return Error::invalid("client_id", "client_id_invalid",
                          "client_id must be 8-64 of letters, digits and '-'");
  in.name = TRY(text(in.name, "name", 120, true));
  if (in.name.empty()) return Error::invalid("name", "field_required", "name is required");
  in.company = TRY(text(in.company, "company", 160, true));
  in.email = TRY(text(in.email, "email", 200, true));
  if (!in.email.empty() &&
      (in.email.find('@') == std::string::npos || in.email.find(' ') != std::string::npos))
    return Error::invalid("email", "email_invalid", "email is not an address");
  in.phone = TRY(text(in.phone, "phone", 40, true));
  in.country = TRY(text(in.country, "country", 2, true));
  for (char& c : in.country) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (!in.country.empty() &&
      (in.country.size() != 2 || !std::isalpha(static_cast<unsigned char>(in.country[0])) ||
       !std::isalpha(static_cast<unsigned char>(in.country[1]))))
    return Error::invalid("country", "country_invalid", "country is two letters, like HK");
  in.notes = TRY(text(in.notes, "notes", 2000, false));
  if (in.rating < 0 || in.rating > 5) return Error::invalid("rating", "rating_invalid", "rating is 0 to 5");
  if (in.base_version < 0)
    return Error::invalid("base_version", "number_invalid", "base_version is 0 or more");
  if (visitor && !in.consent)
    return Error::invalid("consent", "consent_required", "agree to be contacted to leave your details");
  if (in.email.empty() && in.phone.empty() && visitor)
    return Error::invalid("email", "field_required", "an email or a phone number is needed to reach you");
  std::sort(in.interests.begin(), in.interests.end());
  in.interests.erase(std::unique(in.interests.begin(), in.interests.end()), in.interests.end());
  return in;
}

Leads::Leads(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

Result<SyncResult> Leads::sync(long long exhibition_id, const LeadInput& raw, long long user, bool visitor,
                               const std::vector<long long>& pieces_at_fair) {
  auto in = TRY(checked_lead(raw, visitor));
  for (long long id : in.interests)
    if (std::find(pieces_at_fair.begin(), pieces_at_fair.end(), id) == pieces_at_fair.end())
      return Error::invalid("interests", "interest_unknown", "interests must be pieces shown at the fair");
  const auto now = format_utc(clock_.now());
  if (in.captured_at.empty() || !valid_utf8(in.captured_at) || in.captured_at.size() > 40)
    in.captured_at = now;
  return db_.write([&](soci::session& sql) -> Result<SyncResult> {
    auto stored = leads_repo::by_client(sql, exhibition_id, in.client_id);
    if (!stored) {
      const auto id = leads_repo::insert(sql, exhibition_id, in, visitor ? "visitor" : "booth", user, now);
      return SyncResult{Synced::created, *leads_repo::by_id(sql, exhibition_id, id)};
    }
    if (visitor) return Error::conflict("client_id", "lead_exists", "these details were already left");
    if (same(stored->fields, in)) return SyncResult{Synced::unchanged, *stored};
    if (in.base_version == stored->version) {
      leads_repo::update(sql, stored->id, in, stored->version + 1, stored->conflict, now);
      return SyncResult{Synced::updated, *leads_repo::by_id(sql, exhibition_id, stored->id)};
    }
    // Edited on an older copy: both are kept, and someone chooses.
    leads_repo::set_conflict(sql, stored->id, conflict_json(in), now);
    return SyncResult{Synced::conflict, *leads_repo::by_id(sql, exhibition_id, stored->id)};
  });
}

std::vector<Lead> Leads::of(long long exhibition_id) {
  return db_.read([&](soci::session& sql) { return leads_repo::of(sql, exhibition_id); });
}

Result<Lead> Leads::resolve(long long exhibition_id, long long lead_id, const std::string& choice) {
  if (choice != "kept" && choice != "theirs")
    return Error::invalid("choice", "choice_invalid", "choice must be kept or theirs");
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<Lead> {
    auto stored = leads_repo::by_id(sql, exhibition_id, lead_id);
    if (!stored) return Error::not_found("lead");
    if (stored->conflict.empty()) return Error::conflict("choice", "no_conflict", "the lead has no conflict");
    const auto chosen = choice == "kept" ? stored->fields : from_conflict(stored->conflict, stored->fields);
    leads_repo::update(sql, stored->id, chosen, stored->version + 1, "", now);
    return *leads_repo::by_id(sql, exhibition_id, stored->id);
  });
}

}  // namespace brilliant::exhibitions
