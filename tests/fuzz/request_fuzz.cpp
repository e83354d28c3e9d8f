// libFuzzer target: the request-to-route path. Arbitrary bytes become a method and a target; the
// pipeline's pure parts (path decoding, query parsing, locale choice, route matching) must never crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "web/form.hpp"
#include "web/i18n.hpp"
#include "web/router.hpp"

using namespace brilliant::web;

namespace {

Router& table() {
  static Router router = [] {
    Router r;
    auto ok = [](Request&) { return Response::text("ok"); };
    r.get("/", ok);
    r.get("/products/{slug}", ok);
    r.post("/products/{slug}", ok);
    r.get("/workshops/{slug}/products/{id}", ok);
    r.get("/shop", ok);
    return r;
  }();
  return router;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string input(reinterpret_cast<const char*>(data), size);
  static const Method methods[] = {Method::get, Method::head, Method::post, Method::delete_, Method::other};
  const Method method = methods[data[0] % 5];
  std::string_view target(input);
  target.remove_prefix(1);
  const auto q = target.find('?');
  const auto path = decode_path(target.substr(0, q));
  if (q != std::string_view::npos) {
    auto form = parse_form(std::string(target.substr(q + 1)));
    for (const auto& [k, v] : form.fields()) (void)(k.size() + v.size());
  }
  if (path) {
    auto match = table().match(method, *path);
    if (match.route) (void)match.params.size();
  }
  (void)negotiate_locale(input, input);
  Request request;
  request.headers = {{"Cookie", input}};
  (void)request.cookie("sid");
  return 0;
}
