#include "web/access_log.hpp"

#include <spdlog/async.h>
#include <spdlog/async_logger.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <array>

#include "web/form.hpp"
#include "web/router.hpp"

namespace brilliant::web {
namespace {

constexpr std::array secret_names{"key", "token", "password", "secret", "code"};

bool secret(std::string_view name) {
  for (auto s : secret_names)
    if (name == s) return true;
  return false;
}

std::string loggable_path(const Request& request, const Route* route) {
  if (!route) return request.path;
  for (const auto& [name, value] : request.params)
    if (secret(name)) return route->pattern;
  return request.path;
}

}  // namespace

std::string loggable_target(const Request& request, const Route* route) {
  std::string out = (request.locale_in_path ? "/en" : "") + loggable_path(request, route);
  if (request.query.empty()) return out;
  // Most queries name no secret: they are logged as sent, without decoding them again.
  bool names_secret = false;
  for (auto s : secret_names) names_secret = names_secret || request.query.find(s) != std::string::npos;
  if (!names_secret) return out + "?" + request.query;
  auto query = parse_form(request.query);
  if (!query.valid()) return out + "?(malformed)";
  char separator = '?';
  for (const auto& [name, value] : query.fields()) {
    out += separator;
    out += url_encode(name) + "=" + (secret(name) ? std::string("***") : url_encode(value));
    separator = '&';
  }
  return out;
}

AccessLog::AccessLog()
    : pool_(std::make_shared<spdlog::details::thread_pool>(65536, 1)),
      logger_(std::make_shared<spdlog::async_logger>("access",
                                                     std::make_shared<spdlog::sinks::stdout_sink_mt>(), pool_,
                                                     spdlog::async_overflow_policy::block)) {
  logger_->set_pattern("[%Y-%m-%d %H:%M:%S.%e] [access] %v");
}

AccessLog::~AccessLog() { flush(); }

void AccessLog::write(const Request& request, const Route* route, int status,
                      std::chrono::nanoseconds elapsed) {
  logger_->info("{} {} {} {} {:.2f}ms {}", request.remote_ip, method_name(request.method),
                loggable_target(request, route), status,
                std::chrono::duration<double, std::milli>(elapsed).count(), request.request_id);
}

void AccessLog::flush() { logger_->flush(); }

}  // namespace brilliant::web
