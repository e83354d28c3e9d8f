// For tests of printed documents: a PDF read back as text with pdftotext (poppler-utils), as a person's
// PDF reader would; nothing when pdftotext is not installed (the test then skips).
#pragma once
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>

#include "core/secret.hpp"

namespace brilliant::print {

inline std::optional<std::string> pdf_text(const std::string& pdf) {
  if (std::system("command -v pdftotext >/dev/null 2>&1") != 0) return std::nullopt;
  const auto dir = std::filesystem::temp_directory_path();
  const auto in = dir / ("pdf-" + random_token(6) + ".pdf"), out = dir / ("pdf-" + random_token(6) + ".txt");
  std::ofstream(in, std::ios::binary) << pdf;
  const int status = std::system(("pdftotext " + in.string() + " " + out.string()).c_str());
  std::ifstream file(out);
  std::string text((std::istreambuf_iterator<char>(file)), {});
  std::filesystem::remove(in);
  std::filesystem::remove(out);
  if (status != 0) return std::string();
  return text;
}

}  // namespace brilliant::print
