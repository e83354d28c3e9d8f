// SQL for exhibitions (issue 19). Functions take the session they run on.
#pragma once
#include <optional>

#include "db/database.hpp"
#include "exhibitions/exhibitions.hpp"

namespace brilliant::exhibitions::repo {

long long insert(soci::session& sql, const ExhibitionInput& in, const std::string& now);
std::vector<Exhibition> all(soci::session& sql);
std::optional<Exhibition> find(soci::session& sql, const std::string& slug);

std::vector<Participant> participants(soci::session& sql, long long exhibition_id);
void upsert_participant(soci::session& sql, long long exhibition_id, long long workshop_id,
                        const std::string& state, const std::string& note, const std::string& now,
                        bool decided);

std::vector<Piece> pieces(soci::session& sql, long long exhibition_id);
void set_piece(soci::session& sql, long long exhibition_id, const Piece& piece, bool bring,
               const std::string& now);
// The piece's workshop and status ("" when there is no such piece).
std::pair<long long, std::string> product_owner(soci::session& sql, long long product_id);

// Leads' countries and interests ("" when none), and paid orders from the line sheet's links per workshop.
std::vector<std::pair<std::string, std::string>> lead_countries_and_interests(soci::session& sql,
                                                                              long long exhibition_id,
                                                                              long long* visitors);
// A workshop's part of a paid order that came from the fair: through the line sheet's links
// (utm_source=exhibition, utm_campaign=slug), or placed from a quote asked from its line sheet (then with
// the buyer's country).
struct FairSale {
  long long order_id = 0, workshop_id = 0, amount = 0;
  std::string country;  // a B2B buyer's; "" for a shopper
};
std::vector<FairSale> fair_sales(soci::session& sql, long long exhibition_id, const std::string& slug);
// The studio's items that travelled to the fair (item events whose note is its slug): how many were sent,
// came back and were sold there.
struct FairItems {
  long long sent = 0, back = 0, sold = 0;
};
FairItems fair_items(soci::session& sql, const std::string& slug);
// Quotes asked from the fair's line sheet: the workshop asked and the buyer's country.
std::vector<std::pair<long long, std::string>> fair_quotes(soci::session& sql, long long exhibition_id);

void set_translation(soci::session& sql, long long product_id, const std::string& lang, const Translation& t,
                     const std::string& now);
std::map<std::pair<long long, std::string>, Translation> translations(soci::session& sql);

}  // namespace brilliant::exhibitions::repo
