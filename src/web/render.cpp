#include "web/render.hpp"

#include <boost/json.hpp>
#include <cctype>
#include <fstream>
#include <kainjow/mustache.hpp>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "core/secret.hpp"
#include "web/errors.hpp"
#include "web/form.hpp"

namespace brilliant::web {
namespace mst = kainjow::mustache;
namespace json = boost::json;

struct Renderer::Compiled {
  explicit Compiled(const std::string& text) : tmpl(text) {}
  mst::mustache tmpl;
};

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Replaces {{> name}} with the text of templates/name.mustache, recursively (depth-limited). A name is
// letters, digits, '_', '/' and '-', with spaces allowed around it; anything else is left to Mustache.
// (A plain scan: std::regex made every server start, and every test's, spend a fifth of it here.)
std::string expand_partials(const std::filesystem::path& dir, const std::string& text, int depth) {
  if (depth > 8) throw std::runtime_error("template partials nested too deep");
  auto is_name = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '/' || c == '-';
  };
  auto skip_spaces = [&](size_t i) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    return i;
  };
  std::string out;
  size_t last = 0;
  for (size_t open = text.find("{{>"); open != std::string::npos; open = text.find("{{>", open + 3)) {
    const size_t name_start = skip_spaces(open + 3);
    size_t name_end = name_start;
    while (name_end < text.size() && is_name(text[name_end])) ++name_end;
    const size_t close = skip_spaces(name_end);
    if (name_end == name_start || text.compare(close, 2, "}}") != 0) continue;
    out.append(text, last, open - last);
    const auto name = text.substr(name_start, name_end - name_start);
    out += expand_partials(dir, read_file(dir / (name + ".mustache")), depth + 1);
    last = close + 2;
  }
  out.append(text, last);
  return out;
}

mst::data to_data(const json::value& v) {
  switch (v.kind()) {
    case json::kind::object: {
      // Every list also gets "has_<name>", so a template can render a block once when a list is
      // not empty ({{#has_cards}}...{{/has_cards}}); Mustache itself has no such test.
      mst::data d{mst::data::type::object};
      for (const auto& [key, value] : v.get_object()) {
        d.set(std::string(key), to_data(value));
        if (value.is_array())
          d.set("has_" + std::string(key), value.get_array().empty() ? mst::data(mst::data::type::bool_false)
                                                                     : mst::data(mst::data::type::bool_true));
      }
      return d;
    }
    case json::kind::array: {
      mst::data d{mst::data::type::list};
      for (const auto& item : v.get_array()) d.push_back(to_data(item));
      return d;
    }
    case json::kind::string:
      // An empty string is false, as Mustache's spec has it: {{#colour}} · {{colour}}{{/colour}} shows
      // nothing for a colour nobody filled in ({{colour}} itself still renders as empty).
      if (v.get_string().empty()) return mst::data(mst::data::type::bool_false);
      return mst::data(std::string(v.get_string()));
    case json::kind::bool_:
      return v.get_bool() ? mst::data(mst::data::type::bool_true) : mst::data(mst::data::type::bool_false);
    case json::kind::int64:
      return mst::data(std::to_string(v.get_int64()));
    case json::kind::uint64:
      return mst::data(std::to_string(v.get_uint64()));
    case json::kind::double_: {
      std::ostringstream s;
      s << v.get_double();
      return mst::data(s.str());
    }
    case json::kind::null:
      return mst::data(mst::data::type::bool_false);
  }
  return mst::data(mst::data::type::bool_false);
}

// Resolves "t.*" names from the locale's message catalog, converted once at start, so pages never
// copy the catalog into their data; everything else from the page's own data.
class PageContext final : public mst::context<std::string> {
 public:
  PageContext(const mst::data* page, const mst::data* messages)
      : mst::context<std::string>(page),
        messages_(messages ? std::make_unique<mst::context<std::string>>(messages) : nullptr) {}
  const mst::data* get(const std::string& name) const override {
    if (messages_ && name.size() > 2 && name[0] == 't' && name[1] == '.') return messages_->get(name);
    return mst::context<std::string>::get(name);
  }

 private:
  std::unique_ptr<mst::context<std::string>> messages_;
};

std::filesystem::file_time_type newest_mtime(const std::filesystem::path& dir) {
  std::filesystem::file_time_type newest{};
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) newest = std::max(newest, entry.last_write_time());
  return newest;
}

}  // namespace

