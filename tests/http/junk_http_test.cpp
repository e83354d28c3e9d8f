// Every route, called with junk by someone its access lets in: empty, broken and mistyped JSON (every
// field name the API document knows, each time all of one wrong type), empty and nonsense forms (every
// field name the templates use), nonsense queries, and path parameters that name nothing, are malformed,
// or name the test's own workshop and piece. An answer below 500 each time, never a server error. The
// routes come from the router, so new ones are covered. Ending routes (log out, close the account) and
// the WebSocket and live-video paths are left to their own tests.
#include <array>
#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "http/shop_testing.hpp"

namespace brilliant::test {
namespace {

namespace json = boost::json;

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every property name anywhere in the API document's schemas.
void property_names(const json::value& v, std::set<std::string>& out) {
  if (const auto* o = v.if_object()) {
    if (const auto* p = o->if_contains("properties"); p && p->is_object())
      for (const auto& [name, _] : p->as_object()) out.insert(std::string(name));
    for (const auto& [_, child] : *o) property_names(child, out);
  } else if (const auto* a = v.if_array()) {
    for (const auto& child : *a) property_names(child, out);
  }
}

// Every form field name the templates use.
std::set<std::string> form_names() {
  std::set<std::string> out;
  static const std::regex name(R"re(name="([a-z_][a-z_0-9]*)")re");
  for (const auto& f : std::filesystem::recursive_directory_iterator(
           std::filesystem::path(BRILLIANT_SOURCE_DIR) / "templates")) {
    if (!f.is_regular_file()) continue;
    const auto text = read_file(f.path());
    for (std::sregex_iterator it(text.begin(), text.end(), name), end; it != end; ++it) out.insert((*it)[1]);
  }
  return out;
}

enum class Names { nothing, malformed, own };

struct Own {
  std::string workshop, piece;
  long long piece_id;
  std::string order;
};

// The path with each {param} filled: naming nothing, malformed, or the test's own workshop and piece.
std::string junk_path(const std::string& pattern, Names names, const Own& own) {
  static const std::regex param(R"(\{([a-z_0-9]+)\})");
  std::string out;
  auto at = pattern.cbegin();
  for (std::sregex_iterator it(pattern.begin(), pattern.end(), param), end; it != end; ++it) {
    out.append(at, (*it)[0].first);
    const auto name = (*it)[1].str();
    const bool id = name == "id" || name.ends_with("_id") || name == "photo" || name == "variant";
    if (names == Names::malformed)
      out += name == "lang" ? "xx" : "%ff%00..";
    else if (id)
      out += names == Names::own ? std::to_string(own.piece_id) : "999999999";
    else if (name == "number")
      out += names == Names::own ? own.order : "BR-000000-AAAAAAAA";
    else if (name == "month")
      out += names == Names::own ? "2026-11" : "2026-13";
    else if (name == "sha256" || name == "hash")
      out += std::string(64, 'a');
    else if (name == "lang")
      out += "zh";
    else if (name == "station")
      out += "packing";
    else if (names == Names::own)
      out += name == "slug" && pattern.find("/workshops/") == std::string::npos ? own.piece : own.workshop;
    else
      out += "no-such-" + name;
    at = (*it)[0].second;
  }
  out.append(at, pattern.cend());
  return out;
}

bool left_to_own_tests(const web::Route& route) {
  const auto& p = route.pattern;
  return p == "/logout" || p.ends_with("/close") || p.ends_with("/ws") || p.starts_with("/live/hls") ||
         p.starts_with("/hls") || p.find("/rtmp") != std::string::npos;
}

class JunkHttp : public ShopTest {
 protected:
  // A workshop and piece of the test's own, a client per role (its staff that workshop's), and the
  // shopper's order of the piece: the junk reaches past "not found" on the routes that name them.
  void SetUpCast(const std::string& prefix) {
    const auto shop = own_workshop(prefix, prefix + " 공방", prefix + " Atelier");
    const auto ring = own_ring(shop, prefix + " Ring", 5);
    for (const auto role : web::all_roles)
      by_role[static_cast<uint32_t>(role)] =
          logged_in(role, role == web::Role::vendor_staff ? shop.slug : std::string());
    auto& shopper = *by_role.at(static_cast<uint32_t>(web::Role::shopper));
    add_to_cart(shopper, ring.variants.at(0).id);
    const auto placed = place(shopper, prefix + "-" + shop.slug);
    ASSERT_EQ(placed.status, 201) << placed.body;
    own = {shop.slug, ring.slug, ring.id, std::string(json::parse(placed.body).at("number").as_string())};
  }
  // The client of the first role the route lets in; `fallback` when it lets anyone in.
  HttpClient* who_for(const web::Route& route, HttpClient* fallback) {
    for (const auto& [bit, c] : by_role)
      if (route.access.any_of & bit) return c.get();
    return route.access.login ? by_role.at(static_cast<uint32_t>(web::Role::shopper)).get() : fallback;
  }

