// The certificate's PDF carries the trainee, the course in both languages, the number and where to check
// it: read back with pdftotext (poppler-utils) when it is installed, as a person's PDF reader would.
#include "academy/certificate_pdf.hpp"

#include <gtest/gtest.h>

#include "print/testing.hpp"

namespace brilliant::academy {
namespace {

TEST(CertificatePdf, HoldsTheNameTheCourseAndTheNumber) {
  Certificate c{.number = "AC-7K2M-Q9PX",
                .name = "김하늘",
                .workshop = "익산 금세공방",
                .issued_at = "2026-12-10T06:00:00Z",
                .title_ko = "AI 상품 문구와 사진",
                .title_en = "AI copy and photos"};
  const auto pdf = certificate_pdf(c, "https://brilliant.example/academy/certificates/AC-7K2M-Q9PX");
  ASSERT_EQ(pdf.substr(0, 5), "%PDF-");
  const auto read = print::pdf_text(pdf);
  if (!read) GTEST_SKIP() << "pdftotext (poppler-utils) missing";
  const std::string& text = *read;
  for (const char* want : {"김하늘", "익산 금세공방", "AI 상품 문구와 사진", "AI copy and photos",
                           "AC-7K2M-Q9PX", "Certificate of Completion", "2026-12-10"})
    EXPECT_NE(text.find(want), std::string::npos) << want << " missing from:\n" << text;
}

}  // namespace
}  // namespace brilliant::academy
