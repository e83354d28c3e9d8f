#include "trust/routes.hpp"

#include <boost/json.hpp>
#include <charconv>

#include "core/secret.hpp"
#include "web/bind.hpp"

namespace brilliant::trust {
namespace json = boost::json;
using web::Request;
using web::Response;

namespace {

json::array path_json(const std::vector<Hash>& path) {
  json::array out;
  for (const auto& h : path) out.emplace_back(base64(bytes_of(h)));
  return out;
}

// A whole number query parameter, required.
Result<uint64_t> count_param(const Request& req, const char* name) {
  const auto text = req.query_params().get(name);
  uint64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size())
    return Error::invalid(name, "number_invalid", std::string(name) + " must be a whole number");
  return value;
}

Response json_response(const json::object& body) {
  auto response = Response::json(json::serialize(body));
  response.set("Access-Control-Allow-Origin", "*");  // anyone's verifier may fetch it
  return response;
}

class TrustRoutes {
 public:
  explicit TrustRoutes(const Deps& d) : d_(d) {}

  Result<Response> checkpoint(Request&) {
    const auto cp = d_.log.checkpoint(format_utc(d_.clock.now()));
    return json_response({{"origin", cp.origin},
                          {"tree_size", cp.size},
                          {"root_hash", base64(bytes_of(cp.root))},
                          {"note", cp.note},
                          {"key", d_.public_multikey}});
  }

  Result<Response> inclusion(Request& req) {
    const auto index = TRY(count_param(req, "index"));
    const auto size = TRY(count_param(req, "size"));
    if (!d_.log.covers(size))
      return Error::invalid("size", "size_beyond_log", "the log is smaller than size");
    if (index >= size) return Error::invalid("index", "index_out_of_range", "index must be below size");
    const auto entry = d_.log.entry(index);
    return json_response({{"leaf_index", index},
                          {"tree_size", size},
                          {"entry", base64(entry)},
                          {"leaf_hash", base64(bytes_of(leaf_hash(entry)))},
                          {"path", path_json(d_.log.inclusion_proof(index, size))}});
  }

  Result<Response> consistency(Request& req) {
    const auto from = TRY(count_param(req, "from"));
    const auto to = TRY(count_param(req, "to"));
    if (!d_.log.covers(to)) return Error::invalid("to", "size_beyond_log", "the log is smaller than to");
    if (from == 0 || from > to)
      return Error::invalid("from", "size_invalid", "from must be 1 to the value of to");
    return json_response(
        {{"from", from}, {"to", to}, {"path", path_json(d_.log.consistency_proof(from, to))}});
  }

  Response did_document(Request&) {
    const auto key_id = d_.did + "#issuer-key";
    return json_response(
        {{"@context", json::array{"https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"}},
         {"id", d_.did},
         {"verificationMethod", json::array{json::object{{"id", key_id},
                                                         {"type", "Multikey"},
                                                         {"controller", d_.did},
                                                         {"publicKeyMultibase", d_.public_multikey}}}},
         {"assertionMethod", json::array{key_id}}});
  }

 private:
  Deps d_;
};

}  // namespace

std::string did_web(const std::string& base_url) {
  auto host = base_url.substr(base_url.find("://") == std::string::npos ? 0 : base_url.find("://") + 3);
  host = host.substr(0, host.find('/'));
  if (const auto colon = host.find(':'); colon != std::string::npos) host.replace(colon, 1, "%3A");
  return "did:web:" + host;
}

void add_routes(web::Router& router, const Deps& deps) {
  const web::Bind bind(std::make_shared<TrustRoutes>(deps), deps.renderer);
  router.get("/api/v1/log/checkpoint", bind(&TrustRoutes::checkpoint)).session = false;
  router.get("/api/v1/log/inclusion", bind(&TrustRoutes::inclusion)).session = false;
  router.get("/api/v1/log/consistency", bind(&TrustRoutes::consistency)).session = false;
  router.get("/.well-known/did.json", bind(&TrustRoutes::did_document)).session = false;
}

}  // namespace brilliant::trust
