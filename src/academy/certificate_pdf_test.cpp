// The certificate's PDF carries the trainee, the course in both languages, the number and where to check
// it: read back with pdftotext (poppler-utils) when it is installed, as a person's PDF reader would.
#include "academy/certificate_pdf.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/secret.hpp"

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
  if (std::system("command -v pdftotext >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "pdftotext (poppler-utils) missing";
  const auto dir = std::filesystem::temp_directory_path();
  const auto in = dir / ("cert-" + random_token(6) + ".pdf"),
             out = dir / ("cert-" + random_token(6) + ".txt");
  std::ofstream(in, std::ios::binary) << pdf;
  ASSERT_EQ(std::system(("pdftotext " + in.string() + " " + out.string()).c_str()), 0);
  std::ifstream text_file(out);
  const std::string text((std::istreambuf_iterator<char>(text_file)), {});
  std::filesystem::remove(in);
  std::filesystem::remove(out);
  for (const char* want : {"김하늘", "익산 금세공방", "AI 상품 문구와 사진", "AI copy and photos",
                           "AC-7K2M-Q9PX", "Certificate of Completion", "2026-12-10"})
    EXPECT_NE(text.find(want), std::string::npos) << want << " missing from:\n" << text;
}

}  // namespace
}  // namespace brilliant::academy
