// A zip archive made in memory (libzip): channel photos downloaded as one file per product or channel.
// Files are stored, not deflated (JPEGs do not shrink).
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace brilliant::media {

// (name in the archive, bytes) in order; names are UTF-8 and must differ.
Result<std::string> zip_files(const std::vector<std::pair<std::string, std::string>>& files);

}  // namespace brilliant::media