Renderer::Renderer(std::filesystem::path dir, const I18n& i18n, const StaticFiles& assets, Reload reload)
    : csrf_mark_(random_token(24)),
      account_mark_(random_token(24)),
      dir_(std::move(dir)),
      i18n_(i18n),
      assets_(assets),
      reload_(reload) {
  load_all();
  for (auto locale : locales) {
    json::object holder{{"t", i18n_.messages(locale)}};
    messages_.emplace(std::string(locale), std::make_shared<mst::data>(to_data(holder)));
  }
}

Renderer::~Renderer() = default;

// Parsed templates are kept by their text, shared by every Renderer of the process: a second
// App in one process (each HTTP test starts one) and a reload after one template changed parse only what
// they have not seen. Rendering walks a parsed template without changing it (partials are expanded before
// parsing; no lambdas), as the request threads of one Renderer already share it. Bounded:
// emptied at 1,024 texts, some seven times the 152 templates, which only a long edit session under
// reload reaches.
std::shared_ptr<Renderer::Compiled> Renderer::parsed(const std::string& text, const std::string& name) {
  static std::mutex mutex;
  static std::unordered_map<std::string, std::shared_ptr<Renderer::Compiled>> by_text;
  {
    std::lock_guard lock(mutex);
    if (auto it = by_text.find(text); it != by_text.end()) return it->second;
  }
  auto compiled = std::make_shared<Renderer::Compiled>(text);
  if (!compiled->tmpl.is_valid())
    throw std::runtime_error("template " + name + ": " + compiled->tmpl.error_message());
  std::lock_guard lock(mutex);
  if (by_text.size() >= 1024) by_text.clear();
  return by_text.emplace(text, std::move(compiled)).first->second;
}

void Renderer::load_all() {
  std::map<std::string, std::shared_ptr<Compiled>, std::less<>> loaded;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir_)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".mustache") continue;
    auto name = std::filesystem::relative(entry.path(), dir_).replace_extension().generic_string();
    auto compiled = parsed(expand_partials(dir_, read_file(entry.path()), 0), name);
    loaded.emplace(std::move(name), std::move(compiled));
  }
  templates_ = std::move(loaded);
  newest_ = newest_mtime(dir_);
}

bool Renderer::has(std::string_view name) const {
  std::shared_lock lock(mutex_);
  return templates_.find(name) != templates_.end();
}

std::string Renderer::render(std::string_view name, const json::value& model, std::string_view locale) const {
  if (reload_ == Reload::when_changed && newest_mtime(dir_) != newest_) {
    std::unique_lock lock(mutex_);
    const_cast<Renderer*>(this)->load_all();
  }
  std::shared_ptr<Compiled> compiled;
  {
    std::shared_lock lock(mutex_);
    auto it = templates_.find(name);
    if (it == templates_.end()) throw std::runtime_error("no template " + std::string(name));
    compiled = it->second;
  }
  const auto page = to_data(model);
  auto messages = messages_.find(locale);
  PageContext context(&page, messages == messages_.end() ? nullptr : messages->second.get());
  return compiled->tmpl.render(context);
}

std::string Renderer::message(std::string_view locale, const std::string& key) const {
  auto text = i18n_.text(locale, key);
  return text == key ? std::string() : text;
}

std::string Renderer::fragment(std::string_view name, const json::value& model) const {
  return render(name, model, "");
}

namespace {

// The logged-in person as pages show them.
json::object user_json(const Request& request) {
  json::object user;
  user["name"] = request.user->name;
  user["email"] = request.user->email;
  user["operator"] = request.user->has(Role::operator_);
  user["vendor"] = request.user->has(Role::vendor_staff);
  user["auditor"] = request.user->has(Role::auditor);
  user["station"] = request.user->has(Role::station_staff);
  user["workshop_owner"] = request.user->workshop_owner;
  user["suspended"] = request.user->console_writes_blocked();
  return user;
}

}  // namespace

