// The program report's PDF holds the year, the headline figures and the rows in the reader's language,
// read back with pdftotext as a person's PDF reader would.
#include "reports/program_pdf.hpp"

#include <gtest/gtest.h>

#include "core/text.hpp"
#include "print/testing.hpp"

namespace brilliant::reports {
namespace {

Report sample_report() {
  Facts f;
  f.year = 2026;
  f.sales = {{1, "2026-03-10T01:00:00Z", 10, "익산 금 공방", 1234000, "store"},
             {2, "2026-03-11T01:00:00Z", 20, "Silver Atelier", 66000, "marketplaces"}};
  f.workshops = {{10, "2025-01-01T00:00:00Z"}, {20, "2025-01-01T00:00:00Z"}};
  f.in_use.academy = true;
  return build_report(f);
}

std::string won(long long v) { return thousands(v) + " won"; }

TEST(ProgramPdf, HoldsTheYearTheFiguresAndTheWorkshops) {
  const std::map<std::string, std::string> ko = {{"reports.title", "지원사업 성과 보고서"},
                                                 {"reports.not_in_use", "아직 사용 전"},
                                                 {"reports.by_workshop", "공방별"},
                                                 {"reports.gmv", "거래액"}};
  const auto pdf = program_pdf(
      sample_report(), [&](const std::string& k) { return ko.count(k) ? ko.at(k) : k; }, "브릴리언트", won);
  ASSERT_EQ(pdf.substr(0, 5), "%PDF-");
  const auto text = print::pdf_text(pdf);
  if (!text) GTEST_SKIP() << "pdftotext (poppler-utils) missing";
  for (const char* want :
       {"브릴리언트", "지원사업 성과 보고서 2026", "1,300,000 won", "650,000 won", "2026-03", "익산 금 공방",
        "Silver Atelier", "1,234,000 won", "아직 사용 전", "공방별"})
    EXPECT_NE(text->find(want), std::string::npos) << want << " missing from:\n" << *text;
}

}  // namespace
}  // namespace brilliant::reports
