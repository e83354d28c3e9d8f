// Filling a message's {{name}} places with values ("{{shown}} of {{total}} parcels"), for messages that
// are text, not templates (Mustache fills the pages).
#pragma once
#include <map>
#include <string>

namespace brilliant {

// Replaces every {{name}} in text with its value; names not given stay as written.
inline std::string fill(std::string text, const std::map<std::string, std::string>& values) {
  for (const auto& [name, value] : values) {
    const std::string marker = "{{" + name + "}}";
    for (size_t at = text.find(marker); at != std::string::npos; at = text.find(marker, at + value.size()))
      text.replace(at, marker.size(), value);
  }
  return text;
}

}  // namespace brilliant
