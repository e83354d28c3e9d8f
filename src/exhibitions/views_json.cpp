#include "exhibitions/views_json.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "web/json_input.hpp"

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
          {"workshop", in_language(locale == "en", p.workshop_ko, p.workshop_en)},
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

namespace brilliant::exhibitions {

json::object lead_json(const Lead& l) {
  const auto& f = l.fields;
  json::array interests;
  for (long long id : f.interests) interests.push_back(id);
  json::object o{{"id", l.id},
                 {"client_id", f.client_id},
                 {"name", f.name},
                 {"company", f.company},
                 {"email", f.email},
                 {"phone", f.phone},
                 {"country", f.country},
                 {"notes", f.notes},
                 {"rating", f.rating},
                 {"consent", f.consent},
                 {"interests", interests},
                 {"source", l.source},
                 {"version", l.version},
                 {"captured_at", f.captured_at}};
  o["has_conflict"] = !l.conflict.empty();
  if (!l.conflict.empty()) o["conflict"] = json::parse(l.conflict);
  return o;
}

Result<LeadInput> lead_input_json(const json::object& o) {
  LeadInput in;
  for (auto [key, field] : {std::pair{"client_id", &in.client_id},
                            {"name", &in.name},
                            {"company", &in.company},
                            {"email", &in.email},
                            {"phone", &in.phone},
                            {"country", &in.country},
                            {"notes", &in.notes},
                            {"captured_at", &in.captured_at}}) {
    if (!o.contains(key)) continue;
    if (!o.at(key).is_string())
      return Error::invalid(key, "field_invalid", std::string(key) + " must be text");
    *field = std::string(o.at(key).as_string());
  }
  auto integer = [&](const char* key, int& out) -> Result<void> {
    if (!o.contains(key)) return {};
    if (!o.at(key).is_int64())
      return Error::invalid(key, "number_invalid", std::string(key) + " must be a number");
    out = static_cast<int>(std::clamp<long long>(o.at(key).as_int64(), -1, 1000000));
    return {};
  };
  TRY(integer("rating", in.rating));
  TRY(integer("base_version", in.base_version));
  in.consent = TRY(web::json_bool(o, "consent", in.consent));
  if (o.contains("interests")) {
    if (!o.at("interests").is_array())
      return Error::invalid("interests", "field_invalid", "interests is a list of ids");
    for (const auto& id : o.at("interests").as_array()) {
      if (!id.is_int64()) return Error::invalid("interests", "field_invalid", "interests is a list of ids");
      in.interests.push_back(id.as_int64());
    }
  }
  return in;
}

}  // namespace brilliant::exhibitions
