// Joint exhibitions (issue 19): the operator plans a fair and sets exchange rates; workshops apply from the
// console and the operator selects them; a selected workshop chooses the pieces it brings (with a wholesale
// price and minimum quantity) and gives their names and stories in Chinese and Japanese for the line sheet.
// Thread safe (state lives in the database).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/fwd.hpp"
#include "exhibitions/rules.hpp"

namespace brilliant::exhibitions {

struct Exhibition {
  long long id = 0;
  ExhibitionInput info;
};

struct Participant {
  long long workshop_id = 0;
  std::string workshop_slug, workshop_ko, workshop_en, state, note, created_at;
};

struct Piece {
  long long product_id = 0, workshop_id = 0;
  std::string slug;
  long long wholesale_price = 0;  // won; 0: on request
  int min_quantity = 1;
};

struct Translation {
  std::string title, story;
  bool machine_draft = false;
};

// What a fair brought (issue 19's results report): leads at the booth (and how many visitors left their own
// details), by country and by workshop (a lead counts for each workshop whose piece interested it); B2B
// quotes asked from its line sheet; and the paid orders that came from it (through the line sheet's links,
// or placed from those quotes), by workshop and, for B2B orders, by the buyer's country.
struct Results {
  long long leads = 0, visitors = 0, quotes = 0, orders = 0, amount = 0, cost = 0;
  long long items_sent = 0, items_back = 0, items_sold = 0;  // the studio's items that travelled
  struct Country {
    std::string country;  // "" unknown (a shopper's order, a lead without one)
    long long leads = 0, quotes = 0, orders = 0, amount = 0;
  };
  std::vector<Country> countries;  // most leads first, then most amount
  struct Workshop {
    std::string name, name_en;  // Korean, English
    long long leads = 0, quotes = 0, orders = 0, amount = 0;
  };
  std::vector<Workshop> workshops;  // selected workshops, by amount then leads
};

class Exhibitions {
 public:
  Exhibitions(db::Database& db, const Clock& clock);

  Result<Exhibition> create(const ExhibitionInput& in);
  std::vector<Exhibition> all();  // soonest last: newest first by start
  std::optional<Exhibition> find(const std::string& slug);

  // A workshop asks to take part (again, after a decline: back to applied). Errors: not_found.
  Result<void> apply(const std::string& slug, long long workshop_id, const std::string& note);
  // The operator's decision: selected or declined (field "state"); a workshop that did not apply is
  // not_found.
  Result<void> decide(const std::string& slug, long long workshop_id, const std::string& state);
  std::vector<Participant> participants(long long exhibition_id);
  std::optional<Participant> participant(long long exhibition_id, long long workshop_id);

  // A selected workshop brings (or stops bringing) one of its published pieces. Errors: forbidden when the
  // workshop is not selected, not_found for another's or an unpublished piece, wholesale_price /
  // min_quantity.
  Result<void> set_piece(const std::string& slug, long long workshop_id, long long product_id, bool bring,
                         long long wholesale_price, int min_quantity);
  std::vector<Piece> pieces(long long exhibition_id);
  Results results(const Exhibition& exhibition);

  // A piece's name and story in zh or ja, by its own workshop (field "lang", "title", "story").
  Result<void> translate(long long workshop_id, long long product_id, const std::string& lang,
                         const std::string& title, const std::string& story, bool machine_draft = false);
  // (product, lang) -> its translation.
  std::map<std::pair<long long, std::string>, Translation> translations(
      const std::vector<long long>& products);

 private:
  db::Database& db_;
  const Clock& clock_;
};

}  // namespace brilliant::exhibitions
