// The one table from error kinds to HTTP status (DESIGN.md §9), and the JSON error body.
#pragma once
#include <string>

#include "core/result.hpp"

namespace brilliant::web {

int http_status(ErrorKind kind);
// {"error":{"code":...,"message":...,"field":...}}
std::string error_json(const Error& error);

}  // namespace brilliant::web
