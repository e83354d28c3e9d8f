// Server-rendered pages: Mustache templates (kainjow) loaded once at start, partials expanded at load,
// pages wrapped in a layout; values are escaped unless a template asks for raw output with {{{...}}}.
// The view model is a Boost.JSON value, so the same model can answer an API call. Every list in it
// also appears as a boolean "has_<name>".
// Thread safety: render() may be called from many threads; reload_if_changed() takes a lock.
#pragma once
#include <boost/json/value.hpp>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "core/result.hpp"
#include "web/i18n.hpp"
#include "web/request.hpp"
#include "web/response.hpp"
#include "web/static_files.hpp"

namespace kainjow::mustache {
template <typename string_type>
class basic_data;
}  // namespace kainjow::mustache

namespace brilliant::web {

enum class Reload { never, when_changed };

// A page's model as the JSON API answers it: without what only a page needs ("title", "noindex"), so
// a route's page and its API twin can share one model.
Response page_model_json(boost::json::object model, int status = 200);

class Renderer {
 public:
  // Loads every *.mustache under dir; throws std::runtime_error naming the file on a template error.
  Renderer(std::filesystem::path dir, const I18n& i18n, const StaticFiles& assets, Reload reload);
  ~Renderer();

  // Renders templates/<name>.mustache with `model` plus the page context (locale, messages as `t`,
  // csrf token, user, asset URLs), inside layouts/main unless the model sets "layout": false.
  std::string page(const Request& request, std::string_view name, boost::json::object model) const;
  Response page_response(const Request& request, std::string_view name, boost::json::object model,
                         int status = 200) const;
  // The page again with the error beside its field (or above the form) and the error's status: how a
  // refused form keeps what the visitor typed.
  Response page_with_error(const Request& request, std::string_view name, boost::json::object model,
                           const Error& error) const;
  // Renders a template alone, without page context or layout (emails, fragments).
  std::string fragment(std::string_view name, const boost::json::value& model) const;
  bool has(std::string_view name) const;
  // The site's public origin ("https://brilliant.example"), for absolute hreflang links.
  void set_base_url(std::string base_url) { base_url_ = std::move(base_url); }
  const std::string& base_url() const { return base_url_; }
  // Adds the brand's name ("brand_name") and stylesheet ("brand_css") to every page (set once at wiring).
  using BrandContext = std::function<void(const std::string& locale, boost::json::object& model)>;
  void set_brand(BrandContext brand) { brand_ = std::move(brand); }
  // An error as a page (HTML, in the request's language) or a JSON body, with its HTTP status.
  Response error(const Request& request, const Error& error) const;
  // The error's message in the request's language (catalog "errors.<code>", else its English text).
  std::string localized(const Request& request, const Error& error) const;
  // A catalog message in the locale; empty when the catalog has no such key.
  std::string message(std::string_view locale, const std::string& key) const;

  // Pages for the page cache are rendered with csrf_mark() as the request's CSRF token, and such a render
  // writes account_mark() where the header's account area goes (the person's name and links, or the login
  // links): one cached page then serves every visitor, anonymous or logged in, with their own token and
  // area put back (issue 16). Both are random per process and never sent.
  const std::string& csrf_mark() const { return csrf_mark_; }
  const std::string& account_mark() const { return account_mark_; }
  // The header's account area for this request (partials/account_area): its person's links and logout
  // form, or the login and sign-up links.
  std::string account_area(const Request& request) const;

 private:
  std::string base_url_;
  BrandContext brand_;
  std::string csrf_mark_, account_mark_;
  mutable std::mutex areas_mutex_;
  mutable std::unordered_map<std::string, std::string> areas_;  // by language, person and token (bounded)
  struct Compiled;
  // The parsed template of this text (partials expanded), shared by every Renderer of the process.
  static std::shared_ptr<Compiled> parsed(const std::string& text, const std::string& name);
  void load_all();
  std::string render(std::string_view name, const boost::json::value& model, std::string_view locale) const;

  std::filesystem::path dir_;
  const I18n& i18n_;
  const StaticFiles& assets_;
  Reload reload_;
  mutable std::shared_mutex mutex_;
  mutable std::filesystem::file_time_type newest_{};
  mutable std::map<std::string, std::shared_ptr<Compiled>, std::less<>> templates_;
  // The catalogs as Mustache data, one per locale, shared by every render.
  std::map<std::string, std::shared_ptr<kainjow::mustache::basic_data<std::string>>, std::less<>> messages_;
};

}  // namespace brilliant::web
