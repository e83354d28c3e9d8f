#include "exhibitions/views_json.hpp"

#include <boost/json.hpp>

namespace brilliant::exhibitions {
namespace json = boost::json;

json::object exhibition_json(const Exhibition& e, const std::string& locale) {
  const auto& i = e.info;
  return {{"slug", i.slug},           {"name", locale == "en" ? i.name_en : i.name_ko},
          {"name_ko", i.name_ko},     {"name_en", i.name_en},
          {"city", i.city},           {"country", i.country},
          {"venue", i.venue},         {"booth", i.booth},
          {"starts_on", i.starts_on}, {"ends_on", i.ends_on},
          {"currency", i.currency},   {"url", sheet_path(i.slug, locale == "en" ? "en" : "ko")}};
}

json::object participant_json(const Participant& p, const std::string& locale) {
  return {{"workshop_id", p.workshop_id},
          {"workshop_slug", p.workshop_slug},
          {"workshop", locale == "en" && !p.workshop_en.empty() ? p.workshop_en : p.workshop_ko},
          {"state", p.state},
          {"note", p.note},
          {"applied", p.state == "applied"},
          {"selected", p.state == "selected"},
          {"declined", p.state == "declined"}};
}

json::object sheet_json(const Sheet& s) {
  json::array lines;
  for (const auto& l : s.lines) {
    json::object o{{"product_id", l.product_id}, {"slug", l.slug},         {"title", l.title},
                   {"story", l.story},           {"workshop", l.workshop}, {"material", l.material},
                   {"retail", l.retail},         {"url", l.url},           {"machine_draft", l.machine_draft},
                   {"fallback", l.fallback}};
    if (!l.retail_foreign.empty()) o["retail_foreign"] = l.retail_foreign;
    if (!l.image_url.empty()) o["image_url"] = l.image_url;
    if (s.wholesale) {
      o["wholesale"] = l.wholesale;
      o["min_quantity"] = l.min_quantity;
    }
    lines.push_back(std::move(o));
  }
  json::object words;
  for (const char* key : {"line_sheet", "booth", "retail", "wholesale", "min_quantity", "buyers_only",
                          "workshop", "material", "machine_draft", "dates", "scan"})
    words[key] = label(s.lang, key);
  return {{"lang", s.lang},
          {"name", s.name},
          {"city", s.city},
          {"country", s.country},
          {"venue", s.venue},
          {"booth", s.booth},
          {"dates", s.dates},
          {"currency", s.currency},
          {"url", s.url},
          {"wholesale", s.wholesale},
          {"pieces", std::move(lines)},
          {"has_pieces", !s.lines.empty()},
          {"words", std::move(words)}};
}

}  // namespace brilliant::exhibitions
