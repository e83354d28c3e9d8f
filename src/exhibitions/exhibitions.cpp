#include "exhibitions/exhibitions.hpp"

#include <algorithm>
#include <set>
#include <sstream>

#include "core/text.hpp"
#include "exhibitions/repo.hpp"

namespace brilliant::exhibitions {

Exhibitions::Exhibitions(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

Result<Exhibition> Exhibitions::create(const ExhibitionInput& raw) {
  const auto in = TRY(checked(raw));
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<Exhibition> {
    if (repo::find(sql, in.slug)) return Error::conflict("slug", "slug_taken", "an exhibition has this slug");
    return Exhibition{repo::insert(sql, in, now), in};
  });
}

std::vector<Exhibition> Exhibitions::all() {
  return db_.read([](soci::session& sql) { return repo::all(sql); });
}

std::optional<Exhibition> Exhibitions::find(const std::string& slug) {
  return db_.read([&](soci::session& sql) { return repo::find(sql, slug); });
}

Result<void> Exhibitions::apply(const std::string& slug, long long workshop_id, const std::string& raw_note) {
  const std::string note(trim(raw_note));
  if (!valid_utf8(note) || !safe_text_input(note) || utf8_length(note) > 1000)
    return Error::invalid("note", "note_invalid", "note must be text of at most 1,000 characters");
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<void> {
    const auto e = repo::find(sql, slug);
    if (!e) return Error::not_found("exhibition");
    for (const auto& p : repo::participants(sql, e->id))
      if (p.workshop_id == workshop_id && p.state == "selected")
        return Error::conflict("state", "already_selected", "the workshop is already selected");
    repo::upsert_participant(sql, e->id, workshop_id, "applied", note, now, false);
    return {};
  });
}

Result<void> Exhibitions::decide(const std::string& slug, long long workshop_id, const std::string& state) {
  if (state != "selected" && state != "declined")
    return Error::invalid("state", "state_invalid", "state must be selected or declined");
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<void> {
    const auto e = repo::find(sql, slug);
    if (!e) return Error::not_found("exhibition");
    const auto list = repo::participants(sql, e->id);
    if (std::none_of(list.begin(), list.end(),
                     [&](const Participant& p) { return p.workshop_id == workshop_id; }))
      return Error::not_found("application");
    repo::upsert_participant(sql, e->id, workshop_id, state, "", now, true);
    return {};
  });
}

std::vector<Participant> Exhibitions::participants(long long exhibition_id) {
  return db_.read([&](soci::session& sql) { return repo::participants(sql, exhibition_id); });
}

std::optional<Participant> Exhibitions::participant(long long exhibition_id, long long workshop_id) {
  for (auto& p : participants(exhibition_id))
    if (p.workshop_id == workshop_id) return p;
  return std::nullopt;
}

Result<void> Exhibitions::set_piece(const std::string& slug, long long workshop_id, long long product_id,
                                    bool bring, long long wholesale_price, int min_quantity) {
  if (wholesale_price < 0 || wholesale_price > 1000000000)
    return Error::invalid("wholesale_price", "number_invalid",
                          "wholesale_price must be 0 (on request) or more");
  if (min_quantity < 1 || min_quantity > 100000)
    return Error::invalid("min_quantity", "number_invalid", "min_quantity must be 1 to 100,000");
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<void> {
    const auto e = repo::find(sql, slug);
    if (!e) return Error::not_found("exhibition");
    const auto list = repo::participants(sql, e->id);
    if (std::none_of(list.begin(), list.end(), [&](const Participant& p) {
          return p.workshop_id == workshop_id && p.state == "selected";
        }))
      return Error::forbidden("only a selected workshop brings pieces");
    const auto [owner, status] = repo::product_owner(sql, product_id);
    if (owner != workshop_id || (bring && status != "published")) return Error::not_found("piece");
    repo::set_piece(sql, e->id, {product_id, workshop_id, "", wholesale_price, min_quantity}, bring, now);
    return {};
  });
}

std::vector<Piece> Exhibitions::pieces(long long exhibition_id) {
  return db_.read([&](soci::session& sql) { return repo::pieces(sql, exhibition_id); });
}