std::string Renderer::account_area(const Request& request) const {
  // The area depends on the language, the person (name, roles) and the token alone: made once for each and
  // kept (a bounded map, emptied when full), so a logged-in page costs no render (issue 16).
  std::string key = request.locale;
  if (request.user) {
    const auto& u = *request.user;
    key += '\x1f' + std::to_string(u.user_id) + '\x1f' + u.name + '\x1f' + std::to_string(u.roles) +
           (u.workshop_owner ? "o" : "") + (u.console_writes_blocked() ? "s" : "") + '\x1f' +
           request.csrf_token;
  }
  auto make = [&] {
    json::object model{{"prefix", request.locale_prefix()}, {"csrf", request.csrf_token}};
    if (request.user) model["user"] = user_json(request);
    return render("partials/account_area", model, request.locale);
  };
  if (reload_ == Reload::when_changed) return make();  // templates may change under a debug build
  {
    std::lock_guard lock(areas_mutex_);
    if (auto it = areas_.find(key); it != areas_.end()) return it->second;
  }
  auto area = make();
  std::lock_guard lock(areas_mutex_);
  if (areas_.size() >= 20000) areas_.clear();
  areas_.emplace(std::move(key), area);
  return area;
}

std::string Renderer::page(const Request& request, std::string_view name, json::object model) const {
  const bool en = request.locale == "en";
  model["lang"] = request.locale;
  model["en"] = en;
  model["prefix"] = request.locale_prefix();
  model["csrf"] = request.csrf_token;
  model["path"] = request.path;
  // The same page in the other language, for the switcher and hreflang.
  const std::string query = request.query.empty() ? "" : "?" + request.query;
  const std::string path_ko = request.path + query;
  const std::string path_en = (request.path == "/" ? std::string("/en/") : "/en" + request.path) + query;
  model["path_ko"] = path_ko;
  model["path_en"] = path_en;
  model["next_ko"] = url_encode(path_ko);
  model["next_en"] = url_encode(path_en);
  model["base_url"] = base_url_;
  model["asset_css"] = assets_.url("css/app.css");
  model["asset_js"] = assets_.url("js/app.js");
  if (request.user) model["user"] = user_json(request);
  if (brand_) brand_(request.locale, model);
  if (!model.contains("brand_name")) model["brand_name"] = i18n_.text(request.locale, "brand.name");
  if (!model.contains("title")) model["title"] = model["brand_name"];
  bool layout = !model.contains("layout") || model["layout"].as_bool();
  json::value value(std::move(model));
  std::string body = render(name, value, request.locale);
  if (!layout) return body;
  value.as_object()["content"] = std::move(body);
  // A render for the page cache leaves the account area's mark; the cache puts each visitor's back.
  value.as_object()["account_area"] =
      request.csrf_token == csrf_mark_ ? account_mark_ : account_area(request);
  return render("layouts/main", value, request.locale);
}

std::string Renderer::localized(const Request& request, const Error& error) const {
  auto text = message(request.locale, "errors." + error.code);
  return text.empty() ? error.message : text;
}

Response Renderer::error(const Request& request, const Error& error) const {
  const int status = http_status(error.kind);
  if (request.wants_json() || request.path.empty())
    return Response::json(error_json(error, localized(request, error)), status);
  json::object model;
  model["status"] = status;
  model["message"] = localized(request, error);
  model["detail"] = error.message;
  model["request_id"] = request.request_id;
  model["title"] = std::to_string(status);
  model["not_found"] = status == 404;
  return page_response(request, "errors/error", std::move(model), status);
}

Response page_model_json(json::object model, int status) {
  model.erase("title");
  model.erase("noindex");
  return Response::json(json::serialize(model), status);
}

Response Renderer::page_response(const Request& request, std::string_view name, json::object model,
                                 int status) const {
  return Response::html(page(request, name, std::move(model)), status);
}

// A posted form's fields go in the model as `typed` ({{typed.note}}), all but the CSRF token and
// passwords, for templates whose model does not carry what was typed.
Response Renderer::page_with_error(const Request& request, std::string_view name, json::object model,
                                   const Error& error) const {
  model["errors"] = json::object{{error.field.empty() ? "form" : error.field, localized(request, error)}};
  if (request.header("content-type").starts_with("application/x-www-form-urlencoded") &&
      !model.contains("typed")) {
    json::object typed;
    const auto form = request.form();
    for (const auto& [key, value] : form.fields())
      if (key != "_csrf" && key.find("password") == std::string::npos && !typed.contains(key))
        typed[key] = value;
    model["typed"] = std::move(typed);
  }
  return page_response(request, name, std::move(model), http_status(error.kind));
}

}  // namespace brilliant::web
