#include "web/render.hpp"

#include <boost/json.hpp>

#include <gtest/gtest.h>

#include <fstream>
#include <memory>

namespace brilliant::web {

class RenderTest : public ::testing::Test {
 protected:
  std::filesystem::path root = BRILLIANT_SOURCE_DIR;
  I18n i18n{root / "locales"};
  StaticFiles files{root / "static"};
  Renderer renderer{root / "templates", i18n, files, Reload::never};
};

TEST_F(RenderTest, PageInBothLanguagesWithLayout) {
  Request ko;
  ko.path = "/login";
  auto html = renderer.page(ko, "account/login", {});
  EXPECT_NE(html.find("<html lang=\"ko\">"), std::string::npos);
  EXPECT_NE(html.find("로그인"), std::string::npos);
  Request en = ko;
  en.locale = "en";
  html = renderer.page(en, "account/login", {});
  EXPECT_NE(html.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(html.find("Log in"), std::string::npos);
  EXPECT_NE(html.find("href=\"/en/password/forgot\""), std::string::npos);
}

// Issue 16: a page rendered for the cache carries the marks, never anyone's name; each visitor's account
// area is rendered on its own (a person's links and logout form, or the login links).
TEST_F(RenderTest, APageForTheCacheHasTheAccountMarkAndEachVisitorTheirOwnArea) {
  Request cached;
  cached.path = "/shop";
  cached.csrf_token = renderer.csrf_mark();
  auto html = renderer.page(cached, "account/login", {});
  EXPECT_NE(html.find(renderer.account_mark()), std::string::npos);
  EXPECT_EQ(html.find("nav-login"), std::string::npos);
  Request kim = cached;
  kim.csrf_token = "kims-token";
  kim.user = Principal{7, "kim@example.com", "<김보석>", static_cast<uint32_t>(Role::operator_)};
  const auto area = renderer.account_area(kim);
  EXPECT_NE(area.find("&lt;김보석&gt;"), std::string::npos) << "escaped";
  EXPECT_NE(area.find("value=\"kims-token\""), std::string::npos);
  EXPECT_NE(area.find("href=\"/operator\""), std::string::npos);
  Request nobody = cached;
  nobody.locale = "en";
  const auto login = renderer.account_area(nobody);
  EXPECT_NE(login.find("href=\"/en/login\""), std::string::npos);
  EXPECT_EQ(login.find("logout"), std::string::npos);
  // An ordinary page has the area in place, no mark.
  auto own = renderer.page(kim, "account/login", {});
  EXPECT_EQ(own.find(renderer.account_mark()), std::string::npos);
  EXPECT_NE(own.find("&lt;김보석&gt;"), std::string::npos);
}

TEST_F(RenderTest, ValuesAreEscaped) {
  Request r;
  r.path = "/login";
  auto html = renderer.page(r, "account/login", {{"email", "<script>alert(1)</script>"}});
  EXPECT_EQ(html.find("<script>alert(1)"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
}

TEST_F(RenderTest, ErrorsAsJsonForApiAndHtmlForPages) {
  Request api;
  api.path = "/api/v1/x";
  auto json = renderer.error(api, Error::invalid("email", "email_invalid", "email is not a valid address"));
  EXPECT_EQ(json.status, 400);
  auto body = boost::json::parse(json.body).at("error").as_object();
  EXPECT_EQ(body.at("code").as_string(), "email_invalid");
  EXPECT_EQ(body.at("message").as_string(), "email is not a valid address");  // English, for programs
  EXPECT_EQ(body.at("field").as_string(), "email");
  // For people, in the request's language (Korean by default) from the catalog.
  EXPECT_EQ(std::string(body.at("text").as_string()),
            renderer.localized(api, Error::invalid("email", "email_invalid", "")));
  Request page;
  page.path = "/x";
  auto html = renderer.error(page, Error::not_found("page /x"));
  EXPECT_EQ(html.status, 404);
  EXPECT_NE(html.body.find("페이지를 찾을 수 없습니다"), std::string::npos);
}

// Templates of a test's own in a temporary folder (with a bare layout and account area), removed after.
class OwnTemplates {
 public:
  OwnTemplates(const std::string& name, std::initializer_list<std::pair<std::string, std::string>> files)
      : dir_(std::filesystem::temp_directory_path() / ("tmpl-" + name + "-" + std::to_string(::getpid()))) {
    std::filesystem::create_directories(dir_ / "layouts");
    std::filesystem::create_directories(dir_ / "partials");
    std::ofstream(dir_ / "layouts" / "main.mustache") << "{{{content}}}";
    std::ofstream(dir_ / "partials" / "account_area.mustache") << "";
    for (const auto& [file, text] : files) std::ofstream(dir_ / (file + ".mustache")) << text;
  }
  ~OwnTemplates() { std::filesystem::remove_all(dir_); }
  std::unique_ptr<Renderer> renderer() const {
    return std::make_unique<Renderer>(dir_, i18n_, files_, Reload::never);
  }

 private:
  std::filesystem::path dir_;
  std::filesystem::path root_ = BRILLIANT_SOURCE_DIR;
  I18n i18n_{root_ / "locales"};
  StaticFiles files_{root_ / "static"};
};

// A refused form comes back with what was typed, for templates to put back ({{typed.note}}); never the
// CSRF token or a password, and only from a posted form.
TEST(RenderErrors, ARefusedFormKeepsWhatWasTyped) {
  const OwnTemplates own("typed", {{"note",
                                    "<textarea>{{typed.note}}</textarea>[{{typed._csrf}}]"
                                    "[{{typed.new_password}}]{{errors.note}}"}});
  const auto renderer = own.renderer();
  Request posted;
  posted.method = Method::post;
  posted.path = "/notes";
  posted.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
  posted.body = "_csrf=secret&note=%EA%B3%A0%EB%A6%AC+%3Cb%3E&new_password=hunter2hunter2";
  const auto refused =
      renderer->page_with_error(posted, "note", {}, Error::invalid("note", "x", "note is bad"));
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("<textarea>고리 &lt;b&gt;</textarea>[][]"), std::string::npos) << refused.body;
  Request json = posted;
  json.headers = {{"Content-Type", "application/json"}};
  json.body = R"({"note":"x"})";
  EXPECT_NE(renderer->page_with_error(json, "note", {}, Error::invalid("note", "x", "bad"))
                .body.find("<textarea></textarea>"),
            std::string::npos);
}

// Issue 10: "큐빅 · ·" and a stray "·" came from sections over empty strings. An empty string is false.
TEST(RenderSections, AnEmptyStringShowsNothingInASection) {
  const OwnTemplates own(
      "empty", {{"stone", "{{kind}}{{#colour}} · {{colour}}{{/colour}}{{^clarity}} (ungraded){{/clarity}}"}});
  const auto renderer = own.renderer();
  EXPECT_EQ(
      renderer->fragment("stone", boost::json::object{{"kind", "큐빅"}, {"colour", ""}, {"clarity", ""}}),
      "큐빅 (ungraded)");
  EXPECT_EQ(renderer->fragment("stone",
                               boost::json::object{{"kind", "루비"}, {"colour", "레드"}, {"clarity", "VS1"}}),
            "루비 · 레드");
}

TEST(RenderPartials, BadTemplateNamesTheFile) {
  const OwnTemplates own("broken", {{"broken", "{{#open}}never closed"}});
  try {
    own.renderer();
    FAIL() << "expected a template error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("broken"), std::string::npos);
  }
}

// {{> name}} is replaced by that file's text, with or without spaces around the name, nested; a tag that
// is not a partial's name is left as it is.
TEST(RenderPartials, PartialsAreExpandedNestedAndOnlyByName) {
  const OwnTemplates own("partials",
                         {{"partials/inner", "[{{who}}]"},
                          {"partials/outer-box", "<{{>partials/inner}}>"},
                          {"page", "a{{> partials/outer-box }}b{{>  partials/inner}}c{{! {{>x y}}"}});
  EXPECT_EQ(own.renderer()->fragment("page", boost::json::object{{"who", "금"}}), "a<[금]>b[금]c");
}

}  // namespace brilliant::web
