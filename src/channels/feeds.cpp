#include "channels/feeds.hpp"

#include <algorithm>
#include <sstream>

#include "core/secret.hpp"
#include "core/text.hpp"

namespace brilliant::channels {
namespace {

// Cut to at most `chars` code points (channels refuse longer fields rather than shorten them).
std::string at_most(std::string_view text, size_t chars) {
  if (utf8_length(text) <= chars) return std::string(text);
  const auto points = utf8_decode(text);
  std::string out;
  for (size_t i = 0, bytes = 0; i < chars; ++i) {
    const char32_t c = points[i];
    bytes = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    out.append(text.substr(out.size(), bytes));
  }
  return out;
}

std::string tsv(std::string_view text, size_t chars) { return at_most(tsv_field(text), chars); }

// "금 반지 다이아몬드" as Naver's search_tag: at most ten different tags separated by '|'.
std::string naver_tags(std::string_view words) {
  std::istringstream in{std::string(words)};
  std::vector<std::string> tags;
  for (std::string word; tags.size() < 10 && in >> word;)
    if (std::find(tags.begin(), tags.end(), word) == tags.end()) tags.push_back(word);
  std::string out;
  for (const auto& tag : tags) out += (out.empty() ? "" : "|") + tag;
  return at_most(out, 100);
}

std::string join(const std::vector<std::string>& parts, std::string_view separator, size_t most) {
  std::string out;
  for (size_t i = 0; i < parts.size() && i < most; ++i) out += (i ? std::string(separator) : "") + parts[i];
  return out;
}

const char* const naver_columns[] = {
    "id",          "title",      "price_pc",       "price_mobile",   "normal_price",   "link",
    "mobile_link", "image_link", "add_image_link", "category_name1", "category_name2", "naver_category",
    "brand",       "maker",      "search_tag",     "shipping"};

std::vector<std::string> naver_row(const FeedItem& i) {
  const std::string price = std::to_string(i.price);
  return {std::to_string(i.id),
          tsv(i.title, 100),
          price,
          price,
          price,
          tsv(i.link, 255),
          tsv(i.link, 255),
          tsv(i.image_link, 255),
          tsv(join(i.more_images, "|", 10), 2550),
          "주얼리",
          tsv(i.category_ko, 50),
          tsv(i.external_category, 8),
          tsv(i.brand, 60),
          tsv(i.brand, 60),
          naver_tags(tsv_field(i.search_tags)),
          std::to_string(i.shipping)};
}

void line(std::string& out, const std::vector<std::string>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) out += (i ? "\t" : "") + fields[i];
  out += '\n';
}

std::string header(const std::vector<std::string>& extra) {
  std::vector<std::string> names(std::begin(naver_columns), std::end(naver_columns));
  names.insert(names.end(), extra.begin(), extra.end());
  std::string out;
  line(out, names);
  return out;
}

// <tag>text</tag>, the text escaped and cut to `chars`.
std::string element(std::string_view tag, std::string_view text, size_t chars = 5000) {
  const std::string t(tag);
  return "<" + t + ">" + xml_text(at_most(text, chars)) + "</" + t + ">";
}

std::string channel_head(const Shop& shop, std::string_view rss_attributes) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"" + std::string(rss_attributes) +
         ">\n<channel>\n" + element("title", shop.name) + "\n" + element("link", shop.base_url) + "\n" +
         element("description", shop.description) + "\n";
}

std::string won(long long price) { return std::to_string(price) + " KRW"; }

}  // namespace

std::string tracked_link(const std::string& base_url, const std::string& slug, std::string_view channel,
                         std::string_view medium) {
  return base_url + "/products/" + slug + "?utm_source=" + std::string(channel) +
         "&utm_medium=" + std::string(medium);
}

std::string tsv_field(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const bool blank = static_cast<unsigned char>(c) < 0x20 || c == ' ' || c == 0x7f;
    if (!blank)
      out += c;
    else if (!out.empty() && out.back() != ' ')
      out += ' ';
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string xml_text(std::string_view text) {
  std::string kept;
  kept.reserve(text.size());
  for (char c : text)
    if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') kept += c;
  return markup_escape(kept);
}

std::string naver_full(const std::vector<FeedItem>& items) {
  std::string out = header({});
  for (const auto& i : items) line(out, naver_row(i));
  return out;
}

std::string naver_incremental(const std::vector<FeedChange>& changes) {
  std::string out = header({"class", "update_time"});
  const size_t columns = std::size(naver_columns);
  for (const auto& c : changes) {
    std::vector<std::string> row;
    if (c.change == 'D') {
      row.assign(columns, "");
      row[0] = std::to_string(c.item.id);
    } else {
      row = naver_row(c.item);
    }
    row.push_back(std::string(1, c.change));
    row.push_back(tsv_field(c.at));
    line(out, row);
  }
  return out;
}

std::string google_rss(const Shop& shop, const std::vector<FeedItem>& items) {
  std::string out = channel_head(shop, " xmlns:g=\"http://base.google.com/ns/1.0\"");
  for (const auto& i : items) {
    out += "<item>\n" + element("g:id", std::to_string(i.id)) + element("g:title", i.title, 150) +
           element("g:description", i.description.empty() ? i.title : i.description, 5000) +
           element("g:link", i.link) + element("g:image_link", i.image_link);
    for (size_t n = 0; n < i.more_images.size() && n < 10; ++n)
      out += element("g:additional_image_link", i.more_images[n]);
    out += element("g:availability", "in_stock") + element("g:price", won(i.price)) +
           element("g:brand", i.brand, 70) + element("g:condition", "new") +
           element("g:identifier_exists", "no") + element("g:product_type", "주얼리 > " + i.category_ko, 750);
    if (!i.external_category.empty()) out += element("g:google_product_category", i.external_category);
    out += "<g:shipping>" + element("g:country", "KR") + element("g:price", won(i.shipping)) +
           "</g:shipping>\n</item>\n";
  }
  return out + "</channel>\n</rss>\n";
}

std::string kakao_xml(const Shop& shop, const std::vector<FeedItem>& items) {
  std::string out = channel_head(shop, "");
  for (const auto& i : items) {
    out += "<item>\n" + element("id", std::to_string(i.id), 100) + element("title", i.title, 225) +
           element("description", i.description.empty() ? i.title : i.description, 500) +
           element("link", i.link, 1000) + element("image_link", i.image_link, 1000);
    for (size_t n = 0; n < i.more_images.size() && n < 10; ++n)
      out += element("additional_image_link", i.more_images[n], 1000);
    out += element("brand", i.brand) + element("condition", "new") + element("availability", "in stock") +
           element("price", won(i.price)) +
           element("google_product_category",
                   i.external_category.empty() ? "주얼리 > " + i.category_ko : i.external_category) +
           "\n</item>\n";
  }
  return out + "</channel>\n</rss>\n";
}

std::string fingerprint(const FeedItem& i) {
  std::string all;
  for (const auto& field : naver_row(i)) all += field + '\x1f';
  all += i.description + '\x1f' + i.category_en;
  return sha256_hex(all).substr(0, 32);
}

}  // namespace brilliant::channels
