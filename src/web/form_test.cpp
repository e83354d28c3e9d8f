#include "web/form.hpp"

#include <gtest/gtest.h>

namespace brilliant::web {

TEST(Form, DecodesPlusAndPercent) {
  auto form = parse_form("name=%EC%9D%B5%EC%82%B0+gold&x=1&x=2&empty=");
  EXPECT_TRUE(form.valid());
  EXPECT_EQ(form.get("name"), "익산 gold");
  EXPECT_EQ(form.all("x"), (std::vector<std::string>{"1", "2"}));
  EXPECT_TRUE(form.has("empty"));
  EXPECT_FALSE(form.has("missing"));
}

TEST(Form, InvalidEncodingIsReportedNotThrown) {
  EXPECT_FALSE(parse_form("a=%ZZ").valid());
  EXPECT_FALSE(parse_form("a=%FF").valid());  // decodes to a byte that is not UTF-8
}

TEST(Path, DecodesSegmentsAndKeepsPlus) {
  EXPECT_EQ(decode_path("/products/a%20b+c").value(), "/products/a b+c");
  EXPECT_EQ(decode_path("/").value(), "/");
  EXPECT_EQ(decode_path("/a/").value(), "/a/");
  EXPECT_FALSE(decode_path("/%ff").has_value());
  EXPECT_FALSE(decode_path("/%zz").has_value());
}

TEST(Form, UrlEncode) { EXPECT_EQ(url_encode("/account?x=1"), "%2Faccount%3Fx%3D1"); }

TEST(Form, ParsesOnlyTheViewItIsGiven) {
  const std::string buffer = "a=1&b=2&c=3";
  auto form = parse_form(buffer.substr(0, 7));
  EXPECT_EQ(form.get("b"), "2");
  EXPECT_FALSE(form.has("c"));
}

}  // namespace brilliant::web

namespace brilliant::web {

TEST(Form, ControlCharactersAndBidiOverridesMakeTheFormInvalidNamingTheField) {
  auto nul = parse_form("q=a%00b");
  EXPECT_FALSE(nul.valid());
  EXPECT_EQ(nul.invalid_field(), "q");
  EXPECT_EQ(parse_form("ok=1&name=a%E2%80%AEb").invalid_field(), "name");
  EXPECT_FALSE(parse_form("name=a%1Bb").valid());
  EXPECT_TRUE(parse_form("story=line%0D%0Aline%09tab").valid());  // textareas keep their line breaks
}

TEST(PageWindow, ThePageAskedForClampedToTheLastAndBadPagesNamed) {
  auto at = [](const std::string& query, size_t total) { return page_window(parse_form(query), total, 200); };
  auto first = at("", 450);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->page, 1);
  EXPECT_EQ(first->pages, 3);
  EXPECT_EQ(first->first, 0u);
  EXPECT_EQ(first->end, 200u);
  auto last = at("page=3", 450);
  ASSERT_TRUE(last.ok());
  EXPECT_EQ(last->first, 400u);
  EXPECT_EQ(last->end, 450u);
  auto beyond = at("page=9", 450);  // the list shrank since the link was made: its last page
  ASSERT_TRUE(beyond.ok());
  EXPECT_EQ(beyond->page, 3);
  EXPECT_EQ(beyond->first, 400u);
  auto empty = at("page=2", 0);
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->pages, 1);
  EXPECT_EQ(empty->first, empty->end);
  for (const auto* bad : {"page=0", "page=-1", "page=2x", "page=99999999999999999999999"}) {
    auto r = at(bad, 450);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().field, "page");
  }
}

}  // namespace brilliant::web
