#include "web/errors.hpp"

#include <boost/json.hpp>

namespace brilliant::web {

int http_status(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid:
      return 400;
    case ErrorKind::unauthenticated:
      return 401;
    case ErrorKind::forbidden:
      return 403;
    case ErrorKind::not_found:
      return 404;
    case ErrorKind::conflict:
      return 409;
    case ErrorKind::rule_broken:
      return 422;
    case ErrorKind::too_many:
      return 429;
    case ErrorKind::internal:
      return 500;
  }
  return 500;
}

std::string error_json(const Error& error, std::string_view text) {
  boost::json::object inner{{"code", error.code}, {"message", error.message}};
  if (!error.field.empty()) inner["field"] = error.field;
  if (!text.empty() && text != error.message) inner["text"] = text;
  return boost::json::serialize(boost::json::object{{"error", std::move(inner)}});
}

}  // namespace brilliant::web
