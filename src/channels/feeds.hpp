// Product feeds for the marketplaces Korean shoppers search first (issue 19), as pure functions of the
// pieces they list: Naver Shopping's product DB (EP 3.0: tab-separated, a header row, the full feed and
// the incremental one with class I/U/D and update_time), Google Merchant Center (RSS 2.0 with the g:
// namespace) and Kakao's product catalog (the XML of Kakao's catalog data-feed guide). Text is made safe
// for each format here: tabs and line breaks become spaces in TSV; XML gets entities and loses the
// control characters XML 1.0 cannot hold.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace brilliant::channels {

// One piece as every feed shows it. Links and images are absolute URLs.
struct FeedItem {
  long long id = 0;  // the product id: a channel's key for the piece, never reused
  std::string title, description, link, image_link;
  std::vector<std::string> more_images;
  long long price = 0;  // won
  std::string brand;    // the workshop (maker and brand alike: each sells under its own name)
  std::string category_ko, category_en;  // ours ("반지", "Ring")
  std::string external_category;         // the channel's, from the operator's mapping ("" when not mapped)
  std::string search_tags;               // space-separated words ("금 반지 다이아몬드")
  long long shipping = 0;                // won for this piece alone (0: free)
};

// A piece as Naver's incremental feed lists it: I (new), U (changed) or D (gone: only id, class and
// update_time are filled).
struct FeedChange {
  FeedItem item;
  char change = 'U';
  std::string at;  // "YYYY-MM-DD HH:MM:SS" in Seoul time
};

struct Shop {
  std::string name, base_url, description;
};

// The link a channel's shoppers land on: the piece's page with utm_source=<channel> and
// utm_medium=<medium>, so the order it leads to is counted for that channel.
std::string tracked_link(const std::string& base_url, const std::string& slug, std::string_view channel,
                         std::string_view medium);

// A field as TSV can hold it: TAB, CR and LF (and other C0 controls) become spaces, runs of spaces one.
std::string tsv_field(std::string_view text);
// Text as XML 1.0 can hold it: & < > " as entities (core's markup_escape); control characters other than
// TAB, LF and CR dropped (XML cannot carry them, not even as references).
std::string xml_text(std::string_view text);

std::string naver_full(const std::vector<FeedItem>& items);
std::string naver_incremental(const std::vector<FeedChange>& changes);
std::string google_rss(const Shop& shop, const std::vector<FeedItem>& items);
std::string kakao_xml(const Shop& shop, const std::vector<FeedItem>& items);

// What the feeds show of a piece, as a digest: it changes exactly when a feed row would.
std::string fingerprint(const FeedItem& item);

}  // namespace brilliant::channels
