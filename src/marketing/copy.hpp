// The copy assistant's rules (issue 13): product copy (title, description, SEO title and description,
// hashtags) in Korean and English written from the piece's facts by a data-to-text generator that can
// only say what the facts hold, and a fact checker that reads any copy (ours, a language model's, or a
// person's edit) and names each statement the facts contradict: another karat or fineness, another
// metal, a weight that is not the piece's, a stone the piece does not have, a lab-grown stone not
// disclosed as lab-grown, "natural" for stones that are not. Pure: no I/O.
#pragma once
#include <string>
#include <vector>

namespace brilliant::marketing {

// What copy may state about a piece (catalog codes; the caller fills it from the product).
struct CopyFacts {
  std::string category, metal, colour;  // ring, gold, yellow
  int purity = 0;                       // per mille: 585, 750, 925, 950...
  long long weight_mg = 0;              // 0: not recorded
  std::string plating_metal;            // rhodium, gold, ... or empty
  struct Stone {
    std::string kind, origin;  // diamond, lab_grown
    int count = 1;
    int carat_x1000 = 0;  // each stone
  };
  std::vector<Stone> stones;
  std::vector<std::string> sizes_ko, sizes_en;               // as shoppers name them ("11호", "US 5.5")
  std::string workshop_ko, workshop_en, story_ko, story_en;  // the workshop's name and story
  bool eco = false, made_to_order = false, engraving = false;
  int lead_days = 0;
};

struct Copy {
  std::string title, description, seo_title, seo_description;
  std::vector<std::string> hashtags;
};
struct Drafts {
  Copy ko, en;
};
// Our own generator: every sentence comes from a fact.
Drafts write_copy(const CopyFacts& facts);
// The description's sentences one by one (a live show's run-sheet reads them as talking points).
std::vector<std::string> talking_points(const CopyFacts& facts, bool en);

struct Problem {
  std::string field;  // the checked field ("description_ko")
  std::string code;   // karat, fineness, metal, weight, stone, lab_grown, natural
  std::string message;
};
// The statements in `text` that the facts contradict. Descriptions (a field named "description...")
// must also say that a lab-grown stone is lab-grown; a title must when it names that stone.
std::vector<Problem> check_copy(const CopyFacts& facts, const std::string& field, const std::string& text);
// Every field of both languages (title_ko, description_ko, title_en, description_en, seo_*).
std::vector<Problem> check_drafts(const CopyFacts& facts, const Drafts& drafts);

}  // namespace brilliant::marketing
