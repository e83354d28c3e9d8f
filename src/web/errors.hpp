// The one table from error kinds to HTTP status (DESIGN.md §9), and the JSON error body.
#pragma once
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace brilliant::web {

int http_status(ErrorKind kind);
// {"error":{"code":...,"message":...,"field":...,"text":...}}: message is English for programs; text,
// when given and different, is the same in the reader's language for people (pages' scripts show it).
std::string error_json(const Error& error, std::string_view text = {});

}  // namespace brilliant::web