Results Exhibitions::results(const Exhibition& e) {
  Results r;
  r.cost = e.info.cost;
  long long visitors = 0;
  const auto leads =
      db_.read([&](soci::session& sql) { return repo::lead_countries_and_interests(sql, e.id, &visitors); });
  const auto sales = db_.read([&](soci::session& sql) { return repo::fair_sales(sql, e.id, e.info.slug); });
  const auto quotes = db_.read([&](soci::session& sql) { return repo::fair_quotes(sql, e.id); });
  const auto items = db_.read([&](soci::session& sql) { return repo::fair_items(sql, e.info.slug); });
  r.items_sent = items.sent;
  r.items_back = items.back;
  r.items_sold = items.sold;
  const auto pieces = this->pieces(e.id);
  r.leads = static_cast<long long>(leads.size());
  r.visitors = visitors;
  std::map<std::string, Results::Country> countries;
  std::map<long long, Results::Workshop> by_workshop;
  for (const auto& p : participants(e.id))
    if (p.state == "selected") {
      by_workshop[p.workshop_id].name = p.workshop_ko;
      by_workshop[p.workshop_id].name_en = p.workshop_en;
    }
  for (const auto& [country, interests] : leads) {
    ++countries[country].leads;
    std::istringstream ids(interests);
    std::set<long long> counted;
    for (long long id; ids >> id;)
      for (const auto& p : pieces)
        if (p.product_id == id && counted.insert(p.workshop_id).second) ++by_workshop[p.workshop_id].leads;
  }
  r.quotes = static_cast<long long>(quotes.size());
  for (const auto& [workshop, country] : quotes) {
    ++by_workshop[workshop].quotes;
    ++countries[country].quotes;
  }
  std::set<long long> orders;
  for (const auto& s : sales) {
    auto& c = countries[s.country];
    if (orders.insert(s.order_id).second) ++c.orders;
    r.amount += s.amount;
    c.amount += s.amount;
    auto& w = by_workshop[s.workshop_id];
    w.amount += s.amount;
    ++w.orders;
  }
  r.orders = static_cast<long long>(orders.size());
  for (auto& [country, c] : countries) {
    c.country = country;
    r.countries.push_back(c);
  }
  std::sort(r.countries.begin(), r.countries.end(), [](const auto& a, const auto& b) {
    return a.leads != b.leads ? a.leads > b.leads : a.amount > b.amount;
  });
  for (auto& [id, w] : by_workshop) {
    if (w.name.empty()) w.name.assign(1, '-');  // sold through the sheet's link, but not at the fair
    r.workshops.push_back(w);
  }
  std::sort(r.workshops.begin(), r.workshops.end(), [](const auto& a, const auto& b) {
    return a.amount != b.amount ? a.amount > b.amount : a.leads > b.leads;
  });
  return r;
}

Result<void> Exhibitions::translate(long long workshop_id, long long product_id, const std::string& lang,
                                    const std::string& raw_title, const std::string& raw_story,
                                    bool machine_draft) {
  if (lang != "zh" && lang != "ja") return Error::invalid("lang", "lang_invalid", "lang must be zh or ja");
  const std::string title(trim(raw_title)), story(trim(raw_story));
  if (!valid_utf8(title) || !single_line(title) || !safe_text_input(title) || utf8_length(title) > 120)
    return Error::invalid("title", "title_invalid", "title must be one line of at most 120 characters");
  if (!valid_utf8(story) || !safe_text_input(story) || utf8_length(story) > 4000)
    return Error::invalid("story", "story_invalid", "story must be text of at most 4,000 characters");
  if (title.empty() && !story.empty())
    return Error::invalid("title", "field_required", "a translated story needs its title");
  const auto now = format_utc(clock_.now());
  return db_.write([&](soci::session& sql) -> Result<void> {
    if (repo::product_owner(sql, product_id).first != workshop_id || !workshop_id)
      return Error::not_found("piece");
    repo::set_translation(sql, product_id, lang, {title, story, machine_draft}, now);
    return {};
  });
}

std::map<std::pair<long long, std::string>, Translation> Exhibitions::translations(
    const std::vector<long long>& products) {
  auto all = db_.read([](soci::session& sql) { return repo::translations(sql); });
  std::erase_if(all, [&](const auto& entry) {
    return std::find(products.begin(), products.end(), entry.first.first) == products.end();
  });
  return all;
}

}  // namespace brilliant::exhibitions
