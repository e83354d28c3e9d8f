#include "catalog/seo.hpp"

#include <boost/json.hpp>

#include "catalog/rules.hpp"
#include "core/text.hpp"
#include "web/openapi.hpp"

namespace brilliant::catalog {
namespace json = boost::json;
namespace {

// JSON placed inside <script>: '<', '>' and '&' become \u003c, \u003e and \u0026 (still the same JSON),
// so no title can close the script ("</script>") or open an HTML comment ("<!--<script>") that swallows
// the rest of the page; U+2028/U+2029 are escaped for old JavaScript parsers.
std::string script_safe(const std::string& text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '<')
      out += "\\u003c";
    else if (c == '>')
      out += "\\u003e";
    else if (c == '&')
      out += "\\u0026";
    else if (c == '\xe2' && i + 2 < text.size() && text[i + 1] == '\x80' &&
             (text[i + 2] == '\xa8' || text[i + 2] == '\xa9')) {
      out += text[i + 2] == '\xa8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else
      out += c;
  }
  return out;
}

void url_entry(std::string& out, const std::string& base, const std::string& path) {
  const std::string ko = markup_escape(base + path), en = markup_escape(base + "/en" + path);
  for (const auto& loc : {ko, en}) {
    out += "<url><loc>" + loc + "</loc>";
    out += "<xhtml:link rel=\"alternate\" hreflang=\"ko\" href=\"" + ko + "\"/>";
    out += "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"" + en + "\"/></url>\n";
  }
}

}  // namespace

std::string product_json_ld(const Product& p, const Workshop& w, const std::string& base,
                            const std::string& locale) {
  const bool en = locale == "en";
  const std::string url = base + (en ? "/en" : "") + "/products/" + p.slug;
  bool in_stock = false;
  for (const auto& v : p.variants) in_stock = in_stock || v.stock > 0;
  json::object product{
      {"@context", "https://schema.org"},
      {"@type", "Product"},
      {"name", en ? p.title_en : p.title_ko},
      {"description", en ? p.story_en : p.story_ko},
      {"sku", p.variants.empty() ? p.slug : p.variants.front().sku},
      {"material", purity_label(p.metal, p.purity) + " " + p.metal},
      {"brand", json::object{{"@type", "Brand"}, {"name", "Brilliant"}}},
      {"manufacturer",
       json::object{{"@type", "Organization"}, {"name", in_language(en, w.name_ko, w.name_en)}}},
      {"url", url},
      {"offers",
       json::object{{"@type", "Offer"},
                    {"price", std::to_string(p.price)},
                    {"priceCurrency", "KRW"},
                    {"url", url},
                    {"availability", in_stock || p.made_to_order ? (in_stock ? "https://schema.org/InStock"
                                                                             : "https://schema.org/PreOrder")
                                                                 : "https://schema.org/OutOfStock"}}}};
  if (!p.image_ids.empty()) product["image"] = base + "/media/images/" + std::to_string(p.image_ids.front());
  return script_safe(json::serialize(product));
}

std::string organization_json_ld(const std::string& base) {
  return script_safe(
      json::serialize(json::object{{"@context", "https://schema.org"},
                                   {"@type", "Organization"},
                                   {"name", "Brilliant"},
                                   {"url", base + "/"},
                                   {"description", "Joint brand of the Iksan jewelry cluster"}}));
}

std::string sitemap_xml(const Snapshot& snap, const std::string& base) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
      "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
  url_entry(out, base, "/");
  url_entry(out, base, "/shop");
  url_entry(out, base, "/workshops");
  for (const auto& c : categories) url_entry(out, base, "/shop?category=" + c);
  for (const auto& w : snap.workshops)
    if (w.status == "active") url_entry(out, base, "/workshops/" + w.slug);
  for (const auto& c : snap.cards) url_entry(out, base, "/products/" + c.slug);
  out += "</urlset>\n";
  return out;
}

namespace {

// Every API route from the route table (operationId, security, error answers); what `described` says
// replaces the generated summary, parameters and answers of its operations.
json::object merged_paths(const json::object& generated, const json::object& described) {
  json::object merged = generated;
  for (const auto& [path, methods] : described) {
    auto& entry = merged[path];
    if (!entry.is_object()) entry = json::object{};
    for (const auto& [method, op] : methods.as_object()) {
      auto& target = entry.as_object()[method];
      if (!target.is_object()) target = json::object{};
      for (const auto& [key, value] : op.as_object()) {
        if (key == "responses" && target.as_object().contains("responses")) {
          for (const auto& [status, answer] : value.as_object())
            target.as_object()["responses"].as_object()[status] = answer;
        } else {
          target.as_object()[key] = value;
        }
      }
    }
  }
  return merged;
}

// {"error": {"code", "message", "field"}}: every refusal of the API.
json::object error_schema() {
  return {
      {"type", "object"},
      {"properties",
       json::object{{"error", json::object{{"type", "object"},
                                           {"properties",
                                            json::object{{"code", json::object{{"type", "string"}}},
                                                         {"message", json::object{{"type", "string"}}},
                                                         {"field", json::object{{"type", "string"}}}}}}}}}};
}

}  // namespace

