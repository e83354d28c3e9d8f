// The copy assistant's optional language model (issue 13): any OpenAI-compatible chat-completions
// endpoint (a local model server; URL and model from the config). It is given the piece's facts as JSON
// and asked for a JSON object of titles and descriptions in Korean and English; what it answers is then
// checked against the facts like any other copy (copy.hpp), and a person reviews it before publishing.
#pragma once
#include <boost/json/object.hpp>
#include <string>

#include "core/result.hpp"
#include "marketing/copy.hpp"

namespace brilliant::marketing {

struct ModelSettings {
  std::string url;      // the server's base ("http://127.0.0.1:8000"); empty: no model
  std::string model;    // the model's name as the server knows it
  std::string api_key;  // sent as a bearer token when set
  long timeout_seconds = 60;
  bool configured() const { return !url.empty() && !model.empty(); }
};

// The facts as the model (and the API) sees them.
boost::json::object facts_json(const CopyFacts& facts);
// The chat-completions request body for these facts.
std::string model_request(const ModelSettings& settings, const CopyFacts& facts);
// Reads the model's answer (the endpoint's whole JSON response): the message's content as a JSON object
// with title_ko, title_en, description_ko, description_en (in a ```json fence or bare). SEO fields and
// hashtags are made from those. Errors say what was wrong with the answer.
Result<Drafts> read_model_answer(const std::string& response);
// Asks the model: the request, the answer read. Not configured, unreachable or a bad answer: an error.
Result<Drafts> ask_model(const ModelSettings& settings, const CopyFacts& facts);

}  // namespace brilliant::marketing
