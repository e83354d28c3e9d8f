#include "marketing/model.hpp"

#include <boost/json.hpp>

#include "core/outbound.hpp"
#include "core/text.hpp"

namespace brilliant::marketing {
namespace json = boost::json;

namespace {

constexpr const char* instructions =
    "You write product copy for handmade jewellery sold by Korean workshops, in Korean and in English. "
    "Use only the facts given as JSON; never state a material, purity, weight, stone, origin or size they do "
    "not give. Say that lab-grown stones are lab-grown (Korean: 랩그로운). Answer with one JSON object and "
    "nothing else, with the string fields title_ko, title_en, description_ko, description_en.";

std::string text_of(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  return it != o.end() && it->value().is_string() ? std::string(it->value().as_string()) : std::string();
}

// The JSON object in a model's reply, with or without a ```json fence around it.
std::string unfenced(std::string content) {
  const auto open = content.find('{'), close = content.rfind('}');
  if (open == std::string::npos || close == std::string::npos || close < open) return content;
  return content.substr(open, close - open + 1);
}

Copy finished(std::string title, std::string description) {
  Copy c;
  c.seo_title = title;
  c.seo_description = utf8_shorten(description, 150);
  c.title = std::move(title);
  c.description = std::move(description);
  return c;
}

}  // namespace

json::object facts_json(const CopyFacts& f) {
  json::array stones;
  for (const auto& s : f.stones)
    stones.push_back(json::object{
        {"kind", s.kind}, {"origin", s.origin}, {"count", s.count}, {"carat_each", s.carat_x1000 / 1000.0}});
  json::object o{{"category", f.category},       {"metal", f.metal},       {"purity_per_mille", f.purity},
                 {"colour", f.colour},           {"stones", stones},       {"workshop_ko", f.workshop_ko},
                 {"workshop_en", f.workshop_en}, {"eco_certified", f.eco}, {"made_to_order", f.made_to_order},
                 {"engraving", f.engraving}};
  if (f.weight_mg > 0) o["weight_g"] = f.weight_mg / 1000.0;
  if (!f.plating_metal.empty()) o["plating"] = f.plating_metal;
  if (f.made_to_order) o["lead_days"] = f.lead_days;
  json::array ko(f.sizes_ko.begin(), f.sizes_ko.end()), en(f.sizes_en.begin(), f.sizes_en.end());
  if (!ko.empty()) o["sizes_ko"] = std::move(ko);
  if (!en.empty()) o["sizes_en"] = std::move(en);
  if (!f.story_ko.empty()) o["workshop_story_ko"] = f.story_ko;
  if (!f.story_en.empty()) o["workshop_story_en"] = f.story_en;
  return o;
}

std::string model_request(const ModelSettings& settings, const CopyFacts& facts) {
  json::object body{{"model", settings.model},
                    {"temperature", 0.4},
                    {"messages", json::array{json::object{{"role", "system"}, {"content", instructions}},
                                             json::object{{"role", "user"},
                                                          {"content", json::serialize(facts_json(facts))}}}}};
  return json::serialize(body);
}

Result<Drafts> read_model_answer(const std::string& response) {
  boost::system::error_code ec;
  auto whole = json::parse(response, ec);
  const json::value* content = nullptr;
  if (!ec && whole.is_object())
    if (auto* choices = whole.as_object().if_contains("choices");
        choices && choices->is_array() && !choices->as_array().empty())
      if (auto* message = choices->as_array()[0].as_object().if_contains("message");
          message && message->is_object())
        content = message->as_object().if_contains("content");
  if (!content || !content->is_string())
    return Error::invalid("model", "model_answer_invalid", "the model's answer holds no message content");
  auto inner = json::parse(unfenced(std::string(content->as_string())), ec);
  if (ec || !inner.is_object())
    return Error::invalid("model", "model_answer_invalid",
                          "the model did not answer with the JSON object asked for");
  const auto& o = inner.as_object();
  Drafts d{finished(text_of(o, "title_ko"), text_of(o, "description_ko")),
           finished(text_of(o, "title_en"), text_of(o, "description_en"))};
  if (d.ko.title.empty() || d.en.title.empty() || d.ko.description.empty() || d.en.description.empty())
    return Error::invalid("model", "model_answer_invalid",
                          "the model's answer lacks title_ko, title_en, description_ko or description_en");
  return d;
}

Result<Drafts> ask_model(const ModelSettings& settings, const CopyFacts& facts) {
  if (!settings.configured())
    return Error::invalid("model", "model_not_configured",
                          "no language model is configured ([marketing] llm_url)");
  OutboundRequest request{"POST",
                          settings.url + "/v1/chat/completions",
                          {"Content-Type: application/json"},
                          model_request(settings, facts),
                          settings.timeout_seconds};
  if (!settings.api_key.empty()) request.headers.push_back("Authorization: Bearer " + settings.api_key);
  const auto answer = send(request);
  if (answer.status == 0)
    return Error{ErrorKind::internal, "model_unreachable", "the language model did not answer", "model"};
  if (answer.status >= 400)
    return Error{ErrorKind::internal, "model_unreachable",
                 "the language model answered HTTP " + std::to_string(answer.status), "model"};
  return read_model_answer(answer.body);
}

}  // namespace brilliant::marketing
