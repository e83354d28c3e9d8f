// What the line sheet shows (issue 19), built once for the page, its JSON and its PDF: the fair, and each
// piece in the asked language (Korean and English from the piece itself; Chinese and Japanese from the
// workshop's translation, else the English with `fallback` set), its material, the retail price in won and
// in the visitor's currency, and the wholesale price and minimum quantity only when `wholesale` is allowed.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "catalog/product.hpp"
#include "exhibitions/exhibitions.hpp"

namespace brilliant::exhibitions {

struct SheetSource {
  Piece piece;
  catalog::Product product;
  catalog::Workshop workshop;
  std::optional<Translation> translation;
};

struct SheetLine {
  long long product_id = 0;
  std::string slug, title, story, workshop, material, retail, retail_foreign, wholesale, min_quantity, url,
      image_url;
  bool machine_draft = false, fallback = false;
};

struct Sheet {
  std::string lang, name, city, country, venue, booth, dates, currency, url;
  bool wholesale = false;
  std::vector<SheetLine> lines;
};

// The visitor's page for a language: /exhibitions/{slug}, /en/…, /zh/…, /ja/….
std::string sheet_path(const std::string& slug, const std::string& lang);

// A name drafted from the piece's facts in a language ("14K 金 戒指"): what a workshop starts a translation
// from; stored with machine_draft set until the workshop saves its own.
std::string draft_title(const catalog::Product& product, const std::string& lang);

Sheet make_sheet(const Exhibition& exhibition, const std::vector<SheetSource>& sources,
                 const std::string& lang, long long rate_x1000, bool wholesale, const std::string& base_url);

}  // namespace brilliant::exhibitions