  std::map<uint32_t, std::unique_ptr<HttpClient>> by_role;
  Own own;
};

TEST_F(JunkHttp, EveryRouteAnswersJunkWithoutAServerError) {
  SetUpCast("junk");
  if (HasFatalFailure()) return;
  auto visitor = client();
  visitor->get("/");  // a CSRF cookie, as a browser has

  // JSON bodies: empty, not an object, broken, and every field the API knows as one wrong type at a time.
  std::set<std::string> api_names;
  property_names(json::parse(read_file(std::filesystem::path(BRILLIANT_SOURCE_DIR) / "api" / "openapi.json")),
                 api_names);
  ASSERT_GT(api_names.size(), 100u);
  std::vector<std::string> json_bodies = {"{}", "[]", "{", "null"};
  for (const json::value& junk :
       {json::value("x"), json::value(""), json::value(9223372036854775807LL), json::value(-1),
        json::value(1e300), json::value(true), json::value(nullptr), json::value(json::array{1, "x"}),
        json::value(json::object{{"a", 1}})}) {
    json::object all;
    for (const auto& name : api_names) all[name] = junk;
    json_bodies.push_back(json::serialize(all));
  }
  // Forms: empty, and every field the templates use set to nonsense, a negative and a huge number.
  const auto names = form_names();
  ASSERT_GT(names.size(), 50u);
  std::vector<std::vector<std::pair<std::string, std::string>>> forms = {{}};
  for (const std::string junk : {"??", "-1", "99999999999999999999", "2026-13-45", "../x"}) {
    std::vector<std::pair<std::string, std::string>> fields;
    for (const auto& name : names)
      if (name != "_csrf") fields.emplace_back(name, junk);
    forms.push_back(std::move(fields));
  }

  int calls = 0;
  std::map<int, int> statuses;  // printed: what the junk met (refusals, not-founds, pages)
  for (const auto& route : app->router().routes()) {
    if (left_to_own_tests(route)) continue;
    HttpClient* who = who_for(route, visitor.get());
    const std::string method(web::method_name(route.method));
    const bool api = route.pattern.starts_with("/api/");
    for (const auto names_in_path : {Names::nothing, Names::malformed, Names::own}) {
      const auto path = junk_path(route.pattern, names_in_path, own);
      if (names_in_path == Names::own && path == route.pattern) continue;  // no parameters: done above
      std::vector<HttpResponse> answers;
      if (method == "GET") {
        answers.push_back(who->get(
            path + "?page=x&show=-1&q=%EF%BF%BF&month=13&from=abc&to=&lang=xx&n=1e9",
            api ? std::vector<std::string>{"Accept: application/json"} : std::vector<std::string>{}));
        if (!api && names_in_path != Names::malformed)  // the page in English as well, as it is
          answers.push_back(who->get("/en" + (path == "/" ? std::string() : path)));
      } else if (api || !route.csrf) {
        auto headers = json_headers(*who);
        headers.push_back("X-Junk: 1");  // its answer is checked against the API document, not its body
        for (const auto& body : json_bodies) answers.push_back(who->request(method, path, body, headers));
      } else {
        for (auto fields : forms) {
          fields.insert(fields.begin(), {"_csrf", who->cookie("csrf")});
          answers.push_back(who->post_form(path, fields));
        }
      }
      for (const auto& a : answers) {
        EXPECT_LT(a.status, 500) << method << " " << path << " as " << route.access.any_of << ": "
                                 << a.body.substr(0, 300);
        EXPECT_GT(a.status, 0) << method << " " << path;  // answered at all
        ++calls;
        ++statuses[a.status];
      }
    }
  }
  EXPECT_GT(calls, 2000);
  std::string seen;
  for (const auto& [status, n] : statuses) seen += " " + std::to_string(status) + "×" + std::to_string(n);
  std::cout << "junk answers:" << seen << "\n";
  // Junk ended no session.
  EXPECT_EQ(by_role.at(static_cast<uint32_t>(web::Role::operator_))->get("/operator").status, 200);
}

// Two tabs at once: every write route naming the test's own workshop, piece and order, called by two
// clients of one session at the same moment with an empty form or "{}" (what toggles and one-press actions
// take): both answered below 500, whichever wins.
TEST_F(JunkHttp, EveryWriteTwiceAtOnceAnswersWithoutAServerError) {
  SetUpCast("twice");
  if (HasFatalFailure()) return;
  int pairs = 0;
  for (const auto& route : app->router().routes()) {
    if (left_to_own_tests(route) || route.method == web::Method::get) continue;
    HttpClient* who = who_for(route, by_role.at(static_cast<uint32_t>(web::Role::shopper)).get());
    const auto path = junk_path(route.pattern, Names::own, own);
    const std::string method(web::method_name(route.method));
    const bool api = route.pattern.starts_with("/api/") || !route.csrf;
    auto headers = json_headers(*who);
    headers.push_back("X-Junk: 1");
    const auto csrf = who->cookie("csrf");
    std::array<std::unique_ptr<HttpClient>, 2> tabs{who->twin(), who->twin()};
    std::array<int, 2> statuses{};
    std::vector<std::thread> running;
    for (size_t i = 0; i < tabs.size(); ++i)
      running.emplace_back([&, i] {
        statuses[i] = api ? tabs[i]->request(method, path, "{}", headers).status
                          : tabs[i]->post_form(path, {{"_csrf", csrf}}).status;
      });
    for (auto& t : running) t.join();
    for (const int status : statuses) {
      EXPECT_LT(status, 500) << method << " " << path << " twice at once";
      EXPECT_GT(status, 0) << method << " " << path;
    }
    ++pairs;
  }
  EXPECT_GT(pairs, 200);
}

}  // namespace
}  // namespace brilliant::test
