// The printed line sheet and booth poster, read back with pdftotext: the fair, each piece's name in the
// sheet's language (Chinese and Japanese set in their own CJK fonts), prices, and the four languages of
// the poster.
#include "exhibitions/pdf.hpp"

#include <gtest/gtest.h>

#include "print/testing.hpp"

namespace brilliant::exhibitions {
namespace {

Sheet sheet(const std::string& lang, const std::string& title) {
  Sheet s{lang,
          "Hong Kong Jewellery Show",
          "Hong Kong",
          "HK",
          "HKCEC",
          "1B-23",
          "2026-03-04 – 2026-03-08",
          "HKD",
          "https://b.example/" + lang + "/exhibitions/hk",
          lang == "ja",
          {}};
  SheetLine l;
  l.title = title;
  l.workshop = "Gold Atelier";
  l.material = "14K " + label(lang, "metal.gold");
  l.retail = "₩120,000";
  l.retail_foreign = "HK$679.89";
  l.wholesale = "₩90,000";
  l.min_quantity = "5";
  l.url = "https://b.example/products/sun-ring";
  s.lines.assign(30, l);  // more than a page
  return s;
}

TEST(ExhibitionPdf, LineSheetsInEachLanguage) {
  for (const auto& [lang, title] :
       {std::pair{"ko", "해 반지"}, {"en", "Sun ring"}, {"zh", "太阳戒指"}, {"ja", "太陽のリング"}}) {
    const auto pdf = line_sheet_pdf(sheet(lang, title));
    ASSERT_EQ(pdf.substr(0, 5), "%PDF-");
    const auto text = print::pdf_text(pdf);
    if (!text) GTEST_SKIP() << "pdftotext (poppler-utils) missing";
    for (const std::string& want : {std::string(title), label(lang, "line_sheet"), std::string("HK$679.89"),
                                    std::string("1B-23"), label(lang, "retail")})
      EXPECT_NE(text->find(want), std::string::npos) << lang << ": " << want << " missing from\n"
                                                     << text->substr(0, 800);
    const bool wholesale = std::string(lang) == "ja";
    EXPECT_EQ(text->find("₩90,000") != std::string::npos, wholesale) << lang;
  }
}

TEST(ExhibitionPdf, ThePosterInvitesInFourLanguages) {
  Exhibition e{1,
               {"hk", "홍콩 주얼리 쇼", "Hong Kong Jewellery Show", "Hong Kong", "HK", "", "1B-23",
                "2026-03-04", "2026-03-08", "HKD", 0}};
  const auto text = print::pdf_text(poster_pdf(e, "https://b.example/en/exhibitions/hk"));
  if (!text) GTEST_SKIP() << "pdftotext (poppler-utils) missing";
  for (const char* want : {"Hong Kong Jewellery Show", "홍콩 주얼리 쇼", "Booth 1B-23", "부스에 들러 주세요",
                           "Visit our booth", "欢迎光临我们的展位", "ブースへお越しください"})
    EXPECT_NE(text->find(want), std::string::npos) << want;
}

}  // namespace
}  // namespace brilliant::exhibitions
