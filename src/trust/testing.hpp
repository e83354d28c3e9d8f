// For trust's tests: proofs as the byte strings the verifiers take, and the published eddsa-jcs-2022
// test vectors (tests/vectors/eddsa-jcs-2022, from the W3C vc-di-eddsa specification).
#pragma once
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "trust/merkle.hpp"

namespace brilliant::trust {

inline std::vector<std::string> bytes(const std::vector<Hash>& hashes) {
  std::vector<std::string> out;
  for (const auto& h : hashes) out.push_back(bytes_of(h));
  return out;
}

// The vector file's text without its trailing newline or spaces.
inline std::string vector_file(const std::string& name) {
  std::ifstream in(std::filesystem::path(BRILLIANT_SOURCE_DIR) / "tests/vectors/eddsa-jcs-2022" / name,
                   std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  auto s = text.str();
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

}  // namespace brilliant::trust