std::string openapi_json(const std::string& base, const json::object& generated,
                         const json::object& contract) {
  auto param = [](const char* name, const char* description, const char* type = "string") {
    return json::object{{"name", name},
                        {"in", "query"},
                        {"required", false},
                        {"description", description},
                        {"schema", json::object{{"type", type}}}};
  };
  json::array listing_params{
      param("q", "search words (Korean or English)"),
      param("category", "ring, necklace, pendant, earrings, bracelet, anklet, brooch, set"),
      param("collection", "collection slug"),
      param("metal", "gold, silver, platinum"),
      param("purity", "per mille: 999, 750, 585, 925, 950", "integer"),
      param("colour", "yellow, white, rose"),
      param("stone", "diamond, ruby, sapphire, ..."),
      param("origin", "natural, lab_grown, simulant"),
      param("workshop", "workshop slug"),
      param("eco", "1: eco-certified only"),
      param("availability", "in_stock, made_to_order"),
      param("price_min", "won", "integer"),
      param("price_max", "won", "integer"),
      param("sort", "new, price_asc, price_desc, popular, relevance"),
      param("page", "1-based", "integer")};
  auto ok = [](const char* description) {
    return json::object{
        {"200", json::object{{"description", description}}},
        {"400", json::object{
                    {"description", "invalid input; the error names the field"},
                    {"content",
                     json::object{{"application/json",
                                   json::object{{"schema",
                                                 json::object{{"$ref", "#/components/schemas/Error"}}}}}}}}}};
  };
  json::object paths{
      {"/api/v1/products",
       json::object{{"get", json::object{{"summary", "List published products with facets"},
                                         {"parameters", listing_params},
                                         {"responses", ok("cards, total, page, pages, facets")}}}}},
      {"/api/v1/products/{slug}",
       json::object{{"get", json::object{{"summary", "One product with variants, stones and price breakdown"},
                                         {"parameters", json::array{json::object{
                                                            {"name", "slug"},
                                                            {"in", "path"},
                                                            {"required", true},
                                                            {"schema", json::object{{"type", "string"}}}}}},
                                         {"responses", ok("the product")}}}}},
      {"/api/v1/search",
       json::object{{"get", json::object{{"summary", "Search (same answer as products with q)"},
                                         {"parameters", listing_params},
                                         {"responses", ok("results")}}}}},
      {"/api/v1/search/suggest",
       json::object{{"get", json::object{{"summary", "Suggestions as you type"},
                                         {"parameters", json::array{param("q", "partial words")}},
                                         {"responses", ok("suggestions")}}}}},
      {"/api/v1/facets", json::object{{"get", json::object{{"summary", "Facet counts for a filter set"},
                                                           {"parameters", listing_params},
                                                           {"responses", ok("total and facets")}}}}},
      {"/api/v1/quotes",
       json::object{{"get", json::object{{"summary", "Current metal quotes (won per gram of pure metal)"},
                                         {"responses", ok("quotes")}}},
                    {"post", json::object{{"summary", "Set a quote (operator; Bearer token) and reprice"},
                                          {"responses", ok("reprice report")}}}}},
      {"/api/v1/me", json::object{{"get", json::object{{"summary", "The calling account"},
                                                       {"responses", ok("the account")}}}}},
      {"/api/v1/tokens",
       json::object{{"post", json::object{{"summary", "Exchange email and password for an API token"},
                                          {"responses", ok("token")}}}}}};
  paths = merged_paths(generated, paths);
  json::object doc{
      {"openapi", "3.1.0"},
      {"info", json::object{{"title", "Brilliant API"},
                            {"version", "1"},
                            {"description",
                             "The joint brand's store, consoles and operator tools as JSON. Log in "
                             "with POST /api/v1/tokens and send Authorization: Bearer."},
                            {"license", json::object{{"name", "Proprietary"},
                                                     {"identifier", "LicenseRef-Proprietary"}}}}},
      {"servers", json::array{json::object{{"url", base}}}},
      {"paths", std::move(paths)},
      {"components",
       json::object{
           {"schemas", json::object{{"Error", error_schema()}}},
           {"securitySchemes",
            json::object{{"bearer", json::object{{"type", "http"}, {"scheme", "bearer"}}},
                         {"cookie", json::object{{"type", "apiKey"}, {"in", "cookie"}, {"name", "sid"}}}}}}}};
  web::apply_contract(doc, contract);
  return json::serialize(doc);
}

}  // namespace brilliant::catalog
